"""Grade a whole class: `python -m helpers.grading.autograde ASSIGNMENT`.

Run from the course folder (or pass --course). Every submission under `submitted/` is
graded by nbgrader's own autograde with the course's `nbgrader_config.py` (the guard, the
sandbox, the time limits: the same scores as `nbgrader autograde`), on long-lived worker
processes that each grade one submission after another, a fresh sandboxed kernel each
(killed as soon as its notebook has run, rather than waited for):

    python -m helpers.grading.autograde 01_logistic_regression            # every core
    python -m helpers.grading.autograde 01_logistic_regression -j 8 --student alice,bob
    python -m helpers.grading.autograde 01_logistic_regression --force    # grade again
    python -m helpers.grading.autograde 01_logistic_regression --scheduler tcp://HOST:8786

The workers are Dask's: a LocalCluster on this machine by default, or the `dask worker`s
of a scheduler on other hosts that share the course folder (same path) and, for several
hosts, a PostgreSQL gradebook. A worker killed mid-submission: Dask gives the submission
to another. The gradebook has one writer, this process (`helpers.grading.gradebook`).

It shows a progress bar (count, rate, time left) and ends with a summary: graded (and
which had a cell that killed its kernel or ran past the time limit), flagged with the
guard's reasons, failed with the reason (timed out, kernel died, invalid or unreadable
notebook, missing file). A failed submission is never a silent zero: it has no grade, is
listed, and the command exits with status 1. Interrupted (Ctrl-C, a reboot) and run
again, it grades only what is not yet graded (`helpers.grading.ledger`). Last, it writes
what the class got wrong (`helpers.grading.report`).

Introduced with class autograding (issue 12).
"""
import argparse
import logging
import os
import signal
import sys
import uuid

from nbgrader.coursedir import CourseDirectory

from . import gradebook, report
from .ledger import Ledger
from .worker import course_config, failed, grade

FAILED_WORKER = ("the worker grading it died each time it was tried: the submission may "
                 "crash its grader; grade it alone with `nbgrader autograde {assignment} "
                 "--student {student}` to see why")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m helpers.grading.autograde",
        description="Autograde every submission of an assignment, in parallel.")
    parser.add_argument("assignment", help="the assignment, e.g. 01_logistic_regression")
    parser.add_argument("--course", default=".",
                        help="the course folder, with nbgrader_config.py (default: here)")
    parser.add_argument("-j", "--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes on this machine (default: one per core)")
    parser.add_argument("--student", action="append", default=[],
                        help="grade only these students (repeat, or separate by commas)")
    parser.add_argument("--force", action="store_true",
                        help="grade again the submissions already graded")
    parser.add_argument("--scheduler", metavar="tcp://HOST:8786",
                        help="a Dask scheduler whose workers grade, instead of local ones")
    parser.add_argument("--cell-timeout", type=float, metavar="SECONDS",
                        help="time limit per cell (default: the config's Execute.timeout)")
    parser.add_argument("--timeout", type=float, default=1800, metavar="SECONDS",
                        help="time limit per submission, all its cells (default: 1800)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error(f"--workers must be at least 1, got {args.workers}")
    if args.timeout <= 0 or (args.cell_timeout is not None and args.cell_timeout <= 0):
        parser.error("time limits must be positive numbers of seconds")
    args.student = sorted({s.strip() for arg in args.student for s in arg.split(",")
                           if s.strip()})
    return args


class Class:
    """The course, its assignment, and who has handed it in."""

    def __init__(self, root, assignment):
        self.root, self.assignment = os.path.abspath(root), assignment
        self.config = course_config(self.root)
        self.coursedir = CourseDirectory(config=self.config)
        self.db_url, self.course_id = self.coursedir.db_url, self.coursedir.course_id
        self.notebooks = gradebook.notebooks(self.db_url, self.course_id, assignment)
        self.ledger = Ledger(self.root, assignment)

    def folder(self, step, student):
        return os.path.join(self.root, self.coursedir.format_path(step, student,
                                                                  self.assignment))

    def submitted(self):
        """The students with a submission folder for the assignment."""
        top = os.path.join(self.root, self.coursedir.submitted_directory)
        names = sorted(os.listdir(top)) if os.path.isdir(top) else []
        return [s for s in names
                if os.path.isdir(self.folder(self.coursedir.submitted_directory, s))]

    def timestamp(self, student):
        folder = self.folder(self.coursedir.submitted_directory, student)
        return self.coursedir.get_existing_timestamp(folder) if os.path.isdir(folder) else None

    def graded(self):
        """The students whose grades are in the gradebook for what they handed in."""
        recorded = gradebook.recorded(self.db_url, self.course_id, self.assignment)
        return {student for student, entry in self.ledger.latest().items()
                if entry.get("status") == "graded" and student in recorded
                and entry.get("timestamp") == str(self.timestamp(student))}

    def job(self, student, args):
        # A kernel whose notebook has run has given every output: kill it rather than ask
        # it to exit and poll until it has (nbclient's graceful default), half a second of
        # an idle core per submission. The scores cannot change; the course's config keeps
        # nbgrader's default, so plain `nbgrader autograde` stays nbgrader's own.
        options = {"GuardedExecute": {"submission_timeout": args.timeout},
                   "Execute": {"shutdown_kernel": "immediate"}}
        if args.cell_timeout is not None:
            options["Execute"]["timeout"] = int(args.cell_timeout)
        return {"root": self.root, "assignment": self.assignment, "student": student,
                "notebooks": self.notebooks, "options": options,
                "submitted": self.folder(self.coursedir.submitted_directory, student),
                "autograded": self.folder(self.coursedir.autograded_directory, student)}

    def finish(self, result):
        """Record a finished submission: grades first, then the ledger line."""
        student = result["student"]
        timestamp = self.timestamp(student)
        if result["status"] == "graded":
            try:
                gradebook.record(self.config, self.db_url, self.course_id, self.assignment,
                                 student,
                                 self.folder(self.coursedir.autograded_directory, student),
                                 timestamp)
            except Exception as err:  # reported, never lost: the next run grades it again
                result = {**result, "status": "failed",
                          "reason": f"its grades could not be recorded: {err}"}
        self.ledger.append({**result, "timestamp": str(timestamp)})
        return result


# What a local worker imports before its first submission, imported once in the process
# the workers are forked from rather than once per worker (seconds each, on every core).
# Not this module: each worker runs it again as its __main__ (multiprocessing does, for
# `python -m`), and Python warns when that module was imported already.
PRELOAD = ["distributed", "helpers.grading.worker", "helpers.grading.nbgrader_ext",
           "nbgrader.apps.api", "nbgrader.coursedir", "helpers.grading.report"]


def _client(args):
    import dask
    from dask.distributed import Client, LocalCluster
    from distributed.utils import get_mp_context
    if args.scheduler:
        return Client(args.scheduler, timeout=30), None
    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver",
                     # Dask's own monitoring samples every worker's stack each 10 ms
                     # and the system each 0.5 s: a core's percent, of the kernels' time.
                     "distributed.worker.profile.enabled": False,
                     "distributed.admin.system-monitor.interval": "10s",
                     "distributed.admin.system-monitor.gil.enabled": False})
    get_mp_context().set_forkserver_preload(PRELOAD)
    # Ctrl-C in the terminal reaches the whole process group: the workers ignore it (a
    # process started with SIGINT ignored keeps it so) and this process stops them.
    # Kernels still get their time limit's interrupt: ipykernel sets its own handler.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None, memory_limit=0,
                               silence_logs=logging.ERROR)
    finally:
        signal.signal(signal.SIGINT, previous)
    return Client(cluster), cluster


