"""Checks for notebook 08 (Keras on MNIST).

Each exercise has a visible check (`check_<name>`), called by its test cell, and hidden
checks (`hidden_<name>`) whose expected values are written into the hidden part of the
test cell. Above each check is the list of common mistakes it recognises; the tests in
tests/test_grading_nb08.py and tests/nb08_answers.py run them through the checks and
through nbgrader.

The checks judge a Keras model by what it does, not by how it was written: they give
its layers known weights, run it on known inputs, and compare with a numpy forward pass.
So a `Sequential` or a functional model, `Dense(..., activation="softmax")` or a separate
`Softmax` layer, `Flatten` or `Reshape`, all get full marks.

The answers use `keras`, which the notebook imports; every check runs the student's
function with `keras` bound to the real module (`using`), so what the answers see while
graded cannot be swapped for something else. The reference implementations are here too
(`reference_*`): the hidden expected values were computed with them, and the checks use
them to grade one exercise at a time.
"""
import contextlib
import io
import math
import os

import numpy as np

from ..plotting import confusion_matrix as ref_confusion_matrix
from .checks import (CheckFailed, Mistake, as_array, call, close, expect_close, hidden,
                     passed, using, visible_for)

NOTEBOOK = "08_keras_mnist"
visible = visible_for(NOTEBOOK)


def _keras():
    """Keras 3 on JAX, imported when a check first needs it (it takes a few seconds)."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    return keras


def _value(variable):
    """A Keras variable's value as numpy (other numbers are returned as they are)."""
    return np.asarray(getattr(variable, "value", variable))


# -- reference implementations -------------------------------------------------------------
def reference_build_model(input_shape, n_hidden=None, num_classes=10):
    keras = _keras()
    layers = [keras.Input(shape=tuple(input_shape)), keras.layers.Flatten()]
    if n_hidden is not None:
        layers.append(keras.layers.Dense(n_hidden, activation="relu"))
    layers.append(keras.layers.Dense(num_classes, activation="softmax"))
    return keras.Sequential(layers)


def reference_compile_model(model, learning_rate=0.001):
    keras = _keras()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def reference_train(model, x, y, epochs=5, batch_size=32):
    return model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0).history


# -- numpy forward passes, examples as rows (Keras's layout) --------------------------------
def _softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "linear": lambda z: z,
    "softmax": _softmax_rows,
}


def forward_rows(x, weights, hidden="relu", output="softmax"):
    """The network's output for the examples in the rows of `x` (any trailing shape,
    flattened), with weights [(kernel, bias), ...] in Keras's orientation: each kernel
    is (inputs, units), the transpose of the course's W."""
    a = np.asarray(x, np.float64).reshape(len(x), -1)
    for i, (kernel, bias) in enumerate(weights):
        activation = output if i == len(weights) - 1 else hidden
        a = ACTIVATIONS[activation](a @ kernel + bias)
    return a


# -- build_model ------------------------------------------------------------------------------
# Each mistake: what the model computes instead, from the same inputs and weights.
def _variant(hidden, output):
    return lambda x, weights: forward_rows(x, weights, hidden, output)


# (hidden activation, output activation, message): what the model computes instead.
BUILD_VARIANTS = [
    ("relu", "sigmoid",
     "the output layer uses a sigmoid, like the tutorial's model in section 3: separate "
     "sigmoids do not add up to 1. Use activation='softmax' on the output layer, so that "
     "each row is one probability distribution over the classes"),
    ("relu", "linear",
     "the output layer has no activation, so the model returns raw scores (logits), not "
     "probabilities: add activation='softmax' to the output layer"),
    ("linear", "softmax",
     "the hidden layer has no activation: two linear layers in a row are one linear layer, "
     "and the hidden units add nothing. Use activation='relu'"),
    ("sigmoid", "softmax",
     "the hidden layer uses a sigmoid; this exercise asks for ReLU (activation='relu')"),
    ("tanh", "softmax",
     "the hidden layer uses tanh; this exercise asks for ReLU (activation='relu')"),
    ("sigmoid", "sigmoid",
     "both layers use a sigmoid: the hidden layer should use ReLU and the output layer "
     "softmax"),
]
BUILD_MISTAKES = [Mistake(message, _variant(hidden, output))
                  for hidden, output, message in BUILD_VARIANTS]


