# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 08 · Keras on MNIST: the same network, built with a library
#
# In seven notebooks you wrote every part of a neural network yourself: the layers, the
# activations, the cost, backpropagation, the initialisation and Adam. This notebook
# hands that work to [Keras](https://keras.io), the library many practitioners start
# with, and trains it on MNIST, 70,000 handwritten digits. Nothing new happens inside the
# network. What changes is who writes the code: you describe the layers, Keras derives
# the backward pass and runs the training loop. At the end you train the numpy network
# from `helpers` on the same data, to see that the two agree.
#
# **By the end you will be able to**
# - load MNIST, scale its pixels to $[0, 1]$ and flatten each image into one row of 784
#   numbers, by hand or with a `Flatten` layer;
# - build a Keras `Sequential` model of `Dense` layers, with no hidden layer and with
#   100 ReLU units;
# - compile it (optimizer, loss, metric), fit it, evaluate it and predict with it;
# - explain why ten classes call for a softmax output and
#   `sparse_categorical_crossentropy`, not ten sigmoids;
# - compute and read a confusion matrix;
# - read training and validation curves to choose the number of epochs;
# - translate between Keras's layout and ours: a `Dense` kernel is our $W$ transposed.
#
# **How the exercises work.** As before, an exercise is a cell with `# YOUR CODE HERE`
# and `raise NotImplementedError()`: write your code in place of those two lines, run the
# cell, then run the check below it. A failing check says which mistake it suspects. The
# autograder also runs hidden checks with other shapes and settings, so write code that
# follows the description, not just the visible example.
#
# **Rules for answers.** Answer cells may use `keras` (the parts that build, compile and
# train a model), numpy, `math` and names you define, and a function gets its data
# through its arguments, never from the notebook's variables. Each check tells you if its
# cell breaks a rule; the details, and what scores the whole submission zero, are in
# [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `build_model` | 3 |
# | 2 `compile_model` | 2 |
# | 3 `train` | 2 |
# | 4 `confusion_matrix` | 2 |
# | 5 `numpy_forward` | 2 |
#
# **Notation: examples are rows here.** Our numpy notebooks put the $m$ examples in the
# columns of $X$, shape $(n_x, m)$. Keras, like most libraries, puts them in the
# **rows**: a batch of inputs has shape $(m, n_x)$, and a layer computes $Z = X K + b$
# with a *kernel* $K$ of shape $(n_x, n)$. Section 6 shows that $K$ is our $W$ transposed.
#
# Training takes most of this notebook's minute: the cells that train say so.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"  # Keras 3 reads its backend once, when imported
# numpy's matrix products on batches of 32 are too small to gain from several threads
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time

import keras
import matplotlib.pyplot as plt
import numpy as np

from helpers.initializers import initialize_parameters
from helpers.losses import one_hot
from helpers.metrics import accuracy
from helpers.mnist import load_mnist
from helpers.plotting import plot_confusion_matrix, plot_history, plot_image_grid
from helpers.train import fit
from helpers.grading import nb08 as checks

SEED = 1  # every random choice below (weights, shuffling) follows from it
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## 1. MNIST
#
# MNIST holds 28×28 greyscale images of the digits 0 to 9, written by a few hundred
# people: 60,000 for training and 10,000, by other writers, for testing. `load_mnist`
# returns them exactly as `keras.datasets.mnist.load_data()` does. The first run
# downloads the 11 MB file once into `data/cache/` of the course folder.
#
# **Offline?** Get Keras's `mnist.npz` on a connected machine
# (<https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz>), then either
# copy it to `data/cache/mnist.npz` in the course folder, or set `MNIST_PATH` to the
# file's path in the terminal *before* starting Jupyter, for instance
# `MNIST_PATH=$HOME/Downloads/mnist.npz jupyter lab` (a relative path counts from the
# folder you start Jupyter in, or from the course folder). Do not set it from a cell
# (`%env`, `os.environ`): the autograder scores a notebook that does so zero. It uses
# its own copy of MNIST anyway.

# %% tags=["nbval-check-output"]
(x_train_raw, y_train), (x_test_raw, y_test) = load_mnist()
print("training images:", x_train_raw.shape, x_train_raw.dtype, " labels:", y_train.shape)
print("test images:    ", x_test_raw.shape, x_test_raw.dtype, " labels:", y_test.shape)
print("pixel values from", x_train_raw.min(), "to", x_train_raw.max())
print("training images per digit:", np.bincount(y_train))

# %% [markdown]
# The first axis counts the images: `x_train_raw[i]` is image $i$, a 28×28 grid of
# whole numbers from 0 (paper) to 255 (ink), and `y_train[i]` is the digit it shows.
# The ten digits are about equally frequent, so a model that guessed would be right 10%
# of the time.

# %%
plot_image_grid(x_train_raw[:16], titles=[f"label {d}" for d in y_train[:16]], ncols=8)
plt.show()

# %% [markdown]
# ## 2. Scale, then flatten
#
# **Scale.** Raw pixels run up to 255. Fed to a network whose random weights were sized
# for inputs around 1, they give values of $z$ in the hundreds: the softmax saturates,
# the untrained network is all but certain of its (random) answers, and training starts
# with huge losses and erratic steps. Dividing by 255 puts every pixel in $[0, 1]$
# (standardising, as in notebook 02, works as well). We compute in float32, Keras's
# default: half the memory of float64, and precise enough for training.
#
# **Flatten.** A `Dense` layer expects one vector per example, so each 28×28 image becomes
# one row of $28 \cdot 28 = 784$ numbers: the first row of pixels, then the second, and so
# on. `reshape` does this without copying anything; `-1` asks numpy to work out that size.

