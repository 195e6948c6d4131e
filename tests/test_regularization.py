"""helpers.regularization: L2 and batch normalisation.

Gradients are checked against central finite differences in float64; batch normalisation
against keras.layers.BatchNormalization (which stores examples as rows: we transpose).
"""
import numpy as np
import pytest

from fd import numerical_grad
from helpers import regularization as reg


# --------------------------------------------------------------------------- L2


def test_l2_penalty_hand_computed_and_ignores_biases():
    params = {
        "W1": np.array([[1.0, 2.0], [3.0, 4.0]]),  # squares sum to 30
        "b1": np.array([[100.0], [100.0]]),
        "W2": np.array([[-1.0, 0.0]]),  # 1
        "b2": np.array([[5.0]]),
    }
    assert reg.l2_penalty(params, lambd=0.7, m=5) == pytest.approx(0.7 / 10 * 31)
    assert reg.l2_penalty(params, lambd=0.0, m=5) == 0.0


def test_l2_gradient_matches_finite_differences(rng):
    W = rng.standard_normal((4, 3))
    lambd, m = 0.3, 7
    numeric = numerical_grad(lambda w: reg.l2_penalty({"W1": w, "b1": np.ones((4, 1))},
                                                      lambd, m), W)
    np.testing.assert_allclose(reg.l2_gradient(W, lambd, m), numeric, rtol=1e-6, atol=1e-9)


def test_l2_bad_arguments():
    with pytest.raises(ValueError, match="lambd must be >= 0, got -0.1"):
        reg.l2_penalty({"W1": np.ones((2, 2))}, -0.1, 3)
    with pytest.raises(ValueError, match="m must be > 0, got 0"):
        reg.l2_gradient(np.ones((2, 2)), 0.1, 0)


# ---------------------------------------------------------- batch normalisation


def _bn_inputs(rng, n=3, m=6, dtype=np.float64):
    Z = (rng.standard_normal((n, m)) * 2 + 1).astype(dtype)
    gamma = rng.uniform(0.5, 2.0, (n, 1)).astype(dtype)
    beta = rng.standard_normal((n, 1)).astype(dtype)
    return Z, gamma, beta


