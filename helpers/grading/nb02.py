"""Checks for notebook 02 (vectorization, and a network with one hidden layer).

Each exercise is declared once (`helpers/grading/exercise.py`): its reference in
`helpers.scaling` and `helpers.shallow`, the visible cases, the parts of its result that
are graded and the mistakes each part recognises. Its test cell calls `check_<name>`
(visible) and, in its hidden part, `hidden("<name>", ...)` with literals that
`python -m helpers.grading.literals 02_vectorization` computes from the reference.
What comparison cannot do is declared with the exercise too: `standardize` must run no
Python loop (`loop_free`); `initialize_parameters` is judged by the statistics of
its draws from the generator it is given, and `nn_model` must pass that generator on
(`before`).
"""
import copy
from dataclasses import replace

import numpy as np

from .. import scaling as ref_scaling
from .. import shallow as ref
from ..activations import sigmoid as _sig
from ..data import make_planar
from . import nb01
from .checks import (CheckFailed, Mistake, as_array, as_scalar, quiet, shape_message,
                     shown, visible_for)
from .exercise import Case, Exercise, hidden_checks, unpack, visible_check

NOTEBOOK = "02_vectorization"
visible = visible_for(NOTEBOOK)

# Exercise 1's small cases: features on very different scales, and a test set whose
# statistics are clearly not the training set's, so that each leak gives other numbers.
# The last feature is constant in the training set but not in the test set.
X_TRAIN = np.array([[1.0, 3.0, 5.0, 7.0, 4.0],
                    [100.0, 140.0, 120.0, 160.0, 130.0],
                    [-2.0, 0.0, 1.0, 5.0, 2.0],
                    [5.0, 5.0, 5.0, 5.0, 5.0]])
X_TEST = np.array([[9.0, 11.0, 4.0, 12.0, 10.0],
                   [200.0, 80.0, 150.0, 170.0, 190.0],
                   [3.0, -4.0, 6.0, 0.0, 8.0],
                   [5.0, 6.0, 3.0, 5.0, 7.0]])
# ... and sets of different sizes, the second feature constant in the training set.
X_TRAIN_FLAT = np.array([[0.0, 2.0, 4.0, 6.0, 8.0],
                         [7.0, 7.0, 7.0, 7.0, 7.0],
                         [1.0, 1.0, 2.0, 2.0, 9.0]])
X_TEST_FLAT = np.array([[3.0, 20.0],
                        [9.0, 4.0],
                        [0.0, 5.0]])

# The network's small case: n_x = 2 inputs, n_h = 3 hidden units, m = 5 examples.
NET = {"W1": np.array([[0.8, -0.5], [0.3, 1.2], [-1.0, 0.4]]),
       "b1": np.array([[0.1], [-0.2], [0.05]]),
       "W2": np.array([[1.5, -0.7, 0.9]]),
       "b2": np.array([[0.25]])}
X_NET = np.array([[1.0, -0.5, 0.3, 2.0, -1.5],
                  [0.5, 1.5, -1.0, 0.0, 0.8]])
Y_NET = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
NET_CASE = "2 inputs, 3 hidden units, 5 examples"
GRADS = ref.backward_propagation(NET, ref.forward_propagation(X_NET, NET)[1], X_NET, Y_NET)
KEYS = ref.PARAMETER_KEYS


def _other_generator(rng):
    """A generator other than `rng` (which is left as it is), as if from another seed."""
    return np.random.default_rng(copy.deepcopy(rng).integers(2 ** 63))


# -- 1. standardize ------------------------------------------------------------------------
def _statistics_of(X, mean_axis=1, std_axis=1, ddof=0):
    """The mean and standard deviation of X, each over the axis given, with keepdims."""
    return (np.mean(X, axis=mean_axis, keepdims=True),
            np.std(X, axis=std_axis, keepdims=True, ddof=ddof))


def _scaled(X, mu, sigma):
    """(X - mu) / sigma, dividing by 1 where sigma is 0, as the exercise asks."""
    return (X - mu) / np.where(sigma > 0, sigma, 1.0)


def _train_with(**how):
    """X_train_std of a mistake: the training set's statistics computed `how`."""
    return lambda X_train, X_test: _scaled(X_train, *_statistics_of(X_train, **how))


