"""Notebook 07's checks, beyond what tests/test_exercises.py does for every declared
exercise (whole test cells on every answer in tests/nb07_answers.py, every listed mistake
named and failing a hidden test, hidden literals) and tests/test_checks.py (each wrong
answer's message): the course's own functions pass; the mistakes' simulator computes the
reference when it makes no mistake; the cases tell the textbook form from Keras's;
any correct shuffle passes on many seeds, and numpy's global state is left as it was; an
unanswered exercise says so in one line; the checks' own hidden messages show no number
of the case (a crash names the shapes of the arrays it got, as in every notebook)."""
import copy
import re

import numpy as np
import pytest

from answers import run_answer
from course import ROOT
from helpers import minibatches, optimizers, schedules
from helpers.grading import literals, nb07
from helpers.grading.checks import CheckFailed, NotAnswered
from helpers.grading.exercise import Case, grade, unpack
from nb07_answers import RIGHT, WRONG

SOURCE = (ROOT / "solutions" / nb07.NOTEBOOK / f"{nb07.NOTEBOOK}.py").read_text()


def _batches(X, Y, batch_size, rng):
    return minibatches.random_mini_batches(X, Y, batch_size, rng=rng)


REFERENCES = {"random_mini_batches": _batches,
              "update_parameters_with_gd": optimizers.update_parameters_with_gd,
              "initialize_velocity": optimizers.initialize_velocity,
              "update_parameters_with_momentum": optimizers.update_parameters_with_momentum,
              "update_parameters_with_adagrad": optimizers.update_parameters_with_adagrad,
              "update_parameters_with_rmsprop": optimizers.update_parameters_with_rmsprop,
              "initialize_adam": optimizers.initialize_adam,
              "update_parameters_with_adam": optimizers.update_parameters_with_adam,
              "schedule_lr_decay": schedules.schedule_lr_decay}


def _hidden_cases(name):
    """The (args, kwargs, expected) of each hidden test of `name` in the notebook's source."""
    cases = []
    for block in SOURCE.split(literals.BEGIN)[1:]:
        for node, called in literals.hidden_calls(block.split(literals.END)[0]):
            if called == name:
                keywords = {k.arg: literals._evaluate(k.value) for k in node.keywords}
                cases.append((tuple(keywords["args"]), keywords.get("kwargs", {}),
                              keywords["expected"]))
    assert cases, f"no hidden test of {name}"
    return cases


def test_every_exercise_has_a_course_function():
    assert set(REFERENCES) == set(nb07.EXERCISES)


@pytest.mark.parametrize("name", REFERENCES)
def test_the_course_functions_pass_the_visible_and_hidden_checks(name, capsys):
    getattr(nb07, f"check_{name}")(REFERENCES[name])
    assert "passed" in capsys.readouterr().out
    for args, kwargs, expected in _hidden_cases(name):
        nb07.hidden(name, REFERENCES[name], args=args, kwargs=kwargs, expected=expected)


RULES = ["gd", "momentum", "adagrad", "rmsprop", "adam"]


@pytest.mark.parametrize("rule", RULES)
def test_the_mistakes_simulator_without_a_mistake_is_the_reference(rule):
    """Each listed mistake is the rule with one option changed: with none, the rule."""
    exercise = nb07.EXERCISES[nb07.NAMES[rule]]
    right = nb07._variant(rule)
    for case in exercise.visible + [Case(a, k) for a, k, _ in _hidden_cases(exercise.name)]:
        args, kwargs = exercise.arguments(case)
        expected = exercise.expected(case)
        got = unpack(exercise, right(*args, **kwargs), "the simulator")
        for part, value in expected.items():
            np.testing.assert_allclose(got[part], value, rtol=1e-12, atol=1e-14, err_msg=part)


@pytest.mark.parametrize("rule", ["adagrad", "rmsprop", "adam"])
def test_a_visible_case_tells_the_textbook_form_from_keras(rule):
    """Keras's form (epsilon inside the root, Adam's folded correction) fails a visible
    case: its steps differ beyond the checks' tolerance."""
    exercise = nb07.EXERCISES[nb07.NAMES[rule]]
    reference = getattr(optimizers, nb07.NAMES[rule])
    differ = []
    for case in exercise.visible:
        args, kwargs = exercise.arguments(case)
        textbook = reference(*copy.deepcopy(args), **kwargs)[0]
        keras_form = reference(*copy.deepcopy(args), **kwargs, form="keras")[0]
        differ.append(not np.allclose(textbook["W1"], keras_form["W1"], rtol=1e-6,
                                      atol=1e-9))
    assert any(differ)


