"""helpers.minibatches.random_mini_batches: a shuffled partition of the columns."""
import numpy as np
import pytest

from helpers.minibatches import random_mini_batches


def _data(m, C=1):
    # Column j of X holds j in every row, so every batch can be traced back to its columns.
    X = np.tile(np.arange(m, dtype=np.float64), (3, 1))
    Y = np.tile(np.arange(m) * 10, (C, 1))
    return X, Y


@pytest.mark.parametrize("m, batch_size, sizes", [
    (148, 64, [64, 64, 20]),
    (128, 64, [64, 64]),
    (5, 64, [5]),
    (7, 1, [1] * 7),
])
def test_partition_of_the_examples(rng, m, batch_size, sizes):
    X, Y = _data(m)
    batches = random_mini_batches(X, Y, batch_size, rng=rng)
    assert [xb.shape[1] for xb, _ in batches] == sizes
    cols = np.concatenate([xb[0] for xb, _ in batches])
    assert sorted(cols) == list(range(m)), "every example exactly once"
    for xb, yb in batches:
        assert xb.shape[0] == 3 and yb.shape == (1, xb.shape[1])
        np.testing.assert_array_equal(yb[0], xb[0] * 10)  # labels travel with examples
        np.testing.assert_array_equal(xb[1], xb[0])


def test_one_hot_labels_and_dtype_kept(rng):
    X, Y = _data(20, C=4)
    batches = random_mini_batches(X, Y, 8, rng=rng)
    assert [yb.shape for _, yb in batches] == [(4, 8), (4, 8), (4, 4)]
    assert batches[0][1].dtype == Y.dtype
    for xb, yb in batches:
        np.testing.assert_array_equal(yb, np.tile(xb[0] * 10, (4, 1)))


def test_shuffles_and_reproduces_with_a_seed():
    X, Y = _data(100)
    first = random_mini_batches(X, Y, 32, rng=np.random.default_rng(5))
    again = random_mini_batches(X, Y, 32, rng=np.random.default_rng(5))
    other = random_mini_batches(X, Y, 32, rng=np.random.default_rng(6))
    order = np.concatenate([xb[0] for xb, _ in first])
    assert not np.array_equal(order, np.arange(100)), "columns were not shuffled"
    np.testing.assert_array_equal(order, np.concatenate([xb[0] for xb, _ in again]))
    assert not np.array_equal(order, np.concatenate([xb[0] for xb, _ in other]))


def test_bad_arguments(rng):
    X, Y = _data(10)
    with pytest.raises(ValueError, match=r"same number of columns.*\(3, 10\).*\(1, 9\)"):
        random_mini_batches(X, Y[:, :9], 4, rng=rng)
    with pytest.raises(ValueError, match="Y must be a 2-D array"):
        random_mini_batches(X, Y[0], 4, rng=rng)
    with pytest.raises(ValueError, match="batch_size must be > 0, got 0"):
        random_mini_batches(X, Y, 0, rng=rng)
    with pytest.raises(TypeError, match="batch_size must be an int"):
        random_mini_batches(X, Y, 4.0, rng=rng)
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        random_mini_batches(X, Y, 4, rng=1)


def test_batch_indices_are_the_batches_random_mini_batches_gathers():
    from helpers.minibatches import batch_indices
    X = np.arange(2 * 10, dtype=float).reshape(2, 10)
    Y = np.arange(10).reshape(1, 10)
    indices = batch_indices(10, 4, np.random.default_rng(7))
    assert [len(i) for i in indices] == [4, 4, 2]
    assert sorted(np.concatenate(indices)) == list(range(10))
    batches = random_mini_batches(X, Y, 4, rng=np.random.default_rng(7))
    for idx, (Xb, Yb) in zip(indices, batches):
        np.testing.assert_array_equal(Xb, X[:, idx])
        np.testing.assert_array_equal(Yb[0], idx)


def test_a_given_permutation_is_cut_as_the_drawn_one():
    X, Y = _data(11)
    drawn = random_mini_batches(X, Y, 4, rng=np.random.default_rng(5))
    order = np.concatenate([xb[0] for xb, _ in drawn]).astype(int)  # what a check reads
    np.testing.assert_array_equal(order, np.random.default_rng(5).permutation(11))
    given = random_mini_batches(X, Y, 4, permutation=order)
    for (xa, ya), (xb, yb) in zip(drawn, given, strict=True):
        np.testing.assert_array_equal(xa, xb)
        np.testing.assert_array_equal(ya, yb)
    # a student who shuffles another way (here: reversed) is cut the same way
    backwards = random_mini_batches(X, Y, 4, permutation=np.arange(11)[::-1])
    assert [xb[0].tolist() for xb, _ in backwards] == [[10, 9, 8, 7], [6, 5, 4, 3], [2, 1, 0]]


@pytest.mark.parametrize("bad", [np.arange(10), np.zeros(11, int), np.arange(11) + 1])
def test_a_bad_permutation_is_refused(bad):
    X, Y = _data(11)
    with pytest.raises(ValueError, match=r"permutation must hold each of 0..10 once"):
        random_mini_batches(X, Y, 4, permutation=bad)


def test_rng_or_permutation_is_needed():
    X, Y = _data(5)
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        random_mini_batches(X, Y, 2)
