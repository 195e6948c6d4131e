"""Notebook 03's checks, beyond what tests/test_exercises.py does for every declared
exercise (whole test cells on every answer in tests/nb03_answers.py, every listed mistake
named and failing a hidden test, hidden literals) and tests/test_checks.py (each wrong
answer's message): the description of wrong entries that no listed mistake explains, the
convention at a kink, a function and its derivative swapped, no nan on EDGES, unanswered
exercises, hidden checks that keep their answers hidden, a softmax judged by its values
whatever numpy's error settings, explanations of a wrong output activation that give
nothing else away and a point per output task, a one-sided difference failing the
numerical_derivative check, and the per-example convention of the softmax gradient."""
import re
import warnings
from pathlib import Path

import numpy as np
import pytest

from answers import run_answer
from helpers import activations as ref
from helpers.grading import nb03
from helpers.grading.checks import NotAnswered
from nb03_answers import SOLUTION_CHOICES, WRONG

PAIRS = nb03.PAIRS


def _check(exercise, functions):
    """Run the visible check of a pair exercise on {name: function}."""
    getattr(nb03, f"check_{exercise}")(*(functions[n] for n in nb03.FUNCTIONS[exercise]))


def _hidden(name, fn, z, *params):
    """The hidden check of `name` on z, with the reference's answer as expected value."""
    nb03.hidden(name, fn, args=(z, *params),
                expected={"value": nb03.REFERENCE[name](np.asarray(z), *params)})


# A decimal number in a message; those in nb03's own texts (and an alpha the message shows)
# are the course's, any other one in a hidden check's message would be a value it reveals.
DECIMAL = re.compile(r"\d*\.\d+(?:e[-+]?\d+)?")
COURSE_NUMBERS = set(DECIMAL.findall(Path(nb03.__file__).read_text()))


def _revealed(message):
    return set(DECIMAL.findall(re.sub(r"alpha=[\d.]+", "", message))) - COURSE_NUMBERS


# -- what a mistake that no listed one explains is told ------------------------------------
HIDDEN_Z = np.array([[-3.0, 0.0, 2.0], [-800.0, 0.5, 900.0]])


@pytest.mark.parametrize("exercise, index, wrong, visible, hidden", [
    ("sigmoid", 0, lambda z: np.where(z == 0, 0.6, ref.sigmoid(z)),
     r"in 1 of 10 entries, only at z = 0:", r"in 1 of 6 entries, only at z = 0$"),
    ("elu", 0, lambda z, alpha=1.0: 2 * ref.elu(z, alpha),
     r"in 9 of 10 entries, everywhere except at z = 0, each of them 2 times the right "
     r"value", r"everywhere except at z = 0, each off by the same factor"),
    ("tanh", 1, lambda z: ref.sigmoid_derivative(2 * z),
     r"in 8 of 10 entries, in every entry whose right value is not 0, each of them 0\.25 "
     r"times", r"in every entry whose right value is not 0, each off by the same factor"),
    ("relu", 0, lambda z: ref.relu(z) + 0.5 * (z > 0),
     r"only where z > 0, each of them off by \+0\.5:", r"only where z > 0, each off by the "
     r"same amount$"),
    ("tanh", 0, lambda z: np.where(z >= 100, np.nan, np.tanh(z)),
     r"only for large positive z, where you return nan", r"only for large positive z, "
     r"where you return nan"),
    ("sigmoid", 1, lambda z: -ref.sigmoid_derivative(z), r"each with the wrong sign:",
     r"each with the wrong sign$"),
    ("swish", 0, lambda z: np.where(z < 0, 0.0, ref.swish(z)),
     r"only where z < 0, where you return 0:", r"only where z < 0, where you return 0$"),
])
def test_wrong_entries_are_described(exercise, index, wrong, visible, hidden):
    """A wrong function that matches no listed mistake is told where its wrong entries
    lie and what they share; the hidden check says the same without any value."""
    functions = [nb03.REFERENCE[name] for name in nb03.FUNCTIONS[exercise]]
    functions[index] = wrong
    with pytest.raises(AssertionError, match=visible):
        _check(exercise, dict(zip(nb03.FUNCTIONS[exercise], functions)))
    name = nb03.FUNCTIONS[exercise][index]
    params = (0.5,) if name.startswith("elu") else ()
    with pytest.raises(AssertionError, match=hidden) as err:
        _hidden(name, wrong, HIDDEN_Z, *params)
    assert not _revealed(str(err.value)), str(err.value)


