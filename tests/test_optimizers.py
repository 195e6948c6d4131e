"""helpers.optimizers: each rule against the Keras optimizer on the same variables and
gradients, plus hand-computed steps, the in-place/state contract and bad inputs."""
import numpy as np
import pytest

from helpers import optimizers as opt

SHAPES = {"W1": (4, 3), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}


def _params(rng, dtype=np.float64):
    return {k: rng.standard_normal(s).astype(dtype) for k, s in SHAPES.items()}


def _grads(rng, dtype=np.float64, scale=1.0):
    return {"d" + k: (scale * rng.standard_normal(s)).astype(dtype) for k, s in SHAPES.items()}


# name of our rule, our kwargs, Keras class, Keras kwargs. Each rule is run with Keras's
# defaults and with large non-default values, so a misplaced epsilon or a wrong
# hyper-parameter shows at the tolerance used.
CASES = [
    ("gradient_descent", {}, "SGD", {}),
    ("gradient_descent", {"learning_rate": 0.3}, "SGD", {"learning_rate": 0.3}),
    ("momentum", {}, "SGD", {"learning_rate": 0.01 * (1 - 0.9), "momentum": 0.9}),
    ("momentum", {"learning_rate": 0.5, "beta": 0.6}, "SGD",
     {"learning_rate": 0.5 * (1 - 0.6), "momentum": 0.6}),
    ("adagrad", {}, "Adagrad", {}),
    ("adagrad", {"learning_rate": 0.2, "initial_accumulator_value": 0.5, "epsilon": 0.3},
     "Adagrad", {"learning_rate": 0.2, "initial_accumulator_value": 0.5, "epsilon": 0.3}),
    ("rmsprop", {}, "RMSprop", {}),
    ("rmsprop", {"learning_rate": 0.1, "rho": 0.5, "epsilon": 0.2}, "RMSprop",
     {"learning_rate": 0.1, "rho": 0.5, "epsilon": 0.2}),
    ("adam", {}, "Adam", {}),
    ("adam", {"learning_rate": 0.1, "beta_1": 0.5, "beta_2": 0.8, "epsilon": 0.1}, "Adam",
     {"learning_rate": 0.1, "beta_1": 0.5, "beta_2": 0.8, "epsilon": 0.1}),
]


@pytest.mark.parametrize("name, ours, keras_name, theirs", CASES)
def test_rule_matches_keras_over_several_steps(rng, keras, name, ours, keras_name, theirs):
    params = _params(rng, np.float32)
    keys = list(params)
    variables = [keras.Variable(params[k].copy()) for k in keys]
    keras_opt = getattr(keras.optimizers, keras_name)(**theirs)
    rule = opt.get_optimizer(name)
    state = None
    for step in range(4):
        # small gradients on the later steps, where epsilon matters most
        grads = _grads(rng, np.float32, scale=1.0 if step < 2 else 0.01)
        state = rule(params, grads, state, **ours)
        keras_opt.apply_gradients([(grads["d" + k], v) for k, v in zip(keys, variables)])
        for k, v in zip(keys, variables):
            np.testing.assert_allclose(params[k], np.asarray(v), rtol=1e-6, atol=1e-7,
                                       err_msg=f"{name} step {step + 1}, {k}")


def test_gradient_descent_hand_computed():
    params = {"W1": np.array([[1.0, -2.0]]), "b1": np.array([[0.5]])}
    grads = {"dW1": np.array([[10.0, 20.0]]), "db1": np.array([[-1.0]]), "dA0": np.ones(3)}
    state = opt.gradient_descent(params, grads, None, learning_rate=0.1)
    np.testing.assert_allclose(params["W1"], [[0.0, -4.0]])
    np.testing.assert_allclose(params["b1"], [[0.6]])
    assert state == {}


def test_momentum_is_an_exponentially_weighted_average():
    params = {"w": np.array([0.0])}
    state = None
    for g in (1.0, 3.0):
        state = opt.momentum(params, {"dw": np.array([g])}, state, learning_rate=1.0, beta=0.5)
    # v1 = 0.5, v2 = 0.5 * 0.5 + 0.5 * 3 = 1.75; w = -(0.5 + 1.75)
    np.testing.assert_allclose(state["v"]["w"], [1.75])
    np.testing.assert_allclose(params["w"], [-2.25])


