"""Project-wide pytest set-up (tests/ and the solution notebooks that nbval runs): the
scheduling of pytest-xdist, the pinned numerics, and the tests that need MNIST."""
import functools
import os
import re
from pathlib import Path

import pytest

from helpers.grading.reproducible import pin

# Before anything imports numpy: the xdist workers and the notebooks' kernels inherit it.
pin()

# A test's parameter that names a whole notebook: "[08_keras_mnist]".
NOTEBOOK_PARAM = re.compile(r"\[(\d\d_[a-z0-9_]+)\]$")


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's loadscope (pyproject.toml: --dist loadscope) sends each test module,
    and each notebook's cells, to one worker, in order: nbval runs a notebook's cells in
    one kernel, and a module's tests may share a module-scoped fixture. A module whose
    fixture runs once per notebook (one nbgrader run each: tests/test_pipeline.py,
    tests/test_validate.py) is split by notebook, so two notebooks' runs can go side by
    side."""
    from xdist.scheduler import LoadScopeScheduling

    class ByNotebook(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            scope = super()._split_scope(nodeid)
            notebook = NOTEBOOK_PARAM.search(nodeid)
            return f"{scope}[{notebook.group(1)}]" if notebook else scope

    return ByNotebook(config, log)


# --- MNIST ---------------------------------------------------------------------------
# MNIST is not shipped: a fresh clone offline has none. The tests that need it then skip,
# each with the loader's message saying where to put the file, and the rest still run.
# CI has a copy (.ci/run points MNIST_PATH at it) and sets COURSE_REQUIRE_MNIST=1, which
# turns those skips into failures, so that CI cannot lose the tests silently. A copy
# that is not MNIST (MnistInvalid) is an error either way: it needs replacing.

REQUIRE_MNIST = "COURSE_REQUIRE_MNIST"
ROOT = Path(__file__).resolve().parent
# The notebooks that load MNIST: all their tests need it (their nbval cells, and the
# tests parametrized by them, which run them in nbclient, validate or autograde, or
# run their set-up cells).
MNIST_NOTEBOOKS = {p.parent.name for p in ROOT.glob("solutions/*/*.py")
                   if p.stem == p.parent.name and "load_mnist(" in p.read_text()}
# Tests that need MNIST by neither rule: they run a script that loads it.
NEEDS_MNIST = {"tests/test_benchmarks.py::test_numpy_vs_keras_reports_times_accuracies_and_memory"}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "needs_mnist: needs the real MNIST; skipped without it, failed without "
                   f"it when {REQUIRE_MNIST}=1")


def _needs_mnist(item):
    """Whether `item` needs the real MNIST: it is marked so or listed in NEEDS_MNIST, it
    is a test of a notebook that loads MNIST, or its function calls load_mnist itself."""
    from helpers.mnist import load_mnist

    if item.get_closest_marker("needs_mnist") or item.nodeid in NEEDS_MNIST:
        return True
    if any(Path(item.path).is_relative_to(ROOT / "solutions" / name)
           for name in MNIST_NOTEBOOKS):
        return True
    callspec = getattr(item, "callspec", None)
    for value in callspec.params.values() if callspec else ():
        name = getattr(value, "NAME", value)  # a notebook's name, or its answers module
        if isinstance(name, str) and name in MNIST_NOTEBOOKS:
            return True
    function = getattr(item, "function", None)
    return (function is not None and "load_mnist" in function.__code__.co_names
            and function.__globals__.get("load_mnist") is load_mnist)


@functools.cache
def _why_no_mnist():
    """None when MNIST can be loaded (load_mnist may download it, once, into the data
    cache, where the notebooks' kernels then find it), else the loader's reason."""
    from helpers.mnist import MnistUnavailable, load_mnist

    try:
        load_mnist()
    except MnistUnavailable as error:
        return str(error)
    return None


# Here, not in tests/conftest.py, so that nbval's cells of the solution notebooks
# (`pytest solutions/08_keras_mnist`) are gated too.
@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Skip (or, with COURSE_REQUIRE_MNIST=1, fail) a test that needs MNIST when there is
    none, before nbval starts a kernel or a fixture builds a course."""
    if not _needs_mnist(item):
        return
    why = _why_no_mnist()
    if why is None:
        return
    if os.environ.get(REQUIRE_MNIST) == "1":
        pytest.fail(f"{REQUIRE_MNIST}=1, and this test needs MNIST: {why}", pytrace=False)
    pytest.skip(f"needs MNIST: {why}")
