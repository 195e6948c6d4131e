"""Student answers for notebook 01, written the way students write them.

The contract every notebook's answers module follows (tests/test_checks.py and
tests/test_pipeline.py run them all):

WRONG: per exercise (the answer cell's grade_id), realistic mistakes, each as the whole
    answer cell. Every one must lose that exercise's points and fail its visible check.
MESSAGES: per (exercise, mistake), a regular expression the visible check's message
    must match: the check names the mistake.
RIGHT: per exercise, correct answers that differ from the solution (another formula,
    float32, a loop where loops are allowed). Every one must keep full marks.
CHECKS: per exercise, how to run its visible check on a namespace holding the answer.
LOOPS, CRASHES: the exercises whose answer the pipeline test replaces by an endless loop
    and by a kernel crash.
"""
import numpy as np

from helpers.grading import nb01

NAME = "01_logistic_regression"
LOOPS = "predict"
CRASHES = "optimize"

# Questions: their visible check says only that they are answered; the hidden one judges.
QUESTIONS = {"zero_init_answer"}

WRONG = {
    "sigmoid": {
        "missing minus": "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
        "minus in denominator": "def sigmoid(z):\n    return 1 / (1 - np.exp(-z))\n",
        "overflowing form": "def sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))\n",
        "math.exp": "import math\n\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n",
        "thresholded": "def sigmoid(z):\n    return (z > 0).astype(float)\n",
    },
    "initialize_with_zeros": {
        "rank-1 w": "def initialize_with_zeros(dim):\n    return np.zeros(dim), 0.0\n",
        "row instead of column":
            "def initialize_with_zeros(dim):\n    return np.zeros((1, dim)), 0.0\n",
        "b as an array":
            "def initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), np.zeros((dim, 1))\n",
        "integer weights":
            "def initialize_with_zeros(dim):\n    return np.zeros((dim, 1), dtype=int), 0\n",
    },
    "propagate": {
        "no division by m": (
            "def propagate(w, b, X, Y):\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n"
            "    return {'dw': X @ (A - Y).T, 'db': np.sum(A - Y)}, cost\n"),
        "Y - A": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dZ = Y - A\n"
            "    return {'dw': np.dot(X, dZ.T) / m, 'db': np.sum(dZ) / m}, cost\n"),
        "cost without minus": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost\n"),
        "summed cost": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n"
            "    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost\n"),
        "dw transposed": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n"
            "    return {'dw': (A - Y) @ X.T / m, 'db': np.mean(A - Y)}, cost\n"),
        "w @ X without .T": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(w @ X + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost\n"),
        "np.dot(w, X) without .T": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w, X) + b)\n"
            "    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n"
            "    return {'dw': np.dot(X, (A - Y).T) / m, 'db': np.mean(A - Y)}, cost\n"),
        "cost without the (1 - y) term": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    cost = -np.sum(Y * np.log(A)) / m\n"
            "    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost\n"),
        "squared error cost": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    cost = np.sum((A - Y) ** 2) / (2 * m)\n"
            "    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost\n"),
    },
    "optimize": {
        "gradient ascent": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,"
            " print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "        w = w + learning_rate * grads['dw']\n"
            "        b = b + learning_rate * grads['db']\n"
            "    return {'w': w, 'b': b}, grads, costs\n"),
        "b never updated": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,"
            " print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "        w = w - learning_rate * grads['dw']\n"
            "    return {'w': w, 'b': b}, grads, costs\n"),
        "cost recorded every iteration": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,"
            " print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        costs.append(cost)\n"
            "        w = w - learning_rate * grads['dw']\n"
            "        b = b - learning_rate * grads['db']\n"
            "    return {'w': w, 'b': b}, grads, costs\n"),
        "cost recorded after the update": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,"
            " print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        w = w - learning_rate * grads['dw']\n"
            "        b = b - learning_rate * grads['db']\n"
            "        if i % 100 == 0:\n"
            "            _, cost = propagate(w, b, X, Y)\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, grads, costs\n"),
        "learning rate ignored": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,"
            " print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "        w = w - grads['dw']\n"
            "        b = b - grads['db']\n"
            "    return {'w': w, 'b': b}, grads, costs\n"),
    },
    "predict": {
        "probabilities": (
            "def predict(w, b, X):\n"
            "    return sigmoid(w.T @ X + b)\n"),
        "threshold at 0": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    return (A > 0).astype(float)\n"),
        "rank-1 result": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    return (A[0] > 0.5).astype(float)\n"),
        "inverted labels": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    return np.where(A > 0.5, 0.0, 1.0)\n"),
    },
    "model": {
        "train and test swapped": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,"
            " learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,"
            " learning_rate)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_train': predict(w, b, X_test),\n"
            "            'Y_prediction_test': predict(w, b, X_train), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"),
        "fixed hyper-parameters": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,"
            " learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, 2000, 0.5)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_train': predict(w, b, X_train),\n"
            "            'Y_prediction_test': predict(w, b, X_test), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"),
        "size from the number of examples": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,"
            " learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[1])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,"
            " learning_rate)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_train': predict(w, b, X_train),\n"
            "            'Y_prediction_test': predict(w, b, X_test), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"),
        "untrained parameters returned": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,"
            " learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,"
            " learning_rate)\n"
            "    return {'costs': costs,\n"
            "            'Y_prediction_train': predict(params['w'], params['b'], X_train),\n"
            "            'Y_prediction_test': predict(params['w'], params['b'], X_test),\n"
            "            'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"),
    },
    "zero_init_answer": {
        "true": "zero_init_prevents_learning = True\n",
        "a string": "zero_init_prevents_learning = 'False'\n",
    },
}

