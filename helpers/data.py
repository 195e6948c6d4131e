"""Data sets for the notebooks: small synthetic 2-D sets and the shipped digit images.

Every generator takes `rng`, a numpy Generator; leaving it out means a fresh
`np.random.default_rng(0)`, so a call without `rng` returns the same set every time and
on every machine. Examples are columns: X has shape (n_x, m) and binary labels Y are
float64 0./1. of shape (1, m).
"""
import hashlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

from helpers import _validate

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DIGITS_FILE = "digits.npz"
# sha256 of the data/digits.npz that data/make_digits.py writes.
DIGITS_SHA256 = "aa64e930663d6e9271e1566601d65e70236553f73ec6cb041a4ab37167cf1d04"
DIGITS_COUNT = 1797


def _generator(rng):
    """`rng` itself, or a fresh default_rng(0) when it is None."""
    if rng is None:
        return np.random.default_rng(0)
    _validate.check_rng(rng)
    return rng


def _check_size(m, name="m", minimum=2):
    """Raise unless `m` is a whole number of examples >= `minimum`."""
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number of examples, got {m!r}")
    if m < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {m}")


def _start(m, noise, rng):
    """Check the arguments every 2-D generator shares; return its generator and
    balanced (1, m) float64 labels, half 0. and half 1. (one more 0. when m is odd),
    in random order so that any slice of the columns (a mini-batch) holds both
    classes."""
    _check_size(m)
    _validate.check_positive(noise, "noise", allow_zero=True)
    rng = _generator(rng)
    labels = np.zeros(m)
    labels[m // 2 + m % 2:] = 1.0
    return rng, rng.permutation(labels).reshape(1, m)


# Petal directions, in multiples of pi/4, of the flower's two classes: each class owns
# two pairs of neighbouring petals on opposite sides. Opposite petals cancel, so both
# classes are centred on the origin and no straight line does better than chance, while
# four tanh units can carve out the pairs (two cannot; three nearly can).
_PETALS = {0: np.array([0, 1, 4, 5]), 1: np.array([2, 3, 6, 7])}
_PETAL_LENGTH = 4.0


def make_planar(m=400, noise=0.3, rng=None):
    """A "flower" of eight petals around the origin, four of each class.

    Logistic regression gets about half of it right (50-55%); a network with one hidden
    layer of 4 tanh units gets about 90% (20 units about 93%).

    Returns X (2, m) float64 and Y (1, m) float64 0./1., balanced (m // 2 ones).
    `noise` is the standard deviation of the Gaussian jitter added to each point
    (the petals are 4 long).
    Introduced in notebook 02.
    """
    rng, Y = _start(m, noise, rng)
    # Each example picks one petal of its class, then a place across it: u = 0 is the
    # petal's axis, where it is longest, u = +-1 its edges, where it meets the centre.
    which = rng.integers(0, 4, m)
    petal = np.where(Y[0] == 1, _PETALS[1][which], _PETALS[0][which])
    u = rng.uniform(-1.0, 1.0, m)
    angle = (petal + u / 2) * np.pi / 4
    radius = _PETAL_LENGTH * np.cos(u * np.pi / 2)
    X = radius * np.stack([np.cos(angle), np.sin(angle)])
    return X + noise * rng.standard_normal((2, m)), Y


def make_circles(m=300, noise=0.12, rng=None):
    """Two noisy concentric rings: class 0 on the outer ring (radius 1), class 1 on
    the inner one (radius 0.5).

    No line separates them; a 3-layer ReLU network with He initialisation reaches
    about 95% and more, while zero initialisation stays at chance.

    Returns X (2, m) float64 and Y (1, m) float64 0./1., balanced.
    `noise` is the standard deviation of the Gaussian jitter added to each point.
    Introduced in notebook 05.
    """
    rng, Y = _start(m, noise, rng)
    angle = rng.uniform(0.0, 2 * np.pi, m)
    radius = np.where(Y[0] == 1, 0.5, 1.0)
    X = radius * np.stack([np.cos(angle), np.sin(angle)])
    return X + noise * rng.standard_normal((2, m)), Y


def make_moons(m=300, noise=0.2, rng=None):
    """Two interleaved half-moons: class 0 the upper arc of the unit circle, class 1
    the lower arc shifted by (1, 0.5) so that each moon's tip reaches into the other.

    Returns X (2, m) float64 and Y (1, m) float64 0./1., balanced.
    `noise` is the standard deviation of the Gaussian jitter added to each point.
    Introduced in notebook 07.
    """
    rng, Y = _start(m, noise, rng)
    t = rng.uniform(0.0, np.pi, m)
    upper = np.stack([np.cos(t), np.sin(t)])
    lower = np.stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(Y == 1, lower, upper)
    return X + noise * rng.standard_normal((2, m)), Y


def make_overfit_set(m_train=200, m_test=200, noise=0.1, label_noise=0.05, rng=None):
    """A small noisy 2-D set on which a big unregularised network over-fits.

    Points are uniform in the square [-1, 1]^2 and labelled 1 above the wavy curve
    x2 = 0.4 sin(pi x1); each point is then jittered by Gaussian `noise` and a
    fraction `label_noise` of the labels is flipped (in both splits, as real labelling
    errors would be). A big network trained long learns the noise: its training
    accuracy ends clearly above its test accuracy.

    Returns (X_train (2, m_train), Y_train (1, m_train), X_test (2, m_test),
    Y_test (1, m_test)), float64, labels 0./1.
    Introduced in notebook 06.
    """
    _check_size(m_train, "m_train")
    _check_size(m_test, "m_test")
    _validate.check_positive(noise, "noise", allow_zero=True)
    _validate.check_positive(label_noise, "label_noise", allow_zero=True)
    if label_noise >= 0.5:
        raise ValueError(f"label_noise must be below 0.5, got {label_noise!r}")
    rng = _generator(rng)
    m = m_train + m_test
    X = rng.uniform(-1.0, 1.0, (2, m))
    Y = (X[1] > 0.4 * np.sin(np.pi * X[0])).astype(np.float64).reshape(1, m)
    flip = rng.random(m) < label_noise
    Y[0, flip] = 1.0 - Y[0, flip]
    X = X + noise * rng.standard_normal((2, m))
    return X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:]


