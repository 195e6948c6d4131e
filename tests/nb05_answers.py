"""Student answers for notebook 05, written the way students write them.

The contract is the one tests/nb01_answers.py describes: WRONG answers (each a whole
answer cell, one realistic mistake) must lose their exercise's points and fail its
visible check with a message matching MESSAGES; RIGHT answers (other correct ways of
drawing: uniform instead of normal, another order, a transposed draw, float32, a call of
the student's own steady_std) must keep full marks; CHECKS runs an exercise's visible
check on a namespace holding the answer; LOOPS and CRASHES name the exercises the
pipeline test replaces by an endless loop and a kernel crash; CHEATS are prepended to the
first answer cell and must score 0 and be flagged.

The initializers are judged by what they draw (`measure`), so tests/test_exercises.py
cannot make their listed mistakes from the declarations alone: `making(name, part, k)`
writes an answer cell that makes the k-th listed mistake of that part and no other, from
the way of drawing that nb05.DRAWS gives for it.
"""
from helpers.grading import nb05

NAME = "05_initialization"
LOOPS = "initialize_parameters_he"
CRASHES = "steady_std"

_HEADS = {
    "initialize_parameters_zeros": "def initialize_parameters_zeros(layer_dims):\n",
    "initialize_parameters_random": "def initialize_parameters_random(layer_dims, rng):\n",
    "initialize_parameters_he": "def initialize_parameters_he(layer_dims, rng):\n",
    "initialize_parameters_xavier": "def initialize_parameters_xavier(layer_dims, rng):\n",
}
_STEADY = "def steady_std(fan_in, activation, alpha=0.01):\n"


def _loop(name, weights="rng.standard_normal((n, n_prev)) * scale", scale="1.0",
          bias="np.zeros((n, 1))", loop="range(1, len(layer_dims))", keys=("l", "l")):
    """An initializer in the usual shape: one W and b per layer, in a loop; the parts a
    mistake changes are arguments."""
    w_key, b_key = keys
    return (_HEADS[name] +
            "    parameters = {}\n"
            f"    for l in {loop}:\n"
            "        n_prev, n = layer_dims[l - 1], layer_dims[l]\n"
            f"        scale = {scale}\n"
            f"        parameters[f'W{{{w_key}}}'] = {weights}\n"
            f"        parameters[f'b{{{b_key}}}'] = {bias}\n"
            "    return parameters\n")


def _zeros(**changes):
    return _loop("initialize_parameters_zeros", **{"weights": "np.zeros((n, n_prev))",
                                                   **changes})


def _random(**changes):
    return _loop("initialize_parameters_random", **{"scale": "10", **changes})


HE_SCALE = "np.sqrt(2 / n_prev)"
XAVIER_SCALE = "np.sqrt(2 / (n_prev + n))"


def _he(**changes):
    return _loop("initialize_parameters_he", **{"scale": HE_SCALE, **changes})


def _xavier(**changes):
    return _loop("initialize_parameters_xavier", **{"scale": XAVIER_SCALE, **changes})


def _steady(body):
    return _STEADY + body


UNIFORM = "rng.uniform(-scale, scale, size=(n, n_prev))"
GLOBAL = "np.random.randn(n, n_prev) * scale"


def making(name, part, k):
    """An answer that makes the k-th listed mistake of `part` of the exercise `name`
    (helpers/grading/nb05.py, EXERCISES) and no other."""
    if name == "initialize_parameters_zeros":
        assert k == 0, "zeros lists one mistake per part"
        return _zeros(weights="np.ones((n, n_prev))") if part == "W" else \
            _zeros(bias="np.ones((n, 1))")
    draws = [d for d in nb05.DRAWS[name] if d.message is not None]
    draw = draws[k]
    assert nb05.EXERCISES[name].mistakes[part][k].message == draw.message
    weights = UNIFORM if draw.distribution == "uniform" else \
        "rng.standard_normal((n, n_prev)) * scale"
    return _loop(name, weights=weights, scale=draw.scale)