def _describe_call(input_shape, n_hidden, num_classes):
    return (f"build_model({tuple(input_shape)}, n_hidden={n_hidden}, "
            f"num_classes={num_classes})")


def _expected_shapes(input_shape, n_hidden, num_classes):
    n_in = math.prod(input_shape)
    sizes = [n_in] + ([] if n_hidden is None else [n_hidden]) + [num_classes]
    shapes = []
    for fan_in, units in zip(sizes[:-1], sizes[1:]):
        shapes += [(fan_in, units), (units,)]
    return shapes


def _check_structure(model, shapes, input_shape, n_hidden, num_classes, what):
    """Raise an AssertionError that names the mistake when the model's weights do not
    have the shapes of the asked-for architecture."""
    got = [tuple(w.shape) for w in model.trainable_weights]
    if got == shapes:
        return
    kernels = [s for s in got if len(s) == 2]
    biases = [s for s in got if len(s) == 1]
    if len(biases) < len(kernels):
        raise CheckFailed(f"{what}: a Dense layer has no bias (use_bias=False?): every "
                          "layer needs its bias b, as in Z = W A + b")
    if n_hidden is None and len(kernels) > 1:
        raise CheckFailed(
            f"{what}: n_hidden=None asks for no hidden layer, the inputs going straight "
            f"to the output layer, but the model has {len(kernels)} Dense layers")
    if n_hidden is not None and len(kernels) == 1:
        raise CheckFailed(
            f"{what}: n_hidden={n_hidden} asks for a hidden Dense layer of "
            f"{n_hidden} units (ReLU) before the output layer; the model has none")
    if n_hidden is not None and len(kernels) == 2 and kernels[0][1] != n_hidden:
        raise CheckFailed(
            f"{what}: the hidden layer has {kernels[0][1]} units, n_hidden asks for "
            f"{n_hidden}: use the argument, not a fixed number")
    if kernels and kernels[0][0] != math.prod(input_shape):
        raise CheckFailed(
            f"{what}: the first Dense layer receives {kernels[0][0]} numbers per example, "
            f"but an input of shape {tuple(input_shape)} holds {math.prod(input_shape)}")
    want = [s for s in shapes if len(s) == 2]
    raise CheckFailed(
        f"{what}: expected Dense layers with kernels of shapes {want} (inputs, units), "
        f"got {kernels}")


