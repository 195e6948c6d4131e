"""Plain `nbgrader autograde` against `python -m helpers.grading.autograde`, on one class.

Builds two identical throw-away courses with N submissions of one notebook (the solution,
the untouched release, and wrong, correct-alternative, crashing and looping answers from
tests/nbNN_answers.py, cycled to N students), grades course A with one `nbgrader
autograde` process and course B with the new command, and prints both wall times, their
ratio, each one's overhead per submission (time outside the notebook's own cells), a
projection for a 300-student class, and whether both gave the same scores. Last, the
machine's ceiling: as many plain `nbgrader autograde` processes as workers, side by side,
each on its share of copies of the submissions: nothing shared and nothing saved, what
perfect splitting by hand would give on these cores (`--no-ceiling` skips it). The new
command can pass it only by doing less per submission than nbgrader does.

    python benchmarks/autograde_speed.py                     # notebook 01, 20 submissions
    python benchmarks/autograde_speed.py --submissions 12 -j 2
    python benchmarks/autograde_speed.py --quick             # 4 submissions, for CI

Target (issue 12): on 2 cores, notebook 01, the new command at least 1.8x faster, with
identical scores. Exits 1 if any score differs or either run failed; timings never
change the exit status (they belong to a quiet machine).
"""
import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from course import CRASH, Course, answer_sources, first_of_each, with_answers  # noqa: E402,E501
from helpers.grading.worker import cell_seconds  # noqa: E402

CLASS_SIZE = 300
CORES = (2, 4, 8, 16)


def variants(module, solution, release):
    """[(kind, notebook)]: the kinds of submission tests/test_pipeline.py grades."""
    answers = {"solution": {}, "wrong": first_of_each(module.WRONG),
               "right": first_of_each(module.RIGHT),
               "crashes": {module.CRASHES: solution[module.CRASHES] + CRASH},
               "loops": {module.LOOPS: "while True:\n    pass\n\n" + solution[module.LOOPS]}}
    built = [(kind, with_answers(release, {**solution, **a})) for kind, a in answers.items()]
    built.insert(1, ("untouched", release))
    return built


def mean_cell_seconds(course, students):
    """Mean seconds the graded notebooks' cells ran (nbclient's `execution` timestamps,
    read as the grading workers read them), and how many had any."""
    times = [cell_seconds(course.folder / "autograded" / s / course.name, [course.name])
             for s in students]
    times = [t for t in times if t > 0]
    return (sum(times) / len(times), len(times)) if times else (None, 0)


def shards(course, students, count, scratch):
    """`count` copies of `course`'s folder, each holding every count-th submission only."""
    folders = []
    for k in range(count):
        folder = scratch / f"shard{k}"
        shutil.copytree(course.folder, folder)
        for student in set(students) - set(students[k::count]):
            shutil.rmtree(folder / "submitted" / student)
        folders.append(folder)
    return folders


def nbgrader_side_by_side(folders, *options):
    """Plain `nbgrader autograde` in each folder at once: what the machine gives when
    nothing at all is shared and each submission costs what nbgrader makes it cost (the
    ceiling of splitting a class by hand)."""
    logs = [open(folder / "autograde.log", "w+") for folder in folders]
    runs = [subprocess.Popen([sys.executable, "-m", "nbgrader", "autograde", *options],
                             cwd=folder, stdout=log, stderr=subprocess.STDOUT)
            for folder, log in zip(folders, logs)]
    codes = [run.wait() for run in runs]
    done = [(code, log.seek(0) or log.read()) for code, log in zip(codes, logs)]
    for log in logs:
        log.close()
    return done


