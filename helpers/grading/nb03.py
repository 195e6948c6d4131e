"""Checks for notebook 03 (activation functions).

Exercises 1 to 6 each ask for an activation and its derivative in one answer cell; each
of the twelve functions is declared once as an `Exercise` (`helpers/grading/exercise.py`),
with its reference (helpers.activations), the visible cases, its common mistakes (the
tables below, plus "the two bodies swapped") and the cell it shares with its partner.
Exercise 7 is a central finite difference, `numerical_derivative(f, z, eps)`, exercise 8 a
numerically stable softmax, exercise 9 the gradient A - Y of softmax with cross-entropy
(per example, no 1/m, as helpers.losses and helpers.layers keep it), and exercise 10 a
choice of output activation for each of four tasks, one answer cell and one point per
task, which has checks of its own.

What the declarations add to the framework's checks, through its hooks:
- `compare` (`_compare_entries`): a list, a result one axis short and an integer array
  are named; at a kink (z == 0 exactly, KINKS) any slope between the one-sided ones
  passes; and `checks.expect_close`'s `describe=` says where wrong entries that no listed
  mistake explains lie (z < 0, z = 0, large |z|, ...) and what they share (one factor,
  the wrong sign, nan), or for a softmax which columns; hidden checks say it without any
  number;
- `also` (`_finite_on_edges`): no function may return nan or inf on EDGES (|z| up to
  1000), which needs no expected value.

Each test cell calls `check_<exercise>(function, derivative)` (visible) and, in its
hidden part, `hidden("<name>", fn, args=(...), expected=...)` with literals that
`python -m helpers.grading.literals 03_activations` computes from the reference.
`check_<name>(fn)` checks one function alone. tests/test_exercises.py runs every listed
mistake and every answer of tests/nb03_answers.py through them; tests/test_grading_nb03.py
what is particular to this notebook (kinks, descriptions of wrong entries).
"""
import numpy as np

from .. import activations as ref
from .. import losses
from . import cellguard
from .checks import (CheckFailed, Mistake, NotAnswered, as_array, close, expect_close,
                     plain, quiet, shown, visible_for)
from . import checks as _checks
from .exercise import Case, Exercise, hidden_checks, visible_check

NOTEBOOK = "03_activations"
visible = visible_for(NOTEBOOK)

# Loose enough for an answer computed in float32 (about 7 significant digits), far
# tighter than any of the mistakes below.
RTOL, ATOL = 1e-5, 1e-7

# The functions of each exercise, keyed by the answer cell's grade_id.
FUNCTIONS = {
    "sigmoid": ("sigmoid", "sigmoid_derivative"),
    "tanh": ("tanh", "tanh_derivative"),
    "relu": ("relu", "relu_derivative"),
    "leaky_relu": ("leaky_relu", "leaky_relu_derivative"),
    "elu": ("elu", "elu_derivative"),
    "swish": ("swish", "swish_derivative"),
    "softmax": ("softmax",),
}
REFERENCE = {name: getattr(ref, name) for names in FUNCTIONS.values() for name in names}

# The visible case of every elementwise check: both signs, an exact 0 (a kink for the
# ReLU family), and |z| = 1000, where a careless exp overflows.
Z = np.array([[-1000.0, -6.0, -2.5, -1.0, -0.25],
              [0.0, 0.5, 1.5, 4.0, 1000.0]])
Z_LINE = np.linspace(-3.0, 3.0, 7)  # rank 1, also through 0
# Inputs from this size on are "large" in the descriptions of wrong entries: where a
# careless exp overflows (exp(710) is inf) or underflows to 0.
LARGE = 100
# Every case of every elementwise check is followed by a run here, where no function may
# return nan or inf (the notebook's rule for |z| up to 1000): a hidden case may lack the
# sign of z that overflows a student's formula, and this needs no expected value.
EDGES = np.array([-1000.0, -710.0, 710.0, 1000.0])


def _sig(z):
    """A stable sigmoid for the mistakes below (never warns)."""
    return ref.sigmoid(z)


def _exp(z):
    return np.exp(np.asarray(z, dtype=float))


def _product_rule(s, z):
    """Swish's slope s + z s (1 - s), given what the student took for s."""
    return s + np.asarray(z) * s * (1 - s)


# -- the mistakes, per function -------------------------------------------------------------
Z_NOT_A = ("that formula expects the activation a = g(z), but this function receives z "
           "itself: first compute {first}, then return {then}")
PRECEDENCE = ("1 / 1 + exp(-z) is 1 + exp(-z), because Python divides before it adds: "
              "the sigmoid is 1 / (1 + np.exp(-z))")
FIXED_SLOPE = ("{name} uses a fixed slope 0.1 (the one the plots use): use the alpha it is "
               "given")