# %% tags=["nbval-check-output"]
x_train = x_train_raw / np.float32(255)  # uint8 divided by a float32: float32
x_test = x_test_raw / np.float32(255)
x_train_flat = x_train.reshape(len(x_train), -1)
x_test_flat = x_test.reshape(len(x_test), -1)
print("scaled:   ", x_train.shape, x_train.dtype, "values from", x_train.min(), "to",
      x_train.max())
print("flattened:", x_train_flat.shape, x_test_flat.shape)
row, col = 9, 14
print(f"pixel ({row}, {col}) of image 0 is entry {row * 28 + col} of its row:",
      x_train[0, row, col] == x_train_flat[0, row * 28 + col])

# %% [markdown]
# ## 3. Why ten classes need a softmax
#
# A well-known tutorial on this very task gives its MNIST model ten **sigmoid**
# outputs. A sigmoid answers one yes/no question, so ten of them give ten independent
# numbers between 0 and 1 with no reason to add up to 1. A digit is exactly one of ten
# classes: we want one probability distribution over the ten, and that is what a
# **softmax** output gives,
#
# $$a_k = \frac{e^{z_k}}{\sum_{j=1}^{10} e^{z_j}}, \qquad a_k > 0, \qquad \sum_k a_k = 1.$$
#
# Here are three classes' scores $z$ through both:

# %% tags=["nbval-check-output"]
z = np.array([2.0, 1.0, -1.0])
as_sigmoids = 1 / (1 + np.exp(-z))
as_softmax = np.exp(z) / np.sum(np.exp(z))
print("sigmoid:", as_sigmoids, " sum", round(float(as_sigmoids.sum()), 3))
print("softmax:", as_softmax, " sum", round(float(as_softmax.sum()), 3))

# %% [markdown]
# The sigmoids claim 88% for the first class and 73% for the second at the same time,
# 1.881 in total; the softmax shares out exactly 1. The matching loss is the
# cross-entropy of notebook 03, $\mathcal{L} = -\log a_y$, minus the log of the
# probability given to the true class $y$. Keras calls it
# `sparse_categorical_crossentropy` when the labels are integers 0..9, as ours are, and
# `categorical_crossentropy` when they are one-hot rows.
#
# Why does the tutorial's sigmoid model train at all? Keras's cross-entropy quietly divides
# the outputs by their sum before taking the log, so during training the ten sigmoids
# are renormalised behind your back. `predict` does no such thing, and hands back ten
# numbers that are not probabilities. Use softmax and the outputs mean what they say.
#
# ## 4. A model in Keras
#
# A Keras `Sequential` model is a list of layers applied one after the other:
#
# - `keras.Input(shape=...)` declares the shape of **one** example (the batch axis is
#   left out), e.g. `(784,)` or `(28, 28)`;
# - `keras.layers.Flatten()` turns each example into one row of numbers (and does nothing
#   to an example that is a row already);
# - `keras.layers.Dense(units, activation=...)` is a layer exactly as in our notebooks,
#   `units` neurons each computing a weighted sum plus a bias, followed by the activation
#   (`"relu"`, `"softmax"`, `"sigmoid"`, ...; none means linear).
#
# For instance, a model taking examples of 3 features into one layer of 2 tanh units is
# `keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, activation="tanh")])`.
#
# ### Exercise 1: `build_model` (3 points)
#
# Return a `Sequential` model for inputs of shape `input_shape`: first `keras.Input` and
# a `Flatten` layer; then, **only if `n_hidden` is not None**, a `Dense` layer of
# `n_hidden` ReLU units; and last a `Dense` output layer of `num_classes` softmax
# units. With `n_hidden=None` the inputs go straight into the output layer: that is
# softmax regression, notebook 01's single neuron grown to ten classes.
#
# **May call:** keras, numpy.

# %% tags=["answer"] grade_id="build_model"
def build_model(input_shape, n_hidden=None, num_classes=10):
    """A Keras classifier: Flatten, an optional ReLU hidden layer, a softmax output.

    input_shape: shape of one example, e.g. (784,) or (28, 28).
    n_hidden: None for no hidden layer, or the number of ReLU units.
    Returns: a keras.Sequential model (not compiled).
    """
    ### BEGIN SOLUTION
    layers = [keras.Input(shape=input_shape), keras.layers.Flatten()]
    if n_hidden is not None:
        layers.append(keras.layers.Dense(n_hidden, activation="relu"))
    layers.append(keras.layers.Dense(num_classes, activation="softmax"))
    return keras.Sequential(layers)
    ### END SOLUTION


# %% tags=["tests"] grade_id="build_model_tests" points=3
checks.check_build_model(build_model)
### BEGIN HIDDEN TESTS
checks.hidden("build_model", build_model, args=((5,), None, 3, 11),
    expected={"output": np.array([[0.36974919720303523, 0.1573474332942853,
                                   0.47290336950267936],
                                  [0.04193121760785581, 0.1721758376450625,
                                   0.7858929447470817],
                                  [0.33333110264497706, 0.13930604932408186,
                                   0.5273628480309411],
                                  [0.11147275655095519, 0.10016133650502791,
                                   0.7883659069440169]])})