def _test_with(mean_from, std_from):
    """X_test_std of a mistake: the mean and the standard deviation taken from the sets
    named ("train", "test", or "both" of them together)."""
    def wrong(X_train, X_test):
        sets = {"train": X_train, "test": X_test, "both": np.hstack([X_train, X_test])}
        mu, _ = _statistics_of(sets[mean_from])
        _, sigma = _statistics_of(sets[std_from])
        return _scaled(X_test, mu, sigma)
    return wrong


def _combined(X_train, X_test):
    return _scaled(X_train, *_statistics_of(np.hstack([X_train, X_test])))


def _unguarded(which):
    """The part `which` (0 train, 1 test) divided by a standard deviation that may be 0."""
    def wrong(X_train, X_test):
        mu, sigma = _statistics_of(X_train)
        return ((X_train, X_test)[which] - mu) / sigma
    return wrong


def _plus_epsilon(X_train, X_test):
    mu, sigma = _statistics_of(X_train)
    return (X_test - mu) / (sigma + 1e-8)


def _eight_times(X_train, X_test):
    """The same examples, eight times over: a loop over them runs eight times as long."""
    return np.tile(X_train, (1, 8)), np.tile(X_test, (1, 8))


LEAK_TEST = ("leakage via test statistics: X_test was standardised with {what} of its "
             "own. Use the TRAINING set's mean and standard deviation for both sets: they "
             "are part of the model, and a test example must be treated the way a new "
             "example arriving alone will be")
LEAK_BOTH = ("leakage via combined statistics: the mean and standard deviation were "
             "computed on X_train and X_test together, so the test set helped build the "
             "model. Compute them on X_train alone and apply them to both sets")
ZERO_STD = ("a feature that is constant in X_train has standard deviation 0, and dividing "
            "by it gives nan or inf: where sigma is 0, divide by 1 instead "
            "(np.where(sigma > 0, sigma, 1.0)), which leaves that feature centred and "
            "unscaled")

STANDARDIZE = Exercise(
    "standardize", ref_scaling.standardize, loop_free=_eight_times,
    visible=[Case((X_TRAIN, X_TEST), label="4 features, 5 training and 5 test examples"),
             Case((X_TRAIN_FLAT, X_TEST_FLAT),
                  label="a feature constant in the training set, 5 training and 2 test "
                        "examples")],
    parts={"X_train_std": (0,), "X_test_std": (1,)}, rtol=1e-5,  # it may compute in float32
    returns="the pair (X_train_std, X_test_std): end with `return X_train_std, X_test_std`",
    hints=[("could not be broadcast",
            "; the statistics of the features must be (n_x, 1) columns, one entry per "
            "feature, taken across the examples: np.mean(X_train, axis=1, keepdims=True), "
            "and the same for np.std")],
    mistakes={
        "X_train_std": [
            Mistake(LEAK_BOTH, _combined),
            Mistake("the mean is taken over the wrong axis: axis=0 averages the features of "
                    "each example. A feature's mean is over the examples, the columns: "
                    "np.mean(X_train, axis=1, keepdims=True)", _train_with(mean_axis=0)),
            Mistake("the standard deviation is taken over the wrong axis: axis=0 spreads "
                    "over the features of each example. A feature's is over the examples, "
                    "the columns: np.std(X_train, axis=1, keepdims=True)",
                    _train_with(std_axis=0)),
            Mistake("the mean and the standard deviation are taken over the wrong axis: "
                    "axis=0 runs over the features of each example. Each feature's "
                    "statistics are over the examples, the columns: axis=1, keepdims=True",
                    _train_with(mean_axis=0, std_axis=0)),
            Mistake(ZERO_STD, _unguarded(0)),
            Mistake("the standard deviation used divides by m - 1 (ddof=1); this exercise "
                    "uses np.std's default, which divides by m", _train_with(ddof=1)),
            Mistake("that divides by the variance (np.var); divide by the standard "
                    "deviation, its square root (np.std)",
                    lambda X_train, X_test: _scaled(X_train, np.mean(X_train, axis=1,
                                                                     keepdims=True),
                                                    np.var(X_train, axis=1, keepdims=True))),
            Mistake("X_train is centred but not scaled: divide by each feature's standard "
                    "deviation too",
                    lambda X_train, X_test: X_train - np.mean(X_train, axis=1,
                                                              keepdims=True)),
        ],
        "X_test_std": [
            Mistake(LEAK_TEST.format(what="a mean and a standard deviation"),
                    _test_with("test", "test")),
            Mistake(LEAK_TEST.format(what="a mean"), _test_with("test", "train")),
            Mistake(LEAK_TEST.format(what="a standard deviation"),
                    _test_with("train", "test")),
            Mistake(LEAK_BOTH, _test_with("both", "both")),
            Mistake("X_test came back as it was: standardise it too, with the training "
                    "set's mean and standard deviation", lambda X_train, X_test: X_test),
            Mistake(ZERO_STD, _unguarded(1)),
            Mistake("sigma + 1e-8 turns a feature that is constant in X_train into huge "
                    "test values (a difference of 1 becomes 10^8): where sigma is 0, divide "
                    "by 1 instead", _plus_epsilon),
        ],
    })


