"""The building blocks of every exercise check.

A check calls the student's function on small cases and compares with the expected
answer. When they differ it does not stop at "not equal": it computes what each common
mistake of that exercise would have returned on the same input, and if the student's
answer matches one, the message names that mistake. Each exercise keeps its list of
mistakes next to its check (`helpers/grading/nbNN.py`), and the tests in
`tests/test_grading_nbNN.py` feed every listed mistake through the check.

Introduced with notebook 01; used by every graded notebook.
"""
import builtins
import collections
import contextlib
import dis
import functools
import io
import linecache
import os
import sys
import types
import warnings
from typing import Callable, NamedTuple

import numpy as np

from ..messages import CourseMessage, course_or_library_file
from . import cellguard


class Mistake(NamedTuple):
    """A common wrong answer: what to tell the student, and a function computing what
    that wrong answer returns (same arguments as the expected computation)."""

    message: str
    wrong: Callable


class CheckFailed(CourseMessage, AssertionError):
    """A check's verdict. In a notebook it shows as its message alone (and the student's
    own frames, if their code crashed), never the frames of the checks."""


class NotAnswered(CourseMessage, NotImplementedError):
    """The exercise still raises NotImplementedError: the student has not answered it."""

    mark = "\N{WHITE QUESTION MARK ORNAMENT}"


# True while a hidden check runs: what the student's code prints then is thrown away, so
# feedback cannot show a hidden input, and a crash's message does not repeat the
# student's own exception text (which could hold one).
_hidden = False


def quiet():
    """Whether student output and student-made text must stay out of the messages: in a
    hidden check, and in every check while nbgrader autogrades (the student's code may
    have kept a hidden input from an earlier check and show it now; feedback would
    publish it). Students running their notebook, and Validate, see everything."""
    return _hidden or os.environ.get("NBGRADER_EXECUTION") == "autograde"


def visible_for(notebook):
    """Decorator for a visible check of `notebook`: before the check runs, the guard reads
    the cell of each student function it is given, so a broken rule shows now, with what
    it would cost, rather than after handing in (see `cellguard`)."""
    def decorate(check):
        @functools.wraps(check)
        def run(*args, **kwargs):
            for arg in (*args, *kwargs.values()):
                if isinstance(arg, types.FunctionType):
                    cellguard.check(arg, arg.__name__, notebook)
            return check(*args, **kwargs)
        return run
    return decorate


def hidden(check):
    """Decorator for every hidden check (see `_hidden`)."""
    @functools.wraps(check)
    def run(*args, **kwargs):
        global _hidden
        before, _hidden = _hidden, True
        try:
            return check(*args, **kwargs)
        finally:
            _hidden = before
    return run


def call(fn, name, *args, convert=True, **kwargs):
    """Call the student's `fn` as `name(*args)`: an unanswered exercise says so plainly, a
    crash says which call crashed. The result comes back `plain` (convert=False keeps
    it as it is, for checks that only observe what it does, like a Keras model's).

    numpy's floating-point warnings are silenced during the call: correct code may
    overflow harmlessly (sigmoid(-1000)), and nbgrader's Validate fails any cell that wrote
    to stderr. During a hidden check the student's prints are discarded as well.
    """
    sink = io.StringIO()
    silenced = (contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink)) \
        if quiet() else ()
    try:
        with contextlib.ExitStack() as stack:
            for manager in (warnings.catch_warnings(), np.errstate(all="ignore"), *silenced):
                stack.enter_context(manager)
            warnings.simplefilter("ignore")
            result = fn(*args, **kwargs)
    except NotImplementedError:
        raise NotAnswered(f"{name} is not written yet: replace `raise "
                          "NotImplementedError()` in its cell with your code") from None
    except Exception as err:
        shapes = ", ".join(_describe(a) for a in args)
        if quiet():
            raise CheckFailed(f"{name}({shapes}) raised {type(err).__name__}") from None
        hint = ""
        if isinstance(err, TypeError) and "Python scalars" in str(err):
            hint = (" (a function made for single numbers, such as math.exp, got an array: "
                    "use numpy, e.g. np.exp, which works on whole arrays)")
        raise CheckFailed(f"{name}({shapes}) raised {type(err).__name__}: {err}{hint}") \
            from err
    return plain(result, f"what {name} returned") if convert else result