@pytest.mark.parametrize("exercise", PAIRS)
def test_a_function_and_its_derivative_swapped_are_named(exercise):
    function, derivative = (nb03.REFERENCE[n] for n in nb03.FUNCTIONS[exercise])
    with pytest.raises(AssertionError, match=r"swapped|its derivative"):
        _check(exercise, dict(zip(nb03.FUNCTIONS[exercise], (derivative, function))))


def test_a_wrong_softmax_column_is_named_in_the_visible_check_only():
    def softmax(z):
        out = ref.softmax(z)
        out[:, 1] *= 2
        return out

    proportional = r"each wrong column is the right one times a number"
    with pytest.raises(AssertionError, match=rf"in 1 of 4 columns \(z\[:, 1\]\), "
                                             rf"{proportional}"):
        nb03.check_softmax(softmax)
    with pytest.raises(AssertionError, match=rf"in 1 of 4 columns, {proportional}") as err:
        _hidden("softmax", softmax, nb03.SOFTMAX_Z)
    assert not _revealed(str(err.value))


def test_a_wrong_value_at_a_kink_is_shown_in_the_visible_check_only():
    def relu_derivative(z):
        return np.where(z == 0, 1.77, ref.relu_derivative(z))

    with pytest.raises(AssertionError, match="at z = 0 gave 1.77"):
        nb03.check_relu(ref.relu, relu_derivative)
    with pytest.raises(AssertionError, match="at z = 0 is wrong") as err:
        _hidden("relu_derivative", relu_derivative, np.array([0.0, -1.0, 2.0]))
    assert "1.77" not in str(err.value)


@pytest.mark.parametrize("at_zero", [0.0, 1.0, 0.5])
def test_relu_derivative_at_zero_may_be_either_slope(at_zero):
    def relu_derivative(z):
        return np.where(z > 0, 1.0, np.where(z < 0, 0.0, at_zero))
    nb03.check_relu(ref.relu, relu_derivative)
    _hidden("relu_derivative", relu_derivative, np.array([0.0, -1.0, 2.0]))


@pytest.mark.parametrize("exercise, alpha, at_zero, accepted", [
    ("relu", None, 2.0, False), ("relu", None, -1.0, False),
    ("leaky_relu", 0.3, 0.3, True), ("leaky_relu", 0.3, 1.0, True),
    ("leaky_relu", 0.3, 0.0, False), ("elu", 0.5, 0.5, True), ("elu", 0.5, 1.0, True),
    ("elu", 0.5, 0.0, False), ("elu", 2.0, 2.0, True), ("elu", 2.0, 1.5, True),
])
def test_kink_accepts_exactly_the_range_between_the_one_sided_slopes(exercise, alpha,
                                                                     at_zero, accepted):
    name = f"{exercise}_derivative"
    params = () if alpha is None else (alpha,)

    def derivative(z, *args):
        z = np.asarray(z, float)
        return np.where(z == 0, at_zero, nb03.REFERENCE[name](z, *args))

    run = lambda: _hidden(name, derivative, np.array([[-2.0, 0.0], [0.0, 3.0]]), *params)
    if accepted:
        run()
    else:
        with pytest.raises(AssertionError, match="slope jumps"):
            run()


def test_nan_where_no_hidden_case_looks_fails_the_hidden_check():
    """A hidden case may lack the z that overflows a formula: each function is also run
    on EDGES (|z| up to 1000, in the case's dtype), where it may return no nan; that
    needs no expected value and shows none."""
    def sigmoid(z):
        return np.where(np.abs(z) > 700, np.nan, ref.sigmoid(z))

    for dtype in (np.float64, np.float32):
        with pytest.raises(AssertionError, match=r"nan or inf for some z with \|z\| up to "
                                                 r"1000") as err:
            _hidden("sigmoid", sigmoid, np.array([-3.0, 0.5, 2.0], dtype=dtype))
        assert not _revealed(str(err.value)), str(err.value)


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
    for task in nb03.TASKS:
        with pytest.raises(NotAnswered, match=f"output_{task} is not answered yet"):
            nb03.check_output_activation(None, task)


