"""Update rules for gradient-based training: notebook 07's graded functions, and the rules
helpers.train.fit calls, which are built on them.

Notebook 07's functions, with the signatures its exercises grade:

    update_parameters_with_gd(parameters, grads, learning_rate=0.01) -> parameters
    initialize_velocity(parameters) -> v
    update_parameters_with_momentum(parameters, grads, v, learning_rate=0.01, beta=0.9)
        -> parameters, v
    update_parameters_with_adagrad(parameters, grads, s, learning_rate=0.001,
        epsilon=1e-7) -> parameters, s
    update_parameters_with_rmsprop(parameters, grads, s, learning_rate=0.001, rho=0.9,
        epsilon=1e-7) -> parameters, s
    initialize_adam(parameters) -> v, s
    update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.001,
        beta_1=0.9, beta_2=0.999, epsilon=1e-7) -> parameters, v, s

- ``parameters``: a dict of float arrays "W1", "b1", ...; ``grads``: the gradient of the
  cost for each under "d" + key ("dW1", "db1", ...), same shapes (extra entries such as
  "dA0" are ignored; a missing or mis-shaped one raises an error naming it).
- Optimizer state (v, s) is keyed like the GRADIENTS ("dW1", "db1", ...): it holds
  averages of gradients. initialize_velocity and initialize_adam make it: zeros shaped
  like each parameter. Adagrad's and RMSprop's s start as initialize_velocity's zeros.
- Everything is updated IN PLACE (as Keras assigns to its variables) and the same dicts
  are returned: pass copies to keep the old values.
- Hyper-parameters have Keras's names and defaults; t counts Adam's steps from 1.
- Each exercise states the textbook formula, the default (form="textbook"): epsilon is
  added to the root, dw / (sqrt(s) + epsilon), and Adam divides by the bias-corrected
  averages. form="keras" computes what Keras 3 does instead: Adagrad and RMSprop divide
  by sqrt(s + epsilon) (and Keras starts Adagrad's s at 0.1, not 0), Adam folds the bias
  corrections into the step size (see update_parameters_with_adam). The forms differ
  only where s is tiny.

The rules fit calls (``get_optimizer``) keep their state between calls::

    state = rule(params, grads, state, *, learning_rate=..., <hyper-parameters>)

``state`` is None on the first call; the rule creates it and returns it, to be passed
back: {} for gradient_descent, {"v"} for momentum, {"s"} for adagrad and rmsprop,
{"v", "s", "t"} for adam, each slot a dict keyed "dW1", .... The rules compute Keras's
form, so they match keras.optimizers step for step (momentum up to a factor on the
learning rate: see ``momentum``).
"""
import math

import numpy as np

from helpers import _validate

FORMS = ("textbook", "keras")


def _check_fraction(value, name):
    """Raise unless 0 <= value < 1 (a decay rate of 1 would never forget, or never move)."""
    _validate.check_positive(value, name, allow_zero=True)
    if value >= 1:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")


def _checked_grads(parameters, grads):
    """Return {key: gradient} for every parameter, after checking names, types and shapes,
    in the parameter's dtype."""
    if not isinstance(parameters, dict) or not parameters:
        raise TypeError("parameters must be a non-empty dict of numpy arrays ('W1', 'b1', ...)")
    if not isinstance(grads, dict):
        raise TypeError(f"grads must be a dict ('dW1', 'db1', ...), got {type(grads).__name__}")
    out = {}
    for key, p in parameters.items():
        if not isinstance(p, np.ndarray) or p.dtype not in _validate.FLOAT_DTYPES:
            # In-place updates need a float array to write into.
            raise TypeError(
                f"parameters[{key!r}] must be a float32 or float64 numpy array, got "
                f"{type(p).__name__} {getattr(p, 'dtype', '')}".rstrip()
            )
        gkey = "d" + key
        if gkey not in grads:
            raise KeyError(f"grads has no {gkey!r}, the gradient of parameters[{key!r}]")
        g = _validate.as_float_array(grads[gkey], f"grads[{gkey!r}]")
        _validate.check_same_shape(g, f"grads[{gkey!r}]", p, f"parameters[{key!r}]")
        # The update is computed in the parameter's dtype (no copy when they agree).
        out[key] = g.astype(p.dtype, copy=False)
    return out


