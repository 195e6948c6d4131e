"""Checks for notebook 01 (logistic regression).

Each exercise is declared once (`helpers/grading/exercise.py`): its reference in
`helpers.logistic`, the visible cases, the parts of its result that are graded and the
mistakes each part recognises. Its test cell calls `check_<name>` (visible) and, in its
hidden part, `hidden("<name>", ...)` with literals that `python -m helpers.grading.literals
01_logistic_regression` computes from the reference. The true/false question at the end
has checks of its own.
"""
import numpy as np

from .. import logistic as ref
from ..activations import sigmoid as ref_sigmoid
from . import cellguard
from . import checks as _checks
from .checks import CheckFailed, Mistake, NotAnswered, plain, shown, visible_for
from .exercise import Case, Exercise, hidden_checks, visible_check

NOTEBOOK = "01_logistic_regression"
visible = visible_for(NOTEBOOK)

# The small case every visible check uses: 2 features, 4 examples.
W = np.array([[0.5], [-1.0]])
B = 0.25
X = np.array([[1.0, -2.0, 0.5, 3.0], [0.5, 1.5, -1.0, 2.0]])
Y = np.array([[1.0, 0.0, 1.0, 0.0]])
SMALL = "2 features, 4 examples"


def _sig(z):
    return 1 / (1 + np.exp(-z))


# -- sigmoid ------------------------------------------------------------------------------
SIGMOID = Exercise(
    "sigmoid", ref_sigmoid,
    visible=[Case((np.array([[-3.0, -1.0, 0.0], [1.0, 2.5, 40.0]]),), label="z of shape (2, 3)"),
             Case((0.0,), label="z = 0.0"),
             Case((np.array([-1000.0, 1000.0]),), label="z = [-1000, 1000]")],
    mistakes={"value": [
        Mistake("you computed sigmoid(-z): the exponent is exp(-z), with a minus sign",
                lambda z: 1 / (1 + np.exp(z))),
        Mistake("the denominator is 1 + exp(-z), not 1 - exp(-z)",
                lambda z: 1 / (1 - np.exp(-z))),
        Mistake("sigmoid returns a probability between 0 and 1, not a 0/1 label: leave the "
                "thresholding to predict", lambda z: (np.asarray(z) > 0).astype(float)),
        Mistake("exp(z) / (1 + exp(z)) gives nan for large z (inf / inf): use "
                "1 / (1 + exp(-z)), which only overflows to the harmless 1 / inf = 0",
                lambda z: np.exp(z) / (1 + np.exp(z))),
    ]},
    parts={"value": ()})


# -- initialize_with_zeros ----------------------------------------------------------------
def _inspect_zeros(got, expected, what):
    if not np.issubdtype(np.asarray(got["w"]).dtype, np.floating):
        raise CheckFailed(f"w ({what}) has dtype {np.asarray(got['w']).dtype}: make it "
                          "floating point (np.zeros gives float64 unless told otherwise)")
    if np.ndim(got["b"]) != 0:
        raise CheckFailed(f"b ({what}) should be a single number (the neuron has one bias), "
                          f"got an array of shape {np.shape(got['b'])}")


INITIALIZE_WITH_ZEROS = Exercise(
    "initialize_with_zeros", ref.initialize_with_zeros,
    visible=[Case((3,), label="dim = 3")],
    parts={"w": (0,), "b": (1,)}, returns="the pair (w, b)", inspect=_inspect_zeros)


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


