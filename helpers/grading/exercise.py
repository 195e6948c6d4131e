"""An exercise declared once: its reference, its visible cases, the mistakes it names and
the earlier exercises it lends; the visible and hidden checks are made from that.

    PROPAGATE = Exercise(
        "propagate", ref.propagate,
        visible=[Case((W, B, X, Y), label="2 features, 4 examples")],
        parts={"dw": (0, "dw"), "db": (0, "db"), "cost": (1,)},
        returns="(grads, cost), grads a dict with 'dw' and 'db'",
        mistakes={"dw": DW_MISTAKES, "db": DB_MISTAKES, "cost": COST_MISTAKES},
        uses={"sigmoid": ref_sigmoid})

What every check does, in one place (`run`, `grade`):
- the student's function gets copies of the inputs, so it cannot change the check's
  arrays, and an input it changed in place is named (unless `may_change` allows it);
- the earlier exercises it calls are the reference versions, lent as stand-ins
  (`checks.using`), so one mistake is not paid twice;
- its result is rebuilt from exact types (`checks.plain`), then taken apart into the
  graded `parts` (a path of tuple indices and dict keys each), with a message naming the
  first piece of structure that is missing;
- each part is compared with the reference's to tolerance; a wrong part is matched
  against that part's `mistakes` (each `Mistake.wrong` takes the function's own
  arguments and returns what the mistake gives for the part), and the message names the
  first that matches.
An exercise may replace that comparison (`compare`) and add checks after it (`also`), as
notebook 03 does for its kinks and its |z| up to 1000.
An exercise whose result is judged by what it does rather than by its value (a Keras
model, a compiled model, a training run: notebook 08) says how to observe it (`measure`);
its parts are then the observations, compared with the reference's as above.
Before the comparison an exercise may check what the function does (`before`), and
after it that the function runs no Python loop (`loop_free`), as notebook 02 does.

The hidden cases are not here: this package is installed where students work. They are
written in the hidden part of each test cell as `checks.hidden("name", fn, args=...,
expected=...)`, and `python -m helpers.grading.literals` fills in `expected` from the
reference (the grader compares against those literals, which no student code can reach).

Introduced with notebook 01; every graded notebook declares its exercises this way.
"""
import copy
import inspect
from dataclasses import dataclass, field
from typing import Callable, Mapping, NamedTuple, Sequence

import numpy as np

from .checks import (CheckFailed, Mistake, as_array, as_scalar, assert_loop_free,
                     assert_vectorized, call, expect_close, hidden, passed, shown, using)


class Case(NamedTuple):
    """One call of an exercise: positional and keyword arguments, and how a message names
    the case ("2 features, 4 examples")."""

    args: tuple = ()
    kwargs: Mapping = {}
    label: str = ""