def _probe(seed, input_shape, shapes, k=4):
    """Inputs (k, *input_shape) like scaled pixels, and weights [(kernel, bias), ...]
    large enough that every mistake above changes the output."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.0, size=(k, *input_shape)).astype(np.float32)
    weights = []
    for kernel_shape, bias_shape in zip(shapes[::2], shapes[1::2]):
        scale = 3.0 / np.sqrt(kernel_shape[0])
        kernel = rng.normal(0.0, scale, size=kernel_shape).astype(np.float32)
        bias = rng.normal(0.0, 0.5, size=bias_shape).astype(np.float32)
        weights.append((kernel, bias))
    return x, weights


def _run_build(build_model, input_shape, n_hidden, num_classes, seed):
    """Build the student's model, give it known weights and run it on known inputs.
    Returns (x, weights, output, parameter count); raises an AssertionError naming the
    mistake when the model cannot be run like that."""
    keras = _keras()
    what = _describe_call(input_shape, n_hidden, num_classes)
    with using(build_model, keras=keras):
        model = call(build_model, "build_model", tuple(input_shape),
                     n_hidden=n_hidden, num_classes=num_classes, convert=False)
    if not isinstance(model, keras.Model):
        hint = " (did you forget `return model`?)" if model is None else ""
        raise CheckFailed(f"{what} should return a Keras model, e.g. a "
                          f"keras.Sequential, got {type(model).__name__}{hint}")
    shapes = _expected_shapes(input_shape, n_hidden, num_classes)
    x, weights = _probe(seed, input_shape, shapes)
    try:
        out = np.asarray(model(x, training=False))
    except Exception as err:
        raise CheckFailed(f"{what}: calling the model on a batch of shape {x.shape} "
                          f"raised {type(err).__name__}: {err}. The model's input "
                          "should have shape input_shape (keras.Input(shape=input_shape))"
                          ) from err
    if out.ndim > 2:
        raise CheckFailed(
            f"{what}: for a batch of shape {x.shape} the model returns shape {out.shape}. "
            "A Dense layer acts on the last axis only, so each row of every image was "
            "classified separately: put keras.layers.Flatten() first, to turn each "
            "example into one row of numbers")
    if out.ndim != 2 or out.shape[0] != len(x):
        raise CheckFailed(f"{what}: for a batch of shape {x.shape} the model returns "
                          f"shape {out.shape}, expected ({len(x)}, {num_classes})")
    if out.shape[1] != num_classes:
        raise CheckFailed(
            f"{what}: the output layer has {out.shape[1]} units; it needs num_classes = "
            f"{num_classes}, one per class: use the argument, not a fixed number")
    _check_structure(model, shapes, input_shape, n_hidden, num_classes, what)
    for variable, value in zip(model.trainable_weights, [v for pair in weights for v in pair]):
        variable.assign(value)
    out = np.asarray(model(x, training=False), dtype=np.float64)
    return x, weights, out, model.count_params()


def _compare_build(build_model, input_shape, n_hidden, num_classes, seed, expected,
                   reveal, params=None):
    what = _describe_call(input_shape, n_hidden, num_classes)
    x, weights, out, count = _run_build(build_model, input_shape, n_hidden,
                                        num_classes, seed)
    if params is not None and count != params:
        raise CheckFailed(f"{what}: the model has {count} parameters; the asked-for "
                          "architecture has a different number (extra layers?)")
    mistakes = BUILD_MISTAKES if n_hidden is not None else [
        m for m in BUILD_MISTAKES if "hidden layer" not in m.message]
    expect_close(out, expected, f"{what}, its output", mistakes, (x, weights), rtol=1e-4,
                 atol=1e-6, reveal=reveal)


@visible
def check_build_model(build_model):
    """Visible check of exercise 1: both variants, and images that need flattening."""
    cases = [((3, 2), 5, 4, 2), ((6,), None, 3, 1)]
    for input_shape, n_hidden, num_classes, seed in cases:
        shapes = _expected_shapes(input_shape, n_hidden, num_classes)
        x, weights = _probe(seed, input_shape, shapes)
        _compare_build(build_model, input_shape, n_hidden, num_classes, seed,
                       forward_rows(x, weights), reveal=True)
    passed("build_model", len(cases))


@hidden
def hidden_build_model(build_model, input_shape, n_hidden, num_classes, seed, params,
                       expected):
    """Hidden check: `params` (the parameter count) and `expected` (the output for the
    probe made from `seed`) are literals written into the test cell."""
    _compare_build(build_model, input_shape, n_hidden, num_classes, seed,
                   np.asarray(expected, float), reveal=False, params=params)


# -- compile_model ----------------------------------------------------------------------------
# A fixed little problem: 6 examples of 4 features, 3 classes.
COMPILE_X = np.array([[0.2, 0.9, 0.1, 0.4], [0.8, 0.1, 0.5, 0.3], [0.5, 0.5, 0.9, 0.0],
                      [0.1, 0.3, 0.7, 0.9], [0.9, 0.6, 0.2, 0.1], [0.3, 0.8, 0.4, 0.6]],
                     dtype=np.float32)
COMPILE_Y = np.array([1, 0, 2, 2, 1, 0])
COMPILE_SEED = 15


def _compile_probe_model():
    """A compiled-ready 4 -> 3 softmax model with known weights, and its outputs."""
    model = reference_build_model((4,), None, 3)
    _, weights = _probe(COMPILE_SEED, (4,), _expected_shapes((4,), None, 3))
    for variable, value in zip(model.trainable_weights, weights[0]):
        variable.assign(value)
    return model, forward_rows(COMPILE_X, weights)


def _cross_entropy(p, y):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(np.log(p[np.arange(len(y)), y])))


def _loss_name(loss):
    """A lower-case name for whatever was passed as the loss."""
    if isinstance(loss, str):
        return loss.lower()
    fn = getattr(loss, "fn", None)  # keras.losses.LossFunctionWrapper
    names = [getattr(loss, "name", None), getattr(fn, "__name__", None),
             getattr(loss, "__name__", None), type(loss).__name__]
    return " ".join(str(n) for n in names if n).lower()


LOSS_MESSAGES = [
    (("mse", "mean_squared", "meansquared", "mae", "mean_absolute"),
     "the loss measures a squared (or absolute) distance, a loss for predicting numbers; "
     "for choosing one of several classes use loss='sparse_categorical_crossentropy'"),
    (("binary",), "binary cross-entropy is for a single yes/no output; with several classes "
                  "use loss='sparse_categorical_crossentropy'"),
    (("categorical_crossentropy", "categoricalcrossentropy"),
     "categorical_crossentropy expects one-hot labels (one 0/1 number per class for each "
     "example), but the labels here are integers such as 0..9: use "
     "loss='sparse_categorical_crossentropy'"),
]


def _loss_message(loss):
    name = _loss_name(loss)
    if "sparse" not in name:
        for keys, message in LOSS_MESSAGES:
            if any(key in name for key in keys):
                return message
    return None


def _check_optimizer(model, learning_rate, what):
    keras = _keras()
    optimizer = getattr(model, "optimizer", None)
    if type(optimizer) is not keras.optimizers.Adam:
        got = type(optimizer).__name__ if optimizer is not None else "no optimizer"
        raise CheckFailed(f"{what}: the optimizer should be Adam "
                          f"(keras.optimizers.Adam), got {got}")
    rate = float(np.asarray(_value(optimizer.learning_rate)))
    if not np.isclose(rate, learning_rate, rtol=1e-5, atol=0):
        if np.isclose(rate, 0.001, rtol=1e-5) and not np.isclose(learning_rate, 0.001):
            raise CheckFailed(
                f"{what}: Adam runs with its default learning rate 0.001 instead of the "
                f"learning_rate argument ({learning_rate:g}): pass it on, "
                "keras.optimizers.Adam(learning_rate=learning_rate) (the string 'adam' "
                "always means the default)")
        raise CheckFailed(f"{what}: Adam's learning rate is {rate:g}, but "
                          f"learning_rate={learning_rate:g} was asked for")
    settings = {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7}
    for name, default in settings.items():
        value = float(np.asarray(_value(getattr(optimizer, name))))
        if not np.isclose(value, default, rtol=1e-5, atol=0):
            raise CheckFailed(f"{what}: Adam's {name} is {value:g}; keep its default "
                              f"{default:g}")
    if getattr(optimizer, "amsgrad", False):
        raise CheckFailed(f"{what}: keep Adam's default amsgrad=False")


def _evaluate(model, what):
    """model.evaluate on the probe as a dict, or an AssertionError naming the mistake."""
    try:
        return model.evaluate(COMPILE_X, COMPILE_Y, batch_size=len(COMPILE_X), verbose=0,
                              return_dict=True)
    except Exception as err:
        message = _loss_message(model.loss)
        if message is None:
            metrics = (model.get_compile_config() or {}).get("metrics")
            message = (f"model.evaluate raised {type(err).__name__}: {err}. Check the "
                       f"loss and the metrics ({metrics!r}): the labels are integers 0..9 "
                       "and the model outputs one probability per class")
        raise CheckFailed(f"{what}: {message}") from err


def _compare_compile(compile_model, learning_rate, expected_loss, expected_accuracy, reveal):
    keras = _keras()
    what = f"compile_model(model, learning_rate={learning_rate:g})"
    model, probabilities = _compile_probe_model()
    with using(compile_model, keras=keras):
        call(compile_model, "compile_model", model, learning_rate=learning_rate,
             convert=False)
    if not getattr(model, "compiled", False):
        raise CheckFailed(f"{what}: the model is not compiled: compile_model must call "
                          "model.compile(...) on the model it is given")
    _check_optimizer(model, learning_rate, what)
    message = _loss_message(model.loss)
    if message is not None:
        raise CheckFailed(f"{what}: {message}")
    if model.loss is None:
        raise CheckFailed(f"{what}: compile needs a loss: "
                          "loss='sparse_categorical_crossentropy'")
    result = _evaluate(model, what)
    from_logits = _cross_entropy(_softmax_rows(probabilities), COMPILE_Y)
    expect_close(result["loss"], expected_loss, f"{what}, the loss it computes", [
        Mistake("from_logits=True tells Keras that the model outputs raw scores and makes "
                "it apply a softmax of its own, but the model already ends in a softmax: "
                "leave from_logits at its default, False", lambda: from_logits)],
        rtol=1e-4, atol=1e-6, reveal=reveal)
    scores = {k: v for k, v in result.items() if k != "loss"}
    if not scores:
        raise CheckFailed(f"{what}: no metric: pass metrics=['accuracy'] so that fit and "
                          "evaluate report the accuracy as well as the loss")
    if not any(close(v, expected_accuracy, rtol=1e-5, atol=1e-6) for v in scores.values()):
        raise CheckFailed(
            f"{what}: no metric reports the accuracy (got {sorted(scores)}); "
            "metrics=['accuracy'] lets Keras pick the right accuracy for integer labels "
            "(categorical_accuracy expects one-hot labels)")


@visible
def check_compile_model(compile_model):
    """Visible check of exercise 2, with a learning rate other than Adam's default."""
    model, probabilities = _compile_probe_model()
    del model
    accuracy = float(np.mean(probabilities.argmax(axis=1) == COMPILE_Y))
    _compare_compile(compile_model, 0.01, _cross_entropy(probabilities, COMPILE_Y), accuracy,
                     reveal=True)
    passed("compile_model", 4)