PROPAGATE = Exercise(
    "propagate", ref.propagate,
    visible=[Case((W, B, X, Y), label=SMALL)],
    parts={"dw": (0, "dw"), "db": (0, "db"), "cost": (1,)},
    returns="(grads, cost), with grads a dict holding 'dw' and 'db'",
    uses={"sigmoid": ref_sigmoid},
    mistakes={
        "dw": DW_MISTAKES,
        "db": DB_MISTAKES,
        "cost": [
            Mistake("the cost is negative: the cross-entropy is -(y log(a) + (1 - y) "
                    "log(1 - a)), mind the leading minus",
                    lambda w, b, X, Y: -_cost(_propagate_parts(w, b, X, Y)[0], Y)),
            Mistake("the cost is m times too large: the cost J is the mean of the losses, "
                    "divide the sum by m",
                    lambda w, b, X, Y: X.shape[1] * _cost(_propagate_parts(w, b, X, Y)[0], Y)),
            Mistake("log(a) and log(1 - a) are swapped: y multiplies log(a)",
                    lambda w, b, X, Y: _cost(1 - _propagate_parts(w, b, X, Y)[0], Y)),
            Mistake("that is the squared error; this exercise's cost is the cross-entropy",
                    lambda w, b, X, Y: np.mean((_propagate_parts(w, b, X, Y)[0] - Y) ** 2)),
            Mistake("that is half the squared error; this exercise's cost is the "
                    "cross-entropy",
                    lambda w, b, X, Y: np.mean((_propagate_parts(w, b, X, Y)[0] - Y) ** 2) / 2),
            Mistake("the cost has only the y log(a) term: add (1 - y) log(1 - a), the part "
                    "that scores the examples labelled 0",
                    lambda w, b, X, Y: -np.mean(Y * np.log(_propagate_parts(w, b, X, Y)[0]))),
        ],
    },
    # w @ X without .T: w (n_x, 1) @ X (n_x, m) fails for n_x > 1 (for n_x = 1 it is
    # w.T @ X and right). numpy's two messages for it; dZ.T @ X in dw gives the same.
    hints=[(text, "; if that is w @ X (or np.dot(w, X)), use w.T @ X: w has shape "
                  "(n_x, 1), so w.T is a row (and dw is X @ (A - Y).T)")
           for text in ("is different from 1)", "not aligned: 1 (dim 1) !=")])


# -- optimize -------------------------------------------------------------------------------
def _descend(w, b, X, Y, n, lr, sign=1.0, update_b=True):
    """(w, b) after n steps of gradient descent, with some of its mistakes."""
    w = np.array(w, float)
    for _ in range(n):
        grads, _ = ref.propagate(w, b, X, Y)
        w = w - sign * lr * grads["dw"]
        if update_b:
            b = b - sign * lr * grads["db"]
    return w, b


def _both(message, changes):
    """The same mistake for w and for b: `changes(n, lr)` gives the arguments of
    `_descend` that it gets wrong."""
    def part(k):
        return Mistake(message, lambda w, b, X, Y, n, lr: _descend(
            w, b, X, Y, **{"n": n, "lr": lr, **changes(n, lr)})[k])
    return part(0), part(1)


UPHILL = _both("w and b moved uphill: gradient descent subtracts learning_rate * dw (and "
               "learning_rate * db)", changes=lambda n, lr: {"sign": -1.0})
UNSCALED = _both("each step must be scaled by learning_rate",
                 changes=lambda n, lr: {"lr": 1.0})
FROZEN_B = _both("b never changes: update b with db as well as w with dw",
                 changes=lambda n, lr: {"update_b": False})
def _costs_after_update(w, b, X, Y, n, lr):
    """The costs recorded after each recorded iteration's update: J after i + 1 steps
    for i = 0, 100, 200, ..."""
    return [ref.propagate(*_descend(w, b, X, Y, i + 1, lr), X, Y)[1]
            for i in range(0, n, 100)]


ONE_TOO_MANY = _both("the loop runs one step too many: range(num_iterations) runs exactly "
                     "num_iterations steps", changes=lambda n, lr: {"n": n + 1})


def _inspect_costs(got, expected, what):
    costs = np.ravel(np.asarray(got["costs"], dtype=object))
    want = np.size(expected["costs"])
    if costs.size != want:
        raise CheckFailed(f"costs ({what}) should hold the cost at iterations 0, 100, "
                          f"200, ... ({want} values here), got {costs.size}")


OPTIMIZE = Exercise(
    "optimize", ref.optimize,
    visible=[Case((W, B, X, Y, 201, 0.1), label="201 iterations, learning rate 0.1")],
    parts={"w": (0, "w"), "b": (0, "b"), "costs": (2,)},
    returns="(params, grads, costs), with params a dict holding 'w' and 'b'",
    uses={"propagate": ref.propagate, "sigmoid": ref_sigmoid},
    may_change=("w",), inspect=_inspect_costs,
    mistakes={
        "w": [UPHILL[0], UNSCALED[0], FROZEN_B[0], ONE_TOO_MANY[0]],
        "b": [UPHILL[1], UNSCALED[1], FROZEN_B[1], ONE_TOO_MANY[1]],
        "costs": [Mistake("costs holds the cost after each recorded iteration's update: "
                          "record the cost propagate returns before updating w and b, so "
                          "that costs[0] is the cost of the starting parameters",
                          _costs_after_update)],
    })


