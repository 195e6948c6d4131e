"""helpers.grading.guard, statically: what an answer may and may not do.

The end-to-end pipeline (tests/test_pipeline.py) runs a few cheats through nbgrader;
here every rule has its own fast case, and each known bypass (a way to patch numpy, the
checks or IPython, or to reach the reference code, that an earlier guard missed) stays as a
regression case.
"""
import nbformat
import pytest
from traitlets.config.loader import PyFileConfigLoader

from answers import MODULES
from course import ROOT, answer_sources, with_answers
from helpers.grading import guard as guard_module
from helpers.grading.guard import Violation, notebook_names, scan_answers
from helpers.grading.nbgrader_ext import GuardedExecute

# The notebook's own cells: its imports (a checks module, a reference data loader) and data.
NOTEBOOK = [
    "import numpy as np\n"
    "_ = np.set_printoptions(precision=4)\n"
    "from helpers.data import load_digit_pair\n"
    "from helpers.grading import nb01 as checks\n",
    "X_train, Y_train, X_test, Y_test = load_digit_pair('3', '8')\n",
]

# A class whose every attribute is a function that does nothing: a stand-in for `checks`.
FAKE = "class Fake:\n    def __getattr__(self, name):\n        return lambda *a, **k: None\n"


def scan(*cells, extra=()):
    """The violations of answer cells `cell 1`, `cell 2`, ... in NOTEBOOK."""
    return scan_answers([(f"cell {i}", source) for i, source in enumerate(cells, 1)],
                        NOTEBOOK, extra)


def reasons(*cells):
    return " | ".join(v.reason for v in scan(*cells))


# -- flagged: each (answer cells, a fragment of the reason) ---------------------------------
FLAGGED = {
    # an exercise gets its inputs as arguments, not from the notebook's variables
    "reads notebook data": ("def f():\n    return X_train.shape[0]\n",
                            "uses `X_train` (the notebook's own variable"),
    "reads a notebook figure": ("fig.savefig('x.png')\n", "uses `fig`"),
    # changing what the answer did not create
    "assigns an attribute of np": ("np.allclose = lambda *a, **k: True\n",
                                   "assigns to or deletes `np.allclose`"),
    "deletes an attribute of np": ("del np.exp\n", "assigns to or deletes `np.exp`"),
    "assigns an attribute of math": ("math.pi = 3\n", "assigns to or deletes `math.pi`"),
    "assigns an attribute of the checks": ("checks.x = 1\n", "assigns to or deletes `checks.x`"),
    "assigns an attribute of a nested numpy module":
        ("np.linalg.norm = abs\n", "assigns to or deletes `np.linalg.norm`"),
    "augmented assignment to a module attribute": ("np.pi += 1\n",
                                                   "assigns to or deletes `np.pi`"),
    "assigns into sys.modules": ("sys.modules['numpy'] = None\n",
                                 "changes `sys.modules['numpy']`"),
    "assigns into notebook data": ("X_train[0] = 1\n", "changes `X_train[0]`"),
    "assigns an attribute of a call's result": ("load_digit_pair().x = 1\n",
                                                "assigns to or deletes"),
    # imports
    "import os": ("import os\n", "imports `os`"),
    "numpy under another name": ("import numpy as checks\n", "rebinds `checks`"),
    "a numpy submodule with ways out": ("import numpy.testing\n", "imports `numpy.testing`"),
    "from helpers": ("from helpers import x\n", "`from helpers import ...`"),
    "from numpy, a module with ways out": ("from numpy import testing\n", "`np.testing`"),
    "from numpy, file input": ("from numpy import load\n", "reads or writes files"),
    "from numpy, everything": ("from numpy import *\n", "import *"),
    "from numpy, private": ("from numpy import _core\n", "private attribute"),
    "relative import": ("from . import x\n", "`from . import"),
    "import importlib": ("import importlib\n", "imports `importlib`"),
    # the notebook's own tools
    "calls the checks": ("checks.check_sigmoid(abs)\n",
                         "uses `checks` (the course's checks or reference code)"),
    "calls the data loader": ("def f():\n    return load_digit_pair('1', '7')\n",
                              "uses `load_digit_pair` (the course's"),
    "an undefined name": ("y = undefined_thing\n", "uses `undefined_thing` (not defined"),
    "IPython's output history": ("for _ in range(3):\n    pass\ny = _\n", "uses `_` (a Python"),
    # dunder attributes
    "__class__": ("x = 1\ny = x.__class__\n", "special attribute `__class__`"),
    "__globals__": ("def f():\n    pass\ng = f.__globals__\n", "special attribute `__globals__`"),
    "__builtins__ attribute": ("__builtins__.print = None\n", "uses `__builtins__`"),
    # IPython
    "a line magic": ("%time x = 1\n", "uses `get_ipython` (IPython"),
    "a shell escape": ("!ls\n", "uses `get_ipython` (IPython"),
    "a cell magic": ("%%bash\nls\n", "uses `get_ipython` (IPython"),
    "calls get_ipython": ("get_ipython().set_custom_exc((Exception,), print)\n",
                          "uses `get_ipython` (IPython"),
    # rebinding what the notebook defines, at module level
    "assigns notebook data": ("X_train = 5\n", "rebinds `X_train`"),
    "rebinds the checks": (FAKE + "checks = Fake()\n", "rebinds `checks`"),
    "global in a function": ("def f():\n    global X_train\n    X_train = 5\n",
                             "rebinds `X_train`"),
    "a for loop variable": ("for X_train in range(3):\n    pass\n", "rebinds `X_train`"),
    "a with target": ("with np.errstate() as X_train:\n    pass\n", "rebinds `X_train`"),
    "an import alias": ("import numpy as X_train\n", "rebinds `X_train`"),
    "an except target": ("try:\n    pass\nexcept ValueError as X_train:\n    pass\n",
                         "rebinds `X_train`"),
    "deletes notebook data": ("del X_train\n", "rebinds `X_train`"),
    "a function named like the checks": ("def checks():\n    pass\n", "rebinds `checks`"),
    # a lambda does not hide a call
    "setattr in a called lambda": ("(lambda: setattr(np, 'x', 1))()\n", "uses `setattr`"),
}