checks.hidden("build_model", build_model, args=((4, 3), 7, 5, 12),
    expected={"output": np.array([[0.004123838581589294, 0.034417892240745526,
                                   0.014017315278759667, 5.0906984513473163e-05,
                                   0.947390046914392],
                                  [0.016450835577171724, 0.15359366345828418,
                                   0.06723166472670218, 0.0005736387474871435,
                                   0.7621501974903548],
                                  [0.04334669579381656, 0.11942981798014224,
                                   0.02604841981078476, 0.0005357051641365626,
                                   0.8106393612511199],
                                  [0.026257302747234597, 0.11989359062260631,
                                   0.038897047794348, 0.0005111006147576895,
                                   0.8144409582210533]])})
### END HIDDEN TESTS

# %% [markdown]
# Your first model takes the flattened images and has no hidden layer. `summary()` lists
# its layers, the shape of what each one outputs (`None` stands for the batch size, which
# is not fixed) and how many parameters each one learns.

# %%
model = build_model((784,))
model.summary()

# %% [markdown]
# The output layer learns $784 \cdot 10$ weights and $10$ biases, 7,850 parameters. Keras
# calls the weight matrix the layer's *kernel*. Its shape is $(784, 10)$, one column per
# output unit, because Keras multiplies a batch of rows from the right, $Z = X K + b$. Our
# notebooks multiply columns from the left, $Z = W X + b$ with $W$ of shape $(10, 784)$:
# the same numbers, transposed.

# %% tags=["nbval-check-output"]
output_layer = model.layers[-1]
print("kernel:", tuple(output_layer.kernel.shape), " bias:", tuple(output_layer.bias.shape))
print("parameters:", model.count_params())

# %% [markdown]
# ### Exercise 2: `compile_model` (2 points)
#
# `model.compile(optimizer=..., loss=..., metrics=[...])` fixes how the model will learn:
#
# - **optimizer**: Adam from notebook 07. `keras.optimizers.Adam(learning_rate=...)`
#   keeps Keras's defaults for the rest ($\beta_1 = 0.9$, $\beta_2 = 0.999$,
#   $\epsilon = 10^{-7}$); the string `"adam"` means Adam with every default, learning
#   rate 0.001 included;
# - **loss**: the cross-entropy for integer labels, `"sparse_categorical_crossentropy"`;
# - **metrics**: what `fit` and `evaluate` report besides the loss; ask for
#   `["accuracy"]`.
#
# Write `compile_model(model, learning_rate=0.001)`, which compiles the model it is given
# with Adam at `learning_rate`. `compile` changes the model in place, so nothing needs to
# be returned (returning the model as well does no harm).
#
# **May call:** keras, numpy.

# %% tags=["answer"] grade_id="compile_model"
def compile_model(model, learning_rate=0.001):
    """Compile `model` for integer class labels: Adam, cross-entropy, accuracy."""
    ### BEGIN SOLUTION
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
    ### END SOLUTION


# %% tags=["tests"] grade_id="compile_model_tests" points=2
checks.check_compile_model(compile_model)
### BEGIN HIDDEN TESTS
checks.hidden("compile_model", compile_model, args=(0.0005,),
    expected={"loss": 1.1276584369950482,
              "weights": np.array([0.4946323476139244, 2.09074456522965,
                                   0.7980010293627513, 2.491180588456032,
                                   0.9503347592653942, -0.2666400890056284,
                                   -2.2854820313885007, -2.3421507771521166,
                                   0.30742156733397635, 1.0351967303323015,
                                   2.164710019721982, -0.9188030358732561,
                                   0.038955219503601084, -0.40678053305320283,
                                   -0.21101619584725048])})
