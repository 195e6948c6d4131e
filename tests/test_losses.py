"""Tests for helpers.losses: values by hand, gradients by finite differences, Keras."""
import math
import warnings

import numpy as np
import pytest

from helpers import losses
from helpers.activations import softmax
from helpers.gradcheck import numerical_gradient


def probabilities(rng, shape):
    return rng.uniform(0.05, 0.95, size=shape)


def per_example_fd(cost, A, Y):
    """m * dJ/dA: the per-example gradient dL/dA estimated by finite differences."""
    numeric = numerical_gradient(lambda p: cost(p["A"], Y), {"A": A})["dA"]
    return A.shape[1] * numeric


# ---------------------------------------------------------------- binary cross-entropy

def test_bce_by_hand():
    AL = np.array([[0.9, 0.2, 0.6]])
    Y = np.array([[1, 0, 1]])
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.6)) / 3
    J = losses.binary_cross_entropy(AL, Y)
    assert isinstance(J, float)
    assert J == pytest.approx(expected, rel=1e-12)


def test_bce_backward_matches_finite_differences(rng):
    AL = probabilities(rng, (1, 7))
    Y = (rng.uniform(size=(1, 7)) > 0.5).astype(float)
    dAL = losses.binary_cross_entropy_backward(AL, Y)
    np.testing.assert_allclose(dAL, per_example_fd(losses.binary_cross_entropy, AL, Y),
                               rtol=1e-6)


def test_bce_finite_at_exact_zero_and_one():
    AL = np.array([[0.0, 1.0, 0.0, 1.0]])
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        J = losses.binary_cross_entropy(AL, Y)
        dAL = losses.binary_cross_entropy_backward(AL, Y)
    assert np.isfinite(J)
    assert np.all(np.isfinite(dAL))
    # Two confident mistakes cost -log(1e-7) each, two confident hits almost nothing.
    assert J == pytest.approx(2 * -math.log(1e-7) / 4, rel=1e-6)


def test_bce_finite_at_zero_and_one_in_float32():
    AL = np.array([[0.0, 1.0]], dtype=np.float32)
    Y = np.array([[1.0, 0.0]], dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(losses.binary_cross_entropy(AL, Y))
        dAL = losses.binary_cross_entropy_backward(AL, Y)
    assert dAL.dtype == np.float32 and np.all(np.isfinite(dAL))


def test_bce_matches_keras(keras, rng):
    AL = rng.uniform(0, 1, size=(1, 20)).astype(np.float32)
    AL[0, :2] = [0.0, 1.0]  # Keras clips with the same epsilon
    Y = (rng.uniform(size=(1, 20)) > 0.5).astype(np.float32)
    expected = float(keras.losses.BinaryCrossentropy()(Y.T, AL.T))  # Keras: rows
    assert losses.binary_cross_entropy(AL, Y) == pytest.approx(expected, rel=1e-5)


# ---------------------------------------------------------------- softmax cross-entropy

def test_one_hot_by_hand():
    Y = losses.one_hot(np.array([[2, 0, 1, 2]]), 3)
    expected = np.array([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]], dtype=float)
    np.testing.assert_array_equal(Y, expected)


@pytest.mark.parametrize("labels, match", [
    (np.array([[0, 3]]), r"labels must be integers in \[0, 3\)"),
    (np.array([[0.5, 1]]), r"labels must be integers"),
    (np.array([[-1, 1]]), r"labels must be integers"),
    (np.array([0, 1]), r"labels must be a 2-D array \(1, m\), got shape \(2,\)"),
])
def test_one_hot_bad_labels(labels, match):
    with pytest.raises(ValueError, match=match):
        losses.one_hot(labels, 3)


def test_softmax_ce_by_hand_with_both_label_formats():
    A = np.array([[0.7, 0.1], [0.2, 0.3], [0.1, 0.6]])
    expected = -(math.log(0.7) + math.log(0.6)) / 2
    labels = np.array([[0, 2]])
    assert losses.softmax_cross_entropy(A, labels) == pytest.approx(expected, rel=1e-12)
    assert losses.softmax_cross_entropy(A, losses.one_hot(labels, 3)) == pytest.approx(
        expected, rel=1e-12)


