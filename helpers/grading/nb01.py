"""Checks for notebook 01 (logistic regression).

Each exercise has a visible check (`check_<name>`), called by its test cell, and a hidden
check (`hidden_<name>`) whose expected values are written into the hidden part of the test
cell. Above each check is the list of common mistakes it recognises; the tests in
tests/test_grading_nb01.py run every one of them through the check and through nbgrader.
"""
import numpy as np

from .. import logistic as ref
from ..activations import sigmoid as ref_sigmoid
from . import cellguard
from .checks import (CheckFailed, Mistake, NotAnswered, as_array, as_scalar, call,
                     expect_close, expect_costs, hidden, passed, plain, shown, using,
                     visible_for)

NOTEBOOK = "01_logistic_regression"
visible = visible_for(NOTEBOOK)

# The small case every visible check uses: 2 features, 4 examples.
W = np.array([[0.5], [-1.0]])
B = 0.25
X = np.array([[1.0, -2.0, 0.5, 3.0], [0.5, 1.5, -1.0, 2.0]])
Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def _sig(z):
    return 1 / (1 + np.exp(-z))


# -- sigmoid ------------------------------------------------------------------------------
SIGMOID_MISTAKES = [
    Mistake("you computed sigmoid(-z): the exponent is exp(-z), with a minus sign",
            lambda z: 1 / (1 + np.exp(z))),
    Mistake("the denominator is 1 + exp(-z), not 1 - exp(-z)",
            lambda z: 1 / (1 - np.exp(-z))),
    Mistake("sigmoid returns a probability between 0 and 1, not a 0/1 label: leave the "
            "thresholding to predict", lambda z: (np.asarray(z) > 0).astype(float)),
    Mistake("exp(z) / (1 + exp(z)) gives nan for large z (inf / inf): use "
            "1 / (1 + exp(-z)), which only overflows to the harmless 1 / inf = 0",
            lambda z: np.exp(z) / (1 + np.exp(z))),
]


@visible
def check_sigmoid(sigmoid):
    """Visible check of exercise 1."""
    z = np.array([[-3.0, -1.0, 0.0], [1.0, 2.5, 40.0]])
    out = as_array(call(sigmoid, "sigmoid", z), "sigmoid(z) for z of shape (2, 3)", (2, 3))
    expect_close(out, ref_sigmoid(z), "sigmoid(z)", SIGMOID_MISTAKES, (z,))
    expect_close(as_scalar(call(sigmoid, "sigmoid", 0.0), "sigmoid(0.0)"), 0.5,
                 "sigmoid(0.0)")
    big = np.array([-1000.0, 1000.0])
    out = as_array(call(sigmoid, "sigmoid", big), "sigmoid([-1000, 1000])", (2,))
    expect_close(out, [0.0, 1.0], "sigmoid([-1000, 1000])", SIGMOID_MISTAKES, (big,))
    passed("sigmoid", 3)


@hidden
def hidden_sigmoid(sigmoid, z, expected):
    out = as_array(call(sigmoid, "sigmoid", z), "sigmoid on a hidden case",
                   np.shape(expected))
    expect_close(out, expected, "sigmoid on a hidden case", SIGMOID_MISTAKES, (z,),
                 reveal=False)


# -- initialize_with_zeros ----------------------------------------------------------------
def _compare_initialize(initialize_with_zeros, dim):
    what = f"initialize_with_zeros({dim})"
    result = call(initialize_with_zeros, "initialize_with_zeros", dim)
    if not (isinstance(result, tuple) and len(result) == 2):
        raise CheckFailed(f"{what} should return the pair (w, b), got {shown(result)}")
    w, b = result
    w_arr = as_array(w, f"w from {what}", (dim, 1))
    if not np.issubdtype(np.asarray(w).dtype, np.floating):
        raise CheckFailed(f"w from {what} has dtype {np.asarray(w).dtype}: make it "
                          "floating point (np.zeros gives float64 unless told otherwise)")
    if np.any(w_arr != 0):
        raise CheckFailed(f"w from {what} should be all zeros")
    if np.ndim(b) != 0:
        raise CheckFailed(f"b from {what} should be a single number (the neuron has one "
                          f"bias), got an array of shape {np.shape(b)}")
    if as_scalar(b, f"b from {what}") != 0:
        raise CheckFailed(f"b from {what} should be 0")


@visible
def check_initialize_with_zeros(initialize_with_zeros):
    """Visible check of exercise 2."""
    _compare_initialize(initialize_with_zeros, 3)
    passed("initialize_with_zeros", 4)


@hidden
def hidden_initialize_with_zeros(initialize_with_zeros, dim):
    _compare_initialize(initialize_with_zeros, dim)


