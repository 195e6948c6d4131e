"""Tests for helpers.layers: every backward pass against finite differences of a cost."""
import numpy as np
import pytest

from fd import away_from_kinks, rel_err
from helpers import layers
from helpers.activations import ACTIVATIONS
from helpers.gradcheck import numerical_gradient
from helpers.losses import get_loss, one_hot


def random_params(rng, dims):
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(0, 1 / np.sqrt(dims[l - 1]), size=(dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(0, 0.1, size=(dims[l], 1))
    return params


def dense_inputs(rng, m):
    return {"A_prev": rng.normal(size=(3, m)), "W": rng.normal(size=(4, 3)),
            "b": rng.normal(size=(4, 1))}


def assert_close_grads(analytic, numeric, tol=1e-6):
    for key, value in numeric.items():
        err = rel_err(analytic[key], value)
        assert err < tol, f"{key}: relative error {err:.2e}"


# ---------------------------------------------------------------- dense

def test_dense_forward_by_loops(rng):
    A_prev, W, b = rng.normal(size=(3, 4)), rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    Z, cache = layers.dense_forward(A_prev, W, b)
    expected = np.array([[sum(W[i, k] * A_prev[k, j] for k in range(3)) + b[i, 0]
                          for j in range(4)] for i in range(2)])
    np.testing.assert_allclose(Z, expected, rtol=1e-12)
    assert len(cache) == 3


def test_dense_backward_matches_finite_differences(rng):
    m = 5
    p = dense_inputs(rng, m)
    G = rng.normal(size=(4, m))  # per-example dL/dZ of the cost J = sum(G * Z) / m

    def cost(q):
        return np.sum(G * layers.dense_forward(q["A_prev"], q["W"], q["b"])[0]) / m

    _, cache = layers.dense_forward(p["A_prev"], p["W"], p["b"])
    dA_prev, dW, db = layers.dense_backward(G, cache)
    numeric = numerical_gradient(cost, p)
    # dW, db are gradients of J; dA_prev is per example, so m times dJ/dA_prev.
    assert_close_grads({"dW": dW, "db": db, "dA_prev": dA_prev / m}, numeric)
    assert dW.shape == (4, 3) and db.shape == (4, 1) and dA_prev.shape == (3, m)


def test_dense_kernel_is_transpose_of_keras(keras, rng):
    X = rng.normal(size=(3, 6)).astype(np.float32)
    W = rng.normal(size=(2, 3)).astype(np.float32)
    b = rng.normal(size=(2, 1)).astype(np.float32)
    dense = keras.layers.Dense(2)
    dense.build((None, 3))
    dense.set_weights([W.T, b[:, 0]])  # Keras kernel: (fan_in, fan_out)
    expected = np.asarray(dense(X.T)).T
    np.testing.assert_allclose(layers.dense_forward(X, W, b)[0], expected, rtol=1e-5,
                               atol=1e-6)


# ---------------------------------------------------------------- activation

@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_activation_backward_matches_finite_differences(activation, rng):
    m = 4
    Z = away_from_kinks(rng, (3, m))
    G = rng.normal(size=(3, m))  # per-example dL/dA of the cost J = sum(G * A) / m

    def cost(q):
        return np.sum(G * layers.activation_forward(q["Z"], activation)[0]) / m

    _, cache = layers.activation_forward(Z, activation)
    dZ = layers.activation_backward(G, cache)
    assert_close_grads({"dZ": dZ / m}, numerical_gradient(cost, {"Z": Z}))


@pytest.mark.parametrize("activation", ["relu", "tanh", "softmax", "elu"])
def test_dense_activation_backward_matches_finite_differences(activation, rng):
    m = 5
    p = dense_inputs(rng, m)
    G = rng.normal(size=(4, m))

    def cost(q):
        A, _ = layers.dense_activation_forward(q["A_prev"], q["W"], q["b"], activation)
        return np.sum(G * A) / m

    _, cache = layers.dense_activation_forward(p["A_prev"], p["W"], p["b"], activation)
    dA_prev, dW, db = layers.dense_activation_backward(G, cache)
    assert_close_grads({"dW": dW, "db": db, "dA_prev": dA_prev / m},
                       numerical_gradient(cost, p))


# ---------------------------------------------------------------- whole model

def binary_labels(rng, m):
    return (rng.uniform(size=(1, m)) > 0.5).astype(float)


MODEL_CASES = [
    # dims, activations, loss, labels
    ([4, 5, 3, 1], ["relu", "relu", "sigmoid"], "binary_cross_entropy", binary_labels),
    ([3, 1], ["sigmoid"], "binary_cross_entropy", binary_labels),
    ([4, 5, 3], ["tanh", "softmax"], "softmax_cross_entropy",
     lambda rng, m: rng.integers(0, 3, size=(1, m))),
    ([4, 5, 3], ["relu", "softmax"], "softmax_cross_entropy",
     lambda rng, m: one_hot(rng.integers(0, 3, size=(1, m)), 3)),
    ([4, 5, 2], ["relu", "linear"], "mean_squared_error", lambda rng, m: rng.normal(size=(2, m))),
    ([4, 3, 1], ["elu", "sigmoid"], "mean_squared_error", binary_labels),
    ([4, 3, 3, 3], ["leaky_relu", "swish", "softmax"], "mean_squared_error",
     lambda rng, m: one_hot(rng.integers(0, 3, size=(1, m)), 3)),
]


@pytest.mark.parametrize("dims, activations, loss, labels", MODEL_CASES)
def test_model_backward_matches_finite_differences(dims, activations, loss, labels, rng):
    m = 6
    X = rng.normal(size=(dims[0], m))
    Y = labels(rng, m)
    params = random_params(rng, dims)
    cost_fn, _ = get_loss(loss)

    def cost(q):
        AL, _ = layers.model_forward(q["X"], {k: v for k, v in q.items() if k != "X"},
                                     activations)
        return cost_fn(AL, Y)

    AL, caches = layers.model_forward(X, params, activations)
    grads = layers.model_backward(AL, Y, caches, loss)
    numeric = numerical_gradient(cost, {"X": X, **params})
    L = len(activations)
    assert set(grads) == ({f"dW{l}" for l in range(1, L + 1)} | {f"db{l}" for l in range(1, L + 1)}
                          | {f"dA{l}" for l in range(L)})
    numeric["dA0"] = m * numeric.pop("dX")  # per-example gradient w.r.t. the input
    assert_close_grads(grads, numeric)


def test_model_forward_chains_layers_by_hand():
    X = np.array([[1.0, -1.0]])
    params = {"W1": np.array([[2.0], [-1.0]]), "b1": np.array([[0.0], [0.5]]),
              "W2": np.array([[1.0, 1.0]]), "b2": np.array([[-1.0]])}
    AL, caches = layers.model_forward(X, params, ["relu", "linear"])
    # hidden: relu([[2, -2], [-0.5, 1.5]]) = [[2, 0], [0, 1.5]]; output: sum - 1
    np.testing.assert_allclose(AL, [[1.0, 0.5]])
    assert len(caches) == 2


def test_softmax_ce_needs_softmax_output(rng):
    params = random_params(rng, [2, 3])
    AL, caches = layers.model_forward(rng.normal(size=(2, 4)), params, ["sigmoid"])
    with pytest.raises(ValueError, match=r"softmax_cross_entropy needs a softmax output"):
        layers.model_backward(AL, one_hot(np.array([[0, 1, 2, 0]]), 3), caches,
                              "softmax_cross_entropy")


def test_model_backward_rejects_unknown_loss_and_bad_labels(rng):
    params = random_params(rng, [2, 1])
    AL, caches = layers.model_forward(rng.normal(size=(2, 4)), params, ["sigmoid"])
    with pytest.raises(ValueError, match=r"unknown loss 'hinge'"):
        layers.model_backward(AL, np.ones((1, 4)), caches, "hinge")
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape"):
        layers.model_backward(AL, np.ones((1, 3)), caches, "binary_cross_entropy")


# ---------------------------------------------------------------- predict

def test_predict_sigmoid_thresholds_at_half():
    params = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    pred = layers.predict(np.array([[-2.0, 3.0, 0.1, -0.1]]), params, ["sigmoid"])
    np.testing.assert_array_equal(pred, [[0.0, 1.0, 1.0, 0.0]])
    assert pred.dtype.kind == "f"


def test_predict_softmax_gives_integer_labels():
    params = {"W1": np.eye(3), "b1": np.zeros((3, 1))}
    X = np.array([[5.0, 0.0, 0.0, 1.0], [0.0, 0.0, 9.0, 2.0], [1.0, 4.0, 0.0, 0.0]])
    pred = layers.predict(X, params, ["softmax"])
    np.testing.assert_array_equal(pred, [[0, 2, 1, 1]])
    assert pred.shape == (1, 4) and pred.dtype.kind == "i"


def test_predict_rejects_unsupported_output(rng):
    with pytest.raises(ValueError, match=r"predict handles .* got 'tanh'"):
        layers.predict(rng.normal(size=(2, 3)), random_params(rng, [2, 1]), ["tanh"])


# ---------------------------------------------------------------- bad input

def test_dense_forward_shape_errors(rng):
    A = rng.normal(size=(3, 4))
    with pytest.raises(ValueError, match=r"b must have shape \(2, 1\), got \(2,\)"):
        layers.dense_forward(A, np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError, match=r"W has shape \(2, 4\) but A_prev has 3 rows"):
        layers.dense_forward(A, np.ones((2, 4)), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"A_prev must be a 2-D array .*got shape \(3,\)"):
        layers.dense_forward(np.ones(3), np.ones((2, 3)), np.ones((2, 1)))


def test_backward_shape_errors(rng):
    _, cache = layers.dense_forward(rng.normal(size=(3, 4)), np.ones((2, 3)), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"dZ must have shape \(2, 4\), got \(4, 2\)"):
        layers.dense_backward(np.ones((4, 2)), cache)
    _, cache = layers.activation_forward(np.ones((2, 4)), "relu")
    with pytest.raises(ValueError, match=r"dA and Z must have the same shape"):
        layers.activation_backward(np.ones((2, 3)), cache)


def test_model_forward_names_the_broken_layer(rng):
    X = rng.normal(size=(4, 3))
    params = random_params(rng, [4, 5, 2])
    good = ["relu", "sigmoid"]
    broken = dict(params, W2=np.ones((2, 6)))
    with pytest.raises(ValueError, match=r"W2 has shape \(2, 6\) but A1 has 5 rows"):
        layers.model_forward(X, broken, good)
    with pytest.raises(ValueError, match=r"b1 must have shape \(5, 1\), got \(5,\)"):
        layers.model_forward(X, dict(params, b1=np.zeros(5)), good)
    with pytest.raises(ValueError, match=r"names 3 layers.*layers \[1, 2\]"):
        layers.model_forward(X, params, ["relu", "relu", "sigmoid"])
    with pytest.raises(ValueError, match=r"layer 2: unknown activation 'sigmod'"):
        layers.model_forward(X, params, ["relu", "sigmod"])
    with pytest.raises(TypeError, match=r"activations must be a list"):
        layers.model_forward(X, params, "relu")
    with pytest.raises(ValueError, match=r"W1 has shape \(5, 4\) but A0 has 3 rows"):
        layers.model_forward(X[:3], params, good)


@pytest.mark.parametrize("bad", [np.array([["a", "b"]]), np.array([[True, False]])])
def test_non_numeric_input_rejected(bad):
    with pytest.raises(TypeError, match=r"A_prev must be a numeric array"):
        layers.dense_forward(bad, np.ones((1, 2)), np.ones((1, 1)))
    with pytest.raises(TypeError, match=r"Z must be a numeric array"):
        layers.activation_forward(bad, "relu")


def test_unknown_activation_lists_names():
    with pytest.raises(ValueError, match=r"unknown activation 'softplus'.*'elu'.*'tanh'"):
        layers.activation_forward(np.zeros((2, 2)), "softplus")


def test_float32_stays_float32(rng):
    params = {k: v.astype(np.float32) for k, v in random_params(rng, [3, 4, 1]).items()}
    X = rng.normal(size=(3, 5)).astype(np.float32)
    Y = np.array([[1, 0, 1, 1, 0]])
    AL, caches = layers.model_forward(X, params, ["relu", "sigmoid"])
    assert AL.dtype == np.float32
    grads = layers.model_backward(AL, Y, caches, "binary_cross_entropy")
    assert all(g.dtype == np.float32 for g in grads.values())
    grads = layers.model_backward(AL, Y.astype(np.float32), caches, "mean_squared_error")
    assert all(g.dtype == np.float32 for g in grads.values())
