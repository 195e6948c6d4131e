"""Notebook 04's checks, beyond what tests/test_exercises.py, tests/test_checks.py and
tests/test_pipeline.py do for every notebook: the facts its cases rely on, and the
planted bugs, whose answer is computed here by a gradient check, not copied."""
import ast

import numpy as np
import pytest

from course import ROOT
from helpers import deep, gradcheck
from helpers.bugs import planted_bugs_backward
from helpers.grading import nb04

SOURCE = (ROOT / "solutions" / "04_backprop" / "04_backprop.py").read_text()


def test_no_hidden_unit_of_the_visible_network_is_near_a_kink():
    """gradient_check's visible case uses epsilon = 1e-2: no nudge may cross ReLU's kink."""
    A = nb04.X_NET
    for l in range(1, nb04.L_NET):
        Z = nb04.NET[f"W{l}"] @ A + nb04.NET[f"b{l}"]
        assert np.abs(Z).min() >= 0.05
        A = np.maximum(Z, 0)


def _hidden_answer():
    """The set the solution's hidden test of planted_bugs expects."""
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == \
                "hidden_planted_bugs":
            return ast.literal_eval(node.args[1])
    raise AssertionError("no hidden test of planted_bugs")


def test_the_planted_bugs_answer_is_what_a_gradient_check_finds():
    rng = np.random.default_rng(0)  # the notebook's demo network and data
    X = rng.standard_normal((4, 10))
    Y = (rng.random((1, 10)) > 0.5).astype(float)
    parameters = deep.initialize_parameters_deep([4, 5, 5, 1], np.random.default_rng(1))
    AL, caches = deep.L_model_forward(X, parameters)
    _, errors = gradcheck.gradient_errors(
        lambda p: deep.compute_cost(deep.L_model_forward(X, p)[0], Y), parameters,
        planted_bugs_backward(AL, Y, caches))
    assert {key for key, error in errors.items() if error > 1e-3} == _hidden_answer()
    assert all(error < 1e-6 for key, error in errors.items() if key not in _hidden_answer())


def test_the_planted_bugs_need_their_network():
    X = np.ones((3, 4))
    Y = np.ones((1, 4))
    for dims, message in [([3, 4, 1], "3 layers"), ([3, 4, 5, 1], "W2 must be square")]:
        parameters = deep.initialize_parameters_deep(dims, np.random.default_rng(0))
        AL, caches = deep.L_model_forward(X, parameters)
        with pytest.raises(ValueError, match=message):
            planted_bugs_backward(AL, Y, caches)
