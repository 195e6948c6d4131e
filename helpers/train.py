"""A mini-batch training loop for fully connected networks, Keras-``fit`` style.

Built on ``helpers.layers`` (model_forward and model_backward, inverted dropout included),
``helpers.losses``, ``helpers.optimizers`` (the update rules), ``helpers.regularization``
(L2) and ``helpers.metrics``. Examples are columns: X is (n_x, m), Y is (n_y, m) or (1, m).
"""
import sys
import time

import numpy as np

from helpers import _validate, layers
from helpers.losses import _COSTS, get_loss, targets
from helpers.metrics import output_accuracy
from helpers.minibatches import batch_indices
from helpers.optimizers import get_optimizer
from helpers.regularization import l2_gradient, l2_penalty

_BAR_WIDTH = 20


def _cost(AL, Y, cost_fn, params, lambd):
    """The cost J on these examples: mean loss plus, if lambd > 0, the L2 term.

    cost_fn(AL, Y) gives the mean loss: a checked cost from helpers.losses, or within
    an epoch its unchecked kernel, Y being already checked."""
    J = cost_fn(AL, Y)
    return J + l2_penalty(params, lambd, AL.shape[1]) if lambd > 0 else J


def _show(epoch, epochs, done, total, metrics=None, seconds=None):
    """Redraw the progress line in place (\\r); end it with a newline once metrics come."""
    filled = done * _BAR_WIDTH // total
    bar = "=" * filled + (">" if filled < _BAR_WIDTH else "") + "." * (_BAR_WIDTH - filled - 1)
    width = len(str(epochs))
    line = f"\rEpoch {epoch + 1:>{width}}/{epochs} [{bar}] {done}/{total}"
    if metrics is not None:
        line += f" - {seconds:.1f}s" + "".join(f" - {k}: {v:.4f}" for k, v in metrics.items())
        line += "\n"
    sys.stdout.write(line)
    sys.stdout.flush()


