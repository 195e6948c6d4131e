"""Static checks on the code a student controls, run before a submission is graded.

Threat model
------------
Defends against: a student who has read the checks, this file and the notebook, and
writes answer cells or added cells that try to earn points their code does not deserve:
patching numpy, the checks, the reference implementations, IPython, builtins or the test
cells; reaching the checks or the reference code; reading the notebook's data or hidden
inputs; running code the guard cannot read (magics, shell escapes, imports, files,
configs that rebuild objects, numpy's own test runner and file functions).
Does not defend against: what cannot be read statically without running it (a bug in
numpy or IPython that lets plain arithmetic escape), an answer that is simply wrong in a
way the checks do not test, or a student handing in someone else's work.
Left to the execution environment: the sandbox (`helpers.grading.sandbox`: own folder only,
no gradebook, no network, a memory limit) and nbgrader's cell time limit. The checks
themselves convert every result to plain numpy or built-in values before comparing, so
objects whose comparisons lie do not reach them, and never hand student code a
reference implementation that outlives the check. The guard is a second line.

The rules
---------
Checks only decide a grade if nothing in the student's code can change them. A student
controls the answer cells and any cell they add; every other cell is restored from the
instructor's copy by nbgrader. Instead of listing what is forbidden, the guard lists what
an answer may use:

- the names it binds itself (functions, variables, arguments, loop variables);
- numpy and math (also as `from numpy import exp`, `import numpy.linalg as la`), as far
  as `np.` may reach: numpy itself, np.linalg, np.random, np.fft, np.lib.stride_tricks;
- the harmless builtins below;
- per notebook, names the notebook hands to its exercises (`extra_names`).

It may not assign to or delete attributes of anything it did not create, touch dunder or
private attributes (but its own `self._x`) or a frame, rebind a name the notebook or Python
defines, pass a module around, reach a module of numpy's beyond the few above, read or
write files, or use IPython magics, shell escapes or help (the guard reads a cell as the
Python code IPython runs for it). Names follow Python's scopes: a builtin stays out of reach
unless a function binds that name itself.

What a broken rule costs (`Violation.scope`): a slip that can only affect its own cell
(reading the notebook's data, a name that is not defined, rebinding a notebook variable)
costs that cell: an answer cell's exercise scores 0, an added scratch cell is left out.
Anything that could change other exercises' results flags and zeroes the whole
submission. Both are flagged for the instructor (see `helpers.grading.nbgrader_ext`), and
each visible check runs the guard on its own answer cell (`helpers.grading.cellguard`).

Introduced with notebook 01; used by every graded notebook.
"""
import ast
import builtins
import math
import re
import types
import warnings
from dataclasses import dataclass

import numpy
from IPython.core.inputtransformer2 import TransformerManager

ALLOWED_MODULES = {"numpy": {"numpy", "np"}, "math": {"math"}}
# The modules `np.` may lead to (np.testing, np.f2py, np.ma... hold ways out of the rules).
ALLOWED_SUBMODULES = {"math", "numpy", "numpy.linalg", "numpy.random", "numpy.fft",
                      "numpy.lib", "numpy.lib.stride_tricks"}
# numpy's file input and output (np.load may unpickle, which runs code; a written .pth file
# runs in the next kernel).
FILE_ATTRS = {"load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
              "fromfile", "fromregex", "memmap", "DataSource", "tofile", "dump"}
# numpy callables that run code, start processes or change state every later cell and
# check inherits: np.test runs pytest in the grading kernel with any arguments
# (`--junitxml=` overwrites any file); np.seterr can make the checks' own arithmetic raise.
NUMPY_STATE_ATTRS = {"test", "seterr", "seterrcall", "setbufsize", "set_printoptions",
                     "show_config", "show_runtime", "info", "get_include"}
# Where an answer that may use `keras` (NOTEBOOK_NAMES) may go with it: models, layers and
# what compile and fit take. Not keras.utils.get_file (downloads, writes files),
# keras.saving, keras.models.load_model, keras.callbacks (files), keras.config (settings
# every later cell would inherit), keras.datasets.
KERAS_ATTRS = {"Sequential", "Model", "Input", "layers", "optimizers", "losses", "metrics",
               "activations", "initializers", "regularizers", "ops"}