MISTAKES = {
    "sigmoid": [
        Mistake("you computed sigmoid(-z): the exponent is exp(-z), with a minus sign",
                lambda z: 1 / (1 + _exp(z))),
        Mistake("the denominator is 1 + exp(-z), not 1 - exp(-z)",
                lambda z: 1 / (1 - _exp(-z))),
        Mistake("exp(z) / (1 + exp(z)) gives nan for large z (inf / inf): use "
                "1 / (1 + exp(-z)), which only overflows to the harmless 1 / inf = 0",
                lambda z: _exp(z) / (1 + _exp(z))),
        Mistake(PRECEDENCE, lambda z: 1 / 1 + _exp(-z)),
        Mistake("exp(-z) / (1 + exp(-z)) is sigmoid(-z) = 1 - sigmoid(z), and nan for large "
                "negative z (inf / inf): the numerator is 1, 1 / (1 + np.exp(-z))",
                lambda z: _exp(-z) / (1 + _exp(-z))),
    ],
    "sigmoid_derivative": [
        Mistake(Z_NOT_A.format(first="s = sigmoid(z)", then="s * (1 - s)"),
                lambda z: z * (1 - z)),
        Mistake("sigmoid(z) * (1 - z) mixes s and z: the derivative is s * (1 - s) with "
                "s = sigmoid(z) in both places", lambda z: _sig(z) * (1 - z)),
        Mistake("that is sigmoid itself; its derivative is sigmoid(z) * (1 - sigmoid(z))",
                _sig),
        Mistake("the derivative is s * (1 - s), a product, not s - s (or 1 - s)",
                lambda z: 1 - _sig(z)),
        Mistake("the derivative is s * (1 - s), not s * (1 + s): the slope falls to 0 as s "
                "approaches 1", lambda z: _sig(z) * (1 + _sig(z))),
        Mistake("1 - s**2 is the pattern of tanh's derivative, 1 - tanh(z)**2; sigmoid's is "
                "s * (1 - s)", lambda z: 1 - _sig(z) ** 2),
        Mistake("exp(-z) / (1 + exp(-z)) is 1 - s: its denominator is squared, and even "
                "then that form gives nan for large negative z (inf / inf). Write the slope "
                "as s * (1 - s) with s = sigmoid(z)", lambda z: _exp(-z) / (1 + _exp(-z))),
        Mistake("exp(-z) / (1 + exp(-z))**2 is the right slope, but it gives nan for large "
                "negative z (inf / inf): write it as s * (1 - s) with s = sigmoid(z)",
                lambda z: _exp(-z) / (1 + _exp(-z)) ** 2),
    ],
    "tanh": [
        Mistake("(exp(z) - exp(-z)) / (exp(z) + exp(-z)) gives nan for large |z| "
                "(inf / inf): use np.tanh, or a form that only ever takes exp of -2|z|",
                lambda z: (_exp(z) - _exp(-z)) / (_exp(z) + _exp(-z))),
        Mistake("2 sigmoid(z) - 1 is tanh(z / 2); the identity is tanh(z) = "
                "2 sigmoid(2 z) - 1", lambda z: 2 * _sig(z) - 1),
        Mistake("that is sigmoid, which lies between 0 and 1; tanh lies between -1 and 1",
                _sig),
        Mistake("(1 - exp(-2 z)) / (1 + exp(-2 z)) gives nan for large negative z "
                "(inf / inf): use np.tanh, or a form that only ever takes exp of -2|z|",
                lambda z: (1 - _exp(-2 * np.asarray(z))) / (1 + _exp(-2 * np.asarray(z)))),
    ],
    "tanh_derivative": [
        Mistake("your formula expects the activation t = tanh(z), but this function "
                "receives z itself: compute t = tanh(z) first, and write the slope with t",
                lambda z: 1 - np.asarray(z, float) ** 2),
        Mistake("the square is missing: the quotient rule leaves tanh(z) squared in the "
                "slope, not tanh(z) itself (the slope is the same for z and -z)",
                lambda z: 1 - np.tanh(z)),
        Mistake("square only tanh(z), not the whole difference",
                lambda z: (1 - np.tanh(z)) ** 2),
        Mistake("the sign is flipped: tanh only rises, so its slope is never negative",
                lambda z: np.tanh(z) ** 2 - 1),
        Mistake("the slope is not 1 + tanh(z)**2: it is at most 1, at z = 0, and falls "
                "towards 0 as |z| grows", lambda z: 1 + np.tanh(z) ** 2),
        Mistake("square tanh(z), not z: np.tanh(z ** 2) squares the input before tanh",
                lambda z: 1 - np.tanh(np.asarray(z) ** 2)),
        Mistake("1 / cosh(z) is sech(z); the slope of tanh is sech(z) squared",
                lambda z: 1 / np.cosh(z)),
        Mistake("that is half the slope: tanh(z) = 2 sigmoid(2 z) - 1 has a factor 2 outside "
                "and another from the chain rule (the inner 2 z)",
                lambda z: 2 * _sig(2 * np.asarray(z)) * (1 - _sig(2 * np.asarray(z)))),
    ],
    "relu": [
        Mistake("relu returns z itself where z > 0, not 1: a 0/1 result is its derivative",
                lambda z: (np.asarray(z) > 0).astype(float)),
        Mistake("relu(z) is 0 for negative z, not |z|: use np.maximum(0, z)",
                lambda z: np.abs(z)),
        Mistake("relu(z) is 0 for every negative z; a small slope alpha * z below zero is "
                "leaky ReLU", lambda z: ref.leaky_relu(z)),
    ],
    "relu_derivative": [
        Mistake("that is relu itself; its derivative is the slope: 1 where z > 0, 0 "
                "where z < 0", lambda z: ref.relu(z)),
        Mistake("for negative z the slope of relu is 0, not -1: relu is flat there",
                lambda z: np.sign(z)),
        Mistake("the slope is 1 where z > 0 and 0 where z < 0: yours is the other way "
                "round", lambda z: (np.asarray(z) < 0).astype(float)),
    ],
    "leaky_relu": [
        Mistake("for z <= 0 leaky ReLU returns alpha * z, not alpha",
                lambda z, alpha=0.01: np.where(np.asarray(z) > 0, z, alpha)),
        Mistake("negative inputs must give small NEGATIVE outputs alpha * z: mind the sign",
                lambda z, alpha=0.01: np.where(np.asarray(z) > 0, z, -alpha * np.asarray(z))),
        Mistake("leaky_relu ignores its alpha argument: use the alpha it is given, "
                "not a fixed 0.01", lambda z, alpha=0.01: ref.leaky_relu(z, 0.01)),
        Mistake("that is plain relu: leaky ReLU keeps a small slope alpha * z below zero",
                lambda z, alpha=0.01: ref.relu(z)),
        Mistake(FIXED_SLOPE.format(name="leaky_relu"),
                lambda z, alpha=0.01: ref.leaky_relu(z, 0.1)),
        Mistake("np.minimum picks alpha * z above zero and z below, the wrong way round: "
                "leaky ReLU is np.maximum(z, alpha * z) (for alpha < 1), or "
                "np.where(z > 0, z, alpha * z)",
                lambda z, alpha=0.01: np.minimum(z, alpha * np.asarray(z))),
    ],
    "leaky_relu_derivative": [
        Mistake("for z < 0 the slope is the constant alpha, not alpha * z",
                lambda z, alpha=0.01: np.where(np.asarray(z) > 0, 1.0, alpha * np.asarray(z))),
        Mistake("that is relu's derivative: below zero leaky ReLU keeps the slope alpha",
                lambda z, alpha=0.01: ref.relu_derivative(z)),
        Mistake("leaky_relu_derivative ignores its alpha argument: use the alpha it is "
                "given, not a fixed 0.01",
                lambda z, alpha=0.01: ref.leaky_relu_derivative(z, 0.01)),
        Mistake("that is leaky_relu itself; its derivative is the slope: 1 above zero, "
                "alpha below", lambda z, alpha=0.01: ref.leaky_relu(z, alpha)),
        Mistake(FIXED_SLOPE.format(name="leaky_relu_derivative"),
                lambda z, alpha=0.01: ref.leaky_relu_derivative(z, 0.1)),
        Mistake("the slopes are the other way round: 1 where z > 0, alpha where z < 0",
                lambda z, alpha=0.01: np.where(np.asarray(z) > 0, alpha, 1.0)),
        Mistake("below zero the slope is alpha, not -alpha: leaky ReLU still rises there, "
                "only slowly", lambda z, alpha=0.01: np.where(np.asarray(z) > 0, 1.0, -alpha)),
    ],
    "elu": [
        Mistake("z (1 - exp(-z)) is a different function (some tutorials print it under "
                "this name): ELU is z for z > 0 and alpha (exp(z) - 1) otherwise",
                lambda z, alpha=1.0: np.asarray(z) * (1 - _exp(-z))),
        Mistake("alpha multiplies the whole (exp(z) - 1): alpha * (np.exp(z) - 1), "
                "not alpha * np.exp(z) - 1",
                lambda z, alpha=1.0: np.where(np.asarray(z) > 0, z, alpha * _exp(z) - 1)),
        Mistake("nan where z is large: multiplying a 0/1 mask by exp(z) turns "
                "exp(1000) = inf into inf * 0 = nan. Use np.where, or take exp of "
                "np.minimum(z, 0)",
                lambda z, alpha=1.0: np.asarray(z) * (np.asarray(z) > 0)
                + alpha * (_exp(z) - 1) * (np.asarray(z) <= 0)),
        Mistake("for z > 0 ELU is z itself: alpha (exp(z) - 1) is only for z <= 0",
                lambda z, alpha=1.0: alpha * (_exp(z) - 1)),
        Mistake("elu ignores its alpha argument: use the alpha it is given, not 1",
                lambda z, alpha=1.0: ref.elu(z, 1.0)),
        Mistake("alpha scales only the negative side: for z > 0 ELU is z, not alpha * z",
                lambda z, alpha=1.0: alpha * ref.elu(z, 1.0)),
        Mistake("the - 1 is missing: for z <= 0 ELU is alpha * (exp(z) - 1), which is 0 at "
                "z = 0, where it meets the line z",
                lambda z, alpha=1.0: np.where(np.asarray(z) > 0, z,
                                              alpha * _exp(np.minimum(z, 0)))),
    ],
    "elu_derivative": [
        Mistake("for z <= 0 the slope is alpha * exp(z) (which equals elu(z) + alpha), not "
                "elu(z) itself",
                lambda z, alpha=1.0: np.where(np.asarray(z) > 0, 1.0,
                                              alpha * (_exp(np.minimum(z, 0)) - 1))),
        Mistake("alpha multiplies exp(z): for z <= 0 the slope is alpha * exp(z)",
                lambda z, alpha=1.0: np.where(np.asarray(z) > 0, 1.0,
                                              _exp(np.minimum(z, 0)))),
        Mistake("1 - exp(-z) is the slope of z (1 - exp(-z)), a different function: "
                "ELU's slope is 1 for z > 0 and alpha * exp(z) otherwise",
                lambda z, alpha=1.0: np.where(np.asarray(z) >= 0, 1 - _exp(-z),
                                              np.asarray(z) * _exp(-z))),
        Mistake("nan where z is large: multiplying a 0/1 mask by exp(z) turns inf into "
                "inf * 0 = nan. Use np.where, or take exp of np.minimum(z, 0)",
                lambda z, alpha=1.0: 1.0 * (np.asarray(z) > 0)
                + alpha * _exp(z) * (np.asarray(z) <= 0)),
        Mistake("for z <= 0 the slope is alpha * exp(z), which equals elu(z) + alpha, not "
                "z + alpha", lambda z, alpha=1.0: np.where(np.asarray(z) > 0, 1.0,
                                                         np.asarray(z) + alpha)),
        Mistake("for z > 0 the slope is 1: alpha * exp(z) is the slope for z <= 0 only "
                "(np.where picks between the two)", lambda z, alpha=1.0: alpha * _exp(z)),
    ],
    "swish": [
        Mistake("you computed z * sigmoid(-z): swish is z * sigmoid(z)",
                lambda z: np.asarray(z) * _sig(-np.asarray(z))),
        Mistake("z * exp(z) / (1 + exp(z)) gives nan for large z (inf / inf): write swish "
                "with your stable sigmoid, z * sigmoid(z)",
                lambda z: np.asarray(z) * _exp(z) / (1 + _exp(z))),
        Mistake("that is sigmoid alone: swish multiplies it by z",
                _sig),
        Mistake(PRECEDENCE, lambda z: np.asarray(z) * (1 / 1 + _exp(-z))),
    ],
    "swish_derivative": [
        Mistake("that is only sigmoid's derivative: swish is a product, z * s(z), so the "
                "product rule gives it two terms, (z)' s(z) + z s'(z)",
                lambda z: _sig(z) * (1 - _sig(z))),
        Mistake("the first term of the product rule is missing: the derivative of the "
                "factor z, times s(z)",
                lambda z: np.asarray(z) * _sig(z) * (1 - _sig(z))),
        Mistake("the factor z is missing from the second term: the product rule's z s'(z) "
                "keeps the z", lambda z: _sig(z) + _sig(z) * (1 - _sig(z))),
        Mistake("that is sigmoid alone, the first term of the product rule: add the second, "
                "z times the slope of s", _sig),
        Mistake("s in the product rule is sigmoid(z), not swish(z): write the slope with "
                "s = sigmoid(z)", lambda z: _product_rule(ref.swish(z), z)),
        Mistake("the product rule adds its two terms, (uv)' = u'v + uv', with a plus",
                lambda z: 2 * _sig(z) - _product_rule(_sig(z), z)),
    ],
}

