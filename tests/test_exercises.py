"""Every graded notebook's test cells, run in this process the way a kernel would run them
(the solution's answer cells, one of them replaced, then the test cell), and every
declared exercise's listed mistakes. nbgrader adds nothing to these: tests/test_pipeline.py
shows, on a few submissions per notebook, that nbgrader scores what these cells do.

- the solution passes every test cell;
- each realistic wrong answer (tests/nbNN_answers.py WRONG) fails the visible part of its
  test cell (unless the exercise is one of the QUESTIONS, whose visible check fails only
  malformed answers) and the hidden part on its own, and the hidden part's message shows
  no value;
- each correct alternative (RIGHT) passes the whole test cell;
- each mistake an exercise lists (helpers/grading/nbNN.py, EXERCISES) is named by the
  visible check and fails the hidden tests, given a function that makes only that mistake
  (made from the mistake itself, or for an exercise judged by what its result does,
  written by the answers module's `making`);
- the hidden tests' expected values are what `python -m helpers.grading.literals` computes
  from the reference;
- every one of these answers, wrong or right, breaks no rule of the guard, so under
  nbgrader too it costs (or keeps) only its own exercise's points.
"""
import copy
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from answers import MODULES, run_answer
from course import ROOT, answer_sources
from helpers.grading import literals
from helpers.grading.checks import CheckFailed
from helpers.grading.guard import NOTEBOOK_NAMES, is_answer, scan_answers

BEGIN = "### BEGIN HIDDEN TESTS"


def _solution(module):
    return nbformat.read(ROOT / "solutions" / module.NAME / f"{module.NAME}.ipynb", 4)


def _test_cells(module):
    """{exercise: test cell source}: the test cell after each answer cell."""
    cells, exercise = {}, None
    for cell in _solution(module).cells:
        nbgrader = cell.metadata.get("nbgrader", {})
        if nbgrader.get("solution"):
            exercise = nbgrader["grade_id"]
        elif nbgrader.get("grade") and exercise is not None:
            cells[exercise] = cell.source
    return cells


def _run(module, test_source, replaced=None):
    """Run the solution's answer cells, with `replaced` ({exercise: source}) in place of
    theirs, then `test_source`, in one namespace, as a kernel would."""
    namespace = {"np": np, "checks": literals.checks_module(module.NAME)}
    namespace.update(getattr(module, "notebook_data", dict)())
    for exercise, source in answer_sources(_solution(module)).items():
        exec(compile((replaced or {}).get(exercise, source), f"<{exercise}>", "exec"),
             namespace)
    exec(compile(test_source, "<tests>", "exec"), namespace)


def _answer(module, source):
    """What an answer cell's `source` defines, run with what the notebook's cells define."""
    namespace = {"np": np, **getattr(module, "notebook_data", dict)()}
    exec(compile(source, "<answer>", "exec"), namespace)
    return namespace


def _cases(kind):
    return [pytest.param(m, ex, label, id=f"{m.NAME[:2]}-{ex}-{label}")
            for m in MODULES for ex, variants in getattr(m, kind).items()
            for label in variants]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME[:2])
def test_the_solution_passes_every_test_cell(module):
    for source in _test_cells(module).values():
        _run(module, source)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME[:2])
def test_no_wrong_or_right_answer_breaks_a_rule(module):
    own = [c.source for c in _solution(module).cells
           if c.cell_type == "code" and not is_answer(c)]
    for kind in ("WRONG", "RIGHT"):
        for exercise, variants in getattr(module, kind).items():
            for label, source in variants.items():
                assert scan_answers([(exercise, source)], own,
                                    NOTEBOOK_NAMES.get(module.NAME, ()),
                                    defined=answer_sources(_solution(module))) == [], \
                    f"{kind} {exercise}: {label}"


@pytest.mark.parametrize("module, exercise, label", _cases("RIGHT"))
def test_a_correct_alternative_passes_its_whole_test_cell(module, exercise, label):
    _run(module, _test_cells(module)[exercise], {exercise: module.RIGHT[exercise][label]})


def _course_numbers(module):
    """Decimal numbers in the checks module's own text (its messages may quote them)."""
    path = Path(literals.checks_module(module.NAME).__file__)
    return set(DECIMAL.findall(path.read_text()))


DECIMAL = re.compile(r"\d*\.\d+(?:e[-+]?\d+)?")


