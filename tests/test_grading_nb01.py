"""Notebook 01's checks, beyond what tests/test_checks.py and tests/test_pipeline.py do for
every notebook: unanswered exercises, hidden checks that keep their answers hidden, and
a warning from correct code that costs nothing."""
import nbformat
import numpy as np
import pytest

from answers import run_answer
from course import ROOT
from helpers.grading import nb01
from helpers.grading.checks import NotAnswered
from nb01_answers import WRONG

NAME = "01_logistic_regression"
CASE = (np.array([[0.0], [1.0]]), 0.0, np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0]]))


def test_unanswered_exercise_says_so():
    namespace = run_answer("def sigmoid(z):\n    raise NotImplementedError()\n")
    with pytest.raises(NotAnswered, match="sigmoid is not written yet"):
        nb01.check_sigmoid(namespace["sigmoid"])
    with pytest.raises(NotImplementedError, match="not answered yet"):
        nb01.check_true_false(None, "zero_init_prevents_learning")


def test_hidden_check_does_not_reveal_expected_values():
    wrong_values = run_answer("def propagate(w, b, X, Y):\n"
                              "    return {'dw': w * 0 + 1.5, 'db': 0.25}, 0.125\n")
    with pytest.raises(AssertionError) as err:
        nb01.hidden("propagate", wrong_values["propagate"], args=CASE,
                    expected={"dw": [[0.123456], [0.654321]], "db": 0.5, "cost": 0.7})
    assert "0.123456" not in str(err.value) and "wrong in" in str(err.value)
    transposed = run_answer(WRONG["propagate"]["dw transposed"])
    with pytest.raises(AssertionError, match="transposed"):
        nb01.hidden("propagate", transposed["propagate"], args=CASE,
                    expected={"dw": [[0.1], [0.2]], "db": 0.5, "cost": 0.7})


def test_correct_sigmoid_overflows_silently_in_its_test_cell():
    """The solution's sigmoid overflows harmlessly on the check's z = -1000; the check
    silences numpy's warning, so the test cell writes nothing to stderr, which nbgrader's
    Validate (unlike the configured autograder) would count as a failure."""
    solution = nbformat.read(ROOT / "solutions" / NAME / f"{NAME}.ipynb", 4)
    cell = next(c for c in solution.cells
                if c.metadata["nbgrader"]["grade_id"] == "sigmoid_tests")
    assert cell.outputs and not any(o.get("name") == "stderr" for o in cell.outputs)
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        1 / (1 + np.exp(np.array([1000.0])))  # the overflow the check silences


@pytest.mark.parametrize("label", ["w @ X without .T", "np.dot(w, X) without .T"])
def test_w_without_transpose_is_right_for_one_feature_and_lost_otherwise(label):
    """w @ X equals w.T @ X when w is (1, 1), so the hidden one-feature case passes it
    (right is right); the three-feature hidden case crashes on it and takes the points."""
    propagate = run_answer(WRONG["propagate"][label])["propagate"]
    one_feature = (np.array([[2.0]]), 1.0, np.array([[-1.0, 0.5]]), np.array([[0.0, 1.0]]))
    nb01.hidden("propagate", propagate, args=one_feature,
                expected=dict(zip(("dw", "db", "cost"), _reference(*one_feature))))
    three = (np.array([[0.1], [-0.2], [0.3]]), -0.5, np.arange(15.0).reshape(3, 5) / 10,
             np.array([[1.0, 0.0, 0.0, 1.0, 1.0]]))
    with pytest.raises(AssertionError, match="raised ValueError"):
        nb01.hidden("propagate", propagate, args=three,
                    expected=dict(zip(("dw", "db", "cost"), _reference(*three))))


def _reference(w, b, X, Y):
    grads, cost = nb01.ref.propagate(w, b, X, Y)
    return grads["dw"], grads["db"], cost
