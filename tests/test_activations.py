"""Tests for helpers.activations: formulas, derivatives, stability, Keras agreement."""
import math
import warnings

import numpy as np
import pytest

from fd import away_from_kinks, derivative, jacobian
from helpers import activations as act

ELEMENTWISE = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "swish", "linear"]


# ---------------------------------------------------------------- formulas

def test_sigmoid_matches_textbook_formula(rng):
    z = rng.normal(0, 3, size=(3, 5))
    np.testing.assert_allclose(act.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-12)


def test_relu_values_and_not_all_zeros():
    # The seed's loop returned zeros for every input.
    z = np.array([[-2.0, 0.0, 3.0, 0.5]])
    np.testing.assert_array_equal(act.relu(z), [[0.0, 0.0, 3.0, 0.5]])
    assert np.any(act.relu(z) != 0)


def test_leaky_relu_values():
    z = np.array([[-2.0, 0.0, 3.0]])
    np.testing.assert_allclose(act.leaky_relu(z), [[-0.02, 0.0, 3.0]])
    np.testing.assert_allclose(act.leaky_relu(z, alpha=0.3), [[-0.6, 0.0, 3.0]])


def test_elu_values():
    z = np.array([-1.0, 0.0, 2.0])
    expected = [2.0 * (math.exp(-1.0) - 1.0), 0.0, 2.0]
    np.testing.assert_allclose(act.elu(z, alpha=2.0), expected, rtol=1e-12)
    # ELU tends to -alpha for very negative inputs.
    np.testing.assert_allclose(act.elu(np.array([-50.0]), alpha=1.5), [-1.5])


def test_elu_differs_from_seed_formula(rng):
    z = rng.normal(0, 2, size=50)
    seed_formula = z * (1 - np.exp(-z))
    assert not np.allclose(act.elu(z), seed_formula, atol=1e-3)
    assert not np.allclose(act.elu_derivative(z), derivative(lambda x: x * (1 - np.exp(-x)), z),
                           atol=1e-3)


def test_swish_and_linear_values(rng):
    z = rng.normal(size=(2, 4))
    np.testing.assert_allclose(act.swish(z), z / (1 + np.exp(-z)), rtol=1e-12)
    np.testing.assert_array_equal(act.linear(z), z)
    np.testing.assert_array_equal(act.linear_derivative(z), np.ones_like(z))


def test_tanh_matches_math():
    z = np.array([-3.0, -0.5, 0.0, 0.7, 4.0])
    np.testing.assert_allclose(act.tanh(z), [math.tanh(v) for v in z], rtol=1e-12)


# ------------------------------------------------------ derivatives vs finite differences

@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_finite_differences(name, rng):
    g, g_prime = act.get_activation(name)
    z = away_from_kinks(rng, (4, 6), scale=3.0)
    np.testing.assert_allclose(g_prime(z), derivative(g, z), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name, alpha", [
    ("leaky_relu", 0.0), ("leaky_relu", 0.2), ("leaky_relu", 0.5),
    ("elu", 0.3), ("elu", 1.0), ("elu", 2.5),
])
def test_derivative_with_alpha_matches_finite_differences(name, alpha, rng):
    g, g_prime = act.get_activation(name)
    z = away_from_kinks(rng, (30,))
    fd = derivative(lambda x: g(x, alpha=alpha), z)
    np.testing.assert_allclose(g_prime(z, alpha=alpha), fd, rtol=1e-6, atol=1e-8)


def test_derivatives_at_kinks():
    zero = np.array([0.0])
    assert act.relu_derivative(zero)[0] == 0.0
    assert act.leaky_relu_derivative(zero, alpha=0.1)[0] == pytest.approx(0.1)
    assert act.elu_derivative(zero, alpha=0.7)[0] == pytest.approx(0.7)