RIGHT = {
    "sigmoid": {
        "tanh form in float32": (
            "def sigmoid(z):\n"
            "    z = np.asarray(z, dtype=np.float32)\n"
            "    return 0.5 * (1 + np.tanh(0.5 * z))\n"),
        "stable two-branch form": (
            "def sigmoid(z):\n"
            "    z = np.asarray(z, dtype=float)\n"
            "    e = np.exp(-np.abs(z))\n"
            "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))\n"),
    },
    "initialize_with_zeros": {
        "integer bias": "def initialize_with_zeros(dim):\n"
                        "    w = np.zeros(shape=(dim, 1))\n    return w, 0\n",
    },
    "propagate": {
        "loop over examples with math.log": (
            "import math\n\n"
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    dw = np.zeros(w.shape)\n"
            "    db = 0.0\n"
            "    cost = 0.0\n"
            "    for i in range(m):\n"
            "        a = sigmoid(float(w[:, 0] @ X[:, i]) + b)\n"
            "        y = Y[0, i]\n"
            "        cost += -(y * math.log(a) + (1 - y) * math.log(1 - a))\n"
            "        dw[:, 0] += X[:, i] * (a - y)\n"
            "        db += a - y\n"
            "    return {'dw': dw / m, 'db': np.array([[db / m]])}, np.float64(cost / m)\n"),
        "logaddexp cost": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    Z = np.dot(w.T, X) + b\n"
            "    cost = np.mean(Y * np.logaddexp(0, -Z) + (1 - Y) * np.logaddexp(0, Z))\n"
            "    A = sigmoid(Z)\n"
            "    return {'dw': np.dot(X, (A - Y).T) / m, 'db': np.mean(A - Y)}, cost\n"),
    },
    "optimize": {
        "in-place updates": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,"
            " print_cost=False):\n"
            "    w = w.copy()\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "            if print_cost:\n"
            "                print(i, cost)\n"
            "        w -= learning_rate * grads['dw']\n"
            "        b -= learning_rate * grads['db']\n"
            "    return dict(w=w, b=b), grads, np.array(costs)\n"),
    },
    "predict": {
        "sign of z, booleans": (
            "def predict(w, b, X):\n"
            "    return np.dot(w.T, X) + b > 0\n"),
        "loop over examples": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(w.T @ X + b)\n"
            "    Y_prediction = np.zeros((1, X.shape[1]))\n"
            "    for i in range(A.shape[1]):\n"
            "        if A[0, i] > 0.5:\n"
            "            Y_prediction[0, i] = 1\n"
            "    return Y_prediction\n"),
    },
    "model": {
        "keyword arguments and a dict literal": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,"
            " learning_rate=0.5, print_cost=False):\n"
            "    n_x = X_train.shape[0]\n"
            "    w, b = initialize_with_zeros(n_x)\n"
            "    params, _, costs = optimize(w, b, X_train, Y_train,"
            " num_iterations=num_iterations,\n"
            "                                learning_rate=learning_rate,"
            " print_cost=print_cost)\n"
            "    d = dict(costs=costs, w=params['w'], b=params['b'],"
            " learning_rate=learning_rate,\n"
            "             num_iterations=num_iterations)\n"
            "    d['Y_prediction_test'] = predict(d['w'], d['b'], X_test)\n"
            "    d['Y_prediction_train'] = predict(d['w'], d['b'], X_train)\n"
            "    return d\n"),
    },
    "zero_init_answer": {
        "numpy bool": "zero_init_prevents_learning = np.bool_(False)\n",
    },
}

