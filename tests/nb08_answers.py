"""Answers to notebook 08's exercises, as a student would write them: realistic mistakes
(each must fail its exercise, with a message that names it) and correct alternatives (each
must get full marks). Used by tests/test_checks.py and tests/test_pipeline.py.

The answers use `keras` without importing it, as in the notebook, whose first cell
imports it; the checks run them with `keras` bound to the real module.
"""
from helpers.grading import nb08

NAME = "08_keras_mnist"
LOOPS = "compile_model"   # the exercise that gets an endless loop in the pipeline test
CRASHES = "build_model"   # the exercise whose cell kills the kernel in the pipeline test

_BUILD = "def build_model(input_shape, n_hidden=None, num_classes=10):\n"
_COMPILE = "def compile_model(model, learning_rate=0.001):\n"
_TRAIN = "def train(model, x, y, epochs=5, batch_size=32):\n"
_CONFUSION = "def confusion_matrix(y_true, y_pred, num_classes):\n"

WRONG = {
    "build_model": {
        "sigmoid output, as in the seed": (
            _BUILD +
            "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
            "    if n_hidden is not None:\n"
            "        layers.append(keras.layers.Dense(n_hidden, activation='relu'))\n"
            "    layers.append(keras.layers.Dense(num_classes, activation='sigmoid'))\n"
            "    return keras.Sequential(layers)\n"),
        "no Flatten": (
            _BUILD +
            "    model = keras.Sequential([keras.Input(shape=input_shape)])\n"
            "    if n_hidden is not None:\n"
            "        model.add(keras.layers.Dense(n_hidden, activation='relu'))\n"
            "    model.add(keras.layers.Dense(num_classes, activation='softmax'))\n"
            "    return model\n"),
        "always 100 hidden units": (
            _BUILD +
            "    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]\n"
            "    if n_hidden is not None:\n"
            "        layers.append(keras.layers.Dense(100, activation='relu'))\n"
            "    layers.append(keras.layers.Dense(num_classes, activation='softmax'))\n"
            "    return keras.Sequential(layers)\n"),
    },
    "compile_model": {
        "the string 'adam' ignores learning_rate": (
            _COMPILE +
            "    model.compile(optimizer='adam', loss='sparse_categorical_crossentropy',\n"
            "                  metrics=['accuracy'])\n"),
        "categorical cross-entropy": (
            _COMPILE +
            "    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),\n"
            "                  loss='categorical_crossentropy', metrics=['accuracy'])\n"),
        "no metrics": (
            _COMPILE +
            "    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),\n"
            "                  loss='sparse_categorical_crossentropy')\n"),
    },
    "train": {
        "epochs not passed on": (
            _TRAIN +
            "    return model.fit(x, y, batch_size=batch_size, verbose=2)\n"),
        "batch_size not passed on": (
            _TRAIN +
            "    return model.fit(x, y, epochs=epochs, verbose=2)\n"),
        "nothing returned": (
            _TRAIN +
            "    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=2)\n"),
    },
    "confusion_matrix": {
        "transposed": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    for t, p in zip(y_true, y_pred):\n"
            "        cm[p, t] += 1\n"
            "    return cm\n"),
        "fancy-index increment": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    cm[y_true, y_pred] += 1\n"
            "    return cm\n"),
        "size from the labels": (
            _CONFUSION +
            "    n = max(y_true.max(), y_pred.max()) + 1\n"
            "    cm = np.zeros((n, n), dtype=int)\n"
            "    np.add.at(cm, (y_true, y_pred), 1)\n"
            "    return cm\n"),
    },
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("build_model", "sigmoid output, as in the seed"): r"output layer uses a sigmoid",
    ("build_model", "no Flatten"): r"keras\.layers\.Flatten\(\) first",
    ("build_model", "always 100 hidden units"): r"hidden layer has 100 units.*use the argument",
    ("compile_model", "the string 'adam' ignores learning_rate"):
        r"default learning rate 0\.001 instead of the learning_rate argument",
    ("compile_model", "categorical cross-entropy"): r"expects one-hot labels",
    ("compile_model", "no metrics"): r"no metric: pass metrics=\['accuracy'\]",
    ("train", "epochs not passed on"): r"1 epoch instead of 3: pass epochs=epochs",
    ("train", "batch_size not passed on"): r"batches of 32 .*pass batch_size=batch_size",
    ("train", "nothing returned"): r"should return the training history.*forget `return`",
    ("confusion_matrix", "transposed"): r"transposed",
    ("confusion_matrix", "fancy-index increment"): r"counted once however often",
    ("confusion_matrix", "size from the labels"): r"class that never occurs",
}