# -- 2. layer_sizes -------------------------------------------------------------------------
def _layer_sizes(X, Y, n_h=4):
    """The reference, as a list: the three sizes are compared as one array, and a list is
    as right as a tuple."""
    return list(ref.layer_sizes(X, Y, n_h))


def _inspect_sizes(got, expected, what):
    sizes = got["value"]
    if type(sizes) not in (tuple, list) or len(sizes) != 3:
        raise CheckFailed(f"{what} should return the three sizes (n_x, n_h, n_y), got "
                          f"{shown(sizes)}")
    numbers = [as_scalar(size, f"each size from {what}") for size in sizes]
    if any(size != int(size) for size in numbers):
        raise CheckFailed(f"{what} should return whole numbers, got {shown(numbers)}")


LAYER_SIZES = Exercise(
    "layer_sizes", _layer_sizes, inspect=_inspect_sizes,
    visible=[Case((np.zeros((5, 7)), np.zeros((1, 7)), 6), label="X (5, 7), Y (1, 7), n_h=6"),
             Case((np.zeros((5, 7)), np.zeros((1, 7))),
                  label="X (5, 7), Y (1, 7), n_h left out")],
    returns="the three sizes (n_x, n_h, n_y)",
    mistakes={"value": [
        Mistake("n_x is the number of input features, the number of ROWS of X (X.shape[0]); "
                "X.shape[1] counts the examples",
                lambda X, Y, n_h=4: (X.shape[1], n_h, Y.shape[0])),
        Mistake("n_y is the number of output units, the number of ROWS of Y (Y.shape[0]); "
                "Y.shape[1] counts the examples",
                lambda X, Y, n_h=4: (X.shape[0], n_h, Y.shape[1])),
        Mistake("n_x and n_y are the numbers of ROWS of X and Y (shape[0]); shape[1] counts "
                "the examples", lambda X, Y, n_h=4: (X.shape[1], n_h, Y.shape[1])),
        Mistake("use the n_h you are given: 4 is only its default",
                lambda X, Y, n_h=4: (X.shape[0], 4, Y.shape[0])),
    ]})


# -- 3. initialize_parameters ---------------------------------------------------------------
# The check accepts every correct way of drawing small random weights (W2 before W1, a
# transposed draw, rng.normal(0, 0.01, ...)): it compares the biases with zeros and the
# weights by their statistics, not their values. It recognises these mistakes:
#   weights 100 times too large (no 0.01), all-zero weights, uniform draws in [0, 1),
#   random biases, the global np.random instead of `rng`, a new generator made inside,
#   every hidden unit given the same weights, rank-1 biases, transposed weights.
SCALE = 0.01


def _seeded(n_x, n_h, n_y, seed):
    """initialize_parameters's arguments, the generator made from `seed`."""
    return (n_x, n_h, n_y, np.random.default_rng(seed)), {}


def _floating(value, what):
    if not np.issubdtype(np.asarray(value).dtype, np.floating):
        raise CheckFailed(f"{what} has dtype {np.asarray(value).dtype}: make it floating "
                          "point")


