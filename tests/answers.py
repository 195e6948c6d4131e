"""The answers modules (tests/nbNN_answers.py), one per graded notebook, and how to run
an answer cell's source the way a notebook would."""
import importlib
from pathlib import Path

import numpy as np

MODULES = [importlib.import_module(p.stem)
           for p in sorted(Path(__file__).parent.glob("nb[0-9][0-9]_answers.py"))]


def run_answer(source):
    """Execute an answer cell's source in a fresh namespace holding numpy as np."""
    namespace = {"np": np}
    exec(compile(source, "<answer>", "exec"), namespace)
    return namespace
