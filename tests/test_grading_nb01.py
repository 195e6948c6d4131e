"""Notebook 01's grading, in two layers.

1. The visible checks, called directly: every realistic wrong answer fails with a message
   that names its mistake, and every correct alternative passes.
2. The whole nbgrader pipeline in a temporary course (real nbgrader, real kernels, a
   SQLite gradebook): the solution scores full marks, the untouched release 0, each wrong
   answer loses exactly its exercise's points, correct alternatives keep them, an endless
   loop and a crashed kernel cost only their exercise while the other submissions are
   graded, cheats score 0 and are flagged, and feedback never shows a hidden test.
"""
import csv
import html
import re

import numpy as np
import pytest

from course import Course, answer_sources, with_answers
from helpers.grading import nb01
from helpers.grading.checks import NotAnswered
from nb01_answers import CHEATS, RIGHT, WRONG

NAME = "01_logistic_regression"

CHECKS = {
    "sigmoid": lambda ns: nb01.check_sigmoid(ns["sigmoid"]),
    "initialize_with_zeros":
        lambda ns: nb01.check_initialize_with_zeros(ns["initialize_with_zeros"]),
    "propagate": lambda ns: nb01.check_propagate(ns["propagate"]),
    "optimize": lambda ns: nb01.check_optimize(ns["optimize"]),
    "predict": lambda ns: nb01.check_predict(ns["predict"]),
    "model": lambda ns: nb01.check_model(ns["model"]),
    "zero_init_answer": lambda ns: (
        nb01.check_true_false(ns["zero_init_prevents_learning"], "zero_init_prevents_learning"),
        nb01.hidden_true_false(ns["zero_init_prevents_learning"], False,
                               "zero_init_prevents_learning")),
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("sigmoid", "missing minus"): r"sigmoid\(-z\)",
    ("sigmoid", "minus in denominator"): r"1 \+ exp\(-z\), not 1 - exp\(-z\)",
    ("sigmoid", "overflowing form"): r"nan for large z",
    ("sigmoid", "math.exp"): r"use numpy",
    ("sigmoid", "thresholded"): r"probability between 0 and 1",
    ("initialize_with_zeros", "rank-1 w"): r"rank-1 array",
    ("initialize_with_zeros", "row instead of column"): r"transposed",
    ("initialize_with_zeros", "b as an array"): r"b .* single number",
    ("initialize_with_zeros", "integer weights"): r"floating point",
    ("propagate", "no division by m"): r"m times too large",
    ("propagate", "Y - A"): r"wrong sign",
    ("propagate", "cost without minus"): r"cost is negative",
    ("propagate", "summed cost"): r"cost is m times too large",
    ("propagate", "dw transposed"): r"dw .* transposed",
    ("propagate", "squared error cost"): r"squared error",
    ("optimize", "gradient ascent"): r"uphill",
    ("optimize", "b never updated"): r"b never changes",
    ("optimize", "cost recorded every iteration"): r"iterations 0, 100, 200",
    ("optimize", "learning rate ignored"): r"scaled by learning_rate",
    ("predict", "probabilities"): r"returns probabilities",
    ("predict", "threshold at 0"): r"not 0",
    ("predict", "rank-1 result"): r"rank-1 array",
    ("predict", "inverted labels"): r"inverted",
    ("model", "train and test swapped"): r"swapped",
    ("model", "fixed hyper-parameters"): r"learning_rate and num_iterations it is given",
    ("model", "size from the number of examples"): r"number of rows of X_train",
    ("model", "untrained parameters returned"): r"still zero",
    ("zero_init_answer", "true"): r"not the right answer",
    ("zero_init_answer", "a string"): r"True or False \(no quotes\)",
}


def run_answer(source):
    """Execute an answer cell's source the way the notebook would, with numpy as np."""
    namespace = {"np": np}
    exec(compile(source, "<answer>", "exec"), namespace)
    return namespace


