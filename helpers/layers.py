"""Layers as forward/backward pairs (CS231n style), examples as columns, and the L-layer
forward and backward passes made of them.

A forward function returns its output and a `cache` of what the backward function
needs; the backward function takes the upstream gradient and that cache. The caches,
which notebook 04's exercises build and read in exactly this form:

    linear_forward             (A_prev, W, b)                      the "linear cache"
    activation_forward         Z                                   the "activation cache"
    linear_activation_forward  (linear cache, activation cache) = ((A_prev, W, b), Z)
    dropout_forward            (mask, keep_prob)
    model_forward              a list with, for layer l, (its linear_activation_forward
                               cache, D[l]): D[l] is the 0/1 keep mask dropout applied to
                               A[l], None where no dropout was applied (always for layer L)

The activation is not in the cache: the backward functions take it as an argument,
like the forward ones.

Gradients with respect to activations and Z are PER EXAMPLE (dZ = dL/dZ). dW and db
are gradients of the COST J = mean of the losses, so `linear_backward` is where the
1/m appears: dW = dZ A_prev^T / m, db = sum(dZ) / m, dA_prev = W^T dZ.

`helpers.train.fit` trains with model_forward and model_backward themselves: the same
code the notebooks call, not a copy.
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


def _pair(cache, name, made_by):
    """Unpack a two-part cache, saying which function makes it when it is not one."""
    if not isinstance(cache, (tuple, list)) or len(cache) != 2:
        raise TypeError(f"{name} must be the pair {made_by}, got {type(cache).__name__}")
    return cache


# Each public function below checks its arguments and then calls a kernel that only
# computes. model_forward and model_backward check a whole network once and then call the
# same kernels layer after layer: one implementation of each step, checked once per call.

def _linear(A_prev, W, b):
    Z = W @ A_prev
    Z += b  # into the product, rather than into a new (n[l], m) array
    return Z


def _linear_backward(dZ, A_prev, W, need_dA_prev):
    # 1/m on dZ, (n[l], m), before the products: it is smaller than dW.
    dZ_mean = dZ / dZ.shape[1]
    dW = dZ_mean @ A_prev.T
    db = dZ_mean.sum(axis=1, keepdims=True)
    return (W.T @ dZ if need_dA_prev else None), dW, db


def _activation_backward(dA, Z, activation):
    if activation == "softmax":
        s = softmax(Z, axis=0)
        return s * (dA - np.sum(dA * s, axis=0, keepdims=True))
    return dA * ACTIVATIONS[activation][1](Z)


def _layer_forward(A_prev, W, b, activation):
    Z = _linear(A_prev, W, b)
    return ACTIVATIONS[activation][0](Z), ((A_prev, W, b), Z)


def _layer_backward(dA, cache, activation, need_dA_prev):
    (A_prev, W, _), Z = cache
    return _linear_backward(_activation_backward(dA, Z, activation), A_prev, W, need_dA_prev)


def _dropout(A, mask, keep_prob):
    """A * mask / keep_prob, forward and backward alike; the scale in A's dtype keeps
    float32 float32."""
    return A * mask * np.asarray(1.0 / keep_prob, dtype=A.dtype)


# ---------------------------------------------------------------- linear

def _check_linear(A_prev, W, b):
    A_prev = _validate.as_float_array(A_prev, "A_prev")
    _validate.check_ndim(A_prev, "A_prev", 2, "(n[l-1], m)")
    return (A_prev, *_check_weights(W, b, A_prev.shape[0]))


def _check_linear_cache(cache):
    if not isinstance(cache, (tuple, list)) or len(cache) != 3:
        raise TypeError("the linear cache must be (A_prev, W, b), as linear_forward returns "
                        f"it, got {type(cache).__name__}")
    return _check_linear(*cache)


def linear_forward(A_prev, W, b):
    """Linear (affine) step Z = W A_prev + b.

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1).
    Returns Z of shape (n[l], m) and cache = (A_prev, W, b). Introduced in notebook 04.
    """
    A_prev, W, b = _check_linear(A_prev, W, b)
    return _linear(A_prev, W, b), (A_prev, W, b)


def linear_backward(dZ, cache, *, need_dA_prev=True):
    """Backward of the linear step; the only place where 1/m enters.

    dZ: per-example dL/dZ, (n[l], m); cache: (A_prev, W, b) from `linear_forward`.
    Returns dA_prev (n[l-1], m) (per example), dW (n[l], n[l-1]) and db (n[l], 1)
    (gradients of the cost J). need_dA_prev=False returns None for dA_prev and saves
    its product (the training loop needs no gradient for the input X).
    Introduced in notebook 04.
    """
    A_prev, W, _ = _check_linear_cache(cache)
    dZ = _validate.as_float_array(dZ, "dZ")
    _validate.check_shape(dZ, "dZ", (W.shape[0], A_prev.shape[1]))
    return _linear_backward(dZ, A_prev, W, need_dA_prev)


# ---------------------------------------------------------------- activation

def activation_forward(Z, activation):
    """Apply an activation by name, A = g(Z); softmax works down each column.

    Z: (n[l], m); activation: a name from activations.ACTIVATIONS.
    Returns A of shape (n[l], m) and cache = Z. Introduced in notebook 04.
    """
    function, _ = get_activation(activation)  # an unknown name fails here, naming the known ones
    Z = _validate.as_float_array(Z, "Z")
    _validate.check_ndim(Z, "Z", 2, "(n[l], m)")
    return function(Z), Z


def _check_activation_backward(dA, Z, activation):
    get_activation(activation)
    Z = _validate.as_float_array(Z, "the activation cache Z")
    dA = _validate.as_float_array(dA, "dA")
    _validate.check_same_shape(dA, "dA", Z, "Z")
    return dA, Z


def activation_backward(dA, cache, activation):
    """Backward of an activation: dZ = dA * g'(Z).

    For softmax, whose Jacobian is not diagonal, this is the Jacobian-vector product
    dZ = s * (dA - sum(dA * s, axis=0)) with s = softmax(Z), one column at a time.
    dA: per-example dL/dA, (n[l], m); cache: Z from `activation_forward`; activation:
    the name given to the forward function. Returns dZ of shape (n[l], m).
    Introduced in notebook 04.
    """
    return _activation_backward(*_check_activation_backward(dA, cache, activation), activation)


# ---------------------------------------------------------------- linear -> activation

def linear_activation_forward(A_prev, W, b, activation):
    """One full layer: A = g(W A_prev + b).

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1); activation: a name.
    Returns A of shape (n[l], m) and cache = (linear cache, activation cache)
    = ((A_prev, W, b), Z). Introduced in notebook 04.
    """
    get_activation(activation)
    return _layer_forward(*_check_linear(A_prev, W, b), activation)


def linear_activation_backward(dA, cache, activation, *, need_dA_prev=True):
    """Backward of one full layer: activation_backward, then linear_backward.

    dA: per-example dL/dA, (n[l], m); cache: ((A_prev, W, b), Z) from
    `linear_activation_forward`; activation: the name given to it.
    Returns dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1); need_dA_prev as in
    `linear_backward`. Introduced in notebook 04.
    """
    linear_cache, Z = _pair(cache, "cache", "(linear_cache, Z) that linear_activation_forward "
                                            "returns")
    linear_cache = _check_linear_cache(linear_cache)
    dA, Z = _check_activation_backward(dA, Z, activation)
    _validate.check_shape(Z, "Z", (linear_cache[1].shape[0], linear_cache[0].shape[1]))
    return _layer_backward(dA, (linear_cache, Z), activation, need_dA_prev)


# ---------------------------------------------------------------- dropout

def _check_keep_prob(keep_prob):
    _validate.check_positive(keep_prob, "keep_prob")
    if keep_prob > 1:
        raise ValueError(f"keep_prob must be in (0, 1], got {keep_prob!r}")


def _check_mask(mask, shape, name="mask"):
    """A given keep mask as a bool array of `shape`; its entries must be 0 or 1."""
    mask = np.asarray(mask)
    if mask.shape != tuple(shape):
        raise ValueError(f"{name} must have the shape of A, {tuple(shape)}, got {mask.shape}")
    if mask.dtype != bool:
        if not np.issubdtype(mask.dtype, np.number) or np.any((mask != 0) & (mask != 1)):
            raise ValueError(f"{name} must hold 0/1 (or True/False) keep decisions")
        mask = mask != 0
    return mask


def _keep_mask(shape, keep_prob, rng, mask, name="mask"):
    """The given keep mask, checked, or one drawn as rng.random(shape) < keep_prob."""
    if mask is not None:
        return _check_mask(mask, shape, name)
    _validate.check_rng(rng)
    return rng.random(shape) < keep_prob


def dropout_forward(A, keep_prob, rng=None, training=True, *, mask=None):
    """Inverted dropout: keep each unit with probability keep_prob and scale the kept ones
    by 1 / keep_prob, so the expected value of every entry is unchanged and nothing needs
    rescaling at test time.

    A: activations (n, m), or any shape. keep_prob: in (0, 1]. rng: np.random.Generator;
    the mask is rng.random(A.shape) < keep_prob. mask: instead of drawing, use this keep
    mask (0/1 or bool, the shape of A): a check that recovers the mask a student's code
    drew (where its output is not 0) can compare the rest exactly, however it was drawn.
    training: False gives the identity (test time), drawing no random numbers.
    Returns (out, cache): out has the shape and dtype of A; cache = (mask, keep_prob),
    mask None at test time. Introduced in notebook 06.
    """
    A = _validate.as_float_array(A, "A")
    _check_keep_prob(keep_prob)
    if not training:
        return A, (None, keep_prob)
    mask = _keep_mask(A.shape, keep_prob, rng, mask)
    return _dropout(A, mask, keep_prob), (mask, keep_prob)


def dropout_backward(dA, cache):
    """Backward pass of inverted dropout: dA * mask / keep_prob (identity at test time).

    dA: upstream gradient, shape of the forward input. cache: (mask, keep_prob) from
    dropout_forward. Returns the gradient with respect to the forward input, same shape.
    Introduced in notebook 06.
    """
    mask, keep_prob = _pair(cache, "cache", "(mask, keep_prob) that dropout_forward returns")
    dA = _validate.as_float_array(dA, "dA")
    if mask is None:
        return dA
    _validate.check_same_shape(dA, "dA", np.asarray(mask), "the dropout mask")
    return _dropout(dA, mask, keep_prob)


# ---------------------------------------------------------------- whole model

def _check_activations(activations):
    if isinstance(activations, str) or not isinstance(activations, (list, tuple)):
        raise TypeError(
            "activations must be a list of activation names, one per layer, e.g. "
            f"['relu', 'sigmoid'], got {activations!r}"
        )
    if len(activations) == 0:
        raise ValueError("activations must name at least one layer, got []")
    for l, name in enumerate(activations, start=1):
        try:
            get_activation(name)
        except (ValueError, TypeError) as err:
            raise ValueError(f"layer {l}: {err}") from None


def _check_model(X, params, activations):
    """Check that params holds exactly the layers `activations` names and that their
    shapes chain from X; errors name the offending layer. Returns X as a float array
    and the list of each layer's (W, b) as float arrays."""
    _check_activations(activations)
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict of W1, b1, ..., got {type(params).__name__}")
    L = len(activations)
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
    n_prev, weights = X.shape[0], []
    for l in range(1, L + 1):
        if f"b{l}" not in params:
            raise ValueError(f"layer {l}: params has W{l} but no b{l}")
        weights.append(_check_weights(params[f"W{l}"], params[f"b{l}"], n_prev,
                                      w_name=f"W{l}", b_name=f"b{l}", a_name=f"A{l - 1}"))
        n_prev = weights[-1][0].shape[0]
    return X, weights


