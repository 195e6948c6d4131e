"""The student's real path: JupyterLab in headless Chromium (tests/lab.py).

Each test opens notebooks of a temporary course in JupyterLab and does what a student
does: open, Run All, type an answer, press Validate; and what an instructor does: open
the formgrader. Run them alone with `pytest tests/test_browser.py -n 0`. Where Chromium or
Playwright is missing they are skipped with the reason; a failure leaves a screenshot and
the page's text in browser-screenshots/ (BROWSER_SCREENSHOTS names another folder).
"""
import glob
import re

import nbformat
import pytest

import nb01_answers
from course import answer_sources, with_answers
from lab import NO_MNIST_KERNEL, ROOT, SCREENSHOTS, Lab, Notebook, make_course, unavailable

WHY = unavailable()
pytestmark = pytest.mark.skipif(WHY is not None, reason=f"browser tests: {WHY}")

NAMES = sorted(p.split("/")[-1] for p in glob.glob(str(ROOT / "notebooks" / "0*")))
# Not the notebooks' names: conftest.py would split the module by notebook over the
# xdist workers, and each share would start a JupyterLab of its own.
IDS = [f"notebook{name[:2]}" for name in NAMES]


def release(name):
    return nbformat.read(ROOT / "notebooks" / name / f"{name}.ipynb", 4)


def solved(name):
    """The release with every answer cell filled in from the solution, outputs cleared."""
    solution = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", 4)
    nb = with_answers(release(name), answer_sources(solution))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def image_outputs(name):
    """How many images the built solution notebook shows."""
    nb = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", 4)
    return sum("image/png" in out.get("data", {})
               for cell in nb.cells for out in cell.get("outputs", []))


