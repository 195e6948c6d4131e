"""Student answers for notebook 02, written the way students write them.

The contract is described in tests/nb01_answers.py; tests/test_checks.py and
tests/test_pipeline.py run every notebook's answers module.
"""
from helpers.grading import nb02

NAME = "02_vectorization"
LOOPS = "compute_cost"
CRASHES = "forward_propagation"

_NN_HEAD = ("def nn_model(X, Y, n_h, rng, num_iterations=10000, learning_rate=1.2,"
            " print_cost=False):\n")
_NN_MODEL = (_NN_HEAD +
             "    n_x, n_h, n_y = layer_sizes(X, Y, n_h)\n"
             "    parameters = initialize_parameters(n_x, n_h, n_y, rng)\n"
             "    costs = []\n"
             "    for i in range(num_iterations):\n"
             "        A2, cache = forward_propagation(X, parameters)\n"
             "        if i % 100 == 0:\n"
             "            costs.append(compute_cost(A2, Y))\n"
             "        grads = backward_propagation(parameters, cache, X, Y)\n"
             "        parameters = update_parameters(parameters, grads, learning_rate)\n"
             "    return parameters, costs\n")


def _nn_model(old, new):
    """A whole nn_model answer, with one mistake: `old` replaced by `new`."""
    assert old in _NN_MODEL, old
    return _NN_MODEL.replace(old, new)


_BACKWARD = ("def backward_propagation(parameters, cache, X, Y):\n"
             "    m = X.shape[1]\n"
             "    A1 = cache['A1']\n"
             "    dZ2 = cache['A2'] - Y\n"
             "    dZ1 = np.dot(parameters['W2'].T, dZ2) * (1 - A1 ** 2)\n"
             "    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1, axis=1, keepdims=True) / m,\n"
             "            'dW2': dZ2 @ A1.T / m, 'db2': np.sum(dZ2, axis=1, keepdims=True) / m}\n")


def _backward(old, new):
    """A whole backward_propagation answer, with `old` replaced by `new` (everywhere)."""
    assert old in _BACKWARD, old
    return _BACKWARD.replace(old, new)


