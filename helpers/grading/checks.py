"""The building blocks of every exercise check.

A check calls the student's function on small cases and compares with the expected
answer. When they differ it does not stop at "not equal": it computes what each common
mistake of that exercise would have returned on the same input, and if the student's
answer matches one, the message names that mistake. Each exercise keeps its list of
mistakes next to its check (`helpers/grading/nbNN.py`), and the tests in
`tests/test_grading_nbNN.py` feed every listed mistake through the check.

Introduced with notebook 01; used by every graded notebook.
"""
import contextlib
from typing import Callable, NamedTuple

import numpy as np


class Mistake(NamedTuple):
    """A common wrong answer: what to tell the student, and a function computing what
    that wrong answer returns (same arguments as the expected computation)."""

    message: str
    wrong: Callable


class NotAnswered(NotImplementedError):
    """The exercise still raises NotImplementedError: the student has not answered it."""


def call(fn, name, *args, **kwargs):
    """Call the student's `fn` as `name(*args)`: an unanswered exercise says so plainly, a
    crash says which call crashed."""
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        raise NotAnswered(f"{name} is not written yet: replace `raise "
                          "NotImplementedError()` in its cell with your code") from None
    except Exception as err:
        shapes = ", ".join(_describe(a) for a in args)
        hint = ""
        if isinstance(err, TypeError) and "Python scalars" in str(err):
            hint = (" (a function made for single numbers, such as math.exp, got an array: "
                    "use numpy, e.g. np.exp, which works on whole arrays)")
        raise AssertionError(f"{name}({shapes}) raised {type(err).__name__}: {err}{hint}") \
            from err


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}"
    return type(value).__name__ if not np.isscalar(value) else repr(value)


def as_array(value, what, shape=None):
    """`value` as a float array with the given shape, or an AssertionError that says what
    is wrong with it (not an array, rank-1 instead of a column, transposed...)."""
    if isinstance(value, (list, tuple)):
        raise AssertionError(f"{what} should be a numpy array, got a {type(value).__name__}")
    arr = np.asarray(value)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise AssertionError(f"{what} should be a numeric numpy array, got {_describe(value)}")
    if shape is not None and arr.shape != tuple(shape):
        raise AssertionError(shape_message(what, tuple(shape), arr.shape))
    return arr.astype(np.float64)


def shape_message(what, want, got):
    """Explain a shape mismatch in the words a student needs."""
    msg = f"{what} should have shape {want}, got {got}"
    if len(got) == 1 and len(want) == 2 and got[0] in want:
        msg += (": a rank-1 array. Keep it two-dimensional, e.g. with "
                "np.zeros((n, 1)) or .reshape(n, 1), or keepdims=True in sums")
    elif len(want) == 2 and got == want[::-1]:
        msg += ": transposed. Check the order of the factors and where .T goes"
    elif len(got) == 2 and len(want) == 2 and got[0] == want[0] and got[1] != want[1]:
        msg += f": {got[1]} columns instead of {want[1]}"
    return msg


def as_scalar(value, what):
    """`value` as a float, accepting a Python number or any array with one element."""
    arr = np.asarray(value)
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number) or arr.size != 1:
        raise AssertionError(f"{what} should be a single number, got {_describe(value)}")
    return float(arr.reshape(()))


def close(actual, expected, rtol=1e-6, atol=1e-9, equal_nan=False):
    actual, expected = np.asarray(actual, float), np.asarray(expected, float)
    return actual.shape == expected.shape and np.allclose(actual, expected, rtol=rtol,
                                                          atol=atol, equal_nan=equal_nan)


def expect_close(actual, expected, what, mistakes=(), args=(), rtol=1e-6, atol=1e-9,
                 reveal=True):
    """Raise AssertionError unless `actual` equals `expected` to tolerance.

    mistakes: Mistake list; each `wrong(*args)` is compared with `actual`, and the first
        that matches gives the message.
    reveal: show the expected values in the message (visible checks); hidden checks pass
        False so feedback never shows their answers.
    """
    actual_arr = np.asarray(actual, dtype=float)
    expected_arr = np.asarray(expected, dtype=float)
    if close(actual_arr, expected_arr, rtol, atol):
        return
    for mistake in mistakes:
        with np.errstate(all="ignore"):
            wrong = np.asarray(mistake.wrong(*args), dtype=float)
        if close(actual_arr, wrong, rtol, atol, equal_nan=True):
            raise AssertionError(f"{what}: {mistake.message}")
    if actual_arr.shape != expected_arr.shape:
        raise AssertionError(shape_message(what, expected_arr.shape, actual_arr.shape))
    if np.isnan(actual_arr).any() or np.isinf(actual_arr).any():
        raise AssertionError(f"{what} contains nan or inf: look for a division by zero, "
                             "log(0) or exp of a large number")
    if not reveal:
        bad = ~np.isclose(actual_arr, expected_arr, rtol=rtol, atol=atol)
        raise AssertionError(f"{what} is wrong in {int(bad.sum())} of {bad.size} entries")
    with np.printoptions(precision=6, suppress=True, threshold=12):
        raise AssertionError(f"{what} is wrong: expected\n{expected_arr}\ngot\n{actual_arr}")


@contextlib.contextmanager
def using(fn, **references):
    """Inside the block, the global names that `fn` looks up (the notebook's namespace)
    point at `references`, so an exercise that calls an earlier one is graded on its own:
    a mistake in `sigmoid` does not cost the points of `propagate` as well."""
    namespace = getattr(fn, "__globals__", None)
    if namespace is None:
        yield
        return
    missing = object()
    saved = {name: namespace.get(name, missing) for name in references}
    namespace.update(references)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def passed(name, count):
    print(f"\N{CHECK MARK} {name}: all {count} visible checks passed")