def _check_masks(masks, L):
    if masks is None:
        return [None] * (L - 1)
    if not isinstance(masks, (list, tuple)) or len(masks) != L - 1:
        got = f"{len(masks)} of them" if isinstance(masks, (list, tuple)) else repr(masks)
        raise ValueError(f"masks must be a list of {L - 1} keep masks D1..D{L - 1}, one "
                         f"per hidden layer; got {got}")
    return list(masks)


def model_forward(X, params, activations, *, keep_prob=1.0, rng=None, masks=None):
    """Forward pass of an L-layer network, with inverted dropout on the hidden layers
    when keep_prob < 1 (training).

    X: (n_x, m); params: W1..WL, b1..bL with Wl (n[l], n[l-1]) and bl (n[l], 1);
    activations: L names, one per layer, e.g. ["relu", "relu", "sigmoid"].
    keep_prob in (0, 1]: below 1, the output A[l] of every hidden layer goes through
    inverted dropout (as `dropout_forward`) with rng, which draws the masks layer by
    layer, D1 first; never the output layer. masks: instead of drawing, the L - 1 keep
    masks D1..D[L-1] to use (see `dropout_forward`).
    Returns AL of shape (n[L], m) and caches, whose entry l - 1 is (cache of
    linear_activation_forward for layer l, D[l] or None). Introduced in notebook 03.
    """
    A, weights = _check_model(X, params, activations)
    _check_keep_prob(keep_prob)
    L = len(activations)
    masks = _check_masks(masks, L)
    caches = []
    for l, ((W, b), activation) in enumerate(zip(weights, activations), start=1):
        A, layer_cache = _layer_forward(A, W, b, activation)
        D = None
        if l < L and (keep_prob < 1 or masks[l - 1] is not None):
            D = _keep_mask(A.shape, keep_prob, rng, masks[l - 1], f"masks[{l - 1}]")
            A = _dropout(A, D, keep_prob)
        caches.append((layer_cache, D))
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