WRONG = {
    "standardize": {
        'loop over the features': (
            'def standardize(X_train, X_test):\n'
            '    n_x = X_train.shape[0]\n'
            '    train, test = np.zeros(X_train.shape), np.zeros(X_test.shape)\n'
            '    for j in range(n_x):\n'
            '        mu, sigma = X_train[j].mean(), X_train[j].std()\n'
            '        if sigma == 0:\n'
            '            sigma = 1.0\n'
            '        train[j] = (X_train[j] - mu) / sigma\n'
            '        test[j] = (X_test[j] - mu) / sigma\n'
            '    return train, test\n'),
        'built-in sum for the mean': (
            'def standardize(X_train, X_test):\n'
            '    m = X_train.shape[1]\n'
            '    mu = (sum(X_train.T) / m).reshape(-1, 1)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True)\n'
            '    sigma[sigma == 0] = 1\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'comprehension for sigma': (
            'def standardize(X_train, X_test):\n'
            '    mu = X_train.mean(axis=1, keepdims=True)\n'
            '    sigma = np.array([[row.std() or 1.0] for row in X_train])\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        "test set's own statistics": (
            'def standardize(X_train, X_test):\n'
            '    def scale(X):\n'
            '        sigma = X.std(axis=1, keepdims=True)\n'
            '        return (X - X.mean(axis=1, keepdims=True)) / np.where(sigma == 0, 1, sigma)\n'
            '    return scale(X_train), scale(X_test)\n'),
        'statistics of both sets': (
            'def standardize(X_train, X_test):\n'
            '    X_all = np.concatenate([X_train, X_test], axis=1)\n'
            '    mu = X_all.mean(axis=1, keepdims=True)\n'
            '    sigma = X_all.std(axis=1, keepdims=True)\n'
            '    sigma = np.where(sigma == 0, 1, sigma)\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'statistics over axis 0': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=0, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=0, keepdims=True)\n'
            '    sigma = np.where(sigma > 0, sigma, 1.0)\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'mean over axis 0': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=0)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.where(sigma > 0, sigma, 1.0)\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'std over axis 0': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=0, keepdims=True)\n'
            '    sigma = np.where(sigma > 0, sigma, 1.0)\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'no keepdims': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1)\n'
            '    sigma = np.std(X_train, axis=1)\n'
            '    sigma[sigma == 0] = 1.0\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'divides by a zero std': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True)\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'epsilon added to the std': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True) + 1e-8\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'divides by the variance': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    var = np.var(X_train, axis=1, keepdims=True)\n'
            '    var[var == 0] = 1.0\n'
            '    return (X_train - mu) / var, (X_test - mu) / var\n'),
        'ddof=1': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True, ddof=1)\n'
            '    sigma[sigma == 0] = 1.0\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'test set left as it was': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True)\n'
            '    sigma[sigma == 0] = 1.0\n'
            '    return (X_train - mu) / sigma, X_test\n'),
        'a dict of both sets': (
            'def standardize(X_train, X_test):\n'
            '    mu = np.mean(X_train, axis=1, keepdims=True)\n'
            '    sigma = np.std(X_train, axis=1, keepdims=True)\n'
            '    sigma[sigma == 0] = 1.0\n'
            "    return {'train': (X_train - mu) / sigma, 'test': (X_test - mu) / sigma}\n"),
    },
    "layer_sizes": {
        "columns instead of rows": (
            "def layer_sizes(X, Y, n_h=4):\n"
            "    return X.shape[1], n_h, Y.shape[1]\n"),
        "n_y from the examples": (
            "def layer_sizes(X, Y, n_h=4):\n"
            "    return X.shape[0], n_h, Y.shape[1]\n"),
        "n_h fixed at 4": (
            "def layer_sizes(X, Y, n_h=4):\n"
            "    n_x = X.shape[0]\n"
            "    n_y = Y.shape[0]\n"
            "    return (n_x, 4, n_y)\n"),
    },
    "initialize_parameters": {
        "no 0.01": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    return {'W1': rng.standard_normal((n_h, n_x)), 'b1': np.zeros((n_h, 1)),\n"
            "            'W2': rng.standard_normal((n_y, n_h)), 'b2': np.zeros((n_y, 1))}\n"),
        "global np.random": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2,"
            " 'b2': np.zeros((n_y, 1))}\n"),
        "zero weights": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    return {'W1': np.zeros((n_h, n_x)), 'b1': np.zeros((n_h, 1)),\n"
            "            'W2': np.zeros((n_y, n_h)), 'b2': np.zeros((n_y, 1))}\n"),
        "W1 transposed": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    W1 = 0.01 * rng.standard_normal((n_x, n_h))\n"
            "    W2 = 0.01 * rng.standard_normal((n_y, n_h))\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2,"
            " 'b2': np.zeros((n_y, 1))}\n"),
        "uniform weights": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    W1 = 0.01 * rng.random((n_h, n_x))\n"
            "    W2 = 0.01 * rng.random((n_y, n_h))\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2,"
            " 'b2': np.zeros((n_y, 1))}\n"),
        "rank-1 biases": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    W1 = 0.01 * rng.standard_normal((n_h, n_x))\n"
            "    W2 = 0.01 * rng.standard_normal((n_y, n_h))\n"
            "    return {'W1': W1, 'b1': np.zeros(n_h), 'W2': W2, 'b2': np.zeros(n_y)}\n"),
        "a generator of its own": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    rng = np.random.default_rng(2)\n"
            "    W1 = 0.01 * rng.standard_normal((n_h, n_x))\n"
            "    W2 = 0.01 * rng.standard_normal((n_y, n_h))\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2,"
            " 'b2': np.zeros((n_y, 1))}\n"),
    },
    "forward_propagation": {
        "sigmoid in the hidden layer": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = 1 / (1 + np.exp(-Z1))\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"),
        "tanh at the output": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    A2 = np.tanh(Z2)\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"),
        "no output activation": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = np.dot(parameters['W1'], X) + parameters['b1']\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = np.dot(parameters['W2'], A1) + parameters['b2']\n"
            "    return Z2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': Z2}\n"),
        "biases forgotten": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = parameters['W2'] @ A1\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"),
        "cache without Z1 and Z2": (
            "def forward_propagation(X, parameters):\n"
            "    A1 = np.tanh(parameters['W1'] @ X + parameters['b1'])\n"
            "    A2 = 1 / (1 + np.exp(-(parameters['W2'] @ A1 + parameters['b2'])))\n"
            "    return A2, {'A1': A1, 'A2': A2}\n"),
    },
    "compute_cost": {
        "no minus": (
            "def compute_cost(A2, Y):\n"
            "    return np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))\n"),
        "sum instead of mean": (
            "def compute_cost(A2, Y):\n"
            "    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))\n"),
        "logs swapped": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return -np.sum(Y * np.log(1 - A2) + (1 - Y) * np.log(A2)) / m\n"),
        "second term missing": (
            "def compute_cost(A2, Y):\n"
            "    return -np.mean(Y * np.log(A2))\n"),
        "squared error": (
            "def compute_cost(A2, Y):\n"
            "    return np.mean((A2 - Y) ** 2)\n"),
    },
    "backward_propagation": {
        "no division by m": _backward(" / m", ""),
        "sigmoid derivative": _backward("(1 - A1 ** 2)", "A1 * (1 - A1)"),
        "derivative from Z1": _backward("(1 - A1 ** 2)", "(1 - cache['Z1'] ** 2)"),
        "derivative left out": _backward(" * (1 - A1 ** 2)", ""),
        "db without keepdims": _backward(", keepdims=True", ""),
        "db summed over the units": _backward(
            "np.sum(dZ1, axis=1, keepdims=True)", "np.sum(dZ1, axis=0, keepdims=True)"),
        "Y - A2": _backward("cache['A2'] - Y", "Y - cache['A2']"),
    },
    "update_parameters": {
        "gradient ascent": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: parameters[k] + learning_rate * grads['d' + k]\n"
            "            for k in parameters}\n"),
        "fixed learning rate": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    new = {}\n"
            "    for k in ('W1', 'b1', 'W2', 'b2'):\n"
            "        new[k] = parameters[k] - 1.2 * grads['d' + k]\n"
            "    return new\n"),
        "biases not updated": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    W1 = parameters['W1'] - learning_rate * grads['dW1']\n"
            "    W2 = parameters['W2'] - learning_rate * grads['dW2']\n"
            "    return {'W1': W1, 'b1': parameters['b1'], 'W2': W2, 'b2': parameters['b2']}\n"),
        "learning rate left out": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: parameters[k] - grads['d' + k] for k in parameters}\n"),
    },
    "nn_model": {
        "learning rate not passed on": _nn_model(
            "update_parameters(parameters, grads, learning_rate)",
            "update_parameters(parameters, grads)"),
        "update result dropped": _nn_model(
            "parameters = update_parameters(", "update_parameters("),
        "n_h left at its default": _nn_model("layer_sizes(X, Y, n_h)", "layer_sizes(X, Y)"),
        "a generator of its own": _nn_model(
            "n_y, rng)", "n_y, np.random.default_rng(3))"),
        "cost recorded every iteration": _nn_model(
            "        if i % 100 == 0:\n            costs.append", "        costs.append"),
    },
    "predict": {
        "probabilities": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return A2\n"),
        "inverted labels": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return (A2 < 0.5).astype(float)\n"),
        "rank-1 result": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return (A2[0] > 0.5) * 1.0\n"),
        "threshold at 0": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return np.where(A2 > 0, 1.0, 0.0)\n"),
    },
}

