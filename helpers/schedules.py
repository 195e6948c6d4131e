"""Learning-rate decay, as functions of the step (or epoch) counter.

Names, arguments and formulas follow keras.optimizers.schedules; ``step`` may be a number
or an array of steps (handy for plotting a schedule), and the result has the same form.
Call a schedule before each update and pass its value as the rule's learning_rate.
"""
import numpy as np

from helpers import _validate


def _progress(step, decay_steps, staircase):
    """step / decay_steps, floored when staircase, after checking both."""
    arr = np.asarray(step)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number) or np.any(arr < 0):
        raise ValueError(f"step must be a number or array of numbers >= 0, got {step!r}")
    _validate.check_positive(decay_steps, "decay_steps")
    p = arr.astype(np.float64) / decay_steps
    return np.floor(p) if staircase else p


def _same_form(value, step):
    """A float for a scalar step, an array for an array of steps."""
    return float(value) if np.ndim(step) == 0 else value


def inverse_time_decay(initial_learning_rate, step, decay_steps, decay_rate, staircase=False):
    """initial_learning_rate / (1 + decay_rate * step / decay_steps), as Keras's
    InverseTimeDecay; with staircase=True the ratio step / decay_steps is floored, so the
    rate drops in steps every decay_steps.

    The course's per-epoch decay lr0 / (1 + decay_rate * epoch) is
    inverse_time_decay(lr0, epoch, 1, decay_rate).
    Returns a float (an array if step is an array).

    Introduced in notebook 07.
    """
    _validate.check_positive(initial_learning_rate, "initial_learning_rate")
    _validate.check_positive(decay_rate, "decay_rate", allow_zero=True)
    p = _progress(step, decay_steps, staircase)
    return _same_form(initial_learning_rate / (1 + decay_rate * p), step)


def exponential_decay(initial_learning_rate, step, decay_steps, decay_rate, staircase=False):
    """initial_learning_rate * decay_rate ** (step / decay_steps), as Keras's
    ExponentialDecay (decay_rate < 1 decays; staircase floors the exponent).
    Returns a float (an array if step is an array).

    Introduced in notebook 07.
    """
    _validate.check_positive(initial_learning_rate, "initial_learning_rate")
    _validate.check_positive(decay_rate, "decay_rate")
    p = _progress(step, decay_steps, staircase)
    return _same_form(initial_learning_rate * decay_rate**p, step)


def schedule_lr_decay(initial_learning_rate, epoch, decay_rate, time_interval=1000):
    """Fixed-interval ("scheduled") decay, the formula of notebook 07's exercise:

        learning_rate = initial_learning_rate / (1 + decay_rate * floor(epoch / time_interval))

    i.e. inverse_time_decay with decay_steps=time_interval and staircase=True: the rate
    drops once every time_interval epochs. initial_learning_rate > 0; epoch >= 0 (a
    number or an array of epochs); decay_rate >= 0; time_interval > 0.
    Returns a float (an array if epoch is an array).

    Introduced in notebook 07.
    """
    return inverse_time_decay(initial_learning_rate, epoch, time_interval, decay_rate,
                              staircase=True)