WRONG = {
    "initialize_parameters_zeros": {
        "W transposed": _zeros(weights="np.zeros((n_prev, n))"),
        "rank-1 biases": _zeros(bias="np.zeros(n)"),
        "ones": _zeros(weights="np.ones((n, n_prev))"),
        "integer zeros": _zeros(weights="np.zeros((n, n_prev), dtype=int)"),
        "the last layer left out": _zeros(loop="range(1, len(layer_dims) - 1)"),
        "numbered from 0": (
            _HEADS["initialize_parameters_zeros"] +
            "    parameters = {}\n"
            "    for l in range(len(layer_dims) - 1):\n"
            "        parameters['W' + str(l)] = np.zeros((layer_dims[l + 1], layer_dims[l]))\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l + 1], 1))\n"
            "    return parameters\n"),
        "a list of arrays": (
            _HEADS["initialize_parameters_zeros"] +
            "    return [np.zeros((layer_dims[l], layer_dims[l - 1]))\n"
            "            for l in range(1, len(layer_dims))]\n"),
        "no return": (
            _HEADS["initialize_parameters_zeros"] +
            "    parameters = {}\n"
            "    for l in range(1, len(layer_dims)):\n"
            "        parameters[f'W{l}'] = np.zeros((layer_dims[l], layer_dims[l - 1]))\n"
            "        parameters[f'b{l}'] = np.zeros((layer_dims[l], 1))\n"),
    },
    "initialize_parameters_random": {
        "unscaled": _random(scale="1"),
        "np.random.randn": _random(weights=GLOBAL),
        "times 100": _random(scale="100"),
        "notebook 02's 0.01": _random(scale="0.01"),
        "uniform on [-10, 10]": _random(weights=UNIFORM),
        "rng.random": _random(weights="rng.random((n, n_prev)) * scale"),
        "random biases": _random(bias="rng.standard_normal((n, 1))"),
        "a constant": _random(weights="np.ones((n, n_prev)) * scale"),
        "a generator with a fixed seed": _random(
            weights="np.random.default_rng(0).standard_normal((n, n_prev)) * scale"),
        "a generator without a seed": _random(
            weights="np.random.default_rng().standard_normal((n, n_prev)) * scale"),
        "W transposed": _random(weights="rng.standard_normal((n_prev, n)) * scale"),
        "one row for every unit": _random(
            weights="np.repeat(rng.standard_normal((1, n_prev)), n, axis=0) * scale"),
        "variance 10": _random(weights="rng.normal(0, np.sqrt(scale), size=(n, n_prev))"),
        "changes layer_dims": (
            _HEADS["initialize_parameters_random"] +
            "    parameters = {}\n"
            "    n_prev = layer_dims.pop(0)\n"
            "    for l, n in enumerate(layer_dims, start=1):\n"
            "        parameters[f'W{l}'] = 10 * rng.standard_normal((n, n_prev))\n"
            "        parameters[f'b{l}'] = np.zeros((n, 1))\n"
            "        n_prev = n\n"
            "    return parameters\n"),
    },
    "steady_std": {
        "relu without the factor 2": _steady(
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(2 / ((1 + alpha ** 2) * fan_in))\n"
            "    return np.sqrt(1 / fan_in)\n"),
        "the variance": _steady(
            "    kept = {'linear': 1, 'tanh': 1, 'relu': 0.5,\n"
            "            'leaky_relu': (1 + alpha ** 2) / 2}[activation]\n"
            "    return 1 / (fan_in * kept)\n"),
        "relu's factor upside down": _steady(
            "    if activation == 'relu':\n"
            "        return np.sqrt(1 / (2 * fan_in))\n"
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(2 / ((1 + alpha ** 2) * fan_in))\n"
            "    return np.sqrt(1 / fan_in)\n"),
        "leaky as relu": _steady(
            "    if activation in ('relu', 'leaky_relu'):\n"
            "        return np.sqrt(2 / fan_in)\n"
            "    return np.sqrt(1 / fan_in)\n"),
        "alpha not squared": _steady(
            "    if activation == 'relu':\n"
            "        return np.sqrt(2 / fan_in)\n"
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(2 / ((1 + alpha) * fan_in))\n"
            "    return np.sqrt(1 / fan_in)\n"),
        "a fixed alpha": _steady(
            "    if activation == 'relu':\n"
            "        return np.sqrt(2 / fan_in)\n"
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(2 / ((1 + 0.01 ** 2) * fan_in))\n"
            "    return np.sqrt(1 / fan_in)\n"),
        "tanh like relu": _steady(
            "    if activation == 'linear':\n"
            "        return np.sqrt(1 / fan_in)\n"
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(2 / ((1 + alpha ** 2) * fan_in))\n"
            "    return np.sqrt(2 / fan_in)\n"),
        "He's for everything": _steady("    return np.sqrt(2 / fan_in)\n"),
        "square root of fan_in": _steady(
            "    kept = {'linear': 1, 'tanh': 1, 'relu': 0.5,\n"
            "            'leaky_relu': (1 + alpha ** 2) / 2}[activation]\n"
            "    return np.sqrt(fan_in * kept)\n"),
        "relu's factor 3": _steady(
            "    if activation == 'relu':\n"
            "        return np.sqrt(3 / fan_in)\n"
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(2 / ((1 + alpha ** 2) * fan_in))\n"
            "    return np.sqrt(1 / fan_in)\n"),
        "leaky without the half": _steady(
            "    if activation == 'relu':\n"
            "        return np.sqrt(2 / fan_in)\n"
            "    if activation == 'leaky_relu':\n"
            "        return np.sqrt(1 / ((1 + alpha ** 2) * fan_in))\n"
            "    return np.sqrt(1 / fan_in)\n"),
    },
    "initialize_parameters_he": {
        "LeCun's scale": _he(scale="np.sqrt(1 / n_prev)"),
        "fan-out": _he(scale="np.sqrt(2 / n)"),
        "the variance as std": _he(scale="2 / n_prev"),
        "Xavier's scale": _he(scale=XAVIER_SCALE),
        "the 2 outside the root": _he(scale="2 / np.sqrt(n_prev)"),
        "uniform with the std as limit": _he(weights=UNIFORM),
        "he_uniform's limit as a std": _he(scale="np.sqrt(6 / n_prev)"),
        "np.random.randn": _he(weights=GLOBAL),
        "random biases": _he(bias="rng.standard_normal((n, 1)) * scale"),
        "W transposed": _he(weights="rng.standard_normal((n_prev, n)) * scale"),
        "a constant": _he(weights="np.ones((n, n_prev)) * scale"),
        "steady_std of a linear layer": _he(scale="steady_std(n_prev, 'linear')"),
        "unscaled": _he(scale="1.0"),
        "a generator with a fixed seed": _he(
            weights="np.random.default_rng(42).standard_normal((n, n_prev)) * scale"),
        "sqrt(3 / n[l-1])": _he(scale="np.sqrt(3 / n_prev)"),
    },
    "initialize_parameters_xavier": {
        "LeCun's scale, called Xavier": _xavier(scale="np.sqrt(1 / n_prev)"),
        "He's scale": _xavier(scale=HE_SCALE),
        "the 2 missing": _xavier(scale="np.sqrt(1 / (n_prev + n))"),
        "the variance as std": _xavier(scale="2 / (n_prev + n)"),
        "fan-out only": _xavier(scale="np.sqrt(1 / n)"),
        "uniform with the std as limit": _xavier(weights=UNIFORM),
        "glorot_uniform's limit as a std": _xavier(scale="np.sqrt(6 / (n_prev + n))"),
        "np.random.normal": _xavier(
            weights="np.random.normal(0, scale, size=(n, n_prev))"),
        "random biases": _xavier(bias="rng.uniform(-scale, scale, size=(n, 1))"),
        "W transposed": _xavier(weights="rng.standard_normal((n_prev, n)) * scale"),
        "product of the fans": _xavier(scale="np.sqrt(2 / (n_prev * n))"),
        "the 2 outside the root": _xavier(scale="2 / np.sqrt(n_prev + n)"),
    },
}

