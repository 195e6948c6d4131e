"""A network with one hidden layer, vectorized over examples: tanh hidden units, one
sigmoid output unit, binary cross-entropy cost, trained by gradient descent.

Shapes, with m examples as columns:
    X (n_x, m), Y (1, m) of 0/1 labels;
    W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1), with n_y = 1;
    Z1, A1 (n_h, m); Z2, A2 (n_y, m).
Parameters and gradients are dicts keyed "W1", "b1", "W2", "b2" and "dW1", "db1",
"dW2", "db2". The cache from `forward_propagation` is {"Z1", "A1", "Z2", "A2"}.

Introduced in notebook 02 (the graded exercises there have these names and
signatures); notebook 04 generalises it to L layers (`helpers.layers`).
"""
import numpy as np

from ._validate import as_float_array, check_ndim, check_rng, check_shape
from .activations import sigmoid
from .initializers import random_normal, zeros
from .losses import binary_cross_entropy

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")


def _check_data(X, Y=None):
    X = as_float_array(X, "X")
    check_ndim(X, "X", 2, "(n_x, m)")
    if Y is not None:
        Y = as_float_array(Y, "Y")
        check_ndim(Y, "Y", 2, "(n_y, m)")
        check_shape(Y, "Y", (None, X.shape[1]))
    return X, Y


def _check_parameters(parameters, n_x=None):
    """The four arrays of `parameters`, after checking that their shapes fit together
    (and fit `n_x` input features when given)."""
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters must be a dict with keys {PARAMETER_KEYS}, got "
                        f"{type(parameters).__name__}")
    missing = [key for key in PARAMETER_KEYS if key not in parameters]
    if missing:
        raise KeyError(f"parameters has no {missing}; it has {sorted(parameters)}")
    W1, b1, W2, b2 = (as_float_array(parameters[key], key) for key in PARAMETER_KEYS)
    check_ndim(W1, "W1", 2, "(n_h, n_x)")
    n_h = W1.shape[0]
    check_shape(W1, "W1", (n_h, n_x))
    check_shape(b1, "b1", (n_h, 1))
    check_ndim(W2, "W2", 2, "(n_y, n_h)")
    check_shape(W2, "W2", (None, n_h))
    check_shape(b2, "b2", (W2.shape[0], 1))
    return W1, b1, W2, b2


def _check_size(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive whole number, got {value!r}")


def layer_sizes(X, Y, n_h=4):
    """(n_x, n_h, n_y): input features (rows of X), hidden units, output units (rows
    of Y). Introduced in notebook 02."""
    X, Y = _check_data(X, Y)
    _check_size(n_h, "n_h")
    return X.shape[0], n_h, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y, rng):
    """Small random weights (0.01 times standard normal draws, W1 first, then W2) and
    zero biases: W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).

    The random weights break the symmetry between hidden units (notebook 05); being
    small, they start tanh in its steep middle. Introduced in notebook 02.
    """
    for value, name in ((n_x, "n_x"), (n_h, "n_h"), (n_y, "n_y")):
        _check_size(value, name)
    check_rng(rng)
    W1 = random_normal((n_h, n_x), rng, stddev=0.01)
    W2 = random_normal((n_y, n_h), rng, stddev=0.01)
    return {"W1": W1, "b1": zeros((n_h, 1)), "W2": W2, "b2": zeros((n_y, 1))}


def forward_propagation(X, parameters):
    """Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2).

    Returns (A2, cache) with A2 (n_y, m) the predicted probabilities and
    cache = {"Z1", "A1", "Z2", "A2"}. Introduced in notebook 02.
    """
    X, _ = _check_data(X)
    W1, b1, W2, b2 = _check_parameters(parameters, X.shape[0])
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    """The cost J: mean binary cross-entropy of the predictions A2 (1, m) against the
    labels Y (1, m), as a float (see `losses.binary_cross_entropy`).
    Introduced in notebook 02."""
    return binary_cross_entropy(A2, Y)


def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost J with respect to the parameters.

        dZ2 = A2 - Y                      dW2 = dZ2 A1^T / m    db2 = sum_i dZ2 / m
        dZ1 = (W2^T dZ2) * (1 - A1^2)     dW1 = dZ1 X^T / m     db1 = sum_i dZ1 / m

    (1 - A1^2 is tanh'(Z1); the sums run over the examples, keeping column shapes).
    Returns grads = {"dW1", "db1", "dW2", "db2"}, each shaped like its parameter.
    Introduced in notebook 02.
    """
    X, Y = _check_data(X, Y)
    _, _, W2, _ = _check_parameters(parameters, X.shape[0])
    A1, A2 = as_float_array(cache["A1"], "A1"), as_float_array(cache["A2"], "A2")
    check_shape(A2, "A2", Y.shape)
    m = X.shape[1]
    dZ2 = A2 - Y
    dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": dZ2 @ A1.T / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}


def update_parameters(parameters, grads, learning_rate=1.2):
    """One gradient-descent step, theta - learning_rate * d theta for each parameter.

    Returns a new dict; the arrays of `parameters` are not modified.
    Introduced in notebook 02.
    """
    _check_parameters(parameters)
    new = {}
    for key in PARAMETER_KEYS:
        grad = as_float_array(grads["d" + key], "d" + key)
        check_shape(grad, "d" + key, np.shape(parameters[key]))
        new[key] = parameters[key] - learning_rate * grad
    return new


def nn_model(X, Y, n_h, rng, num_iterations=10000, learning_rate=1.2, print_cost=False):
    """Train the network from `initialize_parameters(n_x, n_h, n_y, rng)` with
    `num_iterations` steps of gradient descent.

    Returns (parameters, costs): the trained parameters, and the cost before the
    update of iterations 0, 100, 200, ... (printed every 1000 iterations when
    `print_cost`). Introduced in notebook 02.
    """
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    costs = []
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        if i % 100 == 0:
            costs.append(compute_cost(A2, Y))
            if print_cost and i % 1000 == 0:
                print(f"cost after iteration {i}: {costs[-1]:.4f}")
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def predict(parameters, X):
    """Labels (1, m): 1.0 where the network's probability A2 exceeds 0.5, else 0.0.
    Introduced in notebook 02."""
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(float)
