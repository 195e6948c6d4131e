"""Project-wide pytest set-up (tests/ and the solution notebooks that nbval runs)."""
import re

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
