# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Vectorization, broadcasting, and a network with one hidden layer
#
# In notebook 01 every formula was written for all the examples at once, as matrix
# products. This notebook shows why that matters: a Python loop over the examples is
# hundreds of times slower than the same arithmetic handed to numpy in one piece. It then
# covers the numpy rules that make whole-array code work (and the ones that make it go
# quietly wrong), prepares image data the way a network needs it, and ends with your
# first real neural network: one hidden layer, which solves a problem that logistic
# regression cannot.
#
# **By the end you will be able to**
# - time a loop against its vectorized form, and read the logistic-regression gradient
#   as one matrix product with no loop;
# - predict the shape numpy's broadcasting produces, spot a rank-1 array, and keep
#   dimensions with `keepdims=True`;
# - flatten images into the columns of a matrix, and write a loop-free standardisation
#   that uses statistics of the training set only, knowing why statistics of the test set
#   leak;
# - build, train and evaluate a network with one tanh hidden layer, vectorized across
#   the examples, and choose its number of hidden units on a validation split instead of
#   the test set.
#
# **How the exercises work.** An exercise is a code cell holding `# YOUR CODE HERE` and
# `raise NotImplementedError()`. Put your code in place of those two lines, run the cell,
# then run the check cell under it. When a check fails, its message says what it thinks
# you got wrong. The autograder runs further, hidden checks with other inputs, so write
# code that works in general, not only for the visible example.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `standardize` (no loops) | 2 |
# | 2 `layer_sizes` | 1 |
# | 3 `initialize_parameters` | 1 |
# | 4 `forward_propagation` | 2 |
# | 5 `compute_cost` | 1 |
# | 6 `backward_propagation` | 3 |
# | 7 `update_parameters` | 1 |
# | 8 `nn_model` | 2 |
# | 9 `predict` | 1 |
#
# Notation as in every notebook: $m$ examples with $n_x$ features are the **columns** of
# $X$, shape $(n_x, m)$; their labels form the row $Y$, shape $(1, m)$.

# %%
import math
import timeit

import numpy as np
import matplotlib.pyplot as plt

from helpers import logistic
from helpers.data import load_digits, make_planar, train_test_split
from helpers.plotting import CLASS_COLORS, plot_costs, plot_decision_boundary, plot_image_grid
from helpers.grading import nb02 as checks

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. Loops against whole-array operations
#
# A Python loop runs one small step at a time, and every step costs the interpreter
# some bookkeeping: it looks up what `+` means for these two objects, creates a new
# Python float for the result, and moves on. A numpy call such as `np.dot(a, b)` crosses
# from Python into compiled code once; the compiled code then walks through memory doing
# nothing but arithmetic, often several numbers per processor instruction. Same
# arithmetic, far less overhead.
#
# To see the difference we need honest measurements. The function below times a call
# with Python's `timeit` module: it repeats the measurement three times and keeps the
# fastest, the one least disturbed by whatever else the computer was doing, and it runs
# a fast call many times per measurement, since the clock cannot resolve a single call
# of a few microseconds.

# %%
def seconds_per_call(fn, *args):
    """Best of three timings of fn(*args), in seconds per call."""
    timer = timeit.Timer(lambda: fn(*args))
    first = timer.timeit(number=1)
    number = max(1, int(0.05 / max(first, 1e-9)))   # at least 0.05 s per measurement
    if number == 1:                                 # a slow call: the first run counts
        return min([first] + timer.repeat(repeat=2, number=1))
    return min(timer.repeat(repeat=3, number=number)) / number


def show_times(times):
    """Print {label: seconds} with each time's ratio to the fastest."""
    fastest = min(times.values())
    for label, seconds in times.items():
        print(f"{label:<24} {1000 * seconds:10.3f} ms   {seconds / fastest:7.0f} x the fastest")

# %% [markdown]
# **A million-element dot product.** Two vectors of a million random numbers, multiplied
# entry by entry and summed: once with a Python loop, once with `np.dot`. Then the
# exponential of every entry, with `math.exp` in a list comprehension and with `np.exp`.
# The timings are your machine's and change a little from run to run; the ratios are what
# to look at.

# %%
rng = np.random.default_rng(0)
u = rng.standard_normal(1_000_000)
v = rng.standard_normal(1_000_000)


def dot_loop(u, v):
    total = 0.0
    for i in range(len(u)):
        total += u[i] * v[i]
    return total


print("loop:", round(dot_loop(u, v), 6), "  np.dot:", round(np.dot(u, v), 6))
show_times({"dot product, loop": seconds_per_call(dot_loop, u, v),
            "dot product, np.dot": seconds_per_call(np.dot, u, v)})
print()
show_times({"exp, list of math.exp": seconds_per_call(lambda: [math.exp(t) for t in u]),
            "exp, np.exp": seconds_per_call(np.exp, u)})

# %% [markdown]
# The two dot products agree to about ten significant digits, not to the last one:
# they add the million products in different orders, and floating-point addition
# rounds differently in each order. Expect the loop to take a tenth of a second or more
# and `np.dot` well under a millisecond, a factor of several hundred or more; `np.exp`
# beats the list of `math.exp` calls by a factor of tens to a hundred.
#
# ### The logistic-regression gradient, three ways
#
# Notebook 01 gave the gradients of the logistic-regression cost. Written one example at
# a time, as you would on paper, they become a loop over the $m$ examples with an inner
# loop over the $n_x$ features:
#
# - for each example $i$: its prediction $a^{(i)} = \sigma(w^T x^{(i)} + b)$, where the
#   weighted sum is itself a loop over the features, and its error
#   $dz^{(i)} = a^{(i)} - y^{(i)}$;
# - then, for each feature $j$, add $x_j^{(i)}\, dz^{(i)}$ to $dw_j$; and add $dz^{(i)}$
#   to $db$;
# - at the end, divide $dw$ and $db$ by $m$.
#
# Below, `gradients_two_loops` does exactly that, and `gradients_one_loop` replaces the
# inner loop by vector operations on one example's column.

# %%
def gradients_two_loops(w, b, X, Y):
    """dw (n_x, 1) and db of logistic regression, one example and one feature at a time."""
    n_x, m = X.shape
    dw = np.zeros((n_x, 1))
    db = 0.0
    for i in range(m):                        # every example ...
        z = b
        for j in range(n_x):                  # ... and every feature
            z += w[j, 0] * X[j, i]
        dz = 1 / (1 + math.exp(-z)) - Y[0, i]
        for j in range(n_x):
            dw[j, 0] += X[j, i] * dz
        db += dz
    return dw / m, db / m


