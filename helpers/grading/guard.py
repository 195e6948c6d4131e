"""Static checks on the code a student controls, run before a submission is graded.

Checks only decide a grade if nothing in the student's code can change them. A student
controls the answer cells and any cell they add; every other cell is restored from the
instructor's copy by nbgrader. Instead of listing what is forbidden (patching numpy, the
checks, IPython, the test cells...), the guard lists what an answer may use:

- the names it binds itself (functions, variables, arguments, loop variables);
- `np`/`numpy` and `math`, imported only as themselves;
- the harmless builtins below;
- per notebook, names the notebook hands to its exercises (`extra_names`).

It may not assign to or delete attributes of anything it did not create, touch dunder
attributes, rebind a name the notebook defines outside the answer cells, or use IPython
magics or shell escapes. A submission that breaks a rule is flagged for the instructor and
scores 0 (see `helpers.grading.nbgrader_ext`).

Introduced with notebook 01; used by every graded notebook.
"""
import ast
from dataclasses import dataclass

ALLOWED_MODULES = {"numpy": {"numpy", "np"}, "math": {"math"}}

SAFE_BUILTINS = {
    "abs", "all", "any", "bool", "dict", "divmod", "enumerate", "filter", "float",
    "int", "isinstance", "len", "list", "map", "max", "min", "pow", "print", "range",
    "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "zip",
    "True", "False", "None", "NotImplementedError", "ValueError", "TypeError",
    "Exception", "ZeroDivisionError", "AssertionError", "KeyError", "IndexError",
}


@dataclass(frozen=True)
class Violation:
    """One broken rule: which cell (its nbgrader id or position), which line, and why."""

    cell: str
    line: int
    reason: str

    def __str__(self):
        return f"{self.cell}, line {self.line}: {self.reason}"


class _Scanner(ast.NodeVisitor):
    """Walks one cell, collecting bound names, loaded names and broken rules."""

    def __init__(self, cell, reserved):
        self.cell, self.reserved = cell, reserved
        self.bound = set()
        self.loads = []
        self.violations = []
        self.depth = 0  # 0 = the notebook's namespace; >0 = inside a function
        self.declared_global = set()

    def flag(self, node, reason):
        self.violations.append(Violation(self.cell, getattr(node, "lineno", 0), reason))

    def bind(self, name, node):
        at_module_level = self.depth == 0 or name in self.declared_global
        if at_module_level and name in self.reserved:
            self.flag(node, f"rebinds `{name}`, which the notebook itself defines")
        self.bound.add(name)

    def _in_scope(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    # -- names -----------------------------------------------------------------------
    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self.loads.append(node)
        else:
            self.bind(node.id, node)

    def visit_arg(self, node):
        self.bind(node.arg, node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        self.bind(node.name, node)
        self._in_scope(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.bind(node.name, node)
        self._in_scope(node)

    visit_Lambda = visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = \
        _in_scope

    def visit_ExceptHandler(self, node):
        if node.name:
            self.bind(node.name, node)
        self.generic_visit(node)

    def visit_Global(self, node):
        self.declared_global.update(node.names)
        for name in node.names:
            self.bind(name, node)

    visit_Nonlocal = visit_Global

    def visit_Import(self, node):
        for alias in node.names:
            asname = alias.asname or alias.name
            if asname not in ALLOWED_MODULES.get(alias.name, ()):
                self.flag(node, f"imports `{alias.name}` as `{asname}`: an answer may "
                                "import only `numpy as np` and `math`")
            else:
                self.bound.add(asname)

    def visit_ImportFrom(self, node):
        self.flag(node, f"`from {node.module} import ...`: an answer may import only "
                        "`numpy as np` and `math`")

    # -- attributes --------------------------------------------------------------------
    def visit_Attribute(self, node):
        if node.attr.startswith("__") and node.attr.endswith("__"):
            self.flag(node, f"uses the special attribute `{node.attr}`")
        if not isinstance(node.ctx, ast.Load):
            root = _root_name(node)
            if root is None or root not in self.bound or root in {"np", "numpy", "math"}:
                self.flag(node, f"assigns to or deletes `{ast.unparse(node)}`, which the "
                                "answer did not create")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if not isinstance(node.ctx, ast.Load):
            root = _root_name(node)
            if root is not None and root not in self.bound:
                self.flag(node, f"changes `{ast.unparse(node)}`, which the answer did "
                                "not create")
        self.generic_visit(node)


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def notebook_names(source):
    """(bound, imported): the names a notebook cell binds at module level, and the
    subset bound by import statements (modules and helper functions)."""
    try:
        tree = ast.parse(source)
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
    notebook_cells: sources of the notebook's own code cells. Answers may read the
        data they define but not rebind it, and may not use what they import (the
        checks, the reference implementations) unless it is in `extra_names`.
    extra_names: names the notebook lets its exercises use besides numpy and math.
    Returns a list of Violation, empty when the submission is clean.
    """
    allowed = SAFE_BUILTINS | set(extra_names)
    reserved, provided = set(), set()
    for source in notebook_cells:
        bound, imported = notebook_names(source)
        reserved |= bound
        provided |= imported
    readable = allowed | {"np", "numpy", "math"} | (reserved - provided)
    reserved -= allowed | {"np", "numpy", "math"}
    violations, bound, loads = [], set(), []
    for label, source in answer_cells:
        if any(line.lstrip().startswith(("%", "!")) for line in source.splitlines()):
            violations.append(Violation(label, 0, "uses an IPython magic or shell command"))
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue  # costs the student this cell, and cannot patch anything
        scanner = _Scanner(label, reserved)
        scanner.visit(tree)
        violations += scanner.violations
        bound |= scanner.bound
        loads += [(label, node) for node in scanner.loads]
    for label, node in loads:
        if node.id not in bound and node.id not in readable:
            why = "the notebook's own tool" if node.id in provided else "not defined in the answers"
            violations.append(Violation(label, node.lineno, f"uses `{node.id}` ({why}); an "
                                        "answer may use numpy, math and its own names"))
    return violations