RIGHT = {
    "build_model": {
        "functional API, Reshape, separate activation layers": (
            "import math\n\n" + _BUILD +
            "    inputs = keras.Input(shape=input_shape)\n"
            "    a = keras.layers.Reshape((math.prod(input_shape),))(inputs)\n"
            "    if n_hidden is not None:\n"
            "        a = keras.layers.ReLU()(keras.layers.Dense(n_hidden)(a))\n"
            "    scores = keras.layers.Dense(num_classes)(a)\n"
            "    return keras.Model(inputs, keras.layers.Softmax()(scores))\n"),
        "add(), Flatten only for images": (
            _BUILD +
            "    model = keras.Sequential()\n"
            "    model.add(keras.Input(input_shape))\n"
            "    if len(input_shape) > 1:\n"
            "        model.add(keras.layers.Flatten())\n"
            "    if n_hidden:\n"
            "        model.add(keras.layers.Dense(units=n_hidden, activation='relu'))\n"
            "    model.add(keras.layers.Dense(units=num_classes))\n"
            "    model.add(keras.layers.Activation('softmax'))\n"
            "    return model\n"),
    },
    "compile_model": {
        "loss and metric objects, nothing returned": (
            _COMPILE +
            "    model.compile(keras.optimizers.Adam(learning_rate),\n"
            "                  keras.losses.SparseCategoricalCrossentropy(),\n"
            "                  metrics=[keras.metrics.SparseCategoricalAccuracy()])\n"),
    },
    "train": {
        "returns the history dict, silent": (
            _TRAIN +
            "    result = model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs,\n"
            "                       shuffle=True, verbose=0)\n"
            "    return result.history\n"),
    },
    "confusion_matrix": {
        "bincount of cell numbers, as floats": (
            _CONFUSION +
            "    cells = np.asarray(y_true, np.int64) * num_classes + np.asarray(y_pred)\n"
            "    counts = np.bincount(cells, minlength=num_classes ** 2)\n"
            "    return counts.reshape(num_classes, num_classes).astype(float)\n"),
        "loop over the examples": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes))\n"
            "    for i in range(len(y_true)):\n"
            "        cm[int(y_true[i]), int(y_pred[i])] = cm[int(y_true[i]), int(y_pred[i])] + 1\n"
            "    return cm\n"),
    },
}

# Submissions that must score 0 for the whole notebook and be flagged, whatever else
# they contain (each is added to an otherwise correct notebook).
CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_build_model = lambda f: None\n",
    "imports the reference": (
        "from helpers.grading.nb08 import reference_build_model as _reference\n"),
    "patches keras": "keras.Model.count_params = lambda self: 18\n",
    "imports keras under another name": "import keras as K\n",
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "downloads a file through keras": (
        "keras.utils.get_file('w.npz', 'http://example.org/w.npz')\n"),
    "loads a saved model": "model = keras.saving.load_model('trained.keras')\n",
    "writes weights to a file": (
        "keras.Sequential([keras.Input(shape=(2,))]).save_weights('w.weights.h5')\n"),
    "changes keras's settings": "keras.config.set_floatx('float16')\n",
    "hands keras on": "k = keras\n",
}

CHECKS = {
    "build_model": lambda ns: nb08.check_build_model(ns["build_model"]),
    "compile_model": lambda ns: nb08.check_compile_model(ns["compile_model"]),
    "train": lambda ns: nb08.check_train(ns["train"]),
    "confusion_matrix": lambda ns: nb08.check_confusion_matrix(ns["confusion_matrix"]),
}
