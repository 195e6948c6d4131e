"""Student answers for notebook 06, written the way students write them.

The contract is the one tests/nb01_answers.py describes: WRONG answers (each a whole
answer cell, one realistic mistake) must lose their exercise's points and fail its
visible check with a message matching MESSAGES; RIGHT answers (other correct forms: the
mask drawn another way, the layers unrolled differently, np.linalg.norm squared) must
keep full marks; CHECKS runs an exercise's visible check on a namespace holding the
answer; LOOPS and CRASHES name the exercises the pipeline test replaces by an endless
loop and a kernel crash; CHEATS are prepended to the first answer cell and must score 0
and be flagged.

`forward_propagation_with_dropout` is judged by what it does (`measure`): `making(name,
part, k)` writes an answer that makes the k-th listed mistake of that part and no other.
"""
from helpers.grading import nb06

NAME = "06_regularization"
LOOPS = "batchnorm_forward"
CRASHES = "compute_cost_with_regularization"

_COST = "def compute_cost_with_regularization(AL, Y, parameters, lambd):\n"
_L2_BACK = "def backward_propagation_with_regularization(AL, Y, caches, lambd):\n"
_FORWARD = "def forward_propagation_with_dropout(X, parameters, keep_prob, rng):\n"
_DROP_BACK = "def backward_propagation_with_dropout(AL, Y, caches, keep_prob):\n"
_BN = "def batchnorm_forward(Z, gamma, beta, epsilon=1e-3):\n"


def _cost(penalty="np.sum(np.square(parameters[f'W{l}']))", scale="lambd / (2 * m)",
          cross="-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))", sign="+",
          layers="range(1, L + 1)"):
    return (_COST +
            "    m = Y.shape[1]\n"
            "    L = len(parameters) // 2\n"
            f"    cross_entropy = {cross}\n"
            f"    squares = sum({penalty} for l in {layers})\n"
            f"    return float(cross_entropy {sign} {scale} * squares)\n")


def _l2_back(term="lambd / m * W", bias_term="", mask=""):
    """notebook 04's backward pass with an L2 term on each dW (and `mask` for dropout)."""
    return (_L2_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    m = AL.shape[1]\n"
            "    dZ = AL - Y\n"
            "    for l in range(L, 0, -1):\n"
            "        (A_prev, W, b), Z = caches[l - 1]\n"
            "        if l < L:\n"
            "            dZ = dA * (Z > 0)\n"
            f"        grads[f'dW{{l}}'] = dZ @ A_prev.T / m + {term}\n"
            f"        grads[f'db{{l}}'] = np.sum(dZ, axis=1, keepdims=True) / m{bias_term}\n"
            "        dA = W.T @ dZ\n"
            "        grads[f'dA{l - 1}'] = dA\n"
            "    return grads\n")


def _forward(draw="rng.random(A.shape) < keep_prob", apply="A * D / keep_prob",
             cached="A_prev", stored="D"):
    return (_FORWARD +
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        A_prev = A\n"
            "        W, b = parameters[f'W{l}'], parameters[f'b{l}']\n"
            "        Z = W @ A_prev + b\n"
            "        if l == L:\n"
            "            A = 1 / (1 + np.exp(-Z))\n"
            "            caches.append((((A_prev, W, b), Z), None))\n"
            "        else:\n"
            "            A = np.maximum(0, Z)\n"
            f"            D = {draw}\n"
            f"            A = {apply}\n"
            f"            caches.append(((({cached}, W, b), Z), {stored}))\n"
            "    return A, caches\n")


def _forward_cache_before():
    """The caches keep each layer's activation before dropout, as its next layer's input."""
    return (_FORWARD +
            "    L = len(parameters) // 2\n"
            "    A, A_kept, caches = X, X, []\n"
            "    for l in range(1, L + 1):\n"
            "        W, b = parameters[f'W{l}'], parameters[f'b{l}']\n"
            "        Z = W @ A + b\n"
            "        if l == L:\n"
            "            caches.append((((A_kept, W, b), Z), None))\n"
            "            return 1 / (1 + np.exp(-Z)), caches\n"
            "        A_kept = np.maximum(0, Z)\n"
            "        D = rng.random(A_kept.shape) < keep_prob\n"
            "        caches.append((((A if l == 1 else A_kept_prev, W, b), Z), D))\n"
            "        A_kept_prev = A_kept\n"
            "        A = A_kept * D / keep_prob\n")


