"""The sandbox every autograded kernel runs in (helpers.grading.sandbox), with real
bubblewrap and real kernels: a kernel started in a submission's folder of a course writes
there and nowhere else, sees neither the gradebook nor solutions/ nor the other students'
folders nor the grader's home or environment, has no network, fails alone when it asks for
50 GB, can be interrupted, and still runs numpy, the course's helpers and Keras; through
`nbgrader autograde`, a solution scores full marks from inside the sandbox. Skipped, with
the reason, where bwrap cannot sandbox a process; what happens there is tested too.
"""
import ast
import asyncio
import logging
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import numpy
import pytest
from jupyter_client import BlockingKernelClient

from course import Course, answer_sources, with_answers
from helpers.grading.sandbox import (PROJECT, SandboxedKernelManager, bwrap_command,
                                     death_reason, readable_paths, sandbox_available)

AVAILABLE, WHY = sandbox_available()
needs_bwrap = pytest.mark.skipif(not AVAILABLE, reason=f"no sandbox here: {WHY}")
SECRET = "SANDBOX_TEST_SECRET"  # set in the grader's environment, never the kernel's


class Kernel:
    """A kernel of SandboxedKernelManager's started in `folder`, and a client for it."""

    def __init__(self, folder, **traits):
        self.loop = asyncio.new_event_loop()  # the manager is async, as nbgrader's is
        self.km = SandboxedKernelManager(kernel_name="python3", **traits)
        self.loop.run_until_complete(self.km.start_kernel(cwd=str(folder)))
        self.kc = BlockingKernelClient()
        self.kc.load_connection_info(self.km.get_connection_info())
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=180)  # a loaded 2-core machine can take over a minute
        self.stderr = ""

    def run(self, code, timeout=120):
        """What `code` prints, then "ErrorName: message" if it raises."""
        out = []

        def hook(msg):
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "stream":
                self.stderr += msg["content"]["text"]

        # stop_on_error=False: else ipykernel may abort a request that follows an error
        # too closely, sandbox or not.
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook,
                                            stop_on_error=False)["content"]
        if reply["status"] == "error":
            out.append(f"{reply['ename']}: {reply['evalue']}")
        return "".join(out).strip()

    def reply_to(self, msg_id, timeout=10):
        """The shell reply to request `msg_id`. Replies to other requests are skipped: on a
        loaded machine `wait_for_ready` may ask for kernel_info twice and read one answer."""
        deadline = time.monotonic() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def alive(self):
        return self.loop.run_until_complete(self.km.is_alive())

    def dies_of(self, code, seconds=60):
        """Run `code`, which kills the kernel, and return death_reason once it is dead."""
        self.kc.execute(code)
        deadline = time.monotonic() + seconds
        while self.alive():
            assert time.monotonic() < deadline, f"the kernel survived {code!r}"
            time.sleep(0.1)
        return death_reason(self.km)

    def close(self):
        self.kc.stop_channels()
        if self.alive():
            self.loop.run_until_complete(self.km.shutdown_kernel(now=True))
        self.loop.run_until_complete(self.km.cleanup_resources())
        self.loop.close()


def make_course(folder):
    """A course folder: a gradebook, solutions/, a submitted and an autograded folder
    for bob, and alice's autograded folder, the one the kernels run in."""
    folder = Path(folder)
    (folder / "gradebook.db").write_text("GRADES")
    for sub in ("solutions/01", "submitted/bob/01", "autograded/bob/01",
                "autograded/alice/01"):
        (folder / sub).mkdir(parents=True)
    (folder / "solutions" / "01" / "01.ipynb").write_text("SOLUTION")
    (folder / "submitted" / "bob" / "01" / "01.ipynb").write_text("BOB")
    (folder / "autograded" / "bob" / "01" / "01.ipynb").write_text("BOB")
    return folder


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def kernel(course):
    os.environ[SECRET] = "grader only"
    try:
        kernel = Kernel(course / "autograded" / "alice" / "01")
    finally:
        del os.environ[SECRET]
    yield kernel
    kernel.close()


@pytest.fixture(scope="module")
def writer(course):
    """A second kernel in alice's folder for the attempts to write elsewhere: the course is
    under /tmp, where such a write may land in the sandbox's own /tmp, which `kernel`
    would then see."""
    kernel = Kernel(course / "autograded" / "alice" / "01")
    yield kernel
    kernel.close()


def _attempt(expression):
    """Code that prints what `expression` gives, or the error it raises."""
    return (f"try:\n    print(repr({expression}))\n"
            "except Exception as error:\n    print(type(error).__name__, error)")


# -- what the kernel sees and may do ------------------------------------------------------
@needs_bwrap
def test_the_kernel_writes_in_its_own_folder(kernel, course):
    assert kernel.km.sandboxed
    assert kernel.run("print(open('answer.txt', 'w').write('42'))") == "2"
    assert (course / "autograded" / "alice" / "01" / "answer.txt").read_text() == "42"


