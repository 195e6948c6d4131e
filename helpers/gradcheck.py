"""Gradient checking: compare a backward pass with central finite differences.

For each parameter entry theta_i, dJ/dtheta_i ~ (J(theta_i + eps) - J(theta_i - eps)) / (2 eps),
with an error of order eps^2. This needs float64: in float32 the rounding error of J,
divided by 2 eps, swamps the derivative.
"""
import numpy as np

from helpers import _validate


def _as_float64(value, name):
    arr = _validate.as_float_array(value, name)
    if arr.dtype != np.float64:
        raise TypeError(
            f"{name} is {arr.dtype}: finite differences need float64 "
            "(convert with .astype(np.float64))"
        )
    return arr


def params_to_vector(params, keys=None):
    """Flatten parameter arrays into one vector.

    params: dict of arrays; keys: which keys, in order (default: all, in dict order).
    Returns theta of shape (n,) (float64) and spec, a list of (key, shape) that
    `vector_to_params` uses to undo it. Introduced in notebook 04.
    """
    keys = list(params) if keys is None else list(keys)
    missing = [k for k in keys if k not in params]
    if missing:
        raise KeyError(f"params has no {missing}; it has {list(params)}")
    arrays = [_validate.as_float_array(params[k], f"params[{k!r}]") for k in keys]
    spec = [(k, a.shape) for k, a in zip(keys, arrays)]
    if not arrays:
        return np.zeros(0), spec
    theta = np.concatenate([a.astype(np.float64).ravel() for a in arrays])
    return theta, spec


def vector_to_params(theta, spec):
    """Undo `params_to_vector`.

    theta: shape (n,); spec: the list of (key, shape) from params_to_vector.
    Returns a dict key -> array of that shape (new arrays). Introduced in notebook 04.
    """
    theta = _validate.as_float_array(theta, "theta")
    sizes = [int(np.prod(shape)) for _, shape in spec]
    _validate.check_shape(theta, "theta", (sum(sizes),))
    params, start = {}, 0
    for (key, shape), size in zip(spec, sizes):
        params[key] = theta[start:start + size].reshape(shape).copy()
        start += size
    return params


def numerical_gradient(cost_fn, params, epsilon=1e-7):
    """Central-difference gradient of a cost with respect to every entry of params.

    cost_fn: params dict -> float cost J; params: dict of float64 arrays (float32 is
    refused); epsilon: the step. Returns grads keyed "d" + key ("dW1", ...), each with
    the shape of its parameter. cost_fn receives copies; the caller's arrays are not
    touched. Introduced in notebook 04.
    """
    _validate.check_positive(epsilon, "epsilon")
    work = {k: _as_float64(v, f"params[{k!r}]").copy() for k, v in params.items()}

    def cost():
        J = cost_fn(work)
        if np.ndim(J) != 0:
            raise TypeError(f"cost_fn must return a scalar cost, got shape {np.shape(J)}")
        return float(J)

    grads = {}
    for key, x in work.items():
        flat = x.reshape(-1)  # a view: writing to it perturbs work[key]
        g = np.zeros_like(flat)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + epsilon
            J_plus = cost()
            flat[i] = old - epsilon
            J_minus = cost()
            flat[i] = old
            g[i] = (J_plus - J_minus) / (2 * epsilon)
        grads["d" + key] = g.reshape(x.shape)
    return grads


def relative_error(analytic, numeric):
    """||analytic - numeric|| / (||analytic|| + ||numeric||), 0 when both are zero.

    analytic, numeric: arrays of the same shape. Returns a float in [0, 1].
    Introduced in notebook 04.
    """
    a = _validate.as_float_array(analytic, "analytic")
    n = _validate.as_float_array(numeric, "numeric")
    _validate.check_same_shape(a, "analytic", n, "numeric")
    denominator = np.linalg.norm(a) + np.linalg.norm(n)
    if denominator == 0:
        return 0.0
    return float(np.linalg.norm(a - n) / denominator)


def gradient_errors(cost_fn, params, grads, epsilon=1e-7):
    """Relative errors between analytic grads and central finite differences.

    cost_fn: params -> float; params: dict of float64 arrays ("W1", "b1", ...);
    grads: the backward pass's gradients ("dW1", "db1", ...; extra keys such as
    "dA0" are ignored). Returns (difference, errors): difference is
    ||grad - gradapprox|| / (||grad|| + ||gradapprox||) over every entry of every
    parameter together (a float, what notebook 04's gradient_check returns); errors maps
    each key ("W1", ...) to the same ratio for that parameter alone, which says where a
    bug is. On float64, below 1e-7 is great, around 1e-5 deserves a look, and above 1e-5
    (and certainly 1e-3) almost always means a bug in the backward pass. ReLU kinks near
    an input can also raise the error; check with another seed.
    Introduced in notebook 04.
    """
    numeric = numerical_gradient(cost_fn, params, epsilon)
    analytic = {}
    for key in params:
        name = "d" + key
        if name not in grads:
            raise KeyError(f"grads has no {name!r} for parameter {key!r}")
        analytic[name] = _validate.as_float_array(grads[name], f"grads[{name!r}]")
        _validate.check_same_shape(analytic[name], f"grads[{name!r}]", numeric[name], key)
    keys = list(numeric)
    difference = relative_error(params_to_vector(analytic, keys)[0],
                                params_to_vector(numeric, keys)[0])
    return difference, {key: relative_error(analytic["d" + key], numeric["d" + key])
                        for key in params}
