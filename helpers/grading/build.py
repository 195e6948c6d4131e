"""Regenerate the student notebooks from the instructor's sources.

    python -m helpers.grading.build              # every notebook in solutions/
    python -m helpers.grading.build 01_logistic_regression
    python -m helpers.grading.build --no-execute # skip running the solutions (faster)

For each `solutions/NN_topic/NN_topic.py` (jupytext "percent" text, the file instructors
edit and review), the build:

1. turns it into `solutions/NN_topic/NN_topic.ipynb` with nbgrader metadata: cells tagged
   `answer` become solution cells, cells tagged `tests` become autograded test cells worth
   their `points`, and every other cell is locked, so nbgrader restores it on autograding;
2. runs that notebook from top to bottom (unless --no-execute) and stops if any cell fails,
   so a broken solution is never released, and keeps its outputs for the instructor;
3. runs `nbgrader generate_assignment`, which strips solutions and hidden tests and writes
   the student release to `notebooks/NN_topic/` and the assignment to the gradebook.

Introduced with notebook 01; used for every notebook.
"""
import argparse
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_OWN_KEYS = ("grade_id", "points", "lines_to_next_cell")


def to_nbgrader(nb):
    """Give every cell nbgrader metadata from the course's light tags (in place)."""
    for index, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
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
    nb.metadata.pop("jupytext", None)
    nb.metadata.pop("language_info", None)
    nb.metadata["kernelspec"] = KERNELSPEC
    return nb


def source_notebook(text_path):
    """Read a solutions/*.py text source into an nbgrader source notebook."""
    nb = to_nbgrader(jupytext.read(text_path))
    nbformat.validate(nb)
    return nb


def execute(nb, folder, timeout=300):
    """Run `nb` in `folder`; raise with the failing cell's position if any cell errors."""
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def build(name, root=ROOT, run=True):
    folder = root / "solutions" / name
    text = folder / f"{name}.py"
    if not text.exists():
        raise FileNotFoundError(f"no text source {text}")
    nb = source_notebook(text)
    if run:
        print(f"[build] running {name} ...", flush=True)
        execute(nb, folder)
        nb.metadata.pop("language_info", None)  # added by the kernel; not ours to commit
    nbformat.write(nb, folder / f"{name}.ipynb")
    print(f"[build] nbgrader generate_assignment {name}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force",
         "--log-level=WARN"],
        cwd=root, check=True,
    )


def all_names(root=ROOT):
    return sorted(p.parent.name for p in (root / "solutions").glob("*/*.py")
                  if p.stem == p.parent.name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebook folders (default: all)")
    parser.add_argument("--no-execute", action="store_true",
                        help="do not run the solution notebooks")
    parser.add_argument("--root", type=Path, default=ROOT, help="course root")
    args = parser.parse_args(argv)
    for name in args.names or all_names(args.root):
        build(name, args.root, run=not args.no_execute)


if __name__ == "__main__":
    main()