def _inspect_biases(got, expected, what):
    for key in ("b1", "b2"):
        value = np.asarray(got[key])
        if value.dtype.kind in "biuf" and value.shape == np.shape(expected[key]):
            _floating(value, f"{key} from {what}")
            if np.any(value != 0):
                raise CheckFailed(f"{key} from {what} should start at zero: the random "
                                  "weights already make the hidden units differ")


def _weights(call, args, what):
    """W1 and W2 from a call of initialize_parameters, with their shapes and dtype."""
    n_x, n_h, n_y, _ = args
    got = unpack(_ALL_FOUR, call(*args), f"what {what} returned")
    shapes = {"W1": (n_h, n_x), "W2": (n_y, n_h)}
    for key, shape in shapes.items():
        as_array(got[key], f"{key} from {what}", shape)
        _floating(got[key], f"{key} from {what}")
    return {key: np.asarray(got[key], dtype=float) for key in shapes}


def _statistics(call, args, kwargs, what):
    """Small random weights, drawn from the generator it is given."""
    n_x, n_h, n_y, rng = args
    weights = _weights(call, args, what)
    for key, value in weights.items():
        if np.all(value == 0):
            raise CheckFailed(
                f"{key} from {what} is all zeros: every hidden unit would then compute the "
                "same thing and get the same gradient, so they would stay copies of each "
                "other. Draw small random weights, 0.01 * rng.standard_normal(shape)")
    every = np.concatenate([value.ravel() for value in weights.values()])
    if every.size >= 20 and np.all(every >= 0):
        raise CheckFailed(f"the weights from {what} are all positive: draw them from a "
                          "normal distribution centred on 0, rng.standard_normal, not from "
                          "rng.random, which is uniform between 0 and 1")
    for key, value in weights.items():
        rms = np.sqrt(np.mean(value ** 2))
        if np.max(np.abs(value)) > 6 * SCALE or (value.size >= 20 and rms > 2 * SCALE):
            size_text = "large" if quiet() else f"about {rms:.2g} in size"
            raise CheckFailed(f"{key} from {what} is too large: its entries are "
                              f"{size_text}, where 0.01 * rng.standard_normal "
                              "gives about 0.01. Multiply the standard normal draws by "
                              "0.01 (large weights push tanh into its flat ends, where "
                              "it learns slowly)")
        if value.size >= 20 and rms < SCALE / 2:
            raise CheckFailed(f"{key} from {what} is too small: the weights should be about "
                              "0.01 * rng.standard_normal(shape)")
    if n_h > 1 and n_x > 1 and np.all(weights["W1"] == weights["W1"][0]):
        raise CheckFailed(f"every hidden unit got the same weights ({what}): draw a "
                          "different random number for every entry of W1")
    again = _weights(call, args, what)
    if any(not np.array_equal(weights[key], again[key]) for key in weights):
        raise CheckFailed("two calls with generators made from the same seed gave "
                          "different weights: draw from the rng you are given "
                          "(rng.standard_normal), not from np.random.randn or "
                          "np.random.rand, which use numpy's global generator")
    other = _weights(call, (n_x, n_h, n_y, _other_generator(rng)), what)
    if all(np.array_equal(weights[key], other[key]) for key in weights):
        raise CheckFailed("generators made from different seeds gave the same weights: "
                          "initialize_parameters must draw from the rng it is given, "
                          "not make a generator of its own")


INITIALIZE_PARAMETERS = Exercise(
    "initialize_parameters", ref.initialize_parameters, inputs=_seeded,
    visible=[Case((2, 4, 1, 0), label="n_x=2, n_h=4, n_y=1"),
             Case((30, 20, 1, 1), label="n_x=30, n_h=20, n_y=1")],
    parts={"b1": ("b1",), "b2": ("b2",)},
    returns="a dict with the keys W1, b1, W2 and b2",
    may_change=("rng",), inspect=_inspect_biases, before=_statistics)
_ALL_FOUR = replace(INITIALIZE_PARAMETERS, parts={key: (key,) for key in KEYS})


