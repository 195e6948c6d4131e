# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Logistic regression: one neuron that learns
#
# A neural network is built from one small part repeated many times. In this notebook you
# build that part, a single artificial neuron, train it with gradient descent, and use it
# to tell handwritten eights from nines.
#
# **By the end you will be able to**
# - say what a neuron computes: a weighted sum of its inputs, plus a bias, passed through
#   an activation function;
# - tell a *loss* (one example) from a *cost* (the average over the training set), and
#   explain why logistic regression uses cross-entropy rather than squared error;
# - read a derivative as a slope and use the chain rule to get the gradients of the cost;
# - write gradient descent, and recognise a learning rate that is too small or too large;
# - train and evaluate a classifier on real images using nothing but numpy.
#
# **How the exercises work.** Each exercise is a cell with `# YOUR CODE HERE` and
# `raise NotImplementedError()`: replace those two lines with your code, run the cell, then
# run the check cell below it. A check that fails tells you what it thinks went wrong; the
# autograder also runs hidden checks on other inputs, so make your code general rather
# than tuned to the visible case.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `sigmoid` | 1 |
# | 2 `initialize_with_zeros` | 1 |
# | 3 `propagate` | 3 |
# | 4 `optimize` | 2 |
# | 5 `predict` | 2 |
# | 6 `model` | 2 |
# | 7 true or false | 1 |
#
# Notation, used in every notebook of the course: $m$ examples with $n_x$ features each
# are stored as the **columns** of a matrix $X$ of shape $(n_x, m)$; their labels form a
# row $Y$ of shape $(1, m)$.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.data import load_digit_pair
from helpers.plotting import plot_costs, plot_image_grid
from helpers.grading import nb01 as checks

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. What a neuron computes
#
# A neuron receives numbers $x_1, \dots, x_{n_x}$. It multiplies each by a weight, adds the
# products and a bias $b$, and passes the total through an *activation function* $g$:
#
# $$z = w_1 x_1 + \dots + w_{n_x} x_{n_x} + b = w^T x + b, \qquad a = g(z).$$
#
# The weights say how much each input matters and in which direction; the bias lets the
# neuron respond even when every input is zero. Neurons side by side form a *layer*, and
# the outputs of one layer are the inputs of the next. If we stack the weights of a
# layer's neurons as the rows of a matrix $W$, the whole layer is one matrix product.
#
# **Worked example.** Two inputs, $x = (2, 3)$, feed a layer of two neurons with weights
# $(1, 1)$ and $(-1, 1)$, and both feed one output neuron with weights $(2, -1)$. No
# activation yet and no biases: each neuron passes its weighted sum on unchanged.

# %% tags=["nbval-check-output"]
x = np.array([[2.0], [3.0]])           # one example with two features, as a column
W1 = np.array([[1.0, 1.0],             # row i: the weights of hidden neuron i
               [-1.0, 1.0]])
W2 = np.array([[2.0, -1.0]])           # the output neuron's weights

hidden = W1 @ x                        # (2, 2) @ (2, 1) -> (2, 1)
output = W2 @ hidden                   # (1, 2) @ (2, 1) -> (1, 1)
print("hidden layer:", hidden.ravel())
print("output:", output.item())

# %% [markdown]
# The hidden neurons compute $2 + 3 = 5$ and $-2 + 3 = 1$, and the output neuron
# $2 \cdot 5 - 1 \cdot 1 = 9$.
#
# Without an activation this network is only a linear function of its input, however
# many layers we stack (notebook 03 proves it). For a yes/no question we want the output
# to be a probability, a number between 0 and 1. The **sigmoid** function squeezes any
# real number into that range:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# Large positive $z$ gives almost 1, large negative $z$ almost 0, and $\sigma(0) = 0.5$.

