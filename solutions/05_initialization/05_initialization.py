# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Initialization
#
# Gradient descent improves the weights a step at a time, but the first step has to start
# from somewhere. Notebooks 02 and 03 picked a starting point and moved on; this one asks
# how much that choice matters. A lot, it turns out: start every weight at zero and a
# hidden layer never learns more than a single unit could; start with weights that are
# too large and the units saturate while the cost explodes; pick one fixed scale for a
# deep network and the signal fades to nothing or grows without bound as it crosses the
# layers. The way out is a scale that depends on how many inputs each unit adds up,
# which you will work out yourself.
#
# **By the end you will be able to**
# - show with numbers why a hidden layer that starts at zeros, or at any constant, keeps
#   all its units identical, and explain why logistic regression started at zero learns
#   all the same;
# - say what weights that are too large do to tanh units and to the starting cost;
# - follow a signal through ten layers and see it vanish or explode when every layer
#   uses the same fixed weight scale; say what fan-in and fan-out are;
# - derive, from the variance of a sum, the weight scale that keeps the signal steady,
#   for linear, tanh, ReLU and leaky ReLU units;
# - write Xavier (Glorot) and He initialization, say which activation each is for, and
#   tell both apart from LeCun's;
# - judge a comparison of starting points over several seeds, spread included.
#
# **How the exercises work.** An exercise is a code cell holding `# YOUR CODE HERE` and
# `raise NotImplementedError()`. Replace those two lines with your code, run the cell,
# then run the check cell below it. A failing check says which mistake it suspects. The
# autograder also runs hidden checks with other inputs (other layer sizes, other seeds),
# so write code that works in general, not only for the visible cases.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `initialize_parameters_zeros` | 1 |
# | 2 `initialize_parameters_random` | 1 |
# | 3 `steady_std`, the scale you derive | 3 |
# | 4 `initialize_parameters_he` | 2 |
# | 5 `initialize_parameters_xavier` | 2 |
#
# Notation, as in every notebook of the course: the $m$ examples are the **columns** of
# $X$, of shape $(n_x, m)$. A network is described by `layer_dims` $= [n^{[0]}, n^{[1]},
# \dots, n^{[L]}]$, the input size followed by the number of units of each of its $L$
# layers. Layer $l$ computes $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ and $A^{[l]} =
# g^{[l]}(Z^{[l]})$, with $A^{[0]} = X$, so $W^{[l]}$ has shape $(n^{[l]}, n^{[l-1]})$ and
# $b^{[l]}$ shape $(n^{[l]}, 1)$. The parameters live in a dict keyed `"W1"`, `"b1"`,
# `"W2"`, .... Random numbers come from a generator `rng = np.random.default_rng(seed)`
# that is passed in, so that a seed decides everything and every number printed here
# comes out the same on every run.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers import initializers, layers, logistic
from helpers.activations import tanh_derivative
from helpers.data import load_digit_pair, make_circles, train_test_split
from helpers.losses import binary_cross_entropy
from helpers.metrics import accuracy
from helpers.plotting import CLASS_COLORS, plot_costs, plot_decision_boundary
from helpers.train import fit
from helpers.grading import nb05 as checks

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. Symmetry: why a hidden layer cannot start at zero
#
# This notebook's data set is two noisy rings, one inside the other: class 1 on the
# inner ring, class 0 on the outer one. No straight line separates them, so a network
# needs hidden units that each draw a different line, which the next layer combines into
# a closed curve. We keep half of the 600 points for testing, with both classes equally
# represented in each half.

# %%
X_circles, Y_circles = make_circles(m=600, rng=np.random.default_rng(1))
X_train, Y_train, X_test, Y_test = train_test_split(
    X_circles, Y_circles, test_fraction=0.5, rng=np.random.default_rng(2), stratify=True)
print("training set:", X_train.shape, " test set:", X_test.shape,
      " share of class 1:", Y_train.mean(), Y_test.mean())

fig, ax = plt.subplots(figsize=(4.2, 4), layout="constrained")
ax.scatter(X_train[0], X_train[1], c=np.asarray(CLASS_COLORS)[Y_train[0].astype(int)],
           s=12, edgecolors="k", linewidths=0.3)
ax.set(title="the training set: class 1 inside, class 0 outside", xlabel="$x_1$",
       ylabel="$x_2$", aspect="equal")
plt.show()

