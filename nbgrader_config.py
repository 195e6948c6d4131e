"""nbgrader configuration for the course. Run every nbgrader command from this folder.

The gradebook is nbgrader's default SQLite file, gradebook.db, beside this file (ignored by
git: it holds the hidden tests and the grades).
"""

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties, CheckCellMetadata, GetGrades, IgnorePattern, LimitOutput,
    SaveAutoGrades)

from helpers.grading.nbgrader_ext import GuardedExecute, RedactHiddenTests

c = get_config()  # noqa: F821  (nbgrader provides get_config)

c.CourseDirectory.course_id = "deep-learning-from-scratch"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
# The jupytext .py sources hold the solutions: never copy them into a release or a
# student's graded folder.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*",
                            "*.py"]

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Autograding: every notebook runs in the standard Python 3 kernel with a per-cell time
# limit (an infinite loop is interrupted and costs only its own exercise), test cells
# deleted by a student are put back, and the submission is checked by the guard before it
# runs (see helpers/grading/nbgrader_ext.py).
c.Execute.kernel_name = "python3"
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.OverwriteCells.add_missing_cells = True
c.Autograde.autograde_preprocessors = [
    GuardedExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]

# nbgrader gives 0 to a test cell that wrote anything to stderr. Correct code may print a
# warning (numpy's overflow warning, for one): drop Python warnings from the outputs
# before grades are taken, so they cost nothing. A real error still fails the cell.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"(?m)^.*\b\w*Warning: "

# Feedback shows what failed, never the hidden tests themselves.
c.GenerateFeedback.preprocessors = [GetGrades, RedactHiddenTests, CSSHTMLHeaderPreprocessor]

# Autograding runs each submission's kernel in a bubblewrap sandbox: its own folder only,
# no gradebook, no network, a memory limit (helpers/grading/sandbox.py). GuardedExecute
# picks SandboxedKernelManager itself when `sandbox` is on: nbgrader's Execute hands a
# kernel_manager_class to the constructor, which would beat a config line. Where bwrap
# cannot run (macOS, say), grading goes on unisolated with a warning; True refuses.
# `nbgrader validate` runs nbgrader's own Execute, unsandboxed.
c.GuardedExecute.sandbox = True
c.SandboxedKernelManager.require_sandbox = False
c.SandboxedKernelManager.memory_limit = 4 * 2**30  # bytes of private memory (RLIMIT_DATA)
