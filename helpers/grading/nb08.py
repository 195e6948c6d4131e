"""Checks for notebook 08 (Keras on MNIST).

Every exercise is declared once (`helpers/grading/exercise.py`, in `EXERCISES`), as
notebooks 01 to 03 declare theirs; the visible checks (`check_<name>`) and the hidden ones
(`hidden("name", fn, args=(...), expected=...)`, with literals that `python -m
helpers.grading.literals 08_keras_mnist` computes) are made from the declarations. Above
each declaration are the mistakes it recognises; tests/test_exercises.py,
tests/test_grading_nb08.py and tests/nb08_answers.py run them through the checks, and
tests/test_pipeline.py through nbgrader. The Keras exercises are judged by what their
result does, so each declares how it is observed (`measure`) and what a right answer is
observed doing (its `reference`, computed without the student's code). One hidden check
is not a declared exercise: `hidden_train_accuracy`, a floor on the test accuracy the
student's `train` reaches on a slice of MNIST.

The checks judge Keras objects by what they do, never by what they say about themselves.
A student's model may be any keras.Model: a Sequential, a functional model, a subclass
that overrides any method or property, an instance whose methods were replaced. So the
check of `build_model` gives the variables the model presents values of its own choosing
and watches the model compute with them, the three ways Keras runs a model (called in
inference mode, as evaluate does; in training mode, as fit does; and by predict), against
its own numpy forward pass, and asks get_weights and count_params what they report. In
the visible check, the model with a hidden layer must also not start with all its hidden
units alike, and is then evaluated and trained with fit, from its own initial weights,
against the course's numpy training loop run from the same weights. A model that lies
about its weights computes with other numbers and fails; one that computes the right thing every way
Keras runs it is right, however it is written.

`compile_model` and `train` get a model that the check built (a reference Sequential,
whose methods are Keras's own) and are judged by what that model then does: the loss and
metrics that evaluate reports and the steps its optimizer takes, against the course's
Adam; the weights after training, against the same training of a reference model, its
shuffling seeded alike. What a student's code can write (the optimizer's step counter,
its settings, the loss's name) serves to name a mistake, and can never make a wrong
answer pass.

The answers use `keras`, which the notebook imports; every check runs the student's
code with `keras` bound to the real module (`using`), so what the answers see while
graded cannot be swapped for something else. The Keras reference implementations are
here too (`reference_*`): the checks of `compile_model` and `train` build their model with
them, and `train`'s expected weights come from a reference run of them.
"""
import contextlib
import io
import math
import os
import warnings
from typing import NamedTuple

import numpy as np

from ..activations import sigmoid, softmax
from ..layers import model_forward, params_from_keras
from ..metrics import confusion_matrix as ref_confusion_matrix
from ..optimizers import adam
from ..train import fit as numpy_fit
from .checks import (CheckFailed, Mistake, quiet, as_array, call, close, expect_close,
                     hidden, plain, using, visible_for)
from .exercise import Case, Exercise, hidden_checks, visible_check

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


def _flat(weights):
    """[(kernel, bias), ...] as [kernel, bias, ...], the order of a model's variables."""
    return [array for pair in weights for array in pair]


def _assign(variables, values):
    for variable, value in zip(variables, values):
        variable.assign(value)


def _same_weights(got, expected):
    """Whether two lists of weights agree, to what float32 training leaves of float64."""
    return len(got) == len(expected) and all(
        close(a, b, rtol=1e-4, atol=1e-5) for a, b in zip(got, expected))


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


# -- numpy forward pass and training, examples as rows (Keras's layout) ---------------------
def _softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "linear": lambda z: z,
    "softmax": _softmax_rows,
    "softmax_twice": lambda z: _softmax_rows(_softmax_rows(z)),
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.2 * z),  # Keras's default slope
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


def _cross_entropy(p, y):
    """Keras's sparse categorical cross-entropy of probabilities p for labels y."""
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(np.log(p[np.arange(len(y)), y])))


def train_rows(x, y, weights, learning_rate, epochs):
    """`weights` [(kernel, bias), ...] of a ReLU network with a softmax output after
    `epochs` full-batch steps of Adam (Keras's defaults) on the cross-entropy, for the
    examples in the rows of `x` and integer labels `y`: the course's own training loop
    (helpers.train.fit) in float64, in its layout of columns."""
    params = {}
    for l, (kernel, bias) in enumerate(weights, start=1):
        params[f"W{l}"] = np.array(kernel, np.float64).T
        params[f"b{l}"] = np.array(bias, np.float64).reshape(-1, 1)
    activations = ["relu"] * (len(weights) - 1) + ["softmax"]
    columns = np.asarray(x, np.float64).reshape(len(x), -1).T
    numpy_fit(columns, np.asarray(y).reshape(1, -1), params, activations,
              loss="softmax_cross_entropy", epochs=epochs, batch_size=len(x),
              rng=np.random.default_rng(0), learning_rate=learning_rate, verbose=False)
    return [(params[f"W{l}"].T, params[f"b{l}"].ravel()) for l in range(1, len(weights) + 1)]


# -- build_model ------------------------------------------------------------------------------
def _variant(hidden, output):
    """What a model with these activations outputs on a build_model case's probe."""
    def wrong(input_shape, n_hidden=None, num_classes=10, seed=0, learn=False):
        return forward_rows(*_build_probe(input_shape, n_hidden, num_classes, seed),
                            hidden, output)
    return wrong


