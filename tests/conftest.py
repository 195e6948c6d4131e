"""Shared pytest set-up of tests/: Keras on JAX, a non-interactive matplotlib, float64
by default. The tests that need MNIST skip without it (fail in CI): ../conftest.py."""
import os

# Keras reads its backend once, at its first import: set it before anything imports keras.
os.environ.setdefault("KERAS_BACKEND", "jax")

import matplotlib

# A non-interactive backend for this process only: kernels that the tests start (nbval,
# nbgrader) keep the notebook's inline backend, whose figure outputs nbval compares.
matplotlib.use("Agg")

import numpy as np
import pytest


@pytest.fixture
def rng():
    """A fresh, seeded generator for each test, so every test reproduces."""
    return np.random.default_rng(0)


@pytest.fixture(scope="session")
def keras():
    """Keras 3 on the JAX backend; skips nothing: Keras is a pinned requirement."""
    import keras as _keras

    assert _keras.backend.backend() == "jax", "tests expect KERAS_BACKEND=jax"
    return _keras


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Each phase's report on the test item (`item.rep_call`...): the browser tests'
    fixture takes a screenshot when the test itself failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