checks.hidden("compile_model", compile_model, args=(0.001,),
    expected={"loss": 1.1276584369950482,
              "weights": np.array([0.4949875457889907, 2.0915984119992177,
                                   0.7967360184003378, 2.4914048704545446,
                                   0.9493393335942651, -0.26666854232628984,
                                   -2.284352267351587, -2.343491970640293,
                                   0.30766192534216225, 1.033925550851676,
                                   2.1644615624237007, -0.9176535003544526,
                                   0.03902346351019481, -0.4070719024692444,
                                   -0.21086571183533961])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 3: `train` (2 points)
#
# `model.fit(x, y, epochs=..., batch_size=...)` runs notebook 07's training loop, the
# one that called your `random_mini_batches` and update rules: shuffle the training set,
# cut it into mini-batches of `batch_size` examples, take one optimizer step per
# mini-batch, and repeat for `epochs` passes over the data. With 60,000 images and
# batches of 32 that is 1,875 steps per epoch. `fit` returns a `History` object whose
# `.history` is a dict of lists, one value per epoch (`"loss"`, `"accuracy"`).
# `verbose=2` prints one line per epoch.
#
# Write `train(model, x, y, epochs=5, batch_size=32)`: fit the (compiled) model to `x`
# and `y` with those settings, in a single call to `fit`, and return what `fit` returns.
# Pass `epochs` and `batch_size` by name: `fit`'s third and fourth positional arguments
# are `batch_size` and then `epochs`, an easy swap to make.
#
# **May call:** keras, numpy.

# %% tags=["answer"] grade_id="train"
def train(model, x, y, epochs=5, batch_size=32):
    """Fit a compiled model on (x, y); returns the History that model.fit returns."""
    ### BEGIN SOLUTION
    return model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=2)
    ### END SOLUTION


# %% tags=["tests"] grade_id="train_tests" points=2
checks.check_train(train)
### BEGIN HIDDEN TESTS
# 60 examples, epochs=2, batch_size=12, seed=5 of the toy problem
checks.hidden("train", train, args=(60, 2, 12, 5),
    expected={"weights": np.array([0.17675864696502686, 0.400470495223999,
                                   -0.7696890830993652, -0.8644939661026001,
                                   -0.20329149067401886, -0.24799500405788422,
                                   -0.016316670924425125, -0.20221437513828278,
                                   0.44954222440719604, 0.45590612292289734,
                                   -0.46287769079208374, 0.10988375544548035,
                                   -0.7187066078186035, 0.10957439243793488,
                                   -0.8246650695800781, 0.3853212594985962,
                                   -0.019084464758634567, 0.258794367313385,
                                   0.05288410559296608, -0.0415768176317215,
                                   -0.045117225497961044]),
              "losses": [2.372835874557495, 1.9692368507385254]})
# loads MNIST itself: the first 6,400 training and 2,000 test images
checks.hidden_train_accuracy(train, n_train=6400, n_test=2000, epochs=2, batch_size=32,
                             floor=0.85)
### END HIDDEN TESTS

# %% [markdown]
# ### Training without a hidden layer
#
# Now your three functions train the model on all 60,000 images: five epochs of
# mini-batches of 32 (about 3 seconds). Seeding Keras first fixes the initial weights and
# the order of the mini-batches, so every run prints the same numbers.
#
# Then `evaluate` reports the loss and the metrics on the test set, and `predict` returns
# the model's output for every test image: one row of ten probabilities each. The most
# probable digit is the model's answer.

# %%
keras.utils.set_random_seed(SEED)
model = build_model((784,))
compile_model(model)
start = time.perf_counter()
history = train(model, x_train_flat, y_train, epochs=5, batch_size=32)
seconds_linear = time.perf_counter() - start
scores_linear = model.evaluate(x_test_flat, y_test, verbose=0, return_dict=True)
probabilities_linear = model.predict(x_test_flat, verbose=0)
predicted_linear = probabilities_linear.argmax(axis=1)
accuracy_linear = np.mean(predicted_linear == y_test)

# %% tags=["nbval-check-output"]
curves_linear = history.history if hasattr(history, "history") else history
print("training accuracy per epoch:", np.round(curves_linear["accuracy"], 3))
print("evaluate on the test set:", {k: round(float(v), 3) for k, v in scores_linear.items()})
print("probabilities:", probabilities_linear.shape, " first row:",
      probabilities_linear[0].round(3))
print(f"test accuracy without a hidden layer: {accuracy_linear:.1%}")
axes = plot_history(curves_linear)
for ax, what in zip(axes, ("loss", "accuracy")):
    ax.set_xticks(range(5), range(1, 6))
    ax.set_title(f"training {what}, no hidden layer")
plt.show()

# %% [markdown]
# After five epochs the model without a hidden layer classifies 92.7% of the test images
# correctly, in line with the tutorial's "about 92%". Its training accuracy was still
# creeping up (0.878 after the first epoch, 0.925 after the fifth). `evaluate` agrees:
# test accuracy 0.927, with a loss of 0.269. The first test image gets a probability
# of 0.997 for a 7. Here it is with the next eleven and the model's answers; one of
# them, a 5, is read as a 6:

# %%
titles = [f"{p} (true {t})" for p, t in zip(predicted_linear[:12], y_test[:12])]
plot_image_grid(x_test_raw[:12], titles=titles, ncols=12)
plt.show()

# %% [markdown]
# ## 5. Which digits get confused?
#
# Accuracy is one number. A **confusion matrix** shows where the errors go: entry $[i, j]$
# counts the test images of digit $i$ that the model called $j$. The diagonal holds the
# correct answers, everything else is a mistake, and a large entry off the diagonal points
# at a pair of digits the model mixes up.
#
# ### Exercise 4: `confusion_matrix` (2 points)
#
# Write `confusion_matrix(y_true, y_pred, num_classes)`. The labels are integer arrays of
# shape `(m,)`; return a `(num_classes, num_classes)` array of counts with the **true**
# class as the row and the **predicted** class as the column. The matrix always has
# `num_classes` rows and columns, even when a class never occurs. A loop over the
# examples is fine. Beware of `cm[y_true, y_pred] += 1`: when a pair of indices repeats,
# numpy writes that entry only once, so repeated pairs are not added up (`np.add.at` is
# the function that does add them).
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="confusion_matrix"
def confusion_matrix(y_true, y_pred, num_classes):
    """Counts: entry [i, j] is the number of examples of true class i predicted as j."""
    ### BEGIN SOLUTION
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
    ### END SOLUTION


# %% tags=["tests"] grade_id="confusion_matrix_tests" points=2
checks.check_confusion_matrix(confusion_matrix)
### BEGIN HIDDEN TESTS
checks.hidden("confusion_matrix", confusion_matrix, args=(
    np.array([2, 0, 1, 1, 2, 2, 0, 1]), np.array([2, 2, 1, 0, 2, 2, 0, 1]), 3),
    expected={"value": np.array([[1, 0, 1], [1, 2, 0], [0, 0, 3]])})
# uint8 labels, 10 classes of which most never occur
checks.hidden("confusion_matrix", confusion_matrix, args=(
    np.array([9, 3, 3, 7, 9, 0, 3, 9, 7], dtype=np.uint8),
    np.array([9, 5, 3, 7, 4, 0, 5, 9, 1], dtype=np.uint8), 10),
    expected={"value": np.array([[1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 0, 0, 1, 0, 2, 0, 0, 0, 0],
                                 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 1, 0, 0, 0, 0, 0, 1, 0, 0],
                                 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                 [0, 0, 0, 0, 1, 0, 0, 0, 0, 2]])})