UNNEEDED_BUILTINS = ["getattr", "setattr", "delattr", "exec", "eval", "open", "globals",
                     "locals", "vars", "__import__", "get_ipython", "compile", "type",
                     "breakpoint", "input"]

# Ways past the guard found while writing these tests; each worked in a real IPython kernel.
BYPASSES = {
    # binding a name anywhere (a parameter, a comprehension, dead code) let it be used
    # everywhere, so the builtin or the notebook's object stayed reachable
    "a parameter named like the checks": ("def f(checks):\n    pass\n"
                                          "checks.check_sigmoid = lambda f: None\n",
                                          "uses `checks`"),
    "a comprehension variable named getattr": ("[getattr for getattr in ()]\n"
                                               "getattr(np, 'allclose')\n", "uses `getattr`"),
    "a default argument evaluates the builtin": ("def f(getattr=getattr):\n    return getattr\n",
                                                 "uses `getattr`"),
    "a comprehension's first iterable evaluates the builtin":
        ("g = [getattr for getattr in [getattr]][0]\n", "uses `getattr`"),
    "an annotation evaluates the builtin": ("def f(getattr: getattr(np, 'exp')):\n    pass\n",
                                            "uses `getattr`"),
    "dead code binds get_ipython": ("if False:\n    get_ipython = None\n"
                                    "get_ipython().set_custom_exc((Exception,), print)\n",
                                    "get_ipython"),
    "dead code binds __builtins__": ("if False:\n    __builtins__ = None\n"
                                     "__builtins__.print = None\n", "__builtins__"),
    "a class body binds a builtin": ("class A:\n    if False:\n        getattr = None\n"
                                     "    f = getattr(np, 'exp')\n", "uses `getattr`"),
    "a method sees a class-level name as the builtin":
        ("class A:\n    getattr = None\n    def m(self):\n        return getattr(np, 'e')\n",
         "uses `getattr`"),
    # rebinding what the notebook's own cells use
    "rebinds np": (FAKE + "np = Fake()\n", "rebinds `np`"),
    "rebinds a builtin the tests may use": ("all = lambda x: True\n", "rebinds `all`"),
    "walrus in a comprehension": (FAKE + "[(checks := Fake()) for _ in [0]]\n",
                                  "rebinds `checks`"),
    "match capture": (FAKE + "match Fake():\n    case checks:\n        pass\n",
                      "rebinds `checks`"),
    # numpy reached through another name
    "an alias of np": ("m = np\nm.allclose = lambda *a, **k: True\n", "the module `np`"),
    "np passed to a function": ("def patch(m):\n    m.allclose = lambda *a, **k: True\n"
                                "patch(np)\n", "the module `np`"),
    "an alias of a numpy module": ("t = np.linalg\nt.norm = abs\n", "the module `np.linalg`"),
    # numpy's own ways out
    "np.testing.measure executes a string": ("np.testing.measure('import os')\n",
                                             "`np.testing`"),
    "os through numpy": ("np.f2py.os.system('echo hacked')\n", "`np.f2py`"),
    "sys.modules through numpy": ("m = np.ma.core.builtins\n", "`np.ma`"),
    "numpy's private modules": ("m = np._core\n", "private attribute `_core`"),
    "ctypes through an array": ("c = np.zeros(1).ctypes._ctypes\n", "private attribute"),
    "np.load unpickles (runs code)": ("np.load('evil.npy', allow_pickle=True)\n",
                                      "reads or writes files"),
    "savetxt writes files": ("np.savetxt('evil.pth', [], header='import os')\n",
                             "reads or writes files"),
    "tofile writes files": ("np.zeros(3).tofile('evil.pth')\n", "reads or writes files"),
    # the notebook's namespace through a generator's frame
    "a generator's frame globals": ("g = (i for i in [0])\nns = g.gi_frame.f_globals\n"
                                    "ns['checks'].check_sigmoid = lambda f: None\n",
                                    "`gi_frame`"),
    # IPython syntax that Python cannot parse, so the guard skipped the cell
    "a shell escape assigned": ("out = !echo hacked\n", "uses `get_ipython` (IPython"),
    "a magic assigned": ("t = %time 1\n", "uses `get_ipython` (IPython"),
    "doctest prompts, which IPython strips": (">>> import os\n>>> os.system('ls')\n",
                                              "imports `os`"),
    "help syntax": ("np.exp?\n", "uses `get_ipython` (IPython"),
    # numpy's own test runner runs pytest in the kernel: --junitxml= overwrote the gradebook
    "np.test": ("np.test(extra_argv=['--junitxml=../../../gradebook.db'])\n", "`np.test`"),
    "np.test imported": ("from numpy import test\n", "`np.test`"),
    "np.test through an alias": ("import numpy as xp\nxp.test()\n", "`xp.test`"),
    "numpy's error state": ("np.seterr(all='raise')\n", "`np.seterr`"),
    "numpy's error callback": ("np.seterrcall(print)\n", "`np.seterrcall`"),
    "numpy's print options": ("np.set_printoptions(precision=1)\n", "`np.set_printoptions`"),
    # objects whose comparisons lie: the checks convert results to exact types, and an
    # answer's class may not define special methods
    "a str whose == is always true": ("class S(str):\n    def __eq__(self, other):\n"
                                      "        return True\n", "special method `__eq__`"),
    "an object that claims to be a bool": ("class B:\n    __class__ = bool\n",
                                           "special method `__class__`"),
    # Keras: a layer that loads a saved model from a file
    "a TFSMLayer": ("layer = keras.layers.TFSMLayer('model', call_endpoint='serve')\n",
                    "loads a saved model"),
}