@needs_bwrap
def test_the_gradebook_can_be_neither_read_nor_overwritten(kernel, writer, course):
    for path in ("../../../gradebook.db", str(course / "gradebook.db")):
        assert kernel.run(_attempt(f"open({path!r}, 'rb').read()")).startswith(
            "FileNotFoundError")
        assert kernel.run("import numpy as np\n" + _attempt(f"np.fromfile({path!r})")) \
            .startswith("FileNotFoundError")
        writer.run(_attempt(f"open({path!r}, 'w').write('0')"))
    assert (course / "gradebook.db").read_text() == "GRADES"


@needs_bwrap
def test_solutions_and_the_other_students_are_invisible(kernel, course):
    for folder in ("solutions", "submitted", "autograded/bob/01"):
        listing = kernel.run(
            _attempt(f"__import__('os').listdir({str(course / folder)!r})"))
        assert listing.startswith("FileNotFoundError"), (folder, listing)
    assert kernel.run(
        f"print(__import__('os').listdir({str(course)!r}))") == "['autograded']"
    assert kernel.run(
        f"print(__import__('os').listdir({str(course / 'autograded')!r}))") == "['alice']"


@needs_bwrap
def test_writes_outside_its_folder_fail(writer, course, tmp_path_factory):
    for path in (PROJECT / "helpers" / "evil.py", Path(sys.prefix) / "evil.pth",
                 Path(numpy.__file__).parent / "evil.pth"):
        assert "Read-only file system" in writer.run(
            _attempt(f"open({str(path)!r}, 'w').write('x')")), path
        assert not path.exists()
    # Folders under /tmp (this course, say) may take a write in the sandbox's own /tmp.
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    for path in (PROJECT / "evil.txt", course / "evil.txt",
                 course / "autograded" / "bob" / "01" / "evil.txt", elsewhere / "evil.txt"):
        writer.run(_attempt(f"open({str(path)!r}, 'w').write('x')"))
        assert not path.exists(), f"a write outside its folder reached the host: {path}"


@needs_bwrap
def test_the_kernel_has_no_network(kernel):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        port = server.getsockname()[1]
        outcome = kernel.run(
            _attempt(f"__import__('socket').create_connection(('127.0.0.1', {port}), 5)"))
        assert outcome.startswith("ConnectionRefusedError"), outcome
        with pytest.raises(socket.timeout):
            server.accept()


@needs_bwrap
def test_the_graders_home_and_environment_stay_outside(kernel):
    home = os.path.expanduser("~")
    assert kernel.run(f"import os\nprint(os.environ.get({SECRET!r}), os.environ['HOME'])") \
        == "None /tmp"
    assert kernel.run("print(os.environ['KERAS_BACKEND'], os.environ['OMP_NUM_THREADS'])") \
        == f"{os.environ['KERAS_BACKEND']} {os.environ['OMP_NUM_THREADS']}"
    # Of the grader's home, only the way to a Python installed under it is there.
    needed = {Path(p).relative_to(home).parts[0] for p in readable_paths(os.environ)
              if p.startswith(home + os.sep)}
    listing = kernel.run(_attempt(f"sorted(os.listdir({home!r}))"))
    assert listing.startswith("FileNotFoundError") or set(ast.literal_eval(listing)) <= needed, listing
    assert kernel.run(_attempt("open('/etc/shadow').read()")).startswith(
        "FileNotFoundError")


@needs_bwrap
def test_numpy_the_helpers_and_keras_work_inside(course):
    kernel = Kernel(course / "autograded" / "alice" / "01")
    try:
        assert kernel.run("import numpy as np\nimport helpers.grading.nb01\nimport keras\n"
                          "print(np.ones(3).sum(), keras.backend.backend())") == "3.0 jax"
        assert kernel.run("import matplotlib.pyplot as plt\nplt.plot([1, 2])\n"
                          "print(float(keras.ops.sum(keras.ops.ones(3))))") == "3.0"
        # nbgrader gives 0 to a test cell that writes to stderr.
        assert kernel.stderr == ""
    finally:
        kernel.close()


@needs_bwrap
def test_an_interrupt_reaches_the_kernel_and_it_goes_on(course):
    kernel = Kernel(course / "autograded" / "alice" / "01")
    try:
        msg_id = kernel.kc.execute("while True:\n    pass", stop_on_error=False)
        time.sleep(1)
        kernel.loop.run_until_complete(kernel.km.interrupt_kernel())
        reply = kernel.reply_to(msg_id, timeout=10)
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        assert kernel.run("print('still here')") == "still here"
    finally:
        kernel.close()


# -- memory -----------------------------------------------------------------------------
@needs_bwrap
def test_asking_for_50_gb_fails_alone(course):
    greedy = Kernel(course / "autograded" / "alice" / "01")
    other = Kernel(course / "autograded" / "bob" / "01")
    try:
        assert greedy.run("import numpy as np\nnp.ones(50 * 2**30 // 8)").startswith(
            "MemoryError")
        assert greedy.run("bytearray(50 * 2**30)").startswith("MemoryError")
        assert greedy.run("print(np.ones(10).sum())") == "10.0"
        assert other.run("print(sum(range(10)))") == "45"
    finally:
        greedy.close()
        other.close()


