"""Grading a class with `python -m helpers.grading.autograde`, as an instructor runs it:
real nbgrader, real sandboxed kernels, Dask workers on this machine, a SQLite gradebook.

One class of notebook 01 (the quickest) holds every kind of submission at once: correct
ones, wrong ones, a kernel crash, an endless loop, one that eats memory, one that tries
to overwrite the gradebook, one that runs past the submission's time limit, an invalid
notebook and a missing one. Every graded submission must get the grade plain `nbgrader
autograde` gives it, every other one be reported with its reason; the report must count
the mistakes the class made and reveal no hidden test. A second, small class is
interrupted and graded again.
"""
import csv
import json
import os
import re
import signal
import subprocess
import sys
import time

import nbformat
import pytest

import nb01_answers as answers
from course import CRASH, Course, answer_sources, first_of_each, with_answers
from helpers.grading.sandbox import sandbox_available

NAME = answers.NAME
CELL_TIMEOUT, SUBMISSION_TIMEOUT = "8", "30"
LOOP = "while True:\n    pass\n\n"
# A thousand arrays of 1 GiB: far past the kernel's 4 GiB memory limit. Empty ones: the
# limit counts what is mapped, and filling 4 GiB takes this machine longer than a cell's
# time limit.
HOG = "_hog = [np.empty(2**27) for _ in range(1000)]\n"
ATTACK = "open('../../../gradebook.db', 'w').write('')\n"
# Each answer that loops costs a cell time limit: five of them run past the submission's.
SLOW = ("sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict")
DW = ("propagate", "no division by m")
MINUS = ("sigmoid", "missing minus")

pytestmark = pytest.mark.skipif(not sandbox_available()[0],
                                reason=f"no sandbox: {sandbox_available()[1]}")


def _class(solution):
    """{student: (answers replacing the solution's, the exercises that must lose points)}
    for the students that are graded."""
    wrong = first_of_each(answers.WRONG)
    return {
        "solution": ({}, set()),
        "right": (first_of_each(answers.RIGHT), set()),
        "wrong": (wrong, set(wrong)),
        "crashes-kernel": ({answers.CRASHES: solution[answers.CRASHES] + CRASH},
                           {answers.CRASHES}),
        "loops-forever": ({answers.LOOPS: LOOP + solution[answers.LOOPS]}, {answers.LOOPS}),
        "eats-memory": ({"initialize_with_zeros": HOG + solution["initialize_with_zeros"]},
                        {"initialize_with_zeros"}),
        "dw-1": ({DW[0]: answers.WRONG[DW[0]][DW[1]]}, {DW[0]}),
        "dw-2": ({DW[0]: answers.WRONG[DW[0]][DW[1]]}, {DW[0]}),
        "minus-1": ({MINUS[0]: answers.WRONG[MINUS[0]][MINUS[1]]}, {MINUS[0]}),
    }


def _submit_class(course):
    solution = answer_sources(course.solution)
    graded = _class(solution)
    for student, (replaced, _) in graded.items():
        course.submit(student, with_answers(course.release, {**solution, **replaced}))
    course.submit("untouched", course.release)
    graded["untouched"] = ({}, {c.removesuffix("_tests") for c in course.max_scores()})
    course.submit("overwrites-gradebook", with_answers(
        course.release, {**solution, "sigmoid": ATTACK + solution["sigmoid"]}))
    course.submit("timed-out", with_answers(
        course.release, {**solution, **{ex: LOOP + solution[ex] for ex in SLOW}}))
    broken = course.folder / "submitted" / "invalid" / NAME
    broken.mkdir(parents=True)
    (broken / f"{NAME}.ipynb").write_text('{"cells": [')
    (course.folder / "submitted" / "missing" / NAME).mkdir(parents=True)
    (course.folder / "submitted" / "missing" / NAME / "notes.txt").write_text("sorry")
    return graded


