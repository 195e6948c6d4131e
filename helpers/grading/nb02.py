"""Checks for notebook 02 (vectorization, and a network with one hidden layer).

Each exercise has a visible check (`check_<name>`), called by its test cell, and a hidden
check (`hidden_<name>`) whose expected values are written into the hidden part of the test
cell. Above each check is the list of common mistakes it recognises; the tests in
tests/test_checks.py, tests/test_grading_nb02.py and tests/test_pipeline.py run realistic
wrong answers (tests/nb02_answers.py) through the checks and through nbgrader.
"""
import copy

import numpy as np

from .. import logistic as ref_logistic
from .. import shallow as ref
from ..activations import sigmoid as _sig
from ..data import make_planar
from . import nb01
from .checks import (CheckFailed, Mistake, as_array, as_scalar, assert_loop_free,
                     assert_vectorized, call, expect_close, expect_costs, hidden, passed,
                     quiet, shape_message, shown, using, visible_for)

NOTEBOOK = "02_vectorization"
visible = visible_for(NOTEBOOK)

# Exercise 1's small case: 3 features, 5 examples.
W = np.array([[0.5], [-1.0], [0.25]])
B = 0.1
X = np.array([[1.0, -2.0, 0.5, 3.0, 0.0],
              [0.5, 1.5, -1.0, 2.0, -0.5],
              [2.0, 0.0, 1.0, -1.0, 1.5]])
Y = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])

# The network's small case: n_x = 2 inputs, n_h = 3 hidden units, m = 5 examples.
NET = {"W1": np.array([[0.8, -0.5], [0.3, 1.2], [-1.0, 0.4]]),
       "b1": np.array([[0.1], [-0.2], [0.05]]),
       "W2": np.array([[1.5, -0.7, 0.9]]),
       "b2": np.array([[0.25]])}
X_NET = np.array([[1.0, -0.5, 0.3, 2.0, -1.5],
                  [0.5, 1.5, -1.0, 0.0, 0.8]])
Y_NET = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
KEYS = ref.PARAMETER_KEYS
# logistic_gradients may compute in float32: a looser tolerance than the default.
RTOL_FLOAT32 = 1e-5


def _arrays(values):
    return {key: np.asarray(value, dtype=float) for key, value in values.items()}


def _check_dict(value, what, keys):
    if not isinstance(value, dict):
        raise CheckFailed(f"{what} should be a dict with keys {list(keys)}, got "
                          f"{type(value).__name__}")
    missing = [key for key in keys if key not in value]
    if missing:
        raise CheckFailed(f"{what} has no {missing} (it has {sorted(value)})")


# -- 1. logistic_gradients ------------------------------------------------------------------
# Notebook 01's mistakes for dw and db, plus one more: the sigmoid left out.
def _without_sigmoid(w, b, X, Y):
    return (w.T @ X + b) - Y


LOGISTIC_DW_MISTAKES = nb01.DW_MISTAKES + [
    Mistake("the sigmoid is missing: A = sigmoid(w^T X + b) is a probability, and "
            "dz = A - Y", lambda w, b, X, Y: X @ _without_sigmoid(w, b, X, Y).T / X.shape[1]),
]
LOGISTIC_DB_MISTAKES = nb01.DB_MISTAKES + [
    Mistake("the sigmoid is missing: A = sigmoid(w^T X + b) is a probability, and "
            "dz = A - Y", lambda w, b, X, Y: np.mean(_without_sigmoid(w, b, X, Y))),
]


def _compare_logistic_gradients(logistic_gradients, w, b, X, Y, dw, db, what, reveal):
    result = call(logistic_gradients, "logistic_gradients", w, b, X, Y)
    if isinstance(result, dict):
        raise CheckFailed("logistic_gradients should return the pair (dw, db), not a "
                          "dict: end with `return dw, db`")
    if not (isinstance(result, tuple) and len(result) == 2):
        raise CheckFailed(f"logistic_gradients should return the pair (dw, db), got "
                          f"{type(result).__name__}")
    args = (w, b, X, Y)
    got_dw = as_array(result[0], f"dw ({what})", w.shape)
    expect_close(got_dw, dw, f"dw ({what})", LOGISTIC_DW_MISTAKES, args, rtol=RTOL_FLOAT32,
                 reveal=reveal)
    expect_close(as_scalar(result[1], f"db ({what})"), db, f"db ({what})",
                 LOGISTIC_DB_MISTAKES, args, rtol=RTOL_FLOAT32, reveal=reveal)
    assert_vectorized(logistic_gradients, "logistic_gradients")
    larger = (w, b, np.tile(X, (1, 8)), np.tile(Y, (1, 8)))
    assert_loop_free(logistic_gradients, "logistic_gradients", args, larger)


