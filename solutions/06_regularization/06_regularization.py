# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Regularization and batch normalisation
#
# A network with enough units can learn its training set by heart, noise included. It
# then scores almost perfectly on the examples it was trained on and noticeably worse on
# new ones: it **over-fits**. This notebook measures that gap on a small noisy data set
# and closes it three ways: by making large weights expensive (L2), by switching units
# off at random while training (dropout), and by stopping before the network starts
# learning the noise (early stopping). Each comes with a knob, λ, `keep_prob` or a number
# of steps, and you will set each knob the honest way, on a validation set, keeping the
# test set for one last look. The notebook ends with batch normalisation, which is not
# mainly a regulariser: it keeps each layer's inputs at a steady scale, and with it a
# deep network can be trained with steps that would make it blow up otherwise.
#
# **By the end you will be able to**
# - tell a network with high bias from one with high variance by its training and
#   validation accuracies;
# - write the L2-regularised cost, work out its gradient, and say why L2 is called
#   weight decay;
# - write inverted dropout, forward and backward, say what happens at test time and why
#   the older "scale the weights at test time" form is equivalent in expectation, and
#   why a gradient check needs dropout switched off;
# - choose λ, `keep_prob` and a stopping point on a validation set, and report a test
#   accuracy that was measured only once;
# - write the forward pass of batch normalisation, say what changes at test time and
#   where in a layer it goes.
#
# **How the exercises work.** An exercise is a code cell holding `# YOUR CODE HERE` and
# `raise NotImplementedError()`. Replace those two lines with your code, run the cell,
# then run the check cell below it. A failing check says which mistake it suspects. The
# autograder also runs hidden checks with other inputs (other network sizes, other
# seeds), so write code that works for any number of layers.
#
# **Rules for answers.** Answer cells may use numpy, `math` and names you define, and a
# function gets its data through its arguments, never from the notebook's variables.
# Each check tells you if its cell breaks a rule; the details, and what scores the whole
# submission zero, are in [the rules at the end](#Rules-for-answers).
#
# | exercise | points |
# |---|---|
# | 1 `compute_cost_with_regularization` | 1 |
# | 2 `backward_propagation_with_regularization`, the gradient you work out | 2 |
# | 3 `forward_propagation_with_dropout` | 2 |
# | 4 `backward_propagation_with_dropout` | 2 |
# | 5 `batchnorm_forward` | 2 |
#
# Notation, as in every notebook of the course: the $m$ examples are the **columns** of
# $X$, of shape $(n_x, m)$, and their labels the row $Y$, of shape $(1, m)$. The network is
# notebook 04's: $L$ layers, the first $L - 1$ computing $Z^{[l]} = W^{[l]} A^{[l-1]} +
# b^{[l]}$ and $A^{[l]} = \mathrm{ReLU}(Z^{[l]})$, the last a single sigmoid unit, $A^{[L]}
# = \sigma(Z^{[L]})$, with $A^{[0]} = X$. The parameters live in a dict keyed `"W1"`,
# `"b1"`, ...; the gradients in one keyed `"dW1"`, `"db1"`, .... Random numbers come from
# a generator `rng = np.random.default_rng(seed)` that is passed in, so every number
# printed here comes out the same on every run.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers import gradcheck, initializers, layers
from helpers.data import make_overfit_set
from helpers.losses import binary_cross_entropy, targets
from helpers.metrics import accuracy, output_accuracy
from helpers.plotting import CLASS_COLORS, plot_decision_boundary
from helpers.regularization import batchnorm_backward, l2_gradient, l2_penalty
from helpers.regularization import batchnorm_forward as course_batchnorm
from helpers.train import fit
from helpers.grading import nb06 as checks

np.set_printoptions(precision=4, suppress=True)
SEEDS = [0, 1, 2]                # for choosing the knobs
FINAL_SEEDS = [0, 1, 2, 3, 4]    # for the final table

# %% [markdown]
# ## 1. Over-fitting: bias and variance
#
# The data: points in the square $[-1, 1]^2$, class 1 above a wavy line $x_2 = 0.4
# \sin(\pi x_1)$, each point then nudged by a little Gaussian noise, and 5% of the labels
# flipped, the way real labelling mistakes happen. No classifier can get those flipped
# labels right, so about 95% is the best anyone can do.
#
# We draw 600 points and split them three ways, 200 each:
#
# - the **training set**, which gradient descent sees;
# - the **validation set** (also called the dev set), on which we compare settings and
#   choose λ, `keep_prob` and when to stop;
# - the **test set**, put aside until the very end, and used once, for the final table.
#
# Why three? Every time you pick the setting that scores best on a set, you fit that set a
# little: with enough settings tried, one of them gets lucky on its particular 200 points.
# A test set that was used for choosing no longer tells you how the chosen network does
# on new data. (Notebook 02 compared hidden sizes by their test accuracies: fine for a
# first look, but the test accuracy of the size you pick that way flatters it.)

# %%
X_train, Y_train, X_rest, Y_rest = make_overfit_set(m_train=200, m_test=400,
                                                    rng=np.random.default_rng(0))
X_val, Y_val = X_rest[:, :200], Y_rest[:, :200]
X_test, Y_test = X_rest[:, 200:], Y_rest[:, 200:]
print("train", X_train.shape, " validation", X_val.shape, " test", X_test.shape)

fig, axes = plt.subplots(1, 2, figsize=(8.5, 4), layout="constrained", sharey=True)
for ax, X, Y, name in ((axes[0], X_train, Y_train, "training set"),
                       (axes[1], X_val, Y_val, "validation set")):
    ax.scatter(X[0], X[1], c=np.asarray(CLASS_COLORS)[Y[0].astype(int)], s=14,
               edgecolors="k", linewidths=0.3)
    ax.set(title=name, xlabel="$x_1$", aspect="equal")
axes[0].set_ylabel("$x_2$")
plt.show()

# %% [markdown]
# Two networks, trained with the course's `helpers.train.fit` (Adam, 500 steps on the
# whole training set, learning rate 0.03, He's initialisation from notebook 05): a small
# one with 3 hidden units, and a big one with two hidden layers of 40 units each, 1,801
# parameters for 200 points. Each from three seeds; the table shows the mean accuracy and,
# after the ±, its standard deviation over the seeds.

# %% tags=["nbval-check-output"]
BIG = [2, 40, 40, 1]
big_net = ["relu", "relu", "sigmoid"]


def train(layer_dims, seed, lambd=0.0, keep_prob=1.0, epochs=500, validation=False):
    """A network trained on the training set; returns its parameters and fit's history."""
    parameters = initializers.initialize_parameters(
        layer_dims, np.random.default_rng(seed), method="he_normal")
    activations = ["relu"] * (len(layer_dims) - 2) + ["sigmoid"]
    history = fit(X_train, Y_train, parameters, activations, loss="binary_cross_entropy",
                  optimizer="adam", learning_rate=0.03, epochs=epochs, batch_size=200,
                  rng=np.random.default_rng(100 + seed), lambd=lambd, keep_prob=keep_prob,
                  validation_data=(X_val, Y_val) if validation else None, verbose=False)
    return parameters, history


