# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Activation functions
#
# Every unit of a network computes $z = w^T a + b$ and then passes $z$ through an
# activation function $g$. Notebook 01 used the sigmoid for $g$. This notebook asks why
# $g$ is there at all, meets the functions that are used in practice, and shows what each
# one does to the gradients that training depends on.
#
# **By the end you will be able to**
# - show that layers without an activation collapse into a single layer;
# - write sigmoid, tanh, ReLU, leaky ReLU, ELU and Swish, and the derivative of each,
#   so that they never return `nan`;
# - say where sigmoid and tanh saturate, why that makes gradients vanish in deep
#   networks, and what really makes gradients explode;
# - recognise a dead ReLU unit and say what kills it;
# - write a softmax that survives logits like 1000, and say why a hard `max` cannot
#   replace it;
# - check a derivative you derived against a central finite difference, and show that
#   softmax with cross-entropy has the gradient $A - Y$;
# - choose the activation of an output layer from the range the task needs.
#
# **How the exercises work.** An exercise is a code cell holding `# YOUR CODE HERE` and
# `raise NotImplementedError()`. Put your code in place of those two lines, run the
# cell, and then run the check cell that follows it. When a check fails, its message
# says which mistake it suspects. Passing the visible checks is not the whole grade: the
# autograder runs hidden checks on other inputs too, so write code that works in
# general, not just on the example shown.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `sigmoid`, `sigmoid_derivative` | 1 |
# | 2 `tanh`, `tanh_derivative` | 1 |
# | 3 `relu`, `relu_derivative` | 1 |
# | 4 `leaky_relu`, `leaky_relu_derivative` | 1 |
# | 5 `elu`, `elu_derivative` | 2 |
# | 6 `swish`, `swish_derivative` | 2 |
# | 7 `numerical_derivative` | 1 |
# | 8 `softmax` | 2 |
# | 9 `softmax_cross_entropy_backward` | 2 |
# | 10 output activations, one point per task | 4 |
#
# Notation, as in every notebook of the course: the $m$ examples are the **columns** of
# $X$, of shape $(n_x, m)$; layer $l$ computes $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ and
# $A^{[l]} = g^{[l]}(Z^{[l]})$, with $A^{[0]} = X$.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers import layers
from helpers.data import make_planar, train_test_split
from helpers.initializers import initialize_parameters
from helpers.metrics import accuracy
from helpers.plotting import plot_costs, plot_decision_boundary, plot_function_and_derivative
from helpers.train import fit
from helpers.grading import nb03 as checks

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. Why a network needs a non-linearity
#
# Leave the activation out, $g(z) = z$, and two layers in a row compute
#
# $$W^{[2]}\big(W^{[1]} X + b^{[1]}\big) + b^{[2]}
#   = \underbrace{W^{[2]} W^{[1]}}_{W} X + \underbrace{W^{[2]} b^{[1]} + b^{[2]}}_{b},$$
#
# which is one layer again, with weight matrix $W$ and bias $b$. A third layer folds into
# these two the same way, and so does every further one. However deep it is, a network
# without activations computes $WX + b$: it can only draw a straight boundary (a flat one
# in more dimensions), exactly what logistic regression draws. Extra linear layers add
# parameters and arithmetic but no new shapes. That, and not the cost of computing them,
# is what is wrong with a linear activation in the hidden layers.
#
# Here are ten linear layers of 16 units, fed five examples, and the single layer they
# collapse into:

# %% tags=["nbval-check-output"]
rng = np.random.default_rng(0)
sizes = [2] + [16] * 9 + [1]                       # ten layers: 2 -> 16 -> ... -> 16 -> 1
weights = [rng.normal(size=(n, n_prev)) / np.sqrt(n_prev)
           for n_prev, n in zip(sizes[:-1], sizes[1:])]
biases = [rng.normal(size=(n, 1)) for n in sizes[1:]]
X_five = rng.normal(size=(2, 5))

A = X_five
for W, b in zip(weights, biases):
    A = W @ A + b                                  # g(z) = z: no activation

W_one, b_one = np.eye(2), np.zeros((2, 1))         # fold the layers in one at a time
for W, b in zip(weights, biases):
    W_one, b_one = W @ W_one, W @ b_one + b

print("ten layers:", A.ravel())
print("one layer: ", (W_one @ X_five + b_one).ravel())
print("parameters:", sum(W.size + b.size for W, b in zip(weights, biases)),
      "in ten layers,", W_one.size + b_one.size, "in one")

# %% [markdown]
# The outputs agree to every printed digit: the ten layers and their 2241 parameters
# do nothing that the single layer with a $1 \times 2$ matrix and one bias cannot. A
# non-linear $g$ between the layers stops the folding, and that is what lets a network
# bend its boundary around the data. Section 8 shows it on a data set no straight line
# can split: without a hidden activation a network gets about 60% of it right, little
# better than guessing; with any of this notebook's activations, about 90%.
#
# A linear activation still has one proper place: the **output** layer of a network that
# predicts an unbounded number (section 7).

# %% [markdown]
# ## 2. Sigmoid and tanh: smooth, bounded, and saturating
#
# The sigmoid squeezes any $z$ into $(0, 1)$, and its slope has a neat form in terms of
# its own value:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \sigma'(z) = \sigma(z)\,\big(1 - \sigma(z)\big).$$
#
# **What every activation you write must do.** It takes `z`, an array of any shape, and
# returns a new array of that shape, entry by entry, leaving `z` unchanged (the backward
# pass needs $Z$) and with no `nan` for $|z|$ up to 1000; an overflow warning on the way
# costs nothing.
#
# ### Exercise 1: `sigmoid` and `sigmoid_derivative` (1 point)
#
# Write both. The derivative receives $z$, **not** the activation $a = \sigma(z)$: some
# books write the slope as $a(1 - a)$ because they already hold $a$. Here, compute
# $s = \sigma(z)$ first, with your `sigmoid`.
#
# **May call:** numpy; your `sigmoid` (exercise 1).

# %% tags=["answer"] grade_id="sigmoid"
def sigmoid(z):
    """sigma(z) = 1 / (1 + exp(-z)), entry by entry; z is an array of any shape."""
    ### BEGIN SOLUTION
    return 1 / (1 + np.exp(-z))
    ### END SOLUTION