@hidden
def hidden_compile_model(compile_model, learning_rate, loss, accuracy):
    """Hidden check; `loss` and `accuracy` on the probe are literals in the test cell."""
    _compare_compile(compile_model, learning_rate, loss, accuracy, reveal=False)


# -- train ----------------------------------------------------------------------------------
def _toy_problem(n, seed):
    """n examples of 6 features in 3 classes that a softmax layer can learn."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0.0, 2.0, size=(3, 6))
    y = rng.integers(0, 3, size=n)
    x = (centres[y] + rng.normal(size=(n, 6))).astype(np.float32)
    return x, y


def _history_dict(history, what):
    keras = _keras()
    if isinstance(history, keras.callbacks.History):
        history = history.history
    if not isinstance(history, dict):
        hint = " (did you forget `return`?)" if history is None else ""
        raise CheckFailed(f"{what}: train should return the training history, "
                          "model.fit's return value (or its .history dict), got "
                          f"{type(history).__name__}{hint}")
    if not isinstance(history.get("loss"), list):
        raise CheckFailed(f"{what}: the history has no list of losses under 'loss'; "
                          "return what model.fit returns")
    return history


def _train_diagnosis(n, epochs, batch_size, got_epochs, updates):
    """What went wrong, from the epochs in the history and the number of updates."""
    steps = math.ceil(n / batch_size)
    if got_epochs == batch_size and updates == batch_size * math.ceil(n / epochs):
        return ("epochs and batch_size are swapped: model.fit's third and fourth "
                "positional arguments are batch_size, then epochs. Pass them by name: "
                "fit(x, y, epochs=epochs, batch_size=batch_size)")
    if got_epochs == 1 and updates == steps:
        return (f"the model trained for 1 epoch instead of {epochs}: pass epochs=epochs "
                "to model.fit (its default is 1)")
    if got_epochs == 1 and updates == epochs * steps:
        return ("the history covers only the last epoch: call model.fit once, with "
                "epochs=epochs, and return its history")
    if got_epochs == epochs and updates == epochs * math.ceil(n / 32) and batch_size != 32:
        return (f"each epoch took {math.ceil(n / 32)} steps, batches of 32 (Keras's "
                f"default), instead of batches of {batch_size}: pass "
                "batch_size=batch_size to model.fit")
    if got_epochs == epochs and updates == epochs:
        return ("one update per epoch: the whole training set went in as one batch. "
                "Pass batch_size=batch_size to model.fit")
    return (f"expected {epochs} epochs of {steps} mini-batches of {batch_size} examples "
            f"({epochs * steps} updates); the history has {got_epochs} epochs and the "
            f"optimizer made {updates} updates")


def _run_train(train, x, y, epochs, batch_size, what, learning_rate=0.01, n_hidden=None):
    """Train a reference model with the student's `train`; returns (model, history)."""
    keras = _keras()
    keras.utils.set_random_seed(0)
    model = reference_build_model(x.shape[1:], n_hidden, int(y.max()) + 1)
    reference_compile_model(model, learning_rate)
    before = [np.array(_value(w)) for w in model.weights]
    # fit's progress lines (verbose=2) would only clutter the check's output
    with using(train, keras=keras), contextlib.redirect_stdout(io.StringIO()):
        history = call(train, "train", model, x, y, epochs=epochs, batch_size=batch_size,
                       convert=False)
    updates = int(np.asarray(_value(model.optimizer.iterations)))
    after = [_value(w) for w in model.weights]
    if updates == 0 and all(np.array_equal(a, b) for a, b in zip(before, after)):
        raise CheckFailed(f"{what}: the model given to train did not change: train "
                          "must call fit on that model (model.fit(x, y, ...))")
    return model, _history_dict(history, what), updates