RIGHT = {
    "standardize": {
        'np.sum and np.sqrt by hand, sigma fixed in place': (
            'def standardize(X_train, X_test):\n'
            '    m = X_train.shape[1]\n'
            '    mu = np.sum(X_train, axis=1, keepdims=True) / m\n'
            '    sigma = np.sqrt(np.sum((X_train - mu) ** 2, axis=1, keepdims=True) / m)\n'
            '    sigma[sigma == 0] = 1\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
        'methods, [:, None] and sigma + (sigma == 0)': (
            'def standardize(X_train, X_test):\n'
            '    mu = X_train.mean(axis=1)[:, None]\n'
            '    sigma = X_train.std(axis=1)[:, None]\n'
            '    sigma = sigma + (sigma == 0)\n'
            '    scale = 1 / sigma\n'
            '    return (X_train - mu) * scale, (X_test - mu) * scale\n'),
        'float32 throughout': (
            'def standardize(X_train, X_test):\n'
            '    X_train, X_test = X_train.astype(np.float32), X_test.astype(np.float32)\n'
            '    mu = X_train.mean(axis=1, keepdims=True)\n'
            '    sigma = X_train.std(axis=1, keepdims=True)\n'
            '    sigma = np.where(sigma == 0, np.float32(1), sigma)\n'
            '    return (X_train - mu) / sigma, (X_test - mu) / sigma\n'),
    },
    "layer_sizes": {
        "len and a list": (
            "def layer_sizes(X, Y, n_h=4):\n"
            "    return [len(X), n_h, len(Y)]\n"),
    },
    "initialize_parameters": {
        "rng.normal": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    return {'W1': rng.normal(0.0, 0.01, size=(n_h, n_x)),"
            " 'b1': np.zeros((n_h, 1)),\n"
            "            'W2': rng.normal(0.0, 0.01, size=(n_y, n_h)),"
            " 'b2': np.zeros((n_y, 1))}\n"),
        "W2 drawn first, transposed draw for W1": (
            "def initialize_parameters(n_x, n_h, n_y, rng):\n"
            "    W2 = rng.standard_normal((n_y, n_h)) * 0.01\n"
            "    W1 = rng.standard_normal((n_x, n_h)).T * 0.01\n"
            "    b1 = np.zeros_like(W1[:, :1])\n"
            "    b2 = np.zeros_like(W2[:, :1])\n"
            "    return dict(W1=W1, b1=b1, W2=W2, b2=b2)\n"),
    },
    "forward_propagation": {
        "np.dot and a tanh-form sigmoid": (
            "def forward_propagation(X, parameters):\n"
            "    W1, b1, W2, b2 = (parameters[k] for k in ('W1', 'b1', 'W2', 'b2'))\n"
            "    Z1 = np.dot(W1, X) + b1\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = np.dot(W2, A1) + b2\n"
            "    A2 = 0.5 * (1 + np.tanh(0.5 * Z2))\n"
            "    cache = dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2)\n"
            "    return A2, cache\n"),
        "own sigmoid and tanh from exponentials": (
            "def sigmoid(z):\n"
            "    return 1 / (1 + np.exp(-z))\n\n"
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = 2 * sigmoid(2 * Z1) - 1\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    return sigmoid(Z2), {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': sigmoid(Z2)}\n"),
    },
    "compute_cost": {
        "np.dot, a (1, 1) array": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m\n"),
        "np.multiply and np.squeeze": (
            "def compute_cost(A2, Y):\n"
            "    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)\n"
            "    return np.squeeze(-np.sum(logprobs) / Y.shape[1])\n"),
    },
    "backward_propagation": {
        "np.dot, np.power, tanh of Z1, a number for db2": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    dZ2 = cache['A2'] - Y\n"
            "    dZ1 = np.dot(parameters['W2'].T, dZ2) * (1 - np.power(np.tanh(cache['Z1']),"
            " 2))\n"
            "    return {'dW1': np.dot(dZ1, X.T) / m,"
            " 'db1': np.mean(dZ1, axis=1, keepdims=True),\n"
            "            'dW2': np.dot(dZ2, cache['A1'].T) / m, 'db2': float(np.mean(dZ2))}\n"),
        "loop over examples": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    grads = {'d' + k: np.zeros_like(v) for k, v in parameters.items()}\n"
            "    for i in range(m):\n"
            "        dz2 = cache['A2'][:, i:i + 1] - Y[:, i:i + 1]\n"
            "        a1 = cache['A1'][:, i:i + 1]\n"
            "        dz1 = parameters['W2'].T @ dz2 * (1 - a1 * a1)\n"
            "        grads['dW2'] += dz2 @ a1.T / m\n"
            "        grads['db2'] += dz2 / m\n"
            "        grads['dW1'] += dz1 @ X[:, i:i + 1].T / m\n"
            "        grads['db1'] += dz1 / m\n"
            "    return grads\n"),
    },
    "update_parameters": {
        "in-place updates": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    for key in parameters:\n"
            "        parameters[key] -= learning_rate * grads['d' + key]\n"
            "    return parameters\n"),
        "one variable at a time": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    W1 = parameters['W1'] - learning_rate * grads['dW1']\n"
            "    b1 = parameters['b1'] - learning_rate * grads['db1']\n"
            "    W2 = parameters['W2'] - learning_rate * grads['dW2']\n"
            "    b2 = parameters['b2'] - learning_rate * grads['db2']\n"
            "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}\n"),
    },
    "nn_model": {
        "sizes from the shapes, keyword arguments": (
            _NN_HEAD +
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0], rng=rng)\n"
            "    costs = []\n"
            "    for i in range(0, num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        cost = compute_cost(A2, Y)\n"
            "        if i % 100 == 0:\n"
            "            costs.append(float(np.squeeze(cost)))\n"
            "        if print_cost and i % 1000 == 0:\n"
            "            print('cost after iteration', i, cost)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads,"
            " learning_rate=learning_rate)\n"
            "    return parameters, np.array(costs)\n"),
    },
    "predict": {
        "np.round": (
            "def predict(parameters, X):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return np.round(A2)\n"),
        "booleans from Z2 > 0, computed here": (
            "def predict(parameters, X):\n"
            "    A1 = np.tanh(parameters['W1'] @ X + parameters['b1'])\n"
            "    return parameters['W2'] @ A1 + parameters['b2'] > 0\n"),
        "loop over examples": (
            "def predict(parameters, X):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    labels = np.zeros((1, X.shape[1]))\n"
            "    for i in range(X.shape[1]):\n"
            "        if A2[0, i] > 0.5:\n"
            "            labels[0, i] = 1\n"
            "    return labels\n"),
    },
}

