"""Category and split rules, and the numbering of new cases, shared by the corpus taking scripts (see ../README.md)."""
import hashlib
import re

CATEGORIES = ["numbers", "expressions", "extraction", "relations", "sets", "matrices", "notation"]

MATRIX = re.compile(r"\\begin\{[pbvBV]?matrix\}|\\begin\{array\}")
RELATION = re.compile(r"\\(le|ge|leq|geq|lt|gt|neq|ne|approx)(?![a-zA-Z])|<|>|!=|(?<![\\:])=")
SET_LIKE = re.compile(r"\\cup|\\cap|\\in(?![a-zA-Z])|\\pm|\\\{|^\s*\{.*,.*\}\s*$|[\[(].*,.*[\])]|;|\bor\b|,|\\boxed\{.*\\boxed")
NUMBER = re.compile(r"^\s*-?[\d.,\s]+(\\?%|\s*percent)?\s*$")
NOTATION = re.compile(r"\\text|\\mbox|\\mathrm|\^\\circ|_\{?\d+\}?|:\d\d|\\\\\\\\|\\\$|miles|cm|\\%|%|\\textnormal")


def bare(text):
    """The inside of a final \\boxed{...} or $...$, enough to classify a short gold."""
    text = text.strip()
    m = re.search(r"\\boxed\{(.*)\}", text, re.S)
    if m:
        text = m.group(1)
    return text.strip().strip("$").strip()


def category_of(pred, gold, test=""):
    """One category per case: the hardest thing the grader must get right for it."""
    g = bare(gold)
    if MATRIX.search(gold) or MATRIX.search(bare(pred)):
        return "matrices"
    if len(pred) > 160 or len(gold) > 160:
        return "extraction"
    if "relation" in test or (RELATION.search(g) and not g.startswith("(")):
        return "relations"
    if SET_LIKE.search(g) and not NUMBER.match(g.replace("\\!", "")):
        return "sets"
    if NUMBER.match(g) and NUMBER.match(bare(pred).replace("\\!", "")) or "number" in test:
        return "numbers"
    if NOTATION.search(g) or NOTATION.search(pred) or "notation" in test or "percent" in test:
        return "notation"
    return "expressions"


def rank_of(case_id):
    return hashlib.sha256(case_id.encode()).hexdigest()


def assign_splits(rows):
    """30% of each category of a source, rounded to nearest, goes heldout: those whose id hashes lowest."""
    by_category = {}
    for row in rows:
        by_category.setdefault(row["category"], []).append(row)
    for group in by_category.values():
        heldout = {r["id"] for r in sorted(group, key=lambda r: rank_of(r["id"]))[:round(0.3 * len(group))]}
        for row in group:
            row["split"] = "heldout" if row["id"] in heldout else "dev"
    return rows


def write(rows, out):
    """One JSON object a line, fields in the corpus order."""
    import json
    order = ["id", "prediction", "gold", "expected", "category", "split", "source", "note"]
    for row in assign_splits(rows):
        out.write(json.dumps({k: row[k] for k in order if k in row}, ensure_ascii=False) + "\n")


def known_cases(*names):
    """(prediction, gold, expected) of the cases already in the named corpus files (next to tools/), so that a
    later source can leave out its verbatim repeats of them."""
    import json
    from pathlib import Path
    seen = set()
    for name in names:
        for line in (Path(__file__).resolve().parent.parent / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            seen.add((row["prediction"], row["gold"], row["expected"]))
    return seen


class NewCases:
    """One source's rows, numbered `PREFIX-0001`, ... in the order they are added. A case that repeats verbatim
    (same prediction, gold and label) one in the named corpus files or one added earlier is left out and counted,
    so that no case is graded twice across the corpus."""

    def __init__(self, prefix, *known_files):
        self.prefix = prefix
        self.seen = known_cases(*known_files)
        self.rows = []
        self.repeats = 0

    def add(self, pred, gold, expected, test, source, note):
        """The row appended for this case, or None for a repeat; `test` names the upstream test (see category_of)."""
        key = (pred, gold, expected)
        if key in self.seen:
            self.repeats += 1
            return None
        self.seen.add(key)
        row = {
            "id": f"{self.prefix}-{len(self.rows) + 1:04d}", "prediction": pred, "gold": gold, "expected": expected,
            "category": category_of(pred, gold, test), "source": source, "note": note,
        }
        self.rows.append(row)
        return row
