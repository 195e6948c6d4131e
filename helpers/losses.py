"""Cost functions J and their gradients, side by side.

Each cost returns J, the MEAN of the per-example losses L over the m examples, as a
Python float. Each `_backward` returns the PER-EXAMPLE gradient dL/dA (no 1/m: the
1/m is applied once, in `layers.linear_backward`), with the shape of A.

Examples are columns: AL and Y have shape (n_y, m). Keras stores examples as rows, so
Keras's losses agree with these on transposed data.

`LOSSES` maps each name to (cost, backward); `get_loss(name)` looks one up.
"""
import numpy as np

from helpers import _validate

# Probabilities are clipped to [EPSILON, 1 - EPSILON] before a log, as Keras does
# (keras.config.epsilon()); 1 - 1e-7 still rounds to a number below 1 in float32.
EPSILON = 1e-7


def _check_probabilities(A, name):
    # min and max rather than np.any(A < 0): a training loop checks at every step.
    if A.size and (A.min() < 0 or A.max() > 1):
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got values from {A.min()} to "
            f"{A.max()} (did you pass Z instead of the activation A?)"
        )


def _binary_inputs(AL, Y):
    """Validate AL, Y for binary cross-entropy; return them as float arrays."""
    AL = _validate.as_float_array(AL, "AL")
    Y = _validate.as_float_array(Y, "Y")
    _validate.check_ndim(AL, "AL", 2, "(1, m)")
    _validate.check_shape(AL, "AL", (1, None))
    _validate.check_same_shape(AL, "AL", Y, "Y")
    _check_probabilities(AL, "AL")
    _check_probabilities(Y, "Y")
    # Results take the dtype of the prediction (0/1 labels are exact in float32).
    return AL, Y.astype(AL.dtype, copy=False)


def binary_cross_entropy(AL, Y):
    """Binary cross-entropy cost J = -mean(Y log AL + (1 - Y) log(1 - AL)).

    AL: sigmoid outputs, shape (1, m); Y: labels 0/1, shape (1, m).
    Returns J as a float; finite even where AL is exactly 0 or 1 (AL is clipped to
    [1e-7, 1 - 1e-7], as in keras.losses.BinaryCrossentropy). Introduced in notebook 03.
    """
    return _binary_cross_entropy(*_binary_inputs(AL, Y))