def _compare_train(train, n, epochs, batch_size, seed, updates, reveal):
    what = f"train(model, x, y, epochs={epochs}, batch_size={batch_size}) on {n} examples"
    x, y = _toy_problem(n, seed)
    _, history, got = _run_train(train, x, y, epochs, batch_size, what)
    got_epochs = len(history["loss"])
    if got_epochs != epochs or got != updates:
        raise CheckFailed(f"{what}: " + _train_diagnosis(n, epochs, batch_size,
                                                            got_epochs, got))
    losses = np.asarray(history["loss"], float)
    if reveal and not losses[-1] < losses[0]:
        raise CheckFailed(f"{what}: the loss did not go down ({losses}): is the model "
                          "trained on x and y as given?")


@visible
def check_train(train):
    """Visible check of exercise 3: 40 examples, 3 epochs of mini-batches of 8."""
    _compare_train(train, 40, 3, 8, seed=1, updates=15, reveal=True)
    passed("train", 3)


@hidden
def hidden_train(train, n, epochs, batch_size, seed, updates):
    """Hidden check; `updates` (the optimizer steps expected) is a literal."""
    _compare_train(train, n, epochs, batch_size, seed, updates, reveal=False)


@hidden
def hidden_train_accuracy(train, x, y, x_test, y_test, epochs, batch_size, floor):
    """Hidden check: the student's `train` on a slice of MNIST, with the reference model
    (100 ReLU units) and compile, must reach `floor` test accuracy (a literal, set below
    what the reference reaches)."""
    what = (f"train on {len(x)} MNIST images, {epochs} epochs of mini-batches of "
            f"{batch_size}")
    model, _, _ = _run_train(train, np.asarray(x), np.asarray(y), epochs, batch_size, what,
                             learning_rate=0.001, n_hidden=100)
    predicted = np.asarray(model(np.asarray(x_test), training=False)).argmax(axis=1)
    accuracy = float(np.mean(predicted == np.asarray(y_test)))
    if accuracy < floor:
        raise CheckFailed(f"{what}: the trained model gets {accuracy:.1%} of the test "
                          "images right, too few for a correctly trained model")


