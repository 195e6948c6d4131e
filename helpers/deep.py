"""Notebook 04's graded functions: an L-layer network of ReLU hidden layers and one
sigmoid output unit, binary cross-entropy, gradient descent and gradient checking.

Each has the exact signature the notebook grades, so a check can call it with the
student's arguments. They are the general functions of helpers.layers (any activations,
any loss) fixed to this network; the per-layer functions are layers' own:

    initialize_parameters_deep(layer_dims, rng) -> parameters
    linear_forward(A_prev, W, b) -> Z, cache = (A_prev, W, b)
    linear_activation_forward(A_prev, W, b, activation) -> A, cache = (linear cache, Z)
    L_model_forward(X, parameters) -> AL, caches (one linear_activation_forward cache per layer)
    compute_cost(AL, Y) -> float
    linear_backward(dZ, cache) -> dA_prev, dW, db
    linear_activation_backward(dA, cache, activation) -> dA_prev, dW, db
    L_model_backward(AL, Y, caches) -> grads ("dA0".."dA{L-1}", "dW1".., "db1"..)
    update_parameters(parameters, grads, learning_rate) -> new parameters
    gradient_check(parameters, gradients, X, Y, epsilon=1e-7) -> difference

Shapes: X (n_x, m) with examples as columns, Y (1, m) of 0/1 labels, W[l] (n[l], n[l-1]),
b[l] (n[l], 1), AL (1, m).
"""
import numpy as np

from helpers import gradcheck, initializers, layers, losses, optimizers
from helpers.layers import (linear_activation_backward, linear_activation_forward,
                            linear_backward, linear_forward)

__all__ = ["initialize_parameters_deep", "linear_forward", "linear_activation_forward",
           "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward",
           "L_model_backward", "update_parameters", "gradient_check"]


def network_activations(L):
    """The activations of this notebook's network of L layers: ["relu"] * (L - 1) +
    ["sigmoid"], for layers.model_forward and model_backward.

    Introduced in notebook 06, whose regularized network is notebook 04's.
    """
    return ["relu"] * (L - 1) + ["sigmoid"]


def layer_count(parameters):
    """L, the number of weight matrices W1, W2, ... in parameters (a dict).

    Introduced in notebook 06, whose regularized network is notebook 04's.
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters must be a dict of W1, b1, ..., got "
                        f"{type(parameters).__name__}")
    return sum(1 for key in parameters if key.startswith("W") and key[1:].isdigit())


def initialize_parameters_deep(layer_dims, rng):
    """W[l] = standard normal * sqrt(1 / n[l-1]) (LeCun's scale: it keeps the size of
    the activations roughly steady from layer to layer; notebook 05 compares scales),
    b[l] = zeros, drawn layer by layer, W1 first.

    layer_dims: [n[0], ..., n[L]] with n[0] = n_x; rng: np.random.Generator.
    Returns parameters with W[l] (n[l], n[l-1]) and b[l] (n[l], 1).
    Introduced in notebook 04.
    """
    return initializers.initialize_parameters(layer_dims, rng, method="lecun_normal")


def L_model_forward(X, parameters):
    """Forward pass: [LINEAR -> RELU] x (L - 1), then LINEAR -> SIGMOID.

    X: (n_x, m); parameters: W1..WL, b1..bL. Returns AL (1, m), the probabilities, and
    caches, the L caches of linear_activation_forward, ((A_prev, W, b), Z) each.
    Introduced in notebook 04.
    """
    activations = network_activations(layer_count(parameters))
    AL, caches = layers.model_forward(X, parameters, activations)
    return AL, [layer_cache for layer_cache, _ in caches]


def compute_cost(AL, Y):
    """Cross-entropy cost J = -(1/m) sum(Y log AL + (1 - Y) log(1 - AL)).

    AL: (1, m) probabilities; Y: (1, m) 0/1 labels. Returns J as a float.
    Introduced in notebook 04.
    """
    return losses.binary_cross_entropy(AL, Y)


def L_model_backward(AL, Y, caches):
    """Backward pass of L_model_forward, from dZ[L] = AL - Y (the sigmoid and the
    cross-entropy together) down to layer 1.

    AL: (1, m); Y: (1, m); caches: from L_model_forward. Returns grads with dW{l}
    (n[l], n[l-1]) and db{l} (n[l], 1), gradients of the cost, and dA{l} (n[l], m),
    l = 0..L-1, per example. Introduced in notebook 04.
    """
    if not isinstance(caches, (list, tuple)) or not caches:
        raise TypeError("caches must be the non-empty list L_model_forward returns")
    return layers.model_backward(AL, Y, [(cache, None) for cache in caches],
                                 network_activations(len(caches)), "binary_cross_entropy")


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step: W[l] - learning_rate * dW[l], b[l] - learning_rate
    * db[l], for every layer (optimizers.update_parameters_with_gd, on a copy).

    parameters: W1..WL, b1..bL; grads: dW1.., db1.. of the same shapes (others ignored);
    learning_rate > 0. Returns new parameters; the caller's dict and arrays are left as
    they were (notebook 04 compares them before and after). Introduced in notebook 04.
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters must be a dict of W1, b1, ..., got "
                        f"{type(parameters).__name__}")
    copied = {key: np.array(value, dtype=float) for key, value in parameters.items()}
    return optimizers.update_parameters_with_gd(copied, grads, learning_rate)


def gradient_check(parameters, gradients, X, Y, epsilon=1e-7):
    """Compare gradients with central differences of the cost of L_model_forward:

        gradapprox_i = (J(theta_i + epsilon) - J(theta_i - epsilon)) / (2 epsilon)
        difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||)

    over every entry of every W[l] and b[l]. parameters: float64 arrays W1.., b1..;
    gradients: dW1.., db1.. (e.g. from L_model_backward); X (n_x, m); Y (1, m).
    Returns difference, a float: below 1e-7 the backward pass is right.
    helpers.gradcheck.gradient_errors also gives each parameter's error, to find a bug.
    Introduced in notebook 04.
    """
    layer_count(parameters)

    def cost(p):
        return compute_cost(L_model_forward(X, p)[0], Y)

    return gradcheck.gradient_errors(cost, parameters, gradients, epsilon)[0]
