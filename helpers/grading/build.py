"""Regenerate the student notebooks from the instructor's sources.

    python -m helpers.grading.build              # every notebook in solutions/
    python -m helpers.grading.build 01_logistic_regression
    python -m helpers.grading.build --no-execute # skip running the solutions (faster)

For each `solutions/NN_topic/NN_topic.py` (jupytext "percent" text, the file instructors
edit and review), the build:

1. turns it into `solutions/NN_topic/NN_topic.ipynb` with nbgrader metadata: cells tagged
   `answer` become solution cells, cells tagged `tests` become autograded test cells worth
   their `points`, and every other cell is locked, so nbgrader restores it on autograding;
2. runs that notebook from top to bottom (unless --no-execute), so a broken solution is
   never released, and keeps its outputs for the instructor;
3. runs `nbgrader generate_assignment`, which strips solutions and hidden tests and writes
   the student release to `notebooks/NN_topic/` and the assignment to the gradebook.

A notebook that fails (a cell raises, say because notebook 08 finds no MNIST) is not
written and keeps its previous version; the build goes on with the others, lists at the
end what it built and what it could not and why, and exits with status 1.

The output changes only where the sources do, so that a student who pulls an update
merges only what changed:

- cell ids are stable: a graded cell's id is its grade_id, any other cell's id is
  derived from its type and source (jupytext would give every cell a new random id on
  every build, and git a conflict in every cell);
- the notebook metadata is what JupyterLab writes on opening it with the course's
  kernel (`kernelspec`, and the `language_info` the kernel reports), so that opening
  and saving a notebook changes nothing.

Introduced with notebook 01; used for every notebook.
"""
import argparse
import hashlib
import re
import subprocess
import sys
import traceback
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .reproducible import pin

ROOT = Path(__file__).resolve().parents[2]
# What JupyterLab stores for the kernel ipykernel installs ("python3"): its name, and
# the display name and language of its kernel.json.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_OWN_KEYS = ("grade_id", "points", "lines_to_next_cell")
_CELL_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what nbformat 4.5 allows as a cell id


class BuildFailed(Exception):
    """A notebook could not be built; the message says why, in one paragraph."""


def language_info():
    """The `language_info` that the python3 kernel reports in its kernel_info reply and
    JupyterLab stores in the notebook: ipykernel's, for the Python running the build
    (jupyter_client starts a "python" kernel with this same interpreter)."""
    from ipykernel.ipkernel import IPythonKernel  # slow to import; only the build needs it

    return dict(IPythonKernel.language_info)


def cell_id(cell, named_grade_id):
    """A cell id that stays the same from build to build while the cell does: the cell's
    own grade_id if the source gave it one, else a digest of its type and source."""
    if named_grade_id and _CELL_ID.fullmatch(named_grade_id):
        return named_grade_id
    text = f"{cell.cell_type}\n{cell.source}".encode()
    return hashlib.sha256(text).hexdigest()[:12]


def _set_cell_ids(nb, named_grade_ids):
    """Give every cell its stable id (in place); repeated cells get -2, -3, ... so
    that ids stay unique."""
    seen = {}
    for cell, named in zip(nb.cells, named_grade_ids):
        base = cell_id(cell, named)
        seen[base] = seen.get(base, 0) + 1
        cell.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    if len(set(cell.id for cell in nb.cells)) < len(nb.cells):
        ids = [cell.id for cell in nb.cells]
        raise ValueError(f"two cells share the id {next(i for i in ids if ids.count(i) > 1)!r}:"
                         " give each graded cell its own grade_id")