def gradients_one_loop(w, b, X, Y):
    """The same, one example at a time; the features are handled as a vector."""
    n_x, m = X.shape
    dw = np.zeros((n_x, 1))
    db = 0.0
    for i in range(m):
        x = X[:, i:i + 1]                     # example i as an (n_x, 1) column
        dz = (1 / (1 + np.exp(-(w.T @ x + b)))).item() - Y[0, i]
        dw += x * dz
        db += dz
    return dw / m, db / m

# %% [markdown]
# The third way has no loop at all. With the predictions of all examples in the row
# $A = \sigma(w^T X + b)$, shape $(1, m)$:
#
# $$dZ = A - Y, \qquad dw = \frac{1}{m} X\, dZ^T, \qquad db = \frac{1}{m} \sum_{i=1}^m dZ_i.$$
#
# Read $X\, dZ^T$ as the inner loop and the outer loop at once: entry $j$ of the product
# is $\sum_i x_j^{(i)} dz^{(i)}$, exactly what the loops accumulate. In numpy it is two
# lines, the same gradient notebook 01's `propagate` computed:

# %%
def gradients_no_loop(w, b, X, Y):
    """The same gradients for all examples at once: a matrix product and a sum."""
    dZ = 1 / (1 + np.exp(-(w.T @ X + b))) - Y       # predictions minus labels, (1, m)
    return X @ dZ.T / X.shape[1], float(np.mean(dZ))

# %% [markdown]
# **The race.** A batch of thousands of real images: the 1,797 handwritten digits shipped
# with the course, each 8×8 image unrolled into a column of 64 pixels (section 3 looks at
# that step closely), taken twice to make 3,594 examples. The task is notebook 01's
# question, "is this a 9?", and the weights are small random numbers. First we make sure
# the three functions agree, then we time them.

# %%
images, labels = load_digits()
X_batch = np.tile(images.reshape(len(images), 64).T / 16.0, 2)     # (64, 3594)
Y_batch = np.tile(labels == 9, 2).astype(float).reshape(1, -1)     # (1, 3594)
w0 = 0.01 * rng.standard_normal((64, 1))
b0 = 0.0

results = {"two loops": gradients_two_loops(w0, b0, X_batch, Y_batch),
           "one loop": gradients_one_loop(w0, b0, X_batch, Y_batch),
           "no loop": gradients_no_loop(w0, b0, X_batch, Y_batch)}
for label, (dw, db) in results.items():
    same = np.allclose(dw, results["two loops"][0]) and np.isclose(db, results["two loops"][1])
    print(f"{label:<10} dw {dw.shape}, db {db:.6f}, same as two loops: {same}")

# %%
show_times({label: seconds_per_call(fn, w0, b0, X_batch, Y_batch) for label, fn in
            (("two loops", gradients_two_loops), ("one loop", gradients_one_loop),
             ("no loop", gradients_no_loop))})

# %% [markdown]
# On a typical laptop the version without loops is a few hundred times faster than the
# one-loop version and more than a thousand times faster than the two loops. Training
# evaluates the gradient thousands of times, so this is the difference between a model
# that trains in a second and one that trains over a coffee break. The rule of thumb for
# the rest of the course: whenever you are about to loop over examples or features,
# look for the matrix product or the `np.sum(..., axis=...)` that does the same.
#
# ## 2. Broadcasting: how numpy combines arrays of different shapes
#
# In $w^T X + b$ a single number $b$ is added to a whole row. numpy allows arithmetic
# between arrays of different shapes by **broadcasting**; its rules:
#
# 1. Line up the two shapes from the right (the last axes together).
# 2. Two sizes are compatible when they are equal or when one of them is 1; a missing
#    axis counts as size 1.
# 3. An axis of size 1 is stretched, without copying, to the other array's size.
#
# So `(3, 1) + (1, 4)` gives `(3, 4)`, `(n_h, m) + (n_h, 1)` adds a bias column to every
# column, and `(3, 2) + (3,)` is an error, because 2 and 3 differ. The rules are handy
# and sometimes surprising. First the handy part: a column plus a row is a whole table.

# %% tags=["nbval-check-output"]
column = np.array([[0.0], [10.0], [20.0]])       # (3, 1)
row = np.array([[1.0, 2.0, 3.0, 4.0]])          # (1, 4)
print(column + row)
print("shape:", (column + row).shape)

# %% [markdown]
# **Surprise 1: labels stored as a column.** Predictions come out of a model as a row
# `(1, m)`. Suppose the labels were loaded as a column `(m, 1)`, as they often are when
# read from a table. Subtracting one from the other raises no error: it broadcasts into an
# $m \times m$ table of every prediction minus every label, and its mean is a plausible
# number that means nothing: below, a mean squared error of 0.375 where the right one is
# 0.025.

# %% tags=["nbval-check-output"]
A = np.array([[0.9, 0.2, 0.8, 0.1]])            # predictions, (1, 4)
Y_column = np.array([[1.0], [0.0], [1.0], [0.0]])  # the right labels, as a column (4, 1)
print("(A - Y_column).shape:", (A - Y_column).shape)
print("mean squared error with the column:", np.mean((A - Y_column) ** 2).round(4))
print("mean squared error with a row:     ", np.mean((A - Y_column.T) ** 2).round(4))

# %% [markdown]
# **Surprise 2: rank-1 arrays.** `np.array([1.0, 2.0, 3.0])` has shape `(3,)`: one axis,
# neither a row nor a column. Transposing it does nothing, and `@` between two of them is
# the inner product, a single number, even when you wrote `v @ v.T` hoping for a
# matrix. Reshape to a column (or a row) and the shapes say what you mean.

# %% tags=["nbval-check-output"]
v3 = np.array([1.0, 2.0, 3.0])
print("v3.shape:", v3.shape, "  v3.T.shape:", v3.T.shape)
print("v3 @ v3.T =", v3 @ v3.T)
col3 = v3.reshape(3, 1)
print("col3 @ col3.T =\n", col3 @ col3.T)

# %% [markdown]
# Rank-1 arrays most often appear from a reduction: `np.sum(M, axis=1)` removes the axis
# it sums over. Centring each row of a square matrix shows the danger. Without
# `keepdims=True`, the row means come back as shape `(3,)`, which broadcasting lines up
# with the *last* axis: each *column* gets a row's mean subtracted. No error, wrong
# result. With `keepdims=True` the means stay a `(3, 1)` column and every row loses its
# own mean.

# %% tags=["nbval-check-output"]
M = np.array([[1.0, 2.0, 3.0],
              [10.0, 20.0, 30.0],
              [100.0, 200.0, 300.0]])
wrong = M - np.mean(M, axis=1)
right = M - np.mean(M, axis=1, keepdims=True)
print("row means after the wrong centring:", np.mean(wrong, axis=1))
print("row means after the right centring:", np.mean(right, axis=1))

