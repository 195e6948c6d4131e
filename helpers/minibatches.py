"""Shuffling a training set into mini-batches (examples are columns)."""
import numpy as np

from helpers import _validate


def random_mini_batches(X, Y, batch_size=64, *, rng=None, permutation=None):
    """Shuffle the examples and cut them into mini-batches.

    X: (n_x, m). Y: (1, m) labels or (C, m) one-hot; its dtype is kept (integer labels
    stay integers). batch_size: positive int. rng: np.random.Generator, which draws the
    permutation rng.permutation(m) (the same one for X and Y, so each example keeps its
    label). permutation: instead of drawing, this order of the m columns, a permutation
    of range(m): any way of shuffling is right, so a check can read the order a student's
    batches came in and hand it here to compare the cutting exactly.
    Returns a list of (X_batch, Y_batch) with X_batch (n_x, batch_size) and Y_batch
    (C, batch_size); the last batch holds the remaining m % batch_size examples when m is
    not a multiple of batch_size. Every example appears in exactly one batch.

    Introduced in notebook 07.
    """
    X = _validate.as_float_array(X, "X")
    _validate.check_ndim(X, "X", 2, "(n_x, m)")
    Y = np.asarray(Y)
    _validate.check_ndim(Y, "Y", 2, "(1, m) or (C, m)")
    m = X.shape[1]
    if m != Y.shape[1]:
        raise ValueError(
            f"X and Y must have the same number of columns (examples), got X {X.shape} "
            f"and Y {Y.shape}"
        )
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)):
        raise TypeError(f"batch_size must be an int, got {batch_size!r}")
    _validate.check_positive(batch_size, "batch_size")
    if permutation is None:
        _validate.check_rng(rng)
        permutation = rng.permutation(m)
    else:
        permutation = np.asarray(permutation)
        if permutation.shape != (m,) or not np.array_equal(np.sort(permutation), np.arange(m)):
            raise ValueError(f"permutation must hold each of 0..{m - 1} once, shape ({m},)")
    return [(X[:, idx], Y[:, idx]) for idx in _cut(permutation, batch_size)]


def _cut(permutation, batch_size):
    return [permutation[k:k + batch_size] for k in range(0, len(permutation), batch_size)]


def batch_indices(m, batch_size, rng):
    """The example indices of each mini-batch: rng.permutation(m) cut into pieces of
    batch_size (the last one shorter when batch_size does not divide m), exactly as
    random_mini_batches cuts them.

    helpers.train.fit gathers each batch only when it needs it, so it never holds a
    second, shuffled copy of the training set.
    m, batch_size: positive ints (unchecked); rng: np.random.Generator.
    Returns a list of 1-D integer arrays. Introduced in notebook 07.
    """
    return _cut(rng.permutation(m), batch_size)
