"""Student answers for notebook 04, written the way students write them.

The contract is the one tests/nb01_answers.py describes: WRONG answers (each a whole
answer cell, one realistic mistake) must lose their exercise's points and fail its
visible check with a message matching MESSAGES; RIGHT answers (other correct forms,
float32 where it makes sense, loops where the exercise allows them) must keep full marks;
CHECKS runs an exercise's visible check on a namespace holding the answer; LOOPS and
CRASHES name the exercises the pipeline test replaces by an endless loop and a kernel
crash; QUESTIONS the answers whose visible check only says they are answered.
`making` writes an answer that makes one listed mistake of an exercise judged by what
it does (`measure`).
"""
from helpers.grading import nb04

NAME = "04_backprop"
LOOPS = "gradient_check"
CRASHES = "linear_backward"
QUESTIONS = {"planted_bugs"}

_INIT = "def initialize_parameters_deep(layer_dims, rng):\n"
_LINEAR = "def linear_forward(A_prev, W, b):\n"
_ACT = "def linear_activation_forward(A_prev, W, b, activation):\n"
_MODEL = "def L_model_forward(X, parameters):\n"
_COST = "def compute_cost(AL, Y):\n"
_CHECK = "def gradient_check(parameters, gradients, X, Y, epsilon=1e-7):\n"
_BACK = "def linear_backward(dZ, cache):\n"
_ACT_BACK = "def linear_activation_backward(dA, cache, activation):\n"
_MODEL_BACK = "def L_model_backward(AL, Y, caches):\n"
_UPDATE = "def update_parameters(parameters, grads, learning_rate):\n"


def _init(scale="1 / np.sqrt(layer_dims[l - 1])", bias="np.zeros((layer_dims[l], 1))",
          draw="rng.standard_normal((layer_dims[l], layer_dims[l - 1]))",
          layers="range(1, len(layer_dims))"):
    return (_INIT +
            "    parameters = {}\n"
            f"    for l in {layers}:\n"
            f"        parameters[f'W{{l}}'] = {draw} * {scale}\n"
            f"        parameters[f'b{{l}}'] = {bias}\n"
            "    return parameters\n")


def _act(relu="np.maximum(0, Z)", sigmoid="1 / (1 + np.exp(-Z))", cache="(linear_cache, Z)"):
    return (_ACT +
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            f"    A = {relu} if activation == 'relu' else {sigmoid}\n"
            f"    return A, {cache}\n")


def _model(hidden="'relu'", output="'sigmoid'", stop="L", collect="caches.append(cache)"):
    return (_MODEL +
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            f"    for l in range(1, {stop} + 1):\n"
            f"        activation = {hidden} if l < L else {output}\n"
            "        A, cache = linear_activation_forward(A, parameters[f'W{l}'],\n"
            "                                             parameters[f'b{l}'], activation)\n"
            f"        {collect}\n"
            "    return A, caches\n")


def _check(quotient="(J_plus - J_minus) / (2 * epsilon)", minus="-= epsilon",
           result="np.linalg.norm(g - g_approx) / (np.linalg.norm(g) + np.linalg.norm(g_approx))",
           copy="{k: v.copy() for k, v in parameters.items()}"):
    return (_CHECK +
            "    g, g_approx = [], []\n"
            "    for key in parameters:\n"
            "        for index in np.ndindex(parameters[key].shape):\n"
            f"            plus = {copy}\n"
            f"            minus = {copy}\n"
            "            plus[key][index] += epsilon\n"
            f"            minus[key][index] {minus}\n"
            "            J_plus = compute_cost(L_model_forward(X, plus)[0], Y)\n"
            "            J_minus = compute_cost(L_model_forward(X, minus)[0], Y)\n"
            f"            g_approx.append({quotient})\n"
            "            g.append(gradients['d' + key][index])\n"
            "    g, g_approx = np.array(g), np.array(g_approx)\n"
            f"    return float({result})\n")


def _back(dW="dZ @ A_prev.T / m", db="np.sum(dZ, axis=1, keepdims=True) / m",
          dA="W.T @ dZ"):
    return (_BACK +
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            f"    return {dA}, {dW}, {db}\n")


