"""Notebook 08's checks, beyond what tests/test_exercises.py and tests/test_pipeline.py do
for every notebook: more wrong answers and attacks than the answers module lists, unanswered exercises, hidden checks that keep their answers
hidden and whose literals agree with the reference implementations, correct variants that
print a warning or build their weights late, and what the answers need from the guard
(`keras`)."""
import re
import warnings

import nbformat
import numpy as np
import pytest

from answers import run_answer
from course import ROOT
from helpers.grading import nb08
from helpers.grading.checks import NotAnswered
from helpers.grading.guard import scan_notebook
from helpers.mnist import load_mnist
from helpers.metrics import confusion_matrix as ref_confusion_matrix
from nb08_answers import CHECKS, RIGHT

NAME = "08_keras_mnist"
SOLUTION = ROOT / "solutions" / NAME / f"{NAME}.ipynb"


def _builder(hidden="relu", output="softmax", flatten=True, bias=True):
    """A build_model with the given activations (None: no activation), as a student
    might write it."""
    def build_model(input_shape, n_hidden=None, num_classes=10):
        import keras
        layers = [keras.Input(shape=input_shape)] + ([keras.layers.Flatten()] if flatten
                                                     else [])
        if n_hidden is not None:
            layers.append(keras.layers.Dense(n_hidden, activation=hidden, use_bias=bias))
        layers.append(keras.layers.Dense(num_classes, activation=output, use_bias=bias))
        return keras.Sequential(layers)
    return build_model


def _softmax_twice(z):
    import keras
    return keras.activations.softmax(keras.activations.softmax(z))


ACTIVATION_OF = {"sigmoid": "sigmoid", "linear": None, "tanh": "tanh", "relu": "relu",
                 "softmax": "softmax", "softmax_twice": _softmax_twice, "elu": "elu",
                 "leaky_relu": "leaky_relu"}


@pytest.mark.parametrize("build_model, message", [
    (_builder(bias=False), r"has no bias"),
    (lambda input_shape, n_hidden=None, num_classes=10: None, r"forget `return model`"),
    (lambda input_shape, n_hidden=None, num_classes=10:
     _builder()(input_shape, n_hidden or 100, num_classes),
     r"n_hidden=None asks for no hidden layer"),
    (lambda input_shape, n_hidden=None, num_classes=10:
     _builder()(input_shape, None, num_classes), r"asks for a hidden Dense layer of 5"),
])
def test_build_model_mistakes_beyond_the_pipeline(keras, build_model, message):
    with pytest.raises(AssertionError, match=message):
        nb08.check_build_model(build_model)


def _hidden(build_model, *case):
    """A hidden check of build_model on `case`, its expected output from the reference."""
    exercise = nb08.EXERCISES["build_model"]
    nb08.hidden("build_model", build_model, args=case,
                expected=exercise.expected(nb08.Case(case)))


def test_build_model_with_the_old_input_shape_argument_passes_despite_its_warning(keras):
    def build_model(input_shape, n_hidden=None, num_classes=10):
        model = keras.Sequential([keras.layers.Flatten(input_shape=input_shape)])
        if n_hidden is not None:
            model.add(keras.layers.Dense(n_hidden, activation="relu"))
        model.add(keras.layers.Dense(num_classes, activation="softmax"))
        return model

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        nb08.check_build_model(build_model)
        _hidden(build_model, (5,), None, 3, 11)


def test_a_subclass_that_builds_its_weights_on_first_call_passes_the_hidden_checks(keras):
    """Its weights appear only when it is first called, in the order its layers were
    made (the output layer first): the checks match them by shape."""
    build_model = run_answer(RIGHT["build_model"]["subclassed keras.Model"])["build_model"]
    for case in [((5,), None, 3, 11), ((4, 3), 7, 5, 12)]:
        _hidden(build_model, *case)