# -- propagate ------------------------------------------------------------------------------
def _propagate_parts(w, b, X, Y):
    """(A, dZ, m) of the correct forward pass; the mistakes below start from these."""
    A = _sig(w.T @ X + b)
    return A, A - Y, X.shape[1]


def _cost(A, Y):
    return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))


DW_MISTAKES = [
    Mistake("dw is m times too large: did you forget to divide by m?",
            lambda w, b, X, Y: X @ _propagate_parts(w, b, X, Y)[1].T),
    Mistake("dw has the wrong sign: dz = A - Y (prediction minus label), not Y - A",
            lambda w, b, X, Y: -X @ _propagate_parts(w, b, X, Y)[1].T / X.shape[1]),
    Mistake("dw uses A instead of dz = A - Y",
            lambda w, b, X, Y: X @ _propagate_parts(w, b, X, Y)[0].T / X.shape[1]),
]
DB_MISTAKES = [
    Mistake("db is m times too large: did you forget to divide by m?",
            lambda w, b, X, Y: np.sum(_propagate_parts(w, b, X, Y)[1])),
    Mistake("db has the wrong sign: dz = A - Y, not Y - A",
            lambda w, b, X, Y: -np.mean(_propagate_parts(w, b, X, Y)[1])),
]
COST_MISTAKES = [
    Mistake("the cost is negative: the cross-entropy is -(y log(a) + (1 - y) log(1 - a)), "
            "mind the leading minus",
            lambda w, b, X, Y: -_cost(_propagate_parts(w, b, X, Y)[0], Y)),
    Mistake("the cost is m times too large: the cost J is the mean of the losses, "
            "divide the sum by m",
            lambda w, b, X, Y: X.shape[1] * _cost(_propagate_parts(w, b, X, Y)[0], Y)),
    Mistake("log(a) and log(1 - a) are swapped: y multiplies log(a)",
            lambda w, b, X, Y: _cost(1 - _propagate_parts(w, b, X, Y)[0], Y)),
    Mistake("that is the squared error; this exercise's cost is the cross-entropy",
            lambda w, b, X, Y: np.mean((_propagate_parts(w, b, X, Y)[0] - Y) ** 2)),
    Mistake("that is half the squared error; this exercise's cost is the cross-entropy",
            lambda w, b, X, Y: np.mean((_propagate_parts(w, b, X, Y)[0] - Y) ** 2) / 2),
]


def _run_propagate(propagate, w, b, X, Y, what):
    with using(propagate, sigmoid=ref_sigmoid):
        result = call(propagate, "propagate", w, b, X, Y)
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], dict)):
        raise CheckFailed(f"{what}: propagate should return (grads, cost) with grads a "
                          f"dict, got {type(result).__name__}")
    grads, cost = result
    for key in ("dw", "db"):
        if key not in grads:
            raise CheckFailed(f"{what}: grads has no key {key!r} (it has {shown(sorted(grads))})")
    return grads, cost


def _compare_propagate(propagate, w, b, X, Y, expected, what, reveal):
    grads, cost = _run_propagate(propagate, w, b, X, Y, what)
    args = (w, b, X, Y)
    dw = as_array(grads["dw"], f"dw ({what})", w.shape)
    expect_close(dw, expected[0], f"dw ({what})", DW_MISTAKES, args, reveal=reveal)
    expect_close(as_scalar(grads["db"], f"db ({what})"), expected[1], f"db ({what})",
                 DB_MISTAKES, args, reveal=reveal)
    expect_close(as_scalar(cost, f"cost ({what})"), expected[2], f"cost ({what})",
                 COST_MISTAKES, args, reveal=reveal)


@visible
def check_propagate(propagate):
    """Visible check of exercise 3."""
    grads, cost = ref.propagate(W, B, X, Y)
    _compare_propagate(propagate, W, B, X, Y, (grads["dw"], grads["db"], cost),
                       "2 features, 4 examples", reveal=True)
    passed("propagate", 3)


@hidden
def hidden_propagate(propagate, w, b, X, Y, dw, db, cost):
    _compare_propagate(propagate, np.asarray(w, float), b, np.asarray(X, float),
                       np.asarray(Y, float), (np.asarray(dw), db, cost), "a hidden case",
                       reveal=False)


# -- optimize -------------------------------------------------------------------------------
def _descend(w, b, X, Y, n, lr, sign=1.0, update_b=True, every=100):
    w = np.array(w, float)
    costs = []
    for i in range(n):
        grads, cost = ref.propagate(w, b, X, Y)
        if i % every == 0:
            costs.append(cost)
        w = w - sign * lr * grads["dw"]
        if update_b:
            b = b - sign * lr * grads["db"]
    return w, b, costs