def test_sigmoid_and_tanh_derivatives_peak_at_zero():
    z = np.linspace(-6, 6, 1201)  # contains 0 exactly
    assert act.sigmoid_derivative(np.array(0.0)) == pytest.approx(0.25)
    assert act.tanh_derivative(np.array(0.0)) == pytest.approx(1.0)
    assert act.sigmoid_derivative(z).max() == pytest.approx(0.25)
    assert act.tanh_derivative(z).max() == pytest.approx(1.0)
    # Saturation: tiny slopes far from 0, not near 0.
    assert act.sigmoid_derivative(np.array(10.0)) < 1e-4
    assert act.tanh_derivative(np.array(-10.0)) < 1e-8


# ---------------------------------------------------------------- softmax

def test_softmax_columns_sum_to_one_and_axis(rng):
    z = rng.normal(size=(4, 7))
    s = act.softmax(z)
    np.testing.assert_allclose(s.sum(axis=0), np.ones(7))
    np.testing.assert_allclose(s, np.exp(z) / np.exp(z).sum(axis=0), rtol=1e-12)
    np.testing.assert_allclose(act.softmax(z.T, axis=1), s.T, rtol=1e-12)


def test_softmax_large_logits_are_finite_and_correct():
    z = np.array([[1000.0], [1001.0], [1002.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.softmax(z)
    small = np.exp(np.array([0.0, 1.0, 2.0]))
    np.testing.assert_allclose(s[:, 0], small / small.sum(), rtol=1e-12)


def test_softmax_jacobian_matches_finite_differences(rng):
    z = rng.normal(size=5)
    J = act.softmax_jacobian(z)
    np.testing.assert_allclose(J, jacobian(act.softmax, z), rtol=1e-6, atol=1e-9)
    # Column input (C, 1) gives the same matrix; it is not the seed's s(1 - s) diagonal.
    np.testing.assert_allclose(act.softmax_jacobian(z.reshape(5, 1)), J)
    s = act.softmax(z)
    assert not np.allclose(J, np.diag(s * (1 - s)))


def test_softmax_jacobian_rejects_batches():
    with pytest.raises(ValueError, match=r"one column of logits.*got \(3, 2\)"):
        act.softmax_jacobian(np.zeros((3, 2)))


# ---------------------------------------------------------------- numerical safety

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_extremes_no_overflow(dtype):
    z = np.array([-1000.0, 1000.0], dtype=dtype)
    # Underflow to 0 is harmless (and ignored by numpy's defaults); overflow is not.
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        s = act.sigmoid(z)
        d = act.sigmoid_derivative(z)
        sw = act.swish(z)
        e = act.elu(z)
    np.testing.assert_array_equal(s, [0.0, 1.0])
    np.testing.assert_array_equal(d, [0.0, 0.0])
    np.testing.assert_array_equal(sw, [0.0, 1000.0])  # -1000 * 0 = -0.0 == 0.0
    np.testing.assert_array_equal(e, [-1.0, 1000.0])


# ---------------------------------------------------------------- Keras agreement

KERAS_CASES = [
    ("sigmoid", {}, "sigmoid", {}),
    ("tanh", {}, "tanh", {}),
    ("relu", {}, "relu", {}),
    ("leaky_relu", {"alpha": 0.2}, "leaky_relu", {"negative_slope": 0.2}),
    ("leaky_relu", {"alpha": 0.05}, "leaky_relu", {"negative_slope": 0.05}),
    ("elu", {}, "elu", {}),
    ("elu", {"alpha": 1.7}, "elu", {"alpha": 1.7}),
    ("swish", {}, "silu", {}),
    ("linear", {}, "linear", {}),
]


@pytest.mark.parametrize("ours, kw, theirs, keras_kw", KERAS_CASES)
def test_activation_matches_keras(ours, kw, theirs, keras_kw, keras, rng):
    z = rng.normal(0, 3, size=(4, 6)).astype(np.float32)
    expected = np.asarray(getattr(keras.activations, theirs)(z, **keras_kw))
    got = getattr(act, ours)(z, **kw)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("ours, kw, theirs, keras_kw", KERAS_CASES)
def test_derivative_matches_jax_grad(ours, kw, theirs, keras_kw, keras, rng):
    import jax

    keras_fn = getattr(keras.activations, theirs)
    slope = jax.vmap(jax.grad(lambda x: keras_fn(x, **keras_kw)))
    z = away_from_kinks(rng, (40,), scale=3.0).astype(np.float32)
    got = getattr(act, ours + "_derivative")(z, **kw)
    np.testing.assert_allclose(got, np.asarray(slope(z)), rtol=1e-5, atol=1e-6)


def test_softmax_matches_keras_on_rows(keras, rng):
    z = rng.normal(0, 3, size=(5, 8)).astype(np.float32)  # (C, m): classes down columns
    keras_rows = np.asarray(keras.activations.softmax(z.T, axis=-1))  # Keras: (m, C)
    np.testing.assert_allclose(act.softmax(z), keras_rows.T, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(act.softmax(z.T, axis=-1), keras_rows, rtol=1e-5, atol=1e-7)


# ---------------------------------------------------------------- dtypes and bad input

@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_float32_stays_float32(name):
    g, g_prime = act.get_activation(name)
    z = np.array([[-1.5], [0.5], [2.0]], dtype=np.float32)
    assert g(z).dtype == np.float32
    assert g_prime(z).dtype == np.float32


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_integers_become_float64(name):
    g, _ = act.get_activation(name)
    out = g(np.array([[-2], [0], [3]]))
    assert out.dtype == np.float64


@pytest.mark.parametrize("bad", [np.array(["a", "b"]), np.array([True, False])])
def test_non_numeric_input_raises(bad):
    with pytest.raises(TypeError, match=r"z must be a numeric array"):
        act.relu(bad)
    with pytest.raises(TypeError, match=r"z must be a numeric array"):
        act.sigmoid_derivative(bad)


def test_negative_alpha_raises():
    with pytest.raises(ValueError, match=r"alpha must be >= 0"):
        act.leaky_relu(np.zeros(3), alpha=-0.1)


def test_get_activation_known_and_unknown():
    assert act.get_activation("relu") == (act.relu, act.relu_derivative)
    assert act.get_activation("softmax") == (act.softmax, act.softmax_jacobian)
    with pytest.raises(ValueError, match=r"unknown activation 'relux'.*'relu'.*'sigmoid'"):
        act.get_activation("relux")


# ---------------------------------------------------------------- numerical_derivative

def test_numerical_derivative_matches_known_slopes(rng):
    z = rng.normal(0, 1.5, size=(3, 4))
    np.testing.assert_allclose(act.numerical_derivative(np.sin, z), np.cos(z),
                               rtol=0, atol=1e-9)
    np.testing.assert_allclose(act.numerical_derivative(np.exp, z, eps=1e-4), np.exp(z),
                               rtol=1e-8)


def test_numerical_derivative_is_central_not_one_sided():
    # sin(3 z) is curved: a one-sided difference errs by about 9 sin(3 z) eps / 2.
    z = np.array([0.4, -1.1, 2.0])
    central = act.numerical_derivative(lambda t: np.sin(3 * t), z)
    one_sided = (np.sin(3 * (z + 1e-5)) - np.sin(3 * z)) / 1e-5
    exact = 3 * np.cos(3 * z)
    assert np.max(np.abs(central - exact)) < 1e-9
    assert np.max(np.abs(one_sided - exact)) > 1e-5


def test_numerical_derivative_error_shrinks_like_eps_squared():
    z = np.array([0.7])
    errors = [abs(act.numerical_derivative(np.exp, z, eps)[0] - np.exp(0.7))
              for eps in (1e-2, 1e-3)]
    assert 80 < errors[0] / errors[1] < 120


def test_numerical_derivative_rejects_a_bad_step():
    with pytest.raises(ValueError, match="eps"):
        act.numerical_derivative(np.sin, np.zeros(2), eps=0.0)