def to_nbgrader(nb):
    """Give every cell nbgrader metadata from the course's light tags, a stable id, and
    the notebook JupyterLab's metadata (in place)."""
    named_grade_ids = []
    for index, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        named_grade_ids.append(cell.metadata.get("grade_id"))
        grade_id = cell.metadata.get("grade_id") or f"cell-{index:03d}"
        meta = {"grade": False, "grade_id": grade_id, "locked": True,
                "schema_version": 3, "solution": False}
        if "answer" in tags:
            meta.update(locked=False, solution=True)
        elif "tests" in tags:
            if "points" not in cell.metadata:
                raise ValueError(f"test cell {grade_id!r} has no points=")
            meta.update(grade=True, points=cell.metadata["points"])
        for key in _OWN_KEYS:
            cell.metadata.pop(key, None)
        remaining = [t for t in tags if t not in ("answer", "tests")]
        if remaining:
            cell.metadata["tags"] = remaining
        else:
            cell.metadata.pop("tags", None)
        cell.metadata["nbgrader"] = meta
    _set_cell_ids(nb, named_grade_ids)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = language_info()
    return nb


def source_notebook(text_path):
    """Read a solutions/*.py text source into an nbgrader source notebook."""
    nb = to_nbgrader(jupytext.read(text_path))
    nbformat.validate(nb)
    return nb


def _failed_cell(nb):
    """'cell 12 (grade_id)': the first cell of an executed `nb` with an error output."""
    for index, cell in enumerate(nb.cells):
        if any(out.output_type == "error" for out in cell.get("outputs", [])):
            return f"cell {index} ({cell.metadata['nbgrader']['grade_id']})"
    return "a cell"


def execute(nb, folder, timeout=300):
    """Run `nb` in `folder`; raise BuildFailed naming the failing cell and its error."""
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(folder)}}).execute()
    except CellExecutionError as error:
        raise BuildFailed(f"{_failed_cell(nb)} raised {error.ename}: {error.evalue}") \
            from error
    return nb


def build(name, root=ROOT, run=True):
    """Build one notebook; raise BuildFailed, saying why, if it cannot be built."""
    folder = root / "solutions" / name
    text = folder / f"{name}.py"
    if not text.exists():
        raise BuildFailed(f"no text source {text}")
    try:
        nb = source_notebook(text)
    except ValueError as error:  # nbformat's ValidationError is one too
        raise BuildFailed(f"{text}: {error}") from error
    if run:
        print(f"[build] running {name} ...", flush=True)
        execute(nb, folder)
        # nbclient stores the kernel's own reply; keep the build's, so that --no-execute
        # gives the same metadata
        nb.metadata["language_info"] = language_info()
    nbformat.write(nb, folder / f"{name}.ipynb")
    print(f"[build] nbgrader generate_assignment {name}", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force",
         "--log-level=WARN"],
        cwd=root,
    )
    if done.returncode != 0:
        raise BuildFailed(f"nbgrader generate_assignment exited with status "
                          f"{done.returncode} (its messages are above)")


def all_names(root=ROOT):
    return sorted(p.parent.name for p in (root / "solutions").glob("*/*.py")
                  if p.stem == p.parent.name)


def main(argv=None):
    """Build the notebooks named (default: all), each whatever happens to the others;
    returns the exit status: 0 if all were built, 1 if any could not be."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebook folders (default: all)")
    parser.add_argument("--no-execute", action="store_true",
                        help="do not run the solution notebooks")
    parser.add_argument("--root", type=Path, default=ROOT, help="course root")
    args = parser.parse_args(argv)
    pin()  # the kernels print the digits nbval will compare on any machine
    built, failed = [], {}
    for name in args.names or all_names(args.root):
        try:
            build(name, args.root, run=not args.no_execute)
        except BuildFailed as error:
            failed[name] = str(error)
        except Exception as error:  # a bug, not the notebook: show where, then go on
            traceback.print_exc()
            failed[name] = f"{type(error).__name__}: {error}"
        else:
            built.append(name)
            continue
        print(f"[build] {name} NOT built: {failed[name]}", file=sys.stderr, flush=True)
    print(f"[build] built: {', '.join(built) or 'nothing'}", flush=True)
    if failed:
        print(f"[build] NOT built ({len(failed)}), their previous versions are unchanged:",
              file=sys.stderr)
        for name, why in failed.items():
            print(f"  {name}: {why}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
