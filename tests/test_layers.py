"""Tests for helpers.layers: every backward pass against finite differences of a cost."""
import numpy as np
import pytest

from fd import away_from_kinks, numerical_grad, rel_err
from helpers import deep, layers
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

def test_linear_forward_by_loops(rng):
    A_prev, W, b = rng.normal(size=(3, 4)), rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    Z, cache = layers.linear_forward(A_prev, W, b)
    expected = np.array([[sum(W[i, k] * A_prev[k, j] for k in range(3)) + b[i, 0]
                          for j in range(4)] for i in range(2)])
    np.testing.assert_allclose(Z, expected, rtol=1e-12)
    assert len(cache) == 3


def test_linear_backward_matches_finite_differences(rng):
    m = 5
    p = dense_inputs(rng, m)
    G = rng.normal(size=(4, m))  # per-example dL/dZ of the cost J = sum(G * Z) / m

    def cost(q):
        return np.sum(G * layers.linear_forward(q["A_prev"], q["W"], q["b"])[0]) / m

    _, cache = layers.linear_forward(p["A_prev"], p["W"], p["b"])
    dA_prev, dW, db = layers.linear_backward(G, cache)
    numeric = numerical_gradient(cost, p)
    # dW, db are gradients of J; dA_prev is per example, so m times dJ/dA_prev.
    assert_close_grads({"dW": dW, "db": db, "dA_prev": dA_prev / m}, numeric)
    assert dW.shape == (4, 3) and db.shape == (4, 1) and dA_prev.shape == (3, m)