@visible
def check_logistic_gradients(logistic_gradients):
    """Visible check of exercise 1: values, then no Python loop."""
    grads, _ = ref_logistic.propagate(W, B, X, Y)
    _compare_logistic_gradients(logistic_gradients, W, B, X, Y, grads["dw"], grads["db"],
                                "3 features, 5 examples", reveal=True)
    passed("logistic_gradients", 3)


@hidden
def hidden_logistic_gradients(logistic_gradients, w, b, X, Y, dw, db):
    """Hidden check; `dw` and `db` are written into the test cell."""
    _compare_logistic_gradients(logistic_gradients, np.asarray(w, float), b,
                                np.asarray(X, float), np.asarray(Y, float),
                                np.asarray(dw, float), db, "a hidden case", reveal=False)


@hidden
def hidden_logistic_gradients_at_scale(logistic_gradients, seed, n_x, m, dw, db):
    """Hidden check on a batch of realistic size, drawn from `seed`."""
    rng = np.random.default_rng(seed)
    w = 0.1 * rng.standard_normal((n_x, 1))
    X = rng.random((n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    _compare_logistic_gradients(logistic_gradients, w, -0.2, X, Y, np.asarray(dw, float),
                                db, f"{n_x} features, {m} examples", reveal=False)


# -- 2. layer_sizes -------------------------------------------------------------------------
LAYER_SIZES_MISTAKES = [
    Mistake("n_x is the number of input features, the number of ROWS of X (X.shape[0]); "
            "X.shape[1] counts the examples",
            lambda X, Y, n_h: (X.shape[1], n_h, Y.shape[0])),
    Mistake("n_y is the number of output units, the number of ROWS of Y (Y.shape[0]); "
            "Y.shape[1] counts the examples",
            lambda X, Y, n_h: (X.shape[0], n_h, Y.shape[1])),
    Mistake("n_x and n_y are the numbers of ROWS of X and Y (shape[0]); shape[1] counts "
            "the examples", lambda X, Y, n_h: (X.shape[1], n_h, Y.shape[1])),
    Mistake("use the n_h you are given: 4 is only its default",
            lambda X, Y, n_h: (X.shape[0], 4, Y.shape[0])),
]


def _compare_layer_sizes(layer_sizes, X, Y, n_h, expected, what, reveal):
    args = (X, Y) if n_h is None else (X, Y, n_h)
    result = call(layer_sizes, "layer_sizes", *args)
    if not (isinstance(result, (tuple, list)) and len(result) == 3):
        raise CheckFailed(f"layer_sizes should return the three sizes (n_x, n_h, n_y), "
                          f"got {shown(result)}")
    got = [as_scalar(size, f"each size from layer_sizes ({what})") for size in result]
    if any(size != int(size) for size in got):
        raise CheckFailed(f"layer_sizes ({what}) should return whole numbers, got {got}")
    expect_close(got, expected, f"(n_x, n_h, n_y) ({what})", LAYER_SIZES_MISTAKES,
                 (X, Y, 4 if n_h is None else n_h), reveal=reveal)


@visible
def check_layer_sizes(layer_sizes):
    """Visible check of exercise 2."""
    X, Y = np.zeros((5, 7)), np.zeros((1, 7))
    _compare_layer_sizes(layer_sizes, X, Y, 6, (5, 6, 1), "X (5, 7), Y (1, 7), n_h=6", True)
    _compare_layer_sizes(layer_sizes, X, Y, None, (5, 4, 1), "X (5, 7), Y (1, 7), "
                         "n_h left out", True)
    passed("layer_sizes", 2)


@hidden
def hidden_layer_sizes(layer_sizes, x_shape, y_shape, n_h, expected):
    _compare_layer_sizes(layer_sizes, np.zeros(x_shape), np.zeros(y_shape), n_h, expected,
                         "a hidden case", reveal=False)


# -- 3. initialize_parameters ---------------------------------------------------------------
# The check accepts every correct way of drawing small random weights (W2 before W1, a
# transposed draw, rng.normal(0, 0.01, ...)): it compares statistics, not values. It
# recognises these mistakes:
#   weights 100 times too large (no 0.01), all-zero weights, uniform draws in [0, 1),
#   random biases, the global np.random instead of `rng`, a new generator made inside,
#   every hidden unit given the same weights, rank-1 biases, transposed weights.
SCALE = 0.01


def _initialized(initialize_parameters, n_x, n_h, n_y, seed, what):
    params = call(initialize_parameters, "initialize_parameters", n_x, n_h, n_y,
                  np.random.default_rng(seed))
    _check_dict(params, f"the parameters ({what})", KEYS)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    out = {}
    for key in KEYS:
        out[key] = as_array(params[key], f"{key} ({what})", shapes[key])
        if not np.issubdtype(np.asarray(params[key]).dtype, np.floating):
            raise CheckFailed(f"{key} ({what}) has dtype {np.asarray(params[key]).dtype}: "
                              "make it floating point")
    return out


def _compare_initialize(initialize_parameters, n_x, n_h, n_y, seed, what):
    params = _initialized(initialize_parameters, n_x, n_h, n_y, seed, what)
    for key in ("b1", "b2"):
        if np.any(params[key] != 0):
            raise CheckFailed(f"{key} ({what}) should start at zero: the random weights "
                              "already make the hidden units differ")
    for key in ("W1", "W2"):
        if np.all(params[key] == 0):
            raise CheckFailed(
                f"{key} ({what}) is all zeros: every hidden unit would then compute the "
                "same thing and get the same gradient, so they would stay copies of each "
                "other. Draw small random weights, 0.01 * rng.standard_normal(shape)")
    weights = np.concatenate([params["W1"].ravel(), params["W2"].ravel()])
    if weights.size >= 20 and np.all(weights >= 0):
        raise CheckFailed(f"the weights ({what}) are all positive: draw them from a normal "
                          "distribution centred on 0, rng.standard_normal, not from "
                          "rng.random, which is uniform between 0 and 1")
    for key in ("W1", "W2"):
        size = params[key].size
        rms = np.sqrt(np.mean(params[key] ** 2))
        if np.max(np.abs(params[key])) > 6 * SCALE or (size >= 20 and rms > 2 * SCALE):
            size_text = "large" if quiet() else f"about {rms:.2g} in size"
            raise CheckFailed(f"{key} ({what}) is too large: its entries are "
                              f"{size_text}, where 0.01 * rng.standard_normal "
                              "gives about 0.01. Multiply the standard normal draws by "
                              "0.01 (large weights push tanh into its flat ends, where "
                              "it learns slowly)")
        if size >= 20 and rms < SCALE / 2:
            raise CheckFailed(f"{key} ({what}) is too small: the weights should be about "
                              "0.01 * rng.standard_normal(shape)")
    if n_h > 1 and n_x > 1 and np.all(params["W1"] == params["W1"][0]):
        raise CheckFailed(f"every hidden unit got the same weights ({what}): draw a "
                          "different random number for every entry of W1")
    again = _initialized(initialize_parameters, n_x, n_h, n_y, seed, what)
    if any(not np.array_equal(params[key], again[key]) for key in KEYS):
        raise CheckFailed("two calls with generators made from the same seed gave "
                          "different weights: draw from the rng you are given "
                          "(rng.standard_normal), not from np.random.randn or "
                          "np.random.rand, which use numpy's global generator")
    other = _initialized(initialize_parameters, n_x, n_h, n_y, seed + 1, what)
    if all(np.array_equal(params[key], other[key]) for key in KEYS):
        raise CheckFailed("generators made from different seeds gave the same weights: "
                          "initialize_parameters must draw from the rng it is given, "
                          "not make a generator of its own")


@visible
def check_initialize_parameters(initialize_parameters):
    """Visible check of exercise 3."""
    _compare_initialize(initialize_parameters, 2, 4, 1, 0, "n_x=2, n_h=4, n_y=1")
    _compare_initialize(initialize_parameters, 30, 20, 1, 1, "n_x=30, n_h=20, n_y=1")
    passed("initialize_parameters", 2)


@hidden
def hidden_initialize_parameters(initialize_parameters, n_x, n_h, n_y, seed):
    _compare_initialize(initialize_parameters, n_x, n_h, n_y, seed, "a hidden case")


# -- 4. forward_propagation -----------------------------------------------------------------
def _forward(X, p, hidden=np.tanh, output=_sig, biases=True):
    """A2 of a forward pass, with the parts a mistake changes as arguments."""
    b1, b2 = (p["b1"], p["b2"]) if biases else (0.0, 0.0)
    return output(p["W2"] @ hidden(p["W1"] @ X + b1) + b2)


FORWARD_MISTAKES = [
    Mistake("the hidden layer uses tanh, A1 = np.tanh(Z1), not the sigmoid",
            lambda X, p: _forward(X, p, hidden=_sig)),
    Mistake("the output layer uses the sigmoid, A2 = sigmoid(Z2), so that A2 is a "
            "probability; tanh belongs to the hidden layer",
            lambda X, p: _forward(X, p, output=np.tanh)),
    Mistake("the two activations are swapped: tanh in the hidden layer, the sigmoid at the "
            "output", lambda X, p: _forward(X, p, hidden=_sig, output=np.tanh)),
    Mistake("A2 = sigmoid(Z2): you returned Z2, before the sigmoid",
            lambda X, p: _forward(X, p, output=lambda z: z)),
    Mistake("A1 = tanh(Z1): the hidden layer passed Z1 on without its activation",
            lambda X, p: _forward(X, p, hidden=lambda z: z)),
    Mistake("the biases are missing: Z1 = W1 X + b1 and Z2 = W2 A1 + b2",
            lambda X, p: _forward(X, p, biases=False)),
]


def _compare_forward(forward_propagation, X, parameters, expected, what, reveal):
    """expected: {"A2": ..., plus any of "Z1", "A1", "Z2"} to compare with the cache."""
    result = call(forward_propagation, "forward_propagation", X, copy.deepcopy(parameters))
    if not (isinstance(result, tuple) and len(result) == 2):
        raise CheckFailed("forward_propagation should return the pair (A2, cache)")
    A2, cache = result
    m = X.shape[1]
    A2 = as_array(A2, f"A2 ({what})", (1, m))
    expect_close(A2, expected["A2"], f"A2 ({what})", FORWARD_MISTAKES, (X, parameters),
                 reveal=reveal)
    _check_dict(cache, f"the cache ({what})", ("Z1", "A1", "Z2", "A2"))
    for key in ("Z1", "A1", "Z2", "A2"):
        if key in expected:
            want = np.asarray(expected[key], float)
            got = as_array(cache[key], f"cache[{key!r}] ({what})", want.shape)
            expect_close(got, want, f"cache[{key!r}] ({what})", reveal=reveal)


@visible
def check_forward_propagation(forward_propagation):
    """Visible check of exercise 4."""
    A2, cache = ref.forward_propagation(X_NET, NET)
    _compare_forward(forward_propagation, X_NET, NET, cache, "2 inputs, 3 hidden units, "
                     "5 examples", reveal=True)
    passed("forward_propagation", 5)


@hidden
def hidden_forward_propagation(forward_propagation, W1, b1, W2, b2, X, expected):
    """Hidden check; `expected` holds A2 and some of Z1, A1, Z2, written into the cell."""
    parameters = _arrays({"W1": W1, "b1": b1, "W2": W2, "b2": b2})
    _compare_forward(forward_propagation, np.asarray(X, float), parameters, expected,
                     "a hidden case", reveal=False)


# -- 5. compute_cost ------------------------------------------------------------------------
def _cross_entropy(A2, Y):
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


COST_MISTAKES = [
    Mistake("the cost is negative: the cross-entropy is -(y log(a) + (1 - y) log(1 - a)), "
            "mind the leading minus", lambda A2, Y: -_cross_entropy(A2, Y)),
    Mistake("the cost is m times too large: J is the MEAN of the losses, divide the sum "
            "by m", lambda A2, Y: Y.shape[1] * _cross_entropy(A2, Y)),
    Mistake("log(a) and log(1 - a) are swapped: y multiplies log(a)",
            lambda A2, Y: _cross_entropy(1 - A2, Y)),
    Mistake("the term (1 - y) log(1 - a) is missing: without it, examples labelled 0 "
            "cost nothing", lambda A2, Y: -np.mean(Y * np.log(A2))),
    Mistake("that is the squared error; this network's cost is the cross-entropy",
            lambda A2, Y: np.mean((A2 - Y) ** 2)),
    Mistake("that is half the squared error; this network's cost is the cross-entropy",
            lambda A2, Y: np.mean((A2 - Y) ** 2) / 2),
]


def _compare_cost(compute_cost, A2, Y, expected, what, reveal):
    cost = call(compute_cost, "compute_cost", A2.copy(), Y.copy())
    expect_close(as_scalar(cost, f"the cost ({what})"), expected, f"the cost ({what})",
                 COST_MISTAKES, (A2, Y), reveal=reveal)


@visible
def check_compute_cost(compute_cost):
    """Visible check of exercise 5."""
    A2 = np.array([[0.8, 0.1, 0.6, 0.3, 0.95]])
    _compare_cost(compute_cost, A2, Y_NET, ref.compute_cost(A2, Y_NET), "5 examples", True)
    passed("compute_cost", 1)


@hidden
def hidden_compute_cost(compute_cost, A2, Y, expected):
    _compare_cost(compute_cost, np.asarray(A2, float), np.asarray(Y, float), expected,
                  "a hidden case", reveal=False)


# -- 6. backward_propagation ----------------------------------------------------------------
def _backward(p, cache, X, Y, per_example=False, sign=1.0, derivative="tanh"):
    """The gradients, with the parts a mistake changes as arguments."""
    A1, A2 = cache["A1"], cache["A2"]
    m = 1 if per_example else X.shape[1]
    dZ2 = sign * (A2 - Y)
    slope = {"tanh": 1 - A1 ** 2, "sigmoid": A1 * (1 - A1), "none": 1.0,
             "of Z1": 1 - cache["Z1"] ** 2, "squared difference": (1 - A1) ** 2}[derivative]
    dZ1 = (p["W2"].T @ dZ2) * slope
    return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": dZ2 @ A1.T / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}


def _gradient_mistake(message, key, **variant):
    return Mistake(message, lambda p, cache, X, Y: _backward(p, cache, X, Y, **variant)[key])


def _backward_mistakes(key):
    mistakes = [
        _gradient_mistake(f"{key} is m times too large: the gradients of the cost J are "
                          "means over the examples, divide the sums by m", key,
                          per_example=True),
        _gradient_mistake(f"{key} has the wrong sign: dZ2 = A2 - Y (prediction minus "
                          "label), not Y - A2", key, sign=-1.0),
    ]
    if key in ("dW1", "db1"):
        mistakes += [
            _gradient_mistake(f"{key} uses the sigmoid's derivative A1 * (1 - A1); the "
                              "hidden layer is tanh, whose derivative is 1 - A1**2", key,
                              derivative="sigmoid"),
            _gradient_mistake(f"{key} leaves out the hidden layer's derivative: "
                              "dZ1 = (W2^T dZ2) * (1 - A1**2)", key, derivative="none"),
            _gradient_mistake(f"{key} uses 1 - Z1**2; tanh'(Z1) is 1 - A1**2, with "
                              "A1 = tanh(Z1)", key, derivative="of Z1"),
            _gradient_mistake(f"{key} uses (1 - A1)**2; tanh'(Z1) is 1 - A1**2: square A1 "
                              "first, then subtract it from 1", key,
                              derivative="squared difference"),
        ]
    return mistakes


BACKWARD_MISTAKES = {key: _backward_mistakes(key) for key in ("dW1", "db1", "dW2", "db2")}


def _gradient(grads, key, want, m, what):
    """grads[key] as an array of the shape of `want`; names the usual shape mistakes of
    the bias gradients (summed over the wrong axis, or without keepdims)."""
    got = np.asarray(grads[key])
    label = f"{key} ({what})"
    if key.startswith("db"):
        if got.size == 1 and want.size == 1:
            return as_array(grads[key], label).reshape(want.shape)  # a number is right too
        if got.shape == (1, m) or got.shape == (m,):
            raise CheckFailed(f"{label} should have shape {want.shape}, got {got.shape}: "
                              "it sums over the wrong axis. The examples are the columns, "
                              "so sum along axis=1, with keepdims=True")
        if got.size == 1:
            raise CheckFailed(f"{label} should have one entry per unit, shape "
                              f"{want.shape}: sum over the examples only, "
                              "np.sum(dZ, axis=1, keepdims=True)")
    return as_array(grads[key], label, want.shape)


def _compare_backward(backward_propagation, parameters, X, Y, expected, what, reveal):
    _, cache = ref.forward_propagation(X, parameters)
    grads = call(backward_propagation, "backward_propagation", copy.deepcopy(parameters),
                 copy.deepcopy(cache), X.copy(), Y.copy())
    _check_dict(grads, f"grads ({what})", ("dW1", "db1", "dW2", "db2"))
    for key in ("dW2", "db2", "dW1", "db1"):
        want = np.asarray(expected[key], float)
        got = _gradient(grads, key, want, X.shape[1], what)
        expect_close(got, want, f"{key} ({what})", BACKWARD_MISTAKES[key],
                     (parameters, cache, X, Y), reveal=reveal)


@visible
def check_backward_propagation(backward_propagation):
    """Visible check of exercise 6."""
    _, cache = ref.forward_propagation(X_NET, NET)
    _compare_backward(backward_propagation, NET, X_NET, Y_NET,
                      ref.backward_propagation(NET, cache, X_NET, Y_NET),
                      "2 inputs, 3 hidden units, 5 examples", reveal=True)
    passed("backward_propagation", 4)


@hidden
def hidden_backward_propagation(backward_propagation, W1, b1, W2, b2, X, Y, expected):
    """Hidden check; `expected` holds dW1, db1, dW2 and db2, written into the cell."""
    parameters = _arrays({"W1": W1, "b1": b1, "W2": W2, "b2": b2})
    _compare_backward(backward_propagation, parameters, np.asarray(X, float),
                      np.asarray(Y, float), expected, "a hidden case", reveal=False)


# -- 7. update_parameters -------------------------------------------------------------------
def _stepped(p, g, learning_rate, sign=1.0, biases=True):
    """All four parameters after one step, as one vector (the way the check compares)."""
    new = {key: p[key] - sign * learning_rate * g["d" + key]
           if biases or key.startswith("W") else p[key] for key in KEYS}
    return np.concatenate([new[key].ravel() for key in KEYS])


UPDATE_MISTAKES = [
    Mistake("the parameters moved uphill: gradient descent SUBTRACTS learning_rate times "
            "the gradient", lambda p, g, lr: _stepped(p, g, lr, sign=-1.0)),
    Mistake("each step must be scaled by learning_rate",
            lambda p, g, lr: _stepped(p, g, 1.0)),
    Mistake("use the learning_rate you are given: 1.2 is only its default",
            lambda p, g, lr: _stepped(p, g, 1.2)),
    Mistake("b1 and b2 never change: update the biases with db1 and db2 too",
            lambda p, g, lr: _stepped(p, g, lr, biases=False)),
]


def _compare_update(update_parameters, parameters, grads, learning_rate, expected, what,
                    reveal):
    args = (copy.deepcopy(parameters), copy.deepcopy(grads))
    if learning_rate is None:
        new = call(update_parameters, "update_parameters", *args)
        learning_rate = 1.2
    else:
        new = call(update_parameters, "update_parameters", *args, learning_rate)
    _check_dict(new, f"the updated parameters ({what})", KEYS)
    got = np.concatenate([as_array(new[key], f"{key} after the update ({what})",
                                   np.shape(parameters[key])).ravel() for key in KEYS])
    expect_close(got, expected, f"W1, b1, W2 and b2 after the update ({what})",
                 UPDATE_MISTAKES, (parameters, grads, learning_rate), reveal=reveal)


@visible
def check_update_parameters(update_parameters):
    """Visible check of exercise 7."""
    _, cache = ref.forward_propagation(X_NET, NET)
    grads = ref.backward_propagation(NET, cache, X_NET, Y_NET)
    for learning_rate, what in ((0.5, "learning_rate=0.5"), (None, "the default rate")):
        rate = 1.2 if learning_rate is None else learning_rate
        expected = _stepped(NET, grads, rate)
        _compare_update(update_parameters, NET, grads, learning_rate, expected, what, True)
    passed("update_parameters", 2)


@hidden
def hidden_update_parameters(update_parameters, parameters, grads, learning_rate, expected):
    """Hidden check; `expected` is W1, b1, W2, b2 after the step, flattened in that order
    into one list, written into the cell."""
    _compare_update(update_parameters, _arrays(parameters), _arrays(grads), learning_rate,
                    np.asarray(expected, float), "a hidden case", reveal=False)


# -- 8. nn_model ----------------------------------------------------------------------------
REFERENCES = dict(layer_sizes=ref.layer_sizes, initialize_parameters=ref.initialize_parameters,
                  forward_propagation=ref.forward_propagation, compute_cost=ref.compute_cost,
                  backward_propagation=ref.backward_propagation,
                  update_parameters=ref.update_parameters, predict=ref.predict)


def _planar(data_seed, m):
    return make_planar(m, rng=np.random.default_rng(data_seed))


def _trained(X, Y, n_h, seed, n, lr, update=True):
    """The reference training run as one vector of parameters, and its costs; `update`
    False keeps the initial parameters (a mistake)."""
    parameters = ref.initialize_parameters(X.shape[0], n_h, Y.shape[0],
                                           np.random.default_rng(seed))
    costs = []
    for i in range(n):
        A2, cache = ref.forward_propagation(X, parameters)
        if i % 100 == 0:
            costs.append(ref.compute_cost(A2, Y))
        if update:
            grads = ref.backward_propagation(parameters, cache, X, Y)
            parameters = ref.update_parameters(parameters, grads, lr)
    return np.concatenate([parameters[key].ravel() for key in KEYS]), costs


NN_MODEL_MISTAKES = [
    Mistake("the parameters are still the initial ones: keep what update_parameters "
            "returns, parameters = update_parameters(parameters, grads, learning_rate)",
            lambda X, Y, n_h, seed, n, lr: _trained(X, Y, n_h, seed, n, lr, update=False)[0]),
    Mistake("nn_model must pass its learning_rate on to update_parameters; the default "
            "1.2 was used", lambda X, Y, n_h, seed, n, lr: _trained(X, Y, n_h, seed, n, 1.2)[0]),
    Mistake("the loop runs one step too many: range(num_iterations) runs exactly "
            "num_iterations steps",
            lambda X, Y, n_h, seed, n, lr: _trained(X, Y, n_h, seed, n + 1, lr)[0]),
    Mistake("the loop runs one step too few: range(num_iterations) runs exactly "
            "num_iterations steps",
            lambda X, Y, n_h, seed, n, lr: _trained(X, Y, n_h, seed, n - 1, lr)[0]),
]


def _run_nn_model(nn_model, X, Y, n_h, seed, n, lr, what):
    with using(nn_model, **REFERENCES):
        result = call(nn_model, "nn_model", X.copy(), Y.copy(), n_h,
                      np.random.default_rng(seed), num_iterations=n, learning_rate=lr)
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], dict)):
        raise CheckFailed(f"nn_model should return (parameters, costs), got "
                          f"{type(result).__name__}")
    parameters, costs = result
    _check_dict(parameters, f"the parameters from nn_model ({what})", KEYS)
    n_x, n_y = X.shape[0], Y.shape[0]
    if np.shape(parameters["W1"]) != (n_h, n_x):
        hint = ""
        if np.shape(parameters["W1"]) == (4, n_x):
            hint = (": nn_model must build n_h hidden units, the n_h it is given (pass it to "
                    "layer_sizes, or use it directly), not layer_sizes's default of 4")
        raise CheckFailed(shape_message(f"W1 from nn_model ({what})", (n_h, n_x),
                                           np.shape(parameters["W1"])) + hint)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    vector = np.concatenate([as_array(parameters[key], f"{key} from nn_model ({what})",
                                      shapes[key]).ravel() for key in KEYS])
    return vector, costs


