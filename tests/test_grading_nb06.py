"""Notebook 06's checks, beyond what tests/test_exercises.py, tests/test_checks.py and
tests/test_pipeline.py do for every notebook: the facts the dropout checks rely on (the
mistakes' replays are what they claim, the share of kept units is judged on every case
that needs it, and a right answer passes whatever its seed and however it draws), and
the batch-norm cases' tiny row."""
import ast

import numpy as np
import pytest

import nb06_answers
from answers import run_answer
from course import ROOT
from helpers import regularization as ref
from helpers.grading import nb06
from helpers.grading.checks import CheckFailed
from helpers.grading.exercise import Case, grade

SOURCE = (ROOT / "solutions" / "06_regularization" / "06_regularization.py").read_text()
FORWARD = nb06.FORWARD_PROPAGATION_WITH_DROPOUT


def _hidden_args(name):
    """The args of every hidden test of `name` in the solution's source."""
    found = []
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "hidden" \
                and node.args and getattr(node.args[0], "value", None) == name:
            keywords = {k.arg: k.value for k in node.keywords}
            found.append(ast.literal_eval(keywords["args"]))
    assert found, f"no hidden test of {name}"
    return found


def _masks(layer_dims, m, keep_prob, seed):
    rng = np.random.default_rng(seed)
    return [rng.random((n, m)) < keep_prob for n in layer_dims[1:-1]]


@pytest.mark.parametrize("case", [c.args for c in FORWARD.visible] +
                         _hidden_args("forward_propagation_with_dropout"))
def test_the_mistaken_replays_differ_from_the_right_one_and_the_right_one_is_the_reference(
        case):
    (X, parameters, keep_prob, seed), _ = nb06._dropout_inputs(*case)
    masks = _masks(case[0], case[1], keep_prob, seed)
    AL, caches = ref.forward_propagation_with_dropout(X, parameters, keep_prob, None,
                                                      masks=masks)
    AL_right, flat_right = nb06._forward_variant()(X, parameters, keep_prob, seed)(masks)
    assert np.allclose(AL_right, AL)
    assert nb06._distance(flat_right, nb06._flat(caches)) == 0.0
    if keep_prob < 1:
        for mistake in FORWARD.mistakes["AL"] + FORWARD.mistakes["caches"]:
            AL_m, flat_m = mistake.wrong(X, parameters, keep_prob, seed)(masks)
            assert nb06._distance([AL_m], [AL]) + \
                nb06._distance(flat_m, nb06._flat(caches)) > 0


@pytest.mark.parametrize("case", [c.args for c in FORWARD.visible] +
                         _hidden_args("forward_propagation_with_dropout"))
def test_the_share_of_kept_units_is_judged_where_it_can_be(case):
    """Six standard errors of the kept share below the judged limit on the cases with
    many draws, and the mistake 1 - keep_prob far outside them."""
    layer_dims, m, keep_prob, _ = case
    drawn = m * sum(layer_dims[1:-1])
    tol = 6 * np.sqrt(keep_prob * (1 - keep_prob) / drawn)
    if drawn >= 5000 and keep_prob < 1:
        assert tol <= nb06.KEPT_TOLERANCE
        assert abs((1 - keep_prob) - keep_prob) > 3 * tol


def test_each_judging_case_set_holds_one_with_enough_draws():
    for cases in ([c.args for c in FORWARD.visible],
                  _hidden_args("forward_propagation_with_dropout")):
        assert any(m * sum(dims[1:-1]) >= 5000 and kp < 1 for dims, m, kp, _ in cases)
    # the visible and the hidden cases hold two hidden layers of one size, where a mask
    # used twice shows
    assert any(len(set(dims[1:-1])) < len(dims[1:-1]) and m * dims[1] >= 50
               for dims, m, _, _ in [c.args for c in FORWARD.visible])


RIGHT_FORWARD = nb06_answers.RIGHT["forward_propagation_with_dropout"][
    "a binomial mask, as floats"]


@pytest.mark.parametrize("seed", range(20))
def test_a_right_answer_passes_whatever_its_seed(seed):
    fn = run_answer(RIGHT_FORWARD)["forward_propagation_with_dropout"]
    for case in FORWARD.visible:
        dims, m, keep_prob, _ = case.args
        moved = Case((dims, m, keep_prob, 1000 * seed + 7), label=case.label)
        grade(FORWARD, fn, moved, FORWARD.expected(moved), reveal=True)


def test_a_mask_drawn_before_the_relu_is_the_same_answer():
    """Dropping Z and then applying ReLU equals dropping ReLU's output (ReLU commutes
    with scaling by D / keep_prob >= 0): the checks must accept it."""
    fn = run_answer(nb06_answers._forward(apply="np.maximum(0, Z * D / keep_prob)"))[
        "forward_propagation_with_dropout"]
    nb06.check_forward_propagation_with_dropout(fn)


def test_a_wrong_share_that_no_mistake_explains_is_named_without_its_value():
    fn = run_answer(nb06_answers._forward(draw="rng.random(A.shape) < keep_prob / 2"))[
        "forward_propagation_with_dropout"]
    with pytest.raises(CheckFailed, match="wrong share of the units") as err:
        nb06.hidden("forward_propagation_with_dropout", fn, args=([5, 30, 30, 1], 200, 0.6, 41),
                    expected={"kept": 0.6, "AL": 0.0, "caches": 0.0})
    assert "0." not in str(err.value).split("units")[1]


def test_the_backward_variants_are_the_reference_when_right():
    (AL, Y, caches, keep_prob), _ = nb06._dropout_backward_inputs(nb06.BACK_DIMS, 6, 0.7, 2)
    right = nb06._dropout_grads(AL, Y, caches, keep_prob, lambda kp: 1 / kp)
    want = ref.backward_propagation_with_dropout(AL, Y, caches, keep_prob)
    assert all(np.allclose(right[k], want[k]) for k in want if not k.startswith("dA"))


@pytest.mark.parametrize("case", [c.args for c in nb06.BATCHNORM_FORWARD.visible])
def test_epsilon_matters_on_every_visible_batchnorm_case(case):
    (Z, gamma, beta), kwargs = nb06._batchnorm_inputs(*case)
    epsilon = kwargs.get("epsilon", 1e-3)
    assert Z.var(axis=1).min() < 100 * epsilon
    with_eps = nb06._normalised(Z, gamma, beta, epsilon)
    without = nb06._normalised(Z, gamma, beta, epsilon, root="no epsilon")
    assert not np.allclose(with_eps, without, rtol=1e-4)
