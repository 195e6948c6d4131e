"""Notebook 08's checks, beyond what tests/test_checks.py and tests/test_pipeline.py do for
every notebook: every listed mistake is recognised, more wrong answers than the pipeline
can afford to run, unanswered exercises, hidden checks that keep their answers hidden and
whose literals agree with the reference implementations, correct variants that print a
warning, and what the answers need from the guard (`keras`)."""
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
from helpers.plotting import confusion_matrix as ref_confusion_matrix

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


ACTIVATION_OF = {"sigmoid": "sigmoid", "linear": None, "tanh": "tanh", "relu": "relu",
                 "softmax": "softmax"}


@pytest.mark.parametrize("index", range(len(nb08.BUILD_VARIANTS)))
def test_every_listed_build_mistake_is_named(keras, index):
    hidden, output, message = nb08.BUILD_VARIANTS[index]
    build_model = _builder(ACTIVATION_OF[hidden], ACTIVATION_OF[output])
    with pytest.raises(AssertionError) as err:
        nb08.check_build_model(build_model)
    assert message in str(err.value)


@pytest.mark.parametrize("build_model, message", [
    (_builder(bias=False), r"has no bias"),
    (_builder(flatten=False), r"Flatten\(\) first"),
    (lambda input_shape, n_hidden=None, num_classes=10: None, r"forget `return model`"),
    (lambda input_shape, n_hidden=None, num_classes=10:
     _builder()(input_shape, n_hidden, 10), r"needs num_classes = 4, one per class"),
    (lambda input_shape, n_hidden=None, num_classes=10:
     _builder()(input_shape, n_hidden or 100, num_classes),
     r"n_hidden=None asks for no hidden layer"),
    (lambda input_shape, n_hidden=None, num_classes=10:
     _builder()(input_shape, None, num_classes), r"asks for a hidden Dense layer of 5"),
    (lambda input_shape, n_hidden=None, num_classes=10:
     _builder()((7,), n_hidden, num_classes), r"model's input should have shape"),
])
def test_build_model_mistakes_beyond_the_pipeline(keras, build_model, message):
    with pytest.raises(AssertionError, match=message):
        nb08.check_build_model(build_model)


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
        nb08.hidden_build_model(build_model, (5,), None, 3, seed=11, params=18,
                                expected=_hidden_expected(build_model, (5,), None, 3, 11))


def _hidden_expected(build_model, input_shape, n_hidden, num_classes, seed):
    return nb08._run_build(build_model, input_shape, n_hidden, num_classes, seed)[2]