# %% [markdown]
# ### Exercise 1: `sigmoid` (1 point)
#
# Write `sigmoid(z)` for a number or a numpy array of any shape, applied to every entry.
# Use `np.exp`, which works on whole arrays (`math.exp` takes only one number).
#
# For $z = -1000$, $e^{-z} = e^{1000}$ is too large for a float and numpy returns `inf`
# with a `RuntimeWarning: overflow`. The result, $1 / (1 + \infty) = 0$, is still right, and
# the grader does not take points for the warning. Avoid `np.exp(z) / (1 + np.exp(z))`:
# for large $z$ it computes $\infty / \infty$, which is `nan`.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="sigmoid"
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), entry by entry.

    z: a number or a numpy array of any shape.
    Returns: an array of the same shape, each value between 0 and 1.
    """
    ### BEGIN SOLUTION
    return 1 / (1 + np.exp(-z))
    ### END SOLUTION


# %% tags=["tests"] grade_id="sigmoid_tests" points=1
checks.check_sigmoid(sigmoid)
### BEGIN HIDDEN TESTS
checks.hidden("sigmoid", sigmoid, args=(np.array([[-800.0, -3.5], [0.25, 750.0]]),),
    expected={"value": np.array([[0.0, 0.029312230751356316],
                                 [0.5621765008857981, 1.0]])})
checks.hidden("sigmoid", sigmoid, args=(np.array([-1, 0, 1]),),
    expected={"value": np.array([0.2689414213699951, 0.5, 0.7310585786300049])})
### END HIDDEN TESTS

# %% [markdown]
# **Worked example.** The same shape of network, now with a sigmoid on the hidden
# neurons: input $x = (-1, 2)$, hidden weights $(3, 3)$ and $(1, 5)$, output weights
# $(2, -1)$.

# %% tags=["nbval-check-output"]
x = np.array([[-1.0], [2.0]])
W1 = np.array([[3.0, 3.0],
               [1.0, 5.0]])
W2 = np.array([[2.0, -1.0]])

hidden = sigmoid(W1 @ x)               # sigmoid(3) and sigmoid(9)
output = W2 @ hidden
print("hidden layer:", hidden.ravel())
print("output:", output.item())

# %% [markdown]
# The weighted sums are $-3 + 6 = 3$ and $-1 + 10 = 9$; the sigmoid turns them into about
# 0.9526 and 0.9999, and the output is $2 \cdot 0.9526 - 0.9999 \approx 0.905271648220853$.
#
# **What the bias does.** For a single input, $\sigma(wx + b)$ crosses 0.5 where
# $wx + b = 0$, that is at $x = -b / w$. The weight sets how steep the step is; the bias
# slides it left or right. Without a bias every neuron would be forced to answer 0.5 at
# $x = 0$.

# %%
xs = np.linspace(-8, 8, 200)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.2))
for b in (-4.0, 0.0, 4.0):
    axes[0].plot(xs, sigmoid(xs + b), label=f"w = 1, b = {b:g}")
for w in (0.5, 1.0, 4.0):
    axes[1].plot(xs, sigmoid(w * xs), label=f"w = {w:g}, b = 0")
for ax, title in zip(axes, ("the bias shifts the curve", "the weight sets its steepness")):
    ax.axhline(0.5, color="grey", lw=0.5)
    ax.set(title=title, xlabel="x", ylabel="sigmoid(w x + b)")
    ax.legend()
plt.show()

# %% [markdown]
# ## 2. Loss and cost
#
# Logistic regression is one sigmoid neuron: for an example $x$ it predicts
# $\hat y = a = \sigma(w^T x + b)$, read as the probability that the label $y$ is 1.
# Training means choosing $w$ and $b$ so that these probabilities match the labels.
#
# A **loss** $\mathcal{L}(a, y)$ scores one prediction. Logistic regression uses the
# cross-entropy (also called log loss):
#
# $$\mathcal{L}(a, y) = -\big(y \log a + (1 - y) \log(1 - a)\big).$$
#
# When $y = 1$ only $-\log a$ remains: 0 for a confident right answer ($a \to 1$), huge for a
# confident wrong one ($a \to 0$). When $y = 0$ it is $-\log(1 - a)$, the mirror image.
#
# The **cost** $J$ scores the parameters on the whole training set: it is the mean of the
# losses,
#
# $$J(w, b) = \tfrac{1}{m} \sum_{i=1}^{m} \mathcal{L}\big(a^{(i)}, y^{(i)}\big).$$
#
# **Why not squared error?** $\frac12 (a - y)^2$ works well for predicting numbers, but after
# a sigmoid it fails in two ways. As a function of $w$ it is not convex, so gradient descent
# can stall on flat regions. Worse, it barely reacts to confident mistakes. Take one example
# with $y = 1$ that the neuron gets badly wrong, $z = -6$:

# %% tags=["nbval-check-output"]
z, y = -6.0, 1.0
a = sigmoid(z)
# Both gradients with respect to z, by the chain rule (derived in section 3):
grad_cross_entropy = a - y
grad_squared_error = (a - y) * a * (1 - a)     # d/dz of (a - y)^2 / 2
print(f"prediction a = {a:.4f} for a label of 1")
print(f"cross-entropy: loss {-np.log(a):.3f}, gradient {grad_cross_entropy:.4f}")
print(f"squared error: loss {0.5 * (a - y) ** 2:.3f}, gradient {grad_squared_error:.5f}")

# %% [markdown]
# The cross-entropy gradient is about $-1$: a strong push in the right direction. The
# squared-error gradient is about 400 times smaller, because the sigmoid's slope
# $a(1 - a)$ is nearly zero out there, so the worst mistakes are the slowest to be
# corrected. The plot shows the two costs on a small one-feature problem as the weight
# varies: the cross-entropy is a smooth bowl, the squared error flattens out on both sides.

# %%
x1 = np.array([[-2.0, -1.0, -0.5, 0.5, 1.0, 2.0]])  # one feature, six examples
y1 = np.array([[0.0, 0.0, 1.0, 0.0, 1.0, 1.0]])     # not separable: no perfect w exists
ws = np.linspace(-10, 10, 400)
a1 = sigmoid(ws[:, None] * x1)                       # one row of predictions per w
cross_entropy = -np.mean(y1 * np.log(a1) + (1 - y1) * np.log(1 - a1), axis=1)
squared_error = np.mean(0.5 * (a1 - y1) ** 2, axis=1)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.2))
axes[0].plot(ws, cross_entropy)
axes[0].set(title="cross-entropy cost", xlabel="w", ylabel="J(w)")
axes[1].plot(ws, squared_error, color="C1")
axes[1].set(title="squared-error cost", xlabel="w", ylabel="J(w)")
plt.show()

# %% [markdown]
# ## 3. Slopes, the chain rule, and gradient descent
#
# The derivative of a function at a point is its slope there: how much the output changes
# per unit change of the input. With several parameters, the **gradient** collects one
# slope per parameter. It points uphill, so stepping against it lowers the cost:
#
# $$w \leftarrow w - \alpha \frac{\partial J}{\partial w}, \qquad
#   b \leftarrow b - \alpha \frac{\partial J}{\partial b},$$
#
# where the **learning rate** $\alpha$ sets the step size. Repeating this step is
# *gradient descent*.
#
# **Worked example: a slope by hand.** A linear model predicts $w \cdot x$ with weights
# $w = (1, 2)$ for input $x = (3, 4)$, where the target is 6. The prediction is 11, the
# error 5, and the squared error $(w \cdot x - 6)^2$ has gradient $2 (w \cdot x - 6)\, x$.
# A finite-difference estimate, which nudges each weight a little, confirms it.

# %% tags=["nbval-check-output"]
w = np.array([1.0, 2.0])
x = np.array([3.0, 4.0])
target = 6.0

def squared_error_of(weights):
    return (weights @ x - target) ** 2

error = w @ x - target
gradient = 2 * error * x
step = 1e-6
numeric = np.array([(squared_error_of(w + step * e) - squared_error_of(w - step * e))
                    / (2 * step) for e in np.eye(2)])
print("prediction:", w @ x, " error:", error)
print("gradient:", gradient, " finite differences:", numeric.round(4))

# %% [markdown]
# The gradient is $(30, 40)$: the second weight multiplies the larger input, so changing
# it changes the error faster. One step with learning rate 0.01 moves $w$ to $(0.7, 1.6)$
# and halves the error. Here each step multiplies the error by $1 - 50\alpha$, which makes
# the effect of the learning rate easy to see: too small crawls, a little too large
# overshoots and oscillates, and larger still diverges.

# %% tags=["nbval-check-output"]
for rate in (0.002, 0.01, 0.03, 0.05):
    weights, errors = w.copy(), []
    for _ in range(6):
        errors.append(weights @ x - target)
        weights = weights - rate * 2 * (weights @ x - target) * x
    print(f"learning rate {rate:<5}: errors", np.round(errors, 3))

# %% [markdown]
# **The chain rule on a computation graph.** Logistic regression computes, for one example,
#
# $$z = w^T x + b \;\longrightarrow\; a = \sigma(z) \;\longrightarrow\; \mathcal{L}(a, y).$$
#
# To get $\partial \mathcal{L} / \partial w$ we walk the graph backwards and multiply the
# local slopes:
#
# - $\dfrac{\partial \mathcal{L}}{\partial a} = -\dfrac{y}{a} + \dfrac{1 - y}{1 - a}$;
# - $\dfrac{\partial a}{\partial z} = \sigma(z)(1 - \sigma(z)) = a(1 - a)$;
# - so $\dfrac{\partial \mathcal{L}}{\partial z} = a - y$ (multiply and simplify: this
#   tidy result is why sigmoid and cross-entropy go together);
# - $\dfrac{\partial \mathcal{L}}{\partial w} = x\,(a - y)$ and
#   $\dfrac{\partial \mathcal{L}}{\partial b} = a - y$.
#
# Over $m$ examples we average. With the examples as columns of $X$ and the predictions as
# the row $A = \sigma(w^T X + b)$, all $m$ examples are handled by matrix products, with no
# loop (notebook 02 times how much faster this is):
#
# $$dw = \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T, \qquad
#   db = \frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^m \big(a^{(i)} - y^{(i)}\big).$$

# %% [markdown]
# ## 4. Building logistic regression
#
# ### Exercise 2: `initialize_with_zeros` (1 point)
#
# Return `w`, a column of zeros of shape `(dim, 1)`, and `b = 0.0`. Mind the shape: a
# numpy array of shape `(dim,)` is *rank 1*, neither a row nor a column, and mixing it with
# columns broadcasts into surprising results.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_with_zeros"
def initialize_with_zeros(dim):
    """Parameters of a neuron with `dim` inputs, all zero.

    Returns: (w, b) with w of shape (dim, 1) and b a float.
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_with_zeros_tests" points=1
checks.check_initialize_with_zeros(initialize_with_zeros)
### BEGIN HIDDEN TESTS
checks.hidden("initialize_with_zeros", initialize_with_zeros, args=(7,),
    expected={"w": np.array([[0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0]]),
              "b": 0.0})