# -- 4. forward_propagation -----------------------------------------------------------------
def _forward(X, p, hidden=np.tanh, output=_sig, biases=True):
    """A2 of a forward pass, with the parts a mistake changes as arguments."""
    b1, b2 = (p["b1"], p["b2"]) if biases else (0.0, 0.0)
    return output(p["W2"] @ hidden(p["W1"] @ X + b1) + b2)


FORWARD_PROPAGATION = Exercise(
    "forward_propagation", ref.forward_propagation,
    visible=[Case((X_NET, NET), label=NET_CASE)],
    parts={"A2": (0,), **{f"cache[{key!r}]": (1, key) for key in ("Z1", "A1", "Z2", "A2")}},
    returns="(A2, cache), cache a dict with the keys Z1, A1, Z2 and A2",
    mistakes={"A2": [
        Mistake("the hidden layer uses tanh, A1 = np.tanh(Z1), not the sigmoid",
                lambda X, p: _forward(X, p, hidden=_sig)),
        Mistake("the output layer uses the sigmoid, A2 = sigmoid(Z2), so that A2 is a "
                "probability; tanh belongs to the hidden layer",
                lambda X, p: _forward(X, p, output=np.tanh)),
        Mistake("the two activations are swapped: tanh in the hidden layer, the sigmoid at "
                "the output", lambda X, p: _forward(X, p, hidden=_sig, output=np.tanh)),
        Mistake("A2 = sigmoid(Z2): you returned Z2, before the sigmoid",
                lambda X, p: _forward(X, p, output=lambda z: z)),
        Mistake("A1 = tanh(Z1): the hidden layer passed Z1 on without its activation",
                lambda X, p: _forward(X, p, hidden=lambda z: z)),
        Mistake("the biases are missing: Z1 = W1 X + b1 and Z2 = W2 A1 + b2",
                lambda X, p: _forward(X, p, biases=False)),
    ]})


# -- 5. compute_cost ------------------------------------------------------------------------
def _cross_entropy(A2, Y):
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


COMPUTE_COST = Exercise(
    "compute_cost", ref.compute_cost,
    visible=[Case((np.array([[0.8, 0.1, 0.6, 0.3, 0.95]]), Y_NET), label="5 examples")],
    returns="the cost, a number",
    mistakes={"value": [
        Mistake("the cost is negative: the cross-entropy is -(y log(a) + (1 - y) "
                "log(1 - a)), mind the leading minus", lambda A2, Y: -_cross_entropy(A2, Y)),
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
    ]})


# -- 6. backward_propagation ----------------------------------------------------------------
def _with_cache(parameters, X, Y):
    """backward_propagation's arguments: the cache is the reference's forward pass."""
    _, cache = ref.forward_propagation(X, parameters)
    return (parameters, cache, X, Y), {}


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


def bias_shapes(*keys):
    """An `inspect` for the bias gradients `keys`: a number is right for a bias gradient
    of one entry; the usual shape mistakes of the others (summed over the wrong axis, or
    over everything) are named. Notebook 04 uses it too."""
    def inspect(got, expected, what):
        got = dict(got)
        for key in keys:
            value, want = np.asarray(got[key]), np.asarray(expected[key])
            label = f"{key} from {what}"
            if value.dtype.kind not in "biuf":
                continue
            across = value.ndim == 1 or value.ndim == 2 and value.shape[0] == 1
            if value.size == 1 == want.size:
                got[key] = value.reshape(want.shape)
            elif across and value.shape[-1] not in (1, want.shape[0]):
                raise CheckFailed(f"{label} should have shape {want.shape}, got "
                                  f"{value.shape}: it sums over the wrong axis. The "
                                  "examples are the columns, so sum along axis=1, with "
                                  "keepdims=True")
            elif value.size == 1:
                raise CheckFailed(f"{label} should have one entry per unit, shape "
                                  f"{want.shape}: sum over the examples only, "
                                  "np.sum(dZ, axis=1, keepdims=True)")
        return got
    return inspect


