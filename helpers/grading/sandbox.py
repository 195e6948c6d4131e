"""Each autograded submission's kernel in a bubblewrap (`bwrap`) sandbox.

The guard reads a submission before it runs; the sandbox limits what it can do when it
does run, whatever the guard missed. `SandboxedKernelManager` starts the kernel as
`bwrap <options> -- prlimit --data=<limit> -- <the kernel's usual command>`, so the
kernel sees:

- its own folder (nbgrader's copy in `autograded/<student>/<assignment>/`, the kernel's
  working directory), the only place it may write besides a small private /tmp;
- read-only: the Python it runs on, the system's libraries, the course's `helpers/` and
  `data/` folders and the file MNIST_PATH names;
- fresh /proc and /dev, and a private folder (writable) for the sockets it talks to the
  grader on.

It does not see the gradebook, `solutions/`, `submitted/`, the other students' folders or
the grader's home; it has no network (an empty network namespace: the grader talks to it
through ZMQ's `ipc` transport, Unix sockets in that private folder), no capabilities, and
its writable private memory is limited (RLIMIT_DATA, `memory_limit`): a submission that
asks for 50 GB gets a MemoryError, or its kernel dies alone, and the others are graded.
`death_reason(km)` says why a kernel died.

Where bwrap cannot run (macOS; a container without namespaces) grading goes on unisolated
with a warning, or stops with an error when `require_sandbox` is True. Only autograding
uses it (GuardedExecute, see nbgrader_config.py); `nbgrader validate` runs nbgrader's own
Execute, unsandboxed.

Introduced with the grading-trust work; used when autograding every notebook.
"""
import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer, List, Unicode

# The project the kernel imports `helpers` from (it is installed editable from there).
PROJECT = Path(__file__).resolve().parents[2]
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
# What a Python kernel needs of /etc: the dynamic loader's cache, time zone, user names,
# fontconfig (matplotlib runs fc-list). Not the rest (/etc/shadow, keys, credentials).
ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "passwd", "group",
       "nsswitch.conf", "alternatives", "fonts")
PASS_ENV = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONPATH",
            "PYTHONHASHSEED", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED",
            "PYDEVD_DISABLE_FILE_VALIDATION", "VIRTUAL_ENV", "KERAS_BACKEND",
            "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
            "NUMEXPR_NUM_THREADS", "XLA_FLAGS",
            "OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES", "JAX_PLATFORMS", "MPLBACKEND", "MNIST_PATH")
PASS_ENV_PREFIXES = ("JPY_", "NBGRADER_")  # jupyter_client's and nbgrader's own
# Home, caches and IPython's profile in the private /tmp, never the grader's home.
SANDBOX_ENV = {"HOME": "/tmp", "TMPDIR": "/tmp", "IPYTHONDIR": "/tmp/.ipython",
               "MPLCONFIGDIR": "/tmp/.matplotlib"}
SHM_SIZE = 64 * 2**20


