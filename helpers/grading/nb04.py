"""Checks for notebook 04 (an L-layer network, backpropagation and gradient checking).

Each exercise is declared once (`helpers/grading/exercise.py`): its reference in
`helpers.deep` (the layer functions are `helpers.layers`'), the visible cases, the graded
parts of its result and the mistakes each part recognises. Its test cell calls
`check_<name>` and, in its hidden part, `hidden("<name>", ...)` with literals that
`python -m helpers.grading.literals 04_backprop` computes from the reference.

Two exercises are judged by what they do rather than by one value (`measure`):
`initialize_parameters_deep` by the statistics of the weights it draws from the generator
it is given (any correct way of drawing them scores), and `L_model_backward` by its
gradients once their keys are named right. `gradient_check` is run with the reference
forward pass and cost lent to it, on cases whose answer does not depend on rounding: a
large epsilon, or gradients that are wrong. `planted_bugs` is a question: its visible
check only says that it is answered.
"""
import math
from dataclasses import replace

import numpy as np

from .. import deep as ref
from ..activations import sigmoid as _sig
from . import cellguard, draws, nb02
from .checks import CheckFailed, Mistake, NotAnswered, as_array, hidden as _hidden, plain, \
    shown, visible_for
from .exercise import Case, Exercise, hidden_checks, run, visible_check

NOTEBOOK = "04_backprop"
visible = visible_for(NOTEBOOK)


def _drawn(seed, shape, scale=1.0):
    """Numbers with two decimals: readable in a message, exact in a literal."""
    return np.round(scale * np.random.default_rng(seed).standard_normal(shape), 2)


# The small network of the visible checks: 3 inputs, layers of 4 and 2 ReLU units, one
# sigmoid output, 5 examples. No hidden unit's Z is within 0.05 of ReLU's kink, so a
# difference quotient with epsilon up to 1e-2 never crosses it (tests/test_grading_nb04.py).
X_NET = np.array([[1.2, -0.7, 0.3, 2.0, -1.5],
                  [0.4, 1.1, -0.9, 0.2, 0.8],
                  [-0.6, 0.5, 1.4, -1.0, 0.1]])
Y_NET = np.array([[1.0, 0.0, 1.0, 1.0, 0.0]])
NET = {"W1": _drawn(1, (4, 3), 0.8), "b1": _drawn(2, (4, 1), 0.3),
       "W2": _drawn(3, (2, 4), 0.8), "b2": _drawn(4, (2, 1), 0.3),
       "W3": _drawn(5, (1, 2), 0.8), "b3": _drawn(6, (1, 1), 0.3)}
NET_CASE = "3 inputs, layers of 4, 2 and 1 units, 5 examples"
L_NET = 3
KEYS = [f"{p}{l}" for l in range(1, L_NET + 1) for p in ("W", "b")]
ACT = {"relu": lambda z: np.maximum(z, 0.0), "sigmoid": _sig, "tanh": np.tanh,
       "linear": lambda z: z}
SLOPE = {"relu": lambda z: (z > 0).astype(float), "sigmoid": lambda z: _sig(z) * (1 - _sig(z)),
         "linear": lambda z: np.ones_like(z)}


# -- 1. initialize_parameters_deep ---------------------------------------------------------
# Layers with at least this many weights have their spread graded: six standard errors of
# a sampled standard deviation are then at most 8% of it, far below the factor of 1.41
# (He's) or 1.22 (Glorot's) that the mistakes below make.
GRADED_SIZE = 3000
SPREAD_RTOL = 0.08


def _seeded(layer_dims, seed):
    return (list(layer_dims), np.random.default_rng(seed)), {}


def _graded_layers(layer_dims):
    return [l for l in range(1, len(layer_dims))
            if layer_dims[l] * layer_dims[l - 1] >= GRADED_SIZE]


def _spread(layer_dims, scale):
    """{"spread": each graded layer's std times sqrt(n[l-1])} for weights of std
    scale(n[l-1], n[l]); the asked-for scale, 1 / sqrt(n[l-1]), gives ones."""
    return {"spread": np.array([scale(layer_dims[l - 1], layer_dims[l]) *
                                math.sqrt(layer_dims[l - 1])
                                for l in _graded_layers(layer_dims)])}


