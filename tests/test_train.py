"""helpers.train: fit on tiny problems, its history and printing, and the gradients it
feeds the optimizer (dropout and L2 included) against finite differences of a forward
pass written out here in numpy."""
import numpy as np
import pytest

from fd import numerical_grad
from helpers import metrics, train
from helpers.initializers import initialize_parameters


def _separable(rng, m=200):
    """Two classes split by the line x0 + x1 = 0, with a margin."""
    X = rng.standard_normal((2, 4 * m))
    score = X[0] + X[1]
    keep = np.abs(score) > 0.3
    X = X[:, keep][:, :m]
    return X, (X[0:1] + X[1:2] > 0).astype(np.float64)


def _blobs(rng, m=150):
    centres = np.array([[0.0, 4.0, -4.0], [4.0, -2.0, -2.0]])
    labels = rng.integers(0, 3, size=(1, m))
    return centres[:, labels[0]] + rng.standard_normal((2, m)), labels


def test_fit_binary_learns_and_updates_params_in_place(rng):
    X, Y = _separable(rng)
    params = initialize_parameters([2, 8, 1], rng)
    arrays = dict(params)
    before = {k: v.copy() for k, v in params.items()}
    history = train.fit(X, Y, params, ["relu", "sigmoid"], loss="binary_cross_entropy",
                        epochs=15, batch_size=32, rng=rng, learning_rate=0.02, verbose=False)
    assert set(history) == {"cost", "accuracy", "seconds"}
    assert len(history["cost"]) == len(history["accuracy"]) == len(history["seconds"]) == 15
    assert all(s > 0 for s in history["seconds"])
    assert history["cost"][-1] < 0.5 * history["cost"][0]
    assert np.all(np.diff(history["cost"][:5]) < 0), "cost should fall in the first epochs"
    assert metrics.accuracy(X, Y, params, ["relu", "sigmoid"]) >= 0.95
    assert history["accuracy"][-1] >= 0.9
    for k in params:
        assert params[k] is arrays[k], f"params[{k!r}] was replaced, not updated in place"
        assert not np.array_equal(params[k], before[k])


@pytest.mark.parametrize("one_hot", [False, True])
def test_fit_softmax_with_validation(rng, one_hot):
    X, labels = _blobs(rng)
    Y = np.eye(3)[:, labels[0]] if one_hot else labels
    X_val, labels_val = _blobs(rng, m=60)
    Y_val = np.eye(3)[:, labels_val[0]] if one_hot else labels_val
    params = initialize_parameters([2, 10, 3], rng)
    history = train.fit(X, Y, params, ["relu", "softmax"], loss="softmax_cross_entropy",
                        optimizer="momentum", epochs=8, batch_size=16, rng=rng,
                        learning_rate=0.2, validation_data=(X_val, Y_val), verbose=False)
    assert set(history) == {"cost", "accuracy", "val_cost", "val_accuracy", "seconds"}
    assert all(len(v) == 8 for v in history.values())
    assert history["val_accuracy"][-1] >= 0.95
    assert metrics.accuracy(X_val, Y_val, params, ["relu", "softmax"]) == pytest.approx(
        history["val_accuracy"][-1])
    # val_cost is the cross-entropy of the final network, computed here by hand
    A1 = np.maximum(0, params["W1"] @ X_val + params["b1"])
    Z2 = params["W2"] @ A1 + params["b2"]
    P = np.exp(Z2 - Z2.max(axis=0)) / np.exp(Z2 - Z2.max(axis=0)).sum(axis=0)
    P = np.clip(P, 1e-7, 1 - 1e-7)  # the losses clip probabilities as Keras does
    J = -np.mean(np.log(P[labels_val[0], np.arange(X_val.shape[1])]))
    assert history["val_cost"][-1] == pytest.approx(J, rel=1e-6)


def test_verbose_prints_one_line_per_epoch_and_quiet_prints_nothing(rng, capsys):
    X, Y = _separable(rng, m=100)
    params = initialize_parameters([2, 4, 1], rng)
    train.fit(X, Y, params, ["tanh", "sigmoid"], loss="binary_cross_entropy", epochs=3,
              batch_size=10, rng=rng, verbose=False, validation_data=(X, Y))
    assert capsys.readouterr().out == ""
    train.fit(X, Y, params, ["tanh", "sigmoid"], loss="binary_cross_entropy", epochs=3,
              batch_size=10, rng=rng, verbose=True, validation_data=(X, Y))
    out = capsys.readouterr().out
    lines = out.split("\n")
    assert len(lines) == 4 and lines[-1] == "", "one finished line per epoch"
    assert "\r" in out and "[====================] 10/10" in lines[0]
    for epoch, line in enumerate(lines[:3], start=1):
        final = line.split("\r")[-1]
        assert final.startswith(f"Epoch {epoch}/3 ")
        assert "cost: " in final and "val_accuracy: " in final


