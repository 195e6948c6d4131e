"""Tests of helpers.data: the synthetic 2-D sets keep the promises the notebooks make
about them, and the shipped digits are the intended file."""
import hashlib

import numpy as np
import pytest

from helpers import data

MAKERS = [data.make_planar, data.make_circles, data.make_moons]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def accuracy(predictions, Y):
    return float(np.mean(predictions == Y))


# Tiny trainers, written here rather than taken from helpers, so that these tests
# check the data and not another module.
def train_logistic(X, Y, lr=1.0, iterations=2000):
    w, b = np.zeros((X.shape[0], 1)), 0.0
    for _ in range(iterations):
        dZ = sigmoid(w.T @ X + b) - Y
        w -= lr * (X @ dZ.T) / X.shape[1]
        b -= lr * dZ.mean()
    return lambda Xn: (sigmoid(w.T @ Xn + b) > 0.5).astype(float)


def train_tanh_net(X, Y, hidden=4, lr=1.2, iterations=10000, seed=2):
    rng = np.random.default_rng(seed)
    m = X.shape[1]
    W1, b1 = 0.01 * rng.standard_normal((hidden, X.shape[0])), np.zeros((hidden, 1))
    W2, b2 = 0.01 * rng.standard_normal((1, hidden)), np.zeros((1, 1))
    for _ in range(iterations):
        A1 = np.tanh(W1 @ X + b1)
        dZ2 = sigmoid(W2 @ A1 + b2) - Y
        dZ1 = (W2.T @ dZ2) * (1 - A1**2)
        W2 -= lr * dZ2 @ A1.T / m
        b2 -= lr * dZ2.mean(axis=1, keepdims=True)
        W1 -= lr * dZ1 @ X.T / m
        b1 -= lr * dZ1.mean(axis=1, keepdims=True)
    return lambda Xn: (sigmoid(W2 @ np.tanh(W1 @ Xn + b1) + b2) > 0.5).astype(float)


def train_relu_net(X, Y, dims, lr, iterations, adam=False, seed=3):
    """A He-initialised ReLU network with a sigmoid output, trained by full-batch
    gradient descent or Adam."""
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * np.sqrt(2 / dims[l - 1])
        params[f"b{l}"] = np.zeros((dims[l], 1))
    moment1 = {k: np.zeros_like(v) for k, v in params.items()}
    moment2 = {k: np.zeros_like(v) for k, v in params.items()}
    L = len(dims) - 1

    def forward(Xn):
        activations = [Xn]
        for l in range(1, L + 1):
            Z = params[f"W{l}"] @ activations[-1] + params[f"b{l}"]
            activations.append(sigmoid(Z) if l == L else np.maximum(0, Z))
        return activations

    for t in range(1, iterations + 1):
        activations = forward(X)
        dZ, grads = activations[-1] - Y, {}
        for l in range(L, 0, -1):
            grads[f"W{l}"] = dZ @ activations[l - 1].T / X.shape[1]
            grads[f"b{l}"] = dZ.mean(axis=1, keepdims=True)
            dZ = (params[f"W{l}"].T @ dZ) * (activations[l - 1] > 0)
        for k in params:
            if adam:
                moment1[k] = 0.9 * moment1[k] + 0.1 * grads[k]
                moment2[k] = 0.999 * moment2[k] + 0.001 * grads[k] ** 2
                step = (moment1[k] / (1 - 0.9**t)) / (np.sqrt(moment2[k] / (1 - 0.999**t)) + 1e-8)
            else:
                step = grads[k]
            params[k] -= lr * step
    return lambda Xn: (forward(Xn)[-1] > 0.5).astype(float)


# --- the 2-D sets ---------------------------------------------------------------


@pytest.mark.parametrize("make", MAKERS)
@pytest.mark.parametrize("m", [7, 300])
def test_two_d_sets_shapes_dtypes_and_balance(make, m):
    X, Y = make(m=m, rng=np.random.default_rng(1))
    assert X.shape == (2, m) and X.dtype == np.float64
    assert Y.shape == (1, m) and Y.dtype == np.float64
    assert set(np.unique(Y)) == {0.0, 1.0}
    assert Y.sum() == m // 2, "the classes must be balanced"
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("make", MAKERS)
def test_two_d_sets_are_determined_by_the_seed(make):
    X1, Y1 = make(rng=np.random.default_rng(5))
    X2, Y2 = make(rng=np.random.default_rng(5))
    X3, Y3 = make(rng=np.random.default_rng(6))
    assert np.array_equal(X1, X2) and np.array_equal(Y1, Y2)
    assert not np.array_equal(X1, X3) and not np.array_equal(Y1, Y3)
    # Leaving rng out means seed 0, every time.
    X0, Y0 = make()
    X0b, Y0b = make(rng=np.random.default_rng(0))
    assert np.array_equal(X0, X0b) and np.array_equal(Y0, Y0b)