def _act_back(relu="dA * (Z > 0)", sigmoid="dA * s * (1 - s)", s="1 / (1 + np.exp(-Z))"):
    return (_ACT_BACK +
            "    linear_cache, Z = cache\n"
            f"    s = {s}\n"
            f"    dZ = {relu} if activation == 'relu' else {sigmoid}\n"
            "    return linear_backward(dZ, linear_cache)\n")


def _model_back(dZ="AL - Y", hidden="'relu'", layer_cache="caches[l - 1]",
                output_cache="caches[L - 1]"):
    return (_MODEL_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            f"    linear_cache, Z = {output_cache}\n"
            f"    grads[f'dA{{L - 1}}'], grads[f'dW{{L}}'], grads[f'db{{L}}'] = "
            f"linear_backward({dZ}, linear_cache)\n"
            "    for l in range(L - 1, 0, -1):\n"
            "        grads[f'dA{l - 1}'], grads[f'dW{l}'], grads[f'db{l}'] = \\\n"
            f"            linear_activation_backward(grads[f'dA{{l}}'], {layer_cache}, "
            f"{hidden})\n"
            "    return grads\n")


def _update(body="{key: value - learning_rate * grads['d' + key]\n"
                 "            for key, value in parameters.items()}"):
    return _UPDATE + f"    return {body}\n"


