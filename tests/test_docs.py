"""Every public helper says which notebook introduces it, and says it right.

"Introduced in notebook NN." in a helper's docstring is checked against two facts:
which notebooks grade a function of that name (the "students implement" column of the
syllabus table in COURSE.md, the course's specification, or the README's table where
COURSE.md is not beside the course), and where the written notebooks first use the
helper (solutions/NN_*/NN_*.py and its checks, helpers/grading/nbNN.py, by import,
attribute or registry name such as loss="binary_cross_entropy"). A helper is
introduced no later than its first use: in the notebook that grades it, or in the one
that first uses it; one no written notebook uses belongs to a notebook not yet written.
"""
import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "COURSE.md"
NOTE = re.compile(r"Introduced in notebook (\d\d)\b")
# Modules whose public functions are checked: every helpers module but the grading
# package and its messages (checks, not reference code), MNIST's loader (notebook 08's
# data, maintained with it) and the private argument checks.
MODULES = sorted(m.name for m in pkgutil.iter_modules(helpers.__path__)
                 if not m.name.startswith("_") and m.name not in {"grading", "messages", "mnist"})
# module -> the registry that maps names such as "relu" to that module's functions
REGISTRIES = {"activations": "ACTIVATIONS", "losses": "LOSSES",
              "initializers": "INITIALIZERS", "optimizers": "OPTIMIZERS"}
# Keyword arguments that take a registry name, as in fit(..., loss="binary_cross_entropy").
NAME_KEYWORDS = {"loss", "method", "optimizer", "activation", "activations"}


def _syllabus():
    """{notebook: set of graded names} from the syllabus table of COURSE.md (or README)."""
    source = SPEC if SPEC.exists() else ROOT / "README.md"
    rows = [line for line in source.read_text().splitlines() if line.startswith("|")]
    header = next(r for r in rows if r.startswith("| # ") and "implement" in r)
    column = [i for i, cell in enumerate(header.split("|")) if "implement" in cell][0]
    graded = {}
    for row in rows:
        cells = row.split("|")
        if len(cells) > column and re.fullmatch(r"\s*\d\d\s*", cells[1]):
            graded[int(cells[1])] = set(re.findall(r"`(\w+)`", cells[column]))
    assert len(graded) == 8, f"no syllabus table of 8 notebooks in {source}"
    return graded


def _written():
    """{notebook: [the files of a written notebook: its solution source, its checks]}."""
    files = {}
    for path in sorted((ROOT / "solutions").glob("[0-9][0-9]_*/*.py")):
        if path.stem == path.parent.name:
            nn = int(path.stem[:2])
            checks = ROOT / "helpers" / "grading" / f"nb{nn:02d}.py"
            files[nn] = [path] + ([checks] if checks.exists() else [])
    return files


def _helper_module(node):
    """The helpers module an ImportFrom node imports from ("layers"), or None."""
    module = node.module or ""
    if node.level == 0 and module.startswith("helpers."):
        module = module[len("helpers."):]
    elif node.level == 2:  # from ..layers import x, in helpers/grading/
        pass
    else:
        return None if module != "helpers" or node.level else ""
    return module.split(".")[0] if module else ""


def _registered(node):
    """{(module, function)} that the registry names in `node` stand for: a string
    constant, or the string constants in a list or tuple ("relu", "he_normal", 1.0)."""
    strings = [node] if isinstance(node, ast.Constant) else getattr(node, "elts", [])
    used = set()
    for e in strings:
        if not (isinstance(e, ast.Constant) and isinstance(e.value, str)):
            continue
        for module, registry in REGISTRIES.items():
            entry = getattr(importlib.import_module(f"helpers.{module}"), registry).get(e.value)
            if entry is not None:
                used |= {(module, f.__name__)
                         for f in (entry if isinstance(entry, tuple) else (entry,))}
    return used


def _uses(path):
    """{(module, name)} of the helpers a file calls or names."""
    tree = ast.parse(path.read_text())
    modules, names, used = {}, {}, set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = _helper_module(node)
            if module is None:
                continue
            for alias in node.names:
                if module == "":  # from helpers import layers
                    modules[alias.asname or alias.name] = alias.name
                else:
                    names[alias.asname or alias.name] = (module, alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            used.add(names[node.id])
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and node.value.id in modules):
            used.add((modules[node.value.id], node.attr))
        elif isinstance(node, ast.keyword) and node.arg in NAME_KEYWORDS:
            used |= _registered(node.value)
        elif isinstance(node, (ast.List, ast.Tuple)):
            used |= _registered(node)  # ["relu", "sigmoid"], ("relu", "he_normal", 1.0)
    used |= set(names.values())  # imported by name counts as used
    return used


def _public_functions():
    for module_name in MODULES:
        module = importlib.import_module(f"helpers.{module_name}")
        for name, obj in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(obj)
                    and obj.__module__ == module.__name__):
                yield module_name, name, obj


GRADED = _syllabus()
WRITTEN = _written()
FIRST_USE = {}
for _nn, _files in sorted(WRITTEN.items()):
    for _path in _files:
        for _key in _uses(_path):
            FIRST_USE.setdefault(_key, _nn)
UNWRITTEN = sorted(set(GRADED) - set(WRITTEN))
FUNCTIONS = list(_public_functions())


def allowed_notes(module, name):
    """The notebooks a helper's note may name."""
    graded = {nn for nn, names in GRADED.items() if name in names}
    first = FIRST_USE.get((module, name))
    if graded:
        allowed = {g for g in graded if first is None or g <= first} | (
            {first} if first is not None else set())
        if first is None and not SPEC.exists():
            # the README's table names only some of the unwritten notebooks' exercises
            allowed |= set(UNWRITTEN)
        return allowed
    if first is not None:
        return {first} | {nn for nn in UNWRITTEN if nn < first}
    return set(UNWRITTEN)


@pytest.mark.parametrize("module, name, function", FUNCTIONS,
                         ids=[f"{m}.{n}" for m, n, _ in FUNCTIONS])
def test_note_names_the_notebook_that_introduces_the_helper(module, name, function):
    notes = NOTE.findall(function.__doc__ or "")
    assert len(notes) == 1, f"helpers.{module}.{name}: its docstring needs one " \
                            f"'Introduced in notebook NN.', found {notes}"
    allowed = allowed_notes(module, name)
    assert int(notes[0]) in allowed, (
        f"helpers.{module}.{name} says notebook {notes[0]}, but it is introduced in "
        f"notebook {' or '.join(f'{n:02d}' for n in sorted(allowed))} (graded in "
        f"{sorted(nn for nn, names in GRADED.items() if name in names)}, first used in "
        f"{FIRST_USE.get((module, name))})")


def test_the_rule_can_fail():
    """The facts the rule stands on are found: graded names, first uses, registries."""
    assert "gradient_check" in GRADED[4] and "sigmoid" in GRADED[1]
    assert FIRST_USE[("layers", "model_forward")] == 3
    assert FIRST_USE[("losses", "binary_cross_entropy")] <= 3  # loss="binary_cross_entropy"
    assert allowed_notes("layers", "model_forward") == {3}
    assert allowed_notes("activations", "sigmoid") == {1}
    if SPEC.exists():
        assert {"linear_forward", "update_parameters_with_adam"} <= GRADED[4] | GRADED[7]
        assert allowed_notes("deep", "L_model_forward") == {4}