@pytest.mark.parametrize("make", MAKERS)
def test_two_d_sets_interleave_the_classes(make):
    # Mini-batches are slices of columns: the classes must not come in blocks.
    _, Y = make(m=200)
    assert 0.2 < Y[0, :50].mean() < 0.8 and 0.2 < Y[0, -50:].mean() < 0.8


@pytest.mark.parametrize("make", MAKERS)
def test_two_d_sets_noise_moves_points(make):
    X_clean, _ = make(noise=0.0, rng=np.random.default_rng(2))
    X_noisy, _ = make(noise=0.5, rng=np.random.default_rng(2))
    assert not np.allclose(X_clean, X_noisy)


@pytest.mark.parametrize("make", MAKERS)
def test_two_d_sets_reject_bad_arguments(make):
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        make(rng=0)
    with pytest.raises(ValueError, match="m must be at least 2"):
        make(m=1)
    with pytest.raises(TypeError, match="m must be a whole number"):
        make(m=10.5)
    with pytest.raises(ValueError, match="noise must be >= 0"):
        make(noise=-0.1)


def test_planar_defeats_logistic_regression_but_not_four_tanh_units():
    X, Y = data.make_planar()
    logistic = accuracy(train_logistic(X, Y)(X), Y)
    network = accuracy(train_tanh_net(X, Y, hidden=4)(X), Y)
    assert logistic < 0.6, f"logistic regression should get about half right, got {logistic}"
    assert network > 0.85, f"4 tanh units should get about 90%, got {network}"


def test_planar_classes_share_a_centre():
    # Why a line cannot separate them: both classes are centred on the origin.
    X, Y = data.make_planar(m=4000)
    for label in (0, 1):
        centre = X[:, Y[0] == label].mean(axis=1)
        assert np.all(np.abs(centre) < 0.2), f"class {label} is centred at {centre}"


def test_circles_rings_and_he_relu_net():
    X, Y = data.make_circles(m=1000, noise=0.0)
    radius = np.linalg.norm(X, axis=0)
    assert np.allclose(radius[Y[0] == 1], 0.5) and np.allclose(radius[Y[0] == 0], 1.0)
    X, Y = data.make_circles()
    X_test, Y_test = data.make_circles(rng=np.random.default_rng(100))
    predict = train_relu_net(X, Y, [2, 10, 5, 1], lr=0.1, iterations=3000)
    assert accuracy(predict(X), Y) >= 0.95
    assert accuracy(predict(X_test), Y_test) >= 0.95


def test_moons_are_half_circles():
    X, Y = data.make_moons(m=1000, noise=0.0)
    upper, lower = X[:, Y[0] == 0], X[:, Y[0] == 1]
    assert np.allclose(np.linalg.norm(upper, axis=0), 1.0) and np.all(upper[1] >= 0)
    shifted = lower - np.array([[1.0], [0.5]])
    assert np.allclose(np.linalg.norm(shifted, axis=0), 1.0) and np.all(shifted[1] <= 0)


def test_overfit_set_shapes_split_and_determinism():
    X_train, Y_train, X_test, Y_test = data.make_overfit_set()
    assert X_train.shape == (2, 200) and Y_train.shape == (1, 200)
    assert X_test.shape == (2, 200) and Y_test.shape == (1, 200)
    assert X_train.dtype == np.float64 and Y_train.dtype == np.float64
    assert set(np.unique(np.concatenate([Y_train, Y_test], axis=1))) == {0.0, 1.0}
    assert 0.35 < Y_train.mean() < 0.65 and 0.35 < Y_test.mean() < 0.65
    again = data.make_overfit_set(rng=np.random.default_rng(0))
    other = data.make_overfit_set(rng=np.random.default_rng(1))
    assert all(np.array_equal(a, b) for a, b in zip((X_train, Y_train, X_test, Y_test), again))
    assert not np.array_equal(X_train, other[0])
    sizes = data.make_overfit_set(m_train=30, m_test=11)
    assert [a.shape[1] for a in sizes] == [30, 30, 11, 11]