# (hidden activation, output activation, message): what the model computes instead.
BUILD_VARIANTS = [
    ("relu", "sigmoid",
     "the output layer uses a sigmoid, like the tutorial's model in section 3: separate "
     "sigmoids do not add up to 1. Use activation='softmax' on the output layer, so that "
     "each row is one probability distribution over the classes"),
    ("relu", "linear",
     "the output layer has no activation, so the model returns raw scores (logits), not "
     "probabilities: add activation='softmax' to the output layer"),
    ("relu", "relu",
     "the output layer uses ReLU: its outputs are scores cut off at 0, not probabilities. "
     "Use activation='softmax' on the output layer (ReLU is for the hidden layer)"),
    ("relu", "softmax_twice",
     "the softmax is applied twice (activation='softmax' on the output layer and a "
     "Softmax layer after it?): a second softmax squeezes every probability towards "
     "1 / num_classes. Keep one"),
    ("linear", "softmax",
     "the hidden layer has no activation: two linear layers in a row are one linear layer, "
     "and the hidden units add nothing. Use activation='relu'"),
    ("sigmoid", "softmax",
     "the hidden layer uses a sigmoid; this exercise asks for ReLU (activation='relu')"),
    ("tanh", "softmax",
     "the hidden layer uses tanh; this exercise asks for ReLU (activation='relu')"),
    ("elu", "softmax",
     "the hidden layer uses ELU; this exercise asks for ReLU (activation='relu')"),
    ("leaky_relu", "softmax",
     "the hidden layer uses leaky ReLU; this exercise asks for ReLU (activation='relu')"),
    ("softmax", "softmax",
     "the hidden layer uses a softmax too: softmax belongs on the output layer only, the "
     "hidden layer uses ReLU (activation='relu')"),
    ("sigmoid", "sigmoid",
     "both layers use a sigmoid: the hidden layer should use ReLU and the output layer "
     "softmax"),
]

TRAINING_MODE = (
    "called in training mode, as fit calls it (model(x, training=True)), the model "
    "computes something else than in inference mode (model(x, training=False)): a layer "
    "that acts only while training (Dropout, BatchNormalization, GaussianNoise) or a "
    "call() that looks at `training`. The exercise asks for Flatten and Dense layers, "
    "which compute the same in both modes")
PREDICT = ("model.predict(x) gives other outputs than calling the model, model(x): "
           "predict must run the model itself, so leave Keras's predict as it is")
NOT_PROBABILITIES = (
    "the outputs of an example do not add up to 1, so they are not probabilities: the "
    "last layer should be Dense(num_classes, activation='softmax')")
WRONG_DISTRIBUTION = (
    "each row is a probability distribution, but not the one these weights give: the "
    "layers should be Flatten, then (only if n_hidden is not None) Dense(n_hidden, "
    "activation='relu'), then Dense(num_classes, activation='softmax'), and nothing else")

# Three steps of Adam with this rate move the weights far more than float32 rounding does.
LEARN_EPOCHS, LEARN_RATE = 3, 0.01


def _expected_shapes(input_shape, n_hidden, num_classes):
    n_in = math.prod(input_shape)
    sizes = [n_in] + ([] if n_hidden is None else [n_hidden]) + [num_classes]
    shapes = []
    for fan_in, units in zip(sizes[:-1], sizes[1:]):
        shapes += [(fan_in, units), (units,)]
    return shapes


def _check_structure(model, got, shapes, input_shape, n_hidden, what):
    """Raise an AssertionError that names the mistake: the model's trainable weights,
    of shapes `got`, are not those of the asked-for architecture (`shapes`)."""
    if sorted(tuple(w.shape) for w in model.weights) == sorted(shapes):
        raise CheckFailed(f"{what}: a layer's weights are not trainable (trainable=False?), "
                          "so fit would never change them: leave every layer trainable")
    kernels = [s for s in got if len(s) == 2]
    biases = [s for s in got if len(s) == 1]
    n_in = math.prod(input_shape)
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
    if n_hidden is not None and len(kernels) > 2:
        raise CheckFailed(
            f"{what}: n_hidden={n_hidden} asks for one hidden layer, but the model has "
            f"{len(kernels) - 1}: one Dense layer of n_hidden units, then the output layer")
    if n_hidden is not None and len(kernels) == 2 and kernels[0][1] != n_hidden:
        raise CheckFailed(
            f"{what}: the hidden layer has {kernels[0][1]} units, n_hidden asks for "
            f"{n_hidden}: use the argument, not a fixed number")
    if kernels and len(input_shape) > 1 and kernels[0][0] == input_shape[-1]:
        raise CheckFailed(
            f"{what}: the first Dense layer gets the {input_shape[-1]} numbers of one row "
            f"of each example, not all {n_in} of it: a Dense layer acts on the last axis "
            "only. Put keras.layers.Flatten() before the first Dense layer")
    if kernels and kernels[0][0] != n_in:
        raise CheckFailed(
            f"{what}: the first Dense layer receives {kernels[0][0]} numbers per example, "
            f"but an input of shape {tuple(input_shape)} holds {n_in}")
    want = [s for s in shapes if len(s) == 2]
    raise CheckFailed(
        f"{what}: expected Dense layers with kernels of shapes {want} (inputs, units), "
        f"got {kernels}")


def _variables(model, shapes, input_shape, n_hidden, what):
    """The model's trainable variables in the order of `shapes` (kernel, bias, kernel,
    ...). In every case the check runs, each shape occurs once, so a variable's role
    follows from its shape, in whatever order a model created them. The list comes from
    the model, which may lie; the check only gives values to what it is handed and then
    watches what the model computes."""
    keras = _keras()
    found = list(model.trainable_weights)
    if not all(isinstance(v, keras.Variable) for v in found):
        raise CheckFailed(f"{what}: model.trainable_weights should list the model's Keras "
                          "variables; leave Keras's own trainable_weights as it is")
    got = [tuple(v.shape) for v in found]
    if sorted(got) != sorted(shapes):
        _check_structure(model, got, shapes, input_shape, n_hidden, what)
    return [next(v for v in found if tuple(v.shape) == shape) for shape in shapes]


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


def _as_output(value, how, what):
    """What a model returned, as a float array, or an AssertionError saying what it is."""
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise CheckFailed(f"{what}: {how} returned a {type(value).__name__}, not an array "
                          "of probabilities") from None


