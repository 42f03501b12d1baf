#!/usr/bin/env python3
"""Takes NVIDIA/NeMo-Skills's math_equal tests as corpus lines.

Usage: take_nemo_skills.py NEMO_SKILLS_CHECKOUT COMMIT > nemo-skills.jsonl
Reads tests/test_math_equal.py with `ast` (nothing is imported or run). Each test is parametrized over pairs and
asserts `math_equal(pair[0], pair[1])` and `math_equal(pair[1], pair[0])`, True in test_correct_examples and False
in test_incorrect_examples. NeMo-Skills's signature is `math_equal(gt_answer, predicted_answer)`, so each pair
gives two cases: pair[0] as the gold and pair[1] as the prediction, then the reverse; a pair of two equal values
gives one. Numbers in a pair are passed through `str()` by math_equal, so they become the strings it compares
(`5.0`, `0.5`; the expression `5 / 2` is evaluated by Python to 2.5, i.e. `2.5`).
Left out: pairs with `None` (not an answer string: math_equal returns False for a None prediction before
comparing) and verbatim repeats of a case already in the corpus; the counts go to stderr.
"""
import ast
import operator
import sys
import warnings
from pathlib import Path

from corpus_rules import NewCases, write

PATH = "tests/test_math_equal.py"
LABELS = {"test_correct_examples": True, "test_incorrect_examples": False}
OPS = {ast.Div: operator.truediv, ast.Mult: operator.mul, ast.Add: operator.add, ast.Sub: operator.sub}


def value(node):
    """A literal, or Python arithmetic over literals (upstream writes `5 / 2`)."""
    if isinstance(node, ast.BinOp):
        return OPS[type(node.op)](value(node.left), value(node.right))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # upstream writes "\$10" in a non-raw string: the backslash stays
        return ast.literal_eval(node)


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    tree = ast.parse((root / PATH).read_text(encoding="utf-8"))
    taken = NewCases("nemoskills", "math-verify.jsonl", "hendrycks-math.jsonl", "east.jsonl", "lighteval.jsonl")
    nones = 0
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef) or func.name not in LABELS:
            continue
        expected = LABELS[func.name]
        deco = next(d for d in func.decorator_list if ast.unparse(d.func).endswith("parametrize"))
        for element in deco.args[1].elts:
            pair = [value(e) for e in element.elts]
            if any(v is None for v in pair):
                nones += 2
                continue
            first, second = (str(v) for v in pair)
            for gold, pred, order in ((first, second, "pair[0] as gold"), (second, first, "pair[1] as gold")):
                taken.add(pred, gold, expected, func.name, f"NVIDIA/NeMo-Skills@{commit}:{PATH}#L{element.lineno}",
                          f"{func.name}; {order}")
    write(taken.rows, sys.stdout)
    print(f"nemo-skills: {len(taken.rows)} cases; left out {nones} with None, {taken.repeats} repeats",
          file=sys.stderr)


if __name__ == "__main__":
    main()