WRONG = {
    "initialize_parameters_deep": {
        "He's scale": _init(scale="np.sqrt(2 / layer_dims[l - 1])"),
        "variance as the standard deviation": _init(scale="1 / layer_dims[l - 1]"),
        "fan-out": _init(scale="1 / np.sqrt(layer_dims[l])"),
        "notebook 02's 0.01": _init(scale="0.01"),
        "no scaling": _init(scale="1"),
        "random biases": _init(bias="rng.standard_normal((layer_dims[l], 1))"),
        "W transposed": _init(draw="rng.standard_normal((layer_dims[l - 1], layer_dims[l]))"),
        "numpy's global generator": _init(
            draw="np.random.randn(layer_dims[l], layer_dims[l - 1])"),
        "one layer short": _init(layers="range(1, len(layer_dims) - 1)"),
        "uniform on [0, 1)": _init(draw="rng.random((layer_dims[l], layer_dims[l - 1]))"),
    },
    "linear_forward": {
        "no bias": _LINEAR + "    return W @ A_prev, (A_prev, W, b)\n",
        "elementwise product": _LINEAR + "    return W * A_prev + b, (A_prev, W, b)\n",
        "operands swapped": _LINEAR + "    return A_prev @ W + b, (A_prev, W, b)\n",
        "cache in another order": _LINEAR + "    return W @ A_prev + b, (W, A_prev, b)\n",
        "W transposed": _LINEAR + "    return W.T @ A_prev + b, (A_prev, W, b)\n",
    },
    "linear_activation_forward": {
        "activations swapped": _act(relu="1 / (1 + np.exp(-Z))", sigmoid="np.maximum(0, Z)"),
        "no activation": _act(relu="Z", sigmoid="Z"),
        "sigmoid without its minus": _act(sigmoid="1 / (1 + np.exp(Z))"),
        "cache in the other order": _act(cache="(Z, linear_cache)"),
    },
    "L_model_forward": {
        "sigmoid everywhere": _model(hidden="'sigmoid'"),
        "ReLU at the output": _model(output="'relu'"),
        "output layer left out": _model(stop="L - 1"),
        "only the last cache": _model(collect="caches = [cache]"),
    },
    "compute_cost": {
        "no minus": _COST + "    return float(np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))\n",
        "sum instead of mean": (
            _COST + "    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))\n"),
        "squared error": _COST + "    return float(np.mean((AL - Y) ** 2))\n",
    },
    "gradient_check": {
        "one-sided": _check(quotient="(J_plus - compute_cost(L_model_forward(X, parameters)[0]"
                                     ", Y)) / epsilon"),
        "divided by epsilon": _check(quotient="(J_plus - J_minus) / epsilon"),
        "no denominator": _check(result="np.linalg.norm(g - g_approx)"),
        "one norm in the denominator": _check(
            result="np.linalg.norm(g - g_approx) / np.linalg.norm(g)"),
        "sums of absolute values": _check(
            result="np.sum(np.abs(g - g_approx)) / (np.sum(np.abs(g)) + "
                   "np.sum(np.abs(g_approx)))"),
        "changes the caller's parameters": _check(copy="parameters"),
    },
    "linear_backward": {
        "no 1/m": _back(dW="dZ @ A_prev.T", db="np.sum(dZ, axis=1, keepdims=True)"),
        "1/m twice": _back(dW="dZ @ A_prev.T / m ** 2", db="np.sum(dZ, axis=1, keepdims=True) / m ** 2"),
        "A_prev not transposed": _back(dW="(A_prev @ dZ.T) / m"),
        "db over the wrong axis": _back(db="np.sum(dZ, axis=0, keepdims=True) / m"),
        "db without keepdims": _back(db="np.sum(dZ, axis=1) / m"),
        "db summed over everything": _back(db="np.sum(dZ) / m"),
        "W not transposed": _back(dA="W @ dZ"),
        "dA_prev divided by m": _back(dA="W.T @ dZ / m"),
    },
    "linear_activation_backward": {
        "sigmoid's derivative at A": _act_back(s="1 / (1 + np.exp(-(1 / (1 + np.exp(-Z)))))"),
        "no derivative": _act_back(relu="dA", sigmoid="dA"),
        "ReLU's derivative is Z": _act_back(relu="dA * np.maximum(0, Z)"),
        "sigmoid without (1 - s)": _act_back(sigmoid="dA * s"),
        "derivatives swapped": _act_back(relu="dA * s * (1 - s)", sigmoid="dA * (Z > 0)"),
    },
    "L_model_backward": {
        "Y - AL": _model_back(dZ="Y - AL"),
        "sigmoid in the hidden layers": _model_back(hidden="'sigmoid'"),
        # each dA named after the layer that computes it: dA1..dAL, no dA0
        "keys one layer off": (
            _MODEL_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    linear_cache, Z = caches[L - 1]\n"
            "    grads[f'dA{L}'], grads[f'dW{L}'], grads[f'db{L}'] = "
            "linear_backward(AL - Y, linear_cache)\n"
            "    for l in range(L - 1, 0, -1):\n"
            "        grads[f'dA{l}'], grads[f'dW{l}'], grads[f'db{l}'] = \\\n"
            "            linear_activation_backward(grads[f'dA{l + 1}'], caches[l - 1], "
            "'relu')\n"
            "    return grads\n"),
        "caches in the wrong order": _model_back(layer_cache="caches[L - 1 - l]"),
        "ReLU at the output": (
            _MODEL_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dAL = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    grads[f'dA{L - 1}'], grads[f'dW{L}'], grads[f'db{L}'] = \\\n"
            "        linear_activation_backward(dAL, caches[L - 1], 'relu')\n"
            "    for l in range(L - 1, 0, -1):\n"
            "        grads[f'dA{l - 1}'], grads[f'dW{l}'], grads[f'db{l}'] = \\\n"
            "            linear_activation_backward(grads[f'dA{l}'], caches[l - 1], 'relu')\n"
            "    return grads\n"),
    },
    "update_parameters": {
        "uphill": _update("{key: value + learning_rate * grads['d' + key]\n"
                          "            for key, value in parameters.items()}"),
        "no learning rate": _update("{key: value - grads['d' + key]\n"
                                    "            for key, value in parameters.items()}"),
        "biases left out": _update(
            "{key: value - learning_rate * grads['d' + key] if key.startswith('W') else value\n"
            "            for key, value in parameters.items()}"),
        "last layer skipped": (
            _UPDATE +
            "    L = len(parameters) // 2\n"
            "    new = dict(parameters)\n"
            "    for l in range(1, L):\n"
            "        new[f'W{l}'] = parameters[f'W{l}'] - learning_rate * grads[f'dW{l}']\n"
            "        new[f'b{l}'] = parameters[f'b{l}'] - learning_rate * grads[f'db{l}']\n"
            "    return new\n"),
        "in place": (
            _UPDATE +
            "    for key in parameters:\n"
            "        parameters[key] -= learning_rate * grads['d' + key]\n"
            "    return parameters\n"),
    },
    "planted_bugs": {
        "only the top layer": "planted_bugs = {'b3'}\n",
        "every parameter": "planted_bugs = {'W1', 'b1', 'W2', 'b2', 'W3', 'b3'}\n",
        "the right ones and b2": "planted_bugs = {'b3', 'W2', 'b2', 'W1', 'b1'}\n",
        "a name that is no parameter": "planted_bugs = {'dW1'}\n",
        "a string": "planted_bugs = 'W1, b1'\n",
    },
}