@pytest.mark.parametrize("module, exercise, label", _cases("WRONG"))
def test_a_wrong_answer_fails_the_visible_and_the_hidden_part(module, exercise, label):
    source = _test_cells(module)[exercise]
    wrong = {exercise: module.WRONG[exercise][label]}
    # A question's visible check fails only a malformed answer (it cannot tell a wrong one).
    if exercise not in getattr(module, "QUESTIONS", ()):
        with pytest.raises(AssertionError):
            _run(module, source.split(BEGIN)[0], wrong)
    with pytest.raises(AssertionError) as err:
        _run(module, source.split(BEGIN)[1], wrong)
    shown = set(DECIMAL.findall(re.sub(r"alpha=[\d.]+", "", str(err.value))))
    assert not shown - _course_numbers(module), str(err.value)


# -- the declared exercises' own mistakes -------------------------------------------------
DECLARED = [(m, name) for m in MODULES
            for name in getattr(literals.checks_module(m.NAME), "EXERCISES", {})]
MISTAKES = [pytest.param(m, name, part, k, id=f"{m.NAME[:2]}-{name}-{part}-{k}")
            for m, name in DECLARED
            for part, listed in literals.checks_module(m.NAME).EXERCISES[name]
            .mistakes.items() for k in range(len(listed))]


def _making(exercise, part, mistake):
    """A function that answers as the reference does, except for `part`, which it gets
    wrong the way `mistake` does."""
    def answer(*args, **kwargs):
        wrong = mistake.wrong(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        if not exercise.parts[part]:
            return wrong
        result = _mutable(exercise.reference(*copy.deepcopy(args), **copy.deepcopy(kwargs)))
        *path, last = exercise.parts[part]
        holder = result
        for step in path:
            holder = holder[step]
        holder[last] = wrong
        return _frozen(result)
    return answer


class _Tuple(list):
    """A tuple of the result, made a list for a moment so that one part can be set."""


def _mutable(value):
    if type(value) is tuple:
        return _Tuple(_mutable(v) for v in value)
    return {k: _mutable(v) for k, v in value.items()} if type(value) is dict else value


def _frozen(value):
    """Undo `_mutable`: its tuples (a cache inside the result, say) are tuples again."""
    if type(value) is _Tuple:
        return tuple(_frozen(v) for v in value)
    return {k: _frozen(v) for k, v in value.items()} if type(value) is dict else value


class _Counting:
    """Stands for the checks module in a hidden part: counts the hidden tests that fail."""

    def __init__(self, checks):
        self.checks, self.calls, self.failures = checks, 0, 0

    def __getattr__(self, name):  # the cell's other checks, as they are
        return getattr(self.checks, name)

    def hidden(self, *args, **kwargs):
        self.calls += 1
        try:
            self.checks.hidden(*args, **kwargs)
        except CheckFailed:
            self.failures += 1


@pytest.mark.parametrize("module, name, part, k", MISTAKES)
def test_every_listed_mistake_is_named_and_fails_the_hidden_tests(module, name, part, k):
    checks = literals.checks_module(module.NAME)
    exercise = checks.EXERCISES[name]
    mistake = exercise.mistakes[part][k]
    if exercise.measure is None:
        answer = _making(exercise, part, mistake)
    else:  # judged by what its result does: the answers module writes the mistake
        answer = _answer(module, module.making(name, part, k))[name]
    with pytest.raises(CheckFailed) as err:
        getattr(checks, f"check_{name}")(answer)
    assert mistake.message in str(err.value)
    counting = _Counting(checks)
    namespace = {"np": np, "checks": counting,
                 **{n: ex.reference for n, ex in checks.EXERCISES.items()}, name: answer}
    exec(_test_cells(module)[exercise.cell].split(BEGIN)[1], namespace)
    assert counting.calls, f"{name} has no hidden test"
    assert counting.failures, f"no hidden test of {name} fails this mistake"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME[:2])
def test_hidden_literals_are_the_references_answers(module):
    if not hasattr(literals.checks_module(module.NAME), "EXERCISES"):
        pytest.skip(f"{module.NAME} declares no exercises yet")
    assert literals.main(["--check", module.NAME]) == 0
    # The built notebook holds the same hidden tests as its text source.
    solution_text = (ROOT / "solutions" / module.NAME / f"{module.NAME}.py").read_text()
    built = "\n".join(c.source for c in _solution(module).cells)
    for block in solution_text.split(BEGIN)[1:]:
        assert block.split("### END HIDDEN TESTS")[0].strip() in built
