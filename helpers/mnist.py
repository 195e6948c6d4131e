"""MNIST, loaded the way Keras gives it, from a local copy or a one-time download.

One loader serves every notebook and test: `load_mnist()`. It looks for the file in
this order and uses the first place that applies:

1. the `path` argument, when given;
2. the file named by the environment variable MNIST_PATH, when it is set (CI points it
   at its offline copy). A relative MNIST_PATH is tried from the current folder, then
   from the course folder (the one holding `helpers/`): the folder it was set in is
   unknown, and a notebook's kernel runs in the notebook's own folder;
3. the project's cache, data/cache/mnist.npz;
4. otherwise, when `download` is true, it downloads Keras's mnist.npz (11 MB) into
   data/cache/ and uses it from then on. It never writes into Keras's own cache
   (~/.keras), whose copy Keras deletes when the bytes differ from its own.

Whatever the source, the arrays are checked before they are returned: the four keys,
their shapes and dtypes, labels 0..9 with MNIST's exact number of images per digit, and
a sha256 of the arrays' contents (ARRAYS_SHA256, see `arrays_sha256`). The check is on
the arrays and not on the file's bytes because two .npz files can hold identical arrays
in differently compressed zip containers.
"""
import hashlib
import http.client
import os
import tempfile
import urllib.request
import zipfile
import zlib
from pathlib import Path

import numpy as np

from .messages import CourseMessage

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / "data" / "cache"
FILE_NAME = "mnist.npz"
ENV_VAR = "MNIST_PATH"
# The file that keras.datasets.mnist.load_data() downloads.
URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
DOWNLOAD_TIMEOUT = 60  # seconds without progress before a download is given up

KEYS = ("x_train", "y_train", "x_test", "y_test")
IMAGE_SHAPE = (28, 28)
# Images per digit 0..9 in each split; they add up to 60,000 and 10,000.
TRAIN_COUNTS = (5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949)
TEST_COUNTS = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)
# arrays_sha256() of the real MNIST arrays (the same for Keras's file and for any copy
# holding the same arrays, however it is compressed).
ARRAYS_SHA256 = "06b0d1f124c4e5fa796686ade41a9b778edacc8622f2195a352ef479ad44fc16"


def arrays_sha256(arrays):
    """The sha256 of the arrays' contents: the raw bytes of x_train, y_train, x_test and
    y_test, in that order, each in C (row-major) order, with nothing in between.

    Shapes and dtypes are not part of the digest; `load_mnist` checks them separately,
    before the digest. The same value can be computed without helpers:

        with np.load("mnist.npz") as f:
            h = hashlib.sha256()
            for key in ("x_train", "y_train", "x_test", "y_test"):
                h.update(np.ascontiguousarray(f[key]).tobytes())
            print(h.hexdigest())
    """
    digest = hashlib.sha256()
    for key in KEYS:
        digest.update(np.ascontiguousarray(arrays[key]))
    return digest.hexdigest()


def _where_to_get_it():
    """The guidance every "not found" message ends with."""
    return (
        f"Put a copy of MNIST at {CACHE_DIR / FILE_NAME}, or set the environment variable "
        f"{ENV_VAR} to the file's path. The file is Keras's mnist.npz: download it from "
        f"{URL} on a machine with internet access (or run load_mnist() there, which "
        f"saves it in {CACHE_DIR})."
    )


def _problems(arrays):
    """What is wrong with a dict of arrays as MNIST, as a list of sentences (empty when
    it is the real MNIST)."""
    missing = [key for key in KEYS if key not in arrays]
    extra = sorted(set(arrays) - set(KEYS))
    if missing or extra:
        found = ", ".join(sorted(arrays)) or "nothing"
        return [f"it must hold exactly the arrays {', '.join(KEYS)}; it holds {found}"]
    problems = []
    for split, counts in (("train", TRAIN_COUNTS), ("test", TEST_COUNTS)):
        n = sum(counts)
        for key, shape in ((f"x_{split}", (n, *IMAGE_SHAPE)), (f"y_{split}", (n,))):
            a = arrays[key]
            if a.dtype != np.uint8:
                problems.append(f"{key} has dtype {a.dtype}, expected uint8")
            if a.shape != shape:
                problems.append(f"{key} has shape {a.shape}, expected {shape}")
    if problems:
        return problems
    for split, counts in (("train", TRAIN_COUNTS), ("test", TEST_COUNTS)):
        y = arrays[f"y_{split}"]
        if y.max() > 9:
            problems.append(f"y_{split} holds labels up to {y.max()}, expected digits 0..9")
            continue
        found = np.bincount(y, minlength=10)
        wrong = [f"digit {d}: {got} (expected {want})"
                 for d, (got, want) in enumerate(zip(found, counts)) if got != want]
        if wrong:
            problems.append(f"y_{split} does not have MNIST's images per digit: "
                            + "; ".join(wrong))
    if problems:
        return problems
    digest = arrays_sha256(arrays)
    if digest != ARRAYS_SHA256:
        problems.append(
            "its arrays have the right shapes and label counts but different contents "
            f"(arrays sha256 {digest}, expected {ARRAYS_SHA256})"
        )
    return problems


class MnistUnavailable(CourseMessage, FileNotFoundError):
    """No copy of MNIST here and none could be downloaded; the message says where to put
    one. In a notebook it shows as that message alone."""


class MnistInvalid(CourseMessage, ValueError):
    """A file that should hold MNIST does not; the message names it and what is wrong."""


