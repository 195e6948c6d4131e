"""Fill in the expected values of the hidden tests from the reference implementations.

A hidden test in a solution's text source reads

    checks.hidden("propagate", propagate, args=(...), expected={...})

The instructor writes the inputs (`args`, and `kwargs` if any); this script computes
`expected` with the exercise's reference (`helpers/grading/nbNN.py`, `EXERCISES`) and
writes it in as literals, so no expected value is typed by hand and none is read from
code a student can reach while grading.

    python -m helpers.grading.literals 01_logistic_regression          # rewrite the source
    python -m helpers.grading.literals --check 01_logistic_regression  # exit 1 if stale

`--check` compares values, to a tolerance a hundred times tighter than any check's:
notebook 08's expected weights come from Keras's float32 training, whose last digits
may differ from one machine to another.

Then rebuild the notebook (`python -m helpers.grading.build NAME`).
Introduced with the exercise declarations (issue 9); used for every graded notebook.
"""
import argparse
import ast
import importlib
import pprint
import sys
from pathlib import Path

import numpy as np

from .exercise import Case

ROOT = Path(__file__).resolve().parents[2]
BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


def checks_module(notebook):
    """The checks module of `notebook` ("01_logistic_regression" -> nb01)."""
    return importlib.import_module(f"helpers.grading.nb{notebook[:2]}")


def literal(value, indent=0, tail=0):
    """Python source that evaluates to `value` (with numpy as np), every float exact, in
    lines of at most 88 characters when it starts at column `indent` and `tail`
    characters follow it."""
    if isinstance(value, np.ndarray):
        dtype = "" if value.dtype in (np.float64, np.int64, np.bool_) else \
            f", dtype=np.{value.dtype}"
        # The closing ")" and the dtype end the last line: leave room for them.
        width = 88 - indent - 9 - len(dtype) - 1 - tail
        body = pprint.pformat(_python(value.tolist()), width=width, compact=True)
        return "np.array(" + body.replace("\n", "\n" + " " * (indent + 9)) + dtype + ")"
    if isinstance(value, dict):
        last = len(value) - 1
        items = [f'"{k}": {literal(v, indent + len(k) + 5, tail + 1 if i == last else 1)}'
                 for i, (k, v) in enumerate(value.items())]
        return "{" + (",\n" + " " * (indent + 1)).join(items) + "}"
    if isinstance(value, (list, tuple)) and all(np.isscalar(v) for v in value):
        body = pprint.pformat(_python(list(value)), width=88 - indent - tail, compact=True)
        body = body.replace("\n", "\n" + " " * indent)
        return body if isinstance(value, list) else "(" + body[1:-1] + ",)"
    if isinstance(value, (list, tuple)):
        items = ", ".join(literal(v, indent + 1) for v in value)
        return f"[{items}]" if isinstance(value, list) else f"({items},)"
    return repr(_python(value))


def _python(value):
    """numpy scalars as the Python numbers whose repr round-trips."""
    if isinstance(value, list):
        return [_python(v) for v in value]
    return value.item() if isinstance(value, np.generic) else value


def hidden_calls(source):
    """(call node, exercise name) of each `checks.hidden("name", ...)` in `source`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "hidden" and node.args \
                and isinstance(node.args[0], ast.Constant):
            yield node, node.args[0].value


def _evaluate(node):
    return eval(compile(ast.Expression(node), "<hidden test>", "eval"), {"np": np})


def _computed(block, exercises):
    """(call node, its keywords, the expected value the reference gives) of each hidden
    call in `block`."""
    for node, name in hidden_calls(block):
        if name not in exercises:
            raise SystemExit(f"checks.hidden({name!r}, ...): no exercise {name!r} is "
                             "declared in the notebook's checks module")
        keywords = {k.arg: k.value for k in node.keywords}
        args = _evaluate(keywords["args"]) if "args" in keywords else ()
        kwargs = _evaluate(keywords["kwargs"]) if "kwargs" in keywords else {}
        yield node, keywords, exercises[name].expected(Case(tuple(args), kwargs))


def agree(written, computed, rtol=1e-6, atol=1e-8):
    """Whether the literals `written` hold the values `computed`, to tolerance."""
    if isinstance(computed, dict):
        return isinstance(written, dict) and written.keys() == computed.keys() and all(
            agree(written[k], computed[k], rtol, atol) for k in computed)
    written, computed = np.asarray(written, float), np.asarray(computed, float)
    return written.shape == computed.shape and np.allclose(written, computed, rtol, atol)


def stale_calls(source, exercises):
    """How many hidden calls in the solution's text `source` have no `expected=`, or one
    that does not agree with the reference."""
    count = 0
    for block in source.split(BEGIN)[1:]:
        for _, keywords, expected in _computed(block.split(END, 1)[0], exercises):
            count += "expected" not in keywords or not agree(
                _evaluate(keywords["expected"]), expected)
    return count


def fill(block, exercises):
    """The hidden-test `block` with each call's `expected=` computed anew."""
    edits = []
    for node, keywords, expected in _computed(block, exercises):
        if "expected" in keywords:
            value = keywords["expected"]
            start = (value.lineno, value.col_offset)
            end = (value.end_lineno, value.end_col_offset)
        else:
            start = end = (node.end_lineno, node.end_col_offset - 1)
        prefix = "" if "expected" in keywords else ",\n    expected="
        text = literal(expected, len("    expected=") if prefix else start[1], tail=1)
        edits.append((start, end, prefix + text))
    offsets = [0]
    for line in block.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    for (l0, c0), (l1, c1), text in sorted(edits, reverse=True):
        a, b = offsets[l0 - 1] + c0, offsets[l1 - 1] + c1
        block = block[:a] + text + block[b:]
    return block


def refresh(source, exercises):
    """The solution's text `source` with every hidden block's expected values refreshed."""
    parts = source.split(BEGIN)
    for i in range(1, len(parts)):
        block, rest = parts[i].split(END, 1)
        parts[i] = fill(block, exercises) + END + rest
    return BEGIN.join(parts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", help="e.g. 01_logistic_regression")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a hidden test's literals are stale")
    args = parser.parse_args(argv)
    stale = []
    for notebook in args.notebooks:
        path = ROOT / "solutions" / notebook / f"{notebook}.py"
        source = path.read_text()
        exercises = checks_module(notebook).EXERCISES
        if args.check:
            if stale_calls(source, exercises):
                stale.append(notebook)
            continue
        new = refresh(source, exercises)
        if new != source:
            path.write_text(new)
            print(f"{path.relative_to(ROOT)}: expected values written; now run "
                  f"python -m helpers.grading.build {notebook}")
    if args.check and stale:
        print("stale hidden-test literals in: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