def test_linear_kernel_is_transpose_of_keras(keras, rng):
    X = rng.normal(size=(3, 6)).astype(np.float32)
    W = rng.normal(size=(2, 3)).astype(np.float32)
    b = rng.normal(size=(2, 1)).astype(np.float32)
    dense = keras.layers.Dense(2)
    dense.build((None, 3))
    dense.set_weights([W.T, b[:, 0]])  # Keras kernel: (fan_in, fan_out)
    expected = np.asarray(dense(X.T)).T
    np.testing.assert_allclose(layers.linear_forward(X, W, b)[0], expected, rtol=1e-5,
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
    dZ = layers.activation_backward(G, cache, activation)
    assert_close_grads({"dZ": dZ / m}, numerical_gradient(cost, {"Z": Z}))


@pytest.mark.parametrize("activation", ["relu", "tanh", "softmax", "elu"])
def test_linear_activation_backward_matches_finite_differences(activation, rng):
    m = 5
    p = dense_inputs(rng, m)
    G = rng.normal(size=(4, m))

    def cost(q):
        A, _ = layers.linear_activation_forward(q["A_prev"], q["W"], q["b"], activation)
        return np.sum(G * A) / m

    _, cache = layers.linear_activation_forward(p["A_prev"], p["W"], p["b"], activation)
    dA_prev, dW, db = layers.linear_activation_backward(G, cache, activation)
    assert_close_grads({"dW": dW, "db": db, "dA_prev": dA_prev / m},
                       numerical_gradient(cost, p))


# ---------------------------------------------------------------- dropout

def test_dropout_keeps_expected_value(rng):
    A = rng.standard_normal((3, 4)) + 1.0
    reps = 5000
    out, cache = layers.dropout_forward(np.tile(A, (1, reps)), 0.8, rng)
    mean_out = out.reshape(3, reps, 4).mean(axis=1)
    np.testing.assert_allclose(mean_out, A, atol=0.05)
    # kept entries are scaled by exactly 1 / keep_prob, dropped ones are 0
    kept, _ = cache
    assert abs(kept.mean() - 0.8) < 0.01
    np.testing.assert_allclose(out[kept], np.tile(A, (1, reps))[kept] / 0.8)
    assert np.all(out[~kept] == 0)


def test_dropout_test_mode_is_identity_and_draws_nothing(rng):
    A = rng.standard_normal((3, 5))
    out, cache = layers.dropout_forward(A, 0.5, rng, training=False)
    np.testing.assert_array_equal(out, A)
    dA = rng.standard_normal((3, 5))
    np.testing.assert_array_equal(layers.dropout_backward(dA, cache), dA)
    used, fresh = np.random.default_rng(7), np.random.default_rng(7)
    layers.dropout_forward(A, 0.5, used, training=False)
    assert used.random() == fresh.random()


def test_dropout_keep_prob_one_is_identity(rng):
    A = rng.standard_normal((2, 6))
    np.testing.assert_array_equal(layers.dropout_forward(A, 1.0, rng)[0], A)


def test_dropout_same_seed_same_mask():
    A = np.ones((5, 8))
    out1, c1 = layers.dropout_forward(A, 0.6, np.random.default_rng(3))
    out2, c2 = layers.dropout_forward(A, 0.6, np.random.default_rng(3))
    np.testing.assert_array_equal(c1[0], c2[0])
    np.testing.assert_array_equal(out1, out2)
    out3, _ = layers.dropout_forward(A, 0.6, np.random.default_rng(4))
    assert not np.array_equal(out1, out3)


def test_dropout_backward_matches_finite_differences(rng):
    A = rng.standard_normal((3, 4))
    R = rng.standard_normal((3, 4))

    def f(a):  # the same seed each call, so the same mask
        return np.sum(layers.dropout_forward(a, 0.7, np.random.default_rng(11))[0] * R)

    _, cache = layers.dropout_forward(A, 0.7, np.random.default_rng(11))
    np.testing.assert_allclose(layers.dropout_backward(R, cache), numerical_grad(f, A),
                               rtol=1e-6, atol=1e-9)


def test_dropout_float32_stays_float32(rng):
    A = rng.standard_normal((2, 3)).astype(np.float32)
    out, cache = layers.dropout_forward(A, 0.5, rng)
    assert out.dtype == np.float32
    assert layers.dropout_backward(np.ones_like(A), cache).dtype == np.float32


@pytest.mark.parametrize("keep_prob, message", [
    (1.5, r"keep_prob must be in \(0, 1\], got 1.5"),
    (0.0, "keep_prob must be > 0, got 0.0"),
])
def test_dropout_bad_keep_prob(rng, keep_prob, message):
    with pytest.raises(ValueError, match=message):
        layers.dropout_forward(np.ones((2, 2)), keep_prob, rng)


def test_dropout_needs_a_generator():
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        layers.dropout_forward(np.ones((2, 2)), 0.5, 42)


def test_dropout_with_a_given_mask_is_the_drawn_one(rng):
    A = rng.standard_normal((4, 6))
    out, (mask, _) = layers.dropout_forward(A, 0.6, np.random.default_rng(2))
    for given in (mask, mask.astype(np.float64), mask.astype(int)):
        again, (same, keep_prob) = layers.dropout_forward(A, 0.6, mask=given)
        np.testing.assert_array_equal(again, out)
        assert same.dtype == bool and keep_prob == 0.6
    with pytest.raises(ValueError, match=r"mask must have the shape of A, \(4, 6\)"):
        layers.dropout_forward(A, 0.6, mask=mask.T)
    with pytest.raises(ValueError, match="mask must hold 0/1"):
        layers.dropout_forward(A, 0.6, mask=mask / 0.6)


def test_dropout_matches_keras_given_the_same_mask(keras, rng):
    """Keras's Dropout(rate) is inverted dropout too: with the units Keras kept, ours gives
    Keras's output exactly, and both keep about keep_prob of the units."""
    A = (rng.standard_normal((50, 200)) + 3).astype(np.float32)  # no zeros of its own
    keep_prob = 0.7
    theirs = np.asarray(keras.layers.Dropout(1 - keep_prob, seed=3)(A.T, training=True)).T
    kept = theirs != 0
    ours, _ = layers.dropout_forward(A, keep_prob, mask=kept)
    np.testing.assert_allclose(ours, theirs, rtol=1e-6)
    drawn, (mask, _) = layers.dropout_forward(A, keep_prob, rng)
    # 10,000 units: the kept fraction is within 0.02 of keep_prob (4 standard errors)
    assert abs(kept.mean() - keep_prob) < 0.02 and abs(mask.mean() - keep_prob) < 0.02
    np.testing.assert_allclose(np.asarray(keras.layers.Dropout(0.3)(A.T, training=False)).T,
                               layers.dropout_forward(A, keep_prob, training=False)[0])


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
    grads = layers.model_backward(AL, Y, caches, activations, loss)
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
        layers.model_backward(AL, one_hot(np.array([[0, 1, 2, 0]]), 3), caches, ["sigmoid"],
                              "softmax_cross_entropy")


def test_model_backward_rejects_unknown_loss_and_bad_labels(rng):
    params = random_params(rng, [2, 1])
    AL, caches = layers.model_forward(rng.normal(size=(2, 4)), params, ["sigmoid"])
    with pytest.raises(ValueError, match=r"unknown loss 'hinge'"):
        layers.model_backward(AL, np.ones((1, 4)), caches, ["sigmoid"], "hinge")
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape"):
        layers.model_backward(AL, np.ones((1, 3)), caches, ["sigmoid"], "binary_cross_entropy")


def test_caches_have_the_documented_layout(rng):
    X = rng.normal(size=(3, 4))
    params = random_params(rng, [3, 5, 2])
    _, caches = layers.model_forward(X, params, ["tanh", "softmax"])
    A_prev = X
    for l, ((linear_cache, Z), D) in enumerate(caches, start=1):
        A, W, b = linear_cache
        assert A is A_prev or np.array_equal(A, A_prev)
        assert W is params[f"W{l}"] and b is params[f"b{l}"]
        np.testing.assert_allclose(Z, params[f"W{l}"] @ A_prev + params[f"b{l}"], rtol=1e-12)
        assert D is None  # no dropout asked for
        A_prev = np.tanh(Z)


def test_dropout_masks_are_drawn_layer_by_layer_and_never_on_the_output(rng):
    X = rng.normal(size=(3, 7))
    params = random_params(rng, [3, 5, 4, 1])
    _, caches = layers.model_forward(X, params, ["relu", "relu", "sigmoid"], keep_prob=0.5,
                                     rng=np.random.default_rng(4))
    replay = np.random.default_rng(4)
    np.testing.assert_array_equal(caches[0][1], replay.random((5, 7)) < 0.5)
    np.testing.assert_array_equal(caches[1][1], replay.random((4, 7)) < 0.5)
    assert caches[2][1] is None
    # the next layer's input is the dropped, rescaled activation
    A1 = np.maximum(0, caches[0][0][1]) * caches[0][1] / 0.5
    np.testing.assert_allclose(caches[1][0][0][0], A1, rtol=1e-12)


@pytest.mark.parametrize("loss, activations, labels", [
    ("binary_cross_entropy", ["relu", "tanh", "sigmoid"], binary_labels),
    ("softmax_cross_entropy", ["elu", "relu", "softmax"],
     lambda rng, m: rng.integers(0, 2, size=(1, m))),
])
def test_model_backward_through_dropout_matches_finite_differences(loss, activations,
                                                                   labels, rng):
    m, keep_prob = 6, 0.6
    dims = [3, 5, 4, 1 if loss == "binary_cross_entropy" else 2]
    X = rng.normal(size=(dims[0], m))
    Y = labels(rng, m)
    params = random_params(rng, dims)
    masks = [rng.random((5, m)) < keep_prob, rng.random((4, m)) < keep_prob]
    cost_fn, _ = get_loss(loss)

    def cost(q):
        p = {k: v for k, v in q.items() if k != "X"}
        AL, _ = layers.model_forward(q["X"], p, activations, keep_prob=keep_prob, masks=masks)
        return cost_fn(AL, Y)

    AL, caches = layers.model_forward(X, params, activations, keep_prob=keep_prob,
                                      masks=masks)
    grads = layers.model_backward(AL, Y, caches, activations, loss, keep_prob=keep_prob)
    numeric = numerical_gradient(cost, {"X": X, **params})
    numeric["dA0"] = m * numeric.pop("dX")
    assert_close_grads(grads, numeric)
    without = layers.model_backward(AL, Y, caches, activations, loss, keep_prob=keep_prob,
                                    need_dA0=False)
    assert "dA0" not in without
    for key, value in without.items():
        np.testing.assert_array_equal(value, grads[key])


def test_model_forward_checks_masks_and_rng(rng):
    X = rng.normal(size=(3, 4))
    params = random_params(rng, [3, 5, 1])
    with pytest.raises(ValueError, match="masks must be a list of 1 keep masks D1..D1"):
        layers.model_forward(X, params, ["relu", "sigmoid"], keep_prob=0.5, masks=[])
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        layers.model_forward(X, params, ["relu", "sigmoid"], keep_prob=0.5)


def test_linear_activation_backward_needs_its_cache_and_activation(rng):
    _, cache = layers.linear_activation_forward(rng.normal(size=(3, 4)), np.ones((2, 3)),
                                                np.zeros((2, 1)), "relu")
    with pytest.raises(TypeError, match=r"cache must be the pair \(linear_cache, Z\)"):
        layers.linear_activation_backward(np.ones((2, 4)), cache[0], "relu")
    with pytest.raises(ValueError, match="unknown activation 'rel'"):
        layers.linear_activation_backward(np.ones((2, 4)), cache, "rel")


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

def test_linear_forward_shape_errors(rng):
    A = rng.normal(size=(3, 4))
    with pytest.raises(ValueError, match=r"b must have shape \(2, 1\), got \(2,\)"):
        layers.linear_forward(A, np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError, match=r"W has shape \(2, 4\) but A_prev has 3 rows"):
        layers.linear_forward(A, np.ones((2, 4)), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"A_prev must be a 2-D array .*got shape \(3,\)"):
        layers.linear_forward(np.ones(3), np.ones((2, 3)), np.ones((2, 1)))


def test_backward_shape_errors(rng):
    _, cache = layers.linear_forward(rng.normal(size=(3, 4)), np.ones((2, 3)), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"dZ must have shape \(2, 4\), got \(4, 2\)"):
        layers.linear_backward(np.ones((4, 2)), cache)
    _, cache = layers.activation_forward(np.ones((2, 4)), "relu")
    with pytest.raises(ValueError, match=r"dA and Z must have the same shape"):
        layers.activation_backward(np.ones((2, 3)), cache, "relu")


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
        layers.linear_forward(bad, np.ones((1, 2)), np.ones((1, 1)))
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
    grads = layers.model_backward(AL, Y, caches, ["relu", "sigmoid"], "binary_cross_entropy")
    assert all(g.dtype == np.float32 for g in grads.values())
    grads = layers.model_backward(AL, Y.astype(np.float32), caches, ["relu", "sigmoid"],
                                  "mean_squared_error")
    assert all(g.dtype == np.float32 for g in grads.values())


# ---------------------------------------------------------------- notebook 04 (helpers.deep)

def _deep_net(rng, dims=(4, 5, 3, 1), m=7):
    X = rng.normal(size=(dims[0], m))
    Y = (rng.uniform(size=(1, m)) > 0.5).astype(float)
    return X, Y, random_params(rng, list(dims))


def _by_hand(X, p, L):
    """ReLU layers then a sigmoid unit, written out."""
    A = X
    for l in range(1, L):
        A = np.maximum(0, p[f"W{l}"] @ A + p[f"b{l}"])
    return 1 / (1 + np.exp(-(p[f"W{L}"] @ A + p[f"b{L}"])))


def _cross_entropy(AL, Y):
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def test_deep_forward_is_relu_layers_then_a_sigmoid(rng):
    X, _, params = _deep_net(rng)
    AL, caches = deep.L_model_forward(X, params)
    np.testing.assert_allclose(AL, _by_hand(X, params, 3), rtol=1e-12)
    assert len(caches) == 3
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        assert W is params[f"W{l}"] and b is params[f"b{l}"]
        np.testing.assert_allclose(Z, W @ A_prev + b, rtol=1e-12)


def test_deep_cost_by_hand(rng):
    X, Y, params = _deep_net(rng)
    AL, _ = deep.L_model_forward(X, params)
    assert deep.compute_cost(AL, Y) == pytest.approx(_cross_entropy(AL, Y), rel=1e-12)


def test_deep_backward_matches_finite_differences(rng):
    X, Y, params = _deep_net(rng)
    X = np.where(np.abs(X) < 1e-3, 1e-2, X)
    AL, caches = deep.L_model_forward(X, params)
    grads = deep.L_model_backward(AL, Y, caches)
    assert set(grads) == {"dW1", "dW2", "dW3", "db1", "db2", "db3", "dA0", "dA1", "dA2"}
    for key, value in params.items():  # perturbed in place inside params
        numeric = numerical_grad(lambda _: _cross_entropy(_by_hand(X, params, 3), Y), value)
        assert rel_err(grads["d" + key], numeric) < 1e-7, key
    numeric_X = numerical_grad(lambda x: _cross_entropy(_by_hand(x, params, 3), Y), X)
    assert rel_err(grads["dA0"] / X.shape[1], numeric_X) < 1e-7  # dA0 is per example


def test_deep_layer_functions_are_the_graded_ones(rng):
    # the per-layer exercises take the activation as an argument, not from the cache
    A_prev, W, b = rng.normal(size=(3, 4)), rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    A, cache = deep.linear_activation_forward(A_prev, W, b, "sigmoid")
    (A0, W0, b0), Z = cache
    assert A0 is A_prev and W0 is W and b0 is b
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-(W @ A_prev + b))), rtol=1e-12)
    dA = rng.normal(size=(2, 4))
    dA_prev, dW, db = deep.linear_activation_backward(dA, cache, "sigmoid")
    dZ = dA * A * (1 - A)
    np.testing.assert_allclose(dW, dZ @ A_prev.T / 4, rtol=1e-12)
    np.testing.assert_allclose(db, dZ.sum(axis=1, keepdims=True) / 4, rtol=1e-12)
    np.testing.assert_allclose(dA_prev, W.T @ dZ, rtol=1e-12)
    Z2, linear_cache = deep.linear_forward(A_prev, W, b)
    assert linear_cache == (A_prev, W, b)
    np.testing.assert_allclose(deep.linear_backward(dZ, linear_cache)[1], dW, rtol=1e-12)