def _check_output_shape(model, x, n_hidden, num_classes, what):
    """Call the model once on `x` (which builds a subclassed model) and check the shape
    of what it returns."""
    try:
        out = call(model, "model", x, training=False, convert=False)
    except CheckFailed as err:
        raise CheckFailed(f"{what}: calling it on a batch of shape {x.shape}: {err}. The "
                          "model's input should have shape input_shape "
                          "(keras.Input(shape=input_shape))") from err
    out = _as_output(out, "model(x)", what)
    if out.ndim > 2:
        raise CheckFailed(
            f"{what}: for a batch of shape {x.shape} the model returns shape {out.shape}. "
            "A Dense layer acts on the last axis only, so each row of every image was "
            "classified separately: put keras.layers.Flatten() first, to turn each "
            "example into one row of numbers")
    if out.ndim != 2 or out.shape[0] != len(x):
        raise CheckFailed(f"{what}: for a batch of shape {x.shape} the model returns "
                          f"shape {out.shape}, expected ({len(x)}, {num_classes})")
    if out.shape[1] == n_hidden:
        raise CheckFailed(
            f"{what}: the model returns {n_hidden} numbers per example, as many as the "
            f"hidden layer has units, not num_classes = {num_classes}: the output layer "
            "must come last, after the hidden layer")
    if out.shape[1] != num_classes:
        raise CheckFailed(
            f"{what}: the output layer has {out.shape[1]} units; it needs num_classes = "
            f"{num_classes}, one per class: use the argument, not a fixed number")


def _output_look(out):
    """What an output that matches no listed mistake tells by its look."""
    if not np.isfinite(out).all():
        return "the output contains nan or inf"
    if not np.allclose(out.sum(axis=1), 1.0, rtol=0, atol=1e-4) or (out < 0).any():
        return NOT_PROBABILITIES
    return WRONG_DISTRIBUTION


def _check_outputs(model, x, inference, what):
    """A model whose output in inference mode is right computes the same in training mode
    (as fit runs it) and through predict."""
    tolerance = dict(rtol=1e-4, atol=1e-6)
    training = _as_output(call(model, "model", x, training=True, convert=False),
                          "model(x, training=True)", what)
    if not close(training, inference, **tolerance):
        raise CheckFailed(f"{what}: {TRAINING_MODE}")
    predicted = _as_output(call(model.predict, "model.predict", x, verbose=0,
                                convert=False), "model.predict(x)", what)
    if not close(predicted, inference, **tolerance):
        raise CheckFailed(f"{what}: {PREDICT}")


def _check_reports(model, weights, what):
    """What the model says about the weights it was given (the notebook shows and copies
    them): get_weights and count_params."""
    def by_shape(arrays):
        return sorted((np.asarray(a, np.float64) for a in arrays), key=np.shape)

    reported = call(model.get_weights, "model.get_weights")
    if type(reported) is not list or len(reported) != len(_flat(weights)) or not all(
            close(a, b) for a, b in zip(by_shape(reported), by_shape(_flat(weights)))):
        raise CheckFailed(f"{what}: model.get_weights() does not return the weights the "
                          "model computes with: leave Keras's get_weights as it is")
    count = sum(np.size(a) for a in _flat(weights))
    if call(model.count_params, "model.count_params") != count:
        raise CheckFailed(f"{what}: model.count_params() does not report the model's "
                          f"{count} parameters: leave Keras's count_params as it is")


def _symmetry_message(kernel, n_hidden):
    if kernel.any():
        return (f"its {n_hidden} hidden units all start with the same weights (a constant "
                "kernel_initializer, such as 'ones'?), so they all compute the same thing: "
                "only the random weights after them can pull them apart, and a network "
                "whose units start alike learns slowly if at all (notebook 05: symmetry). "
                "Keep Dense's default initializer, glorot_uniform, or another random one")
    return (f"its {n_hidden} hidden units all start with zero weights "
            "(kernel_initializer='zeros'?): they compute the same thing, 0, and ReLU passes "
            "no gradient back through 0, so training never changes them (notebook 05: "
            "symmetry). Keep Dense's default initializer, glorot_uniform, or another "
            "random one")


def _check_symmetry(initial, n_hidden, what):
    """The hidden units of a model with a hidden layer must not all start alike."""
    units = np.vstack([initial[0], initial[1][None, :]]).astype(np.float64)
    if np.array_equal(units, np.broadcast_to(units[:, :1], units.shape)):
        raise CheckFailed(f"{what}: {_symmetry_message(units[:-1], n_hidden)}")


