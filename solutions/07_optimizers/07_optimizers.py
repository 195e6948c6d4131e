# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · Optimizers
#
# Every network so far learned by gradient descent: compute the gradient of the cost on
# the whole training set, take a step against it, repeat. This notebook changes both
# halves of that sentence. First *which examples* a step looks at: all of them, one, or a
# small random batch. Then *what step* to take: plain gradient descent goes straight
# downhill, which is slow where the cost surface is flat and wasteful where it is a
# narrow ravine. Momentum, Adagrad, RMSprop and Adam each keep a memory of past
# gradients and use it to choose a better step. You will write all of them, compare
# one step of each with Keras, watch them on a surface with a saddle point and a ravine,
# and race them on a real training set.
#
# **By the end you will be able to**
# - say what batch, stochastic and mini-batch gradient descent are, and shuffle and cut a
#   training set into mini-batches;
# - compute an exponentially weighted average, say how far back it remembers, and
#   correct its bias at the start;
# - write the update rules of gradient descent, momentum, Adagrad, RMSprop and Adam, and
#   say where Keras's versions differ from them;
# - explain what a saddle point and a ravine do to gradient descent, and what each
#   optimizer does about them;
# - decay the learning rate on a schedule, and judge a comparison of optimizers over
#   several seeds, on training and test sets.
#
# **How the exercises work.** An exercise is a code cell holding `# YOUR CODE HERE` and
# `raise NotImplementedError()`. Replace those two lines with your code, run the cell,
# then run the check cell below it. A failing check says which mistake it suspects. The
# autograder also runs hidden checks with other inputs (other sizes, other seeds, other
# hyper-parameters), so write code that works in general, not only for the visible cases.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `random_mini_batches` | 2 |
# | 2 `update_parameters_with_gd` | 1 |
# | 3 `initialize_velocity` | 1 |
# | 4 `update_parameters_with_momentum` | 2 |
# | 5 `update_parameters_with_adagrad` | 2 |
# | 6 `update_parameters_with_rmsprop` | 2 |
# | 7 `initialize_adam` | 1 |
# | 8 `update_parameters_with_adam` | 3 |
# | 9 `schedule_lr_decay` | 1 |
#
# Notation, as in every notebook of the course: the $m$ examples are the **columns** of
# $X$, of shape $(n_x, m)$, and the labels $Y$ have shape $(1, m)$. The parameters live in
# a dict keyed `"W1"`, `"b1"`, `"W2"`, ..., and their gradients in a dict keyed `"dW1"`,
# `"db1"`, ... (it may hold other entries, such as `"dA0"`: ignore them). An optimizer's
# memory, its *state*, is a dict keyed like the **gradients**: `v["dW1"]` is an average of
# past values of `dW1`. Hyper-parameters have Keras's names and defaults (`learning_rate`,
# `beta_1`, `beta_2`, `epsilon`, `rho`; momentum's is `beta`). Random numbers come from a
# generator `rng = np.random.default_rng(seed)` that is passed in.

# %%
import time

import numpy as np
import matplotlib.pyplot as plt

from helpers import deep, initializers, optimizers, schedules
from helpers.data import make_moons
from helpers.metrics import accuracy
from helpers.minibatches import batch_indices
from helpers.plotting import CLASS_COLORS, plot_decision_boundary, plot_history
from helpers.train import fit
from helpers.grading import nb07 as checks

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. The data: two moons
#
# Two interleaved half-moons, class 0 on the upper arc and class 1 on the lower one, each
# reaching into the other, with noise. A straight line gets most of them right; the tips,
# where the moons overlap, need a curved boundary. We draw 300 training points and,
# separately, 300 test points that no training run sees.

# %%
X_train, Y_train = make_moons(m=300, rng=np.random.default_rng(0))
X_test, Y_test = make_moons(m=300, rng=np.random.default_rng(1))
fig, ax = plt.subplots(figsize=(5.5, 3.6), layout="constrained")
ax.scatter(X_train[0], X_train[1], c=np.asarray(CLASS_COLORS)[Y_train[0].astype(int)],
           s=12, edgecolors="k", linewidths=0.3)
ax.set(title="the training set: two moons", xlabel="$x_1$", ylabel="$x_2$", aspect="equal")
plt.show()

# %% [markdown]
# ## 2. Batch, stochastic and mini-batch gradient descent
#
# The cost $J$ is the mean of the losses over the $m$ training examples, so its gradient
# is the mean of the examples' gradients. Computing it exactly means a pass over the
# whole training set for every single step: **batch gradient descent**, what your loops
# in notebooks 01, 02 and 04 did. (The course's `fit` already used mini-batches in
# notebook 03; here is what it does.) With 300 examples that is cheap; with a million,
# each step takes as long as reading the whole set.
#
# The other extreme is **stochastic gradient descent** (SGD): one example per step. Its
# gradient is a noisy estimate of the true one, right on average but jittering from
# example to example, so the cost zigzags down rather than sliding. It takes $m$ steps
# per pass over the data, each too small to use the vector hardware well.
#
# In between is **mini-batch gradient descent**: shuffle the examples, cut them into
# batches of `batch_size` examples (powers of two such as 32, 64 or 128 are usual), and
# take one step per batch. Each step is cheap, vectorized over the batch, and its noise
# shrinks as the batch grows. One pass through all the batches is an **epoch**. Every
# library trains this way; Keras's `fit` uses batches of 32 unless told otherwise.
#
# ### Exercise 1: `random_mini_batches` (2 points)
#
# Write `random_mini_batches(X, Y, batch_size, rng)`. It shuffles the $m$ examples (the
# columns of `X`, shape $(n_x, m)$, and of `Y`, shape $(1, m)$ or $(C, m)$), each example
# keeping its label, and cuts the shuffled set into consecutive pieces of `batch_size`
# examples. When `batch_size` does not divide $m$, the last piece holds the examples left
# over and is smaller. It returns the list of pairs `(X_batch, Y_batch)`, in order, each
# `X_batch` of shape $(n_x, \text{size})$ and `Y_batch` of shape $(C, \text{size})$.
#
# Draw the shuffle from `rng` (`rng.permutation(m)` gives the numbers $0, \dots, m-1$ in
# random order), never from numpy's global functions, and do not shuffle `X` in place:
# the caller still needs it. How to cut is yours to work out. The checks read the order
# your batches came out in, so any correct way of shuffling with `rng` gets full marks.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="random_mini_batches"
def random_mini_batches(X, Y, batch_size, rng):
    """Shuffle the columns of X and Y together and cut them into batches of batch_size
    (the last one smaller if needed). Returns [(X_batch, Y_batch), ...]."""
    ### BEGIN SOLUTION
    m = X.shape[1]
    order = rng.permutation(m)
    X_shuffled, Y_shuffled = X[:, order], Y[:, order]
    return [(X_shuffled[:, k:k + batch_size], Y_shuffled[:, k:k + batch_size])
            for k in range(0, m, batch_size)]
    ### END SOLUTION


# %% tags=["tests"] grade_id="random_mini_batches_tests" points=2
checks.check_random_mini_batches(random_mini_batches)
### BEGIN HIDDEN TESTS
checks.hidden("random_mini_batches", random_mini_batches, args=(1000, 64, 3, 1, 5),
    expected={"sizes": np.array([64.0, 64.0, 64.0, 64.0, 64.0, 64.0, 64.0, 64.0,
                                 64.0, 64.0, 64.0, 64.0, 64.0, 64.0, 64.0, 40.0])})
checks.hidden("random_mini_batches", random_mini_batches, args=(96, 16, 2, 3, 6),
    expected={"sizes": np.array([16.0, 16.0, 16.0, 16.0, 16.0, 16.0])})
checks.hidden("random_mini_batches", random_mini_batches, args=(7, 8, 4, 1, 7),
    expected={"sizes": np.array([7.0])})
### END HIDDEN TESTS

# %% [markdown]
# With the reference course's numbers, 148 examples in batches of 64 make two full
# batches and one of 20. The course's `helpers` library draws its batches the same way
# (`helpers.minibatches.batch_indices` returns only the column numbers of each batch, so
# that a training loop can gather each batch when it needs it):

# %% tags=["nbval-check-output"]
print("batch sizes:", [len(idx) for idx in batch_indices(148, 64, np.random.default_rng(0))])

# %% [markdown]
# ## 3. The training loop
#
# Every optimizer of this notebook plugs into the same loop: for each epoch, shuffle and
# cut the training set with your `random_mini_batches`; for each batch, a forward pass,
# the cost, a backward pass (notebook 04's functions, from `helpers.deep`: ReLU hidden
# layers, one sigmoid output, cross-entropy), then one **update** of the parameters by the
# optimizer. The network is the one the reference course uses for this comparison: 2
# inputs, hidden layers of 5 and 2 ReLU units, one sigmoid output, He initialisation.
# `model` records the cost of each epoch (the mean of its batches' costs) and the
# accuracy on the training and the test set after it.
#
# The updates are what you write next. Each optimizer keeps its own state between steps
# (nothing for gradient descent, `v` for momentum, `s` for Adagrad and RMSprop, both for
# Adam), so `model` holds one `state` tuple and passes it on.