def test_overfit_set_has_label_noise():
    clean = data.make_overfit_set(label_noise=0.0, rng=np.random.default_rng(4))
    noisy = data.make_overfit_set(label_noise=0.1, rng=np.random.default_rng(4))
    flipped = np.mean(np.concatenate([clean[1] != noisy[1], clean[3] != noisy[3]], axis=1))
    assert 0.06 < flipped < 0.14
    with pytest.raises(ValueError, match="label_noise must be below 0.5"):
        data.make_overfit_set(label_noise=0.5)


def test_overfit_set_makes_a_big_net_over_fit():
    X_train, Y_train, X_test, Y_test = data.make_overfit_set()
    predict = train_relu_net(X_train, Y_train, [2, 50, 50, 1], lr=0.003, iterations=4000,
                             adam=True)
    train, test = accuracy(predict(X_train), Y_train), accuracy(predict(X_test), Y_test)
    assert train > 0.97, f"a big network should fit the training set, got {train}"
    assert train - test > 0.06, f"expected over-fitting, got train {train}, test {test}"
    assert test > 0.75, f"the set should still be learnable, got test {test}"


# --- train_test_split -------------------------------------------------------------


def test_train_test_split_keeps_columns_paired_and_covers_all():
    m = 40
    X = np.vstack([np.arange(m), -np.arange(m)]).astype(float)
    Y = np.arange(m).reshape(1, m) % 2
    X_train, Y_train, X_test, Y_test = data.train_test_split(X, Y, 0.25,
                                                             rng=np.random.default_rng(0))
    assert X_train.shape == (2, 30) and X_test.shape == (2, 10)
    assert Y_train.shape == (1, 30) and Y_test.shape == (1, 10)
    assert np.array_equal(Y_train[0], X_train[0] % 2) and np.array_equal(Y_test[0], X_test[0] % 2)
    seen = np.concatenate([X_train[0], X_test[0]])
    assert sorted(seen) == list(range(m)), "every example goes to exactly one split"
    assert not np.array_equal(X_train[0], np.sort(X_train[0])), "the split is shuffled"


def test_train_test_split_is_determined_by_the_seed():
    X, Y = data.make_moons(m=50)
    first = data.train_test_split(X, Y, rng=np.random.default_rng(3))
    second = data.train_test_split(X, Y, rng=np.random.default_rng(3))
    third = data.train_test_split(X, Y, rng=np.random.default_rng(4))
    assert all(np.array_equal(a, b) for a, b in zip(first, second))
    assert not np.array_equal(first[0], third[0])


def test_train_test_split_stratify_keeps_proportions():
    Y = np.array([[0] * 80 + [1] * 20])
    X = np.arange(100).reshape(1, 100)
    _, Y_train, _, Y_test = data.train_test_split(X, Y, 0.25, stratify=True)
    assert Y_test.sum() == 5 and Y_train.sum() == 15
    assert Y_test.shape == (1, 25)


def test_train_test_split_rejects_bad_arguments():
    X, Y = np.zeros((2, 10)), np.zeros((1, 10))
    with pytest.raises(ValueError, match="same number of columns"):
        data.train_test_split(X, np.zeros((1, 9)))
    with pytest.raises(ValueError, match="rank-1"):
        data.train_test_split(X, np.zeros(10))
    with pytest.raises(ValueError, match="test_fraction must be between 0 and 1"):
        data.train_test_split(X, Y, test_fraction=1.0)
    with pytest.raises(ValueError, match="empty split"):
        data.train_test_split(X, Y, test_fraction=0.01)
    with pytest.raises(ValueError, match=r"shape \(1, any\)"):
        data.train_test_split(X, np.zeros((3, 10)), stratify=True)


# --- the digits ---------------------------------------------------------------------


def test_shipped_digits_file_has_the_recorded_sha256():
    path = data.DATA_DIR / data.DIGITS_FILE
    assert hashlib.sha256(path.read_bytes()).hexdigest() == data.DIGITS_SHA256
    assert path.stat().st_size < 1_000_000


def test_load_digits_shapes_dtypes_and_values():
    images, labels = data.load_digits()
    assert images.shape == (1797, 8, 8) and images.dtype == np.uint8
    assert labels.shape == (1797,) and labels.dtype == np.uint8
    assert images.max() == 16 and images.min() == 0
    assert set(np.unique(labels)) == set(range(10))


