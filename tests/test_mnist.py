"""Tests of helpers.mnist: the real data as the notebooks get it, where the loader looks,
what it refuses, and its download, all without the internet.

The real file is needed only by the tests that use the `real` fixtures: CI points
MNIST_PATH at its offline copy; on a developer's machine the shared copy beside the
project is used; without either, those tests are skipped (failed where
COURSE_REQUIRE_MNIST=1, as in CI) and the rest still run. The
search-order and corrupted-file tests use a tiny stand-in for MNIST (20 + 10 images)
by shrinking the module's expected counts and digest for the length of a test.

No test reaches the internet or the developer's caches: every test runs with an empty
temporary data cache, MNIST_PATH unset, HOME and KERAS_HOME in a temporary folder, and
the download address pointing at a closed local port, unless it says otherwise.
"""
import functools
import hashlib
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import tracemalloc
import urllib.request
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers import mnist

ROOT = Path(__file__).resolve().parents[1]
SHARED_COPY = ROOT.parent / "shared" / "data" / "mnist.npz"
# Read at import, before any test's monkeypatching: the copy CI names.
ENV_COPY = os.environ.get("MNIST_PATH")
KERAS_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
# The module's own settings, before any test patches them.
DEFAULT_CACHE_DIR, DEFAULT_URL = mnist.CACHE_DIR, mnist.URL

# MNIST's images per digit 0..9, as published with the data (see ../shared/data/README.md).
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def _real_copy():
    for candidate in (ENV_COPY, SHARED_COPY):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def real_path():
    """The real mnist.npz: MNIST_PATH's, else the shared copy beside the project."""
    path = _real_copy()
    if path is None and os.environ.get("COURSE_REQUIRE_MNIST") == "1":
        pytest.fail(f"COURSE_REQUIRE_MNIST=1, and the real MNIST file is not available: set "
                    f"MNIST_PATH to a copy of Keras's mnist.npz or put one at {SHARED_COPY}")
    if path is None:
        pytest.skip("the real MNIST file is not available: set MNIST_PATH to a copy of "
                    f"Keras's mnist.npz (CI does) or put one at {SHARED_COPY}")
    return path