# %%
layer_dims = [2, 5, 2, 1]
network = ["relu", "relu", "sigmoid"]


def start_state(optimizer, parameters):
    """The optimizer's state before the first step, as a tuple."""
    if optimizer == "gd":
        return ()
    if optimizer == "adam":
        return initialize_adam(parameters)
    return (initialize_velocity(parameters),)    # momentum's v; Adagrad's and RMSprop's s


def update(optimizer, parameters, grads, state, t, learning_rate, hyper):
    """One step of `optimizer`; returns the parameters and the new state."""
    if optimizer == "gd":
        return update_parameters_with_gd(parameters, grads, learning_rate), ()
    if optimizer == "adam":
        parameters, v, s = update_parameters_with_adam(parameters, grads, *state, t,
                                                       learning_rate, **hyper)
        return parameters, (v, s)
    rule = {"momentum": update_parameters_with_momentum,
            "adagrad": update_parameters_with_adagrad,
            "rmsprop": update_parameters_with_rmsprop}[optimizer]
    parameters, average = rule(parameters, grads, *state, learning_rate, **hyper)
    return parameters, (average,)


def model(optimizer, learning_rate, epochs, seed, batch_size=64, decay=None, **hyper):
    """Train the network on the moons. Returns its parameters and its history: the cost
    of each epoch and the training and test accuracies after it.
    decay: None, or (decay_rate, time_interval) for schedule_lr_decay."""
    rng = np.random.default_rng(seed)
    parameters = initializers.initialize_parameters(layer_dims, rng, method="he_normal")
    state, t = start_state(optimizer, parameters), 0
    history = {"cost": [], "accuracy": [], "test accuracy": []}
    for epoch in range(epochs):
        rate = learning_rate if decay is None else schedule_lr_decay(learning_rate, epoch,
                                                                     *decay)
        total = 0.0
        for X_batch, Y_batch in random_mini_batches(X_train, Y_train, batch_size, rng):
            AL, caches = deep.L_model_forward(X_batch, parameters)
            total += deep.compute_cost(AL, Y_batch) * X_batch.shape[1]
            grads = deep.L_model_backward(AL, Y_batch, caches)
            t += 1                                   # Adam's step counter, from 1
            parameters, state = update(optimizer, parameters, grads, state, t, rate, hyper)
        history["cost"].append(total / X_train.shape[1])
        history["accuracy"].append(accuracy(X_train, Y_train, parameters, network))
        history["test accuracy"].append(accuracy(X_test, Y_test, parameters, network))
    return parameters, history


# %% [markdown]
# ### Exercise 2: `update_parameters_with_gd` (1 point)
#
# The plain step, as in notebook 04, for every layer $l$:
#
# $$W^{[l]} = W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} = b^{[l]} - \alpha\, db^{[l]},$$
#
# with $\alpha$ = `learning_rate`. Return the dict of updated parameters. From here on
# the update functions may change the arrays they are given in place
# (`parameters["W1"] -= ...`), as Keras does with its variables, or build new ones; either
# is right, as long as what they return is updated. This is Keras's
# `keras.optimizers.SGD(learning_rate)`.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters_with_gd"
def update_parameters_with_gd(parameters, grads, learning_rate=0.01):
    """One gradient-descent step for every W[l] and b[l]; returns parameters."""
    ### BEGIN SOLUTION
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_with_gd_tests" points=1
checks.check_update_parameters_with_gd(update_parameters_with_gd)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters_with_gd", update_parameters_with_gd, args=([5, 3, 2], 7, 0.3),
    expected={"W1": np.array([[-0.2075, 0.7021999999999999, -0.13660000000000003,
                               -0.3207, -0.068],
                              [-0.4394, 0.1305, 1.7201, -0.5733, -0.6671],
                              [0.5461, 1.1120999999999999, 0.2667, -0.9153, -0.0629]]),
              "b1": np.array([[-1.2873], [-0.7963], [-0.7365999999999999]]),
              "W2": np.array([[0.3345, 0.8612, -0.9917],
                              [0.35209999999999997, -0.1477, 0.028300000000000006]]),
              "b2": np.array([[-0.8696], [2.3597]])})
checks.hidden("update_parameters_with_gd", update_parameters_with_gd, args=([2, 6, 1], 8),
              kwargs={"learning_rate": 0.07},
    expected={"W1": np.array([[-1.7982, -1.44235], [-1.31522, -0.3947],
                              [-2.30999, -0.2898],
                              [-0.8984099999999999, 0.9151400000000001],
                              [0.9316599999999999, 1.37394],
                              [0.88173, -0.07819999999999999]]),
              "b1": np.array([[-0.05772999999999999], [-0.08312999999999998],
                              [-0.14926], [0.11700999999999999], [-1.77967],
                              [1.44343]]),
              "W2": np.array([[1.6627699999999999, -0.7693399999999999, -2.465,
                               -1.2331800000000002, 1.12596, -0.88623]]),
              "b2": np.array([[-0.92101]])})
### END HIDDEN TESTS

# %% [markdown]
# Batch, stochastic and mini-batch gradient descent differ only in `batch_size`. Here are
# the three, each for 20 epochs at learning rate 0.05 from the same start: batch gradient
# descent takes one step per epoch, SGD 300, mini-batches of 64 five.

