"""How long the test suite takes, per notebook, and what it would take with eight.

Runs the README's test command (`pytest`, on every core) once, with a JUnit report, and
prints the wall time, each notebook's share of the test time (its nbgrader pipeline,
Validate, nbval run, checks and answers), the share no notebook owns, and a projection
for the course's eight notebooks: the same shared part plus eight times the average
notebook, scaled by the wall time this run measured.

    python benchmarks/ci_time.py               # runs the suite (about as long as CI)
    python benchmarks/ci_time.py report.xml    # reads a JUnit report of an earlier run

CI must stay under 20 minutes today and 40 with all eight notebooks (issue 9).
"""
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = 8
# A test belongs to notebook NN when its file, class or id names it: nbNN, NN_topic, or a
# parameter id such as [01-sigmoid-...], [01] or [01_logistic_regression].
NOTEBOOK = re.compile(r"nb(0[1-9])\b|[\[\-](0[1-9])(?=[\]\-_])|[/.](0[1-9])_[a-z]")


def notebook_of(name):
    found = NOTEBOOK.search(name)
    return next(g for g in found.groups() if g) if found else None


def durations(report):
    """{notebook or None: seconds} summed over the report's test cases."""
    totals = defaultdict(float)
    for case in ET.parse(report).getroot().iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        totals[notebook_of(name)] += float(case.get("time", 0))
    return totals


def main(argv):
    if argv:
        report, wall = Path(argv[0]), None
    else:
        report = Path(tempfile.mkdtemp()) / "report.xml"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "-q", f"--junitxml={report}"],
                       cwd=ROOT, check=False)
        wall = time.perf_counter() - start
    totals = durations(report)
    shared = totals.pop(None, 0.0)
    busy = shared + sum(totals.values())
    print(f"{'part':<12}{'test time':>12}")
    for notebook in sorted(totals):
        print(f"{'notebook ' + notebook:<12}{totals[notebook] / 60:>10.1f} m")
    print(f"{'shared':<12}{shared / 60:>10.1f} m")
    per_notebook = sum(totals.values()) / max(len(totals), 1)
    projected = shared + NOTEBOOKS * per_notebook
    print(f"test time now {busy / 60:.1f} m; with {NOTEBOOKS} notebooks {projected / 60:.1f} m "
          f"(x {projected / busy:.2f})")
    if wall is not None:
        print(f"wall time now {wall / 60:.1f} m; projected with {NOTEBOOKS} notebooks "
              f"{wall * projected / busy / 60:.1f} m (targets: 20 m now, 40 m with eight)")


if __name__ == "__main__":
    main(sys.argv[1:])