def _forward_sliced():
    """One mask drawn for the widest layer, its first rows used by every layer."""
    return (_FORWARD +
            "    L = len(parameters) // 2\n"
            "    widest = max(parameters[f'W{l}'].shape[0] for l in range(1, L))\n"
            "    big = rng.random((widest, X.shape[1])) < keep_prob\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        W, b = parameters[f'W{l}'], parameters[f'b{l}']\n"
            "        Z = W @ A + b\n"
            "        if l == L:\n"
            "            caches.append((((A, W, b), Z), None))\n"
            "            return 1 / (1 + np.exp(-Z)), caches\n"
            "        D = big[:Z.shape[0]]\n"
            "        caches.append((((A, W, b), Z), D))\n"
            "        A = np.maximum(0, Z) * D / keep_prob\n")


def _forward_float32(no_mask_at_one=False):
    """The forward pass in float32 (and, optionally, no mask at all when keep_prob is 1)."""
    skip = ("        if keep_prob == 1:\n"
            "            caches.append((((A, W, b), Z), None))\n"
            "            A = np.maximum(0, Z)\n"
            "            continue\n") if no_mask_at_one else ""
    return (_FORWARD +
            "    L = len(parameters) // 2\n"
            "    A, caches = X.astype(np.float32), []\n"
            "    for l in range(1, L + 1):\n"
            "        W = parameters[f'W{l}'].astype(np.float32)\n"
            "        b = parameters[f'b{l}'].astype(np.float32)\n"
            "        Z = W @ A + b\n"
            "        if l == L:\n"
            "            caches.append((((A, W, b), Z), None))\n"
            "            return 1 / (1 + np.exp(-Z)), caches\n"
            + skip +
            "        D = rng.random(Z.shape, dtype=np.float32) < keep_prob\n"
            "        caches.append((((A, W, b), Z), D))\n"
            "        A = np.maximum(0, Z) * D / np.float32(keep_prob)\n")


def _forward_dropped_z():
    """The mask applied to Z before the ReLU (right), but the dropped Z kept in the cache."""
    return (_FORWARD +
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        W, b = parameters[f'W{l}'], parameters[f'b{l}']\n"
            "        Z = W @ A + b\n"
            "        if l == L:\n"
            "            caches.append((((A, W, b), Z), None))\n"
            "            return 1 / (1 + np.exp(-Z)), caches\n"
            "        D = rng.random(Z.shape) < keep_prob\n"
            "        Z = Z * D / keep_prob\n"
            "        caches.append((((A, W, b), Z), D))\n"
            "        A = np.maximum(0, Z)\n")


def _drop_back(mask="dA * D / keep_prob"):
    return (_DROP_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    m = AL.shape[1]\n"
            "    dZ = AL - Y\n"
            "    for l in range(L, 0, -1):\n"
            "        ((A_prev, W, b), Z), D = caches[l - 1]\n"
            "        if l < L:\n"
            f"            dA = {mask}\n"
            "            dZ = dA * (Z > 0)\n"
            "        grads[f'dW{l}'] = dZ @ A_prev.T / m\n"
            "        grads[f'db{l}'] = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "        dA = W.T @ dZ\n"
            "    return grads\n")


def _bn(mu="np.mean(Z, axis=1, keepdims=True)", var="np.var(Z, axis=1, keepdims=True)",
        Z_hat="(Z - mu) / np.sqrt(var + epsilon)", out="gamma * Z_hat + beta"):
    return (_BN +
            f"    mu = {mu}\n"
            f"    var = {var}\n"
            f"    Z_hat = {Z_hat}\n"
            f"    out = {out}\n"
            "    return out, (Z_hat, gamma, var, epsilon)\n")