def _descended(*args, **kwargs):
    """w and b after `_descend`, as one vector, the way the check compares them."""
    w, b, _ = _descend(*args, **kwargs)
    return np.append(w, b)


OPTIMIZE_MISTAKES = [
    Mistake("w and b moved uphill: gradient descent subtracts learning_rate * dw "
            "(and learning_rate * db)",
            lambda w, b, X, Y, n, lr: _descended(w, b, X, Y, n, lr, sign=-1.0)),
    Mistake("each step must be scaled by learning_rate",
            lambda w, b, X, Y, n, lr: _descended(w, b, X, Y, n, 1.0)),
    Mistake("b never changes: update b with db as well as w with dw",
            lambda w, b, X, Y, n, lr: _descended(w, b, X, Y, n, lr, update_b=False)),
    Mistake("the loop runs one step too many: range(num_iterations) runs exactly "
            "num_iterations steps",
            lambda w, b, X, Y, n, lr: _descended(w, b, X, Y, n + 1, lr)),
]


def _compare_optimize(optimize, w, b, X, Y, n, lr, want, what, reveal):
    w_in = np.array(w, float)
    with using(optimize, propagate=ref.propagate, sigmoid=ref_sigmoid):
        result = call(optimize, "optimize", w_in.copy(), b, X, Y, n, lr)
    if not (isinstance(result, tuple) and len(result) == 3 and isinstance(result[0], dict)):
        raise CheckFailed(f"{what}: optimize should return (params, grads, costs)")
    params, _, costs = result
    for key in ("w", "b"):
        if key not in params:
            raise CheckFailed(f"{what}: params has no key {key!r}")
    want_w, want_b, want_costs = want
    args = (w_in, b, X, Y, n, lr)
    got = np.append(as_array(params["w"], f"w after optimize ({what})", w_in.shape),
                    as_scalar(params["b"], f"b after optimize ({what})"))
    expect_close(got, np.append(want_w, want_b), f"w and b after optimize ({what})",
                 OPTIMIZE_MISTAKES, args, reveal=reveal)
    expect_costs(costs, want_costs, n, what, reveal)


@visible
def check_optimize(optimize):
    """Visible check of exercise 4."""
    _compare_optimize(optimize, W, B, X, Y, 201, 0.1, _descend(W, B, X, Y, 201, 0.1),
                      "201 iterations, learning rate 0.1", reveal=True)
    passed("optimize", 3)


@hidden
def hidden_optimize(optimize, w, b, X, Y, num_iterations, learning_rate, expected):
    """Hidden check; `expected` = (w, b, costs) written into the test cell."""
    _compare_optimize(optimize, np.asarray(w, float), b, np.asarray(X, float),
                      np.asarray(Y, float), num_iterations, learning_rate,
                      (np.asarray(expected[0]), expected[1], expected[2]), "a hidden case",
                      reveal=False)


# -- predict --------------------------------------------------------------------------------
PREDICT_MISTAKES = [
    Mistake("predict returns probabilities: turn them into labels, 1 where the "
            "probability is above 0.5 and 0 elsewhere",
            lambda w, b, X: _sig(w.T @ X + b)),
    Mistake("the labels are inverted: predict 1 where the probability is ABOVE 0.5",
            lambda w, b, X: (_sig(w.T @ X + b) <= 0.5).astype(float)),
    Mistake("every example is predicted 1: compare the probability with 0.5, not 0",
            lambda w, b, X: (_sig(w.T @ X + b) > 0).astype(float)),
]


def _compare_predict(predict, w, b, X, expected, what, reveal):
    with using(predict, sigmoid=ref_sigmoid):
        out = call(predict, "predict", w, b, X)
    out = as_array(out, f"predict ({what})", (1, X.shape[1]))
    expect_close(out, expected, f"predict ({what})", PREDICT_MISTAKES, (w, b, X),
                 reveal=reveal)


@visible
def check_predict(predict):
    """Visible check of exercise 5."""
    _compare_predict(predict, W, B, X, ref.predict(W, B, X), "2 features, 4 examples", True)
    passed("predict", 2)


@hidden
def hidden_predict(predict, w, b, X, expected):
    _compare_predict(predict, np.asarray(w, float), b, np.asarray(X, float), expected,
                     "a hidden case", reveal=False)


# -- model ----------------------------------------------------------------------------------
def _toy_split(seed):
    """A linearly separable-ish problem in 5 features with 60 training and 20 test
    examples, different for every seed."""
    rng = np.random.default_rng(seed)
    w_true = rng.normal(size=(5, 1))
    Xs = rng.normal(size=(5, 80))
    Ys = (w_true.T @ Xs + 0.5 * rng.normal(size=(1, 80)) > 0).astype(float)
    return Xs[:, :60], Ys[:, :60], Xs[:, 60:], Ys[:, 60:]


