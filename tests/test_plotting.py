"""Tests of helpers.plotting: each function draws what it promises into the axes it
returns, checks its inputs, and never calls plt.show()."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402

from helpers import plotting  # noqa: E402


@pytest.fixture(autouse=True)
def no_show_and_close(monkeypatch):
    """Fail any plt.show() call, and close every figure a test leaves open."""
    def forbidden(*args, **kwargs):
        raise AssertionError("helpers.plotting must not call plt.show()")

    monkeypatch.setattr(plt, "show", forbidden)
    yield
    plt.close("all")


def images_in(axes):
    return [ax for ax in np.ravel(axes) if ax.get_images()]


# --- plot_decision_boundary ---------------------------------------------------------


def test_decision_boundary_draws_contour_and_all_points():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 37))
    Y = (X[0:1] > 0).astype(float)
    calls = []

    def predict(points):
        calls.append(points.shape)
        return (points[0:1] > 0).astype(float)

    ax = plotting.plot_decision_boundary(predict, X, Y, resolution=50, title="sign of x1")
    assert isinstance(ax, plt.Axes)
    assert calls == [(2, 50 * 50)], "predict_fn gets the whole grid at once, as columns"
    contours = [c for c in ax.collections if isinstance(c, ContourSet)]
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)
                and not isinstance(c, ContourSet)]
    assert len(contours) == 1 and len(scatters) == 1
    assert np.array_equal(scatters[0].get_offsets(), X.T)
    assert ax.get_title() == "sign of x1"
    # The grid reaches beyond the data, so that no point sits on the frame.
    x_low, x_high = ax.get_xlim()
    assert x_low < X[0].min() and x_high > X[0].max()


def test_decision_boundary_colours_points_by_class():
    X = np.array([[0.0, 1.0, 2.0], [0.0, 1.0, 0.0]])
    Y = np.array([[0.0, 1.0, 0.0]])
    ax = plotting.plot_decision_boundary(lambda P: np.zeros((1, P.shape[1])), X, Y)
    scatter = [c for c in ax.collections if isinstance(c, PathCollection)
               and not isinstance(c, ContourSet)][0]
    colours = scatter.get_facecolors()
    assert np.allclose(colours[0], colours[2]) and not np.allclose(colours[0], colours[1])


def test_decision_boundary_uses_the_given_axes():
    fig, ax = plt.subplots()
    X, Y = np.zeros((2, 4)) + np.arange(4), np.array([[0, 1, 0, 1]])
    assert plotting.plot_decision_boundary(lambda P: P[:1] > 1, X, Y, ax=ax) is ax


def test_decision_boundary_validates_inputs():
    predict = lambda P: np.zeros((1, P.shape[1]))  # noqa: E731
    Y = np.zeros((1, 5))
    with pytest.raises(ValueError, match=r"X must have shape \(2, any\)"):
        plotting.plot_decision_boundary(predict, np.zeros((3, 5)), Y)
    with pytest.raises(ValueError, match=r"X must have shape \(2, any\)"):
        plotting.plot_decision_boundary(predict, np.zeros((5, 2)), Y)
    with pytest.raises(ValueError, match="one label per column"):
        plotting.plot_decision_boundary(predict, np.zeros((2, 5)), np.zeros((1, 4)))
    with pytest.raises(ValueError, match="binary labels"):
        plotting.plot_decision_boundary(predict, np.zeros((2, 5)), np.full((1, 5), 2.0))
    with pytest.raises(ValueError, match=r"\(1, k\)"):
        plotting.plot_decision_boundary(lambda P: np.zeros(P.shape[1]), np.zeros((2, 5)), Y)
    with pytest.raises(ValueError, match="resolution must be at least 2"):
        plotting.plot_decision_boundary(predict, np.zeros((2, 5)), Y, resolution=1)


# --- plot_costs and plot_history ----------------------------------------------------


def test_plot_costs_one_curve():
    costs = [0.7, 0.5, 0.4, 0.35]
    ax = plotting.plot_costs(costs, xlabel="iterations (x100)")
    (line,) = ax.get_lines()
    assert np.array_equal(line.get_ydata(), costs)
    assert ax.get_xlabel() == "iterations (x100)" and ax.get_ylabel() == "cost"
    assert ax.get_legend() is None


def test_plot_costs_compares_curves_with_a_legend():
    curves = {"lr = 0.1": [1.0, 0.5], "lr = 0.01": [1.0, 0.9, 0.8]}
    ax = plotting.plot_costs(curves)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == list(curves)
    assert [len(line.get_ydata()) for line in lines] == [2, 3]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(curves)


def test_plot_costs_accepts_costs_as_small_arrays_and_rejects_nonsense():
    ax = plotting.plot_costs([np.array([[0.5]]), np.array([[0.25]])], label="run 1")
    assert np.array_equal(ax.get_lines()[0].get_ydata(), [0.5, 0.25])
    with pytest.raises(ValueError, match="empty"):
        plotting.plot_costs([])
    with pytest.raises(ValueError, match="empty dict"):
        plotting.plot_costs({})
    with pytest.raises(TypeError, match="numeric"):
        plotting.plot_costs(["a", "b"])
    with pytest.raises(ValueError, match="1-D"):
        plotting.plot_costs(np.zeros((3, 3)))


def test_plot_history_costs_and_accuracies_on_two_axes():
    history = {"cost": [0.9, 0.5], "accuracy": [0.6, 0.8],
               "val_cost": [1.0, 0.7], "val_accuracy": [0.5, 0.7]}
    axes = plotting.plot_history(history)
    assert len(axes) == 2
    cost_ax, acc_ax = axes
    assert [line.get_label() for line in cost_ax.get_lines()] == ["cost", "val_cost"]
    assert [line.get_label() for line in acc_ax.get_lines()] == ["accuracy", "val_accuracy"]
    assert cost_ax.get_ylabel() == "cost" and acc_ax.get_ylabel() == "accuracy"
    train, val = cost_ax.get_lines()
    assert train.get_linestyle() == "-" and val.get_linestyle() == "--"
    assert train.get_color() == val.get_color()


def test_plot_history_leaves_out_fits_timing():
    # helpers.train.fit's history, which notebook 07 plots, has each epoch's "seconds".
    axes = plotting.plot_history({"cost": [0.9, 0.5], "accuracy": [0.6, 0.8],
                                  "seconds": [3.0, 2.5]})
    assert [line.get_label() for ax in axes for line in ax.get_lines()] == \
        ["cost", "accuracy"]


def test_plot_history_with_only_costs_and_given_axes():
    fig, ax = plt.subplots()
    axes = plotting.plot_history({"loss": [1.0, 0.5, 0.2]}, ax=ax)
    assert list(axes) == [ax]
    with pytest.raises(ValueError, match="pass 2 axes"):
        plotting.plot_history({"cost": [1.0], "accuracy": [0.5]}, ax=ax)
    with pytest.raises(ValueError, match="non-empty dict"):
        plotting.plot_history({})


# --- plot_image_grid ------------------------------------------------------------------


def test_image_grid_from_a_stack():
    images = np.arange(10 * 4 * 3).reshape(10, 4, 3)
    axes = plotting.plot_image_grid(images, titles=[f"#{i}" for i in range(10)], ncols=4)
    assert len(axes) == 12, "10 images in rows of 4 need 3 rows"
    shown = images_in(axes)
    assert len(shown) == 10
    assert np.array_equal(shown[3].get_images()[0].get_array(), images[3])
    assert shown[3].get_title() == "#3"
    assert not axes[11].axison, "unused grid cells are switched off"


def test_image_grid_from_columns_matches_flattening():
    stack = np.random.default_rng(0).integers(0, 17, (5, 8, 8))
    columns = stack.reshape(5, 64).T  # how X holds images: one per column
    axes = plotting.plot_image_grid(columns)
    shown = images_in(axes)
    assert len(shown) == 5
    for ax, image in zip(shown, stack):
        assert np.array_equal(ax.get_images()[0].get_array(), image)
    rectangular = np.zeros((6, 2))
    assert len(images_in(plotting.plot_image_grid(rectangular, shape=(2, 3)))) == 2


def test_image_grid_uses_given_axes_and_validates():
    fig, axes = plt.subplots(2, 3)
    out = plotting.plot_image_grid(np.zeros((4, 8, 8)), axes=axes)
    assert len(out) == 6 and len(images_in(out)) == 4
    with pytest.raises(ValueError, match="fewer than the 7 images"):
        plotting.plot_image_grid(np.zeros((7, 8, 8)), axes=axes)
    with pytest.raises(ValueError, match="not a square: pass shape"):
        plotting.plot_image_grid(np.zeros((10, 3)))
    with pytest.raises(ValueError, match="does not hold the 10 pixels"):
        plotting.plot_image_grid(np.zeros((10, 3)), shape=(3, 3))
    with pytest.raises(ValueError, match="one entry per image"):
        plotting.plot_image_grid(np.zeros((3, 8, 8)), titles=["a"])
    with pytest.raises(ValueError, match="no image"):
        plotting.plot_image_grid(np.zeros((0, 8, 8)))


# --- plot_function_and_derivative -----------------------------------------------------


def test_function_and_derivative_curves():
    z = np.linspace(-3, 3, 31)
    ax = plotting.plot_function_and_derivative(np.tanh, lambda v: 1 - np.tanh(v) ** 2,
                                               z=z, name="tanh")
    labelled = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert [line.get_label() for line in labelled] == ["tanh(z)", "tanh'(z)"]
    assert np.allclose(labelled[0].get_ydata(), np.tanh(z))
    assert np.allclose(labelled[1].get_ydata(), 1 - np.tanh(z) ** 2)
    assert np.array_equal(labelled[0].get_xdata(), z)
    assert ax.get_title() == "tanh"


def test_function_and_derivative_default_range_and_checks():
    ax = plotting.plot_function_and_derivative(np.abs, np.sign)
    assert ax.get_lines()[0].get_xdata().min() == -5
    with pytest.raises(ValueError, match="must return the shape of z"):
        plotting.plot_function_and_derivative(np.abs, lambda v: v.sum())
    with pytest.raises(ValueError, match="z must be a 1-D array"):
        plotting.plot_function_and_derivative(np.abs, np.sign, z=np.zeros((2, 2)))


# --- plot_confusion_matrix -------------------------------------


def test_plot_confusion_matrix_annotates_every_count():
    cm = np.array([[5, 1, 0], [2, 7, 1], [0, 0, 9]])
    ax = plotting.plot_confusion_matrix(cm, class_names=["cat", "dog", "owl"])
    texts = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text()
             for t in ax.texts}
    assert len(ax.texts) == 9
    assert all(texts[i, j] == str(cm[i, j]) for i in range(3) for j in range(3))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["cat", "dog", "owl"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["cat", "dog", "owl"]
    assert ax.get_xlabel() == "predicted" and ax.get_ylabel() == "true"
    assert np.array_equal(ax.get_images()[0].get_array(), cm)


def test_plot_confusion_matrix_normalized_rows():
    cm = np.array([[3, 1], [0, 0]])
    ax = plotting.plot_confusion_matrix(cm, normalize=True)
    shown = np.asarray(ax.get_images()[0].get_array())
    assert np.allclose(shown, [[0.75, 0.25], [0.0, 0.0]]), "an empty row stays zero, not nan"
    assert sorted(t.get_text() for t in ax.texts) == ["0.00", "0.00", "0.25", "0.75"]


def test_plot_confusion_matrix_validates():
    with pytest.raises(ValueError, match=r"cm must have shape \(2, 2\)"):
        plotting.plot_confusion_matrix(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="class_names must have 2 entries"):
        plotting.plot_confusion_matrix(np.eye(2), class_names=["a"])
    with pytest.raises(TypeError, match="counts"):
        plotting.plot_confusion_matrix(np.array([["a", "b"], ["c", "d"]]))


def test_computation_graph_draws_every_node_and_gradient():
    from matplotlib.text import Annotation

    ax = plotting.plot_computation_graph()
    arrows = [t for t in ax.texts if isinstance(t, Annotation)]
    labels = [t.get_text() for t in ax.texts if not isinstance(t, Annotation)]
    assert len(labels) == 8 + 6  # the nodes, and the gradients on the edges back from J
    assert len(arrows) == 7 + 6  # forward edges, and the backward ones
    assert any("dW^{[1]}" in t for t in labels) and any("J(A^{[2]}" in t for t in labels)
    plt.close(ax.figure)
