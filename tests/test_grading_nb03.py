"""Notebook 03's checks, beyond what tests/test_checks.py and tests/test_pipeline.py do for
every notebook: every listed mistake is recognised, the convention at a kink, unanswered
exercises, hidden checks that keep their answers hidden and agree with the reference
implementation, a softmax judged by its values whatever numpy's error settings, and
explanations of a wrong output activation that give nothing else away."""
import re
import warnings

import nbformat
import numpy as np
import pytest

from answers import run_answer
from course import ROOT
from helpers import activations as ref
from helpers.grading import nb03
from helpers.grading.checks import NotAnswered
from nb03_answers import SOLUTION_CHOICES, WRONG

NAME = "03_activations"
PAIRS = [ex for ex in nb03.EXERCISES if ex != "softmax"]
LISTED = [(ex, name, i) for ex in PAIRS for name in nb03.EXERCISES[ex]
          for i in range(len(nb03.MISTAKES[name]))]


def _check(exercise, functions):
    """Run the visible check of a pair exercise on {name: function}."""
    getattr(nb03, f"check_{exercise}")(*(functions[n] for n in nb03.EXERCISES[exercise]))


@pytest.mark.parametrize("case", LISTED, ids=lambda c: f"{c[1]}-{c[2]}")
def test_every_listed_mistake_is_named_by_the_visible_check(case):
    exercise, name, index = case
    mistake = nb03.MISTAKES[name][index]
    functions = {n: nb03.REFERENCE[n] for n in nb03.EXERCISES[exercise]}
    functions[name] = lambda z, *params: mistake.wrong(z, *params)
    with np.errstate(all="ignore"), pytest.raises(AssertionError) as err:
        _check(exercise, functions)
    assert mistake.message in str(err.value)


@pytest.mark.parametrize("index", range(len(nb03.SOFTMAX_MISTAKES)))
def test_every_listed_softmax_mistake_is_named(index):
    mistake = nb03.SOFTMAX_MISTAKES[index]
    with pytest.raises(AssertionError) as err:
        nb03.check_softmax(mistake.wrong)
    assert mistake.message in str(err.value)


@pytest.mark.parametrize("at_zero", [0.0, 1.0, 0.5])
def test_relu_derivative_at_zero_may_be_either_slope(at_zero):
    def relu_derivative(z):
        return np.where(z > 0, 1.0, np.where(z < 0, 0.0, at_zero))
    nb03.check_relu(ref.relu, relu_derivative)
    nb03.hidden_activation("relu", ref.relu, relu_derivative, z=[0.0, -1.0, 2.0],
                           values=[0.0, 0.0, 2.0], slopes=[0.0, 0.0, 1.0])


@pytest.mark.parametrize("exercise, alpha, at_zero, accepted", [
    ("relu", None, 2.0, False), ("relu", None, -1.0, False),
    ("leaky_relu", 0.3, 0.3, True), ("leaky_relu", 0.3, 1.0, True),
    ("leaky_relu", 0.3, 0.0, False), ("elu", 0.5, 0.5, True), ("elu", 0.5, 1.0, True),
    ("elu", 0.5, 0.0, False), ("elu", 2.0, 2.0, True), ("elu", 2.0, 1.5, True),
])
def test_kink_accepts_exactly_the_range_between_the_one_sided_slopes(exercise, alpha,
                                                                     at_zero, accepted):
    name, derivative_name = nb03.EXERCISES[exercise]
    params = () if alpha is None else (alpha,)

    def derivative(z, *args):
        z = np.asarray(z, float)
        return np.where(z == 0, at_zero, nb03.REFERENCE[derivative_name](z, *args))

    z = np.array([[-2.0, 0.0], [0.0, 3.0]])
    values = nb03.REFERENCE[name](z, *params)
    slopes = nb03.REFERENCE[derivative_name](z, *params)
    run = lambda: nb03.hidden_activation(exercise, nb03.REFERENCE[name], derivative, z=z,
                                         values=values, slopes=slopes, alpha=alpha)
    if accepted:
        run()
    else:
        with pytest.raises(AssertionError, match="slope jumps"):
            run()


def test_unanswered_exercises_say_so():
    namespace = run_answer("def tanh(z):\n    raise NotImplementedError()\n\n"
                           "def tanh_derivative(z):\n    raise NotImplementedError()\n")
    with pytest.raises(NotAnswered, match="tanh is not written yet"):
        nb03.check_tanh(namespace["tanh"], namespace["tanh_derivative"])
    namespace = run_answer("def elu(z, alpha=1.0):\n"
                           "    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))\n\n"
                           "def elu_derivative(z, alpha=1.0):\n"
                           "    raise NotImplementedError()\n")
    with pytest.raises(NotAnswered, match="elu_derivative is not written yet"):
        nb03.check_elu(namespace["elu"], namespace["elu_derivative"])
    with pytest.raises(NotAnswered, match="not answered yet"):
        nb03.check_output_activation({task: None for task in nb03.TASKS})