# classes 0 and 4 occur in neither list: the matrix is still 5 x 5
checks.hidden("confusion_matrix", confusion_matrix, args=(
    np.array([1, 2, 3, 1, 2, 3]), np.array([1, 3, 3, 2, 2, 3]), 5),
    expected={"value": np.array([[0, 0, 0, 0, 0], [0, 1, 1, 0, 0], [0, 0, 1, 1, 0],
                                 [0, 0, 0, 2, 0], [0, 0, 0, 0, 0]])})
### END HIDDEN TESTS

# %% [markdown]
# The matrix of the model without a hidden layer, drawn with matplotlib
# (`helpers.plotting.plot_confusion_matrix` is a few lines of `imshow` and `text`). Its
# diagonal, about a thousand correct answers per digit, would take all the colour, so
# the plot sets it to 0 and shows only the mistakes:

# %% tags=["nbval-check-output"]
def largest_mistakes(cm, k):
    """The k largest entries off the diagonal of cm, as text."""
    off_diagonal = cm - np.diag(np.diag(cm))
    cells = np.argsort(off_diagonal, axis=None, kind="stable")[::-1][:k]
    return ", ".join(f"{off_diagonal.flat[c]} {c // len(cm)}s called {c % len(cm)}"
                     for c in cells)


cm_linear = confusion_matrix(y_test, predicted_linear, 10)
print("correct:", np.trace(cm_linear), " wrong:", cm_linear.sum() - np.trace(cm_linear))
print("most frequent mistakes:", largest_mistakes(cm_linear, 4))
fig, ax = plt.subplots(figsize=(6, 5), layout="constrained")
# the diagonal set to 0, so that the colours show the mistakes, not the ~1,000 correct
plot_confusion_matrix(cm_linear - np.diag(np.diag(cm_linear)), ax=ax)
ax.set_title("no hidden layer: mistakes only (diagonal set to 0)")
plt.show()

# %% [markdown]
# The diagonal holds 9,269 of the 10,000 test images. The worst cell is the 43 twos
# taken for eights, then come 9s taken for 7s (34), 5s for 8s (32) and 3s for 8s (31):
# digits that share strokes, with the 8, which overlaps many digits, as a frequent wrong
# answer. A model without a hidden layer gives each pixel one fixed vote for each digit,
# so it cannot express "a loop at the top *and* a stroke down the right", which is what
# tells a 9 from a 4.
#
# ## 6. One hidden layer of 100 ReLU units
#
# The same three functions, with a hidden layer: the model now learns 100 features of its
# own from the pixels and classifies with those. It has
# $784 \cdot 100 + 100 + 100 \cdot 10 + 10 = 79{,}510$ parameters, ten times as many, and
# training takes longer (about 5 seconds).

# %%
keras.utils.set_random_seed(SEED)
model_hidden = build_model((784,), n_hidden=100)
compile_model(model_hidden)
start = time.perf_counter()
history_hidden = train(model_hidden, x_train_flat, y_train, epochs=5, batch_size=32)
seconds_hidden = time.perf_counter() - start
probabilities_hidden = model_hidden.predict(x_test_flat, verbose=0)
predicted_hidden = probabilities_hidden.argmax(axis=1)
accuracy_hidden = np.mean(predicted_hidden == y_test)

# %% tags=["nbval-check-output"]
cm_hidden = confusion_matrix(y_test, predicted_hidden, 10)
print("parameters:", model_hidden.count_params())
print(f"test accuracy with 100 ReLU units: {accuracy_hidden:.1%}")
print("wrong test images: without a hidden layer", (predicted_linear != y_test).sum(),
      " with one", (predicted_hidden != y_test).sum())
print("most frequent mistakes:", largest_mistakes(cm_hidden, 3))
print("2s called 8s:", cm_linear[2, 8], "before,", cm_hidden[2, 8], "now")
fig, axes = plt.subplots(1, 2, figsize=(12, 5), layout="constrained")
plot_confusion_matrix(cm_linear, ax=axes[0])
plot_confusion_matrix(cm_hidden, ax=axes[1])
axes[0].set_title(f"no hidden layer: {accuracy_linear:.1%} right")
axes[1].set_title(f"100 ReLU units: {accuracy_hidden:.1%} right")
plt.show()

