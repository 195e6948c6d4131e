"""Tests for helpers.gradcheck, with gradients known in closed form."""
import numpy as np
import pytest

from helpers import gradcheck as gc


def cubic_cost(p):
    # J = sum(W^3) + sum(sin b): dJ/dW = 3 W^2, dJ/db = cos b
    return float(np.sum(p["W"] ** 3) + np.sum(np.sin(p["b"])))


@pytest.fixture
def params(rng):
    return {"W": rng.normal(size=(3, 2)), "b": rng.normal(size=(3, 1))}


def exact_grads(p):
    return {"dW": 3 * p["W"] ** 2, "db": np.cos(p["b"])}


def test_vector_round_trip(params):
    theta, spec = gc.params_to_vector(params)
    assert theta.shape == (9,)
    np.testing.assert_array_equal(theta[:6], params["W"].ravel())
    np.testing.assert_array_equal(theta[6:], params["b"].ravel())
    assert spec == [("W", (3, 2)), ("b", (3, 1))]
    back = gc.vector_to_params(theta, spec)
    for key in params:
        np.testing.assert_array_equal(back[key], params[key])


def test_vector_keys_choose_order(params):
    theta, spec = gc.params_to_vector(params, keys=["b"])
    np.testing.assert_array_equal(theta, params["b"].ravel())
    with pytest.raises(KeyError, match=r"params has no \['W2'\]"):
        gc.params_to_vector(params, keys=["W2"])


def test_vector_wrong_length(params):
    _, spec = gc.params_to_vector(params)
    with pytest.raises(ValueError, match=r"theta must have shape \(9\), got \(8,\)"):
        gc.vector_to_params(np.zeros(8), spec)


def test_numerical_gradient_matches_closed_form(params):
    numeric = gc.numerical_gradient(cubic_cost, params)
    exact = exact_grads(params)
    assert set(numeric) == {"dW", "db"}
    for key in exact:
        np.testing.assert_allclose(numeric[key], exact[key], rtol=1e-6, atol=1e-8)


def test_numerical_gradient_leaves_params_untouched(params):
    before = {k: v.copy() for k, v in params.items()}
    gc.numerical_gradient(cubic_cost, params)
    for key in params:
        np.testing.assert_array_equal(params[key], before[key])


def test_relative_error_by_hand():
    assert gc.relative_error(np.array([3.0, 4.0]), np.zeros(2)) == pytest.approx(1.0)
    assert gc.relative_error(np.array([1.0, 0.0]), np.array([0.0, 1.0])) == pytest.approx(
        np.sqrt(2) / 2)
    assert gc.relative_error(np.array([2.0, 2.0]), np.array([2.0, 2.0])) == 0.0
    assert gc.relative_error(np.zeros((2, 2)), np.zeros((2, 2))) == 0.0
    with pytest.raises(ValueError, match=r"analytic and numeric must have the same shape"):
        gc.relative_error(np.zeros(3), np.zeros((3, 1)))


def test_gradient_errors_pass_correct_and_flag_planted_bug(params):
    grads = dict(exact_grads(params), dA0=np.zeros(5))  # extra keys are ignored
    difference, errors = gc.gradient_errors(cubic_cost, params, grads)
    assert set(errors) == {"W", "b"}
    assert max(errors.values()) < 1e-7 and difference < 1e-7
    bug = dict(grads, dW=2 * grads["dW"])  # twice too large: error (2g - g) / 3g = 1/3
    difference, errors = gc.gradient_errors(cubic_cost, params, bug)
    assert errors["W"] == pytest.approx(1 / 3, rel=1e-5)
    assert errors["b"] < 1e-7
    # overall: ||(g_W, 0)|| / (||(2 g_W, g_b)|| + ||(g_W, g_b)||)
    nw, nb = np.linalg.norm(grads["dW"]), np.linalg.norm(grads["db"])
    expected = nw / (np.sqrt(4 * nw**2 + nb**2) + np.sqrt(nw**2 + nb**2))
    assert difference == pytest.approx(expected, rel=1e-5)


def test_gradient_errors_missing_or_misshapen_grad(params):
    with pytest.raises(KeyError, match=r"grads has no 'db' for parameter 'b'"):
        gc.gradient_errors(cubic_cost, params, {"dW": exact_grads(params)["dW"]})
    bad = dict(exact_grads(params), dW=np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"grads\['dW'\] and W must have the same shape"):
        gc.gradient_errors(cubic_cost, params, bad)


def test_float32_params_refused(params):
    params32 = {k: v.astype(np.float32) for k, v in params.items()}
    with pytest.raises(TypeError, match=r"params\['W'\] is float32: finite differences "
                                        r"need float64"):
        gc.numerical_gradient(cubic_cost, params32)
    with pytest.raises(TypeError, match=r"need float64"):
        gc.gradient_errors(cubic_cost, params32, exact_grads(params))


def test_integer_params_become_float64():
    numeric = gc.numerical_gradient(cubic_cost, {"W": np.array([[1, 2]]), "b": np.array([[0]])})
    np.testing.assert_allclose(numeric["dW"], [[3.0, 12.0]], rtol=1e-6)
    np.testing.assert_allclose(numeric["db"], [[1.0]], rtol=1e-6)


def test_cost_must_be_scalar(params):
    with pytest.raises(TypeError, match=r"cost_fn must return a scalar cost"):
        gc.numerical_gradient(lambda p: p["W"] * 2, params)


def test_bad_epsilon(params):
    with pytest.raises(ValueError, match=r"epsilon must be > 0"):
        gc.numerical_gradient(cubic_cost, params, epsilon=0.0)
