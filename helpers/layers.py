"""Layers as forward/backward pairs (CS231n style), examples as columns.

A forward function returns its output and a `cache` of what the backward function
needs; the backward function takes the upstream gradient and that cache.

Gradients with respect to activations and Z are PER EXAMPLE (dZ = dL/dZ). dW and db
are gradients of the COST J = mean of the losses, so `dense_backward` is where the
1/m appears: dW = dZ A_prev^T / m, db = sum(dZ) / m, dA_prev = W^T dZ.
"""
import numpy as np

from helpers import _validate
from helpers.activations import ACTIVATIONS, get_activation, softmax
from helpers.losses import _INPUTS as _LOSS_INPUTS, get_loss


def _check_weights(W, b, n_prev, w_name="W", b_name="b", a_name="A_prev"):
    """Validate one layer's W and b against the n_prev rows of its input; the names
    let model_forward point at the offending layer."""
    W = _validate.as_float_array(W, w_name)
    b = _validate.as_float_array(b, b_name)
    _validate.check_ndim(W, w_name, 2, "(n[l], n[l-1])")
    if W.shape[1] != n_prev:
        raise ValueError(
            f"{w_name} has shape {W.shape} but {a_name} has {n_prev} rows: "
            f"{w_name} must have shape (n[l], {n_prev})"
        )
    _validate.check_shape(b, b_name, (W.shape[0], 1))
    return W, b


# The four kernels below compute without checking: the public functions check their
# arguments and then call them, and so does the training loop in helpers.train, which
# checks the whole model once rather than at each of its thousands of steps.

def _affine(A_prev, W, b):
    """Z = W A_prev + b, adding b into the product rather than into a new array."""
    Z = W @ A_prev
    Z += b
    return Z


def _affine_backward(dZ, A_prev, W, need_dA_prev=True):
    """dA_prev (None when not needed, as for the input X), dW and db from dZ.

    1/m is applied to dZ, (n[l], m), before the products: it is smaller than dW.
    """
    dZ_mean = dZ / dZ.shape[1]
    dW = dZ_mean @ A_prev.T
    db = dZ_mean.sum(axis=1, keepdims=True)
    return (W.T @ dZ if need_dA_prev else None), dW, db


def _activate(Z, activation):
    """A = g(Z) for an activation name (softmax works down each column)."""
    return ACTIVATIONS[activation][0](Z)


def _activate_backward(dA, Z, activation):
    """dZ = dA * g'(Z); for softmax the Jacobian-vector product, column by column."""
    if activation == "softmax":
        s = softmax(Z, axis=0)
        return s * (dA - np.sum(dA * s, axis=0, keepdims=True))
    return dA * ACTIVATIONS[activation][1](Z)


def dense_forward(A_prev, W, b):
    """Affine step Z = W A_prev + b.

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1).
    Returns Z of shape (n[l], m) and cache = (A_prev, W, b). Introduced in notebook 04.
    """
    A_prev = _validate.as_float_array(A_prev, "A_prev")
    _validate.check_ndim(A_prev, "A_prev", 2, "(n[l-1], m)")
    W, b = _check_weights(W, b, A_prev.shape[0])
    return _affine(A_prev, W, b), (A_prev, W, b)


def dense_backward(dZ, cache):
    """Backward of the affine step; the only place where 1/m enters.

    dZ: per-example dL/dZ, (n[l], m); cache from `dense_forward`.
    Returns dA_prev (n[l-1], m) (per example), dW (n[l], n[l-1]) and db (n[l], 1)
    (gradients of the cost J). Introduced in notebook 04.
    """
    A_prev, W, b = cache
    dZ = _validate.as_float_array(dZ, "dZ")
    _validate.check_shape(dZ, "dZ", (W.shape[0], A_prev.shape[1]))
    return _affine_backward(dZ, A_prev, W)


def activation_forward(Z, activation):
    """Apply an activation by name, A = g(Z); softmax works down each column.

    Z: (n[l], m); activation: a name from activations.ACTIVATIONS.
    Returns A of shape (n[l], m) and cache = (Z, activation). Introduced in notebook 04.
    """
    get_activation(activation)  # an unknown name fails here, naming the known ones
    Z = _validate.as_float_array(Z, "Z")
    _validate.check_ndim(Z, "Z", 2, "(n[l], m)")
    return _activate(Z, activation), (Z, activation)


def activation_backward(dA, cache):
    """Backward of an activation: dZ = dA * g'(Z).

    For softmax, whose Jacobian is not diagonal, this is the Jacobian-vector product
    dZ = s * (dA - sum(dA * s, axis=0)) with s = softmax(Z), one column at a time.
    dA: per-example dL/dA, (n[l], m); cache from `activation_forward`.
    Returns dZ of shape (n[l], m). Introduced in notebook 04.
    """
    Z, activation = cache
    dA = _validate.as_float_array(dA, "dA")
    _validate.check_same_shape(dA, "dA", Z, "Z")
    return _activate_backward(dA, Z, activation)


def dense_activation_forward(A_prev, W, b, activation):
    """One full layer: A = g(W A_prev + b).

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1); activation: a name.
    Returns A of shape (n[l], m) and cache = (dense cache, activation cache).
    Introduced in notebook 04.
    """
    Z, dense_cache = dense_forward(A_prev, W, b)
    A, activation_cache = activation_forward(Z, activation)
    return A, (dense_cache, activation_cache)


def dense_activation_backward(dA, cache):
    """Backward of one full layer: activation_backward, then dense_backward.

    dA: per-example dL/dA, (n[l], m); cache from `dense_activation_forward`.
    Returns dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1).
    Introduced in notebook 04.
    """
    dense_cache, activation_cache = cache
    dZ = activation_backward(dA, activation_cache)
    return dense_backward(dZ, dense_cache)


