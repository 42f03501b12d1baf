#!/usr/bin/env python3
"""Takes the equivalence cases of huggingface/lighteval's extractive-match tests as corpus lines.

Usage: take_lighteval.py LIGHTEVAL_CHECKOUT COMMIT > lighteval.jsonl
Reads tests/unit/metrics/test_extractive_match.py with `ast` (nothing is imported or run). Every
`@pytest.mark.parametrize` tuple with `gold` and `pred`, and every literal `assert compare_strings(gold, pred, ...)
== N` outside a parametrize, becomes a case with its label. lighteval's argument order is
`compare_strings(gold, pred)`: the gold is the document's choice, the prediction the model's text. The test's
settings that differ from the helper's defaults (`match_types`, `precision`, a `language` other than English) are
recorded in `note`: the label holds under them.
Left out: the letter-choice tests (`match_types=["NativeLetters"]`: they test extracting an option letter, a
setting our grader does not have), and verbatim repeats of a case already in the corpus (math-verify.jsonl,
hendrycks-math.jsonl, east.jsonl) or earlier in this file; the counts go to stderr.
"""
import ast
import sys
import warnings
from pathlib import Path

from corpus_rules import NewCases, write

PATH = "tests/unit/metrics/test_extractive_match.py"
HELPER_PARAMS = ["gold", "pred", "language", "match_types", "precision"]
DEFAULTS = {"language": "Language.ENGLISH", "match_types": "['latex', 'expr']", "precision": "6"}


def literal(node):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # upstream has a few invalid escapes ("\$") in non-raw strings
        return ast.literal_eval(node)


def call_settings(call, row):
    """The helper's arguments other than gold and pred, as source text, with parametrized names resolved."""
    args = dict(zip(HELPER_PARAMS, call.args))
    args.update({k.arg: k.value for k in call.keywords})
    settings = {}
    for name in HELPER_PARAMS[2:]:
        node = args.get(name)
        if node is None:
            text = DEFAULTS[name]
        elif isinstance(node, ast.Name) and node.id in row:
            text = row[node.id]
        else:
            text = ast.unparse(node)
        settings[name] = text
    return settings


def helper_call(func):
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "compare_strings":
            return node
    return None


def cases(tree):
    """(line, test, gold, pred, expected, settings) for every labelled tuple, in file order."""
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef):
            continue
        decos = [d for d in func.decorator_list
                 if isinstance(d, ast.Call) and ast.unparse(d.func).endswith("parametrize")]
        if decos:
            deco = decos[0]
            names = [n.strip() for n in literal(deco.args[0]).split(",")]
            if "gold" not in names or "pred" not in names:
                continue
            call = helper_call(func)
            for element in deco.args[1].elts:
                values = dict(zip(names, element.elts))
                row = {n: ast.unparse(v) for n, v in values.items()}
                settings = call_settings(call, row)
                # a parametrized match_type list is passed positionally under the helper's match_types
                yield (element.lineno, func.name, literal(values["gold"]), literal(values["pred"]),
                       bool(literal(values["expected"])), settings)
        else:
            for node in ast.walk(func):
                if not (isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare)):
                    continue
                call = node.test.left
                if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "compare_strings"):
                    continue
                yield (node.lineno, func.name, literal(call.args[0]), literal(call.args[1]),
                       bool(literal(node.test.comparators[0])), call_settings(call, {}))


def main():
    root, commit = Path(sys.argv[1]), sys.argv[2]
    tree = ast.parse((root / PATH).read_text(encoding="utf-8"))
    taken = NewCases("lighteval", "math-verify.jsonl", "hendrycks-math.jsonl", "east.jsonl")
    letters = 0
    for line, test, gold, pred, expected, settings in cases(tree):
        if "NativeLetters" in settings["match_types"]:
            letters += 1
            continue
        extra = [f"match_types={settings['match_types']}"]
        if settings["precision"] != DEFAULTS["precision"]:
            extra.append(f"precision={settings['precision']}")
        if settings["language"] != DEFAULTS["language"]:
            extra.append(f"language={settings['language']}")
        taken.add(pred, gold, expected, test, f"huggingface/lighteval@{commit}:{PATH}#L{line}",
                  test + "; " + ", ".join(extra))
    write(taken.rows, sys.stdout)
    print(f"lighteval: {len(taken.rows)} cases; left out {letters} letter-choice tuples, {taken.repeats} repeats",
          file=sys.stderr)


if __name__ == "__main__":
    main()