def _reference_init(layer_dims, rng):
    return _spread(layer_dims, lambda n_in, n_out: 1 / math.sqrt(n_in))


def _init_mistake(message, scale):
    return Mistake(message, lambda layer_dims, rng: _spread(layer_dims, scale)["spread"])


INIT_MISTAKES = [
    _init_mistake("the weights have He's scale, sqrt(2 / n[l-1]) (notebook 05 uses it for "
                  "ReLU networks); this exercise asks for sqrt(1 / n[l-1])",
                  lambda n_in, n_out: math.sqrt(2 / n_in)),
    _init_mistake("the weights have Glorot's scale, sqrt(2 / (n[l-1] + n[l])); this "
                  "exercise asks for sqrt(1 / n[l-1])",
                  lambda n_in, n_out: math.sqrt(2 / (n_in + n_out))),
    _init_mistake("the weights are scaled with n[l], the layer's own size (fan-out); "
                  "divide by sqrt(n[l-1]), the number of inputs each unit sums (fan-in)",
                  lambda n_in, n_out: 1 / math.sqrt(n_out)),
    _init_mistake("the weights are divided by n[l-1] itself: 1 / n[l-1] is the VARIANCE "
                  "asked for, so the standard deviation is its square root, "
                  "rng.standard_normal(shape) / np.sqrt(n[l-1])",
                  lambda n_in, n_out: 1 / n_in),
    _init_mistake("the weights are not scaled at all: standard normal weights make each "
                  "Z about sqrt(n[l-1]) times too large. Divide by np.sqrt(n[l-1])",
                  lambda n_in, n_out: 1.0),
    _init_mistake("the weights are 0.01 * standard normal, notebook 02's scale; a deep "
                  "network needs 1 / sqrt(n[l-1]), or its activations shrink layer after "
                  "layer", lambda n_in, n_out: 0.01),
]