# %% [markdown]
# 97.4% of the test images are now right (the tutorial: "about 97%"); the errors fall from
# 731 to 259. The worst cell before, 2s called 8s, drops from 43 to 12, and the largest
# one left is 15 twos called 7. Almost every cell off the diagonal shrinks (a few rare
# confusions move by a handful either way). Some of the remaining mistakes are hard
# even for a person; here are the first twelve, with what the model said:

# %%
wrong = np.flatnonzero(predicted_hidden != y_test)[:12]
titles = [f"said {predicted_hidden[i]} (true {y_test[i]})" for i in wrong]
plot_image_grid(x_test_raw[wrong], titles=titles, ncols=6)
plt.show()

# %% [markdown]
# ### How many epochs? Validation curves
#
# Five epochs was the tutorial's choice, not ours. Training accuracy cannot tell whether
# more would help: it keeps rising as long as the network can memorise the training
# images better. What tells is a *validation set*, images the network does not train on,
# scored after every epoch. The test set must not play that role: a number of epochs
# chosen by its score would make the test accuracy look better than it is (notebook 02's
# lesson on leakage).
#
# `fit(..., validation_split=1/6)` holds out the last sixth of the training arrays,
# 10,000 images, before it shuffles anything, trains on the other 50,000, and adds
# `"val_loss"` and `"val_accuracy"` to the history. Below, the model with 100 ReLU units
# trains for ten epochs from three seeds (about half a minute); the plot shows the mean of
# the three, training solid and validation dashed.

# %% tags=["nbval-check-output"]
EPOCHS = 10
curves_validation = []
for seed in (1, 2, 3):
    keras.utils.set_random_seed(seed)
    model_validation = build_model((784,), n_hidden=100)
    compile_model(model_validation)
    fitted = model_validation.fit(x_train_flat, y_train, epochs=EPOCHS, batch_size=32,
                                  validation_split=1 / 6, verbose=0)
    curves_validation.append(fitted.history)

print("seed  best epoch  val_loss there  at epoch 10  val_accuracy there  loss at epoch 10")
for seed, curves in zip((1, 2, 3), curves_validation):
    best = int(np.argmin(curves["val_loss"]))
    print(f"{seed:>4}{best + 1:>12}{curves['val_loss'][best]:>16.3f}"
          f"{curves['val_loss'][-1]:>13.3f}{curves['val_accuracy'][best]:>20.1%}"
          f"{curves['loss'][-1]:>18.3f}")
mean_curves = {key: np.mean([curves[key] for curves in curves_validation], axis=0)
               for key in curves_validation[0]}
axes = plot_history(mean_curves)
for ax, what in zip(axes, ("loss", "accuracy")):
    ax.set_xticks(range(EPOCHS), range(1, EPOCHS + 1))
    ax.set_title(f"{what}, 100 ReLU units, mean of 3 seeds")
plt.show()

# %% [markdown]
# The two curves part company. Training loss falls all the way, from about 0.30 after
# the first epoch to 0.020 after the tenth, because the network fits the 50,000 images
# it sees ever more closely. Validation loss falls with it for a while, reaches its
# lowest after epoch 7 or 8 (0.077 to 0.083 for the three seeds), and then rises and
# jitters: at epoch 10 it is 0.079 to 0.104. From there on the network is learning the
# peculiarities of its training images, not digits: over-fitting, as in notebook 06.
# (In the first epochs the validation loss is the lower one. That is no paradox: the
# training loss is the average over the epoch's steps, scored while the weights were
# still improving, and the validation loss is scored with the weights at its end.)
# Validation accuracy barely moves meanwhile (97.5% to 97.7% at the best epoch): the
# loss measures how confident the answers are as well as whether they are right, and
# it shows the change first.
#
# So ten epochs are too many for this network, and five stop a little before the best
# point but close to it. Notebook 06's early stopping automates the reading of this
# plot: `keras.callbacks.EarlyStopping(monitor="val_loss", patience=2,
# restore_best_weights=True)`, passed to `fit` as `callbacks=[...]`, stops once the
# validation loss has not improved for two epochs and keeps the best weights. Only
# after that choice is made does the test set get its one look.

# %% [markdown]
# ## 7. `Flatten` instead of reshaping by hand
#
# We flattened the images ourselves in section 2. Since `build_model` starts with a
# `Flatten` layer, the model can just as well take the 28×28 images as they are, and do
# the reshaping inside. `Flatten` has no parameters, so the model for 28×28 inputs has
# exactly the weights of `model_hidden`: copy them over and both give the same answers.

# %% tags=["nbval-check-output"]
model_images = build_model((28, 28), n_hidden=100)
model_images.set_weights(model_hidden.get_weights())
probabilities_images = model_images.predict(x_test, verbose=0)  # (10000, 28, 28) images
print("what Flatten outputs:", model_images.layers[0].compute_output_shape((None, 28, 28)))
print("same answers for all 10,000 test images:",
      np.array_equal(probabilities_images.argmax(axis=1), predicted_hidden))

