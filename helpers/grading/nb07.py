"""Checks for notebook 07 (optimizers).

Nine exercises, each declared once as an `Exercise` (`helpers/grading/exercise.py`) in
`EXERCISES`; the visible checks (`check_<name>`) and the hidden ones (`hidden("name", fn,
args=(...), expected=...)`, with literals that `python -m helpers.grading.literals
07_optimizers` computes) are made from the declarations. The references are
`helpers.minibatches`, `helpers.optimizers` and `helpers.schedules`, in the form the
exercises state (the textbook one: epsilon added to the root, Adagrad's s from 0).

- `random_mini_batches(X, Y, batch_size, rng)` is judged by what it returns, not by the
  order it drew (any correct shuffle with the given rng scores): the check hands it X
  whose first row numbers the examples, reads off the order each example came out in,
  and checks that every example is there once with its own label (and names X's rows
  shuffled instead of its columns), that the batches are shuffled, that they come from
  the rng given (numpy's global state untouched, the same seed the same batches, another
  seed others, the next call with the same rng, the next epoch, others). Training sees
  which examples share a batch, not their order within it, so these tests compare the
  batches as sets (sorting each batch's indices is right), each fails only on two
  coincidences, and a shuffle only within each batch, of the list of batches, or a
  rotation (every batch a run of neighbours, `_runs`) fails. The observation compared
  with the reference is the list of batch sizes; the batches themselves are then
  compared with `minibatches.random_mini_batches(..., permutation=that order)`.
- The update rules get their inputs from a seed (`inputs`): a small network's parameters
  and gradients, and a running optimizer state (or zeros, for a first step). Their graded
  parts are every parameter and every entry of the state they return. Each listed
  mistake is a variant of the rule (`_variant`): the state averaged the wrong way, the
  epsilon inside the root (Keras's form), the bias correction missing or with the wrong
  t, the old state used for the step, Keras's momentum, v and s swapped, and so on.
  Every case's network has two layers, so once the parts are right (`also`,
  `_every_layer`) the rule is called again on the network with a copy of layer 1 added
  as layer 3, whose results must be layer 1's: a rule written out for W1, b1, W2, b2
  fails; so does a result with more than the notebook's loop unpacks ((parameters, v,
  s, t)). A crash on grads' dA0, or on grads[key], says how grads is keyed.
- `initialize_velocity` and `initialize_adam`: zeros keyed like the gradients, for every
  layer (the same `also`), in separate writable arrays: no two entries share memory,
  within v or between v and s, none is a read-only view (`measure` looks at the result
  before it is copied).
- `schedule_lr_decay(initial_learning_rate, epoch, decay_rate, time_interval=1000)`.
"""
import copy
import math

import numpy as np

from .. import minibatches, optimizers as ref, schedules
from . import draws
from .checks import CheckFailed, Mistake, call, plain, quiet, using, visible_for
from .exercise import Case, Exercise, hidden_checks, visible_check

NOTEBOOK = "07_optimizers"
visible = visible_for(NOTEBOOK)

# A seed for the reproducibility check that no case uses.
OTHER_SEED = 1000


# -- 1. random_mini_batches ------------------------------------------------------------------
def _numbered(m, n_x, classes, seed):
    """X (n_x, m) whose first row is 0, 1, ..., m - 1 (the examples' numbers) and Y: (1, m)
    0./1. labels, or (classes, m) one-hot integers."""
    rng = np.random.default_rng(seed)
    X = np.vstack([np.arange(m, dtype=float), rng.standard_normal((n_x - 1, m))])
    if classes == 1:
        Y = (rng.random((1, m)) < 0.5).astype(float)
    else:
        Y = np.eye(classes, dtype=np.int64)[:, rng.integers(0, classes, m)]
    return X, Y