checks.hidden("initialize_with_zeros", initialize_with_zeros, args=(1,),
    expected={"w": np.array([[0.0]]),
              "b": 0.0})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 3: `propagate` (3 points)
#
# One forward and one backward pass over all $m$ examples at once:
#
# - forward: $A = \sigma(w^T X + b)$, then the cost
#   $J = -\frac{1}{m} \sum_i \Big(y^{(i)} \log a^{(i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{(i)}\big)\Big)$;
# - backward: $dw = \frac{1}{m} X (A - Y)^T$ and $db = \frac{1}{m} \sum_i (a^{(i)} - y^{(i)})$.
#
# Return `grads = {"dw": dw, "db": db}` and the cost. `dw` has the shape of `w`; `db` and
# the cost are single numbers. Use your `sigmoid`, and no loop over the examples.
#
# **May call:** numpy; your `sigmoid` (exercise 1).

# %% tags=["answer"] grade_id="propagate"
def propagate(w, b, X, Y):
    """Cost and gradients of logistic regression.

    w: (n_x, 1) weights; b: float bias; X: (n_x, m) examples as columns; Y: (1, m) labels.
    Returns: (grads, cost) with grads = {"dw": (n_x, 1) array, "db": float}, cost a float.
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = X @ dZ.T / m
    db = np.sum(dZ) / m
    return {"dw": dw, "db": db}, float(cost)
    ### END SOLUTION


# %% tags=["tests"] grade_id="propagate_tests" points=3
checks.check_propagate(propagate)
### BEGIN HIDDEN TESTS
checks.hidden("propagate", propagate, args=(
    np.array([[0.1], [-0.2], [0.3]]), -0.5,
    np.array([[1.0, 2.0, -1.0, 0.0, 3.0], [0.5, -1.5, 2.0, 1.0, 0.0],
              [2.0, 0.0, 1.0, -2.0, 1.0]]),
    np.array([[1.0, 0.0, 0.0, 1.0, 1.0]])),
    expected={"dw": np.array([[-0.2463790955832148], [-0.22194418672788413],
                              [0.0956839512707542]]),
              "db": -0.18081287605056895,
              "cost": 0.7852270006851074})
checks.hidden("propagate", propagate, args=(
    np.array([[2.0]]), 1.0, np.array([[-1.0, 0.5]]), np.array([[0.0, 1.0]])),
    expected={"dw": np.array([[-0.16427144119052697]]),
              "db": 0.07486924967393871,
              "cost": 0.22009484928059772})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4: `optimize` (2 points)
#
# Run `num_iterations` steps of gradient descent, each calling `propagate` and then
# updating both parameters: `w = w - learning_rate * dw` and likewise for `b`. Record the
# cost at iterations 0, 100, 200, … (before that iteration's update) in the list
# `costs`, and print it there when `print_cost` is true. Return the final parameters as
# `{"w": w, "b": b}`, the last gradients, and `costs`.
#
# **May call:** numpy; your `sigmoid` (exercise 1) and `propagate` (exercise 3).

# %% tags=["answer"] grade_id="optimize"
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent on the logistic-regression cost.

    Returns: (params, grads, costs): params = {"w": (n_x, 1), "b": float}, the grads of
    the last step, and the costs recorded every 100 iterations.
    """
    ### BEGIN SOLUTION
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"cost after iteration {i}: {cost:.4f}")
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
    return {"w": w, "b": b}, grads, costs
    ### END SOLUTION