# %% [markdown]
# ## 8. A `Dense` kernel is our $W$ transposed
#
# Our numpy network and Keras's compute the same thing in two layouts. Keras puts the
# examples in the rows and computes $Z = XK + b$ with a kernel $K$ of shape
# $(n^{[l-1]}, n^{[l]})$ and a bias of shape $(n^{[l]},)$; we put them in the columns
# and compute $Z = WA + b$. Transposing $XK$ gives $K^T X^T$: so our $W$ is $K^T$, and
# the bias becomes a column.
#
# ### Exercise 5: `numpy_forward` (2 points)
#
# Write `numpy_forward(weights, X)`. `weights` is what `model.get_weights()` returns for
# a stack of `Dense` layers, `[K1, b1, K2, b2, ...]` (numpy arrays, as many pairs as
# layers); `X` holds the examples as **columns**, shape $(n_x, m)$. Turn each pair into
# our $W^{[l]}$ and $b^{[l]}$, run the forward pass with ReLU on every hidden layer and a
# softmax on the last, and return $A^{[L]}$ of shape $(n_y, m)$: column $i$ holds the
# class probabilities of example $i$. Write the softmax yourself (subtract each column's
# largest entry before `np.exp`, as in notebook 03, so that nothing overflows).
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="numpy_forward"
def numpy_forward(weights, X):
    """A Keras Dense stack's forward pass in numpy, examples as columns.

    weights: [K1, b1, ..., KL, bL] with Kl of shape (n[l-1], n[l]), bl of shape (n[l],).
    X: (n_x, m). Returns A_L: (n_y, m), softmax probabilities, ReLU hidden layers.
    """
    ### BEGIN SOLUTION
    A = X
    L = len(weights) // 2
    for l in range(L):
        W, b = weights[2 * l].T, weights[2 * l + 1].reshape(-1, 1)
        Z = W @ A + b
        if l < L - 1:
            A = np.maximum(0, Z)
        else:
            e = np.exp(Z - Z.max(axis=0, keepdims=True))
            A = e / e.sum(axis=0, keepdims=True)
    return A
    ### END SOLUTION


# %% tags=["tests"] grade_id="numpy_forward_tests" points=2
checks.check_numpy_forward(numpy_forward)
### BEGIN HIDDEN TESTS
# no hidden layer: softmax regression
checks.hidden("numpy_forward", numpy_forward, args=(5, (6, 4), 9),
    expected={"value": np.array([[0.40418512648204585, 0.11309963034777891,
                                  0.23379936237178658, 0.14145838845962935,
                                  0.41927167761652806, 0.05434979887415243,
                                  0.16826065485838912, 0.22851382100549172,
                                  0.4418929028468671],
                                 [0.1992662298537024, 0.6806480175833114,
                                  0.5833806438232124, 0.8229491138995236,
                                  0.5197098930986187, 0.6224660188301292,
                                  0.7970113730176894, 0.11649963119265618,
                                  0.3666287135015277],
                                 [0.041453520550931794, 0.04846102891025237,
                                  0.04484293163464978, 0.019797014128808892,
                                  0.022748448033974113, 0.06799313424284648,
                                  0.017145448922307023, 0.038984696716186214,
                                  0.032318938675169516],
                                 [0.35509512311332, 0.1577913231586574,
                                  0.13797706217035124, 0.01579548351203802,
                                  0.038269981250879215, 0.25519104805287207,
                                  0.01758252320161425, 0.6160018510856659,
                                  0.15915944497643564]])})
# three hidden layers
checks.hidden("numpy_forward", numpy_forward, args=(9, (3, 7, 6, 5, 4), 3),
    expected={"value": np.array([[0.09122534164777459, 0.07576810577901193,
                                  0.0888544803555106],
                                 [0.41403720136282285, 0.4272973080423447,
                                  0.3155785601793717],
                                 [0.09917649216391074, 0.1545816055551552,
                                  0.2469625600502193],
                                 [0.39556096482549175, 0.3423529806234883,
                                  0.3486043994148984]])})
### END HIDDEN TESTS

# %% [markdown]
# Now the trained `model_hidden`: its weights through your `numpy_forward`, the test
# images as columns, against what Keras predicted.

# %% tags=["nbval-check-output"]
print("Keras kernels:", [w.shape for w in model_hidden.get_weights()[::2]])
A2 = numpy_forward(model_hidden.get_weights(), x_test_flat.T)  # (10, 10000)
print("numpy's A2:", A2.shape, " Keras's probabilities:", probabilities_hidden.shape)
print("the same predictions for all 10,000 test images:",
      np.array_equal(A2.argmax(axis=0), predicted_hidden))
print("largest difference in a probability below 1e-5:",
      bool(np.abs(A2.T - probabilities_hidden).max() < 1e-5))

# %% [markdown]
# Identical predictions: `A2` is Keras's output transposed, up to float32 rounding. The
# two libraries differ in layout, not in what a layer computes.
#
# ## 9. The numpy network, trained on the same data
#
# Last, train the course's own network (`helpers.train.fit`, built from the functions
# of notebooks 04 to 07) with everything as Keras had it: 784 inputs, 100 ReLU units and
# a softmax output; the same initialisation (Glorot uniform weights and zero biases,
# Keras's default for `Dense`); Adam with Keras's defaults; mini-batches of 32; five
# epochs; float32. Only the layout changes: the images go in as columns, the labels as
# one-hot columns. This run takes about 4 seconds.