def sigmoid_derivative(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)), entry by entry."""
    ### BEGIN SOLUTION
    s = sigmoid(z)
    return s * (1 - s)
    ### END SOLUTION


# %% tags=["tests"] grade_id="sigmoid_tests" points=1
checks.check_sigmoid(sigmoid, sigmoid_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("sigmoid", sigmoid, args=(
    np.array([[-750.0, -20.0, -0.3], [0.0, 3.7, 710.5]]),),
    expected={"value": np.array([[0.0, 2.0611536181902033e-09, 0.425557483188341],
                                 [0.5, 0.9758729785823308, 1.0]])})
checks.hidden("sigmoid_derivative", sigmoid_derivative, args=(
    np.array([[-750.0, -20.0, -0.3], [0.0, 3.7, 710.5]]),),
    expected={"value": np.array([[0.0, 2.061153613941849e-09, 0.24445831169074586],
                                 [0.25, 0.023544908255180536, 0.0]])})
checks.hidden("sigmoid", sigmoid, args=(np.array([[[1.25, -2.0]], [[8.0, -0.001]]]),),
    expected={"value": np.array([[[0.7772998611746911, 0.11920292202211755]],
                                 [[0.9996646498695336, 0.49975000002083336]]])})
checks.hidden("sigmoid_derivative", sigmoid_derivative, args=(
    np.array([[[1.25, -2.0]], [[8.0, -0.001]]]),),
    expected={"value": np.array([[[0.17310478699249707, 0.1049935854035065]],
                                 [[0.00033523767075636815, 0.24999993750001043]]])})
### END HIDDEN TESTS

# %% [markdown]
# Here is your sigmoid (solid) with its slope (dashed):

# %%
ax = plot_function_and_derivative(sigmoid, sigmoid_derivative, z=np.linspace(-8, 8, 321),
                                  name="sigmoid")
ax.set_title("sigmoid: output in (0, 1), slope at most 0.25")
plt.show()

# %% [markdown]
# **tanh** has the same S shape, stretched to the range $(-1, 1)$ and centred on 0. It
# is in fact a rescaled sigmoid:
#
# $$\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\,\sigma(2z) - 1.$$
#
# Because its outputs are centred on 0, the next layer receives inputs of both signs,
# which tends to make learning easier than with the all-positive outputs of a sigmoid;
# that is why tanh used to be the usual choice for hidden layers.
#
# ### Exercise 2: `tanh` and `tanh_derivative` (1 point)
#
# `np.tanh` is allowed and is the best way to get tanh. The fraction of exponentials
# above, typed as it stands, returns `nan` for $z = 1000$ (can you see why?).
#
# This time the derivative is yours to find. Differentiate the fraction with the quotient
# rule, using $(e^{z})' = e^{z}$ and $(e^{-z})' = -e^{-z}$, and then look for
# $\tanh(z)$ itself in what you get: like the sigmoid's, tanh's slope can be written with
# tanh alone. (Or start from $2\sigma(2z) - 1$, with the chain rule and
# $\sigma' = \sigma(1 - \sigma)$.) Check your formula at $z = 0$, where the plot of tanh
# rises most steeply. As in exercise 1, the derivative receives $z$, not $\tanh(z)$.
#
# **May call:** numpy; your `sigmoid` (exercise 1) and `tanh` (exercise 2).

# %% tags=["answer"] grade_id="tanh"
def tanh(z):
    """The hyperbolic tangent, entry by entry."""
    ### BEGIN SOLUTION
    return np.tanh(z)
    ### END SOLUTION


def tanh_derivative(z):
    """The slope of tanh at z, entry by entry."""
    ### BEGIN SOLUTION
    t = tanh(z)
    return 1 - t ** 2
    ### END SOLUTION


# %% tags=["tests"] grade_id="tanh_tests" points=1
checks.check_tanh(tanh, tanh_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("tanh", tanh, args=(np.array([[-900.0, -3.0, -0.4], [0.0, 0.05, 25.0]]),),
    expected={"value": np.array([[-1.0, -0.9950547536867305, -0.3799489622552249],
                                 [0.0, 0.04995837495787997, 1.0]])})
checks.hidden("tanh_derivative", tanh_derivative, args=(
    np.array([[-900.0, -3.0, -0.4], [0.0, 0.05, 25.0]]),),
    expected={"value": np.array([[0.0, 0.009866037165440211, 0.8556387860811777],
                                 [1.0, 0.9975041607715679, 0.0]])})
checks.hidden("tanh", tanh, args=(np.array([1.5, -7.0, 0.75]),),
    expected={"value": np.array([0.9051482536448665, -0.9999983369439447,
                                 0.6351489523872873])})
checks.hidden("tanh_derivative", tanh_derivative, args=(np.array([1.5, -7.0, 0.75]),),
    expected={"value": np.array([0.18070663892364836, 3.3261093448366807e-06,
                                 0.5965858082813315])})
### END HIDDEN TESTS

# %% [markdown]
# Both functions side by side, and their slopes at a few points:

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 3.2), layout="constrained")
z_plot = np.linspace(-6, 6, 241)
plot_function_and_derivative(sigmoid, sigmoid_derivative, z=z_plot, ax=axes[0], name="sigmoid")
plot_function_and_derivative(tanh, tanh_derivative, z=z_plot, ax=axes[1], name="tanh")
axes[0].set_title("sigmoid: slope peaks at 0.25, at z = 0")
axes[1].set_title("tanh: slope peaks at 1, at z = 0")
plt.show()

# %% tags=["nbval-check-output"]
z_points = np.array([0.0, 1.0, 2.0, 5.0, 10.0])
print("z:          ", "  ".join(f"{v:8g}" for v in z_points))
print("sigmoid'(z):", "  ".join(f"{v:8.2g}" for v in sigmoid_derivative(z_points)))
print("tanh'(z):   ", "  ".join(f"{v:8.2g}" for v in tanh_derivative(z_points)))

# %% [markdown]
# Both slopes are largest at $z = 0$: 0.25 for the sigmoid, 1 for tanh. Both curves are
# symmetric, so $-z$ gives the same slopes as $z$. Moving away from 0 in either direction,
# the curves flatten out towards their limits, and the slopes collapse: at $|z| = 5$ the
# sigmoid's slope is 0.0066 and tanh's 0.00018, at $|z| = 10$ they are 4.5e-05 and 8.2e-09.
# A unit whose $z$ sits out there is **saturated**: its output hardly changes whatever
# its weights do, and almost no gradient passes back through it. (The trouble is large
# $|z|$, not outputs "near 0 or 1" in some other sense: near $z = 0$ these functions are
# at their steepest.) Section 5 follows what saturation does to a deep network.

# %% [markdown]
# ## 3. The ReLU family: no ceiling
#
# The **rectified linear unit** passes positive inputs through unchanged and replaces
# negative ones by 0:
#
# $$\text{relu}(z) = \max(0, z), \qquad
#   \text{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z < 0. \end{cases}$$
#
# For $z > 0$ the slope is exactly 1 however large $z$ gets, so a ReLU never saturates
# on that side, and it costs nothing to compute. It is the usual first choice for hidden
# layers. Its weakness is the flat side: where $z < 0$ the slope is 0 and no gradient
# gets through (section 5 shows units that never come back).
#
# **At exactly $z = 0$** the slope jumps from 0 to 1, and the derivative does not exist.
# Code has to return something there; most libraries, and this course's reference, return
# the left-hand value, 0. The checks in this notebook accept any value from the left-hand
# slope to the right-hand slope at exactly $z = 0$ (so both 0 and 1 are fine for ReLU),
# and test every other point strictly. The same goes for leaky ReLU and ELU below.
#
# ### Exercise 3: `relu` and `relu_derivative` (1 point)
#
# Mind the difference between `np.max`, the largest entry of *one* array, and
# `np.maximum`, which compares two arrays (or an array and a number) entry by entry.
# Python's `if z > 0:` does not work either: `z > 0` is a whole array of True and False,
# and `if` needs one of them. `np.where(condition, x, y)` picks from `x` where the
# condition holds and from `y` elsewhere.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="relu"
def relu(z):
    """max(0, z), entry by entry."""
    ### BEGIN SOLUTION
    return np.maximum(0, z)
    ### END SOLUTION


def relu_derivative(z):
    """1 where z > 0, 0 where z < 0 (at z = 0: see the text above)."""
    ### BEGIN SOLUTION
    return (z > 0).astype(float)
    ### END SOLUTION


# %% tags=["tests"] grade_id="relu_tests" points=1
checks.check_relu(relu, relu_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("relu", relu, args=(
    np.array([[-3.5, 0.0, 2.25], [1e-08, -1e-08, 640.0]]),),
    expected={"value": np.array([[0.0, 0.0, 2.25], [1e-08, 0.0, 640.0]])})
checks.hidden("relu_derivative", relu_derivative, args=(
    np.array([[-3.5, 0.0, 2.25], [1e-08, -1e-08, 640.0]]),),
    expected={"value": np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 1.0]])})
checks.hidden("relu", relu, args=(
    np.array([-0.5, 7.0, -12.0, 0.125], dtype=np.float32),),
    expected={"value": np.array([0.0, 7.0, 0.0, 0.125], dtype=np.float32)})
checks.hidden("relu_derivative", relu_derivative, args=(
    np.array([-0.5, 7.0, -12.0, 0.125], dtype=np.float32),),
    expected={"value": np.array([0.0, 1.0, 0.0, 1.0], dtype=np.float32)})
### END HIDDEN TESTS

# %% [markdown]
# **Leaky ReLU** keeps a small slope $\alpha$ on the negative side, so that a unit with
# $z < 0$ still passes a little gradient back:
#
# $$\text{leaky\_relu}(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}, \qquad
#   \text{leaky\_relu}'(z) = \begin{cases} 1 & z > 0 \\ \alpha & z < 0. \end{cases}$$
#
# This course uses $\alpha = 0.01$ by default, as its `helpers` library does (Keras's
# `leaky_relu` calls the slope `negative_slope`).
#
# ### Exercise 4: `leaky_relu` and `leaky_relu_derivative` (1 point)
#
# Use the `alpha` you are given: the checks try other values than 0.01.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="leaky_relu"
def leaky_relu(z, alpha=0.01):
    """z where z > 0, alpha * z elsewhere, entry by entry."""
    ### BEGIN SOLUTION
    return np.where(z > 0, z, alpha * z)
    ### END SOLUTION


def leaky_relu_derivative(z, alpha=0.01):
    """1 where z > 0, alpha where z < 0."""
    ### BEGIN SOLUTION
    return np.where(z > 0, 1.0, alpha)
    ### END SOLUTION


# %% tags=["tests"] grade_id="leaky_relu_tests" points=1
checks.check_leaky_relu(leaky_relu, leaky_relu_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("leaky_relu", leaky_relu, args=(
    np.array([[-4.0, -0.5, 0.0], [0.2, 9.0, -800.0]]), 0.3),
    expected={"value": np.array([[-1.2, -0.15, 0.0], [0.2, 9.0, -240.0]])})
checks.hidden("leaky_relu_derivative", leaky_relu_derivative, args=(
    np.array([[-4.0, -0.5, 0.0], [0.2, 9.0, -800.0]]), 0.3),
    expected={"value": np.array([[0.3, 0.3, 0.3], [1.0, 1.0, 0.3]])})
checks.hidden("leaky_relu", leaky_relu, args=(
    np.array([-2.5, 3.0, -0.75], dtype=np.float32),),
    expected={"value": np.array([-0.02499999850988388, 3.0,
                                 -0.007499999832361937], dtype=np.float32)})
checks.hidden("leaky_relu_derivative", leaky_relu_derivative, args=(
    np.array([-2.5, 3.0, -0.75], dtype=np.float32),),
    expected={"value": np.array([0.009999999776482582, 1.0,
                                 0.009999999776482582], dtype=np.float32)})
### END HIDDEN TESTS

# %% [markdown]
# **ELU** (exponential linear unit) bends smoothly on the negative side, towards
# $-\alpha$:
#
# $$\text{elu}(z) = \begin{cases} z & z > 0 \\ \alpha\,(e^{z} - 1) & z \le 0 \end{cases},
#   \qquad
#   \text{elu}'(z) = \begin{cases} 1 & z > 0 \\ \alpha\, e^{z} & z < 0, \end{cases}$$
#
# with $\alpha = 1$ by default, as in Keras. For $z \le 0$ the slope $\alpha e^z$ equals
# $\text{elu}(z) + \alpha$, which some code uses to save an exponential. Its outputs
# average closer to 0 than a ReLU's, and its negative side never goes completely flat
# (though it does saturate as $z \to -\infty$). With $\alpha = 1$ the two one-sided
# slopes at 0 are both 1, so ELU has no kink; with any other $\alpha$ it has one, and the
# rule about $z = 0$ above applies.
#
# Beware: some tutorials print a different formula, $z\,(1 - e^{-z})$, under the name
# ELU. That is not ELU; use the one above.
#
# ### Exercise 5: `elu` and `elu_derivative` (2 points)
#
# A trap: `np.where(z > 0, z, alpha * (np.exp(z) - 1))` computes `np.exp(z)` for *every*
# entry, including $z = 1000$, and only then picks. The overflow there is harmless (that
# branch is thrown away; you will just see a warning), but multiplying by a mask instead,
# as in `... * (z <= 0)`, turns it into $\infty \cdot 0 = $ `nan`. Taking the exponential
# of `np.minimum(z, 0)` avoids the overflow altogether.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="elu"
def elu(z, alpha=1.0):
    """z where z > 0, alpha * (exp(z) - 1) elsewhere, entry by entry."""
    ### BEGIN SOLUTION
    return np.where(z > 0, z, alpha * (np.exp(np.minimum(z, 0)) - 1))
    ### END SOLUTION


def elu_derivative(z, alpha=1.0):
    """1 where z > 0, alpha * exp(z) where z < 0."""
    ### BEGIN SOLUTION
    return np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0)))
    ### END SOLUTION


# %% tags=["tests"] grade_id="elu_tests" points=2
checks.check_elu(elu, elu_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("elu", elu, args=(np.array([[-30.0, -1.5, 0.0], [0.3, 4.0, 950.0]]), 2.0),
    expected={"value": np.array([[-1.9999999999998128, -1.5537396797031404, 0.0],
                                 [0.3, 4.0, 950.0]])})
checks.hidden("elu_derivative", elu_derivative, args=(
    np.array([[-30.0, -1.5, 0.0], [0.3, 4.0, 950.0]]), 2.0),
    expected={"value": np.array([[1.871524593768035e-13, 0.44626032029685964, 2.0],
                                 [1.0, 1.0, 1.0]])})
checks.hidden("elu", elu, args=(np.array([-0.02, 2.5, -6.0, 800.0]), 0.5),
    expected={"value": np.array([-0.00990066334662235, 2.5, -0.4987606239116668,
                                 800.0])})
checks.hidden("elu_derivative", elu_derivative, args=(
    np.array([-0.02, 2.5, -6.0, 800.0]), 0.5),
    expected={"value": np.array([0.4900993366533776, 1.0, 0.0012393760883331792, 1.0])})
### END HIDDEN TESTS

# %% [markdown]
# The three side by side. Leaky ReLU is drawn with $\alpha = 0.1$ here, because with
# 0.01 its negative side is too close to 0 to see.

# %%
fig, axes = plt.subplots(1, 3, figsize=(13, 3.2), layout="constrained")
plot_function_and_derivative(relu, relu_derivative, z=z_plot, ax=axes[0], name="relu")
plot_function_and_derivative(lambda z: leaky_relu(z, 0.1),
                             lambda z: leaky_relu_derivative(z, 0.1), z=z_plot, ax=axes[1],
                             name="leaky_relu")
plot_function_and_derivative(elu, elu_derivative, z=z_plot, ax=axes[2], name="elu")
axes[0].set_title("relu: flat below 0, slope 1 above")
axes[1].set_title("leaky_relu, alpha = 0.1: slope alpha below 0")
axes[2].set_title("elu, alpha = 1: smooth, tends to -1")
plt.show()

# %% [markdown]
# ## 4. Swish: a smooth ReLU
#
# **Swish** (Keras calls it `silu`) multiplies $z$ by its own sigmoid:
#
# $$\text{swish}(z) = z\,\sigma(z).$$
#
# For large positive $z$, $\sigma(z) \approx 1$ and swish is almost $z$; for large negative
# $z$, $\sigma(z) \approx 0$ and swish is almost 0: a ReLU with the corner rounded off.
# Unlike ReLU it dips a little below zero before it returns to 0, so it is not monotonic.
#
# ### Exercise 6: `swish` and `swish_derivative` (2 points)
#
# Derive the slope yourself. Swish is a product of two functions of $z$, so the product
# rule applies, $(uv)' = u'v + uv'$; you know the derivative of each factor, and
# $\sigma' = \sigma(1 - \sigma)$ lets you write the result with $\sigma(z)$ and $z$ only.
# Two sanity checks: at $z = 0$ the slope is $\sigma(0)$, and for large positive $z$,
# where swish is almost $z$, it tends to 1.
#
# Use your `sigmoid` from exercise 1 (the checks give your functions a correct sigmoid to
# work with, so a mistake there does not cost you these points as well).
#
# **May call:** numpy; your `sigmoid` (exercise 1).

# %% tags=["answer"] grade_id="swish"
def swish(z):
    """z * sigmoid(z), entry by entry."""
    ### BEGIN SOLUTION
    return z * sigmoid(z)
    ### END SOLUTION


def swish_derivative(z):
    """The slope of swish at z, entry by entry."""
    ### BEGIN SOLUTION
    s = sigmoid(z)
    return s + z * s * (1 - s)
    ### END SOLUTION


# %% tags=["tests"] grade_id="swish_tests" points=2
checks.check_swish(swish, swish_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("swish", swish, args=(
    np.array([[-850.0, -1.278464542761074, -0.6], [0.0, 2.2, 35.0]]),),
    expected={"value": np.array([[-0.0, -0.2784645427610738, -0.2126062162645227],
                                 [0.0, 1.9805489239366927, 34.99999999999998]])})
checks.hidden("swish_derivative", swish_derivative, args=(
    np.array([[-850.0, -1.278464542761074, -0.6], [0.0, 2.2, 35.0]]),),
    expected={"value": np.array([[0.0, -2.7755575615628914e-17, 0.21707314950021012],
                                 [0.5, 1.0978102347684662, 1.0000000000000226]])})
checks.hidden("swish", swish, args=(np.array([3.0, -4.0, 0.5], dtype=np.float32),),
    expected={"value": np.array([2.857722282409668,
                                 -0.07194484025239944,
                                 0.3112296760082245], dtype=np.float32)})
checks.hidden("swish_derivative", swish_derivative, args=(
    np.array([3.0, -4.0, 0.5], dtype=np.float32),),
    expected={"value": np.array([1.0881041288375854,
                                 -0.052664615213871,
                                 0.7399612069129944], dtype=np.float32)})
### END HIDDEN TESTS

# %% [markdown]
# Swish next to the ReLU it smooths (grey), and where its dip bottoms out:

# %%
ax = plot_function_and_derivative(swish, swish_derivative, z=z_plot, name="swish")
ax.plot(z_plot, np.maximum(0, z_plot), color="grey", lw=1, label="relu(z), for comparison")
ax.legend()
ax.set_title("swish: a ReLU with a rounded corner and a small dip")
plt.show()

# %% tags=["nbval-check-output"]
z_fine = np.linspace(-3, 0, 30001)
lowest = np.argmin(swish(z_fine))
print(f"swish is lowest at z = {z_fine[lowest]:.3f}, "
      f"where it is {swish(z_fine[lowest]):.3f}")

# %% [markdown]
# The lowest point is at $z \approx -1.278$, where swish is about $-0.278$ and its slope
# is 0. For $z$ below that point the slope is slightly negative, something no other
# function here has.

# %% [markdown]
# ### Checking a derivative numerically
#
# A slope you derived by hand can be wrong in ways a plot hides. The definition of the
# derivative gives a check that needs no calculus at all: for a small step
# $\varepsilon$,
#
# $$g'(z) \approx \frac{g(z + \varepsilon) - g(z - \varepsilon)}{2\varepsilon}.$$
#
# This **central difference** steps to both sides of $z$, and its error shrinks like
# $\varepsilon^2$ (it is about $g'''(z)\,\varepsilon^2 / 6$). The one-sided difference
# $\big(g(z + \varepsilon) - g(z)\big) / \varepsilon$ errs by about
# $g''(z)\,\varepsilon / 2$, which shrinks only like $\varepsilon$: for
# $\varepsilon = 10^{-5}$ it is wrong in the fifth or sixth digit wherever $g$ is curved.
# Making $\varepsilon$ large makes both errors grow; making it tiny loses digits the
# other way, because $g(z + \varepsilon)$ and $g(z - \varepsilon)$ then agree in almost
# all of their digits and their difference keeps only the few that are left. In float64,
# $\varepsilon = 10^{-5}$ is a good middle.
#
# ### Exercise 7: `numerical_derivative` (1 point)
#
# `f` is a function applied entry by entry, such as your `tanh`, and `z` an array of any
# shape. Return the central difference at every entry of `z`, an array of the shape of
# `z`, with the step `eps` you are given (the checks try another one than the default).
#
# **May call:** numpy; the function `f` it is given.

# %% tags=["answer"] grade_id="numerical_derivative"
def numerical_derivative(f, z, eps=1e-5):
    """The central difference (f(z + eps) - f(z - eps)) / (2 eps), entry by entry."""
    ### BEGIN SOLUTION
    return (f(z + eps) - f(z - eps)) / (2 * eps)
    ### END SOLUTION


# %% tags=["tests"] grade_id="numerical_derivative_tests" points=1
checks.check_numerical_derivative(numerical_derivative)
### BEGIN HIDDEN TESTS
checks.hidden("numerical_derivative", numerical_derivative, args=(
    np.cos, np.array([[-2.5, -0.4], [0.9, 3.0]])),
    expected={"value": np.array([[0.5984721440976948, 0.3894183423003294],
                                 [-0.7833269096091388, -0.1411200080625452]])})
checks.hidden("numerical_derivative", numerical_derivative, args=(
    lambda z: z ** 3, np.array([-1.5, 0.5, 2.0]), 0.1),
    expected={"value": np.array([6.760000000000008, 0.7599999999999998,
                                 12.010000000000009])})
### END HIDDEN TESTS

# %% [markdown]
# Now the check of your own derivatives: each of them against the central difference of
# its function, on 80 points from $-4$ to 4 (none of them exactly 0, where the ReLU
# family has no derivative). A right derivative agrees to about $10^{-9}$ or better; a
# wrong formula misses by far more. The graded checks compare your derivatives with the
# course's, not with this, so this cell is for you: it is how to test a derivative you
# are not sure of.

# %%
z_check = np.linspace(-4, 4, 80)
for name, g, g_slope in (("sigmoid", sigmoid, sigmoid_derivative),
                         ("tanh", tanh, tanh_derivative),
                         ("relu", relu, relu_derivative),
                         ("leaky_relu", leaky_relu, leaky_relu_derivative),
                         ("elu", elu, elu_derivative),
                         ("swish", swish, swish_derivative)):
    gap = np.max(np.abs(g_slope(z_check) - numerical_derivative(g, z_check)))
    verdict = "agrees" if gap < 1e-6 else "DISAGREES: look at your formula again"
    print(f"{name:<11} largest gap to the central difference: {gap:.0e}  {verdict}")

# %% [markdown]
# ## 5. What activations do to gradients in a deep network
#
# Backpropagation (notebook 04) carries the gradient from the output back to the first
# layer. At every layer it is multiplied by the transposed weights and, entry by entry,
# by the activation's slope $g'(Z^{[l]})$. Over $L$ layers that is a product of $L$ such
# factors, and products of many numbers are rarely moderate: they shrink towards 0 when
# the factors are below 1 and blow up when they are above 1.
#
# ### Vanishing gradients
#
# The sigmoid's slope is never more than 0.25. Even in the best case, every unit at
# $z = 0$, ten sigmoid layers multiply the gradient by
#
# $$0.25^{10} \approx 9.5 \times 10^{-7}, \qquad\text{and twenty by}\qquad
#   0.25^{20} \approx 9.1 \times 10^{-13}.$$
#
# The weights can make up some of that, but saturated units (slope near 0) make it worse.
# To see it happen, we build networks of 20 hidden layers of 16 units, start them from
# the usual random weights (Glorot's for sigmoid and tanh, He's for ReLU; notebook 05
# explains them), run one forward and one backward pass on the planar data set, and
# measure the size (root mean square) of the gradient $dA^{[l]}$ that reaches each
# hidden layer. The two last networks are ReLU networks whose weights are 1.5 times
# and 0.5 times too large; they are explained below the plot. The course's `helpers`
# library does the forward and backward passes, which notebook 04 has you write.

# %%
X_planar, Y_planar = make_planar(m=600, rng=np.random.default_rng(1))
X_train, Y_train, X_test, Y_test = train_test_split(X_planar, Y_planar, test_fraction=1 / 3,
                                                    rng=np.random.default_rng(2))
print("training set:", X_train.shape, " test set:", X_test.shape)

# %% tags=["nbval-check-output"]
depth = 20
deep_networks = {                       # label: (hidden activation, initializer, scale)
    "sigmoid": ("sigmoid", "glorot_normal", 1.0),
    "tanh": ("tanh", "glorot_normal", 1.0),
    "relu": ("relu", "he_normal", 1.0),
    "relu, weights x 1.5": ("relu", "he_normal", 1.5),
    "relu, weights x 0.5": ("relu", "he_normal", 0.5),
}
fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
for label, (activation, method, scale) in deep_networks.items():
    params = initialize_parameters([2] + [16] * depth + [1], np.random.default_rng(0),
                                   method=method)
    for l in range(1, depth + 2):
        params[f"W{l}"] *= scale
    deep_activations = [activation] * depth + ["sigmoid"]
    AL, caches = layers.model_forward(X_train, params, deep_activations)
    grads = layers.model_backward(AL, Y_train, caches, deep_activations, "binary_cross_entropy")
    size = [np.sqrt(np.mean(grads[f"dA{l}"] ** 2)) for l in range(1, depth + 1)]
    ax.semilogy(range(1, depth + 1), size, marker="o", ms=3, label=label)
    print(f"{label:<20} layer 1 receives {size[0] / size[-1]:7.0e} times the gradient "
          f"of layer {depth}")
ax.set(xlabel="hidden layer l (backpropagation runs from right to left)",
       ylabel="size of the gradient dA[l] (log scale)",
       title=f"gradient reaching each layer of a {depth}-layer network")
ax.set_xticks(range(1, depth + 1, 2))
ax.legend()
plt.show()

# %% [markdown]
# Read the plot from right to left, the way the gradient travels. In the sigmoid
# network it loses a factor of about 4 or more at every layer, and the first layer
# receives about $10^{-12}$ of what the last one gets: its weights would hardly move,
# whatever the learning rate. This is the **vanishing gradient** problem, and it is why
# deep networks stopped using sigmoid in their hidden layers. With tanh, whose slope is
# near 1 for small $z$, and with ReLU, whose slope is exactly 1 for every active unit, the
# gradient arrives at layer 1 with the same order of magnitude it left layer 20 with.
#
# ### Exploding gradients come from the weights
#
# The two last curves are the same ReLU network with every weight 1.5 times, and then
# 0.5 times, as large. ReLU's slope is 0 or 1, so it neither shrinks nor grows the
# gradient; what multiplies the gradient at each layer is $W^{[l]T}$. Weights that are
# too large make the gradient grow by a roughly constant factor per layer, so layer 1
# receives about 800 times what layer 20 does (an **exploding gradient**: huge,
# erratic updates). Weights that are too small make it vanish, to about
# $6 \times 10^{-7}$, even though every active unit has slope 1. So exploding gradients are a matter of repeated
# multiplication by large weights, not of ReLU's derivative. Choosing the starting
# weights' scale well is the subject of notebook 05.
#
# ### Dying ReLU
#
# A ReLU unit whose $z$ is negative for *every* example outputs 0 for all of them, and
# its slope is 0 for all of them too: no gradient reaches its weights, so nothing can
# change them. The unit is **dead**, and in the first hidden layer, whose inputs never
# change, it stays dead for good. A single step that pushes a bias far into the negative
# can do that, which is why too large a learning rate kills units.
#
# Below, one network (two hidden layers of 32 ReLU units) is trained with plain
# gradient descent at three learning rates. Random starting weights can leave a unit dead
# before any training, so we count the dead units both before and after, and repeat the
# whole run from five different starting weights (seeds 0 to 4) to see how much the count
# depends on the draw.

# %%
def dead_fraction(params, X, activations):
    """Per hidden layer, the fraction of units whose z is <= 0 for every column of X."""
    _, caches = layers.model_forward(X, params, activations)
    return [float(np.mean(np.all(Z <= 0, axis=1))) for (_, Z), _ in caches[:-1]]


# %% tags=["nbval-check-output"]
relu_net = ["relu", "relu", "sigmoid"]
seeds = range(5)


def spread(values):
    """'mean [lowest, highest]' of fractions, as percentages."""
    return f"{np.mean(values):4.0%} [{min(values):.0%}, {max(values):.0%}]"


print("dead units of layer 2, mean [lowest, highest] over seeds 0 to 4")
for learning_rate in (0.1, 1.0, 3.0):
    before, after, layer_1, right = [], [], [], []
    for seed in seeds:
        params = initialize_parameters([2, 32, 32, 1], np.random.default_rng(seed))
        before.append(dead_fraction(params, X_train, relu_net)[1])
        fit(X_train, Y_train, params, relu_net, loss="binary_cross_entropy",
            optimizer="gradient_descent", learning_rate=learning_rate, epochs=50,
            batch_size=64, rng=np.random.default_rng(3), verbose=False)
        dead = dead_fraction(params, X_train, relu_net)
        layer_1.append(dead[0])
        after.append(dead[1])
        right.append(accuracy(X_train, Y_train, params, relu_net))
    print(f"learning rate {learning_rate:3g}: before training {spread(before)}, "
          f"after {spread(after)}; layer 1 after {spread(layer_1)}; training accuracy "
          f"{min(right):.1%} to {max(right):.1%}")

# %% [markdown]
# The "before" column is the same on every row, because each row starts from the same
# five draws: before any training, 6% of the second layer's units are already dead on
# average, between 3% and 9% depending on the seed. So a few dead units are the
# initialisation's doing, not training's. With a learning rate of 0.1 training adds
# almost none: 6% after, between 0% and 12%, about what it started with. The larger
# rates are what kill: at 1.0 the share grows to 42% (between 34% and 53% over the
# seeds), and at 3.0 to 91% (between 81% and 100%), while the first layer starts losing
# units too (8% of them on average). With the whole second layer dead, the output no
# longer depends on the input, and the network answers the same for every example;
# training accuracy falls to between 51.5% and 71.0%, where 51.5% is the share of the
# more common class in the training set.
#
# A bias that starts far below zero has the same effect. Here every first-layer bias of a
# one-hidden-layer network starts at $-3$, which kills a third of its 32 units before
# training begins. Trained with a sensible learning rate, the ReLU network keeps all of
# its dead units; with leaky ReLU, whose negative side still passes back $\alpha$ times
# the gradient, most of them come back to life.

# %% tags=["nbval-check-output"]
for activation in ("relu", "leaky_relu"):
    net = [activation, "sigmoid"]
    params = initialize_parameters([2, 32, 1], np.random.default_rng(0))
    params["b1"][:] = -3.0
    before = dead_fraction(params, X_train, net)[0]
    fit(X_train, Y_train, params, net, loss="binary_cross_entropy", optimizer="adam",
        learning_rate=0.01, epochs=100, batch_size=64, rng=np.random.default_rng(3),
        verbose=False)
    after = dead_fraction(params, X_train, net)[0]
    print(f"{activation:<10}: units with z <= 0 for every example: {before:.0%} before "
          f"training, {after:.0%} after")

# %% [markdown]
# For ReLU, 34% of the units are dead before training and still 34% after: they were
# wasted from the start. With leaky ReLU the same 34% begin on the flat side, and only
# 9% are still there at the end. Other remedies: a learning rate that is not too large,
# starting weights of a sensible scale, and biases that start at 0 (or slightly above).

# %% [markdown]
# ## 6. Softmax: probabilities for several classes
#
# For $C$ classes, the output layer has $C$ units, and we want $C$ probabilities that are
# positive and add up to 1. **Softmax** takes a column of logits $z$ (one per class),
# makes each positive with an exponential, and divides by their total:
#
# $$\text{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{C} e^{z_j}}.$$
#
# Each **column** of $Z$, of shape $(C, m)$, is one example and gets its own softmax.
#
# **Keeping it finite.** $e^{1000}$ is far beyond the largest float64 (about
# $1.8 \times 10^{308}$), so logits like $(1000, 1001, 1002)$ give $\infty / \infty =$
# `nan`. But adding the same number $c$ to every logit of a column changes nothing:
# $e^{z_i - c} / \sum_j e^{z_j - c}$ is the same fraction with $e^{-c}$ cancelled. Choose
# $c$ as the column's largest logit: the largest exponential becomes $e^0 = 1$, none can
# overflow, and the denominator is at least 1. Take that maximum per column: one shift
# for the whole array leaves a column whose logits all lie far below the overall
# maximum with $0 / 0$.
#
# ### Exercise 8: `softmax` (2 points)
#
# `z` has shape $(C, m)$; return probabilities of the same shape, each column adding up
# to 1, with no `nan` even for logits like 1000 or $-1000$. `np.max(z, axis=0,
# keepdims=True)` has shape $(1, m)$ and lines up with `z` for the subtraction.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="softmax"
def softmax(z):
    """Softmax of each column of z (shape (C, m)), without overflow."""
    ### BEGIN SOLUTION
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
    ### END SOLUTION


# %% tags=["tests"] grade_id="softmax_tests" points=2
checks.check_softmax(softmax)
### BEGIN HIDDEN TESTS
checks.hidden("softmax", softmax, args=(np.array([[1000.0], [1001.0], [1002.0]]),),
    expected={"value": np.array([[0.09003057317038046], [0.24472847105479764],
                                 [0.6652409557748218]])})
checks.hidden("softmax", softmax, args=(
    np.array([[0.0, -750.0, 3.0], [800.0, -760.0, 3.0], [-800.0, -745.0, 3.0],
              [1.0, -800.0, 3.0]]),),
    expected={"value": np.array([[0.0, 0.0066928488906295115, 0.25],
                                 [1.0, 3.0385486954550446e-07, 0.25],
                                 [0.0, 0.9933068472545009, 0.25],
                                 [0.0, 1.2908831280247145e-24, 0.25]])})
checks.hidden("softmax", softmax, args=(
    np.array([[2.0, -1.0], [0.5, 0.0]], dtype=np.float32),),
    expected={"value": np.array([[0.8175745010375977,
                                  0.26894140243530273],
                                 [0.18242552876472473,
                                  0.7310585975646973]], dtype=np.float32)})
### END HIDDEN TESTS

# %% [markdown]
# **Its derivative is a matrix.** Every output $s_i$ depends on every logit $z_j$ (they
# share the denominator), so the derivative of softmax for one example is the $C \times C$
# Jacobian
#
# $$\frac{\partial s_i}{\partial z_j} = s_i\,(\delta_{ij} - s_j), \qquad
#   \delta_{ij} = 1 \text{ if } i = j, \text{ else } 0.$$
#
# Its diagonal is $s_i (1 - s_i)$, which looks like the sigmoid's slope; off the diagonal
# it is $-s_i s_j$, not 0. Writing "$s(1 - s)$" as *the* derivative of softmax, as some
# tutorials do, keeps only the diagonal and gets backpropagation wrong. A finite-difference
# estimate with your `softmax` confirms the full matrix for the logits $(2, 1, 0.1)$:

# %% tags=["nbval-check-output"]
z_col = np.array([[2.0], [1.0], [0.1]])
s = softmax(z_col)
jacobian = np.diagflat(s) - s @ s.T                # s_i (delta_ij - s_j)
step = 1e-6
numeric = np.hstack([(softmax(z_col + step * e) - softmax(z_col - step * e)) / (2 * step)
                     for e in np.eye(3)[:, :, None]])
print("softmax:", s.ravel())
print("Jacobian s_i (delta_ij - s_j):\n", jacobian)
print("agrees with finite differences to 1e-8:", np.allclose(jacobian, numeric, atol=1e-8))
print("s (1 - s), the diagonal only:", (s * (1 - s)).ravel())

# %% [markdown]
# In practice nobody multiplies by this Jacobian. Softmax is paired with the
# cross-entropy loss $\mathcal{L} = -\sum_i y_i \log s_i$ for a one-hot label $y$, and the
# chain rule through the Jacobian simplifies to a very short result, the same one as for
# sigmoid with binary cross-entropy in notebook 01:
#
# $$\frac{\partial \mathcal{L}}{\partial z} = s - y, \qquad\text{for a batch: } dZ = A - Y.$$

# %% tags=["nbval-check-output"]
y_col = np.array([[0.0], [1.0], [0.0]])            # the true class is the second one
through_jacobian = jacobian.T @ (-y_col / s)        # chain rule: J^T dL/ds
print("J^T (-y / s):", through_jacobian.ravel())
print("s - y:       ", (s - y_col).ravel())

# %% [markdown]
# ### Exercise 9: `softmax_cross_entropy_backward` (2 points)
#
# Write that gradient for a whole batch. `A` is the softmax output, of shape $(C, m)$;
# `labels` holds each example's class as a whole number from 0 to $C - 1$, of shape
# $(1, m)$, the way data sets store them. Build the one-hot $Y$ of shape $(C, m)$, with a
# 1 in row `labels[0, j]` of column $j$ and 0 elsewhere, and return $dZ = A - Y$.
# (`np.eye(C)[labels[0]]` picks one row of the identity per example; mind which way
# round the result is.)
#
# **Per example, with no $1/m$.** The cost $J$ is the mean of the $m$ losses, so its
# gradient is $\partial J / \partial Z = (A - Y)/m$. This course keeps $dZ = A - Y$ per
# example, as its `helpers.losses` and `helpers.layers` do and as notebook 04's backward
# pass will, and applies the $1/m$ once, where it forms
# $dW = \frac{1}{m}\, dZ\, A^{[l-1]T}$ and $db$. So do not divide by $m$ here.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="softmax_cross_entropy_backward"
def softmax_cross_entropy_backward(A, labels):
    """dZ = A - Y, per example: A softmax outputs (C, m), labels integers (1, m)."""
    ### BEGIN SOLUTION
    C, m = A.shape
    Y = np.zeros((C, m))
    Y[labels[0], np.arange(m)] = 1.0
    return A - Y
    ### END SOLUTION


# %% tags=["tests"] grade_id="softmax_cross_entropy_backward_tests" points=2
checks.check_softmax_cross_entropy_backward(softmax_cross_entropy_backward)
### BEGIN HIDDEN TESTS
checks.hidden("softmax_cross_entropy_backward", softmax_cross_entropy_backward, args=(
    np.array([[0.1, 0.7, 0.25, 0.0, 0.4, 0.3], [0.2, 0.1, 0.25, 1.0, 0.4, 0.3],
              [0.3, 0.1, 0.25, 0.0, 0.1, 0.3], [0.4, 0.1, 0.25, 0.0, 0.1, 0.1]]),
    np.array([[3, 0, 2, 1, 0, 3]])),
    expected={"value": np.array([[0.1, -0.30000000000000004, 0.25, 0.0, -0.6, 0.3],
                                 [0.2, 0.1, 0.25, 0.0, 0.4, 0.3],
                                 [0.3, 0.1, -0.75, 0.0, 0.1, 0.3],
                                 [-0.6, 0.1, 0.25, 0.0, 0.1, -0.9]])})
checks.hidden("softmax_cross_entropy_backward", softmax_cross_entropy_backward, args=(
    np.array([[0.9, 0.2, 0.5], [0.1, 0.8, 0.5]]), np.array([[1, 1, 0]])),
    expected={"value": np.array([[0.9, 0.2, -0.5], [-0.9, -0.19999999999999996, 0.5]])})
### END HIDDEN TESTS

# %% [markdown]
# Does $A - Y$ really come from the cost? Below, the cost $J$ of a batch of four
# examples is nudged one logit at a time, and your `numerical_derivative` measures how
# it changes. Multiplied by $m$, those slopes should be your $dZ$:

# %% tags=["nbval-check-output"]
Z_batch = np.array([[2.0, -1.0, 0.5, 0.0],
                    [1.0, 0.0, 0.5, 3.0],
                    [0.1, 2.0, -1.0, 0.0]])
labels_batch = np.array([[0, 2, 1, 1]])
m_batch = Z_batch.shape[1]


def batch_cost(Z):
    """J: the mean over the columns of -log(the probability of the true class)."""
    return -np.mean(np.log(softmax(Z)[labels_batch[0], np.arange(m_batch)]))


dJ_dZ = np.zeros_like(Z_batch)
for i, j in np.ndindex(Z_batch.shape):
    nudge = np.zeros_like(Z_batch)
    nudge[i, j] = 1.0
    dJ_dZ[i, j] = numerical_derivative(lambda t: batch_cost(Z_batch + t * nudge),
                                       np.array(0.0))
dZ_batch = softmax_cross_entropy_backward(softmax(Z_batch), labels_batch)
print("m times the numerical dJ/dZ:\n", m_batch * dJ_dZ)
print("your dZ = A - Y:\n", dZ_batch)
print("dZ / m agrees with the numerical gradient of J to 1e-8:",
      np.allclose(dZ_batch / m_batch, dJ_dZ, atol=1e-8))

# %% [markdown]
# The two arrays agree: the slope of the mean cost is $(A - Y)/m$, and $A - Y$ itself is
# the per-example gradient the backward pass carries until $dW$ and $db$ divide by $m$.
# In each column the true class gets a negative entry (raising its logit lowers the
# cost) and every other class a positive one, and each column adds up to 0.

# %% [markdown]
# **Why not simply `max`?** To turn logits into a decision we could mark the largest
# one with 1 and the others with 0 (a "hard max", `argmax` as a one-hot column). For
# training that is useless. It is flat almost everywhere: nudging any logit a little
# leaves the output unchanged, so its gradient is 0 and the weights learn nothing; at the
# ties it jumps, where there is no derivative at all. The losing classes never hear how
# far behind they are. And it says nothing about confidence: a 0/1 column is not a
# useful probability distribution, and $\log 0$ makes the cross-entropy infinite for
# every mistake. Softmax is the smooth version of that choice. It keeps the order of
# the logits, gives every class a share, and has a gradient for every logit:

# %% tags=["nbval-check-output"]
def hard_max(z):
    return (z == np.max(z, axis=0, keepdims=True)).astype(float)


for name, f in (("hard max", hard_max), ("softmax", softmax)):
    slope = (f(z_col + step * np.array([[0.0], [1.0], [0.0]])) - f(z_col)) / step
    print(f"{name:<8}: output {f(z_col).ravel()}, change per unit of z_2: {slope.ravel()}")

# %%
z2_values = np.linspace(-1, 5, 301)
columns = np.vstack([np.full_like(z2_values, 2.0), z2_values, np.full_like(z2_values, 0.1)])
fig, axes = plt.subplots(1, 2, figsize=(11, 3.6), layout="constrained", sharey=True)
for ax, f, title in ((axes[0], softmax, "softmax: smooth, every class gets a share"),
                     (axes[1], hard_max, "hard max: flat steps, no gradient")):
    probabilities = f(columns)
    # How each output changes with z_2: column 2 of the Jacobian for softmax, 0 for the
    # hard max (except at the jump, where it has no derivative at all).
    slopes = (probabilities * ((np.arange(3) == 1)[:, None] - probabilities[1])
              if f is softmax else np.zeros_like(probabilities))
    for i in range(3):
        ax.plot(z2_values, probabilities[i], color=f"C{i}", label=f"$s_{i + 1}$")
        ax.plot(z2_values, slopes[i], "--", color=f"C{i}",
                label=rf"$\partial s_{i + 1} / \partial z_2$")
    ax.axhline(0.0, color="grey", linewidth=0.5)
    ax.set(title=title, xlabel="$z_2$, the logit of class 2 ($z_1 = 2$, $z_3 = 0.1$ fixed)",
           ylabel="output $s_i$ (solid), slope (dashed)")
fig.legend(*axes[0].get_legend_handles_labels(), loc="outside right center")
plt.show()

# %% [markdown]
# Softmax gives the logits $(2, 1, 0.1)$ the probabilities 0.659, 0.242 and 0.099, and
# raising the second logit raises its probability at a rate of 0.242 × 0.758 ≈ 0.18
# while taking probability from the other two: the dashed curves are one column of the
# Jacobian, and only one of them is the "$s(1 - s)$" of the diagonal. The hard max says
# $(1, 0, 0)$, and its rate of change is 0 for every class.

# %% [markdown]
# ## 7. Which activation for the output layer?
#
# Hidden layers can use almost any of the functions above (ReLU is the usual first
# try). The output layer is different: its activation decides what kind of number the
# network can produce, so it follows from the task.
#
# | the network predicts | output units | activation | range |
# |---|---|---|---|
# | yes or no (one probability) | 1 | sigmoid | $(0, 1)$ |
# | one of $C$ classes that exclude each other | $C$ | softmax | $C$ probabilities that add up to 1 |
# | several independent yes/no labels | one per label | sigmoid on each | each in $(0, 1)$ |
# | a number with no limits | 1 (or more) | linear, $g(z) = z$ | any value |
# | a number that must stay between -1 and 1 | 1 (or more) | tanh | $(-1, 1)$ |
# | a number that cannot be negative | 1 (or more) | relu (or a linear output of a transformed target) | $[0, \infty)$ |
#
# Two differences matter most. Softmax makes the classes **compete**: raising one
# probability lowers the others, which is right when exactly one class is true and wrong
# when several can be. And a bounded output (sigmoid, tanh) can never produce a value
# outside its range however the weights are trained, while a linear output can produce
# anything.
#
# ### Exercise 10: choose the output activation (4 points, one per task)
#
# None of the four tasks below is a row of the table: for each one, work out what kind of
# number its output layer must produce, then pick the activation whose outputs are
# exactly of that kind. Replace `None` with the name (a string) of that activation: one
# of `"sigmoid"`, `"tanh"`, `"relu"`, `"leaky_relu"`, `"elu"`, `"swish"`, `"softmax"` or
# `"linear"`. Each task has its own cell and is worth one point. Its visible check only
# checks that you gave a valid name; the hidden test decides, and its message explains a
# wrong choice.
#
# **May call:** nothing: each answer is an activation's name, in quotes.

# %% tags=["answer"] grade_id="output_mixture"
# A baking robot proposes a dough: the share, by weight, of each of 4 ingredients (flour,
# sugar, butter, eggs). Every share is at least 0, and the four make up the whole dough.
output_mixture = None  # replace None with an activation's name, in quotes
### BEGIN SOLUTION
output_mixture = "softmax"
### END SOLUTION

# %% tags=["tests"] grade_id="output_mixture_tests" points=1
checks.check_output_activation(output_mixture, "mixture")
### BEGIN HIDDEN TESTS
checks.hidden_output_activation(output_mixture, "softmax", "mixture")
### END HIDDEN TESTS

# %% tags=["answer"] grade_id="output_brightness"
# A network restores old photographs: for every pixel it predicts the grey level, scaled
# so that 0 is black and 1 is white, one output unit per pixel.
output_brightness = None  # replace None with an activation's name, in quotes
### BEGIN SOLUTION
output_brightness = "sigmoid"
### END SOLUTION

# %% tags=["tests"] grade_id="output_brightness_tests" points=1
checks.check_output_activation(output_brightness, "brightness")
### BEGIN HIDDEN TESTS
checks.hidden_output_activation(output_brightness, "sigmoid", "brightness")
### END HIDDEN TESTS

# %% tags=["answer"] grade_id="output_profit"
# A network forecasts a shop's profit next month, in euros; a month with a loss has a
# negative profit.
output_profit = None  # replace None with an activation's name, in quotes
### BEGIN SOLUTION
output_profit = "linear"
### END SOLUTION

# %% tags=["tests"] grade_id="output_profit_tests" points=1
checks.check_output_activation(output_profit, "profit")
### BEGIN HIDDEN TESTS
checks.hidden_output_activation(output_profit, "linear", "profit")
### END HIDDEN TESTS

# %% tags=["answer"] grade_id="output_cosine"
# A robot arm's controller predicts the cosine of the angle it should turn a joint to.
output_cosine = None  # replace None with an activation's name, in quotes
### BEGIN SOLUTION
output_cosine = "tanh"
### END SOLUTION

# %% tags=["tests"] grade_id="output_cosine_tests" points=1
checks.check_output_activation(output_cosine, "cosine")
### BEGIN HIDDEN TESTS
checks.hidden_output_activation(output_cosine, "tanh", "cosine")
### END HIDDEN TESTS

# %% [markdown]
# ## 8. The same network with each hidden activation
#
# Now the activations at work. The planar "flower" data set of notebook 02 has petals of
# two classes around the origin, and no straight line separates them. We train one
# network, five hidden layers of 8 units and a sigmoid output, once per hidden activation,
# with everything else equal: the same starting weights (Glorot uniform, Keras's
# default), the same mini-batches, Adam with learning rate 0.01, 100 epochs. Training
# uses the course's `helpers` library (`helpers.train.fit`), so these results do not
# depend on your exercises.

# %% tags=["nbval-check-output"]
compared = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "swish"]
trained, histories = {}, {}
print(f"{'hidden activation':<18}{'cost, epoch 10':>15}{'train':>9}{'test':>9}")
for activation in compared:
    net = [activation] * 5 + ["sigmoid"]
    params = initialize_parameters([2] + [8] * 5 + [1], np.random.default_rng(0),
                                   method="glorot_uniform")
    history = fit(X_train, Y_train, params, net, loss="binary_cross_entropy",
                  optimizer="adam", learning_rate=0.01, epochs=100, batch_size=64,
                  rng=np.random.default_rng(3), verbose=False)
    trained[activation], histories[activation] = (params, net), history["cost"]
    print(f"{activation:<18}{history['cost'][9]:>15.3f}"
          f"{accuracy(X_train, Y_train, params, net):>9.1%}"
          f"{accuracy(X_test, Y_test, params, net):>9.1%}")

# %%
ax = plot_costs(histories, xlabel="epoch")
ax.set(title="training cost per hidden activation", ylabel="cost J", ylim=(0.1, 1.15))
ax.legend(ncols=4, loc="upper center")
plt.show()

# %%
fig, axes = plt.subplots(2, 4, figsize=(14, 6.4), layout="constrained")
for ax, activation in zip(axes.flat, compared):
    params, net = trained[activation]
    test_accuracy = accuracy(X_test, Y_test, params, net)
    plot_decision_boundary(lambda P, p=params, n=net: layers.predict(P, p, n), X_test,
                           Y_test, ax=ax, resolution=150,
                           title=f"{activation}: test {test_accuracy:.1%}")
axes.flat[-1].set_axis_off()
plt.show()

# %% [markdown]
# What the table, the cost curves and the boundaries show:
#
# - **linear** gets 60.8% of the training set and 58.5% of the test set right, little
#   better than guessing, and its cost never moves from about 0.69, the cost of answering
#   "50%" every time. Its five layers collapse into one, as section 1 predicted, and a
#   single straight boundary cannot follow the petals.
# - Every non-linear activation gets between 90.2% and 92.2% of the training set and
#   between 89.5% and 91.5% of the test set right, and bends its boundary around the
#   petals. On a small problem like this one, having a non-linearity matters far more
#   than which one it is.
# - **sigmoid** is the slow one: after 10 epochs its cost is still 0.695, as bad as
#   guessing, while the other non-linear networks are already between 0.221 and 0.273,
#   and its cost curve sits on long flat stretches between its drops. Its gradient has
#   to cross five layers that each shrink it by a factor of 4 or more (section 5), so
#   its first layers barely move at the start. Here it catches up in the end; every
#   extra layer makes the wait longer.
# - The ReLU family draws boundaries made of straight pieces (each unit switches on
#   along a straight line), while tanh, sigmoid and swish draw rounder ones.

# %% [markdown]
# ## What you should have seen
#
# - Without activations, any number of layers folds into one layer $WX + b$: ten layers
#   gave exactly the outputs of one, and the linear network stayed at chance on the
#   flower, where every non-linear one reached about 90%.
# - Sigmoid and tanh saturate for large $|z|$ and are steepest at $z = 0$, with slopes
#   0.25 and 1. Products of sigmoid slopes vanish with depth ($0.25^{10} \approx 10^{-6}$);
#   in a 20-layer sigmoid network the first layer got about $10^{-12}$ of the last
#   layer's gradient.
# - ReLU has slope 0 or 1. It does not make gradients explode: large weights do (×1.5
#   per layer gave a factor of about 800 over 20 layers). Its flat side lets units die:
#   a too large learning rate killed the whole second layer; leaky ReLU's small slope
#   let dead units recover.
# - ELU is $z$ for $z > 0$ and $\alpha(e^z - 1)$ otherwise; swish is $z\,\sigma(z)$, whose
#   slope the product rule gives. `np.where` computes both branches, so keep the unused
#   one from overflowing into `nan`.
# - Softmax needs the largest logit of each column subtracted to stay finite; its
#   derivative is the Jacobian $s_i(\delta_{ij} - s_j)$, and with cross-entropy the
#   gradient is simply $A - Y$. A hard max has no gradient to learn from.
# - The output activation follows from the range the task needs: sigmoid for one or
#   several numbers in $(0, 1)$ (yes/no probabilities, or a grey level), softmax for
#   shares that must add up to 1 (one class out of $C$, or a mixture), linear for an
#   unbounded number, tanh for a number in $(-1, 1)$.
# - A central difference $\big(g(z + \varepsilon) - g(z - \varepsilon)\big) / 2\varepsilon$
#   checks any derivative you derive; with softmax and cross-entropy it confirmed that
#   the cost's gradient is $(A - Y)/m$, kept per example as $dZ = A - Y$.

# %% [markdown]
# ## Rules for answers
#
# - Your answer cells, and any cell you add, may use numpy (`np`), the `math` module and
#   the names you define yourself.
# - A function gets its data through its arguments, not from the notebook's variables.
# - Each check first reads its answer cell the way the autograder will and tells you which
#   line breaks a rule. A slip, such as reading one of the notebook's variables, costs only
#   that exercise.
# - A scratch cell of yours that only prints the notebook's data is left out of grading.
# - Reaching for what decides other grades scores the whole submission zero: the checks,
#   the course's reference code (`helpers`), other modules, changing numpy, IPython magics.
# - To see everything the autograder would object to at once, run this in a terminal from
#   the course folder:
#   `python -m helpers.grading.guard notebooks/03_activations/03_activations.ipynb`.