_FORWARD_MISTAKES = {
    ("kept", 0): _forward(draw="rng.random(A.shape) > keep_prob"),
    ("kept", 1): _forward(draw="rng.integers(0, 2, size=A.shape)"),
    ("AL", 0): _forward(apply="A * D"),
    ("AL", 1): _forward(apply="A * D * keep_prob"),
    ("caches", 0): _forward_cache_before(),
}


def making(name, part, k):
    """An answer that makes the k-th listed mistake of `part` of exercise `name`."""
    if name == "forward_propagation_with_dropout":
        return _FORWARD_MISTAKES[part, k]
    raise LookupError(f"no answer makes {name}'s mistake {k} of {part}")


WRONG = {
    "compute_cost_with_regularization": {
        "no L2 term": _cost(scale="0"),
        "lambd / m": _cost(scale="lambd / m"),
        "lambd / 2": _cost(scale="lambd / 2"),
        "biases penalised": (
            _COST +
            "    m = Y.shape[1]\n"
            "    cross_entropy = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n"
            "    squares = sum(np.sum(p ** 2) for p in parameters.values())\n"
            "    return cross_entropy + lambd / (2 * m) * squares\n"),
        "norms not squared": _cost(penalty="np.linalg.norm(parameters[f'W{l}'])"),
        "L1": _cost(penalty="np.sum(np.abs(parameters[f'W{l}']))"),
        "subtracted": _cost(sign="-"),
        "summed cross-entropy": _cost(
            cross="-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))"),
        "three layers hard-coded": (
            _COST +
            "    m = Y.shape[1]\n"
            "    W1, W2, W3 = parameters['W1'], parameters['W2'], parameters['W3']\n"
            "    cross_entropy = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n"
            "    L2 = lambd / (2 * m) * (np.sum(W1 ** 2) + np.sum(W2 ** 2) + np.sum(W3 ** 2))\n"
            "    return cross_entropy + L2\n"),
        "only the last layer": _cost(layers="[L]"),
        "the square of each sum": _cost(penalty="np.sum(parameters[f'W{l}']) ** 2"),
    },
    "backward_propagation_with_regularization": {
        "no L2 term": _l2_back(term="0"),
        "lambd * W": _l2_back(term="lambd * W"),
        "lambd / (2 m) * W": _l2_back(term="lambd / (2 * m) * W"),
        "2 lambd / m * W": _l2_back(term="2 * lambd / m * W"),
        "subtracted": _l2_back(term="-lambd / m * W"),
        "biases penalised": _l2_back(bias_term=" + lambd / m * b"),
        "the penalty, not its gradient": _l2_back(term="lambd / (2 * m) * np.sum(W ** 2)"),
        "the L1 gradient": _l2_back(term="lambd / m * np.sign(W)"),
    },
    "forward_propagation_with_dropout": {
        "no 1 / keep_prob": _forward(apply="A * D"),
        "times keep_prob": _forward(apply="A * D * keep_prob"),
        "keeps with probability 1 - keep_prob": _forward(draw="rng.random(A.shape) > keep_prob"),
        "numpy's global generator": _forward(draw="np.random.rand(*A.shape) < keep_prob"),
        "a generator of its own": _forward(
            draw="np.random.default_rng(0).random(A.shape) < keep_prob"),
        "one mask for all examples": _forward(draw="rng.random((A.shape[0], 1)) < keep_prob"),
        "the scaled mask in the cache": _forward(stored="D / keep_prob"),
        "no mask in the cache": _forward(stored="None"),
        "uniform numbers as the mask": _forward(draw="rng.random(A.shape)",
                                                apply="A * (D < keep_prob) / keep_prob"),
        "the caches before dropout": _forward_cache_before(),
        "the output layer dropped too": (
            _FORWARD +
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        W, b = parameters[f'W{l}'], parameters[f'b{l}']\n"
            "        Z = W @ A + b\n"
            "        cache = ((A, W, b), Z)\n"
            "        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))\n"
            "        D = rng.random(A.shape) < keep_prob\n"
            "        A = A * D / keep_prob\n"
            "        caches.append((cache, D if l < L else None))\n"
            "    return A, caches\n"),
        "a coin flip, whatever keep_prob": _forward(draw="rng.integers(0, 2, size=A.shape)"),
        "no unit dropped": _forward(draw="np.ones(A.shape)"),
        "the last hidden layer not dropped": _forward(
            draw="rng.random(A.shape) < (keep_prob if l < L - 1 else 1.0)"),
        "the last hidden layer's mask left out": _forward(
            draw="rng.random(A.shape) < keep_prob if l < L - 1 else None",
            apply="A if D is None else A * D / keep_prob"),
        "every unit dropped": _forward(draw="rng.integers(0, 1, size=A.shape)"),
        "one mask for every unit of an example": _forward(
            draw="np.repeat(rng.random((1, A.shape[1])) < keep_prob, A.shape[0], axis=0)"),
        "one large mask sliced for every layer": _forward_sliced(),
        "AL as a rank-1 array": _forward().replace("    return A, caches\n",
                                                    "    return A.ravel(), caches\n"),
        "(caches, AL)": _forward().replace("    return A, caches\n",
                                           "    return caches, A\n"),
        "the caches in reverse order": _forward().replace("    return A, caches\n",
                                                          "    return A, caches[::-1]\n"),
        "the dropped Z in the cache": _forward_dropped_z(),
        "the layer's output as its A_prev": _forward(cached="A"),
        "the same mask for every layer": (
            _FORWARD +
            "    L = len(parameters) // 2\n"
            "    A, caches, D = X, [], None\n"
            "    for l in range(1, L + 1):\n"
            "        W, b = parameters[f'W{l}'], parameters[f'b{l}']\n"
            "        Z = W @ A + b\n"
            "        cache = ((A, W, b), Z)\n"
            "        if l == L:\n"
            "            caches.append((cache, None))\n"
            "            return 1 / (1 + np.exp(-Z)), caches\n"
            "        A = np.maximum(0, Z)\n"
            "        if D is None or D.shape != A.shape:\n"
            "            D = rng.random(A.shape) < keep_prob\n"
            "        A = A * D / keep_prob\n"
            "        caches.append((cache, D))\n"),
    },
    "backward_propagation_with_dropout": {
        "no mask on the way back": _drop_back(mask="dA"),
        "no 1 / keep_prob on the way back": _drop_back(mask="dA * D"),
        "times keep_prob": _drop_back(mask="dA * D * keep_prob"),
        "a mask on the output layer too": _drop_back(mask="dA").replace(
            "        grads[f'dW{l}']", "        dZ = dZ * D / keep_prob\n        grads[f'dW{l}']"),
        "divided by keep_prob twice": _drop_back(mask="dA * D / keep_prob").replace(
            "dZ = dA * (Z > 0)", "dZ = dA * D / keep_prob * (Z > 0)"),
    },
    "batchnorm_forward": {
        "ddof=1": _bn(var="np.var(Z, axis=1, ddof=1, keepdims=True)"),
        "axis=0": _bn(mu="np.mean(Z, axis=0, keepdims=True)",
                      var="np.var(Z, axis=0, keepdims=True)"),
        "over every entry": _bn(mu="np.mean(Z)", var="np.var(Z)"),
        "epsilon outside the root": _bn(Z_hat="(Z - mu) / (np.sqrt(var) + epsilon)"),
        "divided by the variance": _bn(Z_hat="(Z - mu) / (var + epsilon)"),
        "no epsilon": _bn(Z_hat="(Z - mu) / np.sqrt(var)"),
        "gamma and beta swapped": _bn(out="beta * Z_hat + gamma"),
        "no gamma and beta": _bn(out="Z_hat"),
        "a fixed epsilon": _bn(Z_hat="(Z - mu) / np.sqrt(var + 1e-3)"),
        "PyTorch's default epsilon": _bn().replace("epsilon=1e-3", "epsilon=1e-5"),
        "no keepdims": _bn(mu="np.mean(Z, axis=1)", var="np.var(Z, axis=1)"),
        "out alone": (_BN +
                      "    mu = Z.mean(axis=1, keepdims=True)\n"
                      "    var = Z.var(axis=1, keepdims=True)\n"
                      "    return gamma * (Z - mu) / np.sqrt(var + epsilon) + beta\n"),
    },
}