def _processes_naming(folder):
    """The command lines of running processes that name `folder` (a sandboxed kernel's
    bwrap binds its submission's folder)."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(os.path.join(entry.path, "cmdline"), "rb") as fh:
                    line = fh.read().replace(b"\0", b" ").decode(errors="replace")
            except OSError:  # it ended while we looked
                continue
            if str(folder) in line:
                found.append(line)
    return found


class Graded:
    def __init__(self, folder):
        self.course = course = Course(folder / "class", NAME)
        self.expected = _submit_class(course)
        self.max_scores = course.max_scores()
        self.gradebook = course.folder / "gradebook.db"
        self.run = course.autograde_class("-j", "2", "--cell-timeout", CELL_TIMEOUT,
                                          "--timeout", SUBMISSION_TIMEOUT)
        self.left_running = _processes_naming(course.folder)
        self.scores = course.scores()
        self.ledger = [json.loads(line) for line in
                       (course.folder / ".autograde" / f"{NAME}.jsonl").read_text()
                       .splitlines()]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return Graded(tmp_path_factory.mktemp("class"))


def _expected_points(graded, student):
    losing = graded.expected[student][1]
    return {cell: 0 if cell.removesuffix("_tests") in losing else points
            for cell, points in graded.max_scores.items()}


def test_every_graded_submission_gets_its_grade(graded):
    for student in graded.expected:
        assert graded.scores[student] == _expected_points(graded, student), student


def test_the_attack_on_the_gradebook_is_flagged_and_costs_it_alone(graded):
    assert sum(graded.scores["overwrites-gradebook"].values()) < sum(graded.max_scores.values())
    assert graded.scores["overwrites-gradebook"]["sigmoid_tests"] == 0
    flagged = graded.run.stdout.split("  flagged:")[1].split("  failed:")[0]
    assert re.search(r"overwrites-gradebook: .*open", flagged), graded.run.stdout
    # The gradebook is whole: it still opens and holds everyone graded.
    assert set(graded.expected) | {"overwrites-gradebook"} == set(graded.scores)


def test_failures_are_listed_with_their_reason_and_get_no_grade(graded):
    out = graded.run.stdout
    assert graded.run.returncode == 1, out + graded.run.stderr[-2000:]
    failed = out.split("  failed:")[1]
    assert re.search(r"timed-out: timed out: .*time limit \(30 s\)", failed), out
    assert re.search(r"invalid: invalid or unreadable notebook: ", failed), out
    assert re.search(r"missing: missing file: " + re.escape(NAME), failed), out
    assert not {"timed-out", "invalid", "missing"} & set(graded.scores)
    assert re.search(r"^  failed: 3\b", out, re.M), out


def test_cells_that_killed_their_kernel_or_ran_too_long_are_named(graded):
    graded_part = graded.run.stdout.split("  graded:")[1].split("  flagged:")[0]
    assert re.search(rf"crashes-kernel: {answers.CRASHES}_tests \(KernelDied", graded_part) \
        or re.search(rf"crashes-kernel: {answers.CRASHES} \(KernelDied", graded_part), \
        graded_part
    assert re.search(rf"loops-forever: {answers.LOOPS} \(CellTimeoutError", graded_part), \
        graded_part


def test_each_submission_is_graded_once_by_long_lived_workers(graded):
    students = [entry["student"] for entry in graded.ledger]
    assert sorted(students) == sorted(set(students))
    workers = {entry["worker"] for entry in graded.ledger}
    assert len(workers) == 2, workers  # two processes shared fourteen submissions
    for entry in graded.ledger:
        assert entry["worker"].split(":")[-1] != str(os.getpid())


def test_the_run_prints_no_warning_or_traceback(graded):
    """What the instructor's terminal shows is the summary, not Python's noise (a
    RuntimeWarning from each worker re-running the command's module, say)."""
    assert not re.search(r"Warning|Traceback", graded.run.stderr), graded.run.stderr[-3000:]


def test_no_kernel_outlives_the_run(graded):
    """The command kills each kernel once its notebook has run (and each one a crash or
    a time limit replaced): none of them, and no bwrap, is left behind."""
    assert graded.left_running == []


def test_scores_are_those_of_plain_nbgrader(graded, tmp_path):
    """The same submissions graded by `nbgrader autograde` get the same points, cell by
    cell (those that fail here are not graded the same way by nbgrader: it gives a missing
    notebook 0 and runs past any total time limit)."""
    course = Course(tmp_path / "plain", NAME)
    same = ("wrong", "crashes-kernel", "loops-forever", "eats-memory", "overwrites-gradebook")
    for student in same:
        source = graded.course.folder / "submitted" / student / NAME / f"{NAME}.ipynb"
        course.submit(student, nbformat.read(source, 4))
    done = course.autograde(f"--Execute.timeout={CELL_TIMEOUT}")
    assert done.returncode == 0, done.stderr[-3000:]
    plain = course.scores()
    for student in same:
        assert plain[student] == graded.scores[student], student


def _report(graded):
    folder = graded.course.folder / "reports" / NAME
    with open(folder / "mistakes.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows, (folder / "mistakes.csv").read_text() + (folder / "mistakes.html").read_text()


def test_report_counts_who_lost_points_and_the_named_mistakes(graded):
    rows, _ = _report(graded)
    graded_students = set(graded.expected) | {"overwrites-gradebook"}
    for cell in graded.max_scores:
        exercise = cell.removesuffix("_tests")
        mine = [r for r in rows if r["exercise"] == exercise]
        lost = {s for s in graded_students
                if graded.scores[s][cell] < graded.max_scores[cell]}
        if not lost:
            assert not mine, exercise
            continue
        assert {int(r["students_lost_points"]) for r in mine} == {len(lost)}, exercise
        assert {int(r["students_graded"]) for r in mine} == {len(graded_students)}, exercise
        assert sum(int(r["students"]) for r in mine) == len(lost), exercise
    for (exercise, label), count in ((DW, 3), (MINUS, 2)):  # with "wrong", who has both
        pattern = answers.MESSAGES[(exercise, label)]
        named = [r for r in rows if r["exercise"] == exercise and r["kind"] == "named mistake"
                 and re.search(pattern, r["message"])]
        assert len(named) == 1 and int(named[0]["students"]) == count, (exercise, rows)


def test_report_lists_flags_and_failures(graded):
    rows, _ = _report(graded)
    failed = {r["message"]: int(r["students"]) for r in rows if r["kind"] == "failed to grade"}
    assert failed == {"timed out": 1, "invalid or unreadable notebook": 1,
                      "missing file": 1}, failed
    assert any(r["kind"] == "flagged" and "open" in r["message"] for r in rows), rows


def test_report_reveals_no_hidden_test_and_names_no_student(graded):
    _, text = _report(graded)
    hidden = []
    for cell in graded.course.solution.cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            part = cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN")[0]
            hidden += [line.strip() for line in part.splitlines() if len(line.strip()) > 12]
    assert hidden
    for line in hidden:
        assert line not in text, line
    # The ids that no message could hold as a word of its own ("right" could).
    for student in [s for s in graded.expected if "-" in s] + ["timed-out"]:
        assert student not in text, student


def test_a_run_again_grades_nothing_already_graded(graded):
    before = graded.gradebook.read_bytes()
    done = graded.course.autograde_class("-j", "1", "--student", "solution,wrong")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "0 submissions in this run, 2 already graded" in done.stdout, done.stdout
    assert graded.gradebook.read_bytes() == before


def _ledger_lines(course):
    path = course.folder / ".autograde" / f"{NAME}.jsonl"
    return [json.loads(l) for l in path.read_text().splitlines()] if path.exists() else []


def test_interrupted_then_run_again_grades_the_rest_once(tmp_path):
    course = Course(tmp_path / "interrupted", NAME)
    solution = course.solution
    students = [f"student-{i}" for i in range(4)]
    for student in students:
        course.submit(student, solution)
    command = [sys.executable, "-m", "helpers.grading.autograde", NAME, "-j", "1",
               "--no-progress"]
    run = subprocess.Popen(command, cwd=course.folder, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while not _ledger_lines(course) and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.2)
    run.send_signal(signal.SIGINT)  # Ctrl-C
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, out + err[-2000:]
    assert "Interrupted" in out, out
    first = [e["student"] for e in _ledger_lines(course) if e["status"] == "graded"]
    assert 1 <= len(first) < len(students), out
    assert set(course.scores()) == set(first)
    # One student hands in again after the interruption: graded again, on its new work.
    again = first[0]
    (course.folder / "submitted" / again / NAME / "timestamp.txt").write_text(
        "2026-12-01 12:00:00.000000 UTC")
    done = course.autograde_class("-j", "2")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    entries = _ledger_lines(course)
    graded_twice = [e["student"] for e in entries if e["status"] == "graded"]
    assert sorted(graded_twice) == sorted(students + [again])
    scores = course.scores()
    assert set(scores) == set(students)
    assert all(scores[s] == course.max_scores() for s in students)
    skipped = len(first) - 1
    assert re.search(rf"\b{len(students) - skipped} submissions in this run"
                     + (f", {skipped} already graded" if skipped else r"\n"), done.stdout), \
        done.stdout
