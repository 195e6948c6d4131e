"""helpers.grading.nbgrader_ext, without nbgrader or a kernel: feedback redaction, which
cells the guard scans, and what a flagged submission gets. The whole pipeline runs in
tests/test_pipeline.py."""
import copy

import pytest
from nbformat import v4

from helpers.grading.guard import is_answer
from helpers.grading.nbgrader_ext import FLAG_FILE, GuardedExecute, RedactHiddenTests, is_test


def _meta(grade_id, grade=False, solution=False, **more):
    return {"nbgrader": {"grade": grade, "grade_id": grade_id, "locked": not solution,
                         "schema_version": 3, "solution": solution, **more}}


def _error(ename="AssertionError", evalue="sigmoid(0) should be 0.5"):
    return v4.new_output("error", ename=ename, evalue=evalue, traceback=[
        "\x1b[0;31m----------------------------------------------------\x1b[0m",
        "\x1b[0;32m      3\x1b[0m checks.hidden_sigmoid(sigmoid, [0.0], [0.5])",
        f"\x1b[0;31m{ename}\x1b[0m: {evalue}"])


# -- RedactHiddenTests -----------------------------------------------------------------------
def test_redact_replaces_hidden_code_and_shortens_tracebacks():
    cell = v4.new_code_cell(
        "checks.check_sigmoid(sigmoid)\n"
        "### BEGIN HIDDEN TESTS\n"
        "checks.hidden_sigmoid(sigmoid, [0.0], [0.5])\n"
        "### END HIDDEN TESTS\n"
        "for z in (1, 2):\n"
        "    ### BEGIN HIDDEN TESTS\n"
        "    assert sigmoid(z) > 0.5\n"
        "    ### END HIDDEN TESTS\n"
        "    print(z)",
        outputs=[v4.new_output("stream", name="stdout", text="1\n"), _error()])
    resources = {"any": "thing"}
    cell, returned = RedactHiddenTests().preprocess_cell(cell, resources, 0)
    assert returned is resources
    assert cell.source == ("checks.check_sigmoid(sigmoid)\n"
                           "# (hidden tests ran here)\n"
                           "for z in (1, 2):\n"
                           "    # (hidden tests ran here)\n"
                           "    print(z)")
    assert cell.outputs[0].text == "1\n"
    assert cell.outputs[1].traceback == ["AssertionError: sigmoid(0) should be 0.5"]


@pytest.mark.parametrize("cell", [
    v4.new_code_cell("checks.check_sigmoid(sigmoid)", outputs=[_error()]),
    v4.new_markdown_cell("Tests between ### BEGIN HIDDEN TESTS and ### END HIDDEN TESTS"),
], ids=["code without hidden tests", "markdown"])
def test_redact_leaves_other_cells_alone(cell):
    before = copy.deepcopy(cell)
    assert RedactHiddenTests().preprocess_cell(cell, {}, 0)[0] == before


# -- is_answer / is_test ---------------------------------------------------------------------
@pytest.mark.parametrize("cell,answer,test", [
    (v4.new_code_cell("x", metadata=_meta("sigmoid", solution=True)), True, False),
    (v4.new_code_cell("x"), True, False),  # added by the student
    (v4.new_code_cell("x", metadata=_meta("cell-001")), False, False),  # locked
    (v4.new_code_cell("x", metadata=_meta("sigmoid_tests", grade=True, points=1)), False, True),
    (v4.new_code_cell("x", metadata=_meta("essay", grade=True, solution=True, points=1)),
     True, False),
    (v4.new_markdown_cell("x", metadata=_meta("text", solution=True)), False, False),
    (v4.new_markdown_cell("x"), False, False),
], ids=["answer", "added", "locked", "test", "graded answer", "markdown answer", "markdown"])
def test_is_answer_and_is_test(cell, answer, test):
    assert (bool(is_answer(cell)), bool(is_test(cell))) == (answer, test)


# -- GuardedExecute --------------------------------------------------------------------------
def _notebook(answer="def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n", added=None):
    cells = [
        v4.new_markdown_cell("# Notebook", metadata=_meta("cell-000")),
        # locked, so restored by nbgrader: not scanned, although it changes numpy
        v4.new_code_cell("import numpy as np\nfrom helpers.grading import nb01 as checks\n"
                         "np.set_printoptions = print\n", metadata=_meta("cell-001")),
        v4.new_code_cell(answer, metadata=_meta("sigmoid", solution=True)),
        v4.new_code_cell("checks.check_sigmoid(sigmoid)",
                         metadata=_meta("sigmoid_tests", grade=True, points=1),
                         outputs=[v4.new_output("stream", name="stdout", text="ok\n")]),
    ]
    if added is not None:
        cells.append(v4.new_code_cell(added))
    return v4.new_notebook(cells=cells)


def _found(violations):
    """(cell, line, the reason's first words) of each violation."""
    return [(v.cell, v.line, " ".join(v.reason.split()[:4])) for v in violations]


def test_scan_passes_a_clean_submission():
    assert GuardedExecute().scan(_notebook()) == []


def test_scan_reports_answer_and_added_cells_only():
    nb = _notebook(answer="np.allclose = lambda *a, **k: True\n", added="x = 1\n\nimport os\n")
    assert _found(GuardedExecute().scan(nb)) == [
        ("sigmoid", 1, "assigns to or deletes"),
        ("added cell 5", 3, "imports `os`: an answer"),
    ]


def test_scan_allows_configured_extra_names():
    nb = _notebook(answer="y = relu(1) + softmax(2)\n")
    guard = GuardedExecute(extra_names=["relu"], extra_names_by_notebook={"02_mlp": ["softmax"]})
    assert guard.scan(nb, "02_mlp") == []
    assert [v.reason[:15] for v in guard.scan(nb, "03_cnn")] == ["uses `softmax` "]


