"""Activation functions g(z) and their derivatives g'(z), side by side.

Every function takes an array `z` of any shape (usually Z of shape (n[l], m)) and
returns an array of the same shape and dtype (float32 stays float32, integers become
float64). `<name>_derivative(z)` is g'(z) elementwise, for the backward pass
dZ = dA * g'(Z). Softmax is the exception: it mixes the entries of a column, so its
derivative is a (C, C) Jacobian per column, `softmax_jacobian`.

At a kink we pick one side: relu'(0) = 0, leaky_relu'(0) = alpha, elu'(0) = alpha
(the left-hand derivatives, as most frameworks do).

`ACTIVATIONS` maps each name to (function, derivative); `get_activation(name)` looks
one up.
"""
import numpy as np

from helpers import _validate


def _check_alpha(alpha):
    _validate.check_positive(alpha, "alpha", allow_zero=True)


def sigmoid(z):
    """Logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow.

    z: array of any shape. Returns an array of the same shape, values in [0, 1].
    Introduced in notebook 01.
    """
    z = _validate.as_float_array(z, "z")
    # exp(-|z|) is at most 1, so neither branch can overflow for z = +-1000.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(z):
    """sigmoid'(z) = s (1 - s) with s = sigmoid(z); at most 0.25, reached at z = 0.

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    s = sigmoid(z)
    return s * (1 - s)


def tanh(z):
    """Hyperbolic tangent, elementwise, values in [-1, 1].

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    return np.tanh(_validate.as_float_array(z, "z"))


def tanh_derivative(z):
    """tanh'(z) = 1 - tanh(z)^2; at most 1, reached at z = 0.

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    t = tanh(z)
    return 1 - t * t


def relu(z):
    """Rectified linear unit max(0, z), elementwise.

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    return np.maximum(0, _validate.as_float_array(z, "z"))


def relu_derivative(z):
    """relu'(z) = 1 for z > 0, else 0 (we take relu'(0) = 0).

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    return (z > 0).astype(z.dtype)


def leaky_relu(z, alpha=0.01):
    """Leaky ReLU: z for z > 0, alpha * z otherwise (Keras calls alpha negative_slope).

    z: array of any shape; alpha: slope for negative inputs, >= 0.
    Returns an array of the same shape. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    _check_alpha(alpha)
    return np.where(z > 0, z, alpha * z).astype(z.dtype, copy=False)


def leaky_relu_derivative(z, alpha=0.01):
    """leaky_relu'(z) = 1 for z > 0, else alpha (we take leaky_relu'(0) = alpha).

    z: array of any shape; alpha: slope for negative inputs, >= 0.
    Returns an array of the same shape. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    _check_alpha(alpha)
    return np.where(z > 0, 1, alpha).astype(z.dtype)


def elu(z, alpha=1.0):
    """Exponential linear unit: z for z > 0, alpha * (exp(z) - 1) otherwise.

    (The seed's x * (1 - exp(-x)) is a different, wrong formula.)
    z: array of any shape; alpha: the value ELU approaches as z -> -inf is -alpha.
    Returns an array of the same shape. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    _check_alpha(alpha)
    # np.where evaluates both branches: clamp at 0 so large positive z cannot overflow.
    neg = alpha * np.expm1(np.minimum(z, 0))
    return np.where(z > 0, z, neg).astype(z.dtype, copy=False)


def elu_derivative(z, alpha=1.0):
    """elu'(z) = 1 for z > 0, alpha * exp(z) otherwise (we take elu'(0) = alpha).

    z: array of any shape; alpha as in `elu`.
    Returns an array of the same shape. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    _check_alpha(alpha)
    neg = alpha * np.exp(np.minimum(z, 0))
    return np.where(z > 0, 1, neg).astype(z.dtype, copy=False)


def swish(z):
    """Swish (Keras: silu) z * sigmoid(z), elementwise.

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    return z * sigmoid(z)


def swish_derivative(z):
    """swish'(z) = s + z s (1 - s) with s = sigmoid(z) (product rule).

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    s = sigmoid(z)
    return s + z * s * (1 - s)


def linear(z):
    """Identity g(z) = z (a copy), used for regression outputs.

    z: array of any shape. Returns an array of the same shape.
    Introduced in notebook 03.
    """
    return _validate.as_float_array(z, "z").copy()


def linear_derivative(z):
    """linear'(z) = 1 everywhere.

    z: array of any shape. Returns an array of ones of the same shape.
    Introduced in notebook 03.
    """
    return np.ones_like(_validate.as_float_array(z, "z"))


def softmax(z, axis=0):
    """Softmax exp(z) / sum(exp(z)) along `axis`, numerically stable.

    z: array, usually logits of shape (C, m) with one example per column (axis=0,
    the course's layout; Keras uses rows and axis=-1). Returns probabilities of the
    same shape that sum to 1 along `axis`. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    # Softmax is unchanged by shifting z; shifting the maximum to 0 keeps exp <= 1.
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    e /= e.sum(axis=axis, keepdims=True)
    return e


def softmax_jacobian(z):
    """Jacobian of softmax for ONE column of logits: J[i, j] = s_i (delta_ij - s_j).

    Not s (1 - s): that is only the diagonal. For a whole batch use the
    Jacobian-vector product in `layers.activation_backward` instead.
    z: shape (C,) or (C, 1). Returns a (C, C) array. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    if z.ndim == 2 and z.shape[1] == 1:
        z = z[:, 0]
    if z.ndim != 1:
        raise ValueError(
            f"z must be one column of logits, shape (C,) or (C, 1), got {z.shape}"
        )
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


def numerical_derivative(f, z, eps=1e-5):
    """Central finite difference (f(z + eps) - f(z - eps)) / (2 eps), entry by entry.

    f: an elementwise function of an array; z: array of any shape; eps: the step.
    Returns an array of the shape of f(z). Its error shrinks like eps**2 (about the third
    derivative times eps**2 / 6), where the one-sided (f(z + eps) - f(z)) / eps errs by
    about f''(z) eps / 2. Introduced in notebook 03.
    """
    z = _validate.as_float_array(z, "z")
    _validate.check_positive(eps, "eps")
    return (np.asarray(f(z + eps)) - np.asarray(f(z - eps))) / (2 * eps)


# name -> (g, g'). Softmax's "derivative" is its Jacobian for a single column.
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "leaky_relu": (leaky_relu, leaky_relu_derivative),
    "elu": (elu, elu_derivative),
    "swish": (swish, swish_derivative),
    "linear": (linear, linear_derivative),
    "softmax": (softmax, softmax_jacobian),
}


def get_activation(name):
    """Look up an activation by name.

    name: one of the keys of ACTIVATIONS ("sigmoid", "relu", ...).
    Returns (function, derivative). Raises ValueError listing the known names.
    Introduced in notebook 04.
    """
    _validate.check_choice(name, "activation", ACTIVATIONS)
    return ACTIVATIONS[name]