KERAS_UTILS = {"set_random_seed", "to_categorical"}
# Methods of Keras models that read or write files, flagged on any object.
MODEL_FILE_ATTRS = {"save", "save_weights", "load_weights", "export"}
# Keras rebuilds objects from configs, which can carry code (a Lambda's function).
CONFIG_ATTRS = {"from_config", "deserialize"}
# Keras layers that load a saved model from a path.
KERAS_FILE_CLASSES = {"TFSMLayer"}
# From generators, coroutines and tracebacks to the frames, and from there to any namespace.
FRAME_ATTRS = {"gi_frame", "cr_frame", "ag_frame", "tb_frame", "f_back", "f_globals",
               "f_locals", "f_builtins"}

SAFE_BUILTINS = {
    "abs", "all", "any", "bool", "dict", "divmod", "enumerate", "filter", "float", "super",
    "int", "isinstance", "len", "list", "map", "max", "min", "pow", "print", "range",
    "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "zip",
    "True", "False", "None", "NotImplementedError", "ValueError", "TypeError",
    "Exception", "ZeroDivisionError", "AssertionError", "KeyError", "IndexError",
}

_MODULES = {"np": numpy, "numpy": numpy, "math": math}
_BUILTINS = set(dir(builtins)) | {"get_ipython", "display", "In", "Out", "__builtins__",
                                   "__builtin__"}
_HISTORY = re.compile(r"_+|_i*\d+|_i+|_[iod]h")  # IPython's _, __, _3, _i3, _ih...
_IPYTHON = TransformerManager()


def _predefined(name):
    """True for the names a kernel has before any cell runs: Python's builtins and
    IPython's (get_ipython, display, In, Out and its history of inputs and outputs)."""
    return name in _BUILTINS or _HISTORY.fullmatch(name) is not None


def _python(source):
    """The Python code IPython runs for a cell: `%magic`, `!cmd` and `x?` become calls of
    get_ipython(), doctest prompts and a common indent are removed."""
    try:
        return _IPYTHON.transform_cell(source)
    except Exception:  # IPython would not run it either
        return source


def _resolve(node, aliases=_MODULES):
    """The object `np.linalg` or `math.pi` names; None for anything else. `aliases` maps
    names to what the answers imported under them (`la` for `import numpy.linalg as la`)."""
    if isinstance(node, ast.Name):
        return aliases.get(node.id)
    base = _resolve(node.value, aliases) if isinstance(node, ast.Attribute) else None
    if base is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return getattr(base, node.attr, None)
        except Exception:
            return None


def _importable(module):
    """The allowed module named `module` ("numpy.linalg"), or None."""
    if module not in ALLOWED_SUBMODULES:
        return None
    obj = numpy if module.split(".")[0] == "numpy" else math
    for part in module.split(".")[1:]:
        obj = getattr(obj, part, None)
    return obj if isinstance(obj, types.ModuleType) else None


# What a broken rule costs. CELL: the cell is not run, so an answer cell costs its own
# exercise and an added cell is left out (a slip: reading the notebook's data, a name that
# is not defined). SUBMISSION: the whole submission scores 0 (an attempt on what decides
# other grades: numpy, the checks, the reference code, IPython, builtins, files, modules).
CELL, SUBMISSION = "cell", "submission"


@dataclass(frozen=True)
class Violation:
    """One broken rule: which cell (its nbgrader id or position), which line, why, and
    what it costs (CELL or SUBMISSION)."""

    cell: str
    line: int
    reason: str
    scope: str = SUBMISSION

    def __str__(self):
        return f"{self.cell}, line {self.line}: {self.reason}"


class _Scope:
    """A function, lambda, comprehension or class body, and the names bound in it."""

    def __init__(self, kind):
        self.kind, self.names, self.globals = kind, set(), set()