# -- predict --------------------------------------------------------------------------------
PREDICT = Exercise(
    "predict", ref.predict,
    visible=[Case((W, B, X), label=SMALL)],
    uses={"sigmoid": ref_sigmoid}, parts={"value": ()},
    mistakes={"value": [
        Mistake("predict returns probabilities: turn them into labels, 1 where the "
                "probability is above 0.5 and 0 elsewhere",
                lambda w, b, X: _sig(w.T @ X + b)),
        Mistake("the labels are inverted: predict 1 where the probability is ABOVE 0.5",
                lambda w, b, X: (_sig(w.T @ X + b) <= 0.5).astype(float)),
        Mistake("every example is predicted 1: compare the probability with 0.5, not 0",
                lambda w, b, X: (_sig(w.T @ X + b) > 0).astype(float)),
    ]})


# -- model ----------------------------------------------------------------------------------
def _toy_split(seed, num_iterations, learning_rate):
    """A linearly separable-ish problem in 5 features with 60 training and 20 test
    examples, different for every seed, as model's arguments."""
    rng = np.random.default_rng(seed)
    w_true = rng.normal(size=(5, 1))
    Xs = rng.normal(size=(5, 80))
    Ys = (w_true.T @ Xs + 0.5 * rng.normal(size=(1, 80)) > 0).astype(float)
    return ((Xs[:, :60], Ys[:, :60], Xs[:, 60:], Ys[:, 60:]),
            {"num_iterations": num_iterations, "learning_rate": learning_rate})


def _trained_w(X_train, Y_train, num_iterations, learning_rate):
    w, b = ref.initialize_with_zeros(X_train.shape[0])
    return ref.optimize(w, b, X_train, Y_train, num_iterations, learning_rate)[0]["w"]


def _inspect_model(got, expected, what):
    if got["learning_rate"] != expected["learning_rate"] or \
            got["num_iterations"] != expected["num_iterations"]:
        raise CheckFailed(f"{what}: model must use (and report) the learning_rate and "
                          "num_iterations it is given, not fixed values")
    if np.shape(got["Y_prediction_train"]) == np.shape(expected["Y_prediction_test"]) != \
            np.shape(expected["Y_prediction_train"]):
        raise CheckFailed(f"{what}: the training and test predictions are swapped")


MODEL = Exercise(
    "model", ref.model, inputs=_toy_split,
    visible=[Case((1, 300, 0.05), label="a small 5-feature problem")],
    parts={key: (key,) for key in ("w", "Y_prediction_train", "Y_prediction_test",
                                   "learning_rate", "num_iterations", "costs", "b")},
    returns="a dict with the keys costs, Y_prediction_train, Y_prediction_test, w, b, "
            "learning_rate and num_iterations",
    uses={"initialize_with_zeros": ref.initialize_with_zeros, "optimize": ref.optimize,
          "propagate": ref.propagate, "predict": ref.predict, "sigmoid": ref_sigmoid},
    inspect=_inspect_model,
    hints=[("w must have shape", ". The number of features is the number of rows of "
                                 "X_train, X_train.shape[0]; shape[1] counts examples")],
    mistakes={"w": [
        Mistake("w is still zero: return the parameters after optimize, not the initial "
                "ones", lambda X, Y, Xt, Yt, **kw: np.zeros((X.shape[0], 1))),
        Mistake("model must train with the learning_rate and num_iterations it is given "
                "(pass them on to optimize), not fixed values",
                lambda X, Y, Xt, Yt, **kw: _trained_w(X, Y, 2000, 0.5)),
        Mistake("model must pass num_iterations and learning_rate on to optimize; "
                "optimize's own defaults were used",
                lambda X, Y, Xt, Yt, **kw: _trained_w(X, Y, 100, 0.009)),
    ]})

EXERCISES = {ex.name: ex for ex in (SIGMOID, INITIALIZE_WITH_ZEROS, PROPAGATE, OPTIMIZE,
                                    PREDICT, MODEL)}

check_sigmoid = visible(visible_check(SIGMOID))
check_initialize_with_zeros = visible(visible_check(INITIALIZE_WITH_ZEROS))
check_propagate = visible(visible_check(PROPAGATE))
check_optimize = visible(visible_check(OPTIMIZE))
check_predict = visible(visible_check(PREDICT))
check_model = visible(visible_check(MODEL))
hidden = hidden_checks(EXERCISES)


# -- the true/false question ----------------------------------------------------------------
@visible
def check_true_false(answer, name):
    """Visible check of a true/false answer: only that it is answered, with a bool."""
    cellguard.check(answer, name, NOTEBOOK)
    _truth(answer, name)
    print(f"\N{CHECK MARK} {name} is answered; the hidden test decides whether it is right")


@_checks.hidden
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