# Where a function has a kink, the slopes on its left and right at z = 0: any value
# between them is accepted at exactly z = 0 (the notebook says so).
KINKS = {
    "relu_derivative": lambda: (0.0, 1.0),
    "leaky_relu_derivative": lambda alpha=0.01: (alpha, 1.0),
    "elu_derivative": lambda alpha=1.0: (alpha, 1.0),
}

# Crashes with a cause a student can act on.
CALL_HINTS = [
    ("truth value of an array", " (an `if`, `and`/`or`, or Python's max/min met a whole "
     "array, and they need a single True/False or number: work on all entries at once "
     "with np.where, np.maximum or a mask such as z > 0)"),
    ("only integer scalar arrays can be converted to a scalar index",
     " (np.max(x, y) reads y as an axis number: np.max finds the largest entry of one "
     "array, np.maximum(x, y) compares two arrays entry by entry)"),
    ("could not be broadcast", " (a sum or max along an axis drops that axis: with "
     "keepdims=True it stays, with length 1, and the result lines up with z)"),
]


def _compare_entries(name):
    """The `compare` of the elementwise function `name` (see the module's docstring)."""
    def compare(value, expected, what, mistakes, args, kwargs, reveal):
        z = np.asarray(args[0])
        if isinstance(value, (list, tuple)):
            raise CheckFailed(f"{what} returned a {type(value).__name__}: return a numpy "
                              "array of the shape of z, computed on the whole array at once "
                              "(np.maximum, np.where, arithmetic) rather than collected "
                              "value by value")
        shape = np.shape(value) if isinstance(value, (np.ndarray, np.generic, float)) \
            else None
        if shape != z.shape and shape in [()] + [z.shape[:a] + z.shape[a + 1:]
                                                 for a in range(z.ndim)]:
            raise CheckFailed(f"{what} returned shape {shape}, one axis short of z's "
                              f"{z.shape}: np.max(z, 0) is the largest entry along axis 0 "
                              "(the 0 is read as an axis), one number per column. "
                              "np.maximum(0, z) compares entry by entry and keeps the shape "
                              "of z")
        integers = np.asarray(value).dtype.kind in "iu"
        out = as_array(value, what, z.shape)
        checked = (z != 0) if name in KINKS else np.ones(z.shape, bool)
        # An integer array explains a wrong answer only if the right one has fractions.
        fractions = np.any(expected[checked] != np.round(expected[checked]))
        if integers and fractions and not close(out[checked], expected[checked], RTOL, ATOL):
            raise CheckFailed(f"{what} returned an array of integers: an integer array "
                              "keeps only the whole part of what is stored in it (a slope "
                              "of 0.01 becomes 0). Build a float array, np.zeros(z.shape) "
                              "rather than np.zeros(z.shape, dtype=int)")
        # Away from a kink, entry by entry; the mistakes too.
        on_checked = [Mistake(m.message, lambda m=m: np.broadcast_to(
            np.asarray(m.wrong(), float), z.shape)[checked]) for m in mistakes]
        expect_close(out[checked], expected[checked], what, on_checked, rtol=RTOL,
                     atol=ATOL, reveal=reveal, describe=_describe(z[checked], z.size))
        if not checked.all():
            low, high = sorted(KINKS[name](*args[1:], **kwargs))
            at_zero = out[~checked]
            if not np.all((at_zero >= low - ATOL) & (at_zero <= high + ATOL)):
                gave = f"gave {at_zero[0]:g}" if reveal and not quiet() else "is wrong"
                raise CheckFailed(
                    f"{what} at z = 0 {gave}: there the slope jumps from {low:g} (left) "
                    f"to {high:g} (right), and the checks accept either of them or "
                    "anything in between, nothing else")
    return compare


