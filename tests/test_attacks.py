"""Answers written by a student who has read the checks, run through the checks
themselves (no guard): each class of attack that once scored, and what stops it now.
The guard's side of each class is in tests/test_guard.py; the pipeline runs a few of them
through nbgrader in tests/test_pipeline.py."""
import numpy as np
import pytest

from helpers.grading import checks, nb01, nb03

from answers import run_answer

def _lying_str():
    class Always(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    return Always("relu")


# -- objects whose comparisons lie -----------------------------------------------------------
def test_a_str_whose_equality_always_holds_does_not_pass():
    for task in nb03.TASKS:
        with pytest.raises(AssertionError, match="object of type Always"):
            nb03.hidden_output_activation(_lying_str(), "linear", task)


def test_an_object_claiming_to_be_a_bool_does_not_pass():
    class Liar:
        __class__ = bool

        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

    assert isinstance(Liar(), bool)  # what fooled the old check
    with pytest.raises(AssertionError, match="object of type Liar"):
        nb01.hidden_true_false(Liar(), False, "zero_init_prevents_learning")


def test_results_are_rebuilt_from_exact_types():
    class Numberish(float):
        def __eq__(self, other):
            return True

    for value, kind in [(Numberish(1.0), "Numberish"), (np.ma.masked_array([1.0]), "subclass"),
                        ({"dw": Numberish(2.0)}, "Numberish")]:
        with pytest.raises(AssertionError, match=kind):
            checks.plain(value, "the result")
    plain = checks.plain({"w": np.ones(2), "b": np.float64(0.5), "n": (1, True, None)}, "x")
    assert type(plain["w"]) is np.ndarray and type(plain["b"]) is np.float64


def test_an_array_like_that_lies_is_rejected_before_any_comparison():
    namespace = run_answer(
        "class Arr:\n"
        "    shape = (2, 3)\n"
        "    def __array__(self, dtype=None, copy=None):\n"
        "        return np.zeros((2, 3))\n"
        "    def __eq__(self, other):\n"
        "        return True\n"
        "def sigmoid(z):\n"
        "    return Arr()\n")
    with pytest.raises(AssertionError, match="object of type Arr"):
        nb01.check_sigmoid(namespace["sigmoid"])


# -- reference implementations kept beyond their check --------------------------------------
def test_a_reference_lent_during_a_check_stops_working_after_it():
    namespace = run_answer(
        "kept = []\n"
        "def swish(z):\n"
        "    kept.append(sigmoid)\n"
        "    return z * sigmoid(z)\n"
        "def swish_derivative(z):\n"
        "    s = sigmoid(z)\n"
        "    return s + z * s * (1 - s)\n"
        "def sigmoid(z):\n"
        "    return kept[0](z)\n"
        "def sigmoid_derivative(z):\n"
        "    s = sigmoid(z)\n"
        "    return s * (1 - s)\n")
    nb03.check_swish(namespace["swish"], namespace["swish_derivative"])
    assert namespace["kept"], "the swish check did lend its code a sigmoid"
    with pytest.raises(AssertionError, match="lent to your code by a check"):
        nb03.check_sigmoid(namespace["sigmoid"], namespace["sigmoid_derivative"])


def test_a_stand_in_is_not_the_reference_itself():
    namespace = run_answer("def propagate(w, b, X, Y):\n    return sigmoid\n")
    with checks.using(namespace["propagate"], sigmoid=nb01.ref_sigmoid):
        lent = namespace["sigmoid"]
    assert lent is not nb01.ref_sigmoid and "sigmoid" not in namespace


# -- hidden inputs leaking through what the answer prints or raises --------------------------
def test_hidden_checks_discard_what_the_answer_prints(capsys):
    namespace = run_answer("def sigmoid(z):\n    print('z was', z)\n"
                           "    return 1 / (1 + np.exp(-z))\n")
    nb01.hidden("sigmoid", namespace["sigmoid"], args=(np.array([4.25, -3.5]),),
                expected={"value": [0.9859363729567544, 0.029312230751356316]})
    assert "4.25" not in capsys.readouterr().out


def test_hidden_checks_do_not_repeat_the_answers_exception_text():
    namespace = run_answer("def sigmoid(z):\n    raise ValueError(str(z))\n")
    with pytest.raises(AssertionError) as err:
        nb01.hidden("sigmoid", namespace["sigmoid"], args=(np.array([4.25, -3.5]),),
                    expected={"value": [0.0, 0.0]})
    assert "4.25" not in str(err.value) and "ValueError" in str(err.value)


def test_while_autograding_visible_checks_show_no_value_the_answer_made(monkeypatch, capsys):
    """An answer may keep a hidden input and show it in a later, visible check: while
    nbgrader autogrades, the checks print none of the student's output or values."""
    namespace = run_answer("seen = [4.25]\n"
                           "def sigmoid(z):\n    print('kept:', seen)\n"
                           "    return np.full(np.shape(z), seen[0])\n")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(AssertionError) as err:
        nb01.check_sigmoid(namespace["sigmoid"])
    assert "4.25" not in str(err.value) + capsys.readouterr().out
    monkeypatch.delenv("NBGRADER_EXECUTION")
    with pytest.raises(AssertionError) as err:
        nb01.check_sigmoid(namespace["sigmoid"])
    assert "4.25" in str(err.value), "a student's own run shows the values"
