"""Answers to notebook 08's exercises, as a student would write them: realistic mistakes
and attacks by a student who has read the checks (each must fail its exercise, with a
message that names it) and correct alternatives (each must get full marks). Used by
tests/test_checks.py and tests/test_pipeline.py.

The answers use `keras` without importing it, as in the notebook, whose first cell
imports it; the checks run them with `keras` bound to the real module. A subclassed model
imports its base class (`from keras import Model`): a class statement needs it when the
cell runs, before any check.
"""
import functools

from helpers.grading import nb08

NAME = "08_keras_mnist"


@functools.cache
def notebook_data():
    """What the notebook's own cells define and its test cells read: MNIST, scaled and
    flattened, and `keras` (which the answers use without importing it)."""
    import keras

    from helpers.mnist import load_mnist
    (x_train, y_train), (x_test, y_test) = load_mnist(scale=True, flatten=True)
    return {"keras": keras, "x_train_flat": x_train, "y_train": y_train,
            "x_test_flat": x_test, "y_test": y_test}

LOOPS = "compile_model"   # the exercise that gets an endless loop in the pipeline test
CRASHES = "build_model"   # the exercise whose cell kills the kernel in the pipeline test

_BUILD = "def build_model(input_shape, n_hidden=None, num_classes=10):\n"
_COMPILE = "def compile_model(model, learning_rate=0.001):\n"
_TRAIN = "def train(model, x, y, epochs=5, batch_size=32):\n"
_CONFUSION = "def confusion_matrix(y_true, y_pred, num_classes):\n"
_FORWARD = "def numpy_forward(weights, X):\n"


def _forward(W="weights[2 * l].T", b="weights[2 * l + 1].reshape(-1, 1)",
             hidden="np.maximum(0, Z)", output="e / e.sum(axis=0, keepdims=True)",
             shift="Z - Z.max(axis=0, keepdims=True)"):
    """numpy_forward's loop with one piece replaced, as a student might get it wrong."""
    return (_FORWARD +
            "    A = X\n"
            "    L = len(weights) // 2\n"
            "    for l in range(L):\n"
            f"        Z = {W} @ A + {b}\n"
            "        if l < L - 1:\n"
            f"            A = {hidden}\n"
            "        else:\n"
            f"            e = np.exp({shift})\n"
            f"            A = {output}\n"
            "    return A\n")
_ADAM = "keras.optimizers.Adam(learning_rate=learning_rate)"
_HIDDEN = "keras.layers.Dense(n_hidden, activation='relu')"
_OUTPUT = "keras.layers.Dense(num_classes, activation='softmax')"


def _sequential(hidden=(_HIDDEN,), output=(_OUTPUT,),
                first="keras.Input(shape=input_shape), keras.layers.Flatten()"):
    """The solution's build_model with some of its layers written differently."""
    return (_BUILD +
            f"    layers = [{first}]\n"
            "    if n_hidden is not None:\n"
            f"        layers += [{', '.join(hidden)}]\n"
            f"    layers += [{', '.join(output)}]\n"
            "    return keras.Sequential(layers)\n")


def _compile(metrics="['accuracy']", optimizer=_ADAM,
             loss="'sparse_categorical_crossentropy'"):
    """The solution's compile_model with some of its arguments written differently."""
    return (_COMPILE +
            f"    model.compile(optimizer={optimizer},\n"
            f"                  loss={loss}, metrics={metrics})\n")


def _fit(arguments="epochs=epochs, batch_size=batch_size, verbose=2"):
    return _TRAIN + f"    return model.fit(x, y, {arguments})\n"


def _activation(name):
    return "None" if name == "linear" else repr(name)


def making(name, part, k):
    """An answer that makes the k-th listed mistake of `part` of the exercise `name`
    (helpers/grading/nb08.py, EXERCISES) and no other: the Keras exercises are judged by
    what a model does, so a mistake is made by writing the model that makes it."""
    mistake = nb08.EXERCISES[name].mistakes[part][k].message
    if name == "build_model":
        hidden, output = next((h, o) for h, o, message in nb08.BUILD_VARIANTS
                              if message == mistake)
        outputs = [_OUTPUT, "keras.layers.Softmax()"] if output == "softmax_twice" else [
            f"keras.layers.Dense(num_classes, activation={_activation(output)})"]
        return _sequential(
            hidden=[f"keras.layers.Dense(n_hidden, activation={_activation(hidden)})"],
            output=outputs)
    if name == "compile_model" and "from_logits" in mistake:
        return _compile(loss="keras.losses.SparseCategoricalCrossentropy(from_logits=True)")
    raise LookupError(f"no answer makes {name}'s mistake {mistake!r}")