def _describe(z, size, columns=False):
    """`describe=` for checks.expect_close: how many of the `size` entries are wrong,
    where they lie (`z` are the inputs compared) and what they share; with numbers, the
    wrong entries themselves (for a softmax, `columns`, both arrays)."""
    def describe(got, expected, numbers):
        bad = ~np.isclose(got, expected, rtol=RTOL, atol=ATOL)
        where = (_wrong_columns if columns else _where_wrong)(z, got, expected, bad, numbers)
        message = f"is wrong in {bad.sum()} of {size} entries{where}"
        if numbers:
            with np.printoptions(precision=6, suppress=True, threshold=12):
                message += (f": expected\n{expected}\ngot\n{got}" if columns else
                            f":\n  at z      {z[bad]}\n  expected  {expected[bad]}\n"
                            f"  got       {got[bad]}")
        return message
    return describe


def _where_wrong(z, got, expected, bad, numbers):
    """For an elementwise function: the region of z where the `bad` entries lie, and what
    they have in common, as ", ..." phrases (without `numbers`, phrases with no value).
    Entries whose right value is 0 and which the student got right say nothing about the
    region (a missing factor cannot show there), so they are left out of its test."""
    telling = bad | (expected != 0)
    regions = [("only at z = 0", z == 0),
               ("only for large negative z", z <= -LARGE),
               ("only for large positive z", z >= LARGE),
               ("only for large |z|", np.abs(z) >= LARGE),
               ("only where z < 0", z < 0), ("only where z <= 0", z <= 0),
               ("only where z > 0", z > 0), ("only where z >= 0", z >= 0),
               ("everywhere except at z = 0", z != 0),
               ("in every entry whose right value is not 0", expected != 0)]
    region = None if bad.all() else next(  # all wrong: the count says it
        (phrase for phrase, mask in regions if np.array_equal(mask[telling], bad[telling])),
        None)
    common = _in_common(z[bad], got[bad], expected[bad], numbers)
    return "".join(f", {part}" for part in (region, common) if part)