def scores(parameters, sets):
    """Accuracy (%) of a trained network on each (X, Y) in sets."""
    activations = ["relu"] * (len(parameters) // 2 - 1) + ["sigmoid"]
    return [100 * accuracy(X, Y, parameters, activations) for X, Y in sets]


def mean_spread(values):
    values = np.asarray(values)
    return " ".join(f"{m:5.1f} ± {s:3.1f}" for m, s in zip(values.mean(0), values.std(0)))


train_val = [(X_train, Y_train), (X_val, Y_val)]
print(f"{'':24}{'train':>11}{'validation':>14}")
for name, dims in (("3 hidden units", [2, 3, 1]), ("2 layers of 40 units", BIG)):
    results = [scores(train(dims, seed)[0], train_val) for seed in SEEDS]
    print(f"{name:24}{mean_spread(results)}")

# %% [markdown]
# The two ways of being wrong:
#
# - The small network gets 84.3% of the training set and 83.3% of the validation set.
#   It makes about as many errors on data it has seen as on data it has not: it is too
#   simple for the wavy boundary. That is **high bias** (under-fitting). More data would not
#   help it; a bigger network would.
# - The big network gets 96.5% of the training set, more than the 95% that the flipped
#   labels allow: it has learnt some of those flipped labels. On the validation set it
#   gets 81.2%, worse than the small network. Its training accuracy is not a sign of
#   quality but of memory, and the gap of 15.3 points is **high variance**
#   (over-fitting): what it learnt depends on the particular 200 points it saw. Its
#   spread over the seeds, 2.9 points on the training set, says the same: how much
#   noise it memorises depends on where it started.
#
# Sections 2 to 5 keep the big network and shrink its gap.

# %% [markdown]
# ## 2. L2 regularisation
#
# An over-fitting network bends its boundary around single points, and bending sharply
# takes large weights. L2 regularisation makes large weights expensive: it adds to the
# cost a term that grows with the squares of all the weights,
#
# $$J_{\text{regularized}} = \underbrace{-\frac1m \sum_{i=1}^m \Big(y^{(i)} \log a^{[L](i)}
# + (1 - y^{(i)}) \log\big(1 - a^{[L](i)}\big)\Big)}_{\text{cross-entropy, notebook 04}}
# \; + \; \underbrace{\frac{\lambda}{2m} \sum_{l=1}^{L} \big\|W^{[l]}\big\|_F^2}_{\text{L2
# term}},$$
#
# where $\|W\|_F^2 = \sum_{k,j} W_{kj}^2$ is the sum of the squares of all the entries of
# $W$ (the squared Frobenius norm). The biases are not penalised: they shift the
# boundary rather than bend it, and there are few of them. λ (`lambd` in code, since
# `lambda` is taken by Python) sets the price: 0 is no regularisation, a large λ pushes
# every weight towards 0 and the network towards a straight boundary.
#
# ### Exercise 1: `compute_cost_with_regularization` (1 point)
#
# Return $J_{\text{regularized}}$ as a number, for the network's output `AL` (shape
# $(1, m)$), the labels `Y` $(1, m)$, the `parameters` of all $L$ layers (count them from
# the dict: $L$ = `len(parameters) // 2`) and `lambd`.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="compute_cost_with_regularization"
def compute_cost_with_regularization(AL, Y, parameters, lambd):
    """Cross-entropy of AL (1, m) against Y (1, m), plus lambd / (2 m) times the sum of
    the squares of every weight matrix W1, ..., WL in parameters."""
    ### BEGIN SOLUTION
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    squares = sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))
    return float(cross_entropy + lambd / (2 * m) * squares)
    ### END SOLUTION


# %% tags=["tests"] grade_id="compute_cost_with_regularization_tests" points=1
checks.check_compute_cost_with_regularization(compute_cost_with_regularization)
### BEGIN HIDDEN TESTS
# (layer_dims, m, lambd, seed): the network and its data are made from the seed
checks.hidden("compute_cost_with_regularization", compute_cost_with_regularization,
    args=([5, 7, 6, 4, 1], 12, 0.3, 21),
    expected={"value": 1.0819247111051897})
checks.hidden("compute_cost_with_regularization", compute_cost_with_regularization,
    args=([2, 3, 1], 4, 5.0, 22),
    expected={"value": 9.09991495642806})
checks.hidden("compute_cost_with_regularization", compute_cost_with_regularization,
    args=([6, 8, 1], 30, 0.0, 23),
    expected={"value": 0.9182405890790687})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2: `backward_propagation_with_regularization` (2 points)
#
# The cost has a new term, so its gradients change. Work out how, on paper first:
#
# - Which gradients does the L2 term change at all? (Which parameters does it depend
#   on?)
# - For one weight $W^{[l]}_{kj}$, what is the derivative of
#   $\frac{\lambda}{2m} \sum_{l'} \|W^{[l']}\|_F^2$ with respect to it? Only one of the
#   squares in that sum contains $W^{[l]}_{kj}$.
# - The cross-entropy part is unchanged, and so is its gradient: notebook 04's backward
#   pass.
#
# Then write the backward pass of notebook 04's network for the regularised cost. You get
# `AL` and `Y` $(1, m)$, `caches` as notebook 04's `L_model_forward` returns them (one per
# layer, `caches[l - 1]` = `((A_prev, W, b), Z)` for layer $l$) and `lambd`. Return a dict
# with `"dW1"`, `"db1"`, ..., `"dWL"`, `"dbL"`, the gradients of $J_{\text{regularized}}$,
# each of its parameter's shape (you may store the `"dA..."` too, as notebook 04 did; they
# are not graded). Recall notebook 04: $dZ^{[L]} = A^{[L]} - Y$; for every layer $dW^{[l]} =
# \frac1m dZ^{[l]} A^{[l-1]T}$, $db^{[l]} = \frac1m \sum_i dZ^{[l]}_{:,i}$, $dA^{[l-1]} =
# W^{[l]T} dZ^{[l]}$; and below a ReLU layer $dZ^{[l]} = dA^{[l]} \ast (Z^{[l]} > 0)$. If
# your answer is wrong, the check says which part of the reasoning it suspects.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="backward_propagation_with_regularization"
def backward_propagation_with_regularization(AL, Y, caches, lambd):
    """Gradients dW1, db1, ..., dWL, dbL of the L2-regularised cross-entropy, for
    notebook 04's network (ReLU hidden layers, sigmoid output) and its caches."""
    ### BEGIN SOLUTION
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        if l < L:
            dZ = dA * (Z > 0)
        grads[f"dW{l}"] = dZ @ A_prev.T / m + lambd / m * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads[f"dA{l - 1}"] = dA
    return grads
    ### END SOLUTION


# %% tags=["tests"] grade_id="backward_propagation_with_regularization_tests" points=2
checks.check_backward_propagation_with_regularization(
    backward_propagation_with_regularization)
### BEGIN HIDDEN TESTS
# (layer_dims, m, lambd, seed)
checks.hidden("backward_propagation_with_regularization",
    backward_propagation_with_regularization, args=([4, 5, 3, 1], 7, 1.5, 31),
    expected={"dW3": np.array([[-0.13152758837898196, -0.546860122797894,
                                0.06507263787702988]]),
              "db3": np.array([[-0.14311635433464065]]),
              "dW2": np.array([[0.008946373161965553, -0.04642155771926985,
                                0.06836788068536867, -0.04558523842515734,
                                0.11762499347568611],
                               [-0.1303476193509686, 0.10418589667721236,
                                0.32904524004971425, -0.02305966101811739,
                                0.33868671402954476],
                               [0.2750772542071233, 0.060048265020637544,
                                -0.183991047188129, -0.2189688376654963,
                                -0.023822614550127994]]),
              "db2": np.array([[0.03930334765423846], [0.12767845106312956], [0.0]]),
              "dW1": np.array([[-0.008555187356329564, 0.1457839704508101,
                                0.017447958750639817, 0.2249051241465968],
                               [-0.30521915448431625, -0.3221013035163309,
                                -0.02876343956297637, 0.09666073141874419],
                               [0.045023107229104686, 0.0684434131390673,
                                -0.20619554519555885, -0.340062411170057],
                               [-0.1260652875018392, 0.11296099868766366,
                                0.1107494279646572, -0.09145792085426153],
                               [0.10399200973415103, -0.03694001273600188,
                                -0.08361603446268782, -0.37002150633715714]]),
              "db1": np.array([[0.026297604071674526], [0.0029334370227518977],
                               [0.1082850688889343], [-0.005082502867075274],
                               [0.157465810912707]])})