# %% [markdown]
# The same trap waits in a network: a bias stored as `b1` of shape `(n_h,)` instead of
# `(n_h, 1)` makes `W1 @ X + b1` fail for most batch sizes, and silently add the biases
# along the wrong axis in the one case where the batch has exactly $n_h$ examples. Two
# habits prevent all of this: create vectors with two axes (`np.zeros((n, 1))`), and
# pass `keepdims=True` to sums and means. A third helps find what slipped through:
# `assert dw.shape == w.shape` costs nothing.
#
# ## 3. Preparing images: flatten, then standardise
#
# A network of this course takes each example as a column of numbers, so an image has to
# be unrolled. The digits arrive as an array of shape `(1797, 8, 8)`: image, row, column.
# `images.reshape(1797, 64)` unrolls each image row by row into 64 numbers, and `.T`
# turns those rows into columns. Leaving out the transpose and asking directly for
# `reshape(64, 1797)` gives the right shape and the wrong data: reshape fills the new
# shape in reading order, so each "column" then collects pixels from dozens of different
# images.

# %% tags=["nbval-check-output"]
print("images:", images.shape, images.dtype, " labels:", labels.shape)
X_digits = images.reshape(len(images), 64).T          # (64, 1797): one image per column
X_scrambled = images.reshape(64, len(images))         # right shape, wrong content
print("X_digits:", X_digits.shape, " X_scrambled:", X_scrambled.shape)
print("column 0 of X_digits is image 0:", np.array_equal(X_digits[:, 0].reshape(8, 8), images[0]))
print("column 0 of X_scrambled is image 0:",
      np.array_equal(X_scrambled[:, 0].reshape(8, 8), images[0]))

# %%
fig, axes = plt.subplots(2, 8, figsize=(9.6, 2.9), layout="constrained")
plot_image_grid(X_digits[:, :8], titles=[f"label {k}" for k in labels[:8]], axes=axes[0])
plot_image_grid(X_scrambled[:, :8], titles=["scrambled"] * 8, axes=axes[1])
fig.suptitle("top: columns of images.reshape(1797, 64).T;  bottom: columns of "
             "images.reshape(64, 1797)", fontsize=9)
plt.show()

# %% [markdown]
# ### Standardising with the training set's statistics
#
# Pixels count ink from 0 to 16. Notebook 01 divided them by 16; another common choice
# is to **standardise** each feature: subtract its mean and divide by its standard
# deviation, so that every feature has mean 0 and spread 1 and no feature dominates the
# weighted sum just because its numbers are larger. With the examples as columns, a
# feature is a row, and its mean runs across the row: `np.mean(X, axis=1, keepdims=True)`
# gives one mean per feature as an $(n_x, 1)$ column, which broadcasting then subtracts
# from every example.
#
# The mean and the standard deviation are computed on the **training set only**, and
# the very same numbers are then applied to the test set, and to any new example later
# on. Two reasons:
#
# - They are part of the model. Like $w$ and $b$ they are learned from data, and the
#   test score is meant to say how the finished model does on examples that took no part
#   in building it. A mean or a standard deviation taken from the test set, or from the
#   training and test sets pooled together, lets the test examples shape the model:
#   information *leaks* from the examples we grade on into the thing being graded, and
#   the score can come out better than the model deserves.
# - A model in use meets new examples one at a time. A single example has no spread of
#   its own, so the only statistics it can be standardised with are those the model
#   brought along from training. The test set stands in for those new examples and must
#   be treated the same way.
#
# One detail: a pixel that is blank in every training image has standard deviation 0,
# and dividing by it gives `nan` (or `inf` for a test image that does have ink there).
# Divide such a feature by 1 instead: it is centred and left unscaled, and in the
# training set it becomes 0 everywhere.
#
# ### Exercise 1: `standardize` (2 points)
#
# Return `X_train` and `X_test`, both standardised with the mean and standard deviation
# of each feature **in `X_train`**: `np.mean` and `np.std` across the examples, `np.std`
# as it comes (it divides by $m$), and 1 in place of a standard deviation of 0. Write it
# **without any loop**: no `for`, no `while`, no comprehension, no `np.vectorize`, and
# no Python `sum` either, which walks through an array one row at a time (`np.sum` is
# fine). The checks read your function's code and fail if it holds a loop, and the hidden
# checks use test sets whose statistics are far from the training set's, so a leak
# shows.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="standardize"
def standardize(X_train, X_test):
    """Standardise both sets with the TRAINING set's per-feature statistics, no loop.

    X_train: (n_x, m_train) and X_test: (n_x, m_test), the examples as columns.
    Each feature (row) has the mean mu and standard deviation sigma of its row of
    X_train subtracted and divided out, for both sets. A feature that is constant in
    X_train (sigma = 0) is divided by 1 instead: it is centred and left unscaled.
    Returns: (X_train_std, X_test_std), shaped like X_train and X_test.
    """
    ### BEGIN SOLUTION
    mu = np.mean(X_train, axis=1, keepdims=True)          # (n_x, 1): one mean per feature
    sigma = np.std(X_train, axis=1, keepdims=True)        # (n_x, 1)
    sigma = np.where(sigma > 0, sigma, 1.0)               # constant features: divide by 1
    return (X_train - mu) / sigma, (X_test - mu) / sigma
    ### END SOLUTION


# %% tags=["tests"] grade_id="standardize_tests" points=2
checks.check_standardize(standardize)
### BEGIN HIDDEN TESTS
checks.hidden("standardize", standardize, args=(
    np.array([[2.0, 4.0, 9.0], [0.5, 0.5, 0.5]]), np.array([[-1.0], [3.0]])),
    expected={"X_train_std": np.array([[-1.0190493307301363, -0.3396831102433787,
                                        1.3587324409735149],
                                       [0.0, 0.0, 0.0]]),
              "X_test_std": np.array([[-2.0380986614602725], [2.5]])})
