"""A backward pass with bugs planted in it, for notebook 04's hunt with gradient checking.

It is `helpers.deep.L_model_backward` for a network of three layers (two ReLU layers
and a sigmoid output) with three mistakes of the kinds students make: a missing 1/m, a
transposed product and a wrong activation derivative. The notebook asks which gradients
they spoil; reading this file answers that too, but the point is to find them with a
gradient check, as one must in code that is not marked.
"""
import numpy as np

from helpers import deep


def planted_bugs_backward(AL, Y, caches):
    """Gradients of a three-layer network with three planted bugs.

    AL: (1, m); Y: (1, m); caches: the three caches of L_model_forward, with
    n[1] == n[2] (so that a transposed weight gradient still has W2's shape).
    Returns grads keyed like deep.L_model_backward's ("dA0".."dA2", "dW1".."dW3",
    "db1".."db3"). Introduced in notebook 04.
    """
    if len(caches) != 3:
        raise ValueError(f"the planted bugs are in a network of 3 layers, got {len(caches)}")
    grads = deep.L_model_backward(AL, Y, caches)
    m = AL.shape[1]
    (A1, W2, _), Z2 = caches[1]
    _, Z1 = caches[0]
    if W2.shape[0] != W2.shape[1]:
        raise ValueError(f"W2 must be square for the planted bugs, got {W2.shape}")
    grads["db3"] = np.sum(AL - Y, axis=1, keepdims=True)  # the 1/m is missing
    dZ2 = grads["dA2"] * (Z2 > 0)
    grads["dW2"] = A1 @ dZ2.T / m  # transposed: dZ2 @ A1.T / m is right
    dZ1 = grads["dA1"] * np.maximum(Z1, 0)  # ReLU's derivative is (Z1 > 0), not A1
    (A0, _, _), _ = caches[0]
    grads["dW1"] = dZ1 @ A0.T / m
    grads["db1"] = np.sum(dZ1, axis=1, keepdims=True) / m
    return grads