def _in_common(z, got, expected, numbers):
    """What the wrong entries `got` (at inputs `z`, right values `expected`) share."""
    def same(x):
        return x.size > 1 and np.allclose(x, x[0], rtol=1e-4, atol=ATOL)

    overflow = ("(exp of a large number overflows to inf, and inf / inf, inf - inf or "
                "inf * 0 is nan)")
    if not np.isfinite(got).any():
        return f"where you return nan or inf {overflow}"
    if not np.isfinite(got).all():
        return f"nan or inf in some of them {overflow}"
    if np.all(got == 0):
        return "where you return 0"
    if np.allclose(got, z, RTOL, ATOL):
        return "where you return z itself"
    if np.allclose(got, -expected, RTOL, ATOL):
        return "each with the wrong sign"
    if np.allclose(got, z * expected, RTOL, ATOL):
        return "each of them z times the right value (an extra factor z?)"
    if np.all(expected != 0) and same(got / expected):
        return (f"each of them {got[0] / expected[0]:.4g} times the right value" if numbers
                else "each off by the same factor") + " (a constant missing or extra?)"
    if same(got - expected):
        return (f"each of them off by {got[0] - expected[0]:+.4g}" if numbers
                else "each off by the same amount")
    if same(got):
        return (f"where you return {got[0]:.4g} every time" if numbers
                else "where you return the same value every time")
    return None


def _finite_on_edges(call, args, kwargs, what):
    """The `also` of every elementwise function: no nan or inf on EDGES, in z's dtype."""
    z = np.asarray(args[0])
    edges = EDGES.astype(z.dtype if z.dtype.kind == "f" else float)
    out = as_array(call(edges, *args[1:], **kwargs), f"{what}, on z of shape {edges.shape}",
                   edges.shape)
    if not np.isfinite(out).all():
        raise CheckFailed(f"{what} is right, but the function returns nan or inf for some "
                          "z with |z| up to 1000: exp of a large number overflows to inf, "
                          "and inf / inf, inf - inf or inf * 0 is nan")


def _visible_cases(*alphas):
    """Z, Z with each of `alphas` (the default alpha is tried too), and Z_LINE."""
    return [Case((Z,), label=f"z of shape {Z.shape}"),
            *(Case((Z, alpha), label=f"z of shape {Z.shape}, alpha={alpha}")
              for alpha in alphas),
            Case((Z_LINE,), label=f"z of shape {Z_LINE.shape}")]


def _with_swapped(name, partner, cases):
    """MISTAKES[name], and the partner's reference as one more ("the two bodies swapped"),
    unless a listed mistake already gives its values (relu's 0/1 mask is its
    derivative)."""
    swapped = Mistake(f"that is {partner}, not {name}: are the two bodies swapped?",
                      REFERENCE[partner])
    with np.errstate(all="ignore"):
        known = any(all(close(m.wrong(*c.args), swapped.wrong(*c.args), RTOL, ATOL, True)
                        for c in cases) for m in MISTAKES[name])
    return MISTAKES[name] + ([] if known else [swapped])


def _activation(exercise, name, alphas=()):
    """The declaration of `name`, one of the two functions of `exercise`'s answer cell;
    every other function of the notebook is lent as its reference."""
    partner = next(n for n in FUNCTIONS[exercise] if n != name)
    cases = _visible_cases(*alphas)
    return Exercise(
        name, REFERENCE[name], visible=cases, cell=exercise,
        returns="an array of the shape of z",
        mistakes={"value": _with_swapped(name, partner, cases)},
        uses={n: f for n, f in REFERENCE.items() if n != name},
        hints=CALL_HINTS, compare=_compare_entries(name), also=_finite_on_edges,
        rtol=RTOL, atol=ATOL)


# Exercises 4 and 5 try another alpha as well as the default one.
ALPHAS = {"leaky_relu": (0.2,), "elu": (0.5,)}
PAIRS = [exercise for exercise, names in FUNCTIONS.items() if len(names) == 2]
EXERCISES = {name: _activation(exercise, name, ALPHAS.get(exercise, ()))
             for exercise in PAIRS for name in FUNCTIONS[exercise]}


def _visible_checks(exercise):
    """(check_<exercise>, check_<exercise>_derivative). The first takes the function and
    its derivative, as the test cell gives them, and runs the visible checks of both, the
    function first (either may be None, to check the other alone); the second checks the
    derivative alone."""
    function, derivative = (visible_check(EXERCISES[name]) for name in FUNCTIONS[exercise])

    def check(fn, fn_derivative=None):
        for check_one, given in ((function, fn), (derivative, fn_derivative)):
            if given is not None:
                check_one(given)

    check.__name__ = f"check_{exercise}"
    check.__doc__ = f"Visible check of {' and '.join(FUNCTIONS[exercise])}."
    return visible(check), visible(derivative)


