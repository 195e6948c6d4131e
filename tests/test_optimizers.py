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
    np.testing.assert_allclose(state["v"]["dw"], [1.75])
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
        assert set(slots) == {"d" + k for k in params}, "state is keyed like the gradients"
        assert all(slots["d" + k].shape == params[k].shape for k in params)


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
    with pytest.raises(ValueError,
                       match=r"grads\['dW1'\] and parameters\['W1'\] must have the same"):
        rule(params, grads, None)


def test_bad_params_and_hyper_parameters(rng):
    with pytest.raises(TypeError, match=r"parameters\['W1'\] must be a float32 or float64"):
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
    with pytest.raises(KeyError, match="state has no slot 't'"):
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


# ------------------------------------------------ notebook 07's graded functions
# The expected values come from the formulas written out plainly here, one parameter at a
# time, not from the module's in-place code.

def _copy(d):
    return {k: v.copy() for k, v in d.items()}


def _steps(rng, n=4):
    """n gradient dicts, the later ones small, where epsilon's place matters."""
    return [_grads(rng, scale=1.0 if i < 2 else 1e-3) for i in range(n)]


def _textbook(name, params, steps, lr, hyper, eps, form):
    """The exercise's formulas (form "textbook") or Keras's (form "keras"), plainly."""
    p = _copy(params)
    v = {k: np.zeros_like(w) for k, w in p.items()}
    s = {k: np.full_like(w, 0.1 if (name, form) == ("adagrad", "keras") else 0.0)
         for k, w in p.items()}
    for t, grads in enumerate(steps, start=1):
        for k in p:
            g = grads["d" + k]
            if name == "momentum":
                v[k] = hyper * v[k] + (1 - hyper) * g
                p[k] = p[k] - lr * v[k]
                continue
            if name == "adagrad":
                s[k] = s[k] + g ** 2
            elif name == "rmsprop":
                s[k] = hyper * s[k] + (1 - hyper) * g ** 2
            if name in ("adagrad", "rmsprop"):
                root = np.sqrt(s[k] + eps) if form == "keras" else np.sqrt(s[k]) + eps
                p[k] = p[k] - lr * g / root
                continue
            b1, b2 = hyper
            v[k] = b1 * v[k] + (1 - b1) * g
            s[k] = b2 * s[k] + (1 - b2) * g ** 2
            if form == "keras":
                alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
                p[k] = p[k] - alpha * v[k] / (np.sqrt(s[k]) + eps)
            else:
                v_hat, s_hat = v[k] / (1 - b1 ** t), s[k] / (1 - b2 ** t)
                p[k] = p[k] - lr * v_hat / (np.sqrt(s_hat) + eps)
    return p


def _run_graded(name, params, steps, lr, hyper, eps, form):
    p = _copy(params)
    if name == "momentum":
        state = opt.initialize_velocity(p)
    elif name == "adam":
        state = opt.initialize_adam(p)
    else:
        state = opt.initialize_velocity(p)
        if form == "keras" and name == "adagrad":
            for a in state.values():
                a += 0.1
    for t, grads in enumerate(steps, start=1):
        if name == "momentum":
            out = opt.update_parameters_with_momentum(p, grads, state, lr, hyper)
        elif name == "adagrad":
            out = opt.update_parameters_with_adagrad(p, grads, state, lr, eps, form=form)
        elif name == "rmsprop":
            out = opt.update_parameters_with_rmsprop(p, grads, state, lr, hyper, eps,
                                                     form=form)
        else:
            v, s = state
            out = opt.update_parameters_with_adam(p, grads, v, s, t, lr, *hyper, eps,
                                                  form=form)
        assert out[0] is p, f"{name} must return the parameters dict it updated"
    return p


GRADED = [("momentum", 0.3, 0.8, None), ("adagrad", 0.05, None, 0.5),
          ("rmsprop", 0.05, 0.7, 0.5), ("adam", 0.05, (0.6, 0.9), 0.5)]


@pytest.mark.parametrize("name, lr, hyper, eps, form", [
    case + (form,) for case in GRADED for form in ("textbook", "keras")
    if case[0] != "momentum" or form == "textbook"])  # momentum has one form
def test_graded_updates_follow_their_formulas(rng, name, lr, hyper, eps, form):
    params, steps = _params(rng), _steps(rng)
    ours = _run_graded(name, params, steps, lr, hyper, eps, form)
    expected = _textbook(name, params, steps, lr, hyper, eps, form)
    for k in params:
        np.testing.assert_allclose(ours[k], expected[k], rtol=1e-12, atol=1e-14, err_msg=k)


@pytest.mark.parametrize("name, lr, hyper, eps", GRADED[1:])
def test_the_two_forms_differ_where_epsilon_sits(rng, name, lr, hyper, eps):
    params, steps = _params(rng), _steps(rng)
    textbook = _run_graded(name, params, steps, lr, hyper, eps, "textbook")
    keras_form = _run_graded(name, params, steps, lr, hyper, eps, "keras")
    assert not np.allclose(textbook["W1"], keras_form["W1"], rtol=1e-3)