def _compiler(**settings):
    def compile_model(model, learning_rate=0.001):
        import keras
        options = dict(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                       loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        options.update(settings)
        model.compile(**options)
    return compile_model


@pytest.mark.parametrize("settings, message", [
    (dict(optimizer="adamw"), r"should be Adam .* got AdamW"),
    (dict(loss="binary_crossentropy"), r"single yes/no output"),
    (dict(metrics=["categorical_accuracy"]), r"no metric reports the accuracy"),
    (dict(metrics=["binary_accuracy"]), r"Check the loss and the metrics"),
])
def test_compile_mistakes_beyond_the_pipeline(keras, settings, message):
    with pytest.raises(AssertionError, match=message):
        nb08.check_compile_model(_compiler(**settings))


def test_compile_with_changed_adam_settings_is_named(keras):
    def compile_model(model, learning_rate=0.001):
        model.compile(optimizer=keras.optimizers.Adam(learning_rate, beta_1=0.5),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    with pytest.raises(AssertionError, match=r"beta_1 is 0.5; keep its default"):
        nb08.check_compile_model(compile_model)


@pytest.mark.parametrize("optimizer", [
    lambda keras, rate: keras.optimizers.Adam(rate, clipnorm=1e-3),
    lambda keras, rate: keras.optimizers.Adam(
        keras.optimizers.schedules.ExponentialDecay(rate, decay_steps=1, decay_rate=0.5)),
])
def test_compile_is_judged_by_how_it_trains(keras, optimizer):
    """Adam at the right initial rate, but clipped or decaying: what compile set up reads
    right, what it does is not."""
    def compile_model(model, learning_rate=0.001):
        model.compile(optimizer=optimizer(keras, learning_rate),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    with pytest.raises(AssertionError, match=r"keep Adam's other settings"):
        nb08.check_compile_model(compile_model)


BUILD = "def build_model(input_shape, n_hidden=None, num_classes=10):\n"
TRAIN = "def train(model, x, y, epochs=5, batch_size=32):\n"
# The solution's model, for answers that go on to change it.
MODEL = (BUILD +
         "    model = keras.Sequential([keras.Input(shape=input_shape),\n"
         "                              keras.layers.Flatten()])\n"
         "    if n_hidden is not None:\n"
         "        model.add(keras.layers.Dense(n_hidden, activation='relu'))\n"
         "    model.add(keras.layers.Dense(num_classes, activation='softmax'))\n")
# (exercise, mistake): (answer cell, what its visible check must say)
MORE_MISTAKES = {
    ("build_model", "two hidden layers"): (BUILD +
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
        "    if n_hidden is not None:\n"
        "        layers += [keras.layers.Dense(n_hidden, activation='relu'),\n"
        "                   keras.layers.Dense(n_hidden, activation='relu')]\n"
        "    layers.append(keras.layers.Dense(num_classes, activation='softmax'))\n"
        "    return keras.Sequential(layers)\n",
        r"asks for one hidden layer, but the model has 2"),
    ("build_model", "Flatten after the hidden layer"): (BUILD +
        "    layers = [keras.Input(shape=input_shape)]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu'))\n"
        "    layers += [keras.layers.Flatten(),\n"
        "               keras.layers.Dense(num_classes, activation='softmax')]\n"
        "    return keras.Sequential(layers)\n",
        r"first Dense layer gets the 2 numbers of one row.*Flatten\(\) before"),
    ("build_model", "a frozen hidden layer"): (BUILD +
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu',\n"
        "                                         trainable=False))\n"
        "    layers.append(keras.layers.Dense(num_classes, activation='softmax'))\n"
        "    return keras.Sequential(layers)\n",
        r"not trainable \(trainable=False\?\)"),
    ("build_model", "an L2 penalty"): (BUILD +
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu',\n"
        "                                         kernel_regularizer='l2'))\n"
        "    layers.append(keras.layers.Dense(num_classes, activation='softmax',\n"
        "                                     kernel_regularizer='l2'))\n"
        "    return keras.Sequential(layers)\n",
        r"evaluate reports another loss .* a penalty added to the loss"),
    ("build_model", "output layer before the hidden layer"): (BUILD +
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten(),\n"
        "              keras.layers.Dense(num_classes, activation='softmax')]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu'))\n"
        "    return keras.Sequential(layers)\n",
        r"output layer must come last"),
    ("build_model", "batch normalisation"): (BUILD +
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu'))\n"
        "    layers += [keras.layers.BatchNormalization(),\n"
        "               keras.layers.Dense(num_classes, activation='softmax')]\n"
        "    return keras.Sequential(layers)\n",
        r"expected Dense layers with kernels"),
    # Attacks by a student who has read the checks, beyond those in nb08_answers.WRONG.
    ("build_model", "a subclass that hides its weights"): (BUILD +
        "    class Hidden(keras.Model):\n"
        "        trainable_weights = []\n"
        "\n"
        "        def __init__(self):\n"
        "            super().__init__()\n"
        "            self.dense = keras.layers.Dense(num_classes, activation='sigmoid')\n"
        "\n"
        "        def call(self, x):\n"
        "            return self.dense(keras.ops.reshape(x, (len(x), -1)))\n"
        "\n"
        "    return Hidden()\n",
        r"expected Dense layers with kernels .* got \[\]"),
    ("build_model", "fit replaced on the instance"): (MODEL +
        "    model.fit = lambda *args, **kwargs: None\n"
        "    return model\n",
        r"weights do not end up where the same training takes Dense layers"),
    ("build_model", "evaluate replaced on the instance"): (MODEL +
        "    model.evaluate = lambda *args, **kwargs: {'loss': 0.0, 'accuracy': 1.0}\n"
        "    return model\n",
        r"model\.evaluate reports another loss"),
    ("build_model", "a Dense layer that computes with weights of its own"): (BUILD +
        "    class Fixed(keras.layers.Dense):\n"
        "        def call(self, a):\n"
        "            return keras.ops.softmax(keras.ops.matmul(a, keras.ops.ones(\n"
        "                (a.shape[-1], self.units))))\n"
        "\n"
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu'))\n"
        "    layers.append(Fixed(num_classes))\n"
        "    return keras.Sequential(layers)\n",
        r"not the one these weights give"),
    ("build_model", "a train_step of its own"): (BUILD +
        "    class Lazy(keras.Sequential):\n"
        "        def train_step(self, *args, **kwargs):\n"
        "            return {}\n"
        "\n"
        "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
        "    if n_hidden is not None:\n"
        "        layers.append(keras.layers.Dense(n_hidden, activation='relu'))\n"
        "    layers.append(keras.layers.Dense(num_classes, activation='softmax'))\n"
        "    return Lazy(layers)\n",
        r"model\.fit\(.*\) raised ValueError"),
    # In the notebook this one trains for 32 epochs of batches of 5: too slow for the
    # pipeline test.
    ("train", "epochs and batch_size swapped"): (TRAIN +
        "    return model.fit(x, y, epochs, batch_size, verbose=0)\n",
        r"epochs and batch_size are swapped"),
    ("train", "trains a copy"): (TRAIN +
        "    other = keras.models.clone_model(model)\n"
        "    other.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\n"
        "    return other.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n",
        r"the model given to train did not change"),
    ("train", "scales the inputs again"): (TRAIN +
        "    return model.fit(x / 255, y, epochs=epochs, batch_size=batch_size, verbose=0)\n",
        r"weights after train are not those .* pass x and y to fit as they are"),
    ("train", "weights set by hand, history of another run"): (TRAIN +
        "    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"
        "    model.set_weights([w * 0 for w in model.get_weights()])\n"
        "    return history\n",
        r"weights after train are not those"),
    ("train", "a history of its own making"): (TRAIN +
        "    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"
        "    return {'loss': [1.0] * epochs, 'accuracy': [0.5] * epochs}\n",
        r"history's losses are not those fit reported"),
}


@pytest.mark.parametrize("exercise, label", MORE_MISTAKES)
def test_more_mistakes_and_attacks_are_named(keras, exercise, label):
    source, message = MORE_MISTAKES[exercise, label]
    with pytest.raises(AssertionError, match=message):
        CHECKS[exercise](run_answer(source))


def test_unanswered_exercises_say_so():
    for name in ("build_model", "compile_model", "train", "confusion_matrix"):
        stub = run_answer(f"def {name}(*args, **kwargs):\n    raise NotImplementedError()\n")
        with pytest.raises(NotAnswered, match=f"{name} is not written yet"):
            getattr(nb08, f"check_{name}")(stub[name])


def test_hidden_checks_do_not_reveal_expected_values(keras):
    wrong = _builder(output="relu")
    with pytest.raises(AssertionError) as err:
        nb08.hidden("build_model", wrong, args=((5,), None, 3, 11),
                    expected={"output": [[0.123456, 0.5, 0.376544]] * 4})
    assert "0.123456" not in str(err.value) and "output layer uses ReLU" in str(err.value)
    transposed = run_answer(
        "def confusion_matrix(t, p, c):\n"
        "    m = np.zeros((c, c))\n    np.add.at(m, (p, t), 1)\n    return m\n")
    with pytest.raises(AssertionError, match="transposed") as err:
        nb08.hidden("confusion_matrix", transposed["confusion_matrix"],
                    args=(np.array([0, 0, 1]), np.array([1, 1, 1]), 2),
                    expected={"value": np.array([[0, 2], [0, 1]])})
    assert "[[" not in str(err.value)


def test_a_wrong_confusion_matrix_is_described_and_shown_only_outside_autograding(
        monkeypatch):
    one_row = run_answer(
        "def confusion_matrix(t, p, c):\n"
        "    m = np.zeros((c, c))\n    np.add.at(m, (t, p), 1)\n"
        "    m[0] = m[0][::-1]\n    return m\n")["confusion_matrix"]
    with pytest.raises(AssertionError, match=r"only row 0 is wrong.*Expected\n\[\["):
        nb08.check_confusion_matrix(one_row)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(AssertionError) as err:
        nb08.check_confusion_matrix(one_row)
    assert "row 0" not in str(err.value) and "[[" not in str(err.value)


def test_hidden_literals_agree_with_the_reference_implementations():
    """Run every hidden test of the solution with the reference implementations in place
    of the answers: the literals written into the test cells are theirs."""
    (x_train, y_train), (x_test, y_test) = load_mnist(scale=True, flatten=True)
    namespace = {"np": np, "checks": nb08, "x_train_flat": x_train, "y_train": y_train,
                 "x_test_flat": x_test, "y_test": y_test,
                 "build_model": nb08.reference_build_model,
                 "compile_model": nb08.reference_compile_model,
                 "train": nb08.reference_train, "confusion_matrix": ref_confusion_matrix,
                 "numpy_forward": nb08.ref_numpy_forward}
    hidden = []
    for cell in nbformat.read(SOLUTION, 4).cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            hidden.append(cell.source.split("### BEGIN HIDDEN TESTS")[1]
                          .split("### END HIDDEN TESTS")[0])
    assert len(hidden) == 5
    for source in hidden:
        exec(source, namespace)


def test_train_accuracy_floor_fails_a_model_trained_on_shuffled_labels(keras):
    shuffled = run_answer(
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    y = np.random.default_rng(0).permutation(y)\n"
        "    return model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n")
    with pytest.raises(AssertionError, match="too few for a correctly trained model"):
        nb08.hidden_train_accuracy(shuffled["train"], n_train=6400, n_test=2000,
                                   epochs=2, batch_size=32, floor=0.85)


def test_answers_need_keras_from_the_guard_and_nothing_else():
    """The solution's answers use `keras`, which the notebook imports: the guard lets
    them through when nbgrader_config.py names it for this notebook
    (GuardedExecute.extra_names_by_notebook), and only then."""
    solution = nbformat.read(SOLUTION, 4)
    assert scan_notebook(solution, extra_names=["keras"]) == []
    problems = {v.reason for v in scan_notebook(solution)}
    assert problems and all("`keras`" in reason for reason in problems)


def test_keras_backend_is_chosen_before_keras_is_imported():
    first = next(c for c in nbformat.read(SOLUTION, 4).cells if c.cell_type == "code")
    backend = first.source.index('os.environ["KERAS_BACKEND"] = "jax"')
    assert backend < first.source.index("import keras")
    assert re.search(r"keras\.utils\.set_random_seed\(SEED\)",
                     "\n".join(c.source for c in nbformat.read(SOLUTION, 4).cells))