def train_test_split(X, Y, test_fraction=0.25, rng=None, stratify=False):
    """Split the columns (examples) of X and Y at random into a training and a test set.

    X is (n_x, m) and Y is (k, m) (labels (1, m) or one-hot (C, m)); the same columns
    go to the same side. round(m * test_fraction) examples go to the test set. With
    `stratify=True`, Y must be (1, m) labels and each class is split on its own, so
    that both sets keep the class proportions.

    Returns (X_train, Y_train, X_test, Y_test), each split in random column order.
    Introduced in notebook 02.
    """
    X = np.asarray(X)
    Y = np.asarray(Y)
    _validate.check_ndim(X, "X", 2, "(n_x, m)")
    _validate.check_ndim(Y, "Y", 2, "(1, m)")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(
            f"X and Y must have the same number of columns (examples), got X {X.shape} "
            f"and Y {Y.shape}"
        )
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction!r}")
    rng = _generator(rng)
    if stratify:
        _validate.check_shape(Y, "Y (stratify=True needs labels)", (1, None))
        groups = [np.flatnonzero(Y[0] == label) for label in np.unique(Y)]
    else:
        groups = [np.arange(Y.shape[1])]
    train, test = [], []
    for columns in groups:
        columns = rng.permutation(columns)
        n_test = int(round(len(columns) * test_fraction))
        test.append(columns[:n_test])
        train.append(columns[n_test:])
    # Shuffle again so that the classes of a stratified split are interleaved.
    train = rng.permutation(np.concatenate(train))
    test = rng.permutation(np.concatenate(test))
    if len(train) == 0 or len(test) == 0:
        raise ValueError(
            f"test_fraction={test_fraction} leaves an empty split of {Y.shape[1]} examples"
        )
    return X[:, train], Y[:, train], X[:, test], Y[:, test]