def _compiler(**settings):
    def compile_model(model, learning_rate=0.001):
        import keras
        options = dict(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                       loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        options.update(settings)
        model.compile(**options)
    return compile_model


@pytest.mark.parametrize("settings, message", [
    (dict(optimizer="sgd"), r"should be Adam .* got SGD"),
    (dict(optimizer="adamw"), r"should be Adam .* got AdamW"),
    (dict(loss="mse"), r"a loss for predicting numbers"),
    (dict(loss="binary_crossentropy"), r"single yes/no output"),
    (dict(metrics=["categorical_accuracy"]), r"no metric reports the accuracy"),
    (dict(metrics=["binary_accuracy"]), r"Check the loss and the metrics"),
])
def test_compile_mistakes_beyond_the_pipeline(keras, settings, message):
    with pytest.raises(AssertionError, match=message):
        nb08.check_compile_model(_compiler(**settings))


def test_compile_with_from_logits_is_named(keras):
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    with pytest.raises(AssertionError, match=r"from_logits=True .* already ends in a softmax"):
        nb08.check_compile_model(_compiler(loss=loss))


def test_compile_with_changed_adam_settings_is_named(keras):
    def compile_model(model, learning_rate=0.001):
        model.compile(optimizer=keras.optimizers.Adam(learning_rate, beta_1=0.5),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    with pytest.raises(AssertionError, match=r"beta_1 is 0.5; keep its default"):
        nb08.check_compile_model(compile_model)


TRAIN_MISTAKES = {
    "epochs and batch_size swapped": (
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    return model.fit(x, y, epochs, batch_size, verbose=0)\n",
        r"epochs and batch_size are swapped"),
    "one fit per epoch": (
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    for epoch in range(epochs):\n"
        "        history = model.fit(x, y, batch_size=batch_size, verbose=0)\n"
        "    return history\n",
        r"covers only the last epoch"),
    "the whole set as one batch": (
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    return model.fit(x, y, epochs=epochs, batch_size=len(x), verbose=0)\n",
        r"one update per epoch"),
    "returns the model": (
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"
        "    return model\n",
        r"should return the training history.* got Sequential"),
    "trains a copy": (
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    other = keras.models.clone_model(model)\n"
        "    other.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\n"
        "    return other.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n",
        r"the model given to train did not change"),
}


@pytest.mark.parametrize("label", TRAIN_MISTAKES)
def test_train_mistakes_beyond_the_pipeline(keras, label):
    source, message = TRAIN_MISTAKES[label]
    with pytest.raises(AssertionError, match=message):
        nb08.check_train(run_answer(source)["train"])


@pytest.mark.parametrize("index", range(len(nb08.CONFUSION_MISTAKES)))
def test_every_listed_confusion_mistake_is_named(index):
    mistake = nb08.CONFUSION_MISTAKES[index]
    with pytest.raises(AssertionError) as err:
        nb08.check_confusion_matrix(mistake.wrong)
    assert mistake.message in str(err.value)


def test_unanswered_exercises_say_so():
    for name in ("build_model", "compile_model", "train", "confusion_matrix"):
        stub = run_answer(f"def {name}(*args, **kwargs):\n    raise NotImplementedError()\n")
        with pytest.raises(NotAnswered, match=f"{name} is not written yet"):
            getattr(nb08, f"check_{name}")(stub[name])


def test_hidden_checks_do_not_reveal_expected_values(keras):
    wrong = _builder(output="relu")
    with pytest.raises(AssertionError) as err:
        nb08.hidden_build_model(wrong, (5,), None, 3, seed=11, params=18,
                                expected=[[0.123456, 0.5, 0.376544]] * 4)
    assert "0.123456" not in str(err.value) and "wrong in" in str(err.value)
    transposed = run_answer(
        "def confusion_matrix(t, p, c):\n"
        "    m = np.zeros((c, c))\n    np.add.at(m, (p, t), 1)\n    return m\n")
    with pytest.raises(AssertionError, match="transposed") as err:
        nb08.hidden_confusion_matrix(transposed["confusion_matrix"], [0, 0, 1], [1, 1, 1], 2,
                                     [[0, 2], [0, 1]])
    assert "[[" not in str(err.value)


def test_hidden_literals_agree_with_the_reference_implementations():
    """Run every hidden test of the solution with the reference implementations in place
    of the answers: the literals written into the test cells are theirs."""
    (x_train, y_train), (x_test, y_test) = load_mnist(scale=True, flatten=True)
    namespace = {"np": np, "checks": nb08, "x_train_flat": x_train, "y_train": y_train,
                 "x_test_flat": x_test, "y_test": y_test,
                 "build_model": nb08.reference_build_model,
                 "compile_model": nb08.reference_compile_model,
                 "train": nb08.reference_train, "confusion_matrix": ref_confusion_matrix}
    hidden = []
    for cell in nbformat.read(SOLUTION, 4).cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            hidden.append(cell.source.split("### BEGIN HIDDEN TESTS")[1]
                          .split("### END HIDDEN TESTS")[0])
    assert len(hidden) == 4
    for source in hidden:
        exec(source, namespace)


def test_train_accuracy_floor_fails_a_model_trained_on_shuffled_labels(keras):
    (x_train, y_train), (x_test, y_test) = load_mnist(scale=True, flatten=True)
    shuffled = run_answer(
        "def train(model, x, y, epochs=5, batch_size=32):\n"
        "    y = np.random.default_rng(0).permutation(y)\n"
        "    return model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n")
    with pytest.raises(AssertionError, match="too few for a correctly trained model"):
        nb08.hidden_train_accuracy(shuffled["train"], x_train[:6400], y_train[:6400],
                                   x_test[:2000], y_test[:2000], epochs=2, batch_size=32,
                                   floor=0.85)


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
