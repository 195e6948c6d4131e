"""Standardising features with the statistics of the training set.

Shapes, with examples as columns: X_train (n_x, m_train), X_test (n_x, m_test); the
statistics mu and sigma are (n_x, 1) columns, one entry per feature.

Introduced in notebook 02 (its exercise `standardize` has this name and signature).
"""
import numpy as np

from ._validate import as_float_array, check_ndim, check_shape


def _training_statistics(X_train):
    """Per-feature mean and scale of X_train (n_x, m_train), each an (n_x, 1) column.

    The scale is the standard deviation over the examples (np.std, which divides by
    m_train), with 1 in place of 0 for a feature that is constant in the training set:
    such a feature is centred and left unscaled. Introduced in notebook 02.
    """
    X_train = as_float_array(X_train, "X_train")
    check_ndim(X_train, "X_train", 2, "(n_x, m_train)")
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    return mu, np.where(sigma > 0, sigma, 1.0)


def standardize(X_train, X_test):
    """X_train (n_x, m_train) and X_test (n_x, m_test), both standardised with the
    TRAINING set's per-feature mean and scale (see `_training_statistics`).

    Returns: (X_train_std, X_test_std), shaped like the inputs.
    Introduced in notebook 02.
    """
    mu, sigma = _training_statistics(X_train)
    X_test = as_float_array(X_test, "X_test")
    check_shape(X_test, "X_test", (mu.shape[0], None))
    return (as_float_array(X_train, "X_train") - mu) / sigma, (X_test - mu) / sigma