# %% tags=["tests"] grade_id="optimize_tests" points=2
checks.check_optimize(optimize)
### BEGIN HIDDEN TESTS
checks.hidden("optimize", optimize, args=(
    np.zeros((3, 1)), 0.0,
    np.array([[1.0, 2.0, -1.0, 0.0, 3.0], [0.5, -1.5, 2.0, 1.0, 0.0],
              [2.0, 0.0, 1.0, -2.0, 1.0]]),
    np.array([[1.0, 0.0, 0.0, 1.0, 1.0]]), 150, 0.3),
    expected={"w": np.array([[2.057395951272351], [1.9676433495930798],
                             [-0.4979808104543022]]),
              "b": -1.6873917526200186,
              "costs": [0.6931471805599453, 0.40583665807096886]})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5: `predict` (2 points)
#
# Turn probabilities into labels: compute $A = \sigma(w^T X + b)$ and return a `(1, m)`
# array that is 1 where $a > 0.5$ and 0 elsewhere.
#
# **May call:** numpy; your `sigmoid` (exercise 1).

# %% tags=["answer"] grade_id="predict"
def predict(w, b, X):
    """Predicted labels (1, m): 1.0 where sigmoid(w^T x + b) > 0.5, else 0.0."""
    ### BEGIN SOLUTION
    A = sigmoid(w.T @ X + b)
    return (A > 0.5).astype(float)
    ### END SOLUTION


