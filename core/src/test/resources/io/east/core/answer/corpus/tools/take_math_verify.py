#!/usr/bin/env python3
"""Takes the parametrized equivalence cases of huggingface/Math-Verify's tests as corpus lines.

Usage: take_math_verify.py MATH_VERIFY_CHECKOUT COMMIT > math-verify.jsonl
Reads the test files with `ast` (nothing is imported or run), keeps each (gold, pred, expected) tuple with the
line it starts on, and records the test's non-default settings in `note`. Labels are copied as the authors
asserted them. Cases whose label only holds under a non-default switch (strict=False,
allow_set_relation_comp=True) are left out: our grader has no such switch.
"""
import ast
import math
import sys
from pathlib import Path

from corpus_rules import NewCases, write

# Cases whose upstream label needs a word; the label itself is kept (README: policy).
REMARKS = {
    "mathverify-0105": "upstream accepts a bare value against any side of a chained equation",
    "mathverify-0183": "upstream gold is a non-raw Python string: its \\t is a TAB, so the gold is not \\text{13}",
    "mathverify-0252": "disputed upstream label: 1 + 1/e is not 1 - 1/e; kept as asserted",
}

FILES = ["tests/test_all.py", "tests/test_boxed.py", "tests/test_numina_cases.py",
         "tests/test_open_thoughts.py", "tests/test_yujianll.py", "tests/test_strict.py"]


def value(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        # one upstream case builds its gold with an f-string over math.sqrt
        return eval(compile(ast.Expression(node), "<case>", "eval"), {"math": math})


def settings_of(func):
    """The keyword arguments the test passes to compare_strings, as source text."""
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "compare_strings":
            return {k.arg: ast.unparse(k.value) for k in node.keywords}
    return {}


def cases(root, path):
    tree = ast.parse((root / path).read_text())
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef):
            continue
        for deco in func.decorator_list:
            if not (isinstance(deco, ast.Call) and ast.unparse(deco.func).endswith("parametrize")):
                continue
            names = [n.strip() for n in value(deco.args[0]).split(",")]
            if "gold" not in names or "pred" not in names:
                continue
            settings = settings_of(func)
            for element in deco.args[1].elts:
                row = dict(zip(names, (value(e) for e in element.elts)))
                expected = row.get("expected", row.get("result"))
                if row.get("strict") is False or row.get("allow_set_relation_comp") is True:
                    continue
                extra = {k: v for k, v in settings.items() if k in ("match_types", "precision")}
                if "precision" in row:
                    extra["precision"] = row["precision"]
                yield element.lineno, func.name, row["gold"], row["pred"], bool(expected), extra


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    taken = NewCases("mathverify")  # the first source: only upstream's own verbatim repeats are left out
    for path in FILES:
        for line, test, gold, pred, expected, extra in cases(root, path):
            note = test + ("; " + ", ".join(f"{k}={v}" for k, v in extra.items()) if extra else "")
            row = taken.add(pred, gold, expected, test, f"huggingface/Math-Verify@{commit}:{path}#L{line}", note)
            if row is not None and row["id"] in REMARKS:
                row["note"] += "; " + REMARKS[row["id"]]
    write(taken.rows, sys.stdout)


if __name__ == "__main__":
    main()