@functools.cache
def sandbox_available(bwrap="bwrap"):
    """(True, "") if `bwrap` can start a sandboxed process here, else (False, why).

    Runs `true` once in the sandbox a kernel gets; the answer is cached."""
    path, prlimit = shutil.which(bwrap), shutil.which("prlimit")
    if path is None:
        return False, f"{bwrap!r} is not installed (Debian: apt-get install bubblewrap)"
    if prlimit is None:
        return False, "prlimit (util-linux), which sets the memory limit, is not installed"
    with tempfile.TemporaryDirectory(prefix="sandbox-probe-") as folder:
        probe = bwrap_command(path, folder, folder, 2**30, 2**20) + ["true"]
        try:
            done = subprocess.run(probe, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as err:
            return False, f"{path} could not run: {err}"
    if done.returncode != 0:
        return False, (f"{path} cannot sandbox a process here (exit status "
                       f"{done.returncode}): {done.stderr.strip() or 'no message'}")
    return True, ""


def readable_paths(env):
    """The host paths a kernel may read: its Python, the course's helpers and data, and
    the MNIST file."""
    paths = {sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix,
             str(PROJECT / "helpers"), str(PROJECT / "data")}
    if env.get("MNIST_PATH") and os.path.isfile(env["MNIST_PATH"]):
        paths.add(os.path.realpath(env["MNIST_PATH"]))
    return sorted(p for p in paths if os.path.exists(p) and p not in SYSTEM)


def bwrap_command(bwrap, folder, private, memory_limit, tmp_size, readable=()):
    """The command that runs a command appended to it in the sandbox: `folder` read-write
    and the working directory, `private` (the sockets) read-write, `readable` read-only."""
    args = [bwrap, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
            "--proc", "/proc", "--dev", "/dev",
            "--size", str(SHM_SIZE), "--tmpfs", "/dev/shm",
            # Before the binds: a virtual environment may live under /tmp (CI's does).
            "--size", str(tmp_size), "--tmpfs", "/tmp"]
    for path in SYSTEM:
        if os.path.islink(path):  # merged /usr: /lib -> usr/lib
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for name in ETC:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    for path in readable:
        args += ["--ro-bind", path, path]
    args += ["--bind", private, private, "--bind", folder, folder,
             # The sandbox's own / and /dev, in memory, stay read-only.
             "--remount-ro", "/dev", "--remount-ro", "/",
             # In its PID namespace the kernel's parent is bwrap's PID 1: tell ipykernel,
             # or it takes that for its parent's death. --die-with-parent does that watch.
             "--setenv", "JPY_PARENT_PID", "1",
             "--chdir", folder, "--"]
    if memory_limit:
        args += [shutil.which("prlimit"), f"--data={memory_limit}", "--"]
    return args


def _overlap(a, b):
    """True if one of the two paths holds the other."""
    return os.path.commonpath([a, b]) in (a, b)


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in a bwrap sandbox (see the module docstring)."""

    bwrap = Unicode("bwrap", help="The bubblewrap executable.").tag(config=True)
    require_sandbox = Bool(
        False, help="Refuse to start a kernel where bwrap cannot sandbox it, instead of "
                    "starting it unisolated with a warning.").tag(config=True)
    memory_limit = Integer(
        4 * 2**30, help="Bytes of private writable memory (RLIMIT_DATA) a kernel may map; "
                        "0 for no limit. Notebook 08 (Keras on JAX) runs in 1 GiB, not in "
                        "0.75.",
    ).tag(config=True)
    tmp_size = Integer(256 * 2**20, help="Bytes the kernel's private /tmp (in memory) "
                                         "may hold.").tag(config=True)
    pass_env = List(Unicode(), list(PASS_ENV),
                    help="Environment variables the kernel gets from the grader, besides "
                         "JPY_* and NBGRADER_*.").tag(config=True)

    sandboxed = Bool(False, help="Set when a kernel starts in the sandbox.")
    _private = None

    async def _async_pre_start_kernel(self, **kw):
        ok, why = sandbox_available(self.bwrap)
        if not ok:
            if self.require_sandbox:
                raise RuntimeError(f"cannot sandbox the grading kernel: {why} "
                                   "(SandboxedKernelManager.require_sandbox is True)")
            self.log.warning("submissions are NOT isolated: %s. Their code can read and "
                             "write whatever the grader can, the gradebook included.", why)
            return await super()._async_pre_start_kernel(**kw)
        if not kw.get("cwd"):
            # Else the kernel would get the grader's folder, read-write.
            raise RuntimeError("a sandboxed kernel needs its submission's folder as cwd")
        if self._private is None:
            # Sockets and connection file in a folder of this kernel's own: the sandbox
            # has no network.
            self._private = tempfile.mkdtemp(prefix="nbgrader-kernel-")
            self.transport, self.ip = "ipc", os.path.join(self._private, "kernel")
            self.connection_file = os.path.join(self._private, "kernel.json")
        # A SIGINT to bwrap's process group kills bwrap, and the kernel with it: ask the
        # kernel to interrupt itself.
        self.kernel_spec.interrupt_mode = "message"
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        folder = os.path.realpath(kw["cwd"])
        env = kw.get("env") or dict(os.environ)
        readable = readable_paths(env)
        clash = [p for p in readable if _overlap(p, folder)]
        if clash:
            raise RuntimeError(f"cannot sandbox a kernel in {folder}: its folder and "
                               f"{clash[0]}, which it may only read, overlap")
        kw["env"] = {k: v for k, v in env.items()
                     if k in self.pass_env or k.startswith(PASS_ENV_PREFIXES)}
        kw["env"].update(SANDBOX_ENV)
        if "MNIST_PATH" in kw["env"]:
            kw["env"]["MNIST_PATH"] = os.path.realpath(kw["env"]["MNIST_PATH"])
        self.sandboxed = True
        self.log.info("Kernel sandboxed by bwrap in %s (memory limit: %s)", folder,
                      f"{self.memory_limit / 2**30:g} GiB" if self.memory_limit else "none")
        prefix = bwrap_command(shutil.which(self.bwrap), folder, self._private,
                               self.memory_limit, self.tmp_size, readable)
        return prefix + cmd, kw

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if self._private and not restart:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None


def death_reason(km):
    """Why the kernel of `km` (which has died) died, in a few words, or None when it is
    alive or that is unknown. Call it before the kernel manager is cleaned up."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    status = process.poll() if process is not None else None
    if status is None:
        return None
    if status < 0:  # the process that jupyter_client started (bwrap) was killed
        number = -status
    elif status > 128 and getattr(km, "sandboxed", False):
        number = status - 128  # bwrap reports a kernel killed by signal N as 128 + N
    else:
        return f"it exited with status {status}"
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    if number == signal.SIGKILL:
        # Answers cannot send signals (the guard keeps them from os); Linux's
        # out-of-memory killer sends SIGKILL.
        return f"out of memory (the kernel was killed with {name})"
    if number == signal.SIGABRT:
        return (f"probably out of memory: it aborted ({name}), as native code such as "
                "XLA does when the memory limit refuses an allocation")
    if number == signal.SIGSEGV:
        return f"it crashed ({name}, an invalid memory access)"
    return f"it was killed by {name}"