def test_flag_writes_the_reasons_and_fails_every_test_cell(tmp_path):
    nb = _notebook(added="import os\n")
    answers_before = copy.deepcopy([c for c in nb.cells if not is_test(c)])
    resources = {"metadata": {"path": str(tmp_path)}}
    guard = GuardedExecute()
    assert guard.flag(nb, resources, ["first problem", "second problem"]) == (nb, resources)
    guard.flag(nb, resources, ["third problem"])
    assert (tmp_path / FLAG_FILE).read_text() == "first problem\nsecond problem\nthird problem\n"
    tests = [c for c in nb.cells if is_test(c)]
    assert len(tests) == 1
    assert [(o.output_type, o.ename, o.evalue, o.traceback) for o in tests[0].outputs] == [(
        "error", "SubmissionFlagged",
        "this submission was not run because third problem",
        ["SubmissionFlagged: this submission was not run because third problem"])]
    assert [c for c in nb.cells if not is_test(c)] == answers_before


def test_preprocess_flags_a_cheat_without_running_it(tmp_path, caplog):
    nb = _notebook(answer="checks.check_sigmoid = lambda f: None\n")
    resources = {"nbgrader": {"notebook": "01"}, "metadata": {"path": str(tmp_path)}}
    with caplog.at_level("WARNING"):
        GuardedExecute().preprocess(nb, resources)
    flagged = (tmp_path / FLAG_FILE).read_text().splitlines()
    assert flagged == [
        "sigmoid, line 1: assigns to or deletes `checks.check_sigmoid`, which the answer "
        "did not create",
        "sigmoid, line 1: uses `checks` (the course's checks or reference code); an answer "
        "may use numpy, math and its own names"]
    assert "FLAGGED" in caplog.text
    assert nb.cells[3].outputs[0].ename == "SubmissionFlagged"


def _two_exercises(answer, added=None):
    """_notebook with a second exercise, `tanh`, after the first."""
    nb = _notebook(answer=answer, added=added)
    nb.cells[1].source += "X_train = np.ones((2, 3))\n"
    nb.cells[4:4] = [
        v4.new_code_cell("def tanh(z):\n    return np.tanh(z)\n",
                         metadata=_meta("tanh", solution=True)),
        v4.new_code_cell("assert tanh(0) == 0", metadata=_meta("tanh_tests", grade=True,
                                                               points=1))]
    return nb


def test_a_slip_in_an_answer_costs_its_exercise_only(tmp_path, caplog):
    nb = _two_exercises("def sigmoid(z):\n    m = X_train.shape[1]\n    return 1 / (1 + np.exp(-z))\n")
    resources = {"metadata": {"path": str(tmp_path)}}
    guard = GuardedExecute()
    with caplog.at_level("WARNING"):
        skip = guard.leave_out(nb, resources, guard.scan(nb))
    assert sorted(skip) == [2, 3]  # the sigmoid answer and its test cell, not tanh's
    assert skip[3][0].ename == "AnswerFlagged"
    assert "X_train" in skip[3][0].evalue and "This exercise scores 0" in skip[3][0].evalue
    assert skip[2][0].output_type == "stream" and "did not run this answer" in skip[2][0].text
    assert "sigmoid, line 2: uses `X_train`" in (tmp_path / FLAG_FILE).read_text()
    assert "FLAGGED" in caplog.text


def test_a_scratch_cell_that_reads_the_data_is_left_out_unflagged(tmp_path):
    nb = _two_exercises("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",
                        added="print(X_train)\n")
    guard = GuardedExecute()
    skip = guard.leave_out(nb, {"metadata": {"path": str(tmp_path)}}, guard.scan(nb))
    assert list(skip) == [len(nb.cells) - 1]
    assert "left this added cell out" in skip[len(nb.cells) - 1][0].text
    assert not (tmp_path / FLAG_FILE).exists()


def test_an_attempt_on_numpy_still_costs_the_submission(tmp_path):
    nb = _two_exercises("def sigmoid(z):\n    m = X_train.shape[1]\n    return z\n",
                        added="np.allclose = lambda *a, **k: True\n")
    GuardedExecute().preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert [o.ename for c in nb.cells if is_test(c) for o in c.outputs] == \
        ["SubmissionFlagged", "SubmissionFlagged"]


def test_feedback_withholds_what_student_code_printed_after_a_hidden_test():
    """An answer may keep a hidden input and print it in a later cell."""
    printed = v4.new_output("stream", name="stdout", text="kept: [4.25]\n")
    nb = v4.new_notebook(cells=[
        v4.new_code_cell("print(1)", outputs=[v4.new_output("stream", name="stdout",
                                                            text="1\n")]),
        v4.new_code_cell("checks.check_sigmoid(sigmoid)\n### BEGIN HIDDEN TESTS\n"
                         "checks.hidden_sigmoid(sigmoid, [4.25], [0.98])\n"
                         "### END HIDDEN TESTS", metadata=_meta("sigmoid_tests", grade=True,
                                                                points=1)),
        v4.new_code_cell("print(kept)", outputs=[printed]),
        v4.new_code_cell("checks.check_tanh(tanh)", metadata=_meta("tanh_tests", grade=True,
                                                                   points=1),
                         outputs=[v4.new_output("stream", name="stdout", text="ok\n")]),
    ])
    nb, _ = RedactHiddenTests().preprocess(nb, {})
    assert nb.cells[0].outputs[0].text == "1\n"
    assert "4.25" not in str(nb.cells[2].outputs) and "not shown in feedback" in \
        nb.cells[2].outputs[0].text
    assert nb.cells[3].outputs[0].text == "ok\n"
