"""Notebook 06's checks, beyond what tests/test_exercises.py, tests/test_checks.py and
tests/test_pipeline.py do for every notebook: the facts the dropout checks rely on (the
mistakes' replays are what they claim, the share of kept units is judged on every case
that needs it, a right answer passes whatever its seed and however it draws, a mask
repeated or reused is named only where a right one would not show it), the batch-norm
cases' tiny row, and float32 answers passing every case with room to spare."""
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


# -- float32 answers: within the tolerances, which every mistake is far outside -----------
def _float32(*arrays):
    return [np.asarray(a, dtype=np.float32) for a in arrays]


@pytest.mark.parametrize("case", [c.args for c in nb06.BATCHNORM_FORWARD.visible] +
                         _hidden_args("batchnorm_forward"))
def test_batchnorm_in_float32_passes_with_room_and_no_mistake_does(case):
    ex = nb06.BATCHNORM_FORWARD
    (Z, gamma, beta), kwargs = nb06._batchnorm_inputs(*case)
    epsilon = kwargs.get("epsilon", 1e-3)
    want = ref.batchnorm_forward(Z, gamma, beta, epsilon)[0]
    Z32, gamma32, beta32 = _float32(Z, gamma, beta)
    mu, var = Z32.mean(axis=1, keepdims=True), Z32.var(axis=1, keepdims=True)
    out = gamma32 * (Z32 - mu) / np.sqrt(var + np.float32(epsilon)) + beta32
    assert np.allclose(out, want, rtol=ex.rtol / 2, atol=ex.atol / 2)
    for mistake in ex.mistakes["out"]:
        wrong = np.asarray(mistake.wrong(Z, gamma, beta, epsilon))
        if wrong.shape == want.shape and np.allclose(wrong, want, rtol=1e-12, atol=0):
            continue  # the mistake of a fixed epsilon, on a case with the default one
        assert wrong.shape != want.shape or \
            np.abs(wrong - want).max() > 20 * (ex.atol + ex.rtol * np.abs(want).max())


def _backward_float32(AL, Y, caches, lambd=0.0, keep_prob=None):
    grads, L, m = {}, len(caches), AL.shape[1]
    dZ = (AL - Y).astype(np.float32)
    for l in range(L, 0, -1):
        ((A_prev, W, _), Z), D = caches[l - 1] if keep_prob else (caches[l - 1], None)
        A_prev, W, Z = _float32(A_prev, W, Z)
        if l < L:
            dZ = dA * (Z > 0) * (1 if D is None else D / np.float32(keep_prob))  # noqa: F821
        grads[f"dW{l}"] = dZ @ A_prev.T / m + np.float32(lambd / m) * W
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        dA = W.T @ dZ
    return grads


@pytest.mark.parametrize("name", ["backward_propagation_with_regularization",
                                  "backward_propagation_with_dropout"])
def test_a_backward_pass_in_float32_passes_with_room(name):
    ex = nb06.EXERCISES[name]
    for case in [c.args for c in ex.visible] + _hidden_args(name):
        (AL, Y, caches, knob), _ = ex.inputs(*case)
        want = ex.reference(AL, Y, caches, knob)
        got = _backward_float32(AL, Y, caches, **(
            {"lambd": knob} if "regularization" in name else {"keep_prob": knob}))
        for key in nb06._grad_keys(case[0]):
            assert np.allclose(got[key], want[key], rtol=ex.rtol / 2, atol=ex.atol / 2), key


@pytest.mark.parametrize("case", [c.args for c in FORWARD.visible] +
                         _hidden_args("forward_propagation_with_dropout"))
def test_a_forward_pass_in_float32_replays_with_room(case):
    (X, parameters, keep_prob, seed), _ = nb06._dropout_inputs(*case)
    masks = _masks(case[0], case[1], keep_prob, seed)
    AL, caches = ref.forward_propagation_with_dropout(X, parameters, keep_prob, None,
                                                      masks=masks)
    A, flat = _float32(X)[0], []
    for l in range(1, len(caches) + 1):
        W, b = _float32(parameters[f"W{l}"], parameters[f"b{l}"])
        Z = W @ A + b
        flat += [A, W, b, Z]
        if l == len(caches):
            AL32 = 1 / (1 + np.exp(-Z))
        else:
            A = np.maximum(Z, 0) * masks[l - 1] / np.float32(keep_prob)
    for got, want in zip(flat + [AL32], nb06._flat(caches) + [AL]):
        assert np.allclose(got, want, rtol=nb06.REPLAY_RTOL / 2, atol=nb06.REPLAY_ATOL / 2)


# -- the masks: repeated along a unit, or reused by a later layer, whole or in part ----------
def test_masks_repeated_or_reused_are_named_and_fresh_ones_pass():
    rng = np.random.default_rng(5)
    fresh = [rng.random((20, 40)) < 0.8, rng.random((10, 40)) < 0.8]
    other = [rng.random((20, 40)) < 0.8, rng.random((10, 40)) < 0.8]
    nb06._check_own_masks(fresh, fresh, other, 0.8, "f")
    per_example = np.repeat(fresh[0][:1], 20, axis=0)
    with pytest.raises(CheckFailed, match="whole examples are dropped"):
        nb06._check_own_masks([per_example, fresh[1]], [per_example, fresh[1]], other,
                              0.8, "f")
    sliced = [fresh[0], fresh[0][:10]]
    with pytest.raises(CheckFailed, match="D2 is D1 again, or the rows they share"):
        nb06._check_own_masks(sliced, sliced, other, 0.8, "f")
    three = [fresh[0], fresh[1], fresh[0][:10]]
    with pytest.raises(CheckFailed, match="D3 is D1 again"):
        nb06._check_own_masks(three, three, other + [fresh[1]], 0.8, "f")
    # on a tiny layer a right answer's masks may well show a pattern: none is named there
    tiny = [np.ones((2, 25), dtype=bool)]
    nb06._check_own_masks(tiny, tiny, tiny, 0.9, "f")
    with pytest.raises(CheckFailed, match="no unit is dropped"):
        big = [np.ones((20, 40), dtype=bool)]
        nb06._check_own_masks(big, big, big, 0.9, "f")
