"""helpers.grading.build: the course's light cell tags become nbgrader metadata; cell ids
and notebook metadata stay put from build to build and through JupyterLab's open and save;
a notebook that cannot be built does not stop the others.

The last tests run the real build (nbgrader, kernels) in a scratch course, and a real
jupyter server with the python3 kernel, with Jupyter's own folders in a temporary home.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jupytext
import nbformat
import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

from helpers.grading.build import KERNELSPEC, language_info, to_nbgrader

ROOT = Path(__file__).resolve().parents[1]
BUILT = sorted(ROOT.glob("notebooks/*/*.ipynb")) + sorted(ROOT.glob("solutions/*/*.ipynb"))

SOURCE = '''# %% [markdown]
# # Title

# %%
import numpy as np

# %% tags=["answer"] grade_id="sigmoid"
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
# %% tags=["tests", "slow"] grade_id="sigmoid_tests" points=2
assert sigmoid(0) == 0.5

# %% tags=["nbval-check-output"]
print(1)
'''


def _nbgrader(**changes):
    return {"grade": False, "locked": True, "schema_version": 3, "solution": False, **changes}


@pytest.fixture
def built():
    nb = jupytext.reads(SOURCE, fmt="py:percent")
    assert {"grade_id", "points", "lines_to_next_cell"} <= \
        {key for cell in nb.cells for key in cell.metadata}, "the source lost its custom keys"
    return to_nbgrader(nb)


def test_cells_get_nbgrader_metadata(built):
    assert [cell.metadata["nbgrader"] for cell in built.cells] == [
        _nbgrader(grade_id="cell-000"),
        _nbgrader(grade_id="cell-001"),
        _nbgrader(grade_id="sigmoid", locked=False, solution=True),
        _nbgrader(grade_id="sigmoid_tests", grade=True, points=2),
        _nbgrader(grade_id="cell-004"),
    ]


def test_course_keys_go_and_other_tags_stay(built):
    assert [dict(cell.metadata, nbgrader=None) for cell in built.cells] == [
        {"nbgrader": None},
        {"nbgrader": None},
        {"nbgrader": None},
        {"nbgrader": None, "tags": ["slow"]},
        {"nbgrader": None, "tags": ["nbval-check-output"]},
    ]


def test_notebook_metadata_is_what_jupyterlab_writes(built):
    assert dict(built.metadata) == {"kernelspec": KERNELSPEC, "language_info": language_info()}
    nbformat.validate(built)


# --- Stable cell ids ---------------------------------------------------------------------

def _ids(source):
    return [cell.id for cell in to_nbgrader(jupytext.reads(source, fmt="py:percent")).cells]


def test_graded_cells_are_named_by_grade_id_and_the_others_by_content(built):
    ids = [cell.id for cell in built.cells]
    assert ids[2:4] == ["sigmoid", "sigmoid_tests"]
    assert all(re.fullmatch(r"[0-9a-f]{12}", i) for i in ids[:2] + ids[4:]), ids
    assert len(set(ids)) == len(ids)


def test_cell_ids_are_the_same_from_build_to_build():
    assert _ids(SOURCE) == _ids(SOURCE)


def test_changing_a_cell_changes_only_its_id():
    before = _ids(SOURCE)
    after = _ids(SOURCE.replace("import numpy as np", "import numpy as np  # arrays"))
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [1]
    # a graded cell keeps its name whatever its code
    assert _ids(SOURCE.replace("return 1 /", "return 1.0 /")) == before


def test_inserting_a_cell_changes_no_other_id():
    before = _ids(SOURCE)
    after = _ids(SOURCE.replace("# %%\nimport numpy", "# %%\nx = 2\n\n# %%\nimport numpy"))
    assert after[:1] + after[2:] == before


def test_repeated_cells_get_distinct_ids():
    ids = _ids("# %%\nprint(1)\n\n# %%\nprint(1)\n\n# %% [markdown]\n# print(1)\n")
    assert ids[1] == f"{ids[0]}-2" and len(set(ids)) == 3


# --- What JupyterLab does on opening a notebook ------------------------------------------
# Lab stores the kernel's kernelspec and the language_info of its kernel_info reply in the
# notebook (NotebookPanel._updateSpec and _updateLanguage), and marks the notebook changed
# unless they are equal to what is there (YNotebook.setMetadata compares them); saving
# sends the notebook to the server, which writes it with nbformat.


@pytest.fixture(scope="module")
def jupyter_home(tmp_path_factory):
    """Jupyter's data, runtime and config folders in a temporary home, so that the
    tests neither read the user's Jupyter settings nor write into their folders."""
    home = tmp_path_factory.mktemp("jupyter")
    return {"JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(home / "run"),
            "JUPYTER_CONFIG_DIR": str(home / "config")}


