"""nbgrader preprocessors that make the course's grades trustworthy.

`nbgrader_config.py` plugs them into nbgrader:

- `GuardedExecute` replaces nbgrader's `Execute` when autograding. Before running a
  submission it scans what the student controls (`helpers.grading.guard`). A broken rule
  costs what it could have affected: an answer cell that slips (reads the notebook's data,
  say) is not run and its exercise's test cells get an `AnswerFlagged` error; an added
  scratch cell that slips is left out, with a note in its output; an attempt on what
  decides other grades (numpy, the checks, IPython...) gives every test cell a
  `SubmissionFlagged` error, so the submission scores 0. Flags go to the log and to
  `FLAGGED.txt` in the autograded folder for the instructor. A cell that kills the kernel
  gets a `KernelDied` error, one that goes on after the time limit's interrupt (it caught
  it) a `CellTimeoutError`, and the rest of the notebook runs in a fresh kernel after the
  earlier cells are replayed, so either costs that exercise, not the whole notebook. With
  `submission_timeout` set (class autograding sets it), a notebook whose cells together
  run past it is not graded (`SubmissionTimedOut`). Each
  kernel runs in the sandbox of `helpers.grading.sandbox` (its own folder, no gradebook,
  no network, a memory limit).
- `RedactHiddenTests` runs when feedback is generated: it removes hidden test code from the
  test cells and shortens their tracebacks to the error message, so feedback shows which
  test failed and why, never what it checks.

Introduced with notebook 01; used for every graded notebook.
"""
import copy
import os
import time

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Bool, Dict, Float, List, Unicode

from .guard import CELL, NOTEBOOK_NAMES, SUBMISSION, is_answer, scan_notebook
from .sandbox import SandboxedKernelManager, death_reason

FLAG_FILE = "FLAGGED.txt"


class SubmissionTimedOut(RuntimeError):
    """The whole submission ran past `GuardedExecute.submission_timeout`: it is not graded
    (a grade from the cells that ran would be a silent zero for the rest)."""


def _nbgrader(cell):
    return cell.metadata.get("nbgrader", {})


def is_test(cell):
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution")


def _exercise(test_cell):
    """The answer cell a test cell grades: `sigmoid` for `sigmoid_tests`."""
    return _nbgrader(test_cell).get("grade_id", "").removesuffix("_tests")


def _distinct(violations):
    """One line per distinct problem, in order."""
    return list(dict.fromkeys(str(v) for v in violations))


