"""The whole nbgrader pipeline, for every graded notebook, in a temporary course: real
nbgrader, real kernels, a SQLite gradebook, one `nbgrader autograde` run per notebook.

The solution scores full marks and the untouched release 0; a submission with a wrong
answer to every exercise (the first of each in the notebook's answers module) loses each
exercise's points while the exercises answered correctly keep theirs; one with correct
alternatives keeps them (tests/test_exercises.py runs all the other answers in-process);
a crashed kernel, and on one notebook an endless loop, cost only their exercise while the
other submissions are graded; cheats score 0 and are flagged; edited or deleted test
cells are restored; feedback never shows a hidden test; grades export.
"""
import csv
import html
import re

import nbformat
import pytest

from answers import MODULES
from course import CRASH, Course, answer_sources, first_of_each, with_answers
from helpers.grading.guard import is_answer, notebook_names

# The notebook whose submissions also loop forever (see the loop test).
LOOPING_MODULE = MODULES[0]
LOOPING = LOOPING_MODULE.NAME


def _variants(module, solution):
    """{student id: (answers replacing the solution's, exercises that must lose points)}."""
    variants = {"solution": ({}, set())}
    # One submission of wrong answers and one of correct alternatives show that nbgrader
    # scores what the test cells do; tests/test_exercises.py runs every other answer's
    # test cell in-process, where a kernel adds nothing but time.
    wrong = first_of_each(module.WRONG)
    variants["wrong"] = (wrong, set(wrong))
    variants["right"] = (first_of_each(module.RIGHT), set())
    variants["crashes-kernel"] = ({module.CRASHES: solution[module.CRASHES] + CRASH},
                                  {module.CRASHES})
    if module.NAME == LOOPING:
        # The loop runs before the definition, so the interrupted cell defines nothing.
        variants["loops-forever"] = (
            {module.LOOPS: "while True:\n    pass\n\n" + solution[module.LOOPS]},
            {module.LOOPS})
        # A bare `except:` catches the time limit's interrupt too.
        variants["swallows-interrupt"] = (
            {module.LOOPS: "while True:\n    try:\n        while True:\n            pass\n"
                           "    except:\n        pass\n\n" + solution[module.LOOPS]},
            {module.LOOPS})
    return variants


def _notebook_variable(nb):
    """A variable the notebook's own cells define (its data, say), which answers may not
    read."""
    for cell in nb.cells:
        if cell.cell_type == "code" and not is_answer(cell):
            bound, imported = notebook_names(cell.source)
            if bound - imported:
                return sorted(bound - imported)[0]
    raise AssertionError("the notebook defines no variable")


