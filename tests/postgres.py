"""A real PostgreSQL server for the tests, on loopback only: `postgres_url`.

Debian's `postgresql` package (`apt-get install postgresql`; `.ci/run` installs it). The
server runs as the `postgres` user when the tests run as root (PostgreSQL refuses root),
from a fresh data folder, on a free port of 127.0.0.1, and is stopped afterwards. Where
there is no server, or it cannot start, the tests that need it are skipped with the
reason.
"""
import glob
import os
import shutil
import socket
import subprocess
import tempfile

import pytest


def _binaries():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(os.path.realpath(initdb)) if initdb else None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    bindir = _binaries()
    if bindir is None:
        pytest.skip("no PostgreSQL server here (Debian: apt-get install postgresql)")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = tempfile.mkdtemp(prefix="course-pg-")
    if as_user:
        shutil.chown(folder, "postgres", "postgres")
    data, port = os.path.join(folder, "data"), _free_port()

    def run(*command):
        return subprocess.run(as_user + [os.path.join(bindir, command[0]), *command[1:]],
                              capture_output=True, text=True, timeout=120)

    def log_tail():
        path = os.path.join(folder, "server.log")
        return open(path).read()[-1500:] if os.path.exists(path) else ""

    steps = [("initdb", "-D", data, "-U", "grader", "-A", "trust", "--no-sync"),
             ("pg_ctl", "-D", data, "-l", os.path.join(folder, "server.log"), "-w", "-o",
              f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off", "start"),
             ("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "grader", "gradebook")]
    for step in steps:
        done = run(*step)
        if done.returncode != 0:
            run("pg_ctl", "-D", data, "-m", "immediate", "stop")
            shutil.rmtree(folder, ignore_errors=True)
            pytest.skip(f"PostgreSQL could not start ({step[0]}: {done.stderr.strip()}) "
                        f"{log_tail()}")
    try:
        yield f"postgresql://grader@127.0.0.1:{port}/gradebook"
    finally:
        run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