MODEL_KEYS = ("costs", "Y_prediction_train", "Y_prediction_test", "w", "b",
              "learning_rate", "num_iterations")


def _compare_model(model, data, num_iterations, learning_rate, want, what, reveal):
    X_tr, Y_tr, X_te, Y_te = data
    upstream = dict(initialize_with_zeros=ref.initialize_with_zeros, optimize=ref.optimize,
                    propagate=ref.propagate, predict=ref.predict, sigmoid=ref_sigmoid)
    try:
        with using(model, **upstream):
            d = call(model, "model", X_tr, Y_tr, X_te, Y_te, num_iterations=num_iterations,
                     learning_rate=learning_rate)
    except AssertionError as err:
        if "w must have shape" in str(err):
            raise CheckFailed(f"{err}. The number of features is the number of rows of "
                              "X_train, X_train.shape[0]; shape[1] counts examples") from None
        raise
    if not isinstance(d, dict):
        raise CheckFailed(f"model should return a dict, got {type(d).__name__}")
    missing = [k for k in MODEL_KEYS if k not in d]
    if missing:
        raise CheckFailed(f"the dict model returns has no {missing}")
    if d["learning_rate"] != learning_rate or d["num_iterations"] != num_iterations:
        raise CheckFailed(f"{what}: model must use (and report) the learning_rate and "
                          "num_iterations it is given, not fixed values")
    want = {k: np.asarray(v, float) for k, v in want.items()}
    w = as_array(d["w"], f"w from model ({what})", want["w"].shape)
    fixed = ref.optimize(np.zeros_like(want["w"]), 0.0, X_tr, Y_tr)[0]["w"]
    expect_close(w, want["w"], f"w from model ({what})", [
        Mistake("w is still zero: return the parameters after optimize, not the initial "
                "ones", lambda: np.zeros_like(want["w"])),
        Mistake("model must train with the learning_rate and num_iterations it is given "
                "(pass them on to optimize), not fixed values",
                lambda: ref.optimize(np.zeros_like(want["w"]), 0.0, X_tr, Y_tr, 2000,
                                     0.5)[0]["w"]),
        Mistake("model must pass num_iterations and learning_rate on to optimize; "
                "optimize's own defaults were used", lambda: fixed)], reveal=reveal)
    if np.shape(d["Y_prediction_train"]) == Y_te.shape != Y_tr.shape:
        raise CheckFailed(f"{what}: the training and test predictions are swapped")
    train = as_array(d["Y_prediction_train"], f"Y_prediction_train ({what})", Y_tr.shape)
    test = as_array(d["Y_prediction_test"], f"Y_prediction_test ({what})", Y_te.shape)
    expect_close(train, want["Y_prediction_train"], f"Y_prediction_train ({what})",
                 reveal=reveal)
    expect_close(test, want["Y_prediction_test"], f"Y_prediction_test ({what})",
                 reveal=reveal)


@visible
def check_model(model):
    """Visible check of exercise 6."""
    data = _toy_split(1)
    want = ref.model(*data, num_iterations=300, learning_rate=0.05)
    _compare_model(model, data, 300, 0.05, want, "a small 5-feature problem", True)
    passed("model", 3)


@hidden
def hidden_model(model, seed, num_iterations, learning_rate, w, Y_prediction_train,
                 Y_prediction_test):
    """Hidden check; the expected w and predictions are written into the test cell."""
    want = {"w": w, "Y_prediction_train": Y_prediction_train,
            "Y_prediction_test": Y_prediction_test}
    _compare_model(model, _toy_split(seed), num_iterations, learning_rate, want,
                   "a hidden case", reveal=False)


# -- the true/false question ----------------------------------------------------------------
@visible
def check_true_false(answer, name):
    """Visible check of a true/false answer: only that it is answered, with a bool."""
    cellguard.check(answer, name, NOTEBOOK)
    _truth(answer, name)
    print(f"\N{CHECK MARK} {name} is answered; the hidden test decides whether it is right")


@hidden
def hidden_true_false(answer, expected, name):
    if _truth(answer, name) != expected:
        raise CheckFailed(f"{name} is not the right answer")


def _truth(answer, name):
    """The answer as a plain bool, or an error saying what to fix."""
    answer = plain(answer, name)
    if answer is None:
        raise NotAnswered(f"{name} is not answered yet: set it to True or False")
    if type(answer) not in (bool, np.bool_):
        raise CheckFailed(f"{name} should be True or False (no quotes), got {shown(answer)}")
    return bool(answer)