def test_hidden_checks_do_not_reveal_expected_values():
    def sigmoid(z):
        return np.full(np.shape(z), 0.3)

    with pytest.raises(AssertionError) as err:
        nb03.hidden("sigmoid", sigmoid, args=(np.array([1.0, 2.0]),),
                    expected={"value": np.array([0.123456, 0.654321])})
    assert "0.123456" not in str(err.value) and "wrong in 2 of 2" in str(err.value)

    def softmax(z):
        return np.full(np.shape(z), 0.5)

    with pytest.raises(AssertionError) as err:
        nb03.hidden("softmax", softmax, args=(np.array([[1.0], [2.0]]),),
                    expected={"value": np.array([[0.234567], [0.765433]])})
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
    z = np.array([[1000.0, -800.0], [1001.0, -760.0], [1002.0, -745.0]])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        _hidden("softmax", stable["softmax"], z)
        with pytest.raises(AssertionError, match="exp\\(1000\\) overflows"):
            _hidden("softmax", unstable["softmax"], z)
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
            with pytest.raises(AssertionError) as err:
                nb03.hidden_output_activation(choice, SOLUTION_CHOICES[task], task)
            message = str(err.value)
            assert f"output_{task}: '{choice}' does not fit" in message
            for other in nb03.ACTIVATION_NAMES:
                if other != choice:
                    assert not re.search(rf"\b{other}\b", message), (task, choice, other)


def test_each_output_task_is_its_own_point():
    """Exercise 10 gives a point per task: a wrong choice in one cell fails that cell's
    hidden test only, and the right choice of every task passes."""
    for task, answer in SOLUTION_CHOICES.items():
        nb03.hidden_output_activation(answer, answer, task)
        wrong = next(n for n in nb03.ACTIVATION_NAMES if n != answer)
        with pytest.raises(AssertionError, match=f"output_{task}"):
            nb03.hidden_output_activation(wrong, answer, task)


@pytest.mark.parametrize("eps", [1e-5, 1e-4])
def test_a_one_sided_difference_fails_on_a_curved_function(eps):
    """sin(3 z) is curved enough that the one-sided difference misses the tolerance of
    the numerical_derivative check, for the default step and a larger one."""
    def one_sided(f, z, eps=1e-5):
        return (f(z + eps) - f(z)) / eps

    with pytest.raises(AssertionError, match="one-sided"):
        nb03.hidden("numerical_derivative", one_sided, args=(nb03.wave, nb03.ND_Z, eps),
                    expected={"value": 3 * np.cos(3 * nb03.ND_Z)})
    nb03.hidden("numerical_derivative", nb03.ref.numerical_derivative,
                args=(nb03.wave, nb03.ND_Z, eps),
                expected={"value": nb03.ref.numerical_derivative(nb03.wave, nb03.ND_Z, eps)})


def test_the_softmax_gradient_is_the_slope_of_the_mean_cost_times_m():
    """The convention exercise 9 states: dZ = A - Y per example, which is m times the
    gradient of the mean cost J (checked by central differences)."""
    from helpers import losses
    z = np.array([[2.0, -1.0, 0.5], [1.0, 0.0, 0.5], [0.1, 2.0, -1.0], [0.3, 0.3, 0.3]])
    labels = np.array([[0, 3, 1]])
    m = z.shape[1]
    numeric = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        step = np.zeros_like(z)
        step[index] = 1e-6
        numeric[index] = (losses.softmax_cross_entropy(ref.softmax(z + step), labels)
                          - losses.softmax_cross_entropy(ref.softmax(z - step), labels)) / 2e-6
    dZ = nb03.SOFTMAX_CROSS_ENTROPY_BACKWARD.reference(ref.softmax(z), labels)
    np.testing.assert_allclose(dZ / m, numeric, atol=1e-8)