def _planted_bug(AL, Y, caches):
    """A backward pass that forgets the 1/m in db of every layer."""
    grads = deep.L_model_backward(AL, Y, caches)
    return dict(grads, **{f"db{l}": grads[f"db{l}"] * AL.shape[1] for l in (1, 2, 3)})


def test_gradient_check_passes_the_right_backward_pass_and_fails_a_bug(rng):
    X, Y, params = _deep_net(rng)
    AL, caches = deep.L_model_forward(X, params)
    good = deep.gradient_check(params, deep.L_model_backward(AL, Y, caches), X, Y)
    assert good < 1e-7
    bad = deep.gradient_check(params, _planted_bug(AL, Y, caches), X, Y)
    assert bad > 1e-2
    # the difference is over all parameters at once: compute it here independently
    grads = _planted_bug(AL, Y, caches)
    keys = sorted(params)
    numeric = {k: numerical_grad(lambda _: _cross_entropy(_by_hand(X, params, 3), Y), params[k])
               for k in keys}
    g = np.concatenate([grads["d" + k].ravel() for k in keys])
    n = np.concatenate([numeric[k].ravel() for k in keys])
    expected = np.linalg.norm(g - n) / (np.linalg.norm(g) + np.linalg.norm(n))
    assert bad == pytest.approx(expected, rel=1e-5)