@pytest.mark.parametrize("source,fragment", FLAGGED.values(), ids=FLAGGED.keys())
def test_flagged(source, fragment):
    assert fragment in reasons(source)


@pytest.mark.parametrize("name", UNNEEDED_BUILTINS)
def test_builtins_answers_do_not_need_are_flagged(name):
    found = scan(f"def f(x):\n    return {name}(x)\n")
    assert [(v.line, v.reason[:len(name) + 7]) for v in found] == [(2, f"uses `{name}`")]


@pytest.mark.parametrize("source,fragment", BYPASSES.values(), ids=BYPASSES.keys())
def test_known_bypass_is_flagged(source, fragment):
    assert fragment in reasons(source)


def test_notebook_magics_do_not_hide_its_names():
    """A `%matplotlib inline` line in the notebook's own cell once hid the cell's imports
    from the guard, so rebinding `checks` passed."""
    notebook = ["%matplotlib inline\nfrom helpers.grading import nb01 as checks\n"]
    found = scan_answers([("cell 1", FAKE + "checks = Fake()\n")], notebook)
    assert "rebinds `checks`, which the notebook itself defines" in [v.reason for v in found]


# -- allowed ------------------------------------------------------------------------------
ALLOWED = {
    "ordinary numpy": ("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",),
    "numpy submodules": ("def f(x, rng):\n    return np.linalg.norm(x) + rng.normal()\n"
                         "rng = np.random.default_rng(0)\n"
                         "w = np.lib.stride_tricks.sliding_window_view(np.arange(5), 2)\n",),
    "functions calling each other across cells": (
        "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",
        "def predict(w, b, X):\n    return sigmoid(w.T @ X + b) > 0.5\n"),
    "a function defined in a later cell": ("def f():\n    return g()\n",
                                           "def g():\n    return 1\n"),
    "parameters and locals shadow notebook names": (
        "def model(X_train, Y_train):\n    X_train = X_train * 2\n"
        "    for Y_train in range(3):\n        pass\n    checks = 1\n    return checks\n",),
    "attributes of its own objects": (
        "class Net:\n    def __init__(self, n):\n        self.w = np.zeros(n)\n"
        "        self._cache = {}\n\n    def step(self, lr):\n        self.w -= lr\n"
        "        self.w[0] = 1\n",),
    "subscripts of its own dicts and arrays": (
        "d = {}\nd['w'] = np.zeros(3)\nd['w'][0] = 1\n"
        "def f(params):\n    grads = {}\n    grads['dw'] = params['w'] * 2\n"
        "    params['w'] -= grads['dw']\n",),
    "imports numpy and math as themselves": ("import math\nimport numpy as np\nimport numpy\n"
                                             "y = math.log(2) + numpy.exp(0)\n",),
    "from numpy and math import what np. reaches": (
        "from numpy import exp, log as ln\nfrom numpy.linalg import norm\n"
        "from math import pi\nfrom numpy import random\n"
        "def f(x):\n    return exp(x) + ln(x) + norm(x) * pi + random.default_rng(0).normal()\n",),
    "numpy submodules under a name": ("import numpy.linalg\nimport numpy.linalg as la\n"
                                      "import numpy as xp\n"
                                      "y = la.norm(np.ones(2)) + numpy.linalg.det(np.eye(2))"
                                      " + xp.exp(0)\n",),
    "comprehensions and lambdas": ("sq = lambda v: v ** 2\n"
                                   "ys = [sq(x) for x in range(3) if x]\n"
                                   "d = {k: v for k, v in zip('ab', ys)}\n"
                                   "s = sum(x for x in ys)\n"
                                   "z = [(last := x) for x in ys]\n",),
    "print and ValueError": ("def f(x):\n    if x < 0:\n        raise ValueError('x < 0')\n"
                             "    print(x)\n    return x\n",),
    "numpy types as values": ("def f(x):\n    return np.asarray(x, dtype=np.float32) "
                              "if isinstance(x, np.ndarray) else np.pi * np.inf\n",),
    "a syntax error": ("def sigmoid(z):\n    return 1 / (1 + np.exp(-z)\n",),
    "percent signs and bangs inside strings": (
        "def f(x):\n    '''Share of errors\n    % of all\n    !important'''\n"
        "    print('%d%%' % x)\n    return x\n",),
    "a match statement on its own names": ("def f(x):\n    match x:\n"
                                           "        case [a, *rest]:\n            return a\n"
                                           "        case {'k': v, **others}:\n"
                                           "            return v\n        case _:\n"
                                           "            return None\n",),
    "nonlocal and global of its own names": (
        "count = 0\ndef f():\n    global count\n    count += 1\n"
        "    total = 0\n    def g():\n        nonlocal total\n        total += 1\n"
        "    g()\n    return total\n",),
    "an indented cell, which IPython dedents": ("  def f(x):\n      return x\n",),
    "a throwaway loop variable": ("for _ in range(3):\n    pass\n",),
}


