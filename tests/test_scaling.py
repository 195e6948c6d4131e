"""Tests for helpers.scaling: the statistics come from the training set alone."""
import numpy as np
import pytest

from helpers import scaling


def test_training_set_comes_out_with_mean_0_and_spread_1(rng):
    X_train = rng.normal([[3.0], [-40.0], [0.5]], [[2.0], [10.0], [0.01]], size=(3, 50))
    X_test = rng.normal(size=(3, 7))
    train, test = scaling.standardize(X_train, X_test)
    np.testing.assert_allclose(train.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(train.std(axis=1), 1.0, rtol=1e-12)
    assert test.shape == (3, 7)


def test_test_set_uses_the_training_statistics_by_hand():
    X_train = np.array([[1.0, 3.0], [10.0, 30.0]])     # means 2, 20; stds 1, 10
    X_test = np.array([[5.0], [0.0]])
    _, test = scaling.standardize(X_train, X_test)
    np.testing.assert_allclose(test, [[3.0], [-2.0]])


def test_the_test_set_does_not_change_the_training_result(rng):
    X_train = rng.normal(size=(4, 20))
    first, _ = scaling.standardize(X_train, rng.normal(size=(4, 5)))
    second, _ = scaling.standardize(X_train, 100 + rng.normal(size=(4, 9)))
    np.testing.assert_array_equal(first, second)


def test_each_test_example_is_standardised_on_its_own(rng):
    """A test example's result does not depend on which other examples come with it."""
    X_train, X_test = rng.normal(size=(3, 30)), rng.normal(size=(3, 6))
    _, together = scaling.standardize(X_train, X_test)
    _, alone = scaling.standardize(X_train, X_test[:, 2:3])
    np.testing.assert_allclose(alone, together[:, 2:3], rtol=1e-15)


def test_a_feature_constant_in_training_is_centred_and_not_scaled():
    X_train = np.array([[1.0, 2.0, 3.0], [7.0, 7.0, 7.0]])
    X_test = np.array([[2.0, 0.0], [9.0, 4.0]])
    train, test = scaling.standardize(X_train, X_test)
    np.testing.assert_array_equal(train[1], [0.0, 0.0, 0.0])
    np.testing.assert_allclose(test[1], [2.0, -3.0])
    assert np.all(np.isfinite(test))


def test_statistics_are_columns_and_match_numpy(rng):
    X_train = rng.normal(5.0, 3.0, size=(6, 40))
    mu, sigma = scaling._training_statistics(X_train)
    assert mu.shape == sigma.shape == (6, 1)
    np.testing.assert_allclose(mu[:, 0], [np.mean(row) for row in X_train])
    np.testing.assert_allclose(sigma[:, 0], [np.std(row) for row in X_train])


def test_standardising_is_affine_with_slope_one_over_sigma(rng):
    """Finite differences: moving one test entry by h moves its output by h / sigma."""
    X_train, X_test = rng.normal(2.0, 4.0, size=(2, 25)), rng.normal(size=(2, 3))
    _, sigma = scaling._training_statistics(X_train)
    h = 1e-6
    step = np.zeros_like(X_test)
    step[1, 2] = h
    _, plus = scaling.standardize(X_train, X_test + step)
    _, minus = scaling.standardize(X_train, X_test - step)
    slope = (plus - minus) / (2 * h)
    expected = np.zeros_like(X_test)
    expected[1, 2] = 1 / sigma[1, 0]
    np.testing.assert_allclose(slope, expected, atol=1e-7)


def test_mismatched_features_are_refused():
    with pytest.raises(ValueError, match="X_test"):
        scaling.standardize(np.zeros((3, 4)), np.zeros((2, 4)))