class _Scanner(ast.NodeVisitor):
    """Walks one cell, collecting bound names, loaded names and broken rules."""

    def __init__(self, cell, reserved, tools, aliases, modules=()):
        self.cell, self.reserved, self.tools, self.aliases = cell, reserved, tools, aliases
        self.modules = set(modules)  # extra modules answers may import (notebook 08: keras)
        self.bound = set()    # names bound in the notebook's namespace
        self.created = set()  # names bound anywhere in the cell
        self.scopes = []      # the scopes around the node being visited, innermost last
        self.bases = set()    # nodes whose attribute is taken, like `np` in `np.exp`
        self.loads = []       # (Name, names of enclosing functions, names of its class body)
        self.violations = []

    def flag(self, node, reason, scope=SUBMISSION):
        self.violations.append(Violation(self.cell, getattr(node, "lineno", 0), reason,
                                         scope))

    def bind(self, name, node, scopes=None, imported=False):
        scopes = self.scopes if scopes is None else scopes
        if scopes and scopes[-1].kind == "class" and name != "__init__" \
                and name.startswith("__") and name.endswith("__"):
            # `__eq__` that is always true, `__class__ = bool`: objects that lie to checks
            self.flag(node, f"defines the special method `{name}`: a class in an answer "
                            "may define `__init__` and ordinary methods", CELL)
        self.created.add(name)
        if scopes and name not in scopes[-1].globals:
            scopes[-1].names.add(name)
            return
        if name in self.reserved and not imported:
            tool = name in self.tools
            self.flag(node, f"rebinds `{name}`, which the notebook itself defines",
                      SUBMISSION if tool else CELL)
        elif name in _BUILTINS:
            self.flag(node, f"rebinds `{name}`, which Python or IPython defines")
        self.bound.add(name)

    def _enter(self, kind, body, args=None):
        self.scopes.append(_Scope(kind))
        for arg in _arguments(args):
            self.bind(arg.arg, arg)
        for node in body:
            self.visit(node)
        self.scopes.pop()

    def _defaults(self, args):
        """What a def or lambda evaluates where it stands: defaults and annotations."""
        for node in args.defaults + args.kw_defaults + [a.annotation for a in _arguments(args)]:
            if node is not None:
                self.visit(node)

    # -- names and scopes ------------------------------------------------------------------
    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            functions = [s.names for s in self.scopes if s.kind != "class"]
            body = self.scopes[-1].names if self.scopes and self.scopes[-1].kind == "class" \
                else set()
            self.loads.append((node, functions, body))
            self._check_module(node)
            if node.id == "keras" and node not in self.bases:
                self.flag(node, "passes the module `keras` around: an answer may only use "
                                "what it holds, like `keras.layers.Dense(...)`")
        else:
            self.bind(node.id, node)

    def visit_FunctionDef(self, node):
        for decorator in node.decorator_list:
            self.visit(decorator)
        self._defaults(node.args)
        if node.returns:
            self.visit(node.returns)
        self.bind(node.name, node)
        self._enter("function", node.body, node.args)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._defaults(node.args)
        self._enter("function", [node.body], node.args)

    def visit_ClassDef(self, node):
        for expr in node.decorator_list + node.bases + node.keywords:
            self.visit(expr)
        self.bind(node.name, node)
        self._enter("class", node.body)

    def _comprehension(self, node):
        self.visit(node.generators[0].iter)  # evaluated outside
        body = [node.elt] if hasattr(node, "elt") else [node.key, node.value]
        for i, generator in enumerate(node.generators):
            body += [generator.target] + ([generator.iter] if i else []) + generator.ifs
        self._enter("comprehension", body)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        scopes = list(self.scopes)  # `:=` in a comprehension binds outside it
        while scopes and scopes[-1].kind == "comprehension":
            scopes.pop()
        self.bind(node.target.id, node.target, scopes)

    def visit_Global(self, node):
        if self.scopes:
            self.scopes[-1].globals.update(node.names)

    def visit_ExceptHandler(self, node):
        if node.name:
            self.bind(node.name, node)
        self.generic_visit(node)

    def visit_MatchAs(self, node):  # also `case [*name]` and `case {**name}`
        for name in (getattr(node, "name", None), getattr(node, "rest", None)):
            if name:
                self.bind(name, node)
        self.generic_visit(node)

    visit_MatchStar = visit_MatchMapping = visit_MatchAs

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name == "keras" and "keras" in self.modules and alias.asname is None:
                self.bind("keras", node, imported=True)
                continue
            module = _importable(alias.name)
            if module is None:
                self.flag(node, f"imports `{alias.name}`: an answer may import only numpy "
                                "(and np.linalg, np.random, np.fft) and math")
            elif alias.asname is None:  # `import numpy.linalg` binds `numpy`
                top = alias.name.split(".")[0]
                self.bind(top, node, imported=True)
            else:
                self._alias(alias.asname, module, node)

    def visit_ImportFrom(self, node):
        """`from numpy import exp` is `exp = np.exp`: allowed for what `np.` may reach, and
        `from keras import layers` for what `keras.` may reach where answers have keras."""
        root = (node.module or "").split(".")[0]
        if root == "keras" and "keras" in self.modules and not node.level:
            return self._keras_import(node)
        module = _importable(node.module or "") if not node.level else None
        if module is None:
            self.flag(node, f"`from {'.' * node.level}{node.module or ''} import ...`: an "
                            "answer may import only from numpy (and np.linalg, np.random, "
                            "np.fft) and math")
            return
        for alias in node.names:
            name = alias.asname or alias.name
            if alias.name == "*":
                self.flag(node, f"`from {node.module} import *` rebinds Python's own "
                                "`sum`, `max`, `round`...: import the names you need")
                continue
            path = node.module.replace("numpy", "np", 1) + "." + alias.name
            probe = ast.parse(path, mode="eval").body
            for sub in ast.walk(probe):
                sub.lineno = node.lineno
            before = len(self.violations)
            self.bases.add(probe)  # importing a module is not passing it around
            self.visit_Attribute(probe)
            if len(self.violations) == before:
                self._alias(name, getattr(module, alias.name, None), node)

    def _keras_import(self, node):
        parts = node.module.split(".")[1:]
        for alias in node.names:
            path = parts + [alias.name]
            if alias.name == "*" or path[0] not in KERAS_ATTRS or (
                    path[0] == "utils" and path[1:] and path[1] not in KERAS_UTILS):
                self.flag(node, f"`from {node.module} import {alias.name}`: an answer may "
                                "import from keras only " + ", ".join(sorted(KERAS_ATTRS)))
                continue
            if alias.name in CONFIG_ATTRS | MODEL_FILE_ATTRS | KERAS_FILE_CLASSES:
                self.flag(node, f"`{alias.name}` reads files or rebuilds objects from a "
                                "config, which can run code the guard cannot read")
                continue
            self.bind(alias.asname or alias.name, node)

    def _alias(self, name, obj, node):
        standard = name in ALLOWED_MODULES.get(getattr(obj, "__name__", ""), ())
        self.bind(name, node, imported=standard)
        if obj is not None:
            self.aliases[name] = obj

    # -- attributes --------------------------------------------------------------------
    def visit_Attribute(self, node):
        self.bases.add(node.value)
        on_self = isinstance(node.value, ast.Name) and node.value.id == "self"
        on_super = isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) \
            and node.value.func.id == "super"
        if node.attr == "__init__" and on_super:
            pass  # a subclass's constructor calling its base class's (a Keras Model's)
        elif node.attr.startswith("__") and node.attr.endswith("__"):
            self.flag(node, f"uses the special attribute `{node.attr}`")
        elif node.attr.startswith("_") and not on_self:
            self.flag(node, f"uses the private attribute `{node.attr}`")
        elif node.attr in FRAME_ATTRS:
            self.flag(node, f"uses `{node.attr}`, which leads to the interpreter's frames")
        elif node.attr in MODEL_FILE_ATTRS:
            self.flag(node, f"`{ast.unparse(node)}` reads or writes files")
        elif node.attr in NUMPY_STATE_ATTRS and isinstance(
                _resolve(node.value, self.aliases), types.ModuleType):
            self.flag(node, f"`{ast.unparse(node)}` runs code or changes numpy's settings for "
                            "every later check: an answer does not need it")
        elif node.attr in KERAS_FILE_CLASSES:
            self.flag(node, f"`{ast.unparse(node)}` loads a saved model from a file")
        elif node.attr in CONFIG_ATTRS:
            self.flag(node, f"`{ast.unparse(node)}` rebuilds objects from a config, which "
                            "can run code the guard cannot read")
        elif node.attr in FILE_ATTRS and (node.attr in ("tofile", "dump")
                                          or _resolve(node.value, self.aliases) is not None):
            self.flag(node, f"`{ast.unparse(node)}` reads or writes files")
        if not isinstance(node.ctx, ast.Load):
            root = _root_name(node)
            if root is None or root not in self.created or root in self.aliases:
                self.flag(node, f"assigns to or deletes `{ast.unparse(node)}`, which the "
                                "answer did not create")
        else:
            self._check_module(node)
            self._check_keras(node)
        self.generic_visit(node)

    def _check_keras(self, node):
        """Only KERAS_ATTRS and keras.utils.KERAS_UTILS (answers get `keras` as a name)."""
        def is_keras(n):
            return isinstance(n, ast.Name) and n.id == "keras"

        if is_keras(node.value) and node.attr == "utils":
            if node not in self.bases:
                self.flag(node, "passes `keras.utils` around: an answer may only call "
                                + " or ".join(f"keras.utils.{a}" for a in sorted(KERAS_UTILS)))
        elif is_keras(node.value) and node.attr not in KERAS_ATTRS:
            self.flag(node, f"uses `keras.{node.attr}`: an answer may use keras's "
                            + ", ".join(sorted(KERAS_ATTRS)))
        elif (isinstance(node.value, ast.Attribute) and node.value.attr == "utils"
              and is_keras(node.value.value) and node.attr not in KERAS_UTILS):
            self.flag(node, f"uses `keras.utils.{node.attr}`: of keras.utils an answer may "
                            "use " + " and ".join(sorted(KERAS_UTILS)))

    def _check_module(self, node):
        module = _resolve(node, self.aliases)
        if not isinstance(module, types.ModuleType):
            return
        if module.__name__ not in ALLOWED_SUBMODULES:
            self.flag(node, f"uses `{ast.unparse(node)}`: an answer may use numpy, "
                            "np.linalg, np.random, np.fft and np.lib.stride_tricks")
        elif node not in self.bases:
            self.flag(node, f"passes the module `{ast.unparse(node)}` around: an answer "
                            "may only use what it holds, like `np.exp(x)`")

    def visit_Subscript(self, node):
        if not isinstance(node.ctx, ast.Load):
            root = _root_name(node)
            if root is not None and root not in self.created:
                self.flag(node, f"changes `{ast.unparse(node)}`, which the answer did "
                                "not create")
        self.generic_visit(node)


