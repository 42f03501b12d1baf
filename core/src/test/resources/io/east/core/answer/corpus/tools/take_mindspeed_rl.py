#!/usr/bin/env python3
"""Takes Ascend/MindSpeed-RL's math_equal test as corpus lines.

Usage: take_mindspeed_rl.py MINDSPEED_RL_CHECKOUT COMMIT > mindspeed-rl.jsonl
Reads tests/ut/utils/test_grader.py with `ast` (nothing is imported or run). Each `assert math_equal(a, b, ...) is
True|False` becomes a case; arguments that are local variables are resolved from their literal assignments.
MindSpeed-RL's grader (Qwen2.5-Math's, as in ZubinGou/math-evaluation-harness) is
`math_equal(prediction, reference)`, so argument 1 is the prediction and argument 2 the gold. Its numeric
comparison is `isclose(reference, prediction, rel_tol=1e-4)` (is_close=True by default): `note` says so where a
label holds only under that tolerance. Keyword settings (`timeout=True`, which only bounds the time) go to `note`.
Left out: verbatim repeats of a case already in the corpus; the count goes to stderr.
"""
import ast
import sys
from pathlib import Path

from corpus_rules import NewCases, write

PATH = "tests/ut/utils/test_grader.py"


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    tree = ast.parse((root / PATH).read_text(encoding="utf-8"))
    taken = NewCases("mindspeedrl", "math-verify.jsonl", "hendrycks-math.jsonl", "east.jsonl", "lighteval.jsonl",
                     "nemo-skills.jsonl", "skythought.jsonl", "slime.jsonl")
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef) or not func.name.startswith("test_"):
            continue
        local, calls = {}, {}
        for stmt in func.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                if isinstance(stmt.value, ast.Call):
                    calls[stmt.targets[0].id] = stmt.value
                else:
                    local[stmt.targets[0].id] = ast.literal_eval(stmt.value)
            elif isinstance(stmt, ast.Assert) and isinstance(stmt.test, ast.Compare):
                call = stmt.test.left
                if isinstance(call, ast.Name):
                    call = calls[call.id]
                if getattr(call.func, "id", "") != "math_equal":
                    continue
                pred, gold = (local[a.id] if isinstance(a, ast.Name) else ast.literal_eval(a) for a in call.args[:2])
                expected = ast.literal_eval(stmt.test.comparators[0])
                settings = ", ".join(f"{k.arg}={ast.unparse(k.value)}" for k in call.keywords)
                note = f"{func.name}; math_equal" + (f", {settings}" if settings else "")
                if expected and pred != gold:
                    try:
                        if float(pred) != float(gold):
                            note += "; holds under math_equal's default relative tolerance 1e-4"
                    except ValueError:
                        pass
                taken.add(pred, gold, expected, func.name, f"Ascend/MindSpeed-RL@{commit}:{PATH}#L{stmt.lineno}", note)
    write(taken.rows, sys.stdout)
    print(f"mindspeed-rl: {len(taken.rows)} cases; left out {taken.repeats} repeats", file=sys.stderr)


if __name__ == "__main__":
    main()
