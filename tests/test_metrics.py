"""helpers.metrics: accuracy from outputs and from a network, and the confusion matrix,
each against counting by hand or by loop."""
import numpy as np
import pytest

from helpers import metrics


def test_output_accuracy_one_sigmoid_unit_thresholds_at_one_half():
    AL = np.array([[0.9, 0.2, 0.5, 0.51]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])
    # right: 0.9 -> 1 (yes), 0.2 -> 0 (no), 0.5 -> 0 (yes, not above 0.5), 0.51 -> 1 (no)
    assert metrics.output_accuracy(AL, Y) == 0.5


def test_output_accuracy_softmax_one_hot_and_integer_labels_agree(rng):
    AL = rng.random((4, 30))
    labels = rng.integers(0, 4, size=(1, 30))
    right = sum(int(np.argmax(AL[:, j]) == labels[0, j]) for j in range(30))
    assert metrics.output_accuracy(AL, labels) == pytest.approx(right / 30)
    assert metrics.output_accuracy(AL, np.eye(4)[:, labels[0]]) == pytest.approx(right / 30)


def test_accuracy_runs_the_network_in_inference_mode():
    # One sigmoid unit on one feature: z = 2 x - 1, so x > 0.5 is predicted 1.
    params = {"W1": np.array([[2.0]]), "b1": np.array([[-1.0]])}
    X = np.array([[0.0, 0.4, 0.6, 1.0, 3.0]])
    Y = np.array([[0.0, 1.0, 1.0, 1.0, 0.0]])
    # right: 0.0 -> 0, 0.6 -> 1, 1.0 -> 1; wrong: 0.4 -> 0, 3.0 -> 1
    assert metrics.accuracy(X, Y, params, ["sigmoid"]) == pytest.approx(3 / 5)


def test_accuracy_refuses_labels_of_another_size():
    params = {"W1": np.ones((1, 2)), "b1": np.zeros((1, 1))}
    with pytest.raises(ValueError, match=r"Y must have shape \(n_y, 3\)"):
        metrics.accuracy(np.ones((2, 3)), np.ones((1, 2)), params, ["sigmoid"])


def test_confusion_matrix_small_example_by_hand():
    y_true = [0, 0, 1, 1, 1, 2, 2]
    y_pred = [0, 1, 1, 1, 2, 2, 0]
    expected = np.array([[1, 1, 0],
                         [0, 2, 1],
                         [1, 0, 1]])
    cm = metrics.confusion_matrix(y_true, y_pred, 3)
    assert cm.dtype == np.int64
    assert np.array_equal(cm, expected)


def test_confusion_matrix_matches_counting_by_loop():
    rng = np.random.default_rng(7)
    y_true = rng.integers(0, 10, (1, 500))
    y_pred = np.where(rng.random((1, 500)) < 0.7, y_true, rng.integers(0, 10, (1, 500)))
    expected = np.zeros((10, 10), dtype=np.int64)
    for t, p in zip(y_true[0], y_pred[0]):
        expected[t, p] += 1
    cm = metrics.confusion_matrix(y_true, y_pred, num_classes=10)
    assert np.array_equal(cm, expected)
    assert cm.sum() == 500 and np.array_equal(cm.sum(axis=1), np.bincount(y_true[0], minlength=10))


def test_confusion_matrix_accepts_binary_float_labels():
    Y = np.array([[1.0, 0.0, 1.0, 1.0]])
    predictions = np.array([[1.0, 1.0, 0.0, 1.0]])
    assert np.array_equal(metrics.confusion_matrix(Y, predictions, 2), [[0, 1], [1, 2]])


def test_confusion_matrix_validates():
    with pytest.raises(ValueError, match=r"labels 0..2"):
        metrics.confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError, match="y_pred must hold labels"):
        metrics.confusion_matrix([0, 1], [0, -1], 3)
    with pytest.raises(ValueError, match="same number of labels"):
        metrics.confusion_matrix([0, 1, 2], [0, 1], 3)
    with pytest.raises(ValueError, match="whole-number"):
        metrics.confusion_matrix([0.5, 1], [0, 1], 2)
    with pytest.raises(ValueError, match=r"shape \(1, any\)"):
        metrics.confusion_matrix(np.zeros((2, 3)), np.zeros((2, 3)), 2)
    with pytest.raises(TypeError, match="num_classes"):
        metrics.confusion_matrix([0], [0], 2.0)
