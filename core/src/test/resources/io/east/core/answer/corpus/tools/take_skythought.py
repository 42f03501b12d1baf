#!/usr/bin/env python3
"""Takes NovaSky-AI/SkyThought's answer-checking tests of its math task handlers as corpus lines.

Usage: take_skythought.py SKYTHOUGHT_CHECKOUT COMMIT > skythought.jsonl
Reads the test files with `ast` (nothing is imported or run). Each `test_check_correctness` is parametrized over
(problem, response, expected) and asserts `handler.check_correctness(problem, generation=response) == expected`:
the gold is `problem["answer"]` (kept exactly, leading space included) and the prediction is the response. The
handler is recorded in `note` (MATH, AIME and AMC23 handlers, each with its own answer normalisation).
Left out: verbatim repeats of a case already in the corpus or earlier in this file; the count goes to stderr.
"""
import ast
import sys
from pathlib import Path

from corpus_rules import NewCases, write

FILES = ["tests/evals/tasks/test_math.py", "tests/evals/tasks/test_aime.py", "tests/evals/tasks/test_amc.py"]


def handler_of(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            return node.names[0].name
    return ""


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    taken = NewCases("skythought", "math-verify.jsonl", "hendrycks-math.jsonl", "east.jsonl", "lighteval.jsonl",
                     "nemo-skills.jsonl")
    for path in FILES:
        tree = ast.parse((root / path).read_text(encoding="utf-8"))
        handler = handler_of(tree)
        for func in tree.body:
            if not isinstance(func, ast.FunctionDef) or func.name != "test_check_correctness":
                continue
            deco = next(d for d in func.decorator_list if ast.unparse(d.func).endswith("parametrize"))
            names = [n.strip() for n in ast.literal_eval(deco.args[0]).split(",")]
            for element in deco.args[1].elts:
                row = dict(zip(names, (ast.literal_eval(e) for e in element.elts)))
                gold, pred, expected = row["problem"]["answer"], row["response"], bool(row["expected"])
                taken.add(pred, gold, expected, func.name, f"NovaSky-AI/SkyThought@{commit}:{path}#L{element.lineno}",
                          f"{func.name}; {handler}.check_correctness")
    write(taken.rows, sys.stdout)
    print(f"skythought: {len(taken.rows)} cases; left out {taken.repeats} repeats", file=sys.stderr)


if __name__ == "__main__":
    main()