MESSAGES = {
    ("initialize_parameters_deep", "He's scale"): r"He's scale",
    ("initialize_parameters_deep", "variance as the standard deviation"): r"VARIANCE",
    ("initialize_parameters_deep", "fan-out"): r"fan-out",
    ("initialize_parameters_deep", "notebook 02's 0.01"): r"notebook 02's scale",
    ("initialize_parameters_deep", "no scaling"): r"not scaled at all",
    ("initialize_parameters_deep", "random biases"): r"b1 .* is not zero",
    ("initialize_parameters_deep", "W transposed"): r"W1 .* should have shape \(4, 3\)",
    ("initialize_parameters_deep", "numpy's global generator"): r"np\.random\.randn",
    ("initialize_parameters_deep", "one layer short"): r"len\(layer_dims\) - 1 layers",
    ("initialize_parameters_deep", "uniform on [0, 1)"): r"all positive",
    ("linear_forward", "no bias"): r"bias is missing",
    ("linear_forward", "elementwise product"): r"is a matrix product, W @ A_prev",
    ("linear_forward", "operands swapped"): r"Z = W @ A_prev \+ b, in that order",
    ("linear_forward", "cache in another order"): r"wrong order: it should be \(A_prev, W, b\)",
    ("linear_forward", "W transposed"): r"W's transpose|in that order",
    ("linear_activation_forward", "activations swapped"): r"activations are swapped",
    ("linear_activation_forward", "no activation"): r"you returned Z itself",
    ("linear_activation_forward", "sigmoid without its minus"): r"minus sign is missing",
    ("linear_activation_forward", "cache in the other order"):
        r"cache = \(\(A_prev, W, b\), Z\)",
    ("L_model_forward", "sigmoid everywhere"): r"every layer uses the sigmoid",
    ("L_model_forward", "ReLU at the output"): r"output layer uses ReLU",
    ("L_model_forward", "output layer left out"): r"output layer .* is missing",
    ("L_model_forward", "only the last cache"): r"caches has 1 entries",
    ("compute_cost", "no minus"): r"leading minus",
    ("compute_cost", "sum instead of mean"): r"m times too large",
    ("compute_cost", "squared error"): r"squared error",
    ("gradient_check", "one-sided"): r"one-sided difference",
    ("gradient_check", "divided by epsilon"): r"divide by 2 \* epsilon",
    ("gradient_check", "no denominator"): r"difference is relative",
    ("gradient_check", "one norm in the denominator"): r"both norms",
    ("gradient_check", "sums of absolute values"): r"Euclidean",
    ("gradient_check", "changes the caller's parameters"): r"changed its argument parameters",
    ("linear_backward", "no 1/m"): r"dW is m times too large",
    ("linear_backward", "1/m twice"): r"divided by m twice",
    ("linear_backward", "A_prev not transposed"): r"dW is transposed",
    ("linear_backward", "db over the wrong axis"): r"sums over the wrong axis",
    ("linear_backward", "db without keepdims"): r"db .* should have shape \(3, 1\).*keepdims",
    ("linear_backward", "db summed over everything"): r"one entry per unit",
    ("linear_backward", "W not transposed"): r"W must be transposed|W\.T @ dZ",
    ("linear_backward", "dA_prev divided by m"): r"not divided by m",
    ("linear_activation_backward", "sigmoid's derivative at A"): r"evaluated at A",
    ("linear_activation_backward", "no derivative"): r"derivative is missing",
    ("linear_activation_backward", "ReLU's derivative is Z"): r"a mask\), not Z itself",
    ("linear_activation_backward", "sigmoid without (1 - s)"): r"factor \(1 - s\) is missing",
    ("linear_activation_backward", "derivatives swapped"): r"derivatives are swapped",
    ("L_model_backward", "Y - AL"): r"point uphill",
    ("L_model_backward", "sigmoid in the hidden layers"): r"hidden layers are ReLU",
    ("L_model_backward", "keys one layer off"): r"one layer off",
    ("L_model_backward", "caches in the wrong order"): r"caches\[l - 1\] for layer l",
    ("L_model_backward", "ReLU at the output"): r"output layer is a sigmoid",
    ("update_parameters", "uphill"): r"moved uphill",
    ("update_parameters", "no learning rate"): r"scaled by learning_rate",
    ("update_parameters", "biases left out"): r"biases never change",
    ("update_parameters", "last layer skipped"): r"last layer was not updated",
    ("update_parameters", "in place"): r"changed its argument parameters in place",
    ("planted_bugs", "only the top layer"): r"not the right set",
    ("planted_bugs", "every parameter"): r"not the right set",
    ("planted_bugs", "the right ones and b2"): r"not the right set",
    ("planted_bugs", "a name that is no parameter"): r"not parameters of the buggy network",
    ("planted_bugs", "a string"): r"should be a set of parameter names",
}