def fit(X, Y, params, activations, *, loss, optimizer="adam", epochs=10, batch_size=64, rng,
        lambd=0.0, keep_prob=1.0, validation_data=None, verbose=True, **optimizer_kwargs):
    """Train a fully connected network with mini-batches; ``params`` is updated in place.

    X: (n_x, m). Y: labels in the loss's format, (1, m) or (C, m).
    params: W1, b1, ..., WL, bL (e.g. from initializers.initialize_parameters).
    activations: one name per layer, e.g. ["relu", "relu", "sigmoid"].
    loss: a name from losses.LOSSES, e.g. "binary_cross_entropy".
    optimizer: a name from optimizers.OPTIMIZERS or an update rule with the same contract;
        optimizer_kwargs go to it (learning_rate, beta_1, ...). A callable learning_rate
        is called with the epoch number (0, 1, ...) before each epoch, for decay, e.g.
        ``learning_rate=lambda e: schedules.schedule_lr_decay(0.1, e, 1.0, 100)``.
    epochs: passes over the data. batch_size: examples per update (m for batch GD).
    rng: np.random.Generator for the shuffling and the dropout masks.
    lambd: L2 strength (>= 0): the cost of a mini-batch of m_b examples gains
        lambd / (2 m_b) * sum ||W||^2 and each dW gains lambd / m_b * W.
    keep_prob: in (0, 1]; below 1, inverted dropout on every hidden layer's output
        during training (never on the output layer, never at evaluation).
    validation_data: optional (X_val, Y_val), evaluated after each epoch.
    verbose: print a progress bar, one line per epoch; False prints nothing.

    Returns history, a dict of lists with one entry per epoch:
      "cost": mean over the epoch's mini-batches of their cost (weighted by size, as
        Keras reports its loss), with dropout active and the L2 term included;
      "accuracy": fraction right during the epoch, from the same training-mode outputs;
      "val_cost", "val_accuracy" (with validation_data): the cost, L2 term included with
        m = number of validation examples, and the accuracy of the network at the end
        of the epoch, in inference mode (no dropout);
      "seconds": how long the epoch's training steps took (wall clock, without the
        validation pass).

    The arguments, the model and the labels are checked before the first step. Each step
    is layers.model_forward and layers.model_backward, the functions the notebooks
    call (need_dA0=False: no gradient for X); the labels are converted once (integer
    labels to one-hot) and each mini-batch is gathered only when needed (X is copied
    once into column order if it is not so already). See benchmarks/numpy_vs_keras.py.

    Introduced in notebook 03.
    """
    X = _validate.as_float_array(X, "X")
    _validate.check_ndim(X, "X", 2, "(n_x, m)")
    _validate.check_rng(rng)
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(f"epochs must be a positive int, got {epochs!r}")
    _validate.check_positive(lambd, "lambd", allow_zero=True)
    layers._check_keep_prob(keep_prob)
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)):
        raise TypeError(f"batch_size must be an int, got {batch_size!r}")
    _validate.check_positive(batch_size, "batch_size")
    cost_fn, _ = get_loss(loss)
    rule = get_optimizer(optimizer)
    # Check params against activations and X, and the labels against the output layer,
    # before the first step changes anything.
    _, weights = layers._check_model(X[:, :1], params, activations)
    n_out, m = weights[-1][0].shape[0], X.shape[1]
    layers._output_delta(loss, activations[-1])
    Y = np.asarray(Y)
    if Y.ndim != 2 or Y.shape[1] != m:
        raise ValueError(
            f"X and Y must have the same number of columns (examples), got X {X.shape} "
            f"and Y {Y.shape}"
        )
    Y = targets(loss, Y, (n_out, m), X.dtype)
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise ValueError("validation_data must be a pair (X_val, Y_val)")
        X_val, Y_val = validation_data
    # With the examples as contiguous columns a mini-batch is copied in blocks of n_x
    # numbers; X = x.T from Keras's row layout is so already, and is not copied.
    X = np.asfortranarray(X)

    L = len(activations)
    schedule = optimizer_kwargs.get("learning_rate")
    history = {"cost": [], "accuracy": []}
    if validation_data is not None:
        history.update(val_cost=[], val_accuracy=[])
    history["seconds"] = []
    state = None
    for epoch in range(epochs):
        start = time.perf_counter()
        if callable(schedule):  # optimizer_kwargs is fit's own dict: safe to change
            optimizer_kwargs["learning_rate"] = schedule(epoch)
        batches = batch_indices(m, batch_size, rng)
        cost_sum = correct = 0.0
        shown = -1
        for i, idx in enumerate(batches, start=1):
            Xb, Yb = X[:, idx], Y[:, idx]
            AL, caches = layers.model_forward(Xb, params, activations, keep_prob=keep_prob,
                                              rng=rng)
            grads = layers.model_backward(AL, Yb, caches, activations, loss,
                                          keep_prob=keep_prob, need_dA0=False)
            m_b = Xb.shape[1]
            if lambd > 0:
                for l in range(1, L + 1):
                    grads[f"dW{l}"] += l2_gradient(params[f"W{l}"], lambd, m_b)
            # Cost and accuracy of the outputs this update was computed from.
            cost_sum += _cost(AL, Yb, _COSTS[loss], params, lambd) * m_b
            correct += output_accuracy(AL, Yb) * m_b
            state = rule(params, grads, state, **optimizer_kwargs)
            # Redraw only when the bar grows: thousands of writes slow a notebook down.
            if verbose and i < len(batches) and i * _BAR_WIDTH // len(batches) != shown:
                shown = i * _BAR_WIDTH // len(batches)
                _show(epoch, epochs, i, len(batches))
        history["seconds"].append(time.perf_counter() - start)
        history["cost"].append(cost_sum / m)
        history["accuracy"].append(correct / m)
        if validation_data is not None:
            AL_val, _ = layers.model_forward(X_val, params, activations)
            history["val_cost"].append(_cost(AL_val, Y_val, cost_fn, params, lambd))
            history["val_accuracy"].append(output_accuracy(AL_val, Y_val))
        if verbose:
            _show(epoch, epochs, len(batches), len(batches),
                  {k: v[-1] for k, v in history.items() if k != "seconds"},
                  history["seconds"][-1])
    return history
