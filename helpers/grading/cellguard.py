"""The autograder's guard, run by a visible check on the answer cell it checks.

A student learns that an answer breaks a rule when they run its check, not after handing
in: before a visible check calls a student's function it reads the cell that defined it
(IPython keeps every cell's code for its tracebacks) and scans it with the same guard,
against the notebook's own cells (read from the notebook file beside the kernel, else
from the course's release copy). The autograder scans the submission again on its own;
this is only the early warning.

Introduced with notebook 01; used by every graded notebook's visible checks.
"""
import linecache
import os
from pathlib import Path

from ..messages import cell_number
from .guard import CELL, NOTEBOOK_NAMES, is_answer, notebook_names, scan_answers

RELEASE = Path(__file__).resolve().parents[2] / "notebooks"
_cells_cache = {}


def notebook_cells(notebook):
    """(sources of the notebook's own code cells, sources of its answer cells) from the
    saved copy, or ([], []) if no copy of the notebook is found."""
    for path in (Path.cwd() / f"{notebook}.ipynb", RELEASE / notebook / f"{notebook}.ipynb"):
        try:
            stamp = (path, os.stat(path).st_mtime_ns)
        except OSError:
            continue
        if stamp not in _cells_cache:
            import nbformat

            nb = nbformat.read(path, 4)
            code = [c for c in nb.cells if c.cell_type == "code"]
            _cells_cache[stamp] = ([c.source for c in code if not is_answer(c)],
                                   [c.source for c in code if is_answer(c)])
        return _cells_cache[stamp]
    return [], []


def cell_source(answer, name):
    """The source of the cell that defined `answer` (a function), or for a value the
    latest cell in IPython's history that assigns `name`; None if unknown."""
    code = getattr(answer, "__code__", None)
    if code is not None:
        if cell_number(code.co_filename) is None:  # not written in a notebook cell
            return None
        return "".join(linecache.getlines(code.co_filename)) or None
    try:
        history = get_ipython().user_ns.get("In", [])  # noqa: F821
    except NameError:  # not in IPython
        return None
    for source in reversed(history):
        if name in notebook_names(source)[0]:
            return source
    return None


def check(answer, name, notebook, namespace=None):
    """Raise the check's error (see `checks.CheckFailed`) if the guard objects to the
    cell that defines `answer`; `name` labels it, `namespace` is the notebook's."""
    from .checks import CheckFailed

    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return  # the autograder has scanned the whole submission before running it
    source = cell_source(answer, name)
    if source is None:
        return
    if namespace is None:
        namespace = getattr(answer, "__globals__", None)
    if namespace is None:
        try:
            namespace = get_ipython().user_ns  # noqa: F821
        except NameError:
            namespace = {}
    own, answers = notebook_cells(notebook)
    defined = set(namespace).union(*(notebook_names(a)[0] for a in answers))
    found = scan_answers([(name, source)], own, NOTEBOOK_NAMES.get(notebook, ()), defined)
    if not found:
        return
    costs = "this exercise would score 0" if all(v.scope == CELL for v in found) else \
        "the whole submission would score 0"
    problems = "\n".join(f"- line {v.line}: {v.reason}" for v in dict.fromkeys(found))
    raise CheckFailed(f"the autograder's guard objects to the cell that defines {name}, "
                      f"so as it is {costs}:\n{problems}")