RIGHT = {
    "initialize_parameters_deep": {
        "W2 drawn before W1": (
            _INIT +
            "    parameters = {}\n"
            "    for l in reversed(range(1, len(layer_dims))):\n"
            "        n_in, n_out = layer_dims[l - 1], layer_dims[l]\n"
            "        parameters[f'W{l}'] = rng.normal(0.0, 1 / np.sqrt(n_in), (n_out, n_in))\n"
            "        parameters[f'b{l}'] = np.zeros((n_out, 1))\n"
            "    return parameters\n"),
        "uniform with the same variance": _init(
            draw="rng.uniform(-np.sqrt(3), np.sqrt(3), (layer_dims[l], layer_dims[l - 1]))"),
    },
    "linear_forward": {
        "np.dot": _LINEAR + "    Z = np.dot(W, A_prev) + b\n    return Z, (A_prev, W, b)\n",
    },
    "linear_activation_forward": {
        "np.where and tanh's form of the sigmoid": _act(
            relu="np.where(Z > 0, Z, 0.0)", sigmoid="0.5 * (1 + np.tanh(Z / 2))"),
    },
    "L_model_forward": {
        "hidden layers in a loop, the output after it": (
            _MODEL +
            "    L = len(parameters) // 2\n"
            "    caches = []\n"
            "    A = X\n"
            "    for l in range(1, L):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'relu')\n"
            "        caches.append(cache)\n"
            "    AL, cache = linear_activation_forward(A, parameters['W' + str(L)],\n"
            "                                          parameters['b' + str(L)], 'sigmoid')\n"
            "    caches.append(cache)\n"
            "    return AL, caches\n"),
    },
    "compute_cost": {
        "a dot product": (
            _COST + "    m = Y.shape[1]\n"
            "    return float(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))"
            "[0, 0] / m)\n"),
    },
    "gradient_check": {
        "one flat vector": (
            _CHECK +
            "    keys = list(parameters)\n"
            "    theta = np.concatenate([parameters[k].ravel() for k in keys])\n"
            "    grad = np.concatenate([gradients['d' + k].ravel() for k in keys])\n"
            "    def unflatten(vector):\n"
            "        out, start = {}, 0\n"
            "        for k in keys:\n"
            "            size = parameters[k].size\n"
            "            out[k] = vector[start:start + size].reshape(parameters[k].shape)\n"
            "            start += size\n"
            "        return out\n"
            "    approx = np.zeros_like(theta)\n"
            "    for i in range(theta.size):\n"
            "        plus, minus = theta.copy(), theta.copy()\n"
            "        plus[i] += epsilon\n"
            "        minus[i] -= epsilon\n"
            "        approx[i] = (compute_cost(L_model_forward(X, unflatten(plus))[0], Y)\n"
            "                     - compute_cost(L_model_forward(X, unflatten(minus))[0], Y)"
            ") / (2 * epsilon)\n"
            "    numerator = np.sqrt(np.sum((grad - approx) ** 2))\n"
            "    return numerator / (np.sqrt(np.sum(grad ** 2)) + np.sqrt(np.sum(approx ** 2)))\n"),
    },
    "linear_backward": {
        "np.dot and keepdims by reshape": _back(
            dW="np.dot(dZ, A_prev.T) / m", db="dZ.sum(axis=1).reshape(-1, 1) / m",
            dA="np.dot(W.T, dZ)"),
    },
    "linear_activation_backward": {
        "the sigmoid's derivative from A itself": (
            _ACT_BACK +
            "    linear_cache, Z = cache\n"
            "    if activation == 'relu':\n"
            "        dZ = np.where(Z > 0, dA, 0.0)\n"
            "    else:\n"
            "        A = 1 / (1 + np.exp(-Z))\n"
            "        dZ = dA * A * (1 - A)\n"
            "    return linear_backward(dZ, linear_cache)\n"),
    },
    "L_model_backward": {
        "from dAL through the sigmoid's backward pass": (
            _MODEL_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        activation = 'sigmoid' if l == L else 'relu'\n"
            "        dA, grads['dW' + str(l)], grads['db' + str(l)] = \\\n"
            "            linear_activation_backward(dA, caches[l - 1], activation)\n"
            "        grads['dA' + str(l - 1)] = dA\n"
            "    return grads\n"),
    },
    "update_parameters": {
        "a loop over the layers": (
            _UPDATE +
            "    L = len(parameters) // 2\n"
            "    new = {}\n"
            "    for l in range(1, L + 1):\n"
            "        new['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]\n"
            "        new['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]\n"
            "    return new\n"),
    },
    "planted_bugs": {
        "a list": "planted_bugs = ['W1', 'b1', 'W2', 'b3']\n",
    },
}

CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_linear_forward = lambda f: None\n",
    "imports the reference": "from helpers.deep import linear_forward as _reference\n",
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "reaches builtins": "__builtins__.print = None\n",
    "reads the buggy backward pass": "import helpers.bugs as _bugs\n",
}


def _visible(name):
    return lambda ns: getattr(nb04, f"check_{name}")(ns[name])


CHECKS = {name: _visible(name) for name in nb04.EXERCISES}
CHECKS["planted_bugs"] = lambda ns: (
    nb04.check_planted_bugs(ns["planted_bugs"]),
    nb04.hidden_planted_bugs(ns["planted_bugs"], {"b3", "W2", "W1", "b1"}))

# The sources that make each listed mistake of the exercises judged by what they do.
_INIT_SCALES = ["np.sqrt(2 / layer_dims[l - 1])",
                "np.sqrt(2 / (layer_dims[l - 1] + layer_dims[l]))",
                "1 / np.sqrt(layer_dims[l])", "1 / layer_dims[l - 1]", "1", "0.01"]
_BACKWARD_VARIANTS = [WRONG["L_model_backward"]["Y - AL"],
                      WRONG["L_model_backward"]["ReLU at the output"],
                      WRONG["L_model_backward"]["sigmoid in the hidden layers"]]


def making(name, part, k):
    """An answer that makes the k-th listed mistake of `part` of exercise `name`."""
    if name == "initialize_parameters_deep":
        return _init(scale=_INIT_SCALES[k])
    if name == "L_model_backward":
        return _BACKWARD_VARIANTS[k]
    raise LookupError(f"no answer makes {name}'s mistake {k} of {part}")
