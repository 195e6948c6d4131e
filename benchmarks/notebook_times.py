"""How long each solution notebook takes to run start to finish, against its budget.

    python benchmarks/notebook_times.py            # every notebook, 3 runs each
    python benchmarks/notebook_times.py 01_logistic_regression --runs 5

Autograding re-runs every submitted notebook, so this is also the cost of grading one
student. COURSE.md's budget is 30 s per notebook on a 2-core CPU (60 s for notebook 08).
The time includes starting the kernel, as nbgrader's does. Prints the median of the runs
and its ratio to the budget, and what a class of 300 would take on 2 to 16 cores at that
rate; exits 1 if any notebook is over budget.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BUDGET = {"08_keras_mnist": 60.0}
DEFAULT_BUDGET = 30.0
CLASS_SIZE, CORES = 300, (2, 4, 8, 16)


def run_once(path):
    nb = nbformat.read(path, 4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    names = args.names or sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
    over = False
    print(f"{'notebook':<28}{'median s':>10}{'budget s':>10}{'ratio':>8}"
          + "".join(f"{f'{n} cores':>9}" for n in CORES) + "   runs")
    for name in names:
        path = ROOT / "solutions" / name / f"{name}.ipynb"
        times = [run_once(path) for _ in range(args.runs)]
        budget = BUDGET.get(name, DEFAULT_BUDGET)
        median = statistics.median(times)
        over |= median > budget
        runs = " ".join(f"{t:.1f}" for t in times)
        class_minutes = "".join(f"{CLASS_SIZE * median / n / 60:>9.1f}" for n in CORES)
        print(f"{name:<28}{median:>10.1f}{budget:>10.0f}{median / budget:>8.2f}"
              f"{class_minutes}   {runs}")
    print(f"N cores: minutes for a class of {CLASS_SIZE} complete submissions, the median run "
          "each, shared evenly over N cores (a projection, not a measurement: "
          "benchmarks/autograde_speed.py grades a real class)")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
