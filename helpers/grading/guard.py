"""Static checks on the code a student controls, run before a submission is graded.

Checks only decide a grade if nothing in the student's code can change them. A student
controls the answer cells and any cell they add; every other cell is restored from the
instructor's copy by nbgrader. Instead of listing what is forbidden (patching numpy, the
checks, IPython, the test cells...), the guard lists what an answer may use:

- the names it binds itself (functions, variables, arguments, loop variables);
- `np`/`numpy` and `math`, imported only as themselves;
- the harmless builtins below;
- per notebook, names the notebook hands to its exercises (`extra_names`).

It may not assign to or delete attributes of anything it did not create, touch dunder or
private attributes (but its own `self._x`) or a frame, rebind a name the notebook or Python
defines, pass a module around, reach a module of numpy's beyond the few below, read or
write files, or use IPython magics, shell escapes or help (the guard reads a cell as the
Python code IPython runs for it). Names follow Python's scopes: a builtin stays out of reach
unless a function binds that name itself. A submission that breaks a rule is flagged for
the instructor and scores 0 (see `helpers.grading.nbgrader_ext`).

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
# From generators, coroutines and tracebacks to the frames, and from there to any namespace.
FRAME_ATTRS = {"gi_frame", "cr_frame", "ag_frame", "tb_frame", "f_back", "f_globals",
               "f_locals", "f_builtins"}

SAFE_BUILTINS = {
    "abs", "all", "any", "bool", "dict", "divmod", "enumerate", "filter", "float",
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


def _resolve(node):
    """The object `np.linalg` or `math.pi` names; None for anything else."""
    if isinstance(node, ast.Name):
        return _MODULES.get(node.id)
    base = _resolve(node.value) if isinstance(node, ast.Attribute) else None
    if base is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return getattr(base, node.attr, None)
        except Exception:
            return None


@dataclass(frozen=True)
class Violation:
    """One broken rule: which cell (its nbgrader id or position), which line, and why."""

    cell: str
    line: int
    reason: str

    def __str__(self):
        return f"{self.cell}, line {self.line}: {self.reason}"


class _Scope:
    """A function, lambda, comprehension or class body, and the names bound in it."""

    def __init__(self, kind):
        self.kind, self.names, self.globals = kind, set(), set()


class _Scanner(ast.NodeVisitor):
    """Walks one cell, collecting bound names, loaded names and broken rules."""

    def __init__(self, cell, reserved):
        self.cell, self.reserved = cell, reserved
        self.bound = set()    # names bound in the notebook's namespace
        self.created = set()  # names bound anywhere in the cell
        self.scopes = []      # the scopes around the node being visited, innermost last
        self.bases = set()    # nodes whose attribute is taken, like `np` in `np.exp`
        self.loads = []       # (Name, names of enclosing functions, names of its class body)
        self.violations = []

    def flag(self, node, reason):
        self.violations.append(Violation(self.cell, getattr(node, "lineno", 0), reason))

    def bind(self, name, node, scopes=None, imported=False):
        scopes = self.scopes if scopes is None else scopes
        self.created.add(name)
        if scopes and name not in scopes[-1].globals:
            scopes[-1].names.add(name)
            return
        if name in self.reserved and not imported:
            self.flag(node, f"rebinds `{name}`, which the notebook itself defines")
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
            asname = alias.asname or alias.name
            if asname not in ALLOWED_MODULES.get(alias.name, ()):
                self.flag(node, f"imports `{alias.name}` as `{asname}`: an answer may "
                                "import only `numpy as np` and `math`")
            else:
                self.bind(asname, node, imported=True)

    def visit_ImportFrom(self, node):
        self.flag(node, f"`from {node.module} import ...`: an answer may import only "
                        "`numpy as np` and `math`")

    # -- attributes --------------------------------------------------------------------
    def visit_Attribute(self, node):
        self.bases.add(node.value)
        on_self = isinstance(node.value, ast.Name) and node.value.id == "self"
        if node.attr.startswith("__") and node.attr.endswith("__"):
            self.flag(node, f"uses the special attribute `{node.attr}`")
        elif node.attr.startswith("_") and not on_self:
            self.flag(node, f"uses the private attribute `{node.attr}`")
        elif node.attr in FRAME_ATTRS:
            self.flag(node, f"uses `{node.attr}`, which leads to the interpreter's frames")
        elif node.attr in MODEL_FILE_ATTRS:
            self.flag(node, f"`{ast.unparse(node)}` reads or writes files")
        elif node.attr in CONFIG_ATTRS:
            self.flag(node, f"`{ast.unparse(node)}` rebuilds objects from a config, which "
                            "can run code the guard cannot read")
        elif node.attr in FILE_ATTRS and (node.attr in ("tofile", "dump")
                                          or _resolve(node.value) is not None):
            self.flag(node, f"`{ast.unparse(node)}` reads or writes files")
        if not isinstance(node.ctx, ast.Load):
            root = _root_name(node)
            if root is None or root not in self.created or root in _MODULES:
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
        module = _resolve(node)
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


def scan_answers(answer_cells, notebook_cells=(), extra_names=()):
    """Check the student-controlled cells of one notebook.

    answer_cells: list of (label, source) pairs, the cells the student controls.
    notebook_cells: sources of the notebook's own code cells. Answers may neither
        rebind nor read what these define (the checks, the reference code, the data, the
        figures): an exercise gets its inputs as arguments. `extra_names` are exempt.
    extra_names: names the notebook lets its exercises use besides numpy and math.
    Returns a list of Violation, empty when the submission is clean.
    """
    allowed = SAFE_BUILTINS | set(extra_names)
    reserved, provided = set(), set()
    for source in notebook_cells:
        bound, imported = notebook_names(source)
        reserved |= bound
        provided |= imported
    readable = allowed | {"np", "numpy", "math"}
    reserved = {name for name in reserved - allowed if not _HISTORY.fullmatch(name)}
    violations, bound, loads = [], set(), []
    for label, source in answer_cells:
        try:
            tree = ast.parse(_python(source))
        except SyntaxError:
            continue  # costs the student this cell, and cannot patch anything
        scanner = _Scanner(label, reserved)
        scanner.visit(tree)
        violations += scanner.violations
        bound |= scanner.bound
        loads += [(label, *load) for load in scanner.loads]
    for label, node, functions, body in loads:
        name = node.id
        if name in readable or any(name in names for names in functions) or (
                not _predefined(name) and (name in bound or name in body)):
            continue
        if name in provided:
            why = "the notebook's own tool"
        elif name in reserved:
            why = "the notebook's own variable: pass what a function needs as an argument"
        elif name == "get_ipython":
            why = "IPython, which magics `%`, shell commands `!` and help `?` call"
        elif _predefined(name):
            why = "a Python or IPython built-in answers do not need"
        else:
            why = "not defined in the answers"
        violations.append(Violation(label, node.lineno, f"uses `{name}` ({why}); an "
                                    "answer may use numpy, math and its own names"))
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