def run(course, students, args, out=sys.stdout):
    """Grade `students`; the results, in the order they finished."""
    from dask.distributed import as_completed
    from distributed.scheduler import KilledWorker
    from tqdm import tqdm

    client, cluster = _client(args)
    results, futures = [], {}
    try:
        token = uuid.uuid4().hex[:8]
        # A task, not scattered data: Dask keeps one copy of what was scattered (its
        # memory manager drops the replicas) and forgets it, and every submission that
        # needs it, when the worker holding it dies; a task is recomputed elsewhere.
        snapshot = client.submit(bytes, gradebook.snapshot(course.db_url), pure=False,
                                 key=f"gradebook-{course.assignment}-{token}")
        for student in students:
            future = client.submit(grade, course.job(student, args), snapshot, pure=False,
                                   key=f"grade-{course.assignment}-{student}-{token}")
            futures[future] = student
        with tqdm(total=len(students), unit="submission", desc=course.assignment,
                  file=sys.stderr, disable=args.no_progress, smoothing=0.1) as bar:
            for future in as_completed(futures):
                student = futures[future]
                try:
                    result = future.result()
                except KilledWorker:
                    result = failed(student, FAILED_WORKER.format(
                        assignment=course.assignment, student=student))
                except Exception as err:
                    result = failed(student, f"grading error: {type(err).__name__}: {err}")
                results.append(course.finish(result))
                bar.update(1)
    except KeyboardInterrupt:
        for future in futures:
            future.cancel()
        print(f"\nInterrupted: {len(results)} of {len(students)} finished and are kept; "
              "run the same command again to grade the rest.", file=out)
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results


def summary(course, results, skipped, out=sys.stdout):
    graded = [r for r in results if r["status"] == "graded"]
    failed = [r for r in results if r["status"] == "failed"]
    flagged = [r for r in results if r["flags"]]
    print(f"\n{course.assignment}: {len(results)} submissions in this run"
          + (f", {len(skipped)} already graded and skipped (--force grades them again)"
             if skipped else ""), file=out)
    print(f"  graded: {len(graded)}", file=out)
    for r in sorted(graded, key=lambda r: r["student"]):
        for notebook, cell, ename in r["incidents"]:
            print(f"    {r['student']}: {cell} ({ename}; only its exercise lost points)",
                  file=out)
    print(f"  flagged: {len(flagged)}", file=out)
    for r in sorted(flagged, key=lambda r: r["student"]):
        print(f"    {r['student']}: " + "; ".join(r["flags"]), file=out)
    print(f"  failed: {len(failed)}" + (" (not graded: no grade was recorded)"
                                        if failed else ""), file=out)
    for r in sorted(failed, key=lambda r: r["student"]):
        print(f"    {r['student']}: {r['reason']}", file=out)


def main(argv=None):
    args = parse_args(argv)
    try:
        course = Class(args.course, args.assignment)
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    students = args.student or course.submitted()
    if not students:
        print(f"error: nothing handed in for {args.assignment} under "
              f"{course.folder(course.coursedir.submitted_directory, '*')}", file=sys.stderr)
        return 2
    skipped = [] if args.force else sorted(course.graded() & set(students))
    todo = [s for s in students if s not in skipped]
    try:
        results = run(course, todo, args) if todo else []
    except KeyboardInterrupt:
        return 130
    summary(course, results, skipped)
    paths = report.write(course)
    print(f"\nWhat the class got wrong: {paths[0]}\n                          {paths[1]}")
    return 1 if any(r["status"] == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