def test_every_mistake_has_an_expected_message():
    listed = {(ex, label) for ex, variants in WRONG.items() for label in variants}
    assert listed == set(MESSAGES)


@pytest.mark.parametrize("exercise,label", sorted(MESSAGES))
def test_visible_check_names_the_mistake(exercise, label):
    namespace = run_answer(WRONG[exercise][label])
    with pytest.raises(AssertionError) as err:
        CHECKS[exercise](namespace)
    assert re.search(MESSAGES[exercise, label], str(err.value)), str(err.value)


@pytest.mark.parametrize("exercise,label", sorted((e, l) for e in RIGHT for l in RIGHT[e]))
def test_visible_check_accepts_a_correct_alternative(exercise, label):
    CHECKS[exercise](run_answer(RIGHT[exercise][label]))


def test_unanswered_exercise_says_so():
    namespace = run_answer("def sigmoid(z):\n    raise NotImplementedError()\n")
    with pytest.raises(NotAnswered, match="sigmoid is not written yet"):
        nb01.check_sigmoid(namespace["sigmoid"])
    with pytest.raises(NotImplementedError, match="not answered yet"):
        nb01.check_true_false(None, "zero_init_prevents_learning")


def test_hidden_check_does_not_reveal_expected_values():
    namespace = run_answer(WRONG["propagate"]["dw transposed"])
    wrong_values = run_answer("def propagate(w, b, X, Y):\n"
                              "    return {'dw': w * 0 + 1.5, 'db': 0.25}, 0.125\n")
    with pytest.raises(AssertionError) as err:
        nb01.hidden_propagate(wrong_values["propagate"], w=[[0.0], [1.0]], b=0.0,
                              X=[[1.0, 2.0], [3.0, 4.0]], Y=[[0.0, 1.0]],
                              dw=[[0.123456], [0.654321]], db=0.5, cost=0.7)
    assert "0.123456" not in str(err.value) and "wrong in" in str(err.value)
    with pytest.raises(AssertionError, match="transposed"):
        nb01.hidden_propagate(namespace["propagate"], w=[[0.0], [1.0]], b=0.0,
                              X=[[1.0, 2.0], [3.0, 4.0]], Y=[[0.0, 1.0]],
                              dw=[[0.1], [0.2]], db=0.5, cost=0.7)