RIGHT = {
    "initialize_parameters_zeros": {
        "a dict comprehension": (
            _HEADS["initialize_parameters_zeros"] +
            "    sizes = list(zip(layer_dims[:-1], layer_dims[1:]))\n"
            "    W = {f'W{l}': np.zeros((n, m)) for l, (m, n) in enumerate(sizes, 1)}\n"
            "    b = {f'b{l}': np.zeros((n, 1)) for l, (m, n) in enumerate(sizes, 1)}\n"
            "    return {**W, **b}\n"),
        "float32": _zeros(weights="np.zeros((n, n_prev), dtype=np.float32)",
                          bias="np.zeros((n, 1), dtype=np.float32)"),
        "a while loop, the biases by np.zeros_like": (
            _HEADS["initialize_parameters_zeros"] +
            "    parameters = {}\n"
            "    l = 1\n"
            "    while l < len(layer_dims):\n"
            "        parameters['W' + str(l)] = np.zeros([layer_dims[l], layer_dims[l - 1]])\n"
            "        parameters['b' + str(l)] = np.zeros_like(parameters['W' + str(l)][:, :1])\n"
            "        l += 1\n"
            "    return parameters\n"),
    },
    "initialize_parameters_random": {
        "rng.normal with scale 10": _random(
            weights="rng.normal(0.0, scale, size=(n, n_prev))"),
        "the last layer first": _random(loop="reversed(range(1, len(layer_dims)))"),
        "a transposed draw": _random(weights="(rng.standard_normal((n_prev, n)) * scale).T"),
        "float32": _random(weights="rng.standard_normal((n, n_prev), dtype=np.float32) "
                                   "* np.float32(scale)"),
        "uniform with std 10": _random(
            weights="rng.uniform(-np.sqrt(3) * scale, np.sqrt(3) * scale, (n, n_prev))"),
    },
    "steady_std": {
        "a dict of gains": _steady(
            "    import math\n"
            "    gains = {'linear': 1.0, 'tanh': 1.0, 'relu': 2.0,\n"
            "             'leaky_relu': 2.0 / (1.0 + alpha * alpha)}\n"
            "    return math.sqrt(gains[activation] / fan_in)\n"),
        "the variance first, then its root": _steady(
            "    if activation == 'relu':\n"
            "        second_moment = 0.5\n"
            "    elif activation == 'leaky_relu':\n"
            "        second_moment = 0.5 + 0.5 * alpha ** 2\n"
            "    else:\n"
            "        second_moment = 1.0\n"
            "    variance = 1.0 / (fan_in * second_moment)\n"
            "    return variance ** 0.5\n"),
        "an array of one number": _steady(
            "    share = np.where(activation == 'relu', 0.5,\n"
            "                     (1 + alpha ** 2) / 2 if activation == 'leaky_relu' else 1)\n"
            "    return np.sqrt(np.array([1.0]) / (fan_in * share))\n"),
    },
    "initialize_parameters_he": {
        "he_uniform": _he(scale="np.sqrt(6 / n_prev)", weights=UNIFORM),
        "through steady_std": _he(scale="steady_std(n_prev, 'relu')"),
        "rng.normal, the last layer first": _he(
            weights="rng.normal(0, scale, size=(n, n_prev))",
            loop="range(len(layer_dims) - 1, 0, -1)"),
        "a transposed draw": _he(weights="(rng.standard_normal((n_prev, n)) * scale).T"),
    },
    "initialize_parameters_xavier": {
        "glorot_uniform": _xavier(scale="np.sqrt(6 / (n_prev + n))", weights=UNIFORM),
        "rng.normal": _xavier(weights="rng.normal(loc=0.0, scale=scale, size=(n, n_prev))"),
        "one over the average fan": _xavier(scale="1 / np.sqrt((n_prev + n) / 2)"),
    },
}

CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_initialize_parameters_he = lambda f: None\n",
    "imports the reference": (
        "from helpers.initializers import initialize_parameters_he as _he\n"
        "def initialize_parameters_he(layer_dims, rng):\n    return _he(layer_dims, rng)\n"),
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "reaches builtins": "__builtins__.print = None\n",
    "replaces numpy's global state": "np.random.get_state = lambda: None\n",
}

CHECKS = {
    "initialize_parameters_zeros": lambda ns: nb05.check_initialize_parameters_zeros(
        ns["initialize_parameters_zeros"]),
    "initialize_parameters_random": lambda ns: nb05.check_initialize_parameters_random(
        ns["initialize_parameters_random"]),
    "steady_std": lambda ns: nb05.check_steady_std(ns["steady_std"]),
    "initialize_parameters_he": lambda ns: nb05.check_initialize_parameters_he(
        ns["initialize_parameters_he"]),
    "initialize_parameters_xavier": lambda ns: nb05.check_initialize_parameters_xavier(
        ns["initialize_parameters_xavier"]),
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("initialize_parameters_zeros", "W transposed"): r"W1 .* is transposed: W\[l\] has shape",
    ("initialize_parameters_zeros", "rank-1 biases"): r"b1 .* is a rank-1 array",
    ("initialize_parameters_zeros", "ones"): r"the weights are ones",
    ("initialize_parameters_zeros", "integer zeros"): r"dtype int64: parameters are floating",
    ("initialize_parameters_zeros", "the last layer left out"):
        r"the last layer's W and b are missing",
    ("initialize_parameters_zeros", "numbered from 0"): r"layers are numbered from 1",
    ("initialize_parameters_zeros", "a list of arrays"): r"should return a dict .* got a list",
    ("initialize_parameters_zeros", "no return"): r"did you forget `return parameters`",
    ("initialize_parameters_random", "unscaled"):
        r"std 1 in every layer: the standard normal draws were not scaled\. This exercise",
    ("initialize_parameters_random", "np.random.randn"): r"numpy's global generator",
    ("initialize_parameters_random", "times 100"): r"std 100 in every layer",
    ("initialize_parameters_random", "notebook 02's 0.01"): r"notebook 02's small scale",
    ("initialize_parameters_random", "uniform on [-10, 10]"):
        r"uniform draw on \[-10, 10\] has std 10/sqrt\(3\)",
    ("initialize_parameters_random", "rng.random"): r"all positive: .* rng\.random",
    ("initialize_parameters_random", "random biases"): r"b1 .* is not zero",
    ("initialize_parameters_random", "a constant"): r"every entry of W1 .* the same number",
    ("initialize_parameters_random", "a generator with a fixed seed"):
        r"different seeds gave the same weights",
    ("initialize_parameters_random", "a generator without a seed"):
        r"same seed gave different weights",
    ("initialize_parameters_random", "W transposed"): r"W1 .* is transposed",
    ("initialize_parameters_random", "one row for every unit"):
        r"every unit of layer 1 got the same weights",
    ("initialize_parameters_random", "variance 10"): r"std sqrt\(10\).*not the variance",
    ("initialize_parameters_random", "changes layer_dims"):
        r"changed its argument layer_dims in place",
    ("steady_std", "relu without the factor 2"): r"for relu this is the linear answer",
    ("steady_std", "the variance"): r"that is the variance Var\(w\)",
    ("steady_std", "relu's factor upside down"): r"the factor goes the wrong way",
    ("steady_std", "leaky as relu"): r"for leaky_relu this is ReLU's answer",
    ("steady_std", "alpha not squared"): r"alpha enters squared",
    ("steady_std", "a fixed alpha"): r"ignores its alpha argument",
    ("steady_std", "tanh like relu"): r"for tanh this is ReLU's answer",
    ("steady_std", "He's for everything"): r"for linear this is ReLU's answer",
    ("steady_std", "square root of fan_in"): r"grows with fan_in",
    ("steady_std", "relu's factor 3"):
        r"activation='relu'\): .* Var\(z\[l\]\) would be 1\.5 times Var\(z\[l-1\]\): the "
        r"signal would grow",
    ("steady_std", "leaky without the half"):
        r"activation='leaky_relu', alpha=0\.2\): .* would be 0\.5 times .* shrink",
    ("initialize_parameters_he", "LeCun's scale"): r"1/n\[l-1\] gives, LeCun's",
    ("initialize_parameters_he", "fan-out"): r"fan-out n\[l\]",
    ("initialize_parameters_he", "the variance as std"):
        r"2/n\[l-1\] itself, the variance",
    ("initialize_parameters_he", "Xavier's scale"): r"Glorot's \(Xavier's\) variance",
    ("initialize_parameters_he", "the 2 outside the root"): r"the 2 belongs under",
    ("initialize_parameters_he", "uniform with the std as limit"):
        r"uniform draw on \[-s, s\] has std s/sqrt\(3\).*he_uniform",
    ("initialize_parameters_he", "he_uniform's limit as a std"):
        r"sqrt\(6/n\[l-1\]\) is the limit of a uniform draw",
    ("initialize_parameters_he", "np.random.randn"): r"numpy's global generator",
    ("initialize_parameters_he", "random biases"): r"b1 .* is not zero",
    ("initialize_parameters_he", "W transposed"): r"W1 .* is transposed",
    ("initialize_parameters_he", "a constant"): r"the same number",
    ("initialize_parameters_he", "steady_std of a linear layer"): r"LeCun's initialization",
    ("initialize_parameters_he", "unscaled"): r"std 1 in every layer.*sqrt\(2/n\[l-1\]\)",
    ("initialize_parameters_he", "a generator with a fixed seed"):
        r"different seeds gave the same weights",
    ("initialize_parameters_he", "sqrt(3 / n[l-1])"):
        r"off by the same factor, about 1\.22",
    ("initialize_parameters_xavier", "LeCun's scale, called Xavier"):
        r"LeCun's initialization, which some tutorials call Xavier",
    ("initialize_parameters_xavier", "He's scale"): r"He's variance, for ReLU layers",
    ("initialize_parameters_xavier", "the 2 missing"): r"the 2 is missing",
    ("initialize_parameters_xavier", "the variance as std"):
        r"2/\(n\[l-1\] \+ n\[l\]\) itself, the variance",
    ("initialize_parameters_xavier", "fan-out only"): r"the fan-out alone",
    ("initialize_parameters_xavier", "uniform with the std as limit"):
        r"has std s/sqrt\(3\).*glorot_uniform",
    ("initialize_parameters_xavier", "glorot_uniform's limit as a std"):
        r"is the limit of a uniform draw \(glorot_uniform\)",
    ("initialize_parameters_xavier", "np.random.normal"): r"numpy's global generator",
    ("initialize_parameters_xavier", "random biases"): r"b1 .* is not zero",
    ("initialize_parameters_xavier", "W transposed"): r"W1 .* is transposed",
    ("initialize_parameters_xavier", "product of the fans"):
        r"W1 has std 0\.008\d* where Glorot's sqrt\(2/\(n\[l-1\] \+ n\[l\]\)\) gives 0\.0707",
    ("initialize_parameters_xavier", "the 2 outside the root"): r"the 2 belongs under",
}
