"""Class autograding through a Dask scheduler and workers running as separate processes,
as on several hosts (`--scheduler tcp://HOST:8786`), with the only worker killed in the
middle of a submission and another joining after: that worker held everything the
scheduler had (the gradebook's snapshot too), and the new one grades the whole class,
nothing lost or counted twice."""
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

import nb01_answers as answers
from course import Course, answer_sources, first_of_each, with_answers
from helpers.grading.sandbox import sandbox_available

NAME = answers.NAME
BIN = os.path.dirname(sys.executable)
# Correct, and slow enough (a few seconds of numpy) to be killed while it runs.
SLOW = ("_t = np.zeros(1)\nfor _i in range(3_000_000):\n    _t = _t + 1.0\n\n")

pytestmark = pytest.mark.skipif(not sandbox_available()[0],
                                reason=f"no sandbox: {sandbox_available()[1]}")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(*command):
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture
def cluster():
    """(scheduler address, start_worker), all on loopback, stopped afterwards; one worker
    is running, start_worker() starts another and returns its process."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [_start(os.path.join(BIN, "dask-scheduler"), "--host", "127.0.0.1",
                        "--port", str(port), "--no-dashboard")]

    def start_worker():
        worker = _start(os.path.join(BIN, "dask-worker"), address, "--nthreads", "1",
                        "--nworkers", "1", "--no-nanny", "--no-dashboard",
                        "--host", "127.0.0.1")
        processes.append(worker)
        return worker

    try:
        start_worker()
        from dask.distributed import Client
        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        yield address, start_worker
    finally:
        for process in processes:
            process.kill()
            process.wait()


def test_a_killed_worker_loses_nothing(cluster, tmp_path):
    from dask.distributed import Client
    address, start_worker = cluster
    course = Course(tmp_path / "course", NAME)
    solution = answer_sources(course.solution)
    wrong = first_of_each(answers.WRONG)
    course.submit("slow", with_answers(course.release,
                                       {**solution, "sigmoid": SLOW + solution["sigmoid"]}))
    course.submit("solution-1", course.solution)
    course.submit("solution-2", course.solution)
    course.submit("wrong", with_answers(course.release, {**solution, **wrong}))
    course.submit("untouched", course.release)
    run = subprocess.Popen([sys.executable, "-m", "helpers.grading.autograde", NAME,
                            "--scheduler", address, "--no-progress", "--cell-timeout", "60"],
                           cwd=course.folder, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    killed = survivor = None
    with Client(address, timeout=60) as client:
        deadline = time.monotonic() + 300
        while killed is None and time.monotonic() < deadline and run.poll() is None:
            for worker, keys in client.processing().items():
                if any("-slow-" in str(key) for key in keys):
                    time.sleep(3)  # well into the submission, which takes longer
                    killed = client.run(os.getpid, workers=[worker])[worker]
                    os.kill(killed, signal.SIGKILL)
                    # Only now: no other worker can have copied what the dead one held.
                    survivor = start_worker().pid
                    break
            time.sleep(0.2)
    out, err = run.communicate(timeout=600)
    assert killed is not None, "the slow submission was never seen running: " + out
    assert run.returncode == 0, out + err[-3000:]
    ledger = [json.loads(line) for line in
              (course.folder / ".autograde" / f"{NAME}.jsonl").read_text().splitlines()]
    students = sorted(entry["student"] for entry in ledger)
    assert students == ["slow", "solution-1", "solution-2", "untouched", "wrong"]
    slow = next(entry for entry in ledger if entry["student"] == "slow")
    # It finished on the new worker (had the kill come after it finished, this fails).
    assert slow["worker"].endswith(f":{survivor}"), (slow, killed)
    assert "graded: 5" in out and "failed: 0" in out, out
    full = course.max_scores()
    scores = course.scores()
    assert scores["slow"] == scores["solution-1"] == scores["solution-2"] == full
    assert sum(scores["untouched"].values()) == 0
    assert scores["wrong"] == {cell: 0 if cell.removesuffix("_tests") in wrong else points
                               for cell, points in full.items()}
