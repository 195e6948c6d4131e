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
    def __init__(self, folder, name, source_root=ROOT):
        self.folder, self.name = Path(folder), name
        (self.folder / "solutions").mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "nbgrader_config.py", self.folder)
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

    def scores(self):
        """{student: {test cell id: points}} from the gradebook."""
        result = {}
        with Gradebook(f"sqlite:///{self.folder / 'gradebook.db'}") as gb:
            for sub in gb.assignment_submissions(self.name):
                nb = sub.notebooks[0]
                result[sub.student.id] = {g.name: g.score for g in nb.grades}
        return result

    def max_scores(self):
        with Gradebook(f"sqlite:///{self.folder / 'gradebook.db'}") as gb:
            nb = gb.find_notebook(self.name, self.name)
            return {c.name: c.max_score for c in nb.grade_cells}

    def autograded(self, student):
        return nbformat.read(self.folder / "autograded" / student / self.name /
                             f"{self.name}.ipynb", 4)


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