def _error(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


def _note(text):
    return NotebookNode(output_type="stream", name="stdout", text=text + "\n")


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

    sandbox = Bool(
        True, help="Run each submission's kernel in the bubblewrap sandbox "
                   "(helpers.grading.sandbox); see SandboxedKernelManager.require_sandbox.",
    ).tag(config=True)

    submission_timeout = Float(
        0, help="Seconds the whole notebook may run, kernel restarts included (0: no "
                "limit). Past it the submission is not graded: SubmissionTimedOut.",
    ).tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.sandbox:
            self.kernel_manager_class = SandboxedKernelManager
        self._deadline = None

    def _get_timeout(self, cell):
        # No cell may run past the submission's own deadline.
        timeout = super()._get_timeout(cell)
        if self._deadline is None:
            return timeout
        left = max(1, int(self._deadline - time.monotonic()) + 1)
        return left if timeout is None else min(timeout, left)

    def _check_deadline(self):
        if self._deadline is not None and time.monotonic() >= self._deadline:
            raise SubmissionTimedOut(f"the notebook ran past the submission's time limit "
                                     f"({self.submission_timeout:g} s)")

    def preprocess(self, nb, resources=None, km=None):
        notebook = (resources or {}).get("nbgrader", {}).get("notebook", "")
        violations = self.scan(nb, notebook)
        whole = [v for v in violations if v.scope == SUBMISSION]
        if whole:
            return self.flag(nb, resources, _distinct(whole))
        self._skip = self.leave_out(nb, resources, [v for v in violations if v.scope == CELL])
        self._dead = set()
        self._deadline = (time.monotonic() + self.submission_timeout
                          if self.submission_timeout > 0 else None)
        return super().preprocess(nb, resources, km=km)

    def scan(self, nb, notebook=""):
        extra = list(self.extra_names) + list(self.extra_names_by_notebook.get(notebook, []))
        return scan_notebook(nb, extra)

    def flag(self, nb, resources, problems):
        message = "this submission was not run because " + "; ".join(problems)
        self._record(resources, message, problems)
        for cell in nb.cells:
            if is_test(cell):
                cell.outputs = [_error("SubmissionFlagged", message)]
        return nb, resources

    def leave_out(self, nb, resources, violations):
        """{cell index: the outputs it gets instead of running} for the cells whose rule
        breaks cost only themselves: an answer cell and its exercise's test cells, or an
        added cell."""
        by_label = {}
        for violation in violations:
            by_label.setdefault(violation.cell, []).append(violation)
        skip = {}
        for index, cell in enumerate(nb.cells):
            grade_id = _nbgrader(cell).get("grade_id")
            label = grade_id or f"added cell {index + 1}"
            if not is_answer(cell) or label not in by_label:
                continue
            problems = _distinct(by_label[label])
            reasons = "; ".join(dict.fromkeys(f"line {v.line} {v.reason}"
                                              for v in by_label[label]))
            if grade_id is None:
                self.log.info("Left out %s: %s", label, reasons)
                skip[index] = [_note(f"The autograder left this added cell out, without "
                                     f"running it: {reasons}.")]
                continue
            message = (f"the answer cell {grade_id!r} was not run: {reasons}. This exercise "
                       "scores 0; the others are graded")
            self._record(resources, message, problems)
            skip[index] = [_note(f"The autograder did not run this answer cell: {reasons}. "
                                 "This exercise scores 0.")]
            for test_index, test in enumerate(nb.cells):
                if is_test(test) and _exercise(test) == grade_id:
                    skip[test_index] = [_error("AnswerFlagged", message)]
        return skip

    def _record(self, resources, message, problems):
        folder = (resources or {}).get("metadata", {}).get("path") or "."
        self.log.warning("FLAGGED %s: %s", folder, message)
        with open(os.path.join(folder, FLAG_FILE), "a", encoding="utf-8") as fh:
            fh.write("\n".join(problems) + "\n")

    def preprocess_cell(self, cell, resources, index):
        if index in self._skip:
            cell.outputs = self._skip[index]
            return cell, resources
        self._check_deadline()
        try:
            result = super().preprocess_cell(cell, resources, index)
            self._check_deadline()  # cut short by the deadline, not by its own limit
            return result
        except DeadKernelError:
            reason = death_reason(self.km) or "it crashed, called exit, or ran out of memory"
            why = ("KernelDied", f"the kernel died while running this cell: {reason}")
        except CellTimeoutError:
            # Interrupted at the time limit, the cell went on (it caught the interrupt):
            # nbclient would give up on the whole notebook.
            why = ("CellTimeoutError", "this cell ran past the time limit and did not stop "
                   "when interrupted, so its kernel was killed")
        self.log.warning("%s in cell %d; restarting the kernel and replaying", why[0], index)
        self._dead.add(index)
        cell.outputs.append(_error(why[0], why[1] + "; the cells after it ran in a new "
                                   "kernel"))
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
            if cell.cell_type == "code" and i not in self._dead and i not in self._skip:
                try:
                    self.execute_cell(copy.deepcopy(cell), i, store_history=False)
                except (DeadKernelError, CellTimeoutError):  # not twice for the same cell
                    self._dead.add(i)
                    return self._restart(index)


class RedactHiddenTests(NbGraderPreprocessor):
    """For feedback: drop hidden test code and the tracebacks that would show it, and the
    outputs of the cells that run after the first hidden test other than test cells: code
    of the student's may have kept a hidden input and print it there."""

    begin = Unicode("### BEGIN HIDDEN TESTS").tag(config=True)
    end = Unicode("### END HIDDEN TESTS").tag(config=True)
    placeholder = Unicode("# (hidden tests ran here)").tag(config=True)
    withheld = Unicode("(This cell's output is not shown in feedback: it ran after hidden "
                       "tests.)\n").tag(config=True)

    def preprocess(self, nb, resources):
        self._after_hidden = False
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if self.begin not in cell.source:
            if getattr(self, "_after_hidden", False) and not is_test(cell) and cell.outputs:
                cell.outputs = [_note(self.withheld.rstrip("\n"))]
            return cell, resources
        self._after_hidden = True
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