# four layers: only dW1..dW3 and db1..db3 are compared, but they depend on the fourth
checks.hidden("backward_propagation_with_regularization",
    backward_propagation_with_regularization, args=([5, 6, 4, 3, 1], 9, 0.4, 33),
    expected={"dW3": np.array([[0.020845515168560334, -0.02528004229957284,
                                -0.010016424271593667, -0.027352826220169574],
                               [-0.003339780305697945, -0.024912865561681354,
                                -0.02134844135418869, -0.06441033160750075],
                               [-0.06047836511995268, 0.05926306857128249,
                                0.017922989218270107, -0.03932575717990868]]),
              "db3": np.array([[-0.12295075448668474], [-0.02685442205034265],
                               [0.06764064902917144]]),
              "dW2": np.array([[-0.010614462410183293, 0.0038177576771717776,
                                -0.017287819084685897, -0.027482147761643906,
                                -0.028405520912941632, -0.05301139760210978],
                               [0.001567488464735348, 0.03452386449668226,
                                0.05275627739901073, 0.003178360377894659,
                                -0.014349543564884649, 0.005468865032448422],
                               [-0.01360569440146464, -0.04709916640766565,
                                0.0007215152549489219, -0.012511806286772573,
                                0.009086571547229848, -0.0032198784210628593],
                               [-0.01216351222560329, -0.045164294606541616,
                                -0.046907297776744517, -0.025475109156504763,
                                -0.03610667309463837, -0.021129926342375635]]),
              "db2": np.array([[-0.0322496984109982], [0.024385906955515898],
                               [-0.01787185254673291], [-0.1209707554116986]]),
              "dW1": np.array([[-0.016707401501037413, -0.022482052520869315,
                                -0.036888901797965404, 0.012490375042504446,
                                0.0012571735950850354],
                               [0.03596393414311832, -0.04930604250823384,
                                -0.010464316619966194, 0.0161818063067251,
                                -0.04354140437648494],
                               [0.0604893675592292, 0.010575556749767977,
                                0.013150840721067168, 0.05017973046605109,
                                0.026875888264282104],
                               [-0.03376175631942403, -0.006562886784011685,
                                0.03360308395964564, 0.013113858233305409,
                                0.009329721771177699],
                               [0.013602716791725634, 0.026702000865265973,
                                -0.009683688040050646, -0.013792489075247117,
                                0.036684473385766456],
                               [0.017992031397772546, -0.0550663484839838,
                                -0.01709101856775165, 0.023880602961373815,
                                0.04729706068748787]]),
              "db1": np.array([[-0.03267163324181957], [-0.0004535199235230457],
                               [0.06817706409331663], [0.004781726652149017],
                               [0.011227222062560382], [0.008598490837781133]])})
checks.hidden("backward_propagation_with_regularization",
    backward_propagation_with_regularization, args=([3, 4, 2, 1], 5, 0.7, 32),
    expected={"dW3": np.array([[0.27436920041509794, 0.009059227630351179]]),
              "db3": np.array([[-0.10526132451987777]]),
              "dW2": np.array([[-0.1722128084640218, -0.07668547040215412,
                                0.03924538205190286, 0.2391067385477458],
                               [0.04238309367512098, -0.10253060935786508,
                                -0.12054340867586036, 0.09692067128927206]]),
              "db2": np.array([[-0.000296025617475144], [-0.00020943215279701013]]),
              "dW1": np.array([[0.14708544903768545, -0.03585477800411046,
                                0.012335712314625736],
                               [-0.06969601133864327, -0.06361599337984786,
                                -0.03636031326632035],
                               [0.07521335905764008, 0.13925447551989958,
                                0.061933259310024184],
                               [-0.06330291757172649, 0.3193957373640561,
                                0.0952662308566136]]),
              "db1": np.array([[0.0003013257183144735], [0.00014691188484345329],
                               [-7.581322358089781e-05], [-0.0005131683669039176]])})
### END HIDDEN TESTS

# %% [markdown]
# A gradient check (notebook 04's, from `helpers.gradcheck`) on your function, for a
# small network and λ = 0.7: the relative difference between your gradients and the
# centred differences of your regularised cost.

# %% tags=["nbval-check-output"]
rng = np.random.default_rng(5)
X_small, Y_small = rng.standard_normal((3, 8)), (rng.random((1, 8)) < 0.5).astype(float)
small = initializers.initialize_parameters([3, 4, 3, 1], rng, method="he_normal")


def small_forward(X, parameters):
    """AL and notebook 04's caches ((A_prev, W, b), Z) per layer."""
    AL, caches = layers.model_forward(X, parameters, ["relu", "relu", "sigmoid"])
    return AL, [cache for cache, _ in caches]


def regularised_cost(parameters):
    return compute_cost_with_regularization(small_forward(X_small, parameters)[0], Y_small,
                                            parameters, 0.7)


AL_small, caches_small = small_forward(X_small, small)
difference, _ = gradcheck.gradient_errors(
    regularised_cost, small,
    backward_propagation_with_regularization(AL_small, Y_small, caches_small, 0.7))
print(f"relative difference: {difference:.1e}")

# %% [markdown]
# Well below the $10^{-7}$ of notebook 04: your two functions agree with each other.
#
# **Why "weight decay".** Put your gradient into a step of gradient descent with learning
# rate α. Writing $dW^{[l]}_{\text{plain}}$ for notebook 04's gradient:
#
# $$W^{[l]} \leftarrow W^{[l]} - \alpha\Big(dW^{[l]}_{\text{plain}} + \frac{\lambda}{m}
# W^{[l]}\Big) = \Big(1 - \frac{\alpha\lambda}{m}\Big) W^{[l]} - \alpha\,
# dW^{[l]}_{\text{plain}}.$$
#
# Before the usual step, every weight is multiplied by a number a little below 1: the
# weights decay, a little at every step, unless the data keeps pushing them up. With
# Adam, which `fit` uses here, the steps are rescaled and the picture is less clean, but
# the L2 term still pulls every weight towards 0. (Keras's `AdamW` applies the decay
# directly to the weights instead of through the gradient, for that reason.)
#
# Here is one step on the small network above, with α = 0.1 and λ = 0.7, taken both
# ways, with the course's `l2_gradient` ($\frac{\lambda}{m} W$) and with the decay
# factor; and your L2 term of the cost next to the course's `l2_penalty`.

# %% tags=["nbval-check-output"]
alpha, lambd_demo, m_small = 0.1, 0.7, X_small.shape[1]
plain = backward_propagation_with_regularization(AL_small, Y_small, caches_small, 0.0)
W1 = small["W1"]
step = W1 - alpha * (plain["dW1"] + l2_gradient(W1, lambd_demo, m_small))
decayed = (1 - alpha * lambd_demo / m_small) * W1 - alpha * plain["dW1"]
print(f"decay factor 1 - alpha lambd / m = {1 - alpha * lambd_demo / m_small:.5f}; "
      f"the two steps differ by at most {np.abs(step - decayed).max():.1e}")
your_term = (compute_cost_with_regularization(AL_small, Y_small, small, lambd_demo)
             - binary_cross_entropy(AL_small, Y_small))
print(f"the L2 term of the cost: yours {your_term:.6f}, "
      f"l2_penalty's {l2_penalty(small, lambd_demo, m_small):.6f}")

# %% [markdown]
# With 8 examples, λ = 0.7 and α = 0.1, every step first takes 0.875% off each weight
# (the factor 0.99125); the two ways of writing the step agree to rounding, and your L2
# term is the course's. The decay is stronger the larger λ and the smaller the training
# set: a network that has few examples to learn from is pulled harder towards small
# weights.
#
# **Choosing λ.** The big network, trained with `fit`'s `lambd` (the same cost and
# gradient as yours), for six values of λ from 0 to 3, three seeds each; we measure on
# the training and the validation set, never on the test set.

# %% tags=["nbval-check-output"]
LAMBDAS = [0.0, 0.03, 0.1, 0.3, 1.0, 3.0]
runs = {}                        # (lambd, keep_prob, seed) -> trained parameters
for lambd in LAMBDAS:
    for seed in SEEDS:
        runs[lambd, 1.0, seed] = train(BIG, seed, lambd=lambd)[0]

l2_scores = {lambd: np.array([scores(runs[lambd, 1.0, s], train_val) for s in SEEDS])
             for lambd in LAMBDAS}
print(f"{'lambd':>6}{'train':>13}{'validation':>14}{'sum of W^2':>13}")
for lambd in LAMBDAS:
    squares = np.mean([sum(np.sum(runs[lambd, 1.0, s][f"W{l}"] ** 2) for l in (1, 2, 3))
                       for s in SEEDS])
    print(f"{lambd:>6}{mean_spread(l2_scores[lambd]):>27}{squares:>13.1f}")
best_lambd = max(LAMBDAS, key=lambda lambd: l2_scores[lambd][:, 1].mean())
print("best lambd on the validation set:", best_lambd)

# %%
def plot_knob(ax, values, table, name, log=False):
    """Mean ± std of the training and validation accuracy against a knob's values."""
    for column, label in ((0, "training"), (1, "validation")):
        mean, std = table[:, :, column].mean(1), table[:, :, column].std(1)
        ax.errorbar(values, mean, yerr=std, marker="o", ms=4, capsize=3, label=label)
    ax.set(xlabel=name, ylabel="accuracy (%)")
    if log:
        ax.set_xscale("symlog", linthresh=0.03)
    ax.legend()


fig, ax = plt.subplots(figsize=(5.5, 3.6), layout="constrained")
plot_knob(ax, LAMBDAS, np.array([l2_scores[l] for l in LAMBDAS]), "λ (symmetric log scale)",
          log=True)
ax.set_title(f"L2: mean ± std over {len(SEEDS)} seeds")
plt.show()

# %% [markdown]
# As λ grows, the training accuracy falls steadily, from 96.5% to 84.5%, and the sum of
# the squared weights with it, from 2621 to 8: the price of large weights works. The
# validation accuracy first rises, from 81.2% to 86.7% at λ = 0.3, then falls again, to
# 86.0% at λ = 1 and 83.7% at λ = 3, where the network is pushed towards a straight line
# and under-fits (high bias again). The validation set chooses λ = 0.3, and there the
# gap between the two accuracies is down from 15.3 points to 2.1, with a spread over
# the seeds of 0.2 points instead of 2.9.

# %% [markdown]
# ## 3. Inverted dropout
#
# Dropout attacks over-fitting from another side. At every training step, each hidden
# unit is switched off with probability $1 - $ `keep_prob`, for that step and that
# example only: its output is set to 0, as if it were not there. A unit can then never
# count on a particular other unit being present, so the network cannot build the
# fragile, many-unit conspiracies that memorise single points; every unit has to be
# useful on its own. Each step trains a different thinned network, and the final one
# behaves like an average of them.
#
# For layer $l$, a step draws a **keep mask** $D^{[l]}$ of the shape of $A^{[l]}$: each
# entry 1 with probability `keep_prob` (kept) and 0 otherwise. Then
#
# $$A^{[l]} \leftarrow \frac{A^{[l]} \ast D^{[l]}}{\texttt{keep\_prob}}.$$
#
# The division is what makes it *inverted* dropout. A kept unit's output is scaled up
# so that its expected value is what it was without dropout: $E\big[D\, a /
# \texttt{keep\_prob}\big] = \texttt{keep\_prob} \cdot a / \texttt{keep\_prob} = a$. The
# next layer receives, on average, the same input as without dropout, and at test time,
# with every unit present, nothing needs to change.
#
# ### Exercise 3: `forward_propagation_with_dropout` (2 points)
#
# Write notebook 04's forward pass with inverted dropout after every **hidden** layer
# (never after the output layer: its output is the prediction). Take `X` $(n_x, m)$,
# `parameters` (W1, b1, ..., WL, bL, with $L$ = `len(parameters) // 2`), `keep_prob` in
# $(0, 1]$ and the generator `rng`. For each hidden layer $l$, draw $D^{[l]}$ from `rng`
# (for instance `rng.random(A.shape) < keep_prob`, which is True with probability
# `keep_prob`) and apply it as above. Return `AL` and a list `caches` with one entry per
# layer: for layer $l$, `(((A_prev, W, b), Z), D)`, where `((A_prev, W, b), Z)` is notebook
# 04's cache (`A_prev` being the input the layer computed with, after the previous
# layer's dropout) and `D` is the 0/1 (or True/False) mask $D^{[l]}$, unscaled; `None` for
# the output layer.
#
# The checks do not compare your masks with any particular draw: they read your masks
# from your caches, check that they keep about `keep_prob` of the units and that they
# come from `rng`, and compare the rest of what you return with what inverted dropout
# gives with those very masks. Any correct way of drawing gets full marks.
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="forward_propagation_with_dropout"
def forward_propagation_with_dropout(X, parameters, keep_prob, rng):
    """Notebook 04's forward pass with inverted dropout on every hidden layer's output.
    Returns AL (1, m) and caches, caches[l - 1] = (((A_prev, W, b), Z), D) for layer l,
    D its 0/1 keep mask (None for the output layer)."""
    ### BEGIN SOLUTION
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        cache = ((A, W, b), Z)
        if l == L:
            caches.append((cache, None))
            return 1 / (1 + np.exp(-Z)), caches
        D = rng.random(Z.shape) < keep_prob
        A = np.maximum(0, Z) * D / keep_prob
        caches.append((cache, D))
    ### END SOLUTION


# %% tags=["tests"] grade_id="forward_propagation_with_dropout_tests" points=2
checks.check_forward_propagation_with_dropout(forward_propagation_with_dropout)
### BEGIN HIDDEN TESTS
# (layer_dims, m, keep_prob, seed): the network from the seed, the generator from the seed
checks.hidden("forward_propagation_with_dropout", forward_propagation_with_dropout,
    args=([5, 30, 30, 1], 200, 0.6, 41),
    expected={"kept": 0.6,
              "AL": 0.0,
              "caches": 0.0})
checks.hidden("forward_propagation_with_dropout", forward_propagation_with_dropout,
    args=([2, 25, 20, 15, 1], 300, 0.9, 42),
    expected={"kept": 0.9,
              "AL": 0.0,
              "caches": 0.0})
checks.hidden("forward_propagation_with_dropout", forward_propagation_with_dropout,
    args=([4, 6, 1], 10, 1.0, 43),
    expected={"kept": 1.0,
              "AL": 0.0,
              "caches": 0.0})
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4: `backward_propagation_with_dropout` (2 points)
#
# Now the backward pass of your forward pass (without L2). Work out what dropout does on
# the way back: in the forward pass, $A^{[l]}_{\text{dropped}} = A^{[l]} \ast D^{[l]} /
# \texttt{keep\_prob}$, entry by entry, with $D^{[l]}$ a constant once drawn. The gradient
# coming back from layer $l + 1$ is the one with respect to the dropped activations;
# what is the gradient with respect to $A^{[l]}$ itself, from which notebook 04's
# $dZ^{[l]} = dA^{[l]} \ast (Z^{[l]} > 0)$ goes on? Do not draw new masks: use the ones
# in the caches.
#
# You get `AL`, `Y` $(1, m)$, the `caches` of `forward_propagation_with_dropout` and the
# `keep_prob` it used. Return a dict with `"dW1"`, `"db1"`, ..., `"dWL"`, `"dbL"`, the
# gradients of the cross-entropy (as before, `"dA..."` entries are allowed and not
# graded).
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="backward_propagation_with_dropout"
def backward_propagation_with_dropout(AL, Y, caches, keep_prob):
    """Gradients dW1, db1, ..., dWL, dbL of the cross-entropy, for the forward pass with
    inverted dropout (and keep_prob) that made these caches."""
    ### BEGIN SOLUTION
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        ((A_prev, W, b), Z), D = caches[l - 1]
        if l < L:
            dZ = dA * D / keep_prob * (Z > 0)
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
    return grads
    ### END SOLUTION


