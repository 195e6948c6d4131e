"""Grading one submission, on a worker of `python -m helpers.grading.autograde`.

A worker is a long-lived process (a Dask worker) that has imported nbgrader, nbconvert
and the course's preprocessors once; `grade(job)` then runs nbgrader's own autograde for
one student, with the course's `nbgrader_config.py` (the guard, the sandbox, the time
limits), exactly as `nbgrader autograde --student` would. Every submission gets a fresh
kernel in its own sandbox, so nothing passes from one student to the next.

The worker never writes the course's gradebook. It grades against a private copy of the
assignment's part of it (`gradebook.snapshot`), made afresh for each submission in the
worker's own temporary folder, which the sandboxed kernel cannot see; the command's one
writer then records the grades (`gradebook.record`). A result says what happened:

    {"student": "alice", "status": "graded" | "failed", "reason": why it failed,
     "flags": the guard's reasons, "incidents": cells that killed their kernel or ran
     past the time limit (graded: they cost their exercise), "seconds": wall time,
     "cell_seconds": time in the notebook's own cells, "worker": host and pid}

Failures are named: missing file, invalid or unreadable notebook, timed out, kernel died,
or the grader's own error with its last line.

Introduced with class autograding (issue 12).
"""
import os
import re
import socket
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat
from traitlets.config.loader import PyFileConfigLoader

from . import gradebook

CONFIG_FILE = "nbgrader_config.py"
INCIDENTS = ("KernelDied", "CellTimeoutError")
FLAG_LINE = re.compile(r"FLAGGED \S+: (.*)")

SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
_CONFIGS = {}  # course folder -> its loaded nbgrader_config.py, once per worker


def course_config(root):
    """The course's nbgrader configuration (`nbgrader_config.py` in `root`), with the
    course folder as nbgrader's root."""
    root = str(root)
    if root not in _CONFIGS:
        if not os.path.isfile(os.path.join(root, CONFIG_FILE)):
            raise FileNotFoundError(f"no {CONFIG_FILE} in {root}: run the command from the "
                                    "course folder, or pass --course")
        config = PyFileConfigLoader(CONFIG_FILE, path=root).load_config()
        config.CourseDirectory.root = root
        _CONFIGS[root] = config
    return _CONFIGS[root].copy()


def _name(preprocessor):
    """A preprocessor's class name, whether the config names it by class or by string."""
    return getattr(preprocessor, "__name__", str(preprocessor).rsplit(".", 1)[-1])


def check_files(folder, notebooks):
    """Why the submission in `folder` cannot be graded (missing file, unreadable or
    invalid notebook), or None."""
    if not os.path.isdir(folder):
        return f"missing file: no submission folder {folder}"
    for name in notebooks:
        path = os.path.join(folder, f"{name}.ipynb")
        if not os.path.isfile(path):
            return f"missing file: {name}.ipynb was not handed in"
        try:
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
        except Exception as err:  # nbformat raises many kinds; all mean the same here
            first = (str(err).strip().splitlines() or [type(err).__name__])[0]
            return f"invalid or unreadable notebook: {name}.ipynb: {first[:300]}"
    return None


def _failure(error, log):
    """A failure's reason from nbgrader's traceback and log (which holds the error that
    caused the traceback's "see the above traceback")."""
    text = f"{log}\n{error}"
    lines = [line for line in text.strip().splitlines() if line.strip()]
    causes = [line for line in lines if re.match(r"\w+(\.\w+)*(Error|Exception): ", line)
              and "NbGraderException" not in line]
    last = (causes or lines or ["no message"])[-1].strip()
    if "SubmissionTimedOut" in text:
        timed = [line for line in lines if "SubmissionTimedOut" in line]
        return "timed out: " + timed[-1].split(":", 1)[-1].strip()
    if "DeadKernelError" in text or "Kernel died" in text:
        return "kernel died: it could not be restarted (" + last[:200] + ")"
    if "NotJSONError" in text or "ValidationError" in text:
        return "invalid or unreadable notebook: " + last[:300]
    return "grading error: " + last[:300]