# A subclassed model: the layers in __init__, what it computes in call (as in Keras's
# guide); the answers below vary it.
_SUBCLASS = (
    "from keras import Model\n\n\n"
    "class Classifier(Model):\n"
    "    def __init__(self, n_hidden, num_classes):\n"
    "        super().__init__()\n"
    "        self.flatten = keras.layers.Flatten()\n"
    "        self.hidden = None if n_hidden is None else keras.layers.Dense(n_hidden)\n"
    "        self.scores = keras.layers.Dense(num_classes)\n"
    "\n"
    "    def call(self, x, training=False):\n"
    "        a = self.flatten(x)\n"
    "        if self.hidden is not None:\n"
    "            a = keras.ops.relu(self.hidden(a))\n"
    "        return {output}\n"
    "{methods}"
    "\n\n" + _BUILD +
    "    return Classifier(n_hidden, num_classes)\n")
_SOFTMAX = "keras.ops.softmax(self.scores(a))"

WRONG = {
    "build_model": {
        "sigmoid output, as in the seed": _sequential(
            output=["keras.layers.Dense(num_classes, activation='sigmoid')"]),
        "no output activation": _sequential(output=["keras.layers.Dense(num_classes)"]),
        "softmax twice": _sequential(output=[_OUTPUT, "keras.layers.Softmax()"]),
        "no Flatten": (
            _BUILD +
            "    model = keras.Sequential([keras.Input(shape=input_shape)])\n"
            "    if n_hidden is not None:\n"
            "        model.add(keras.layers.Dense(n_hidden, activation='relu'))\n"
            "    model.add(keras.layers.Dense(num_classes, activation='softmax'))\n"
            "    return model\n"),
        "always 100 hidden units": _sequential(
            hidden=["keras.layers.Dense(100, activation='relu')"]),
        "always 10 classes": _sequential(
            output=["keras.layers.Dense(10, activation='softmax')"]),
        "input shape of MNIST, not the argument": _sequential(
            first="keras.Input(shape=(784,)), keras.layers.Flatten()"),
        "hidden weights start at zero": _sequential(
            hidden=["keras.layers.Dense(n_hidden, activation='relu', "
                    "kernel_initializer='zeros')"]),
        "hidden weights start at one": _sequential(
            hidden=["keras.layers.Dense(n_hidden, activation='relu', "
                    "kernel_initializer='ones')"]),
        "dropout after the hidden layer": _sequential(
            hidden=[_HIDDEN, "keras.layers.Dropout(0.2)"]),
        # Attacks: each part of the model that Keras runs computes something else.
        "subclass: sigmoid while training, softmax otherwise": _SUBCLASS.format(
            output=f"keras.ops.sigmoid(self.scores(a)) if training else {_SOFTMAX}",
            methods=""),
        "predict replaced on the instance": (
            _sequential().replace("    return keras.Sequential(layers)\n", (
                "    model = keras.Sequential(layers)\n"
                "    model.predict = lambda x, **kwargs: np.asarray(model(x)).argmax(axis=1)\n"
                "    return model\n"))),
        "subclass: get_weights and count_params overridden": _SUBCLASS.format(
            output=_SOFTMAX, methods=(
                "\n"
                "    def get_weights(self):\n"
                "        return [w.T for w in super().get_weights()]\n"
                "\n"
                "    def count_params(self):\n"
                "        return 7850\n")),
    },
    "compile_model": {
        "the string 'adam' ignores learning_rate": _compile(optimizer="'adam'"),
        "learning rate written in": _compile(
            optimizer="keras.optimizers.Adam(learning_rate=0.001)"),
        "Keras 2's lr": _compile(optimizer="keras.optimizers.Adam(lr=learning_rate)"),
        "SGD": _compile(optimizer="keras.optimizers.SGD(learning_rate=learning_rate)"),
        "the textbook's epsilon": _compile(
            optimizer="keras.optimizers.Adam(learning_rate=learning_rate, epsilon=1e-8)"),
        "weight decay": _compile(
            optimizer="keras.optimizers.Adam(learning_rate=learning_rate, "
                      "weight_decay=0.1)"),
        "categorical cross-entropy": _compile(loss="'categorical_crossentropy'"),
        "squared error": _compile(loss="'mse'"),
        "from_logits with a softmax output": _compile(
            loss="keras.losses.SparseCategoricalCrossentropy(from_logits=True)"),
        "no metrics": (
            _COMPILE +
            f"    model.compile(optimizer={_ADAM},\n"
            "                  loss='sparse_categorical_crossentropy')\n"),
        "keras.metrics.Accuracy": _compile(metrics="[keras.metrics.Accuracy()]"),
    },
    "train": {
        "epochs not passed on": _fit("batch_size=batch_size, verbose=2"),
        "batch_size not passed on": _fit("epochs=epochs, verbose=2"),
        "epochs written in": _fit("epochs=5, batch_size=batch_size, verbose=2"),
        "the whole set as one batch": _fit("epochs=epochs, batch_size=len(x), verbose=0"),
        "one fit per epoch": (
            _TRAIN +
            "    for epoch in range(epochs):\n"
            "        history = model.fit(x, y, batch_size=batch_size, verbose=0)\n"
            "    return history\n"),
        "validation split": _fit(
            "epochs=epochs, batch_size=batch_size, validation_split=0.2, verbose=0"),
        "no shuffling": _fit("epochs=epochs, batch_size=batch_size, shuffle=False, "
                             "verbose=0"),
        "compiles again": (
            _TRAIN +
            "    model.compile(loss='sparse_categorical_crossentropy', optimizer='adam',\n"
            "                  metrics=['accuracy'])\n"
            "    return model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"),
        "trains a new model": (
            _TRAIN +
            "    model = keras.Sequential([keras.Input(shape=x.shape[1:]),\n"
            "                              keras.layers.Dense(10, activation='softmax')])\n"
            "    model.compile(loss='sparse_categorical_crossentropy', optimizer='adam',\n"
            "                  metrics=['accuracy'])\n"
            "    return model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"),
        "nothing returned": (
            _TRAIN +
            "    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=2)\n"),
        "returns the model": (
            _TRAIN +
            "    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"
            "    return model\n"),
        "returns the losses only": (
            _TRAIN +
            "    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)\n"
            "    return history.history['loss']\n"),
        # An attack: the optimizer's step counter set by hand, with Keras's default batches.
        "step counter set by hand": (
            "import math\n\n" + _TRAIN +
            "    history = model.fit(x, y, epochs=epochs, verbose=0)\n"
            "    model.optimizer.iterations.assign(epochs * math.ceil(len(x) / batch_size))\n"
            "    return history\n"),
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
        "one class too many": (
            _CONFUSION +
            "    cm = np.zeros((num_classes + 1, num_classes + 1), dtype=int)\n"
            "    np.add.at(cm, (y_true, y_pred), 1)\n"
            "    return cm\n"),
        "one class too few": (
            _CONFUSION +
            "    cm = np.zeros((num_classes - 1, num_classes - 1), dtype=int)\n"
            "    for t, p in zip(y_true, y_pred):\n"
            "        if t < num_classes - 1 and p < num_classes - 1:\n"
            "            cm[t, p] += 1\n"
            "    return cm\n"),
        "rows normalised": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes))\n"
            "    np.add.at(cm, (y_true, y_pred), 1)\n"
            "    return cm / np.maximum(cm.sum(axis=1, keepdims=True), 1)\n"),
        "mistakes only": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    for t, p in zip(y_true, y_pred):\n"
            "        if t != p:\n"
            "            cm[t, p] += 1\n"
            "    return cm\n"),
        "product of the class counts": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    for i in range(num_classes):\n"
            "        for j in range(num_classes):\n"
            "            cm[i, j] = np.sum(y_true == i) * np.sum(y_pred == j)\n"
            "    return cm\n"),
        "or instead of and": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    for i in range(num_classes):\n"
            "        for j in range(num_classes):\n"
            "            cm[i, j] = np.sum((y_true == i) | (y_pred == j))\n"
            "    return cm\n"),
        "loop stops one early": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    for i in range(len(y_true) - 1):\n"
            "        cm[y_true[i], y_pred[i]] += 1\n"
            "    return cm\n"),
        "histogram2d without a range": (
            _CONFUSION +
            "    return np.histogram2d(y_true, y_pred, bins=num_classes)[0]\n"),
    },
    "numpy_forward": {
        "kernel not transposed": _forward(W="weights[2 * l]"),
        "bias left 1-D": _forward(b="weights[2 * l + 1]"),
        "no softmax": _forward(output="Z"),
        "no ReLU": _forward(hidden="Z"),
        "softmax over the examples": _forward(
            output="e / e.sum(axis=1, keepdims=True)",
            shift="Z - Z.max(axis=1, keepdims=True)"),
        "ReLU on the output": _forward(output="np.maximum(0, Z)"),
        "sigmoid output": _forward(output="1 / (1 + np.exp(-Z))"),
    },
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("build_model", "sigmoid output, as in the seed"): r"output layer uses a sigmoid",
    ("build_model", "no output activation"): r"no activation, so the model returns raw scores",
    ("build_model", "softmax twice"): r"softmax is applied twice",
    ("build_model", "no Flatten"): r"keras\.layers\.Flatten\(\) first",
    ("build_model", "always 100 hidden units"): r"hidden layer has 100 units.*use the argument",
    ("build_model", "always 10 classes"): r"has 10 units; it needs num_classes = 4",
    ("build_model", "input shape of MNIST, not the argument"):
        r"input should have shape input_shape",
    ("build_model", "hidden weights start at zero"):
        r"hidden units all start with zero weights \(kernel_initializer='zeros'",
    ("build_model", "hidden weights start at one"):
        r"hidden units all start with the same weights \(a constant kernel_initializer",
    ("build_model", "dropout after the hidden layer"): r"training mode.*Dropout",
    ("build_model", "subclass: sigmoid while training, softmax otherwise"):
        r"training mode.*looks at `training`",
    ("build_model", "predict replaced on the instance"): r"model\.predict\(x\) gives other",
    ("build_model", "subclass: get_weights and count_params overridden"):
        r"get_weights\(\) does not return the weights",
    ("compile_model", "the string 'adam' ignores learning_rate"):
        r"default learning rate 0\.001 instead of the learning_rate argument",
    ("compile_model", "learning rate written in"):
        r"default learning rate 0\.001 instead of the learning_rate argument",
    ("compile_model", "Keras 2's lr"): r"not recognized.*'lr'",
    ("compile_model", "SGD"): r"should be Adam .* got SGD",
    ("compile_model", "the textbook's epsilon"): r"epsilon is 1e-08; keep its default",
    ("compile_model", "weight decay"): r"keep Adam's other settings \(weight_decay",
    ("compile_model", "categorical cross-entropy"): r"expects one-hot labels",
    ("compile_model", "squared error"): r"a loss for predicting numbers",
    ("compile_model", "from_logits with a softmax output"):
        r"from_logits=True .* already ends in a softmax",
    ("compile_model", "no metrics"): r"no metric: pass metrics=\['accuracy'\]",
    ("compile_model", "keras.metrics.Accuracy"): r"Accuracy\(\) counts the predictions",
    ("train", "epochs not passed on"): r"1 epoch instead of 3: pass epochs=epochs",
    ("train", "batch_size not passed on"): r"batches of 32 .*pass batch_size=batch_size",
    ("train", "epochs written in"): r"history has 5 epochs, but epochs=3",
    ("train", "the whole set as one batch"): r"one update per epoch",
    ("train", "one fit per epoch"): r"covers only the last epoch",
    ("train", "validation split"): r"validation_split",
    ("train", "no shuffling"): r"did not shuffle",
    ("train", "compiles again"): r"compiled the model again",
    ("train", "trains a new model"): r"the model given to train did not change",
    ("train", "nothing returned"): r"should return the training history.*forget `return`",
    ("train", "returns the model"): r"should return the training history.* got Sequential",
    ("train", "returns the losses only"): r"should return the training history.* got list",
    ("train", "step counter set by hand"): r"weights after train are not those",
    ("confusion_matrix", "transposed"): r"transposed",
    ("confusion_matrix", "fancy-index increment"): r"counted once however often",
    ("confusion_matrix", "size from the labels"): r"class that never occurs",
    ("confusion_matrix", "one class too many"): r"one row and column too many",
    ("confusion_matrix", "one class too few"): r"one row and column too few",
    ("confusion_matrix", "rows normalised"): r"fractions of each row",
    ("confusion_matrix", "mistakes only"): r"the diagonal is empty",
    ("confusion_matrix", "product of the class counts"): r"times the number predicted",
    ("confusion_matrix", "or instead of and"): r"OR whose prediction",
    ("confusion_matrix", "loop stops one early"): r"last example was not counted",
    ("confusion_matrix", "histogram2d without a range"): r"histogram2d spreads its bins",
    ("numpy_forward", "kernel not transposed"): r"our W is K\.T",
    ("numpy_forward", "bias left 1-D"): r"b\.reshape\(-1, 1\), a column",
    ("numpy_forward", "no softmax"): r"needs its softmax",
    ("numpy_forward", "no ReLU"): r"hidden layers have no ReLU",
    ("numpy_forward", "softmax over the examples"): r"over the examples \(axis=1\)",
    ("numpy_forward", "ReLU on the output"): r"output layer applies ReLU",
    ("numpy_forward", "sigmoid output"): r"output layer applies sigmoid",
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
        "from keras import layers, no Input, He initialisation": (
            "from keras import layers\n\n" + _BUILD +
            "    model = keras.Sequential([layers.Flatten()])\n"
            "    if n_hidden is not None:\n"
            "        model.add(layers.Dense(n_hidden, activation='relu',\n"
            "                               kernel_initializer='he_normal'))\n"
            "    model.add(layers.Dense(num_classes, activation='softmax'))\n"
            "    return model\n"),
        # Its output layer is created before the hidden one, so Keras lists its weights
        # first.
        "subclassed keras.Model": (
            "from keras import Model, layers\n\n\n"
            "class Classifier(Model):\n"
            "    def __init__(self, n_hidden, num_classes):\n"
            "        super().__init__()\n"
            "        self.out = layers.Dense(num_classes, activation='softmax')\n"
            "        self.flatten = layers.Flatten()\n"
            "        self.hidden = None if n_hidden is None else layers.Dense(\n"
            "            n_hidden, activation='relu')\n"
            "\n"
            "    def call(self, x):\n"
            "        a = self.flatten(x)\n"
            "        if self.hidden is not None:\n"
            "            a = self.hidden(a)\n"
            "        return self.out(a)\n"
            "\n\n" + _BUILD +
            "    return Classifier(n_hidden, num_classes)\n"),
    },
    "compile_model": {
        "loss and metric objects, nothing returned": (
            _COMPILE +
            "    model.compile(keras.optimizers.Adam(learning_rate),\n"
            "                  keras.losses.SparseCategoricalCrossentropy(),\n"
            "                  metrics=[keras.metrics.SparseCategoricalAccuracy()])\n"),
        "from keras import, loss function, 'acc'": (
            "from keras import losses, optimizers\n\n" + _COMPILE +
            "    adam = optimizers.Adam(learning_rate=learning_rate, beta_1=0.9)\n"
            "    model.compile(optimizer=adam, loss=losses.sparse_categorical_crossentropy,\n"
            "                  metrics=['acc'])\n"
            "    return model\n"),
    },
    "train": {
        "returns the history dict, silent": (
            _TRAIN +
            "    result = model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs,\n"
            "                       shuffle=True, verbose=0)\n"
            "    return result.history\n"),
        "validation on the training data, returns model.history": (
            _TRAIN +
            "    model.fit(x, y, epochs=epochs, batch_size=batch_size,\n"
            "              validation_data=(x, y), verbose=0)\n"
            "    return model.history\n"),
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
        "loops over the classes": (
            _CONFUSION +
            "    cm = np.zeros((num_classes, num_classes), dtype=int)\n"
            "    for i in range(num_classes):\n"
            "        for j in range(num_classes):\n"
            "            cm[i, j] = np.sum((y_true == i) & (y_pred == j))\n"
            "    return cm\n"),
    },
    "numpy_forward": {
        "softmax without the shift": _forward(shift="Z"),
        "pairs taken with zip, Keras's layout kept": (
            _FORWARD +
            "    A = X.T\n"
            "    pairs = list(zip(weights[::2], weights[1::2]))\n"
            "    for K, b in pairs[:-1]:\n"
            "        A = np.maximum(A @ K + b, 0)\n"
            "    K, b = pairs[-1]\n"
            "    Z = A @ K + b\n"
            "    Z = Z - Z.max(axis=1, keepdims=True)\n"
            "    return (np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)).T\n"),
        "float32 throughout": (
            _FORWARD +
            "    A = X.astype(np.float32)\n"
            "    for l in range(0, len(weights), 2):\n"
            "        Z = weights[l].T.astype(np.float32) @ A + weights[l + 1][:, None]\n"
            "        A = np.maximum(Z, 0) if l + 2 < len(weights) else Z\n"
            "    e = np.exp(A - A.max(axis=0))\n"
            "    return e / e.sum(axis=0)\n"),
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
    "numpy_forward": lambda ns: nb08.check_numpy_forward(ns["numpy_forward"]),
}