def _check_training(model, variables, input_shape, n_hidden, num_classes, seed, what):
    """Train a model with a hidden layer with fit from its own initial weights, as the
    notebook will, and compare with the course's numpy training loop run from the same
    weights."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.0, size=(6, *input_shape)).astype(np.float32)
    y = rng.integers(0, num_classes, size=len(x))
    initial = [_value(v).astype(np.float64) for v in variables]
    pairs = list(zip(initial[::2], initial[1::2]))
    call(lambda: reference_compile_model(model, LEARN_RATE), "model.compile",
         convert=False)
    scores = call(model.evaluate, "model.evaluate", x, y, batch_size=len(x), verbose=0,
                  return_dict=True)
    loss = scores.get("loss") if type(scores) is dict else None
    if not isinstance(loss, (float, np.floating)) or not close(
            loss, _cross_entropy(forward_rows(x, pairs), y), rtol=1e-4, atol=1e-6):
        raise CheckFailed(f"{what}: model.evaluate reports another loss than the "
                          "cross-entropy of the model's own outputs: a penalty added to "
                          "the loss (kernel_regularizer?), or an evaluate or test_step of "
                          "the model's own? Use plain Dense layers and Keras's evaluate")
    call(model.fit, "model.fit", x, y, epochs=LEARN_EPOCHS, batch_size=len(x),
         shuffle=False, verbose=0, convert=False)
    trained = [_value(v).astype(np.float64) for v in variables]
    expected = _flat(train_rows(x, y, pairs, LEARN_RATE, LEARN_EPOCHS))
    if not _same_weights(trained, expected):
        raise CheckFailed(
            f"{what}: trained with fit ({LEARN_EPOCHS} steps of Adam on the "
            "cross-entropy) from its own initial weights, the model's weights do not end "
            "up where the same training takes Dense layers with those weights: a "
            "constraint on the weights (kernel_constraint?), or a fit or train_step of the "
            "model's own? Use plain Dense layers and Keras's training")


def _build_probe(input_shape, n_hidden, num_classes, seed):
    """The probe of a build_model case: inputs and weights [(kernel, bias), ...]."""
    return _probe(seed, input_shape, _expected_shapes(input_shape, n_hidden, num_classes))


def _measure_build(build_model, what, reveal, args, kwargs):
    """The `measure` of build_model: the model it builds for the case, checked for what
    its variables, its modes and its reports say, then given the probe's weights; its
    output on the probe is what the check compares. `learn` (the visible case with a
    hidden layer) trains a model whose output is right, as the notebook will."""
    input_shape, n_hidden, num_classes, seed = args
    keras = _keras()
    shapes = _expected_shapes(input_shape, n_hidden, num_classes)
    x, weights = _build_probe(input_shape, n_hidden, num_classes, seed)
    # The model's own methods run inside the block: they may use `keras` as well.
    with using(build_model, keras=keras):
        model = call(build_model, "build_model", tuple(input_shape),
                     n_hidden=n_hidden, num_classes=num_classes, convert=False)
        if not issubclass(type(model), keras.Model):
            hint = " (did you forget `return model`?)" if model is None else ""
            raise CheckFailed(f"{what} should return a Keras model, e.g. a "
                              f"keras.Sequential, got {type(model).__name__}{hint}")
        _check_output_shape(model, x, n_hidden, num_classes, what)
        variables = _variables(model, shapes, input_shape, n_hidden, what)
        count = sum(math.prod(v.shape) for v in model.weights)
        if count != sum(math.prod(shape) for shape in shapes):
            raise CheckFailed(f"{what}: the model has {count} weights; the asked-for "
                              "architecture has a different number (extra layers?)")
        initial = [_value(v) for v in variables]
        if n_hidden is not None:
            _check_symmetry(initial, n_hidden, what)
        _assign(variables, _flat(weights))
        inference = _as_output(call(model, "model", x, training=False, convert=False),
                               "model(x)", what)
        # A wrong output is left to the comparison, which names its mistake.
        if close(inference, forward_rows(x, weights), rtol=1e-4, atol=1e-6):
            _check_outputs(model, x, inference, what)
            _check_reports(model, weights, what)
            if kwargs.get("learn"):
                _assign(variables, initial)
                _check_training(model, variables, input_shape, n_hidden, num_classes,
                                seed, what)
    return {"output": inference}


def _reference_build(input_shape, n_hidden=None, num_classes=10, seed=0, learn=False):
    """What the asked-for model outputs on the case's probe: the course's numpy forward
    pass, no Keras."""
    return {"output": forward_rows(*_build_probe(input_shape, n_hidden, num_classes, seed))}


def _compare_output(value, expected, what, mistakes, args, kwargs, reveal, observed):
    # The last word, when no listed mistake matches: what the output's look tells.
    look = Mistake(_output_look(value), lambda: value)
    expect_close(value, expected, f"{what}, its output", [*mistakes, look], rtol=1e-4,
                 atol=1e-6, reveal=reveal)


def _build_case(input_shape, n_hidden, num_classes, seed, learn=False):
    return Case((input_shape, n_hidden, num_classes, seed), {"learn": learn},
                f"input_shape={input_shape}, n_hidden={n_hidden}, "
                f"num_classes={num_classes}")


BUILD_MODEL = Exercise(
    "build_model", _reference_build,
    # Training compiles a step for each model, most of a second of a test cell with a
    # time limit: only the case with a hidden layer, whose units must also break their
    # symmetry, trains. The hidden checks run after this one in the same cell, so a
    # model that cannot train has lost the exercise's points already.
    visible=[_build_case((3, 2), 5, 4, 2, learn=True), _build_case((6,), None, 3, 1)],
    parts={"output": ("output",)}, measure=_measure_build,
    mistakes={"output": [Mistake(message, _variant(hidden, output))
                         for hidden, output, message in BUILD_VARIANTS]},
    compare=_compare_output)


# -- compile_model ----------------------------------------------------------------------------
# A fixed little problem: 6 examples of 4 features, 3 classes.
COMPILE_X = np.array([[0.2, 0.9, 0.1, 0.4], [0.8, 0.1, 0.5, 0.3], [0.5, 0.5, 0.9, 0.0],
                      [0.1, 0.3, 0.7, 0.9], [0.9, 0.6, 0.2, 0.1], [0.3, 0.8, 0.4, 0.6]],
                     dtype=np.float32)
COMPILE_Y = np.array([1, 0, 2, 2, 1, 0])
COMPILE_SEED = 15
COMPILE_STEPS = 3


def _compile_probe_weights():
    """The weights [(kernel, bias)] of the 4 -> 3 softmax model compile_model gets."""
    return _probe(COMPILE_SEED, (4,), _expected_shapes((4,), None, 3))[1]


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
ACCURACY_OBJECT = (
    "keras.metrics.Accuracy() counts the predictions that equal the labels exactly, entry "
    "by entry, which a row of probabilities never does; metrics=['accuracy'] (or "
    "keras.metrics.SparseCategoricalAccuracy()) compares the most probable class with "
    "the integer label")


def _loss_message(loss):
    name = _loss_name(loss)
    if "sparse" not in name:
        for keys, message in LOSS_MESSAGES:
            if any(key in name for key in keys):
                return message
    return None


def _compiled_metrics(model):
    """The metrics compile was given, as Keras records them (a name, or a dict with the
    class's name)."""
    with warnings.catch_warnings():  # serialising a metric warns about numpy 2's __array__
        warnings.simplefilter("ignore")
        return (model.get_compile_config() or {}).get("metrics") or []


def _metric_classes(model):
    return [m.get("class_name") if isinstance(m, dict) else m
            for m in _compiled_metrics(model)]


def _rate(learning_rate, reveal):
    """A learning rate for a message: a hidden check's own stays out of feedback."""
    return f"{learning_rate:g}" if reveal and not quiet() else "the one asked for"


def _check_optimizer(model, learning_rate, what, reveal):
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
                f"learning_rate argument ({_rate(learning_rate, reveal)}): pass it on, "
                "keras.optimizers.Adam(learning_rate=learning_rate) (the string 'adam' "
                "always means the default)")
        raise CheckFailed(f"{what}: Adam's learning rate is not the learning_rate "
                          f"argument ({_rate(learning_rate, reveal)})")
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
        if message is None and "Accuracy" in _metric_classes(model):
            message = ACCURACY_OBJECT
        if message is None:
            message = (f"model.evaluate raised {type(err).__name__}: {err}. Check the "
                       f"loss and the metrics ({_compiled_metrics(model)!r}): the labels "
                       "are integers 0..9 and the model outputs one probability per class")
        raise CheckFailed(f"{what}: {message}") from err


