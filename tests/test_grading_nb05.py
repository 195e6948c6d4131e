"""Notebook 05's checks, beyond what tests/test_exercises.py does for every declared
exercise (whole test cells on every answer in tests/nb05_answers.py, every listed mistake
named and failing a hidden test, hidden literals) and tests/test_checks.py (each wrong
answer's message): the course's own initializers pass; the tolerances are honest (every
correct way of drawing passes on many seeds, and every listed mistake lies far outside
them and apart from the others, in every case the checks use); numpy's global random
state is left as it was; an unanswered exercise says so in one line; hidden checks and
steady_std's check keep their answers to themselves."""
import re
from pathlib import Path

import numpy as np
import pytest

from answers import run_answer
from helpers import initializers as ref
from helpers.grading import literals, nb05
from helpers.grading.checks import CheckFailed, NotAnswered
from helpers.grading.exercise import Case, grade
from nb05_answers import RIGHT, WRONG, making

ROOT = Path(__file__).resolve().parents[1]
SOURCE = (ROOT / "solutions" / nb05.NOTEBOOK / f"{nb05.NOTEBOOK}.py").read_text()
RANDOM_EXERCISES = list(nb05.DRAWS)
REFERENCES = {name: getattr(ref, name) for name in
              ("initialize_parameters_zeros", *RANDOM_EXERCISES)}


def _hidden_cases(name):
    """The (args, expected) of each hidden test of `name` in the notebook's source."""
    cases = []
    for block in SOURCE.split(literals.BEGIN)[1:]:
        block = block.split(literals.END)[0]
        for node, called in literals.hidden_calls(block):
            if called == name:
                keywords = {k.arg: literals._evaluate(k.value) for k in node.keywords}
                cases.append((tuple(keywords["args"]), keywords["expected"]))
    assert cases, f"no hidden test of {name}"
    return cases


def _all_cases(name):
    visible = [case.args for case in nb05.EXERCISES[name].visible]
    return visible + [args for args, _ in _hidden_cases(name)]


# -- the course's own initializers pass everywhere ------------------------------------------
@pytest.mark.parametrize("name", REFERENCES)
def test_the_course_initializers_pass_the_visible_and_hidden_checks(name, capsys):
    getattr(nb05, f"check_{name}")(REFERENCES[name])
    assert "visible checks passed" in capsys.readouterr().out
    for args, expected in _hidden_cases(name):
        nb05.hidden(name, REFERENCES[name], args=args, expected=expected)


def test_steady_std_keeps_var_z_steady_numerically():
    """The reference's answer, in a wide random layer: Var(z) of the next layer equals
    Var(z) of this one."""
    rng = np.random.default_rng(0)
    z = rng.standard_normal((500, 4000))
    for activation, g in (("linear", lambda z: z), ("relu", lambda z: np.maximum(z, 0)),
                          ("leaky_relu", lambda z: np.where(z > 0, z, 0.3 * z))):
        alpha = 0.3 if activation == "leaky_relu" else 0.01
        W = rng.standard_normal((400, 500)) * nb05.steady_std(500, activation, alpha)
        assert (W @ g(z)).var() == pytest.approx(z.var(), rel=0.03), activation


# -- honest tolerances ------------------------------------------------------------------------
def _uniform_variant(name):
    """A correct answer that draws uniforms of the right variance, in the opposite order."""
    right = next(d for d in nb05.DRAWS[name] if d.message is None)
    scale = f"np.sqrt(3) * ({right.scale})" if right.distribution == "normal" else right.scale

    def answer(layer_dims, rng):
        params = {}
        for l in reversed(range(1, len(layer_dims))):
            n_prev, n = layer_dims[l - 1], layer_dims[l]
            limit = eval(scale, {"np": np, "n_prev": n_prev, "n": n})
            params[f"W{l}"] = rng.uniform(-limit, limit, (n, n_prev))
            params[f"b{l}"] = np.zeros((n, 1))
        return params
    answer.__name__ = name
    return answer


@pytest.mark.parametrize("name", RANDOM_EXERCISES)
def test_correct_draws_pass_on_many_seeds(name):
    """Fifty seeds of the course's normal draws and of uniform ones, on every case the
    checks use: the tolerance never fails a correct answer."""
    exercise = nb05.EXERCISES[name]
    for answer in (REFERENCES[name], _uniform_variant(name)):
        for layer_dims, _ in _all_cases(name):
            for seed in range(50):
                case = Case((layer_dims, 100 + seed))
                grade(exercise, answer, case, exercise.expected(case), reveal=True)


