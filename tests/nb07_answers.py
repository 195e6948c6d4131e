"""Student answers for notebook 07, written the way students write them.

The contract is the one tests/nb01_answers.py describes: WRONG answers (each a whole
answer cell, one realistic mistake) must lose their exercise's points and fail its
visible check with a message matching MESSAGES; RIGHT answers (other correct forms:
updates in place or into new dicts, a loop over the layers, Adam with its corrections
folded into the step size or divided separately, any way of shuffling with the rng, each
batch's indices sorted or not) must keep full marks;
CHECKS runs an exercise's visible check on a namespace holding the answer; LOOPS and
CRASHES name the exercises the pipeline test replaces by an endless loop and a kernel
crash; CHEATS are prepended to the first answer cell and must score 0 and be flagged.

`making(name, part, k)` writes an answer that makes the k-th listed mistake of an
exercise judged by what it does (`measure`: random_mini_batches, initialize_velocity,
initialize_adam).
"""
from helpers.grading import nb07

NAME = "07_optimizers"
LOOPS = "update_parameters_with_adam"
CRASHES = "update_parameters_with_rmsprop"

_BATCHES = "def random_mini_batches(X, Y, batch_size, rng):\n"
_GD = "def update_parameters_with_gd(parameters, grads, learning_rate=0.01):\n"
_VELOCITY = "def initialize_velocity(parameters):\n"
_MOMENTUM = ("def update_parameters_with_momentum(parameters, grads, v, learning_rate=0.01, "
             "beta=0.9):\n")
_ADAGRAD = ("def update_parameters_with_adagrad(parameters, grads, s, learning_rate=0.001, "
            "epsilon=1e-7):\n")
_RMSPROP = ("def update_parameters_with_rmsprop(parameters, grads, s, learning_rate=0.001, "
            "rho=0.9, epsilon=1e-7):\n")
_INIT_ADAM = "def initialize_adam(parameters):\n"
_ADAM = ("def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.001,\n"
         "                                beta_1=0.9, beta_2=0.999, epsilon=1e-7):\n")
_SCHEDULE = ("def schedule_lr_decay(initial_learning_rate, epoch, decay_rate, "
             "time_interval=1000):\n")


def _batches(order="rng.permutation(m)", X="X[:, order]", Y="Y[:, order]",
             starts="range(0, m, batch_size)"):
    """Shuffle, then slice from each start; the parts a mistake changes are arguments."""
    return (_BATCHES +
            "    m = X.shape[1]\n"
            f"    order = {order}\n"
            f"    X_s, Y_s = {X}, {Y}\n"
            f"    return [(X_s[:, k:k + batch_size], Y_s[:, k:k + batch_size]) for k in {starts}]\n")


def _split(pieces):
    return (_BATCHES +
            "    import math\n"
            "    m = X.shape[1]\n"
            f"    parts = np.array_split(rng.permutation(m), {pieces})\n"
            "    return [(X[:, idx], Y[:, idx]) for idx in parts]\n")


def _gd(step="parameters[key] - learning_rate * grads['d' + key]", keys="parameters"):
    return (_GD +
            f"    for key in list({keys}):\n"
            f"        parameters[key] = {step}\n"
            "    return parameters\n")


def _momentum(v="beta * v[k] + (1 - beta) * grads[k]", step="learning_rate * v[k]",
              store=True, skip=""):
    new_v = "v[k] = " if store else "new_v = "
    used = step if store else step.replace("v[k]", "new_v")
    return (_MOMENTUM +
            "    for key in parameters:\n"
            f"{skip}"
            "        k = 'd' + key\n"
            f"        {new_v}{v}\n"
            f"        parameters[key] = parameters[key] - {used}\n"
            "    return parameters, v\n")


def _divided(head, s_new, denominator="np.sqrt(s[k]) + epsilon", order="new"):
    """Adagrad or RMSprop; order "old" divides by s before it is updated."""
    step = f"        parameters[key] = parameters[key] - learning_rate * dW / ({denominator})\n"
    update = f"        s[k] = {s_new}\n"
    return (head +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        dW = grads[k]\n"
            + (update + step if order == "new" else step + update) +
            "    return parameters, s\n")


def _adagrad(s_new="s[k] + dW ** 2", **changes):
    return _divided(_ADAGRAD, s_new, **changes)


def _rmsprop(s_new="rho * s[k] + (1 - rho) * dW ** 2", **changes):
    return _divided(_RMSPROP, s_new, **changes)


