"""Regularisation: L2 weight decay and batch normalisation, and notebook 06's graded
functions (inverted dropout itself, a layer, is in `helpers.layers`).

Notebook 06's functions, with the signatures its exercises grade, for notebook 04's
network (ReLU hidden layers, one sigmoid unit; helpers.deep):

    compute_cost_with_regularization(AL, Y, parameters, lambd) -> float
    backward_propagation_with_regularization(AL, Y, caches, lambd) -> grads
    forward_propagation_with_dropout(X, parameters, keep_prob, rng) -> AL, caches
    backward_propagation_with_dropout(AL, Y, caches, keep_prob) -> grads
    batchnorm_forward(Z, gamma, beta, epsilon=1e-3) -> out, cache

caches are L_model_forward's for the L2 functions; with dropout, entry l - 1 is (layer
l's linear_activation_forward cache, D[l]), D[l] the 0/1 keep mask applied to A[l]
(None for the output layer). forward_propagation_with_dropout also takes masks=[D1,
..., D[L-1]] instead of drawing: a check reads a student's masks (where the next
layer's input is not 0) and replays them, so any correct way of drawing gets the marks.

Examples are columns: an activation or pre-activation has shape (n, m), one row per unit,
one column per example. Forward functions return ``(out, cache)`` and the matching backward
function takes ``(dout, cache)``, CS231n style.

Gradient convention (the whole course): gradients with respect to activations and Z are
per-example (``dZ = A - Y`` for a sigmoid output, no 1/m), while gradients of parameters
(dW, db, and here dgamma, dbeta) are gradients of the cost J, the mean over the m examples.
"""
import numpy as np

from helpers import _validate, deep, layers, losses


# --------------------------------------------------------------------------- L2


def _check_lambd_m(lambd, m):
    _validate.check_positive(lambd, "lambd", allow_zero=True)
    _validate.check_positive(m, "m")


def l2_penalty(params, lambd, m):
    """L2 term added to the cost: lambd / (2 m) * sum of ||W{l}||_F^2 over every layer.

    params: dict with weight matrices under keys starting with "W" ("W1", "W2", ...);
    biases ("b1", ...) and any other entries are not penalised.
    lambd: regularisation strength, >= 0. m: number of examples the cost averages over.
    Returns a Python float.

    Introduced in notebook 06.
    """
    _check_lambd_m(lambd, m)
    total = 0.0
    for key, value in params.items():
        if key.startswith("W"):
            W = _validate.as_float_array(value, f"params[{key!r}]")
            total += float(np.sum(np.square(W, dtype=np.float64)))
    return lambd / (2 * m) * total


def l2_gradient(W, lambd, m):
    """Gradient of ``l2_penalty`` with respect to one weight matrix: lambd / m * W.

    W: (n[l], n[l-1]). Returns an array of the same shape, added to dW{l} from backprop.

    Introduced in notebook 06.
    """
    W = _validate.as_float_array(W, "W")
    _check_lambd_m(lambd, m)
    return (lambd / m) * W


# ---------------------------------------------------------- batch normalisation


def batchnorm_forward(Z, gamma, beta, epsilon=1e-3, *, running=None, training=True,
                      momentum=0.99):
    """Batch normalisation of each unit (row) over the examples (columns) of a mini-batch.
    Notebook 06 grades batchnorm_forward(Z, gamma, beta, epsilon=1e-3) in training mode
    (its out; the cache is this module's); the keyword-only arguments add inference.

    Training: mu and var are the mean and the biased variance (divide by m) of each row of
    Z; Z_hat = (Z - mu) / sqrt(var + epsilon); out = gamma * Z_hat + beta. If ``running``
    is given, its moving statistics are updated in place with Keras's rule
    ``moving = moving * momentum + batch * (1 - momentum)``.
    Inference (training=False): mu and var are running["mean"], running["var"].

    Z: (n, m). gamma, beta: (n, 1). running: None or dict {"mean": (n, 1), "var": (n, 1)}
    (start from zeros and ones, as Keras does); required when training=False.
    momentum in [0, 1]; epsilon > 0 (Keras's defaults 0.99 and 1e-3).
    Returns (out, cache): out is (n, m); cache is for batchnorm_backward.

    Introduced in notebook 06.
    """
    Z = _validate.as_float_array(Z, "Z")
    _validate.check_ndim(Z, "Z", 2, "(n, m)")
    n = Z.shape[0]
    gamma = _validate.as_float_array(gamma, "gamma")
    beta = _validate.as_float_array(beta, "beta")
    _validate.check_shape(gamma, "gamma", (n, 1))
    _validate.check_shape(beta, "beta", (n, 1))
    _validate.check_positive(momentum, "momentum", allow_zero=True)
    if momentum > 1:
        raise ValueError(f"momentum must be in [0, 1], got {momentum!r}")
    _validate.check_positive(epsilon, "epsilon")
    if running is not None:
        for key in ("mean", "var"):
            if key not in running:
                raise KeyError(f"running must have keys 'mean' and 'var', missing {key!r}")
            _validate.check_shape(np.asarray(running[key]), f"running[{key!r}]", (n, 1))
    elif not training:
        raise ValueError("running (the moving mean and var) is required when training=False")

    if training:
        mu = Z.mean(axis=1, keepdims=True)
        var = Z.var(axis=1, keepdims=True)
        if running is not None:
            running["mean"] = running["mean"] * momentum + mu * (1 - momentum)
            running["var"] = running["var"] * momentum + var * (1 - momentum)
    else:
        mu = _validate.as_float_array(running["mean"], "running['mean']")
        var = _validate.as_float_array(running["var"], "running['var']")
    inv_std = 1.0 / np.sqrt(var + epsilon)
    Z_hat = (Z - mu) * inv_std
    out = gamma * Z_hat + beta
    return out, {"Z_hat": Z_hat, "gamma": gamma, "inv_std": inv_std, "training": training}