def _compare_nn_model(nn_model, data_seed, m, n_h, seed, n, lr, want, what, reveal):
    X, Y = _planar(data_seed, m)
    got, costs = _run_nn_model(nn_model, X, Y, n_h, seed, n, lr, what)
    want_params, want_costs = np.asarray(want[0], float), list(want[1])
    if not np.allclose(got, want_params, rtol=1e-6, atol=1e-9):
        other, _ = _run_nn_model(nn_model, X, Y, n_h, seed + 1, n, lr, what)
        if np.array_equal(other, got):
            raise CheckFailed(f"{what}: nn_model gave the same result for generators made "
                              "from different seeds: pass the rng it is given on to "
                              "initialize_parameters instead of making a new one")
    expect_close(got, want_params, f"W1, b1, W2 and b2 from nn_model ({what})",
                 NN_MODEL_MISTAKES, (X, Y, n_h, seed, n, lr), reveal=reveal)
    expect_costs(costs, want_costs, n, what, reveal)


@visible
def check_nn_model(nn_model):
    """Visible check of exercise 8: a short run on a small planar set."""
    X, Y = _planar(1, 40)
    want = _trained(X, Y, 3, 7, 201, 0.5)
    _compare_nn_model(nn_model, 1, 40, 3, 7, 201, 0.5, want,
                      "40 examples, n_h=3, 201 iterations, learning_rate=0.5", reveal=True)
    passed("nn_model", 2)


