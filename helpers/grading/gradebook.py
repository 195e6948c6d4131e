"""The course's gradebook during class autograding: one writer, private copies for workers.

nbgrader's gradebook is SQLite by default, which does not take concurrent writers; with
PostgreSQL (`c.CourseDirectory.db_url = "postgresql://..."`) several graders and TAs may
use it at once. Either way `python -m helpers.grading.autograde` writes it from one
process only, after a submission is wholly graded:

- `snapshot(db_url)`: the bytes of a SQLite gradebook holding the course, its assignments
  and their cells (hidden tests included) but no student or grade. Each submission is
  graded against a fresh copy of it (`helpers.grading.worker`), so a worker never touches
  the course's gradebook and a worker killed mid-submission leaves nothing half-written.
- `record(...)`: writes one graded submission into the course's gradebook with nbgrader's
  own preprocessors (SaveAutoGrades, AssignLatePenalties) run on the autograded notebook,
  as `nbgrader autograde` does at the end of its run; scores are the same.
- `recorded(db_url, course_id, assignment)`: {student: submission timestamp} of what it holds.

Introduced with class autograding (issue 12).
"""
import contextlib
import os
import tempfile
import warnings
from pathlib import Path

import nbformat
from nbgrader.api import Base, Gradebook, MissingEntry
from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SAWarning

# The tables that define assignments (not students, submissions or grades), parents first.
DEFINITIONS = ("course", "assignment", "notebook", "base_cell", "grade_cells",
               "solution_cells", "task_cells", "source_cell")


@contextlib.contextmanager
def quiet():
    """Without the SQLAlchemy warnings nbgrader's own gradebook code gives on every
    submission (objects 'not in session' while it autoflushes): they are not ours to fix,
    and they would bury the command's output."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        yield


def snapshot(db_url):
    """The assignment definitions of the gradebook at `db_url`, as SQLite file bytes."""
    with tempfile.TemporaryDirectory(prefix="gradebook-snapshot-") as folder:
        path = Path(folder, "gradebook.db")
        source, target = create_engine(db_url), create_engine(f"sqlite:///{path}")
        try:
            # nbgrader's schema and the source's version stamp. Not `Gradebook(path)`: on
            # a new file it asks a subprocess (`alembic heads`) for the version, seconds.
            Base.metadata.create_all(bind=target)
            with source.connect() as read, target.begin() as write:
                version = read.execute(text("SELECT version_num FROM alembic_version")).scalar()
                write.execute(text("CREATE TABLE alembic_version "
                                   "(version_num VARCHAR(32) NOT NULL)"))
                write.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": version})
                for name in DEFINITIONS:
                    table = Base.metadata.tables[name]
                    rows = [dict(row) for row in read.execute(table.select()).mappings()]
                    if rows:
                        write.execute(table.insert(), rows)
        finally:
            source.dispose()
            target.dispose()
        return path.read_bytes()


def notebooks(db_url, course_id, assignment):
    """The names of the assignment's notebooks, or a ValueError saying what to run."""
    with Gradebook(db_url, course_id) as gb:
        try:
            return sorted(nb.name for nb in gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            raise ValueError(f"the gradebook has no assignment {assignment!r}: run `nbgrader "
                             f"generate_assignment {assignment}` first") from None


def recorded(db_url, course_id, assignment):
    """{student id: submission timestamp (None if it had none)} of the assignment's
    submissions in the gradebook."""
    with Gradebook(db_url, course_id) as gb:
        try:
            return {s.student.id: s.timestamp for s in gb.assignment_submissions(assignment)}
        except MissingEntry:
            return {}


def record(config, db_url, course_id, assignment, student, folder, timestamp):
    """Write the grades of `student`'s autograded notebooks (in `folder`) into the
    gradebook, as nbgrader's autograde does: the student, the submission with its
    timestamp, then SaveAutoGrades and AssignLatePenalties on each notebook."""
    with quiet():
        _record(config, db_url, course_id, assignment, student, folder, timestamp)


# What `record` runs here: a worker leaves these out (its gradebook is thrown away).
RECORDERS = (SaveAutoGrades, AssignLatePenalties)


def _record(config, db_url, course_id, assignment, student, folder, timestamp):
    with Gradebook(db_url, course_id) as gb:
        gb.update_or_create_student(student)
        if timestamp is None:
            gb.update_or_create_submission(assignment, student)
        else:
            gb.update_or_create_submission(assignment, student, timestamp=timestamp)
        names = [nb.name for nb in gb.find_assignment(assignment).notebooks]
    for name in names:
        path = os.path.join(folder, f"{name}.ipynb")
        nb = nbformat.read(path, as_version=4)
        resources = {"nbgrader": {"db_url": db_url, "assignment": assignment,
                                  "notebook": name, "student": student}}
        for preprocessor in RECORDERS:
            nb, resources = preprocessor(config=config).preprocess(nb, resources)