BACKWARD_PROPAGATION = Exercise(
    "backward_propagation", ref.backward_propagation, inputs=_with_cache,
    visible=[Case((NET, X_NET, Y_NET), label=NET_CASE)],
    parts={key: (key,) for key in ("dW2", "db2", "dW1", "db1")},
    returns="grads, a dict with the keys dW1, db1, dW2 and db2",
    inspect=bias_shapes("db1", "db2"),
    mistakes={key: _backward_mistakes(key) for key in ("dW1", "db1", "dW2", "db2")})


# -- 7. update_parameters -------------------------------------------------------------------
def stepped(key, sign=1.0, rate=None, biases=True, frozen=False):
    """A mistake's `key` after one step: `sign` -1 climbs, `rate` replaces the learning
    rate, `biases` False leaves the biases as they were, `frozen` leaves `key` itself."""
    def wrong(p, g, learning_rate=1.2):
        if frozen or (not biases and key.startswith("b")):
            return p[key]
        return p[key] - sign * (learning_rate if rate is None else rate) * g["d" + key]
    return wrong


def update_mistakes(key, default_rate=1.2, last_layer=None):
    """The mistakes of a gradient-descent step for the parameter `key`: `default_rate`,
    if the exercise has one, is the rate a student may use instead of the one given;
    `last_layer` is L, whose W a loop over range(1, L) skips. Notebook 04 uses it too."""
    mistakes = [
        Mistake("the parameters moved uphill: gradient descent SUBTRACTS learning_rate "
                "times the gradient", stepped(key, sign=-1.0)),
        Mistake("each step must be scaled by learning_rate", stepped(key, rate=1.0)),
    ]
    if default_rate is not None:
        mistakes.append(Mistake(f"use the learning_rate you are given: {default_rate} is "
                                "only its default", stepped(key, rate=default_rate)))
    if key.startswith("b"):
        mistakes.append(Mistake("the biases never change: update every b[l] with db[l] "
                                "too", stepped(key, biases=False)))
    if key == f"W{last_layer}":  # for b[L] it is the mistake above
        mistakes.append(Mistake("the last layer was not updated: range(1, L) stops at "
                                "L - 1; loop over range(1, L + 1)", stepped(key, frozen=True)))
    return mistakes


UPDATE_PARAMETERS = Exercise(
    "update_parameters", ref.update_parameters,
    visible=[Case((NET, GRADS, 0.5), label="learning_rate=0.5"),
             Case((NET, GRADS), label="the default learning_rate")],
    parts={key: (key,) for key in KEYS},
    returns="a dict with the keys W1, b1, W2 and b2",
    may_change=("parameters",),  # updating the arrays in place is right too
    mistakes={key: update_mistakes(key) for key in KEYS})


# -- 8. nn_model ----------------------------------------------------------------------------
def _planar(data_seed, m, n_h, seed, num_iterations, learning_rate):
    """nn_model's arguments: a planar set of m examples from `data_seed`, and a generator
    from `seed`."""
    X, Y = make_planar(m, rng=np.random.default_rng(data_seed))
    return ((X, Y, n_h, np.random.default_rng(seed)),
            {"num_iterations": num_iterations, "learning_rate": learning_rate})


def _trained(X, Y, n_h, rng, n, lr, update=True):
    """The reference training run's parameters; `update` False keeps the initial ones (a
    mistake)."""
    parameters = ref.initialize_parameters(X.shape[0], n_h, Y.shape[0], rng)
    for _ in range(n if update else 0):
        _, cache = ref.forward_propagation(X, parameters)
        grads = ref.backward_propagation(parameters, cache, X, Y)
        parameters = ref.update_parameters(parameters, grads, lr)
    return parameters


TRAINING_MISTAKES = [
    ("the parameters are still the initial ones: keep what update_parameters returns, "
     "parameters = update_parameters(parameters, grads, learning_rate)",
     lambda n, lr: {"update": False}),
    ("nn_model must pass its learning_rate on to update_parameters; the default 1.2 was "
     "used", lambda n, lr: {"lr": 1.2}),
    ("the loop runs one step too many: range(num_iterations) runs exactly num_iterations "
     "steps", lambda n, lr: {"n": n + 1}),
    ("the loop runs one step too few: range(num_iterations) runs exactly num_iterations "
     "steps", lambda n, lr: {"n": n - 1}),
]