# %% [markdown]
# **Identical units stay identical.** Take two units $i$ and $j$ of a hidden layer and
# suppose they start alike: the same row of weights in $W^{[1]}$, the same bias, and the
# same outgoing weight in $W^{[2]}$. They see the same inputs, so they compute the same
# $z$ and the same activation for every example. Now follow one step of backpropagation.
# The gradient that reaches unit $i$ (row $i$ of $dZ^{[1]}$) is $dZ^{[1]}_i =
# \big(W^{[2]}_{:,i}\big)^T dZ^{[2]} \ast g'(Z^{[1]}_i)$, with $\ast$ entry by entry, and
# every factor in it is the same for unit $j$. So rows $i$ and $j$ of
# $dW^{[1]}$ are equal, their entries of $db^{[1]}$ are equal, and columns $i$ and $j$ of
# $dW^{[2]} = dZ^{[2]} A^{[1]T}$ are equal. After the update the two units are still
# alike, and by the same argument after the next one, and forever. Gradient descent
# cannot tell them apart because nothing in the network does.
#
# Starting every weight at zero makes *all* the units of a layer alike, so the whole
# layer does the work of one unit. With tanh or ReLU it is even worse: $\tanh(0) =
# \text{relu}(0) = 0$, so every hidden activation is 0 and $dW^{[2]} = dZ^{[2]}A^{[1]T}$ is
# 0; and $W^{[2]} = 0$ sends no gradient back, so $dW^{[1]}$ is 0 too. Only the output's
# bias can move.
#
# ### Exercise 1: `initialize_parameters_zeros` (1 point)
#
# Return the parameters of the network that `layer_dims` describes, every one of them
# zero: for each layer $l = 1, \dots, L$ (with $L$ = `len(layer_dims) - 1`; the input is
# not a layer), `"W{l}"` of shape $(n^{[l]}, n^{[l-1]})$ and `"b{l}"` of shape
# $(n^{[l]}, 1)$, as float arrays. A loop over the layers with an f-string for the keys
# (`f"W{l}"`) does it. You will use this function to watch a zero start fail.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_parameters_zeros"
def initialize_parameters_zeros(layer_dims):
    """Every W[l] (n[l], n[l-1]) and b[l] (n[l], 1) all zeros, for l = 1..L."""
    ### BEGIN SOLUTION
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.zeros((layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_parameters_zeros_tests" points=1
checks.check_initialize_parameters_zeros(initialize_parameters_zeros)
### BEGIN HIDDEN TESTS
checks.hidden("initialize_parameters_zeros", initialize_parameters_zeros,
    args=([7, 6, 6, 3, 1],),
    expected={"W": np.array([0.0, 0.0, 0.0, 0.0]),
              "b": np.array([0.0, 0.0, 0.0, 0.0])})
checks.hidden("initialize_parameters_zeros", initialize_parameters_zeros,
    args=([2, 10, 5, 1],),
    expected={"W": np.array([0.0, 0.0, 0.0]),
              "b": np.array([0.0, 0.0, 0.0])})
### END HIDDEN TESTS

# %% [markdown]
# Let us watch it. A network with one hidden layer of four tanh units (and a sigmoid
# output) is trained on the rings for 1000 steps of gradient descent, with learning rate
# 0.5, starting from your zeros. Training uses the course's `helpers` library
# (`helpers.train.fit`, with the whole training set in every step).

# %% tags=["nbval-check-output"]
tanh_net = ["tanh", "sigmoid"]


def train(parameters, activations, epochs=1000, learning_rate=0.5):
    """Full-batch gradient descent on the training set; the parameters change in place.
    Returns the cost after each step."""
    history = fit(X_train, Y_train, parameters, activations, loss="binary_cross_entropy",
                  optimizer="gradient_descent", learning_rate=learning_rate,
                  epochs=epochs, batch_size=X_train.shape[1],
                  rng=np.random.default_rng(3), verbose=False)
    return history["cost"]


zero_start = initialize_parameters_zeros([2, 4, 1])
costs = train(zero_start, tanh_net)
print("after 1000 steps from zeros:")
for key, value in zero_start.items():
    print(f"  {key}: {value.ravel()}")
print(f"cost {costs[0]:.4f} at the first step, {costs[-1]:.4f} at the last; "
      f"training accuracy {accuracy(X_train, Y_train, zero_start, tanh_net):.1%}")

# %% [markdown]
# Nothing moved, not even the output bias: its gradient is the mean of $A - Y$ over the
# examples, and with every prediction at 0.5 and the two classes equally common, that
# mean is 0. The cost is still $\log 2 \approx 0.6931$, what a network that answers
# "50%" for everyone pays, and 50% of the training set is right: chance.
#
# Zero is not the real culprit: *equality* is. Start all eight weights of the hidden
# layer and the four of the output layer at 0.5 instead, and the units do learn
# something, but all of them the same thing:

# %% tags=["nbval-check-output"]
alike = {"W1": np.full((4, 2), 0.5), "b1": np.zeros((4, 1)),
         "W2": np.full((1, 4), 0.5), "b2": np.zeros((1, 1))}
train(alike, tanh_net)
print("W1 after 1000 steps from 0.5 everywhere:\n", alike["W1"])
print("largest difference between two rows of W1:",
      np.max(np.abs(alike["W1"] - alike["W1"][0])))
print(f"training accuracy {accuracy(X_train, Y_train, alike, tanh_net):.1%}")

different = initializers.initialize_parameters([2, 4, 1], np.random.default_rng(0),
                                               method="random_normal", stddev=1.0)
train(different, tanh_net)
print("\nW1 after 1000 steps from random weights (standard normal):\n", different["W1"])
print(f"training accuracy {accuracy(X_train, Y_train, different, tanh_net):.1%}")

# %% [markdown]
# From the constant start the four rows of $W^{[1]}$ end exactly equal, to the last bit:
# four units that are one unit, drawing one straight line through the rings, which gets
# 61.0% of the training set right. From random weights the same network ends with four
# different rows, four different lines, and gets 97.7% right. Random starting weights are
# there to **break the symmetry**; any differences will do, as long as every unit gets
# its own.
#
# ### Why logistic regression may start at zero
#
# Notebook 01 started logistic regression at $w = 0$, $b = 0$, and its true/false
# question (`zero_init_prevents_learning`) asked whether that stops it from learning. It
# does not, and now you can say why. Logistic regression has no hidden layer: its one
# unit's inputs are the features $x_1, \dots, x_{n_x}$ themselves, and they are data, not
# copies of each other. At $w = 0$ every prediction is $a = 0.5$, and the gradient
# $dw = \frac1m X (A - Y)^T$ gives weight $j$ the average of $x_j (0.5 - y)$ over the
# examples, a different number for every feature that tells the classes apart. Symmetry
# needs units that compute the same function of the same inputs; the weights of logistic
# regression each multiply a different input. On notebook 01's eights and nines, with the
# course's version of its functions:

# %% tags=["nbval-check-output"]
digits = load_digit_pair(8, 9)
w0, b0 = logistic.initialize_with_zeros(digits.X_train.shape[0])
grads, _ = logistic.propagate(w0, b0, digits.X_train, digits.Y_train)
print(f"dw at w = 0 has {len(np.unique(grads['dw']))} different values among its "
      f"{grads['dw'].size} entries; the first five: {grads['dw'][:5].ravel()}")
fitted, _, _ = logistic.optimize(w0, b0, digits.X_train, digits.Y_train,
                                 num_iterations=500, learning_rate=0.5)
right = logistic.predict(fitted["w"], fitted["b"], digits.X_test) == digits.Y_test
print(f"after 500 steps from zero: {np.mean(right):.1%} of the test images right")

# %% [markdown]
# The 64 entries of `dw` take 54 different values at the very first step. (Nine entries
# are 0, for pixels along the left and right edges that are blank in every training
# image, which no gradient can move; two other pairs happen to coincide.) After 500
# steps logistic regression recognises 96.6% of the test images. The same reasoning says which
# part of a network must not start at zero: the weights *into* a layer of several units.
# An output layer of one unit is logistic regression on the hidden activations, so its
# weights could start at zero if the layers below it start random (the first step would
# then give them different gradients, because the hidden units already differ).

# %% [markdown]
# ## 2. Too large: saturated units and an exploding cost
#
# So the weights must be random. How large? The classic beginner's choice is a standard
# normal number for every weight, sometimes scaled up "to break the symmetry harder". To
# see what large weights do, the next exercise makes them deliberately large.
#
# ### Exercise 2: `initialize_parameters_random` (1 point)
#
# Return the parameters for `layer_dims`, with every `"W{l}"` equal to **10 times** a
# standard normal draw of shape $(n^{[l]}, n^{[l-1]})$ from the generator you are given,
# `10 * rng.standard_normal((n_l, n_prev))` (a standard deviation of 10), and every
# `"b{l}"` zeros of shape $(n^{[l]}, 1)$.
#
# Draw every number from `rng`, never from `np.random.randn` or another of numpy's global
# functions: with the generator, the same seed gives the same network, which is what
# makes this notebook's numbers reproducible. The checks compare the spread of your
# weights with the asked-for one, not the numbers themselves, so the order in which you
# draw the layers does not matter.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_parameters_random"
def initialize_parameters_random(layer_dims, rng):
    """W[l] = 10 * standard normal draws of shape (n[l], n[l-1]) from rng; b[l] zeros
    (n[l], 1)."""
    ### BEGIN SOLUTION
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = 10 * rng.standard_normal((layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_parameters_random_tests" points=1
checks.check_initialize_parameters_random(initialize_parameters_random)
### BEGIN HIDDEN TESTS
# (layer_dims, seed): the generator is made from the seed
checks.hidden("initialize_parameters_random", initialize_parameters_random,
    args=([200, 150, 300, 120], 4),
    expected={"std": np.array([10.0, 10.0, 10.0])})
checks.hidden("initialize_parameters_random", initialize_parameters_random,
    args=([20, 30, 1], 9),
    expected={"std": np.array([10.0, 10.0])})
### END HIDDEN TESTS

# %% [markdown]
# Here is what your large weights do to a network with two hidden layers of tanh units,
# 10 and then 5 of them, and a sigmoid output, the shape we train on the rings in
# section 7. We start it five times, from the seeds 0 to 4, and look at the first
# forward pass on the training set before any training: how many of the first layer's
# $z$ values lie beyond $\pm 3$, where tanh's slope is below 0.01; the average slope
# $\tanh'(z)$ there; how many outputs are within $10^{-6}$ of 0 or 1; and the cost. For
# comparison, the same network with weights a hundred times smaller.

# %% tags=["nbval-check-output"]
circle_dims = [2, 10, 5, 1]
deep_tanh = ["tanh", "tanh", "sigmoid"]


def first_look(parameters, activations):
    """Share of |z| > 3 and the mean tanh' in layer 1, share of saturated outputs, and
    the cost, for the training set, before any training."""
    AL, caches = layers.model_forward(X_train, parameters, activations)
    Z1 = caches[0][0][1]
    saturated = np.mean((AL < 1e-6) | (AL > 1 - 1e-6))
    return (np.mean(np.abs(Z1) > 3), np.mean(tanh_derivative(Z1)), saturated,
            binary_cross_entropy(AL, Y_train))


starts = {
    "10 x standard normal (yours)": lambda rng: initialize_parameters_random(circle_dims, rng),
    "0.1 x standard normal": lambda rng: initializers.initialize_parameters(
        circle_dims, rng, method="random_normal", stddev=0.1),
}
print(f"{'start':<30}{'|z1| > 3':>10}{'mean slope':>12}{'outputs at 0/1':>16}"
      f"{'starting cost':>18}")
for label, start in starts.items():
    looks = np.array([first_look(start(np.random.default_rng(seed)), deep_tanh)
                      for seed in range(5)])
    mean, spread = looks.mean(axis=0), looks.std(axis=0)
    print(f"{label:<30}{mean[0]:>10.0%}{mean[1]:>12.2f}{mean[2]:>16.0%}"
          f"{mean[3]:>11.2f} ± {spread[3]:.2f}")

# %% [markdown]
# With weights of size 10, 60% of the first layer's $z$ values are beyond $\pm 3$: those
# units are **saturated**, stuck on tanh's flat ends at $\pm 1$, and the average slope is
# 0.13, where small weights give 0.99. Every gradient that passes back through a
# saturated unit is multiplied by its slope, nearly 0, so those weights hardly learn. At
# the output, 42% of the predicted probabilities are 0 or 1 to six decimals: the network
# is certain before it has seen a single label, and wrong about half of those examples.
# The starting cost is 5.16 on average over the five seeds (give or take 1.95), where an
# honest "I don't know" costs $\log 2 = 0.693$, what the small weights give. (It would be
# infinite: a confident wrong answer costs $-\log 0$. The course's cost clips
# probabilities to $[10^{-7}, 1 - 10^{-7}]$, as Keras does, which caps one example's loss
# at 16.1.) Large weights do not break the symmetry "better": they make training
# erratic, with next to no gradient through the saturated units and huge, confident
# mistakes at the output. Section 7 shows what is left after training.

# %% [markdown]
# ## 3. Through many layers: signals that vanish or explode
#
# One layer can be too large or too small by some factor. A deep network multiplies
# that factor once per layer. To see it, here is a network of ten layers of 100 units
# each, fed 1000 examples of 100 random features with mean 0 and variance 1 (stand-ins
# for standardised inputs). Every weight is drawn with the same fixed standard
# deviation: 0.01 (notebook 02's choice), then 1 (a plain standard normal), and we
# measure the standard deviation of the activations $A^{[l]}$ that leave each layer, for
# tanh and for ReLU units.

# %% tags=["nbval-check-output"]
X_deep = np.random.default_rng(5).standard_normal((100, 1000))
deep_dims = [100] * 11                       # n[0] = 100 features, then ten layers of 100


def activations_per_layer(parameters, activation):
    """A[1], ..., A[L] of a network whose layers all use `activation`, on X_deep."""
    L = len(parameters) // 2
    A_last, caches = layers.model_forward(X_deep, parameters, [activation] * L)
    return [cache[0][0] for cache, _ in caches[1:]] + [A_last]


fixed_scales = {}
for activation in ("tanh", "relu"):
    for std in (0.01, 1.0):
        parameters = initializers.initialize_parameters(
            deep_dims, np.random.default_rng(0), method="random_normal", stddev=std)
        A = activations_per_layer(parameters, activation)
        fixed_scales[activation, std] = [a.std() for a in A]
        print(f"{activation:<5} std {std:<5g}: std of A[1..10] = "
              + " ".join(f"{a.std():.2g}" for a in A))

# %%
fig, ax = plt.subplots(figsize=(6.5, 3.8), layout="constrained")
for (activation, std), sizes in fixed_scales.items():
    ax.semilogy(range(1, 11), sizes, marker="o", ms=3,
                label=f"{activation}, weights of std {std:g}")
ax.set(xlabel="layer l", ylabel="std of A[l] (log scale)", xticks=range(1, 11),
       title="a fixed weight scale, ten layers of 100 units")
ax.legend()
plt.show()

# %% [markdown]
# With weights of std 0.01 the signal **vanishes**: tanh's shrinks tenfold at every
# layer, to $10^{-10}$ after ten layers, and ReLU's by a factor of about 14. Whatever the
# last layer computes from that is noise-sized, and the gradients coming back shrink the
# same way. With weights of std 1, tanh's activations all sit at $\pm 1$ (their std is
# 0.96, the most a tanh can give is 1): every unit saturated. ReLU has no ceiling, so
# its signal **explodes**, by a factor of about 7 per layer, to $2 \times 10^8$ at layer
# 10 (section 6 tries std 10). Backpropagation multiplies by the same
# weights on the way back, so the gradients explode with it: exploding gradients come
# from repeated multiplication by weights that are too large, not from ReLU, whose
# slope is only ever 0 or 1.
#
# **Fan-in and fan-out.** Why 10 and 14 and 7? A unit of layer $l$ adds up $n^{[l-1]}$
# weighted inputs, its **fan-in**; the number of units its output feeds, $n^{[l+1]}$, is
# its **fan-out**. For the weight matrix $W^{[l]}$, of shape $(n^{[l]}, n^{[l-1]})$,
# fan-in is $n^{[l-1]}$ (its number of columns) and fan-out is $n^{[l]}$ (its number of
# rows), the way Keras counts them for a layer's kernel. A sum of 100 terms is larger
# than a sum of 10 terms of the same size, so the right size for a single weight must
# depend on the fan-in. The next section finds out how.

# %% [markdown]
# ## 4. Working it out: the scale that keeps the signal steady
#
# We want the variance of $z$ to stay the same from layer to layer, $\mathrm{Var}(z^{[l]})
# = \mathrm{Var}(z^{[l-1]})$, at the start of training. Take one unit of layer $l$, with
# $n = n^{[l-1]}$ inputs and its bias at 0:
#
# $$z = \sum_{j=1}^{n} w_j\, a_j, \qquad a_j = g\big(z^{[l-1]}_j\big).$$
#
# The assumptions: the weights are drawn independently of each other and of the $a_j$,
# all with mean 0 and the same variance $\mathrm{Var}(w)$; the $a_j$ all have the same
# distribution. Two facts about variances are all you need:
#
# 1. The variance of a sum of independent terms is the sum of their variances.
# 2. For independent $w$ and $a$ with $E[w] = 0$: $E[w a] = 0$ and
#    $\mathrm{Var}(w\, a) = E[w^2 a^2] = E[w^2]\, E[a^2] = \mathrm{Var}(w)\, E[a^2]$.
#    Mind that this is $E[a^2]$, the mean of the *square* of $a$, and not its variance:
#    $E[a^2] = \mathrm{Var}(a) + E[a]^2$, and a ReLU's outputs have a mean above 0, which
#    counts.
#
# Put together, for a layer whose weights have variance $\mathrm{Var}(w)$:
#
# $$\mathrm{Var}\big(z^{[l]}\big) = n^{[l-1]}\; \mathrm{Var}(w)\; E\Big[\big(a^{[l-1]}\big)^2\Big].$$
#
# What is left is $E[a^2] = E[g(z)^2]$, in terms of $\mathrm{Var}(z) = E[z^2]$, for the
# activation $g$ of the layer below. The $z$ of a layer is a sum of terms with
# zero-mean, symmetric weights, so it is **symmetric about 0**: $z$ and $-z$ are equally
# likely. With that:
#
# - **linear**, $g(z) = z$: the easy case.
# - **tanh**: near $z = 0$, $\tanh(z) \approx z$ (its slope there is 1, notebook 03),
#   and weights of the right size keep $z$ in that range; treat it as linear.
# - **relu**, $g(z) = \max(0, z)$: ask which values of $z$ survive, and what the
#   symmetry of $z$ says about their share of $E[z^2]$.
# - **leaky_relu**, $g(z) = z$ for $z > 0$ and $\alpha z$ otherwise: the same question,
#   with the other half of $z$ scaled by $\alpha$ instead of set to 0.
#
# ### Exercise 3: `steady_std` (3 points)
#
# Work out, on paper first, the variance $\mathrm{Var}(w)$ that makes
# $\mathrm{Var}(z^{[l]}) = \mathrm{Var}(z^{[l-1]})$, for each of the four activations.
# Then write `steady_std(fan_in, activation, alpha=0.01)`: it returns the **standard
# deviation** of the weights (the square root of that variance) for a layer with
# `fan_in` inputs whose inputs come from units of `activation`, one of `"linear"`,
# `"tanh"`, `"relu"` and `"leaky_relu"`; `alpha` is leaky ReLU's slope below 0 and
# matters only for `"leaky_relu"`. Return a number.
#
# If your answer is wrong, the check will not show you the right one. It tells you what
# your standard deviation would do: by what factor $\mathrm{Var}(z)$ would change from one
# layer to the next (the right answer gives a factor 1), or which step of the reasoning
# it thinks went astray.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="steady_std"
def steady_std(fan_in, activation, alpha=0.01):
    """Standard deviation of the weights of a layer with `fan_in` inputs from
    `activation` units ("linear", "tanh", "relu" or "leaky_relu", whose slope below 0
    is alpha) that keeps Var(z) the same from layer to layer."""
    ### BEGIN SOLUTION
    if activation in ("linear", "tanh"):
        kept = 1.0                      # E[a^2] = Var(z)
    elif activation == "relu":
        kept = 0.5                      # only the positive half of z survives
    elif activation == "leaky_relu":
        kept = (1 + alpha ** 2) / 2     # the negative half survives, times alpha^2
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return np.sqrt(1 / (fan_in * kept))
    ### END SOLUTION


# %% tags=["tests"] grade_id="steady_std_tests" points=3
checks.check_steady_std(steady_std)
### BEGIN HIDDEN TESTS
checks.hidden("steady_std", steady_std, args=(784, "relu"),
    expected={"value": 0.050507627227610534})
checks.hidden("steady_std", steady_std, args=(30, "tanh"),
    expected={"value": 0.18257418583505536})
checks.hidden("steady_std", steady_std, args=(64, "leaky_relu", 0.3),
    expected={"value": 0.1693213653696491})
checks.hidden("steady_std", steady_std, args=(12, "linear"),
    expected={"value": 0.28867513459481287})
checks.hidden("steady_std", steady_std, args=(256, "leaky_relu"),
    expected={"value": 0.08838392856236471})
### END HIDDEN TESTS

# %% [markdown]
# Does it work? Below, ten layers whose sizes jump around (100 inputs, then 300, 50,
# 200, ... units, so that each layer has its own fan-in) get weights with your
# `steady_std` for their activation, and we print the standard deviation of $z^{[l]}$
# at every layer. The last row is a ReLU network given the std you wrote for *linear*
# units, to see what your ReLU correction is worth.

# %% tags=["nbval-check-output"]
jumpy_dims = [100, 300, 50, 200, 100, 400, 80, 250, 120, 300, 100]


def z_stds(activation, std_for):
    """Std of Z[1..10] when W[l] has std std_for(n[l-1]), on X_deep."""
    generator = np.random.default_rng(7)
    network = {}
    for l in range(1, len(jumpy_dims)):
        fan_in, units = jumpy_dims[l - 1], jumpy_dims[l]
        network[f"W{l}"] = std_for(fan_in) * generator.standard_normal((units, fan_in))
        network[f"b{l}"] = np.zeros((units, 1))
    _, caches = layers.model_forward(X_deep, network, [activation] * 10)
    return [cache[1].std() for cache, _ in caches]


runs = {name: (name, lambda n, a=name: steady_std(n, a))
        for name in ("linear", "tanh", "relu", "leaky_relu")}
runs["relu, linear's std"] = ("relu", lambda n: steady_std(n, "linear"))
for label, (activation, std_for) in runs.items():
    print(f"{label:<20}std of Z[1..10]: "
          + " ".join(f"{s:5.2f}" for s in z_stds(activation, std_for)))

# %% [markdown]
# With your scale, $z$ keeps its size through all ten layers although the fan-in jumps
# between 50 and 400: between 0.97 and 1.02 for linear units, and between 1.04 and 1.42
# for ReLU and leaky ReLU units. (The first layer's inputs are the raw features, whose
# $E[x^2]$ is 1 rather than half of anything, so there $z$ starts at $\sqrt 2 \approx
# 1.41$.) The wandering is sampling noise: a network is one draw of its weights, so each
# layer's actual variance differs from its expected value by a few percent, in either
# direction. What matters is that no factor repeats at every layer. Give a ReLU network
# the linear units' scale instead and $\mathrm{Var}(z)$ halves at every layer: its std
# falls from 0.99 to 0.04. The factor 2 you derived for ReLU is what keeps the signal
# alive.
#
# tanh is the one that drifts: from 0.99 down to 0.24 over ten layers. The approximation
# $\tanh(z) \approx z$ holds near 0, but for larger $|z|$ tanh gives less than $z$, so
# each layer passes on a little less than it received. A slow fade, a factor of about 4
# over ten layers, against the $10^{10}$ of section 3.

# %% [markdown]
# ## 5. He, Xavier (Glorot), and LeCun
#
# You have just derived the two classic starting scales for the forward pass:
#
# - for ReLU layers, $\mathrm{Var}(W^{[l]}) = 2 / n^{[l-1]}$: **He initialization**
#   (Kaiming He and colleagues, 2015), designed for the ReLU family; Keras calls it
#   `he_normal`.
# - for linear and tanh layers, $\mathrm{Var}(W^{[l]}) = 1 / n^{[l-1]}$: **LeCun
#   initialization** (Yann LeCun and colleagues, 1998), Keras's `lecun_normal`. Some
#   tutorials and courses call this one "Xavier". It is not; Xavier is next.
#
# **The backward pass has its own fan.** Backpropagation computes $dA^{[l-1]} =
# W^{[l]T} dZ^{[l]}$: every entry of $dA^{[l-1]}$ is a sum over the $n^{[l]}$ units of
# layer $l$, its fan-out. The same argument as yours, run backwards, says that the
# gradient keeps its size when $n^{[l]}\, \mathrm{Var}(w) = 1$ (for units in their
# linear range), while the forward pass wants $n^{[l-1]}\, \mathrm{Var}(w) = 1$. A layer
# can have both only
# if $n^{[l-1]} = n^{[l]}$. Xavier Glorot and Yoshua Bengio (2010) settled for the
# compromise in between, one over the average of the two fans:
#
# $$\mathrm{Var}\big(W^{[l]}\big) = \frac{2}{n^{[l-1]} + n^{[l]}}.$$
#
# This is **Xavier** (or **Glorot**) initialization, for tanh and sigmoid layers, whose
# behaviour near 0 is what the derivation assumes (the sigmoid's slope there is 0.25, not
# 1, but the Glorot scale is its usual start too). Keras's `glorot_normal` draws from a
# normal with this variance. For ReLU layers, He's $2/n^{[l-1]}$ is the right one: a
# ReLU passes on only half of what it receives, in either direction.
#
# **Normal or uniform.** A uniform draw on $[-s, s]$ has variance $s^2/3$, so a uniform
# with the right variance has the limit $s = \sqrt 3 \times$ the standard deviation:
# $\sqrt{6/(n^{[l-1]} + n^{[l]})}$ for Glorot (`glorot_uniform`, Keras's default for
# every `Dense` layer) and $\sqrt{6/n^{[l-1]}}$ for He (`he_uniform`).
#
# | name | $\mathrm{Var}(W^{[l]})$ | for | Keras |
# |---|---|---|---|
# | LeCun | $1/n^{[l-1]}$ | linear and tanh units, forward pass only | `lecun_normal`, `lecun_uniform` |
# | Xavier / Glorot | $2/(n^{[l-1]} + n^{[l]})$ | tanh and sigmoid | `glorot_normal`, `glorot_uniform` |
# | He | $2/n^{[l-1]}$ | ReLU and its family | `he_normal`, `he_uniform` |
#
# All three draw the biases as zeros: the random weights already break the symmetry.
#
# The course's `helpers` library has all six under Keras's names. Here each one draws
# the weights of a layer with 300 inputs and 400 units, $W$ of shape $(400, 300)$: the
# standard deviation of its 120,000 draws, the one the formula asks for, and the largest
# weight in size.

# %% tags=["nbval-check-output"]
generator = np.random.default_rng(0)
print(f"{'initializer':<16}{'std of the draws':>18}{'formula':>10}{'largest |w|':>13}")
for method in ("lecun_normal", "lecun_uniform", "glorot_normal", "glorot_uniform",
               "he_normal", "he_uniform"):
    sample = initializers.get_initializer(method)((400, 300), generator)
    print(f"{method:<16}{sample.std():>18.4f}"
          f"{initializers.expected_std(method, 300, 400):>10.4f}{np.abs(sample).max():>13.4f}")

# %% [markdown]
# Every one of them draws with the standard deviation its formula asks for, to within
# 0.0001. A normal and its uniform differ only in their extremes: the uniform never goes
# beyond its limit, $\sqrt 3 \approx 1.73$ standard deviations, while the largest of
# 120,000 normal draws lies between 4.3 and 4.7 standard deviations out. Both are fine
# starts; what the signal cares about is the variance.
#
# ### Exercise 4: `initialize_parameters_he` (2 points)
#
# Return the parameters for `layer_dims` with He's scale: every `"W{l}"` of shape
# $(n^{[l]}, n^{[l-1]})$ drawn from `rng` with mean 0 and standard deviation
# $\sqrt{2/n^{[l-1]}}$ (a standard normal draw times that, or if you prefer a uniform on
# $[-\sqrt{6/n^{[l-1]}}, \sqrt{6/n^{[l-1]}}]$), every `"b{l}"` zeros of shape
# $(n^{[l]}, 1)$. You may call your `steady_std` (the check lends your code a correct one,
# so a mistake in exercise 3 is not paid for twice). As in exercise 2, draw from `rng`,
# in any order.
#
# **May call:** numpy; your `steady_std` (exercise 3).

# %% tags=["answer"] grade_id="initialize_parameters_he"
def initialize_parameters_he(layer_dims, rng):
    """He normal: W[l] with mean 0 and variance 2 / n[l-1], shape (n[l], n[l-1]), drawn
    from rng; b[l] zeros (n[l], 1)."""
    ### BEGIN SOLUTION
    parameters = {}
    for l in range(1, len(layer_dims)):
        n_prev, n = layer_dims[l - 1], layer_dims[l]
        parameters[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_parameters_he_tests" points=2
checks.check_initialize_parameters_he(initialize_parameters_he)
### BEGIN HIDDEN TESTS
checks.hidden("initialize_parameters_he", initialize_parameters_he,
    args=([500, 120, 60, 250], 11),
    expected={"std": np.array([0.06324555320336758, 0.12909944487358055,
                               0.18257418583505536])})
checks.hidden("initialize_parameters_he", initialize_parameters_he,
    args=([64, 512, 256, 128, 10], 3),
    expected={"std": np.array([0.1767766952966369, 0.0625, 0.08838834764831845,
                               0.125])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5: `initialize_parameters_xavier` (2 points)
#
# The same, with Glorot's scale: every `"W{l}"` drawn from `rng` with mean 0 and
# standard deviation $\sqrt{2/(n^{[l-1]} + n^{[l]})}$ (or uniform on
# $[-\sqrt{6/(n^{[l-1]} + n^{[l]})}, \sqrt{6/(n^{[l-1]} + n^{[l]})}]$), every `"b{l}"`
# zeros.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_parameters_xavier"
def initialize_parameters_xavier(layer_dims, rng):
    """Xavier (Glorot) normal: W[l] with mean 0 and variance 2 / (n[l-1] + n[l]), shape
    (n[l], n[l-1]), drawn from rng; b[l] zeros (n[l], 1)."""
    ### BEGIN SOLUTION
    parameters = {}
    for l in range(1, len(layer_dims)):
        n_prev, n = layer_dims[l - 1], layer_dims[l]
        parameters[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / (n_prev + n))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_parameters_xavier_tests" points=2
checks.check_initialize_parameters_xavier(initialize_parameters_xavier)
### BEGIN HIDDEN TESTS
checks.hidden("initialize_parameters_xavier", initialize_parameters_xavier,
    args=([250, 600, 80, 40], 5),
    expected={"std": np.array([0.048507125007266595, 0.05423261445466404,
                               0.12909944487358055])})
checks.hidden("initialize_parameters_xavier", initialize_parameters_xavier,
    args=([784, 128, 64, 10], 8),
    expected={"std": np.array([0.0468292905790847, 0.10206207261596575,
                               0.1643989873053573])})
### END HIDDEN TESTS

# %% [markdown]
# The checks judged your initializers the way they must judge anything random: not by
# the numbers, which depend on how you drew them, but by their statistics. On layers of
# 20,000 weights and more, the standard deviation of one draw lies within about 0.5% of
# its true value, so the checks can allow 5% and still tell He from LeCun (a factor
# $\sqrt 2 \approx 1.41$) or the fan-in from the fan-out without any doubt.

# %% [markdown]
# ## 6. Ten layers deep, scheme by scheme
#
# Back to section 3's network of ten layers of 100 units, now with every starting scheme
# of this notebook: zeros, notebook 02's small random weights (std 0.01), exercise 2's
# large ones (std 10), Xavier and He. The weights come from the course's `helpers`
# library (`helpers.initializers`, which has the same schemes as your exercises), so the
# results do not depend on your answers. All the layers have 100 units here, so fan-in
# and fan-out are equal and Xavier's variance is the same as LeCun's, $1/100$.
# For each layer we print the mean and the standard deviation of its activations.

# %% tags=["nbval-check-output"]
schemes = {                                  # name: (method, options) in helpers
    "zeros": ("zeros", {}),
    "std 0.01": ("random_normal", {"stddev": 0.01}),
    "std 10": ("random_normal", {"stddev": 10.0}),
    "Xavier": ("glorot_normal", {}),
    "He": ("he_normal", {}),
}
deep = {}
for activation in ("tanh", "relu"):
    print(f"{activation} layers: mean and std of A[l]")
    print(f"{'l':>2}" + "".join(f"{name:>20}" for name in schemes))
    for name, (method, options) in schemes.items():
        parameters = initializers.initialize_parameters(
            deep_dims, np.random.default_rng(0), method=method, **options)
        deep[activation, name] = activations_per_layer(parameters, activation)
    for l in range(10):
        print(f"{l + 1:>2}" + "".join(
            f"{deep[activation, name][l].mean():>10.2g}{deep[activation, name][l].std():>10.2g}"
            for name in schemes))
    print()

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained", sharey=True)
for ax, activation in zip(axes, ("tanh", "relu")):
    for i, name in enumerate(schemes):
        if name != "zeros":                  # std 0 everywhere: nothing to draw on a log axis
            ax.semilogy(range(1, 11), [a.std() for a in deep[activation, name]],
                        marker="o", ms=3, color=f"C{i}", label=name)
    ax.set(title=f"{activation} layers", xlabel="layer l", xticks=range(1, 11))
axes[0].set_ylabel("std of A[l] (log scale)")
axes[1].legend()
plt.show()

# %% [markdown]
# And the whole distribution of the activations at layers 1, 4, 7 and 10 (zeros is left
# out: every activation is exactly 0). The tanh panels share the range $[-1, 1]$. ReLU's
# activations span 30 orders of magnitude, so its panels show $\log_{10}$ of the
# activations that are not 0 (about half of them are exactly 0), on one shared axis: a
# bump that slides left is a signal that vanishes, one that slides right explodes.

# %%
shown_layers = (1, 4, 7, 10)
drawn = [name for name in schemes if name != "zeros"]
for activation in ("tanh", "relu"):
    fig, axes = plt.subplots(len(drawn), 4, figsize=(12, 7.5), layout="constrained",
                             sharex=True)
    for row, name in zip(axes, drawn):
        for ax, l in zip(row, shown_layers):
            values = deep[activation, name][l - 1].ravel()
            color = f"C{list(schemes).index(name)}"
            if activation == "tanh":
                ax.hist(values, bins=np.linspace(-1, 1, 51), color=color)
            else:
                ax.hist(np.log10(values[values > 0]), bins=np.linspace(-18, 21, 79),
                        color=color)
            ax.set_title(f"{name}, layer {l}: std {values.std():.2g}", fontsize=9)
            ax.set_yticks([])
    for ax in axes[-1]:
        ax.set_xlabel("A[l]" if activation == "tanh" else "log10 of A[l], where A[l] > 0")
    fig.suptitle(f"activations of {activation} layers")
    plt.show()

# %% [markdown]
# What the tables and the pictures say:
#
# - **zeros**: every activation is 0 in every layer, for both activations.
# - **std 0.01**: the signal vanishes, tenfold per tanh layer, to a standard deviation of
#   $10^{-10}$ at layer 10; for ReLU to $2 \times 10^{-12}$.
# - **std 10**: tanh units are all saturated: the histograms are two spikes at $-1$ and
#   $+1$, in every layer. ReLU's activations explode, from 58 at layer 1 to
#   $2 \times 10^{18}$ at layer 10, their bump sliding right by 2 orders of magnitude
#   per layer.
# - **Xavier** (here equal to LeCun's $1/n^{[l-1]}$): for tanh, the activations gather
#   slowly into a narrowing bell, std 0.63 at layer 1 and 0.23 at layer 10, the gentle
#   fade of section 4. For ReLU, half of the variance is lost at every layer: std 0.58
#   at layer 1, 0.021 at layer 10, 27 times smaller.
# - **He**: for ReLU the activations keep their size through all ten layers, between
#   0.69 and 0.98, their bump staying in place; about half of them are exactly 0, as
#   they should be. For tanh, He's weights, twice Xavier's variance here, hold the std
#   near 0.56: the activations spread evenly over the whole range from $-1$ to 1.
#
# The fixed scales are off by a factor that compounds, to 10 or 18 orders of magnitude
# after ten layers. The schemes scaled by the fans keep tanh's signal within a factor of
# 3 of where it started, and He keeps ReLU's. With ReLU units, Xavier's variance is half
# of what the signal needs, and that half compounds too, to a factor of 27 in ten layers:
# He is the one for ReLU.

# %% [markdown]
# ## 7. Training on the rings, scheme by scheme
#
# Finally, the schemes at work. The network has two hidden layers of ReLU units, 10 and
# 5, and a sigmoid output; it is trained on the rings with 1000 steps of gradient descent
# on the whole training set, learning rate 0.1, starting from zeros, from exercise 2's
# large weights, from Xavier's and from He's. One training run can be lucky or unlucky,
# so each scheme starts from five seeds (0 to 4), and the table gives the mean accuracy
# and, after the ±, its standard deviation over the five runs. The starting weights come
# from `helpers.initializers` again.

# %% tags=["nbval-check-output"]
relu_net = ["relu", "relu", "sigmoid"]
compared = {name: schemes[name] for name in ("zeros", "std 10", "Xavier", "He")}
seeds = range(5)
results, trained, histories = {}, {}, {}
for name, (method, options) in compared.items():
    scores = []
    for seed in seeds:
        parameters = initializers.initialize_parameters(
            circle_dims, np.random.default_rng(seed), method=method, **options)
        costs = train(parameters, relu_net, learning_rate=0.1)
        scores.append((accuracy(X_train, Y_train, parameters, relu_net),
                       accuracy(X_test, Y_test, parameters, relu_net), costs[0], costs[-1]))
        if seed == 0:
            trained[name], histories[name] = parameters, costs
    results[name] = np.array(scores)

print(f"{'start':<8}{'train accuracy':>18}{'test accuracy':>18}{'first cost':>14}"
      f"{'last cost':>12}   (mean ± std over {len(seeds)} seeds)")
for name, scores in results.items():
    mean, spread = scores.mean(axis=0), scores.std(axis=0)
    print(f"{name:<8}{mean[0]:>11.1%} ± {spread[0]:4.1%}{mean[1]:>11.1%} ± {spread[1]:4.1%}"
          f"{mean[2]:>14.3f}{mean[3]:>12.3f}")

# %%
ax = plot_costs(histories, xlabel="step")
ax.set(yscale="log", ylabel="cost J (log scale)", title="training cost, seed 0")
plt.show()

# %%
fig, axes = plt.subplots(1, 4, figsize=(15, 4), layout="constrained")
for ax, (name, parameters) in zip(axes, trained.items()):
    test_accuracy = accuracy(X_test, Y_test, parameters, relu_net)
    plot_decision_boundary(lambda P, p=parameters: layers.predict(P, p, relu_net), X_test,
                           Y_test, ax=ax, resolution=150,
                           title=f"{name}, seed 0: test {test_accuracy:.1%}")
    ax.set_aspect("equal")
plt.show()

# %% [markdown]
# What the table, the cost curves and the boundaries show:
#
# - **zeros** stays at chance, 50.0% of both sets with no spread at all: every seed
#   gives the same network, whose hidden layers never move (section 1), and which calls
#   every point the same class. Its cost never leaves 0.693.
# - **std 10** starts with a cost of 7.70 on average and reaches 84.2% ± 13.2% of the
#   training set and 79.5% ± 13.9% of the test set: some seeds get far, others stall.
#   Seed 0's cost falls fast from its huge start, then jitters on a plateau near 0.3
#   and stays there, and its boundary bulges out of the rings. Large weights make
#   training a lottery.
# - **Xavier** gets 99.1% and 96.7%, with little spread; **He** does best, 99.6% ± 0.1%
#   and 97.2% ± 0.2%, and its cost ends lowest. Xavier's weights are smaller here (in
#   the first layer, with 2 inputs and 10 units, its variance $2/12$ is a sixth of He's
#   $2/2$), so the signal that reaches the output starts small: seed 0's cost sits near
#   0.69 for about 400 steps before it falls, where He's falls from the start. In a
#   network this shallow Xavier catches up in the end; section 6 showed how its missing
#   factor 2 per ReLU layer compounds in a deeper one. The course this comparison
#   follows reports the same ranking on its own rings: zeros 50/50%, large random
#   weights 83/86%, He 99/96% (train/test).
#
# Xavier's and He's networks both close a boundary around the inner ring. The spread
# over the seeds, a fraction of a percent for Xavier and He and over ten points for large
# weights, is as much a part of the result as the mean.

# %% [markdown]
# ## What you should have seen
#
# - Units that start alike stay alike: from zeros, only the output bias moved, and the
#   rings stayed at 50%; from a constant 0.5 the four hidden units ended with exactly
#   equal weights, one unit's worth (61%). Random weights broke the symmetry (98%).
#   Logistic regression may start at zero, because each of its weights multiplies a
#   different input feature: its first gradient already had 54 different entries.
# - Large weights (std 10) saturated more than half of the tanh units (mean slope 0.13)
#   and made the untrained network confidently wrong, with a starting cost of about 5
#   instead of $\log 2 = 0.693$.
# - Through ten layers a fixed scale compounds: std 0.01 made the signal vanish
#   ($10^{-10}$), std 1 saturated tanh and made ReLU explode ($2 \times 10^8$). Exploding
#   gradients come from repeated multiplication by large weights.
# - From $\mathrm{Var}(z^{[l]}) = n^{[l-1]}\, \mathrm{Var}(w)\, E[(a^{[l-1]})^2]$:
#   $\mathrm{Var}(w) = 1/n^{[l-1]}$ for linear and tanh units (LeCun's), $2/n^{[l-1]}$
#   for ReLU (He's), $2/((1 + \alpha^2)\, n^{[l-1]})$ for leaky ReLU. The fan-in sets the
#   scale; Xavier/Glorot's $2/(n^{[l-1]} + n^{[l]})$ also weighs the fan-out, for the
#   gradients, and is the start for tanh and sigmoid; He's is the one for ReLU.
# - On the rings, over five seeds: zeros 50.0% / 50.0%, large weights 84% / 80% with a
#   spread of about 13 points, Xavier 99.1% / 96.7%, He 99.6% / 97.2% (train / test).

# %% [markdown]
# ## Rules for answers
#
# - Answer cells, and any cell you add, may use numpy (`np`, also as `from numpy import
#   exp` or `import numpy.linalg as la`), the `math` module and the names you define
#   yourself. Nothing else: not what the notebook itself imports (from `helpers`, or
#   `plt`) or defines outside the answer cells.
# - Your `initialize_parameters_he` may call your `steady_std` (exercise 3). While it is
#   graded, it is given the course's `steady_std` instead, so a mistake in exercise 3
#   costs only exercise 3's points. Each exercise's **May call:** line says what it may
#   call.
# - A function gets its data through its arguments, never from the notebook's variables:
#   whatever it needs, its caller passes in.
# - Each check first reads its answer cell with the autograder's guard and says, with
#   the line, if the cell breaks a rule.
# - A slip that can only affect its own cell, such as reading one of the notebook's
#   variables, calling a function it defines or using a name that is not defined, costs
#   that exercise: the autograder does not run the cell, and grades the rest of the
#   notebook.
# - A scratch cell you add that only reads or prints the notebook's data is left out of
#   grading, and the feedback says so.
# - Anything that could change other exercises' results scores the whole submission zero
#   and is flagged for the instructor: the course's checks or reference code (what the
#   notebook imports from `helpers`), other modules, changing numpy or its settings,
#   IPython magics and shell commands (`%`, `!`), Python's built-ins beyond the everyday
#   ones (`len`, `range`, `zip`, ...), files.
# - To see everything the guard would object to, in one go, run this in a terminal
#   from the course folder:
#   `python -m helpers.grading.guard notebooks/05_initialization/05_initialization.ipynb`.