def timed(run):
    start = time.perf_counter()
    done = run()
    return time.perf_counter() - start, done


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebook", default="01_logistic_regression")
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("-j", "--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cell-timeout", type=float, default=10,
                        help="per-cell time limit, short so the looping answer is cheap")
    parser.add_argument("--quick", action="store_true", help="4 submissions (CI smoke run)")
    parser.add_argument("--no-ceiling", dest="ceiling", action="store_false",
                        help="skip the machine's ceiling (nbgrader on shards side by side)")
    args = parser.parse_args(argv)
    n = 4 if args.quick else args.submissions
    module = importlib.import_module(f"nb{args.notebook[:2]}_answers")
    scratch = Path(tempfile.mkdtemp(prefix="autograde-speed-"))
    courses = [Course(scratch / label, args.notebook) for label in ("A", "B")]
    kinds = variants(module, answer_sources(courses[0].solution), courses[0].release)
    students = [f"s{i:03d}-{kinds[i % len(kinds)][0]}" for i in range(n)]
    for course in courses:
        for i, student in enumerate(students):
            course.submit(student, kinds[i % len(kinds)][1])

    timeout = int(args.cell_timeout)
    workers = min(args.workers, n)
    sharded = shards(courses[0], students, workers, scratch) if args.ceiling else []
    old_wall, old = timed(lambda: courses[0].autograde(f"--Execute.timeout={timeout}"))
    new_wall, new = timed(lambda: courses[1].autograde_class(
        "-j", str(args.workers), "--cell-timeout", str(args.cell_timeout)))
    if sharded:
        ceiling_wall, ceiling = timed(lambda: nbgrader_side_by_side(
            sharded, courses[0].name, f"--Execute.timeout={timeout}"))

    print(f"{args.notebook}: {n} submissions ({', '.join(k for k, _ in kinds)}, cycled), "
          f"cell time limit {timeout} s, {os.cpu_count()} cores here")
    print(f"{'command':<34}{'wall s':>8}{'workers':>9}{'s/subm':>8}{'cells s':>9}"
          f"{'overhead s':>12}")
    per = {}
    for label, course, wall, used in (("nbgrader autograde", courses[0], old_wall, 1),
                                      ("helpers.grading.autograde", courses[1], new_wall,
                                       workers)):
        cells, counted = mean_cell_seconds(course, students)
        per[label] = wall * used / n
        overhead = "n/a" if cells is None else f"{per[label] - cells:.2f}"
        print(f"{label:<34}{wall:>8.1f}{used:>9}{per[label]:>8.2f}"
              f"{'n/a' if cells is None else f'{cells:.2f}':>9}{overhead:>12}")
    print(f"ratio nbgrader / new (wall time): {old_wall / new_wall:.2f} "
          f"(target on 2 cores: 1.80)")
    if sharded:
        print(f"ceiling: {workers} plain nbgrader autograde processes side by side, each on "
              f"1/{workers} of the submissions (nothing shared, no start-up saved): "
              f"{ceiling_wall:.1f} s, ratio {old_wall / ceiling_wall:.2f}; the new command "
              f"reaches {ceiling_wall / new_wall:.0%} of it")
    print("overhead = wall time x workers / submissions - mean cell time per submission; "
          "cell time from the autograded notebooks' execution timestamps "
          "(iopub.execute_input to shell.execute_reply), n/a if nbgrader kept none")

    print(f"projection for {CLASS_SIZE} students (an assumption, not a measurement: the "
          "seconds per submission measured here, divided over the workers):")
    print(f"  nbgrader autograde (one process): {CLASS_SIZE * per['nbgrader autograde'] / 60:.1f} m")
    for cores in CORES:
        print(f"  new command on {cores:>2} cores: "
              f"{CLASS_SIZE * per['helpers.grading.autograde'] / cores / 60:.1f} m")

    a, b = courses[0].scores(), courses[1].scores()
    differences = [f"  {s} {cell}: nbgrader {a.get(s, {}).get(cell)} new {b.get(s, {}).get(cell)}"
                   for s in sorted(set(a) | set(b))
                   for cell in sorted(set(a.get(s, {})) | set(b.get(s, {})))
                   if a.get(s, {}).get(cell) != b.get(s, {}).get(cell)]
    missing = [s for s in students if s not in a or s not in b]
    if differences or missing:
        print(f"scores differ ({len(differences)} cells; not graded by both: {missing}):")
        print("\n".join(differences))
    else:
        print(f"identical scores: all {n} submissions, every test cell")
    failed_shards = [err[-2000:] for code, err in (ceiling if sharded else []) if code]
    if failed_shards:
        print("a ceiling shard failed:\n" + "\n".join(failed_shards))
    if old.returncode or new.returncode:
        print(f"exit codes: nbgrader {old.returncode}, new {new.returncode}\n"
              f"{old.stderr[-2000:]}\n{new.stdout[-2000:]}{new.stderr[-2000:]}")
    return 1 if differences or missing or new.returncode or failed_shards else 0


if __name__ == "__main__":
    sys.exit(main())
