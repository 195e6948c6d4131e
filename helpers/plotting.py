"""Plots the notebooks share: decision boundaries, cost curves, image grids, activation
functions and confusion matrices (counted by `helpers.metrics.confusion_matrix`).

Every plotting function draws into the axes it is given (or into a new figure when
given none) and returns those axes, so a notebook can add to the plot or place several
side by side. None of them calls plt.show(): Jupyter shows a figure by itself.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from helpers import _validate

# Two colours that stay distinct for colour-blind readers: class 0, class 1.
CLASS_COLORS = ("#1f77b4", "#ff7f0e")


def _axes(ax):
    """`ax`, or the axes of a new figure when it is None."""
    if ax is None:
        _, ax = plt.subplots(layout="constrained")
    return ax


def plot_decision_boundary(predict_fn, X, Y, ax=None, resolution=200, title=None):
    """Colour the plane by the class `predict_fn` gives each point, and scatter the
    examples on top, coloured by their true label.

    predict_fn maps a (2, k) array of points (columns) to (1, k) labels 0/1;
    X is (2, m), Y is (1, m) labels; `resolution` is the number of grid points along
    each axis. Returns the axes.
    Introduced in notebook 02.
    """
    X = _validate.as_float_array(X, "X")
    _validate.check_shape(X, "X", (2, None))
    y = _validate.class_labels(Y, "Y")
    if y.size != X.shape[1]:
        raise ValueError(f"Y must have one label per column of X ({X.shape[1]}), got {y.size}")
    if np.any((y != 0) & (y != 1)):
        raise ValueError(f"Y must hold binary labels 0/1, got values {np.unique(y)}")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)):
        raise TypeError(f"resolution must be a whole number, got {resolution!r}")
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2, got {resolution}")
    ax = _axes(ax)
    # A margin around the data, so that points on the edge are not on the frame.
    lows, highs = X.min(axis=1), X.max(axis=1)
    margin = 0.1 * np.maximum(highs - lows, 1e-9) + 0.1
    g0, g1 = np.meshgrid(
        np.linspace(lows[0] - margin[0], highs[0] + margin[0], resolution),
        np.linspace(lows[1] - margin[1], highs[1] + margin[1], resolution),
    )
    grid = np.stack([g0.ravel(), g1.ravel()])
    predicted = np.asarray(predict_fn(grid))
    if predicted.shape != (1, grid.shape[1]):
        raise ValueError(
            f"predict_fn must map a (2, k) array to (1, k) labels; for k = {grid.shape[1]} "
            f"it returned shape {predicted.shape}"
        )
    # Levels between 0 and 1 make the boundary the 0.5 line, which also suits a
    # predict_fn that returns probabilities.
    ax.contourf(g0, g1, predicted.reshape(g0.shape).astype(float), levels=[-0.5, 0.5, 1.5],
                cmap=ListedColormap(CLASS_COLORS), alpha=0.25)
    ax.scatter(X[0], X[1], c=np.asarray(CLASS_COLORS)[y], s=15, edgecolors="k",
               linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title is not None:
        ax.set_title(title)
    return ax


def _series(values, name):
    """`values` as a 1-D float array with at least one entry. A list of (1, 1) costs
    is flattened too, since cost functions often return such arrays."""
    arr = _validate.as_float_array(values, name)
    if arr.ndim > 1 and sum(size > 1 for size in arr.shape) <= 1:
        arr = arr.ravel()
    _validate.check_ndim(arr, name, 1, "(a list of numbers)")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: nothing to plot")
    return arr


def plot_costs(costs, ax=None, xlabel="iteration", label=None):
    """Plot a cost curve, or several to compare them (e.g. one per learning rate).

    `costs` is a list of numbers (one curve, named `label` in the legend if given) or a
    dict mapping a label to such a list (one curve each, with a legend). Returns the
    axes.
    Introduced in notebook 01.
    """
    ax = _axes(ax)
    curves = costs if isinstance(costs, dict) else {label: costs}
    if not curves:
        raise ValueError("costs is an empty dict: nothing to plot")
    for name, values in curves.items():
        ax.plot(_series(values, f"costs[{name!r}]" if name is not None else "costs"),
                label=None if name is None else str(name))
    ax.set_xlabel(xlabel)
    ax.set_ylabel("cost")
    if any(name is not None for name in curves):
        ax.legend()
    return ax


def _is_accuracy(key):
    return "acc" in key.lower()


def plot_history(history, ax=None):
    """Plot a training history: costs on one axes, accuracies on another, side by side.

    `history` is a dict of lists, e.g. {"cost": [...], "accuracy": [...],
    "val_cost": [...], "val_accuracy": [...]} (Keras's History.history, with "loss",
    works too). Keys containing "acc" are accuracies, the rest costs, except "seconds"
    (helpers.train.fit's timing), which is not drawn; "val_" curves
    are dashed. `ax` is None (a new figure) or one axes per kind of curve present.
    Returns a numpy array of the axes used: [cost axes, accuracy axes], or one of them.
    Introduced in notebook 07.
    """
    if not isinstance(history, dict) or not history:
        raise ValueError(f"history must be a non-empty dict of lists, got {history!r}")
    # helpers.train.fit also records each epoch's "seconds": a timing, not a curve.
    curves = [key for key in history if key != "seconds"]
    groups = [
        (kind, [key for key in curves if _is_accuracy(key) == is_acc])
        for kind, is_acc in (("cost", False), ("accuracy", True))
    ]
    groups = [(kind, keys) for kind, keys in groups if keys]
    if ax is None:
        _, ax = plt.subplots(1, len(groups), figsize=(5 * len(groups), 3.5), squeeze=False,
                             layout="constrained")
    axes = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
    if len(axes) != len(groups):
        kinds = " and ".join(kind for kind, _ in groups)
        raise ValueError(f"history holds {kinds} curves: pass {len(groups)} axes, got {len(axes)}")
    for axis, (kind, keys) in zip(axes, groups):
        # "cost" and "val_cost" share a colour; the validation curve is dashed.
        bases = list(dict.fromkeys(key.removeprefix("val_") for key in keys))
        for key in keys:
            base = key.removeprefix("val_")
            axis.plot(_series(history[key], f"history[{key!r}]"),
                      "--" if key != base else "-", color=f"C{bases.index(base)}", label=key)
        axis.set_xlabel("epoch")
        axis.set_ylabel(kind)
        axis.legend()
    return axes


def _as_images(images, shape):
    """(k, h, w) images from `images`, which is (k, h, w) or (h*w, k) columns."""
    arr = _validate.as_float_array(images, "images")
    if arr.ndim == 3:
        return arr
    _validate.check_ndim(arr, "images", 2, "(h*w, k) columns, or 3-D (k, h, w)")
    n_pixels = arr.shape[0]
    if shape is None:
        side = int(round(np.sqrt(n_pixels)))
        if side * side != n_pixels:
            raise ValueError(
                f"images has {n_pixels} pixels per column, not a square: pass shape=(h, w)"
            )
        shape = (side, side)
    if len(shape) != 2 or shape[0] * shape[1] != n_pixels:
        raise ValueError(f"shape {shape} does not hold the {n_pixels} pixels of a column")
    # Columns were flattened row by row (image.reshape(-1)), so undo it the same way.
    return arr.T.reshape(-1, *shape)


def plot_image_grid(images, titles=None, ncols=8, axes=None, cmap="gray_r", shape=None):
    """Show images in a grid, with optional titles (e.g. "true 3, predicted 8").

    `images` is (k, h, w), or (h*w, k) with one flattened image per column (as X holds
    them) and `shape=(h, w)` (a square is assumed when shape is None). All images share
    one grey scale. `axes`, if given, is an array of at least k axes. Returns the flat
    array of the grid's axes; those beyond the k-th are switched off.
    Introduced in notebook 01.
    """
    stack = _as_images(images, shape)
    k = stack.shape[0]
    if k == 0:
        raise ValueError("images holds no image")
    if titles is not None and len(titles) != k:
        raise ValueError(f"titles must have one entry per image ({k}), got {len(titles)}")
    if axes is None:
        ncols = min(ncols, k)
        nrows = -(-k // ncols)
        _, axes = plt.subplots(nrows, ncols, figsize=(1.2 * ncols, 1.3 * nrows), squeeze=False,
                               layout="constrained")
    axes = np.asarray(axes, dtype=object).ravel()
    if axes.size < k:
        raise ValueError(f"axes holds {axes.size} axes, fewer than the {k} images")
    low, high = stack.min(), stack.max()
    for i, axis in enumerate(axes):
        axis.set_axis_off()
        if i < k:
            axis.imshow(stack[i], cmap=cmap, vmin=low, vmax=high)
            if titles is not None:
                axis.set_title(str(titles[i]), fontsize=8)
    return axes


def plot_function_and_derivative(f, df, z=None, ax=None, name=""):
    """Plot an activation function and its derivative over `z` on the same axes.

    f and df map an array to an array of the same shape; z is a 1-D array of inputs
    (default: 201 points from -5 to 5); `name` labels the curves, e.g. "tanh".
    Returns the axes.
    Introduced in notebook 03.
    """
    z = np.linspace(-5.0, 5.0, 201) if z is None else _validate.as_float_array(z, "z")
    _validate.check_ndim(z, "z", 1, "(k,)")
    ax = _axes(ax)
    for fn, label, style in ((f, f"{name}(z)", "-"), (df, f"{name}'(z)", "--")):
        values = np.asarray(fn(z))
        if values.shape != z.shape:
            raise ValueError(f"{label} must return the shape of z, {z.shape}, got {values.shape}")
        ax.plot(z, values, style, label=label)
    ax.axhline(0.0, color="grey", linewidth=0.5)
    ax.axvline(0.0, color="grey", linewidth=0.5)
    ax.set_xlabel("z")
    ax.legend()
    if name:
        ax.set_title(name)
    return ax


def plot_confusion_matrix(cm, class_names=None, ax=None, normalize=False):
    """Show a confusion matrix (rows true, columns predicted) with each cell's count
    written in it; with `normalize=True` each row is divided by its total, so a cell
    shows the fraction of that true class. Returns the axes.
    Introduced in notebook 08.
    """
    cm = np.asarray(cm)
    _validate.check_ndim(cm, "cm", 2, "(C, C)")
    _validate.check_shape(cm, "cm", (cm.shape[0], cm.shape[0]))
    if not np.issubdtype(cm.dtype, np.number) or cm.dtype == bool:
        raise TypeError(f"cm must hold counts, got dtype {cm.dtype}")
    n = cm.shape[0]
    names = [str(i) for i in range(n)] if class_names is None else [str(c) for c in class_names]
    if len(names) != n:
        raise ValueError(f"class_names must have {n} entries, got {len(names)}")
    values = cm.astype(np.float64)
    if normalize:
        totals = values.sum(axis=1, keepdims=True)
        # A class with no examples keeps a row of zeros instead of 0/0.
        values = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
    ax = _axes(ax)
    ax.imshow(values, cmap="Blues")
    threshold = values.max() / 2
    for i in range(n):
        for j in range(n):
            text = f"{values[i, j]:.2f}" if normalize else f"{cm[i, j]:g}"
            ax.text(j, i, text, ha="center", va="center", fontsize=8,
                    color="white" if values[i, j] > threshold else "black")
    ax.set_xticks(range(n), names)
    ax.set_yticks(range(n), names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    return ax


# The graph of a network with two layers: (label, x, y) of each node, the forward edges
# between them and, on the way back, the derivative each edge carries.
_GRAPH_NODES = {
    "A0": ("$A^{[0]} = X$", 0.0, 0.0), "W1": ("$W^{[1]}, b^{[1]}$", 2.0, 1.0),
    "Z1": ("$Z^{[1]} = W^{[1]}A^{[0]} + b^{[1]}$", 2.0, 0.0),
    "A1": ("$A^{[1]} = g^{[1]}(Z^{[1]})$", 4.4, 0.0), "W2": ("$W^{[2]}, b^{[2]}$", 6.8, 1.0),
    "Z2": ("$Z^{[2]} = W^{[2]}A^{[1]} + b^{[2]}$", 6.8, 0.0),
    "A2": ("$A^{[2]} = \\sigma(Z^{[2]})$", 9.1, 0.0), "J": ("$J(A^{[2]}, Y)$", 11.0, 0.0),
}
_GRAPH_EDGES = [("A0", "Z1", ""), ("W1", "Z1", "$dW^{[1]}, db^{[1]}$"),
                ("Z1", "A1", "$dZ^{[1]}$"), ("A1", "Z2", "$dA^{[1]}$"),
                ("W2", "Z2", "$dW^{[2]}, db^{[2]}$"), ("Z2", "A2", "$dZ^{[2]}$"),
                ("A2", "J", "$dA^{[2]}$")]


def plot_computation_graph(ax=None):
    """Draw the computation graph of a two-layer network: the forward pass (black arrows)
    from X and the parameters to the cost J, and beside each arrow, in red, the
    derivative that the backward pass sends back along it. Returns the axes.
    Introduced in notebook 04.
    """
    ax = _axes(ax)
    box = dict(boxstyle="round,pad=0.3", facecolor="white", edgecolor="black")
    nodes = {name: ax.text(x, y, label, ha="center", va="center", fontsize=9, bbox=box)
             for name, (label, x, y) in _GRAPH_NODES.items()}
    for start, end, grad in _GRAPH_EDGES:
        vertical = _GRAPH_NODES[start][2] != _GRAPH_NODES[end][2]
        # Where an arrow leaves and enters a box, as fractions of the box.
        out, into = ((0.35, 0.0), (0.35, 1.0)) if vertical else ((1.0, 0.65), (0.0, 0.65))
        ax.annotate("", xy=into, xycoords=nodes[end], xytext=out, textcoords=nodes[start],
                    arrowprops=dict(arrowstyle="->", color="black"))
        if not grad:
            continue
        back_out, back_into = ((0.65, 1.0), (0.65, 0.0)) if vertical else \
            ((0.0, 0.3), (1.0, 0.3))
        ax.annotate("", xy=back_into, xycoords=nodes[start], xytext=back_out,
                    textcoords=nodes[end],
                    arrowprops=dict(arrowstyle="->", color="tab:red", linestyle="--"))
        (_, x0, y0), (_, x1, y1) = _GRAPH_NODES[start], _GRAPH_NODES[end]
        x, y = ((x0 + 0.55, 0.5) if vertical else ((x0 + x1) / 2, -0.3))
        ax.text(x, y, grad, ha="left" if vertical else "center", va="center", fontsize=8,
                color="tab:red")
    ax.set_xlim(-0.8, 11.8)
    ax.set_ylim(-0.6, 1.4)
    ax.axis("off")
    ax.set_title("forward pass (black arrows) and backward pass (red)")
    return ax
