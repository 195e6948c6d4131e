"""How well a classifier does: accuracy and the confusion matrix.

Examples are columns: network outputs AL are (n_y, m); labels are 0/1 (1, m) for one
sigmoid output, one-hot (C, m) or integers (1, m) for C classes.
"""
import numpy as np

from helpers import _validate, layers


def output_accuracy(AL, Y):
    """Fraction of correct predictions from network outputs AL.

    AL: (n_y, m) outputs. One row (a sigmoid unit): predict 1 where AL > 0.5, against
    0/1 labels Y (1, m). Several rows (softmax): predict the argmax of each column,
    against one-hot (C, m) or integer (1, m) labels Y. Several independent sigmoid rows
    are not told apart from softmax: argmax. Returns a float in [0, 1].
    Unchecked beyond the shapes (a training loop calls it at every step).
    Introduced in notebook 06.
    """
    Y = np.asarray(Y)
    if Y.ndim != 2 or Y.shape[1] != AL.shape[1]:
        raise ValueError(f"Y must have shape (n_y, {AL.shape[1]}) to match the outputs, "
                         f"got {Y.shape}")
    if AL.shape[0] == 1:
        right = (AL > 0.5) == (Y > 0.5)
    else:
        labels = Y.argmax(axis=0) if Y.shape[0] == AL.shape[0] else Y[0]
        right = AL.argmax(axis=0) == labels
    return np.count_nonzero(right) / AL.shape[1]


def accuracy(X, Y, params, activations):
    """Fraction of the examples the network classifies correctly (inference mode).

    X: (n_x, m). Y: 0/1 labels (1, m) for a one-unit sigmoid output; one-hot (C, m) or
    integer labels (1, m) for a softmax output. params, activations as in
    layers.model_forward. Returns a float in [0, 1].
    Introduced in notebook 03.
    """
    AL, _ = layers.model_forward(X, params, activations)
    return output_accuracy(AL, Y)


def confusion_matrix(y_true, y_pred, num_classes):
    """Count how often each true class was predicted as each class.

    y_true and y_pred are integer labels 0..num_classes-1, shape (m,) or (1, m).
    Returns an int64 (num_classes, num_classes) array whose entry [i, j] counts the
    examples of true class i predicted as class j (rows true, columns predicted).
    Introduced in notebook 08.
    """
    if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)):
        raise TypeError(f"num_classes must be a whole number, got {num_classes!r}")
    if num_classes < 1:
        raise ValueError(f"num_classes must be at least 1, got {num_classes}")
    true = _validate.class_labels(y_true, "y_true")
    pred = _validate.class_labels(y_pred, "y_pred")
    if true.size != pred.size:
        raise ValueError(f"y_true and y_pred must have the same number of labels, got "
                         f"{true.size} and {pred.size}")
    for name, labels in (("y_true", true), ("y_pred", pred)):
        if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
            raise ValueError(f"{name} must hold labels 0..{num_classes - 1}, got values "
                             f"from {labels.min()} to {labels.max()}")
    # Each (true, predicted) pair gets one cell number; counting cell numbers fills the
    # matrix in one pass.
    cells = np.bincount(true * num_classes + pred, minlength=num_classes * num_classes)
    return cells.reshape(num_classes, num_classes).astype(np.int64)