def _arguments(args):
    if args is None:
        return []
    return [a for a in args.posonlyargs + args.args + [args.vararg] + args.kwonlyargs
            + [args.kwarg] if a is not None]


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def notebook_names(source):
    """(bound, imported): the names a notebook cell binds at module level, and the
    subset bound by import statements (modules and helper functions)."""
    try:
        tree = ast.parse(_python(source))
    except SyntaxError:
        return set(), set()
    bound, imported = set(), set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
            imported.add(node.name)  # code the notebook provides, like an import
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = {(a.asname or a.name).split(".")[0] for a in node.names}
            bound |= names
            imported |= names
        else:
            bound |= {sub.id for sub in ast.walk(node)
                      if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)}
    return bound, imported


def _course_names(source):
    """The names a notebook cell imports from the course's own package (the checks, the
    reference code, the data loaders)."""
    try:
        tree = ast.parse(_python(source))
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "helpers":
            names |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names
                      if a.name.split(".")[0] == "helpers"}
    return names


def scan_answers(answer_cells, notebook_cells=(), extra_names=(), defined=()):
    """Check the student-controlled cells of one notebook.

    answer_cells: list of (label, source) pairs, the cells the student controls.
    notebook_cells: sources of the notebook's own code cells. Answers may neither
        rebind nor read what these define (the checks, the reference code, the data, the
        figures): an exercise gets its inputs as arguments. `extra_names` are exempt.
    extra_names: names the notebook lets its exercises use besides numpy and math.
    defined: names that answer cells not in `answer_cells` define (a visible check scans
        one cell; the student's other answers are in the kernel).
    Returns a list of Violation, empty when the submission is clean.
    """
    allowed = SAFE_BUILTINS | set(extra_names)
    reserved, provided, course = set(), set(), set()
    for source in notebook_cells:
        bound, imported = notebook_names(source)
        reserved |= bound
        provided |= imported
        course |= _course_names(source)
    readable = allowed | {"np", "numpy", "math"}
    reserved = {name for name in reserved - allowed if not _HISTORY.fullmatch(name)}
    violations, bound, loads = [], set(defined) - reserved, []
    aliases = dict(_MODULES)
    for label, source in answer_cells:
        try:
            tree = ast.parse(_python(source))
        except SyntaxError:
            continue  # costs the student this cell, and cannot patch anything
        scanner = _Scanner(label, reserved, provided, aliases, set(extra_names) & {"keras"})
        scanner.visit(tree)
        violations += scanner.violations
        bound |= scanner.bound
        loads += [(label, *load) for load in scanner.loads]
    for label, node, functions, body in loads:
        name = node.id
        if name in readable or any(name in names for names in functions) or (
                not _predefined(name) and (name in bound or name in body)):
            continue
        scope = CELL
        if name in course:
            why, scope = "the course's checks or reference code", SUBMISSION
        elif name in provided:
            why = "the notebook's own tool"
        elif name in reserved:
            why = "the notebook's own variable: pass what a function needs as an argument"
        elif name == "get_ipython":
            why, scope = "IPython, which magics `%`, shell commands `!` and help `?` call", \
                SUBMISSION
        elif _predefined(name):
            why, scope = "a Python or IPython built-in answers do not need", SUBMISSION
        else:
            why = "not defined in the answers"
        violations.append(Violation(label, node.lineno, f"uses `{name}` ({why}); an "
                                    "answer may use numpy, math and its own names", scope))
    return violations