@pytest.fixture(scope="module")
def kernel_reply(jupyter_home, monkeypatch_module):
    """The python3 kernel's kernel_info reply, from a real kernel."""
    for key, value in jupyter_home.items():
        monkeypatch_module.setenv(key, value)
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel()
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=60)
        return client.kernel_info(reply=True, timeout=60)["content"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_build_writes_what_the_kernel_reports(kernel_reply):
    assert language_info() == kernel_reply["language_info"]
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert KERNELSPEC == {"name": "python3", "display_name": spec.display_name,
                          "language": spec.language}


@pytest.fixture(scope="module")
def jupyter_server(jupyter_home, tmp_path_factory):
    """A real jupyter server on 127.0.0.1 serving a scratch folder; yields (folder, call)
    where call(method, path, body) talks to its REST API."""
    folder = tmp_path_factory.mktemp("served")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root",
         f"--port={port}", "--IdentityProvider.token=test", f"--ServerApp.root_dir={folder}"],
        env={**os.environ, **jupyter_home}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)

    def call(method, path, body=None):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": "token test", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                call("GET", "/status")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("jupyter server did not start") from None
                time.sleep(0.2)
        yield folder, call
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("path", BUILT, ids=lambda p: str(p.relative_to(ROOT)))
def test_opening_and_saving_in_jupyterlab_changes_nothing(path, jupyter_server,
                                                          kernel_reply, monkeypatch):
    # The proxy a machine may have must not see the local server.
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    folder, call = jupyter_server
    shutil.copy(path, folder / path.name)
    before = (folder / path.name).read_bytes()
    content = call("GET", f"/contents/{path.name}?type=notebook&content=1")["content"]
    spec = call("GET", "/kernelspecs")["kernelspecs"]["python3"]["spec"]
    opened = json.loads(json.dumps(content))
    opened["metadata"]["kernelspec"] = {"name": "python3", "display_name": spec["display_name"],
                                        "language": spec["language"]}
    opened["metadata"]["language_info"] = kernel_reply["language_info"]
    assert opened == content, \
        f"{path.relative_to(ROOT)} was not built for this Python and ipykernel: JupyterLab " \
        "would change its metadata on opening it. Run `python -m helpers.grading.build`"
    call("PUT", f"/contents/{path.name}", {"type": "notebook", "format": "json",
                                            "content": opened})
    assert (folder / path.name).read_bytes() == before, "saving it would rewrite the file"


@pytest.mark.parametrize("header,named", [
    ('tags=["tests"] grade_id="sigmoid_tests"', "'sigmoid_tests'"),
    ('tags=["tests"]', "'cell-001'"),
])
def test_tests_cell_without_points_is_refused(header, named):
    nb = jupytext.reads(f"# %%\nx = 1\n\n# %% {header}\nassert x\n", fmt="py:percent")
    with pytest.raises(ValueError, match=f"test cell {named} has no points="):
        to_nbgrader(nb)


# --- The build itself, in a scratch course --------------------------------------------

NEEDS_MNIST = '''# %%
from helpers.mnist import load_mnist

# %%
load_mnist()
'''


def _course(folder, sources):
    """A scratch course in `folder`: the course's nbgrader configuration and a
    solutions/NAME/NAME.py for each {NAME: text}."""
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    for name, text in sources.items():
        (folder / "solutions" / name).mkdir(parents=True)
        (folder / "solutions" / name / f"{name}.py").write_text(text)
    return folder


def _build(course, *args, **env):
    return subprocess.run([sys.executable, "-m", "helpers.grading.build", "--root",
                           str(course), *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=600)


def _built(course, folder):
    """{path: bytes} of the notebooks the build wrote into notebooks/ or solutions/."""
    return {str(p.relative_to(course)): p.read_bytes()
            for p in sorted((course / folder).glob("*/*.ipynb"))}


def test_a_rebuild_changes_only_what_the_sources_change(tmp_path):
    course = _course(tmp_path, {"01_tiny": SOURCE})
    done = _build(course, "--no-execute")
    assert done.returncode == 0, done.stderr
    release = _built(course, "notebooks")
    solution = None
    for _ in range(2):
        done = _build(course)
        assert done.returncode == 0, done.stderr
        assert _built(course, "notebooks") == release, "running the solution changed the release"
        assert solution in (None, _built(course, "solutions")), "two builds of one source differ"
        solution = _built(course, "solutions")
    ran = nbformat.reads(solution["solutions/01_tiny/01_tiny.ipynb"].decode(), 4)
    assert any(cell.get("outputs") for cell in ran.cells), "the solution was not run"

    def ids(folder):
        path = course / folder / "01_tiny" / "01_tiny.ipynb"
        return [cell.id for cell in nbformat.read(path, 4).cells]

    before = {folder: ids(folder) for folder in ("notebooks", "solutions")}
    text = course / "solutions" / "01_tiny" / "01_tiny.py"
    text.write_text(SOURCE.replace("print(1)", "print(2)"))
    done = _build(course)
    assert done.returncode == 0, done.stderr
    for folder, old in before.items():
        new = ids(folder)
        assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [4], folder


def test_a_notebook_that_cannot_be_built_does_not_stop_the_others(tmp_path):
    course = _course(tmp_path, {"01_needs_mnist": NEEDS_MNIST, "02_tiny": SOURCE})
    absent = tmp_path / "absent.npz"
    done = _build(course, MNIST_PATH=str(absent))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[build] built: 02_tiny\n" in done.stdout
    summary = done.stderr[done.stderr.index("[build] NOT built (1)"):]
    assert summary.startswith(f"[build] NOT built (1), their previous versions are unchanged:\n"
                              f"  01_needs_mnist: cell 1 (cell-001) raised MnistUnavailable: "
                              f"MNIST: the environment variable MNIST_PATH is '{absent}'"), summary
    assert "data/cache/mnist.npz" in summary, "the reason says where to put the file"
    assert (course / "notebooks" / "02_tiny" / "02_tiny.ipynb").is_file()
    assert not (course / "notebooks" / "01_needs_mnist").exists()
    assert not (course / "solutions" / "01_needs_mnist" / "01_needs_mnist.ipynb").exists()
