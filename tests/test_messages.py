"""What a student sees when a check fails, in a real kernel: the check's verdict (wrapped
to fit nbgrader's Validate dialog) and the frames of their own code, never the frames of
the checks or of the reference implementations. And a visible check runs the guard on
its own answer cell, so a broken rule shows before handing in."""
import os

import nbformat
import pytest
from nbclient import NotebookClient

from course import ROOT, answer_sources, with_answers

NB01 = "01_logistic_regression"
INTERNALS = ("helpers/grading", "helpers/activations", "ref_sigmoid", "SIGMOID_MISTAKES",
             "Traceback", "site-packages")


def _release(name):
    return nbformat.read(ROOT / "notebooks" / name / f"{name}.ipynb", 4)


def _run(nb, folder, **env):
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(folder)}}).execute()
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return nb


def _shown(nb, grade_id):
    """The error text a student sees under the cell `grade_id`."""
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert errors, f"{grade_id} did not fail"
    return "\n".join(errors[0].traceback)


@pytest.fixture(scope="module")
def nb01(tmp_path_factory):
    """Notebook 01 with a wrong sigmoid, a propagate that crashes in the student's code, an
    optimize that reads a notebook variable, predict left unanswered, the rest solved."""
    solution = answer_sources(nbformat.read(ROOT / "solutions" / NB01 / f"{NB01}.ipynb", 4))
    release = _release(NB01)
    answers = {**solution,
               "sigmoid": "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
               "propagate": "def propagate(w, b, X, Y):\n    A = sigmoid(w.T @ X + b)\n"
                            "    return {'dw': X @ (A - Y).T, 'db': math.exp(A)}, 0\n",
               "optimize": "peek = output\n" + solution["optimize"]}
    answers.pop("predict")
    return _run(with_answers(release, answers), tmp_path_factory.mktemp("nb01"))


def test_a_wrong_answer_shows_the_verdict_only(nb01):
    shown = _shown(nb01, "sigmoid_tests")
    assert shown.splitlines()[0].startswith(
        "\N{BALLOT X} sigmoid (z of shape (2, 3)): you computed sigmoid(-z)")
    assert not any(word in shown for word in INTERNALS), shown
    assert all(len(line) <= 80 for line in shown.splitlines()), shown


def test_a_crash_shows_the_students_own_frame(nb01):
    shown = _shown(nb01, "propagate_tests")
    assert "raised NameError: name 'math' is not defined" in shown
    assert "Where it happened, in your code:" in shown
    assert "return {'dw': X @ (A - Y).T, 'db': math.exp(A)}, 0" in shown
    assert not any(word in shown for word in INTERNALS), shown


def test_an_unanswered_exercise_says_so_in_one_line(nb01):
    shown = _shown(nb01, "predict_tests")
    assert "predict is not written yet" in shown
    assert len(shown.splitlines()) <= 2 and "Traceback" not in shown, shown


def test_the_visible_check_runs_the_guard_on_its_answer_cell(nb01):
    shown = " ".join(_shown(nb01, "optimize_tests").split())
    assert "guard objects to the cell that defines optimize" in shown
    assert "this exercise would score 0" in shown
    assert "line 1: uses `output` (the notebook's own variable" in shown


def test_the_exercises_after_a_failure_still_pass(nb01):
    cell = next(c for c in nb01.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "model_tests")
    assert not [o for o in cell.outputs if o.output_type == "error"]


def test_notebook_08_without_mnist_says_where_to_put_it(tmp_path):
    nb = _release("08_keras_mnist")
    loading = next(i for i, c in enumerate(nb.cells) if "load_mnist()" in c.source)
    nb.cells = nb.cells[:loading + 1]
    _run(nb, tmp_path, MNIST_PATH=str(tmp_path / "absent.npz"))
    errors = [o for o in nb.cells[loading].outputs if o.output_type == "error"]
    shown = "\n".join(errors[0].traceback)
    assert "MNIST_PATH" in shown and "absent.npz" in shown
    assert len(shown.splitlines()) < 15 and "Traceback" not in shown, shown