def _check_slot(slot, name, parameters, made_by):
    """Raise unless `slot` holds a float array shaped like each parameter under its
    gradient's name ("dW1", ...), to be updated in place."""
    if not isinstance(slot, dict):
        raise TypeError(f"{name} must be a dict keyed like the gradients ('dW1', 'db1', "
                        f"...), as {made_by} returns it; got {type(slot).__name__}")
    for key, p in parameters.items():
        gkey = "d" + key
        if gkey not in slot:
            keys = sorted(slot)
            hint = " (keyed like the parameters: use 'dW1', not 'W1')" if key in slot else ""
            raise KeyError(f"{name} has no {gkey!r} for parameters[{key!r}]{hint}; it has "
                           f"{keys}")
        arr = slot[gkey]
        if not isinstance(arr, np.ndarray) or arr.dtype not in _validate.FLOAT_DTYPES:
            raise TypeError(f"{name}[{gkey!r}] must be a float numpy array (it is updated in "
                            f"place), got {type(arr).__name__}")
        if arr.shape != p.shape:
            raise ValueError(f"{name}[{gkey!r}] has shape {arr.shape} but parameters[{key!r}] "
                             f"has {p.shape}")


def _check_form(form):
    _validate.check_choice(form, "form", FORMS)


def _like_gradients(parameters, fill=0.0):
    """{"d" + key: an array like parameters[key] filled with `fill`}."""
    if not isinstance(parameters, dict) or not parameters:
        raise TypeError("parameters must be a non-empty dict of numpy arrays ('W1', 'b1', ...)")
    return {"d" + key: np.full_like(_validate.as_float_array(p, f"parameters[{key!r}]"), fill)
            for key, p in parameters.items()}


def _average_in_place(average, value, beta, scratch):
    """average = beta * average + (1 - beta) * value, through `scratch` (no new array)."""
    np.multiply(value, 1 - beta, out=scratch)
    average *= beta
    average += scratch


def _root_in_place(s, epsilon, form, out):
    """out = sqrt(s) + epsilon (textbook) or sqrt(s + epsilon) (Keras's Adagrad, RMSprop)."""
    if form == "keras":
        np.add(s, epsilon, out=out)
        np.sqrt(out, out=out)
    else:
        np.sqrt(s, out=out)
        out += epsilon
    return out


def _divide_by_root(parameters, grads, s, learning_rate, rho, epsilon, form):
    """Adagrad (rho None: s += dw ** 2) or RMSprop (s = rho s + (1 - rho) dw ** 2),
    then w -= learning_rate * dw / root(s), in place."""
    _validate.check_positive(learning_rate, "learning_rate")
    _validate.check_positive(epsilon, "epsilon", allow_zero=True)
    _check_form(form)
    g = _checked_grads(parameters, grads)
    _check_slot(s, "s", parameters, "initialize_velocity")
    for key, p in parameters.items():
        sk, dw = s["d" + key], g[key]
        scratch = np.square(dw)
        if rho is None:
            sk += scratch
        else:
            _average_in_place(sk, scratch, rho, scratch)
        _root_in_place(sk, epsilon, form, scratch)
        np.divide(dw, scratch, out=scratch)
        scratch *= learning_rate
        p -= scratch
    return parameters, s


# ------------------------------------------------------------ notebook 07

def update_parameters_with_gd(parameters, grads, learning_rate=0.01):
    """Plain (mini-batch) gradient descent: W[l] -= learning_rate * dW[l], and the same
    for every b[l]. keras.optimizers.SGD(learning_rate) without momentum.

    parameters: "W1", "b1", ... (W[l] (n[l], n[l-1]), b[l] (n[l], 1)); grads: "dW1",
    "db1", ... of the same shapes; learning_rate > 0.
    Returns parameters, updated in place. Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    g = _checked_grads(parameters, grads)
    for key, p in parameters.items():
        p -= learning_rate * g[key]
    return parameters


def initialize_velocity(parameters):
    """Momentum's velocity: zeros shaped like each parameter, keyed like its gradient.

    parameters: "W1", "b1", ... Returns v with v["dW1"] of W1's shape and dtype, and so
    on. Also the starting s of Adagrad and RMSprop. Introduced in notebook 07.
    """
    return _like_gradients(parameters)


def update_parameters_with_momentum(parameters, grads, v, learning_rate=0.01, beta=0.9):
    """Gradient descent with momentum, v an exponentially weighted average of gradients:

        v[dW] = beta * v[dW] + (1 - beta) * dW;   W -= learning_rate * v[dW]

    for every parameter. beta in [0, 1); beta = 0 is plain gradient descent. Keras's
    SGD(momentum=beta) adds u = beta * u - lr_k * dW instead, the same update when
    lr_k = learning_rate * (1 - beta).
    parameters, grads as in update_parameters_with_gd; v from initialize_velocity.
    Returns (parameters, v), both updated in place. Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    _check_fraction(beta, "beta")
    g = _checked_grads(parameters, grads)
    _check_slot(v, "v", parameters, "initialize_velocity")
    for key, p in parameters.items():
        vk = v["d" + key]
        scratch = np.empty_like(p)
        _average_in_place(vk, g[key], beta, scratch)
        np.multiply(vk, learning_rate, out=scratch)
        p -= scratch
    return parameters, v


