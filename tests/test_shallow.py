"""helpers.shallow, the reference network with one hidden layer (notebook 02): forward
and backward pass against helpers.layers, gradients against finite differences, training,
and the errors that bad arguments raise."""
import numpy as np
import pytest

from helpers import layers, shallow
from helpers.data import make_planar
from helpers.gradcheck import gradient_errors


@pytest.fixture
def net(rng):
    """A network with 3 inputs, 4 hidden units and 7 examples, weights large enough for
    tanh and the sigmoid to be far from linear."""
    parameters = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=(4, 1)),
                  "W2": rng.normal(size=(1, 4)), "b2": rng.normal(size=(1, 1))}
    X = rng.normal(size=(3, 7))
    Y = (rng.random((1, 7)) < 0.5).astype(float)
    return parameters, X, Y


def test_layer_sizes():
    X, Y = np.zeros((5, 9)), np.zeros((1, 9))
    assert shallow.layer_sizes(X, Y) == (5, 4, 1)
    assert shallow.layer_sizes(X, Y, 7) == (5, 7, 1)


def test_initialize_parameters_shapes_scale_and_reproducibility():
    params = shallow.initialize_parameters(30, 20, 1, np.random.default_rng(0))
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (20, 30), "b1": (20, 1), "W2": (1, 20), "b2": (1, 1)}
    assert np.all(params["b1"] == 0) and np.all(params["b2"] == 0)
    assert 0.009 < params["W1"].std() < 0.011
    again = shallow.initialize_parameters(30, 20, 1, np.random.default_rng(0))
    assert all(np.array_equal(params[k], again[k]) for k in params)
    # The documented recipe: 0.01 * standard normal, W1 first, then W2.
    rng = np.random.default_rng(0)
    W1 = 0.01 * rng.standard_normal((20, 30))
    W2 = 0.01 * rng.standard_normal((1, 20))
    np.testing.assert_array_equal(params["W1"], W1)
    np.testing.assert_array_equal(params["W2"], W2)


def test_forward_matches_the_layers_module(net):
    parameters, X, _ = net
    A2, cache = shallow.forward_propagation(X, parameters)
    AL, caches = layers.model_forward(X, parameters, ["tanh", "sigmoid"])
    np.testing.assert_allclose(A2, AL, rtol=1e-12)
    np.testing.assert_allclose(cache["Z1"], caches[0][0][1], rtol=1e-12)
    np.testing.assert_allclose(cache["A1"], np.tanh(cache["Z1"]), rtol=1e-12)
    assert cache["A2"] is A2 and A2.shape == (1, 7)


def test_backward_matches_the_layers_module(net):
    parameters, X, Y = net
    _, cache = shallow.forward_propagation(X, parameters)
    grads = shallow.backward_propagation(parameters, cache, X, Y)
    AL, caches = layers.model_forward(X, parameters, ["tanh", "sigmoid"])
    expected = layers.model_backward(AL, Y, caches, ["tanh", "sigmoid"], "binary_cross_entropy")
    for key in ("dW1", "db1", "dW2", "db2"):
        np.testing.assert_allclose(grads[key], expected[key], rtol=1e-10, err_msg=key)


def test_backward_against_finite_differences(net):
    parameters, X, Y = net

    def cost(p):
        return shallow.compute_cost(shallow.forward_propagation(X, p)[0], Y)

    _, cache = shallow.forward_propagation(X, parameters)
    grads = shallow.backward_propagation(parameters, cache, X, Y)
    difference, errors = gradient_errors(cost, parameters, grads)
    assert difference < 1e-7 and max(errors.values()) < 1e-7, errors


def test_update_parameters_returns_new_arrays(net):
    parameters, X, Y = net
    before = {k: v.copy() for k, v in parameters.items()}
    grads = {"d" + k: np.ones_like(v) for k, v in parameters.items()}
    new = shallow.update_parameters(parameters, grads, learning_rate=0.5)
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], before[key])
        np.testing.assert_allclose(new[key], before[key] - 0.5)


def test_nn_model_learns_the_planar_set():
    X, Y = make_planar(200, rng=np.random.default_rng(0))
    parameters, costs = shallow.nn_model(X, Y, 4, np.random.default_rng(1),
                                         num_iterations=2000, learning_rate=1.2)
    assert len(costs) == 20
    assert costs[0] == pytest.approx(np.log(2), abs=1e-3)  # all predictions start near 0.5
    assert costs[-1] < 0.4 < costs[0]
    assert np.mean(shallow.predict(parameters, X) == Y) > 0.8


def test_nn_model_reproduces_from_the_same_seed():
    X, Y = make_planar(50, rng=np.random.default_rng(3))
    first, _ = shallow.nn_model(X, Y, 3, np.random.default_rng(5), num_iterations=50)
    second, _ = shallow.nn_model(X, Y, 3, np.random.default_rng(5), num_iterations=50)
    assert all(np.array_equal(first[k], second[k]) for k in first)


def test_nn_model_prints_the_cost_every_1000_iterations(capsys):
    X, Y = make_planar(20, rng=np.random.default_rng(3))
    shallow.nn_model(X, Y, 2, np.random.default_rng(0), num_iterations=2001, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        f"cost after iteration {i}" for i in (0, 1000, 2000)]


def test_predict_thresholds_at_one_half(net):
    parameters, X, _ = net
    A2, _ = shallow.forward_propagation(X, parameters)
    labels = shallow.predict(parameters, X)
    np.testing.assert_array_equal(labels, (A2 > 0.5).astype(float))
    assert labels.dtype == np.float64


@pytest.mark.parametrize("call, error, match", [
    (lambda p, X, Y: shallow.forward_propagation(X.T, p), ValueError, "W1 must have shape"),
    (lambda p, X, Y: shallow.forward_propagation(X[0], p), ValueError, "rank-1"),
    (lambda p, X, Y: shallow.forward_propagation(X, {"W1": p["W1"]}), KeyError, "b1"),
    (lambda p, X, Y: shallow.forward_propagation(X, {**p, "b1": p["b1"].ravel()}), ValueError,
     "b1 must have shape"),
    (lambda p, X, Y: shallow.forward_propagation(X, [p]), TypeError, "dict"),
    (lambda p, X, Y: shallow.backward_propagation(
        p, shallow.forward_propagation(X, p)[1], X, Y[:, :3]), ValueError, "Y must have shape"),
    (lambda p, X, Y: shallow.compute_cost(np.full((1, 7), 2.0), Y), ValueError,
     "probabilities"),
    (lambda p, X, Y: shallow.update_parameters(p, {"dW1": p["W1"]}), KeyError, "db1"),
    (lambda p, X, Y: shallow.update_parameters(
        p, {"d" + k: v.T for k, v in p.items()}), ValueError, "dW1 must have shape"),
    (lambda p, X, Y: shallow.initialize_parameters(3, 0, 1, np.random.default_rng(0)),
     ValueError, "n_h must be a positive whole number"),
    (lambda p, X, Y: shallow.initialize_parameters(3, 4, 1, 0), TypeError, "Generator"),
    (lambda p, X, Y: shallow.layer_sizes(X, Y, 2.5), ValueError, "n_h"),
    (lambda p, X, Y: shallow.layer_sizes(X, Y[:, :2]), ValueError, "Y must have shape"),
])
def test_bad_arguments_raise_errors_that_name_them(net, call, error, match):
    parameters, X, Y = net
    with pytest.raises(error, match=match):
        call(parameters, X, Y)
