"""helpers.grading.build.to_nbgrader: the course's light cell tags become nbgrader metadata."""
import jupytext
import nbformat
import pytest

from helpers.grading.build import KERNELSPEC, to_nbgrader

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


def test_notebook_metadata_is_the_release_kernel(built):
    assert dict(built.metadata) == {"kernelspec": KERNELSPEC}
    nbformat.validate(built)


@pytest.mark.parametrize("header,named", [
    ('tags=["tests"] grade_id="sigmoid_tests"', "'sigmoid_tests'"),
    ('tags=["tests"]', "'cell-001'"),
])
def test_tests_cell_without_points_is_refused(header, named):
    nb = jupytext.reads(f"# %%\nx = 1\n\n# %% {header}\nassert x\n", fmt="py:percent")
    with pytest.raises(ValueError, match=f"test cell {named} has no points="):
        to_nbgrader(nb)
