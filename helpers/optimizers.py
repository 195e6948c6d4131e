"""Update rules for gradient-based training, with Keras's names and formulas.

One contract for every rule::

    state = rule(params, grads, state, *, learning_rate=..., <hyper-parameters>)

- ``params`` is a dict of float numpy arrays ("W1", "b1", ...). The rule updates every
  array IN PLACE (as Keras assigns to its variables), so other references to the arrays
  see the new values and no copies are made.
- ``grads`` holds the gradient of the cost for every parameter under "d" + key ("dW1",
  "db1", ...), each with the shape of its parameter. Extra entries (e.g. "dA0") are
  ignored; a missing or mis-shaped one raises an error that names it.
- ``state`` is None on the first call: the rule then creates its slots, one array of
  zeros like each parameter (Adagrad: filled with ``initial_accumulator_value``), plus a
  step counter "t" for Adam. The rule returns the state; pass it to the next call.

State layout: a dict of slot dicts keyed like ``params``: momentum {"v"}, adagrad
{"s"}, rmsprop {"s"}, adam {"v", "s", "t"}; gradient descent keeps an empty dict.

Where epsilon goes (as in Keras 3): Adagrad and RMSprop divide by sqrt(s + epsilon);
Adam divides by sqrt(s) + epsilon after folding the bias corrections into the step size
(see ``adam``). The course's momentum is the exponentially weighted average of the
gradients, which differs from Keras's SGD(momentum) only by a factor on the learning
rate (see ``momentum``).
"""
import math

import numpy as np

from helpers import _validate


def _check_fraction(value, name):
    """Raise unless 0 <= value < 1 (a decay rate of 1 would never forget, or never move)."""
    _validate.check_positive(value, name, allow_zero=True)
    if value >= 1:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")


def _checked_grads(params, grads):
    """Return {key: gradient} for every parameter, after checking names, types and shapes,
    in the parameter's dtype."""
    if not isinstance(params, dict) or not params:
        raise TypeError("params must be a non-empty dict of numpy arrays ('W1', 'b1', ...)")
    out = {}
    for key, p in params.items():
        if not isinstance(p, np.ndarray) or p.dtype not in _validate.FLOAT_DTYPES:
            # In-place updates need a float array to write into.
            raise TypeError(
                f"params[{key!r}] must be a float32 or float64 numpy array, got "
                f"{type(p).__name__} {getattr(p, 'dtype', '')}".rstrip()
            )
        gkey = "d" + key
        if gkey not in grads:
            raise KeyError(f"grads has no {gkey!r}, the gradient of params[{key!r}]")
        g = _validate.as_float_array(grads[gkey], f"grads[{gkey!r}]")
        _validate.check_same_shape(g, f"grads[{gkey!r}]", p, f"params[{key!r}]")
        # The update is computed in the parameter's dtype (no copy when they agree).
        out[key] = g.astype(p.dtype, copy=False)
    return out


def _slots(state, names, params, fill=0.0):
    """Create the named slots on the first call (state None); check them afterwards."""
    if state is None:
        return {name: {k: np.full_like(p, fill) for k, p in params.items()} for name in names}
    for name in names:
        if name not in state:
            raise KeyError(f"state has no slot {name!r}: pass the state this rule returned")
        for key in params:
            if key not in state[name]:
                raise KeyError(f"state[{name!r}] has no entry for parameter {key!r}")
    return state


def gradient_descent(params, grads, state=None, *, learning_rate=0.01):
    """Plain (mini-batch) gradient descent: w -= learning_rate * dw for every parameter.

    Same as keras.optimizers.SGD(learning_rate) without momentum. Follows the module's
    contract; the state is an empty dict.

    Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    g = _checked_grads(params, grads)
    for key, p in params.items():
        p -= learning_rate * g[key]
    return {} if state is None else state


def momentum(params, grads, state=None, *, learning_rate=0.01, beta=0.9):
    """Gradient descent with momentum, as an exponentially weighted average of gradients:

        v = beta * v + (1 - beta) * dw;   w -= learning_rate * v

    Keras's SGD(momentum=beta) keeps u = beta * u - lr_k * dw and adds u, which is the
    same update when lr_k = learning_rate * (1 - beta): SGD(learning_rate=0.01,
    momentum=0.9) equals momentum(learning_rate=0.1, beta=0.9). beta in [0, 1); beta = 0
    is plain gradient descent. State slot "v", zeros at first.

    Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    _check_fraction(beta, "beta")
    g = _checked_grads(params, grads)
    state = _slots(state, ["v"], params)
    for key, p in params.items():
        v = state["v"][key]
        v *= beta
        v += (1 - beta) * g[key]
        p -= learning_rate * v
    return state