MESSAGES = {
    ("compute_cost_with_regularization", "no L2 term"): r"cross-entropy alone",
    ("compute_cost_with_regularization", "lambd / m"): r"twice too large",
    ("compute_cost_with_regularization", "lambd / 2"): r"m times too large",
    ("compute_cost_with_regularization", "biases penalised"): r"biases are penalised",
    ("compute_cost_with_regularization", "norms not squared"): r"norms are not squared",
    ("compute_cost_with_regularization", "L1"): r"L1 penalty",
    ("compute_cost_with_regularization", "subtracted"): r"subtracted",
    ("compute_cost_with_regularization", "summed cross-entropy"): r"summed over the examples",
    ("compute_cost_with_regularization", "three layers hard-coded"): r"raised KeyError|is wrong",
    ("compute_cost_with_regularization", "only the last layer"): r"only the last layer",
    ("compute_cost_with_regularization", "the square of each sum"): r"squares the sum",
    ("backward_propagation_with_regularization", "no L2 term"): r"lacks the gradient",
    ("backward_propagation_with_regularization", "lambd * W"): r"m times too large",
    ("backward_propagation_with_regularization", "lambd / (2 m) * W"): r"half what",
    ("backward_propagation_with_regularization", "2 lambd / m * W"): r"twice too large",
    ("backward_propagation_with_regularization", "subtracted"): r"wrong sign",
    ("backward_propagation_with_regularization", "biases penalised"): r"biases are not",
    ("backward_propagation_with_regularization", "the penalty, not its gradient"):
        r"adds the L2 term itself",
    ("backward_propagation_with_regularization", "the L1 gradient"): r"sign\(W\).*L1",
    ("forward_propagation_with_dropout", "no 1 / keep_prob"): r"not scaled up",
    ("forward_propagation_with_dropout", "times keep_prob"): r"multiplied by keep_prob",
    ("forward_propagation_with_dropout", "keeps with probability 1 - keep_prob"):
        r"1 - keep_prob",
    ("forward_propagation_with_dropout", "numpy's global generator"): r"global generator",
    ("forward_propagation_with_dropout", "a generator of its own"):
        r"different seeds drew the same masks",
    ("forward_propagation_with_dropout", "one mask for all examples"):
        r"one keep decision per unit AND per example",
    ("forward_propagation_with_dropout", "the scaled mask in the cache"):
        r"should hold the keep decisions",
    ("forward_propagation_with_dropout", "no mask in the cache"): r"should be D1",
    ("forward_propagation_with_dropout", "uniform numbers as the mask"):
        r"should hold the keep decisions",
    ("forward_propagation_with_dropout", "the caches before dropout"):
        r"caches hold A\[l\] before dropout",
    ("forward_propagation_with_dropout", "the output layer dropped too"):
        r"output layer .* is never dropped",
    ("forward_propagation_with_dropout", "the same mask for every layer"): r"D2 is D1 again",
    ("forward_propagation_with_dropout", "AL as a rank-1 array"): r"AL should have shape \(1, m\)",
    ("forward_propagation_with_dropout", "(caches, AL)"): r"in that order",
    ("forward_propagation_with_dropout", "the caches in reverse order"):
        r"in the order of the layers",
    ("forward_propagation_with_dropout", "the dropped Z in the cache"):
        r"layer 1's Z is wrong.*before dropout",
    ("forward_propagation_with_dropout", "the layer's output as its A_prev"):
        r"layer 1's A_prev is wrong",
    ("forward_propagation_with_dropout", "a coin flip, whatever keep_prob"):
        r"kept with probability 1/2",
    ("forward_propagation_with_dropout", "no unit dropped"): r"no unit is dropped",
    ("forward_propagation_with_dropout", "the last hidden layer not dropped"):
        r"D2 drops no unit.*hidden layer too",
    ("forward_propagation_with_dropout", "the last hidden layer's mask left out"):
        r"should be D2.*not None: layer 2 is a hidden layer",
    ("forward_propagation_with_dropout", "every unit dropped"): r"every unit is dropped",
    ("forward_propagation_with_dropout", "one mask for every unit of an example"):
        r"whole examples are dropped",
    ("forward_propagation_with_dropout", "one large mask sliced for every layer"):
        r"D2 is D1 again",
    ("backward_propagation_with_dropout", "no mask on the way back"): r"not applied",
    ("backward_propagation_with_dropout", "no 1 / keep_prob on the way back"):
        r"not divided by keep_prob",
    ("backward_propagation_with_dropout", "times keep_prob"): r"multiplied by keep_prob",
    ("backward_propagation_with_dropout", "a mask on the output layer too"):
        r"NoneType.*the output layer's entry.*never dropped",
    ("backward_propagation_with_dropout", "divided by keep_prob twice"):
        r"divided by keep_prob twice",
    ("batchnorm_forward", "ddof=1"): r"ddof=1",
    ("batchnorm_forward", "axis=0"): r"axis=0",
    ("batchnorm_forward", "over every entry"): r"over every entry",
    ("batchnorm_forward", "epsilon outside the root"): r"under the square root",
    ("batchnorm_forward", "divided by the variance"): r"divided by the variance",
    ("batchnorm_forward", "no epsilon"): r"epsilon is left out",
    ("batchnorm_forward", "gamma and beta swapped"): r"swapped",
    ("batchnorm_forward", "no gamma and beta"): r"that is Z_hat",
    ("batchnorm_forward", "a fixed epsilon"): r"fixed at 1e-3",
    ("batchnorm_forward", "PyTorch's default epsilon"): r"default is not Keras's 1e-3",
    ("batchnorm_forward", "no keepdims"): r"keepdims=True",
    ("batchnorm_forward", "out alone"): r"should return \(out, cache\)",
}