def is_answer(cell):
    """True for the code cells a student controls: answer cells and cells they added
    (nbgrader marks answers `solution`; cells it does not know have no `grade_id`)."""
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and (meta.get("solution", False) or "grade_id" not in meta)


# Per notebook: names its answers may use besides numpy, math and their own (the module a
# notebook's exercises are about). Both the autograder and the command below read this.
NOTEBOOK_NAMES = {"08_keras_mnist": ("keras",)}


def scan_notebook(nb, extra_names=()):
    """Violations in a notebook with nbgrader metadata (a release or a submission): its
    answer cells and any cell the student added, against the notebook's own cells."""
    answers, own = [], []
    for index, cell in enumerate(nb.cells):
        if is_answer(cell):
            label = cell.metadata.get("nbgrader", {}).get("grade_id") or f"added cell {index + 1}"
            answers.append((label, cell.source))
        elif cell.cell_type == "code":
            own.append(cell.source)
    return scan_answers(answers, own, extra_names)


def main(argv=None):
    """Before you submit: `python -m helpers.grading.guard NOTEBOOK.ipynb` prints what the
    autograder's guard would object to, and exits 1 if anything."""
    import argparse
    from pathlib import Path

    import nbformat

    parser = argparse.ArgumentParser(description=main.__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    found = False
    for path in args.notebooks:
        extra = NOTEBOOK_NAMES.get(Path(path).stem, ())
        problems = list(dict.fromkeys(str(v) for v in
                                      scan_notebook(nbformat.read(path, 4), extra)))
        found |= bool(problems)
        print(f"{path}: " + ("nothing to object to" if not problems else
                             f"{len(problems)} problem(s); the autograder would score 0"))
        for problem in problems:
            print(f"  - {problem}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