def _steps(rng, shapes):
    """The gradients of the optimizer steps a compile_model case takes, one list of
    arrays (float32, the model's dtype) per step."""
    return [[rng.normal(size=shape).astype(np.float32) for shape in shapes]
            for _ in range(COMPILE_STEPS)]


def _measure_compile(compile_model, what, reveal, args, kwargs):
    """The `measure` of compile_model: a reference model with the probe's weights,
    compiled by the student's function, then judged by what evaluate reports and where
    a few optimizer steps with known gradients take its weights."""
    learning_rate, = args
    keras = _keras()
    weights = _compile_probe_weights()
    model = reference_build_model((4,), None, 3)
    _assign(model.trainable_weights, _flat(weights))
    with using(compile_model, keras=keras):
        call(compile_model, "compile_model", model, learning_rate=learning_rate,
             convert=False)
    if not getattr(model, "compiled", False):
        raise CheckFailed(f"{what}: the model is not compiled: compile_model must call "
                          "model.compile(...) on the model it is given")
    _check_optimizer(model, learning_rate, what, reveal)
    message = _loss_message(model.loss)
    if message is not None:
        raise CheckFailed(f"{what}: {message}")
    if model.loss is None:
        raise CheckFailed(f"{what}: compile needs a loss: "
                          "loss='sparse_categorical_crossentropy'")
    result = _evaluate(model, what)
    scores = {k: v for k, v in result.items() if k != "loss"}
    if not scores:
        raise CheckFailed(f"{what}: no metric: pass metrics=['accuracy'] so that fit and "
                          "evaluate report the accuracy as well as the loss")
    outputs = np.asarray(model(COMPILE_X, training=False))  # Keras's own call
    accuracy = float(np.mean(outputs.argmax(axis=1) == COMPILE_Y))
    if not any(close(v, accuracy, rtol=1e-5, atol=1e-6) for v in scores.values()):
        if "Accuracy" in _metric_classes(model):
            raise CheckFailed(f"{what}: {ACCURACY_OBJECT}")
        raise CheckFailed(
            f"{what}: no metric reports the accuracy (got {sorted(scores)}); "
            "metrics=['accuracy'] lets Keras pick the right accuracy for integer labels "
            "(categorical_accuracy expects one-hot labels)")
    variables = model.trainable_variables
    for grads in _steps(np.random.default_rng(COMPILE_SEED), [v.shape for v in variables]):
        call(model.optimizer.apply_gradients, "model.optimizer.apply_gradients",
             list(zip(grads, variables)), convert=False)
    return {"loss": result["loss"], "weights": _flat_vector(_value(v) for v in variables)}


def _flat_vector(arrays):
    return np.concatenate([np.ravel(np.asarray(a, np.float64)) for a in arrays])


def _reference_compile(learning_rate):
    """What a model compiled as asked reports: the cross-entropy of the probe model's
    outputs, and its weights after the steps, taken by the course's Adam (no Keras)."""
    (kernel, bias), = _compile_probe_weights()
    params = {"W1": kernel.astype(np.float64), "b1": bias.astype(np.float64)}
    state = None
    for dW, db in _steps(np.random.default_rng(COMPILE_SEED), [kernel.shape, bias.shape]):
        state = adam(params, {"dW1": dW.astype(np.float64), "db1": db.astype(np.float64)},
                     state, learning_rate=learning_rate)
    probabilities = forward_rows(COMPILE_X, [(kernel, bias)])
    return {"loss": _cross_entropy(probabilities, COMPILE_Y),
            "weights": _flat_vector([params["W1"], params["b1"]])}


def _from_logits(learning_rate):
    """The loss when Keras applies a softmax of its own to the probabilities."""
    probabilities = forward_rows(COMPILE_X, _compile_probe_weights())
    return _cross_entropy(_softmax_rows(probabilities), COMPILE_Y)


def _compare_steps(value, expected, what, mistakes, args, kwargs, reveal, observed):
    if not close(value, expected, rtol=1e-4, atol=1e-5):
        raise CheckFailed(
            f"{what}: after {COMPILE_STEPS} steps of the optimizer the weights are not where Adam at learning rate "
            f"{_rate(args[0], reveal)} takes them: keep Adam's other settings "
            "(weight_decay, clipnorm, a schedule...) at their defaults")


COMPILE_MODEL = Exercise(
    "compile_model", _reference_compile,
    # A learning rate other than Adam's default, which the string 'adam' would give.
    visible=[Case((0.01,), label="learning_rate=0.01")],
    parts={"loss": ("loss",), "weights": ("weights",)}, measure=_measure_compile,
    mistakes={"loss": [Mistake(
        "from_logits=True tells Keras that the model outputs raw scores and makes it "
        "apply a softmax of its own, but the model already ends in a softmax: leave "
        "from_logits at its default, False", _from_logits)]},
    compare={"weights": _compare_steps}, rtol=1e-4, atol=1e-6)


# -- train ----------------------------------------------------------------------------------
TRAIN_SEED = 0  # seeds fit's shuffling alike for the reference run and the student's


def _toy_problem(n, seed):
    """n examples of 6 features in 3 classes that a softmax layer can learn."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0.0, 2.0, size=(3, 6))
    y = rng.integers(0, 3, size=n)
    x = (centres[y] + rng.normal(size=(n, 6))).astype(np.float32)
    return x, y


def _train_model(x, y, learning_rate, n_hidden):
    """A compiled reference model for (x, y), with the same initial weights every time."""
    _keras().utils.set_random_seed(0)
    model = reference_build_model(x.shape[1:], n_hidden, int(y.max()) + 1)
    return reference_compile_model(model, learning_rate)


def _reference_run(x, y, epochs, batch_size, learning_rate, shuffle=True):
    """The weights and the losses per epoch after fit trains a fresh reference model."""
    model = _train_model(x, y, learning_rate, None)
    _keras().utils.set_random_seed(TRAIN_SEED)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=shuffle,
                        verbose=0)
    return [_value(v) for v in model.trainable_weights], history.history["loss"]


class Trained(NamedTuple):
    """What the student's train did to a reference model."""

    model: object
    weights: list
    history: dict
    updates: int      # the optimizer's step counter: code can write it, so messages only
    recompiled: bool  # whether train replaced the optimizer compile set up