# %%
rng = np.random.default_rng(SEED)
params = initialize_parameters([784, 100, 10], rng, method="glorot_uniform")
params = {key: value.astype(np.float32) for key, value in params.items()}
X_train, X_test = x_train_flat.T, x_test_flat.T               # (784, m): columns
Y_train = one_hot(y_train.reshape(1, -1), 10).astype(np.float32)  # (10, 60000)
start = time.perf_counter()
history_numpy = fit(X_train, Y_train, params, ["relu", "softmax"],
                    loss="softmax_cross_entropy", optimizer="adam", epochs=5,
                    batch_size=32, rng=rng, learning_rate=0.001, verbose=False)
seconds_numpy = time.perf_counter() - start

# %% tags=["nbval-check-output"]
accuracy_numpy = accuracy(X_test, y_test.reshape(1, -1), params, ["relu", "softmax"])
print("training accuracy per epoch:", np.round(history_numpy["accuracy"], 3))
print(f"numpy network, test accuracy: {accuracy_numpy:.1%}")

# %% [markdown]
# The numpy network reaches 97.5%, next to Keras's 97.4%: the same method gives the same
# result, give or take the luck of the initial weights and the shuffling. Both, with
# the training times measured on your machine:

# %%
print(f"{'784-100-10 network, 5 epochs':<30}{'test accuracy':>15}{'training time':>16}")
print(f"{'Keras (JAX backend)':<30}{accuracy_hidden:>15.1%}{seconds_hidden:>15.1f}s")
print(f"{'numpy (helpers.train.fit)':<30}{accuracy_numpy:>15.1%}{seconds_numpy:>15.1f}s")

# %% [markdown]
# The times depend on your machine, but on a laptop CPU the two are close, and the
# numpy network is often the faster. A network this small is cheap to compute, so both
# spend much of their time on the bookkeeping around each of the 9,375 small steps.
# Keras compiles its training step once, with JAX, and then repeats it; its time above
# includes that compilation, about a second. Our `fit` checks its arguments once and
# then runs plain numpy steps with nothing to spare: float32 throughout, Adam's updates
# in place, no gradient for the input images, which nothing would use. (The course's
# `benchmarks/numpy_vs_keras.py` times the two epoch by epoch.) A GPU, which numpy
# cannot use, would not change this picture much by itself: with 79,510 parameters and
# batches of 32, each step is too small to keep it busy, and the fixed cost per step
# dominates. A GPU gains mostly with larger batches and larger models, which this
# notebook does not measure. The bigger difference is in the writing: in Keras
# the backward pass, the optimizer and the training loop took a few lines that you did
# not have to derive or test.
#
# ## What you should have seen
#
# - MNIST: 60,000 training and 10,000 test images of 28×28 pixels, scaled from 0..255 to
#   $[0, 1]$ and flattened into rows of 784, by `reshape` or by a `Flatten` layer.
# - Keras stores examples as rows; a `Dense` layer computes $Z = XK + b$, and its kernel
#   $K$ is our $W$ transposed: the same weights in numpy gave the same 10,000 predictions.
# - Ten classes need a softmax output, whose ten probabilities add up to 1, trained with
#   `sparse_categorical_crossentropy` on integer labels; ten sigmoids gave 1.881.
# - `compile`, `fit`, `evaluate` and `predict`: five epochs took the model without a
#   hidden layer to 92.7% test accuracy and the one with 100 ReLU units to 97.4%, the
#   errors falling from 731 to 259.
# - The confusion matrix shows where the errors go: 2s read as 8s (43 of them) led the
#   list without a hidden layer, and 12 were left with one.
# - Validation curves (`validation_split=1/6`, three seeds): training loss kept falling
#   for ten epochs while validation loss was lowest after epoch 7 or 8 and then rose, so
#   the number of epochs is chosen on a validation set, never on the test set.
# - The numpy network from `helpers`, with the same architecture, initialisation,
#   optimizer and data, reached 97.5%.
#
# ## Rules for answers
#
# - Answer cells, and any cell you add, may use numpy (`np`), the `math` module, the
#   names you define yourself, and `keras`, which the notebook's first cell imports (do
#   not import it again). Nothing else: not what the notebook imports from `helpers`, nor
#   `plt`, nor what it defines outside the answer cells.
# - Of `keras`, what builds, compiles and trains a model: `keras.Sequential`,
#   `keras.Model`, `keras.Input`, `keras.layers`, `keras.optimizers`, `keras.losses`,
#   `keras.metrics`, `keras.activations`, `keras.initializers`, `keras.regularizers`,
#   `keras.ops` and `keras.utils.set_random_seed`. Not what reads or writes files
#   (`model.save`, `keras.utils.get_file`) and not what changes Keras's settings.
# - A function gets what it works on through its arguments, never from the notebook's
#   variables such as `x_train_flat`.
# - Each check first reads its answer cell and says, with the line, if the cell breaks a
#   rule. A slip that can only affect that cell, such as reading one of the notebook's
#   variables, costs that exercise, and the rest of the notebook is graded as usual.
# - A scratch cell you add that only prints the notebook's data is left out of grading.
# - Reaching for the course's checks or reference code (what the notebook imports from
#   `helpers`), other modules, Keras's files or settings, changing numpy, or IPython
#   magics and shell commands (`%`, `!`) scores the whole submission zero and is flagged
#   for the instructor.
# - To see everything the autograder would object to, run this from the course folder:
#   `python -m helpers.grading.guard notebooks/08_keras_mnist/08_keras_mnist.ipynb`.