check_sigmoid, check_sigmoid_derivative = _visible_checks("sigmoid")
check_tanh, check_tanh_derivative = _visible_checks("tanh")
check_relu, check_relu_derivative = _visible_checks("relu")
check_leaky_relu, check_leaky_relu_derivative = _visible_checks("leaky_relu")
check_elu, check_elu_derivative = _visible_checks("elu")
check_swish, check_swish_derivative = _visible_checks("swish")


# -- softmax ---------------------------------------------------------------------------------
def _softmax_shifted(z, shift):
    """exp(z - shift), normalised down each column: softmax with a student's shift."""
    e = np.exp(np.asarray(z, dtype=float) - shift)
    return e / np.sum(e, axis=0, keepdims=True)


SOFTMAX_MISTAKES = [
    Mistake("nan for large logits: exp(1000) overflows to inf, and inf / inf is nan. "
            "Softmax does not change when one number is subtracted from every logit of a "
            "column, so subtract each column's maximum before taking exp",
            lambda z: _softmax_shifted(z, 0.0)),
    Mistake("a column came out nan while another did not: you subtracted the largest "
            "logit of the WHOLE array, so a column whose logits all lie far below it "
            "underflows to 0 / 0. Subtract each column's own maximum, "
            "np.max(z, axis=0, keepdims=True)",
            lambda z: _softmax_shifted(z, np.max(z))),
    Mistake("you subtracted each ROW's maximum (axis=1): that takes different numbers "
            "from the logits of one column, which changes its softmax. Subtract each "
            "column's maximum, np.max(z, axis=0, keepdims=True)",
            lambda z: _softmax_shifted(z, np.max(z, axis=1, keepdims=True))),
    Mistake("you subtracted each column's minimum: the other logits stay large, and exp "
            "of a large one overflows. Subtract the maximum, so that the largest "
            "exponential is exp(0) = 1 and none can overflow",
            lambda z: _softmax_shifted(z, np.min(z, axis=0, keepdims=True))),
    Mistake("that is a hard max: 1 for the largest logit and 0 elsewhere. Softmax gives "
            "every class some probability, and unlike a hard max it has a gradient",
            lambda z: (np.asarray(z) == np.max(z, axis=0, keepdims=True)).astype(float)),
    Mistake("that is a sigmoid of each logit on its own; softmax divides exp(z) by its "
            "column's sum, so that every column adds up to 1", _sig),
]

SOFTMAX_Z = np.array([[1.0, 2.0, -1.0, 0.0],
                      [2.0, 2.0, 0.0, 0.5],
                      [3.0, -1.0, 1.0, 0.0]])
# Column 0 overflows a careless exp, column 1 underflows a shift by the global maximum,
# column 2 overflows a shift by the column's minimum.
SOFTMAX_BIG = np.array([[1000.0, -1000.0, 0.0],
                        [1001.0, -999.0, 800.0],
                        [1002.0, -998.0, -800.0]])


def _compare_softmax(value, expected, what, mistakes, args, kwargs, reveal):
    """The `compare` of softmax: the sums of its columns, then its values, with a
    description of the wrong columns."""
    z = np.asarray(args[0])
    out = as_array(value, what, z.shape)
    if not close(out, expected, RTOL, ATOL) and np.all(np.isfinite(out)):
        _check_sums(out, what)
    expect_close(out, expected, what, mistakes, rtol=RTOL, atol=ATOL, reveal=reveal,
                 describe=_describe(z, z.size, columns=True))


def _check_sums(out, what):
    """Name a softmax that normalises the wrong way, whatever it subtracted first."""
    if np.allclose(out.sum(axis=0), 1, rtol=RTOL):
        return
    if np.isclose(out.sum(), 1, rtol=RTOL):
        raise CheckFailed(f"{what}: the probabilities add up to 1 over the whole array "
                          "instead of in each column. Each column is one example, so "
                          "sum down the columns, axis=0")
    if out.ndim == 2 and np.allclose(out.sum(axis=1), 1, rtol=RTOL):
        raise CheckFailed(f"{what}: each ROW adds up to 1: you normalised along "
                          "axis=1, the layout Keras uses. Here the examples are "
                          "columns, so normalise down each column, axis=0")


def _wrong_columns(z, got, expected, bad, numbers):
    """For softmax: which columns hold the `bad` entries and what they have in common, as
    ", ..." phrases (without `numbers`, phrases with no index or value)."""
    columns = bad.any(axis=0)
    g, e = got[:, columns], expected[:, columns]
    parts = []
    if not columns.all():
        parts.append(f"in {columns.sum()} of {columns.size} columns" + (
            f" ({', '.join(f'z[:, {j}]' for j in np.flatnonzero(columns))})" if numbers
            else ""))
    overflow = ""
    if (np.abs(z[:, columns]) >= LARGE).any(axis=0).all():
        overflow = (f", each holding logits of size {LARGE} or more (did an exp overflow "
                    "to inf, or all of a column's exponentials underflow to 0?)")
    if not np.isfinite(g).all():
        parts.append("with nan or inf in them" + overflow)
    elif not g.sum(axis=0).all():
        parts.append("with a column of zeros" + overflow)
    elif np.allclose(g, e * g.sum(axis=0), RTOL, ATOL):  # each column of e adds up to 1
        parts.append("each wrong column is the right one times a number: its entries are "
                     "in the right proportions, but they do not add up to 1, so the "
                     "division is off")
    elif np.allclose(g.sum(axis=0), 1, RTOL):
        parts.append("though each column adds up to 1: the exponentials themselves are "
                     "off, so look at what you subtract from z before np.exp")
    else:
        parts.append(_in_common(z[bad], got[bad], expected[bad], numbers))
    return "".join(f", {part}" for part in parts if part)


