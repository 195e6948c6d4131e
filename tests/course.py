"""A throw-away nbgrader course for the pipeline tests: real nbgrader, real kernels, a real
SQLite gradebook, in a temporary folder."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parents[1]


class Course:
    def __init__(self, folder, name, source_root=ROOT, config_lines=()):
        """`config_lines` are added to the course's nbgrader_config.py (a db_url, say)."""
        self.folder, self.name = Path(folder), name
        (self.folder / "solutions").mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "nbgrader_config.py", self.folder)
        self.db_url = f"sqlite:///{self.folder / 'gradebook.db'}"
        for line in config_lines:
            with open(self.folder / "nbgrader_config.py", "a") as fh:
                fh.write(line + "\n")
            if "db_url" in line:
                self.db_url = line.split("=", 1)[1].strip().strip("\"'")
        shutil.copytree(source_root / "solutions" / name, self.folder / "solutions" / name)
        self.nbgrader("generate_assignment", name, "--force")
        self.release = nbformat.read(self.folder / "notebooks" / name / f"{name}.ipynb", 4)
        self.solution = nbformat.read(self.folder / "solutions" / name / f"{name}.ipynb", 4)

    def nbgrader(self, *args, check=True):
        return subprocess.run([sys.executable, "-m", "nbgrader", *args, "--log-level=INFO"],
                              cwd=self.folder, capture_output=True, text=True, check=check)

    def submit(self, student, nb, extra_files=None):
        """Hand in `nb` (a NotebookNode) as `student`, like `nbgrader collect` leaves it."""
        folder = self.folder / "submitted" / student / self.name
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{self.name}.ipynb")
        for filename, text in (extra_files or {}).items():
            (folder / filename).write_text(text)

    def autograde(self, *options):
        return self.nbgrader("autograde", self.name, *options, check=False)

    def autograde_class(self, *options, timeout=900):
        """`python -m helpers.grading.autograde` on the course, as an instructor runs it."""
        return subprocess.run([sys.executable, "-m", "helpers.grading.autograde", self.name,
                               "--no-progress", *options], cwd=self.folder,
                              capture_output=True, text=True, timeout=timeout)

    def scores(self):
        """{student: {test cell id: points}} from the gradebook."""
        result = {}
        with Gradebook(self.db_url) as gb:
            for sub in gb.assignment_submissions(self.name):
                nb = sub.notebooks[0]
                result[sub.student.id] = {g.name: g.score for g in nb.grades}
        return result

    def max_scores(self):
        with Gradebook(self.db_url) as gb:
            nb = gb.find_notebook(self.name, self.name)
            return {c.name: c.max_score for c in nb.grade_cells}

    def autograded(self, student):
        return nbformat.read(self.folder / "autograded" / student / self.name /
                             f"{self.name}.ipynb", 4)


# An answer line that kills its kernel: a read far outside the array (SIGSEGV).
CRASH = ("\nnp.lib.stride_tricks.as_strided(np.zeros(1), shape=(10**8,),"
         " strides=(8 * 10**6,)).sum()\n")


def first_of_each(answers_by_exercise):
    """The first answer of every exercise that has one ({grade_id: source}), as one
    submission: exercises are graded independently (a check substitutes the reference for
    earlier exercises), so one submission can carry a wrong answer to each at once."""
    return {ex: next(iter(answers.values()))
            for ex, answers in answers_by_exercise.items() if answers}


def with_answers(nb, answers):
    """A copy of `nb` whose answer cells named in `answers` ({grade_id: source}) are
    replaced, as a student would fill them in."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    found = set()
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
            found.add(grade_id)
    missing = set(answers) - found
    assert not missing, f"no answer cells named {missing}"
    return nb


def answer_sources(nb):
    """{grade_id: source} of the answer cells of a notebook."""
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("solution")}