# Submissions that must score 0 for the whole notebook and be flagged, whatever else
# they contain (each is added to an otherwise correct notebook).
CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_sigmoid = lambda f: None\n",
    "imports the reference": (
        "from helpers.logistic import propagate as _p\n"
        "def propagate(w, b, X, Y):\n    return _p(w, b, X, Y)\n"),
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "reaches builtins": "__builtins__.print = None\n",
    "rebinds the checks with a walrus": (
        "[(checks := None) for _ in [0]]\n"),
    "runs code through numpy's test tools": (
        "np.testing.measure('checks.check_sigmoid = print')\n"),
    "captures a shell command": "out = !echo hacked\n",
}


CHECKS = {
    "sigmoid": lambda ns: nb01.check_sigmoid(ns["sigmoid"]),
    "initialize_with_zeros":
        lambda ns: nb01.check_initialize_with_zeros(ns["initialize_with_zeros"]),
    "propagate": lambda ns: nb01.check_propagate(ns["propagate"]),
    "optimize": lambda ns: nb01.check_optimize(ns["optimize"]),
    "predict": lambda ns: nb01.check_predict(ns["predict"]),
    "model": lambda ns: nb01.check_model(ns["model"]),
    "zero_init_answer": lambda ns: (
        nb01.check_true_false(ns["zero_init_prevents_learning"], "zero_init_prevents_learning"),
        nb01.hidden_true_false(ns["zero_init_prevents_learning"], False,
                               "zero_init_prevents_learning")),
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("sigmoid", "missing minus"): r"sigmoid\(-z\)",
    ("sigmoid", "minus in denominator"): r"1 \+ exp\(-z\), not 1 - exp\(-z\)",
    ("sigmoid", "overflowing form"): r"nan for large z",
    ("sigmoid", "math.exp"): r"use numpy",
    ("sigmoid", "thresholded"): r"probability between 0 and 1",
    ("initialize_with_zeros", "rank-1 w"): r"rank-1 array",
    ("initialize_with_zeros", "row instead of column"): r"transposed",
    ("initialize_with_zeros", "b as an array"): r"b .* single number",
    ("initialize_with_zeros", "integer weights"): r"floating point",
    ("propagate", "no division by m"): r"m times too large",
    ("propagate", "Y - A"): r"wrong sign",
    ("propagate", "cost without minus"): r"cost is negative",
    ("propagate", "summed cost"): r"cost is m times too large",
    ("propagate", "dw transposed"): r"dw .* transposed",
    ("propagate", "w @ X without .T"): r"use w\.T @ X: w has shape \(n_x, 1\)",
    ("propagate", "np.dot(w, X) without .T"): r"use w\.T @ X: w has shape \(n_x, 1\)",
    ("propagate", "cost without the (1 - y) term"): r"only the y log\(a\) term",
    ("propagate", "squared error cost"): r"squared error",
    ("optimize", "gradient ascent"): r"uphill",
    ("optimize", "b never updated"): r"b never changes",
    ("optimize", "cost recorded every iteration"): r"iterations 0, 100, 200",
    ("optimize", "cost recorded after the update"): r"before updating w and b",
    ("optimize", "learning rate ignored"): r"scaled by learning_rate",
    ("predict", "probabilities"): r"returns probabilities",
    ("predict", "threshold at 0"): r"not 0",
    ("predict", "rank-1 result"): r"rank-1 array",
    ("predict", "inverted labels"): r"inverted",
    ("model", "train and test swapped"): r"swapped",
    ("model", "fixed hyper-parameters"): r"learning_rate and num_iterations it is given",
    ("model", "size from the number of examples"): r"number of rows of X_train",
    ("model", "untrained parameters returned"): r"still zero",
    ("zero_init_answer", "true"): r"not the right answer",
    ("zero_init_answer", "a string"): r"True or False \(no quotes\)",
}