SOFTMAX = Exercise(
    "softmax", ref.softmax, returns="an array of the shape of z",
    visible=[Case((SOFTMAX_Z,), label=f"z of shape {SOFTMAX_Z.shape}"),
             Case((SOFTMAX_BIG,), label=f"logits up to 1000, z of shape {SOFTMAX_BIG.shape}")],
    mistakes={"value": SOFTMAX_MISTAKES}, hints=CALL_HINTS, compare=_compare_softmax,
    uses={n: f for n, f in REFERENCE.items() if n != "softmax"}, rtol=RTOL, atol=ATOL)
EXERCISES["softmax"] = SOFTMAX
check_softmax = visible(visible_check(SOFTMAX))


# -- a central finite difference ------------------------------------------------------------
def wave(z):
    """sin(3 z): curved enough (its second derivative is up to 9) that a one-sided
    difference is off by about 4.5 eps, far beyond the tolerance below."""
    return np.sin(3 * np.asarray(z, dtype=float))


def _one_sided(f, z, eps=1e-5):
    z = np.asarray(z, dtype=float)
    return (f(z + eps) - f(z)) / eps


def _central(f, z, eps=1e-5):
    z = np.asarray(z, dtype=float)
    return (f(z + eps) - f(z - eps)) / (2 * eps)


ND_MISTAKES = [
    Mistake("that is the one-sided difference (f(z + eps) - f(z)) / eps: its error is "
            "about f''(z) eps / 2, here far more than the central difference's. Step to "
            "both sides, f(z + eps) - f(z - eps)", _one_sided),
    Mistake("that is the one-sided difference (f(z) - f(z - eps)) / eps, backwards: its "
            "error is about f''(z) eps / 2. Step to both sides, f(z + eps) - f(z - eps)",
            lambda f, z, eps=1e-5: (f(np.asarray(z, float))
                                    - f(np.asarray(z, float) - eps)) / eps),
    Mistake("twice the slope: f(z + eps) and f(z - eps) lie 2 eps apart, so divide by "
            "2 * eps, not by eps", lambda f, z, eps=1e-5: 2 * _central(f, z, eps)),
    Mistake("half the slope: divide by 2 * eps, the distance between z - eps and z + eps",
            lambda f, z, eps=1e-5: _central(f, z, eps) / 2),
    Mistake("the sign is flipped: it is f(z + eps) - f(z - eps), the later point first",
            lambda f, z, eps=1e-5: -_central(f, z, eps)),
    Mistake("/ 2 * eps divides by 2 and then MULTIPLIES by eps, because Python works "
            "from left to right: write / (2 * eps)",
            lambda f, z, eps=1e-5: _central(f, z, eps) * eps * eps),
    Mistake("numerical_derivative ignores its eps argument: use the step it is given",
            lambda f, z, eps=1e-5: _central(f, z, 1e-5)),
    *(Mistake(f"the step is too large: with eps = {big} the central difference errs by "
              "about the third derivative times eps**2 / 6. Use the default eps=1e-5 of "
              "the signature", lambda f, z, eps=1e-5, big=big: _central(f, z, big))
      for big in (1e-2, 1e-3, 0.1)),
]

ND_Z = np.array([[-2.0, -0.9, -0.3], [0.2, 0.6, 1.3]])
NUMERICAL_DERIVATIVE = Exercise(
    "numerical_derivative", ref.numerical_derivative, returns="an array of the shape of z",
    visible=[Case((wave, ND_Z), label=f"f(z) = sin(3 z), z of shape {ND_Z.shape}"),
             Case((wave, ND_Z, 1e-3),
                  label=f"f(z) = sin(3 z), z of shape {ND_Z.shape}, eps=0.001"),
             Case((np.exp, Z_LINE), label=f"f = np.exp, z of shape {Z_LINE.shape}")],
    mistakes={"value": ND_MISTAKES}, hints=CALL_HINTS,
    uses={n: f for n, f in REFERENCE.items()}, rtol=1e-7, atol=1e-9)
EXERCISES["numerical_derivative"] = NUMERICAL_DERIVATIVE
check_numerical_derivative = visible(visible_check(NUMERICAL_DERIVATIVE))


# -- the gradient of softmax with cross-entropy ---------------------------------------------
def _one_hot(labels, C):
    labels = np.asarray(labels).reshape(-1)
    Y = np.zeros((C, labels.size))
    Y[labels, np.arange(labels.size)] = 1
    return Y


def _sce(wrong):
    """A mistake's dZ, from A and the one-hot Y."""
    return lambda A, labels: wrong(np.asarray(A, float), _one_hot(labels, np.shape(A)[0]))