def _recording_rule(seen):
    """An update rule (optimizers contract) that records its inputs and changes nothing."""
    def rule(params, grads, state, *, learning_rate):
        seen.append(({k: v.copy() for k, v in grads.items()}, learning_rate))
        return state
    return rule


def test_gradients_with_dropout_and_l2_match_finite_differences():
    data_rng = np.random.default_rng(1)
    X = data_rng.standard_normal((3, 12))
    Y = (data_rng.random((1, 12)) > 0.5).astype(np.float64)
    params = {"W1": data_rng.standard_normal((5, 3)), "b1": data_rng.standard_normal((5, 1)),
              "W2": data_rng.standard_normal((4, 5)), "b2": data_rng.standard_normal((4, 1)),
              "W3": data_rng.standard_normal((1, 4)), "b3": data_rng.standard_normal((1, 1))}
    lambd, keep_prob, seed = 0.7, 0.6, 5
    seen = []
    train.fit(X, Y, params, ["relu", "tanh", "sigmoid"], loss="binary_cross_entropy",
              optimizer=_recording_rule(seen), epochs=1, batch_size=12,
              rng=np.random.default_rng(seed), lambd=lambd, keep_prob=keep_prob,
              learning_rate=0.1, verbose=False)
    grads = seen[0][0]

    def cost(p):
        # fit's rng first shuffles the columns, then draws one mask per hidden layer
        r = np.random.default_rng(seed)
        perm = r.permutation(12)
        A, Yp = X[:, perm], Y[:, perm]
        A = np.maximum(0, p["W1"] @ A + p["b1"])
        A = A * (r.random(A.shape) < keep_prob) / keep_prob
        A = np.tanh(p["W2"] @ A + p["b2"])
        A = A * (r.random(A.shape) < keep_prob) / keep_prob
        A = 1 / (1 + np.exp(-(p["W3"] @ A + p["b3"])))
        J = -np.mean(Yp * np.log(A) + (1 - Yp) * np.log(1 - A))
        return J + lambd / (2 * 12) * sum(np.sum(p[f"W{l}"] ** 2) for l in (1, 2, 3))

    for key, value in params.items():  # value is perturbed in place inside params
        numeric = numerical_grad(lambda _: cost(params), value)
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-5, atol=1e-8,
                                   err_msg=key)


def test_callable_learning_rate_is_called_per_epoch(rng):
    X, Y = _separable(rng, m=40)
    params = initialize_parameters([2, 3, 1], rng)
    seen = []
    train.fit(X, Y, params, ["relu", "sigmoid"], loss="binary_cross_entropy",
              optimizer=_recording_rule(seen), epochs=3, batch_size=20, rng=rng,
              learning_rate=lambda epoch: 1.0 / (epoch + 1), verbose=False)
    assert [lr for _, lr in seen] == [1.0, 1.0, 0.5, 0.5, 1 / 3, 1 / 3]


@pytest.mark.parametrize("kwargs, error, message", [
    ({"epochs": 0}, ValueError, "epochs must be a positive int, got 0"),
    ({"keep_prob": 1.5}, ValueError, r"keep_prob must be in \(0, 1\], got 1.5"),
    ({"lambd": -1.0}, ValueError, "lambd must be >= 0"),
    ({"optimizer": "sgd"}, ValueError, "unknown optimizer 'sgd'"),
    ({"loss": "hinge"}, ValueError, "unknown loss 'hinge'"),
    ({"rng": 0}, TypeError, "rng must be a numpy Generator"),
    ({"validation_data": np.ones((2, 5))}, ValueError, "validation_data must be a pair"),
])
def test_bad_arguments(rng, kwargs, error, message):
    X, Y = _separable(rng, m=20)
    params = initialize_parameters([2, 3, 1], rng)
    args = dict(loss="binary_cross_entropy", epochs=1, rng=rng, verbose=False)
    args.update(kwargs)
    with pytest.raises(error, match=message):
        train.fit(X, Y, params, ["relu", "sigmoid"], **args)


def test_labels_and_output_layer_are_checked_before_any_step(rng):
    X, labels = _blobs(rng, m=30)
    params = initialize_parameters([2, 4, 3], rng)
    before = {k: v.copy() for k, v in params.items()}
    with pytest.raises(ValueError, match="softmax_cross_entropy needs a softmax output"):
        train.fit(X, labels, params, ["relu", "sigmoid"], loss="softmax_cross_entropy",
                  rng=rng, verbose=False)
    with pytest.raises(ValueError, match=r"labels must be integers in \[0, 3\)"):
        train.fit(X, labels + 1, params, ["relu", "softmax"], loss="softmax_cross_entropy",
                  rng=rng, verbose=False)
    with pytest.raises(TypeError, match="batch_size must be an int"):
        train.fit(X, labels, params, ["relu", "softmax"], loss="softmax_cross_entropy",
                  batch_size=8.0, rng=rng, verbose=False)
    for key in params:
        np.testing.assert_array_equal(params[key], before[key])


