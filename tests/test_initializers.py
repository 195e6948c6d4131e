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
    "lecun_normal": ("LecunNormal", 1 / FAN_IN),
}
UNIFORM = {
    "glorot_uniform": ("GlorotUniform", np.sqrt(6 / (FAN_IN + FAN_OUT))),
    "he_uniform": ("HeUniform", np.sqrt(6 / FAN_IN)),
    "lecun_uniform": ("LecunUniform", np.sqrt(3 / FAN_IN)),
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


# ------------------------------------------------------------ expected_std

@pytest.mark.parametrize("name", list(NORMAL) + list(UNIFORM))
def test_expected_std_is_the_std_drawn_and_keras_s(name, keras, rng):
    keras_class = {**NORMAL, **UNIFORM}[name][0]
    std = init.expected_std(name, FAN_IN, FAN_OUT)
    assert init.get_initializer(name)(OURS, rng).std() == pytest.approx(std, rel=0.03)
    K = np.asarray(getattr(keras.initializers, keras_class)(seed=2)(shape=KERAS_SHAPE))
    assert K.std() == pytest.approx(std, rel=0.03)


def test_expected_std_formulas():
    assert init.expected_std("glorot_normal", 30, 10) == pytest.approx(np.sqrt(2 / 40))
    assert init.expected_std("glorot_uniform", 30, 10) == pytest.approx(np.sqrt(2 / 40))
    assert init.expected_std("he_normal", 30, 10) == pytest.approx(np.sqrt(2 / 30))
    assert init.expected_std("lecun_uniform", 30, 10) == pytest.approx(np.sqrt(1 / 30))
    assert init.expected_std("random_normal", 30, 10, stddev=10.0) == 10.0
    assert init.expected_std("zeros", 30, 10) == 0.0
    with pytest.raises(ValueError, match="unknown initializer 'xavier'"):
        init.expected_std("xavier", 30, 10)
    with pytest.raises(ValueError, match="must be"):
        init.expected_std("he_normal", 0, 10)


# --------------------------------------------------- notebook 05's schemes

DIMS = [400, 300, 200, 1]


def _check_statistics(params, std_of_layer):
    """What a grading check can test whatever way the numbers were drawn: shapes, zero
    biases, and each layer's mean and standard deviation."""
    for l in range(1, len(DIMS)):
        W, b = params[f"W{l}"], params[f"b{l}"]
        assert W.shape == (DIMS[l], DIMS[l - 1]) and b.shape == (DIMS[l], 1)
        np.testing.assert_array_equal(b, 0)
        std = std_of_layer(DIMS[l - 1], DIMS[l])
        if W.size > 100:  # the last layer's 200 weights are too few for 5%
            assert W.std() == pytest.approx(std, rel=0.05), f"W{l}"
            assert abs(W.mean()) < 5 * std / np.sqrt(W.size), f"W{l}"


@pytest.mark.parametrize("scheme, std_of_layer", [
    (init.initialize_parameters_random, lambda n_prev, n: 10.0),
    (init.initialize_parameters_xavier, lambda n_prev, n: np.sqrt(2 / (n_prev + n))),
    (init.initialize_parameters_he, lambda n_prev, n: np.sqrt(2 / n_prev)),
])
def test_schemes_have_their_formula_s_statistics(scheme, std_of_layer, rng):
    _check_statistics(scheme(DIMS, rng), std_of_layer)


@pytest.mark.parametrize("scheme, scale", [
    (init.initialize_parameters_random, lambda n_prev, n: 10.0),
    (init.initialize_parameters_xavier, lambda n_prev, n: np.sqrt(2 / (n_prev + n))),
    (init.initialize_parameters_he, lambda n_prev, n: np.sqrt(2 / n_prev)),
])
def test_schemes_draw_layer_by_layer_as_their_docstrings_say(scheme, scale):
    dims = [5, 4, 3]
    params = scheme(dims, np.random.default_rng(8))
    rng = np.random.default_rng(8)
    for l in range(1, len(dims)):
        W = rng.standard_normal((dims[l], dims[l - 1])) * scale(dims[l - 1], dims[l])
        np.testing.assert_allclose(params[f"W{l}"], W, rtol=1e-12)


def test_zeros_scheme_is_all_zeros_and_keeps_units_alike():
    params = init.initialize_parameters_zeros([3, 4, 1])
    assert sorted(params) == ["W1", "W2", "b1", "b2"]
    assert params["W1"].shape == (4, 3) and params["b2"].shape == (1, 1)
    assert all(np.all(v == 0) for v in params.values())


def test_xavier_is_glorot_not_lecun(rng):
    # fan_in 400, fan_out 100: Glorot's variance 2/500 = 0.004, LeCun's 1/400 = 0.0025
    W = init.initialize_parameters_xavier([400, 100], rng)["W1"]
    assert W.var() == pytest.approx(0.004, rel=0.05)
    assert init.expected_std("lecun_normal", 400, 100) ** 2 == pytest.approx(0.0025)