@pytest.fixture(scope="session")
def real(real_path):
    """The real arrays, loaded once for the whole session (55 MB). Session fixtures are
    set up outside `isolated`, hence download=False."""
    (x_train, y_train), (x_test, y_test) = mnist.load_mnist(path=real_path, download=False)
    return {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


def _closed_port_url():
    """An http address on 127.0.0.1 where nothing listens: connecting is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/mnist.npz"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """An empty data cache, no MNIST_PATH, a throw-away home and an unreachable URL."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(mnist, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(mnist, "URL", _closed_port_url())
    monkeypatch.delenv("MNIST_PATH", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("KERAS_HOME", str(home / ".keras"))
    # A proxy configured on the machine must not intercept the local test addresses.
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return home


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if the loader tries to download anything."""
    def refuse(*args, **kwargs):
        raise AssertionError("load_mnist tried to download although it should not")
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def _as_dict(loaded):
    (x_train, y_train), (x_test, y_test) = loaded
    return {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


def _assert_same(got, want):
    assert got.keys() == want.keys()
    for key in want:
        assert got[key].dtype == want[key].dtype, key
        # np.array_equal: assert_array_equal takes seconds on MNIST's 47 million pixels
        assert np.array_equal(got[key], want[key]), f"{key} differs"


# --- A tiny stand-in for MNIST: the same layout, 20 training and 10 test images --------

TINY_TRAIN_COUNTS = (3, 2, 2, 2, 2, 2, 2, 2, 2, 1)
TINY_TEST_COUNTS = (1,) * 10


def _tiny_arrays():
    rng = np.random.default_rng(0)
    return {
        "x_train": rng.integers(0, 256, (20, 28, 28), dtype=np.uint8),
        "y_train": rng.permutation(np.repeat(np.arange(10), TINY_TRAIN_COUNTS)).astype(np.uint8),
        "x_test": rng.integers(0, 256, (10, 28, 28), dtype=np.uint8),
        "y_test": rng.permutation(np.arange(10)).astype(np.uint8),
    }


@pytest.fixture
def tiny(monkeypatch):
    """Arrays laid out like MNIST but tiny; the module accepts them (and only them) as
    MNIST for the length of the test."""
    arrays = _tiny_arrays()
    monkeypatch.setattr(mnist, "TRAIN_COUNTS", TINY_TRAIN_COUNTS)
    monkeypatch.setattr(mnist, "TEST_COUNTS", TINY_TEST_COUNTS)
    monkeypatch.setattr(mnist, "ARRAYS_SHA256", mnist.arrays_sha256(arrays))
    return arrays


def _write(path, arrays):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:  # a file object: np.savez would append .npz to a name
        np.savez_compressed(f, **arrays)
    return path


def _garbage(path):
    """A file that the loader would refuse, so that reading it fails the test."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not MNIST")
    return path


# --- The real data ---------------------------------------------------------------------

def test_real_data_as_keras_gives_it(real):
    assert real["x_train"].shape == (60000, 28, 28)
    assert real["x_test"].shape == (10000, 28, 28)
    assert real["y_train"].shape == (60000,)
    assert real["y_test"].shape == (10000,)
    for key, a in real.items():
        assert a.dtype == np.uint8, key
    assert real["x_train"].max() == 255 and real["x_train"].min() == 0
    assert np.bincount(real["y_train"], minlength=10).tolist() == TRAIN_COUNTS
    assert np.bincount(real["y_test"], minlength=10).tolist() == TEST_COUNTS


def test_arrays_sha256_follows_the_documented_recipe(real):
    digest = hashlib.sha256()
    for key in ("x_train", "y_train", "x_test", "y_test"):
        digest.update(np.ascontiguousarray(real[key]).tobytes())
    assert digest.hexdigest() == mnist.ARRAYS_SHA256 == mnist.arrays_sha256(real)


def test_flatten_gives_one_row_per_image(real_path, real):
    (x_train, y_train), (x_test, y_test) = mnist.load_mnist(flatten=True, path=real_path,
                                                            download=False)
    assert x_train.shape == (60000, 784) and x_test.shape == (10000, 784)
    assert x_train.dtype == x_test.dtype == np.uint8
    np.testing.assert_array_equal(x_train[7], real["x_train"][7].ravel())
    np.testing.assert_array_equal(x_test, real["x_test"].reshape(10000, 784))
    np.testing.assert_array_equal(y_train, real["y_train"])
    np.testing.assert_array_equal(y_test, real["y_test"])


def test_scale_divides_by_255_in_float32(real_path, real):
    tracemalloc.start()
    try:
        (x_train, y_train), (x_test, y_test) = mnist.load_mnist(scale=True, path=real_path,
                                                                download=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert x_train.dtype == x_test.dtype == np.float32
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    # Each of the 256 grey levels, divided by 255 in float32 (np.array_equal rather than
    # assert_array_equal: the latter takes seconds on 47 million pixels).
    levels = np.arange(256, dtype=np.float32) / np.float32(255)
    assert np.array_equal(x_train, levels[real["x_train"]])
    assert np.array_equal(x_test, levels[real["x_test"]])
    assert x_train.min() == 0.0 and x_train.max() == 1.0
    assert y_train.dtype == y_test.dtype == np.uint8, "labels must stay uint8 when scaled"
    np.testing.assert_array_equal(y_train, real["y_train"])
    # A float64 intermediate for x_train alone would need 60000 * 784 * 8 bytes.
    assert peak < 60000 * 784 * 8, f"scaling used {peak / 1e6:.0f} MB: a float64 detour?"


def test_scale_and_flatten_together(real_path):
    (x_train, y_train), (x_test, _) = mnist.load_mnist(scale=True, flatten=True,
                                                       path=real_path, download=False)
    assert x_train.shape == (60000, 784) and x_test.shape == (10000, 784)
    assert x_train.dtype == np.float32 and y_train.dtype == np.uint8
    assert 0.0 <= x_train.min() and x_train.max() == 1.0


def test_mnist_path_is_read_without_arguments(real_path, real, monkeypatch, no_network):
    monkeypatch.setenv("MNIST_PATH", str(real_path))
    _assert_same(_as_dict(mnist.load_mnist(download=False)), real)


def test_truncated_real_file_is_refused(real_path, tmp_path):
    cut = tmp_path / "cut.npz"
    data = real_path.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="truncated") as info:
        mnist.load_mnist(path=cut)
    assert str(cut) in str(info.value)


def test_defaults_point_at_the_project_and_keras():
    assert DEFAULT_CACHE_DIR == ROOT / "data" / "cache"
    assert DEFAULT_URL == KERAS_URL
    assert "data/cache/" in (ROOT / ".gitignore").read_text().split(), \
        "the download cache must be git-ignored"


# --- Where it looks: path > MNIST_PATH > data cache > download ------------------------

@pytest.mark.parametrize("as_type", [str, Path])
def test_path_comes_first(tiny, tmp_path, monkeypatch, no_network, as_type):
    given = _write(tmp_path / "given.npz", tiny)
    monkeypatch.setenv("MNIST_PATH", str(_garbage(tmp_path / "env.npz")))
    _garbage(mnist.CACHE_DIR / "mnist.npz")
    _assert_same(_as_dict(mnist.load_mnist(path=as_type(given))), tiny)


def test_mnist_path_comes_before_the_cache(tiny, tmp_path, monkeypatch, no_network):
    monkeypatch.setenv("MNIST_PATH", str(_write(tmp_path / "env.npz", tiny)))
    _garbage(mnist.CACHE_DIR / "mnist.npz")
    _assert_same(_as_dict(mnist.load_mnist()), tiny)


def test_cache_is_used_without_downloading(tiny, no_network):
    _write(mnist.CACHE_DIR / "mnist.npz", tiny)
    _assert_same(_as_dict(mnist.load_mnist()), tiny)


def test_a_missing_path_is_an_error_not_a_fallback(tiny, tmp_path, no_network):
    _write(mnist.CACHE_DIR / "mnist.npz", tiny)
    missing = tmp_path / "typo.npz"
    with pytest.raises(FileNotFoundError) as info:
        mnist.load_mnist(path=missing)
    assert str(missing) in str(info.value)


def test_a_missing_mnist_path_is_an_error_not_a_fallback(tiny, tmp_path, monkeypatch,
                                                         no_network):
    _write(mnist.CACHE_DIR / "mnist.npz", tiny)
    missing = tmp_path / "typo.npz"
    monkeypatch.setenv("MNIST_PATH", str(missing))
    with pytest.raises(FileNotFoundError, match="MNIST_PATH") as info:
        mnist.load_mnist()
    assert str(missing) in str(info.value)


@pytest.fixture
def course_and_notebook(tmp_path, monkeypatch):
    """A course folder (the loader's ROOT) and a notebook folder inside it, which is
    the current folder, as for a notebook's kernel."""
    course = tmp_path / "course"
    notebook = course / "notebooks" / "08_keras_mnist"
    notebook.mkdir(parents=True)
    monkeypatch.setattr(mnist, "ROOT", course)
    monkeypatch.chdir(notebook)
    return course, notebook


def test_a_relative_mnist_path_is_read_from_the_current_folder(tiny, course_and_notebook,
                                                               monkeypatch, no_network):
    course, notebook = course_and_notebook
    _write(notebook / "copies" / "mnist.npz", tiny)
    _garbage(course / "copies" / "mnist.npz")  # the current folder comes first
    monkeypatch.setenv("MNIST_PATH", "copies/mnist.npz")
    _assert_same(_as_dict(mnist.load_mnist()), tiny)


def test_a_relative_mnist_path_is_read_from_the_course_folder(tiny, course_and_notebook,
                                                              monkeypatch, no_network):
    # Set in the shell in the course folder, read by a kernel in the notebook's folder.
    course, _ = course_and_notebook
    _write(course / "copies" / "mnist.npz", tiny)
    monkeypatch.setenv("MNIST_PATH", "copies/mnist.npz")
    _assert_same(_as_dict(mnist.load_mnist()), tiny)


def test_a_relative_mnist_path_that_names_no_file_says_where_it_looked(
        tiny, course_and_notebook, monkeypatch, no_network):
    course, notebook = course_and_notebook
    _write(mnist.CACHE_DIR / "mnist.npz", tiny)  # not a fallback
    monkeypatch.setenv("MNIST_PATH", "copies/mnist.npz")
    with pytest.raises(mnist.MnistUnavailable, match="MNIST_PATH is 'copies/mnist.npz'") \
            as info:
        mnist.load_mnist()
    text = str(info.value)
    assert str(notebook / "copies" / "mnist.npz") in text
    assert str(course / "copies" / "mnist.npz") in text
    assert str(mnist.CACHE_DIR / "mnist.npz") in text, "where else the file may go"


def test_the_tiny_arrays_are_scaled_and_flattened_like_the_real_ones(tiny, tmp_path):
    given = _write(tmp_path / "given.npz", tiny)
    (x_train, y_train), (x_test, y_test) = mnist.load_mnist(True, True, path=given)
    assert x_train.shape == (20, 784) and x_test.shape == (10, 784)
    assert x_train.dtype == np.float32 and y_train.dtype == y_test.dtype == np.uint8
    np.testing.assert_array_equal(x_test, tiny["x_test"].reshape(10, 784) / np.float32(255))


# --- What it refuses -------------------------------------------------------------------

def _changed(arrays, key, value):
    changed = dict(arrays)
    if value is None:
        del changed[key]
    else:
        changed[key] = value
    return changed


def _relabelled(y):
    y = y.copy()
    y[y == 9] = 8  # one 9 becomes an 8: the shapes stay right, the counts do not
    return y


def _one_pixel_changed(x):
    x = x.copy()
    x[0, 14, 14] ^= 0xFF
    return x


CORRUPTIONS = {
    "images of the wrong shape": (
        lambda a: _changed(a, "x_train", a["x_train"][:, :, :27]), "x_train has shape"),
    "too few labels": (
        lambda a: _changed(a, "y_test", a["y_test"][:-1]), "y_test has shape"),
    "float images": (
        lambda a: _changed(a, "x_test", a["x_test"].astype(np.float32)),
        "x_test has dtype float32, expected uint8"),
    "int64 labels": (
        lambda a: _changed(a, "y_train", a["y_train"].astype(np.int64)),
        "y_train has dtype int64, expected uint8"),
    "a label that is no digit": (
        lambda a: _changed(a, "y_test", np.where(a["y_test"] == 3, 10, a["y_test"])
                           .astype(np.uint8)), "labels up to 10"),
    "wrong images per digit": (
        lambda a: _changed(a, "y_train", _relabelled(a["y_train"])),
        r"images per digit: digit 8: 3 \(expected 2\); digit 9: 0 \(expected 1\)"),
    "a missing array": (
        lambda a: _changed(a, "y_test", None), "must hold exactly the arrays"),
    "an extra array": (
        lambda a: _changed(a, "x_valid", a["x_test"]), "it holds x_test, x_train, x_valid"),
    "one pixel changed": (
        lambda a: _changed(a, "x_train", _one_pixel_changed(a["x_train"])),
        "different contents"),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_wrong_arrays_are_refused_by_name(tiny, tmp_path, corruption):
    corrupt, message = CORRUPTIONS[corruption]
    bad = _write(tmp_path / "bad.npz", corrupt(tiny))
    with pytest.raises(ValueError, match=message) as info:
        mnist.load_mnist(path=bad)
    text = str(info.value)
    assert str(bad) in text, "the message must say which file is wrong"
    assert "MNIST_PATH" in text and mnist.URL in text, "the message must say how to fix it"


def test_a_corrupted_cache_is_refused_by_name(tiny, no_network):
    cached = _write(mnist.CACHE_DIR / "mnist.npz", _changed(tiny, "y_test", None))
    with pytest.raises(ValueError, match="data cache") as info:
        mnist.load_mnist()
    assert str(cached) in str(info.value)


def _truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])