def _adam(v_hat="v[k] / (1 - beta_1 ** t)", s_hat="s[k] / (1 - beta_2 ** t)",
          step="learning_rate * v_hat / (np.sqrt(s_hat) + epsilon)", store=""):
    return (_ADAM +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        g = grads[k]\n"
            "        v[k] = beta_1 * v[k] + (1 - beta_1) * g\n"
            "        s[k] = beta_2 * s[k] + (1 - beta_2) * g ** 2\n"
            f"        v_hat = {v_hat}\n"
            f"        s_hat = {s_hat}\n"
            f"{store}"
            f"        parameters[key] = parameters[key] - {step}\n"
            "    return parameters, v, s\n")


def _velocity(value="np.zeros_like(p)", key="'d' + key"):
    return (_VELOCITY +
            "    v = {}\n"
            "    for key, p in parameters.items():\n"
            f"        v[{key}] = {value}\n"
            "    return v\n")


def _schedule(expression):
    return _SCHEDULE + f"    return {expression}\n"


_ONES_VELOCITY = _velocity("np.ones_like(p)")
_ONES_ADAM = (_INIT_ADAM +
              "    v = {'d' + k: np.ones_like(p) for k, p in parameters.items()}\n"
              "    s = {'d' + k: np.ones_like(p) for k, p in parameters.items()}\n"
              "    return v, s\n")
_SIZE_MISTAKES = [_batches(starts="range(0, (m // batch_size) * batch_size, batch_size)"),
                  _batches(starts="range(0, (m // batch_size + 1) * batch_size, batch_size)"),
                  _split("m // batch_size"), _split("math.ceil(m / batch_size)")]


def making(name, part, k):
    """An answer that makes the k-th listed mistake of `part` of exercise `name`."""
    if name == "random_mini_batches":
        return _SIZE_MISTAKES[k]
    if name == "initialize_velocity":
        return _ONES_VELOCITY
    if name == "initialize_adam":
        return _ONES_ADAM
    raise LookupError(f"no answer makes {name}'s mistake {k} of {part}")