def _incidents(folder, notebooks):
    """[(notebook, cell id, error name)] for the cells that killed their kernel or ran
    past the time limit."""
    found = []
    for name in notebooks:
        path = os.path.join(folder, f"{name}.ipynb")
        if not os.path.isfile(path):
            continue
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error" and output.get("ename") in INCIDENTS:
                    cell_id = cell.metadata.get("nbgrader", {}).get("grade_id") or \
                        f"cell {index + 1}"
                    found.append((name, cell_id, output.ename))
    return found


def cell_seconds(folder, notebooks):
    """Seconds the notebooks' cells ran, from nbclient's timing metadata (0 if absent)."""
    total = 0.0
    for name in notebooks:
        path = os.path.join(folder, f"{name}.ipynb")
        if not os.path.isfile(path):
            continue
        for cell in nbformat.read(path, as_version=4).cells:
            timing = cell.get("metadata", {}).get("execution", {})
            start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
            if start and end:
                total += (datetime.fromisoformat(end.replace("Z", "+00:00")) -
                          datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
    return total


def grade(job, snapshot):
    """Autograde one submission (see `_grade`); an error of the grader's own is a failed
    result with its reason, never an exception on the worker."""
    start = time.monotonic()
    try:
        return _grade(job, snapshot)
    except Exception as err:
        return {**failed(job["student"], f"grading error: {type(err).__name__}: {err}"),
                "seconds": time.monotonic() - start, "worker": _worker()}


def _worker():
    return f"{socket.gethostname()}:{os.getpid()}"


def failed(student, reason):
    """The result of a submission that could not be graded (see the module docstring)."""
    return {"student": student, "status": "failed", "reason": reason, "flags": [],
            "incidents": [], "seconds": 0.0, "cell_seconds": 0.0, "worker": None}


def _grade(job, snapshot):
    """Autograde one submission. `job`: {"root", "assignment", "student", "notebooks",
    "submitted" and "autograded" (its folders), "options": {section: {trait: value}} set
    on top of the course's config}; `snapshot`: the bytes of the private gradebook (see
    the module docstring)."""
    from nbgrader.apps.api import NbGraderAPI  # imported once per worker, on first use

    start = time.monotonic()
    assignment, student = job["assignment"], job["student"]
    result = {**failed(student, None), "worker": _worker()}
    config = course_config(job["root"])
    for section, values in job.get("options", {}).items():
        for trait, value in values.items():
            setattr(config[section], trait, value)
    # The grades go to the private gradebook only to be thrown away: the writer records
    # them from the autograded notebook with these same preprocessors.
    config.Autograde.autograde_preprocessors = [
        p for p in config.Autograde.autograde_preprocessors
        if _name(p) not in {r.__name__ for r in gradebook.RECORDERS}]
    result["reason"] = check_files(job["submitted"], job["notebooks"])
    if result["reason"] is None:
        # In memory where there is /dev/shm: nbgrader commits to it once per cell.
        with tempfile.TemporaryDirectory(prefix="autograde-", dir=SCRATCH) as private:
            database = Path(private, "gradebook.db")
            database.write_bytes(snapshot)
            config.CourseDirectory.db_url = f"sqlite:///{database}"
            # The guard's log says which submission it flagged, and why; keep it.
            config.NbGraderAPI.log_level = "WARN"
            config.Exchange.root = private  # not used, but NbGraderAPI checks it is there
            with gradebook.quiet():
                api = NbGraderAPI(config=config)
                api.log.handlers.clear()  # its log goes to the result, not stderr
                done = api.autograde(assignment, student, force=True, create=True)
        log = done.get("log", "")
        result["flags"] = list(dict.fromkeys(m.group(1) for m in FLAG_LINE.finditer(log)))
        if done["success"]:
            folder = job["autograded"]
            result.update(status="graded",
                          incidents=_incidents(folder, job["notebooks"]),
                          cell_seconds=cell_seconds(folder, job["notebooks"]))
        else:
            result["reason"] = _failure(done.get("error") or "", log)
    result["seconds"] = time.monotonic() - start
    return result
