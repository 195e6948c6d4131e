"""Checks for notebook 06 (regularization: L2, inverted dropout, batch normalisation).

Five exercises, each declared once as an `Exercise` (`helpers/grading/exercise.py`) in
`EXERCISES`, with their references in `helpers.regularization`; the visible checks
(`check_<name>`) and the hidden ones (`hidden("name", fn, args=(...), expected=...)`,
literals from `python -m helpers.grading.literals 06_regularization`) are made from them.

Every network case is named by its shape and a seed, (layer_dims, m, ..., seed), and
`_network` makes its data from them: X, Y, weights of He's scale and small random biases
(not zeros, so that a penalty on the biases shows). The network is notebook 04's: ReLU
hidden layers and one sigmoid unit.

- `compute_cost_with_regularization` and `backward_propagation_with_regularization` are
  compared with the reference as usual. Only dW1.., db1.. of the backward passes are
  graded: where to store a dA (before or after dropout's mask) is a convention, not a
  mistake.
- `forward_propagation_with_dropout` draws its masks, and any correct way of drawing them
  scores. It is judged by what it does (`measure`): the check calls it with a generator
  made from the case's seed, reads the keep masks D[l] off its caches, replays them
  through the reference (`forward_propagation_with_dropout(..., masks=...)`) and
  observes three things: the share of units kept (`kept`, against keep_prob, within six
  standard errors of that many draws), and whether AL and the caches are what inverted
  dropout gives with those very masks (`AL`, `caches`: 0.0 when they are). On the way
  it checks the structure of the caches, that the masks come from the generator it is
  given (numpy's global state untouched, the same seed the same masks, another seed
  others) and that every layer, every example and every unit gets its own keep
  decision (no mask repeated along the examples or the units, none used again, whole or
  sliced, by a later layer). With keep_prob 1 a hidden layer's D may be None, as the
  reference's is. A pattern in the masks is named only where a right answer's masks
  would show it less than once in a billion calls (`UNLIKELY`). A listed mistake of
  `AL` or `caches` is a forward pass with the student's masks done wrong
  (`DROPOUT_VARIANTS`); tests/nb06_answers.py's `making` writes an answer that makes it.
  A wrong cache names the first layer and piece (A_prev, W, b, Z) that differs.
- `backward_propagation_with_dropout` gets the caches of the reference forward pass with
  masks drawn from the case's seed, so it is compared as usual.
- `batchnorm_forward` is graded on its `out`; the cache is the student's own.

Every tolerance lets an answer computed in float32 pass (`FLOAT32_RTOL`, the replay's
`REPLAY_RTOL`, batch normalisation's own, looser for its tiny row), and stays far below
what any listed mistake changes: tests/test_grading_nb06.py runs float32 answers on
every visible and hidden case, and batch normalisation's mistakes against its tolerance.
"""
import numpy as np

from .. import regularization as ref
from ..deep import L_model_forward, layer_count, network_activations
from ..layers import model_backward
from . import draws
from .checks import CheckFailed, Mistake, close, quiet, visible_for
from .exercise import Case, Exercise, hidden_checks, run, visible_check

NOTEBOOK = "06_regularization"
visible = visible_for(NOTEBOOK)


# Loose enough for an answer computed in float32 (a backward pass in float32 is off by up
# to 1e-6 of an entry on the cases), far tighter than any of the mistakes below.
FLOAT32_RTOL, FLOAT32_ATOL = 1e-5, 1e-8


