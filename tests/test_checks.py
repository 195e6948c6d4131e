"""Every notebook's visible checks, called directly on realistic answers: each wrong
answer fails with a message naming its mistake, each correct alternative passes, and
every exercise has at least two wrong answers and one alternative to be tested with."""
import re

import nbformat
import pytest

from answers import MODULES, run_answer
from course import ROOT, answer_sources

WRONG = [(m, ex, label) for m in MODULES for ex in m.WRONG for label in m.WRONG[ex]]
RIGHT = [(m, ex, label) for m in MODULES for ex in m.RIGHT for label in m.RIGHT[ex]]


def _id(case):
    module, exercise, label = case
    return f"{module.NAME[:2]}-{exercise}-{label}"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_every_exercise_is_covered(module):
    solution = nbformat.read(ROOT / "solutions" / module.NAME / f"{module.NAME}.ipynb", 4)
    exercises = set(answer_sources(solution))
    assert set(module.CHECKS) == exercises
    for exercise in exercises:
        assert len(module.WRONG.get(exercise, {})) >= 2, f"{exercise}: two wrong answers"
        assert len(module.RIGHT.get(exercise, {})) >= 1, f"{exercise}: one alternative"
    listed = {(ex, label) for ex, variants in module.WRONG.items() for label in variants}
    assert listed == set(module.MESSAGES)


@pytest.mark.parametrize("case", WRONG, ids=_id)
def test_visible_check_names_the_mistake(case):
    module, exercise, label = case
    namespace = run_answer(module.WRONG[exercise][label])
    with pytest.raises(AssertionError) as err:
        module.CHECKS[exercise](namespace)
    assert re.search(module.MESSAGES[exercise, label], str(err.value)), str(err.value)


@pytest.mark.parametrize("case", RIGHT, ids=_id)
def test_visible_check_accepts_a_correct_alternative(case):
    module, exercise, label = case
    module.CHECKS[exercise](run_answer(module.RIGHT[exercise][label]))
