"""Checks shared by the exercises that draw random weights from a generator they are given
(notebook 04's `initialize_parameters_deep`, notebook 05's initializers): the weights look
random (zero biases, no constant or repeated units, centred on 0), and the randomness is
the given generator's (numpy's global generator untouched, the same seed the same weights,
another seed others). What the spread of the weights should be is each notebook's own.

Introduced with notebook 04; used by notebooks 04 and 05.
"""
import numpy as np

from .checks import CheckFailed, quiet

# A seed for the reproducibility check that no case uses.
OTHER_SEED = 1000


def _state_of(global_state):
    name, keys, pos, has_gauss, cached = global_state
    return name, keys.tobytes(), pos, has_gauss, cached


def keeping_global_state(call, what):
    """call(), with numpy's global random state put back afterwards; CheckFailed if the
    call moved it (the weights came from np.random.randn and the like)."""
    before = np.random.get_state()
    try:
        result = call()
    finally:
        after = np.random.get_state()
        np.random.set_state(before)
    if _state_of(after) != _state_of(before):
        raise CheckFailed(
            f"{what}: the weights come from numpy's global generator (np.random.randn, "
            "np.random.normal, np.random.seed, ...): draw them from the rng you are given, "
            "rng.standard_normal(shape), so that a seed decides the whole network")
    return result


def check_look(params, L, what, reveal):
    """Zero biases b1..bL; weights W1..WL that differ, unit from unit, centred on 0."""
    numbers = reveal and not quiet()
    for l in range(1, L + 1):
        if np.any(params[f"b{l}"] != 0):
            raise CheckFailed(f"b{l} from {what} is not zero: the biases start at zero, "
                              "np.zeros((n[l], 1)); the random weights are what makes the "
                              "units of a layer differ")
    for l in range(1, L + 1):
        W = params[f"W{l}"]
        if np.all(W == 0):
            raise CheckFailed(f"W{l} from {what} is all zeros: then every unit of the layer "
                              "computes the same thing and gets the same gradient. Draw "
                              "random weights from rng")
        if W.size > 1 and np.all(W == W.flat[0]):
            value = f" ({W.flat[0]:g})" if numbers else ""
            raise CheckFailed(f"every entry of W{l} from {what} is the same number{value}: "
                              "a constant leaves every unit of the layer alike, as zeros "
                              "do, and they stay alike. Draw random weights from rng")
        if W.shape[0] > 1 and W.shape[1] > 1 and np.all(W == W[:1]):
            raise CheckFailed(f"every unit of layer {l} got the same weights (the rows of "
                              f"W{l} from {what} are equal), so the units stay alike: draw "
                              "a separate random number for every entry, "
                              "rng.standard_normal((n[l], n[l-1]))")
        if W.size >= 20 and np.all(W >= 0):
            raise CheckFailed(f"the entries of W{l} from {what} are all positive: draw "
                              "them centred on 0, from rng.standard_normal, not from "
                              "rng.random, which is uniform on [0, 1)")
        rms = np.sqrt(np.mean(W ** 2))
        if W.size >= 20 and abs(W.mean()) > 6 * rms / np.sqrt(W.size):
            raise CheckFailed(f"W{l} from {what} is not centred on 0: its mean is "
                              + (f"{W.mean():.3g}, " if numbers else "")
                              + "far from 0 for that many draws. Draw weights with mean 0")


def check_seeded(first, draw, seed, what):
    """`first` is what draw(seed) gave, draw(s) the weights ({"W1": ...}) drawn with a new
    generator made from seed s: drawn again from `seed` they must be the same, from
    another seed different."""
    again = draw(seed)
    if any(not np.array_equal(first[k], again[k]) for k in first):
        raise CheckFailed(f"{what}: two calls with generators made from the same seed "
                          "gave different weights: draw from the rng you are given, "
                          "not from a generator of your own (np.random.default_rng() "
                          "without a seed starts somewhere new every time)")
    other = draw(seed + OTHER_SEED)
    if all(np.array_equal(first[k], other[k]) for k in first if k.startswith("W")):
        raise CheckFailed(f"{what}: generators made from different seeds gave the same "
                          "weights: draw from the rng you are given, not from a "
                          "generator of your own made with a fixed seed")