def _not_npz(path):
    path.write_text("x_train,y_train\n")


def _single_array(path):
    with open(path, "wb") as f:
        np.save(f, np.zeros((3, 28, 28), np.uint8))


@pytest.mark.parametrize("damage, message", [
    (_truncated, "truncated"),
    (_not_npz, "not a readable MNIST .npz file"),
    (_single_array, "single array"),
])
def test_unreadable_files_are_refused_by_name(tiny, tmp_path, damage, message):
    bad = _write(tmp_path / "bad.npz", tiny)
    damage(bad)
    with pytest.raises(ValueError, match=message) as info:
        mnist.load_mnist(path=bad)
    assert str(bad) in str(info.value)


# --- Downloading, from a local server ---------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A web server on 127.0.0.1 serving the folder it returns; the loader's URL points
    at mnist.npz in that folder."""
    folder = tmp_path / "served"
    folder.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    monkeypatch.setattr(mnist, "URL", f"http://127.0.0.1:{httpd.server_address[1]}/mnist.npz")
    yield folder
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _assert_no_keras_cache(home):
    assert not (home / ".keras").exists(), "the loader wrote into the Keras cache"


def test_download_lands_in_the_data_cache(server, real_path, real, isolated, monkeypatch,
                                          capsys):
    shutil.copyfile(real_path, server / "mnist.npz")
    _assert_same(_as_dict(mnist.load_mnist()), real)
    assert "Downloading MNIST" in capsys.readouterr().out
    assert sorted(p.name for p in mnist.CACHE_DIR.iterdir()) == ["mnist.npz"]
    assert (mnist.CACHE_DIR / "mnist.npz").read_bytes() == real_path.read_bytes()
    _assert_no_keras_cache(isolated)
    # From now on the cached copy is used, with the server gone.
    monkeypatch.setattr(mnist, "URL", _closed_port_url())
    (x_train, _), _ = mnist.load_mnist(flatten=True)
    assert x_train.shape == (60000, 784)


@pytest.mark.parametrize("damage, message", [
    (None, "x_train has shape"),  # a valid .npz holding the wrong arrays
    (_truncated, "truncated"),
])
def test_a_corrupted_download_is_refused_and_not_kept(server, isolated, damage, message):
    # The module expects the real MNIST here: the tiny stand-in is not it.
    served = _write(server / "mnist.npz", _tiny_arrays())
    if damage:
        damage(served)
    with pytest.raises(ValueError, match=message) as info:
        mnist.load_mnist()
    assert "downloaded from " + mnist.URL in str(info.value)
    assert list(mnist.CACHE_DIR.iterdir()) == [], "a refused download must leave nothing"
    _assert_no_keras_cache(isolated)


def test_a_missing_download_gives_the_guidance(server, isolated):
    with pytest.raises(FileNotFoundError, match="404") as info:
        mnist.load_mnist()
    assert "MNIST_PATH" in str(info.value)
    assert list(mnist.CACHE_DIR.iterdir()) == []
    _assert_no_keras_cache(isolated)


def test_offline_without_a_copy_says_where_to_put_it(isolated):
    with pytest.raises(FileNotFoundError) as info:
        mnist.load_mnist()
    text = str(info.value)
    assert str(mnist.CACHE_DIR / "mnist.npz") in text, "where to put the file"
    assert "MNIST_PATH" in text, "the other place it may be"
    assert mnist.URL in text, "where to get it"
    assert "failed" in text, "that a download was tried"
    assert list(mnist.CACHE_DIR.iterdir()) == []
    _assert_no_keras_cache(isolated)


def test_download_false_without_a_copy_does_not_try(no_network):
    with pytest.raises(FileNotFoundError, match="download=False") as info:
        mnist.load_mnist(download=False)
    text = str(info.value)
    assert str(mnist.CACHE_DIR / "mnist.npz") in text and "MNIST_PATH" in text
    assert mnist.URL in text
    assert not mnist.CACHE_DIR.exists(), "nothing is created without a download"


# --- The other tests that need MNIST (conftest.py) ----------------------------------------

NEED_MNIST = [  # one of each kind the conftest recognises
    "solutions/08_keras_mnist/08_keras_mnist.ipynb",  # nbval's cells of notebook 08
    "tests/test_notebooks.py::test_release_runs_with_only_unanswered_exercises_failing"
    "[08_keras_mnist]",  # a test parametrized by notebook 08
    "tests/test_grading_nb08.py::test_hidden_literals_agree_with_the_reference_implementations",
    "tests/test_benchmarks.py::test_numpy_vs_keras_reports_times_accuracies_and_memory",
]
NEEDS_NOTHING = "tests/test_notebooks.py::test_every_solution_has_a_release"


def _pytest_without_mnist(tmp_path, require, tests=(*NEED_MNIST, NEEDS_NOTHING)):
    """pytest on `tests` (NEED_MNIST and NEEDS_NOTHING), in one process, with MNIST_PATH
    naming a file that does not exist (the loader then fails as it does without any
    copy), and COURSE_REQUIRE_MNIST=1 if `require`."""
    env = {**os.environ, "MNIST_PATH": str(tmp_path / "absent.npz")}
    env.pop("COURSE_REQUIRE_MNIST", None)
    if require:
        env["COURSE_REQUIRE_MNIST"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-n0", "-p", "no:cacheprovider", "-rsE", "-q",
         *tests], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600)


def _count(outcome, output):
    found = re.search(rf"(\d+) {outcome}", output.splitlines()[-1])
    return int(found[1]) if found else 0


def _nbval_cells():
    solution = ROOT / "solutions" / "08_keras_mnist" / "08_keras_mnist.ipynb"
    return sum(cell.cell_type == "code" for cell in nbformat.read(solution, 4).cells)


def test_without_mnist_the_tests_that_need_it_skip_saying_where_to_put_it(tmp_path):
    done = _pytest_without_mnist(tmp_path, require=False)
    assert done.returncode == 0, done.stdout[-3000:]
    reasons = re.findall(r"^SKIPPED \[(\d+)\] [^:]+:\d+: (.*)$", done.stdout, re.M)
    assert sum(int(n) for n, _ in reasons) == _nbval_cells() + 3, done.stdout[-3000:]
    for _, reason in reasons:
        assert reason.startswith(f"needs MNIST: MNIST: the environment variable MNIST_PATH is "
                                 f"'{tmp_path / 'absent.npz'}'"), reason
        assert "data/cache/mnist.npz" in reason and DEFAULT_URL in reason
    assert _count("passed", done.stdout) == 1, "a test that needs no MNIST was skipped"


def test_where_mnist_is_required_the_tests_that_need_it_fail(tmp_path):
    done = _pytest_without_mnist(tmp_path, require=True)
    assert done.returncode == 1, done.stdout[-3000:]
    # failed in their set-up, before they start: pytest counts them as errors
    assert _count("errors", done.stdout) == _nbval_cells() + 3, done.stdout[-3000:]
    assert _count("passed", done.stdout) == 1 and _count("skipped", done.stdout) == 0
    assert "COURSE_REQUIRE_MNIST=1, and this test needs MNIST: MNIST: the environment " \
           "variable MNIST_PATH" in done.stdout


def test_the_solution_notebook_alone_skips_without_mnist(tmp_path):
    """`pytest solutions/08_keras_mnist`, without tests/ and its conftest, skips too."""
    done = _pytest_without_mnist(tmp_path, require=False,
                                 tests=["solutions/08_keras_mnist"])
    assert done.returncode == 0, done.stdout[-3000:]
    assert _count("skipped", done.stdout) == _nbval_cells(), done.stdout[-3000:]
    assert "needs MNIST: MNIST: the environment variable MNIST_PATH" in done.stdout
