"""Weight initializers with Keras's names, `initialize_parameters` for a network, and the
four schemes of notebook 05.

A weight here has shape (fan_out, fan_in) = (n[l], n[l-1]), because examples are
columns and Z = W A_prev + b. A Keras Dense kernel is the transpose, (fan_in,
fan_out), so Keras's fans are read from the other axes; the variances are the same.

Every initializer draws from a distribution with mean 0 and the standard deviation
`expected_std` gives (Keras draws its normals from a truncated normal rescaled to the
same variance; we draw plain normals):
    glorot_normal  var 2 / (fan_in + fan_out)   glorot_uniform  limit sqrt(6 / (fan_in + fan_out))
    he_normal      var 2 / fan_in               he_uniform      limit sqrt(6 / fan_in)
    lecun_normal   var 1 / fan_in               lecun_uniform   limit sqrt(3 / fan_in)
(a uniform on [-limit, limit] has variance limit^2 / 3). Xavier means Glorot: the
variance 2 / (n[l-1] + n[l]) of Glorot and Bengio's paper, the course's
`initialize_parameters_xavier`; 1 / n[l-1] is LeCun's, called lecun here. He is the one
designed for ReLU-family activations; Glorot (Xavier) for tanh and sigmoid.

Any correct way of drawing gets full marks, so a grading check cannot compare a
student's weights with these numbers one by one. It compares statistics instead: with
large layers, each W[l]'s sample standard deviation is within a few percent of
`expected_std(method, n[l-1], n[l])` and its mean near 0, and the biases are zeros.
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


def _numerator_and_fan(method, fan_in, fan_out):
    """(k, fan) with variance k / fan: glorot 2 / (fan_in + fan_out), he 2 / fan_in,
    lecun 1 / fan_in. An integer k keeps a uniform's limit sqrt(3 k / fan) exact."""
    family = method.rsplit("_", 1)[0]
    return {"glorot": (2, fan_in + fan_out), "he": (2, fan_in), "lecun": (1, fan_in)}[family]


def expected_std(method, fan_in, fan_out, stddev=0.01):
    """The standard deviation of the weights `method` draws for one layer.

    method: a name from INITIALIZERS; fan_in = n[l-1], fan_out = n[l] (positive ints);
    stddev: random_normal's. Returns a float (0.0 for "zeros"). The initializers draw
    with exactly this value, so a check of a student's initializer can use it.
    Introduced in notebook 05.
    """
    _validate.check_choice(method, "initializer", INITIALIZERS)
    _check_shape_arg((fan_out, fan_in), ndim=2, name="(fan_out, fan_in)")
    if method == "zeros":
        return 0.0
    if method == "random_normal":
        _validate.check_positive(stddev, "stddev")
        return float(stddev)
    k, fan = _numerator_and_fan(method, fan_in, fan_out)
    return float(np.sqrt(k / fan))


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


def _normal(method, shape, rng):
    fan_in, fan_out = _fans(shape, rng)
    return rng.normal(0.0, expected_std(method, fan_in, fan_out), size=shape)


def _uniform(method, shape, rng):
    """Uniform on [-limit, limit] with limit = sqrt(3) * expected_std."""
    fan_in, fan_out = _fans(shape, rng)
    k, fan = _numerator_and_fan(method, fan_in, fan_out)
    limit = np.sqrt(3 * k / fan)
    return rng.uniform(-limit, limit, size=shape)


def _initializer(method, formula, notebook):
    """The initializer `method`: (shape, rng) -> a float64 array of that shape, drawn from
    a normal or a uniform (by its name) with expected_std(method, ...)."""
    draw = _uniform if method.endswith("_uniform") else _normal

    def initializer(shape, rng):
        return draw(method, shape, rng)

    initializer.__name__ = initializer.__qualname__ = method
    initializer.__doc__ = f"""{formula}

    shape: (fan_out, fan_in) = (n[l], n[l-1]); rng: np.random.Generator.
    Returns a float64 array of that shape. Introduced in notebook {notebook:02d}.
    """
    return initializer


# name, formula, notebook that introduces it
glorot_normal, glorot_uniform, he_normal, he_uniform, lecun_normal, lecun_uniform = (
    _initializer(*row) for row in [
        ("glorot_normal", "Glorot (Xavier) normal: mean 0, variance 2 / (fan_in + fan_out).",
         3),
        ("glorot_uniform", "Glorot (Xavier) uniform on [-limit, limit], limit = "
         "sqrt(6 / (fan_in + fan_out)).", 3),
        ("he_normal", "He normal: mean 0, variance 2 / fan_in (for ReLU-family layers).", 3),
        ("he_uniform", "He uniform on [-limit, limit], limit = sqrt(6 / fan_in).", 5),
        ("lecun_normal", "LeCun normal: mean 0, variance 1 / fan_in (the \"divide by "
         "sqrt(n[l-1])\" scale, sometimes mislabelled Xavier).", 4),
        ("lecun_uniform", "LeCun uniform on [-limit, limit], limit = sqrt(3 / fan_in).", 5),
    ])


INITIALIZERS = {
    "zeros": zeros,
    "random_normal": random_normal,
    "glorot_normal": glorot_normal,
    "glorot_uniform": glorot_uniform,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
    "lecun_normal": lecun_normal,
    "lecun_uniform": lecun_uniform,
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
    Returns params with W{l} of shape (n[l], n[l-1]) and b{l} of shape (n[l], 1); the
    weights are drawn layer by layer, W1 first. Introduced in notebook 03.
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


# ------------------------------------------------- notebook 05's four schemes
# Each is initialize_parameters with one method; the docstring states the exercise's
# formula. Biases are zeros in every scheme.

def initialize_parameters_zeros(layer_dims):
    """Every W[l] and b[l] zero: W[l] (n[l], n[l-1]), b[l] (n[l], 1).

    layer_dims: [n[0], ..., n[L]]. Returns params. Every hidden unit of a layer then
    computes the same thing and gets the same gradient, so they stay equal: the network
    is no better than one unit per layer. Introduced in notebook 05.
    """
    # zeros draws nothing; initialize_parameters wants a generator all the same
    return initialize_parameters(layer_dims, np.random.default_rng(0), method="zeros")


def initialize_parameters_random(layer_dims, rng):
    """Large random weights: W[l] = 10 * standard normal, shape (n[l], n[l-1]); b[l]
    zeros (n[l], 1). expected_std("random_normal", ..., stddev=10.0) is 10.

    layer_dims: [n[0], ..., n[L]]; rng: np.random.Generator. Returns params.
    Introduced in notebook 05.
    """
    return initialize_parameters(layer_dims, rng, method="random_normal", stddev=10.0)


def initialize_parameters_xavier(layer_dims, rng):
    """Xavier (Glorot) normal: W[l] = standard normal * sqrt(2 / (n[l-1] + n[l])),
    shape (n[l], n[l-1]); b[l] zeros (n[l], 1). Keras's glorot_normal.

    layer_dims: [n[0], ..., n[L]]; rng: np.random.Generator. Returns params.
    Introduced in notebook 05.
    """
    return initialize_parameters(layer_dims, rng, method="glorot_normal")


def initialize_parameters_he(layer_dims, rng):
    """He normal: W[l] = standard normal * sqrt(2 / n[l-1]), shape (n[l], n[l-1]);
    b[l] zeros (n[l], 1). Keras's he_normal.

    layer_dims: [n[0], ..., n[L]]; rng: np.random.Generator. Returns params.
    Introduced in notebook 05.
    """
    return initialize_parameters(layer_dims, rng, method="he_normal")
