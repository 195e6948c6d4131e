"""Errors whose message is the whole story, shown to a student without our internals.

A failed check, an unanswered exercise or a missing data file raises one of these. In a
notebook, IPython asks an exception for `_render_traceback_()` before it formats a
traceback; these answer with their message, wrapped to fit nbgrader's Validate dialog, and,
when the error started in the student's own code, the frames of that code only. The frames
of the checks, of the reference implementations and of installed libraries never show: a
student needs the verdict and where their code went wrong, not the grader's insides.
JupyterLab, `nbgrader validate` and nbgrader's feedback all show this same text, because
it is what the kernel stores as the cell's error output.

Introduced with notebook 01; used by every notebook.
"""
import os
import site
import sys
import textwrap
import traceback

WIDTH = 80  # nbgrader validate cuts lines at 87 characters
_HELPERS = os.path.dirname(os.path.abspath(__file__))
_LIBRARIES = tuple({os.path.abspath(p) for p in
                    (sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages())})


def course_or_library_file(filename):
    """True for files of this package, Python or an installed library (not student code)."""
    path = os.path.abspath(filename)
    return path.startswith(_HELPERS + os.sep) or path.startswith(_LIBRARIES)


def cell_number(filename):
    """The execution count of the notebook cell whose code IPython compiled under
    `filename`, or None (not in IPython, or not a cell's code)."""
    try:
        return get_ipython().compile._filename_map[filename]  # noqa: F821
    except Exception:
        return None


def _cell_label(filename):
    """IPython's name for a cell's code ("Cell In[5]"), or the file's own name."""
    number = cell_number(filename)
    return filename if number is None else f"Cell In[{number}]"


def student_frames(error):
    """Lines locating `error` (and the errors it was raised from) in the student's code."""
    lines = []
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        for frame in traceback.extract_tb(error.__traceback__):
            if not course_or_library_file(frame.filename):
                lines.append(f"  {_cell_label(frame.filename)}, line {frame.lineno}, "
                             f"in {frame.name}")
                if frame.line:
                    lines.append(f"    {frame.line.strip()}")
        error = error.__cause__ or (None if error.__suppress_context__
                                    else error.__context__)
    return lines


def wrap(message, width=WIDTH):
    """`message` wrapped to `width`, keeping its own line breaks (arrays, lists)."""
    out = []
    for line in str(message).splitlines() or [""]:
        out += textwrap.wrap(line, width, subsequent_indent="  ",
                             break_on_hyphens=False) or [""]
    return out


class CourseMessage(Exception):
    """Mixin for the course's errors: IPython shows the message, then the student's frames."""

    mark = "\N{BALLOT X}"

    def _render_traceback_(self):
        lines = wrap(f"{self.mark} {self}")
        where = student_frames(self.__cause__)
        if where:
            lines += ["", "Where it happened, in your code:"] + where
        return lines