checks.hidden("standardize", standardize, args=(
    np.array([[0.1, 0.4, 0.2, 0.3, 0.5, 0.1],
              [1000.0, 1500.0, 1200.0, 900.0, 1100.0, 1300.0],
              [-3.0, 1.0, 0.0, 2.0, -1.0, 4.0],
              [-2.5, -2.5, -2.5, -2.5, -2.5, -2.5]]),
    np.array([[0.9, 1.2, 0.8, 0.7, 1.0, 1.1],
              [2000.0, 2600.0, 1800.0, 2300.0, 2100.0, 2500.0],
              [5.0, 6.0, 4.0, 8.0, 3.0, 7.0],
              [-2.5, 0.0, 1.5, -4.0, 2.0, -2.5]])),
    expected={"X_train_std": np.array([[-1.1180339887498947, 0.894427190999916,
                                        -0.4472135954999578, 0.2236067977499789,
                                        1.5652475842498528, -1.1180339887498947],
                                       [-0.8451542547285169, 1.6903085094570327,
                                        0.16903085094570292, -1.3522468075656269,
                                        -0.338061701891407, 0.6761234037828129],
                                       [-1.5784566588059405, 0.22549380840084865,
                                        -0.22549380840084865, 0.676481425202546,
                                        -0.676481425202546, 1.5784566588059405],
                                       [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]),
              "X_test_std": np.array([[4.2485291572496005, 6.260990336999411,
                                       3.577708763999664, 2.9068883707497264,
                                       4.919349550499538, 5.590169943749475],
                                      [4.225771273642582, 7.268326590665242,
                                       3.2115861679683624, 5.747048932153912,
                                       4.732863826479693, 6.761234037828132],
                                      [2.029444275607638, 2.480431892409335,
                                       1.5784566588059405, 3.3824071260127297,
                                       1.1274690420042432, 2.9314195092110324],
                                      [0.0, 2.5, 4.0, -1.5, 4.5, 0.0]])})
checks.hidden("standardize", standardize, args=(
    np.array([[10.0, 20.0]]), np.array([[15.0, 30.0, 0.0]])),
    expected={"X_train_std": np.array([[-1.0, 1.0]]),
              "X_test_std": np.array([[0.0, 3.0, -3.0]])})
### END HIDDEN TESTS

# %% [markdown]
# Your function at work on the digits: a split into a training set and a test set, then
# both standardised with the training set's statistics.

# %% tags=["nbval-check-output"]
X_train, labels_train, X_test, labels_test = train_test_split(
    X_digits.astype(float), labels.reshape(1, -1), test_fraction=0.25,
    rng=np.random.default_rng(0))
X_train_std, X_test_std = standardize(X_train, X_test)
print("train:", X_train.shape, " test:", X_test.shape)
print("pixels that are blank in every training image:", int(np.sum(np.std(X_train, axis=1) == 0)))
print("training set: largest |pixel mean|", np.abs(X_train_std.mean(axis=1)).max().round(6),
      " pixel standard deviations from", X_train_std.std(axis=1).min().round(3),
      "to", X_train_std.std(axis=1).max().round(3))
print("test set:     largest |pixel mean|", np.abs(X_test_std.mean(axis=1)).max().round(3))

# %% [markdown]
# The training set comes out with means of exactly 0 and standard deviations of 1 (or 0
# for the pixels that never vary). The test set does not: some of its pixel means are
# clearly away from 0. That is how it should be. New images are not obliged to share the
# training set's averages, and the test set is our stand-in for new images.
#
# **What goes wrong with the test set's own statistics.** Standardised with statistics
# of its own batch, the same test image turns into different inputs depending on which
# other images arrived with it, and a single image arriving alone has standard deviation
# 0 in every pixel, so it comes out blank:

# %% tags=["nbval-check-output"]
def standardise_by_own_statistics(batch):
    own_mu = np.mean(batch, axis=1, keepdims=True)
    own_sigma = np.std(batch, axis=1, keepdims=True)
    return (batch - own_mu) / np.where(own_sigma > 0, own_sigma, 1.0)


image = X_test[:, :1]                                  # one test image, as a column
with_first_ten = standardise_by_own_statistics(X_test[:, :10])[:, :1]
with_other_ten = standardise_by_own_statistics(np.hstack([image, X_test[:, 10:19]]))[:, :1]
alone = standardise_by_own_statistics(image)
print("the same image, standardised within two batches: largest difference",
      np.abs(with_first_ten - with_other_ten).max().round(3))
print("standardised alone, its pixels are all", np.unique(alone))
print("with the training statistics it is always the same:",
      np.allclose(standardize(X_train, image)[1], X_test_std[:, :1]))

# %% [markdown]
# ## 4. A network with one hidden layer
#
# ### The data: a flower logistic regression cannot draw
#
# `make_planar` from the course's helpers draws 2-D points in the shape of a flower with
# eight petals; opposite petals belong to the same class. We draw 400 points to train
# on and 200 more to test on.

# %%
data_rng = np.random.default_rng(0)
X, Y = make_planar(400, rng=data_rng)
X_test_planar, Y_test_planar = make_planar(200, rng=data_rng)
print("X:", X.shape, " Y:", Y.shape, " class 1:", int(Y.sum()), "of", Y.shape[1])

fig, ax = plt.subplots(figsize=(4.5, 4.5), layout="constrained")
for label in (0, 1):
    points = X[:, Y[0] == label]
    ax.scatter(points[0], points[1], s=15, color=CLASS_COLORS[label], edgecolors="k",
               linewidths=0.3, label=f"class {label}")
ax.set(title="the planar data set (training part)", xlabel="$x_1$", ylabel="$x_2$",
       aspect="equal")
ax.legend()
plt.show()

# %% [markdown]
# Logistic regression separates the plane with one straight line, and no straight line
# splits this flower. Here it is, trained with the course's copy of notebook 01's
# `model`:

# %% tags=["nbval-check-output"]
fit = logistic.model(X, Y, X_test_planar, Y_test_planar, num_iterations=1000,
                     learning_rate=0.5)
train_accuracy = np.mean(fit["Y_prediction_train"] == Y)
test_accuracy = np.mean(fit["Y_prediction_test"] == Y_test_planar)
print(f"logistic regression: train accuracy {100 * train_accuracy:.1f}%, "
      f"test accuracy {100 * test_accuracy:.1f}%")
plot_decision_boundary(lambda points: logistic.predict(fit["w"], fit["b"], points), X, Y,
                       title="logistic regression: one straight boundary")
plt.show()

# %% [markdown]
# About half right on both sets: a coin toss would do as well. The best line leaves
# about half of each class on the wrong side.
#
# ### The network
#
# A hidden layer of $n_h$ tanh units sits between the two inputs and one sigmoid output.
# Each hidden unit is a neuron like notebook 01's: it computes its own weighted sum of
# the inputs and draws its own line; the output unit combines their answers, and so can
# follow a boundary made of several bends. For all $m$ examples at once:
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
#   Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# Square brackets number the layers; in code, `W1` is $W^{[1]}$. Column $i$ of each
# matrix belongs to example $i$, and row $k$ of $Z^{[1]}$ and $A^{[1]}$ to hidden unit
# $k$. The shapes, with $n_y = 1$ output unit:
#
# | array | shape | | array | shape |
# |---|---|---|---|---|
# | `X` | $(n_x, m)$ | | `W2` | $(n_y, n_h)$ |
# | `W1` | $(n_h, n_x)$ | | `b2` | $(n_y, 1)$ |
# | `b1` | $(n_h, 1)$ | | `Z2`, `A2` | $(n_y, m)$ |
# | `Z1`, `A1` | $(n_h, m)$ | | `Y` | $(n_y, m)$ |
#
# The cost is notebook 01's cross-entropy, averaged over the examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big( y^{(i)} \log a^{[2](i)}
#   + \big(1 - y^{(i)}\big) \log\big(1 - a^{[2](i)}\big) \Big).$$
#
# **Backward.** The output layer is logistic regression with inputs $A^{[1]}$, so its
# gradients are notebook 01's with $X$ replaced by $A^{[1]}$. The chain rule then
# carries the error back through $W^{[2]}$ and through tanh, whose derivative is
# $\tanh'(z) = 1 - \tanh^2(z)$, that is $1 - (A^{[1]})^2$ entry by entry ($*$ below is
# the entrywise product, `*` in numpy):
#
# $$dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \tfrac{1}{m}\, dZ^{[2]} A^{[1]T}, \quad
#   db^{[2]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[2]}_{:,i},$$
#
# $$dZ^{[1]} = \big(W^{[2]T} dZ^{[2]}\big) * \big(1 - (A^{[1]})^2\big), \quad
#   dW^{[1]} = \tfrac{1}{m}\, dZ^{[1]} X^T, \quad
#   db^{[1]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[1]}_{:,i}.$$
#
# Each sum runs over the examples, the columns: `np.sum(dZ1, axis=1, keepdims=True)`,
# which keeps the result a column shaped like the bias. Every gradient has the shape of
# its parameter, a free check on your code.

# %% [markdown]
# ### Exercise 2: `layer_sizes` (1 point)
#
# Return the tuple `(n_x, n_h, n_y)`: the number of input features (rows of `X`), the
# number of hidden units you are given, and the number of output units (rows of `Y`).
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="layer_sizes"
def layer_sizes(X, Y, n_h=4):
    """The sizes of the three layers.

    X: (n_x, m) inputs; Y: (n_y, m) labels; n_h: number of hidden units.
    Returns: the tuple (n_x, n_h, n_y).
    """
    ### BEGIN SOLUTION
    return X.shape[0], n_h, Y.shape[0]
    ### END SOLUTION


# %% tags=["tests"] grade_id="layer_sizes_tests" points=1
checks.check_layer_sizes(layer_sizes)
### BEGIN HIDDEN TESTS
checks.hidden("layer_sizes", layer_sizes, args=(np.zeros((2, 3)), np.zeros((1, 3)), 10),
    expected={"value": [2, 10, 1]})
checks.hidden("layer_sizes", layer_sizes, args=(np.zeros((64, 20)), np.zeros((1, 20))),
    expected={"value": [64, 4, 1]})
checks.hidden("layer_sizes", layer_sizes, args=(np.zeros((3, 9)), np.zeros((2, 9)), 1),
    expected={"value": [3, 1, 2]})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 3: `initialize_parameters` (1 point)
#
# Return the dict `{"W1": ..., "b1": ..., "W2": ..., "b2": ...}` with the shapes of the
# table above. The weights are small random numbers, `0.01 * rng.standard_normal(shape)`,
# drawn from the generator `rng` you are given; the biases are zeros.
#
# Random weights matter here. If every hidden unit started with the same weights, they
# would compute the same thing, receive the same gradient and stay copies of each other
# forever: $n_h$ units doing the work of one (notebook 05 shows it). Small weights keep
# $Z^{[1]}$ near 0, where tanh is steep and learns fast. Draw `W1` first and then `W2`:
# the other order is just as correct, but this one reproduces the numbers printed in
# this notebook.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_parameters"
def initialize_parameters(n_x, n_h, n_y, rng):
    """Small random weights and zero biases.

    rng: a numpy Generator, np.random.default_rng(seed).
    Returns: {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}.
    """
    ### BEGIN SOLUTION
    W1 = 0.01 * rng.standard_normal((n_h, n_x))
    W2 = 0.01 * rng.standard_normal((n_y, n_h))
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_parameters_tests" points=1
checks.check_initialize_parameters(initialize_parameters)
### BEGIN HIDDEN TESTS
# (n_x, n_h, n_y, seed): the generator is made from the seed
checks.hidden("initialize_parameters", initialize_parameters, args=(64, 7, 1, 12),
    expected={"b1": np.array([[0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0]]),
              "b2": np.array([[0.0]])})
checks.hidden("initialize_parameters", initialize_parameters, args=(3, 50, 1, 5),
    expected={"b1": np.array([[0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0],
                              [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0],
                              [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0],
                              [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0],
                              [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0],
                              [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0],
                              [0.0], [0.0]]),
              "b2": np.array([[0.0]])})
checks.hidden("initialize_parameters", initialize_parameters, args=(1, 1, 1, 3),
    expected={"b1": np.array([[0.0]]),
              "b2": np.array([[0.0]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4: `forward_propagation` (2 points)
#
# Compute the four equations of the forward pass for all examples at once: `np.tanh`
# for the hidden layer and the sigmoid for the output. Return `A2` and the dict
# `cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}`, which the backward pass needs.
#
# The notebook defines no sigmoid for you: write `1 / (1 + np.exp(-z))`, or define a
# `sigmoid` of your own inside this answer cell.
#
# **May call:** numpy; a `sigmoid` you define inside this answer cell.

# %% tags=["answer"] grade_id="forward_propagation"
def forward_propagation(X, parameters):
    """The forward pass.

    X: (n_x, m); parameters: the dict from initialize_parameters.
    Returns: (A2, cache) with A2 of shape (1, m) and cache = {"Z1", "A1", "Z2", "A2"}.
    """
    ### BEGIN SOLUTION
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    ### END SOLUTION


# %% tags=["tests"] grade_id="forward_propagation_tests" points=2
checks.check_forward_propagation(forward_propagation)
### BEGIN HIDDEN TESTS
checks.hidden("forward_propagation", forward_propagation, args=(
    np.array([[1.0, -0.5, 2.0], [0.3, 1.0, -1.0], [-1.5, 0.5, 0.25]]),
    {"W1": np.array([[0.5, -1.2, 0.3], [-0.7, 0.4, 1.1]]),
     "b1": np.array([[0.2], [-0.1]]), "W2": np.array([[1.3, -0.8]]), "b2": np.array([[0.15]])}),
    expected={"A2": np.array([[0.6883828256203394, 0.17399526584090316,
                               0.8977058212409406]]),
              "cache['Z1']": np.array([[-0.10999999999999993, -1.1,
                                        2.4750000000000005],
                                       [-2.33, 1.2, -1.625]]),
              "cache['A1']": np.array([[-0.10955847021442947, -0.8004990217606297,
                                        0.9859328256900097],
                                       [-0.9812446222746463, 0.8336546070121552,
                                        -0.9253462253117412]]),
              "cache['Z2']": np.array([[0.7925696865409587, -1.557572413898543,
                                        2.171989653646406]]),
              "cache['A2']": np.array([[0.6883828256203394, 0.17399526584090316,
                                        0.8977058212409406]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5: `compute_cost` (1 point)
#
# Return the cross-entropy cost $J$ above as a single number, with no loop.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="compute_cost"
def compute_cost(A2, Y):
    """Cross-entropy cost of predictions A2 (1, m) against labels Y (1, m), a number."""
    ### BEGIN SOLUTION
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
    ### END SOLUTION


# %% tags=["tests"] grade_id="compute_cost_tests" points=1
checks.check_compute_cost(compute_cost)
### BEGIN HIDDEN TESTS
checks.hidden("compute_cost", compute_cost, args=(
    np.array([[0.3, 0.7, 0.55, 0.9]]), np.array([[0.0, 1.0, 0.0, 1.0]])),
    expected={"value": 0.40430452493826574})
checks.hidden("compute_cost", compute_cost, args=(np.array([[0.2]]), np.array([[1.0]])),
    expected={"value": 1.6094379124341003})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 6: `backward_propagation` (3 points)
#
# Compute the six equations of the backward pass and return
# `grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}`, each shaped like its
# parameter. `A1` and `A2` are in the cache; `W2` is in `parameters`.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="backward_propagation"
def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost with respect to W1, b1, W2 and b2.

    parameters: {"W1", "b1", "W2", "b2"}; cache: from forward_propagation;
    X: (n_x, m); Y: (1, m).
    Returns: {"dW1", "db1", "dW2", "db2"}, each with the shape of its parameter.
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    ### END SOLUTION


# %% tags=["tests"] grade_id="backward_propagation_tests" points=3
checks.check_backward_propagation(backward_propagation)
### BEGIN HIDDEN TESTS
# (parameters, X, Y): the cache is the forward pass of these parameters on X
checks.hidden("backward_propagation", backward_propagation, args=(
    {"W1": np.array([[0.5, -1.2, 0.3], [-0.7, 0.4, 1.1]]),
     "b1": np.array([[0.2], [-0.1]]), "W2": np.array([[1.3, -0.8]]), "b2": np.array([[0.15]])},
    np.array([[1.0, -0.5, 2.0, 0.0], [0.3, 1.0, -1.0, 0.7], [-1.5, 0.5, 0.25, 1.0]]),
    np.array([[1.0, 0.0, 0.0, 1.0]])),
    expected={"dW2": np.array([[0.25420012517076346, -0.24984068696550762]]),
              "db2": np.array([[0.009195059621677631]]),
              "dW1": np.array([[-0.09391493415166159, -0.16476112974845475,
                                -0.047580316920679155],
                               [-0.04398939035482302, 0.04286632585336993,
                                0.0233099026312134]]),
              "db1": np.array([[-0.28146114904086084], [0.004437712830497154]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 7: `update_parameters` (1 point)
#
# One step of gradient descent, $\theta \leftarrow \theta - \alpha\, d\theta$ for each of
# `W1`, `b1`, `W2`, `b2`, with $\alpha$ = `learning_rate`. Return the new parameters as a
# dict with the same keys.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters"
def update_parameters(parameters, grads, learning_rate=1.2):
    """Parameters after one gradient-descent step, as a dict with the same keys."""
    ### BEGIN SOLUTION
    return {key: parameters[key] - learning_rate * grads["d" + key]
            for key in ("W1", "b1", "W2", "b2")}
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_tests" points=1
checks.check_update_parameters(update_parameters)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters", update_parameters, args=(
    {"W1": np.array([[0.5, -1.2, 0.3], [-0.7, 0.4, 1.1]]),
     "b1": np.array([[0.2], [-0.1]]), "W2": np.array([[1.3, -0.8]]), "b2": np.array([[0.15]])},
    {"dW1": np.array([[0.1, -0.2, 0.05], [0.3, 0.0, -0.4]]),
     "db1": np.array([[0.02], [-0.03]]), "dW2": np.array([[-0.5, 0.25]]),
     "db2": np.array([[0.1]])},
    0.05),
    expected={"W1": np.array([[0.495, -1.19, 0.2975], [-0.715, 0.4, 1.12]]),
              "b1": np.array([[0.199], [-0.0985]]),
              "W2": np.array([[1.325, -0.8125]]),
              "b2": np.array([[0.145]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 8: `nn_model` (2 points)
#
# Put the pieces together. Get the sizes with `layer_sizes(X, Y, n_h)`, initialise with
# `initialize_parameters(n_x, n_h, n_y, rng)`, then repeat `num_iterations` times:
# forward pass, backward pass, update with `learning_rate`. At iterations 0, 100, 200, …
# compute the cost of that iteration's forward pass (before its update) and append it to
# the list `costs`; when `print_cost` is true, print it at iterations 0, 1000, 2000, ….
# Return `parameters, costs`.
#
# **May call:** numpy; your `layer_sizes`, `initialize_parameters`, `forward_propagation`, `compute_cost`, `backward_propagation` and `update_parameters` (exercises 2 to 7).

# %% tags=["answer"] grade_id="nn_model"
def nn_model(X, Y, n_h, rng, num_iterations=10000, learning_rate=1.2, print_cost=False):
    """Train the network with n_h hidden units by gradient descent.

    X: (n_x, m); Y: (1, m); rng: the generator for initialize_parameters.
    Returns: (parameters, costs), costs recorded every 100 iterations.
    """
    ### BEGIN SOLUTION
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    costs = []
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        if i % 100 == 0:
            costs.append(compute_cost(A2, Y))
            if print_cost and i % 1000 == 0:
                print(f"cost after iteration {i}: {costs[-1]:.4f}")
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
    ### END SOLUTION


# %% tags=["tests"] grade_id="nn_model_tests" points=2
checks.check_nn_model(nn_model)
### BEGIN HIDDEN TESTS
# (data_seed, m, n_h, seed, num_iterations, learning_rate): a planar set of m examples
# from data_seed, and the generator from seed
checks.hidden("nn_model", nn_model, args=(4, 30, 2, 11, 150, 0.8),
    expected={"W1": np.array([[-0.6165097283077108, -0.6774948480564339],
                              [1.0814036601498729, 0.12871348218594045]]),
              "b1": np.array([[0.39518917294950384], [2.244648787477001]]),
              "W2": np.array([[1.2840249067761103, 2.1755299601614624]]),
              "b2": np.array([[-1.3035459759742367]]),
              "costs": [0.6931575750284441, 0.5806900379097255]})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 9: `predict` (1 point)
#
# Run the forward pass and return the labels: a `(1, m)` array that is 1 where
# $A^{[2]} > 0.5$ and 0 elsewhere.
#
# **May call:** numpy; your `forward_propagation` (exercise 4).

# %% tags=["answer"] grade_id="predict"
def predict(parameters, X):
    """Predicted labels (1, m): 1.0 where the network's probability exceeds 0.5, else 0.0."""
    ### BEGIN SOLUTION
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(float)
    ### END SOLUTION


# %% tags=["tests"] grade_id="predict_tests" points=1
checks.check_predict(predict)
### BEGIN HIDDEN TESTS
checks.hidden("predict", predict, args=(
    {"W1": np.array([[1.0, -2.0], [0.5, 1.5]]), "b1": np.array([[0.1], [-0.3]]),
     "W2": np.array([[2.0, -1.5]]), "b2": np.array([[0.2]])},
    np.array([[1.0, -1.0, 0.5, 2.0, -0.5, 0.0], [0.0, 0.5, -1.0, 1.0, -2.0, 0.3]])),
    expected={"value": np.array([[1.0, 0.0, 1.0, 0.0, 1.0, 0.0]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Training on the flower
#
# Four hidden units, weights drawn from a generator seeded with 1, and 5,000 iterations
# of gradient descent with learning rate 0.3. (`nn_model`'s defaults, 10,000 iterations
# at 1.2, come from the classic version of this exercise. On this flower a rate of 1.2
# makes the cost jump up now and then late in training, and such a run is fragile: a
# change in the fifteenth digit of a weight, which another computer's arithmetic can
# cause, sends it somewhere else. At 0.3 the cost falls steadily and the numbers below
# come out the same everywhere.)

# %% tags=["nbval-check-output"]
parameters, costs = nn_model(X, Y, 4, np.random.default_rng(1), num_iterations=5000,
                             learning_rate=0.3, print_cost=True)
train_accuracy = np.mean(predict(parameters, X) == Y)
test_accuracy = np.mean(predict(parameters, X_test_planar) == Y_test_planar)
print(f"train accuracy: {100 * train_accuracy:.1f}%   test accuracy: {100 * test_accuracy:.1f}%")

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), layout="constrained")
plot_decision_boundary(lambda points: predict(parameters, points), X, Y, ax=axes[0],
                       title="4 hidden units: decision boundary")
plot_costs(costs, ax=axes[1], xlabel="iteration (hundreds)")
axes[1].set(title="training cost, learning rate 0.3", ylabel="cost J")
plt.show()

# %% [markdown]
# From 0.693, the cost of answering 0.5 for everything, the cost falls below 0.18, and
# the network gets 91.0% of the training points and 86.0% of the test points right,
# against about half for logistic regression. Its boundary bends around the petals:
# each hidden unit contributes one soft straight edge, and the output unit combines four
# of them. The flat start of the cost curve is the price of small initial weights: every
# hidden unit begins almost silent and almost like the others, and it takes a few
# hundred steps before they grow apart and each finds its own edge. Where petals of the
# two classes touch, near the centre, it still makes mistakes, and the noise scatters a
# few points into the wrong petal, where no sensible boundary would follow them.
#
# ## 5. Leakage beyond standardising, and choosing the hidden size
#
# Section 3 kept the test set out of the standardisation. A mean and a standard deviation
# per pixel carry little information, so that leak usually moves a test score by little.
# The same mistake with a step that learns more from the data can fake a result out of
# nothing. Below, 400 examples with 5,000 features of pure noise and random labels:
# there is nothing to learn, and an honest test accuracy is about 50%. We keep the 20
# features whose values happen to correlate best with the labels, then train logistic
# regression (the course's copy of notebook 01's model) on the training split. Choosing
# the features on the whole data set, test examples included, reports a far better test
# accuracy than choosing them on the training split alone.

# %% tags=["nbval-check-output"]
def best_correlated(X, Y, k=20):
    """Indices of the k features (rows of X) most correlated with the labels Y."""
    Xc, Yc = X - X.mean(axis=1, keepdims=True), Y - Y.mean()
    correlation = np.abs(Xc @ Yc.T)[:, 0] / (np.linalg.norm(Xc, axis=1) * np.linalg.norm(Yc))
    return np.argsort(correlation)[-k:]


noise_rng = np.random.default_rng(5)
X_noise = noise_rng.standard_normal((5000, 400))    # 5000 features, 400 examples
Y_noise = (noise_rng.random((1, 400)) < 0.5).astype(float)
Xn_train, Yn_train, Xn_test, Yn_test = train_test_split(X_noise, Y_noise, 0.25, rng=noise_rng)
for where, keep in (("the whole data set", best_correlated(X_noise, Y_noise)),
                    ("the training split only", best_correlated(Xn_train, Yn_train))):
    fit = logistic.model(Xn_train[keep], Yn_train, Xn_test[keep], Yn_test,
                         num_iterations=500, learning_rate=0.1)
    accuracy = np.mean(fit["Y_prediction_test"] == Yn_test)
    print(f"features chosen on {where:<24}: test accuracy {100 * accuracy:.0f}%")

# %% [markdown]
# The first line reports 71% for a model that has learned nothing; with the features
# chosen on the training split alone, the score drops to 52%, chance level, as it
# should. The rule that prevents such leaks is short: split first, and compute
# everything that is learned from data (means, standard deviations, selected features,
# and of course the weights) from the training split alone.
#
# ### How many hidden units? Ask a validation split
#
# The number of hidden units is learned from data too, as soon as we try several and keep
# the one that scores best. Keeping the one with the best *test* accuracy would be the leak
# above in a milder form: the test set would choose the model and then grade it, and the
# winner's test score would be flattered by the choice. So the choice gets data of its own.
# The 400 training points are split once more: 300 to train on, 100 to **validate** on.
# Every size is trained on the 300 and scored on the 100; the test set waits until the
# size is chosen.
#
# Which points land in the validation part, and the initial weights, are random, and on
# 100 points a single example is a whole percentage point. So the sweep runs three times,
# with seeds 1, 2 and 3 (seed $s$ draws both the split and the initial weights), and the
# table gives the mean over the seeds with the lowest and the highest value. Each run is
# the training above: 5,000 iterations at learning rate 0.3.

# %% tags=["nbval-check-output"]
sizes = (1, 2, 3, 4, 5, 20, 50)
seeds = (1, 2, 3)
fit_accuracy = np.zeros((len(seeds), len(sizes)))          # on the 300 points trained on
val_accuracy = np.zeros((len(seeds), len(sizes)))          # on the 100 validation points
networks = {}                                              # seed 1's, for the plots
for i, seed in enumerate(seeds):
    X_fit, Y_fit, X_val, Y_val = train_test_split(X, Y, test_fraction=0.25,
                                                  rng=np.random.default_rng(seed))
    if seed == 1:
        X_fit_1, Y_fit_1 = X_fit, Y_fit
    for j, n_h in enumerate(sizes):
        trained, _ = nn_model(X_fit, Y_fit, n_h, np.random.default_rng(seed),
                              num_iterations=5000, learning_rate=0.3)
        fit_accuracy[i, j] = np.mean(predict(trained, X_fit) == Y_fit)
        val_accuracy[i, j] = np.mean(predict(trained, X_val) == Y_val)
        if seed == 1:
            networks[n_h] = trained
seed_1_networks = networks


def mean_and_range(accuracies):
    """'mean% (lowest-highest)' of accuracies over the seeds."""
    a = 100 * accuracies
    return f"{a.mean():5.1f}% ({a.min():.0f}-{a.max():.0f})"


print(f"{X_fit.shape[1]} points to train on, {X_val.shape[1]} to validate on; "
      f"mean over seeds {seeds} (lowest-highest)")
print("hidden units   trained on         validation")
for j, n_h in enumerate(sizes):
    print(f"{n_h:>12}   {mean_and_range(fit_accuracy[:, j])}   "
          f"{mean_and_range(val_accuracy[:, j])}")
chosen = sizes[int(np.argmax(val_accuracy.mean(axis=0)))]
print("the best mean validation accuracy:", chosen, "hidden units")

# %%
fig, axes = plt.subplots(2, 4, figsize=(13, 6.8), layout="constrained")
for j, (n_h, ax) in enumerate(zip(sizes, axes.ravel())):
    plot_decision_boundary(lambda points: predict(seed_1_networks[n_h], points),
                           X_fit_1, Y_fit_1, ax=ax, resolution=100)
    ax.set_title(f"{n_h} hidden unit{'s' if n_h > 1 else ''} (seed 1)\n"
                 f"validation {100 * val_accuracy[0, j]:.0f}%", fontsize=10)
axes[1, 3].set_axis_off()
plt.show()

# %% [markdown]
# One hidden unit draws a single soft line and gets 64.3% of the validation points on
# average, little better than logistic regression; two units reach 80.7%. From three
# units on the validation accuracy stops climbing: its means lie between 89.0% (5 units)
# and 91.3% (20 units), and each of those sizes spans two to four points from one seed to
# another, so their ranges overlap. Bigger does not hurt either: 50 units do as well on
# validation (91.0%) as 20. The points trained on are fitted a little better than the
# validation points from four units on (92% to 93% against 89% to 91%), but that gap
# does not grow with the size of the network, so these numbers show no over-fitting
# between 3 and 50 hidden units. The rule "highest mean validation accuracy" picks 20
# units, by a margin smaller than the spread between seeds: any size from 3 to 50 would
# be a defensible choice here.
#
# Only now does the test set come in, once, for the chosen size: 20 hidden units,
# trained on all 400 training points with each of the three seeds.

# %% tags=["nbval-check-output"]
test_accuracy = []
for seed in seeds:
    final, _ = nn_model(X, Y, chosen, np.random.default_rng(seed), num_iterations=5000,
                        learning_rate=0.3)
    test_accuracy.append(np.mean(predict(final, X_test_planar) == Y_test_planar))
print(f"{chosen} hidden units, trained on all {X.shape[1]} training points: test accuracy "
      f"{mean_and_range(np.array(test_accuracy)).strip()} over seeds {seeds}")

# %% [markdown]
# 87.7% of the test points, with hardly any spread between the seeds (87% to 88%). That
# is a few points below the 91.3% the choice was made on. A different set of 200 points
# explains part of it; the rest can be the choice itself, since the best of seven mean
# scores on 100 points is likely to be a lucky one. That is the reason for keeping the
# test set out of the choice: its score is the one to quote. Notebook 06 comes back to
# networks whose extra freedom does fit noise, and to ways of keeping it in check.
#
# ## What you should have seen
#
# - A loop over a million numbers or thousands of images is hundreds to thousands of
#   times slower than the same arithmetic in one numpy call; the logistic-regression
#   gradient needs no loop at all: $dw = \frac1m X (A - Y)^T$.
# - Broadcasting stretches axes of size 1. It turns a column plus a row into a table, and
#   it turns a prediction row minus a label column into an $m \times m$ mistake without a
#   word of warning. Keep vectors two-dimensional and pass `keepdims=True`.
# - Images become columns with `images.reshape(k, -1).T`; `reshape(-1, k)` without the
#   transpose has the right shape and scrambled images. Features are standardised with
#   the training set's mean and standard deviation (1 in place of a standard deviation of
#   0), and the test set gets the same numbers: they are part of the model, and a new
#   example arriving alone has no statistics of its own.
# - Logistic regression gets about half of the flower right (52.8% of the training set,
#   45.0% of the test set); one hidden layer of four tanh units gets 91.0% and 86.0%.
# - Anything learned from data, features and sizes included, is chosen without the test
#   set: features chosen on all the data made pure noise score 71% on the test set
#   instead of 52%. The hidden size chosen on a validation split, over three seeds, was
#   20 units, though every size from 3 to 50 scored within the seeds' spread (89.0% to
#   91.3%); its one test score was 87.7%.

# %% [markdown]
# ## Rules for answers
#
# - Answer cells, and any cell you add, may use numpy (`np`), `math` and the names you
#   define yourself. Nothing else: not what this notebook imports, not the functions its
#   other cells define (such as the loop versions and `gradients_no_loop` in section 1).
#   Notebook 01's `sigmoid` is not available here either: where you need one, write
#   `1 / (1 + np.exp(-z))` or define a sigmoid of your own in your answer cell.
# - A function gets its data through its arguments, never from the notebook's variables
#   (`X`, `images`, `X_train`, ...).
# - A slip, such as reading a notebook variable, costs only the exercise it is in. A
#   scratch cell that only prints the notebook's data is left out of grading.
# - Reaching for the checks, the reference code or other modules, changing numpy, or
#   using IPython magics and shell commands scores the whole submission zero.
# - To see everything the autograder would object to, run this in a terminal from the
#   course folder:
#   `python -m helpers.grading.guard notebooks/02_vectorization/02_vectorization.ipynb`.