def adagrad(params, grads, state=None, *, learning_rate=0.001, initial_accumulator_value=0.1,
            epsilon=1e-7):
    """Adagrad: per-parameter steps shrink with the sum of all past squared gradients.

        s += dw ** 2;   w -= learning_rate * dw / sqrt(s + epsilon)

    Exactly keras.optimizers.Adagrad: s starts at initial_accumulator_value (>= 0, not
    zero by default, so the first step is not a full sign step) and epsilon sits inside
    the square root. State slot "s".

    Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    _validate.check_positive(initial_accumulator_value, "initial_accumulator_value",
                             allow_zero=True)
    _validate.check_positive(epsilon, "epsilon", allow_zero=True)
    g = _checked_grads(params, grads)
    state = _slots(state, ["s"], params, fill=initial_accumulator_value)
    for key, p in params.items():
        s = state["s"][key]
        s += np.square(g[key])
        p -= learning_rate * g[key] / np.sqrt(s + epsilon)
    return state


def rmsprop(params, grads, state=None, *, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    """RMSprop: divide each step by a running root-mean-square of recent gradients.

        s = rho * s + (1 - rho) * dw ** 2;   w -= learning_rate * dw / sqrt(s + epsilon)

    Exactly keras.optimizers.RMSprop (momentum=0, centered=False), epsilon inside the
    square root; some texts put it outside, which matters only when s is tiny.
    rho in [0, 1). State slot "s", zeros at first.

    Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    _check_fraction(rho, "rho")
    _validate.check_positive(epsilon, "epsilon", allow_zero=True)
    g = _checked_grads(params, grads)
    state = _slots(state, ["s"], params)
    for key, p in params.items():
        s = state["s"][key]
        s *= rho
        s += (1 - rho) * np.square(g[key])
        p -= learning_rate * g[key] / np.sqrt(s + epsilon)
    return state


def adam(params, grads, state=None, *, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
         epsilon=1e-7):
    """Adam: momentum on the gradient (v) and RMSprop on its square (s), bias-corrected.

        t += 1
        v = beta_1 * v + (1 - beta_1) * dw
        s = beta_2 * s + (1 - beta_2) * dw ** 2
        w -= alpha_t * v / (sqrt(s) + epsilon),  alpha_t = learning_rate
                                                   * sqrt(1 - beta_2**t) / (1 - beta_1**t)

    This is keras.optimizers.Adam exactly. It equals the textbook form with bias-corrected
    v_hat = v / (1 - beta_1**t), s_hat = s / (1 - beta_2**t),
    ``w -= learning_rate * v_hat / (sqrt(s_hat) + epsilon_t)``, where
    epsilon_t = epsilon / sqrt(1 - beta_2**t): the two differ only in the size of epsilon
    in the early steps, far below anything visible in training.
    beta_1, beta_2 in [0, 1). State: slots "v", "s" (zeros) and step counter "t" (0).

    Introduced in notebook 07.
    """
    _validate.check_positive(learning_rate, "learning_rate")
    _check_fraction(beta_1, "beta_1")
    _check_fraction(beta_2, "beta_2")
    _validate.check_positive(epsilon, "epsilon", allow_zero=True)
    g = _checked_grads(params, grads)
    if state is None:
        state = dict(_slots(None, ["v", "s"], params), t=0)
    elif "t" not in state:
        raise KeyError("state has no step counter 't': pass the state adam returned")
    state = _slots(state, ["v", "s"], params)
    state["t"] += 1
    t = state["t"]
    # A Python float, so float32 parameters are not promoted on the way.
    alpha = float(learning_rate * math.sqrt(1 - beta_2**t) / (1 - beta_1**t))
    for key, p in params.items():
        v, s, dw = state["v"][key], state["s"][key], g[key]
        # Every step of training runs this: work in place, through one scratch array.
        scratch = np.multiply(dw, 1 - beta_1)
        v *= beta_1
        v += scratch                          # v = beta_1 v + (1 - beta_1) dw
        np.multiply(dw, dw, out=scratch)
        scratch *= 1 - beta_2
        s *= beta_2
        s += scratch                          # s = beta_2 s + (1 - beta_2) dw^2
        np.sqrt(s, out=scratch)
        scratch += epsilon
        np.divide(v, scratch, out=scratch)
        scratch *= alpha
        p -= scratch                          # w -= alpha_t v / (sqrt(s) + epsilon)
    return state


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