@pytest.mark.parametrize("name, keras_name, theirs", [
    ("adagrad", "Adagrad", {"learning_rate": 0.2, "initial_accumulator_value": 0.0,
                            "epsilon": 0.3}),
    ("rmsprop", "RMSprop", {"learning_rate": 0.1, "rho": 0.5, "epsilon": 0.2}),
    ("adam", "Adam", {"learning_rate": 0.1, "beta_1": 0.5, "beta_2": 0.8, "epsilon": 0.1}),
])
def test_graded_keras_form_matches_keras(rng, keras, name, keras_name, theirs):
    """form="keras" of the graded functions is Keras (Adagrad from s = 0 here, as the
    graded function starts from initialize_velocity's zeros)."""
    params = _params(rng, np.float32)
    keys = list(params)
    variables = [keras.Variable(params[k].copy()) for k in keys]
    keras_opt = getattr(keras.optimizers, keras_name)(**theirs)
    state = opt.initialize_adam(params) if name == "adam" else opt.initialize_velocity(params)
    for t in range(1, 4):
        grads = _grads(rng, np.float32, scale=1.0 if t < 2 else 0.01)
        keras_opt.apply_gradients([(grads["d" + k], v) for k, v in zip(keys, variables)])
        if name == "adam":
            opt.update_parameters_with_adam(params, grads, *state, t, theirs["learning_rate"],
                                            theirs["beta_1"], theirs["beta_2"],
                                            theirs["epsilon"], form="keras")
        elif name == "rmsprop":
            opt.update_parameters_with_rmsprop(params, grads, state, theirs["learning_rate"],
                                               theirs["rho"], theirs["epsilon"], form="keras")
        else:
            opt.update_parameters_with_adagrad(params, grads, state, theirs["learning_rate"],
                                               theirs["epsilon"], form="keras")
        for k, v in zip(keys, variables):
            np.testing.assert_allclose(params[k], np.asarray(v), rtol=1e-6, atol=1e-7,
                                       err_msg=f"{name} step {t}, {k}")


def test_gd_and_momentum_by_hand():
    p = {"W1": np.array([[1.0, -2.0]]), "b1": np.array([[0.5]])}
    g = {"dW1": np.array([[10.0, 20.0]]), "db1": np.array([[-1.0]])}
    out = opt.update_parameters_with_gd(p, g, 0.1)
    assert out is p
    np.testing.assert_allclose(p["W1"], [[0.0, -4.0]])
    np.testing.assert_allclose(p["b1"], [[0.6]])
    v = opt.initialize_velocity(p)
    assert set(v) == {"dW1", "db1"} and not v["dW1"].any()
    p, v = opt.update_parameters_with_momentum(p, g, v, 1.0, 0.5)
    np.testing.assert_allclose(v["dW1"], [[5.0, 10.0]])  # 0.5 * 0 + 0.5 * g
    np.testing.assert_allclose(p["W1"], [[-5.0, -14.0]])


def test_textbook_adagrad_and_adam_first_steps_are_sign_steps():
    g = np.array([[3.0, -0.02, 50.0]])
    p = {"w": np.zeros((1, 3))}
    opt.update_parameters_with_adagrad(p, {"dw": g}, opt.initialize_velocity(p), 0.01, 0.0)
    np.testing.assert_allclose(p["w"], -0.01 * np.sign(g), rtol=1e-12)
    p = {"w": np.zeros((1, 3))}
    opt.update_parameters_with_adam(p, {"dw": g}, *opt.initialize_adam(p), 1, 0.01,
                                    epsilon=0.0)
    np.testing.assert_allclose(p["w"], -0.01 * np.sign(g), rtol=1e-12)


def test_graded_defaults_are_keras_s():
    import inspect
    defaults = {name: {k: v.default for k, v in
                       inspect.signature(getattr(opt, name)).parameters.items()
                       if v.default is not inspect.Parameter.empty}
                for name in ("update_parameters_with_gd", "update_parameters_with_adagrad",
                             "update_parameters_with_rmsprop", "update_parameters_with_adam")}
    assert defaults["update_parameters_with_gd"] == {"learning_rate": 0.01}
    assert defaults["update_parameters_with_adam"] == {
        "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7,
        "form": "textbook"}
    assert defaults["update_parameters_with_rmsprop"]["rho"] == 0.9


def test_state_must_be_keyed_like_the_gradients(rng):
    params, grads = _params(rng), _grads(rng)
    by_parameter = {k: np.zeros_like(p) for k, p in params.items()}
    with pytest.raises(KeyError, match=r"v has no 'dW1'.*use 'dW1', not 'W1'"):
        opt.update_parameters_with_momentum(params, grads, by_parameter)
    v, s = opt.initialize_adam(params)
    s["db2"] = np.zeros((2, 2))
    with pytest.raises(ValueError, match=r"s\['db2'\] has shape"):
        opt.update_parameters_with_adam(params, grads, v, s, 1)
    with pytest.raises(ValueError, match="t must be the step number"):
        opt.update_parameters_with_adam(params, grads, *opt.initialize_adam(params), 0)
    with pytest.raises(ValueError, match="unknown form 'Keras'"):
        opt.update_parameters_with_rmsprop(params, grads, opt.initialize_velocity(params),
                                           form="Keras")