def test_mismatched_labels_are_refused(rng):
    X, Y = _separable(rng, m=20)
    params = initialize_parameters([2, 3, 1], rng)
    with pytest.raises(ValueError, match="same number of columns"):
        train.fit(X, Y[:, :15], params, ["relu", "sigmoid"], loss="binary_cross_entropy",
                  rng=rng, verbose=False)
    with pytest.raises(ValueError, match=r"Y must have shape \(n_y, 20\)"):
        metrics.accuracy(X, Y[:, :15], params, ["relu", "sigmoid"])


def _reference_fit(X, Y, params, activations, loss, epochs, batch_size, rng, lambd,
                   keep_prob, learning_rate):
    """fit written plainly with the public, checked functions of notebooks 04 to 07:
    random_mini_batches, dropout_forward/backward, linear_activation_forward/backward,
    model_backward's output step, l2_gradient and adam, in the order fit draws from rng."""
    from helpers import layers, minibatches, optimizers, regularization
    L, state = len(activations), None
    for _ in range(epochs):
        for Xb, Yb in minibatches.random_mini_batches(X, Y, batch_size, rng=rng):
            A, caches = Xb, []
            for l, activation in enumerate(activations, start=1):
                A, cache = layers.linear_activation_forward(A, params[f"W{l}"],
                                                            params[f"b{l}"], activation)
                drop = None
                if l < L and keep_prob < 1:
                    A, drop = layers.dropout_forward(A, keep_prob, rng)
                caches.append((cache, drop))
            out = layers.model_backward(A, Yb, [(caches[-1][0], None)], activations[-1:],
                                        loss)
            grads = {f"dW{L}": out["dW1"], f"db{L}": out["db1"]}
            dA = out["dA0"]
            for l in range(L - 1, 0, -1):
                cache, drop = caches[l - 1]
                if drop is not None:
                    dA = layers.dropout_backward(dA, drop)
                dA, grads[f"dW{l}"], grads[f"db{l}"] = layers.linear_activation_backward(
                    dA, cache, activations[l - 1])
            for l in range(1, L + 1):
                grads[f"dW{l}"] = grads[f"dW{l}"] + regularization.l2_gradient(
                    params[f"W{l}"], lambd, Xb.shape[1])
            state = optimizers.adam(params, grads, state, learning_rate=learning_rate)


@pytest.mark.parametrize("case", ["binary, dropout and L2", "softmax, integer labels",
                                  "softmax float32, X in row-major order"])
def test_fit_takes_the_same_steps_as_the_public_functions(case):
    """fit's unchecked training step must equal the checked functions it stands for."""
    data_rng = np.random.default_rng(3)
    X = data_rng.standard_normal((4, 50))
    lambd, keep_prob = (0.3, 0.7) if case.startswith("binary") else (0.0, 1.0)
    if case.startswith("binary"):
        Y = (X[0:1] - X[1:2] > 0).astype(np.float64)
        dims, activations, loss = [4, 6, 5, 1], ["relu", "tanh", "sigmoid"], \
            "binary_cross_entropy"
    else:
        Y = data_rng.integers(0, 3, size=(1, 50))
        dims, activations, loss = [4, 6, 3], ["relu", "softmax"], "softmax_cross_entropy"
    dtype = np.float32 if "float32" in case else np.float64
    X = X.astype(dtype)
    if "row-major" in case:
        X = np.ascontiguousarray(X)
    else:
        X = np.asfortranarray(X)
    start = {k: v.astype(dtype) for k, v in initialize_parameters(dims, data_rng).items()}
    ours = {k: v.copy() for k, v in start.items()}
    theirs = {k: v.copy() for k, v in start.items()}
    train.fit(X, Y, ours, activations, loss=loss, optimizer="adam", epochs=3, batch_size=16,
              rng=np.random.default_rng(9), lambd=lambd, keep_prob=keep_prob,
              learning_rate=0.01, verbose=False)
    _reference_fit(X, Y, theirs, activations, loss, 3, 16, np.random.default_rng(9), lambd,
                   keep_prob, 0.01)
    tol = 1e-5 if dtype == np.float32 else 1e-12
    for key in start:
        assert ours[key].dtype == dtype, f"{key} changed dtype"
        assert not np.allclose(ours[key], start[key]), f"{key} did not move"
        np.testing.assert_allclose(ours[key], theirs[key], rtol=tol, atol=tol, err_msg=key)