def _check_layer_cache(cache, l):
    """One entry of model_forward's caches: ((A_prev, W, b), Z), D."""
    layer_cache, D = _pair(cache, f"caches[{l - 1}]", "(layer cache, D) of model_forward")
    ok = (isinstance(layer_cache, (tuple, list)) and len(layer_cache) == 2
          and isinstance(layer_cache[0], (tuple, list)) and len(layer_cache[0]) == 3)
    if not ok:
        raise TypeError(f"caches[{l - 1}][0] must be layer {l}'s ((A_prev, W, b), Z), as "
                        "model_forward returns it")
    return layer_cache, D


def model_backward(AL, Y, caches, activations, loss, *, keep_prob=1.0, need_dA0=True):
    """Backward pass of an L-layer network for a loss given by name.

    AL: (n[L], m) output of `model_forward`; Y: labels in the loss's format;
    caches and activations: those of `model_forward`; loss: a name from losses.LOSSES;
    keep_prob: the one given to model_forward (the masks are in the caches).
    A sigmoid output with "binary_cross_entropy" and a softmax output with
    "softmax_cross_entropy" start from dZL = AL - Y (exact and stable); any other
    pair goes through the loss's dAL and the output activation's backward.
    Returns grads with dW{l} (n[l], n[l-1]), db{l} (n[l], 1) for l = 1..L and
    dA{l} (n[l], m), l = 0..L-1, the per-example gradient with respect to layer
    l + 1's input (after dropout). need_dA0=False leaves out dA0 and its product.
    Introduced in notebook 03.
    """
    _, loss_backward = get_loss(loss)
    _check_activations(activations)
    _check_keep_prob(keep_prob)
    L = len(activations)
    if not isinstance(caches, (list, tuple)) or len(caches) != L:
        raise ValueError(f"caches must be the list of {L} layer caches that model_forward "
                         f"returned for {L} activations")
    entries = [_check_layer_cache(cache, l) for l, cache in enumerate(caches, start=1)]
    AL = _validate.as_float_array(AL, "AL")
    (A_prev, W, _), Z_L = entries[-1][0]
    _validate.check_same_shape(AL, "AL", np.asarray(Z_L), f"Z{L} in caches")

    grads = {}
    if _output_delta(loss, activations[-1]):
        AL, Y = _LOSS_INPUTS[loss](AL, Y)
        dA, dW, db = _linear_backward(AL - Y, A_prev, W, need_dA0 or L > 1)
    else:
        dA, dW, db = _layer_backward(loss_backward(AL, Y), entries[-1][0], activations[-1],
                                     need_dA0 or L > 1)
    grads[f"dW{L}"], grads[f"db{L}"] = dW, db
    for l in range(L - 1, 0, -1):
        grads[f"dA{l}"] = dA
        layer_cache, D = entries[l - 1]
        if D is not None:
            dA = _dropout(dA, D, keep_prob)
        dA, grads[f"dW{l}"], grads[f"db{l}"] = _layer_backward(
            dA, layer_cache, activations[l - 1], need_dA0 or l > 1)
    if need_dA0:
        grads["dA0"] = dA
    return grads