# %% tags=["nbval-check-output"]
for name, size in [("batch (m = 300)", 300), ("mini-batch (64)", 64), ("stochastic (1)", 1)]:
    _, history = model("gd", 0.05, epochs=20, seed=0, batch_size=size)
    steps = 20 * -(-300 // size)
    print(f"{name:<17} {steps:>5} steps: cost {history['cost'][0]:.3f} in epoch 1, "
          f"{history['cost'][-1]:.3f} in epoch 20, training accuracy "
          f"{history['accuracy'][-1]:.1%}")

# %% [markdown]
# In 20 passes over the data, batch gradient descent made 20 steps and barely moved
# (66.0% right, cost 0.667), mini-batches made 100 and got further (76.3%), and SGD's
# 6,000 noisy steps went furthest (91.3%, cost 0.268).
# Per *step*, batch gradient descent is the most accurate; per pass over the data, the
# noisier ones win, because they update more often, and on a large training set, where
# one pass is expensive, that is what counts. SGD pays for its many steps: each handles
# one example, so numpy's vectorized arithmetic has nothing to work on, and its cost
# keeps jittering from step to step. Mini-batches are the compromise every library makes:
# several updates per pass, each vectorized over a batch, with noise that a larger batch
# shrinks.
#
# ## 4. Exponentially weighted averages
#
# Each optimizer below smooths the gradients it sees with an **exponentially weighted
# average** (EWA): starting from $v_0 = 0$, each new value $\theta_t$ updates
#
# $$v_t = \beta\, v_{t-1} + (1 - \beta)\, \theta_t.$$
#
# Unroll it and $v_t = (1-\beta)\,(\theta_t + \beta\,\theta_{t-1} + \beta^2\,\theta_{t-2} +
# \dots)$: every past value counts, with weights that shrink by a factor $\beta$ per step.
# Since $\beta^{1/(1-\beta)} \approx 1/e$, the average remembers roughly the last
# $1/(1-\beta)$ values: 10 for $\beta = 0.9$, 50 for $\beta = 0.98$. It costs one number
# of memory, where a moving window would keep them all.
#
# Starting at $v_0 = 0$ has a price: the first averages are too small. $v_1 =
# (1-\beta)\,\theta_1$ is only a fiftieth of $\theta_1$ for $\beta = 0.98$. The weights of
# $v_t$ add up to $1 - \beta^t$, not 1, so dividing by that fixes it, the **bias
# correction**:
#
# $$\hat v_t = \frac{v_t}{1 - \beta^t}.$$
#
# For large $t$, $\beta^t$ is near 0 and the correction fades away. Here it is on a noisy
# series, a year of made-up daily temperatures:

# %% tags=["nbval-check-output"]
days = np.arange(1, 366)
temperature = 12 - 9 * np.cos(2 * np.pi * (days - 15) / 365) \
    + 3 * np.random.default_rng(0).standard_normal(days.size)


def ewa(values, beta):
    """The exponentially weighted averages v_1, v_2, ... of `values`, from v_0 = 0."""
    v, out = 0.0, []
    for theta in values:
        v = beta * v + (1 - beta) * theta
        out.append(v)
    return np.array(out)


averages = {beta: ewa(temperature, beta) for beta in (0.9, 0.98)}
corrected = averages[0.98] / (1 - 0.98 ** days)
print("first five days:      ", temperature[:5])
print("EWA, beta = 0.98:     ", averages[0.98][:5])
print("the same, corrected:  ", corrected[:5])

# %%
fig, ax = plt.subplots(figsize=(9, 3.6), layout="constrained")
ax.plot(days, temperature, ".", ms=3, color="0.6", label="daily values")
ax.plot(days, averages[0.9], label=r"EWA, $\beta = 0.9$ (about 10 days)")
ax.plot(days, averages[0.98], label=r"EWA, $\beta = 0.98$ (about 50 days)")
ax.plot(days, corrected, "--", label=r"$\beta = 0.98$, bias-corrected")
ax.set(xlabel="day", ylabel="temperature", title="exponentially weighted averages")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# The first day is 3.64 degrees, and the plain average after it is $v_1 = 0.02 \times
# 3.64 = 0.0727$; corrected, $\hat v_1 = 3.64$ exactly, and the next ones stay near the
# values they average. With $\beta = 0.98$ the plain average starts near 0 and needs
# weeks to reach the temperatures it averages; corrected, it follows them from day 1.
# The larger $\beta$, the smoother the curve and the later it reacts to change: $\beta =
# 0.98$ lags the seasons by weeks, $\beta = 0.9$ follows them but keeps more of the noise.
#
# ## 5. Momentum
#
# Gradient descent steps along the gradient of this moment only. In a long narrow ravine
# that gradient points mostly across the ravine, so the steps zigzag from wall to wall
# while creeping along its floor. **Momentum** steps along an EWA of the gradients
# instead, the *velocity* $v$: where gradient descent would zigzag, the zigzags across
# cancel out in the average while the steady slope along the floor adds up. The price is
# inertia: an average reacts late, so momentum overshoots where the slope turns (section
# 9 shows it).
#
# ### Exercise 3: `initialize_velocity` (1 point)
#
# Return `v`, a dict keyed like the gradients: for every parameter `"W1"`, `"b1"`, ...,
# an entry `"dW1"`, `"db1"`, ... of zeros of the parameter's shape (`np.zeros_like`). Loop
# over the keys of `parameters`, whatever the number of layers.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="initialize_velocity"
def initialize_velocity(parameters):
    """v: zeros shaped like each parameter, keyed "dW1", "db1", ..."""
    ### BEGIN SOLUTION
    return {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_velocity_tests" points=1
checks.check_initialize_velocity(initialize_velocity)
### BEGIN HIDDEN TESTS
checks.hidden("initialize_velocity", initialize_velocity, args=([5, 3, 2], 3),
    expected={"v['dW1']": np.array([[0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0]]),
              "v['db1']": np.array([[0.0], [0.0], [0.0]]),
              "v['dW2']": np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
              "v['db2']": np.array([[0.0], [0.0]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4: `update_parameters_with_momentum` (2 points)
#
# For every parameter, `W` standing for each `W[l]` and `b[l]` in turn:
#
# $$v_{dW} = \beta\, v_{dW} + (1 - \beta)\, dW, \qquad W = W - \alpha\, v_{dW},$$
#
# the step taken with the velocity of this step, after its update. Return
# `(parameters, v)`, both updated. With $\beta = 0$ this is gradient descent; the usual
# $\beta = 0.9$ averages over about ten steps.
#
# **Keras's convention differs.** `keras.optimizers.SGD(learning_rate, momentum=beta)`
# keeps $u = \beta u - \alpha_K\, dW$ and adds it, $W = W + u$, without the factor
# $1 - \beta$. Its steps are $1/(1-\beta)$ times larger for the same learning rate: ours
# with $\alpha$ equals Keras's with $\alpha_K = \alpha\,(1 - \beta)$.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters_with_momentum"
def update_parameters_with_momentum(parameters, grads, v, learning_rate=0.01, beta=0.9):
    """Momentum: v = beta v + (1 - beta) dW, then W -= learning_rate * v, for every
    parameter. Returns (parameters, v)."""
    ### BEGIN SOLUTION
    for key in parameters:
        v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]
        parameters[key] = parameters[key] - learning_rate * v["d" + key]
    return parameters, v
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_with_momentum_tests" points=2
checks.check_update_parameters_with_momentum(update_parameters_with_momentum)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters_with_momentum", update_parameters_with_momentum,
              args=([5, 3, 2], 11), kwargs={"learning_rate": 0.2, "beta": 0.6},
    expected={"W1": np.array([[0.009559999999999996, 1.23496, 1.3038800000000001,
                               -0.62808, -0.42547999999999997],
                              [-0.43604, 0.6152799999999999, -0.2388, 0.58576,
                               -1.5045199999999999],
                              [1.52616, -0.11436, 0.7867200000000001,
                               0.10320000000000001, -0.5327999999999999]]),
              "b1": np.array([[1.01764], [-0.35840000000000005], [-0.87624]]),
              "W2": np.array([[0.6490800000000001, 1.1821599999999999,
                               0.003040000000000015],
                              [-0.7762399999999999, 0.30504, -0.00496000000000002]]),
              "b2": np.array([[0.63048], [-0.73576]]),
              "v['dW1']": np.array([[0.12220000000000003, 0.6252, -0.3944, 0.5904,
                                     0.6374],
                                    [-0.45480000000000004, -0.22640000000000005,
                                     0.914, 0.8062, -1.7124000000000001],
                                    [0.20419999999999994, 0.09179999999999999,
                                     -0.5336000000000001, -1.201,
                                     0.7689999999999999]]),
              "v['db1']": np.array([[-0.6032], [0.627], [0.6612]]),
              "v['dW2']": np.array([[-0.5204, -0.6958, -1.0502],
                                    [-0.1888, 0.2148, 1.2648]]),
              "v['db2']": np.array([[-0.5124], [-0.016199999999999992]])})
checks.hidden("update_parameters_with_momentum", update_parameters_with_momentum,
              args=([2, 6, 1], 12, "zeros", 0.03, 0.95),
    expected={"W1": np.array([[-0.004133499999999997, 1.0457795],
                              [0.7433605, 0.7213375], [1.6176695, -1.2074235],
                              [-0.626913, -1.3219195], [-0.108987, 0.999516],
                              [-0.0212545, 0.4961725]]),
              "b1": np.array([[-0.606236], [-0.593061], [-0.28218099999999996],
                              [-0.7259734999999999], [0.766216], [-1.595628]]),
              "W2": np.array([[0.1895705, -0.5338065000000001, 0.093109, 1.8190805,
                               0.40958649999999996, -0.571105]]),
              "b2": np.array([[-0.3488265]]),
              "v['dW1']": np.array([[-0.0955500000000001, 0.007350000000000006],
                                    [-0.04535000000000004, 0.08875000000000008],
                                    [0.04435000000000004, 0.04745000000000004],
                                    [-0.002900000000000003, 0.030650000000000028],
                                    [0.03290000000000003, -0.017200000000000014],
                                    [-0.02485000000000002, -0.005750000000000005]]),
              "v['db1']": np.array([[0.041200000000000035], [-0.03130000000000003],
                                    [-0.027300000000000026], [-0.06755000000000005],
                                    [-0.007200000000000006], [-0.012400000000000012]]),
              "v['dW2']": np.array([[0.04765000000000004, -0.006450000000000006,
                                     0.029700000000000025, 0.030650000000000028,
                                     -0.01955000000000002, -0.09650000000000009]]),
              "v['db2']": np.array([[0.027550000000000026]])})
### END HIDDEN TESTS

# %% [markdown]
# ## 6. Adagrad and RMSprop: a step size for every parameter
#
# Momentum still uses one learning rate for every parameter. But gradients differ in
# size from parameter to parameter: in a ravine, steep across and flat along. A rate
# small enough for the steep direction crawls along the flat one. Adagrad and RMSprop
# divide each parameter's step by the typical size of *its own* gradients, the square
# root of an average of their squares, so that every parameter moves at a similar pace.
#
# **Adagrad** adds up every squared gradient it has seen; the sum only grows, so the
# steps only shrink, fast for parameters with large gradients. That suits problems with
# rare features, and stops a long training run too early.
#
# ### Exercise 5: `update_parameters_with_adagrad` (2 points)
#
# With `s` keyed like the gradients and starting at zeros (`initialize_velocity`'s), for
# every parameter, squares and square roots taken entry by entry:
#
# $$s_{dW} = s_{dW} + dW^2, \qquad W = W - \alpha\, \frac{dW}{\sqrt{s_{dW}} + \epsilon},$$
#
# with $\epsilon$ = `epsilon`, a tiny number that keeps a zero gradient from dividing by
# zero. Return `(parameters, s)`, both updated.
#
# **Keras's convention differs** in two places: `keras.optimizers.Adagrad` starts $s$ at
# `initial_accumulator_value=0.1` rather than 0, and divides by $\sqrt{s_{dW} + \epsilon}$,
# epsilon inside the root. Both matter only while $s$ is small: the 0.1 shrinks the first
# steps of a parameter whose gradients are well below $\sqrt{0.1} \approx 0.3$, and
# epsilon's place changes only the steps of the tiniest gradients.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters_with_adagrad"
def update_parameters_with_adagrad(parameters, grads, s, learning_rate=0.001, epsilon=1e-7):
    """Adagrad: s += dW ** 2, then W -= learning_rate * dW / (sqrt(s) + epsilon), for
    every parameter. Returns (parameters, s)."""
    ### BEGIN SOLUTION
    for key in parameters:
        dW = grads["d" + key]
        s["d" + key] = s["d" + key] + dW ** 2
        root = np.sqrt(s["d" + key]) + epsilon
        parameters[key] = parameters[key] - learning_rate * dW / root
    return parameters, s
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_with_adagrad_tests" points=2
checks.check_update_parameters_with_adagrad(update_parameters_with_adagrad)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters_with_adagrad", update_parameters_with_adagrad,
              args=([5, 3, 2], 13), kwargs={"learning_rate": 0.2, "epsilon": 0.4},
    expected={"W1": np.array([[1.910882318156235, -3.0247065251487046,
                               1.1071125765174128, -0.08968039767243996,
                               1.356074385809007],
                              [0.24249964765036197, 1.7549104416774102,
                               -0.11850067017435256, -0.6569552625784885,
                               0.5260936115542375],
                              [0.28703682322052926, -0.24835956496516354,
                               -0.38688664073396106, 0.8583554364016764,
                               0.6520570046462402]]),
              "b1": np.array([[1.167183435993646], [0.2832709740602974],
                              [-0.4879603380004859]]),
              "W2": np.array([[0.9844192019122886, -0.3744994148274113,
                               -1.2821736213529886],
                              [0.5991174811302866, -1.4961121175147172,
                               -0.4314116398551775]]),
              "b2": np.array([[0.5423015084829447], [1.3259886149403615]]),
              "s['dW1']": np.array([[0.605036, 0.962424, 4.095249, 2.9000410000000003,
                                     0.603176],
                                    [2.141569, 0.572889, 4.767136, 3.171369,
                                     0.608124],
                                    [2.7003610000000005, 1.8195000000000001,
                                     1.9600809999999997, 2.9724, 0.847649]]),
              "s['db1']": np.array([[1.3866360000000002], [0.5736490000000001],
                                    [1.789601]]),
              "s['dW2']": np.array([[1.377225, 0.848049, 0.818696],
                                    [0.695444, 0.6079840000000001,
                                     0.9246840000000001]]),
              "s['db2']": np.array([[0.376369], [1.153956]])})
checks.hidden("update_parameters_with_adagrad", update_parameters_with_adagrad,
              args=([2, 6, 1], 14, "zeros", 0.03, 0.02),
    expected={"W1": np.array([[0.6675228426395938, -1.0087826086956522],
                              [-1.5474776119402984, -2.950522388059701],
                              [-0.32412781954887215, 1.2196901408450704],
                              [0.06272054028877504, 0.5411004497751124],
                              [0.9933500583430571, -0.9094025974025974],
                              [2.679692307692308, -0.905473282442748]]),
              "b1": np.array([[0.3857444168734491], [0.16736585365853657],
                              [0.608410609037328], [-1.6365217391304347],
                              [0.6204157740993184], [-0.7034191674733785]]),
              "W2": np.array([[-0.05831350114416476, 0.882464763603925,
                               -1.1432507288629739, 1.647932384341637,
                               -0.3296013986013986, 1.3354132231404958]]),
              "b2": np.array([[0.6595514705882353]]),
              "s['dW1']": np.array([[0.139876, 7.507600000000001],
                                    [0.012996, 0.012996],
                                    [0.262144, 0.11222500000000002],
                                    [4.524128999999999, 0.418609],
                                    [2.869636, 0.044521], [0.0576, 0.139129]]),
              "s['db1']": np.array([[0.617796], [0.00044100000000000004], [0.996004],
                                    [0.005183999999999999], [1.0140489999999998],
                                    [1.0261689999999999]]),
              "s['dW2']": np.array([[0.729316, 1.2122009999999999, 0.104329, 0.293764,
                                     0.16728099999999999, 2.050624]]),
              "s['db2']": np.array([[1.140624]])})
### END HIDDEN TESTS

# %% [markdown]
# **RMSprop** replaces Adagrad's sum by an exponentially weighted average of the squared
# gradients, with decay rate $\rho$ (`rho`): it forgets old gradients, so the steps
# shrink where the gradients are large *now*, and recover when they calm down.
#
# ### Exercise 6: `update_parameters_with_rmsprop` (2 points)
#
# With `s` keyed like the gradients, starting at zeros, for every parameter:
#
# $$s_{dW} = \rho\, s_{dW} + (1 - \rho)\, dW^2, \qquad
# W = W - \alpha\, \frac{dW}{\sqrt{s_{dW}} + \epsilon}.$$
#
# Return `(parameters, s)`, both updated. **Keras's convention differs**:
# `keras.optimizers.RMSprop` divides by $\sqrt{s_{dW} + \epsilon}$, epsilon inside the
# root (it starts $s$ at 0, as we do).
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters_with_rmsprop"
def update_parameters_with_rmsprop(parameters, grads, s, learning_rate=0.001, rho=0.9,
                                   epsilon=1e-7):
    """RMSprop: s = rho s + (1 - rho) dW ** 2, then W -= learning_rate * dW / (sqrt(s)
    + epsilon), for every parameter. Returns (parameters, s)."""
    ### BEGIN SOLUTION
    for key in parameters:
        dW = grads["d" + key]
        s["d" + key] = rho * s["d" + key] + (1 - rho) * dW ** 2
        root = np.sqrt(s["d" + key]) + epsilon
        parameters[key] = parameters[key] - learning_rate * dW / root
    return parameters, s
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_with_rmsprop_tests" points=2
checks.check_update_parameters_with_rmsprop(update_parameters_with_rmsprop)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters_with_rmsprop", update_parameters_with_rmsprop,
              args=([5, 3, 2], 15), kwargs={"learning_rate": 0.2, "rho": 0.6, "epsilon": 0.4},
    expected={"W1": np.array([[-1.6287359375708566, -1.0567566650864149,
                               0.18124916611124112, -0.6556216948233423,
                               0.5724820276867008],
                              [1.0183824907190466, -1.232516496962508,
                               0.973357602391249, -0.7341088522502422,
                               1.901966110974403],
                              [0.8298909547063538, -0.5684481660570124,
                               0.3439892667214277, 0.2942931488569731,
                               0.5653057234103411]]),
              "b1": np.array([[0.657168749771026], [-0.8065945498427403],
                              [0.10003516129988453]]),
              "W2": np.array([[1.553130412482682, 0.7280582270943974,
                               0.6232542127439599],
                              [-0.8683510877889998, -1.6606132446714006,
                               -1.7770695653798538]]),
              "b2": np.array([[0.7458241361902247], [-1.1699777871556463]]),
              "s['dW1']": np.array([[1.0179796, 0.2402356, 1.3489684000000002,
                                     0.3173824, 0.1338736],
                                    [1.0856304, 1.1582884, 0.29101,
                                     0.36079239999999996, 1.2162996000000001],
                                    [0.6645076, 0.0168336, 0.5433876, 0.4414336,
                                     2.3625364]]),
              "s['db1']": np.array([[0.4761664], [0.1689684], [1.2516384]]),
              "s['dW2']": np.array([[0.6149056, 0.5077684, 0.5486835999999999],
                                    [1.8378964, 0.4400404, 0.9188004]]),
              "s['db2']": np.array([[0.6946144000000001], [0.2502]])})
checks.hidden("update_parameters_with_rmsprop", update_parameters_with_rmsprop,
              args=([2, 6, 1], 16, "zeros", 0.03, 0.95, 0.02),
    expected={"W1": np.array([[-0.5036254080534325, 0.5067578463907702],
                              [0.9230331045964629, 0.9149780818931479],
                              [1.7114575144218442, -0.2962143686781939],
                              [0.6720336310599208, -0.48905752039579686],
                              [-1.29835263325983, -0.7988768432712595],
                              [0.20938695779843142, -0.9961705443571003]]),
              "b1": np.array([[0.12724441913693624], [-0.21988796579304143],
                              [0.7927290889529132], [-1.411652072205862],
                              [0.9208365291863567], [-1.587506377593368]]),
              "W2": np.array([[0.4725966353980734, 0.8396289694067545,
                               1.2349322094733326, 0.5201367934523273,
                               0.39565781494566854, -0.0211277825225321]]),
              "b2": np.array([[1.2764787595265814]]),
              "s['dW1']": np.array([[0.0018240500000000015, 0.06272000000000007],
                                    [0.016245000000000013, 0.01635920000000001],
                                    [0.005951250000000004, 0.0015312500000000011],
                                    [0.1744712000000002, 0.049104050000000045],
                                    [0.11355245000000008, 0.002332800000000002],
                                    [0.0005832000000000005, 0.000938450000000001]]),
              "s['db1']": np.array([[0.07032980000000007], [0.012954050000000012],
                                    [0.006993800000000007], [0.1137032000000001],
                                    [0.23392845000000018], [0.004961250000000005]]),
              "s['dW2']": np.array([[0.0035378000000000037, 0.0002520500000000002,
                                     0.04920320000000004, 0.0012640500000000012,
                                     0.02237805000000002, 0.13057280000000013]]),
              "s['db2']": np.array([[0.005916800000000004]])})
### END HIDDEN TESTS

# %% [markdown]
# ## 7. Adam: momentum and RMSprop together
#
# **Adam** (adaptive moment estimation) keeps both averages: $v$, an EWA of the gradients
# as in momentum (decay rate $\beta_1$), and $s$, an EWA of their squares as in RMSprop
# (decay rate $\beta_2$). It steps along $v$, divided by the root of $s$. Both start at
# zero, so both are bias-corrected, with the step number $t$.
#
# ### Exercise 7: `initialize_adam` (1 point)
#
# Return `(v, s)`: two separate dicts keyed like the gradients, each with zeros of every
# parameter's shape. (Two separate dicts of separate arrays: if `v` and `s` were the same
# object, every update of one would change the other.)
#
# **May call:** numpy; your `initialize_velocity` (exercise 3).

# %% tags=["answer"] grade_id="initialize_adam"
def initialize_adam(parameters):
    """v and s: zeros shaped like each parameter, keyed "dW1", "db1", ..."""
    ### BEGIN SOLUTION
    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    return v, s
    ### END SOLUTION


# %% tags=["tests"] grade_id="initialize_adam_tests" points=1
checks.check_initialize_adam(initialize_adam)
### BEGIN HIDDEN TESTS
checks.hidden("initialize_adam", initialize_adam, args=([5, 3, 2], 3),
    expected={"v['dW1']": np.array([[0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0]]),
              "v['db1']": np.array([[0.0], [0.0], [0.0]]),
              "v['dW2']": np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
              "v['db2']": np.array([[0.0], [0.0]]),
              "s['dW1']": np.array([[0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0]]),
              "s['db1']": np.array([[0.0], [0.0], [0.0]]),
              "s['dW2']": np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
              "s['db2']": np.array([[0.0], [0.0]])})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 8: `update_parameters_with_adam` (3 points)
#
# `t` is the number of this step: 1 for the first update, 2 for the second, and so on
# (the caller counts, as `model` does). For every parameter:
#
# $$v_{dW} = \beta_1 v_{dW} + (1 - \beta_1)\, dW, \qquad
# s_{dW} = \beta_2 s_{dW} + (1 - \beta_2)\, dW^2,$$
#
# $$\hat v_{dW} = \frac{v_{dW}}{1 - \beta_1^t}, \qquad
# \hat s_{dW} = \frac{s_{dW}}{1 - \beta_2^t}, \qquad
# W = W - \alpha\, \frac{\hat v_{dW}}{\sqrt{\hat s_{dW}} + \epsilon}.$$
#
# Keep the plain averages in `v` and `s` (the corrected ones are only for the step) and
# return `(parameters, v, s)`, all updated.
#
# **Keras's convention differs** in where epsilon sits: `keras.optimizers.Adam` folds
# the corrections into the step size, $W = W - \alpha_t\, v_{dW} / (\sqrt{s_{dW}} +
# \epsilon)$ with $\alpha_t = \alpha \sqrt{1 - \beta_2^t} / (1 - \beta_1^t)$. That is our
# formula with $\epsilon \sqrt{1 - \beta_2^t}$ in place of $\epsilon$: the same steps
# except where $\hat s$ is tiny.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="update_parameters_with_adam"
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.001,
                                beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """Adam, step number t (from 1), with bias correction. Returns (parameters, v, s)."""
    ### BEGIN SOLUTION
    for key in parameters:
        g, k = grads["d" + key], "d" + key
        v[k] = beta_1 * v[k] + (1 - beta_1) * g
        s[k] = beta_2 * s[k] + (1 - beta_2) * g ** 2
        v_hat = v[k] / (1 - beta_1 ** t)
        s_hat = s[k] / (1 - beta_2 ** t)
        parameters[key] = parameters[key] - learning_rate * v_hat / (np.sqrt(s_hat) + epsilon)
    return parameters, v, s
    ### END SOLUTION


# %% tags=["tests"] grade_id="update_parameters_with_adam_tests" points=3
checks.check_update_parameters_with_adam(update_parameters_with_adam)
### BEGIN HIDDEN TESTS
checks.hidden("update_parameters_with_adam", update_parameters_with_adam,
              args=([5, 3, 2], 17, 6),
              kwargs={"learning_rate": 0.05, "beta_1": 0.6, "beta_2": 0.9, "epsilon": 0.2},
    expected={"W1": np.array([[1.1452221215949945, 0.3386739475614832,
                               -0.5638940612926832, -1.2420591363671778,
                               -1.925772287262046],
                              [0.03054240186268685, -0.9325716363491513,
                               -0.8226969291604598, -0.2534897291506928,
                               -0.03507668897993061],
                              [-2.2717544329785646, 0.952243078336107,
                               -2.0443853388690414, 1.8441451533393727,
                               0.6150593931367009]]),
              "b1": np.array([[-1.2440103643497586], [0.5495071888062332],
                              [1.7768857777765983]]),
              "W2": np.array([[-0.33499152143277144, 0.047866284100901726,
                               -1.1513195813189006],
                              [0.4307759645186873, 0.3971678697505603,
                               -2.4155987200329507]]),
              "b2": np.array([[0.5740376292060783], [-0.8866240779995547]]),
              "v['dW1']": np.array([[-0.6682, -0.01959999999999995,
                                     0.7019999999999998, -0.39380000000000004,
                                     0.7796000000000001],
                                    [-0.3501999999999999, 2.1668, -1.4056, 0.7176,
                                     -0.401],
                                    [-0.15360000000000001, -0.9536000000000001,
                                     0.4192, 0.4668, -0.7758]]),
              "v['db1']": np.array([[-0.8865999999999999], [0.23179999999999998],
                                    [0.49679999999999996]]),
              "v['dW2']": np.array([[-0.7322000000000001, 0.38680000000000003,
                                     0.26580000000000004],
                                    [0.16559999999999991, -0.10400000000000004,
                                     -0.38520000000000004]]),
              "v['db2']": np.array([[-0.5504], [1.0036]]),
              "s['dW1']": np.array([[0.1644784, 0.8229648999999999, 0.8424441,
                                     0.42394809999999994, 0.5969449],
                                    [0.9069408999999999, 0.2529721,
                                     0.7860649000000001, 0.4640544, 0.5094649],
                                    [0.83601, 1.2538225, 0.5310675999999999,
                                     0.8465624999999998, 1.0418724]]),
              "s['db1']": np.array([[0.7363225000000001], [0.1601881], [0.6339276]]),
              "s['dW2']": np.array([[0.46831, 0.0728569, 0.4985721],
                                    [0.4706856, 0.5759584, 0.3316401]]),
              "s['db2']": np.array([[0.3868696], [0.8166736]])})
checks.hidden("update_parameters_with_adam", update_parameters_with_adam,
              args=([2, 6, 1], 18, 1, 0.02, 0.85, 0.99, 0.01),
    expected={"W1": np.array([[-0.4516212121212121, -1.1106896551724137],
                              [0.6541814882032668, -1.1276131528046422],
                              [1.9941841620626148, 0.9436268656716418],
                              [-0.35566666666666663, 0.5514938271604938],
                              [1.5986666666666667, 2.8214074074074076],
                              [-0.9032570694087404, 1.046470588235294]]),
              "b1": np.array([[0.20677300613496932], [-0.07796969696969697],
                              [0.004004975124378109], [0.6762200220022002],
                              [-0.6787405966277562], [0.6895]]),
              "W2": np.array([[-0.45872677595628414, 1.87515611814346,
                               0.5587329773030708, -1.1658516320474777,
                               0.015900149775337, -0.09214044943820225]]),
              "b2": np.array([[-0.503381679389313]]),
              "v['dW1']": np.array([[0.07770000000000002, -0.04200000000000001],
                                    [0.16380000000000003, 0.07605],
                                    [0.16140000000000004, -0.07890000000000001],
                                    [-0.00030000000000000003, 0.05925000000000001],
                                    [0.0030000000000000005, 0.0025500000000000006],
                                    [-0.11520000000000002, 0.018900000000000004]]),
              "v['db1']": np.array([[-0.02295], [0.008400000000000001],
                                    [-0.028650000000000005], [0.13485000000000003],
                                    [0.11415000000000002], [0.0009000000000000002]]),
              "v['dW2']": np.array([[0.10830000000000001, -0.034050000000000004,
                                     -0.11085000000000002, 0.20070000000000005,
                                     -0.29895000000000005, -0.2121]]),
              "v['db2']": np.array([[-0.07710000000000002]]),
              "s['dW1']": np.array([[0.0026832400000000025, 0.0007840000000000008],
                                    [0.011924640000000012, 0.0025704900000000025],
                                    [0.011577760000000012, 0.0027667600000000027],
                                    [4.0000000000000034e-08, 0.0015602500000000017],
                                    [4.000000000000004e-06, 2.890000000000003e-06],
                                    [0.005898240000000005, 0.00015876000000000014]]),
              "s['db1']": np.array([[0.0002340900000000002], [3.136000000000003e-05],
                                    [0.0003648100000000003], [0.008082010000000008],
                                    [0.005791210000000005], [3.600000000000003e-07]]),
              "s['dW2']": np.array([[0.005212840000000004, 0.0005152900000000005,
                                     0.0054612100000000045, 0.017902440000000016,
                                     0.03972049000000004, 0.019993960000000015]]),
              "s['db2']": np.array([[0.0026419600000000022]])})
checks.hidden("update_parameters_with_adam", update_parameters_with_adam,
              args=([4, 2, 3], 19, 2), kwargs={"learning_rate": 0.1},
    expected={"W1": np.array([[-0.3784917419226888, 1.044239766685316,
                               0.39466392734754996, -0.6185576067992081],
                              [0.6746171175772825, -1.4583754142732395,
                               0.5278678883687169, -0.5741038124069942]]),
              "b1": np.array([[-1.1722257698523588], [-0.9707333106994768]]),
              "W2": np.array([[-0.7324401590223368, 1.1912015475562647],
                              [0.08729222308170702, -0.8764786435741199],
                              [-0.36036643160487225, -0.13766608750826684]]),
              "b2": np.array([[0.2958185157639469], [-1.1973485191936997],
                              [0.23035739942525238]]),
              "v['dW1']": np.array([[0.2962, -2.0603000000000002, 0.4237000000000001,
                                     0.023099999999999992],
                                    [-0.08640000000000002, 0.3269, 1.2738, 0.3205]]),
              "v['db1']": np.array([[-0.38770000000000004], [-0.669]]),
              "v['dW2']": np.array([[0.17770000000000005, 0.9059],
                                    [0.31220000000000003, 0.38280000000000003],
                                    [-0.3446000000000001, -1.241]]),
              "v['db2']": np.array([[0.7998], [0.4242], [-1.7001]]),
              "s['dW1']": np.array([[0.6737241610000001, 0.931260721, 0.218370289,
                                     0.950327784],
                                    [0.603512964, 0.843573316, 0.21179600099999998,
                                     0.388255204]]),
              "s['db1']": np.array([[0.871228489], [0.831265344]]),
              "s['dW2']": np.array([[0.5908228090000001, 0.738953224],
                                    [0.5727061, 0.44663943600000006],
                                    [0.307068769, 0.499155796]]),
              "s['db2']": np.array([[0.516749256], [0.483985944], [0.010291401]])})
### END HIDDEN TESTS

# %% [markdown]
# With $\epsilon = 0$ the bias-corrected first step is exactly $\alpha$ times the sign of
# each gradient entry: $\hat v = dW$ and $\sqrt{\hat s} = |dW|$. Adam's first step has
# the size of the learning rate in every entry, whatever the scale of the gradients, and
# later steps stay near it while a gradient keeps its sign and size.
#
# ## 8. One step of each rule, against Keras
#
# Keras ships all five optimizers. Give each the same float32 parameters and the same
# gradients as your rule and take one step; Keras stores a network's weights in
# `keras.Variable`s and updates them with `apply_gradients`. The conventions are matched
# as the exercises said: Keras's momentum gets the learning rate $\alpha (1 - \beta)$ and
# its Adagrad starts at `initial_accumulator_value=0`. Importing Keras takes a few seconds.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"  # Keras 3 reads its backend once, when imported
import keras


def keras_step(keras_optimizer, parameters, grads):
    """Keras's parameters after one step of `keras_optimizer` from `parameters`."""
    keys = list(parameters)
    variables = [keras.Variable(parameters[k]) for k in keys]
    keras_optimizer.apply_gradients([(grads["d" + k], var) for k, var in zip(keys, variables)])
    return {k: np.asarray(var) for k, var in zip(keys, variables)}


def yours(optimizer, parameters, grads, **hyper):
    """Your parameters after one step of `optimizer` from `parameters` (on copies)."""
    copied = {k: p.copy() for k, p in parameters.items()}
    state = start_state(optimizer, copied)
    return update(optimizer, copied, grads, state, 1, hyper.pop("learning_rate"), hyper)[0]


step_rng = np.random.default_rng(3)
start = initializers.initialize_parameters([3, 4, 1], step_rng)
start = {k: p.astype(np.float32) for k, p in start.items()}
gradients = {"d" + k: step_rng.standard_normal(p.shape).astype(np.float32)
             for k, p in start.items()}
same_step = {
    "gd": ({"learning_rate": 0.1}, keras.optimizers.SGD(learning_rate=0.1)),
    "momentum": ({"learning_rate": 0.1, "beta": 0.9},
                 keras.optimizers.SGD(learning_rate=0.1 * (1 - 0.9), momentum=0.9)),
    "adagrad": ({"learning_rate": 0.1}, keras.optimizers.Adagrad(
        learning_rate=0.1, initial_accumulator_value=0.0)),
    "rmsprop": ({"learning_rate": 0.01}, keras.optimizers.RMSprop(learning_rate=0.01)),
    "adam": ({"learning_rate": 0.01}, keras.optimizers.Adam(learning_rate=0.01)),
}

# %% tags=["nbval-check-output"]
for name, (hyper, keras_optimizer) in same_step.items():
    ours = yours(name, start, gradients, **hyper)
    theirs = keras_step(keras_optimizer, start, gradients)
    moved = max(np.abs(ours[k] - start[k]).max() for k in start)
    gap = max(np.abs(ours[k] - theirs[k]).max() for k in start)
    shown = "below 1e-07" if gap < 1e-7 else f"{gap:.0e}"   # float32 rounding: no digit
    print(f"{name:<9} largest step {moved:.4f}, largest difference from Keras {shown}")

# %% [markdown]
# Gradient descent and momentum agree with Keras to float32 rounding.
# Adagrad, RMSprop and Adam differ by 8e-06, 3e-05 and 1e-06, against steps of 0.1,
# 0.03 and 0.01: a part in a thousand at most, and all of it epsilon's place.
# For a gradient entry $g$ the first Adagrad step divides by $|g| + \epsilon$ here and
# by $\sqrt{g^2 + \epsilon}$ in Keras, which is larger by about $\epsilon / (2 g^2)$ of
# itself: nothing for $|g| = 1$, 0.05% for $|g| = 0.01$. (RMSprop's first step is
# $1/\sqrt{1 - \rho} \approx 3.16$ times the learning rate, 0.0316: its $s$ starts at 0
# without a bias correction, so the first root is small.) Make $\epsilon$ large and the
# difference shows. The course's `helpers.optimizers` has both forms, and the rules its
# training loop uses (`get_optimizer`) compute Keras's:

# %% tags=["nbval-check-output"]
wide = {"learning_rate": 0.1, "epsilon": 0.5}
ours = yours("rmsprop", start, gradients, **wide)
theirs = keras_step(keras.optimizers.RMSprop(**wide), start, gradients)
keras_form = {k: p.copy() for k, p in start.items()}
optimizers.get_optimizer("rmsprop")(keras_form, gradients, None, **wide)
print(f"epsilon = 0.5, RMSprop's W1[0, 0]: yours {ours['W1'][0, 0]:.4f}, Keras "
      f"{theirs['W1'][0, 0]:.4f}, helpers' Keras form {keras_form['W1'][0, 0]:.4f}")

# %% [markdown]
# With $\epsilon = 0.5$ your RMSprop moves `W1[0, 0]` to 1.5925 and Keras's to 1.5998,
# and the course's Keras form agrees with Keras to every printed digit. Both forms are
# right: they are two conventions, which take the same steps with the default
# $\epsilon$ except for the tiniest gradients. What matters is to know which one a paper
# or a library uses.
#
# ## 9. A saddle point and a ravine
#
# Training a network means walking downhill on a cost surface with thousands of
# dimensions. Two of its features hurt gradient descent most. A **saddle point** is flat
# like a minimum but goes downhill in some directions: the gradient near it is tiny, so
# gradient descent lingers. (In high dimensions they are far more common than bad local
# minima: a point where the surface curves *up* in every one of a million directions is
# rare.) A **ravine** is steep across and flat along: a learning rate small enough not to
# bounce off the walls crawls along the floor.
#
# This surface has both, in two dimensions $(x, y)$:
#
# $$f(x, y) = \tfrac14 x^4 - \tfrac12 x^2 + 5 y^2 .$$
#
# It has a saddle at the origin (downhill along $x$, uphill along $y$) and two minima at
# $(\pm 1, 0)$, at the bottom of a ravine ten times steeper across ($y$) than along ($x$).
# Every optimizer starts at $(0.02, 1)$, just beside the ridge, and takes 100 steps with
# your update functions, the point $(x, y)$ stored as `W1` of shape $(1, 2)$ (and a `b1`
# that its gradient of 0 leaves alone). Gradient descent's rate, 0.15, is close to the
# largest it can use: across the ravine the curvature is 10, and a step
# $y = y - \alpha \cdot 10\, y$ overshoots more and more once $\alpha > 2/10$.

# %%
def surface(x, y):
    return x ** 4 / 4 - x ** 2 / 2 + 5 * y ** 2


def surface_gradient(x, y):
    return np.array([[x ** 3 - x, 10 * y]])


def trajectory(optimizer, learning_rate, steps=100, **hyper):
    """The points an optimizer visits on the surface, from (0.02, 1)."""
    point = {"W1": np.array([[0.02, 1.0]]), "b1": np.zeros((1, 1))}
    state, path = start_state(optimizer, point), [point["W1"].ravel().copy()]
    for t in range(1, steps + 1):
        grads = {"dW1": surface_gradient(*point["W1"].ravel()), "db1": np.zeros((1, 1))}
        point, state = update(optimizer, point, grads, state, t, learning_rate, hyper)
        path.append(point["W1"].ravel().copy())
    return np.array(path)


racers = {"gd": (0.15, {}), "momentum": (0.15, {"beta": 0.9}), "adagrad": (0.3, {}),
          "rmsprop": (0.05, {}), "adam": (0.05, {})}
paths = {name: trajectory(name, rate, **hyper) for name, (rate, hyper) in racers.items()}

# %% tags=["nbval-check-output"]
print(f"{'optimizer':<10}{'learning rate':>14}{'steps to x > 0.9':>18}{'f after 100':>13}")
for name, path in paths.items():
    reached = np.flatnonzero(path[:, 0] > 0.9)
    first = f"{reached[0]}" if reached.size else "never"
    print(f"{name:<10}{racers[name][0]:>14}{first:>18}{surface(*path[-1]):>13.4f}")

# %%
xs, ys = np.meshgrid(np.linspace(-1.6, 1.6, 200), np.linspace(-1.2, 1.2, 200))
fig, ax = plt.subplots(figsize=(9, 6), layout="constrained")
ax.contour(xs, ys, surface(xs, ys), levels=np.linspace(-0.25, 7, 30), cmap="Greys",
           linewidths=0.7)
for name, path in paths.items():
    ax.plot(path[:, 0], path[:, 1], ".-", ms=3, lw=1, label=name)
ax.plot([0, -1, 1], [0, 0, 0], "k*", ms=10)
ax.set(xlabel="x", ylabel="y", aspect="equal",
       title="100 steps from (0.02, 1): saddle at (0, 0), minima at (±1, 0)")
ax.legend()
plt.show()

# %% [markdown]
# What the plot and the table show:
#
# - **gd** falls straight down the steep $y$ direction into the ravine and lands next to
#   the saddle, where the slope along $x$ is tiny ($x - x^3 \approx 0.02$ at $x =
#   0.02$). From there $x$ grows by about 15% per step, so it takes 32 steps to pass
#   $x = 0.9$, most of them spent creeping away from the saddle.
# - **momentum**, at the same rate, is the slowest, 53 steps: the velocity carries it
#   across the ravine and back for dozens of steps before the swings die out. Momentum
#   speeds up a steady slope; it does not damp a steep one.
# - **adagrad**, **rmsprop** and **adam** divide each coordinate's step by the size of
#   its own gradients, so the tiny slope along $x$ gets a step as large as the steep one
#   along $y$. All three head diagonally away from the saddle at once and pass $x = 0.9$
#   in 4, 9 and 18 steps. Adam carries momentum too: it overshoots the minimum and
#   circles back.
# - After 100 steps every one is at the minimum, $f = -0.25$, or near it: RMSprop's steps
#   stay about as large as its learning rate, so it keeps jittering around the bottom
#   ($f = -0.2470$). A step size that adapts to the gradients still needs a learning rate
#   that is small enough at the end, which is what section 11's decay is for.
#
# ## 10. The optimizers on the moons, over several seeds
#
# Now the real thing: the network of section 3, trained on the moons with each optimizer,
# every one at learning rate 0.01 (and $\beta = 0.9$ for momentum), for 200 epochs of
# mini-batches of 64, that is 1,000 updates. A single run can be lucky, so each optimizer
# trains from five seeds (the seed decides the starting weights and the shuffles); the
# table gives the mean over the seeds and, after the ±, the standard deviation, for the
# training set and the test set, which no run trained on. This cell trains 25 networks
# and takes a few seconds.

# %%
EPOCHS = 200
SEEDS = range(5)
settings = {"gd": ("gd", 0.01, None, {}), "momentum": ("momentum", 0.01, None, {"beta": 0.9}),
            "adagrad": ("adagrad", 0.01, None, {}), "rmsprop": ("rmsprop", 0.01, None, {}),
            "adam": ("adam", 0.01, None, {})}


def race(settings):
    """Train every entry of `settings`, {label: (optimizer, learning_rate, decay, hyper)},
    from every seed. Returns {label: (curves, first)}: curves holds each history's lists
    as an array (seeds, epochs); first is the parameters trained from the first seed."""
    results = {}
    for label, (optimizer, rate, decay, hyper) in settings.items():
        histories, first = [], None
        for seed in SEEDS:
            parameters, history = model(optimizer, rate, EPOCHS, seed, decay=decay, **hyper)
            histories.append(history)
            first = parameters if first is None else first
        curves = {key: np.array([h[key] for h in histories]) for key in histories[0]}
        results[label] = (curves, first)
    return results


def report(results):
    print(f"{'optimizer':<18}{'train accuracy':>17}{'test accuracy':>17}{'last cost':>16}"
          f"   (mean ± std over {len(SEEDS)} seeds)")
    for label, (curves, _) in results.items():
        last = {key: (values[:, -1].mean(), values[:, -1].std())
                for key, values in curves.items()}
        (train, train_std), (test, test_std) = last["accuracy"], last["test accuracy"]
        print(f"{label:<18}{train:>10.1%} ± {train_std:4.1%}{test:>10.1%} ± {test_std:4.1%}"
              f"{last['cost'][0]:>10.3f} ± {last['cost'][1]:.3f}")


plain = race(settings)

# %% tags=["nbval-check-output"]
report(plain)

# %%
def plot_curves(results, title):
    """Cost, training and test accuracy per epoch: the mean over the seeds, and a band one
    standard deviation either side of it."""
    fig, axes = plt.subplots(1, 3, figsize=(15, 4), layout="constrained")
    for ax, key in zip(axes, ("cost", "accuracy", "test accuracy")):
        for label, (curves, _) in results.items():
            mean, spread = curves[key].mean(axis=0), curves[key].std(axis=0)
            line, = ax.plot(mean, label=label)
            ax.fill_between(np.arange(EPOCHS), mean - spread, mean + spread,
                            color=line.get_color(), alpha=0.15)
        name = {"cost": "cost J", "accuracy": "training accuracy"}.get(key, key)
        ax.set(xlabel="epoch", ylabel=name, title=f"{name}: {title}")
        ax.set_ylim((0, 0.75) if key == "cost" else (0.5, 1.0))
    axes[0].legend()
    plt.show()


plot_curves(plain, f"mean ± std over {len(SEEDS)} seeds")

# %% [markdown]
# At the same learning rate the optimizers end far apart:
#
# - **gd** and **momentum** reach 81% of the training set and 77% of the test set, and
#   their cost is still falling steadily at the end: a rate of 0.01 is too small for them.
#   Momentum is no faster here: with its factor $1 - \beta$ its steps, once the velocity
#   has built up, are as large as gradient descent's; what it changes is their direction.
# - **adagrad** starts faster and then slows, as its sums of squares grow: 87.9% and
#   83.9%.
# - **rmsprop** and **adam**, whose steps are about as large as the learning rate
#   whatever the size of the gradients, reach 95.0% / 91.5% and 96.5% / 93.7% (train /
#   test), with the lowest costs.
#
# The spread over the seeds, 3 to 8 points, is as large as some of the gaps between
# optimizers: a ranking from one run would be a gamble. Every optimizer does worse on
# the test set than on the training set, by 2.8 (Adam) to 4.4 points (gradient descent):
# the moons' noisy tips overlap, and no boundary gets them all. The reference course
# reports the same ranking from one run each, on the training set only: gradient descent
# 72%, momentum 72%, Adam 94%.
#
# ## 11. Learning-rate decay
#
# A fixed learning rate is a compromise: large enough to make progress early, small
# enough not to bounce around the minimum late. **Learning-rate decay** takes both: start
# large, then shrink. Keras offers schedules (`keras.optimizers.schedules`); the simplest
# divide the initial rate $\alpha_0$ by a number that grows with time. `helpers.schedules`
# has the same ones, as functions of the epoch:
#
# - inverse-time decay, $\alpha = \alpha_0 / (1 + r\, \text{epoch})$ with decay rate $r$,
#   shrinks the rate at every epoch, so after many epochs it is tiny;
# - exponential decay, $\alpha = \alpha_0\, r^{\text{epoch}/T}$, multiplies it by $r$
#   every $T$ epochs;
# - scheduled decay, which you write now, divides it at fixed intervals only.
#
# ### Exercise 9: `schedule_lr_decay` (1 point)
#
# Return the learning rate for `epoch` (0, 1, 2, ...):
#
# $$\alpha = \frac{\alpha_0}{1 + r \left\lfloor \text{epoch} / T \right\rfloor},$$
#
# with $\alpha_0$ = `initial_learning_rate`, $r$ = `decay_rate` and $T$ = `time_interval`:
# the rate stays at $\alpha_0$ for the first $T$ epochs, then drops to $\alpha_0 / (1 +
# r)$, then to $\alpha_0 / (1 + 2r)$ after $2T$ epochs, and so on. $\lfloor \cdot \rfloor$
# rounds down (`math.floor`, or `//`). This is Keras's `InverseTimeDecay` with
# `staircase=True`.
#
# **May call:** numpy and `math` only.

# %% tags=["answer"] grade_id="schedule_lr_decay"
def schedule_lr_decay(initial_learning_rate, epoch, decay_rate, time_interval=1000):
    """initial_learning_rate / (1 + decay_rate * floor(epoch / time_interval))."""
    ### BEGIN SOLUTION
    return initial_learning_rate / (1 + decay_rate * (epoch // time_interval))
    ### END SOLUTION


# %% tags=["tests"] grade_id="schedule_lr_decay_tests" points=1
checks.check_schedule_lr_decay(schedule_lr_decay)
### BEGIN HIDDEN TESTS
checks.hidden("schedule_lr_decay", schedule_lr_decay, args=(0.05, 2999, 2.0, 1000),
    expected={"value": 0.01})
checks.hidden("schedule_lr_decay", schedule_lr_decay, args=(1.0, 45, 0.5, 10),
    expected={"value": 0.3333333333333333})
checks.hidden("schedule_lr_decay", schedule_lr_decay, args=(0.2, 7, 1.0, 7),
    expected={"value": 0.1})
### END HIDDEN TESTS

# %%
epochs = np.arange(EPOCHS)
fig, ax = plt.subplots(figsize=(7, 3.4), layout="constrained")
ax.plot(epochs, [schedule_lr_decay(0.5, e, 1.0, 60) for e in epochs],
        label="scheduled: 0.5 / (1 + floor(epoch / 60))")
ax.plot(epochs, schedules.inverse_time_decay(0.5, epochs, 60, 1.0),
        label="inverse time: 0.5 / (1 + epoch / 60)")
ax.plot(epochs, schedules.exponential_decay(0.5, epochs, 60, 0.5),
        label="exponential: 0.5 * 0.5 ** (epoch / 60)")
ax.set(xlabel="epoch", ylabel="learning rate", title="three decay schedules")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# The race again, with decay. Gradient descent and momentum now start at a learning rate
# of 1.0, a hundred times the rate above, and divide it by $1 + \lfloor \text{epoch} / 20
# \rfloor$ (`decay_rate` 1, `time_interval` 20): 1.0 for the first 20 epochs, 0.5 for the
# next 20, and so on down to 0.1 for the last 20. Adam keeps its 0.01 with the same
# decay. To tell the schedule's part from the larger start's, gradient descent also runs
# at a fixed rate of 1.0. Five seeds each, as before.

# %%
DECAY = (1.0, 20)                            # decay_rate, time_interval
decayed = {"gd, fixed 1.0": ("gd", 1.0, None, {}),
           "gd, decay": ("gd", 1.0, DECAY, {}),
           "momentum, decay": ("momentum", 1.0, DECAY, {"beta": 0.9}),
           "adam, decay": ("adam", 0.01, DECAY, {})}
with_decay = race(decayed)

# %% tags=["nbval-check-output"]
report(with_decay)

# %%
plot_curves({"gd, rate 0.01": plain["gd"], **with_decay, "adam, rate 0.01": plain["adam"]},
            "a larger rate, with and without decay")

# %%
fig, axes = plt.subplots(1, 3, figsize=(14, 4), layout="constrained")
for ax, (label, results) in zip(axes, [("gd, rate 0.01", plain["gd"]),
                                       ("gd, decay", with_decay["gd, decay"]),
                                       ("adam, rate 0.01", plain["adam"])]):
    parameters = results[1]
    plot_decision_boundary(lambda P, p=parameters: deep.L_model_forward(P, p)[0] > 0.5,
                           X_test, Y_test, ax=ax, resolution=120,
                           title=f"{label}, seed 0: test "
                                 f"{accuracy(X_test, Y_test, parameters, network):.1%}")
plt.show()

# %% [markdown]
# With a large rate that decays, plain gradient descent catches up with Adam: 96.9% of
# the training set and 92.9% of the test set, against Adam's 96.5% and 93.7% at its
# fixed rate of 0.01, where gradient descent had 81.4% and 77.0% at that rate. Most of
# the gain is the larger rate: at a fixed 1.0 gradient descent reaches 95.9% and 92.8%.
# The schedule adds a point of training accuracy and a little less spread over the seeds
# (2.7 points instead of 3.7), and it calms the end of training: at a fixed 1.0 the cost
# and the accuracies still jump from epoch to epoch (the spikes of its curves), with
# decay they settle. On the test set the two are level. Momentum with decay
# lands close by (94.8% / 91.2%). Adam with the same decay does *worse* than without it,
# 93.7% / 90.4%: its rate was not too large to begin with, and shrinking it to a tenth
# only slows it down. A schedule lets an optimizer start with a rate that would be too
# large to finish with; it helps most where the rate is hardest to choose. The reference
# course reports 94%, 95% and 94% with decay for gradient descent, momentum and Adam
# (training set).
#
# ## 12. The same optimizers in the course's `fit`
#
# `helpers.train.fit`, the loop the course uses from notebook 03 on (and the one notebook
# 08 races against Keras), takes an `optimizer` by name and runs the same rules in
# Keras's form. Its history holds the cost and accuracy of each epoch, and the
# validation ones if it is given validation data; `plot_history` draws them. Here is
# each rule for 100 epochs at learning rate 0.01, with the test set as validation data,
# and Adam's history:

# %% tags=["nbval-check-output"]
histories = {}
for name in ("gradient_descent", "momentum", "adagrad", "rmsprop", "adam"):
    parameters = initializers.initialize_parameters(layer_dims, np.random.default_rng(0))
    histories[name] = fit(X_train, Y_train, parameters, network, loss="binary_cross_entropy",
                          optimizer=name, learning_rate=0.01, epochs=100, batch_size=64,
                          rng=np.random.default_rng(0), validation_data=(X_test, Y_test),
                          verbose=False)
    print(f"{name:<17} after 100 epochs: training cost {histories[name]['cost'][-1]:.3f}, "
          f"test accuracy {histories[name]['val_accuracy'][-1]:.1%}")

# %%
plot_history(histories["adam"])
plt.show()

# %% [markdown]
# After 100 epochs at a learning rate of 0.01 the ranking is the one of section 10:
# gradient descent 71.0% and momentum 70.7% of the test set, Adagrad 76.3%, RMSprop
# 88.0% and Adam 88.7%. Notebook 08 hands the same loop to Keras: `model.fit` shuffles,
# cuts mini-batches and takes one Adam step per batch, as `model` did here.
#
# ## What you should have seen
#
# - Mini-batch gradient descent takes one step per batch of shuffled examples: in 20
#   epochs, batches of 64 (100 steps) got 76.3% of the moons right where the whole set
#   at once (20 steps) got 66.0%, and single examples (6,000 noisy steps) 91.3%.
# - An exponentially weighted average $v_t = \beta v_{t-1} + (1-\beta)\theta_t$
#   remembers about $1/(1-\beta)$ values; started at 0 it is too small at first, and
#   $\hat v_t = v_t / (1 - \beta^t)$ corrects that ($v_1 = 0.0727$ for a first value of
#   3.64, $\hat v_1 = 3.64$).
# - Momentum steps along an average of the gradients; Adagrad and RMSprop divide each
#   parameter's step by the root of a sum or an average of its squared gradients; Adam
#   does both, bias-corrected, with the step number $t$. Keras's versions differ in
#   conventions (momentum without $1 - \beta$, epsilon inside the root, Adagrad starting
#   at 0.1, Adam's folded correction); one step of each of yours matched Keras's to a
#   part in a thousand or better, all of it epsilon's place.
# - Near a saddle point the gradient is tiny: gradient descent crept away in 32 steps,
#   momentum swung across the ravine for 53, while Adagrad, RMSprop and Adam, which
#   scale each coordinate's step, left at once (4, 9 and 18 steps).
# - On the moons at a learning rate of 0.01, over five seeds: gradient descent and
#   momentum 81% / 77% (train / test), Adagrad 87.9% / 83.9%, RMSprop 95.0% / 91.5%, Adam
#   96.5% / 93.7%, with spreads of 3 to 8 points. With a rate of 1.0 decayed by
#   `schedule_lr_decay`, gradient descent caught up (96.9% / 92.9%), mostly thanks to the
#   larger rate; the same decay slowed Adam down.

# %% [markdown]
# ## Rules for answers
#
# - Answer cells, and any cell you add, may use numpy (`np`, also as `from numpy import
#   exp` or `import numpy.linalg as la`), the `math` module and the names you define
#   yourself. Nothing else: not what the notebook itself imports (from `helpers`, or
#   `plt`) or defines outside the answer cells.
# - Your `initialize_adam` may call your `initialize_velocity` (exercise 3). While it is
#   graded, it is given the course's `initialize_velocity` instead, so a mistake in
#   exercise 3 costs only exercise 3's points. Each exercise's **May call:** line says
#   what it may call.
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
#   `python -m helpers.grading.guard notebooks/07_optimizers/07_optimizers.ipynb`.