def _binary_cross_entropy(AL, Y):
    A = np.clip(AL, EPSILON, 1 - EPSILON)
    losses = -(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    return float(losses.sum()) / losses.size


def binary_cross_entropy_backward(AL, Y):
    """Per-example gradient dL/dAL = -(Y / AL - (1 - Y) / (1 - AL)).

    AL, Y: shape (1, m). Returns dAL of shape (1, m), finite at AL = 0 or 1 (same
    clipping as the cost). With a sigmoid output, dZ = AL - Y is simpler and stabler.
    Introduced in notebook 03.
    """
    AL, Y = _binary_inputs(AL, Y)
    A = np.clip(AL, EPSILON, 1 - EPSILON)
    return -(Y / A - (1 - Y) / (1 - A))


def one_hot(labels, C):
    """One-hot encode integer class labels, one example per column.

    labels: integers in [0, C), shape (1, m); C: number of classes.
    Returns a float64 array of shape (C, m) with a single 1 per column.
    Introduced in notebook 08.
    """
    labels = _validate.as_float_array(labels, "labels")
    _validate.check_ndim(labels, "labels", 2, "(1, m)")
    _validate.check_shape(labels, "labels", (1, None))
    if not isinstance(C, (int, np.integer)) or isinstance(C, bool) or C < 1:
        raise ValueError(f"C must be a positive integer number of classes, got {C!r}")
    if np.any(labels != np.round(labels)) or np.any(labels < 0) or np.any(labels >= C):
        raise ValueError(
            f"labels must be integers in [0, {C}), got values from {labels.min()} "
            f"to {labels.max()}"
        )
    m = labels.shape[1]
    Y = np.zeros((C, m))
    Y[labels[0].astype(np.int64), np.arange(m)] = 1
    return Y


def _categorical_inputs(A, Y):
    """Validate softmax outputs A (C, m) and labels Y (one-hot (C, m) or integer
    (1, m)); return A and the one-hot Y."""
    A = _validate.as_float_array(A, "A")
    Y = _validate.as_float_array(Y, "Y")
    _validate.check_ndim(A, "A", 2, "(C, m)")
    _check_probabilities(A, "A")
    C, m = A.shape
    if Y.shape == (C, m):
        _check_probabilities(Y, "Y")
        return A, Y.astype(A.dtype, copy=False)
    if Y.shape == (1, m):
        return A, one_hot(Y, C).astype(A.dtype)
    raise ValueError(
        f"Y must be one-hot labels of shape {(C, m)} or integer labels of shape "
        f"{(1, m)} to match A of shape {A.shape}, got {Y.shape}"
    )


def softmax_cross_entropy(A, Y):
    """Categorical cross-entropy cost J = -mean over examples of sum_c Y log A.

    A: softmax probabilities, shape (C, m); Y: one-hot labels (C, m) or integer
    labels (1, m). Returns J as a float (A clipped to [1e-7, 1 - 1e-7], as in
    keras.losses.CategoricalCrossentropy / SparseCategoricalCrossentropy).
    Introduced in notebook 08.
    """
    return _softmax_cross_entropy(*_categorical_inputs(A, Y))


def _softmax_cross_entropy(A, Y):
    losses = -np.sum(Y * np.log(np.clip(A, EPSILON, 1 - EPSILON)), axis=0)
    return float(losses.sum()) / losses.size  # the mean, without np.mean's overhead


def softmax_cross_entropy_backward(A, Y):
    """GRADIENT WITH RESPECT TO THE LOGITS Z, not A: dZ = A - Y (per example).

    Valid only when A = softmax(Z): softmax's Jacobian and the cross-entropy's
    gradient -Y / A combine into A - Y, so the softmax layer needs no backward step
    of its own.
    A: softmax probabilities (C, m); Y: one-hot (C, m) or integer labels (1, m).
    Returns dZ of shape (C, m). Introduced in notebook 03 (exercise 9), used again in 08.
    """
    A, Y = _categorical_inputs(A, Y)
    return A - Y


def _regression_inputs(AL, Y):
    AL = _validate.as_float_array(AL, "AL")
    Y = _validate.as_float_array(Y, "Y")
    _validate.check_ndim(AL, "AL", 2, "(n_y, m)")
    _validate.check_same_shape(AL, "AL", Y, "Y")
    return AL, Y.astype(AL.dtype, copy=False)


def mean_squared_error(AL, Y):
    """Squared-error cost J = (1/m) sum over examples of sum over outputs (AL - Y)^2.

    Per example the loss is the squared distance ||a - y||^2, summed over the n_y
    outputs. keras.losses.MeanSquaredError averages over the outputs instead, so on
    transposed data Keras's value is J / n_y (the same when n_y = 1).
    AL, Y: shape (n_y, m). Returns J as a float. Introduced in notebook 04.
    """
    return _mean_squared_error(*_regression_inputs(AL, Y))


def _mean_squared_error(AL, Y):
    return float(np.sum((AL - Y) ** 2) / AL.shape[1])


def mean_squared_error_backward(AL, Y):
    """Per-example gradient dL/dAL = 2 (AL - Y).

    AL, Y: shape (n_y, m). Returns dAL of shape (n_y, m). Introduced in notebook 04.
    """
    AL, Y = _regression_inputs(AL, Y)
    return 2 * (AL - Y)


# name -> (cost, backward). softmax_cross_entropy's backward gives dZ, not dA.
LOSSES = {
    "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_backward),
    "softmax_cross_entropy": (softmax_cross_entropy, softmax_cross_entropy_backward),
    "mean_squared_error": (mean_squared_error, mean_squared_error_backward),
}


# Each cost is a check of its inputs, then an unchecked kernel. For a training loop,
# which checks its labels once with `targets`: name -> input check, name -> kernel.
_INPUTS = {
    "binary_cross_entropy": _binary_inputs,
    "softmax_cross_entropy": _categorical_inputs,
    "mean_squared_error": _regression_inputs,
}
_COSTS = {
    "binary_cross_entropy": _binary_cross_entropy,
    "softmax_cross_entropy": _softmax_cross_entropy,
    "mean_squared_error": _mean_squared_error,
}


def targets(name, Y, shape, dtype=np.float64):
    """Check labels Y once for loss `name` and return them as the loss compares them.

    Y: labels in the loss's format; shape: (n_y, m) of the network's output AL;
    dtype: float32 or float64, AL's. Returns a float array of `shape`: integer labels
    (1, m) become one-hot for "softmax_cross_entropy"; other labels are Y itself in
    `dtype`. A training loop checks its labels here once instead of at every step.
    Introduced in notebook 06.
    """
    _validate.check_choice(name, "loss", LOSSES)
    # A broadcast 0.5 is a valid prediction of any shape and takes no memory.
    stand_in = np.broadcast_to(np.asarray(0.5, dtype=dtype), shape)
    return _INPUTS[name](stand_in, Y)[1]


def get_loss(name):
    """Look up a loss by name.

    name: one of the keys of LOSSES. Returns (cost, backward).
    Raises ValueError listing the known names. Introduced in notebook 04.
    """
    _validate.check_choice(name, "loss", LOSSES)
    return LOSSES[name]
