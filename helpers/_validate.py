"""Argument checks shared by every helper.

Every public helper checks its inputs with these functions so that a wrong shape or
dtype stops with a message naming the argument, what was expected and what arrived,
instead of broadcasting into a silent wrong answer.
"""
import numbers

import numpy as np

FLOAT_DTYPES = (np.float32, np.float64)


def as_float_array(x, name):
    """Return `x` as a floating numpy array (float32 stays float32, anything else
    numeric becomes float64). Raises TypeError for non-numeric input."""
    arr = np.asarray(x)
    if arr.dtype in FLOAT_DTYPES:
        return arr
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number):
        raise TypeError(
            f"{name} must be a numeric array (float32 or float64), got dtype {arr.dtype}"
        )
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real-valued, got dtype {arr.dtype}")
    return arr.astype(np.float64)


def check_ndim(x, name, ndim, hint=""):
    """Raise ValueError unless `x.ndim == ndim`; `hint` names the expected layout,
    e.g. "(n_x, m)"."""
    if x.ndim != ndim:
        layout = f" {hint}" if hint else ""
        extra = ""
        if x.ndim == 1 and ndim == 2:
            extra = " (a rank-1 array: reshape it to a column or row with .reshape)"
        raise ValueError(
            f"{name} must be a {ndim}-D array{layout}, got shape {x.shape}{extra}"
        )


def check_shape(x, name, shape):
    """Raise ValueError unless `x.shape` matches `shape`; None in `shape` matches any
    size."""
    ok = x.ndim == len(shape) and all(
        want is None or want == got for want, got in zip(shape, x.shape)
    )
    if not ok:
        want = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ")"
        raise ValueError(f"{name} must have shape {want}, got {x.shape}")


def check_same_shape(a, a_name, b, b_name):
    """Raise ValueError unless two arrays have the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"{a_name} and {b_name} must have the same shape, got {a.shape} and {b.shape}"
        )


def check_choice(value, name, choices):
    """Raise ValueError unless `value` is one of `choices`, listing them."""
    if value not in choices:
        listed = ", ".join(repr(c) for c in sorted(choices))
        raise ValueError(f"unknown {name} {value!r}: expected one of {listed}")


def check_positive(value, name, allow_zero=False):
    """Raise ValueError unless `value` is a positive (or non-negative) number."""
    # type() first: the isinstance test against the numbers ABC is slow, and training
    # loops check their hyper-parameters at every step.
    if type(value) not in (float, int) and not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}, got {value!r}")


def check_rng(rng):
    """Raise TypeError unless `rng` is a numpy Generator (np.random.default_rng(seed))."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy Generator, made with np.random.default_rng(seed); "
            f"got {type(rng).__name__}"
        )


def class_labels(y, name):
    """Integer class labels from `y`, (m,) or (1, m), as a flat int64 array; raises
    unless every value is a whole number (0./1. floats are fine)."""
    arr = as_float_array(y, name)
    if arr.ndim == 2:
        check_shape(arr, name, (1, None))
    else:
        check_ndim(arr, name, 1, "(m,) or (1, m)")
    flat = arr.ravel()
    if not np.all(np.isfinite(flat)) or np.any(flat != np.round(flat)):
        raise ValueError(f"{name} must hold whole-number class labels, got {flat[:5]}...")
    return flat.astype(np.int64)