@hidden
def hidden_nn_model(nn_model, data_seed, m, n_h, seed, num_iterations, learning_rate,
                    parameters, costs):
    """Hidden check; `parameters` (W1, b1, W2, b2 flattened in that order into one list)
    and `costs` are written into the cell."""
    _compare_nn_model(nn_model, data_seed, m, n_h, seed, num_iterations, learning_rate,
                      (parameters, costs), "a hidden case", reveal=False)


# -- 9. predict -----------------------------------------------------------------------------
PREDICT_MISTAKES = [
    Mistake("predict returns probabilities: turn them into labels, 1 where A2 is above 0.5 "
            "and 0 elsewhere", lambda p, X: _forward(X, p)),
    Mistake("the labels are inverted: predict 1 where A2 is ABOVE 0.5",
            lambda p, X: (_forward(X, p) <= 0.5).astype(float)),
    Mistake("every example is predicted 1: compare A2 with 0.5, not with 0",
            lambda p, X: (_forward(X, p) > 0).astype(float)),
]


def _compare_predict(predict, parameters, X, expected, what, reveal):
    with using(predict, forward_propagation=ref.forward_propagation):
        out = call(predict, "predict", copy.deepcopy(parameters), X.copy())
    out = as_array(out, f"predict ({what})", (1, X.shape[1]))
    expect_close(out, expected, f"predict ({what})", PREDICT_MISTAKES, (parameters, X),
                 reveal=reveal)


@visible
def check_predict(predict):
    """Visible check of exercise 9."""
    _compare_predict(predict, NET, X_NET, ref.predict(NET, X_NET), "5 examples", True)
    passed("predict", 1)


@hidden
def hidden_predict(predict, W1, b1, W2, b2, X, expected):
    parameters = _arrays({"W1": W1, "b1": b1, "W2": W2, "b2": b2})
    _compare_predict(predict, parameters, np.asarray(X, float), expected, "a hidden case",
                     reveal=False)