# -- confusion_matrix -----------------------------------------------------------------------
def _counted_once(y_true, y_pred, num_classes):
    """What cm[y_true, y_pred] += 1 gives: 1 for every pair that occurs at all."""
    return (ref_confusion_matrix(y_true, y_pred, num_classes) > 0).astype(float)


def _row_fractions(y_true, y_pred, num_classes):
    cm = ref_confusion_matrix(y_true, y_pred, num_classes).astype(float)
    totals = cm.sum(axis=1, keepdims=True)
    return np.divide(cm, totals, out=np.zeros_like(cm), where=totals > 0)


CONFUSION_MISTAKES = [
    Mistake("the matrix is transposed: row i is the TRUE class i and column j the "
            "PREDICTED class j, so entry [i, j] counts the images of i taken for a j",
            lambda t, p, c: ref_confusion_matrix(t, p, c).T),
    Mistake("each (true, predicted) pair was counted once however often it occurs: "
            "cm[y_true, y_pred] += 1 does not add up repeated index pairs (numpy writes "
            "each position once). Use np.add.at(cm, (y_true, y_pred), 1), or a loop",
            _counted_once),
    Mistake("the entries are fractions of each row; the confusion matrix holds counts "
            "(whole numbers of images)", _row_fractions),
    Mistake("the entries are fractions of all examples; the confusion matrix holds counts",
            lambda t, p, c: ref_confusion_matrix(t, p, c) / len(np.ravel(t))),
    Mistake("the matrix counts predicted == true pairs only; every (true, predicted) "
            "pair has its own entry, the mistakes off the diagonal",
            lambda t, p, c: np.diag(np.diag(ref_confusion_matrix(t, p, c))).astype(float)),
]


