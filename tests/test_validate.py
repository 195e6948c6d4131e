"""nbgrader's Validate, the student's own checking tool, agrees with the autograder.

`nbgrader validate` (what JupyterLab's Validate button runs) on every notebook: a solved
notebook passes; the untouched release lists exactly its unanswered exercises; a notebook
with one wrong answer names that exercise and no other. And what it shows for a failed
check is the check's message, not the frames of the checks.
"""
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from answers import MODULES
from course import ROOT, answer_sources, with_answers

PASSED = "Success! Your notebook passes all the tests."


def _test_cells(nb):
    """{answer grade_id: first line of its test cell}, in notebook order."""
    return {c.metadata["nbgrader"]["grade_id"].removesuffix("_tests"):
            c.source.splitlines()[0] for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade")
            and not c.metadata["nbgrader"].get("solution")}


def _validate(nb, name, folder):
    """`nbgrader validate` on `nb` saved as a student's copy in `folder`, run from a
    course folder holding the course's configuration. Returns its output."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", folder.parent)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    done = subprocess.run([sys.executable, "-m", "nbgrader", "validate", str(path)],
                          cwd=folder.parent, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _failed(output, tests):
    """The exercises whose test cell the validate output lists as failed."""
    blocks = output.split("The following cell failed:")[1:]
    failed = []
    for block in blocks:
        source = block.split("The error was:")[0]
        found = [ex for ex, first in tests.items() if first.strip() in source]
        assert len(found) == 1, f"cannot tell which cell failed:\n{block[:500]}"
        failed += found
    return failed


@pytest.fixture(scope="module", params=MODULES, ids=lambda m: m.NAME)
def notebook(request):
    module = request.param
    release = nbformat.read(ROOT / "notebooks" / module.NAME / f"{module.NAME}.ipynb", 4)
    solution = nbformat.read(ROOT / "solutions" / module.NAME / f"{module.NAME}.ipynb", 4)
    return module, release, answer_sources(solution)


def test_solved_notebook_passes(notebook, tmp_path):
    module, release, solution = notebook
    output = _validate(with_answers(release, solution), module.NAME, tmp_path / "solved")
    assert PASSED in output, output[-4000:]


def test_untouched_release_lists_exactly_the_unanswered_exercises(notebook, tmp_path):
    module, release, _ = notebook
    tests = _test_cells(release)
    output = _validate(release, module.NAME, tmp_path / "untouched")
    assert sorted(_failed(output, tests)) == sorted(tests), output[-4000:]
    assert "helpers/grading" not in output and "Traceback" not in output, output[-4000:]
    assert "is not written yet" in output or "is not answered yet" in output


def test_one_wrong_answer_names_its_exercise(notebook, tmp_path):
    module, release, solution = notebook
    exercise, mistakes = next(iter(module.WRONG.items()))
    label, wrong = next(iter(mistakes.items()))
    nb = with_answers(release, {**solution, exercise: wrong})
    output = _validate(nb, module.NAME, tmp_path / "wrong")
    assert _failed(output, _test_cells(release)) == [exercise], output[-4000:]
    pattern = module.MESSAGES.get((exercise, label))
    if pattern:
        assert re.search(pattern, re.sub(r"\s+", " ", output)), output[-4000:]
    assert "helpers/grading" not in output and "Traceback" not in output, output[-4000:]
