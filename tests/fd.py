"""Finite-difference helpers shared by the helpers' tests (independent of helpers)."""
import numpy as np


def derivative(f, z, h=1e-6):
    """Central-difference estimate of an elementwise derivative f'(z)."""
    z = np.asarray(z, dtype=np.float64)
    return (f(z + h) - f(z - h)) / (2 * h)


def jacobian(f, z, h=1e-6):
    """Central-difference Jacobian J[i, j] = d f(z)_i / d z_j of f: (n,) -> (k,)."""
    z = np.asarray(z, dtype=np.float64)
    columns = []
    for j in range(z.size):
        step = np.zeros_like(z)
        step[j] = h
        columns.append((f(z + step) - f(z - step)) / (2 * h))
    return np.stack(columns, axis=1)


def numerical_grad(f, x, h=1e-6):
    """Central-difference gradient of a scalar function f at array x, perturbing x in
    place one entry at a time (so f may read x through another reference; x is restored)."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad


def rel_err(a, b):
    """||a - b|| / (||a|| + ||b||), 0 when both are zero."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    assert a.shape == b.shape, f"shapes differ: {a.shape} vs {b.shape}"
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else float(np.linalg.norm(a - b) / denominator)


def away_from_kinks(rng, shape, scale=2.0, gap=1e-3):
    """Normal samples with no entry within `gap` of 0 (where ReLU-like kinks are)."""
    z = rng.normal(0.0, scale, size=shape)
    return np.where(np.abs(z) < gap, gap * 10, z)