def load_digits():
    """The shipped handwritten digits: 1797 images of 8x8 pixels, each pixel a count
    0..16 of ink in a 4x4 block of the original 32x32 bitmap (see data/README.md).

    Returns (images uint8 (1797, 8, 8), labels uint8 (1797,)). Raises
    FileNotFoundError if data/digits.npz is missing and ValueError if it is corrupted.
    Introduced in notebook 02.
    """
    path = DATA_DIR / DIGITS_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"the digit images are missing: expected {path}. It ships with the course; "
            "restore it with `git checkout data/digits.npz`, or regenerate it from the "
            "project's root with `pip install scikit-learn` and "
            "`python data/make_digits.py`"
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != DIGITS_SHA256:
        raise ValueError(
            f"{path} is corrupted or not the course's file: its sha256 is {digest}, "
            f"expected {DIGITS_SHA256}. Restore it with `git checkout data/digits.npz` "
            "or regenerate it with `python data/make_digits.py`"
        )
    with np.load(path, allow_pickle=False) as archive:
        images, labels = archive["images"], archive["labels"]
    # The hash already vouches for the bytes; these checks catch a wrong constant or a
    # regenerated file that differs in layout, and say what is wrong.
    if images.dtype != np.uint8 or images.shape != (DIGITS_COUNT, 8, 8):
        raise ValueError(f"{path}: images must be uint8 ({DIGITS_COUNT}, 8, 8), got "
                         f"{images.dtype} {images.shape}")
    if labels.dtype != np.uint8 or labels.shape != (DIGITS_COUNT,):
        raise ValueError(f"{path}: labels must be uint8 ({DIGITS_COUNT},), got "
                         f"{labels.dtype} {labels.shape}")
    if images.max() > 16 or labels.max() > 9:
        raise ValueError(f"{path}: pixels must be 0..16 and labels 0..9, got maxima "
                         f"{images.max()} and {labels.max()}")
    return images, labels


class DigitPair(NamedTuple):
    """A binary digit task, split into training and test sets (see load_digit_pair)."""

    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    images_train: np.ndarray
    images_test: np.ndarray


def load_digit_pair(negative, positive, test_fraction=0.25, seed=0):
    """A balanced binary task from the shipped digits: `positive` images against
    `negative` images.

    The larger class is cut down at random to the size of the smaller, so the classes
    are exactly equal, and the split is stratified, so both sets stay balanced.

    Returns a DigitPair with
      X_train (64, m_train) and X_test (64, m_test): float64 pixels scaled to [0, 1],
      one flattened image per column (row-major, like images.reshape(k, 64).T);
      Y_train (1, m_train) and Y_test (1, m_test): 1. for `positive`, 0. for `negative`;
      images_train (m_train, 8, 8) and images_test (m_test, 8, 8): the same examples as
      uint8 images 0..16, in the same order, for display.
    Introduced in notebook 01.
    """
    for name, digit in (("negative", negative), ("positive", positive)):
        if isinstance(digit, bool) or not isinstance(digit, (int, np.integer)):
            raise TypeError(f"{name} must be a digit 0..9, got {digit!r}")
        if not 0 <= digit <= 9:
            raise ValueError(f"{name} must be a digit 0..9, got {digit}")
    if negative == positive:
        raise ValueError(f"negative and positive must be different digits, got {negative} twice")
    rng = np.random.default_rng(seed)
    images, labels = load_digits()
    neg = np.flatnonzero(labels == negative)
    pos = np.flatnonzero(labels == positive)
    size = min(len(neg), len(pos))
    chosen = np.concatenate([rng.choice(neg, size, replace=False),
                             rng.choice(pos, size, replace=False)])
    # Split indices rather than pixels, so that images and columns stay paired.
    Y = (labels[chosen] == positive).astype(np.float64).reshape(1, -1)
    I_train, Y_train, I_test, Y_test = train_test_split(
        chosen.reshape(1, -1), Y, test_fraction, rng=rng, stratify=True
    )
    images_train, images_test = images[I_train[0]], images[I_test[0]]
    return DigitPair(
        X_train=images_train.reshape(-1, 64).T / 16.0,
        Y_train=Y_train,
        X_test=images_test.reshape(-1, 64).T / 16.0,
        Y_test=Y_test,
        images_train=images_train,
        images_test=images_test,
    )