def batchnorm_backward(dout, cache):
    """Backward pass of batchnorm_forward.

    dout: (n, m), per-example gradient with respect to out (course convention).
    Returns (dZ, dgamma, dbeta):
      dZ (n, m): per-example gradient with respect to Z. In training mode mu and var depend
        on every column, so dZ = gamma * inv_std * (dout - mean(dout) - Z_hat *
        mean(dout * Z_hat)), means over the examples; in inference mode gamma * inv_std * dout.
        If dout is the exact gradient of a scalar f, dZ is the exact gradient of f.
      dgamma, dbeta (n, 1): gradients of the cost, like dW and db, i.e. the MEAN over the
        examples: dgamma = sum(dout * Z_hat, axis=1) / m, dbeta = sum(dout, axis=1) / m.
        If dout is the exact gradient of a scalar f, these are the gradients of f / m.

    Introduced in notebook 06.
    """
    dout = _validate.as_float_array(dout, "dout")
    Z_hat, gamma, inv_std = cache["Z_hat"], cache["gamma"], cache["inv_std"]
    _validate.check_same_shape(dout, "dout", Z_hat, "the forward output")
    dbeta = dout.mean(axis=1, keepdims=True)
    dgamma = (dout * Z_hat).mean(axis=1, keepdims=True)
    if cache["training"]:
        # The batch mean and variance move with every column; these two terms remove the
        # components of dout that shifting or scaling the whole row would cancel.
        dZ = gamma * inv_std * (dout - dbeta - Z_hat * dgamma)
    else:
        dZ = gamma * inv_std * dout
    return dZ, dgamma, dbeta


# ------------------------------------------------------------ notebook 06

def compute_cost_with_regularization(AL, Y, parameters, lambd):
    """Cross-entropy plus the L2 term: J = cross_entropy(AL, Y) + lambd / (2 m) * sum over
    l of ||W[l]||^2 (the squares of every weight; the biases are not penalised).

    AL: (1, m) sigmoid outputs; Y: (1, m) 0/1 labels; parameters: W1.., b1..;
    lambd >= 0. Returns J as a float. Introduced in notebook 06.
    """
    return losses.binary_cross_entropy(AL, Y) + l2_penalty(parameters, lambd, np.shape(AL)[1])


def backward_propagation_with_regularization(AL, Y, caches, lambd):
    """L_model_backward's gradients of compute_cost_with_regularization: each dW[l]
    gains lambd / m * W[l]; db[l] and dA[l] are unchanged.

    AL: (1, m); Y: (1, m); caches: from deep.L_model_forward; lambd >= 0.
    Returns grads as L_model_backward does. Introduced in notebook 06.
    """
    grads = deep.L_model_backward(AL, Y, caches)
    m = np.shape(AL)[1]
    for l, ((_, W, _), _) in enumerate(caches, start=1):
        grads[f"dW{l}"] = grads[f"dW{l}"] + l2_gradient(W, lambd, m)
    return grads


def forward_propagation_with_dropout(X, parameters, keep_prob, rng, *, masks=None):
    """L_model_forward with inverted dropout after every hidden layer: for l < L,
    D[l] = rng.random(A[l].shape) < keep_prob (D1 first), A[l] = A[l] * D[l] / keep_prob.
    The output layer is never dropped.

    X: (n_x, m); parameters: W1.., b1..; keep_prob in (0, 1]; rng: np.random.Generator;
    masks: the L - 1 masks to use instead of drawing (then rng may be None).
    Returns AL (1, m) and caches, entry l - 1 = (((A_prev, W, b), Z), D[l]).
    Introduced in notebook 06.
    """
    L = deep.layer_count(parameters)
    return layers.model_forward(X, parameters, deep.network_activations(L),
                                keep_prob=keep_prob, rng=rng, masks=masks)


def backward_propagation_with_dropout(AL, Y, caches, keep_prob):
    """Backward pass of forward_propagation_with_dropout: the same masks, the same
    1 / keep_prob, applied to each dA[l] on its way back.

    AL: (1, m); Y: (1, m); caches: from forward_propagation_with_dropout; keep_prob: the
    one used forward. Returns grads as L_model_backward does (dA[l] with respect to the
    dropped A[l]). Introduced in notebook 06.
    """
    if not isinstance(caches, (list, tuple)) or not caches:
        raise TypeError("caches must be the non-empty list forward_propagation_with_dropout "
                        "returns")
    return layers.model_backward(AL, Y, caches, deep.network_activations(len(caches)),
                                 "binary_cross_entropy", keep_prob=keep_prob)