def _compare_confusion(confusion_matrix, y_true, y_pred, num_classes, expected, what, reveal):
    out = call(confusion_matrix, "confusion_matrix", y_true.copy(), y_pred.copy(), num_classes)
    shape = np.shape(out)
    if len(shape) == 2 and shape[0] == shape[1] and shape[0] < num_classes:
        raise CheckFailed(
            f"{what}: the matrix is {shape[0]} x {shape[1]}, but num_classes = "
            f"{num_classes}: a class that never occurs still gets its row and column. Make "
            "the matrix num_classes x num_classes, not as large as the biggest label")
    out = as_array(out, what, (num_classes, num_classes))
    expect_close(out, expected, what, CONFUSION_MISTAKES, (y_true, y_pred, num_classes),
                 rtol=0, atol=1e-9, reveal=reveal)


CONFUSION_TRUE = np.array([0, 1, 2, 2, 3, 1, 0, 2, 3, 3, 1, 2, 0, 2])
CONFUSION_PRED = np.array([0, 2, 2, 2, 3, 1, 1, 0, 3, 2, 2, 2, 0, 2])


@visible
def check_confusion_matrix(confusion_matrix):
    """Visible check of exercise 4: 14 labels in 5 classes (class 4 never occurs)."""
    _compare_confusion(confusion_matrix, CONFUSION_TRUE, CONFUSION_PRED, 5,
                       ref_confusion_matrix(CONFUSION_TRUE, CONFUSION_PRED, 5),
                       "confusion_matrix(y_true, y_pred, 5) for 14 labels", reveal=True)
    passed("confusion_matrix", 2)


@hidden
def hidden_confusion_matrix(confusion_matrix, y_true, y_pred, num_classes, expected,
                            dtype="int64"):
    _compare_confusion(confusion_matrix, np.asarray(y_true, dtype), np.asarray(y_pred, dtype),
                       num_classes, np.asarray(expected, float),
                       f"confusion_matrix on a hidden case ({dtype} labels)", reveal=False)