# %% tags=["tests"] grade_id="predict_tests" points=2
checks.check_predict(predict)
### BEGIN HIDDEN TESTS
checks.hidden("predict", predict, args=(
    np.array([[1.0], [-2.0], [0.5]]), 0.1,
    np.array([[1.0, 0.0, -1.0, 2.0, 0.3, 0.0], [0.0, 1.0, 0.5, 1.0, -0.2, 0.0],
              [2.0, 0.0, 3.0, -1.0, 0.0, -4.0]])),
    expected={"value": np.array([[1.0, 0.0, 0.0, 0.0, 1.0, 0.0]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 6: `model` (2 points)
#
# Put the pieces together: initialise with zeros (the number of features is the number of
# *rows* of `X_train`), run `optimize` on the training set, predict on both sets, and
# return a dictionary with the keys `"costs"`, `"Y_prediction_train"`,
# `"Y_prediction_test"`, `"w"`, `"b"`, `"learning_rate"` and `"num_iterations"`.
#
# **May call:** numpy; your `sigmoid`, `initialize_with_zeros`, `propagate`, `optimize`
# and `predict` (exercises 1 to 5).

# %% tags=["answer"] grade_id="model"
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    """Train logistic regression on (X_train, Y_train) and predict on both sets."""
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs,
            "Y_prediction_train": predict(w, b, X_train),
            "Y_prediction_test": predict(w, b, X_test),
            "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
    ### END SOLUTION


# %% tags=["tests"] grade_id="model_tests" points=2
checks.check_model(model)
### BEGIN HIDDEN TESTS
# model's arguments are made from a seed (7), as in the visible check (seed 1)
checks.hidden("model", model, args=(7, 120, 0.2),
    expected={"w": np.array([[0.16278961747373522], [0.516046681277044],
                             [-0.2696778298008716], [-2.0861535628659853],
                             [-1.1675243681059884]]),
              "Y_prediction_train": np.array([[0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0,
                                               0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0,
                                               0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0,
                                               1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0,
                                               1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                                               0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0,
                                               0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0,
                                               0.0, 1.0, 1.0, 0.0]]),
              "Y_prediction_test": np.array([[0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0,
                                              1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0,
                                              0.0, 0.0, 0.0, 1.0]]),
              "learning_rate": 0.2,
              "num_iterations": 120,
              "costs": [0.6931471805599454, 0.33010373876400084],
              "b": -0.14238309062814125})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 7: true or false? (1 point)
#
# In a network with hidden layers, starting every weight at zero is a known trap (notebook 05
# shows why). Is it a trap here too? Decide whether this statement is true:
#
# > *Logistic regression started from $w = 0$, $b = 0$ cannot learn, because every weight
# > receives the same gradient and so the weights stay equal to each other forever.*
#
# Look at the formula for `dw` before you answer. Set the variable to `True` or `False`.
#
# **May call:** nothing: set the variable to a plain `True` or `False`.

# %% tags=["answer"] grade_id="zero_init_answer"
zero_init_prevents_learning = None  # replace None with True or False
### BEGIN SOLUTION
zero_init_prevents_learning = False
### END SOLUTION

# %% tags=["tests"] grade_id="zero_init_answer_tests" points=1
checks.check_true_false(zero_init_prevents_learning, "zero_init_prevents_learning")
### BEGIN HIDDEN TESTS
checks.hidden_true_false(
    zero_init_prevents_learning, False, "zero_init_prevents_learning")
### END HIDDEN TESTS

# %% [markdown]
# ## 5. Eights and nines
#
# Time for real data: handwritten digits from the UCI "Optical Recognition of Handwritten
# Digits" collection (see `data/README.md`). Each image is 8×8 pixels, and each pixel
# counts the inked dots in a 4×4 block of the original 32×32 scan, a whole number from 0
# to 16. We keep the eights and the nines, ask "is this a 9?", and hold a quarter of the
# images back as a test set that training never sees. Each image is flattened into a
# column of 64 numbers and divided by 16, so every pixel lies between 0 and 1.

# %%
data = load_digit_pair(8, 9)
print("training set:", data.X_train.shape, " labels:", data.Y_train.shape,
      " nines:", int(data.Y_train.sum()))
print("test set:    ", data.X_test.shape, " labels:", data.Y_test.shape,
      " nines:", int(data.Y_test.sum()))
titles = ["9" if label else "8" for label in data.Y_train[0, :16]]
plot_image_grid(data.images_train[:16], titles=titles, ncols=8)
plt.show()

# %% [markdown]
# Now train your model: 2000 iterations with learning rate 0.5.

# %% tags=["nbval-check-output"]
result = model(data.X_train, data.Y_train, data.X_test, data.Y_test,
               num_iterations=2000, learning_rate=0.5, print_cost=True)
train_accuracy = np.mean(result["Y_prediction_train"] == data.Y_train)
test_accuracy = np.mean(result["Y_prediction_test"] == data.Y_test)
print(f"train accuracy: {100 * train_accuracy:.1f}%")
print(f"test accuracy:  {100 * test_accuracy:.1f}%")

# %% [markdown]
# The cost falls quickly and then slowly, and the model ends up classifying every training
# image correctly (100.0%), while it gets 96.6% of the test images right: 85 of 88. The
# gap is a first sign of *over-fitting*: 64 weights fitted to 260 images learn some
# details that do not carry over to new ones. Notebook 06 is about closing such gaps.

# %%
ax = plot_costs(result["costs"], xlabel="iteration (hundreds)")
ax.set(title="training cost, learning rate 0.5", ylabel="cost J")
plt.show()

# %% [markdown]
# ### Choosing the learning rate
#
# The same training run with four learning rates, recording the training cost at every
# one of the first 100 iterations, and the cost on the test images at the end:

# %% tags=["nbval-check-output"]
curves = {}
with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # log(0): see below
    for rate in (0.05, 0.5, 5.0, 10.0):
        w, b = initialize_with_zeros(data.X_train.shape[0])
        curve = []
        for _ in range(100):
            grads, cost = propagate(w, b, data.X_train, data.Y_train)
            curve.append(cost)
            w = w - rate * grads["dw"]
            b = b - rate * grads["db"]
        _, test_cost = propagate(w, b, data.X_test, data.Y_test)
        curves[f"learning rate {rate:g}"] = curve
        print(f"learning rate {rate:>4g}: first costs {np.round(curve[:4], 3)}, "
              f"highest {np.nanmax(curve):.3f}, last {curve[-1]:.4f}, "
              f"nan {np.isnan(curve).sum()} times; test cost {test_cost:.3f}")
ax = plot_costs(curves)
ax.set(title="training cost for four learning rates (nan leaves gaps)", ylabel="cost J",
       yscale="log")
plt.show()

# %% [markdown]
# With 0.05 the cost creeps down, and with 0.5 it falls fast and smoothly: 0.5 is the
# largest of these rates whose curve goes down at every step. With 5 the steps are too
# large at first: after a drop to 0.268 the cost *rises* to 1.403 and then 10.319,
# because each step jumps past the bottom of the valley and up the far side. Yet after
# 100 iterations rate 5 has the lowest training cost (0.0136) and even a lower test cost
# than 0.5 (0.090 against 0.167). The reason is this data set: a straight boundary
# separates the training eights from the nines, so the cost has no lowest point at all.
# It keeps falling as $w$ grows, however large, and big steps grow $w$ fastest once they
# stop overshooting.
#
# Rate 10 shows what a too-large rate does in practice. The cost jumps to 23.573 at the
# fourth iteration, and then the curve breaks up: the cost comes out as `nan` in 91 of
# the 100 iterations, the last one included, so its line stops after a few steps. A step
# that large makes some $w^T x + b$ so big that the sigmoid rounds to exactly 1, so
# $\log(1 - a) = \log 0 = -\infty$, and $0 \cdot (-\infty)$ is `nan`. The cost on the test
# images ends at 0.146, worse than with 5. So a curve that jumps at the start is a gamble:
# here 5 recovered and 10 did not, and in deeper networks, where the cost is not one
# forgiving bowl, such jumps often never settle. The safe choice is to try rates a factor
# of about 10 apart and keep the largest whose curve goes down steadily, without jumps or
# `nan`.
#
# ### What the neuron looks for
#
# The trained weights `w` hold one number per pixel, so they can be shown as an 8×8 image
# of their own. A pixel with a positive weight pushes $z$ up, towards "9", when it is
# inked; a negative weight pushes towards "8"; a weight near 0 means the pixel hardly
# matters.

# %%
weights = result["w"].reshape(8, 8)     # the same row-major order as the images
limit = np.abs(weights).max()
fig, ax = plt.subplots(figsize=(4, 3.4))
shown = ax.imshow(weights, cmap="RdBu_r", vmin=-limit, vmax=limit)
fig.colorbar(shown, ax=ax, label="weight (red: towards 9, blue: towards 8)")
ax.set(title="the learned w as an 8×8 image", xticks=[], yticks=[])
plt.show()

# %% [markdown]
# The strongest blue lies below the middle and left of centre: an 8 has its lower loop
# there, while a 9 is mostly blank there, so ink in that patch says "8". Most of the red
# lies right of centre, from a little above the middle down to it, where the 9's stroke
# comes down on the right. The leftmost and rightmost columns stay near 0 (white):
# almost no image has ink there, so those weights hardly ever change.
#
# ### What the model gets wrong
#
# The test images the model misclassifies, with its answer:

# %% tags=["nbval-check-output"]
wrong = np.flatnonzero(result["Y_prediction_test"][0] != data.Y_test[0])
print(f"{len(wrong)} of {data.Y_test.shape[1]} test images misclassified")
titles = [f"said {'9' if result['Y_prediction_test'][0, i] else '8'}" for i in wrong]
plot_image_grid(data.images_test[wrong], titles=titles, ncols=max(len(wrong), 2))
plt.show()

# %% [markdown]
# Look at them: some are genuinely ambiguous at 8×8 pixels, others would be easy for a
# person. A single neuron draws one straight boundary through the 64-dimensional pixel
# space; the following notebooks add hidden layers that can draw curved ones.
#
# ## What you should have seen
#
# - A neuron computes $\sigma(w^T x + b)$; the weights tilt and sharpen its response, the
#   bias shifts it. The two worked examples gave 9 and 0.905271648220853.
# - The loss scores one example, the cost averages the losses. Cross-entropy keeps a
#   strong gradient on confident mistakes, where squared error after a sigmoid all but
#   stops learning.
# - A gradient is a vector of slopes (the $(30, 40)$ of the worked example); gradient
#   descent steps against it, and the learning rate decides whether it crawls, converges
#   or overshoots.
# - The chain rule gives $\partial \mathcal{L} / \partial z = a - y$, and from it
#   $dw = \frac{1}{m} X (A - Y)^T$ and $db$, computed for all examples at once.
# - Trained on eights and nines, your neuron fits the training set perfectly and gets
#   96.6% of the test images right.

# %% [markdown]
# ## Rules for answers
#
# - Your answer cells, and any cell you add, may use numpy (`np`, also as in
#   `from numpy import exp`), `math` and the names you define yourself.
# - A function gets its data through its arguments, not from the notebook's variables.
# - Each check first reads its answer cell the way the autograder will, and tells you which
#   line breaks a rule. A slip, such as reading one of the notebook's variables, costs only
#   that exercise.
# - A scratch cell of yours that only prints the notebook's data is left out of grading.
# - Reaching for what decides other grades scores the whole submission zero: the checks,
#   the course's reference code, other modules, changing numpy, IPython magics.
# - To see everything the autograder would object to at once, run this in a terminal from
#   the course folder:
#   `python -m helpers.grading.guard notebooks/01_logistic_regression/01_logistic_regression.ipynb`.