def test_initialize_parameters_deep_is_lecun_normal(keras, rng):
    params = deep.initialize_parameters_deep([500, 400, 1], rng)
    assert params["W1"].shape == (400, 500) and params["b1"].shape == (400, 1)
    assert params["W1"].std() == pytest.approx(np.sqrt(1 / 500), rel=0.03)
    assert not params["b1"].any() and not params["b2"].any()
    keras_W = np.asarray(keras.initializers.LecunNormal(seed=0)(shape=(500, 400)))
    assert keras_W.std() == pytest.approx(params["W1"].std(), rel=0.05)
    again = np.random.default_rng(3)
    first = deep.initialize_parameters_deep([5, 4, 1], np.random.default_rng(3))["W1"]
    np.testing.assert_allclose(first, again.standard_normal((4, 5)) / np.sqrt(5), rtol=1e-12)


def test_deep_update_parameters_by_hand():
    params = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[3.0]])}
    grads = {"dW1": np.array([[0.5, -1.0]]), "db1": np.array([[2.0]]), "dA0": np.ones((2, 1))}
    out = deep.update_parameters(params, grads, 0.1)
    np.testing.assert_allclose(out["W1"], [[0.95, 2.1]])
    np.testing.assert_allclose(out["b1"], [[2.8]])
    assert params["W1"].tolist() == [[1.0, 2.0]] and params["b1"].tolist() == [[3.0]]