def _read_checked(path, source):
    """The arrays of the .npz file at `path`, checked; `source` says in messages where
    the file is or came from. Raises ValueError naming every problem found."""
    try:
        archive = np.load(path, allow_pickle=False)
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise ValueError("it holds a single array, not an .npz archive of arrays")
        with archive:
            arrays = {key: archive[key] for key in archive.files}
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise MnistInvalid(
            f"{source} is not a readable MNIST .npz file (truncated, corrupted or not "
            f"an .npz archive): {error}. Replace it with a fresh copy: "
            + _where_to_get_it()
        ) from error
    problems = _problems(arrays)
    if problems:
        raise MnistInvalid(
            f"{source} is not MNIST as Keras gives it: " + "; ".join(problems)
            + ". Replace it with a fresh copy: " + _where_to_get_it()
        )
    return arrays


def _download(target):
    """Download URL to `target`, checked; returns its arrays. The data go to a
    temporary file beside `target` that is renamed only once the arrays pass, so an
    interrupted or corrupted download never leaves a file at `target`. Raises
    FileNotFoundError when the download fails and ValueError when what arrives is not
    MNIST."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{FILE_NAME}.", suffix=".part",
                                         dir=target.parent)
    temporary = Path(temporary)
    try:
        print(f"Downloading MNIST (11 MB) from {URL} to {target} ...", flush=True)
        try:
            with os.fdopen(handle, "wb") as out, \
                    urllib.request.urlopen(URL, timeout=DOWNLOAD_TIMEOUT) as response:
                while chunk := response.read(1 << 20):
                    out.write(chunk)
        # URLError, HTTPError, timeouts and refused connections are OSErrors; a
        # connection cut mid-transfer is an HTTPException.
        except (OSError, http.client.HTTPException) as error:
            raise MnistUnavailable(
                f"MNIST was not found locally and downloading it from {URL} failed "
                f"({error}). " + _where_to_get_it()
            ) from error
        arrays = _read_checked(temporary, f"The file downloaded from {URL}")
        temporary.chmod(0o644)  # mkstemp makes it readable by its owner only
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    print("Downloaded and checked MNIST.", flush=True)
    return arrays


def _env_candidates(named):
    """The absolute paths MNIST_PATH may mean, most likely first. Who set it and in which
    folder is unknown: a relative path is taken from the current folder (a script run
    where the variable was set), then from the course folder (a notebook, whose kernel
    runs in the notebook's folder, of a course started from its own folder)."""
    path = Path(named).expanduser()
    if path.is_absolute():
        return [path]
    candidates = [Path(os.path.abspath(Path.cwd() / path)), Path(os.path.abspath(ROOT / path))]
    return candidates[:1] if candidates[0] == candidates[1] else candidates


def _locate(path, download):
    """(arrays, where they came from), following the search order of load_mnist."""
    if path is not None:
        path = Path(path).expanduser()
        if not path.is_file():
            raise MnistUnavailable(f"MNIST: no file at {path} (the path argument). "
                                   + _where_to_get_it())
        return _read_checked(path, f"{path} (the path argument)")
    named = os.environ.get(ENV_VAR)
    if named:
        candidates = _env_candidates(named)
        found = next((candidate for candidate in candidates if candidate.is_file()), None)
        if found is None:
            tried = " nor ".join(str(candidate) for candidate in candidates)
            raise MnistUnavailable(
                f"MNIST: the environment variable {ENV_VAR} is {named!r}, and there is no "
                f"file at {tried}. Correct or unset {ENV_VAR} (an absolute path is "
                "safest). " + _where_to_get_it()
            )
        return _read_checked(found, f"{found} (named by {ENV_VAR})")
    cached = CACHE_DIR / FILE_NAME
    if cached.is_file():
        return _read_checked(cached, f"{cached} (the project's data cache)")
    if not download:
        raise MnistUnavailable(
            "MNIST was not found locally and download=False. " + _where_to_get_it()
        )
    return _download(cached)


def load_mnist(scale=False, flatten=False, path=None, download=True):
    """MNIST's 70,000 handwritten digits, split as Keras splits them.

    Returns ((x_train, y_train), (x_test, y_test)) with examples as ROWS, as in
    keras.datasets.mnist.load_data():
      x_train (60000, 28, 28) and x_test (10000, 28, 28): uint8 pixels 0..255;
      with flatten=True, (60000, 784) and (10000, 784), each image's rows one after
      the other; with scale=True, float32 pixels divided by 255, in [0, 1];
      y_train (60000,) and y_test (10000,): uint8 digits 0..9, whatever the options.

    The file comes from `path` if given, else from the file named by the environment
    variable MNIST_PATH (a relative one from the current folder, else from the course
    folder), else from data/cache/mnist.npz, else (download=True) it is downloaded from
    Keras's address into data/cache/ once. A `path` or MNIST_PATH that names no file is
    an error, not a reason to look further.

    Raises FileNotFoundError (saying where to put the file and where to get it) when
    there is no copy and none can be downloaded, and ValueError (naming the file and
    what is wrong with it) when a file does not hold the real MNIST arrays.
    Introduced in notebook 08.
    """
    arrays = _locate(path, download)
    x_train, y_train = arrays["x_train"], arrays["y_train"]
    x_test, y_test = arrays["x_test"], arrays["y_test"]
    if flatten:
        x_train = x_train.reshape(len(x_train), -1)
        x_test = x_test.reshape(len(x_test), -1)
    if scale:
        # In float32 from the start: a float64 intermediate would need 376 MB for
        # x_train alone.
        x_train = x_train.astype(np.float32)
        x_train /= 255
        x_test = x_test.astype(np.float32)
        x_test /= 255
    return (x_train, y_train), (x_test, y_test)