def update_parameters_with_adagrad(parameters, grads, s, learning_rate=0.001, epsilon=1e-7,
                                   *, form="textbook"):
    """Adagrad: each parameter's steps shrink with the sum of its past squared gradients:

        s[dW] += dW ** 2;   W -= learning_rate * dW / (sqrt(s[dW]) + epsilon)

    s starts at zeros (initialize_velocity). form="keras" divides by
    sqrt(s[dW] + epsilon), as keras.optimizers.Adagrad, which also starts s at
    initial_accumulator_value=0.1 (the rule `adagrad` does both).
    parameters, grads as in update_parameters_with_gd; epsilon >= 0.
    Returns (parameters, s), both updated in place. Introduced in notebook 07.
    """
    return _divide_by_root(parameters, grads, s, learning_rate, None, epsilon, form)


def update_parameters_with_rmsprop(parameters, grads, s, learning_rate=0.001, rho=0.9,
                                   epsilon=1e-7, *, form="textbook"):
    """RMSprop: divide each step by a running root-mean-square of recent gradients:

        s[dW] = rho * s[dW] + (1 - rho) * dW ** 2
        W -= learning_rate * dW / (sqrt(s[dW]) + epsilon)

    s starts at zeros (initialize_velocity); rho in [0, 1). form="keras" divides by
    sqrt(s[dW] + epsilon), as keras.optimizers.RMSprop (momentum=0, centered=False).
    parameters, grads as in update_parameters_with_gd; epsilon >= 0.
    Returns (parameters, s), both updated in place. Introduced in notebook 07.
    """
    _check_fraction(rho, "rho")
    return _divide_by_root(parameters, grads, s, learning_rate, rho, epsilon, form)