def test_load_digits_label_counts_match_the_uci_description():
    # optdigits.names (UCI) lists the class distribution of the 1797-image test part.
    uci_test_counts = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    images, labels = data.load_digits()
    assert np.bincount(labels, minlength=10).tolist() == uci_test_counts
    assert images.shape == (1797, 8, 8) and images.max() == 16 and images.min() == 0


def test_load_digits_matches_scikit_learn():
    """Only where scikit-learn is installed (it is not a requirement)."""
    datasets = pytest.importorskip("sklearn.datasets")
    reference = datasets.load_digits()
    images, labels = data.load_digits()
    assert np.array_equal(np.bincount(labels, minlength=10), np.bincount(reference.target))
    assert np.array_equal(images, reference.images) and np.array_equal(labels, reference.target)


def test_load_digits_missing_file_says_where_and_how(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError) as info:
        data.load_digits()
    message = str(info.value)
    assert str(tmp_path / "digits.npz") in message
    assert "python data/make_digits.py" in message and "scikit-learn" in message


def test_load_digits_rejects_a_corrupted_file(monkeypatch, tmp_path):
    good = (data.DATA_DIR / data.DIGITS_FILE).read_bytes()
    (tmp_path / "digits.npz").write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="corrupted.*sha256"):
        data.load_digits()


def test_load_digits_checks_the_arrays_behind_the_hash(monkeypatch, tmp_path):
    # A file whose hash matches (constant patched) but whose layout is wrong.
    path = tmp_path / "digits.npz"
    np.savez(path, images=np.zeros((5, 8, 8), np.uint8), labels=np.zeros(5, np.uint8))
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    monkeypatch.setattr(data, "DIGITS_SHA256", hashlib.sha256(path.read_bytes()).hexdigest())
    with pytest.raises(ValueError, match=r"images must be uint8 \(1797, 8, 8\)"):
        data.load_digits()


def test_load_digit_pair_shapes_scaling_and_balance():
    pair = data.load_digit_pair(3, 8)
    assert pair.X_train.shape[0] == 64 and pair.X_train.dtype == np.float64
    m_train, m_test = pair.X_train.shape[1], pair.X_test.shape[1]
    assert pair.Y_train.shape == (1, m_train) and pair.Y_test.shape == (1, m_test)
    assert pair.images_train.shape == (m_train, 8, 8) and pair.images_train.dtype == np.uint8
    assert pair.images_test.shape == (m_test, 8, 8)
    assert 0.2 < m_test / (m_train + m_test) < 0.3
    for X in (pair.X_train, pair.X_test):
        assert X.min() >= 0.0 and X.max() <= 1.0 and X.max() == 1.0
    # Balanced in both splits: as many positives as negatives.
    assert 2 * pair.Y_train.sum() == m_train and 2 * pair.Y_test.sum() == m_test
    # The images shown are the columns trained on.
    assert np.array_equal(pair.images_train.reshape(m_train, 64).T / 16, pair.X_train)
    assert np.array_equal(pair.images_test.reshape(m_test, 64).T / 16, pair.X_test)


def test_load_digit_pair_labels_the_right_digits():
    images, labels = data.load_digits()
    by_image = {}
    for image, label in zip(images, labels):
        by_image.setdefault(image.tobytes(), set()).add(int(label))
    pair = data.load_digit_pair(negative=5, positive=6)
    for split_images, Y in ((pair.images_train, pair.Y_train), (pair.images_test, pair.Y_test)):
        for image, y in zip(split_images, Y[0]):
            assert by_image[image.tobytes()] == {6 if y == 1 else 5}
    shared = {i.tobytes() for i in pair.images_train} & {i.tobytes() for i in pair.images_test}
    assert not shared, "an image is in both the training and the test set"


def test_load_digit_pair_is_determined_by_the_seed():
    first, second, other = (data.load_digit_pair(1, 7, seed=s) for s in (0, 0, 1))
    assert all(np.array_equal(a, b) for a, b in zip(first, second))
    assert not np.array_equal(first.X_train, other.X_train)


def test_load_digit_pair_rejects_bad_digits():
    with pytest.raises(ValueError, match="different digits"):
        data.load_digit_pair(3, 3)
    with pytest.raises(ValueError, match="positive must be a digit 0..9"):
        data.load_digit_pair(3, 10)
    with pytest.raises(TypeError, match="negative must be a digit"):
        data.load_digit_pair("3", 8)