def predict(X, params, activations):
    """Predictions of an L-layer network.

    X: (n_x, m); params and activations as in `model_forward`.
    Returns, for a sigmoid output, 0/1 floats of shape (n[L], m) (threshold 0.5);
    for a softmax output, integer class labels of shape (1, m); for a linear output,
    AL itself. Introduced in notebook 03.
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


def params_from_keras(weights):
    """A Keras model's Dense weights as this course's parameters.

    weights: what `model.get_weights()` returns for a stack of Dense layers,
    [K1, b1, ..., KL, bL], each kernel Kl of shape (n[l-1], n[l]) (Keras puts the
    examples in the rows, so Z = X K + b) and each bias bl of shape (n[l],).
    Returns params with Wl = Kl.T of shape (n[l], n[l-1]) and bl of shape (n[l], 1), for
    model_forward, where the examples are columns. Introduced in notebook 08.
    """
    if not isinstance(weights, (list, tuple)) or len(weights) == 0 or len(weights) % 2:
        raise ValueError("weights must be a list [K1, b1, ..., KL, bL] as model.get_weights() "
                         f"returns for Dense layers, got {type(weights).__name__} of "
                         f"length {len(weights) if hasattr(weights, '__len__') else '?'}")
    params = {}
    for l in range(1, len(weights) // 2 + 1):
        K = _validate.as_float_array(weights[2 * l - 2], f"K{l}")
        b = _validate.as_float_array(weights[2 * l - 1], f"b{l}")
        _validate.check_ndim(K, f"K{l}", 2, "(n_prev, n), a Dense kernel")
        _validate.check_shape(b, f"b{l}", (K.shape[1],))
        params[f"W{l}"], params[f"b{l}"] = K.T, b.reshape(-1, 1)
    return params