def _check_model(X, params, activations):
    """Check that params holds exactly the layers `activations` names and that their
    shapes chain from X; errors name the offending layer. Returns X as a float array
    and the list of (W, b) per layer."""
    if isinstance(activations, str) or not isinstance(activations, (list, tuple)):
        raise TypeError(
            "activations must be a list of activation names, one per layer, e.g. "
            f"['relu', 'sigmoid'], got {activations!r}"
        )
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict of W1, b1, ..., got {type(params).__name__}")
    L = len(activations)
    if L == 0:
        raise ValueError("activations must name at least one layer, got []")
    for l, name in enumerate(activations, start=1):
        try:
            get_activation(name)
        except (ValueError, TypeError) as err:
            raise ValueError(f"layer {l}: {err}") from None
    layers_in_params = sorted(
        int(k[1:]) for k in params if k.startswith("W") and k[1:].isdigit()
    )
    if layers_in_params != list(range(1, L + 1)):
        raise ValueError(
            f"activations names {L} layers, so params needs W1..W{L} and b1..b{L}; "
            f"it has weights for layers {layers_in_params}"
        )
    X = _validate.as_float_array(X, "X")
    _validate.check_ndim(X, "X", 2, "(n_x, m)")
    n_prev = X.shape[0]
    weights = []
    for l in range(1, L + 1):
        if f"b{l}" not in params:
            raise ValueError(f"layer {l}: params has W{l} but no b{l}")
        W, b = _check_weights(
            params[f"W{l}"], params[f"b{l}"], n_prev,
            w_name=f"W{l}", b_name=f"b{l}", a_name=f"A{l - 1}",
        )
        weights.append((W, b))
        n_prev = W.shape[0]
    return X, weights


def model_forward(X, params, activations):
    """Forward pass of an L-layer network.

    X: (n_x, m); params: W1..WL, b1..bL with Wl (n[l], n[l-1]) and bl (n[l], 1);
    activations: L names, one per layer, e.g. ["relu", "relu", "sigmoid"].
    Returns AL of shape (n[L], m) and the list of L layer caches.
    Introduced in notebook 04.
    """
    A, weights = _check_model(X, params, activations)
    caches = []
    for (W, b), activation in zip(weights, activations):
        Z = _affine(A, W, b)
        caches.append(((A, W, b), (Z, activation)))
        A = _activate(Z, activation)
    return A, caches


def _output_delta(loss, output_activation):
    """True when the output layer's dZ is simply AL - Y: a sigmoid output with
    binary cross-entropy or a softmax output with softmax cross-entropy. Raises for
    softmax cross-entropy on any other output, whose dZ would not be AL - Y."""
    if loss == "softmax_cross_entropy" and output_activation != "softmax":
        raise ValueError(
            f"softmax_cross_entropy needs a softmax output layer, got {output_activation!r}"
        )
    return (loss, output_activation) in (("binary_cross_entropy", "sigmoid"),
                                         ("softmax_cross_entropy", "softmax"))


def model_backward(AL, Y, caches, loss):
    """Backward pass of an L-layer network for a loss given by name.

    AL: (n[L], m) output of `model_forward`; Y: labels in the loss's format;
    caches: from `model_forward`; loss: a name from losses.LOSSES.
    A sigmoid output with "binary_cross_entropy" and a softmax output with
    "softmax_cross_entropy" start from dZL = AL - Y (exact and stable); any other
    pair goes through the loss's dAL and the output activation's backward.
    Returns grads with dW{l} (n[l], n[l-1]), db{l} (n[l], 1) and dA{l-1}
    (n[l-1], m) for l = 1..L. Introduced in notebook 04.
    """
    _, loss_backward = get_loss(loss)
    if not isinstance(caches, (list, tuple)) or len(caches) == 0:
        raise ValueError("caches must be the non-empty list returned by model_forward")
    AL = _validate.as_float_array(AL, "AL")
    Z_L, output_activation = caches[-1][1]
    _validate.check_same_shape(AL, "AL", Z_L, f"Z{len(caches)} in caches")

    if _output_delta(loss, output_activation):
        AL, Y = _LOSS_INPUTS[loss](AL, Y)
        dZ = AL - Y
    else:
        dZ = activation_backward(loss_backward(AL, Y), caches[-1][1])

    grads = {}
    for l in range(len(caches), 0, -1):
        dense_cache, _ = caches[l - 1]
        dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = dense_backward(dZ, dense_cache)
        grads[f"dA{l - 1}"] = dA_prev
        if l > 1:
            dZ = activation_backward(dA_prev, caches[l - 2][1])
    return grads


def predict(X, params, activations):
    """Predictions of an L-layer network.

    X: (n_x, m); params and activations as in `model_forward`.
    Returns, for a sigmoid output, 0/1 floats of shape (n[L], m) (threshold 0.5);
    for a softmax output, integer class labels of shape (1, m); for a linear output,
    AL itself. Introduced in notebook 04.
    """
    AL, _ = model_forward(X, params, activations)
    output_activation = activations[-1]
    if output_activation == "sigmoid":
        return (AL > 0.5).astype(AL.dtype)
    if output_activation == "softmax":
        return np.argmax(AL, axis=0, keepdims=True)
    if output_activation == "linear":
        return AL
    raise ValueError(
        "predict handles 'sigmoid', 'softmax' and 'linear' output layers, got "
        f"{output_activation!r}; use model_forward for the raw outputs"
    )