# -- the cases' networks -------------------------------------------------------------------
def _network(layer_dims, m, seed):
    """X (n[0], m), Y (1, m) of 0/1 and parameters W1, b1, ... from `seed`."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((layer_dims[0], m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n_prev, n = layer_dims[l - 1], layer_dims[l]
        parameters[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        parameters[f"b{l}"] = 0.1 * rng.standard_normal((n, 1))
    return X, Y, parameters


def _label(layer_dims, m, name, value, seed):
    return f"layer_dims={list(layer_dims)}, {m} examples, {name}={value}, seed {seed}"


def _grad_keys(layer_dims):
    L = len(layer_dims) - 1
    return [f"{p}{l}" for l in range(L, 0, -1) for p in ("dW", "db")]


def _as_l(key):
    return int(key[2:])


# -- 1. compute_cost_with_regularization ---------------------------------------------------
def _cost_inputs(layer_dims, m, lambd, seed):
    X, Y, parameters = _network(layer_dims, m, seed)
    AL, _ = L_model_forward(X, parameters)
    return (AL, Y, parameters, lambd), {}


def _cross_entropy(AL, Y, mean=True):
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.mean(losses) if mean else np.sum(losses))


def _penalty(parameters, keys="W", power=2, norm=None, last_only=False,
             square_of_sum=False):
    """The sum over the chosen parameters of sum(|p| ** power) (or of their norms, or of
    the squares of their sums)."""
    chosen = [k for k in parameters if k[0] in keys]
    if last_only:
        chosen = [max((k for k in chosen if k[0] == "W"), key=lambda k: int(k[1:]))]
    if norm is not None:
        return sum(float(np.linalg.norm(parameters[k])) for k in chosen)
    if square_of_sum:
        return sum(float(np.sum(parameters[k])) ** 2 for k in chosen)
    return sum(float(np.sum(np.abs(parameters[k]) ** power)) for k in chosen)


def _cost_variant(scale=lambda lambd, m: lambd / (2 * m), mean=True, sign=1.0, **penalty):
    def wrong(AL, Y, parameters, lambd):
        m = AL.shape[1]
        return _cross_entropy(AL, Y, mean) + sign * scale(lambd, m) * _penalty(
            parameters, **penalty)
    return wrong


COST_MISTAKES = [
    Mistake("that is the cross-entropy alone: the L2 term lambd / (2 m) times the sum of "
            "the squared weights is missing", _cost_variant(lambda lambd, m: 0.0)),
    Mistake("the L2 term is twice too large: it is lambd / (2 m) times the sum of the "
            "squares, not lambd / m", _cost_variant(lambda lambd, m: lambd / m)),
    Mistake("the L2 term is m times too large: divide by 2 m, lambd / (2 m), not by 2",
            _cost_variant(lambda lambd, m: lambd / 2)),
    Mistake("the L2 term is 2 m times too large: it is lambd / (2 m) times the sum of "
            "the squares", _cost_variant(lambda lambd, m: lambd)),
    Mistake("the biases are penalised too: the L2 term sums the squares of the weights "
            "W1, ..., WL only", _cost_variant(keys="Wb")),
    Mistake("only the last layer's weights are penalised: the L2 term sums over every "
            "layer, W1 to WL", _cost_variant(last_only=True)),
    Mistake("the norms are not squared: the L2 term is the sum of the SQUARES of the "
            "weights, np.sum(np.square(W)), not np.linalg.norm(W)", _cost_variant(norm=2)),
    Mistake("that sums |W|, the L1 penalty: L2 sums the squares of the weights",
            _cost_variant(power=1)),
    Mistake("that squares the sum of each W's entries, np.sum(W) ** 2: L2 sums the "
            "squares of the entries, np.sum(np.square(W))", _cost_variant(square_of_sum=True)),
    Mistake("the L2 term is subtracted: it is added to the cross-entropy, a price for "
            "large weights", _cost_variant(sign=-1.0)),
    Mistake("the cross-entropy is summed over the examples: it is their mean, as in "
            "notebook 04", _cost_variant(mean=False)),
]

COMPUTE_COST_WITH_REGULARIZATION = Exercise(
    "compute_cost_with_regularization", ref.compute_cost_with_regularization,
    inputs=_cost_inputs, returns="the cost, a number",
    visible=[Case(([3, 4, 2, 1], 5, 0.7, 0), label=_label([3, 4, 2, 1], 5, "lambd", 0.7, 0)),
             Case(([4, 6, 5, 3, 1], 8, 2.0, 1),
                  label=_label([4, 6, 5, 3, 1], 8, "lambd", 2.0, 1))],
    mistakes={"value": COST_MISTAKES}, rtol=FLOAT32_RTOL, atol=FLOAT32_ATOL)


# -- 2. backward_propagation_with_regularization -------------------------------------------
def _backward_inputs(layer_dims, m, lambd, seed):
    X, Y, parameters = _network(layer_dims, m, seed)
    AL, caches = L_model_forward(X, parameters)
    return (AL, Y, caches, lambd), {}


def _l2_variant(scale, bias=False, term=lambda W: W):
    """The gradients with scale(lambd, m) * term(W) added to each dW (and lambd / m * b
    to each db, with bias)."""
    def grads(AL, Y, caches, lambd):
        g = ref.backward_propagation_with_regularization(AL, Y, caches, 0.0)
        m = AL.shape[1]
        for l, ((_, W, b), _) in enumerate(caches, start=1):
            g[f"dW{l}"] = g[f"dW{l}"] + scale(lambd, m) * term(W)
            if bias:
                g[f"db{l}"] = g[f"db{l}"] + lambd / m * b
        return g
    return grads


L2_VARIANTS = [
    ("dW lacks the gradient of the L2 term: the cost now depends on every W[l] through "
     "lambd / (2 m) ||W[l]||^2 too", lambda lambd, m: 0.0),
    ("the L2 term's gradient is m times too large: the cost's L2 term is divided by "
     "2 m, and so is its derivative (up to the 2 that the square brings down)",
     lambda lambd, m: lambd),
    ("the L2 term's gradient is half what it should be: the derivative of W^2 is 2 W, "
     "and that 2 cancels the 2 of lambd / (2 m)", lambda lambd, m: lambd / (2 * m)),
    ("the L2 term's gradient is twice too large: d/dW of lambd / (2 m) W^2 is "
     "lambd / m W, the 2 of the square cancels the 2 of 2 m", lambda lambd, m: 2 * lambd / m),
    ("the L2 term's gradient has the wrong sign: a larger W makes the cost larger, so "
     "its gradient points the way W does", lambda lambd, m: -lambd / m),
]
L1_VARIANT = ("that adds lambd / m * sign(W), the gradient of the L1 penalty (the sum "
              "of |W|): the derivative of lambd / (2 m) W^2 is lambd / m * W")
PENALTY_VARIANT = ("that adds the L2 term itself, lambd / (2 m) * np.sum(W ** 2), one "
                   "number, to every entry: dW needs its derivative, lambd / m * W")
BIAS_VARIANT = ("db gained an L2 term, but the biases are not in the penalty: their "
                "gradients are L_model_backward's")


def _l2_mistakes(key):
    if key.startswith("db"):
        return [Mistake(BIAS_VARIANT, lambda AL, Y, caches, lambd: _l2_variant(
            lambda lambd, m: lambd / m, bias=True)(AL, Y, caches, lambd)[key])]
    return [Mistake(message, lambda AL, Y, caches, lambd, s=scale: _l2_variant(s)(
        AL, Y, caches, lambd)[key]) for message, scale in L2_VARIANTS] + \
        [Mistake(L1_VARIANT, lambda AL, Y, caches, lambd: _l2_variant(
            lambda lambd, m: lambd / m, term=np.sign)(AL, Y, caches, lambd)[key]),
         Mistake(PENALTY_VARIANT, lambda AL, Y, caches, lambd: _l2_variant(
             lambda lambd, m: lambd / (2 * m), term=lambda W: np.sum(np.square(W)))(
                 AL, Y, caches, lambd)[key])]


def _backward_exercise(name, inputs, case, knob, mistakes, hints=()):
    """A backward pass graded on dW1, db1, ..., one visible case (layer_dims, m, the
    knob's value, seed); mistakes(key) lists the mistakes of one gradient."""
    layer_dims, m, value, seed = case
    return Exercise(
        name, getattr(ref, name), inputs=inputs,
        visible=[Case(case, label=_label(layer_dims, m, knob, value, seed))],
        parts={key: (key,) for key in _grad_keys(layer_dims)},
        returns="grads, a dict with dW1, db1, ..., dWL, dbL",
        mistakes={key: mistakes(key) for key in _grad_keys(layer_dims)},
        rtol=FLOAT32_RTOL, atol=FLOAT32_ATOL, hints=hints)


BACKWARD_PROPAGATION_WITH_REGULARIZATION = _backward_exercise(
    "backward_propagation_with_regularization", _backward_inputs, ([3, 4, 2, 1], 5, 0.7, 0),
    "lambd", _l2_mistakes)


# -- 3. forward_propagation_with_dropout ---------------------------------------------------
# The share of kept units is judged where six standard errors of it are below this.
KEPT_TOLERANCE = 0.05
# Loose enough for a forward pass computed in float32 (its caches' Z near 0 are off by
# about 1e-6), far tighter than the mistakes, which change entries by a factor.
REPLAY_RTOL, REPLAY_ATOL = 1e-5, 2e-6


def _dropout_inputs(layer_dims, m, keep_prob, seed):
    X, _, parameters = _network(layer_dims, m, seed)
    return (X, parameters, keep_prob, seed), {}


def _observed_dropout(X, parameters, keep_prob, rng):
    """What a right answer is observed to do (`rng`: the seed of its generator): keep
    units with probability keep_prob, and give exactly what its own masks give."""
    return {"kept": float(keep_prob), "AL": 0.0, "caches": 0.0}


def _forward_variant(scale=None, cache_before=False):
    """A forward pass with the student's masks done wrong: A[l] * D[l] * scale(keep_prob)
    instead of / keep_prob, or the caches holding A[l] before dropout. Returns a function
    of the masks giving (AL, the caches' arrays, flattened)."""
    def wrong(X, parameters, keep_prob, rng):
        def replay(masks):
            L = len(masks) + 1
            A = cached = X
            flat = []
            for l in range(1, L + 1):
                W, b = parameters[f"W{l}"], parameters[f"b{l}"]
                Z = W @ A + b
                flat += [cached, W, b, Z]
                if l == L:
                    return 1 / (1 + np.exp(-Z)), flat
                kept = np.maximum(Z, 0)
                A = kept * masks[l - 1] * (1 / keep_prob if scale is None
                                           else scale(keep_prob))
                cached = kept if cache_before else A
        return replay
    return wrong


DROPOUT_VARIANTS = [
    ("AL", "the kept units are not scaled up by 1 / keep_prob: inverted dropout divides "
           "A[l] * D[l] by keep_prob, so that each unit's expected value stays what it "
           "was without dropout", dict(scale=lambda keep_prob: 1.0)),
    ("AL", "the kept units are multiplied by keep_prob; inverted dropout divides by it, "
           "A[l] = A[l] * D[l] / keep_prob", dict(scale=lambda keep_prob: keep_prob)),
    ("caches", "the caches hold A[l] before dropout, but layer l + 1 computed with the "
               "dropped A[l]: its cache's A_prev must be that dropped A[l], which its "
               "backward pass needs for dW[l+1]", dict(cache_before=True)),
]
KEPT_MISTAKES = [Mistake(
    "units are kept with probability 1 - keep_prob: keep_prob is the probability of "
    "KEEPING a unit, so the mask is rng.random(shape) < keep_prob",
    lambda X, parameters, keep_prob, rng: 1.0 - keep_prob), Mistake(
    "units are kept with probability 1/2, whatever keep_prob is (rng.integers(0, 2, ...) "
    "draws 0 and 1 alike): the mask is rng.random(shape) < keep_prob",
    lambda X, parameters, keep_prob, rng: 0.5)]


def _structure(result, L, shapes, what, keep_prob):
    """(AL, caches, masks) from the student's result, or CheckFailed saying what is wrong
    with its shape: a tuple (AL, caches), L entries (((A_prev, W, b), Z), D), D[l] a 0/1
    mask of A[l]'s shape for l < L and None for the output layer. With keep_prob 1 a
    hidden layer's D may be None too (nothing dropped, as the reference does)."""
    if type(result) is not tuple or len(result) != 2:
        raise CheckFailed(f"{what} should return (AL, caches)")
    AL, caches = result
    if type(AL) in (list, tuple) and type(caches) is np.ndarray:
        raise CheckFailed(f"{what} should return (AL, caches), in that order; it returned "
                          "the caches first")
    if type(caches) not in (list, tuple) or len(caches) != L:
        raise CheckFailed(f"{what}: caches should be a list of {L} entries, one per layer")
    masks = []
    for l, entry in enumerate(caches, start=1):
        try:
            ((A_prev, W, b), Z), D = entry
        except (TypeError, ValueError):
            raise CheckFailed(f"{what}: caches[{l - 1}] should be layer {l}'s "
                              "(((A_prev, W, b), Z), D), with D its keep mask") from None
        if l == L:
            if D is not None:
                raise CheckFailed(f"{what}: the output layer is never dropped, so its "
                                  f"entry's D (caches[{L - 1}][1]) should be None")
            continue
        if D is None and keep_prob == 1:
            masks.append(np.ones(shapes[l - 1], dtype=bool))
            continue
        if D is None and L > 1 and type(caches[-1]) in (list, tuple) and \
                len(caches[-1]) == 2 and type(caches[-1][1]) is np.ndarray:
            raise CheckFailed(f"{what}: caches[{l - 1}][1] is None, as the output layer's "
                              "should be, and the last entry holds a mask: caches[l - 1] "
                              "is layer l's entry, in the order of the layers, layer 1 "
                              "first")
        if D is None or type(D) is not np.ndarray:
            raise CheckFailed(f"{what}: caches[{l - 1}][1] should be D{l}, the keep mask "
                              f"of layer {l}, a numpy array" + (
                                  f", not None: layer {l} is a hidden layer, and every "
                                  "hidden layer, 1 to L - 1, is dropped" if D is None
                                  else ""))
        if D.shape != shapes[l - 1]:
            raise CheckFailed(
                f"{what}: D{l} should have the shape of A{l}, (n[{l}], m)"
                + (f" = {shapes[l - 1]}, got {D.shape}" if not quiet() else "")
                + ": one keep decision per unit AND per example")
        if D.dtype != bool and not (np.issubdtype(D.dtype, np.number) and
                                    np.all((D == 0) | (D == 1))):
            raise CheckFailed(f"{what}: D{l} should hold the keep decisions, 0 and 1 (or "
                              "False and True): rng.random(shape) < keep_prob, before any "
                              "scaling")
        masks.append(D != 0)
    return AL, caches, masks


def _flat(caches):
    return [np.asarray(a, dtype=float) for ((A_prev, W, b), Z), _ in caches
            for a in (A_prev, W, b, Z)]


def _masks_of(fn, X, parameters, keep_prob, seed, what):
    """The student's (AL, caches, masks) from a generator made from `seed`; CheckFailed
    if the masks came from numpy's global generator."""
    L = layer_count(parameters)
    shapes = [(parameters[f"W{l}"].shape[0], X.shape[1]) for l in range(1, L)]
    args = (X, parameters, keep_prob, np.random.default_rng(seed))
    try:
        result = draws.keeping_global_state(
            lambda: run(FORWARD_PROPAGATION_WITH_DROPOUT, fn, args, {}), what)
    except CheckFailed as err:
        if "global generator" not in str(err):
            raise
        raise CheckFailed(f"{what}: the masks come from numpy's global generator "
                          "(np.random.rand, np.random.binomial, ...): draw them from the rng "
                          "you are given, rng.random(shape) < keep_prob") from None
    return _structure(result, L, shapes, what, keep_prob)


# A pattern in the masks is named only where a right answer's would show it less than
# once in a billion calls.
UNLIKELY = 1e-9


def _unlikely(p_each, count):
    """Whether `count` independent events of probability `p_each` all happening is rarer
    than UNLIKELY."""
    return p_each < 1 and (p_each == 0 or count * np.log(p_each) < np.log(UNLIKELY))


def _check_own_masks(masks, again, other, keep_prob, what):
    """Seeded like the generator, and a new decision for every layer, example and unit."""
    drawn = sum(d.size for d in masks)
    if drawn and all(d.all() for d in masks) and _unlikely(keep_prob, drawn):
        raise CheckFailed(f"{what}: no unit is dropped, every entry of every mask is 1: "
                          "each unit is kept with probability keep_prob, D = "
                          "rng.random(A.shape) < keep_prob")
    for l, D in enumerate(masks, start=1):
        if D.all() and _unlikely(keep_prob, D.size):
            raise CheckFailed(f"{what}: D{l} drops no unit, every entry is 1: layer {l} is "
                              "a hidden layer too, and every hidden layer, 1 to L - 1, "
                              "gets dropout, D = rng.random(A.shape) < keep_prob")
    if drawn and not any(d.any() for d in masks) and _unlikely(1 - keep_prob, drawn):
        raise CheckFailed(f"{what}: every unit is dropped, every entry of every mask is 0 "
                          "(rng.integers(0, 1, ...) only ever draws 0): each unit is kept "
                          "with probability keep_prob, D = rng.random(A.shape) < keep_prob")
    if any(not np.array_equal(a, b) for a, b in zip(masks, again)):
        raise CheckFailed(f"{what}: two calls with generators made from the same seed drew "
                          "different masks: draw them from the rng you are given, not from "
                          "a generator of your own")
    # two independent decisions agree with probability `agree`
    agree = keep_prob ** 2 + (1 - keep_prob) ** 2
    if all(np.array_equal(a, b) for a, b in zip(masks, other)) and _unlikely(agree, drawn):
        raise CheckFailed(f"{what}: generators made from different seeds drew the same "
                          "masks: draw them from the rng you are given, not from a "
                          "generator of your own made with a fixed seed")
    for l, D in enumerate(masks, start=1):
        n, m = D.shape
        if np.all(D == D[:, :1]) and _unlikely(keep_prob ** m + (1 - keep_prob) ** m, n) \
                and m > 1:
            raise CheckFailed(f"{what}: every example got the same mask D{l}: draw a keep "
                              "decision for every unit of every example, a mask of A's "
                              "shape")
        if np.all(D == D[:1, :]) and _unlikely(keep_prob ** n + (1 - keep_prob) ** n, m) \
                and n > 1:
            raise CheckFailed(f"{what}: every unit of an example got the same keep decision "
                              f"in D{l}, so whole examples are dropped: draw a keep decision "
                              "for every unit of every example, a mask of A's shape")
        # A mask used again, whole or in part (one large draw sliced for every layer).
        for j, earlier in enumerate(masks[:l - 1], start=1):
            rows = min(n, earlier.shape[0])
            if m == earlier.shape[1] and np.array_equal(D[:rows], earlier[:rows]) and \
                    _unlikely(agree, rows * m):
                raise CheckFailed(f"{what}: D{l} is D{j} again" +
                                  ("" if D.shape == earlier.shape else
                                   ", or the rows they share") +
                                  ": every layer draws its own mask")


def _measure_dropout(fn, what, reveal, args, kwargs):
    X, parameters, keep_prob, seed = args
    AL, caches, masks = _masks_of(fn, X, parameters, keep_prob, seed, what)
    again = _masks_of(fn, X, parameters, keep_prob, seed, what)[2]
    other = _masks_of(fn, X, parameters, keep_prob, seed + draws.OTHER_SEED, what)[2]
    _check_own_masks(masks, again, other, keep_prob, what)
    AL_ref, caches_ref = ref.forward_propagation_with_dropout(
        X, parameters, keep_prob, None, masks=masks)
    drawn = sum(d.size for d in masks)
    return {"kept": float(sum(d.sum() for d in masks) / drawn) if drawn else 1.0,
            "AL": _distance([AL], [AL_ref]), "caches": _distance(_flat(caches),
                                                                _flat(caches_ref)),
            "student": (AL, _flat(caches)), "reference": (AL_ref, _flat(caches_ref)),
            "masks": masks, "drawn": drawn}


def _distance(got, want):
    """0.0 when every array of `got` equals the one of `want` to tolerance, else 1.0."""
    same = len(got) == len(want) and all(
        np.shape(g) == np.shape(w) and close(g, w, REPLAY_RTOL, REPLAY_ATOL)
        for g, w in zip(got, want))
    return 0.0 if same else 1.0


def _compare_kept(value, expected, what, mistakes, args, kwargs, reveal, observed):
    keep_prob = float(expected)
    drawn = observed["drawn"]
    tol = 6 * np.sqrt(keep_prob * (1 - keep_prob) / max(drawn, 1))
    if tol > KEPT_TOLERANCE or abs(value - keep_prob) <= tol:
        return
    for mistake in mistakes:
        if abs(value - mistake.wrong()) <= tol:
            raise CheckFailed(f"{what}: {mistake.message}")
    share = f" ({value:.3f} of them)" if reveal and not quiet() else ""
    raise CheckFailed(f"{what}: the masks keep the wrong share of the units{share}: each "
                      "unit is kept with probability keep_prob, rng.random(shape) < "
                      "keep_prob")


def _compare_replay(part):
    def compare(value, expected, what, mistakes, args, kwargs, reveal, observed):
        if value == 0.0:
            return
        AL, flat = observed["student"]
        got = [AL] if part == "AL" else flat
        for mistake in mistakes:
            AL_m, flat_m = mistake.wrong()(observed["masks"])
            if _distance(got, [AL_m] if part == "AL" else flat_m) == 0.0:
                raise CheckFailed(f"{what}: {mistake.message}")
        AL_ref, flat_ref = observed["reference"]
        if part == "AL":
            if np.shape(AL) != np.shape(AL_ref):
                raise CheckFailed(f"{what}: AL should have shape (1, m)" + _got_shape(
                    np.shape(AL_ref), np.shape(AL), reveal) + ", one probability per "
                    "example, as a row")
            raise CheckFailed(
                f"{what}: AL is not what inverted dropout gives with your own masks D[l]: "
                "for every hidden layer, A[l] = relu(Z[l]) * D[l] / keep_prob, and the "
                "output layer (a sigmoid) is never dropped")
        for i, (g, w) in enumerate(zip(flat, flat_ref)):
            l, piece = i // 4 + 1, ("A_prev", "W", "b", "Z")[i % 4]
            if np.shape(g) == np.shape(w) and close(g, w, REPLAY_RTOL, REPLAY_ATOL):
                continue
            shape = "" if np.shape(g) == np.shape(w) else \
                (f" (shape {np.shape(g)} instead of {np.shape(w)})" if reveal and not
                 quiet() else " (its shape)")
            raise CheckFailed(
                f"{what}: the caches are not those of the forward pass with your masks: "
                f"layer {l}'s {piece} is wrong{shape}. Layer l's entry is "
                f"(((A_prev, W, b), Z), D[l]): {CACHE_PIECES[piece]}")
        raise CheckFailed(f"{what}: the caches are not those of the forward pass with your "
                          "masks: layer l's entry is (((A_prev, W, b), Z), D[l])")
    return compare


CACHE_PIECES = {
    "A_prev": "A_prev is the input the layer computed with, X for layer 1, then the "
              "previous layer's dropped output relu(Z) * D / keep_prob",
    "W": "W and b are the layer's own parameters, as they are in parameters",
    "b": "W and b are the layer's own parameters, as they are in parameters",
    "Z": "Z is W @ A_prev + b, the layer's linear output, before the ReLU and before "
         "dropout",
}


def _got_shape(want, got, reveal):
    """' (want), got (got)' for a visible check, '' where no value may be shown."""
    return f" = {want}, got {got}" if reveal and not quiet() else ""


DROPOUT_DIMS = [3, 20, 10, 1]
FORWARD_PROPAGATION_WITH_DROPOUT = Exercise(
    "forward_propagation_with_dropout", _observed_dropout, inputs=_dropout_inputs,
    visible=[Case((DROPOUT_DIMS, 400, 0.8, 0), label=_label(DROPOUT_DIMS, 400, "keep_prob",
                                                              0.8, 0)),
             Case(([3, 10, 10, 1], 30, 0.7, 1), label=_label([3, 10, 10, 1], 30, "keep_prob",
                                                              0.7, 1))],
    parts={"kept": ("kept",), "AL": ("AL",), "caches": ("caches",)},
    measure=_measure_dropout, may_change=("rng",),
    returns="(AL, caches), caches[l - 1] = (((A_prev, W, b), Z), D[l])",
    mistakes={"kept": KEPT_MISTAKES,
              **{part: [Mistake(message, _forward_variant(**variant))
                        for p, message, variant in DROPOUT_VARIANTS if p == part]
                 for part in ("AL", "caches")}},
    compare={"kept": _compare_kept, "AL": _compare_replay("AL"),
             "caches": _compare_replay("caches")})


# -- 4. backward_propagation_with_dropout --------------------------------------------------
def _dropout_backward_inputs(layer_dims, m, keep_prob, seed):
    """The reference forward pass's caches, with masks drawn from `seed`."""
    X, Y, parameters = _network(layer_dims, m, seed)
    AL, caches = ref.forward_propagation_with_dropout(
        X, parameters, keep_prob, np.random.default_rng(seed + 1))
    return (AL, Y, caches, keep_prob), {}


def _dropout_grads(AL, Y, caches, keep_prob, factor=None):
    """The backward pass with each dA[l] multiplied by D[l] * factor(keep_prob) instead
    of D[l] / keep_prob (factor None: not masked at all)."""
    # model_backward multiplies by D / keep_prob: hand it D * factor * keep_prob.
    rescaled = [(cache, None if D is None or factor is None else
                 D * (factor(keep_prob) * keep_prob)) for cache, D in caches]
    return model_backward(AL, Y, rescaled, network_activations(len(caches)),
                          "binary_cross_entropy", keep_prob=keep_prob)


BACKWARD_DROPOUT_VARIANTS = [
    ("the masks are not applied on the way back: a dropped unit did not reach the next "
     "layer, so no gradient flows back through it either: dA[l] = dA[l] * D[l] / "
     "keep_prob", None),
    ("dA[l] is masked but not divided by keep_prob: the forward pass scaled the kept "
     "units by 1 / keep_prob, and the backward pass must scale their gradients alike",
     lambda keep_prob: 1.0),
    ("dA[l] is multiplied by keep_prob; the forward pass divided by it, and so must the "
     "backward pass", lambda keep_prob: keep_prob),
    ("dA[l] is divided by keep_prob twice (the mask applied to dA and again to dZ?): "
     "apply D[l] / keep_prob once, dA[l] = dA[l] * D[l] / keep_prob, then dZ[l] = "
     "dA[l] * (Z[l] > 0)", lambda keep_prob: 1 / keep_prob ** 2),
]


def _backward_dropout_mistakes(key, L):
    if _as_l(key) == L:
        return []  # the output layer's gradients do not pass through a mask
    return [Mistake(message, lambda AL, Y, caches, keep_prob, f=factor:
                    _dropout_grads(AL, Y, caches, keep_prob, f)[key])
            for message, factor in BACKWARD_DROPOUT_VARIANTS]


BACK_DIMS = [3, 5, 4, 1]
BACKWARD_PROPAGATION_WITH_DROPOUT = _backward_exercise(
    "backward_propagation_with_dropout", _dropout_backward_inputs, (BACK_DIMS, 6, 0.7, 2),
    "keep_prob", lambda key: _backward_dropout_mistakes(key, len(BACK_DIMS) - 1),
    hints=[("NoneType", " (the output layer's entry, caches[L - 1], has D = None: that "
                        "layer is never dropped, so only the hidden layers' gradients, "
                        "l < L, go through a mask, each through its own layer's D)")])


# -- 5. batchnorm_forward ------------------------------------------------------------------
def _batchnorm_inputs(n, m, seed, epsilon=None):
    """Z whose rows have different means and scales, the last one tiny (so that epsilon
    matters), and gamma, beta from `seed`."""
    rng = np.random.default_rng(seed)
    scales = np.geomspace(3.0, 0.02, n).reshape(n, 1)
    Z = rng.normal(2.0, 1.0, (n, 1)) + scales * rng.standard_normal((n, m))
    gamma = rng.uniform(0.5, 2.0, (n, 1))
    beta = rng.normal(0.0, 1.0, (n, 1))
    return (Z, gamma, beta), ({} if epsilon is None else {"epsilon": epsilon})


def _normalised(Z, gamma, beta, epsilon=1e-3, axis=1, ddof=0, root="inside", affine=True,
                swap=False):
    mu = Z.mean(axis=axis, keepdims=axis is not None)
    var = Z.var(axis=axis, ddof=ddof, keepdims=axis is not None)
    scale = {"inside": np.sqrt(var + epsilon), "outside": np.sqrt(var) + epsilon,
             "none": var + epsilon, "no epsilon": np.sqrt(var)}[root]
    Z_hat = (Z - mu) / scale
    if not affine:
        return Z_hat
    return beta * Z_hat + gamma if swap else gamma * Z_hat + beta


def _bn_mistake(message, **variant):
    return Mistake(message, lambda Z, gamma, beta, epsilon=1e-3: _normalised(
        Z, gamma, beta, epsilon, **variant))


BATCHNORM_MISTAKES = [
    _bn_mistake("the variance divides by m - 1 (ddof=1); batch normalisation uses the "
                "mean of the squared deviations, dividing by m (np.var's default)", ddof=1),
    _bn_mistake("the statistics are taken down each column, over the units of one "
                "example (axis=0); batch normalisation normalises each unit (row) over the "
                "examples of the batch, axis=1", axis=0),
    _bn_mistake("the statistics are over every entry of Z at once: each unit (row) gets "
                "its own mean and variance, over the examples (axis=1, keepdims=True)",
                axis=None),
    _bn_mistake("epsilon belongs under the square root, sqrt(var + epsilon), not after "
                "it", root="outside"),
    _bn_mistake("Z - mu is divided by the variance; divide by the standard deviation, "
                "sqrt(var + epsilon)", root="none"),
    _bn_mistake("epsilon is left out: divide by sqrt(var + epsilon), which stays finite "
                "for a unit whose values hardly vary", root="no epsilon"),
    _bn_mistake("gamma and beta are swapped: gamma scales, beta shifts, "
                "out = gamma * Z_hat + beta", swap=True),
    _bn_mistake("that is Z_hat, the normalised Z: the layer then scales and shifts it "
                "with its own parameters, out = gamma * Z_hat + beta", affine=False),
    Mistake("epsilon is fixed at 1e-3: use the epsilon the function is given",
            lambda Z, gamma, beta, epsilon=1e-3: _normalised(Z, gamma, beta, 1e-3)),
    Mistake("epsilon's default is not Keras's 1e-3 (1e-5 is PyTorch's and CS231n's): "
            "the signature is batchnorm_forward(Z, gamma, beta, epsilon=1e-3)",
            lambda Z, gamma, beta, epsilon=None: _normalised(
                Z, gamma, beta, 1e-5 if epsilon is None else epsilon)),
]

BATCHNORM_FORWARD = Exercise(
    "batchnorm_forward", ref.batchnorm_forward, inputs=_batchnorm_inputs,
    visible=[Case((4, 6, 0), label="Z of shape (4, 6)"),
             Case((3, 8, 1, 1e-5), label="Z of shape (3, 8), epsilon=1e-5")],
    parts={"out": (0,)}, returns="(out, cache)",
    # float32 answers: Z - mu of the tiny row keeps only about 5 digits (out off by up to
    # 6e-5 on the cases); every mistake moves some entry by more than 0.02.
    rtol=1e-5, atol=2e-4,
    hints=[("could not be broadcast", " (keep the statistics as columns of shape (n, 1): "
                                      "np.mean(Z, axis=1, keepdims=True))")],
    mistakes={"out": BATCHNORM_MISTAKES})


EXERCISES = {ex.name: ex for ex in (
    COMPUTE_COST_WITH_REGULARIZATION, BACKWARD_PROPAGATION_WITH_REGULARIZATION,
    FORWARD_PROPAGATION_WITH_DROPOUT, BACKWARD_PROPAGATION_WITH_DROPOUT, BATCHNORM_FORWARD)}

check_compute_cost_with_regularization = visible(visible_check(COMPUTE_COST_WITH_REGULARIZATION))
check_backward_propagation_with_regularization = visible(
    visible_check(BACKWARD_PROPAGATION_WITH_REGULARIZATION))
check_forward_propagation_with_dropout = visible(visible_check(FORWARD_PROPAGATION_WITH_DROPOUT))
check_backward_propagation_with_dropout = visible(
    visible_check(BACKWARD_PROPAGATION_WITH_DROPOUT))
check_batchnorm_forward = visible(visible_check(BATCHNORM_FORWARD))
hidden = hidden_checks(EXERCISES)
