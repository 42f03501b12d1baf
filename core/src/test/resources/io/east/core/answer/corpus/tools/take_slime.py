#!/usr/bin/env python3
"""Takes THUDM/slime's tests of its math reward graders as corpus lines.

Usage: take_slime.py SLIME_CHECKOUT COMMIT > slime.jsonl
Reads the test files with `ast` (nothing is imported or run). In every test that calls one of slime's math graders
on literal strings (or on a parametrized pair) and asserts its verdict, the call becomes a case. All these graders
take the response first and the ground truth second (`grade_answer_mathd(given_answer, ground_truth)`,
`grade_answer_verl(solution_str, ground_truth)`, `is_correct_minerva(solution_str, gt)`,
`get_deepscaler_rule_based_reward(response, label)`, ...), so argument 1 is the prediction and argument 2 the gold.
The verdict is read from the assertion: `is True`/`is False`, `== 1`/`== 0`, a score of 1 or -1 (slime's DAPO
scorer rewards a wrong answer with -1), or the `acc` field of compute_score's result. An integer gold is
passed through `str()` as the grader does. Keyword settings (`strict_box_verify=True`) are recorded in `note`.
Left out (counts to stderr): the tests that check the normalisers or the box extraction rather than a verdict,
tests whose verdict depends on a setting our grader does not have (LEFT_OUT below: an answer found only after
`</think>`/`###Response`, only in a box, only after "Answer:", only in the last 300 characters) or on an empty
gold, and verbatim repeats of a case already in the corpus or earlier in this file.
"""
import ast
import sys
from pathlib import Path

from corpus_rules import NewCases, write

FILES = ["tests/test_rm_math.py", "tests/test_rm_math_dapo.py", "tests/test_rm_deepscaler.py"]
GRADERS = {"grade_answer_mathd", "grade_answer_sympy", "grade_answer_verl", "is_correct_minerva",
           "is_correct_strict_box", "verify", "compute_score", "get_deepscaler_rule_based_reward"}
# test -> why its verdict holds only under a setting our grader does not have
LEFT_OUT = {
    "test_grade_answer_verl_returns_false_on_missing_extraction": "needs a box",
    "test_grade_answer_verl_returns_false_on_empty_ground_truth": "empty gold",
    "test_is_correct_strict_box_no_box_returns_minus_one": "needs a box",
    "test_is_correct_minerva_no_answer_marker_is_invalid": "needs an 'Answer:' line",
    "test_compute_score_only_uses_last_300_chars": "reads only the last 300 characters",
    "test_response_without_any_marker_returns_zero": "needs </think> or ###Response",
    "test_empty_label_returns_zero": "empty gold",
}
REMARKS = {
    "test_grade_answer_sympy_fraction_must_match_exactly":
        "slime's sympy grader deliberately rejects an unreduced fraction; mathematically equal (README: policy)",
}


def verdict(node):
    """The label an assertion states about a grader's result, or None."""
    if isinstance(node, ast.Compare):
        right = node.comparators[0]
        if isinstance(right, ast.Tuple):
            right = right.elts[0]
        if isinstance(right, ast.Dict):
            return next(ast.literal_eval(v) for k, v in zip(right.keys, right.values) if ast.literal_eval(k) == "acc")
        if isinstance(right, ast.UnaryOp) or isinstance(right, ast.Constant):
            value = ast.literal_eval(right)
            if isinstance(value, bool):
                return value
            if isinstance(value, (int, float)) and value in (1, 0, -1):
                return value == 1
    return None


def cases(tree):
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef):
            continue
        grader = next((n for n in ast.walk(func) if isinstance(n, ast.Call)
                       and getattr(n.func, "id", "") in GRADERS and len(n.args) >= 2), None)
        if grader is None:
            continue
        if func.name in LEFT_OUT:
            yield None, func.name, None, None, None, LEFT_OUT[func.name]
            continue
        local = {}
        for stmt in func.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                try:
                    local[stmt.targets[0].id] = ast.literal_eval(stmt.value)
                except ValueError:
                    pass
        asserts = [n for n in ast.walk(func) if isinstance(n, ast.Assert)]
        label = next(v for v in (verdict(a.test) for a in asserts) if v is not None)
        settings = ", ".join(f"{k.arg}={ast.unparse(k.value)}" for k in grader.keywords)
        note = f"{func.name}; {grader.func.id}" + (f", {settings}" if settings else "")
        deco = next((d for d in func.decorator_list
                     if isinstance(d, ast.Call) and ast.unparse(d.func).endswith("parametrize")), None)
        if deco is not None:
            names = [n.strip() for n in ast.literal_eval(deco.args[0]).split(",")]
            for element in deco.args[1].elts:
                row = dict(zip(names, (ast.literal_eval(e) for e in element.elts)))
                pred, gold = (row[a.id] for a in grader.args[:2])
                yield element.lineno, func.name, pred, gold, label, note
        else:
            pred, gold = (local[a.id] if isinstance(a, ast.Name) else ast.literal_eval(a) for a in grader.args[:2])
            yield grader.lineno, func.name, pred, str(gold), label, note


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    taken = NewCases("slime", "math-verify.jsonl", "hendrycks-math.jsonl", "east.jsonl", "lighteval.jsonl",
                     "nemo-skills.jsonl", "skythought.jsonl")
    left_out = {}
    for path in FILES:
        for line, test, pred, gold, expected, note in cases(ast.parse((root / path).read_text(encoding="utf-8"))):
            if line is None:
                left_out[note] = left_out.get(note, 0) + 1
                continue
            if test in REMARKS:
                note += "; " + REMARKS[test]
            taken.add(pred, gold, expected, test, f"THUDM/slime@{commit}:{path}#L{line}", note)
    write(taken.rows, sys.stdout)
    print(f"slime: {len(taken.rows)} cases; left out {left_out}, {taken.repeats} repeats", file=sys.stderr)


if __name__ == "__main__":
    main()
