"""nbgrader preprocessors that make the course's grades trustworthy.

`nbgrader_config.py` plugs them into nbgrader:

- `GuardedExecute` replaces nbgrader's `Execute` when autograding. Before running a
  submission it scans what the student controls (`helpers.grading.guard`); a submission
  cell gets a `SubmissionFlagged` error (so it scores 0), and the reasons go to the log and
  to `FLAGGED.txt` in the autograded folder for the instructor. A cell that kills the kernel
  gets a `KernelDied` error, and the rest of the notebook runs in a fresh kernel after the
  earlier cells are replayed, so one crash costs that exercise, not the whole class's run.
- `RedactHiddenTests` runs when feedback is generated: it removes hidden test code from the
  test cells and shortens their tracebacks to the error message, so feedback shows which
  test failed and why, never what it checks.

Introduced with notebook 01; used for every graded notebook.
"""
import copy
import os

from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Dict, List, Unicode

from .guard import NOTEBOOK_NAMES, scan_notebook

FLAG_FILE = "FLAGGED.txt"


def _nbgrader(cell):
    return cell.metadata.get("nbgrader", {})


def is_test(cell):
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution")


def _error(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


class GuardedExecute(Execute):
    """nbgrader's Execute, with the submission guard and recovery from kernel deaths."""

    extra_names = List(
        Unicode(), [],
        help="Names every notebook's answers may use besides numpy, math and their own.",
    ).tag(config=True)

    extra_names_by_notebook = Dict(
        {name: list(names) for name, names in NOTEBOOK_NAMES.items()},
        help="Per notebook name: further names its answers may use (default: "
             "helpers.grading.guard.NOTEBOOK_NAMES, e.g. keras for notebook 08). Set by the "
             "course, never read from the notebook's metadata, which students can edit.",
    ).tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        notebook = (resources or {}).get("nbgrader", {}).get("notebook", "")
        # dict.fromkeys: one line per distinct problem, in order
        problems = list(dict.fromkeys(str(v) for v in self.scan(nb, notebook)))
        if problems:
            return self.flag(nb, resources, problems)
        self._dead = set()
        return super().preprocess(nb, resources, km=km)

    def scan(self, nb, notebook=""):
        extra = list(self.extra_names) + list(self.extra_names_by_notebook.get(notebook, []))
        return scan_notebook(nb, extra)

    def flag(self, nb, resources, problems):
        folder = (resources or {}).get("metadata", {}).get("path") or "."
        message = "this submission was not run because " + "; ".join(problems)
        self.log.warning("FLAGGED %s: %s", folder, message)
        with open(os.path.join(folder, FLAG_FILE), "a", encoding="utf-8") as fh:
            fh.write("\n".join(problems) + "\n")
        for cell in nb.cells:
            if is_test(cell):
                cell.outputs = [_error("SubmissionFlagged", message)]
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.log.warning("Kernel died in cell %d; restarting and replaying", index)
            self._dead.add(index)
            cell.outputs.append(_error(
                "KernelDied", "the kernel died while running this cell (it crashed, "
                "called exit, or ran out of memory); the cells after it ran in a new kernel"))
            self._restart(index)
            return cell, resources

    def _restart(self, index):
        """Start a fresh kernel and re-run the cells before `index` (except those that
        killed a kernel) without keeping their new outputs."""
        self._cleanup_kernel()
        self.km = self.create_kernel_manager()
        self.start_new_kernel()
        self.start_new_kernel_client()
        for i, cell in enumerate(self.nb.cells[:index]):
            if cell.cell_type == "code" and i not in self._dead:
                try:
                    self.execute_cell(copy.deepcopy(cell), i, store_history=False)
                except DeadKernelError:  # cannot happen twice for a deterministic cell
                    self._dead.add(i)
                    return self._restart(index)


class RedactHiddenTests(NbGraderPreprocessor):
    """For feedback: drop hidden test code and the tracebacks that would show it."""

    begin = Unicode("### BEGIN HIDDEN TESTS").tag(config=True)
    end = Unicode("### END HIDDEN TESTS").tag(config=True)
    placeholder = Unicode("# (hidden tests ran here)").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or self.begin not in cell.source:
            return cell, resources
        kept, hidden = [], False
        for line in cell.source.splitlines():
            if self.begin in line:
                hidden = True
                kept.append(line[: len(line) - len(line.lstrip())] + self.placeholder)
            elif self.end in line:
                hidden = False
            elif not hidden:
                kept.append(line)
        cell.source = "\n".join(kept)
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources
