"""Notebook 02's checks, beyond what tests/test_checks.py, tests/test_exercises.py and
tests/test_pipeline.py do for every notebook: the no-loop check, a hidden test for every
exercise, unanswered exercises, and a statistical check that does not fail correct
answers by bad luck."""
import linecache

import nbformat
import numpy as np
import pytest

import nb02_answers as answers
from answers import run_answer
from course import ROOT, answer_sources
from helpers.grading import nb02
from helpers.grading.checks import NotAnswered, assert_vectorized
from helpers.grading.exercise import Case

SOLUTION = nbformat.read(ROOT / "solutions" / answers.NAME / f"{answers.NAME}.ipynb", 4)
TEST_CELLS = {c.metadata["nbgrader"]["grade_id"]: c.source for c in SOLUTION.cells
              if c.metadata.get("nbgrader", {}).get("grade")}
RELEASE_ANSWERS = answer_sources(
    nbformat.read(ROOT / "notebooks" / answers.NAME / f"{answers.NAME}.ipynb", 4))


def _defined(source, filename="<answer>"):
    """The namespace after running `source`, compiled under `filename`."""
    namespace = {"np": np}
    exec(compile(source, filename, "exec"), namespace)
    return namespace


# -- assert_vectorized ----------------------------------------------------------------------
VECTORIZED = """
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def f(w, b, X, Y):
    A = sigmoid(w.T @ X + b)
    return X @ (A - Y).T / X.shape[1], float(np.mean(A - Y))

g = lambda X: np.sum(X, axis=1, keepdims=True)
"""


def test_vectorized_code_passes():
    namespace = _defined(VECTORIZED)
    assert_vectorized(namespace["f"], "f")
    assert_vectorized(namespace["g"], "g")
    assert_vectorized(np.dot, "np.dot")  # no Python code to read: nothing to flag


@pytest.mark.parametrize("body, message", [
    ("    for i in range(3):\n        pass\n    return 0\n", r"a for loop \(line 3 "),
    ("    i = 0\n    while i < 3:\n        i += 1\n    return i\n", r"a while loop \(line 4 "),
    ("    i = 0\n    while True:\n        i += 1\n        if i > 2:\n            break\n"
     "    return i\n", r"a while loop"),
    ("    return [x for x in X]\n", r"a comprehension \(line 3 "),
    ("    return sum(x for x in X)\n", r"a comprehension"),
    ("    return {i: 0 for i in range(3)}\n", r"a comprehension"),
    ("    def inner(x):\n        for _ in x:\n            pass\n    return inner(X)\n",
     r"a for loop \(line 4 "),
    ("    return np.vectorize(lambda t: t + 1)(X)\n", r"np\.vectorize"),
    ("    return np.apply_along_axis(np.sum, 0, X)\n", r"np\.apply_along_axis"),
    ("    return list(map(float, X))\n", r"uses map"),
])
def test_loops_are_named_with_their_line(body, message):
    namespace = _defined("\ndef f(w, b, X, Y):\n" + body)
    with pytest.raises(AssertionError, match=message):
        assert_vectorized(namespace["f"], "f")


@pytest.mark.parametrize("body", [
    "    return sum(A - Y)\n",
    "    return float(sum(sum(X))) / X.size\n",
    "    total = lambda M: sum(M) / len(M)\n    return total(X)\n",
])
def test_the_builtin_sum_over_an_array_is_a_loop(body):
    """Python's sum walks the first axis of an array in Python, row after row."""
    namespace = _defined("\ndef f(w, b, X, Y):\n    A = w.T @ X + b\n" + body)
    with pytest.raises(AssertionError, match=r"f calls Python's built-in sum \(line 4 .*"
                       r"loops in Python over the first axis.*use np\.sum"):
        assert_vectorized(namespace["f"], "f")


