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
import dis
import linecache
import types
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


def expect_costs(costs, expected, num_iterations, what, reveal=True):
    """The costs a training loop recorded at iterations 0, 100, 200, ...: how many, then
    their values."""
    costs = list(np.ravel(np.asarray(costs, dtype=float)))
    if len(costs) != len(expected):
        raise AssertionError(f"{what}: costs should hold the cost at iterations 0, 100, "
                             f"200, ...: {len(expected)} values for {num_iterations} "
                             f"iterations, got {len(costs)}")
    expect_close(costs, expected, f"costs ({what})", reveal=reveal)


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


def assert_vectorized(fn, name):
    """Raise AssertionError if `fn` runs a Python loop: a `for` or `while` loop, a
    comprehension, np.vectorize, np.frompyfunc, np.apply_along_axis or map, in its own
    code or in a function of the same notebook that it calls. The message names the
    loop's line. Used where the lesson is vectorization (notebook 02's loop-free
    gradient).

    It reads the compiled code rather than the source, so it works alike for functions
    defined in a notebook cell and by exec: a loop compiles to a FOR_ITER or to a jump
    backwards, and nothing else does.
    """
    hidden_loops = {"vectorize": "np.vectorize", "frompyfunc": "np.frompyfunc",
                    "apply_along_axis": "np.apply_along_axis", "map": "map"}

    def loops(code):
        """(line, kind) of each loop in `code` and in the code nested in it
        (comprehensions, lambdas, inner functions)."""
        found = []
        instructions = list(dis.get_instructions(code))
        by_offset = {ins.offset: ins for ins in instructions}
        for ins in instructions:
            line = ins.positions.lineno if ins.positions else None
            if ins.opname == "FOR_ITER":
                comprehension = code.co_name in ("<listcomp>", "<setcomp>", "<dictcomp>",
                                                 "<genexpr>")
                found.append((line, "comprehension" if comprehension else "for loop"))
            elif "JUMP" in ins.opname and isinstance(ins.argval, int) \
                    and ins.argval < ins.offset:
                target = by_offset.get(ins.argval)
                if target is not None and target.opname == "FOR_ITER":
                    continue  # the end of a for loop, already counted
                lines = [n for n in (line, target and target.positions.lineno) if n]
                found.append((min(lines) if lines else None, "while loop"))
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                found += loops(const)
        return found

    seen, todo = set(), [(fn, name)]
    while todo:
        func, label = todo.pop()
        code = getattr(func, "__code__", None)
        if code is None or code in seen:
            continue
        seen.add(code)
        where = name if label == name else f"{label}, which {name} calls,"
        found = sorted(loops(code), key=lambda loop: loop[0] or 0)
        if found:
            line, kind = found[0]
            text = linecache.getline(code.co_filename, line).strip() if line else ""
            shown = f" (line {line} of its cell: `{text}`)" if text else \
                f" (line {line} of its cell)" if line else ""
            raise AssertionError(
                f"{where} runs a Python loop, a {kind}{shown}: this exercise asks for no "
                "loop at all. Work on whole arrays instead: matrix products (@), sums "
                "along an axis (np.sum(..., axis=1)) and broadcasting")
        namespace = getattr(func, "__globals__", {})
        for used in code.co_names:
            if used in hidden_loops:
                raise AssertionError(
                    f"{where} uses {hidden_loops[used]}, which calls Python once per "
                    "element: a Python loop in disguise. Work on whole arrays instead: "
                    "matrix products (@), np.sum and broadcasting")
            helper = namespace.get(used)
            if isinstance(helper, types.FunctionType) and helper.__globals__ is namespace:
                todo.append((helper, used))