@pytest.mark.parametrize("label", sorted(RIGHT["random_mini_batches"]))
@pytest.mark.parametrize("m, batch_size", [(148, 64), (64, 64), (5, 1), (33, 10), (10, 3),
                                           (7, 8), (40, 8)])
def test_any_correct_shuffle_passes_on_many_sizes_and_seeds(label, m, batch_size):
    answer = run_answer(RIGHT["random_mini_batches"][label])["random_mini_batches"]
    exercise = nb07.RANDOM_MINI_BATCHES
    for seed in range(5):
        case = Case((m, batch_size, 3, 2, seed))
        grade(exercise, answer, case, exercise.expected(case), reveal=False)


def test_numpy_global_state_is_restored_after_an_answer_that_uses_it():
    np.random.seed(123)
    before = np.random.random()
    np.random.seed(123)
    answer = run_answer(WRONG["random_mini_batches"]["np.random.permutation"])
    with pytest.raises(CheckFailed, match="numpy's global generator"):
        nb07.check_random_mini_batches(answer["random_mini_batches"])
    assert np.random.random() == before


SIGNATURES = {
    "random_mini_batches": "(X, Y, batch_size, rng)",
    "update_parameters_with_gd": "(parameters, grads, learning_rate=0.01)",
    "initialize_velocity": "(parameters)",
    "update_parameters_with_momentum": "(parameters, grads, v, learning_rate=0.01, beta=0.9)",
    "update_parameters_with_adagrad": "(parameters, grads, s, learning_rate=0.001, "
                                      "epsilon=1e-7)",
    "update_parameters_with_rmsprop": "(parameters, grads, s, learning_rate=0.001, rho=0.9, "
                                      "epsilon=1e-7)",
    "initialize_adam": "(parameters)",
    "update_parameters_with_adam": "(parameters, grads, v, s, t, learning_rate=0.001, "
                                   "beta_1=0.9, beta_2=0.999, epsilon=1e-7)",
    "schedule_lr_decay": "(initial_learning_rate, epoch, decay_rate, time_interval=1000)",
}


@pytest.mark.parametrize("name", nb07.EXERCISES)
def test_an_unanswered_exercise_says_so_in_one_line(name):
    blank = run_answer(f"def {name}{SIGNATURES[name]}:\n    raise NotImplementedError()\n")
    with pytest.raises(NotAnswered) as err:
        getattr(nb07, f"check_{name}")(blank[name])
    assert str(err.value) == (f"{name} is not written yet: replace `raise "
                              "NotImplementedError()` in its cell with your code")


def test_the_notebook_states_each_signature():
    for name, signature in SIGNATURES.items():
        assert f"def {name}{signature}" in re.sub(r",\s*\n\s*", ", ", SOURCE), name


@pytest.mark.parametrize("name, label", [
    ("random_mini_batches", "the last batch dropped"),
    ("random_mini_batches", "X and Y shuffled apart"),
    ("random_mini_batches", "np.array_split"),
    ("update_parameters_with_adam", "t + 1"),
    ("update_parameters_with_adam", "t returned too"),
    ("update_parameters_with_gd", "two layers written out"),
    ("random_mini_batches", "shuffled within each batch"),
    ("schedule_lr_decay", "every epoch"),
])
def test_hidden_messages_show_no_number_of_the_case(name, label):
    answer = run_answer(WRONG[name][label])[name]
    failed = 0
    for args, kwargs, expected in _hidden_cases(name):
        try:
            nb07.hidden(name, answer, args=args, kwargs=kwargs, expected=expected)
        except CheckFailed as err:
            failed += 1
            if " raised " in str(err):
                continue  # a crash: the framework names the arguments' shapes, no value
            numbers = set(re.findall(r"\d+", str(err)))
            shown = {str(a) for a in args if isinstance(a, (int, float))} - {"0", "1", "2"}
            assert not numbers & shown, str(err)
    assert failed