# Submissions that must score 0 for the whole notebook and be flagged (each is added to
# an otherwise correct notebook).
CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.assert_vectorized = lambda fn, name: None\n",
    "imports the reference": (
        "from helpers.shallow import backward_propagation as _reference\n"),
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "reaches builtins": "__builtins__.print = None\n",
}

CHECKS = {
    "standardize": lambda ns: nb02.check_standardize(ns["standardize"]),
    "layer_sizes": lambda ns: nb02.check_layer_sizes(ns["layer_sizes"]),
    "initialize_parameters":
        lambda ns: nb02.check_initialize_parameters(ns["initialize_parameters"]),
    "forward_propagation": lambda ns: nb02.check_forward_propagation(ns["forward_propagation"]),
    "compute_cost": lambda ns: nb02.check_compute_cost(ns["compute_cost"]),
    "backward_propagation":
        lambda ns: nb02.check_backward_propagation(ns["backward_propagation"]),
    "update_parameters": lambda ns: nb02.check_update_parameters(ns["update_parameters"]),
    "nn_model": lambda ns: nb02.check_nn_model(ns["nn_model"]),
    "predict": lambda ns: nb02.check_predict(ns["predict"]),
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("standardize", 'loop over the features'):
        r'runs a Python loop, a for loop',
    ("standardize", 'built-in sum for the mean'):
        r"calls Python's built-in sum .*loops in Python over the first axis.*np\.sum",
    ("standardize", 'comprehension for sigma'):
        r'runs a Python loop, a comprehension',
    ("standardize", "test set's own statistics"):
        r'X_test_std .*leakage via test statistics: .*a mean and a standard deviation of its own',
    ("standardize", 'statistics of both sets'):
        r'X_train_std .*leakage via combined statistics',
    ("standardize", 'statistics over axis 0'):
        r'the mean and the standard deviation are taken over the wrong axis',
    ("standardize", 'mean over axis 0'):
        r'the mean is taken over the wrong axis',
    ("standardize", 'std over axis 0'):
        r'the standard deviation is taken over the wrong axis',
    ("standardize", 'no keepdims'):
        r'could not be broadcast.*\(n_x, 1\) columns.*keepdims=True',
    ("standardize", 'divides by a zero std'):
        r'constant in X_train has standard deviation 0.*divide by 1',
    ("standardize", 'epsilon added to the std'):
        r'X_test_std .*sigma \+ 1e-8',
    ("standardize", 'divides by the variance'):
        r'divides by the variance',
    ("standardize", 'ddof=1'):
        r'ddof=1',
    ("standardize", 'test set left as it was'):
        r'X_test came back as it was',
    ("standardize", 'a dict of both sets'):
        r'should return the pair \(X_train_std, X_test_std\).* is a dict',
    ("layer_sizes", "columns instead of rows"): r"ROWS of X and Y",
    ("layer_sizes", "n_y from the examples"): r"ROWS of Y",
    ("layer_sizes", "n_h fixed at 4"): r"n_h you are given",
    ("initialize_parameters", "no 0.01"):
        r"W1 .* too large: .* Multiply the standard normal draws by 0\.01",
    ("initialize_parameters", "global np.random"): r"rng you are given .* np\.random\.randn",
    ("initialize_parameters", "zero weights"): r"W1 .* all zeros",
    ("initialize_parameters", "W1 transposed"): r"W1 .* transposed",
    ("initialize_parameters", "uniform weights"): r"all positive",
    ("initialize_parameters", "rank-1 biases"): r"b1 .* rank-1 array",
    ("initialize_parameters", "a generator of its own"): r"rng it is given",
    ("forward_propagation", "sigmoid in the hidden layer"): r"hidden layer uses tanh",
    ("forward_propagation", "tanh at the output"): r"output layer uses the sigmoid",
    ("forward_propagation", "no output activation"): r"returned Z2, before the sigmoid",
    ("forward_propagation", "biases forgotten"): r"biases are missing",
    ("forward_propagation", "cache without Z1 and Z2"):
        r"cache a dict with the keys Z1, A1, Z2 and A2; .* has no key 'Z1' "
        r"\(its keys: \['A1', 'A2'\]\)",
    ("compute_cost", "no minus"): r"cost is negative",
    ("compute_cost", "sum instead of mean"): r"m times too large",
    ("compute_cost", "logs swapped"): r"swapped",
    ("compute_cost", "second term missing"): r"\(1 - y\) log\(1 - a\) is missing",
    ("compute_cost", "squared error"): r"squared error",
    ("backward_propagation", "no division by m"): r"dW2 .* m times too large",
    ("backward_propagation", "sigmoid derivative"): r"sigmoid's derivative",
    ("backward_propagation", "derivative from Z1"): r"dW1 uses 1 - Z1\*\*2",
    ("backward_propagation", "derivative left out"): r"leaves out the hidden layer's derivative",
    ("backward_propagation", "db without keepdims"): r"db2 .* rank-1|db1 .* rank-1",
    ("backward_propagation", "db summed over the units"): r"db1 .* wrong axis",
    ("backward_propagation", "Y - A2"): r"wrong sign: dZ2 = A2 - Y",
    ("update_parameters", "gradient ascent"): r"uphill",
    ("update_parameters", "fixed learning rate"): r"learning_rate you are given",
    ("update_parameters", "biases not updated"): r"the biases never change",
    ("update_parameters", "learning rate left out"): r"scaled by learning_rate",
    ("nn_model", "learning rate not passed on"): r"pass its learning_rate on",
    ("nn_model", "update result dropped"): r"still the initial ones",
    ("nn_model", "n_h left at its default"): r"n_h hidden units",
    ("nn_model", "a generator of its own"): r"pass the rng it is given",
    ("nn_model", "cost recorded every iteration"): r"iterations 0, 100, 200",
    ("predict", "probabilities"): r"returns probabilities",
    ("predict", "inverted labels"): r"inverted",
    ("predict", "rank-1 result"): r"rank-1 array",
    ("predict", "threshold at 0"): r"not with 0",
}
