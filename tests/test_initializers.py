"""Tests for helpers.initializers: variances and limits vs the formulas and vs Keras."""
import numpy as np
import pytest

from helpers import initializers as init

# Our weights are (fan_out, fan_in); fan_in != fan_out so a swapped fan shows up.
FAN_IN, FAN_OUT = 100, 300
OURS = (FAN_OUT, FAN_IN)
KERAS_SHAPE = (FAN_IN, FAN_OUT)  # a Keras Dense kernel is the transpose

NORMAL = {
    "glorot_normal": ("GlorotNormal", 2 / (FAN_IN + FAN_OUT)),
    "he_normal": ("HeNormal", 2 / FAN_IN),
}
UNIFORM = {
    "glorot_uniform": ("GlorotUniform", np.sqrt(6 / (FAN_IN + FAN_OUT))),
    "he_uniform": ("HeUniform", np.sqrt(6 / FAN_IN)),
}


@pytest.mark.parametrize("name", list(NORMAL))
def test_normal_variance_matches_formula_and_keras(name, keras, rng):
    keras_class, variance = NORMAL[name]
    W = init.get_initializer(name)(OURS, rng)
    assert W.shape == OURS and W.dtype == np.float64
    # 30,000 draws: the sample variance is within about 1% (one standard error).
    assert W.var() == pytest.approx(variance, rel=0.05)
    assert abs(W.mean()) < 4 * np.sqrt(variance / W.size)
    K = np.asarray(getattr(keras.initializers, keras_class)(seed=1)(shape=KERAS_SHAPE))
    assert K.var() == pytest.approx(W.var(), rel=0.07)


@pytest.mark.parametrize("name", list(UNIFORM))
def test_uniform_limit_matches_formula_and_keras(name, keras, rng):
    keras_class, limit = UNIFORM[name]
    W = init.get_initializer(name)(OURS, rng)
    assert np.abs(W).max() <= limit
    assert np.abs(W).max() > 0.99 * limit
    assert W.var() == pytest.approx(limit ** 2 / 3, rel=0.05)
    K = np.asarray(getattr(keras.initializers, keras_class)(seed=1)(shape=KERAS_SHAPE))
    assert np.abs(K).max() == pytest.approx(limit, rel=0.01)
    assert K.var() == pytest.approx(W.var(), rel=0.07)


def test_random_normal_stddev(rng):
    W = init.random_normal((200, 100), rng, stddev=0.5)
    assert W.std() == pytest.approx(0.5, rel=0.03)
    assert init.random_normal((300, 100), rng).std() == pytest.approx(0.01, rel=0.03)


def test_zeros():
    np.testing.assert_array_equal(init.zeros((3, 1)), np.zeros((3, 1)))


def test_initialize_parameters_shapes_and_zero_biases(rng):
    params = init.initialize_parameters([5, 4, 3, 1], rng)
    assert sorted(params) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    assert params["W1"].shape == (4, 5) and params["W2"].shape == (3, 4)
    assert params["W3"].shape == (1, 3)
    for l, n in [(1, 4), (2, 3), (3, 1)]:
        np.testing.assert_array_equal(params[f"b{l}"], np.zeros((n, 1)))
    assert np.any(params["W1"] != 0)


def test_initialize_parameters_uses_method_and_kwargs(rng):
    params = init.initialize_parameters([400, 300], rng, method="random_normal", stddev=0.2)
    assert params["W1"].std() == pytest.approx(0.2, rel=0.03)
    he = init.initialize_parameters([400, 300], rng, method="he_uniform")
    assert np.abs(he["W1"]).max() <= np.sqrt(6 / 400)
    zero = init.initialize_parameters([3, 2], rng, method="zeros")
    np.testing.assert_array_equal(zero["W1"], np.zeros((2, 3)))


def test_same_seed_same_parameters():
    a = init.initialize_parameters([4, 3, 1], np.random.default_rng(7))
    b = init.initialize_parameters([4, 3, 1], np.random.default_rng(7))
    c = init.initialize_parameters([4, 3, 1], np.random.default_rng(8))
    np.testing.assert_array_equal(a["W1"], b["W1"])
    assert not np.array_equal(a["W1"], c["W1"])


def test_rng_must_be_a_generator():
    with pytest.raises(TypeError, match=r"rng must be a numpy Generator.*got int"):
        init.he_normal((3, 2), 0)
    with pytest.raises(TypeError, match=r"got RandomState"):
        init.initialize_parameters([2, 3], np.random.RandomState(0))


def test_unknown_method():
    with pytest.raises(ValueError, match=r"unknown initializer 'xavier'.*'glorot_normal'"):
        init.initialize_parameters([2, 3], np.random.default_rng(0), method="xavier")


@pytest.mark.parametrize("shape", [(3,), (3, 0), [3, 2], (3, 2.0), (2, 3, 4)])
def test_bad_weight_shape(shape, rng):
    with pytest.raises(ValueError, match=r"shape must be \(fan_out, fan_in\)"):
        init.glorot_uniform(shape, rng)


@pytest.mark.parametrize("dims", [[5], [5, 0, 1], (3, -2), "5,3"])
def test_bad_layer_dims(dims, rng):
    with pytest.raises(ValueError, match=r"layer_dims must be"):
        init.initialize_parameters(dims, rng)


def test_bad_stddev(rng):
    with pytest.raises(ValueError, match=r"stddev must be > 0"):
        init.random_normal((2, 2), rng, stddev=-1.0)