def _history_dict(history, what):
    keras = _keras()
    if type(history) is keras.callbacks.History:
        history = history.history
    if type(history) is not dict:
        hint = " (did you forget `return`?)" if history is None else ""
        raise CheckFailed(f"{what}: train should return the training history, "
                          "model.fit's return value (or its .history dict), got "
                          f"{type(history).__name__}{hint}")
    history = plain(history, "the history train returned")
    if type(history.get("loss")) is not list:
        raise CheckFailed(f"{what}: the history has no list of losses under 'loss'; "
                          "return what model.fit returns")
    return history


def _run_train(train, x, y, epochs, batch_size, what, learning_rate=0.01, n_hidden=None):
    """Train a reference model with the student's `train`, its shuffling seeded as the
    reference run's is."""
    keras = _keras()
    model = _train_model(x, y, learning_rate, n_hidden)
    variables, optimizer = list(model.trainable_weights), model.optimizer
    before = [np.array(_value(v)) for v in variables]
    keras.utils.set_random_seed(TRAIN_SEED)
    # fit's progress lines (verbose=2) would only clutter the check's output
    with using(train, keras=keras), contextlib.redirect_stdout(io.StringIO()):
        history = call(train, "train", model, x, y, epochs=epochs, batch_size=batch_size,
                       convert=False)
    after = [_value(v) for v in variables]
    if all(np.array_equal(a, b) for a, b in zip(before, after)):
        raise CheckFailed(f"{what}: the model given to train did not change: train "
                          "must call fit on that model (model.fit(x, y, ...))")
    return Trained(model, after, _history_dict(history, what),
                   int(np.asarray(_value(model.optimizer.iterations))),
                   model.optimizer is not optimizer)


SHUFFLE_OFF = ("fit did not shuffle the examples (shuffle=False?): leave shuffle at its "
               "default, True, so that each epoch sees the mini-batches in a new order, "
               "as in notebook 07")


def _train_diagnosis(trained, n, epochs, batch_size, updates):
    """What went wrong, from what train left behind: the epochs in the history, the
    optimizer's step counter and whether the optimizer is the one compile set up. None
    when these look as they should."""
    got_epochs, got = len(trained.history["loss"]), trained.updates
    steps = math.ceil(n / batch_size)
    if trained.recompiled:
        return ("train compiled the model again: that replaces the optimizer compile_model "
                "set up (its learning rate with it). train should only call fit")
    if got_epochs == batch_size and got == batch_size * math.ceil(n / epochs):
        return ("epochs and batch_size are swapped: model.fit's third and fourth "
                "positional arguments are batch_size, then epochs. Pass them by name: "
                "fit(x, y, epochs=epochs, batch_size=batch_size)")
    if got_epochs == 1 and got == steps:
        return (f"the model trained for 1 epoch instead of {epochs}: pass epochs=epochs "
                "to model.fit (its default is 1)")
    if got_epochs == 1 and got == epochs * steps:
        return ("the history covers only the last epoch: call model.fit once, with "
                "epochs=epochs, and return its history")
    if got_epochs == epochs and got == epochs * math.ceil(n / 32) and batch_size != 32:
        return (f"each epoch took {math.ceil(n / 32)} steps, batches of 32 (Keras's "
                f"default), instead of batches of {batch_size}: pass "
                "batch_size=batch_size to model.fit")
    if got_epochs == epochs and got == epochs:
        return ("one update per epoch: the whole training set went in as one batch. "
                "Pass batch_size=batch_size to model.fit")
    if got_epochs != epochs:
        return (f"the history has {got_epochs} epochs, but epochs={epochs} was asked for: "
                "pass epochs=epochs to model.fit, not a number of your own")
    if any(key.startswith("val_") for key in trained.history):
        return ("fit kept part of x and y back for validation (validation_split?), so "
                "the model trained on fewer examples: train on all of x and y")
    if got < updates:
        return (f"fit took {got} steps instead of {updates}, {epochs} epochs of {steps} "
                f"mini-batches of {batch_size}: it trained on fewer examples than x holds, "
                "or on larger batches. Pass all of x and y, and batch_size=batch_size")
    if got != updates:
        return (f"expected {epochs} epochs of {steps} mini-batches of {batch_size} "
                f"examples ({updates} updates); the optimizer made {got} updates")
    return None


def _measure_train(train, what, reveal, args, kwargs):
    """The `measure` of train: a reference model trained by the student's function on a
    toy problem, its weights and losses afterwards, and what else it left behind (for
    naming a mistake)."""
    n, epochs, batch_size, seed = args
    x, y = _toy_problem(n, seed)
    trained = _run_train(train, x, y, epochs, batch_size, what)
    return {"weights": _flat_vector(trained.weights), "losses": trained.history["loss"],
            "trained": trained}


def _reference_training(n, epochs, batch_size, seed):
    """The weights and the losses per epoch of fit(x, y, epochs, batch_size) on the
    case's toy problem, from a reference model."""
    weights, losses = _reference_run(*_toy_problem(n, seed), epochs, batch_size, 0.01)
    return {"weights": _flat_vector(weights), "losses": losses}


def _compare_trained(value, expected, what, mistakes, args, kwargs, reveal, observed):
    """Right weights after as many epochs as asked, or the mistake that what train left
    behind points to."""
    n, epochs, batch_size, seed = args
    trained = observed["trained"]
    if close(value, expected, rtol=1e-4, atol=1e-5) and \
            len(trained.history["loss"]) == epochs:
        return
    message = _train_diagnosis(trained, n, epochs, batch_size,
                               epochs * math.ceil(n / batch_size))
    if message is None:
        unshuffled, _ = _reference_run(*_toy_problem(n, seed), epochs, batch_size, 0.01,
                                       shuffle=False)
        if _same_weights(trained.weights, unshuffled):
            message = SHUFFLE_OFF
    raise CheckFailed(f"{what}: " + (message or (
        "the model's weights after train are not those that model.fit(x, y, "
        "epochs=epochs, batch_size=batch_size) gives: pass x and y to fit as they are, "
        "epochs and batch_size by name, and leave fit's other settings at their "
        "defaults")))