# -- the nbgrader pipeline ----------------------------------------------------------------
def _student_variants(solution):
    """{student id: (answers to replace, exercise expected to lose its points)}."""
    variants = {"solution": ({}, None)}
    for exercise, wrongs in WRONG.items():
        for i, source in enumerate(wrongs.values()):
            variants[f"wrong-{exercise}-{i}"] = ({exercise: source}, exercise)
    for exercise, rights in RIGHT.items():
        for i, source in enumerate(rights.values()):
            variants[f"right-{exercise}-{i}"] = ({exercise: source}, None)
    variants["loops-forever"] = (
        {"predict": "def predict(w, b, X):\n    return 0\n\nwhile True:\n    pass\n"},
        "predict")
    variants["crashes-kernel"] = (
        {"optimize": solution["optimize"] + "\nnp.lib.stride_tricks.as_strided("
                     "np.zeros(1), shape=(10**8,), strides=(8 * 10**6,)).sum()\n"},
        "optimize")
    return variants


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Every submission below, autograded in one nbgrader run."""
    course = Course(tmp_path_factory.mktemp("course"), NAME)
    solution = answer_sources(course.solution)
    variants = _student_variants(solution)
    for student, (answers, _) in variants.items():
        course.submit(student, with_answers(course.release, {**solution, **answers}))
    course.submit("untouched", course.release)
    for i, cheat in enumerate(CHEATS.values()):
        course.submit(f"cheat-{i}", with_answers(course.release, {
            **solution, "sigmoid": cheat + "\n" + solution["sigmoid"]}))
    edited = with_answers(course.release, {**solution, "sigmoid": WRONG["sigmoid"]["thresholded"]})
    for cell in edited.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "sigmoid_tests":
            cell.source = "print('all good')"
    course.submit("edited-test-cell", edited)
    deleted = with_answers(course.release, solution)
    deleted.cells = [c for c in deleted.cells
                     if c.metadata.get("nbgrader", {}).get("grade_id") != "propagate_tests"]
    course.submit("deleted-test-cell", deleted)
    # A short cell time limit keeps the endless loop's cost down; the config's own limit
    # is what instructors use.
    run = course.autograde("--Execute.timeout=15")
    return course, run, variants, course.scores(), course.max_scores()


def _exercise_of(test_cell):
    return {"zero_init_tests": "zero_init_answer"}.get(test_cell,
                                                       test_cell.removesuffix("_tests"))


def test_pipeline_completes_without_errors(graded):
    course, run, *_ = graded
    assert run.returncode == 0, run.stderr[-3000:]


def test_solution_scores_full_marks(graded):
    _, _, _, scores, max_scores = graded
    assert scores["solution"] == max_scores


def test_untouched_release_scores_zero(graded):
    _, _, _, scores, max_scores = graded
    assert set(scores["untouched"]) == set(max_scores)
    assert sum(scores["untouched"].values()) == 0


def test_each_submission_loses_exactly_its_exercise(graded):
    _, _, variants, scores, max_scores = graded
    for student, (_, losing) in variants.items():
        for cell, points in scores[student].items():
            expected = 0 if _exercise_of(cell) == losing else max_scores[cell]
            assert points == expected, f"{student}: {cell} scored {points}, expected {expected}"


def test_kernel_crash_is_recorded_and_grading_goes_on(graded):
    course = graded[0]
    outputs = [o for c in course.autograded("crashes-kernel").cells for o in c.get("outputs", [])]
    assert any(o.get("ename") == "KernelDied" for o in outputs)


def test_cheats_score_zero_and_are_flagged(graded):
    course, run, _, scores, _ = graded
    for i, label in enumerate(CHEATS):
        student = f"cheat-{i}"
        assert sum(scores[student].values()) == 0, label
        flag = course.folder / "autograded" / student / NAME / "FLAGGED.txt"
        assert flag.exists(), label
    assert "FLAGGED" in run.stderr


def test_edited_and_deleted_test_cells_are_restored(graded):
    _, _, _, scores, max_scores = graded
    assert scores["edited-test-cell"]["sigmoid_tests"] == 0
    assert scores["deleted-test-cell"] == max_scores


def _visible_text(html_path):
    """The text a student reads in a feedback page: tags stripped, entities decoded,
    white space removed (syntax highlighting splits code into many spans)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", html_path.read_text()))
    return re.sub(r"\s+", "", text)


def test_feedback_and_grades_reveal_no_hidden_test(graded):
    course = graded[0]
    done = course.nbgrader("generate_feedback", NAME, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    hidden, visible = [], []
    for cell in course.solution.cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            before, rest = cell.source.split("### BEGIN HIDDEN TESTS")
            visible += [line for line in before.splitlines() if line.strip()]
            hidden += [line for line in rest.split("### END HIDDEN TESTS")[0].splitlines()
                       if len(line.strip()) > 12]
    assert hidden and visible
    for student in ("solution", "wrong-propagate-0", "untouched"):
        text = _visible_text(course.folder / "feedback" / student / NAME / f"{NAME}.html")
        assert "(hiddentestsranhere)" in text
        for line in visible:
            assert re.sub(r"\s+", "", line) in text, line
        for line in hidden:
            assert re.sub(r"\s+", "", line) not in text, line


def test_grades_export(graded):
    course = graded[0]
    exported = course.nbgrader("export", check=False)
    assert exported.returncode == 0, exported.stderr[-2000:]
    with open(course.folder / "grades.csv", newline="") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)}
    assert float(rows["solution"]["score"]) == float(rows["solution"]["max_score"]) == 12.0
    assert float(rows["untouched"]["score"]) == 0.0
