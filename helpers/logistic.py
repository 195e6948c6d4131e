"""Logistic regression, vectorized over examples: one sigmoid neuron trained by gradient
descent on the binary cross-entropy cost.

Shapes: X (n_x, m) with examples as columns, Y (1, m) of 0/1 labels, w (n_x, 1), b a
float. Introduced in notebook 01 (the graded exercises there have these names and
signatures) and reused in notebook 02.
"""
import numpy as np

from ._validate import as_float_array, check_ndim, check_positive, check_shape
from .activations import sigmoid
from .losses import binary_cross_entropy


def _check_data(w, X, Y=None):
    X = as_float_array(X, "X")
    check_ndim(X, "X", 2, "(n_x, m)")
    w = as_float_array(w, "w")
    check_shape(w, "w", (X.shape[0], 1))
    if Y is not None:
        Y = as_float_array(Y, "Y")
        check_shape(Y, "Y", (1, X.shape[1]))
    return w, X, Y


def initialize_with_zeros(dim):
    """w of shape (dim, 1) and b = 0.0. Zeros are fine here: a single neuron has no
    symmetry to break (see notebook 05 for why hidden layers differ). Introduced in notebook 01."""
    if int(dim) != dim or dim < 1:
        raise ValueError(f"dim must be a positive whole number, got {dim!r}")
    return np.zeros((int(dim), 1)), 0.0


def propagate(w, b, X, Y):
    """One forward and backward pass.

    Returns (grads, cost): grads = {"dw": (n_x, 1), "db": float}, cost = J, the mean
    binary cross-entropy over the m examples. Introduced in notebook 01.
    """
    w, X, Y = _check_data(w, X, Y)
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)                 # (1, m) predicted probabilities
    cost = binary_cross_entropy(A, Y)
    dZ = A - Y                               # dL/dz for sigmoid + cross-entropy
    grads = {"dw": X @ dZ.T / m, "db": float(np.sum(dZ) / m)}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent: `num_iterations` steps of size `learning_rate`.

    Returns (params, grads, costs): params = {"w", "b"} after the last step, the grads
    of the last step, and the cost recorded every 100 iterations (iteration 0 first).
    Does not modify the caller's w. Introduced in notebook 01.
    """
    check_positive(learning_rate, "learning_rate")
    w = np.array(w, dtype=float)
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"cost after iteration {i}: {cost:.6f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    """Labels (1, m): 1.0 where the predicted probability exceeds 0.5, else 0.0.
    Introduced in notebook 01."""
    w, X, _ = _check_data(w, X)
    return (sigmoid(w.T @ X + b) > 0.5).astype(float)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    """Train from zeros on the training set, predict on both sets.

    Returns a dict with "costs", "Y_prediction_train", "Y_prediction_test", "w", "b",
    "learning_rate" and "num_iterations". Introduced in notebook 01.
    """
    w, b = initialize_with_zeros(np.shape(X_train)[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs,
            "Y_prediction_train": predict(w, b, X_train),
            "Y_prediction_test": predict(w, b, X_test),
            "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