def _training_mistake(message, changes, key):
    def wrong(X, Y, n_h, rng, num_iterations=10000, learning_rate=1.2, print_cost=False):
        given = {"n": num_iterations, "lr": learning_rate}
        given.update(changes(num_iterations, learning_rate))
        return _trained(X, Y, n_h, rng, **given)[key]
    return Mistake(message, wrong)


def _inspect_training(got, expected, what):
    shape, want = np.shape(got["W1"]), np.shape(expected["W1"])
    if shape != want:
        hint = ""
        if shape == (4, want[1]):
            hint = (": nn_model must build n_h hidden units, the n_h it is given (pass it to "
                    "layer_sizes, or use it directly), not layer_sizes's default of 4")
        raise CheckFailed(shape_message(f"W1 from {what}", want, shape) + hint)
    nb01._inspect_costs(got, expected, what)


def _passes_its_generator_on(call, args, kwargs, what):
    X, Y, n_h, rng = args
    first = unpack(NN_MODEL, call(*args, **kwargs), f"what {what} returned")
    second = unpack(NN_MODEL, call(X, Y, n_h, _other_generator(rng), **kwargs),
                    f"what {what} returned")
    if all(np.array_equal(first[key], second[key]) for key in KEYS):
        raise CheckFailed(f"{what}: nn_model gave the same result for generators made "
                          "from different seeds: pass the rng it is given on to "
                          "initialize_parameters instead of making a new one")


NN_MODEL = Exercise(
    "nn_model", ref.nn_model, inputs=_planar,
    visible=[Case((1, 40, 3, 7, 201, 0.5),
                  label="40 examples, n_h=3, 201 iterations, learning_rate=0.5")],
    parts={**{key: (0, key) for key in KEYS}, "costs": (1,)},
    returns="(parameters, costs), with parameters a dict holding W1, b1, W2 and b2",
    uses={"layer_sizes": ref.layer_sizes, "initialize_parameters": ref.initialize_parameters,
          "forward_propagation": ref.forward_propagation, "compute_cost": ref.compute_cost,
          "backward_propagation": ref.backward_propagation,
          "update_parameters": ref.update_parameters},
    may_change=("rng",), inspect=_inspect_training, before=_passes_its_generator_on,
    mistakes={key: [_training_mistake(message, changes, key)
                    for message, changes in TRAINING_MISTAKES] for key in KEYS})


# -- 9. predict -----------------------------------------------------------------------------
PREDICT = Exercise(
    "predict", ref.predict,
    visible=[Case((NET, X_NET), label="5 examples")],
    uses={"forward_propagation": ref.forward_propagation},
    returns="the labels, an array of shape (1, m)",
    mistakes={"value": [
        Mistake("predict returns probabilities: turn them into labels, 1 where A2 is above "
                "0.5 and 0 elsewhere", lambda p, X: _forward(X, p)),
        Mistake("the labels are inverted: predict 1 where A2 is ABOVE 0.5",
                lambda p, X: (_forward(X, p) <= 0.5).astype(float)),
        Mistake("every example is predicted 1: compare A2 with 0.5, not with 0",
                lambda p, X: (_forward(X, p) > 0).astype(float)),
    ]})

EXERCISES = {ex.name: ex for ex in (
    STANDARDIZE, LAYER_SIZES, INITIALIZE_PARAMETERS, FORWARD_PROPAGATION,
    COMPUTE_COST, BACKWARD_PROPAGATION, UPDATE_PARAMETERS, NN_MODEL, PREDICT)}

check_standardize = visible(visible_check(STANDARDIZE))
check_layer_sizes = visible(visible_check(LAYER_SIZES))
check_initialize_parameters = visible(visible_check(INITIALIZE_PARAMETERS))
check_forward_propagation = visible(visible_check(FORWARD_PROPAGATION))
check_compute_cost = visible(visible_check(COMPUTE_COST))
check_backward_propagation = visible(visible_check(BACKWARD_PROPAGATION))
check_update_parameters = visible(visible_check(UPDATE_PARAMETERS))
check_nn_model = visible(visible_check(NN_MODEL))
check_predict = visible(visible_check(PREDICT))
hidden = hidden_checks(EXERCISES)