WRONG = {
    "random_mini_batches": {
        "not shuffled": _batches(order="np.arange(m)"),
        "X and Y shuffled apart": _batches(X="X[:, rng.permutation(m)]",
                                           Y="Y[:, rng.permutation(m)]"),
        "np.random.permutation": _batches(order="np.random.permutation(m)"),
        "a generator with a fixed seed": _batches(order="np.random.default_rng(1).permutation(m)"),
        "the last batch dropped": _SIZE_MISTAKES[0],
        "an empty batch at the end": _SIZE_MISTAKES[1],
        "np.array_split": _SIZE_MISTAKES[2],
        "shuffles X in place": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    rng.shuffle(X, axis=1)\n"
            "    return [(X[:, k:k + batch_size], Y[:, k:k + batch_size])\n"
            "            for k in range(0, m, batch_size)]\n"),
        "rows instead of columns": _batches(X="X[order]", Y="Y[order]"),
        "X and Y as two lists": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    order = rng.permutation(m)\n"
            "    xs = [X[:, order][:, k:k + batch_size] for k in range(0, m, batch_size)]\n"
            "    ys = [Y[:, order][:, k:k + batch_size] for k in range(0, m, batch_size)]\n"
            "    return xs, ys\n"),
        "shuffled within each batch": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    batches = []\n"
            "    for k in range(0, m, batch_size):\n"
            "        idx = k + rng.permutation(min(batch_size, m - k))\n"
            "        batches.append((X[:, idx], Y[:, idx]))\n"
            "    return batches\n"),
        "the list of batches shuffled": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    batches = [(X[:, k:k + batch_size], Y[:, k:k + batch_size])\n"
            "               for k in range(0, m, batch_size)]\n"
            "    return [batches[i] for i in rng.permutation(len(batches))]\n"),
        "rolled by a random offset": _batches(order="np.roll(np.arange(m), rng.integers(1, m))"),
        "the features shuffled": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    X_s = X[rng.permutation(X.shape[0]), :]\n"
            "    return [(X_s[:, k:k + batch_size], Y[:, k:k + batch_size])\n"
            "            for k in range(0, m, batch_size)]\n"),
        "a copy of the generator, never advanced": _batches(
            order="np.random.default_rng(rng.bit_generator.state['state']['state'])"
                  ".permutation(m)"),
        "Y indexed by rows": _batches(Y="Y[order]"),
    },
    "update_parameters_with_gd": {
        "uphill": _gd(step="parameters[key] + learning_rate * grads['d' + key]"),
        "no learning rate": _gd(step="parameters[key] - grads['d' + key]"),
        "the default learning rate": _gd(step="parameters[key] - 0.01 * grads['d' + key]"),
        "biases left out": _gd(keys="k for k in parameters if k.startswith('W')"),
        "the last layer skipped": (
            _GD +
            "    L = len(parameters) // 2\n"
            "    for l in range(1, L):\n"
            "        parameters[f'W{l}'] = parameters[f'W{l}'] - learning_rate * grads[f'dW{l}']\n"
            "        parameters[f'b{l}'] = parameters[f'b{l}'] - learning_rate * grads[f'db{l}']\n"
            "    return parameters\n"),
        "two layers written out": (
            _GD +
            "    W1 = parameters['W1'] - learning_rate * grads['dW1']\n"
            "    b1 = parameters['b1'] - learning_rate * grads['db1']\n"
            "    W2 = parameters['W2'] - learning_rate * grads['dW2']\n"
            "    b2 = parameters['b2'] - learning_rate * grads['db2']\n"
            "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}\n"),
        "grads keyed like the parameters": _gd(step="parameters[key] - learning_rate * "
                                                    "grads[key]"),
        "a loop over grads": (
            _GD +
            "    for k in grads:\n"
            "        parameters[k[1:]] = parameters[k[1:]] - learning_rate * grads[k]\n"
            "    return parameters\n"),
    },
    "initialize_velocity": {
        "keyed like the parameters": _velocity(key="key"),
        "ones": _ONES_VELOCITY,
        "rank-1 arrays": _velocity("np.zeros(p.shape[0])"),
        "a list": _VELOCITY + "    return [np.zeros_like(p) for p in parameters.values()]\n",
        "no return": (_VELOCITY +
                      "    v = {'d' + k: np.zeros_like(p) for k, p in parameters.items()}\n"),
        "two layers written out": (
            _VELOCITY +
            "    return {'dW1': np.zeros_like(parameters['W1']),\n"
            "            'db1': np.zeros_like(parameters['b1']),\n"
            "            'dW2': np.zeros_like(parameters['W2']),\n"
            "            'db2': np.zeros_like(parameters['b2'])}\n"),
        "read-only zeros": _velocity("np.broadcast_to(0.0, p.shape)"),
        "views of one buffer": (
            _VELOCITY +
            "    size = max(p.size for p in parameters.values())\n"
            "    buffer = np.zeros(size)\n"
            "    return {'d' + k: buffer[:p.size].reshape(p.shape) for k, p in parameters.items()}\n"),
    },
    "update_parameters_with_momentum": {
        "Keras's sum, no 1 - beta": _momentum(v="beta * v[k] + grads[k]"),
        "beta and 1 - beta swapped": _momentum(v="(1 - beta) * v[k] + beta * grads[k]"),
        "the step with dW": _momentum(step="learning_rate * grads[k]"),
        "v not stored": _momentum(store=False),
        "the default beta": _momentum(v="0.9 * v[k] + 0.1 * grads[k]"),
        "biases left out": _momentum(skip="        if key.startswith('b'):\n"
                                          "            continue\n"),
        "the step with the old v": (
            _MOMENTUM +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        parameters[key] = parameters[key] - learning_rate * v[k]\n"
            "        v[k] = beta * v[k] + (1 - beta) * grads[k]\n"
            "    return parameters, v\n"),
        "Keras's convention": (
            _MOMENTUM +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        v[k] = beta * v[k] - learning_rate * grads[k]\n"
            "        parameters[key] = parameters[key] + v[k]\n"
            "    return parameters, v\n"),
        "two layers written out": (
            _MOMENTUM +
            "    for l in (1, 2):\n"
            "        for p in ('W', 'b'):\n"
            "            k = f'd{p}{l}'\n"
            "            v[k] = beta * v[k] + (1 - beta) * grads[k]\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * v[k]\n"
            "    return parameters, v\n"),
        "grads returned too": _momentum().replace("return parameters, v", "return parameters, v, grads"),
    },
    "update_parameters_with_adagrad": {
        "epsilon inside the root": _adagrad(denominator="np.sqrt(s[k] + epsilon)"),
        "no square root": _adagrad(denominator="s[k] + epsilon"),
        "s replaced, not summed": _adagrad(s_new="dW ** 2"),
        "s of the gradients, not their squares": _adagrad(s_new="s[k] + dW"),
        "divided by the old s": _adagrad(order="old"),
        "uphill": (_adagrad().replace("parameters[key] - learning_rate",
                                      "parameters[key] + learning_rate")),
        "a loop over grads": (
            _ADAGRAD +
            "    for k in grads:\n"
            "        s[k] = s[k] + grads[k] ** 2\n"
            "        parameters[k[1:]] = parameters[k[1:]] - learning_rate * grads[k] / "
            "(np.sqrt(s[k]) + epsilon)\n"
            "    return parameters, s\n"),
    },
    "update_parameters_with_rmsprop": {
        "rho and 1 - rho swapped": _rmsprop(s_new="(1 - rho) * s[k] + rho * dW ** 2"),
        "epsilon inside the root": _rmsprop(denominator="np.sqrt(s[k] + epsilon)"),
        "no 1 - rho": _rmsprop(s_new="rho * s[k] + dW ** 2"),
        "the default rho": _rmsprop(s_new="0.9 * s[k] + 0.1 * dW ** 2"),
        "no square root": _rmsprop(denominator="s[k] + epsilon"),
        "divided by the old s": _rmsprop(order="old"),
        "two layers written out": (
            _RMSPROP +
            "    for key in ('W1', 'b1', 'W2', 'b2'):\n"
            "        k = 'd' + key\n"
            "        s[k] = rho * s[k] + (1 - rho) * grads[k] ** 2\n"
            "        parameters[key] = parameters[key] - learning_rate * grads[k] / "
            "(np.sqrt(s[k]) + epsilon)\n"
            "    return parameters, s\n"),
    },
    "initialize_adam": {
        "the same dict twice": (
            _INIT_ADAM +
            "    v = {'d' + k: np.zeros_like(p) for k, p in parameters.items()}\n"
            "    return v, v\n"),
        "a shallow copy": (
            _INIT_ADAM +
            "    v = {'d' + k: np.zeros_like(p) for k, p in parameters.items()}\n"
            "    return v, dict(v)\n"),
        "keyed like the parameters": (
            _INIT_ADAM +
            "    v = {k: np.zeros_like(p) for k, p in parameters.items()}\n"
            "    s = {k: np.zeros_like(p) for k, p in parameters.items()}\n"
            "    return v, s\n"),
        "ones": _ONES_ADAM,
        "one dict": (
            _INIT_ADAM +
            "    return {'v': {'d' + k: np.zeros_like(p) for k, p in parameters.items()},\n"
            "            's': {'d' + k: np.zeros_like(p) for k, p in parameters.items()}}\n"),
        "the same arrays in v and s": (
            _INIT_ADAM +
            "    v, s = {}, {}\n"
            "    for k, p in parameters.items():\n"
            "        v['d' + k] = s['d' + k] = np.zeros_like(p)\n"
            "    return v, s\n"),
        "two layers written out": (
            _INIT_ADAM +
            "    keys = ('W1', 'b1', 'W2', 'b2')\n"
            "    v = {'d' + k: np.zeros_like(parameters[k]) for k in keys}\n"
            "    s = {'d' + k: np.zeros_like(parameters[k]) for k in keys}\n"
            "    return v, s\n"),
    },
    "update_parameters_with_adam": {
        "no bias correction": _adam(v_hat="v[k]", s_hat="s[k]"),
        "only v corrected": _adam(s_hat="s[k]"),
        "t + 1": _adam(v_hat="v[k] / (1 - beta_1 ** (t + 1))",
                       s_hat="s[k] / (1 - beta_2 ** (t + 1))"),
        "Keras's form": _adam(step="learning_rate * np.sqrt(1 - beta_2 ** t) / "
                                   "(1 - beta_1 ** t) * v[k] / (np.sqrt(s[k]) + epsilon)"),
        "corrected averages stored": _adam(store="        v[k], s[k] = v_hat, s_hat\n"),
        "epsilon inside the root": _adam(step="learning_rate * v_hat / np.sqrt(s_hat + epsilon)"),
        "the default epsilon": _adam(step="learning_rate * v_hat / (np.sqrt(s_hat) + 1e-7)"),
        "t - 1": _adam(v_hat="v[k] / (1 - beta_1 ** (t - 1))",
                       s_hat="s[k] / (1 - beta_2 ** (t - 1))"),
        "t counted inside as well": _adam().replace(
            "    for key in parameters:\n", "    t = t + 1\n    for key in parameters:\n", 1),
        "t returned too": _adam().replace("return parameters, v, s", "return parameters, v, s, t"),
        "v and s returned swapped": _adam().replace("return parameters, v, s",
                                                    "return parameters, s, v"),
        "v and s with swapped roles": _adam().replace(
            "(1 - beta_1) * g\n", "(1 - beta_1) * g ** 2\n").replace(
            "(1 - beta_2) * g ** 2\n", "(1 - beta_2) * g\n"),
        "only s corrected": _adam(v_hat="v[k]"),
        "s corrected with beta_1": _adam(s_hat="s[k] / (1 - beta_1 ** t)"),
    },
    "schedule_lr_decay": {
        "no rounding down": _schedule("initial_learning_rate / (1 + decay_rate * epoch / "
                                      "time_interval)"),
        "rounded up": "import math\n\n" + _schedule(
            "initial_learning_rate / (1 + decay_rate * math.ceil(epoch / time_interval))"),
        "rounded to the nearest": _schedule("initial_learning_rate / (1 + decay_rate * "
                                            "round(epoch / time_interval))"),
        "every epoch": _schedule("initial_learning_rate / (1 + decay_rate * epoch)"),
        "multiplied": _schedule("initial_learning_rate * (1 + decay_rate * "
                                "(epoch // time_interval))"),
        "the default interval": _schedule("initial_learning_rate / (1 + decay_rate * "
                                          "(epoch // 1000))"),
        "exponential": _schedule("initial_learning_rate * decay_rate ** "
                                 "(epoch // time_interval)"),
        "the brackets left out": _schedule("initial_learning_rate / (1 + decay_rate * epoch "
                                           "// time_interval)"),
        "epoch + 1": _schedule("initial_learning_rate / (1 + decay_rate * ((epoch + 1) "
                               "// time_interval))"),
        "epoch - 1": _schedule("initial_learning_rate / (1 + decay_rate * ((epoch - 1) "
                               "// time_interval))"),
        "ceil minus one": "import math\n\n" + _schedule(
            "initial_learning_rate / (1 + decay_rate * (math.ceil(epoch / time_interval) - 1))"),
    },
}