def test_hidden_checks_do_not_reveal_expected_values():
    def sigmoid(z):
        return np.full(np.shape(z), 0.3)

    with pytest.raises(AssertionError) as err:
        nb03.hidden_activation("sigmoid", sigmoid, ref.sigmoid_derivative, z=[1.0, 2.0],
                               values=[0.123456, 0.654321], slopes=[0.5, 0.5])
    assert "0.123456" not in str(err.value) and "wrong in 2 of 2" in str(err.value)

    def softmax(z):
        return np.full(np.shape(z), 0.5)

    with pytest.raises(AssertionError) as err:
        nb03.hidden_softmax(softmax, z=[[1.0], [2.0]], expected=[[0.234567], [0.765433]])
    assert "0.234567" not in str(err.value)


def test_each_exercise_is_graded_on_its_own():
    """swish calls sigmoid: a wrong sigmoid in the notebook does not cost swish's points,
    and an unanswered one does not stop swish from being checked."""
    for sigmoid in ("def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
                    "def sigmoid(z):\n    raise NotImplementedError()\n", ""):
        namespace = run_answer(sigmoid + "\ndef swish(z):\n    return z * sigmoid(z)\n\n"
                               "def swish_derivative(z):\n    s = sigmoid(z)\n"
                               "    return s + z * s * (1 - s)\n")
        nb03.check_swish(namespace["swish"], namespace["swish_derivative"])
        assert ("sigmoid" in namespace) == bool(sigmoid), "the notebook is left as it was"


def test_softmax_is_judged_by_its_values_whatever_numpys_settings():
    """Logits like [1000, 1001, 1002]: a stable softmax passes even when numpy raises on
    every floating-point event and warnings are errors; an unstable one fails for its
    nan, with the message that names the overflow, not because of a warning."""
    stable = run_answer(WRONG["softmax"]["no shift"].replace(
        "np.exp(z) / np.sum(np.exp(z), axis=0, keepdims=True)",
        "np.exp(z - z.max(0)) / np.sum(np.exp(z - z.max(0)), axis=0, keepdims=True)"))
    unstable = run_answer(WRONG["softmax"]["no shift"])
    z = [[1000.0, -800.0], [1001.0, -760.0], [1002.0, -745.0]]
    expected = ref.softmax(np.array(z))
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        nb03.hidden_softmax(stable["softmax"], z=z, expected=expected)
        with pytest.raises(AssertionError, match="exp\\(1000\\) overflows"):
            nb03.hidden_softmax(unstable["softmax"], z=z, expected=expected)
        out = stable["softmax"](np.array([[1000.0], [1001.0], [1002.0]]))
    assert np.all(np.isfinite(out))


def test_output_explanations_name_only_the_wrong_choice():
    """A wrong choice is explained by the task and the chosen activation alone: the
    message names no other activation, so it gives away neither this task's answer nor
    any other's."""
    for task in nb03.TASKS:
        for choice in nb03.ACTIVATION_NAMES:
            if choice == SOLUTION_CHOICES[task]:
                continue
            answer = {**SOLUTION_CHOICES, task: choice}
            with pytest.raises(AssertionError) as err:
                nb03.hidden_output_activation(answer, SOLUTION_CHOICES)
            message = str(err.value)
            assert f"'{task}': '{choice}' does not fit" in message
            for other in nb03.ACTIVATION_NAMES:
                if other != choice:
                    assert not re.search(rf"\b{other}\b", message), (task, choice, other)


def _hidden_code(cell):
    return cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]


def test_hidden_literals_agree_with_the_reference_implementation():
    """Every hidden test of the solution notebook passes when the reference functions
    of helpers.activations answer it, so no literal in it is stale."""
    solution = nbformat.read(ROOT / "solutions" / NAME / f"{NAME}.ipynb", 4)
    namespace = {"np": np, "checks": nb03, **nb03.REFERENCE}
    answer = next(c for c in solution.cells
                  if c.metadata["nbgrader"]["grade_id"] == "output_activation")
    exec(answer.source, namespace)
    hidden = [c for c in solution.cells if "### BEGIN HIDDEN TESTS" in c.source]
    assert len(hidden) == 8
    for cell in hidden:
        exec(_hidden_code(cell), namespace)