def _compare_losses(value, expected, what, mistakes, args, kwargs, reveal, observed):
    if not close(value, expected, rtol=1e-4, atol=1e-6):
        raise CheckFailed(f"{what}: the history's losses are not those fit reported "
                          "while training: return what model.fit returns")


TRAIN = Exercise(
    "train", _reference_training,
    visible=[Case((40, 3, 8, 1), label="40 examples, epochs=3, batch_size=8")],
    parts={"weights": ("weights",), "losses": ("losses",)}, measure=_measure_train,
    compare={"weights": _compare_trained, "losses": _compare_losses})


@hidden
def hidden_train_accuracy(train, n_train, n_test, epochs, batch_size, floor):
    """Hidden check: the student's `train` on the first `n_train` MNIST training images,
    with the reference model (100 ReLU units) and compile, must reach `floor` accuracy
    on the first `n_test` test images (a literal, set below what the reference reaches).

    The check loads MNIST itself, with helpers.mnist.load_mnist, which verifies the
    arrays' sha256: it never reads the notebook's `x_train_flat` and the like, which the
    student's code can reach and change."""
    from ..mnist import load_mnist
    (x, y), (x_test, y_test) = load_mnist(scale=True, flatten=True, download=False)
    x, y, x_test, y_test = x[:n_train], y[:n_train], x_test[:n_test], y_test[:n_test]
    what = (f"train on {len(x)} MNIST images, {epochs} epochs of mini-batches of "
            f"{batch_size}")
    model = _run_train(train, x, y, epochs, batch_size, what,
                       learning_rate=0.001, n_hidden=100).model
    predicted = np.asarray(model(x_test, training=False)).argmax(axis=1)
    accuracy = float(np.mean(predicted == y_test))
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


def _either(y_true, y_pred, num_classes):
    """Entry [i, j]: the examples whose true class is i or whose prediction is j."""
    classes = np.arange(num_classes)
    is_true = np.asarray(y_true)[None, :] == classes[:, None]  # (classes, examples)
    is_pred = np.asarray(y_pred)[None, :] == classes[:, None]
    return (is_true[:, None, :] | is_pred[None, :, :]).sum(axis=2).astype(float)


def _diagonal(cm):
    return np.diag(np.diag(cm))


SKIPPED = ("was not counted: every example adds 1 to the matrix, so loop over all of "
           "them (for i in range(len(y_true)), or zip(y_true, y_pred))")
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
            lambda t, p, c: _diagonal(ref_confusion_matrix(t, p, c)).astype(float)),
    Mistake("the diagonal is empty: the correct predictions (predicted == true) count "
            "too, on the diagonal, not only the mistakes off it",
            lambda t, p, c: ref_confusion_matrix(t, p, c) - _diagonal(
                ref_confusion_matrix(t, p, c))),
    Mistake("entry [i, j] is the number of examples of class i times the number "
            "predicted as j; it should count the examples that are both, "
            "np.sum((y_true == i) & (y_pred == j))",
            lambda t, p, c: np.outer(np.bincount(t, minlength=c),
                                     np.bincount(p, minlength=c)).astype(float)),
    Mistake("entry [i, j] counts the examples whose true class is i OR whose prediction "
            "is j; it should count those where both hold, (y_true == i) & (y_pred == j)",
            _either),
    Mistake("np.histogram2d spreads its bins evenly between the smallest and the largest "
            "label it is given, not over the classes 0 to num_classes - 1: pass "
            "range=[[0, num_classes], [0, num_classes]] too, or count with np.add.at",
            lambda t, p, c: np.histogram2d(t, p, bins=c)[0]),
    Mistake("the last example " + SKIPPED,
            lambda t, p, c: ref_confusion_matrix(t[:-1], p[:-1], c)),
    Mistake("the first example " + SKIPPED,
            lambda t, p, c: ref_confusion_matrix(t[1:], p[1:], c)),
]


def _confusion_difference(out, expected):
    """Where a matrix that matches no listed mistake is wrong, in words, and both
    matrices (outside autograding only)."""
    wrong = out != expected
    rows, cols = np.flatnonzero(wrong.any(axis=1)), np.flatnonzero(wrong.any(axis=0))
    if out.sum() != expected.sum():
        found = (f"its entries add up to {out.sum():g}, but there are "
                 f"{expected.sum():g} examples: each example adds 1 to exactly one entry")
    elif len(rows) == 1:
        found = (f"only row {rows[0]} is wrong, the examples whose true class is "
                 f"{rows[0]}")
    elif len(cols) == 1:
        found = (f"only column {cols[0]} is wrong, the examples predicted as {cols[0]}")
    elif np.array_equal(out.sum(axis=1), expected.sum(axis=1)):
        found = ("each row holds the right number of examples, those of its true class, "
                 "but spread over the wrong columns: column j is the PREDICTED class")
    elif np.array_equal(out.sum(axis=0), expected.sum(axis=0)):
        found = ("each column holds the right number of examples, those predicted as its "
                 "class, but spread over the wrong rows: row i is the TRUE class")
    elif not wrong.diagonal().any():
        found = "the diagonal (the right predictions) is right, the entries off it are not"
    else:
        found = f"rows {rows.tolist()} and columns {cols.tolist()} are wrong"
    with np.printoptions(precision=6, suppress=True, threshold=12):
        return f"is wrong: {found}. Expected\n{expected}\ngot\n{out}"


def _describe_confusion(out, expected, reveal):
    """`describe=` for checks.expect_close: where the matrix is wrong, only while values
    may be shown; a hidden check (or autograding) says how many entries are wrong."""
    return _confusion_difference(out, expected) if reveal else None