def test_softmax_ce_gradient_wrt_logits_is_A_minus_Y(rng):
    Z = rng.normal(size=(4, 6))
    labels = rng.integers(0, 4, size=(1, 6))
    dZ = losses.softmax_cross_entropy_backward(softmax(Z), labels)

    def composed(p):  # J as a function of the logits
        return losses.softmax_cross_entropy(softmax(p["Z"]), labels)

    numeric = 6 * numerical_gradient(composed, {"Z": Z})["dZ"]
    np.testing.assert_allclose(dZ, numeric, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(dZ, softmax(Z) - losses.one_hot(labels, 4))


def test_softmax_ce_matches_keras(keras, rng):
    A = softmax(rng.normal(0, 2, size=(5, 12))).astype(np.float32)
    labels = rng.integers(0, 5, size=(1, 12))
    Y = losses.one_hot(labels, 5).astype(np.float32)
    dense = float(keras.losses.CategoricalCrossentropy()(Y.T, A.T))
    sparse = float(keras.losses.SparseCategoricalCrossentropy()(labels[0], A.T))
    assert losses.softmax_cross_entropy(A, Y) == pytest.approx(dense, rel=1e-5)
    assert losses.softmax_cross_entropy(A, labels) == pytest.approx(sparse, rel=1e-5)


def test_softmax_ce_finite_at_zero_probability():
    A = np.array([[1.0, 0.0], [0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        J = losses.softmax_cross_entropy(A, np.array([[1, 1]]))
    assert J == pytest.approx(-math.log(1e-7) / 2, rel=1e-6)


@pytest.mark.parametrize("Y", [np.array([0, 1, 2]), np.zeros((2, 3)), np.zeros((3, 2))])
def test_softmax_ce_rejects_wrong_label_shapes(Y):
    A = np.full((3, 3), 1 / 3)
    with pytest.raises(ValueError, match=r"one-hot labels of shape \(3, 3\) or integer "
                                         r"labels of shape \(1, 3\)"):
        losses.softmax_cross_entropy(A, Y)


# ---------------------------------------------------------------- mean squared error

def test_mse_by_hand():
    AL = np.array([[1.0, 2.0], [0.0, 1.0]])
    Y = np.array([[0.0, 2.0], [2.0, 0.0]])
    # per example: 1 + 4 = 5 and 0 + 1 = 1 -> mean 3
    assert losses.mean_squared_error(AL, Y) == pytest.approx(3.0)


def test_mse_backward_matches_finite_differences(rng):
    AL, Y = rng.normal(size=(3, 5)), rng.normal(size=(3, 5))
    np.testing.assert_allclose(losses.mean_squared_error_backward(AL, Y),
                               per_example_fd(losses.mean_squared_error, AL, Y), rtol=1e-6)


@pytest.mark.parametrize("n_y", [1, 3])
def test_mse_is_keras_times_n_outputs(n_y, keras, rng):
    AL = rng.normal(size=(n_y, 10)).astype(np.float32)
    Y = rng.normal(size=(n_y, 10)).astype(np.float32)
    expected = float(keras.losses.MeanSquaredError()(Y.T, AL.T))
    assert losses.mean_squared_error(AL, Y) == pytest.approx(n_y * expected, rel=1e-5)


# ---------------------------------------------------------------- shapes, dtypes, registry

def test_binary_shape_errors():
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape, got \(1, 4\) "
                                         r"and \(1, 3\)"):
        losses.binary_cross_entropy(np.full((1, 4), 0.5), np.ones((1, 3)))
    with pytest.raises(ValueError, match=r"AL must be a 2-D array \(1, m\), got shape \(4,\)"):
        losses.binary_cross_entropy_backward(np.full(4, 0.5), np.ones(4))
    with pytest.raises(ValueError, match=r"AL must have shape \(1, any\), got \(2, 4\)"):
        losses.binary_cross_entropy(np.full((2, 4), 0.5), np.ones((2, 4)))
    with pytest.raises(ValueError,
                       match=r"AL and Y must have the same shape, got \(2, 4\) and \(4, 2\)"):
        losses.mean_squared_error(np.zeros((2, 4)), np.zeros((4, 2)))


def test_probabilities_outside_unit_interval_rejected():
    with pytest.raises(ValueError, match=r"AL must hold probabilities.*did you pass Z"):
        losses.binary_cross_entropy(np.array([[2.0, -1.0]]), np.array([[1, 0]]))


def test_non_numeric_input_rejected():
    with pytest.raises(TypeError, match=r"Y must be a numeric array"):
        losses.binary_cross_entropy(np.array([[0.5]]), np.array([["1"]]))
    with pytest.raises(TypeError, match=r"AL must be a numeric array"):
        losses.mean_squared_error(np.array([[True]]), np.array([[1.0]]))


def test_float32_stays_float32(rng):
    AL = rng.uniform(0.1, 0.9, size=(1, 4)).astype(np.float32)
    Y = np.array([[1, 0, 1, 1]])  # integer labels do not promote the gradient
    assert losses.binary_cross_entropy_backward(AL, Y).dtype == np.float32
    assert losses.mean_squared_error_backward(AL, Y).dtype == np.float32
    A = softmax(rng.normal(size=(3, 4))).astype(np.float32)
    assert losses.softmax_cross_entropy_backward(A, np.array([[0, 1, 2, 0]])).dtype == np.float32


def test_registry():
    assert losses.get_loss("mean_squared_error") == (
        losses.mean_squared_error, losses.mean_squared_error_backward)
    assert set(losses.LOSSES) == {
        "binary_cross_entropy", "softmax_cross_entropy", "mean_squared_error"}
    with pytest.raises(ValueError, match=r"unknown loss 'mse'.*'binary_cross_entropy'"):
        losses.get_loss("mse")


def test_targets_checks_labels_once_and_returns_what_the_loss_compares():
    # integer labels become one-hot columns, in the prediction's dtype
    Y = losses.targets("softmax_cross_entropy", np.array([[2, 0, 1, 2]]), (3, 4), np.float32)
    np.testing.assert_array_equal(Y, [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]])
    assert Y.dtype == np.float32
    # 0/1 labels and regression targets come back as they are, in that dtype
    labels = np.array([[1.0, 0.0, 1.0]])
    assert losses.targets("binary_cross_entropy", labels, (1, 3)) is labels
    np.testing.assert_array_equal(
        losses.targets("mean_squared_error", np.array([[0.5, -2.0]]), (1, 2), np.float32),
        np.array([[0.5, -2.0]], dtype=np.float32))


@pytest.mark.parametrize("name, Y, shape, match", [
    ("softmax_cross_entropy", np.array([[0, 3]]), (3, 2), r"integers in \[0, 3\)"),
    ("softmax_cross_entropy", np.zeros((2, 2)), (3, 2), "one-hot labels of shape"),
    ("binary_cross_entropy", np.array([[0.0, 2.0]]), (1, 2), "Y must hold probabilities"),
    ("binary_cross_entropy", np.array([[0.0, 1.0, 1.0]]), (1, 2), "same shape"),
    ("hinge", np.zeros((1, 2)), (1, 2), "unknown loss 'hinge'"),
])
def test_targets_names_what_is_wrong_with_the_labels(name, Y, shape, match):
    with pytest.raises(ValueError, match=match):
        losses.targets(name, Y, shape)