@pytest.mark.parametrize("name", RANDOM_EXERCISES)
def test_every_listed_mistake_is_far_outside_the_tolerance_and_apart(name):
    """In the first visible case (where the message is given) and in the first hidden
    case each mistake's std lies outside the tolerance, by at least three times its width,
    in some layer, and in the visible case no earlier mistake could claim it; in every
    other case that judges any layer it fails too."""
    draws = nb05.DRAWS[name]
    right = next(d for d in draws if d.message is None)
    mistakes = [d for d in draws if d.message is not None]

    def distance(got, want, tol):
        judged = ~np.isnan(tol)
        return np.max(nb05._log_ratio(got, want)[judged] / tol[judged]) if judged.any() \
            else None

    cases = _all_cases(name)
    first, first_hidden = cases[0][0], cases[len(nb05.EXERCISES[name].visible)][0]
    for layer_dims in (first, first_hidden):
        tol, want = nb05.tolerances(layer_dims), nb05.predicted_std(right, layer_dims)
        predicted = [nb05.predicted_std(d, layer_dims) for d in mistakes]
        for k, (draw, got) in enumerate(zip(mistakes, predicted)):
            assert distance(got, want, tol) > 3, (layer_dims, draw.scale)
            for earlier, other in zip(mistakes[:k], predicted[:k]):
                if layer_dims is first:
                    assert distance(got, other, tol) > 2, \
                        f"{draw.scale} could be named as {earlier.scale}"
    for layer_dims, _ in cases:
        tol, want = nb05.tolerances(layer_dims), nb05.predicted_std(right, layer_dims)
        for draw in mistakes:
            far = distance(nb05.predicted_std(draw, layer_dims), want, tol)
            assert far is None or far > 1, (layer_dims, draw.scale)


def test_a_layer_too_small_to_judge_is_left_to_the_structure_checks():
    assert np.isnan(nb05.tolerances([2, 10, 5, 1])).all()
    assert nb05.tolerances([300, 100, 400, 50]) == pytest.approx(np.log(1.05))


def test_the_cases_tell_he_from_lecun_and_the_fans_apart():
    """No layer of any case is square (there fan-in and fan-out are the same number) and
    the big cases' layers hold 20,000 weights or more (one standard error of the std
    about 0.5%)."""
    for name in RANDOM_EXERCISES:
        first = nb05.EXERCISES[name].visible[0].args[0]
        assert all(n_prev != n for n_prev, n in nb05._layers(first))
        assert min(n_prev * n for n_prev, n in nb05._layers(first)) >= 20_000


# -- what the checks leave behind, and what they show -------------------------------------------
def test_numpy_global_state_is_restored_after_an_answer_that_uses_it():
    np.random.seed(123)
    before = np.random.random()
    np.random.seed(123)
    answer = run_answer(WRONG["initialize_parameters_he"]["np.random.randn"])
    with pytest.raises(CheckFailed, match="numpy's global generator"):
        nb05.check_initialize_parameters_he(answer["initialize_parameters_he"])
    assert np.random.random() == before


@pytest.mark.parametrize("name", nb05.EXERCISES)
def test_an_unanswered_exercise_says_so_in_one_line(name):
    signature = "(fan_in, activation, alpha=0.01)" if name == "steady_std" else \
        "(layer_dims)" if name.endswith("zeros") else "(layer_dims, rng)"
    blank = run_answer(f"def {name}{signature}:\n    raise NotImplementedError()\n")[name]
    with pytest.raises(NotAnswered) as err:
        getattr(nb05, f"check_{name}")(blank)
    assert str(err.value) == (f"{name} is not written yet: replace `raise "
                              "NotImplementedError()` in its cell with your code")


DIGITS = re.compile(r"\d+")


@pytest.mark.parametrize("name, label", [
    ("initialize_parameters_he", "W transposed"),
    ("initialize_parameters_zeros", "rank-1 biases"),
    ("initialize_parameters_zeros", "the last layer left out"),
    ("initialize_parameters_xavier", "product of the fans"),
    ("initialize_parameters_random", "a constant"),
])
def test_hidden_messages_show_no_size_or_value_of_the_hidden_case(name, label):
    answer = run_answer(WRONG[name][label])[name]
    for args, expected in _hidden_cases(name):
        with pytest.raises(CheckFailed) as err:
            nb05.hidden(name, answer, args=args, expected=expected)
        numbers = set(DIGITS.findall(str(err.value)))
        sizes = {str(n) for n in args[0]} | {str(n) for n in args[1:]}
        # layer names (W1, b2, n[l-1]) are not sizes: the cases' sizes are all above 9
        assert not {n for n in numbers & sizes if int(n) > 9}, str(err.value)


def test_steady_std_never_shows_the_answer():
    """A wrong std that no listed mistake explains is answered with what it does to Var(z),
    not with the expected value; hidden, with no number at all."""
    wrong = run_answer(WRONG["steady_std"]["relu's factor 3"])["steady_std"]
    with pytest.raises(CheckFailed) as err:
        nb05.check_steady_std(wrong)
    assert "0.2 " not in str(err.value) and "0.2," not in str(err.value)
    assert "1.5 times" in str(err.value)
    with pytest.raises(CheckFailed) as err:
        nb05.hidden("steady_std", wrong, args=(784, "relu"),
                    expected={"value": nb05.steady_std(784, "relu")})
    assert not re.search(r"\d\.\d", str(err.value)), str(err.value)


def test_every_making_answer_is_a_different_way_of_drawing():
    """The answers tests/test_exercises.py makes for the listed mistakes are distinct."""
    for name in RANDOM_EXERCISES:
        listed = len(nb05.EXERCISES[name].mistakes["std"])
        sources = [making(name, "std", k) for k in range(listed)]
        assert len(set(sources)) == listed


def test_the_right_answers_cover_normal_and_uniform_draws():
    for name in ("initialize_parameters_he", "initialize_parameters_xavier"):
        assert any("rng.uniform" in source for source in RIGHT[name].values())
        assert any("rng.normal" in source or "standard_normal" in source
                   for source in RIGHT[name].values())