SCE_MISTAKES = [
    Mistake("that is s (1 - s), only the diagonal of softmax's Jacobian, and without the "
            "labels: with cross-entropy the whole chain rule folds into A - Y, with Y the "
            "one-hot labels", _sce(lambda A, Y: A * (1 - A))),
    Mistake("you multiplied A - Y by s (1 - s) once more: A - Y is already the gradient "
            "with respect to Z, softmax's Jacobian included",
            _sce(lambda A, Y: (A - Y) * A * (1 - A))),
    Mistake("-Y / A times s (1 - s) keeps only the diagonal of softmax's Jacobian: the "
            "other classes' -s_i s_j terms are missing. Through the whole Jacobian the "
            "gradient is A - Y", _sce(lambda A, Y: -Y * (1 - A))),
    Mistake("dZ is m times too small: you divided by m. In this course dZ is per "
            "example; the 1/m of the mean cost is applied once, in dW and db "
            "(dW = dZ A_prev^T / m)", _sce(lambda A, Y: (A - Y) / A.shape[1])),
    Mistake("the sign is flipped: the gradient is A - Y, prediction minus label (gradient "
            "descent then lowers the logits of the wrong classes)",
            _sce(lambda A, Y: Y - A)),
    Mistake("you subtracted the labels themselves, class numbers like 2, from every row: "
            "make the one-hot Y first, 1 in row labels[0, j] of column j and 0 elsewhere, "
            "and return A - Y", lambda A, labels: np.asarray(A, float) - labels),
    Mistake("you subtracted 1 from every row: only the true class of each column gets the "
            "1 of the one-hot Y", lambda A, labels: np.asarray(A, float) - 1),
]
# Before CALL_HINTS, whose first match wins: a broadcast error here is a one-hot Y
# built the wrong way round, not a sum that dropped its axis.
SCE_HINTS = [
    ("could not be broadcast", " (np.eye(C)[labels[0]] has one ROW per example, shape "
     "(m, C): transpose it, so that it lines up with A, of shape (C, m))"),
    ("only integer scalar arrays", " (index with the labels as integers, labels[0], one "
     "class per column)"),
] + CALL_HINTS
SCE_A = ref.softmax(np.array([[2.0, -1.0, 0.5, 0.0, 1.0],
                              [1.0, 0.0, 0.5, 3.0, -2.0],
                              [0.1, 2.0, -1.0, 0.0, 1.5]]))
SCE_LABELS = np.array([[0, 2, 1, 1, 0]])
SOFTMAX_CROSS_ENTROPY_BACKWARD = Exercise(
    "softmax_cross_entropy_backward", losses.softmax_cross_entropy_backward,
    returns="an array of the shape of A",
    visible=[Case((SCE_A, SCE_LABELS),
                  label=f"A of shape {SCE_A.shape}, labels of shape {SCE_LABELS.shape}")],
    mistakes={"value": SCE_MISTAKES}, hints=SCE_HINTS,
    uses={n: f for n, f in REFERENCE.items()}, rtol=RTOL, atol=ATOL)
EXERCISES["softmax_cross_entropy_backward"] = SOFTMAX_CROSS_ENTROPY_BACKWARD
check_softmax_cross_entropy_backward = visible(visible_check(SOFTMAX_CROSS_ENTROPY_BACKWARD))
hidden = hidden_checks(EXERCISES)


# -- the choice of output activation, one task per answer cell ------------------------------
# Each task is answered in a cell of its own, `output_<task> = "<name>"`, worth a point.
TASKS = ("mixture", "brightness", "profit", "cosine")
ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "swish", "softmax",
                    "linear")
ALIASES = {"logistic": "sigmoid", "identity": "linear", "silu": "swish",
           "leakyrelu": "leaky_relu"}
# What each task asks of its output layer: the task restated, never the answer.
NEEDS = {
    "mixture": "four shares, each at least 0, that always add up to exactly 1, the whole "
               "recipe",
    "brightness": "one number that can never leave the range from 0 (black) to 1 (white)",
    "profit": "any amount of money, a loss (below zero) as readily as a gain, with no "
              "limit either way",
    "cosine": "a value that can never leave the range of a cosine, from -1 to 1",
}
# What each activation does in an output layer (facts about the activation, not about
# any task).
BEHAVIOURS = {
    "sigmoid": "sigmoid gives every output unit its own number between 0 and 1, "
               "independently of the other units",
    "tanh": "tanh keeps every output between -1 and 1",
    "relu": "relu never gives a negative number, and has no upper limit",
    "leaky_relu": "leaky_relu has no limits, but below zero its slope is only alpha: "
                  "with alpha = 0.01 an output of -10 needs z = -1000, a hundred times "
                  "further than +10 does",
    "elu": "elu never goes below -alpha (-1 by default)",
    "swish": "swish never goes below about -0.28",
    "softmax": "softmax makes the units of a layer share a total of exactly 1, so they "
               "compete (and a layer of one unit always outputs 1)",
    "linear": "linear passes z through unchanged: any value, with no limits",
}


def _normalise(value):
    if not isinstance(value, str):
        return value
    name = value.strip().lower().replace("-", "_").replace(" ", "_")
    return ALIASES.get(name.replace("_", ""), ALIASES.get(name, name))


def _choice(answer, task):
    """The answer of `task` as a known activation name, or an error that says what to
    fix."""
    name = f"output_{task}"
    answer = plain(answer, name)
    if answer is None:
        raise NotAnswered(f"{name} is not answered yet: replace None with the name of an "
                          "activation, in quotes")
    if not isinstance(answer, str):
        raise CheckFailed(f"{name} should be an activation's name in quotes, such as "
                          f"'relu', got {shown(answer)}")
    choice = _normalise(answer)
    if choice not in ACTIVATION_NAMES:
        raise CheckFailed(f"{name}: unknown activation {shown(answer)}; choose one of "
                          f"{', '.join(ACTIVATION_NAMES)}")
    return choice


@visible
def check_output_activation(answer, task):
    """Visible check of one task of the output-activation exercise: only that it names a
    known activation."""
    name = f"output_{task}"
    cellguard.check(answer, name, NOTEBOOK)
    _choice(answer, task)
    print(f"\N{CHECK MARK} {name} names an activation; the hidden test decides whether "
          "it is the right one")


@_checks.hidden
def hidden_output_activation(answer, expected, task):
    """Hidden check of one task against `expected`, written into the test cell. A wrong
    choice is explained by what the task needs and what the chosen activation does,
    never by naming the right one."""
    choice = _choice(answer, task)
    if choice != expected:
        raise CheckFailed(f"output_{task}: {choice!r} does not fit. This task needs "
                          f"{NEEDS[task]}; {BEHAVIOURS[choice]}.")
