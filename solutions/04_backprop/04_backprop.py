# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · A deep network, backpropagation, and gradient checking
#
# Notebook 02 built a network with one hidden layer and wrote its backward pass out by
# hand, equation by equation. That does not scale: a network with ten layers would need
# thirty equations, each a chance for a slip. This notebook builds a network of any depth
# from two small pieces, a layer's forward pass and its backward pass, and stacks them.
# Then it gives you a tool that tells you, with a number, whether a backward pass is
# right: the gradient check. You will use it on your own code as you go, and then to
# find bugs planted in someone else's.
#
# **By the end you will be able to**
# - write a layer's forward pass so that it keeps (caches) what its backward pass needs,
#   and chain L of them into a network;
# - derive a layer's backward pass yourself from the chain rule, with the shapes as your
#   guide, and check it with finite differences;
# - explain why a gradient check uses centred differences, float64 and ε around 1e-7,
#   and read its relative error;
# - locate a bug in a backward pass, parameter by parameter;
# - train a deep network on handwritten digits and show, over several seeds, that it
#   beats notebook 01's logistic regression by far more than the test set's noise.
#
# **How the exercises work.** An exercise is a code cell holding `# YOUR CODE HERE` and
# `raise NotImplementedError()`. Put your code in place of those two lines, run the cell,
# then run the check cell under it. When a check fails, its message says what it thinks
# you got wrong. The autograder runs further, hidden checks with other inputs and other
# network sizes, so write code that works for any number of layers.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `initialize_parameters_deep` | 1 |
# | 2 `linear_forward` | 1 |
# | 3 `linear_activation_forward` | 1 |
# | 4 `L_model_forward` | 2 |
# | 5 `compute_cost` | 1 |
# | 6 `gradient_check` | 2 |
# | 7 `linear_backward` (you derive it) | 2 |
# | 8 `linear_activation_backward` | 2 |
# | 9 `L_model_backward` | 2 |
# | 10 `update_parameters` | 1 |
# | 11 the planted bugs (a question) | 1 |
#
# Notation as in every notebook: $m$ examples with $n_x$ features are the **columns** of
# $X$, shape $(n_x, m)$; their labels form the row $Y$, shape $(1, m)$. Layer $l$ has
# $n^{[l]}$ units, $W^{[l]}$ has shape $(n^{[l]}, n^{[l-1]})$ and $b^{[l]}$ shape
# $(n^{[l]}, 1)$; $A^{[0]} = X$.

# %%
import time

import numpy as np
import matplotlib.pyplot as plt

from helpers import activations, gradcheck, initializers, layers, losses
from helpers.bugs import planted_bugs_backward
from helpers.data import load_digits, train_test_split
from helpers.plotting import plot_computation_graph, plot_costs, plot_image_grid
from helpers.grading import nb04 as checks

np.set_printoptions(precision=4, suppress=True)
SEEDS = [0, 1, 2, 3, 4]

# %% [markdown]
# ## 1. The network, and what each layer keeps
#
# The network has $L$ layers. Each of the first $L-1$ computes
# $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ and then $A^{[l]} = \mathrm{ReLU}(Z^{[l]})$; the
# last computes $Z^{[L]}$ the same way and then $A^{[L]} = \sigma(Z^{[L]})$, the probability
# that the label is 1. In short: [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID.
#
# The picture below is the computation graph of a network with two layers. Read the black
# arrows from left to right: that is the forward pass, from $X$ and the parameters to the
# cost $J$. The backward pass walks the same graph from right to left (red): starting
# from $J$, each node receives the derivative of $J$ with respect to its output and passes
# on the derivative with respect to each of its inputs. That is all backpropagation is,
# the chain rule applied node by node. The parameters' derivatives, $dW^{[l]}$ and
# $db^{[l]}$, are what gradient descent needs; the others ($dA$, $dZ$) are messages on the
# way.
#
# To send its message back, a node needs numbers from the forward pass: the linear node
# $Z = WA + b$ needs $A$ and $W$, the activation node needs $Z$. So each layer's forward
# pass returns, besides its output, a **cache** of what its backward pass will need.

# %%
fig, ax = plt.subplots(figsize=(12, 2.8), layout="constrained")
plot_computation_graph(ax);

