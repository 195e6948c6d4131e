"""Class autograding against a real PostgreSQL gradebook (tests/postgres.py), with the
one config line the README gives, and two graders at once."""
import subprocess
import sys

import pytest

import nb01_answers as answers
from course import Course, answer_sources, first_of_each, with_answers
from helpers.grading.sandbox import sandbox_available
from postgres import postgres_url  # noqa: F401  (the fixture)

NAME = answers.NAME

pytestmark = pytest.mark.skipif(not sandbox_available()[0],
                                reason=f"no sandbox: {sandbox_available()[1]}")


@pytest.fixture(scope="module")
def course(postgres_url, tmp_path_factory):  # noqa: F811
    course = Course(tmp_path_factory.mktemp("pg") / "course", NAME,
                    config_lines=[f'c.CourseDirectory.db_url = "{postgres_url}"'])
    assert not (course.folder / "gradebook.db").exists()
    solution = answer_sources(course.solution)
    course.submit("solution", course.solution)
    course.submit("untouched", course.release)
    course.submit("wrong", with_answers(course.release,
                                        {**solution, **first_of_each(answers.WRONG)}))
    course.submit("right", with_answers(course.release,
                                        {**solution, **first_of_each(answers.RIGHT)}))
    course.first_run = course.autograde_class("-j", "2", "--cell-timeout", "25")
    return course


def _expected(course, losing):
    return {cell: 0 if cell.removesuffix("_tests") in losing else points
            for cell, points in course.max_scores().items()}


def test_a_class_is_graded_into_postgresql(course):
    assert course.first_run.returncode == 0, course.first_run.stdout + \
        course.first_run.stderr[-2000:]
    assert not (course.folder / "gradebook.db").exists()  # nothing went to SQLite
    scores = course.scores()
    assert scores["solution"] == scores["right"] == _expected(course, set())
    assert sum(scores["untouched"].values()) == 0
    assert scores["wrong"] == _expected(course, set(first_of_each(answers.WRONG)))


def test_two_graders_at_once(course):
    solution = answer_sources(course.solution)
    course.submit("late-solution", course.solution)
    course.submit("late-wrong", with_answers(course.release,
                                             {**solution, **first_of_each(answers.WRONG)}))
    runs = [subprocess.Popen([sys.executable, "-m", "helpers.grading.autograde", NAME,
                              "--no-progress", "-j", "1", "--student", student],
                             cwd=course.folder, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for student in ("late-solution", "late-wrong")]
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, out + err[-2000:]
    scores = course.scores()
    assert scores["late-solution"] == _expected(course, set())
    assert scores["late-wrong"] == _expected(course, set(first_of_each(answers.WRONG)))
    again = course.autograde_class("-j", "1")
    assert again.returncode == 0, again.stdout + again.stderr[-2000:]
    assert "0 submissions in this run, 6 already graded" in again.stdout, again.stdout
    assert course.scores() == scores
