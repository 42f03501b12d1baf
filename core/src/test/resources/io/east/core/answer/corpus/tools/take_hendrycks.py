#!/usr/bin/env python3
"""Takes hendrycks/math's modeling/math_equivalence_test.py cases as corpus lines.

Usage: take_hendrycks.py CHECKOUT COMMIT > hendrycks-math.jsonl
Each test method sets test_in and test_out and asserts is_equiv(test_in, test_out). The MATH evaluation calls
is_equiv(model_output, answer), so test_in is the prediction and test_out the gold.
"""
import ast
import sys
from pathlib import Path

from corpus_rules import category_of, write

PATH = "modeling/math_equivalence_test.py"

# Where this suite and Math-Verify disagree (README: policy); the label itself is kept.
REMARKS = {
    "test_order": "disagrees with Math-Verify, which compares bare comma lists as sets (mathverify-0208)",
    "test_decimals": "disagrees with Math-Verify, which compares bare comma lists as sets (mathverify-0208)",
}


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    rows = []
    tree = ast.parse((root / PATH).read_text().expandtabs(4))
    number = 0
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
            continue
        values, expected = {}, None
        for stmt in node.body:
            if isinstance(stmt, ast.Assign):
                values[stmt.targets[0].id] = ast.literal_eval(stmt.value)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                expected = stmt.value.func.attr == "assertTrue"
        number += 1
        case_id = f"hendrycks-{number:04d}"
        pred, gold = values["test_in"], values["test_out"]
        rows.append({
            "id": case_id, "prediction": pred, "gold": gold, "expected": expected,
            "category": category_of(pred, gold, node.name),
            "source": f"hendrycks/math@{commit}:{PATH}#L{node.lineno}",
            "note": node.name + ("; " + REMARKS[node.name] if node.name in REMARKS else ""),
        })
    write(rows, sys.stdout)


if __name__ == "__main__":
    main()