@pytest.mark.parametrize("cells", ALLOWED.values(), ids=ALLOWED.keys())
def test_allowed(cells):
    assert scan(*cells) == []


def test_extra_names_are_usable():
    assert scan("y = load_digit_pair('1', '7')\n", extra=["load_digit_pair"]) == []
    assert scan("X = helper(3)\n", extra=["helper"]) == []


def test_keras_answers_may_use_the_documented_styles():
    """Keras 3's documented `from keras import layers`, and a subclassed keras.Model."""
    sources = [
        "import keras\nfrom keras import layers, Sequential, Input\n"
        "from keras.layers import Dense\n"
        "def build_model(shape):\n"
        "    return Sequential([Input(shape=shape), layers.Flatten(), Dense(10)])\n",
        "class Net(keras.Model):\n    def __init__(self, n):\n        super().__init__()\n"
        "        self.hidden = keras.layers.Dense(n, activation='relu')\n"
        "        self.out = keras.layers.Dense(10, activation='softmax')\n\n"
        "    def call(self, x):\n        return self.out(self.hidden(x))\n",
    ]
    for source in sources:
        assert scan(source, extra=["keras"]) == [], source
    for source, fragment in [("from keras import utils\n", "import from keras only"),
                             ("from keras.utils import get_file\n", "import from keras only"),
                             ("from keras.saving import load_model\n", "import from keras only"),
                             ("from keras.layers import deserialize\n", "from a config"),
                             ("from keras import *\n", "import from keras only")]:
        assert any(fragment in v.reason for v in scan(source, extra=["keras"])), source
    assert scan("from keras import layers\n"), "keras is only for the notebooks that allow it"