def test_deep_functions_name_bad_input(rng):
    X, Y, params = _deep_net(rng)
    with pytest.raises(TypeError, match="parameters must be a dict"):
        deep.L_model_forward(X, [params])
    with pytest.raises(TypeError, match="caches must be the non-empty list"):
        deep.L_model_backward(np.full((1, 7), 0.5), Y, ())
    with pytest.raises(TypeError, match="need float64"):
        deep.gradient_check({k: v.astype(np.float32) for k, v in params.items()},
                            {"d" + k: v for k, v in params.items()}, X, Y)


# ---------------------------------------------------------------- params_from_keras

def test_params_from_keras_gives_keras_predictions_through_model_forward(keras, rng):
    model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(4, activation="relu"),
                              keras.layers.Dense(3, activation="relu"),
                              keras.layers.Dense(2, activation="softmax")])
    model.set_weights([rng.normal(size=w.shape).astype(np.float32)
                       for w in model.get_weights()])
    X = rng.normal(size=(7, 5)).astype(np.float32)  # Keras: examples in the rows
    params = layers.params_from_keras(model.get_weights())
    assert params["W1"].shape == (4, 5) and params["b1"].shape == (4, 1)
    assert sorted(params) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    AL, _ = layers.model_forward(X.T, params, ["relu", "relu", "softmax"])
    np.testing.assert_allclose(AL, np.asarray(model(X)).T, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("weights, match", [
    ([np.zeros((3, 2))], "length 1"),
    ([np.zeros((3, 2)), np.zeros(3)], r"b1 must have shape \(2"),
    ([np.zeros(3), np.zeros(3)], "K1"),
    (np.zeros((3, 2)), "ndarray"),
])
def test_params_from_keras_names_what_is_wrong(weights, match):
    with pytest.raises(ValueError, match=match):
        layers.params_from_keras(weights)