def index_of(nb, grade_id):
    return next(i for i, c in enumerate(nb.cells)
                if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("lab")
    course = make_course(scratch / "course")
    server = Lab(course, scratch)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    from lab import CHROMIUM
    with sync_playwright() as p:
        # As root (CI) Chromium refuses to start without --no-sandbox.
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page; `page.errors` collects uncaught JavaScript errors. A failed test
    leaves its screenshot and the page's text in SCREENSHOTS."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    tab.set_default_timeout(60_000)
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        stem = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            tab.screenshot(path=f"{stem}.png", full_page=True)
            (SCREENSHOTS / f"{stem.name}.txt").write_text(tab.inner_text("body"))
        except Exception as err:  # the page may be what broke
            (SCREENSHOTS / f"{stem.name}.txt").write_text(f"no screenshot: {err}")
    context.close()


def put(lab, name, nb, folder="work"):
    """Save `nb` into the course copy as a student's file; its path for JupyterLab."""
    path = lab.root / folder / name / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return f"{folder}/{name}/{name}.ipynb"


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_each_release_opens_with_its_kernel_idle_and_nbgrader_there(lab, page, name):
    Notebook(page, lab, f"notebooks/{name}/{name}.ipynb")
    assert page.locator(".validate-button").is_visible()
    assert page.locator(".lm-MenuBar-item", has_text="Nbgrader").count() == 1
    assert page.errors == []


def test_run_all_on_a_release_stops_at_the_first_check_in_one_line(lab, page):
    name = NAMES[0]
    nb = release(name)
    first = next(i for i, c in enumerate(nb.cells)
                 if c.metadata.get("nbgrader", {}).get("grade", False)
                 and not c.metadata["nbgrader"].get("solution"))
    answer = first - 1
    notebook = Notebook(page, lab, put(lab, name, nb))
    notebook.run_all()
    shown = notebook.output_text(first).strip()
    exercise = nb.cells[answer].metadata["nbgrader"]["grade_id"]
    assert f"{exercise} is not written yet" in shown
    # One message (wrapped at 80 columns), not a traceback.
    assert shown.startswith("\N{WHITE QUESTION MARK ORNAMENT}"), shown
    assert len(shown.splitlines()) <= 2 and "Traceback" not in shown, shown
    # Nothing after the failed check ran.
    assert all(notebook.cell(i).locator(".jp-OutputArea-output").count() == 0
               for i in range(first + 1, min(first + 4, len(nb.cells))))


def test_typing_sigmoid_right_then_wrong_shows_the_pass_then_the_mistake(lab, page):
    name = "01_logistic_regression"
    nb = release(name)
    answer, check = index_of(nb, "sigmoid"), index_of(nb, "sigmoid_tests")
    notebook = Notebook(page, lab, put(lab, name, nb, folder="typing"))
    for i in range(answer):  # the imports and set-up above the exercise
        if nb.cells[i].cell_type == "code":
            notebook.run_cell(i)
    notebook.set_source(answer, "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n")
    notebook.run_cell(answer)
    notebook.run_cell(check)
    assert notebook.output_text(check).strip().startswith("\N{CHECK MARK} sigmoid: all")
    mistake = "missing minus"
    notebook.set_source(answer, nb01_answers.WRONG["sigmoid"][mistake])
    notebook.run_cell(answer)
    notebook.run_cell(check)
    shown = notebook.output_text(check)
    assert re.search(nb01_answers.MESSAGES[("sigmoid", mistake)], shown), shown
    assert page.errors == []


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_run_all_with_every_answer_renders_every_plot(lab, page, name):
    notebook = Notebook(page, lab, put(lab, name, solved(name), folder="solved"))
    notebook.run_all()
    errors = page.locator(".jp-OutputArea-output[data-mime-type="
                          "'application/vnd.jupyter.stderr']").all_inner_texts()
    assert not [e for e in errors if "Error" in e], errors
    assert notebook.images() == image_outputs(name)
    assert page.errors == []


def test_validate_passes_a_solved_notebook_and_names_a_wrong_cell(lab, page):
    name = "01_logistic_regression"
    notebook = Notebook(page, lab, put(lab, name, solved(name), folder="validate-right"))
    shown = notebook.validate()
    assert "Success! Your notebook passes all the tests." in shown, shown

    wrong = with_answers(solved(name), {
        "sigmoid": nb01_answers.WRONG["sigmoid"]["missing minus"]})
    notebook = Notebook(page, lab, put(lab, name, wrong, folder="validate-wrong"))
    shown = notebook.validate()
    assert "failed" in shown.lower() and "sigmoid" in shown, shown
    assert re.search(nb01_answers.MESSAGES[("sigmoid", "missing minus")], shown), shown


def test_the_formgrader_lists_every_assignment_with_its_points(lab, page):
    page.goto(lab.address("formgrader/gradebook"))
    page.wait_for_selector("#main-table .name a")
    rows = {row.locator(".name").inner_text().strip(): row.locator(".score").inner_text()
            for row in page.locator("tr", has=page.locator("td.score")).all()}
    expected = {}
    for name in NAMES:
        nb = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", 4)
        expected[name] = sum(c.metadata["nbgrader"].get("points", 0) for c in nb.cells
                             if c.metadata.get("nbgrader", {}).get("grade"))
    assert set(rows) == set(NAMES), rows
    for name, points in expected.items():
        total = float(rows[name].split("/")[1])
        assert total == points, (name, rows[name], points)


def test_notebook_08_without_mnist_says_where_to_put_it(lab, page):
    name = next(n for n in NAMES if n.startswith("08"))
    nb = solved(name)
    nb.metadata.kernelspec = {"name": NO_MNIST_KERNEL, "display_name": "no MNIST",
                              "language": "python"}
    notebook = Notebook(page, lab, put(lab, name, nb, folder="no-mnist"))
    notebook.run_all()
    shown = "\n".join(page.locator(".jp-OutputArea-output").all_inner_texts())
    # The message wraps at 80 columns, where depends on the length of the paths in it.
    assert "Put a copy of MNIST at" in " ".join(shown.split()), shown[-3000:]
    assert "Traceback" not in shown