def test_keras_answers_reach_models_and_training_only():
    allowed = ("model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),\n"
               "    keras.layers.Dense(10, activation='softmax')])\n"
               "model.compile(optimizer=keras.optimizers.Adam(), metrics=['accuracy'],\n"
               "    loss=keras.losses.SparseCategoricalCrossentropy())\n"
               "keras.utils.set_random_seed(0)\n")
    assert scan(allowed, extra=["keras"]) == []
    for source, fragment in [
            ("keras.utils.get_file('a', 'http://x')\n", "keras.utils.get_file"),
            ("keras.models.load_model('m.keras')\n", "uses `keras.models`"),
            ("keras.callbacks.CSVLogger('log.csv')\n", "uses `keras.callbacks`"),
            ("keras.config.set_floatx('float16')\n", "uses `keras.config`"),
            ("u = keras.utils\n", "passes `keras.utils` around"),
            ("f(keras)\n", "passes the module `keras` around"),
            ("model.save('m.keras')\n", "reads or writes files"),
            ("model.load_weights('w.h5')\n", "reads or writes files"),
            ("keras.layers.deserialize({'class_name': 'Lambda'})\n", "from a config"),
            ("keras.Sequential.from_config(config)\n", "from a config")]:
        reasons = [v.reason for v in scan(source, extra=["keras", "f", "model", "config"])]
        assert any(fragment in r for r in reasons), (source, reasons)


# What a broken rule costs: a slip costs its own cell, an attempt on what decides other
# grades costs the submission.
COSTS = {
    "reads notebook data": ("y = X_train.shape[1]\n", guard_module.CELL),
    "an undefined name": ("y = undefined_thing\n", guard_module.CELL),
    "assigns notebook data": ("X_train = 5\n", guard_module.CELL),
    "imports matplotlib": ("import matplotlib\n", guard_module.SUBMISSION),
    "patches numpy": ("np.exp = abs\n", guard_module.SUBMISSION),
    "reads the checks": ("c = checks\n", guard_module.SUBMISSION),
    "rebinds the checks": ("checks = 1\n", guard_module.SUBMISSION),
    "rebinds a builtin": ("print = abs\n", guard_module.SUBMISSION),
    "calls a builtin answers do not need": ("getattr(np, 'exp')\n", guard_module.SUBMISSION),
    "a magic": ("%time 1\n", guard_module.SUBMISSION),
    "a frame": ("g = (i for i in [0])\nf = g.gi_frame\n", guard_module.SUBMISSION),
}