class Graded:
    """One notebook's course after autograding every submission.

    Each run of a notebook costs its whole run time, so the cases that keep or lose the
    same points share a submission: "wrong" also has its first test cell edited (it is
    restored, and still fails); "right" also imports from numpy, has a test cell deleted
    (restored, and passes) and a scratch cell reading the notebook's data (left out);
    "crashes-kernel" also has a slip (reading the notebook's data) in another exercise,
    which costs that exercise alone. Flagged cheats are not run at all."""

    def __init__(self, module, folder):
        self.module, self.name = module, module.NAME
        self.course = course = Course(folder, module.NAME)
        self.solution = solution = answer_sources(course.solution)
        first = next(iter(solution))
        self.variants = variants = _variants(module, solution)
        self.peeked = _notebook_variable(course.release)
        self.slipped = next(ex for ex in solution if ex != module.CRASHES)
        crash_answers, crash_losing = variants["crashes-kernel"]
        variants["crashes-kernel"] = (
            {**crash_answers,
             self.slipped: f"peek = {self.peeked}\n" + solution[self.slipped]},
            crash_losing | {self.slipped})
        right = variants["right"][0]
        right[first] = "from numpy import exp as _unused\n" + right.get(first, solution[first])
        self.deleted = list(solution)[len(solution) // 2] + "_tests"
        notebooks = {student: with_answers(course.release, {**solution, **answers})
                     for student, (answers, _) in variants.items()}
        for cell in notebooks["wrong"].cells:
            if _grade_id(cell) == f"{first}_tests":
                cell.source = "print('all good')"
        notebooks["right"].cells = [c for c in notebooks["right"].cells
                                    if _grade_id(c) != self.deleted]
        notebooks["right"].cells.append(nbformat.v4.new_code_cell(f"print({self.peeked})"))
        notebooks["untouched"] = course.release
        for i, cheat in enumerate(module.CHEATS.values()):
            notebooks[f"cheat-{i}"] = with_answers(
                course.release, {**solution, first: cheat + "\n" + solution[first]})
        for student, nb in notebooks.items():
            course.submit(student, nb)
        # A short cell time limit keeps the endless loops' cost down; instructors get the
        # config's own limit.
        timeout = 10 if module.NAME == LOOPING else 25
        self.run = course.autograde(f"--Execute.timeout={timeout}")
        self.scores, self.max_scores = course.scores(), course.max_scores()


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


_GRADED = {}


@pytest.fixture(scope="module", params=MODULES, ids=lambda m: m.NAME)
def graded(request, tmp_path_factory):
    # Cached: the loop test re-parametrizes this fixture, which must not grade again.
    module = request.param
    if module.NAME not in _GRADED:
        _GRADED[module.NAME] = Graded(module, tmp_path_factory.mktemp(module.NAME[:2]))
    return _GRADED[module.NAME]


def test_pipeline_completes_without_errors(graded):
    assert graded.run.returncode == 0, graded.run.stderr[-3000:]


def test_solution_scores_full_marks(graded):
    assert graded.scores["solution"] == graded.max_scores


def test_untouched_release_scores_zero(graded):
    assert set(graded.scores["untouched"]) == set(graded.max_scores)
    assert sum(graded.scores["untouched"].values()) == 0


def test_each_submission_loses_exactly_its_exercise(graded):
    for student, (_, losing) in graded.variants.items():
        for cell, points in graded.scores[student].items():
            expected = 0 if cell.removesuffix("_tests") in losing else graded.max_scores[cell]
            assert points == expected, f"{student}: {cell} scored {points}, expected {expected}"


def test_a_slip_is_flagged_and_a_scratch_cell_left_out(graded):
    folder = graded.course.folder / "autograded"
    assert f"{graded.slipped}, line 1: uses `{graded.peeked}`" in \
        (folder / "crashes-kernel" / graded.name / "FLAGGED.txt").read_text()
    assert not (folder / "right" / graded.name / "FLAGGED.txt").exists()
    last = graded.course.autograded("right").cells[-1]
    assert "left this added cell out" in last.outputs[0].text


def test_kernel_crash_is_recorded_and_grading_goes_on(graded):
    cells = graded.course.autograded("crashes-kernel").cells
    assert any(o.get("ename") == "KernelDied" and "crashed" in o.get("evalue")
               for c in cells for o in c.get("outputs", []))


@pytest.mark.parametrize("graded", [LOOPING_MODULE], indirect=True, ids=lambda m: m.NAME)
def test_a_loop_that_swallows_the_interrupt_costs_only_its_exercise(graded):
    """The time limit is GuardedExecute's, the same for every notebook: it is tested on
    the quickest one. What a lost exercise does to the rest of a notebook, which differs
    from notebook to notebook, the kernel crash tests on each."""
    cells = graded.course.autograded("swallows-interrupt").cells
    assert any(o.get("ename") == "CellTimeoutError" and "kernel was killed" in o.get("evalue")
               for c in cells for o in c.get("outputs", []))
    assert "loops-forever" in graded.variants


def test_cheats_score_zero_and_are_flagged(graded):
    for i, label in enumerate(graded.module.CHEATS):
        student = f"cheat-{i}"
        assert sum(graded.scores[student].values()) == 0, label
        flag = graded.course.folder / "autograded" / student / graded.name / "FLAGGED.txt"
        assert flag.exists(), label
    assert "FLAGGED" in graded.run.stderr


def test_edited_and_deleted_test_cells_are_restored(graded):
    first = next(iter(graded.solution))
    wrong = {_grade_id(c): c for c in graded.course.autograded("wrong").cells}
    assert "print('all good')" not in wrong[f"{first}_tests"].source
    assert graded.scores["wrong"][f"{first}_tests"] == 0
    right = {_grade_id(c): c for c in graded.course.autograded("right").cells}
    assert _restored_and_run(right, graded.deleted)
    assert graded.scores["right"][graded.deleted] == graded.max_scores[graded.deleted]


def _restored_and_run(cells, grade_id):
    """Whether the autograded notebook has the deleted test cell back, and it ran."""
    cell = cells.get(grade_id)
    return cell is not None and cell.execution_count is not None


def _visible_text(path):
    """The text a student reads in a feedback page: tags stripped, entities decoded,
    white space removed (syntax highlighting splits code into many spans)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", path.read_text()))
    return re.sub(r"\s+", "", text)


def test_feedback_reveals_no_hidden_test(graded):
    course, name = graded.course, graded.name
    done = course.nbgrader("generate_feedback", name, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    hidden, visible = [], []
    for cell in course.solution.cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            before, rest = cell.source.split("### BEGIN HIDDEN TESTS")
            visible += [line for line in before.splitlines() if line.strip()]
            hidden += [line for line in rest.split("### END HIDDEN TESTS")[0].splitlines()
                       if len(line.strip()) > 12]
    assert hidden and visible
    for student in ("solution", "wrong", "untouched"):
        text = _visible_text(course.folder / "feedback" / student / name / f"{name}.html")
        assert "(hiddentestsranhere)" in text
        for line in visible:
            assert re.sub(r"\s+", "", line) in text, line
        for line in hidden:
            assert re.sub(r"\s+", "", line) not in text, line


def test_grades_export(graded):
    exported = graded.course.nbgrader("export", check=False)
    assert exported.returncode == 0, exported.stderr[-2000:]
    with open(graded.course.folder / "grades.csv", newline="") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)
                if row["assignment"] == graded.name}
    total = sum(graded.max_scores.values())
    assert float(rows["solution"]["score"]) == float(rows["solution"]["max_score"]) == total
    assert float(rows["untouched"]["score"]) == 0.0