def test_numpy_sums_are_not_the_builtin_sum():
    """np.sum and X.sum are attribute loads, and `from numpy import sum` makes the global
    name numpy's; a local variable called sum is not the built-in either."""
    namespace = _defined("def f(X):\n    return np.sum(X, axis=1) + X.sum(axis=1)\n\n"
                         "def g(X):\n    sum = np.sum\n    return sum(X)\n")
    assert_vectorized(namespace["f"], "f")
    assert_vectorized(namespace["g"], "g")
    imported = _defined("from numpy import sum\n\ndef f(X):\n"
                        "    return sum(X, axis=0, keepdims=True)\n")
    assert_vectorized(imported["f"], "f")


def test_the_builtin_sum_in_a_helper_is_found():
    namespace = _defined("def total(M):\n    return sum(M)\n\n"
                         "def f(X):\n    return total(X.T)\n")
    with pytest.raises(AssertionError, match=r"total, which f calls, calls Python's "
                                             r"built-in sum"):
        assert_vectorized(namespace["f"], "f")


def test_a_loop_in_a_helper_of_the_same_notebook_is_found():
    namespace = _defined("def helper(X):\n    return [x for x in X]\n\n"
                         "def f(w, b, X, Y):\n    return helper(X)\n")
    with pytest.raises(AssertionError, match=r"helper, which f calls, runs a Python loop"):
        assert_vectorized(namespace["f"], "f")


def test_the_message_quotes_the_line_when_the_source_is_known():
    """Under ipykernel every cell's source is in linecache, as registered here."""
    source = "def f(w, b, X, Y):\n    total = 0\n    for i in range(X.shape[1]):\n" \
             "        total += X[0, i]\n    return total\n"
    filename = "<ipython-input-cell-7>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        namespace = _defined(source, filename)
        with pytest.raises(AssertionError,
                           match=r"line 3 of its cell: `for i in range\(X.shape\[1\]\):`"):
            assert_vectorized(namespace["f"], "f")
    finally:
        linecache.cache.pop(filename, None)


# -- test cells -----------------------------------------------------------------------------
# (tests/test_exercises.py runs every test cell, whole and its hidden part alone, on every
# answer in tests/nb02_answers.py.)
def test_every_exercise_has_a_test_cell_with_a_hidden_part():
    assert set(TEST_CELLS) == {f"{exercise}_tests" for exercise in answers.CHECKS}
    for grade_id, source in TEST_CELLS.items():
        hidden = source.split("### BEGIN HIDDEN TESTS")[1]
        assert f'checks.hidden("{grade_id[:-len("_tests")]}", ' in hidden, grade_id


# -- unanswered exercises ---------------------------------------------------------------------
@pytest.mark.parametrize("exercise", sorted(answers.CHECKS))
def test_unanswered_exercise_says_so(exercise):
    namespace = run_answer(RELEASE_ANSWERS[exercise])
    with pytest.raises(NotAnswered, match=f"{exercise} is not written yet"):
        answers.CHECKS[exercise](namespace)


# -- the statistical check of initialize_parameters ----------------------------------------
DRAWS = {
    "recipe": "def init(n_x, n_h, n_y, rng):\n"
              "    return {'W1': 0.01 * rng.standard_normal((n_h, n_x)),"
              " 'b1': np.zeros((n_h, 1)),\n"
              "            'W2': 0.01 * rng.standard_normal((n_y, n_h)),"
              " 'b2': np.zeros((n_y, 1))}\n",
    "transposed draws, W2 first": "def init(n_x, n_h, n_y, rng):\n"
              "    W2 = 0.01 * rng.standard_normal((n_h, n_y)).T\n"
              "    W1 = 0.01 * rng.standard_normal((n_x, n_h)).T\n"
              "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2,"
              " 'b2': np.zeros((n_y, 1))}\n",
}


@pytest.mark.parametrize("variant", sorted(DRAWS))
def test_correct_initializations_pass_for_any_seed(variant):
    """The checks compare the spread of the weights with 0.01, with room for chance: no
    correct answer may fail because its draws were unlucky."""
    init = run_answer(DRAWS[variant])["init"]
    for seed in range(300):
        for n_x, n_h in ((30, 20), (64, 7), (3, 50), (2, 4), (1, 1)):
            case = Case((n_x, n_h, 1, seed))
            nb02.hidden("initialize_parameters", init, args=case.args,
                        expected=nb02.INITIALIZE_PARAMETERS.expected(case))