# The types a check compares, exactly: no subclass of them (a `str` whose `==` is always
# true), no object that claims to be one (`__class__ = bool`) reaches a comparison.
_PLAIN = (bool, int, float, complex, str, bytes, type(None))


def plain(value, what):
    """`value` rebuilt from exact built-in and numpy types (bool, int, float, str, None,
    numpy scalars and plain ndarrays, and dicts, lists and tuples of them), so that no
    code of the student's runs in a later comparison; any other object is an error that
    names its type. `type()` is used, never isinstance, which `__class__` can fool."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is np.ndarray:
        if value.dtype == object:
            return np.array([plain(v, what) for v in value.ravel()],
                            dtype=object).reshape(value.shape)
        return value.copy()
    if isinstance(value, np.generic) and kind.__module__ == "numpy":
        return value
    if kind is dict:
        return {plain(k, f"a key of {what}"): plain(v, what) for k, v in value.items()}
    if kind in (list, tuple):
        return kind(plain(v, what) for v in value)
    if isinstance(value, np.ndarray):
        raise CheckFailed(f"{what} is a {kind.__name__}, a subclass of numpy's array: "
                          "return a plain numpy array (np.asarray(x) gives one)")
    raise CheckFailed(f"{what} is an object of type {kind.__name__}: return numpy arrays, "
                      "numbers, strings, True/False, or dicts, lists and tuples of them")


def shown(value, width=80):
    """A student's value for a message: its repr, shortened; while autograding only its
    type (see `quiet`)."""
    if quiet():
        return f"a {type(value).__name__}"
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}"
    return repr(value) if np.isscalar(value) and not quiet() else type(value).__name__


def as_array(value, what, shape=None):
    """`value` as a float array with the given shape, or an AssertionError that says what
    is wrong with it (not an array, rank-1 instead of a column, transposed...)."""
    if isinstance(value, (list, tuple)):
        raise CheckFailed(f"{what} should be a numpy array, got a {type(value).__name__}")
    arr = np.asarray(value)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise CheckFailed(f"{what} should be a numeric numpy array, got {_describe(value)}")
    if shape is not None and arr.shape != tuple(shape):
        raise CheckFailed(shape_message(what, tuple(shape), arr.shape))
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
        raise CheckFailed(f"{what} should be a single number, got {_describe(value)}")
    return float(arr.reshape(()))


def close(actual, expected, rtol=1e-6, atol=1e-9, equal_nan=False):
    actual, expected = np.asarray(actual, float), np.asarray(expected, float)
    return actual.shape == expected.shape and np.allclose(actual, expected, rtol=rtol,
                                                          atol=atol, equal_nan=equal_nan)


def expect_close(actual, expected, what, mistakes=(), args=(), rtol=1e-6, atol=1e-9,
                 reveal=True, describe=None):
    """Raise AssertionError unless `actual` equals `expected` to tolerance.

    mistakes: Mistake list; each `wrong(*args)` is compared with `actual`, and the first
        that matches gives the message (one that raises ValueError or IndexError cannot
        happen for these inputs, and matches nothing).
    reveal: show the expected values in the message (visible checks); hidden checks pass
        False so feedback never shows their answers.
    describe: for a wrong answer of the right shape that no mistake explains,
        `describe(actual, expected, reveal)` (float arrays; reveal False while no value
        may be shown) gives the message that follows `what`, or None for the default
        one. Notebook 03 says there where the wrong entries lie and what they share.
    """
    reveal = reveal and not quiet()
    actual_arr = np.asarray(actual, dtype=float)
    expected_arr = np.asarray(expected, dtype=float)
    if close(actual_arr, expected_arr, rtol, atol):
        return
    for mistake in mistakes:
        with np.errstate(all="ignore"):
            try:
                wrong = np.asarray(mistake.wrong(*args), dtype=float)
            except (ValueError, IndexError):
                continue  # a mistake these shapes cannot make (W @ dZ with W not square)
        if close(actual_arr, wrong, rtol, atol, equal_nan=True):
            raise CheckFailed(f"{what}: {mistake.message}")
    if actual_arr.shape != expected_arr.shape:
        raise CheckFailed(shape_message(what, expected_arr.shape, actual_arr.shape))
    described = None if describe is None else describe(actual_arr, expected_arr, reveal)
    if described is not None:
        raise CheckFailed(f"{what} {described}")
    if np.isnan(actual_arr).any() or np.isinf(actual_arr).any():
        raise CheckFailed(f"{what} contains nan or inf: look for a division by zero, "
                          "log(0) or exp of a large number")
    if not reveal:
        bad = ~np.isclose(actual_arr, expected_arr, rtol=rtol, atol=atol)
        raise CheckFailed(f"{what} is wrong in {int(bad.sum())} of {bad.size} entries")
    with np.printoptions(precision=6, suppress=True, threshold=12):
        raise CheckFailed(f"{what} is wrong: expected\n{expected_arr}\ngot\n{actual_arr}")


def expect_costs(costs, expected, num_iterations, what, reveal=True):
    """The costs a training loop recorded at iterations 0, 100, 200, ...: how many, then
    their values."""
    costs = list(np.ravel(np.asarray(costs, dtype=float)))
    if len(costs) != len(expected):
        raise CheckFailed(f"{what}: costs should hold the cost at iterations 0, 100, "
                          f"200, ...: {len(expected)} values for {num_iterations} "
                          f"iterations, got {len(costs)}")
    expect_close(costs, expected, f"costs ({what})", reveal=reveal)


@contextlib.contextmanager
def using(fn, **references):
    """Inside the block, the global names that `fn` looks up (the notebook's namespace)
    point at stand-ins for `references`, so an exercise that calls an earlier one is graded
    on its own: a mistake in `sigmoid` does not cost the points of `propagate` as well.

    The student's code never gets a reference implementation itself: each stand-in is a
    new function that calls it, and stops working when the block ends, so code that keeps
    one cannot hand it in later as the answer to another exercise. Modules (notebook 08's
    `keras`) are handed on as they are.
    """
    namespace = getattr(fn, "__globals__", None)
    if namespace is None:
        yield
        return
    live = [True]
    stand_ins = {name: _stand_in(ref, name, live) if callable(ref) and
                 not isinstance(ref, types.ModuleType) else ref
                 for name, ref in references.items()}
    missing = object()
    saved = {name: namespace.get(name, missing) for name in stand_ins}
    namespace.update(stand_ins)
    try:
        yield
    finally:
        live[0] = False
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def _stand_in(reference, name, live):
    def stand_in(*args, **kwargs):
        if not live[0]:
            raise CheckFailed(f"this {name} was lent to your code by a check, for that "
                              "check only: write your own")
        return reference(*args, **kwargs)

    stand_in.__name__ = stand_in.__qualname__ = name
    return stand_in


def passed(name, count):
    checks = "the visible check" if count == 1 else f"all {count} visible checks"
    print(f"\N{CHECK MARK} {name}: {checks} passed")


def lines_run(fn, name, *args):
    """{(file, line): times run} of the student's own code during `fn(*args)` (the
    course's and the libraries' code is not traced)."""
    counts = collections.Counter()

    def tracer(frame, event, arg):
        if course_or_library_file(frame.f_code.co_filename):
            return None
        if event == "line":
            counts[frame.f_code.co_filename, frame.f_lineno] += 1
        return tracer

    before = sys.gettrace()
    sys.settrace(tracer)
    try:
        call(fn, name, *args)
    finally:
        sys.settrace(before)
    return counts


def assert_loop_free(fn, name, small, large):
    """Raise CheckFailed if the student's code runs more Python lines on the arguments
    `large` (more examples) than on `small`: whatever hides it (np.vectorize, a method,
    recursion over halves of the batch, a loop in a helper), that is a Python loop over
    the examples. Complements `assert_vectorized`, which reads the code."""
    few, many = lines_run(fn, name, *small), lines_run(fn, name, *large)
    if sum(many.values()) <= sum(few.values()):
        return
    (filename, line), _ = max(many.items(), key=lambda item: item[1] - few.get(item[0], 0))
    text = linecache.getline(filename, line).strip()
    raise CheckFailed(
        f"{name} runs more Python steps the more examples it gets (line {line} of its "
        f"cell, `{text}`, ran {many[filename, line]} times on the larger batch and "
        f"{few.get((filename, line), 0)} on the smaller): a Python loop over the examples, "
        "however it is hidden. Work on whole arrays instead: matrix products (@), np.sum "
        "and broadcasting")


def assert_vectorized(fn, name):
    """Raise AssertionError if `fn` runs a Python loop: a `for` or `while` loop, a
    comprehension, np.vectorize, np.frompyfunc, np.apply_along_axis, map, or Python's
    built-in sum (which walks an array's first axis in Python), in its own code or in a
    function of the same notebook that it calls. The message names the loop's line.
    Used where the lesson is vectorization (notebook 02's loop-free `standardize`).

    It reads the compiled code rather than the source, so it works alike for functions
    defined in a notebook cell and by exec: a loop compiles to a FOR_ITER or to a jump
    backwards, and nothing else does. A call of the built-in sum is a global name `sum`
    that the function's namespace resolves to builtins.sum: `np.sum` and `X.sum` are
    attribute loads, and `from numpy import sum` makes the global numpy's.
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

    def builtin_sums(code, namespace):
        """The lines where `code` (or code nested in it) loads the global name `sum`
        and that name is the built-in sum in `namespace`."""
        if "sum" in namespace:
            resolved = namespace["sum"]
        else:
            builtins_ = namespace.get("__builtins__", builtins)
            resolved = (builtins_.get("sum") if isinstance(builtins_, dict)
                        else getattr(builtins_, "sum", None))
        if resolved is not builtins.sum:
            return []
        found = [ins.positions.lineno if ins.positions else None
                 for ins in dis.get_instructions(code)
                 if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME") and ins.argval == "sum"]
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                found += builtin_sums(const, namespace)
        return found

    def quoted(code, line):
        text = linecache.getline(code.co_filename, line).strip() if line else ""
        return f" (line {line} of its cell: `{text}`)" if text else \
            f" (line {line} of its cell)" if line else ""

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
            raise CheckFailed(
                f"{where} runs a Python loop, a {kind}{quoted(code, line)}: this exercise "
                "asks for no loop at all. Work on whole arrays instead: matrix products "
                "(@), sums along an axis (np.sum(..., axis=1)) and broadcasting")
        namespace = getattr(func, "__globals__", {})
        sums = builtin_sums(code, namespace)
        if sums:
            line = min((n for n in sums if n), default=None)
            raise CheckFailed(
                f"{where} calls Python's built-in sum{quoted(code, line)}, which loops in "
                "Python over the first axis of an array, one row at a time: use np.sum "
                "instead, with axis=... for a sum along one axis")
        for used in code.co_names:
            if used in hidden_loops:
                raise CheckFailed(
                    f"{where} uses {hidden_loops[used]}, which calls Python once per "
                    "element: a Python loop in disguise. Work on whole arrays instead: "
                    "matrix products (@), np.sum and broadcasting")
            helper = namespace.get(used)
            if isinstance(helper, types.FunctionType) and helper.__globals__ is namespace:
                todo.append((helper, used))