RIGHT = {
    "random_mini_batches": {
        "rng.choice without replacement": _batches(order="rng.choice(m, size=m, replace=False)"),
        "a shuffled index array and a while loop": (
            _BATCHES +
            "    import math\n"
            "    m = X.shape[1]\n"
            "    idx = np.arange(m)\n"
            "    rng.shuffle(idx)\n"
            "    batches, k = [], 0\n"
            "    while k < math.ceil(m / batch_size):\n"
            "        part = idx[k * batch_size:(k + 1) * batch_size]\n"
            "        batches.append((X[:, part], Y[:, part]))\n"
            "        k += 1\n"
            "    return batches\n"),
        "np.split at multiples, as lists": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    pieces = np.split(rng.permutation(m), range(batch_size, m, batch_size))\n"
            "    return [[X[:, p], Y[:, p]] for p in pieces]\n"),
        "argsort of random keys": _batches(order="np.argsort(rng.random(m))"),
        "rng.permuted": _batches(order="rng.permuted(np.arange(m))"),
        "X and Y stacked and permuted together": (
            _BATCHES +
            "    n = X.shape[0]\n"
            "    both = rng.permutation(np.vstack([X, Y]), axis=1)\n"
            "    m = both.shape[1]\n"
            "    return [(both[:n, k:k + batch_size], both[n:, k:k + batch_size])\n"
            "            for k in range(0, m, batch_size)]\n"),
        "each batch's indices sorted": (
            _BATCHES +
            "    m = X.shape[1]\n"
            "    order = rng.permutation(m)\n"
            "    pieces = [np.sort(order[k:k + batch_size]) for k in range(0, m, batch_size)]\n"
            "    return [(X[:, p], Y[:, p]) for p in pieces]\n"),
    },
    "update_parameters_with_gd": {
        "in place": _GD + ("    for key in parameters:\n"
                           "        parameters[key] -= learning_rate * grads['d' + key]\n"
                           "    return parameters\n"),
        "a loop over the layers, into a new dict": (
            _GD +
            "    L = len(parameters) // 2\n"
            "    new = {}\n"
            "    for l in range(1, L + 1):\n"
            "        new['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]\n"
            "        new['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]\n"
            "    return new\n"),
        "L from the number of parameters, f-strings": (
            _GD +
            "    L = len(parameters) // 2\n"
            "    for l in range(1, L + 1):\n"
            "        for p in ('W', 'b'):\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * grads[f'd{p}{l}']\n"
            "    return parameters\n"),
    },
    "initialize_velocity": {
        "np.zeros of each shape": _velocity("np.zeros(p.shape)"),
        "a loop over the layers": (
            _VELOCITY +
            "    v = {}\n"
            "    for l in range(1, len(parameters) // 2 + 1):\n"
            "        v[f'dW{l}'] = np.zeros(parameters[f'W{l}'].shape)\n"
            "        v[f'db{l}'] = np.zeros(parameters[f'b{l}'].shape)\n"
            "    return v\n"),
        "p * 0": _velocity("p * 0"),
        "np.full": _velocity("np.full(p.shape, 0.0)"),
    },
    "update_parameters_with_momentum": {
        "in place": (
            _MOMENTUM +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        v[k] *= beta\n"
            "        v[k] += (1 - beta) * grads[k]\n"
            "        parameters[key] -= learning_rate * v[k]\n"
            "    return parameters, v\n"),
        "new dicts": (
            _MOMENTUM +
            "    new_v = {k: beta * v[k] + (1 - beta) * grads[k] for k in v}\n"
            "    new_p = {key: parameters[key] - learning_rate * new_v['d' + key]\n"
            "             for key in parameters}\n"
            "    return new_p, new_v\n"),
        "v rebound to a new dict": (
            _MOMENTUM +
            "    v = {k: beta * v[k] + (1 - beta) * grads[k] for k in v}\n"
            "    for key in parameters:\n"
            "        parameters[key] -= learning_rate * v['d' + key]\n"
            "    return parameters, v\n"),
        "v moved towards the gradient": _momentum(v="v[k] + (1 - beta) * (grads[k] - v[k])"),
    },
    "update_parameters_with_adagrad": {
        "in place, with np.square": (
            _ADAGRAD +
            "    for key in parameters:\n"
            "        s['d' + key] += np.square(grads['d' + key])\n"
            "        parameters[key] -= learning_rate * grads['d' + key] / "
            "(np.sqrt(s['d' + key]) + epsilon)\n"
            "    return parameters, s\n"),
        "a loop over the layers": (
            _ADAGRAD +
            "    for l in range(1, len(parameters) // 2 + 1):\n"
            "        for p in ('W', 'b'):\n"
            "            g = grads[f'd{p}{l}']\n"
            "            s[f'd{p}{l}'] = s[f'd{p}{l}'] + g * g\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - "
            "learning_rate * g / (s[f'd{p}{l}'] ** 0.5 + epsilon)\n"
            "    return parameters, s\n"),
    },
    "update_parameters_with_rmsprop": {
        "in place": (
            _RMSPROP +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        s[k] *= rho\n"
            "        s[k] += (1 - rho) * grads[k] ** 2\n"
            "        parameters[key] -= learning_rate * grads[k] / (np.sqrt(s[k]) + epsilon)\n"
            "    return parameters, s\n"),
        "new dicts": (
            _RMSPROP +
            "    new_s = {k: rho * s[k] + (1 - rho) * grads[k] ** 2 for k in s}\n"
            "    new_p = {key: parameters[key] - learning_rate * grads['d' + key]\n"
            "             / (np.sqrt(new_s['d' + key]) + epsilon) for key in parameters}\n"
            "    return new_p, new_s\n"),
        "s moved towards the square": _rmsprop(s_new="s[k] + (1 - rho) * (dW ** 2 - s[k])"),
    },
    "initialize_adam": {
        "through initialize_velocity": (_INIT_ADAM +
                                        "    return initialize_velocity(parameters), "
                                        "initialize_velocity(parameters)\n"),
        "one loop, two dicts": (
            _INIT_ADAM +
            "    v, s = {}, {}\n"
            "    for key, p in parameters.items():\n"
            "        v['d' + key] = np.zeros(p.shape)\n"
            "        s['d' + key] = np.zeros(p.shape)\n"
            "    return v, s\n"),
        "s copied array by array": (
            _INIT_ADAM +
            "    v = initialize_velocity(parameters)\n"
            "    s = {k: a.copy() for k, a in v.items()}\n"
            "    return v, s\n"),
    },
    "update_parameters_with_adam": {
        "the corrections folded in, epsilon corrected too": _adam(
            step="learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t) * v[k] / "
                 "(np.sqrt(s[k]) + epsilon * np.sqrt(1 - beta_2 ** t))"),
        "in place, with math.pow": (
            "import math\n\n" + _ADAM +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        v[k] *= beta_1\n"
            "        v[k] += (1 - beta_1) * grads[k]\n"
            "        s[k] *= beta_2\n"
            "        s[k] += (1 - beta_2) * np.square(grads[k])\n"
            "        v_hat = v[k] / (1 - math.pow(beta_1, t))\n"
            "        s_hat = s[k] / (1 - math.pow(beta_2, t))\n"
            "        parameters[key] -= learning_rate * v_hat / (np.sqrt(s_hat) + epsilon)\n"
            "    return parameters, v, s\n"),
        "the corrections divided separately": _adam(
            step="learning_rate * (v[k] / (1 - beta_1 ** t)) / "
                 "(np.sqrt(s[k]) / np.sqrt(1 - beta_2 ** t) + epsilon)"),
        "1 - beta ** t with expm1": _adam(v_hat="v[k] / -np.expm1(t * np.log(beta_1))",
                                          s_hat="s[k] / -np.expm1(t * np.log(beta_2))"),
        "the states first, then the parameters": (
            _ADAM +
            "    for key in parameters:\n"
            "        k = 'd' + key\n"
            "        s[k] = beta_2 * s[k] + (1 - beta_2) * grads[k] ** 2\n"
            "        v[k] = beta_1 * v[k] + (1 - beta_1) * grads[k]\n"
            "    c1, c2 = 1 - beta_1 ** t, 1 - beta_2 ** t\n"
            "    new = {key: parameters[key] - learning_rate * (v['d' + key] / c1)\n"
            "           / (np.sqrt(s['d' + key] / c2) + epsilon) for key in parameters}\n"
            "    return new, v, s\n"),
    },
    "schedule_lr_decay": {
        "math.floor": "import math\n\n" + _schedule(
            "initial_learning_rate / (1 + decay_rate * math.floor(epoch / time_interval))"),
        "int() of the ratio": _schedule(
            "initial_learning_rate / (1 + decay_rate * int(epoch / time_interval))"),
        "np.floor": _schedule(
            "initial_learning_rate / (1 + decay_rate * np.floor(epoch / time_interval))"),
        "np.floor_divide": _schedule(
            "initial_learning_rate / (1 + decay_rate * np.floor_divide(epoch, time_interval))"),
    },
}

CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_update_parameters_with_adam = lambda f: None\n",
    "imports the reference": (
        "from helpers.optimizers import update_parameters_with_adam as _adam\n"),
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "reaches builtins": "__builtins__.print = None\n",
    "replaces numpy's global state": "np.random.get_state = lambda: None\n",
}


def _visible(name):
    return lambda ns: getattr(nb07, f"check_{name}")(ns[name])


CHECKS = {name: _visible(name) for name in nb07.EXERCISES}

MESSAGES = {
    ("random_mini_batches", "not shuffled"): r"in their original order: shuffle",
    ("random_mini_batches", "X and Y shuffled apart"): r"lost their labels",
    ("random_mini_batches", "np.random.permutation"): r"numpy's global generator",
    ("random_mini_batches", "a generator with a fixed seed"):
        r"different seeds gave the same batches",
    ("random_mini_batches", "the last batch dropped"): r"the last, smaller batch is missing",
    ("random_mini_batches", "an empty batch at the end"): r"there is an empty batch at the end",
    ("random_mini_batches", "np.array_split"): r"nearly equal sizes",
    ("random_mini_batches", "shuffles X in place"): r"changed X or Y in place",
    ("random_mini_batches", "rows instead of columns"): r"raised IndexError",
    ("random_mini_batches", "X and Y as two lists"):
        r"should return a list of \(X_batch, Y_batch\) pairs, got a tuple",
    ("update_parameters_with_gd", "uphill"): r"moved uphill",
    ("update_parameters_with_gd", "no learning rate"): r"scaled by learning_rate",
    ("update_parameters_with_gd", "the default learning rate"):
        r"use the learning_rate you are given",
    ("update_parameters_with_gd", "biases left out"): r"biases never change",
    ("update_parameters_with_gd", "the last layer skipped"): r"last layer was not updated",
    ("initialize_velocity", "keyed like the parameters"): r"has no key 'dW1'.*'W1'",
    ("initialize_velocity", "ones"): r"start at zero, not at one",
    ("initialize_velocity", "rank-1 arrays"): r"rank-1 array",
    ("initialize_velocity", "a list"): r"got a list|is a list",
    ("initialize_velocity", "no return"): r"NoneType|is a None",
    ("update_parameters_with_momentum", "Keras's sum, no 1 - beta"):
        r"lacks the factor \(1 - beta\)",
    ("update_parameters_with_momentum", "beta and 1 - beta swapped"): r"beta and 1 - beta are swapped",
    ("update_parameters_with_momentum", "the step with dW"): r"uses the gradient dW, not the velocity",
    ("update_parameters_with_momentum", "v not stored"): r"v is returned as it came in",
    ("update_parameters_with_momentum", "the default beta"): r"use the beta you are given",
    ("update_parameters_with_momentum", "biases left out"): r"biases never change",
    ("update_parameters_with_momentum", "the step with the old v"): r"v from before this update",
    ("update_parameters_with_adagrad", "epsilon inside the root"): r"Keras's convention",
    ("update_parameters_with_adagrad", "no square root"): r"divides by s itself",
    ("update_parameters_with_adagrad", "s replaced, not summed"): r"ADDS it to the sum",
    ("update_parameters_with_adagrad", "s of the gradients, not their squares"):
        r"SQUARED gradients",
    ("update_parameters_with_adagrad", "divided by the old s"): r"s from before this update",
    ("update_parameters_with_adagrad", "uphill"): r"moved uphill",
    ("update_parameters_with_rmsprop", "rho and 1 - rho swapped"): r"rho and 1 - rho are swapped",
    ("update_parameters_with_rmsprop", "epsilon inside the root"): r"Keras's convention",
    ("update_parameters_with_rmsprop", "no 1 - rho"): r"lacks the factor \(1 - rho\)",
    ("update_parameters_with_rmsprop", "the default rho"): r"use the rho you are given",
    ("update_parameters_with_rmsprop", "no square root"): r"divides by s itself",
    ("update_parameters_with_rmsprop", "divided by the old s"): r"s from before this update",
    ("initialize_adam", "the same dict twice"): r"the same dict twice",
    ("initialize_adam", "a shallow copy"): r"v and s share arrays",
    ("initialize_adam", "keyed like the parameters"): r"has no key 'dW1'",
    ("initialize_adam", "ones"): r"start at zero, not at one",
    ("initialize_adam", "one dict"): r"should return a pair \(v, s\)",
    ("update_parameters_with_adam", "no bias correction"): r"bias correction is missing",
    ("update_parameters_with_adam", "only v corrected"): r"only v is bias-corrected",
    ("update_parameters_with_adam", "t + 1"): r"uses t \+ 1",
    ("update_parameters_with_adam", "Keras's form"): r"Keras's form",
    ("update_parameters_with_adam", "corrected averages stored"): r"stored bias-corrected",
    ("update_parameters_with_adam", "epsilon inside the root"): r"epsilon is inside the square root",
    ("update_parameters_with_adam", "the default epsilon"): r"use the epsilon you are given",
    ("schedule_lr_decay", "no rounding down"): r"decays smoothly",
    ("schedule_lr_decay", "rounded up"): r"rounded up",
    ("schedule_lr_decay", "rounded to the nearest"): r"round to the nearest",
    ("schedule_lr_decay", "every epoch"): r"decays at every epoch",
    ("schedule_lr_decay", "multiplied"): r"the rate grows",
    ("schedule_lr_decay", "the default interval"): r"use the time_interval you are given",
    ("schedule_lr_decay", "exponential"): r"exponential decay",
    ("random_mini_batches", "shuffled within each batch"):
        r"same examples as without a shuffle \(they were shuffled only within their batch\)",
    ("random_mini_batches", "the list of batches shuffled"): r"unshuffled pieces of X",
    ("random_mini_batches", "rolled by a random offset"): r"neighbours of the original order",
    ("random_mini_batches", "the features shuffled"):
        r"rows of X \(its features\) were shuffled|in their original order",
    ("random_mini_batches", "a copy of the generator, never advanced"):
        r"two calls with one generator \(two epochs\) gave the same batches",
    ("random_mini_batches", "Y indexed by rows"):
        r"raised IndexError: .*examples are the columns",
    ("update_parameters_with_gd", "two layers written out"):
        r"one more layer .*parameters\['W3'\] is missing",
    ("update_parameters_with_gd", "grads keyed like the parameters"):
        r"KeyError: 'W1' \(grads, and the state, are keyed like the gradients",
    ("update_parameters_with_gd", "a loop over grads"): r"KeyError: 'A0' \(grads also holds dA0",
    ("initialize_velocity", "two layers written out"): r"one more layer .*v\['dW3'\] is missing",
    ("initialize_velocity", "read-only zeros"): r"read-only array",
    ("initialize_velocity", "views of one buffer"): r"are the same array \(or share memory\)",
    ("update_parameters_with_momentum", "Keras's convention"):
        r"Keras's convention, v = beta \* v - learning_rate \* dW",
    ("update_parameters_with_momentum", "two layers written out"):
        r"one more layer .*parameters\['W3'\] differs from parameters\['W1'\]",
    ("update_parameters_with_momentum", "grads returned too"): r"returned a tuple of 3",
    ("update_parameters_with_adagrad", "a loop over grads"): r"KeyError: 'dA0' \(grads also holds dA0",
    ("update_parameters_with_rmsprop", "two layers written out"):
        r"one more layer .*parameters\['W3'\] differs",
    ("initialize_adam", "the same arrays in v and s"): r"v and s share arrays",
    ("initialize_adam", "two layers written out"): r"one more layer .*v\['dW3'\] is missing",
    ("update_parameters_with_adam", "t - 1"): r"uses t - 1",
    ("update_parameters_with_adam", "t counted inside as well"): r"uses t \+ 1",
    ("update_parameters_with_adam", "t returned too"): r"returned a tuple of 4",
    ("update_parameters_with_adam", "v and s returned swapped"): r"v and s are swapped",
    ("update_parameters_with_adam", "v and s with swapped roles"): r"swapped roles",
    ("update_parameters_with_adam", "only s corrected"): r"only s is bias-corrected",
    ("update_parameters_with_adam", "s corrected with beta_1"): r"corrected with beta_1",
    ("schedule_lr_decay", "the brackets left out"): r"\* and // are applied left to right",
    ("schedule_lr_decay", "epoch + 1"): r"one epoch early",
    ("schedule_lr_decay", "epoch - 1"): r"one epoch late",
    ("schedule_lr_decay", "ceil minus one"): r"one epoch late",
}
