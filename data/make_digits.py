"""Write data/digits.npz: the handwritten digits that notebooks 01 and 04 train on.

The images come from scikit-learn's bundled copy of the UCI "Optical Recognition of
Handwritten Digits" set (1797 images of 8x8 pixels, each pixel a count 0..16). This
script is the only place in the course that uses scikit-learn; the notebooks and
`helpers` read the .npz it writes.

Usage, from the project's root:

    pip install scikit-learn
    python data/make_digits.py

The output is byte-for-byte the same on every run and machine: the zip archive is
written by hand with fixed entry dates, because np.savez_compressed stamps each entry
with the current time. The script prints the file's sha256; it must equal
DIGITS_SHA256 in helpers/data.py (update that constant if the data ever change on
purpose).
"""
import hashlib
import io
import zipfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "digits.npz"
# The earliest date a zip entry can hold; any fixed date would do.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def load_from_sklearn():
    """Return (images uint8 (1797, 8, 8), labels uint8 (1797,)) from scikit-learn."""
    try:
        from sklearn.datasets import load_digits
    except ImportError as err:
        raise SystemExit(
            "this script needs scikit-learn: pip install scikit-learn"
        ) from err
    bunch = load_digits()
    images, labels = bunch.images, bunch.target
    # The pixels are whole counts 0..16 stored as float64: check before narrowing.
    if images.shape != (1797, 8, 8) or labels.shape != (1797,):
        raise SystemExit(f"unexpected shapes {images.shape}, {labels.shape}")
    if not np.array_equal(images, np.round(images)) or images.min() < 0 or images.max() > 16:
        raise SystemExit("unexpected pixel values: expected whole numbers 0..16")
    if labels.min() < 0 or labels.max() > 9:
        raise SystemExit("unexpected labels: expected 0..9")
    return images.astype(np.uint8), labels.astype(np.uint8)


def npy_bytes(array):
    """The .npy serialisation of `array` (what np.save would write)."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def write_npz(path, **arrays):
    """Write an .npz that np.load reads, with fixed dates so the bytes never vary."""
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # rw-r--r--, not whatever the umask says
            archive.writestr(info, npy_bytes(arrays[name]), compresslevel=9)


def main():
    images, labels = load_from_sklearn()
    write_npz(OUT, images=images, labels=labels)
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
    print(f"label counts 0..9: {np.bincount(labels, minlength=10).tolist()}")
    print(f"sha256 {digest}")


if __name__ == "__main__":
    main()