def _parameters_of(result, layer_dims, what):
    """The dict of W1, b1, ... with the asked-for shapes and float dtype, as arrays."""
    L = len(layer_dims) - 1
    if type(result) is not dict:
        raise CheckFailed(f"{what} should return a dict of W1, b1, ..., W{L}, b{L}; got "
                          f"a {type(result).__name__}")
    want = [f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")]
    if sorted(map(str, result)) != sorted(want):
        extra = sorted(set(map(str, result)) - set(want))
        hint = (": layer_dims lists n[0] = n_x too, so a network has len(layer_dims) - 1 "
                "layers, W1 to W{L}".format(L=L)) if extra or len(result) < len(want) else ""
        raise CheckFailed(f"{what} should return the keys {shown(want)}, got "
                          f"{shown(sorted(map(str, result)))}{hint}")
    parameters = {}
    for l in range(1, L + 1):
        for key, shape in ((f"W{l}", (layer_dims[l], layer_dims[l - 1])),
                           (f"b{l}", (layer_dims[l], 1))):
            value = as_array(result[key], f"{key} from {what}", shape)
            if not np.issubdtype(value.dtype, np.floating):
                raise CheckFailed(f"{key} from {what} has dtype {value.dtype}: make it "
                                  "floating point")
            parameters[key] = np.asarray(value, dtype=float)
    return parameters


def _measure_init(fn, what, reveal, args, kwargs):
    """The spread of each large layer's weights, once the dict, its shapes, its biases
    and its use of the generator are right (helpers/grading/draws.py)."""
    layer_dims, rng = args
    L = len(layer_dims) - 1

    def drawn(args):
        return _parameters_of(draws.keeping_global_state(
            lambda: run(INITIALIZE_PARAMETERS_DEEP, fn, args, kwargs), what), layer_dims, what)

    first = drawn(args)
    draws.check_look(first, L, what, reveal)
    seed = int(np.random.default_rng(len(layer_dims)).integers(2 ** 31))
    draws.check_seeded(drawn((layer_dims, np.random.default_rng(seed))),
                       lambda s: drawn((layer_dims, np.random.default_rng(s))), seed, what)
    return {"spread": np.array([np.std(first[f"W{l}"]) * math.sqrt(layer_dims[l - 1])
                                for l in _graded_layers(layer_dims)])}


INITIALIZE_PARAMETERS_DEEP = Exercise(
    "initialize_parameters_deep", _reference_init, inputs=_seeded,
    visible=[Case(([3, 4, 1], 0), label="layer_dims=[3, 4, 1]"),
             Case(([300, 100, 30, 1], 1), label="layer_dims=[300, 100, 30, 1]")],
    parts={"spread": ("spread",)}, measure=_measure_init, may_change=("rng",),
    returns="a dict with the keys W1, b1, ..., WL, bL",
    mistakes={"spread": INIT_MISTAKES}, rtol=SPREAD_RTOL, atol=0.0)


# -- 2. linear_forward ---------------------------------------------------------------------
A_SQUARE = np.array([[0.5, -1.0, 2.0, 0.3], [1.5, 0.2, -0.4, -1.1], [-0.8, 0.9, 0.0, 0.6]])
W_SQUARE = np.array([[0.2, -0.5, 1.0], [0.7, 0.1, -0.3], [-1.2, 0.4, 0.8]])
B_SQUARE = np.array([[0.1], [-0.2], [0.3]])
# The square case first: there, a transposed W gives a wrong value rather than a crash.
LINEAR_CASES = [Case((A_SQUARE, W_SQUARE, B_SQUARE), label="W of shape (3, 3), 4 examples"),
                Case((X_NET, NET["W1"], NET["b1"]), label="W of shape (4, 3), 5 examples")]
SHAPES_HINT = [("matmul", " (W is (n[l], n[l-1]) and A_prev is (n[l-1], m): "
                          "Z = W @ A_prev + b, in that order)"),
               ("could not be broadcast", " (Z = W A_prev + b is a matrix product, "
                                          "W @ A_prev or np.dot(W, A_prev), not W * A_prev)")]


def _cache_order(positions, names):
    """An `inspect` naming a cache whose arrays are there but in another order."""
    def inspect(got, expected, what):
        for paths in positions:
            values = [np.asarray(got[p]) for p in paths]
            wants = [np.asarray(expected[p]) for p in paths]
            if any(v.shape != w.shape or not np.allclose(v, w) for v, w in zip(values, wants)):
                if sorted(v.shape for v in values) == sorted(w.shape for w in wants):
                    raise CheckFailed(f"the cache from {what} holds the right arrays in the "
                                      f"wrong order: it should be {names}")
    return inspect


LINEAR_FORWARD = Exercise(
    "linear_forward", ref.linear_forward, visible=LINEAR_CASES,
    parts={"Z": (0,), "cache[0]": (1, 0), "cache[1]": (1, 1), "cache[2]": (1, 2)},
    returns="(Z, cache) with cache = (A_prev, W, b)", hints=SHAPES_HINT,
    inspect=_cache_order([("cache[0]", "cache[1]", "cache[2]")], "(A_prev, W, b)"),
    mistakes={"Z": [
        Mistake("the bias is missing: Z = W A_prev + b", lambda A, W, b: W @ A),
        Mistake("Z = W A_prev + b: that used W's transpose", lambda A, W, b: W.T @ A + b),
        Mistake("the bias was subtracted: Z = W A_prev + b", lambda A, W, b: W @ A - b),
    ]})


# -- 3. linear_activation_forward ----------------------------------------------------------
def _act_case(activation, A, W, b, label):
    return Case((A, W, b, activation), label=f"{label}, activation={activation!r}")


ACT_CASES = [_act_case("relu", X_NET, NET["W1"], NET["b1"], "W (4, 3)"),
             _act_case("sigmoid", X_NET, NET["W1"], NET["b1"], "W (4, 3)")]


def _activated(g):
    return lambda A, W, b, activation: ACT[g(activation)](W @ A + b)


LINEAR_ACTIVATION_FORWARD = Exercise(
    "linear_activation_forward", ref.linear_activation_forward, visible=ACT_CASES,
    parts={"A": (0,), "linear_cache[0]": (1, 0, 0), "linear_cache[1]": (1, 0, 1),
           "linear_cache[2]": (1, 0, 2), "Z": (1, 1)},
    returns="(A, cache) with cache = ((A_prev, W, b), Z)",
    uses={"linear_forward": ref.linear_forward}, hints=SHAPES_HINT,
    mistakes={"A": [
        Mistake("the activations are swapped: 'relu' is np.maximum(0, Z) and 'sigmoid' is "
                "1 / (1 + np.exp(-Z))",
                _activated(lambda a: {"relu": "sigmoid", "sigmoid": "relu"}[a])),
        Mistake("A is the activation of Z, g(Z); you returned Z itself",
                _activated(lambda a: "linear")),
        Mistake("the sigmoid is 1 / (1 + np.exp(-Z)): the minus sign is missing",
                lambda A, W, b, activation: ACT[activation](W @ A + b) if
                activation == "relu" else 1 / (1 + np.exp(W @ A + b))),
    ]})


# -- 4. L_model_forward --------------------------------------------------------------------
def _forward(X, p, hidden="relu", output="sigmoid"):
    """AL of a forward pass, with the parts a mistake changes as arguments."""
    L = sum(1 for k in p if k.startswith("W"))
    A = X
    for l in range(1, L + 1):
        A = ACT[output if l == L else hidden](p[f"W{l}"] @ A + p[f"b{l}"])
    return A


def _caches_match(call, args, kwargs, what):
    """The caches: one per layer, in order, each ((A_prev, W, b), Z)."""
    X, parameters = args
    _, expected = ref.L_model_forward(X, parameters)
    _, caches = call(*args, **kwargs)
    if type(caches) not in (list, tuple):
        raise CheckFailed(f"{what}: caches should be a list of the layers' caches, got a "
                          f"{type(caches).__name__}")
    if len(caches) != len(expected):
        raise CheckFailed(
            f"{what}: caches has {len(caches)} entries; it needs one per layer, "
            f"{len(expected)}: append the cache of every hidden layer in the loop and then "
            "the output layer's")
    for l, (cache, want) in enumerate(zip(caches, expected), start=1):
        flat = _flat_cache(cache)
        wanted = _flat_cache(want)
        if flat is None or len(flat) != 4 or any(
                np.shape(a) != np.shape(b) or not np.allclose(a, b)
                for a, b in zip(flat, wanted)):
            order = " (are the caches in the order of the layers, layer 1 first?)" \
                if any(_same_cache(cache, other) for other in expected) else ""
            raise CheckFailed(f"{what}: caches[{l - 1}] is not layer {l}'s cache "
                              f"((A_prev, W, b), Z), as linear_activation_forward returns "
                              f"it{order}")


def _flat_cache(cache):
    try:
        (A_prev, W, b), Z = cache
    except (TypeError, ValueError):
        return None
    return [np.asarray(a, dtype=float) for a in (A_prev, W, b, Z)]


def _same_cache(cache, other):
    a, b = _flat_cache(cache), _flat_cache(other)
    return a is not None and all(np.shape(x) == np.shape(y) and np.allclose(x, y)
                                 for x, y in zip(a, b))


def _output_layer_there(got, expected, what):
    """AL shaped like the last hidden layer's output: the output layer was left out."""
    shape, want = np.shape(got["AL"]), np.shape(expected["AL"])
    if shape != want and len(shape) == 2 and shape[1] == want[1] and shape[0] > 1:
        raise CheckFailed(f"{what}: AL has shape {shape}, that of the last HIDDEN layer's "
                          "output: the output layer (LINEAR -> SIGMOID with W{L}, b{L}) is "
                          "missing after the hidden layers")


L_MODEL_FORWARD = Exercise(
    "L_model_forward", ref.L_model_forward, visible=[Case((X_NET, NET), label=NET_CASE)],
    parts={"AL": (0,)}, returns="(AL, caches), caches a list of one cache per layer",
    uses={"linear_activation_forward": ref.linear_activation_forward,
          "linear_forward": ref.linear_forward},
    also=_caches_match, inspect=_output_layer_there,
    mistakes={"AL": [
        Mistake("every layer uses the sigmoid; the hidden layers use ReLU and only the "
                "output layer the sigmoid", lambda X, p: _forward(X, p, hidden="sigmoid")),
        Mistake("the output layer uses ReLU; it uses the sigmoid, so that AL is a "
                "probability", lambda X, p: _forward(X, p, output="relu")),
    ]})


# -- 5. compute_cost -----------------------------------------------------------------------
COMPUTE_COST = replace(
    nb02.COMPUTE_COST, reference=ref.compute_cost,
    visible=[Case((np.array([[0.9, 0.2, 0.65, 0.7, 0.1]]), Y_NET), label="5 examples")])


# -- 6. gradient_check ---------------------------------------------------------------------
def _net_gradients(p, X, Y):
    AL, caches = ref.L_model_forward(X, p)
    return ref.L_model_backward(AL, Y, caches)


GRADS_NET = _net_gradients(NET, X_NET, Y_NET)


def _with_gradients(parameters, X, Y, epsilon=1e-7, wrong=None):
    """gradient_check's arguments: the gradients are the reference backward pass's, with
    `wrong` = (key, factor) scaling one of them, as a bug would."""
    gradients = _net_gradients(parameters, X, Y)
    if wrong is not None:
        key, factor = wrong
        gradients[key] = gradients[key] * factor
    return (parameters, gradients, X, Y, epsilon), {}


def _numeric(p, X, Y, epsilon, side="centred", halved=True):
    """The difference quotients of the cost, one per parameter entry, in the order of
    p's keys: centred, or (a mistake) one-sided or divided by epsilon alone."""
    def cost(q):
        return ref.compute_cost(ref.L_model_forward(X, q)[0], Y)

    step = 2 * epsilon if side == "centred" and halved else epsilon
    quotients = []
    for key in p:
        for index in np.ndindex(p[key].shape):
            plus = {k: v.copy() for k, v in p.items()}
            minus = {k: v.copy() for k, v in p.items()}
            if side in ("centred", "forward"):
                plus[key][index] += epsilon
            if side in ("centred", "backward"):
                minus[key][index] -= epsilon
            quotients.append((cost(plus) - cost(minus)) / step)
    return np.array(quotients)


def _difference(p, g, X, Y, epsilon=1e-7, side="centred", halved=True, norm=2,
                denominator="both"):
    numeric = _numeric(p, X, Y, epsilon, side, halved)
    analytic = np.concatenate([np.ravel(g["d" + key]) for key in p])
    top = np.linalg.norm(analytic - numeric, norm)
    bottom = {"both": np.linalg.norm(analytic, norm) + np.linalg.norm(numeric, norm),
              "analytic": np.linalg.norm(analytic, norm), "none": 1.0}[denominator]
    return top / bottom


def _check_mistake(message, **variant):
    return Mistake(message, lambda p, g, X, Y, epsilon=1e-7: _difference(
        p, g, X, Y, epsilon, **variant))


GRADIENT_CHECK = Exercise(
    "gradient_check", ref.gradient_check,
    visible=[
        # With epsilon = 0.01 the answer is set by the approximation, not by rounding:
        # centred and one-sided differences give clearly different numbers.
        Case((NET, X_NET, Y_NET, 1e-2), label="right gradients, epsilon=1e-2"),
        Case((NET, X_NET, Y_NET, 1e-7, ("dW2", 2.0)),
             label="dW2 twice too large, epsilon=1e-7")],
    inputs=_with_gradients,
    returns="the relative difference, a number",
    uses={"L_model_forward": ref.L_model_forward, "compute_cost": ref.compute_cost,
          "linear_activation_forward": ref.linear_activation_forward,
          "linear_forward": ref.linear_forward},
    rtol=1e-4, atol=1e-12,
    mistakes={"value": [
        _check_mistake("that is a one-sided difference, (J(theta + eps) - J(theta)) / eps: "
                       "its error shrinks like eps, a centred one's like eps**2. Use "
                       "(J(theta + eps) - J(theta - eps)) / (2 * eps)", side="forward"),
        _check_mistake("that is a one-sided difference, (J(theta) - J(theta - eps)) / eps; "
                       "use the centred (J(theta + eps) - J(theta - eps)) / (2 * eps)",
                       side="backward"),
        _check_mistake("the difference J(theta + eps) - J(theta - eps) spans 2 * eps: "
                       "divide by 2 * epsilon, not by epsilon", halved=False),
        _check_mistake("the denominator is ||grad|| + ||gradapprox||, both norms",
                       denominator="analytic"),
        _check_mistake("the difference is relative: divide ||grad - gradapprox|| by "
                       "||grad|| + ||gradapprox||", denominator="none"),
        _check_mistake("the norms are Euclidean (np.linalg.norm, the square root of the "
                       "sum of squares), not sums of absolute values", norm=1),
    ]})


# -- 7. linear_backward --------------------------------------------------------------------
def _dZ(seed, shape):
    return _drawn(seed, shape, 0.5)


LINEAR_BACKWARD_CASES = [
    Case((_dZ(8, (3, 4)), (A_SQUARE, W_SQUARE, B_SQUARE)), label="W (3, 3), 4 examples"),
    Case((_dZ(7, (4, 5)), (X_NET, NET["W1"], NET["b1"])), label="W (4, 3), 5 examples")]


def _linear_grads(dZ, cache, per="m", dA_by_m=False, W_T=True):
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    scale = {"m": 1 / m, "1": 1.0, "m2": 1 / m ** 2}[per]
    dW = scale * dZ @ A_prev.T
    db = scale * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = (W.T @ dZ if W_T else W @ dZ) / (m if dA_by_m else 1)
    return {"dA_prev": dA_prev, "dW": dW, "db": db}


def _backward_mistake(message, part, **variant):
    return Mistake(message, lambda dZ, cache: _linear_grads(dZ, cache, **variant)[part])


LINEAR_BACKWARD_MISTAKES = {
    "dW": [_backward_mistake("dW is m times too large: the cost J is a mean over the m "
                             "examples, so dW = (1/m) dZ A_prev^T", "dW", per="1"),
           _backward_mistake("dW is divided by m twice: dW = (1/m) dZ A_prev^T, once",
                             "dW", per="m2"),
           Mistake("dW is transposed: dW = (1/m) dZ A_prev^T, with A_prev transposed, "
                   "has W's shape (n[l], n[l-1])",
                   lambda dZ, cache: _linear_grads(dZ, cache)["dW"].T)],
    "db": [_backward_mistake("db is m times too large: db = (1/m) times the sum of dZ "
                             "over the examples", "db", per="1"),
           _backward_mistake("db is divided by m twice", "db", per="m2")],
    "dA_prev": [_backward_mistake("dA_prev = W^T dZ: W must be transposed (W.T @ dZ), so "
                                  "that each unit of the layer below gets back the "
                                  "weights it sent", "dA_prev", W_T=False),
                _backward_mistake("dA_prev = W^T dZ is per example, like dZ: it is not "
                                  "divided by m (only dW and db, gradients of the mean "
                                  "cost, are)", "dA_prev", dA_by_m=True)],
}


LINEAR_BACKWARD = Exercise(
    "linear_backward", ref.linear_backward, visible=LINEAR_BACKWARD_CASES,
    parts={"dA_prev": (0,), "dW": (1,), "db": (2,)},
    returns="(dA_prev, dW, db)", inspect=nb02.bias_shapes("db"),
    hints=[("matmul", " (shapes: dW is (n[l], n[l-1]) like W, so dW = dZ @ A_prev.T / m; "
                      "dA_prev is (n[l-1], m) like A_prev, so dA_prev = W.T @ dZ)")],
    mistakes=LINEAR_BACKWARD_MISTAKES)


# -- 8. linear_activation_backward ---------------------------------------------------------
def _with_layer_cache(dA, A_prev, W, b, activation):
    """linear_activation_backward's arguments: the cache of the reference forward pass."""
    _, cache = ref.linear_activation_forward(A_prev, W, b, activation)
    return (dA, cache, activation), {}


def _act_grads(dA, cache, activation, slope=None):
    """The three gradients with dZ = dA * slope(Z, A, activation)."""
    linear_cache, Z = cache
    A = ACT[activation](Z)
    dZ = dA * (SLOPE[activation](Z) if slope is None else slope(Z, A, activation))
    dA_prev, dW, db = ref.linear_backward(dZ, linear_cache)
    return {"dA_prev": dA_prev, "dW": dW, "db": db}


ACT_BACKWARD_VARIANTS = [
    ("the derivative is evaluated at A, g'(A); it belongs at Z, g'(Z): for the sigmoid "
     "g'(Z) = s (1 - s) with s = sigmoid(Z) = A, so dZ = dA * A * (1 - A)",
     lambda Z, A, act: SLOPE[act](A)),
    ("dZ = dA * g'(Z): the activation's derivative is missing, dZ = dA",
     lambda Z, A, act: np.ones_like(Z)),
    ("the derivatives are swapped: ReLU's is 1 where Z > 0 and 0 elsewhere, the "
     "sigmoid's is s (1 - s)",
     lambda Z, A, act: SLOPE["sigmoid" if act == "relu" else "relu"](Z)),
    ("ReLU's derivative is 1 where Z > 0 and 0 elsewhere (a mask), not Z itself",
     lambda Z, A, act: np.maximum(Z, 0) if act == "relu" else SLOPE[act](Z)),
    ("the sigmoid's derivative is s (1 - s), not s: the factor (1 - s) is missing",
     lambda Z, A, act: _sig(Z) if act == "sigmoid" else SLOPE[act](Z)),
]

LINEAR_ACTIVATION_BACKWARD = Exercise(
    "linear_activation_backward", ref.linear_activation_backward,
    inputs=_with_layer_cache,
    visible=[Case((_dZ(9, (4, 5)), X_NET, NET["W1"], NET["b1"], activation),
                  label=f"W (4, 3), activation={activation!r}")
             for activation in ("relu", "sigmoid")],
    parts={"dA_prev": (0,), "dW": (1,), "db": (2,)},
    returns="(dA_prev, dW, db)", inspect=nb02.bias_shapes("db"),
    uses={"linear_backward": ref.linear_backward},
    mistakes={part: [Mistake(message, lambda dA, cache, activation, s=slope, k=part:
                             _act_grads(dA, cache, activation, s)[k])
                     for message, slope in ACT_BACKWARD_VARIANTS]
              for part in ("dA_prev", "dW", "db")})


# -- 9. L_model_backward -------------------------------------------------------------------
def _with_caches(X, parameters, Y):
    AL, caches = ref.L_model_forward(X, parameters)
    return (AL, Y, caches), {}


def _model_grads(AL, Y, caches, output="sigmoid", hidden="relu", sign=1.0):
    """The gradients of a backward pass, with the parts a mistake changes."""
    L = len(caches)
    grads = {}
    (_, Z) = caches[-1]
    dZ = sign * ((AL - Y) if output == "sigmoid" else
                 -(Y / AL - (1 - Y) / (1 - AL)) * SLOPE[output](Z))
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        if l < L:
            dZ = grads[f"dA{l}"] * SLOPE[hidden](Z)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = \
            ref.linear_backward(dZ, linear_cache)
    return grads


GRAD_KEYS = [f"{p}{l}" for l in range(L_NET, 0, -1) for p in ("dW", "db")] + \
    [f"dA{l}" for l in range(L_NET - 1, -1, -1)]
MODEL_BACKWARD_VARIANTS = [
    ("the gradients point uphill: dZ[L] = AL - Y (equivalently dAL = -(Y/AL - (1-Y)/"
     "(1-AL))), not its negative", dict(sign=-1.0)),
    ("the output layer is a sigmoid: its backward pass uses the sigmoid's derivative "
     "(dZ[L] = AL - Y), not ReLU's", dict(output="relu")),
    ("the hidden layers are ReLU: their backward pass uses ReLU's derivative, not the "
     "sigmoid's", dict(hidden="sigmoid")),
]


def _keys_named(fn, what, reveal, args, kwargs):
    """L_model_backward's gradients, once their keys are those of its layers."""
    grads = run(L_MODEL_BACKWARD, fn, args, kwargs)
    L = len(args[2])
    if type(grads) is dict:
        keys = set(map(str, grads))
        if f"dW{L + 1}" in keys or f"dW0" in keys or (f"dA{L}" in keys and "dA0" not in keys):
            raise CheckFailed(
                f"{what}: the keys are one layer off (got {shown(sorted(keys))}): "
                f"layer l's linear_backward gives dA{{l-1}}, dW{{l}} and db{{l}}, so the "
                f"output layer L = {L} gives dA{L - 1}, dW{L} and db{L}")
    return grads


L_MODEL_BACKWARD = Exercise(
    "L_model_backward", ref.L_model_backward, inputs=_with_caches,
    visible=[Case((X_NET, NET, Y_NET), label=NET_CASE)],
    parts={key: (key,) for key in GRAD_KEYS}, measure=_keys_named,
    returns="grads, a dict with dA0..dA{L-1}, dW1..dW{L} and db1..db{L}",
    inspect=nb02.bias_shapes(*[k for k in GRAD_KEYS if k.startswith("db")]),
    uses={"linear_activation_backward": ref.linear_activation_backward,
          "linear_backward": ref.linear_backward},
    hints=[(text, " (each layer's backward pass needs that layer's cache: go through the "
                   "layers from L down to 1 and use caches[l - 1] for layer l)")
           for text in ("matmul", "same shape", "operands could not be broadcast")],
    mistakes={key: [Mistake(message, lambda AL, Y, caches, v=variant, k=key:
                            _model_grads(AL, Y, caches, **v)[k])
                    for message, variant in MODEL_BACKWARD_VARIANTS]
              for key in GRAD_KEYS})


# -- 10. update_parameters -----------------------------------------------------------------
UPDATE_PARAMETERS = Exercise(
    "update_parameters", ref.update_parameters,
    visible=[Case((NET, GRADS_NET, 0.1), label="learning_rate=0.1")],
    parts={key: (key,) for key in KEYS},
    returns="a new dict with the keys W1, b1, ..., WL, bL",
    mistakes={key: nb02.update_mistakes(key, default_rate=None, last_layer=L_NET)
              for key in KEYS})


EXERCISES = {ex.name: ex for ex in (
    INITIALIZE_PARAMETERS_DEEP, LINEAR_FORWARD, LINEAR_ACTIVATION_FORWARD, L_MODEL_FORWARD,
    COMPUTE_COST, GRADIENT_CHECK, LINEAR_BACKWARD, LINEAR_ACTIVATION_BACKWARD,
    L_MODEL_BACKWARD, UPDATE_PARAMETERS)}

check_initialize_parameters_deep = visible(visible_check(INITIALIZE_PARAMETERS_DEEP))
check_linear_forward = visible(visible_check(LINEAR_FORWARD))
check_linear_activation_forward = visible(visible_check(LINEAR_ACTIVATION_FORWARD))
check_L_model_forward = visible(visible_check(L_MODEL_FORWARD))
check_compute_cost = visible(visible_check(COMPUTE_COST))
check_gradient_check = visible(visible_check(GRADIENT_CHECK))
check_linear_backward = visible(visible_check(LINEAR_BACKWARD))
check_linear_activation_backward = visible(visible_check(LINEAR_ACTIVATION_BACKWARD))
check_L_model_backward = visible(visible_check(L_MODEL_BACKWARD))
check_update_parameters = visible(visible_check(UPDATE_PARAMETERS))
hidden = hidden_checks(EXERCISES)


# -- 11. planted_bugs (a question) ---------------------------------------------------------
def _bug_answer(answer, name):
    """The answer as a set of parameter names, or an error saying what to fix."""
    if type(answer) in (set, frozenset):  # plain() takes no sets: its elements, exactly
        answer = list(answer)
    answer = plain(answer, name)
    if answer is None:
        raise NotAnswered(f"{name} is not answered yet: set it to a set of parameter "
                          "names, such as {'W1', 'b2'}")
    if type(answer) not in (set, list, tuple) or not all(type(a) is str for a in answer):
        raise CheckFailed(f"{name} should be a set of parameter names such as "
                          f"{{'W1', 'b2'}}, got {shown(answer)}")
    unknown = sorted(a for a in answer if a not in BUGGY_KEYS)
    if unknown:
        raise CheckFailed(f"{name} names {shown(unknown)}, which are not parameters of the "
                          f"buggy network: its parameters are {shown(BUGGY_KEYS)}")
    return set(answer)


BUGGY_KEYS = [f"{p}{l}" for l in range(1, 4) for p in ("W", "b")]


@visible
def check_planted_bugs(answer, name="planted_bugs"):
    """Visible check of the question: only that it is answered, with parameter names."""
    cellguard.check(answer, name, NOTEBOOK)
    _bug_answer(answer, name)
    print(f"\N{CHECK MARK} {name} is answered; the hidden test decides whether it is right")


@_hidden
def hidden_planted_bugs(answer, expected, name="planted_bugs"):
    got = _bug_answer(answer, name)
    if got != set(expected):
        raise CheckFailed(f"{name} is not the right set of parameters")