RIGHT = {
    "compute_cost_with_regularization": {
        "squared norms, the weights found by their keys": (
            _COST +
            "    m = AL.shape[1]\n"
            "    cross_entropy = -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T).item() / m\n"
            "    weights = [value for key, value in parameters.items() if key.startswith('W')]\n"
            "    squares = sum(np.linalg.norm(W) ** 2 for W in weights)\n"
            "    return cross_entropy + lambd * squares / (2 * m)\n"),
        "in float32, the squares as traces": _cost(
            cross="-np.mean(Y * np.log(AL.astype(np.float32)) + (1 - Y) * "
                  "np.log(1 - AL.astype(np.float32)))",
            penalty="np.trace(parameters[f'W{l}'].T.astype(np.float32) @ "
                    "parameters[f'W{l}'].astype(np.float32))"),
    },
    "backward_propagation_with_regularization": {
        "the output layer before the loop, dA keys left out": (
            _L2_BACK +
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    m = AL.shape[1]\n"
            "    (A_prev, W, b), Z = caches[-1]\n"
            "    dZ = AL - Y\n"
            "    grads['dW' + str(L)] = (np.dot(dZ, A_prev.T) + lambd * W) / m\n"
            "    grads['db' + str(L)] = dZ.sum(axis=1, keepdims=True) / m\n"
            "    dA = np.dot(W.T, dZ)\n"
            "    for l in reversed(range(1, L)):\n"
            "        (A_prev, W, b), Z = caches[l - 1]\n"
            "        dZ = np.where(Z > 0, dA, 0.0)\n"
            "        grads['dW' + str(l)] = (np.dot(dZ, A_prev.T) + lambd * W) / m\n"
            "        grads['db' + str(l)] = dZ.sum(axis=1, keepdims=True) / m\n"
            "        dA = np.dot(W.T, dZ)\n"
            "    return grads\n"),
        "the whole pass in float32": _l2_back(term="np.float32(lambd / m) * W").replace(
            "    dZ = AL - Y\n", "    dZ = (AL - Y).astype(np.float32)\n").replace(
            "        (A_prev, W, b), Z = caches[l - 1]\n",
            "        (A_prev, W, b), Z = caches[l - 1]\n"
            "        A_prev, W = A_prev.astype(np.float32), W.astype(np.float32)\n"),
    },
    "forward_propagation_with_dropout": {
        "a binomial mask, as floats": _forward(draw="rng.binomial(1, keep_prob, size=A.shape)"),
        "a uniform mask, the product in place": _forward(
            draw="(rng.uniform(size=A.shape) < keep_prob).astype(float)",
            apply="np.multiply(A, D) / keep_prob"),
        "in float32, a float32 draw": _forward_float32(),
        "no mask drawn when keep_prob is 1": _forward_float32(no_mask_at_one=True),
        "a transposed draw, kept above 1 - keep_prob": _forward(
            draw="rng.random(A.T.shape).T > 1 - keep_prob"),
        "a child generator seeded from rng, a uint8 mask": _forward(
            draw="(np.random.default_rng(rng.integers(2 ** 32)).random(A.shape) < keep_prob)"
                 ".astype(np.uint8)"),
        "a choice of 0 and 1, kept or not": _forward(
            draw="rng.choice(2, size=A.shape, p=[1 - keep_prob, keep_prob])"),
        "exactly keep_prob of the units, shuffled": _forward(
            draw="rng.permutation(np.arange(A.size) < round(keep_prob * A.size))"
                 ".reshape(A.shape)"),
        "the output layer after the loop": (
            _FORWARD +
            "    L = len(parameters) // 2\n"
            "    caches = []\n"
            "    A = X\n"
            "    for l in range(1, L):\n"
            "        W, b = parameters['W' + str(l)], parameters['b' + str(l)]\n"
            "        Z = np.dot(W, A) + b\n"
            "        linear_cache = (A, W, b)\n"
            "        D = rng.random(Z.shape) < keep_prob\n"
            "        A = np.where(D, np.maximum(Z, 0) / keep_prob, 0.0)\n"
            "        caches.append(((linear_cache, Z), D))\n"
            "    W, b = parameters['W' + str(L)], parameters['b' + str(L)]\n"
            "    Z = np.dot(W, A) + b\n"
            "    caches.append((((A, W, b), Z), None))\n"
            "    return 1 / (1 + np.exp(-Z)), caches\n"),
    },
    "backward_propagation_with_dropout": {
        "np.where with the mask": _drop_back(mask="np.where(D, dA / keep_prob, 0.0)"),
        "in float32, the mask applied to dZ": _drop_back(mask="dA").replace(
            "    dZ = AL - Y\n", "    dZ = (AL - Y).astype(np.float32)\n").replace(
            "dZ = dA * (Z > 0)", "dZ = dA * (Z > 0) * D / np.float32(keep_prob)"),
    },
    "batchnorm_forward": {
        "the standard deviation by hand": _bn(
            var="np.sum((Z - mu) ** 2, axis=1, keepdims=True) / Z.shape[1]",
            Z_hat="(Z - mu) * (var + epsilon) ** -0.5"),
        "in float32": _bn(mu="np.mean(Z.astype(np.float32), axis=1, keepdims=True)",
                          var="np.var(Z.astype(np.float32), axis=1, keepdims=True)",
                          Z_hat="(Z.astype(np.float32) - mu) / np.sqrt(var + epsilon)"),
        "the variance as E[(Z - mu)^2] through the standard deviation": _bn(
            var="np.std(Z, axis=1, keepdims=True) ** 2"),
    },
}

CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_batchnorm_forward = lambda f: None\n",
    "imports the reference": "from helpers.regularization import batchnorm_forward as _ref\n",
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "reaches builtins": "__builtins__.print = None\n",
}


def _visible(name):
    return lambda ns: getattr(nb06, f"check_{name}")(ns[name])


CHECKS = {name: _visible(name) for name in nb06.EXERCISES}
