"""The student notebooks: they run, they are up to date with solutions/, they leak nothing.

The solution notebooks themselves are executed by nbval (`--nbval-lax`, configured in
pyproject.toml), which also compares the outputs of the cells tagged nbval-check-output:
the numbers the prose quotes.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers.grading.guard import notebook_names

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(p.parent.name for p in (ROOT / "solutions").glob("*/*.py")
               if p.stem == p.parent.name)
UNANSWERED = {"NotAnswered", "NotImplementedError"}


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def test_every_solution_has_a_release():
    assert NAMES, "no notebooks found in solutions/"
    released = sorted(p.name for p in (ROOT / "notebooks").iterdir() if p.is_dir())
    assert released == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_release_runs_with_only_unanswered_exercises_failing(name, tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / name / f"{name}.ipynb", 4)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    failures, undefined, unexpected = {}, set(), {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type != "error":
                continue
            failures[_grade_id(cell)] = output.ename
            missing = re.match(r"name '(\w+)' is not defined", output.evalue)
            if output.ename in UNANSWERED:
                # what this cell would have defined is missing downstream: a consequence
                undefined |= notebook_names(cell.source)[0]
            elif not (output.ename == "NameError" and missing and missing[1] in undefined):
                unexpected[_grade_id(cell)] = f"{output.ename}: {output.evalue}"
    assert not unexpected, f"cells failing for another reason than an unanswered exercise: " \
                           f"{unexpected}"
    tests = [_grade_id(c) for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert tests and all(t in failures for t in tests), "an unanswered exercise's test passed"


def _comparable(nb):
    """A notebook's content without what running it adds (outputs, counts)."""
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        cell.pop("id", None)
    return nb


def test_notebooks_are_up_to_date_with_solutions(tmp_path):
    """Regenerate everything in a scratch course and compare with what is committed."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    for name in NAMES:
        (tmp_path / "solutions" / name).mkdir(parents=True)
        shutil.copy(ROOT / "solutions" / name / f"{name}.py", tmp_path / "solutions" / name)
    subprocess.run([sys.executable, "-m", "helpers.grading.build", "--no-execute",
                    "--root", str(tmp_path)], check=True, capture_output=True)
    hint = "run `python -m helpers.grading.build` and commit solutions/ and notebooks/"
    for name in NAMES:
        for folder in ("notebooks", "solutions"):
            fresh = nbformat.read(tmp_path / folder / name / f"{name}.ipynb", 4)
            committed = nbformat.read(ROOT / folder / name / f"{name}.ipynb", 4)
            assert _comparable(fresh) == _comparable(committed), f"{folder}/{name}: {hint}"
        released = sorted(p.name for p in (ROOT / "notebooks" / name).iterdir())
        assert released == sorted(p.name for p in (tmp_path / "notebooks" / name).iterdir())


def _solution_lines(source):
    lines, inside = [], False
    for line in source.splitlines():
        if re.search(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)", line):
            inside = "BEGIN" in line
        elif inside and len(line.strip()) > 8:
            lines.append(line.strip())
    return lines


@pytest.mark.parametrize("name", NAMES)
def test_release_reveals_no_answer(name):
    folder = ROOT / "notebooks" / name
    assert [p.suffix for p in folder.iterdir()] == [".ipynb"], "only the notebook is released"
    text = (folder / f"{name}.ipynb").read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "hidden_"):
        assert marker not in text
    release = "\n".join(c.source for c in nbformat.reads(text, 4).cells)
    solution = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", 4)
    secret = [line for c in solution.cells for line in _solution_lines(c.source)]
    assert secret, "the solution has no solution or hidden-test lines?"
    leaked = [line for line in secret if line in release]
    assert not leaked, f"solution lines in the release: {leaked[:3]}"
