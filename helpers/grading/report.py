"""What the class got wrong: the instructor's agenda for the next lecture.

After class autograding, `write(course)` reads every graded submission's autograded
notebook and writes `reports/<assignment>/mistakes.csv` and `mistakes.html` (a bar chart
per exercise) in the course folder:

- for each exercise, how many students lost points;
- the named mistakes behind those losses and how often each occurred: a failed check's
  message that ends with one of the exercise's declared mistakes (`Exercise.mistakes`, the
  tables of `helpers/grading/nbNN.py`), e.g. "dw is m times too large";
- the other failures, grouped by their message with its numbers left out (not answered,
  a crash, "dw is wrong in 3 of 6 entries", ...);
- the submissions flagged by the guard and those that failed to grade.

It shows only what feedback already shows a student: check messages, which never hold a
hidden case's inputs or answers (hidden checks do not reveal them), and no test code.
It names no student, so it can be put in front of the class.

Introduced with class autograding (issue 12).
"""
import csv
import html
import importlib
import os
import re
from collections import Counter, defaultdict

import nbformat

from .nbgrader_ext import is_test

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
FIELDS = ("exercise", "points", "students_graded", "students_lost_points", "kind",
          "message", "students")
KINDS = {"NotAnswered": "not answered", "NotImplementedError": "not answered",
         "AnswerFlagged": "flagged", "SubmissionFlagged": "flagged",
         "KernelDied": "kernel died", "CellTimeoutError": "timed out"}


def mistakes_of(notebook):
    """{exercise name: the messages of its declared mistakes} for a course notebook
    ("01_logistic_regression" is declared in helpers/grading/nb01.py)."""
    from . import exercise
    number = re.match(r"(\d\d)_", notebook)
    try:
        module = importlib.import_module(f"{__package__}.nb{number.group(1)}") \
            if number else None
    except ModuleNotFoundError:
        module = None
    if getattr(module, "NOTEBOOK", None) != notebook:
        return {}
    return {name: sorted({m.message for ms in ex.mistakes.values() for m in ms},
                         key=len, reverse=True)
            for name, ex in getattr(module, "EXERCISES", {}).items()
            if isinstance(ex, exercise.Exercise)}


def _points(cell):
    return float(cell.metadata.get("nbgrader", {}).get("points", 0) or 0)


def _first_error(cell):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return output.get("ename", ""), output.get("evalue", "")
    return None


def classify(error, named):
    """(kind, message) for a test cell's first error: a named mistake's own message, or
    the error's first line with its numbers left out."""
    ename, evalue = error
    if ename in KINDS:
        return KINDS[ename], KINDS[ename]
    first = (evalue.strip().splitlines() or [""])[0].strip()
    for message in named:
        if message and message in evalue:
            return "named mistake", message
    if ename in ("CheckFailed", "AssertionError"):
        return "other failure", NUMBER.sub("N", first)[:200] or ename
    return "crash", f"{ename}: {NUMBER.sub('N', first)[:160]}".rstrip(": ")


def tally(course):
    """(exercises, rows): {exercise: (points, graded, lost)} and the report's rows."""
    entries = course.ledger.latest()
    graded = [s for s, e in sorted(entries.items()) if e.get("status") == "graded"]
    exercises, counts = {}, defaultdict(Counter)
    for notebook in course.notebooks:
        named = mistakes_of(notebook)
        for student in graded:
            path = os.path.join(course.folder(course.coursedir.autograded_directory, student),
                                f"{notebook}.ipynb")
            if not os.path.isfile(path):
                continue
            for cell in nbformat.read(path, as_version=4).cells:
                if not is_test(cell):
                    continue
                name = cell.metadata["nbgrader"]["grade_id"].removesuffix("_tests")
                points, seen, lost = exercises.get(name, (_points(cell), 0, 0))
                error = _first_error(cell)
                exercises[name] = (points, seen + 1, lost + (error is not None))
                if error is not None:
                    counts[name][classify(error, named.get(name, []))] += 1
    rows = []
    for name, (points, seen, lost) in exercises.items():
        for (kind, message), number in counts[name].most_common():
            rows.append({"exercise": name, "points": points, "students_graded": seen,
                         "students_lost_points": lost, "kind": kind, "message": message,
                         "students": number})
    others = Counter()
    for entry in entries.values():
        if entry.get("status") == "failed":
            # Its kind only: the rest of a reason may name the student.
            others[("failed to grade", (entry.get("reason") or "").split(":")[0])] += 1
        for flag in entry.get("flags") or []:
            others[("flagged", NUMBER.sub("N", flag))] += 1
    for (kind, message), number in others.most_common():
        rows.append({"exercise": "", "points": "", "students_graded": "",
                     "students_lost_points": "", "kind": kind, "message": message,
                     "students": number})
    return exercises, rows


STYLE = """body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}
h2{margin-top:1.6em;font-size:1.1em} .row{display:flex;align-items:center;margin:.2em 0}
.label{width:55%;padding-right:1em;font-size:.9em} .bar{background:#4c72b0;height:1.1em}
.bar.named{background:#c44e52} .n{padding-left:.4em;font-size:.9em} .muted{color:#777}"""


def _html(assignment, exercises, rows):
    parts = [f"<!doctype html><meta charset='utf-8'><title>{html.escape(assignment)}: what "
             f"the class got wrong</title><style>{STYLE}</style>",
             f"<h1>{html.escape(assignment)}: what the class got wrong</h1>",
             "<p class='muted'>Per exercise: the students who lost points, and why. Red: a "
             "mistake the checks name; blue: other failures, grouped by message.</p>"]
    for name, (points, seen, lost) in exercises.items():
        parts.append(f"<h2>{html.escape(name)} ({points:g} points): {lost} of {seen} "
                     "students lost points</h2>")
        mine = [r for r in rows if r["exercise"] == name]
        if not mine:
            parts.append("<p class='muted'>Everyone got it right.</p>")
        for r in mine:
            width = 100 * r["students"] / max(seen, 1)
            kind = "named" if r["kind"] == "named mistake" else ""
            parts.append(f"<div class='row'><div class='label'>{html.escape(r['message'])}"
                         f" <span class='muted'>({html.escape(r['kind'])})</span></div>"
                         f"<div class='bar {kind}' style='width:{width * 0.4:.1f}%'></div>"
                         f"<div class='n'>{r['students']}</div></div>")
    rest = [r for r in rows if not r["exercise"]]
    parts.append("<h2>Flagged and failed submissions</h2>")
    if not rest:
        parts.append("<p class='muted'>None.</p>")
    for r in rest:
        parts.append(f"<div class='row'><div class='label'>{html.escape(r['kind'])}: "
                     f"{html.escape(r['message'])}</div><div class='n'>{r['students']}"
                     "</div></div>")
    return "\n".join(parts) + "\n"


def write(course):
    """Write the report's CSV and HTML; their paths."""
    exercises, rows = tally(course)
    folder = os.path.join(course.root, "reports", course.assignment)
    os.makedirs(folder, exist_ok=True)
    csv_path, html_path = (os.path.join(folder, f"mistakes.{ext}") for ext in ("csv", "html"))
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(_html(course.assignment, exercises, rows))
    return csv_path, html_path