# %% [markdown]
# ### Exercise 1: `initialize_parameters_deep` (1 point)
#
# Given `layer_dims` $= [n^{[0]}, n^{[1]}, \dots, n^{[L]}]$ (so $L$ is
# `len(layer_dims) - 1`), return the dict `{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}`
# with $W^{[l]}$ drawn as `rng.standard_normal(shape) / np.sqrt(n[l-1])` and $b^{[l]}$ as
# zeros. Dividing by $\sqrt{n^{[l-1]}}$ keeps each $Z$ about as large as the inputs,
# however many there are (this is LeCun's scale; notebook 05 works out why, and what
# ReLU changes). Any order of drawing from `rng` is fine.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_parameters_deep"
def initialize_parameters_deep(layer_dims, rng):
    """Random weights scaled by 1 / sqrt(n[l-1]) and zero biases for every layer.

    layer_dims: [n[0], ..., n[L]]; rng: np.random.Generator.
    Returns: {"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "WL", "bL"}.
    """
    ### BEGIN SOLUTION
    drawn = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        drawn[f"W{l}"] = rng.standard_normal(shape) / np.sqrt(layer_dims[l - 1])
        drawn[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return drawn
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_parameters_deep_tests" points=1
checks.check_initialize_parameters_deep(initialize_parameters_deep)
### BEGIN HIDDEN TESTS
# (layer_dims, seed): the generator is made from the seed
checks.hidden("initialize_parameters_deep", initialize_parameters_deep, args=(
    [500, 60, 10, 1], 7),
    expected={"spread": np.array([1.0])})
checks.hidden("initialize_parameters_deep", initialize_parameters_deep, args=(
    [100, 100, 100, 100, 2], 8),
    expected={"spread": np.array([1.0, 1.0, 1.0])})
checks.hidden("initialize_parameters_deep", initialize_parameters_deep, args=([2, 1], 9),
    expected={"spread": np.array([])})
### END HIDDEN TESTS

# %% [markdown]
# Keras calls this scale `lecun_normal`, after Yann LeCun, who recommended it in 1998; the
# course's `initializers.lecun_normal` draws it too. Both spreads are the asked-for
# $1/\sqrt{n^{[l-1]}}$:

# %% tags=["nbval-check-output"]
yours = initialize_parameters_deep([400, 300], np.random.default_rng(0))["W1"]
lecun = initializers.lecun_normal((300, 400), np.random.default_rng(0))
print(f"std of your W1: {yours.std():.4f}, of lecun_normal: {lecun.std():.4f}, "
      f"1 / sqrt(400) = {1 / np.sqrt(400):.4f}")

# %% [markdown]
# ## 2. The forward pass, one piece at a time
#
# ### Exercise 2: `linear_forward` (1 point)
#
# Compute $Z = W A_{prev} + b$ for all $m$ examples at once (the bias column is broadcast
# across the columns) and return `Z, cache` with `cache = (A_prev, W, b)`, in that order.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="linear_forward"
def linear_forward(A_prev, W, b):
    """The linear part of a layer.

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1).
    Returns: Z (n[l], m) and cache = (A_prev, W, b).
    """
    ### BEGIN SOLUTION
    return W @ A_prev + b, (A_prev, W, b)
    ### END SOLUTION


# %% tags=["tests"] grade_id="linear_forward_tests" points=1
checks.check_linear_forward(linear_forward)
### BEGIN HIDDEN TESTS
checks.hidden("linear_forward", linear_forward, args=(
    np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([[0.5, -0.25], [2.0, 1.0], [0.0, 1.0]]),
    np.array([[0.1], [0.2], [-0.3]])),
    expected={"Z": np.array([[0.85, 0.975], [1.2, 4.7], [-1.3, 0.2]]),
              "cache[0]": np.array([[1.0, 2.0], [-1.0, 0.5]]),
              "cache[1]": np.array([[0.5, -0.25], [2.0, 1.0], [0.0, 1.0]]),
              "cache[2]": np.array([[0.1], [0.2], [-0.3]])})
checks.hidden("linear_forward", linear_forward, args=(
    np.array([[3.0, -1.0, 0.5]]), np.array([[2.0]]), np.array([[-1.0]])),
    expected={"Z": np.array([[5.0, -3.0, 0.0]]),
              "cache[0]": np.array([[3.0, -1.0, 0.5]]),
              "cache[1]": np.array([[2.0]]),
              "cache[2]": np.array([[-1.0]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 3: `linear_activation_forward` (1 point)
#
# One whole layer: `linear_forward`, then the activation, `"relu"` ($\max(0, Z)$,
# `np.maximum(0, Z)`) or `"sigmoid"` ($1 / (1 + e^{-Z})$). Return `A, cache` with
# `cache = (linear_cache, Z)`: the linear part's cache first, then $Z$, which the
# activation's backward pass will need.
#
# **May call:** numpy; your `linear_forward` (exercise 2).

# %% tags=["answer"] grade_id="linear_activation_forward"
def linear_activation_forward(A_prev, W, b, activation):
    """LINEAR -> ACTIVATION for one layer.

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1); activation: "relu" or "sigmoid".
    Returns: A (n[l], m) and cache = ((A_prev, W, b), Z).
    """
    ### BEGIN SOLUTION
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = np.maximum(0, Z) if activation == "relu" else 1 / (1 + np.exp(-Z))
    return A, (linear_cache, Z)
    ### END SOLUTION


# %% tags=["tests"] grade_id="linear_activation_forward_tests" points=1
checks.check_linear_activation_forward(linear_activation_forward)
### BEGIN HIDDEN TESTS
checks.hidden("linear_activation_forward", linear_activation_forward, args=(
    np.array([[1.0, -2.0, 0.5]]), np.array([[1.5], [-0.5]]), np.array([[0.2], [0.1]]),
    "relu"),
    expected={"A": np.array([[1.7, 0.0, 0.95], [0.0, 1.1, 0.0]]),
              "linear_cache[0]": np.array([[1.0, -2.0, 0.5]]),
              "linear_cache[1]": np.array([[1.5], [-0.5]]),
              "linear_cache[2]": np.array([[0.2], [0.1]]),
              "Z": np.array([[1.7, -2.8, 0.95], [-0.4, 1.1, -0.15]])})
checks.hidden("linear_activation_forward", linear_activation_forward, args=(
    np.array([[1.0, -2.0, 0.5]]), np.array([[1.5], [-0.5]]), np.array([[0.2], [0.1]]),
    "sigmoid"),
    expected={"A": np.array([[0.8455347349164652, 0.057324175898868755,
                              0.7211151780228631],
                             [0.401312339887548, 0.7502601055951177,
                              0.46257015465625045]]),
              "linear_cache[0]": np.array([[1.0, -2.0, 0.5]]),
              "linear_cache[1]": np.array([[1.5], [-0.5]]),
              "linear_cache[2]": np.array([[0.2], [0.1]]),
              "Z": np.array([[1.7, -2.8, 0.95], [-0.4, 1.1, -0.15]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4: `L_model_forward` (2 points)
#
# The whole forward pass: layers $1$ to $L-1$ with `"relu"`, then layer $L$ with
# `"sigmoid"`, each fed the previous layer's output. $L$ is the number of weight matrices
# in `parameters` (`len(parameters) // 2`). Collect the $L$ caches in a list, layer 1
# first, and return `AL, caches`.
#
# **May call:** numpy; your `linear_activation_forward` (exercise 3) and `linear_forward`
# (exercise 2).

# %% tags=["answer"] grade_id="L_model_forward"
def L_model_forward(X, parameters):
    """[LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    X: (n_x, m); parameters: W1, b1, ..., WL, bL.
    Returns: AL (1, m) and caches, a list of the L layers' caches.
    """
    ### BEGIN SOLUTION
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        A, cache = linear_activation_forward(A, W, b, "relu" if l < L else "sigmoid")
        caches.append(cache)
    return A, caches
    ### END SOLUTION


# %% tags=["tests"] grade_id="L_model_forward_tests" points=2
checks.check_L_model_forward(L_model_forward)
### BEGIN HIDDEN TESTS
checks.hidden("L_model_forward", L_model_forward, args=(
    np.array([[0.5, -1.0], [1.5, 0.25]]),
    {"W1": np.array([[1.0, -0.5], [0.3, 0.8], [-1.2, 0.4]]), "b1": np.array([[0.1], [0.0],
                                                                             [0.2]]),
     "W2": np.array([[0.7, -1.1, 0.5]]), "b2": np.array([[-0.3]])}),
    expected={"AL": np.array([[0.1564345210597425, 0.610639233949222]])})
checks.hidden("L_model_forward", L_model_forward, args=(
    np.array([[1.0, 0.0, -1.0]]), {"W1": np.array([[2.0]]), "b1": np.array([[-0.5]])}),
    expected={"AL": np.array([[0.8175744761936437, 0.37754066879814546,
                               0.07585818002124356]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5: `compute_cost` (1 point)
#
# The cross-entropy cost, as in notebooks 01 and 02:
# $J = -\frac{1}{m} \sum_{i=1}^m \big(y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log(1 - a^{[L](i)})\big)$,
# returned as a single number.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="compute_cost"
def compute_cost(AL, Y):
    """Cross-entropy cost of probabilities AL (1, m) against labels Y (1, m), a number."""
    ### BEGIN SOLUTION
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
    ### END SOLUTION


# %% tags=["tests"] grade_id="compute_cost_tests" points=1
checks.check_compute_cost(compute_cost)
### BEGIN HIDDEN TESTS
checks.hidden("compute_cost", compute_cost, args=(
    np.array([[0.25, 0.6, 0.99]]), np.array([[0.0, 1.0, 1.0]])),
    expected={"value": 0.2695193440237577})
### END HIDDEN TESTS

# %% [markdown]
# ## 3. Gradient checking: a number that says whether a gradient is right
#
# Before writing any backward pass, build the tool that will judge it. The derivative of
# the cost with respect to one parameter entry $\theta_i$ is the slope of $J$ when only
# $\theta_i$ moves. Move it a little each way and measure:
#
# $$\frac{\partial J}{\partial \theta_i} \approx
#   \frac{J(\theta_i + \varepsilon) - J(\theta_i - \varepsilon)}{2\varepsilon}.$$
#
# This **centred** difference is off by a term proportional to $\varepsilon^2$; the
# one-sided $(J(\theta_i + \varepsilon) - J(\theta_i)) / \varepsilon$ is off by a term
# proportional to $\varepsilon$, which is far larger for small $\varepsilon$. Do this for
# every entry of every $W^{[l]}$ and $b^{[l]}$, and you have $g_{approx}$, an estimate of
# the whole gradient that needs nothing but the forward pass. It is far too slow for
# training (two forward passes per parameter), and perfect for testing.
#
# To compare it with the backward pass's gradient $g$, flatten both into long vectors
# and compute the **relative** difference
#
# $$\text{difference} = \frac{\lVert g - g_{approx} \rVert_2}
#                            {\lVert g \rVert_2 + \lVert g_{approx} \rVert_2}.$$
#
# Dividing by the sizes makes the number mean the same for large and small gradients.
# With float64 and $\varepsilon = 10^{-7}$, a right backward pass gives about $10^{-9}$
# to $10^{-7}$; a bug gives something like $10^{-3}$ or more.
#
# Why these choices? The plot below computes one derivative of a small network with
# many values of ε, in float64 and in float32, and compares it with the exact value.
# Read it from right to left. At ε = 0.01 and above, the nudge is large enough to cross
# one of ReLU's kinks, and the estimate is useless. Below that, the approximation error
# ($\propto \varepsilon^2$) shrinks with ε, until the subtraction
# $J(\theta + \varepsilon) - J(\theta - \varepsilon)$ starts to lose digits: $J$ carries
# about 16 significant digits in float64 and 7 in float32, and dividing its rounding
# error by $2\varepsilon$ blows it up, more the smaller ε is. In float64 the best error
# is about $10^{-10}$ (near ε = 1e-4 for this network), and at the usual ε = 1e-7 it is
# still about $10^{-8}$; that small an ε makes crossing a kink unlikely. In float32 the
# best is about $2 \cdot 10^{-4}$, a million times worse, and at ε = 1e-7 the two costs
# are the same number: too coarse to tell a subtle bug from rounding. Gradient checks
# are done in float64.

# %%
demo_rng = np.random.default_rng(0)
X_demo = demo_rng.standard_normal((4, 10))
Y_demo = (demo_rng.random((1, 10)) > 0.5).astype(float)
demo = initialize_parameters_deep([4, 5, 5, 1], np.random.default_rng(1))


def one_derivative(epsilon, dtype):
    """The centred difference quotient of J for the entry W1[0, 0], in `dtype`."""
    X, p = X_demo.astype(dtype), {k: v.astype(dtype) for k, v in demo.items()}
    plus = {**p, "W1": p["W1"].copy()}
    minus = {**p, "W1": p["W1"].copy()}
    plus["W1"][0, 0] += dtype(epsilon)
    minus["W1"][0, 0] -= dtype(epsilon)
    J_plus = compute_cost(L_model_forward(X, plus)[0], Y_demo)
    J_minus = compute_cost(L_model_forward(X, minus)[0], Y_demo)
    return (J_plus - J_minus) / (2 * epsilon)


# The exact derivative, from the course's own backward pass (helpers.layers).
demo_AL, demo_caches = layers.model_forward(X_demo, demo, ["relu", "relu", "sigmoid"])
exact = layers.model_backward(demo_AL, Y_demo, demo_caches, ["relu", "relu", "sigmoid"],
                              "binary_cross_entropy")["dW1"][0, 0]
epsilons = np.logspace(-12, -1, 23)
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for dtype in (np.float64, np.float32):
    errors = [abs(one_derivative(e, dtype) - exact) / abs(exact) for e in epsilons]
    ax.loglog(epsilons, np.maximum(errors, 1e-17), "o-", label=dtype.__name__)
ax.set_xlabel("epsilon")
ax.set_ylabel("relative error of the derivative")
ax.set_title("A centred difference: approximation error against rounding")
ax.legend();

# %% [markdown]
# The difference needs all the parameters as one vector. `gradcheck.params_to_vector`
# flattens a dict of arrays into one, and remembers the shapes so that
# `gradcheck.vector_to_params` can undo it:

# %%
theta, spec = gradcheck.params_to_vector(demo)
print(f"{len(theta)} numbers in one vector; the pieces: {spec}")
assert all(np.array_equal(a, demo[k]) for k, a in gradcheck.vector_to_params(theta, spec).items())

# %% [markdown]
# ### Exercise 6: `gradient_check` (2 points)
#
# Write `gradient_check(parameters, gradients, X, Y, epsilon=1e-7)`. For every key `"W1"`,
# `"b1"`, … of `parameters` and every entry of that array, compute the centred
# difference above with your `L_model_forward` and `compute_cost`; compare with
# `gradients["dW1"]`, `gradients["db1"]`, … (ignore any other keys, such as `"dA0"`);
# return the relative difference as a number.
#
# Work on copies (`{k: v.copy() for k, v in parameters.items()}`): the caller's
# parameters must be as they were when you return. Python loops are fine here;
# `np.ndindex(shape)` walks over every index of an array of that shape.
#
# **May call:** numpy; your `L_model_forward` (exercise 4), `compute_cost` (exercise 5),
# `linear_activation_forward` (exercise 3) and `linear_forward` (exercise 2).

# %% tags=["answer"] grade_id="gradient_check"
def gradient_check(parameters, gradients, X, Y, epsilon=1e-7):
    """Relative difference between the backward pass's gradients and centred differences.

    parameters: W1, b1, ...; gradients: dW1, db1, ... (other keys ignored);
    X: (n_x, m); Y: (1, m). Returns ||g - g_approx|| / (||g|| + ||g_approx||), a number.
    """
    ### BEGIN SOLUTION
    analytic, numeric = [], []
    for key in parameters:
        for index in np.ndindex(parameters[key].shape):
            plus = {k: v.copy() for k, v in parameters.items()}
            minus = {k: v.copy() for k, v in parameters.items()}
            plus[key][index] += epsilon
            minus[key][index] -= epsilon
            J_plus = compute_cost(L_model_forward(X, plus)[0], Y)
            J_minus = compute_cost(L_model_forward(X, minus)[0], Y)
            numeric.append((J_plus - J_minus) / (2 * epsilon))
            analytic.append(gradients["d" + key][index])
    g, g_approx = np.array(analytic), np.array(numeric)
    return float(np.linalg.norm(g - g_approx)
                 / (np.linalg.norm(g) + np.linalg.norm(g_approx)))
    ### END SOLUTION


# %% tags=["tests"] grade_id="gradient_check_tests" points=2
checks.check_gradient_check(gradient_check)
### BEGIN HIDDEN TESTS
# (parameters, X, Y, epsilon, wrong): the gradients are the course's backward pass's,
# with wrong = (key, factor) scaling one of them
checks.hidden("gradient_check", gradient_check, args=(
    {"W1": np.array([[0.8, -0.6], [0.3, 0.9]]), "b1": np.array([[0.2], [-0.4]]),
     "W2": np.array([[1.1, -0.7]]), "b2": np.array([[0.1]])},
    np.array([[1.0, -0.5, 2.0], [0.5, 1.5, -1.0]]), np.array([[1.0, 0.0, 1.0]]), 1e-2),
    expected={"value": 8.520060291669807e-06})
checks.hidden("gradient_check", gradient_check, args=(
    {"W1": np.array([[0.8, -0.6], [0.3, 0.9]]), "b1": np.array([[0.2], [-0.4]]),
     "W2": np.array([[1.1, -0.7]]), "b2": np.array([[0.1]])},
    np.array([[1.0, -0.5, 2.0], [0.5, 1.5, -1.0]]), np.array([[1.0, 0.0, 1.0]]), 1e-7,
    ("db1", -1.0)),
    expected={"value": 0.4757883692932335})
### END HIDDEN TESTS

# %% [markdown]
# ## 4. The backward pass, derived
#
# Now go right to left through the graph. Suppose the backward pass has reached layer
# $l$ and knows $dZ^{[l]}$, shape $(n^{[l]}, m)$: column $i$ holds how the loss of example
# $i$ changes with that example's $Z^{[l]}$ (for the last layer, notebook 01 found
# $dZ^{[L]} = A^{[L]} - Y$). The cost is the mean of the losses, $J = \frac1m \sum_i
# \mathcal{L}^{(i)}$. Three questions remain for the linear node
# $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$:
#
# - $dW^{[l]} = \partial J / \partial W^{[l]}$, the same shape as $W^{[l]}$, $(n^{[l]}, n^{[l-1]})$;
# - $db^{[l]} = \partial J / \partial b^{[l]}$, shape $(n^{[l]}, 1)$;
# - $dA^{[l-1]}$, shape $(n^{[l-1]}, m)$: per example, like $dZ^{[l]}$, the message for
#   the layer below.
#
# **Work them out yourself.** Write one entry first: $Z^{[l]}_{j,i} = \sum_k W_{j,k}
# A^{[l-1]}_{k,i} + b_j$. How does $Z_{j,i}$ change when $W_{j,k}$ moves? When $b_j$
# moves? When $A^{[l-1]}_{k,i}$ moves? By the chain rule, each parameter's derivative sums
# the contributions of every $Z$ entry it touches, weighted by $dZ$, and the cost's
# $\frac1m$ comes along for the parameters (which every example shares), not for
# $dA^{[l-1]}$ (which is per example, like $dZ$). Then write the sums as matrix products:
# the shapes above leave only one way to multiply the arrays you have.
#
# ### Exercise 7: `linear_backward` (2 points)
#
# Return `dA_prev, dW, db` from `dZ` and the layer's `cache = (A_prev, W, b)`. No loops.
# Then run the cell after the check: it tests your formulas with your own gradient check.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="linear_backward"
def linear_backward(dZ, cache):
    """The backward pass of Z = W A_prev + b.

    dZ: (n[l], m); cache: (A_prev, W, b) from linear_forward.
    Returns: dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1).
    """
    ### BEGIN SOLUTION
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return W.T @ dZ, dW, db
    ### END SOLUTION


# %% tags=["tests"] grade_id="linear_backward_tests" points=2
checks.check_linear_backward(linear_backward)
### BEGIN HIDDEN TESTS
checks.hidden("linear_backward", linear_backward, args=(
    np.array([[0.5, -1.0, 0.25]]),
    (np.array([[1.0, 2.0, -1.0], [0.5, 0.0, 1.5]]), np.array([[0.3, -0.6]]),
     np.array([[0.1]]))),
    expected={"dA_prev": np.array([[0.15, -0.3, 0.075], [-0.3, 0.6, -0.15]]),
              "dW": np.array([[-0.5833333333333334, 0.20833333333333331]]),
              "db": np.array([[-0.08333333333333333]])})
checks.hidden("linear_backward", linear_backward, args=(
    np.array([[0.2, -0.4], [1.0, 0.5], [-0.3, 0.6]]),
    (np.array([[1.0, -1.0]]), np.array([[0.5], [-1.5], [2.0]]),
     np.array([[0.0], [0.1], [0.2]]))),
    expected={"dA_prev": np.array([[-2.0, 0.25]]),
              "dW": np.array([[0.30000000000000004], [0.25], [-0.44999999999999996]]),
              "db": np.array([[-0.1], [0.75], [0.15]])})
### END HIDDEN TESTS

# %% [markdown]
# A network with one layer, LINEAR → SIGMOID, is notebook 01's logistic regression; its
# $dZ^{[1]} = A^{[1]} - Y$. So your `linear_backward` alone gives its whole gradient, and
# your `gradient_check` can judge it:

# %% tags=["nbval-check-output"]
one_layer = initialize_parameters_deep([4, 1], np.random.default_rng(2))
AL, caches = L_model_forward(X_demo, one_layer)
_, dW1, db1 = linear_backward(AL - Y_demo, caches[0][0])
print(f"difference = {gradient_check(one_layer, {'dW1': dW1, 'db1': db1}, X_demo, Y_demo):.1e}")

# %% [markdown]
# Far below $10^{-7}$: your formulas are right. (Had you forgotten the $\frac1m$, the
# gradient would be $m = 10$ times too large, and the difference
# $(10 - 1) / (10 + 1) \approx 0.82$.)
#
# ### Exercise 8: `linear_activation_backward` (2 points)
#
# The activation node $A = g(Z)$ acts entry by entry, so the chain rule gives
# $dZ = dA \odot g'(Z)$, an elementwise product, with $g'$ evaluated at $Z$, which the
# cache holds. You know both derivatives from notebook 03: ReLU's is 1 where $Z > 0$ and 0
# elsewhere; the sigmoid's is $\sigma(Z)(1 - \sigma(Z))$. Compute `dZ`, then pass it to
# your `linear_backward` with the linear cache, and return `dA_prev, dW, db`.
#
# **May call:** numpy; your `linear_backward` (exercise 7).

# %% tags=["answer"] grade_id="linear_activation_backward"
def linear_activation_backward(dA, cache, activation):
    """The backward pass of one layer, ACTIVATION then LINEAR.

    dA: (n[l], m); cache: ((A_prev, W, b), Z); activation: "relu" or "sigmoid".
    Returns: dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1).
    """
    ### BEGIN SOLUTION
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)
    ### END SOLUTION


# %% tags=["tests"] grade_id="linear_activation_backward_tests" points=2
checks.check_linear_activation_backward(linear_activation_backward)
### BEGIN HIDDEN TESTS
# (dA, A_prev, W, b, activation): the cache is the forward pass of A_prev, W, b
checks.hidden("linear_activation_backward", linear_activation_backward, args=(
    np.array([[0.5, -1.0, 0.25], [0.1, 0.2, -0.3]]), np.array([[1.0, -2.0, 0.5]]),
    np.array([[1.5], [-0.5]]), np.array([[0.2], [0.1]]), "relu"),
    expected={"dA_prev": np.array([[0.75, -0.1, 0.375]]),
              "dW": np.array([[0.20833333333333331], [-0.13333333333333333]]),
              "db": np.array([[0.25], [0.06666666666666667]])})
checks.hidden("linear_activation_backward", linear_activation_backward, args=(
    np.array([[0.5, -1.0, 0.25], [0.1, 0.2, -0.3]]), np.array([[1.0, -2.0, 0.5]]),
    np.array([[1.5], [-0.5]]), np.array([[0.2], [0.1]]), "sigmoid"),
    expected={"dA_prev": np.array([[0.08594127293757961, -0.09979416008932851,
                                    0.11270538026960056]]),
              "dW": np.array([[0.06617253758395411], [-0.029403909415495588]]),
              "db": np.array([[0.020513926079566376], [-0.004359883839868628]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Why the output layer starts with $A - Y$
#
# For the output layer, the two nodes $A = \sigma(Z)$ and the cross-entropy are best
# taken together. The cross-entropy's derivative is
# $dA = -\big(\frac{Y}{A} - \frac{1 - Y}{1 - A}\big)$, the sigmoid's is $A(1 - A)$, and
# their product simplifies to $dZ = A - Y$. With the squared error $(A - Y)^2$ instead,
# $dZ = 2(A - Y) \cdot A(1 - A)$: the sigmoid's slope stays in it, and for an output that
# is confidently wrong ($Z$ far below 0 while $Y = 1$) that slope is nearly 0, so the
# network barely learns from its worst mistakes. The course's layer functions show it
# for outputs $Z$ from −8 to 2, all with label 1:

# %% tags=["nbval-check-output"]
Z_out = np.array([[-8.0, -4.0, -2.0, 0.0, 2.0]])
Y_one = np.ones_like(Z_out)
A_out, z_cache = layers.activation_forward(Z_out, "sigmoid")
_, sigmoid_slope = activations.get_activation("sigmoid")
_, cross_entropy_backward = losses.get_loss("binary_cross_entropy")
dZ_cross_entropy = layers.activation_backward(cross_entropy_backward(A_out, Y_one), z_cache,
                                              "sigmoid")
dZ_squared = layers.activation_backward(losses.mean_squared_error_backward(A_out, Y_one),
                                        z_cache, "sigmoid")
print("sigmoid'(Z):           ", sigmoid_slope(Z_out))
print("dZ with cross-entropy: ", dZ_cross_entropy)
print("dZ with squared error: ", dZ_squared)
print(f"costs of these outputs: cross-entropy {compute_cost(A_out, Y_one):.2f}, "
      f"squared error {losses.mean_squared_error(A_out, Y_one):.2f}")

# %% [markdown]
# At $Z = -8$ the cross-entropy's $dZ$ is nearly −1, the largest push it can give; the
# squared error's is about −0.0007, nearly none.
#
# ### Exercise 9: `L_model_backward` (2 points)
#
# The whole backward pass. Start at the output: with a sigmoid output and the
# cross-entropy, $dZ^{[L]} = A^{[L]} - Y$ (notebook 01; equivalently, start from
# $dA^{[L]} = -\big(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\big)$ and let
# `linear_activation_backward(..., "sigmoid")` multiply by $\sigma'$). Then go down the
# layers, $l = L, L-1, \dots, 1$, each with its own cache, `caches[l - 1]`, and the
# previous step's $dA^{[l]}$. Layer $l$ produces $dA^{[l-1]}$, $dW^{[l]}$ and $db^{[l]}$;
# store them in the dict `grads` under exactly those names: `"dA{l-1}"`, `"dW{l}"`,
# `"db{l}"`.
#
# **May call:** numpy; your `linear_activation_backward` (exercise 8) and
# `linear_backward` (exercise 7).

# %% tags=["answer"] grade_id="L_model_backward"
def L_model_backward(AL, Y, caches):
    """Gradients of the cost for every layer of L_model_forward's network.

    AL: (1, m); Y: (1, m); caches: from L_model_forward.
    Returns: grads with dA0..dA{L-1}, dW1..dWL, db1..dbL.
    """
    ### BEGIN SOLUTION
    grads = {}
    L = len(caches)
    linear_cache, _ = caches[L - 1]
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(AL - Y,
                                                                         linear_cache)
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], "relu")
    return grads
    ### END SOLUTION


# %% tags=["tests"] grade_id="L_model_backward_tests" points=2
checks.check_L_model_backward(L_model_backward)
### BEGIN HIDDEN TESTS
# (X, parameters, Y): AL and the caches come from the forward pass of these
checks.hidden("L_model_backward", L_model_backward, args=(
    np.array([[0.5, -1.0, 2.0, 0.1], [1.5, 0.25, -0.5, 1.0]]),
    {"W1": np.array([[1.0, -0.5], [0.3, 0.8], [-1.2, 0.4]]),
     "b1": np.array([[0.1], [0.05], [0.2]]),
     "W2": np.array([[0.7, -1.1, 0.5], [0.2, 0.9, -0.4]]), "b2": np.array([[-0.3], [0.1]]),
     "W3": np.array([[1.2, -0.8]]), "b3": np.array([[0.05]])},
    np.array([[1.0, 0.0, 0.0, 1.0]])),
    expected={"dW3": np.array([[0.25100015168488066, -0.20892011437721236]]),
              "db3": np.array([[-0.009903298924075987]]),
              "dW2": np.array([[0.47075965914001344, 0.05008081480212907,
                                0.2895143155624808],
                               [-0.313839772760009, 0.27983522763787694,
                                0.08901806412032914]]),
              "db2": np.array([[0.3933328029168369], [0.13659566827814118]]),
              "dW1": np.array([[0.22703302710298517, -0.056758256775746294],
                               [-0.6045201189829642, 0.4787372730882356],
                               [-0.13053986622126762, -0.11296825270801403]]),
              "db1": np.array([[0.11351651355149259], [-0.09741948367904096],
                               [-0.0115530312460339]]),
              "dA2": np.array([[-0.8710992771407972, 0.7720381748332822,
                                0.8012930368340654, -0.7497677693621151],
                               [0.5807328514271982, -0.5146921165555215,
                                -0.534195357889377, 0.49984517957474345]]),
              "dA1": np.array([[0.11614657028543965, 0.5404267223832975,
                                0.45406605420597035, 0.0999690359149487],
                               [0.5226595662844784, -0.8492419923166105,
                                -1.3621981626179114, 0.4498606616172691],
                               [-0.2322931405708793, 0.3860190874166411,
                                0.6143246615727835, -0.1999380718298974]]),
              "dA0": np.array([[0.4355496385703987, -0.4632229048999693,
                                0.04540660542059695, 0.3748838846810576],
                               [0.325210396799231, 0.15440763496665644,
                                -1.3167915571973143, 0.27991330056185637]])})
### END HIDDEN TESTS

# %% [markdown]
# Now the real test: your whole backward pass against your gradient check, on a network
# of three layers.

# %% tags=["nbval-check-output"]
AL, caches = L_model_forward(X_demo, demo)
grads = L_model_backward(AL, Y_demo, caches)
print(f"difference = {gradient_check(demo, grads, X_demo, Y_demo):.1e}")

# %% [markdown]
# ## 5. Finding bugs, parameter by parameter
#
# `planted_bugs_backward` (from `helpers.bugs`) computes the gradients of the same
# three-layer network, but three mistakes of the kinds you were warned about are planted
# in it. Your gradient check says that something is wrong:

# %% tags=["nbval-check-output"]
buggy = planted_bugs_backward(AL, Y_demo, caches)
print(f"difference = {gradient_check(demo, buggy, X_demo, Y_demo):.1e}")

# %% [markdown]
# One number says *that* the backward pass is wrong, not *where*. To locate the bugs,
# compare parameter by parameter: `gradcheck.numerical_gradient` does the same centred
# differences as your function and returns them as a dict shaped like the gradients,
# and `gradcheck.relative_error` computes the difference of one pair of arrays:

# %% tags=["nbval-check-output"]
def cost_of(p):
    return compute_cost(L_model_forward(X_demo, p)[0], Y_demo)


numeric = gradcheck.numerical_gradient(cost_of, demo)
for key in demo:
    print(f"{key}: {gradcheck.relative_error(buggy['d' + key], numeric['d' + key]):.1e}")

# %% [markdown]
# A wrong gradient in one layer need not be a bug in that layer: the backward pass runs
# from the top down, so a wrong message $dA^{[l]}$ spoils every gradient below it. Read
# the table from the output layer down, and remember what each gradient is computed from.
#
# ### Exercise 11: the planted bugs (1 point)
#
# Which parameters get a wrong gradient from `planted_bugs_backward`? Set `planted_bugs`
# to the set of their names, such as `{"W1", "b2"}`. For each, think about which of the
# three planted mistakes could cause it (the 1/m, a transposed product, a wrong
# derivative): the numbers above have a story to tell.
#
# **May call:** nothing: the answer is the set itself, written out.

# %% tags=["answer"] grade_id="planted_bugs"
planted_bugs = None  # replace None with a set of names, such as {"W1", "b2"}
### BEGIN SOLUTION
planted_bugs = {"b3", "W2", "W1", "b1"}
### END SOLUTION

# %% tags=["tests"] grade_id="planted_bugs_tests" points=1
checks.check_planted_bugs(planted_bugs)
### BEGIN HIDDEN TESTS
checks.hidden_planted_bugs(planted_bugs, {"b3", "W2", "W1", "b1"})
### END HIDDEN TESTS

# %% [markdown]
# ### What dropout does to a gradient check
#
# Notebook 06 adds dropout: during training, each hidden unit is switched off at random
# on every forward pass. A gradient check then compares numbers that come from different
# networks, since every one of its forward passes draws new random masks. The check below
# uses the course's layer functions with `keep_prob=0.8`: with fresh masks on every call
# the difference is huge although the backward pass is right; with the masks fixed (the
# same for every forward pass) it is small again. So: switch dropout off (or fix its
# masks) to check gradients, and switch it back on to train.

# %% tags=["nbval-check-output"]
activations = ["relu", "relu", "sigmoid"]
mask_rng = np.random.default_rng(3)
masks = [mask_rng.random((5, 10)) < 0.8, mask_rng.random((5, 10)) < 0.8]
AL_d, caches_d = layers.model_forward(X_demo, demo, activations, keep_prob=0.8, masks=masks)
grads_d = layers.model_backward(AL_d, Y_demo, caches_d, activations,
                                "binary_cross_entropy", keep_prob=0.8)
fresh_rng = np.random.default_rng(4)
fresh, _ = gradcheck.gradient_errors(lambda p: compute_cost(layers.model_forward(
    X_demo, p, activations, keep_prob=0.8, rng=fresh_rng)[0], Y_demo), demo, grads_d)
fixed, _ = gradcheck.gradient_errors(lambda p: compute_cost(layers.model_forward(
    X_demo, p, activations, keep_prob=0.8, masks=masks)[0], Y_demo), demo, grads_d)
print(f"new masks on every forward pass: difference = {fresh:.1e}")
print(f"the same masks every time:       difference = {fixed:.1e}")

# %% [markdown]
# ## 6. Training a deep network
#
# ### Exercise 10: `update_parameters` (1 point)
#
# One step of gradient descent for every layer: $W^{[l]} - \alpha\, dW^{[l]}$ and
# $b^{[l]} - \alpha\, db^{[l]}$, with $\alpha$ = `learning_rate`. Return the new
# parameters as a **new** dict, and leave the arrays you were given unchanged (write
# `W - learning_rate * dW`, not `W -= ...`): the caller may still need them, as the
# gradient check does.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters"
def update_parameters(parameters, grads, learning_rate):
    """Parameters after one gradient-descent step, as a new dict.

    parameters: W1, b1, ..., WL, bL; grads: dW1, db1, ... (other keys ignored).
    """
    ### BEGIN SOLUTION
    return {key: value - learning_rate * grads["d" + key]
            for key, value in parameters.items()}
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_tests" points=1
checks.check_update_parameters(update_parameters)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters", update_parameters, args=(
    {"W1": np.array([[0.5, -1.0]]), "b1": np.array([[0.25]]),
     "W2": np.array([[2.0], [-1.0]]), "b2": np.array([[0.0], [0.5]]),
     "W3": np.array([[1.0, 1.0]]), "b3": np.array([[-0.5]])},
    {"dW1": np.array([[0.1, 0.2]]), "db1": np.array([[-0.3]]),
     "dW2": np.array([[1.0], [-2.0]]), "db2": np.array([[0.5], [0.25]]),
     "dW3": np.array([[0.4, -0.4]]), "db3": np.array([[1.0]]), "dA0": np.ones((2, 1))},
    0.01),
    expected={"W1": np.array([[0.499, -1.002]]),
              "b1": np.array([[0.253]]),
              "W2": np.array([[1.99], [-0.98]]),
              "b2": np.array([[-0.005], [0.4975]]),
              "W3": np.array([[0.996, 1.004]]),
              "b3": np.array([[-0.51]])})
### END HIDDEN TESTS

# %% [markdown]
# ### A task one neuron does poorly
#
# Notebook 01 told 8s from 9s with a single neuron and got about 97% of the test images
# right: there is little room above that. Here is a harder question about the same 8×8
# digits: **is the digit even?** The even digits (0, 2, 4, 6, 8) share no single
# stroke pattern, so no one weighted sum of pixels separates them well from the odd ones.
# All 1,797 images take part, a quarter of them held out as the test set.

# %%
images, digits = load_digits()
Y_all = (digits % 2 == 0).astype(float).reshape(1, -1)
# Each image's digit rides along as a 65th row, so that the split keeps it.
with_digit = np.vstack([images.reshape(len(images), -1).T / 16.0, digits])
X_train, Y_train, X_test, Y_test = train_test_split(
    with_digit, Y_all, test_fraction=0.25, rng=np.random.default_rng(0), stratify=True)
digit_test = X_test[-1].astype(int)
X_train, X_test = X_train[:-1], X_test[:-1]
print(f"training set {X_train.shape}, test set {X_test.shape}, "
      f"{Y_train.mean():.0%} of the training images even")

# %% [markdown]
# `L_layer_model` below is gradient descent with your functions: forward pass, cost,
# backward pass, update, `num_iterations` times. A network with one layer, `[64, 1]`, is
# logistic regression; `[64, 16, 1]` has one hidden layer of 16 ReLU units; `[64, 32, 16,
# 1]` has two. Each is trained from five random starts (`SEEDS`), and the table shows the
# mean and the standard deviation of the accuracies.

# %%
def L_layer_model(X, Y, layer_dims, seed, num_iterations=800, learning_rate=0.5):
    parameters = initialize_parameters_deep(layer_dims, np.random.default_rng(seed))
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        if i % 10 == 0:
            costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def accuracy(parameters, X, Y):
    return float(np.mean((L_model_forward(X, parameters)[0] > 0.5) == Y))


ARCHITECTURES = {"logistic regression": [64, 1], "2 layers": [64, 16, 1],
                 "3 layers": [64, 32, 16, 1]}
start = time.perf_counter()
runs = {name: [L_layer_model(X_train, Y_train, dims, seed) for seed in SEEDS]
        for name, dims in ARCHITECTURES.items()}
print(f"15 trainings in {time.perf_counter() - start:.1f} s")

# %% tags=["nbval-check-output"]
print(f"{'':21}{'train':>15}{'test':>16}")
for name, trained in runs.items():
    train = [100 * accuracy(p, X_train, Y_train) for p, _ in trained]
    test = [100 * accuracy(p, X_test, Y_test) for p, _ in trained]
    print(f"{name:21}{np.mean(train):9.1f} ± {np.std(train):.1f}%"
          f"{np.mean(test):10.1f} ± {np.std(test):.1f}%")

# %% [markdown]
# How much of a difference is noise? With 449 test images and an accuracy near 90%, the
# binomial standard deviation of a test accuracy is $\sqrt{0.9 \cdot 0.1 / 450} \approx
# 1.4$ points: two models whose accuracies differ by 1 or 2 points cannot be told apart on
# this test set. The networks with hidden layers beat logistic regression by about eight
# points, more than five times that noise, and for every one of the five seeds. The
# second hidden layer adds little here: the task is small, and one hidden layer already
# fits the training set almost perfectly. Logistic regression's spread is 0: its cost is
# convex, with a single minimum, so every start ends in the same place; a network with
# hidden layers has many minima, and where it ends depends on where it started.
#
# The cost curves (one seed each) show the same: the single neuron levels off at a high
# cost, and the deeper the network, the lower its cost goes.

# %%
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for name, trained in runs.items():
    plot_costs(trained[0][1], ax=ax, label=name, xlabel="iteration / 10")
ax.set_title("Cost during training (seed 0)");

# %% [markdown]
# Finally, the test images the three-layer network (seed 0) gets wrong: above each, the
# digit it is and the network's probability that it is even. Several are hard even for a
# person, digits drawn in an unusual way.

# %%
deep_net = runs["3 layers"][0][0]
probability = L_model_forward(X_test, deep_net)[0].ravel()
wrong = np.flatnonzero((probability > 0.5) != Y_test.ravel().astype(bool))
test_images = X_test.T.reshape(-1, 8, 8)
print(f"{len(wrong)} of {len(probability)} test images wrong")
plot_image_grid(test_images[wrong[:16]], ncols=8,
                titles=[f"a {digit_test[i]}: {probability[i]:.2f}" for i in wrong[:16]]);

# %% [markdown]
# ## What you should have seen
#
# - A layer's forward pass returns a cache, and its backward pass uses it: with those two
#   pieces, a network of any depth is a loop forward and a loop back.
# - You derived the backward pass of a linear layer from one entry of $Z = WA + b$:
#   $dW = \frac1m dZ A_{prev}^T$, $db = \frac1m \sum dZ$ over the examples,
#   $dA_{prev} = W^T dZ$; and of an activation, $dZ = dA \odot g'(Z)$.
# - A gradient check needs only the forward pass. With centred differences, float64 and
#   ε = 1e-7, your backward pass agreed with it to 3.6e-8, and the buggy one was
#   off by 0.68. Checking parameter by parameter located the bugs, remembering that a
#   wrong message spoils every layer below it; dropout must be off (or its masks fixed)
#   while checking.
# - On "is the digit even?", networks with hidden layers got 97.4% and 97.7% of the test
#   images right against 89.1% for logistic regression, over five seeds, with spreads
#   of 0.3 points, far below the gap.

# %% [markdown]
# ## Rules for answers
#
# - Answer cells, and any cell you add, may use numpy (`np`, also as `from numpy import
#   exp` or `import numpy.linalg as la`), the `math` module and the names you define
#   yourself. Nothing else: not what the notebook itself imports (from `helpers`, or
#   `plt`) or defines outside the answer cells.
# - Your answers to earlier exercises may be called (your `L_model_forward` calls your
#   `linear_activation_forward`); each exercise's **May call:** line names them. While
#   grading, each exercise is checked with the course's versions of the earlier ones, so
#   a mistake costs only its own points.
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
#   `python -m helpers.grading.guard notebooks/04_backprop/04_backprop.ipynb`.
