"""`python -m helpers.grading.literals`: it writes the reference's values into the hidden
tests, and its --check notices a value that no longer agrees, or one never written."""
import numpy as np

from course import ROOT
from helpers.grading import literals, nb01

SOURCE = (ROOT / "solutions" / "01_logistic_regression" /
          "01_logistic_regression.py").read_text()
WRITTEN = "[0.2689414213699951, 0.5, 0.7310585786300049]"


def test_the_solution_is_up_to_date_and_a_changed_value_is_stale():
    assert WRITTEN in SOURCE
    assert literals.stale_calls(SOURCE, nb01.EXERCISES) == 0
    changed = SOURCE.replace(WRITTEN, "[0.2689414213699951, 0.5, 0.731]")
    assert literals.stale_calls(changed, nb01.EXERCISES) == 1


def test_a_missing_value_is_written_and_then_agrees():
    call = 'checks.hidden("sigmoid", sigmoid, args=(np.array([-1, 0, 1]),),\n'
    start = SOURCE.index(call)
    end = SOURCE.index("})\n", start) + 3
    unwritten = SOURCE[:start] + call[:-2] + ")\n" + SOURCE[end:]
    assert literals.stale_calls(unwritten, nb01.EXERCISES) == 1
    filled = literals.refresh(unwritten, nb01.EXERCISES)
    assert literals.stale_calls(filled, nb01.EXERCISES) == 0
    assert "expected={\"value\": np.array([0.2689414213699951, 0.5, 0.7310585786300049])" \
        in filled


def test_agreement_allows_float32_noise_and_nothing_more():
    computed = {"weights": np.array([0.176758647, -0.864493966]), "losses": [2.3728, 1.9692]}
    noisy = {"weights": computed["weights"] * (1 + 3e-7), "losses": computed["losses"]}
    assert literals.agree(noisy, computed)
    assert not literals.agree({"weights": computed["weights"] * (1 + 1e-4),
                               "losses": computed["losses"]}, computed)
    assert not literals.agree({"weights": computed["weights"]}, computed)
    assert not literals.agree({**computed, "losses": [2.3728]}, computed)


def test_a_literal_evaluates_to_its_value_exactly():
    value = {"value": np.array([[0.1, 1 / 3], [2e-17, -5.0]]),
             "cost": 0.6931471805599453, "n": np.array([1, 2], dtype=np.int32)}
    text = literals.literal(value)
    back = eval(text, {"np": np})
    assert back.keys() == value.keys() and back["cost"] == value["cost"]
    assert np.array_equal(back["value"], value["value"])
    assert back["n"].dtype == np.int32