# %% tags=["tests"] grade_id="backward_propagation_with_dropout_tests" points=2
checks.check_backward_propagation_with_dropout(backward_propagation_with_dropout)
### BEGIN HIDDEN TESTS
# (layer_dims, m, keep_prob, seed): the caches of the course's forward pass, masks drawn
checks.hidden("backward_propagation_with_dropout", backward_propagation_with_dropout,
    args=([4, 6, 5, 3, 1], 9, 0.6, 51),
    expected={"dW3": np.array([[0.0, 0.33174966238880504, 0.0, 0.0,
                                0.2498638691336485],
                               [-0.0011995682235684897, -0.00048066755675148134, 0.0,
                                -0.00010286260198729867, -0.001141156492395217],
                               [0.0, 0.0052321443858892305, 0.0, 0.0, 0.0]]),
              "db3": np.array([[0.17690493407607943], [-0.0004245667485737562],
                               [0.005738614817100294]]),
              "dW2": np.array([[-0.00033435318587487025, 0.0, 0.0,
                                -0.0005825811548337431, 0.0, -8.605054384400795e-06],
                               [1.3737091729339899, 0.0, 0.28715745544568644, 0.0,
                                0.23239204280354192, -0.2812823966310077],
                               [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                               [0.0, -2.737997269043822e-05, -0.00021570704080188264,
                                0.0, -9.409064073608733e-06, 0.0],
                               [-4.76365601946415e-05, -9.71601879444426e-06,
                                0.03063031609728847, -0.00018019056141748926,
                                0.018470434009913442, 5.6383930274195654e-05]]),
              "db2": np.array([[-0.00012192494971587176], [0.700345636380653], [0.0],
                               [-7.353751666726492e-05], [0.01878373231300823]]),
              "dW1": np.array([[0.19643770298744367, 0.0447365157106286,
                                0.24811511165906228, -0.15103260059688417],
                               [-8.090929551692857e-06, 8.783928711079422e-06,
                                1.7422044039701378e-06, -4.0841175551731046e-06],
                               [0.11957576971864692, 0.12329346384831429,
                                0.09302391853355567, -0.17804857973371616],
                               [-0.00016355337661395263, -0.0001388387859181249,
                                -0.0001328425483910287, 0.00010451940194108178],
                               [-0.3585997748067746, -0.34874906269795464,
                                -0.2909230694297031, 0.5204842311079084],
                               [0.0006283086868724998, -0.005736104834080737,
                                0.004213160800778178, 0.0028116449562485485]]),
              "db1": np.array([[0.15691670846831882], [3.03724659790881e-05],
                               [-0.17682129440999772], [-9.201568217517196e-05],
                               [0.5350972989568705], [-0.003091489134837314]])})
checks.hidden("backward_propagation_with_dropout", backward_propagation_with_dropout,
    args=([5, 7, 3, 1], 6, 0.8, 52),
    expected={"dW3": np.array([[0.0, -0.03533765730758006, -0.40158803278312716]]),
              "db3": np.array([[-0.2820685577103745]]),
              "dW2": np.array([[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                               [0.0, 0.3223023907804165, 0.0, 0.0, 0.0,
                                0.12490178925310023, 0.0],
                               [-0.015770421608610478, 0.13581778642074202,
                                0.12364434935797457, -0.007834551997831573, 0.0,
                                0.023811935586994296, -0.017761840325482725]]),
              "db2": np.array([[0.0], [0.3885454275114927], [0.15914322852108337]]),
              "dW1": np.array([[-0.019255165872932144, -0.028623653225189664,
                                0.006719105737349883, -0.010877578191641394,
                                0.011330512209592887],
                               [0.018729324207542596, 0.02816730112340785,
                                -0.3197424866505343, -0.1471376067269996,
                                -0.10297009237991568],
                               [0.00012560767577173747, -0.007047601244683787,
                                -0.06153131050197962, 0.03470379769308355,
                                -0.06270040332359687],
                               [0.008930853565429159, 0.013276107676701385,
                                -0.0031164285899640968, 0.0050451945528351754,
                                -0.005255272586741526],
                               [0.0, 0.0, 0.0, 0.0, 0.0],
                               [0.00020899120822347764, 0.01211391362061006,
                                0.013463251354650489, 0.008157054008164853,
                                -0.00865837196248826],
                               [-7.671975899299848e-05, 0.0043045957633470605,
                                0.0375826340486859, -0.021196690240439905,
                                0.03829670282644049]]),
              "db1": np.array([[-0.028913621333206962], [0.27855500900532026],
                               [0.02544495745022249], [0.013410599517926572], [0.0],
                               [-0.0072145849516048475], [-0.01554149450799247]])})
### END HIDDEN TESTS

# %% [markdown]
# The course's `helpers.layers` has inverted dropout as a layer of its own,
# `dropout_forward` and `dropout_backward`, which `fit` uses. On a small $A$ with a
# given mask and `keep_prob = 0.5`, its forward output, and its backward output for an
# upstream gradient of ones:

# %% tags=["nbval-check-output"]
A_demo = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
D_demo = np.array([[1, 0, 1], [0, 1, 1]])
dropped, dropout_cache = layers.dropout_forward(A_demo, 0.5, mask=D_demo)
print("forward:\n", dropped)
print("backward of ones:\n", layers.dropout_backward(np.ones_like(A_demo), dropout_cache))

# %% [markdown]
# The same mask and the same factor both ways, as in your two functions: a dropped
# unit passes nothing forward and gets no gradient back.
#
# ### A gradient check must switch dropout off
#
# A gradient check nudges one parameter at a time and runs the forward pass again, twice
# per parameter. With dropout on, every one of those forward passes draws new masks: the
# two costs it subtracts come from two different thinned networks, and their difference
# says more about the masks than about the nudge. Below, the gradient check of your
# backward pass on a small network, with `keep_prob = 0.8`, three ways: your forward pass
# with one generator that runs on (new masks at every pass); your forward pass with a
# new generator from the same seed at every pass (so the same masks every time); and
# with `keep_prob = 1`, dropout off.

# %% tags=["nbval-check-output"]
def dropout_check(keep_prob, masks):
    """Gradient-check difference of your dropout backward pass; masks "fixed" or "new"."""
    running = np.random.default_rng(7)

    def cost(parameters):
        rng = np.random.default_rng(7) if masks == "fixed" else running
        AL, _ = forward_propagation_with_dropout(X_small, parameters, keep_prob, rng)
        return binary_cross_entropy(AL, Y_small)

    AL, caches = forward_propagation_with_dropout(X_small, small, keep_prob,
                                                  np.random.default_rng(7))
    grads = backward_propagation_with_dropout(AL, Y_small, caches, keep_prob)
    return gradcheck.gradient_errors(cost, small, grads)[0]


print(f"new masks at every forward pass:   {dropout_check(0.8, 'new'):.1e}")
print(f"the same masks at every pass:      {dropout_check(0.8, 'fixed'):.1e}")
print(f"dropout off (keep_prob = 1):       {dropout_check(1.0, 'new'):.1e}")

# %% [markdown]
# With new masks the "difference" is of order 1: the check is meaningless, although your
# backward pass is right. With the masks fixed, or dropout off, it is tiny again. So:
# check the gradients with dropout off (or its masks fixed), then switch it back on to
# train.
#
# ### At test time: nothing
#
# Dropout is a training device. To predict, the network runs with all its units, plain
# notebook 04 forward pass, no mask and no scaling: thanks to the division by
# `keep_prob` during training, each unit's output already has the size the next layer
# learnt to expect. (`fit` drops units only in its training steps; `accuracy` and the
# validation numbers use the plain forward pass.)
#
# The older form of dropout, in the original paper, did it the other way round: during
# training multiply by the mask only, $A \ast D$, with no division, and at test time
# multiply the outgoing weights by `keep_prob`, $p$. The two are the same in
# expectation. Let $a$ be a hidden layer's activations, $W$ the next layer's weights:
#
# - inverted: training gives $E[W (D \ast a) / p] = W a$, and test computes $W a$;
# - older: training gives $E[W (D \ast a)] = p\, W a$, and test computes $(p W) a$.
#
# Either way, the test-time input of the next layer is the average of its training-time
# inputs. Here it is measured for the first layer of a trained network (λ = 0's, seed 0),
# averaged over 2,000 masks with $p = 0.7$, on 5 validation points:

# %% tags=["nbval-check-output"]
p = 0.7
trained = runs[0.0, 1.0, 0]
A1 = np.maximum(0, trained["W1"] @ X_val[:, :5] + trained["b1"])
W2 = trained["W2"]
mask_rng = np.random.default_rng(8)
masks = [mask_rng.random(A1.shape) < p for _ in range(2000)]
print("first unit of layer 2, for 5 points")
print("  inverted dropout, mean over masks:",
      np.mean([W2 @ layers.dropout_forward(A1, p, mask=D)[0] for D in masks], axis=0)[0])
print("  at test time, W2 A1:              ", (W2 @ A1)[0])
print("  older form, mean over masks:      ", np.mean([W2 @ (A1 * D) for D in masks],
                                                      axis=0)[0])
print("  at test time, (p W2) A1:          ", ((p * W2) @ A1)[0])

# %% [markdown]
# Each pair agrees to within the noise of 2,000 draws (about 1%), and the two forms give
# the same numbers at test time. The expectation is exact for the next linear step;
# through the ReLUs above it the averages are only approximately equal, which is the one
# approximation dropout makes. The inverted form won because it leaves prediction code
# untouched: a trained network can be used without knowing it was trained with dropout.
#
# **Choosing `keep_prob`.** As for λ: the big network, three seeds per value, judged on
# the validation set (`keep_prob = 1` is the network without dropout).

# %% tags=["nbval-check-output"]
KEEP_PROBS = [0.5, 0.7, 0.85, 1.0]
for keep_prob in KEEP_PROBS[:-1]:
    for seed in SEEDS:
        runs[0.0, keep_prob, seed] = train(BIG, seed, keep_prob=keep_prob)[0]
dropout_scores = {kp: np.array([scores(runs[0.0, kp, s], train_val) for s in SEEDS])
                  for kp in KEEP_PROBS}
print(f"{'keep_prob':>9}{'train':>13}{'validation':>14}")
for keep_prob in KEEP_PROBS:
    print(f"{keep_prob:>9}{mean_spread(dropout_scores[keep_prob]):>27}")
best_keep_prob = max(KEEP_PROBS, key=lambda kp: dropout_scores[kp][:, 1].mean())
print("best keep_prob on the validation set:", best_keep_prob)

# %%
fig, ax = plt.subplots(figsize=(5.5, 3.6), layout="constrained")
plot_knob(ax, KEEP_PROBS, np.array([dropout_scores[kp] for kp in KEEP_PROBS]), "keep_prob")
ax.set_title(f"dropout: mean ± std over {len(SEEDS)} seeds")
plt.show()

# %% [markdown]
# Any dropout at all closes most of the gap: from 15.3 points without it to 3.9 at
# `keep_prob = 0.85`, 2.7 at 0.7 and 1.1 at 0.5, while the validation accuracy rises from
# 81.2% to 86.3%, 86.8% and 87.2%. The validation set picks 0.5, although the three
# values lie within about one spread of each other: on 200 validation points, 0.4 points
# is less than one example. The training accuracy (measured, as always, without dropout)
# falls as `keep_prob` does: as with L2, closing the gap costs some fit to the training
# set.

# %% [markdown]
# ## 4. Early stopping
#
# The third knob is the number of training steps. An unregularised network does not
# over-fit from the start: it first learns the broad shape of the boundary, which helps
# on every set, and only later the particular noisy points, which helps on the training
# set alone. Below, the unregularised big network is trained for 1,500 steps, three
# seeds, with the cost on the training and the validation set recorded after every step
# (`fit`'s `validation_data`).

# %% tags=["nbval-check-output"]
long_runs = [train(BIG, seed, epochs=1500, validation=True)[1] for seed in SEEDS]
print(f"{'seed':>4}{'best step':>11}{'val. cost there':>17}{'val. acc. there':>17}"
      f"{'val. acc. at 1500':>19}")
for seed, history in zip(SEEDS, long_runs):
    best = int(np.argmin(history["val_cost"]))
    print(f"{seed:>4}{best + 1:>11}{history['val_cost'][best]:>17.3f}"
          f"{100 * history['val_accuracy'][best]:>16.1f}%"
          f"{100 * history['val_accuracy'][-1]:>18.1f}%")

# %%
fig, ax = plt.subplots(figsize=(6.5, 3.8), layout="constrained")
for seed, history in zip(SEEDS, long_runs):
    ax.plot(history["cost"], color="C0", lw=1, label="training" if seed == 0 else None)
    ax.plot(history["val_cost"], color="C1", lw=1, label="validation" if seed == 0 else None)
    best = int(np.argmin(history["val_cost"]))
    ax.plot(best, history["val_cost"][best], "kv")
ax.set(xlabel="step", ylabel="cost", yscale="log",
       title="unregularised network, 3 seeds (▼: lowest validation cost)")
ax.legend()
plt.show()

# %% [markdown]
# The training cost falls and falls. The validation cost falls for the first fifty or so
# steps, then turns and climbs: from there on, every step fits noise. **Early
# stopping** keeps the network from the step where the validation cost was lowest
# (in practice: train, evaluate on the validation set every so often, keep the best
# weights so far, and stop when they have not improved for a while, Keras's
# `EarlyStopping(restore_best_weights=True)`). Here that step comes between 46 and 58,
# where the validation accuracy is 87.0% to 88.0%, against 78.0% to 83.0% after 1,500
# steps. It is the cheapest regulariser, a few lines and no new hyper-parameter but
# one you can read off a curve; its drawback is that one knob now does two jobs
# (fitting the training set and not over-fitting it), where L2 and dropout let training
# run to the end.

# %% [markdown]
# ## 5. The test set, once
#
# Everything is chosen: λ = 0.3 and `keep_prob` = 0.5, on the validation set. Now, and
# only now, the test set: the three networks, each from five seeds (the first three are
# the runs above), evaluated on all three sets.

# %% tags=["nbval-check-output"]
final = {"no regularisation": (0.0, 1.0), f"L2, λ = {best_lambd}": (best_lambd, 1.0),
         f"dropout, keep_prob = {best_keep_prob}": (0.0, best_keep_prob)}
all_sets = [(X_train, Y_train), (X_val, Y_val), (X_test, Y_test)]
print(f"{'':28}{'train':>11}{'validation':>14}{'test':>12}   (%, mean ± std, 5 seeds)")
for name, (lambd, keep_prob) in final.items():
    for seed in FINAL_SEEDS:
        if (lambd, keep_prob, seed) not in runs:
            runs[lambd, keep_prob, seed] = train(BIG, seed, lambd=lambd,
                                                 keep_prob=keep_prob)[0]
    table = [scores(runs[lambd, keep_prob, seed], all_sets) for seed in FINAL_SEEDS]
    print(f"{name:28}{mean_spread(table)}")

# %%
fig, axes = plt.subplots(1, 3, figsize=(14, 4.4), layout="constrained", sharey=True)
for ax, (name, (lambd, keep_prob)) in zip(axes, final.items()):
    parameters = runs[lambd, keep_prob, 0]
    plot_decision_boundary(lambda P, q=parameters: layers.predict(P, q, big_net), X_train,
                           Y_train, ax=ax, resolution=150, title=f"{name} (seed 0)")
    ax.set_aspect("equal")
plt.show()

# %% [markdown]
# Without regularisation the network gets 97.0% of the training set, 80.4% of the
# validation set and 85.2% of the test set: a gap of 12 points between the data it saw
# and new data. Its boundary shows why: islands and spikes around single training
# points, several of them points whose labels were flipped. L2 with λ = 0.3 gets 89.0%,
# 86.6% and 90.0%, dropout with `keep_prob` = 0.5 88.5%, 86.8% and 90.1%: the gap to the
# test set has closed (the test set happens to be a little easier than the validation
# set: 200 points, so a percentage moves by 0.5 per point), and both gain about five
# points of test accuracy. Both boundaries follow the wave and ignore the stray points.
# The course this comparison follows reports the same pattern on its own data: none
# 95/91.5%, L2 94/93%, dropout 93/95% (train/test).
#
# The spreads over five seeds, under a point for the regularised networks against two
# for the unregularised one, are small next to these gaps. The test accuracies were
# measured once, for settings chosen without them, so they are fair estimates for new
# data from this distribution.

# %% [markdown]
# ## 6. Batch normalisation
#
# Notebook 05 chose the scale of the starting weights so that each layer's $z$ has a
# steady size at the start of training. Training then changes the weights, and with them
# the scale and the centre of every layer's inputs, step after step. **Batch
# normalisation** (Ioffe and Szegedy, 2015) fixes the scale by construction: it
# normalises each unit's pre-activations over the examples of the current mini-batch,
# then lets the layer choose the scale and centre it wants through two parameters of its
# own. For one unit (one row of $Z^{[l]}$, over the $m$ examples of the batch):
#
# $$\mu = \frac1m \sum_{i=1}^m z^{(i)}, \qquad \sigma^2 = \frac1m \sum_{i=1}^m \big(z^{(i)}
# - \mu\big)^2, \qquad \hat z^{(i)} = \frac{z^{(i)} - \mu}{\sqrt{\sigma^2 + \varepsilon}},
# \qquad \text{out}^{(i)} = \gamma\, \hat z^{(i)} + \beta.$$
#
# $\hat z$ has mean 0 and variance 1 over the batch (ε, small, keeps the division finite
# for a unit that hardly varies). γ and β are learnt like weights, one of each per unit:
# with γ = σ and β = μ the layer could undo the normalisation, so nothing is lost, but
# the scale is now set by two numbers per unit instead of by the product of all the
# weights below. A bias $b^{[l]}$ before batch normalisation does nothing (the mean
# subtraction removes it); β takes its place. (The network below keeps its $b^{[l]}$ for
# simplicity; their gradients are 0.)
#
# ### Exercise 5: `batchnorm_forward` (2 points)
#
# The forward pass in training mode. `Z` has shape $(n, m)$, one row per unit and one
# column per example; `gamma` and `beta` have shape $(n, 1)$; `epsilon` defaults to
# Keras's $10^{-3}$. Return `(out, cache)`, `out` of shape $(n, m)$ and `cache` whatever
# a backward pass would need (the check grades `out` only; the course's own backward
# pass is used below).
#
# **May call:** numpy only.

# %% tags=["answer"] grade_id="batchnorm_forward"
def batchnorm_forward(Z, gamma, beta, epsilon=1e-3):
    """Batch normalisation of each row of Z (n, m) over its m examples, scaled by gamma
    and shifted by beta (n, 1). Returns (out, cache)."""
    ### BEGIN SOLUTION
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.var(Z, axis=1, keepdims=True)
    Z_hat = (Z - mu) / np.sqrt(var + epsilon)
    out = gamma * Z_hat + beta
    return out, (Z_hat, gamma, var, epsilon)
    ### END SOLUTION


# %% tags=["tests"] grade_id="batchnorm_forward_tests" points=2
checks.check_batchnorm_forward(batchnorm_forward)
### BEGIN HIDDEN TESTS
# (n, m, seed), optionally epsilon: Z has rows of different scales, the last one tiny
checks.hidden("batchnorm_forward", batchnorm_forward, args=(5, 9, 61),
    expected={"out": np.array([[0.1028541810846739, 0.21396155993767355,
                                -0.8538201140851707, -0.6249316280263454,
                                1.3700796521079686, -0.8945714124263691,
                                -0.589420917079026, 0.41525145118303175,
                                0.1567989864715339],
                               [2.8078355542047775, 1.4223653526532782,
                                -0.715796818247198, 0.20218578491983122,
                                -0.9643439720946624, 1.4014294460515897,
                                0.8825193045463079, -2.151990871635785,
                                0.8409436476711556],
                               [-0.5062911028580238, 0.35604110193773575,
                                -0.08232751767685298, 0.5599969210189415,
                                -2.2243893275129176, 0.7160579029344405,
                                -1.0904020681374238, 1.4198764724814954,
                                -0.8575383003198906],
                               [-3.0861994957573335, -3.6243751770965034,
                                -0.9146429331236128, 1.331914651897214,
                                -1.037948859564556, -1.6976902321347893,
                                -1.1740372859999935, -1.9283848920144286,
                                -1.4819221295552876],
                               [-1.322903852075439, -0.668132025473855,
                                1.0760218482094164, 0.6911742606113639,
                                -2.373356902896535, -0.7515015580403193,
                                -0.29938696075540494, -1.0884325062482396,
                                -1.2294566511431073]])})
checks.hidden("batchnorm_forward", batchnorm_forward, args=(2, 40, 62, 1e-2),
    expected={"out": np.array([[-1.861320244360869, -1.788401673830462,
                                -2.6214963526611887, -1.5596266615692556,
                                -1.4834560966763974, -4.557071377283309,
                                -3.0883384987988967, -1.4211278013989268,
                                -2.853768538370746, -1.6965426079219643,
                                1.2211779723681466, -2.8381111825719314,
                                -1.1739526830484166, -0.2601462929642081,
                                -1.749985103648314, -1.2814195914953703,
                                -0.2446432208376097, -2.4188518043648912,
                                4.167420829286321, -0.5460340279989446,
                                0.15358111638605743, -0.3044525039454452,
                                -3.674771915468427, -0.08875317645886727,
                                -1.8602034584494045, 0.5274987095559092,
                                -0.19579990444859474, -0.2516676206415459,
                                -2.401688505545177, -2.031075304155512,
                                -1.5449217234759396, -0.6870379002331947,
                                -0.6799716987012878, 1.0811100883026563,
                                -1.5591595156102624, -0.4022950957287874,
                                1.4973258896053763, -1.508738793385798,
                                2.5585637444873113, -1.1964596817455146],
                               [1.1044641689980161, 0.8828065679844969,
                                1.1589210636343046, 1.1814098804495248,
                                1.0908811379548458, 0.6090084311725589,
                                1.0191470681724364, 0.8166386829972051,
                                0.9084778398548278, 0.5282058816892419,
                                0.841529507175911, 1.0958322205196782,
                                1.0012754568022522, 1.048689087335976,
                                1.2670826321816442, 1.3238879382194102,
                                1.1794139933127679, 1.2139551999035647,
                                1.2412416863295683, 0.7288155299411969,
                                0.5035812656318968, 0.7634647374644358,
                                1.1474274208201571, 1.2333709680052027,
                                0.6504108109522001, 1.2378907811674682,
                                1.3502479499078792, 0.8070458794065255,
                                0.8895267512637488, 0.9323680243235482,
                                1.1161164114429887, 0.9561527570098175,
                                0.9228263382604187, 0.7841851523866941,
                                0.5940447505791008, 1.1144773357099953,
                                0.8670591733976257, 0.8213549670925917,
                                0.8214650770094801, 0.7481408184168605]])})
checks.hidden("batchnorm_forward", batchnorm_forward, args=(6, 3, 63, 1e-5),
    expected={"out": np.array([[1.341592281121961, 0.11467628116882711,
                                1.1429690796763157],
                               [2.6474864896284767, -2.0234248011276064,
                                -0.7707794840436388],
                               [-0.7828609138058142, -2.820727192303239,
                                -0.18126302818645246],
                               [-0.9870081041656285, 1.283999805857028,
                                -1.5640198959216092],
                               [-1.795283568204744, -1.9058931297949422,
                                1.7304325226314385],
                               [2.4689530576677816, -0.9975153963810841,
                                1.5913018259974967]])})
### END HIDDEN TESTS

# %% [markdown]
# **At test time: running averages.** A prediction cannot depend on which other examples
# happen to share its batch, and a batch of one example has no variance at all. So during
# training each batch-norm layer also keeps a running average of the batch means and
# variances, and at test time it normalises with those instead. The course's
# `batchnorm_forward` (which also has the backward pass) updates them with Keras's rule,
# $\text{moving} \leftarrow 0.99\, \text{moving} + 0.01\, \text{batch}$.
#
# **Where it goes.** The paper put batch normalisation between the linear step and the
# non-linearity: $Z = WA + b$, then $\text{out} = \text{BN}(Z)$, then $A =
# \mathrm{ReLU}(\text{out})$, so that what enters the ReLU is centred and of unit scale.
# Many networks since normalise after the non-linearity instead, $A =
# \text{BN}(\mathrm{ReLU}(Z))$, so that what enters the next layer is; both are used in
# practice, and neither is clearly better in general. The network below can do either
# (`placement`), with the course's layer functions and its batch normalisation, forward
# and backward; its backward pass takes each layer's steps in reverse order.

# %%
def bn_network(layer_dims, seed, placement):
    """He-initialised parameters, plus gamma = 1, beta = 0 and running statistics for each
    hidden layer if placement is "before" or "after" (the ReLU); None: no batch norm."""
    parameters = initializers.initialize_parameters(
        layer_dims, np.random.default_rng(seed), method="he_normal")
    running = {}
    for l in range(1, len(layer_dims) - 1) if placement else []:
        n = layer_dims[l]
        parameters[f"gamma{l}"], parameters[f"beta{l}"] = np.ones((n, 1)), np.zeros((n, 1))
        running[l] = {"mean": np.zeros((n, 1)), "var": np.ones((n, 1))}
    return parameters, running


def bn_forward(X, parameters, running, placement, training=True):
    """LINEAR -> [BN] -> RELU -> [BN] for the hidden layers (batch norm at `placement`),
    LINEAR -> SIGMOID at the output, with the course's layer functions. Returns AL and,
    per layer, (linear cache, the input of the activation, the batch-norm cache)."""
    n_layers = sum(key.startswith("W") for key in parameters)
    A, layer_caches = X, []
    for l in range(1, n_layers + 1):
        Z, linear_cache = layers.linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
        normalised = f"gamma{l}" in parameters
        bn_cache = None
        if normalised and placement == "before":
            Z, bn_cache = course_batchnorm(Z, parameters[f"gamma{l}"], parameters[f"beta{l}"],
                                           running=running[l], training=training)
        A, _ = layers.activation_forward(Z, "sigmoid" if l == n_layers else "relu")
        if normalised and placement == "after":
            A, bn_cache = course_batchnorm(A, parameters[f"gamma{l}"], parameters[f"beta{l}"],
                                           running=running[l], training=training)
        layer_caches.append((linear_cache, Z, bn_cache))
    return A, layer_caches


def bn_backward(AL, Y, caches, placement):
    """Gradients of the cross-entropy, keyed like the parameters: each layer's steps of
    bn_forward in reverse order."""
    gradients = {}
    for l in range(len(caches), 0, -1):
        linear_cache, Z, bn_cache = caches[l - 1]
        if l == len(caches):
            dZ = (AL - Y)          # the sigmoid output and the cross-entropy together
        else:
            if bn_cache is not None and placement == "after":
                dA, gradients[f"gamma{l}"], gradients[f"beta{l}"] = batchnorm_backward(
                    dA, bn_cache)
            dZ = layers.activation_backward(dA, Z, "relu")
            if bn_cache is not None and placement == "before":
                dZ, gradients[f"gamma{l}"], gradients[f"beta{l}"] = batchnorm_backward(
                    dZ, bn_cache)
        dA, gradients[f"W{l}"], gradients[f"b{l}"] = layers.linear_backward(dZ, linear_cache)
    return gradients


def train_bn(layer_dims, seed, placement, learning_rate, steps=300):
    """Plain gradient descent on the whole training set; returns the parameters, the
    running statistics and the cost at every step."""
    parameters, running = bn_network(layer_dims, seed, placement)
    costs = []
    Y = targets("binary_cross_entropy", Y_train, Y_train.shape)  # labels checked once
    with np.errstate(all="ignore"):          # a diverging run overflows; it shows as nan
        for _ in range(steps):
            AL, caches = bn_forward(X_train, parameters, running, placement)
            costs.append(binary_cross_entropy(AL, Y))
            grads = bn_backward(AL, Y, caches, placement)
            for key, gradient in grads.items():
                parameters[key] = parameters[key] - learning_rate * gradient
    return parameters, running, costs


# %% [markdown]
# The network: six hidden layers of 20 ReLU units, trained with plain gradient descent
# (not Adam: its own step-size control would hide what we want to see) on the whole
# training set for 300 steps, without batch normalisation and with it, before and after
# the ReLU, at learning rates 0.3 and 3, three seeds each. We record the training cost
# and the validation accuracy at the end (in inference mode, with the running averages).

# %% tags=["nbval-check-output"]
DEEP = [2] + [20] * 6 + [1]
PLACEMENTS = {None: "no batch norm", "before": "batch norm before ReLU",
              "after": "batch norm after ReLU"}
bn_runs = {}
print(f"{'':24}{'rate':>5}{'lowest cost':>14}{'final cost':>13}{'validation':>14}")
for placement, label in PLACEMENTS.items():
    for learning_rate in (0.3, 3.0):
        results = [train_bn(DEEP, seed, placement, learning_rate) for seed in SEEDS]
        bn_runs[placement, learning_rate] = results
        lowest = [np.nanmin(costs) for _, _, costs in results]
        last = [costs[-1] for _, _, costs in results]
        val = [100 * output_accuracy(bn_forward(X_val, p, r, placement, training=False)[0],
                                     Y_val) for p, r, _ in results]
        print(f"{label:24}{learning_rate:>5}{np.mean(lowest):>14.3f}{np.mean(last):>13.3f}"
              f"{np.mean(val):>11.1f} ± {np.std(val):.1f}")

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained", sharey=True)
for ax, learning_rate in zip(axes, (0.3, 3.0)):
    for color, (placement, label) in enumerate(PLACEMENTS.items()):
        for i, (_, _, costs) in enumerate(bn_runs[placement, learning_rate]):
            ax.plot(costs, color=f"C{color}", lw=1, label=label if i == 0 else None)
    ax.set(title=f"learning rate {learning_rate}", xlabel="step", yscale="log")
axes[0].set_ylabel("training cost (log scale)")
axes[0].legend()
plt.show()

# %% [markdown]
# At learning rate 0.3 all of them train, and the normalised ones much faster: their
# training cost falls well below the plain network's, jittering on the way, to 0.086
# (before the ReLU) and 0.080 (after) at its lowest, where the plain one stays above
# 0.30. At learning rate 3 the plain network blows up: its cost jumps instead of falling,
# its activations overflow (the mean final cost is nan), and every run ends at chance,
# 51.5% of the validation set, the share of its larger class. With batch normalisation,
# in either place, the same step size trains without trouble, to costs of 0.18 and 0.21.
# That is what batch normalisation buys: each layer's input keeps a steady scale
# whatever the weights below do, so large steps stay safe and deep networks train
# faster. The two placements do about equally well here.
#
# It is not a regulariser here: the validation accuracy of the normalised networks is
# *lower* (80% to 82% against 86%), because it fits this small noisy training set faster
# and further. With mini-batches, the batch statistics add a little noise that does
# regularise somewhat; with the whole training set in every step, as here, there is none.
# On this data set you would add L2 or dropout to it.
#
# Finally, why inference needs the running averages: the network normalised before its
# ReLUs (rate 0.3, seed 0) predicting the validation set in one batch, one example at a
# time with batch statistics, and one example at a time with the running averages.

# %% tags=["nbval-check-output"]
parameters, running, _ = bn_runs["before", 0.3][0]


def bn_output(X, training):
    """That network's AL on X; with training=True normalised with X's own statistics
    (updating a copy of the running averages, so that they stay as they are)."""
    scratch = {l: dict(r) for l, r in running.items()}
    AL, _ = bn_forward(X, parameters, scratch if training else running, "before", training)
    return AL


with np.errstate(all="ignore"):              # a batch of one has variance 0
    whole = bn_output(X_val, training=True)
    alone = np.hstack([bn_output(X_val[:, [i]], training=True)
                       for i in range(X_val.shape[1])])
    averaged = bn_output(X_val, training=False)
for label, AL in (("the validation set as one batch, its statistics", whole),
                  ("one example at a time, its own statistics", alone),
                  ("running averages", averaged)):
    print(f"{label:<50}{100 * output_accuracy(AL, Y_val):5.1f}%")
print(f"one example at a time: every prediction is {alone[0, 0]:.4f}")

# %% [markdown]
# With a batch of one, every unit's $z$ equals its batch mean, $\hat z = 0$ and out $=
# \beta$: the network gives every example the same answer and scores only the share of
# the majority class, 51.5%. With the running averages each example is normalised the
# same way whatever else is in its batch, and the network scores 78.5%, as it does with
# the statistics of the whole validation set. Keras does this switch for you:
# `BatchNormalization` uses batch statistics in `fit` and the moving averages in
# `predict` and `evaluate`.

# %% [markdown]
# ## What you should have seen
#
# - A big network on 200 noisy points got 96.5% of its training set and 81.2% of the
#   validation set: high variance. A tiny one got about 84% of both: high bias.
# - L2 adds $\frac{\lambda}{2m}\sum_l \|W^{[l]}\|_F^2$ to the cost, so each $dW^{[l]}$
#   gains $\frac{\lambda}{m} W^{[l]}$ (the biases are untouched): gradient descent then
#   shrinks every weight by a factor $1 - \alpha\lambda/m$ each step, weight decay.
# - Inverted dropout keeps each hidden unit with probability `keep_prob` and divides the
#   kept ones by `keep_prob`; the backward pass uses the same masks and the same
#   division; at test time nothing changes. The older form, scaling the weights by
#   `keep_prob` at test time, gives the same next-layer input in expectation. A gradient
#   check needs the masks fixed or dropout off.
# - λ = 0.3, `keep_prob` = 0.5 and a stopping step near 50 were chosen on the
#   validation set. Then, once, the test set (train / validation / test, five seeds): no
#   regularisation 97.0 / 80.4 / 85.2%, L2 89.0 / 86.6 / 90.0%, dropout 88.5 / 86.8 /
#   90.1%.
# - Batch normalisation normalises each unit over the batch with its mean and variance,
#   then scales by γ and shifts by β; at test time it uses running averages. A deep plain
#   network diverged at learning rate 3 and trained with batch normalisation, before or
#   after its ReLUs; on this small set it did not regularise.

# %% [markdown]
# ## Rules for answers
#
# - Answer cells, and any cell you add, may use numpy (`np`, also as `from numpy import
#   exp` or `import numpy.linalg as la`), the `math` module and the names you define
#   yourself. Nothing else: not what the notebook itself imports (from `helpers`, or
#   `plt`) or defines outside the answer cells.
# - No exercise here needs another: each **May call:** line says numpy only. Notebook
#   04's functions (`linear_backward`, `L_model_forward`, ...) are not defined in this
#   notebook; write what you need of them in your answer.
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
#   `python -m helpers.grading.guard notebooks/06_regularization/06_regularization.ipynb`.