@dataclass(frozen=True)
class Exercise:
    """An exercise; see the module's docstring.

    name: the student's function, as the notebook defines it.
    reference: the course's implementation, with the same signature.
    visible: the cases of the visible check.
    parts: graded part -> path into the result (() is the whole result, (0, "dw") is
        result[0]["dw"]). A part whose reference value is a single number must be one
        (any one-element array passes); an array part must have the reference's shape.
    returns: the result's structure in words, for messages.
    mistakes: part -> Mistake list, each `wrong(*args, **kwargs)` giving that part.
    uses: names of earlier exercises -> their reference, lent while the function runs.
    inputs: turns a case's arguments into the function's (a hidden case that names a
        seed rather than spelling out its data); the default passes them on.
    inspect: `inspect(parts, expected, what)` checks what comparison cannot (a dtype, a
        0-d value, a list's length) and raises CheckFailed; it runs before the comparison.
        It may return the parts to compare instead of those it got (a number where the
        reference has a (1, 1) array and the exercise accepts either).
    before: `before(call, args, kwargs, what)` runs after `inspect`, before the
        comparison, for a mistake that a comparison could only call a wrong value;
        `call(*args, **kwargs)` calls the function as the check does and returns its plain
        result, `what` names the exercise and the case. Notebook 02 calls a training run
        again with another generator: the same result means it made a generator of its own.
    loop_free: for an exercise that must run no Python loop, `loop_free(*args, **kwargs)`
        gives the positional arguments of a larger batch (more examples) than the case's.
        Once the parts are right, the function's code must hold no loop
        (`checks.assert_vectorized`) and it must run no more Python lines on the larger
        batch than on the case (`checks.assert_loop_free`). Notebook 02.
    may_change: the arguments the function may change in place (a training loop that
        updates the `w` it was given).
    cell: the grade_id of its answer cell, if not `name` (notebook 03 asks for a function
        and its derivative in one cell).
    hints: (text, hint) pairs: a crash whose message holds `text` gets `hint` added, for
        the crashes this exercise provokes.
    compare: `compare(value, expected, what, mistakes, args, kwargs, reveal)` replaces the
        default comparison of a part (`as_array` or `as_scalar`, then
        `checks.expect_close`): `value` is the part as the function returned it,
        `expected` the reference's as a float array, `mistakes` the part's Mistakes bound
        to the case (each `wrong()` takes no argument), `args`/`kwargs` the case's
        arguments; it raises CheckFailed. Notebook 03 uses it for kinks (any slope between
        the one-sided ones at z = 0) and to describe wrong entries.
        It may be a mapping {part: compare} instead, for parts compared differently.
    also: `also(call, args, kwargs, what)` runs after each case's parts all passed, for
        what one expected value cannot say; `call(*args, **kwargs)` calls the function
        the way the check does (copies, lent exercises, in-place changes named) and
        returns its plain result, `what` names the exercise and the case. Notebook 03
        checks that nothing is nan for |z| up to 1000.
    measure: for an exercise judged by what its result does (notebook 08's Keras
        exercises), `measure(fn, what, reveal, args, kwargs)` calls the student's `fn`
        itself, on inputs made from the case's arguments, watches what the result does
        and returns the observations that `parts` take apart (numbers and arrays); it
        raises CheckFailed for a mistake it can name on the way (`reveal` False: name no
        value). `reference(*args, **kwargs)` then gives the expected observations
        directly, computed without the student's code, and a `compare` gets the whole
        observation as `observed=` too, to name a mistake from what else it saw.
    """

    name: str
    reference: Callable
    visible: Sequence[Case]
    parts: Mapping[str, tuple] = field(default_factory=lambda: {"value": ()})
    returns: str = "an array"
    mistakes: Mapping[str, Sequence[Mistake]] = field(default_factory=dict)
    uses: Mapping[str, Callable] = field(default_factory=dict)
    inputs: Callable = None
    inspect: Callable = None
    may_change: Sequence[str] = ()
    hints: Sequence[tuple] = ()
    cell: str = ""
    before: Callable = None
    loop_free: Callable = None
    compare: Callable | Mapping[str, Callable] = None
    also: Callable = None
    measure: Callable = None
    rtol: float = 1e-6
    atol: float = 1e-9

    def __post_init__(self):
        if not self.cell:
            object.__setattr__(self, "cell", self.name)

    def arguments(self, case):
        """(args, kwargs) that the function gets for `case`."""
        if self.inputs is None:
            return tuple(case.args), dict(case.kwargs)
        return self.inputs(*case.args, **case.kwargs)

    def expected(self, case):
        """{part: the reference's value} for `case`."""
        args, kwargs = self.arguments(case)
        result = self.reference(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        return unpack(self, result, "the reference")

    def comparison(self, part):
        """The `compare` of `part`, or None for the default comparison."""
        if isinstance(self.compare, Mapping):
            return self.compare.get(part)
        return self.compare


def run(exercise, fn, args, kwargs):
    """The student's `fn(*args, **kwargs)` on copies, the earlier exercises lent; fails if
    it changed an input it was not allowed to."""
    given_args, given_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    try:
        with using(fn, **exercise.uses):
            result = call(fn, exercise.name, *given_args, **given_kwargs)
    except CheckFailed as err:
        hint = next((h for text, h in exercise.hints if text in str(err)), None)
        if hint is None:
            raise
        raise CheckFailed(f"{err}{hint}") from err.__cause__
    names = _parameter_names(exercise.reference, len(args))
    for name, before, after in [*zip(names, args, given_args),
                                *((k, kwargs[k], given_kwargs[k]) for k in kwargs)]:
        if name not in exercise.may_change and not _same(before, after):
            raise CheckFailed(
                f"{exercise.name} changed its argument {name} in place: build new arrays "
                f"(x = x - ..., np.where, arithmetic) instead of writing into {name} "
                "(x -= ..., x[...] = ...). The caller still needs what it passed in")
    return result


def _parameter_names(fn, count):
    names = [p.name for p in inspect.signature(fn).parameters.values()
             if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return names[:count] + [f"#{i + 1}" for i in range(len(names), count)]


def _same(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype \
            and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and \
            all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and (a == b or a != a and b != b)


def unpack(exercise, result, what):
    """{part: value} from `result`, or CheckFailed naming the missing piece."""
    parts = {}
    for part, path in exercise.parts.items():
        value, where = result, what
        for step in path:
            if isinstance(step, int):
                if not (type(value) is tuple and len(value) > step):
                    raise CheckFailed(f"{exercise.name} should return {exercise.returns}; "
                                      f"{where} is {_kind(value)}")
                where = f"{where}[{step}]"
            elif type(value) is not dict or step not in value:
                keys = f" (its keys: {shown(sorted(map(str, value)))})" \
                    if type(value) is dict else f": it is {_kind(value)}"
                raise CheckFailed(f"{exercise.name} should return {exercise.returns}; "
                                  f"{where} has no key {step!r}{keys}")
            else:
                where = f"{where}[{step!r}]"
            value = value[step]
        parts[part] = value
    return parts


def _kind(value):
    if type(value) is tuple:
        return f"a tuple of {len(value)}"
    return f"a {type(value).__name__}"


def grade(exercise, fn, case, expected, reveal):
    """Compare the student's `fn` on `case` with `expected` ({part: value})."""
    args, kwargs = exercise.arguments(case)
    label = f" ({case.label})" if case.label else ""
    if exercise.measure is None:
        observed = run(exercise, fn, args, kwargs)
    else:
        observed = exercise.measure(fn, f"{exercise.name}{label}", reveal, args, kwargs)
    got = unpack(exercise, observed, f"what {exercise.name} returned")
    if exercise.inspect is not None:
        got = exercise.inspect(got, expected, f"{exercise.name}{label}") or got
    if exercise.before is not None:
        exercise.before(lambda *a, **k: run(exercise, fn, a, k), args, kwargs,
                        f"{exercise.name}{label}")
    for part, want in expected.items():
        what = f"{exercise.name}{label}" if list(exercise.parts) == [part] else \
            f"{part} from {exercise.name}{label}"
        value = got[part]
        mistakes = [Mistake(m.message, _bound(m.wrong, args, kwargs))
                    for m in exercise.mistakes.get(part, ())]
        compare = exercise.comparison(part)
        if compare is not None:
            extra = {} if exercise.measure is None else {"observed": observed}
            compare(value, np.asarray(want, dtype=float), what, mistakes, args, kwargs,
                    reveal, **extra)
            continue
        if type(want) is list and type(value) in (list, tuple):
            value = np.asarray(value)  # a list where the reference returns one (costs)
        want = np.asarray(want, dtype=float)
        actual = as_scalar(value, what) if want.ndim == 0 else \
            as_array(value, what, want.shape)
        expect_close(actual, want, what, mistakes, rtol=exercise.rtol, atol=exercise.atol,
                     reveal=reveal)
    if exercise.loop_free is not None:
        _loop_free(exercise, fn, args, kwargs)
    if exercise.also is not None:
        exercise.also(lambda *a, **k: run(exercise, fn, a, k), args, kwargs,
                      f"{exercise.name}{label}")


def _loop_free(exercise, fn, args, kwargs):
    """No Python loop in `fn`: none in its code, and none run over the examples."""
    assert_vectorized(fn, exercise.name)
    larger = exercise.loop_free(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    with using(fn, **exercise.uses):
        assert_loop_free(fn, exercise.name, copy.deepcopy(args), tuple(larger))


def _bound(wrong, args, kwargs):
    def value():
        return wrong(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    return value


def visible_check(exercise):
    """The visible check of `exercise`: every visible case against the reference."""
    def check(fn):
        for case in exercise.visible:
            grade(exercise, fn, case, exercise.expected(case), reveal=True)
        passed(exercise.name, len(exercise.visible))
    check.__name__ = f"check_{exercise.name}"
    check.__doc__ = f"Visible check of {exercise.name}: {len(exercise.visible)} cases."
    return check


def hidden_checks(exercises):
    """The `hidden(name, fn, args=..., kwargs=..., expected=...)` of a notebook's test
    cells, for its declared `exercises` ({name: Exercise})."""
    @hidden
    def check(name, fn, args=(), kwargs=None, expected=None):
        exercise = exercises[name]
        grade(exercise, fn, Case(tuple(args), kwargs or {}, "a hidden case"), expected,
              reveal=False)
    return check