def test_first_adam_and_rmsprop_steps_without_epsilon():
    # With epsilon = 0 the bias-corrected first Adam step is learning_rate * sign(g);
    # the first RMSprop step is learning_rate * sign(g) / sqrt(1 - rho).
    g = np.array([[3.0, -0.02, 50.0]])
    p = {"w": np.zeros((1, 3))}
    state = opt.adam(p, {"dw": g}, None, learning_rate=0.01, epsilon=0.0)
    np.testing.assert_allclose(p["w"], -0.01 * np.sign(g), rtol=1e-12)
    assert state["t"] == 1
    p = {"w": np.zeros((1, 3))}
    opt.rmsprop(p, {"dw": g}, None, learning_rate=0.01, rho=0.75, epsilon=0.0)
    np.testing.assert_allclose(p["w"], -0.01 * np.sign(g) / np.sqrt(0.25), rtol=1e-12)


@pytest.mark.parametrize("name", sorted(opt.OPTIMIZERS))
def test_contract_in_place_state_and_dtype(rng, name):
    rule = opt.get_optimizer(name)
    params = _params(rng, np.float32)
    arrays = dict(params)  # the same array objects
    before = {k: v.copy() for k, v in params.items()}
    state = rule(params, _grads(rng), None)  # float64 grads on float32 params
    for k in params:
        assert params[k] is arrays[k], f"{name} replaced params[{k!r}] instead of updating it"
        assert params[k].dtype == np.float32
        assert not np.array_equal(params[k], before[k])
    state = rule(params, _grads(rng), state)
    if name == "adam":
        assert state["t"] == 2
    for slots in (v for v in state.values() if isinstance(v, dict)):
        assert set(slots) == set(params)
        assert all(slots[k].shape == params[k].shape for k in params)


def test_registry_and_unknown_name():
    assert set(opt.OPTIMIZERS) == {"gradient_descent", "momentum", "adagrad", "rmsprop", "adam"}
    assert opt.get_optimizer("adam") is opt.adam
    assert opt.get_optimizer(opt.rmsprop) is opt.rmsprop
    with pytest.raises(ValueError, match="unknown optimizer 'sgd'.*'adam'.*'rmsprop'"):
        opt.get_optimizer("sgd")


@pytest.mark.parametrize("name", sorted(opt.OPTIMIZERS))
def test_missing_and_misshaped_gradients(rng, name):
    rule = opt.OPTIMIZERS[name]
    params = _params(rng)
    grads = _grads(rng)
    del grads["db2"]
    with pytest.raises(KeyError, match="grads has no 'db2'"):
        rule(params, grads, None)
    grads = _grads(rng)
    grads["dW1"] = grads["dW1"].T
    with pytest.raises(ValueError, match=r"grads\['dW1'\] and params\['W1'\] must have the same"):
        rule(params, grads, None)


def test_bad_params_and_hyper_parameters(rng):
    with pytest.raises(TypeError, match=r"params\['W1'\] must be a float32 or float64"):
        opt.gradient_descent({"W1": np.ones((2, 2), dtype=int)}, {"dW1": np.ones((2, 2))})
    params, grads = _params(rng), _grads(rng)
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        opt.adam(params, grads, None, learning_rate=-1.0)
    with pytest.raises(ValueError, match=r"beta_2 must be in \[0, 1\), got 1.0"):
        opt.adam(params, grads, None, beta_2=1.0)
    for not_a_number in ("0.01", 1e-3 + 0j, np.array([0.01]), None):
        with pytest.raises(TypeError, match="learning_rate must be a number"):
            opt.adam(params, grads, None, learning_rate=not_a_number)
    with pytest.raises(ValueError, match=r"rho must be in \[0, 1\)"):
        opt.rmsprop(params, grads, None, rho=1.2)
    with pytest.raises(KeyError, match="state has no slot 'v'"):
        opt.momentum(params, grads, {})
    with pytest.raises(KeyError, match="step counter 't'"):
        opt.adam(params, grads, {"v": {}, "s": {}})


def test_adam_keeps_float64_parameters_exact_with_float32_gradients(rng):
    """The update is computed in the parameter's dtype, not the gradient's."""
    p64 = {"w": rng.standard_normal((3, 4))}
    g = {"dw": rng.standard_normal((3, 4)).astype(np.float32)}
    p_ref = {"w": p64["w"].copy()}
    opt.adam(p64, g, None, learning_rate=0.1)
    opt.adam(p_ref, {"dw": g["dw"].astype(np.float64)}, None, learning_rate=0.1)
    assert p64["w"].dtype == np.float64
    np.testing.assert_allclose(p64["w"], p_ref["w"], rtol=1e-15, atol=0)