def _batches_reference(m, batch_size, n_x=2, classes=1, seed=0):
    """What a right answer is observed to give: the sizes of its batches."""
    sizes = [batch_size] * (m // batch_size) + ([m % batch_size] if m % batch_size else [])
    return {"sizes": np.array(sizes, dtype=float)}


def _kind(value):
    return "None" if value is None else f"a {type(value).__name__}"


def _pieces(result, X, Y, what):
    """[(X_batch, Y_batch), ...] as float arrays, or the CheckFailed naming what is wrong."""
    if type(result) is not list:
        hint = " (did you forget `return mini_batches`?)" if result is None else ""
        raise CheckFailed(f"{what} should return a list of (X_batch, Y_batch) pairs, got "
                          f"{_kind(result)}{hint}")
    if not result:
        raise CheckFailed(f"{what} returned an empty list: every example belongs to a batch")
    out = []
    for k, pair in enumerate(result):
        if type(pair) not in (tuple, list) or len(pair) != 2:
            raise CheckFailed(f"batch {k} from {what} should be a pair (X_batch, Y_batch), "
                              f"got {_kind(pair)}")
        Xb, Yb = pair
        for name, arr, full in (("X_batch", Xb, X), ("Y_batch", Yb, Y)):
            if type(arr) is not np.ndarray:
                raise CheckFailed(f"{name} of batch {k} from {what} should be a numpy array, "
                                  f"got {_kind(arr)}")
            if arr.ndim != 2 or arr.shape[0] != full.shape[0]:
                rows = "n_x" if name == "X_batch" else "the rows of Y"
                raise CheckFailed(f"{name} of batch {k} from {what} should have shape "
                                  f"({rows}, batch size): examples are columns, so a batch "
                                  "is a slice of columns, X[:, indices]"
                                  + ("" if quiet() else f"; got shape {arr.shape}"))
        if Xb.shape[1] != Yb.shape[1]:
            raise CheckFailed(f"batch {k} from {what}: X_batch and Y_batch hold different "
                              "numbers of examples")
        out.append((Xb, Yb))
    return out


ROWS_SHUFFLED = ("{what}: the rows of X (its features) were shuffled, not its columns: "
                 "examples are the columns, so shuffle the column numbers, order = "
                 "rng.permutation(m), and take X[:, order] and Y[:, order]")


def _order(pieces, X, Y, what):
    """The example numbers in the order the batches hold them, once each example is found
    exactly once with its own label."""
    m = X.shape[1]
    numbers = np.concatenate([Xb[0] for Xb, _ in pieces])
    index = np.rint(numbers).astype(np.int64)
    if numbers.size != m or not np.array_equal(np.sort(index), np.arange(m)) or \
            not np.allclose(numbers, index):
        if _rows_shuffled(pieces, X):
            raise CheckFailed(ROWS_SHUFFLED.format(what=what))
        if numbers.size < m:
            count = "" if quiet() else f" ({numbers.size} of {m})"
            raise CheckFailed(f"{what}: the batches hold fewer examples than X has{count}: "
                              "some examples were left out. Every example belongs to "
                              "exactly one batch; the last batch holds what is left")
        raise CheckFailed(f"{what}: the batches do not hold each example exactly once "
                          "(some are repeated or missing): shuffle with one permutation of "
                          "the m columns, rng.permutation(m), then cut it into pieces")
    X_out = np.concatenate([Xb for Xb, _ in pieces], axis=1)
    if not np.allclose(X_out, X[:, index]):
        if _rows_shuffled(pieces, X):
            raise CheckFailed(ROWS_SHUFFLED.format(what=what))
        raise CheckFailed(f"{what}: the columns of X_batch are not whole examples: take "
                          "whole columns, X[:, indices], so that every feature of an "
                          "example stays with it")
    Y_out = np.concatenate([Yb for _, Yb in pieces], axis=1)
    if not np.array_equal(Y_out.astype(float), Y[:, index].astype(float)):
        raise CheckFailed(f"{what}: the examples lost their labels: Y_batch's columns are "
                          "not the labels of X_batch's examples. Shuffle X and Y with the "
                          "same permutation (one rng.permutation(m), used for both)")
    return index


def _rows_shuffled(pieces, X):
    """Whether the batches, put back together, are X with its rows (features) in another
    order and its columns where they were."""
    X_out = np.concatenate([Xb for Xb, _ in pieces], axis=1)
    if X_out.shape != X.shape or np.array_equal(X_out, X):
        return False
    return all(any(np.array_equal(row, other) for other in X) for row in X_out)


def _as_sets(order, sizes):
    """The batches as sets: `order` with each batch's numbers sorted (`sizes` in turn)."""
    ends = np.cumsum(sizes)
    return np.concatenate([np.sort(order[end - size:end]) for size, end in zip(sizes, ends)])


def _runs(order, sizes):
    """Whether every batch (`sizes` examples each, in turn) holds a run of neighbouring
    examples of the original order (cyclically: m - 1 is next to 0), in any order within
    the batch: the examples were shuffled only within their batch, or the batches only
    among themselves, or rotated. None where a correct shuffle could give that too (one
    batch, batches of one, or batches so small against m that a uniform permutation
    makes one a run with probability above 1e-6: any batch's chance of being a run bounds
    the chance that all are)."""
    m = order.size
    ends = np.cumsum(sizes)
    pieces = [order[end - size:end] for size, end in zip(sizes, ends)]
    large = [p for p in pieces if p.size >= 2]
    if len(pieces) < 2 or not large or \
            min(m / math.comb(m, p.size) for p in large) > 1e-6:
        return None
    return all(p.size < 2 or np.sum(~np.isin((p + 1) % m, p)) == 1 for p in pieces)


def _keeping_global_state(draw, what):
    """draw(), with numpy's global random state put back afterwards; CheckFailed if the
    draw moved it (notebooks 04 and 05's check, in this exercise's words)."""
    try:
        return draws.keeping_global_state(draw, what)
    except CheckFailed as err:
        if not str(err).startswith(f"{what}: the weights come from numpy's global"):
            raise
        raise CheckFailed(f"{what}: the shuffle comes from numpy's global generator "
                          "(np.random.permutation, np.random.shuffle, ...): draw it from "
                          "the rng you are given, rng.permutation(m), so that a seed "
                          "decides the batches") from None


def _measure_batches(fn, what, reveal, args, kwargs):
    m, batch_size, n_x, classes, seed = _batch_args(*args, **kwargs)
    X, Y = _numbered(m, n_x, classes, seed)

    def draw(s):
        rng = s if isinstance(s, np.random.Generator) else np.random.default_rng(s)
        Xc, Yc = X.copy(), Y.copy()
        try:
            result = _keeping_global_state(
                lambda: call(fn, "random_mini_batches", Xc, Yc, batch_size, rng), what)
        except CheckFailed as err:
            if "out of bounds for axis 0" not in str(err):
                raise
            raise CheckFailed(f"{err} (examples are the columns: index them as X[:, order] "
                              "and Y[:, order]; X[order] picks rows)") from err.__cause__
        if not (np.array_equal(Xc, X) and np.array_equal(Yc, Y)):
            raise CheckFailed(f"random_mini_batches changed X or Y in place (rng.shuffle(X) "
                              "shuffles the caller's array): shuffle a permutation of the "
                              "column numbers instead, and index X[:, permutation]")
        return _pieces(result, X, Y, what)

    pieces = draw(seed)
    sizes = np.array([Xb.shape[1] for Xb, _ in pieces], dtype=float)
    expected = _batches_reference(m, batch_size)["sizes"]
    if sizes.shape != expected.shape or not np.array_equal(sizes, expected):
        if sizes.shape == expected.shape and np.array_equal(np.sort(sizes), np.sort(expected)):
            numbers = np.concatenate([Xb[0] for Xb, _ in pieces])
            if np.array_equal(np.sort(numbers), np.arange(m)) and \
                    _runs(numbers.astype(np.int64), sizes.astype(np.int64)):
                raise CheckFailed(f"{what}: the batches are the unshuffled pieces of X in "
                                  "another order: shuffle the examples first (one "
                                  "rng.permutation(m)), then cut the shuffled order into "
                                  "pieces. Shuffling the list of batches keeps each batch's "
                                  "examples together, epoch after epoch")
            raise CheckFailed(f"{what}: the smaller batch is not the last one: cut the "
                              "shuffled order into consecutive pieces of batch_size from its "
                              "start, the last piece holding what is left")
        return {"sizes": sizes}  # the comparison names the mistake
    order = _order(pieces, X, Y, what)
    # What training sees is which examples share a batch, not their order within it
    # (sorting each batch's indices is right too): the tests of randomness compare the
    # batches as sets, and with one batch there is nothing for them to see. Each fails
    # only on two coincidences: a correct shuffle of 10 examples into batches of 3 and
    # 3, 3, 1 gives one given set of batches once in 16800 draws, twice once in 2.8e8.
    counts = np.array(sizes, dtype=np.int64)

    def batches(s):
        return _as_sets(_order(draw(s), X, Y, what), counts)
    several = counts.size > 1
    mine, other = _as_sets(order, counts), batches(seed + OTHER_SEED)
    unshuffled = np.arange(m)
    if several and np.array_equal(mine, unshuffled) and np.array_equal(other, unshuffled):
        if np.array_equal(order, unshuffled):
            raise CheckFailed(f"{what}: the examples are in their original order: shuffle "
                              "them first, with a permutation drawn from rng "
                              "(rng.permutation(m))")
        raise CheckFailed(f"{what}: each batch holds the same examples as without a shuffle "
                          "(they were shuffled only within their batch), so every epoch has "
                          "the same batches and their gradients: shuffle all m examples with "
                          "one permutation, rng.permutation(m), then cut it into pieces")
    rng = np.random.default_rng(seed)
    if not np.array_equal(batches(rng), mine):
        raise CheckFailed(f"{what}: two calls with generators made from the same seed gave "
                          "different batches: draw from the rng you are given, not from a "
                          "generator of your own")
    if several and np.array_equal(other, mine) and \
            np.array_equal(batches(seed + 2 * OTHER_SEED), mine):
        raise CheckFailed(f"{what}: generators made from different seeds gave the same "
                          "batches: draw from the rng you are given, not from a generator "
                          "of your own made with a fixed seed")
    if _runs(order, counts):
        raise CheckFailed(f"{what}: each batch holds neighbours of the original order (the "
                          "batches were shuffled among themselves, or the order only "
                          "rotated), so the batches are (nearly) the same every epoch: "
                          "shuffle all m examples with one permutation, rng.permutation(m), "
                          "then cut it into pieces")
    # The training loop hands the same rng to every epoch: the next call, the next shuffle.
    if several and np.array_equal(batches(rng), mine) and \
            np.array_equal(batches(rng), mine):
        raise CheckFailed(f"{what}: two calls with one generator (two epochs) gave the same "
                          "batches: draw the permutation from rng itself, rng.permutation(m), "
                          "so that it moves on and each epoch is shuffled anew")
    # The same order cut by the reference: the very same batches, exactly.
    for k, ((Xb, Yb), (Xr, Yr)) in enumerate(zip(pieces, minibatches.random_mini_batches(
            X, Y, batch_size, permutation=order))):
        if not (np.allclose(Xb, Xr) and np.array_equal(Yb.astype(float), Yr)):
            raise CheckFailed(f"batch {k} from {what} is not the next batch_size "
                              "examples of the shuffled order")
    return {"sizes": sizes}


def _compare_sizes(value, expected, what, mistakes, args, kwargs, reveal, observed):
    """The batch sizes: the listed mistakes first (a wrong number of batches is one)."""
    got = np.asarray(value, dtype=float)
    if got.shape == expected.shape and np.array_equal(got, expected):
        return
    for mistake in mistakes:
        wrong = np.asarray(mistake.wrong(), dtype=float)
        if got.shape == wrong.shape and np.array_equal(got, wrong):
            raise CheckFailed(f"{what}: {mistake.message}")
    shown = f": expected batches of {expected.astype(int).tolist()} examples, got " \
        f"{got.astype(int).tolist()}" if reveal and not quiet() else ""
    raise CheckFailed(f"{what}: the batch sizes are wrong{shown}. Cut the shuffled "
                      "examples into consecutive pieces of batch_size, the last one holding "
                      "what is left")


def _batch_args(m, batch_size, n_x=2, classes=1, seed=0):
    return m, batch_size, n_x, classes, seed


def _sizes(fn):
    """A mistake's batch sizes, fn(m, batch_size) -> list."""
    def wrong(m, batch_size, n_x=2, classes=1, seed=0):
        return np.array(fn(m, batch_size), dtype=float)
    return wrong


BATCH_MISTAKES = [
    Mistake("the last, smaller batch is missing: when batch_size does not divide m, the "
            "m % batch_size examples left over make one more batch",
            _sizes(lambda m, b: [b] * (m // b))),
    Mistake("there is an empty batch at the end: when batch_size divides m there is no "
            "smaller batch (the last full one ends at m)",
            _sizes(lambda m, b: [b] * (m // b) + [m % b])),
    Mistake("the batches have nearly equal sizes (np.array_split into m // batch_size "
            "pieces): every batch but the last must hold exactly batch_size examples",
            _sizes(lambda m, b: [len(a) for a in np.array_split(np.arange(m), m // b)])),
    Mistake("the batches have nearly equal sizes (np.array_split into "
            "ceil(m / batch_size) pieces): every batch but the last must hold exactly "
            "batch_size examples, the last one what is left",
            _sizes(lambda m, b: [len(a) for a in np.array_split(np.arange(m),
                                                                math.ceil(m / b))])),
]


def _batch_case(m, batch_size, n_x=2, classes=1, seed=0):
    y = "Y (1, m)" if classes == 1 else f"one-hot Y ({classes}, m)"
    return Case((m, batch_size, n_x, classes, seed),
                label=f"m={m}, batch_size={batch_size}, {y}")


RANDOM_MINI_BATCHES = Exercise(
    "random_mini_batches", _batches_reference,
    visible=[_batch_case(148, 64), _batch_case(128, 32, seed=1),
             _batch_case(10, 3, n_x=3, classes=4, seed=2)],
    parts={"sizes": ("sizes",)}, measure=_measure_batches, compare=_compare_sizes,
    returns="a list of (X_batch, Y_batch) pairs",
    mistakes={"sizes": BATCH_MISTAKES})


# -- the update rules' inputs ------------------------------------------------------------------
def _network(layer_dims, seed, grad_scale=1.0):
    """Parameters W1, b1, ... and gradients dW1, db1, ... (and dA0, which the rules ignore)."""
    rng = np.random.default_rng(seed)
    params, grads = {}, {}
    for l in range(1, len(layer_dims)):
        shapes = {"W": (layer_dims[l], layer_dims[l - 1]), "b": (layer_dims[l], 1)}
        for p, shape in shapes.items():
            params[f"{p}{l}"] = np.round(rng.standard_normal(shape), 3)
            grads[f"d{p}{l}"] = np.round(grad_scale * rng.standard_normal(shape), 3)
    grads["dA0"] = rng.standard_normal((layer_dims[0], 3))
    return params, grads, rng


def _state(params, rng, kind, positive):
    """An optimizer state keyed like the gradients: zeros (a first step) or a running one."""
    if kind == "zeros":
        return {"d" + k: np.zeros_like(p) for k, p in params.items()}
    return {"d" + k: np.round(rng.random(p.shape) if positive else
                              rng.standard_normal(p.shape), 3) for k, p in params.items()}


def _case_label(layer_dims, state, kwargs):
    hyper = ", ".join(f"{k}={v}" for k, v in kwargs.items()) or "the default hyper-parameters"
    return f"layer_dims={list(layer_dims)}, {state}, {hyper}"


def _gd_inputs(layer_dims, seed, *hyper, **kwargs):
    """(parameters, grads, *hyper): the rule's positional hyper-parameters follow."""
    params, grads, _ = _network(layer_dims, seed)
    return (params, grads, *hyper), kwargs


def _one_state_inputs(positive):
    def inputs(layer_dims, seed, state="running", *hyper, **kwargs):
        params, grads, rng = _network(layer_dims, seed)
        return (params, grads, _state(params, rng, state, positive), *hyper), kwargs
    return inputs


def _adam_inputs(layer_dims, seed, t, *hyper, **kwargs):
    params, grads, rng = _network(layer_dims, seed)
    kind = "zeros" if t == 1 else "running"
    return (params, grads, _state(params, rng, kind, False), _state(params, rng, kind, True),
            t, *hyper), kwargs


# -- the rules, with the ways of getting them wrong ------------------------------------------
DEFAULTS = {"gd": {"learning_rate": 0.01},
            "momentum": {"learning_rate": 0.01, "beta": 0.9},
            "adagrad": {"learning_rate": 0.001, "epsilon": 1e-7},
            "rmsprop": {"learning_rate": 0.001, "rho": 0.9, "epsilon": 1e-7},
            "adam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7}}
NAMES = {"gd": "update_parameters_with_gd", "momentum": "update_parameters_with_momentum",
         "adagrad": "update_parameters_with_adagrad",
         "rmsprop": "update_parameters_with_rmsprop", "adam": "update_parameters_with_adam"}
POSITIONAL = {"gd": 2, "momentum": 3, "adagrad": 3, "rmsprop": 3, "adam": 5}
STATES = {"gd": 0, "momentum": 1, "adagrad": 1, "rmsprop": 1, "adam": 2}


def _hyper(rule, args, kwargs):
    """The rule's hyper-parameters, from the positional ones after the inputs, the
    keywords and the defaults."""
    values = dict(DEFAULTS[rule])
    values.update(zip(list(DEFAULTS[rule]), args[POSITIONAL[rule]:]))
    values.update(kwargs)
    return values


def _variant(rule, average="ewa", square="square", root="textbook", stale=False,
             correction="both", t_shift=0, numerator="average", sign=1.0, biases=True,
             keep_state=False, store_corrected=False, defaults=(), fixed=None,
             skip_last=False, swapped=False, roles=False):
    """The rule `rule` with one mistake: returns wrong(*args, **kwargs) -> the full result
    (parameters, and the state dicts after them), computed on copies.

    average: "ewa" beta a + (1 - beta) x; "sum" beta a + x (no 1 - beta); "swapped"
        (1 - beta) a + beta x; "replace" x alone (Adagrad: s = dw ** 2); "keras"
        (momentum) Keras's u = beta u - learning_rate dw, then W + u.
    square: "square" dw ** 2; "plain" dw; "abs" |dw|.
    root: "textbook" sqrt(s) + eps; "inside" sqrt(s + eps); "none" s + eps;
        "keras" Adam's folded correction.
    stale: the step divides by the state from before this update.
    correction (Adam): "both", "none", "v" (only v corrected), "s" (only s), "beta_1"
        (s corrected with 1 - beta_1 ** t); t_shift: t + shift. roles (Adam): v averages
        dw ** 2 and s averages dw.
    numerator: "average" (momentum, Adam) or "gradient" (the raw dw).
    sign: -1 climbs. biases False: b[l] and its state untouched. keep_state: the state
    returned is the one passed in. store_corrected: Adam stores v_hat and s_hat.
    defaults: hyper-parameters taken at their default rather than as given; fixed: a
    dict of hyper-parameters used instead of the given ones (a learning rate of 1).
    skip_last: the last layer's parameters and state untouched (a loop to L - 1).
    swapped: the two states returned in each other's place ((parameters, s, v)).
    """
    def wrong(*args, **kwargs):
        args = copy.deepcopy(args)
        hp = _hyper(rule, args, kwargs)
        hp.update({k: DEFAULTS[rule][k] for k in defaults})
        hp.update(fixed or {})
        params, grads = args[0], args[1]
        last = max(int(key[1:]) for key in params)
        states = list(args[2:2 + STATES[rule]])
        t = args[4] + t_shift if rule == "adam" else None
        new_params = {}
        new_states = [dict(s) for s in states]
        for key, w in params.items():
            dw = grads["d" + key]
            if (not biases and key.startswith("b")) or (skip_last and int(key[1:]) == last):
                new_params[key] = w
                continue
            powered = {"square": dw ** 2, "plain": dw, "abs": np.abs(dw)}[square]
            if rule == "gd":
                new_params[key] = w - sign * hp["learning_rate"] * dw
                continue
            if rule == "momentum" and average == "keras":
                v = hp["beta"] * states[0]["d" + key] - hp["learning_rate"] * dw
                new_states[0]["d" + key] = v
                new_params[key] = w + sign * v
                continue
            if rule == "momentum":
                v = _average(states[0]["d" + key], dw, hp["beta"], average)
                new_states[0]["d" + key] = v
                step = (states[0]["d" + key] if stale else v) if numerator == "average" else dw
                new_params[key] = w - sign * hp["learning_rate"] * step
                continue
            if rule in ("adagrad", "rmsprop"):
                old = states[0]["d" + key]
                s = old + powered if rule == "adagrad" and average != "replace" else \
                    powered if average == "replace" else \
                    _average(old, powered, hp["rho"], average)
                new_states[0]["d" + key] = s
                denom = _root(old if stale else s, hp["epsilon"], root)
                new_params[key] = w - sign * hp["learning_rate"] * dw / denom
                continue
            v_old, s_old = states[0]["d" + key], states[1]["d" + key]
            v = _average(v_old, powered if roles else dw, hp["beta_1"], average)
            s = _average(s_old, dw if roles else powered, hp["beta_2"], average)
            v_hat = v / (1 - hp["beta_1"] ** t) if correction in ("both", "v", "beta_1") \
                else v
            s_hat = s / (1 - hp["beta_2"] ** t) if correction in ("both", "s") else \
                s / (1 - hp["beta_1"] ** t) if correction == "beta_1" else s
            if root == "keras":
                alpha = hp["learning_rate"] * math.sqrt(1 - hp["beta_2"] ** t) / \
                    (1 - hp["beta_1"] ** t)
                new_params[key] = w - sign * alpha * v / (np.sqrt(s) + hp["epsilon"])
            else:
                top = v_hat if numerator == "average" else dw
                new_params[key] = w - sign * hp["learning_rate"] * top / \
                    _root(s_hat, hp["epsilon"], root)
            new_states[0]["d" + key], new_states[1]["d" + key] = \
                (v_hat, s_hat) if store_corrected else (v, s)
        if keep_state:
            new_states = states
        if swapped:
            new_states = new_states[::-1]
        return new_params if rule == "gd" else (new_params, *new_states)
    return wrong


def _average(old, x, beta, how):
    return {"ewa": lambda: beta * old + (1 - beta) * x, "sum": lambda: beta * old + x,
            "swapped": lambda: (1 - beta) * old + beta * x, "replace": lambda: x}[how]()


def _root(s, eps, how):
    return {"textbook": lambda: np.sqrt(s) + eps, "inside": lambda: np.sqrt(s + eps),
            "none": lambda: s + eps}[how]()


def _part(full, path):
    for step in path:
        full = full[step]
    return full


def _mistakes(rule, parts, listed, cases, inputs):
    """{part: [Mistake]} from `listed`, [(message, variant options, which parts)], the
    parts named by prefix: "W", "b", "v", "s" or "" (all). A mistake is listed for a part
    only where it changes that part in one of the visible `cases` (a default beta_1 leaves
    Adam's s as it is), and where no mistake listed before it gives the same values there
    (the check could only name the first)."""
    reference = getattr(ref, NAMES[rule])
    calls = [inputs(*case.args, **case.kwargs) for case in cases]
    right = [reference(*copy.deepcopy(a), **k) for a, k in calls]
    out = {part: [] for part in parts}
    seen = {part: [] for part in parts}
    for message, options, which in listed:
        full = _variant(rule, **options)
        with np.errstate(all="ignore"):
            wrong = [full(*a, **k) for a, k in calls]
        for part, path in parts.items():
            if not part.startswith(which):
                continue
            values = [_part(w, path) for w in wrong]
            differs = [not _alike(v, _part(r, path)) for v, r in zip(values, right)]
            if not any(differs):
                continue
            first = differs.index(True)  # where the check meets it, and names it
            if any(_alike(values[first], other[first]) for other in seen[part]):
                continue
            seen[part].append(values)
            out[part].append(Mistake(message, _select(full, path)))
    return out


def _alike(a, b):
    """Whether two arrays agree to the checks' tolerance."""
    with np.errstate(all="ignore"):
        return bool(np.allclose(a, b, rtol=1e-6, atol=1e-9, equal_nan=True))


def _select(full, path):
    def wrong(*args, **kwargs):
        return _part(full(*args, **kwargs), path)
    return wrong


def _rule_parts(keys, states):
    """Graded parts: every parameter, then every entry of each state ("v['dW1']")."""
    if not states:
        return {key: (key,) for key in keys}
    parts = {key: (0, key) for key in keys}
    for i, name in enumerate(states, start=1):
        parts.update({f"{name}['d{key}']": (i, "d" + key) for key in keys})
    return parts


SMALL = [3, 4, 1]
KEYS_SMALL = ["W1", "b1", "W2", "b2"]
COMMON = [
    ("the parameters moved uphill: SUBTRACT the step (W = W - learning_rate * ...)",
     {"sign": -1.0}, "W"),
    ("the biases never change: update every b[l] as well as every W[l]",
     {"biases": False}, "b"),
    ("the last layer was not updated: a loop over range(1, L) stops at L - 1; loop over "
     "every key of parameters (or range(1, L + 1))", {"skip_last": True}, "W"),
    ("each step must be scaled by learning_rate", {"fixed": {"learning_rate": 1.0}}, "W"),
]


def _default_mistakes(rule, names):
    return [(f"use the {name} you are given: {DEFAULTS[rule][name]} is only its default",
             {"defaults": (name,)}, "") for name in names]


def _deeper(args, count):
    """The arguments of an update rule (or, count None, of an initializer) for the same
    network with one more layer at the end, a copy of layer 1: its parameters, gradients
    and state entries are layer 1's. Returns (args, the new layer's number)."""
    params = args[0]
    new = max(int(key[1:]) for key in params) + 1
    added = {key: f"{key[0]}{new}" for key in params if key[1:] == "1"}

    def extend(d, prefix):
        out = dict(d)
        out.update({prefix + name: np.array(d[prefix + key], copy=True)
                    for key, name in added.items()})
        return out
    if count is None:
        return (extend(params, ""), *args[1:]), new
    states = [extend(state, "d") for state in args[2:2 + count]]
    return (extend(params, ""), extend(args[1], "d"), *states, *args[2 + count:]), new


def _every_layer(name, states, what_returns):
    """An `also` for an update rule (states: the names of its state dicts) or an
    initializer (states with "parameters" left out): on the network with one more layer,
    a copy of layer 1, the new layer's entries must be what layer 1's are, so that a
    function written for a fixed number of layers (W1, b1, W2, b2 one by one) fails; and
    the result must be exactly what the notebook's training loop unpacks."""
    rule = states[:1] == ["parameters"]
    count = len(states) - 1 if rule else None

    def also(call, args, kwargs, what):
        deeper, new = _deeper(args, count)
        result = call(*deeper, **kwargs)
        if len(states) > 1 and type(result) is tuple and len(result) != len(states):
            raise CheckFailed(f"{what}: {name} returned a tuple of {len(result)}: it should "
                              f"return {what_returns}, no more, which is what the training "
                              "loop unpacks")
        dicts = result if len(states) > 1 else (result,)
        for label, d in zip(states, dicts):
            prefix = "" if label == "parameters" else "d"
            for letter in "Wb":
                key, first = f"{prefix}{letter}{new}", f"{prefix}{letter}1"
                if type(d) is not dict or first not in d:
                    continue  # the comparison has named the structure already
                ok = key in d
                if ok:
                    try:
                        ok = _alike(np.asarray(d[key], dtype=float),
                                    np.asarray(d[first], dtype=float)) and \
                            np.shape(d[key]) == np.shape(d[first])
                    except (TypeError, ValueError):
                        ok = False
                problem = "is missing" if key not in d else \
                    f"differs from {label}['{first}'], which had the same inputs"
                if not ok:
                    raise CheckFailed(
                        f"{what}: given a network with one more layer (layer {new}, a copy "
                        f"of layer 1), {label}['{key}'] {problem}: handle every layer, "
                        "whatever their number. Loop over the keys of parameters (or over "
                        "range(1, L + 1) with L = len(parameters) // 2), rather than "
                        "writing out W1, b1, W2, b2")
    return also


# grads also holds dA0 (the network's backward pass returns it), which is no parameter;
# grads and the states are keyed "dW1", ..., so grads[key] is a KeyError 'W1'.
_KEYED = (" (grads, and the state, are keyed like the gradients, 'dW1', 'db1', ...: for "
          "the parameter key, take grads['d' + key])")
GRADS_HINTS = (("A0'", " (grads also holds dA0, the gradient of the input, which belongs to "
                "no parameter: loop over the keys of parameters and take "
                "grads['d' + key])"),
               ("KeyError: 'W", _KEYED), ("KeyError: 'b", _KEYED))


def _rule_exercise(rule, visible_cases, inputs, states, listed, returns):
    parts = _rule_parts(KEYS_SMALL, states)
    return Exercise(
        NAMES[rule], getattr(ref, NAMES[rule]), visible=visible_cases, inputs=inputs,
        parts=parts, may_change=("parameters", *states), returns=returns,
        mistakes=_mistakes(rule, parts, listed, visible_cases, inputs),
        also=_every_layer(NAMES[rule], ["parameters", *states], returns),
        hints=GRADS_HINTS)


# -- 2. update_parameters_with_gd -----------------------------------------------------------
GD = _rule_exercise(
    "gd", [Case((SMALL, 0), {"learning_rate": 0.5}, "learning_rate=0.5"),
           Case((SMALL, 1), label="the default learning_rate")],
    _gd_inputs, (), COMMON + _default_mistakes("gd", ["learning_rate"]),
    "the dict of parameters, W1, b1, ..., updated")


# -- 3. initialize_velocity and 8. initialize_adam ---------------------------------------------
def _init_inputs(layer_dims, seed=0):
    params, _, _ = _network(layer_dims, seed)
    return (params,), {}


def _ones_like(path):
    def wrong(parameters):
        return np.ones_like(parameters[path[-1][1:]])
    return wrong


def _measure_state(name, count, uses):
    """initialize_velocity (count 1) or initialize_adam (2): the plain result, once the
    averages are known to be separate arrays (plain() copies them, so look first)."""
    def measure(fn, what, reveal, args, kwargs):
        given = copy.deepcopy(args)
        with using(fn, **uses):
            result = call(fn, name, *given, convert=False)
        if count == 2 and type(result) is tuple and len(result) == 2:
            v, s = result
            if v is s:
                raise CheckFailed(f"{what} returned the same dict twice: v and s must be two "
                                  "separate dicts of zeros, or every update of one would "
                                  "change the other")
            if type(v) is dict and type(s) is dict and any(
                    type(a) is np.ndarray and type(b) is np.ndarray and np.shares_memory(a, b)
                    for a in v.values() for b in s.values()):
                raise CheckFailed(f"{what}: v and s share arrays: make a separate "
                                  "np.zeros array for each entry of each, or every update "
                                  "of one would change the other")
        values = result if count == 2 else (result,)
        for d in values:
            if type(d) is dict:
                arrays = [(key, arr) for key, arr in d.items() if type(arr) is np.ndarray]
                for i, (key, arr) in enumerate(arrays):
                    if not arr.flags.writeable:
                        raise CheckFailed(f"{what}: {key} is a read-only array (a view such "
                                          "as np.broadcast_to makes): the updates write into "
                                          "the state, so make real arrays of zeros, "
                                          "np.zeros_like(parameter)")
                    other = next((k for k, a in arrays[:i] if np.shares_memory(a, arr)), None)
                    if other is not None:
                        raise CheckFailed(f"{what}: {other} and {key} are the same array (or "
                                          "share memory): make a separate np.zeros_like "
                                          "array for each entry, or updating one would "
                                          "change the other")
                for key, arr in d.items():
                    if any(type(arr) is np.ndarray and np.shares_memory(arr, p)
                           for p in given[0].values()):
                        raise CheckFailed(f"{what}: {key} shares memory with a parameter: "
                                          "the state must be new arrays (np.zeros_like), or "
                                          "updating it would change the parameters")
        if not all(np.array_equal(given[0][k], args[0][k]) for k in args[0]):
            raise CheckFailed(f"{name} changed its argument parameters in place: only read "
                              "them, for their shapes")
        return plain(result, f"what {name} returned")
    return measure


def _init_parts(states):
    if len(states) == 1:
        return {f"v['d{key}']": ("d" + key,) for key in KEYS_SMALL}
    return {f"{name}['d{key}']": (i, "d" + key) for i, name in enumerate(states)
            for key in KEYS_SMALL}


def _init_exercise(name, reference, states, uses=None):
    parts = _init_parts(states)
    keyed = "keyed like the gradients: 'dW1', 'db1', ..."
    returns = (f"a dict {keyed}, of zeros shaped like each parameter" if len(states) == 1
               else f"a pair (v, s), each a dict {keyed}, of zeros shaped like each parameter")
    return Exercise(
        name, reference, visible=[Case((SMALL, 0), label="layer_dims=[3, 4, 1]")],
        inputs=_init_inputs, parts=parts, returns=returns, uses=uses or {},
        measure=_measure_state(name, len(states), uses or {}),
        also=_every_layer(name, states, returns),
        mistakes={part: [Mistake("the averages start at zero, not at one: np.zeros_like, "
                                 "not np.ones_like", _ones_like(path))]
                  for part, path in parts.items()})


INITIALIZE_VELOCITY = _init_exercise("initialize_velocity", ref.initialize_velocity, ["v"])
INITIALIZE_ADAM = _init_exercise("initialize_adam", ref.initialize_adam, ["v", "s"],
                                 uses={"initialize_velocity": ref.initialize_velocity})


# -- 4. update_parameters_with_momentum ----------------------------------------------------
MOMENTUM = _rule_exercise(
    "momentum", [Case((SMALL, 0), {"learning_rate": 0.1, "beta": 0.8},
                  _case_label(SMALL, "a running v", {"learning_rate": 0.1, "beta": 0.8})),
             Case((SMALL, 1, "zeros"), {},
                  _case_label(SMALL, "v from initialize_velocity", {}))],
    _one_state_inputs(False), ["v"], COMMON + [
        ("this is Keras's convention, v = beta * v - learning_rate * dW and W = W + v: "
         "this exercise averages, v = beta * v + (1 - beta) * dW, then steps "
         "W = W - learning_rate * v", {"average": "keras"}, ""),
        ("v lacks the factor (1 - beta) on the gradient: v = beta * v + (1 - beta) * dW. "
         "(Keras's SGD(momentum=beta) leaves it out and uses a learning rate (1 - beta) "
         "times smaller; this exercise keeps the average)", {"average": "sum"}, ""),
        ("beta and 1 - beta are swapped: beta weighs the old v, "
         "v = beta * v + (1 - beta) * dW", {"average": "swapped"}, ""),
        ("the step uses the gradient dW, not the velocity v: first v = beta * v + (1 - beta) "
         "* dW, then W = W - learning_rate * v, with the v of this step",
         {"numerator": "gradient"}, "W"),
        ("v is just the gradient: it must average the past, v = beta * v + (1 - beta) * dW",
         {"average": "replace"}, "v"),
        ("the step uses v from before this update: first update v, then step with the new v",
         {"stale": True}, "W"),
        ("v is returned as it came in: store the new average in v['dW1'], ... (v is "
         "returned for the next step)", {"keep_state": True}, "v"),
        *_default_mistakes("momentum", ["learning_rate", "beta"])],
    "(parameters, v), both dicts")


# -- 5. update_parameters_with_adagrad and 6. _rmsprop ------------------------------------------
ROOT_MISTAKES = [
    ("epsilon is inside the square root, sqrt(s + epsilon): that is Keras's convention. "
     "This exercise adds it outside, dW / (sqrt(s) + epsilon)", {"root": "inside"}, "W"),
    ("the step divides by s itself: divide by its square root, dW / (sqrt(s) + epsilon)",
     {"root": "none"}, "W"),
    ("the step divides by s from before this update: first add this step's dW ** 2, then "
     "divide by the new s", {"stale": True}, "W"),
]


def _s_mistakes(rule):
    listed = [
        ("s must add up the SQUARED gradients, dW ** 2 (dW * dW), not dW itself",
         {"square": "plain"}, ""),
        ("s must add up the squared gradients, dW ** 2, not their absolute values",
         {"square": "abs"}, ""),
        ("s is returned as it came in: store the new s['dW1'], ... (it is returned for the "
         "next step)", {"keep_state": True}, "s"),
    ]
    if rule == "adagrad":
        listed.append(("s holds only this step's dW ** 2: Adagrad ADDS it to the sum of "
                       "all the past ones, s = s + dW ** 2", {"average": "replace"}, ""))
    else:
        listed += [
            ("rho and 1 - rho are swapped: rho weighs the old s, "
             "s = rho * s + (1 - rho) * dW ** 2", {"average": "swapped"}, ""),
            ("s lacks the factor (1 - rho): s = rho * s + (1 - rho) * dW ** 2",
             {"average": "sum"}, ""),
            ("s holds only this step's dW ** 2: RMSprop keeps an average, "
             "s = rho * s + (1 - rho) * dW ** 2", {"average": "replace"}, ""),
        ]
    return listed


def _divided_exercise(rule, visible_cases):
    names = ["learning_rate", "epsilon"] if rule == "adagrad" else \
        ["learning_rate", "rho", "epsilon"]
    return _rule_exercise(
        rule, visible_cases, _one_state_inputs(True), ["s"],
        COMMON + ROOT_MISTAKES + _s_mistakes(rule) + _default_mistakes(rule, names),
        "(parameters, s), both dicts")


def _divided_case(seed, state, kwargs):
    label = "a running s" if state == "running" else "s from initialize_velocity"
    return Case((SMALL, seed, state), kwargs, _case_label(SMALL, label, kwargs))


ADAGRAD = _divided_exercise("adagrad", [
    _divided_case(0, "running", {"learning_rate": 0.1, "epsilon": 0.5}),
    _divided_case(1, "zeros", {"learning_rate": 0.05, "epsilon": 0.01})])
RMSPROP = _divided_exercise("rmsprop", [
    _divided_case(0, "running", {"learning_rate": 0.1, "rho": 0.7, "epsilon": 0.5}),
    _divided_case(1, "zeros", {"learning_rate": 0.05, "rho": 0.8, "epsilon": 0.01})])


# -- 9. update_parameters_with_adam --------------------------------------------------------------
ADAM = _rule_exercise(
    "adam", [Case((SMALL, 0, 3), {"learning_rate": 0.1, "beta_1": 0.7, "beta_2": 0.8,
                                  "epsilon": 0.3},
                  "t=3, running v and s, learning_rate=0.1, beta_1=0.7, beta_2=0.8, "
                  "epsilon=0.3"),
             Case((SMALL, 1, 1), {"learning_rate": 0.01},
                  "t=1, v and s from initialize_adam, learning_rate=0.01")],
    _adam_inputs, ["v", "s"], COMMON + [
        ("the bias correction is missing: divide v by (1 - beta_1 ** t) and s by "
         "(1 - beta_2 ** t) before the step", {"correction": "none"}, "W"),
        ("only v is bias-corrected: s needs its own correction, s / (1 - beta_2 ** t)",
         {"correction": "v"}, "W"),
        ("only s is bias-corrected: v needs its own correction, v / (1 - beta_1 ** t)",
         {"correction": "s"}, "W"),
        ("s is bias-corrected with beta_1: s_hat = s / (1 - beta_2 ** t), with beta_2, the "
         "decay rate of s", {"correction": "beta_1"}, "W"),
        ("the bias correction uses t + 1: t is this step's number already (1 for the "
         "first update; the caller counts, so do not add 1 to it), so use beta ** t",
         {"t_shift": 1}, "W"),
        ("the bias correction uses t - 1: t is this step's number (1 for the first "
         "update), so use beta ** t", {"t_shift": -1}, "W"),
        ("this is Keras's form, with the corrections folded into the step size and "
         "epsilon left uncorrected: this exercise divides v_hat by sqrt(s_hat) + epsilon",
         {"root": "keras"}, "W"),
        ("epsilon is inside the square root: divide by sqrt(s_hat) + epsilon",
         {"root": "inside"}, "W"),
        ("the step divides by s_hat itself: divide by its square root, "
         "sqrt(s_hat) + epsilon", {"root": "none"}, "W"),
        ("the step uses the gradient dW, not the corrected average v_hat",
         {"numerator": "gradient"}, "W"),
        ("s must average the SQUARED gradients, dW ** 2, not dW itself",
         {"square": "plain"}, ""),
        ("v and s have swapped roles: v averages the gradients, v = beta_1 * v + (1 - "
         "beta_1) * dW, and s their squares, s = beta_2 * s + (1 - beta_2) * dW ** 2",
         {"roles": True}, ""),
        ("beta_1 and 1 - beta_1 (or beta_2 and 1 - beta_2) are swapped: beta weighs the "
         "old average, v = beta_1 * v + (1 - beta_1) * dW", {"average": "swapped"}, ""),
        ("v and s were stored bias-corrected: keep the plain averages in v and s (the "
         "correction is only for the step), or the next step corrects them twice",
         {"store_corrected": True}, ""),
        ("v and s are returned as they came in: store the new averages in them",
         {"keep_state": True}, ""),
        ("v and s are swapped: return (parameters, v, s) in that order, v the average of "
         "the gradients and s that of their squares", {"swapped": True}, ""),
        *_default_mistakes("adam", ["learning_rate", "beta_1", "beta_2", "epsilon"])],
    "(parameters, v, s), three dicts")


# -- 10. schedule_lr_decay -------------------------------------------------------------------
def _schedule(form):
    def wrong(initial_learning_rate, epoch, decay_rate, time_interval=1000):
        k = {"floor": math.floor(epoch / time_interval), "plain": epoch / time_interval,
             "ceil": math.ceil(epoch / time_interval),
             "next": (epoch + 1) // time_interval, "previous": (epoch - 1) // time_interval,
             "epoch": epoch, "default": math.floor(epoch / 1000)}
        if form == "product":  # the brackets left out: (decay_rate * epoch) // interval
            return initial_learning_rate / (1 + decay_rate * epoch // time_interval)
        if form == "times":
            return initial_learning_rate * (1 + decay_rate * k["floor"])
        if form == "power":
            return initial_learning_rate * decay_rate ** k["floor"]
        return initial_learning_rate / (1 + decay_rate * k[form])
    return wrong


SCHEDULE = Exercise(
    "schedule_lr_decay", schedules.schedule_lr_decay,
    visible=[Case((0.5, 1500, 0.3, 1000), label="initial_learning_rate=0.5, epoch=1500, "
                  "decay_rate=0.3, time_interval=1000"),
             Case((0.1, 999, 1.0, 100), label="initial_learning_rate=0.1, epoch=999, "
                  "decay_rate=1.0, time_interval=100"),
             Case((0.2, 30, 2.0), label="initial_learning_rate=0.2, epoch=30, decay_rate=2.0, "
                  "the default time_interval"),
             Case((0.3, 2000, 0.5, 1000), label="initial_learning_rate=0.3, epoch=2000, "
                  "decay_rate=0.5, time_interval=1000")],
    returns="a number, the learning rate",
    mistakes={"value": [
        Mistake("the rate decays smoothly, epoch by epoch: it should drop in steps, once "
                "every time_interval epochs. Round epoch / time_interval down "
                "(math.floor, or //)", _schedule("plain")),
        Mistake("the rate drops one epoch early: epochs count from 0, so the first drop "
                "comes at epoch = time_interval. Use floor(epoch / time_interval), not "
                "(epoch + 1)", _schedule("next")),
        Mistake("decay_rate * epoch // time_interval is (decay_rate * epoch) // "
                "time_interval: * and // are applied left to right, so that floors the "
                "product. Put brackets around the floor: "
                "decay_rate * (epoch // time_interval)", _schedule("product")),
        Mistake("epoch / time_interval was rounded up (math.ceil, or round to the nearest): "
                "round it down (math.floor, or //), so the first drop comes after "
                "time_interval epochs", _schedule("ceil")),
        Mistake("the rate drops one epoch late: epochs count from 0, so the first drop "
                "comes at epoch = time_interval. Use floor(epoch / time_interval), not "
                "(epoch - 1) (nor ceil(epoch / time_interval) - 1, which is the same)",
                _schedule("previous")),
        Mistake("the rate decays at every epoch: divide the epoch by time_interval (and "
                "round down) first", _schedule("epoch")),
        Mistake("use the time_interval you are given: 1000 is only its default",
                _schedule("default")),
        Mistake("the rate grows: DIVIDE the initial rate by 1 + decay_rate * "
                "floor(epoch / time_interval)", _schedule("times")),
        Mistake("that is an exponential decay, decay_rate ** floor(...): this schedule "
                "divides by 1 + decay_rate * floor(epoch / time_interval)",
                _schedule("power")),
    ]})


EXERCISES = {ex.name: ex for ex in (
    RANDOM_MINI_BATCHES, GD, INITIALIZE_VELOCITY, MOMENTUM, ADAGRAD, RMSPROP,
    INITIALIZE_ADAM, ADAM, SCHEDULE)}
check_random_mini_batches = visible(visible_check(RANDOM_MINI_BATCHES))
check_update_parameters_with_gd = visible(visible_check(GD))
check_initialize_velocity = visible(visible_check(INITIALIZE_VELOCITY))
check_update_parameters_with_momentum = visible(visible_check(MOMENTUM))
check_update_parameters_with_adagrad = visible(visible_check(ADAGRAD))
check_update_parameters_with_rmsprop = visible(visible_check(RMSPROP))
check_initialize_adam = visible(visible_check(INITIALIZE_ADAM))
check_update_parameters_with_adam = visible(visible_check(ADAM))
check_schedule_lr_decay = visible(visible_check(SCHEDULE))
hidden = hidden_checks(EXERCISES)