def _compare_confusion(value, expected, what, mistakes, args, kwargs, reveal):
    """The `compare` of confusion_matrix (exercise.Exercise): a matrix of the wrong size
    or of True/False is named before the entries are compared."""
    y_true, y_pred, num_classes = args
    shape = np.shape(value)
    if len(shape) == 2 and shape[0] == shape[1] != num_classes:
        size = shape[0]
        if size == int(max(np.max(y_true), np.max(y_pred))) + 1:
            raise CheckFailed(
                f"{what}: the matrix is {size} x {size}, but num_classes = "
                f"{num_classes}: a class that never occurs still gets its row and column. "
                "Make the matrix num_classes x num_classes, not as large as the biggest "
                "label")
        if abs(size - num_classes) == 1:
            raise CheckFailed(
                f"{what}: the matrix is {size} x {size}, one row and column too "
                f"{'many' if size > num_classes else 'few'}: the classes 0 to "
                "num_classes - 1 need a num_classes x num_classes matrix")
    if np.asarray(value).dtype == bool:
        raise CheckFailed(f"{what}: the matrix holds True/False, so no entry can count "
                          "past 1: make it a matrix of integers, e.g. np.zeros((num_classes, "
                          "num_classes), dtype=int)")
    out = as_array(value, what, (num_classes, num_classes))
    expect_close(out, expected, what, mistakes, rtol=0, atol=1e-9, reveal=reveal,
                 describe=_describe_confusion)


CONFUSION_MATRIX = Exercise(
    "confusion_matrix", ref_confusion_matrix,
    # Every class occurs in the first case; class 4 never occurs in the second.
    visible=[
        Case((np.array([0, 1, 2, 0, 1, 2, 2, 1, 0, 2, 1]),
              np.array([0, 2, 2, 0, 1, 1, 2, 1, 2, 2, 1]), 3),
             label="11 labels in 3 classes"),
        Case((np.array([0, 1, 2, 2, 3, 1, 0, 2, 3, 3, 1, 2, 0, 2]),
              np.array([0, 2, 2, 2, 3, 1, 1, 0, 3, 2, 2, 2, 0, 2]), 5),
             label="14 labels in 5 classes, class 4 never occurs")],
    returns="a num_classes x num_classes array of counts",
    mistakes={"value": CONFUSION_MISTAKES}, compare=_compare_confusion)

def ref_numpy_forward(weights, X):
    """The course's forward pass on a Keras model's weights: ReLU hidden layers, a softmax
    output, examples as the columns of X (n_x, m). Returns A_L (n_y, m)."""
    L = len(weights) // 2
    return model_forward(X, params_from_keras(weights), ["relu"] * (L - 1) + ["softmax"])[0]


def _keras_weights(seed, sizes, m):
    """numpy_forward's arguments: seeded Dense weights [K1, b1, ...] for layer sizes
    `sizes` (inputs first), as model.get_weights() would give them, and m examples."""
    rng = np.random.default_rng(seed)
    weights = []
    for n_prev, n in zip(sizes[:-1], sizes[1:]):
        weights += [rng.normal(size=(n_prev, n)) / np.sqrt(n_prev), rng.normal(size=n)]
    return (weights, rng.normal(size=(sizes[0], m))), {}


def _forward_with(weights, X, hidden, output):
    """The forward pass with other activations: what a mistake in them computes."""
    params, A = params_from_keras(weights), X
    L = len(weights) // 2
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        A = hidden(Z) if l < L else output(Z)
    return A


def _identity(Z):
    return Z


FORWARD_MISTAKES = [
    Mistake("the output is the last layer's Z: the output layer needs its softmax, "
            "A_L = softmax(Z_L), so that each column is ten probabilities",
            lambda w, X: _forward_with(w, X, lambda Z: np.maximum(0, Z), _identity)),
    Mistake("the output layer applies ReLU: it is the hidden layers that use ReLU, the "
            "output layer uses softmax",
            lambda w, X: _forward_with(w, X, lambda Z: np.maximum(0, Z),
                                       lambda Z: np.maximum(0, Z))),
    Mistake("the hidden layers have no ReLU: without it the layers collapse into one "
            "linear map; apply np.maximum(0, Z) after each hidden layer",
            lambda w, X: _forward_with(w, X, _identity, lambda Z: softmax(Z))),
    Mistake("the softmax is taken over the examples (axis=1): with examples as columns, "
            "each column (one example) must add up to 1, so normalise over axis=0",
            lambda w, X: _forward_with(w, X, lambda Z: np.maximum(0, Z),
                                       lambda Z: softmax(Z.T).T)),
    Mistake("the output layer applies sigmoid: ten classes need softmax, whose outputs "
            "for one example add up to 1",
            lambda w, X: _forward_with(w, X, lambda Z: np.maximum(0, Z), sigmoid)),
]

NUMPY_FORWARD = Exercise(
    "numpy_forward", ref_numpy_forward, inputs=_keras_weights,
    # m differs from every layer size, so a bias or kernel in Keras's layout cannot
    # broadcast into a wrong answer: it fails, and the hints name the layout.
    visible=[Case((0, (4, 3, 5), 6), label="4 inputs, 3 ReLU units, 5 classes, 6 examples"),
             Case((1, (3, 5, 4, 2), 7),
                  label="3 inputs, two hidden layers of 5 and 4, 2 classes, 7 examples")],
    returns="an (n_y, m) array of probabilities, one column per example",
    hints=[(text, ". A Keras kernel K has shape (n_prev, n) and a bias shape (n,): our W "
                  "is K.T, of shape (n, n_prev), and b is b.reshape(-1, 1), a column")
           for text in ("mismatch in its core dimension", "could not be broadcast",
                        "not aligned")],
    mistakes={"value": FORWARD_MISTAKES})

EXERCISES = {exercise.name: exercise
             for exercise in (BUILD_MODEL, COMPILE_MODEL, TRAIN, CONFUSION_MATRIX,
                              NUMPY_FORWARD)}
check_build_model = visible(visible_check(BUILD_MODEL))
check_compile_model = visible(visible_check(COMPILE_MODEL))
check_train = visible(visible_check(TRAIN))
check_confusion_matrix = visible(visible_check(CONFUSION_MATRIX))
check_numpy_forward = visible(visible_check(NUMPY_FORWARD))
hidden = hidden_checks(EXERCISES)
