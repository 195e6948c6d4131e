"""Weight initializers with Keras's names, and `initialize_parameters` for a network.

A weight here has shape (fan_out, fan_in) = (n[l], n[l-1]), because examples are
columns and Z = W A_prev + b. A Keras Dense kernel is the transpose, (fan_in,
fan_out), so Keras's fans are read from the other axes; the variances are the same.

We draw from plain normal distributions with the target variance (Keras draws from a
truncated normal rescaled to the same variance):
    glorot_normal  var 2 / (fan_in + fan_out)   glorot_uniform  limit sqrt(6 / (fan_in + fan_out))
    he_normal      var 2 / fan_in               he_uniform      limit sqrt(6 / fan_in)
He initialisation is the one designed for ReLU-family activations; Glorot (Xavier)
for tanh and sigmoid.
"""
import numpy as np

from helpers import _validate


def _check_shape_arg(shape, ndim=None, name="shape"):
    ok = isinstance(shape, tuple) and all(
        isinstance(n, (int, np.integer)) and not isinstance(n, bool) and n > 0
        for n in shape
    )
    if not ok or (ndim is not None and len(shape) != ndim):
        want = "a tuple of positive ints" if ndim is None else "(fan_out, fan_in)"
        raise ValueError(f"{name} must be {want}, got {shape!r}")


def _fans(shape, rng):
    """Validate a weight shape and the rng; return (fan_in, fan_out)."""
    _check_shape_arg(shape, ndim=2)
    _validate.check_rng(rng)
    fan_out, fan_in = shape
    return fan_in, fan_out


def zeros(shape, rng=None):
    """All zeros, float64; the right start for biases (rng is ignored, accepted so
    every initializer can be called the same way).

    shape: e.g. (n[l], 1). Returns an array of that shape. Introduced in notebook 05.
    """
    _check_shape_arg(shape)
    return np.zeros(shape)


def random_normal(shape, rng, stddev=0.01):
    """Normal with mean 0 and standard deviation `stddev` (the classic "* 0.01").

    shape: (n[l], n[l-1]); rng: np.random.Generator; stddev > 0.
    Returns a float64 array of that shape. Introduced in notebook 05.
    """
    _check_shape_arg(shape)
    _validate.check_rng(rng)
    _validate.check_positive(stddev, "stddev")
    return rng.normal(0.0, stddev, size=shape)


def glorot_normal(shape, rng):
    """Glorot (Xavier) normal: mean 0, variance 2 / (fan_in + fan_out).

    shape: (fan_out, fan_in) = (n[l], n[l-1]); rng: np.random.Generator.
    Returns a float64 array of that shape. Introduced in notebook 05.
    """
    fan_in, fan_out = _fans(shape, rng)
    return rng.normal(0.0, np.sqrt(2 / (fan_in + fan_out)), size=shape)


def glorot_uniform(shape, rng):
    """Glorot (Xavier) uniform on [-limit, limit], limit = sqrt(6 / (fan_in + fan_out)).

    shape: (fan_out, fan_in) = (n[l], n[l-1]); rng: np.random.Generator.
    Returns a float64 array of that shape. Introduced in notebook 05.
    """
    fan_in, fan_out = _fans(shape, rng)
    limit = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape)


def he_normal(shape, rng):
    """He normal: mean 0, variance 2 / fan_in (for ReLU-family layers).

    shape: (fan_out, fan_in) = (n[l], n[l-1]); rng: np.random.Generator.
    Returns a float64 array of that shape. Introduced in notebook 05.
    """
    fan_in, _ = _fans(shape, rng)
    return rng.normal(0.0, np.sqrt(2 / fan_in), size=shape)


def he_uniform(shape, rng):
    """He uniform on [-limit, limit], limit = sqrt(6 / fan_in).

    shape: (fan_out, fan_in) = (n[l], n[l-1]); rng: np.random.Generator.
    Returns a float64 array of that shape. Introduced in notebook 05.
    """
    fan_in, _ = _fans(shape, rng)
    limit = np.sqrt(6 / fan_in)
    return rng.uniform(-limit, limit, size=shape)


INITIALIZERS = {
    "zeros": zeros,
    "random_normal": random_normal,
    "glorot_normal": glorot_normal,
    "glorot_uniform": glorot_uniform,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
}


def get_initializer(name):
    """Look up an initializer by name; raises ValueError listing the known names.

    Returns a function (shape, rng, **kwargs) -> array. Introduced in notebook 05.
    """
    _validate.check_choice(name, "initializer", INITIALIZERS)
    return INITIALIZERS[name]


def initialize_parameters(layer_dims, rng, method="he_normal", **kwargs):
    """Parameters of an L-layer network: W{l} from `method`, b{l} zeros.

    layer_dims: [n[0], n[1], ..., n[L]] (n[0] = n_x); rng: np.random.Generator;
    method: a name from INITIALIZERS; kwargs go to the initializer (e.g. stddev).
    Returns params with W{l} of shape (n[l], n[l-1]) and b{l} of shape (n[l], 1).
    Introduced in notebook 05.
    """
    init = get_initializer(method)
    _validate.check_rng(rng)
    dims = tuple(layer_dims) if isinstance(layer_dims, (list, tuple)) else None
    if dims is None or len(dims) < 2:
        raise ValueError(
            "layer_dims must be a list [n_x, n[1], ..., n[L]] with at least two "
            f"sizes, got {layer_dims!r}"
        )
    _check_shape_arg(dims, name="layer_dims")
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = init((dims[l], dims[l - 1]), rng, **kwargs)
        params[f"b{l}"] = zeros((dims[l], 1))
    return params