def test_batchnorm_training_output_is_normalised(rng):
    Z, _, _ = _bn_inputs(rng, n=4, m=50)
    out, _ = reg.batchnorm_forward(Z, np.ones((4, 1)), np.zeros((4, 1)), epsilon=1e-12)
    np.testing.assert_allclose(out.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(out.std(axis=1), 1, rtol=1e-9)


@pytest.mark.parametrize("training", [True, False])
def test_batchnorm_backward_matches_finite_differences(rng, training):
    Z, gamma, beta = _bn_inputs(rng)
    m = Z.shape[1]
    R = rng.standard_normal(Z.shape)
    running = {"mean": rng.standard_normal((3, 1)), "var": rng.uniform(0.5, 2, (3, 1))}

    def f(z, g, b):  # scalar of the output; running is copied so it stays fixed
        out, _ = reg.batchnorm_forward(z, g, b, running=dict(running), training=training)
        return np.sum(out * R)

    _, cache = reg.batchnorm_forward(Z, gamma, beta, running=dict(running), training=training)
    dZ, dgamma, dbeta = reg.batchnorm_backward(R, cache)
    np.testing.assert_allclose(dZ, numerical_grad(lambda z: f(z, gamma, beta), Z),
                               rtol=1e-5, atol=1e-8)
    # dgamma and dbeta are gradients of the cost (mean over examples): f / m
    np.testing.assert_allclose(dgamma, numerical_grad(lambda g: f(Z, g, beta), gamma) / m,
                               rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(dbeta, numerical_grad(lambda b: f(Z, gamma, b), beta) / m,
                               rtol=1e-5, atol=1e-8)


def _keras_bn(keras, gamma, beta, momentum, epsilon, moving=None):
    layer = keras.layers.BatchNormalization(momentum=momentum, epsilon=epsilon)
    layer.build((None, gamma.shape[0]))
    layer.gamma.assign(gamma.ravel())
    layer.beta.assign(beta.ravel())
    if moving is not None:
        layer.moving_mean.assign(moving["mean"].ravel())
        layer.moving_variance.assign(moving["var"].ravel())
    return layer


def test_batchnorm_training_matches_keras_including_running_stats(rng, keras):
    Z, gamma, beta = _bn_inputs(rng, n=3, m=8, dtype=np.float32)
    layer = _keras_bn(keras, gamma, beta, momentum=0.9, epsilon=1e-3)
    running = {"mean": np.zeros((3, 1), np.float32), "var": np.ones((3, 1), np.float32)}
    for step in range(3):  # a few batches, to check the moving averages accumulate
        Zb = Z + step
        out, _ = reg.batchnorm_forward(Zb, gamma, beta, running=running, momentum=0.9)
        expected = np.asarray(layer(Zb.T, training=True)).T
        np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(running["mean"].ravel(), np.asarray(layer.moving_mean),
                               rtol=1e-5)
    np.testing.assert_allclose(running["var"].ravel(), np.asarray(layer.moving_variance),
                               rtol=1e-5)


def test_batchnorm_inference_matches_keras(rng, keras):
    Z, gamma, beta = _bn_inputs(rng, n=4, m=5, dtype=np.float32)
    moving = {"mean": rng.standard_normal((4, 1)).astype(np.float32),
              "var": rng.uniform(0.5, 3, (4, 1)).astype(np.float32)}
    layer = _keras_bn(keras, gamma, beta, momentum=0.99, epsilon=1e-3, moving=moving)
    before = {k: v.copy() for k, v in moving.items()}
    out, _ = reg.batchnorm_forward(Z, gamma, beta, running=moving, training=False)
    np.testing.assert_allclose(out, np.asarray(layer(Z.T, training=False)).T,
                               rtol=1e-5, atol=1e-5)
    for key in before:  # inference must not touch the moving statistics
        np.testing.assert_array_equal(moving[key], before[key])
    assert out.dtype == np.float32


def test_batchnorm_bad_arguments(rng):
    Z, gamma, beta = _bn_inputs(rng)
    with pytest.raises(ValueError, match=r"gamma must have shape \(3, 1\), got \(3,\)"):
        reg.batchnorm_forward(Z, gamma.ravel(), beta)
    with pytest.raises(ValueError, match=r"Z must be a 2-D array \(n, m\)"):
        reg.batchnorm_forward(Z[0], gamma, beta)
    with pytest.raises(ValueError, match="running .* is required when training=False"):
        reg.batchnorm_forward(Z, gamma, beta, training=False)
    with pytest.raises(KeyError, match="missing 'var'"):
        reg.batchnorm_forward(Z, gamma, beta, running={"mean": np.zeros((3, 1))})
    with pytest.raises(ValueError, match=r"momentum must be in \[0, 1\], got 1.5"):
        reg.batchnorm_forward(Z, gamma, beta, momentum=1.5)
    _, cache = reg.batchnorm_forward(Z, gamma, beta)
    with pytest.raises(ValueError, match="dout and the forward output must have the same"):
        reg.batchnorm_backward(np.ones((3, 2)), cache)


# ------------------------------------------------------------ notebook 06

def _net(rng, dims=(3, 6, 4, 1), m=8):
    X = rng.normal(size=(dims[0], m))
    Y = (rng.uniform(size=(1, m)) > 0.5).astype(float)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        params[f"b{l}"] = rng.normal(0, 0.1, size=(dims[l], 1))
    return X, Y, params


def _forward_by_hand(X, p, keep_prob=1.0, masks=None):
    """ReLU layers (each dropped with its mask), then a sigmoid unit, written out."""
    L = len(p) // 2
    A = X
    for l in range(1, L):
        A = np.maximum(0, p[f"W{l}"] @ A + p[f"b{l}"])
        if masks is not None:
            A = A * masks[l - 1] / keep_prob
    return 1 / (1 + np.exp(-(p[f"W{L}"] @ A + p[f"b{L}"])))


def _cross_entropy(AL, Y):
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def test_cost_with_regularization_by_hand(rng):
    X, Y, params = _net(rng)
    AL = _forward_by_hand(X, params)
    squares = sum(np.sum(params[f"W{l}"] ** 2) for l in (1, 2, 3))
    expected = _cross_entropy(AL, Y) + 0.7 / (2 * 8) * squares
    assert reg.compute_cost_with_regularization(AL, Y, params, 0.7) == pytest.approx(
        expected, rel=1e-12)


def test_backward_with_regularization_matches_finite_differences(rng):
    from helpers import deep
    X, Y, params = _net(rng)
    lambd = 0.7
    AL, caches = deep.L_model_forward(X, params)
    grads = reg.backward_propagation_with_regularization(AL, Y, caches, lambd)

    def cost(_):
        A = _forward_by_hand(X, params)
        return _cross_entropy(A, Y) + lambd / 16 * sum(np.sum(params[f"W{l}"] ** 2)
                                                        for l in (1, 2, 3))

    for key, value in params.items():
        np.testing.assert_allclose(grads["d" + key], numerical_grad(cost, value),
                                   rtol=1e-6, atol=1e-9, err_msg=key)


def test_dropout_forward_draws_each_hidden_mask_in_order_and_scales(rng):
    X, _, params = _net(rng)
    AL, caches = reg.forward_propagation_with_dropout(X, params, 0.7, np.random.default_rng(5))
    replay = np.random.default_rng(5)
    masks = [replay.random((6, 8)) < 0.7, replay.random((4, 8)) < 0.7]
    np.testing.assert_allclose(AL, _forward_by_hand(X, params, 0.7, masks), rtol=1e-12)
    assert [D is None for _, D in caches] == [False, False, True]
    for (_, D), mask in zip(caches, masks):
        np.testing.assert_array_equal(D, mask)


def test_a_check_can_replay_any_way_of_drawing_the_masks(rng):
    """A student who draws with rng.binomial instead of rng.random: read the masks off the
    next layers' inputs and hand them to the reference, which then agrees exactly."""
    X, _, params = _net(rng)
    student = np.random.default_rng(2)
    masks = [student.binomial(1, 0.6, (6, 8)), student.binomial(1, 0.6, (4, 8))]
    AL = _forward_by_hand(X, params, 0.6, masks)  # the student's answer
    # what the check sees of the student's forward pass: the inputs to layers 2 and 3
    A1 = np.maximum(0, params["W1"] @ X + params["b1"]) * masks[0] / 0.6
    A2 = np.maximum(0, params["W2"] @ A1 + params["b2"]) * masks[1] / 0.6
    recovered = [A1 != 0, A2 != 0]  # where ReLU gave 0 the mask does not matter
    ours, _ = reg.forward_propagation_with_dropout(X, params, 0.6, None, masks=recovered)
    np.testing.assert_allclose(ours, AL, rtol=1e-12)


def test_backward_with_dropout_matches_finite_differences(rng):
    X, Y, params = _net(rng)
    keep_prob = 0.6
    masks = [rng.random((6, 8)) < keep_prob, rng.random((4, 8)) < keep_prob]
    AL, caches = reg.forward_propagation_with_dropout(X, params, keep_prob, None, masks=masks)
    grads = reg.backward_propagation_with_dropout(AL, Y, caches, keep_prob)
    for key, value in params.items():
        numeric = numerical_grad(
            lambda _: _cross_entropy(_forward_by_hand(X, params, keep_prob, masks), Y), value)
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-6, atol=1e-9, err_msg=key)


def test_keep_prob_one_is_the_plain_network(rng):
    from helpers import deep
    X, Y, params = _net(rng)
    AL, caches = reg.forward_propagation_with_dropout(X, params, 1.0, rng)
    plain, plain_caches = deep.L_model_forward(X, params)
    np.testing.assert_array_equal(AL, plain)
    grads = reg.backward_propagation_with_dropout(AL, Y, caches, 1.0)
    expected = deep.L_model_backward(plain, Y, plain_caches)
    for key in expected:
        np.testing.assert_array_equal(grads[key], expected[key])
    zero = reg.backward_propagation_with_regularization(plain, Y, plain_caches, 0.0)
    for key in expected:
        np.testing.assert_array_equal(zero[key], expected[key])


def test_graded_batchnorm_signature_takes_epsilon_fourth(rng):
    Z, gamma, beta = _bn_inputs(rng, n=3, m=10)
    out, _ = reg.batchnorm_forward(Z, gamma, beta, 0.5)
    mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
    np.testing.assert_allclose(out, gamma * (Z - mu) / np.sqrt(var + 0.5) + beta, rtol=1e-12)


def test_notebook_06_functions_name_bad_input(rng):
    X, Y, params = _net(rng)
    with pytest.raises(TypeError, match="caches must be the non-empty list"):
        reg.backward_propagation_with_dropout(np.full((1, 8), 0.5), Y, [], 0.5)
    with pytest.raises(ValueError, match=r"keep_prob must be in \(0, 1\]"):
        reg.forward_propagation_with_dropout(X, params, 1.5, rng)
    with pytest.raises(ValueError, match="lambd must be >= 0"):
        reg.compute_cost_with_regularization(np.full((1, 8), 0.5), Y, params, -1.0)