def initialize_adam(parameters):
    """Adam's two averages, v (of the gradients) and s (of their squares): zeros shaped
    like each parameter, keyed like its gradient ("dW1", ...).

    Returns (v, s). Introduced in notebook 07.
    """
    return _like_gradients(parameters), _like_gradients(parameters)


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.001, beta_1=0.9,
                                beta_2=0.999, epsilon=1e-7, *, form="textbook"):
    """Adam: momentum on the gradient (v) and RMSprop on its square (s), bias-corrected.

        v[dW] = beta_1 * v[dW] + (1 - beta_1) * dW
        s[dW] = beta_2 * s[dW] + (1 - beta_2) * dW ** 2
        v_hat = v[dW] / (1 - beta_1 ** t);   s_hat = s[dW] / (1 - beta_2 ** t)
        W -= learning_rate * v_hat / (sqrt(s_hat) + epsilon)

    t: this step's number, 1 for the first update (the caller counts). form="keras" is
    keras.optimizers.Adam exactly: W -= alpha_t * v[dW] / (sqrt(s[dW]) + epsilon) with
    alpha_t = learning_rate * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t), which is the
    textbook form with epsilon * sqrt(1 - beta_2 ** t) in place of epsilon.
    parameters, grads as in update_parameters_with_gd; v, s from initialize_adam;
    beta_1, beta_2 in [0, 1); epsilon >= 0.
    Returns (parameters, v, s), all updated in place. Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    _check_fraction(beta_1, "beta_1")
    _check_fraction(beta_2, "beta_2")
    _validate.check_positive(epsilon, "epsilon", allow_zero=True)
    _check_form(form)
    if isinstance(t, bool) or not isinstance(t, (int, np.integer)) or t < 1:
        raise ValueError(f"t must be the step number, an int >= 1, got {t!r}")
    g = _checked_grads(parameters, grads)
    _check_slot(v, "v", parameters, "initialize_adam")
    _check_slot(s, "s", parameters, "initialize_adam")
    # W -= step * v / (sqrt(s) * root_scale + epsilon): the two forms differ in the scales
    # (Python floats, so float32 parameters are not promoted on the way).
    if form == "keras":
        root_scale = 1.0
        step = learning_rate * math.sqrt(1 - beta_2**t) / (1 - beta_1**t)
    else:
        root_scale = 1 / math.sqrt(1 - beta_2**t)
        step = learning_rate / (1 - beta_1**t)
    for key, p in parameters.items():
        vk, sk, dw = v["d" + key], s["d" + key], g[key]
        # Every step of training runs this: work in place, through one scratch array.
        scratch = np.empty_like(p)
        _average_in_place(vk, dw, beta_1, scratch)
        np.multiply(dw, dw, out=scratch)
        _average_in_place(sk, scratch, beta_2, scratch)
        np.sqrt(sk, out=scratch)
        if root_scale != 1.0:
            scratch *= root_scale
        scratch += epsilon
        np.divide(vk, scratch, out=scratch)
        scratch *= step
        p -= scratch
    return parameters, v, s


# ------------------------------------------------------------ fit's rules

def _state_slot(state, name, made_by):
    if not isinstance(state, dict) or name not in state:
        raise KeyError(f"state has no slot {name!r}: pass the state {made_by} returned")
    return state[name]


def gradient_descent(params, grads, state=None, *, learning_rate=0.01):
    """update_parameters_with_gd under the rules' contract (see the module); the state is
    an empty dict. Same as keras.optimizers.SGD(learning_rate).

    Introduced in notebook 03.
    """
    update_parameters_with_gd(params, grads, learning_rate)
    return {} if state is None else state


def momentum(params, grads, state=None, *, learning_rate=0.01, beta=0.9):
    """update_parameters_with_momentum under the rules' contract; state {"v"}.

    SGD(learning_rate=0.01, momentum=0.9) in Keras equals momentum(learning_rate=0.1,
    beta=0.9) here: Keras does not scale the gradient by 1 - beta.
    Introduced in notebook 07.
    """
    v = initialize_velocity(params) if state is None else _state_slot(state, "v", "momentum")
    update_parameters_with_momentum(params, grads, v, learning_rate, beta)
    return {"v": v}


def adagrad(params, grads, state=None, *, learning_rate=0.001, initial_accumulator_value=0.1,
            epsilon=1e-7):
    """update_parameters_with_adagrad in Keras's form, s starting at
    initial_accumulator_value (>= 0): exactly keras.optimizers.Adagrad. State {"s"}.

    Introduced in notebook 07.
    """
    _validate.check_positive(initial_accumulator_value, "initial_accumulator_value",
                             allow_zero=True)
    s = (_like_gradients(params, initial_accumulator_value) if state is None
         else _state_slot(state, "s", "adagrad"))
    update_parameters_with_adagrad(params, grads, s, learning_rate, epsilon, form="keras")
    return {"s": s}


def rmsprop(params, grads, state=None, *, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    """update_parameters_with_rmsprop in Keras's form: exactly keras.optimizers.RMSprop
    (momentum=0, centered=False). State {"s"}.

    Introduced in notebook 07.
    """
    s = initialize_velocity(params) if state is None else _state_slot(state, "s", "rmsprop")
    update_parameters_with_rmsprop(params, grads, s, learning_rate, rho, epsilon, form="keras")
    return {"s": s}


def adam(params, grads, state=None, *, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
         epsilon=1e-7):
    """update_parameters_with_adam in Keras's form: exactly keras.optimizers.Adam. State
    {"v", "s", "t"}, t the number of steps taken.

    Introduced in notebook 03.
    """
    if state is None:
        v, s = initialize_adam(params)
        t = 0
    else:
        v, s = _state_slot(state, "v", "adam"), _state_slot(state, "s", "adam")
        t = _state_slot(state, "t", "adam")
    update_parameters_with_adam(params, grads, v, s, t + 1, learning_rate, beta_1, beta_2,
                                epsilon, form="keras")
    return {"v": v, "s": s, "t": t + 1}


OPTIMIZERS = {
    "gradient_descent": gradient_descent,
    "momentum": momentum,
    "adagrad": adagrad,
    "rmsprop": rmsprop,
    "adam": adam,
}


def get_optimizer(name):
    """Return the update rule called ``name`` (a key of OPTIMIZERS); a callable is returned
    unchanged. Unknown names raise ValueError listing the known ones.

    Introduced in notebook 07.
    """
    if callable(name):
        return name
    _validate.check_choice(name, "optimizer", OPTIMIZERS)
    return OPTIMIZERS[name]