@needs_bwrap
def test_the_memory_limit_refuses_what_the_machine_would_give(course):
    """2 GB, which this machine gives an unsandboxed kernel, over a 1 GB limit."""
    kernel = Kernel(course / "autograded" / "alice" / "01", memory_limit=2**30)
    try:
        assert kernel.run("import numpy as np\na = np.ones(2 * 2**30 // 8)").startswith(
            "MemoryError")
        assert kernel.run("print(np.ones(2**20).sum())") == "1048576.0"
    finally:
        kernel.close()


@needs_bwrap
def test_death_reason_says_why_a_kernel_died(course):
    folder = course / "autograded" / "alice" / "01"
    for code, expected in [
            ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", "out of memory"),
            ("import os\nos.abort()", "probably out of memory"),
            ("import numpy as np\nnp.lib.stride_tricks.as_strided(np.zeros(1), "
             "shape=(10**8,), strides=(8 * 10**6,)).sum()", "crashed (SIGSEGV"),
            ("import os\nos._exit(3)", "exited with status 3")]:
        kernel = Kernel(folder)
        try:
            assert death_reason(kernel.km) is None
            assert expected in kernel.dies_of(code)
        finally:
            kernel.close()


# -- the sandbox itself -----------------------------------------------------------------
@needs_bwrap
def test_a_readable_folder_under_tmp_is_visible_read_only(tmp_path):
    """A virtual environment under /tmp (CI makes one there) survives the private /tmp."""
    readable, own = tmp_path / "venv", tmp_path / "own"
    readable.mkdir()
    own.mkdir()
    (readable / "lib.py").write_text("library")
    command = bwrap_command("bwrap", str(own), str(own), 2**30, 2**20, [str(readable)])
    shown = subprocess.run(command + ["cat", str(readable / "lib.py")],
                           capture_output=True, text=True)
    assert shown.stdout == "library", shown.stderr
    written = subprocess.run(command + ["sh", "-c", f"echo x > {readable / 'lib.py'}"],
                             capture_output=True, text=True)
    assert written.returncode != 0 and "Read-only" in written.stderr
    assert (readable / "lib.py").read_text() == "library"


@needs_bwrap
def test_a_kernel_without_a_folder_is_refused():
    """Else it would run in the grader's folder, read-write."""
    km = SandboxedKernelManager(kernel_name="python3")
    with pytest.raises(RuntimeError, match="needs its submission's folder"):
        asyncio.run(km.start_kernel())


def test_sandbox_available_says_why_not():
    assert sandbox_available("/no/such/bwrap") == (
        False, "'/no/such/bwrap' is not installed (Debian: apt-get install bubblewrap)")
    assert AVAILABLE == (WHY == "")


def test_without_bwrap_a_kernel_runs_unisolated_with_a_warning_or_not_at_all(tmp_path,
                                                                              caplog):
    course = make_course(tmp_path)
    log = logging.getLogger("test_sandbox")
    with caplog.at_level(logging.WARNING, logger="test_sandbox"):
        kernel = Kernel(course / "autograded" / "alice" / "01", bwrap="/no/such/bwrap",
                        log=log)
    try:
        assert "submissions are NOT isolated: '/no/such/bwrap' is not installed" \
            in caplog.text
        assert not kernel.km.sandboxed
        assert kernel.run("print(open('../../../gradebook.db').read())") == "GRADES"
    finally:
        kernel.close()
    km = SandboxedKernelManager(kernel_name="python3", bwrap="/no/such/bwrap",
                                require_sandbox=True)
    with pytest.raises(RuntimeError, match="require_sandbox is True"):
        asyncio.run(km.start_kernel(cwd=str(course)))


# -- through nbgrader autograde -----------------------------------------------------------
PROBE = """try:
    print("pid 1:", open("/proc/1/cmdline").read().split("\\0")[0])
    open("../../../gradebook.db", "rb")
    print("gradebook: readable")
except OSError as refusal:
    print("gradebook:", refusal.strerror)
"""


@needs_bwrap
def test_autograde_grades_each_submission_in_the_sandbox(tmp_path):
    """Real nbgrader on notebook 01: solutions score full marks from the sandbox, and one
    with a cell added to look around finds PID 1 to be bwrap and no gradebook. The guard
    keeps `open` from a student's cells; extra_names lets it through here, so what is
    tested is the sandbox."""
    name = "01_logistic_regression"
    course = Course(tmp_path, name)
    solved = with_answers(course.release, answer_sources(course.solution))
    course.submit("solution", solved)
    solved.cells.append(nbformat.v4.new_code_cell(PROBE))
    course.submit("prober", solved)
    run = course.autograde("--GuardedExecute.extra_names=open",
                           "--GuardedExecute.extra_names=OSError")
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Kernel sandboxed by bwrap" in run.stderr and "NOT isolated" not in run.stderr
    scores = course.scores()
    assert scores["solution"] == scores["prober"] == course.max_scores()
    printed = "".join(o.get("text", "")
                      for o in course.autograded("prober").cells[-1].outputs)
    assert re.search(r"^pid 1: \S*/bwrap$", printed, re.M), printed
    assert "gradebook: No such file or directory" in printed