@pytest.mark.parametrize("source,scope", COSTS.values(), ids=COSTS.keys())
def test_what_a_broken_rule_costs(source, scope):
    found = scan(source)
    assert found and {v.scope for v in found} == {scope}, found


def test_violation_names_the_cell_and_line():
    found = scan("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",
                 "x = 1\n\nnp.exp = abs\n")
    assert found == [Violation("cell 2", 3, "assigns to or deletes `np.exp`, which the answer "
                                            "did not create")]
    assert str(found[0]).startswith("cell 2, line 3: assigns to or deletes `np.exp`")


def test_one_violation_per_broken_rule():
    found = scan("import os\n", "X_train = 1\nchecks.f = 2\n")
    assert [(v.cell, v.line) for v in found] == [("cell 1", 1), ("cell 2", 1),
                                                 ("cell 2", 2), ("cell 2", 2)]
    assert "uses `checks`" in found[3].reason


# -- every graded notebook and its answers module (no kernel, no nbgrader run) --------------
@pytest.fixture(scope="module")
def guard():
    """GuardedExecute as the course's nbgrader_config.py sets it up (extra names included)."""
    return GuardedExecute(config=PyFileConfigLoader("nbgrader_config.py", str(ROOT)).load_config())


def _solution(module):
    return nbformat.read(ROOT / "solutions" / module.NAME / f"{module.NAME}.ipynb", 4)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_solution_and_every_student_answer_pass(guard, module):
    nb = _solution(module)
    assert guard.scan(nb, module.NAME) == []
    for exercise, variants in [*module.WRONG.items(), *module.RIGHT.items()]:
        for label, source in variants.items():
            found = guard.scan(with_answers(nb, {exercise: source}), module.NAME)
            assert found == [], (exercise, label)


@pytest.mark.parametrize("module,label", [(m, label) for m in MODULES for label in m.CHEATS],
                         ids=lambda x: getattr(x, "NAME", x))
def test_cheats_are_flagged(guard, module, label):
    nb = _solution(module)
    first, source = next(iter(answer_sources(nb).items()))
    assert guard.scan(with_answers(nb, {first: module.CHEATS[label] + "\n" + source}),
                      module.NAME)


# -- notebook_names -----------------------------------------------------------------------
def test_notebook_names_binds_and_imports():
    bound, imported = notebook_names(
        "import numpy as np\nimport matplotlib.pyplot\nfrom helpers.grading import nb01 as c\n"
        "def helper():\n    local = 1\nclass Tool:\n    attr = 2\n"
        "a, (b, c2) = 1, (2, 3)\nfor i in range(3):\n    j = i\nwith x as ctx:\n    pass\n"
        "obj.attr = 4\nd[0] = 5\n")
    assert imported == {"np", "matplotlib", "c", "helper", "Tool"}
    assert bound == imported | {"a", "b", "c2", "i", "j", "ctx"}


def test_notebook_names_of_a_broken_cell_is_empty():
    assert notebook_names("def f(:\n") == (set(), set())


def test_notebook_names_sees_past_magics():
    assert notebook_names("%matplotlib inline\nimport numpy as np\nx = 1\n") == \
        ({"np", "x"}, {"np"})


def test_command_line_self_check(tmp_path, capsys):
    """`python -m helpers.grading.guard NOTEBOOK` says what the autograder would say."""
    release = ROOT / "notebooks" / "01_logistic_regression" / "01_logistic_regression.ipynb"
    assert guard_module.main([str(release)]) == 0
    assert "nothing to object to" in capsys.readouterr().out
    nb = nbformat.read(release, 4)
    nb.cells.append(nbformat.v4.new_code_cell("np.allclose = lambda *a, **k: True"))
    submitted = tmp_path / "submitted.ipynb"
    nbformat.write(nb, submitted)
    assert guard_module.main([str(submitted)]) == 1
    out = capsys.readouterr().out
    assert "autograder would score 0" in out and "np.allclose" in out and "added cell" in out
