#!/usr/bin/env python3
"""Writes east.jsonl: our own cases, one or more per failure class named in issue 16, right and wrong.

Usage: write_east_cases.py > east.jsonl
Each row is (category, prediction, gold, expected, note). The note names the failure class; a wrong answer that
looks right is there so false positives are measured too.
"""
import sys

from corpus_rules import CATEGORIES, write

T, F = True, False

CASES = [
    # several boxed answers
    ("sets", r"The roots are \boxed{2} and \boxed{7}.", "2, 7", T, "several boxes"),
    ("sets", r"\boxed{2} and \boxed{7}", r"\boxed{2}, \boxed{7}", T, "gold written as two boxes"),
    ("sets", r"\boxed{2} and \boxed{7}", "2, 8", F, "several boxes, one wrong"),
    ("sets", r"\boxed{7} and \boxed{2}", "2, 7", T, "several boxes, roots in another order"),
    ("sets", r"$x=\boxed{-3}$ or $x=\boxed{3}$", r"\pm 3", T, "several boxes against \\pm"),
    ("sets", r"\boxed{2}", r"\boxed{2} and \boxed{7}", F, "one box against a two-box gold"),
    ("extraction", r"At first I got \boxed{5}, but rechecking the sum the answer is \boxed{6}.", "6", T,
     "a corrected answer: the last box is the answer to a one-value gold"),
    # relations
    ("relations", r"y \geq 3", "y >= 3", T, "relation spelling"),
    ("relations", r"t \neq 1", "t != 1", T, "relation spelling"),
    ("relations", r"$4 > m$", "m < 4", T, "flipped inequality"),
    ("relations", "m < 4", r"4 > m", T, "flipped inequality"),
    ("relations", "-x < 2", "x > -2", T, "negated inequality"),
    ("relations", "-x < 2", "x < -2", F, "negated inequality, direction kept wrongly"),
    ("relations", "y > 3", r"y \geq 3", F, "strict against non-strict"),
    ("relations", r"x \le 4", "x < 4", F, "non-strict against strict"),
    ("relations", r"z \in (1, 5]", r"1 < z \le 5", T, "interval against inequality"),
    ("relations", r"z \in (1, 5)", r"1 < z \le 5", F, "interval with a wrong end"),
    ("relations", r"z \in [1, 5]", r"1 < z \le 5", F, "interval with a wrong end"),
    ("relations", r"$1 < z \le 5$", r"(1, 5]", T, "inequality against interval"),
    ("relations", r"a \geq -2", r"[-2, \infty)", T, "inequality against a ray"),
    ("relations", r"x \ge 2", r"(2, \infty)", F, "inequality against an open ray"),
    ("relations", r"$x > 3$", "3", F, "inequality against a bare number"),
    # extraction from prose
    ("extraction", "so the point is $(4, 9)$.", "(4, 9)", T, "unboxed tuple at the end of prose"),
    ("extraction", "so the point is $(4, 9)$.", "9", F, "unboxed tuple is not its last coordinate"),
    ("extraction", r"We first get \boxed{12} for the subtotal. The final answer is $3,456$.", "3456", T,
     "a later final-answer sentence beats an earlier box"),
    ("extraction", r"We first get \boxed{12} for the subtotal. The final answer is $3,456$.", "12", F,
     "a later final-answer sentence beats an earlier box"),
    ("extraction", "Therefore the answer is 42.", "42", T, "answer phrase"),
    ("extraction", "The answer is 42, since 6 times 7 is 42, not 24.", "24", F, "answer phrase before other numbers"),
    ("extraction", "The answer is 42, since 6 times 7 is 42, not 24.", "42", T, "answer phrase before other numbers"),
    ("extraction", r"Final Answer: The final answer is $\frac{3}{4}$. I hope it is correct.", r"\frac34", T,
     "Minerva-style final answer"),
    ("extraction", r"Thus the area is $12\sqrt{3}$ square units.", r"12\sqrt{3}", T, "last math span in prose"),
    ("extraction", "**Answer:** 17", "17", T, "markdown answer label"),
    ("extraction", "So $x = 5$ is the only solution.", "5", T, "labelled value in prose"),
    ("extraction", "Answer: 5\n\nCheck: 5 + 3 = 8.", "5", T, "answer label before a check"),
    ("extraction", r"So the answer is $-\frac{1}{2}$.", r"\frac{1}{2}", F, "sign matters"),
    ("extraction", "Adding them gives 15 apples, so she has 15 apples left.", "15", T, "last number in prose"),
    ("extraction", "Adding them gives 15 apples, so she has 15 apples left.", "51", F, "last number in prose"),
    # labelled answers
    ("relations", "|PQ| = 6", "6", T, "labelled answer"),
    ("relations", "|PQ| = 6", "5", F, "labelled answer, wrong value"),
    ("relations", "a=3, b=8", "(3, 8)", T, "labelled pair against a tuple"),
    ("relations", "a=3, b=8", "(8, 3)", F, "labelled pair against the swapped tuple"),
    ("relations", "PQ:QR = 2", "2", T, "labelled ratio"),
    ("relations", "$f(2) = 11$", "11", T, "labelled function value"),
    ("relations", r"The length is $AB = 2\sqrt{5}$.", r"2\sqrt5", T, "labelled answer in prose"),
    ("relations", "x = 4, y = -1", "(4, -1)", T, "labelled pair against a tuple"),
    ("relations", "x = -1, y = 4", "(4, -1)", F, "labelled pair, values swapped"),
    # equations
    ("relations", "k = 3+4 = 7", "7", T, "chained equation"),
    ("relations", "k = 3+4 = 8", "7", F, "chained equation, wrong end"),
    ("relations", r"A = 3 \cdot 4 = 12", "12", T, "chained equation"),
    ("relations", r"\frac{\sqrt2}{2} \approx 0.707", r"\frac{\sqrt2}{2}", T, "exact value with approximation"),
    ("relations", r"\frac{\sqrt3}{2} \approx 0.866", r"\frac{\sqrt2}{2}", F, "wrong exact value with approximation"),
    ("relations", "y = 2x - 1", "2x - y - 1 = 0", T, "rearranged equation"),
    ("relations", "y = 2x + 1", "2x - y - 1 = 0", F, "rearranged equation, wrong sign"),
    ("relations", "x^2 + y^2 = 25", "y^2 + x^2 = 25", T, "reordered equation"),
    ("relations", "2x + 3y = 6", "4x + 6y = 12", T, "scaled equation"),
    ("relations", "y = 3x", "y = 3", F, "different equation"),
    # doubled backslashes
    ("notation", r"\\frac{3}{4}", r"\frac{3}{4}", T, "doubled backslashes"),
    ("notation", r"\\boxed{\\frac{3}{4}}", r"\frac{3}{4}", T, "doubled backslashes in a box"),
    ("notation", r"\\sqrt{2}", r"\sqrt{2}", T, "doubled backslashes"),
    ("notation", r"\\frac{3}{5}", r"\frac{3}{4}", F, "doubled backslashes, wrong value"),
    ("notation", r"The answer is $\\dfrac{7}{2}$.", "3.5", T, "doubled backslashes in prose"),
    ("notation", r"\\pi/2", r"\frac{\pi}{2}", T, "doubled backslashes"),
    # sets and lists
    ("sets", "{a+1, a}", r"\{a, a+1\}", T, "set braces not escaped"),
    ("sets", "{a+2, a}", r"\{a, a+1\}", F, "set braces not escaped, wrong element"),
    ("sets", r"\pm 6", r"\{-6, 6\}", T, "\\pm against a set"),
    ("sets", r"\pm 6", "6", F, "\\pm against one value"),
    ("sets", "-6, 6", r"\pm 6", T, "list against \\pm"),
    ("sets", "3, 5", "3; 5", T, "gold separated by ;"),
    ("sets", "5, 3", "3; 5", T, "gold separated by ;, other order"),
    ("sets", "3", "3; 5", F, "part of a ;-separated gold"),
    ("sets", "x = 2 or x = -2", "2 or -2", T, "gold separated by or"),
    ("sets", "2, -2", "-2 or 2", T, "gold separated by or"),
    ("sets", "2", "2 or -2", F, "part of an or-separated gold"),
    ("sets", r"\{1, 2, 3\}", "1, 2, 3", T, "set against list"),
    ("sets", r"\{1, 2, 3\}", "1, 2, 4", F, "set against list, wrong element"),
    ("sets", "(1, 2)", "(2, 1)", F, "ordered pair order matters"),
    ("sets", r"1 \pm \sqrt{2}", r"1+\sqrt2, 1-\sqrt2", T, "\\pm against a list"),
    ("sets", "[2, 5)", "[2, 5]", F, "interval end"),
    ("sets", r"(-\infty, 0) \cup (1, \infty)", r"(-\infty,0)\cup(1,\infty)", T, "union of intervals"),
    ("sets", r"(-\infty, 0] \cup (1, \infty)", r"(-\infty,0)\cup(1,\infty)", F, "union of intervals, wrong end"),
    # matrices
    ("matrices", r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "[[1, 2], [3, 4]]", T, "pmatrix against nested list"),
    ("matrices", r"\left[\begin{array}{cc} 1 & 2 \\ 3 & 4 \end{array}\right]",
     r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", T, "array against pmatrix"),
    ("matrices", r"\begin{pmatrix} 1 \\ -2 \\ 3 \end{pmatrix}", "(1, -2, 3)", T, "column matrix against list"),
    ("matrices", r"\begin{pmatrix} 1 \\ -2 \\ 3 \end{pmatrix}", "(1, 2, 3)", F, "column matrix, wrong entry"),
    ("matrices", r"\begin{bmatrix} 2 & 0 \\ 0 & 2 \end{bmatrix}",
     r"\begin{pmatrix} 2 & 0 \\ 0 & 2 \end{pmatrix}", T, "bmatrix against pmatrix"),
    ("matrices", r"\begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}",
     r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", F, "transposed matrix"),
    ("matrices", r"\begin{pmatrix} \frac{1}{2} \\ 0.75 \end{pmatrix}",
     r"\begin{pmatrix} 1/2 \\ 3/4 \end{pmatrix}", T, "matrix entries in other forms"),
    ("matrices", r"The vector is $\begin{pmatrix} 3 \\ 4 \end{pmatrix}$.",
     r"\begin{pmatrix} 3 \\ 4 \end{pmatrix}", T, "matrix in prose"),
    ("matrices", r"\begin{pmatrix} 1 & 2 & 3 & 4 \end{pmatrix}",
     r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", F, "same entries, other shape"),
    # notation
    ("notation", "1011_2", "1011_{2}", T, "base subscript"),
    ("notation", "1011_2", "1101_2", F, "base subscript, wrong digits"),
    ("notation", "10:30", "10:30", T, "time of day"),
    ("notation", r"10:30 \text{ a.m.}", "10:30", T, "time of day with a.m."),
    ("notation", "10:30", "11:30", F, "time of day, wrong hour"),
    ("notation", "5\\", "5", T, "trailing backslash"),
    ("notation", "12\\", "13", F, "trailing backslash, wrong value"),
    ("notation", r"90^\circ", "90", T, "degrees"),
    ("notation", r"90^{\circ}", r"90^\circ", T, "degrees"),
    ("notation", r"\text{(B)}", "B", T, "choice letter"),
    ("notation", "(C)", "B", F, "choice letter, wrong"),
    ("notation", r"\$18.50", "18.5", T, "currency"),
    ("notation", r"5 \text{ cm}", "5", T, "unit"),
    ("notation", r"50\%", "50", T, "percent sign"),
    ("notation", r"\text{Tuesday}", "Tuesday", T, "word answer"),
    ("notation", r"\text{Monday}", "Tuesday", F, "word answer, wrong"),
    # numbers
    ("numbers", "6.283", r"2\pi", T, "rounded decimal, >= 3 significant digits"),
    ("numbers", "6.28", r"2\pi", T, "rounded decimal, 3 significant digits"),
    ("numbers", "6.3", r"2\pi", F, "rounded decimal, only 2 significant digits"),
    ("numbers", "6.284", r"2\pi", F, "decimal that does not round the exact value"),
    ("numbers", "1.414", r"\sqrt{2}", T, "rounded decimal"),
    ("numbers", "1.41", r"\sqrt2", T, "rounded decimal"),
    ("numbers", "1.4", r"\sqrt2", F, "rounded decimal, only 2 significant digits"),
    ("numbers", "0.333", r"\frac{1}{3}", T, "rounded decimal"),
    ("numbers", "0.33", r"\frac13", F, "rounded decimal, only 2 significant digits"),
    ("numbers", "0.3333", r"\frac{1}{3}", T, "rounded decimal"),
    ("numbers", "3.1416", r"\pi", T, "rounded decimal"),
    ("numbers", "3.14", r"\pi", T, "rounded decimal"),
    ("numbers", "3", r"\pi", F, "integer is not pi"),
    ("numbers", "3,5", "3.5", T, "decimal comma"),
    ("numbers", "0,25", "0.25", T, "decimal comma"),
    ("numbers", "3,500", "3500", T, "thousands separator"),
    ("numbers", "3,5", "35", F, "decimal comma is not a thousands separator"),
    ("numbers", r"\boxed{7, 123}", "7123", F, "a comma and a space make a list"),
    ("numbers", "7,123", "7123", T, "thousands separator"),
    ("numbers", r"\boxed{7, 123}", "7, 123", T, "a list against the same list"),
    ("numbers", "1, 234", "1234", F, "a comma and a space make a list"),
    ("numbers", "2.50", "2.5", T, "trailing zero"),
    ("numbers", "2.5", "5/2", T, "decimal against fraction"),
    ("numbers", "12.0", "12", T, "trailing zero"),
    ("numbers", "-0.5", r"-\frac12", T, "negative decimal"),
    ("numbers", "0.5", r"-\frac{1}{2}", F, "sign"),
    ("numbers", "16386.2", "16386.20", T, "trailing zero"),
    # non-English answer markers
    ("extraction", "所以答案是 $\\frac{3}{4}$。", r"\frac34", T, "Chinese answer marker"),
    ("extraction", "因此，最终答案为 12。", "12", T, "Chinese answer marker"),
    ("extraction", "答案：5", "5", T, "Chinese answer label"),
    ("extraction", "Die Antwort ist 42.", "42", T, "German answer marker"),
    ("extraction", r"La réponse est $\frac{1}{2}$.", "0.5", T, "French answer marker"),
    ("extraction", "Ответ: 7", "7", T, "Russian answer label"),
    ("extraction", "La respuesta es 15.", "15", T, "Spanish answer marker"),
    ("extraction", "所以答案是 $\\frac{3}{4}$。", r"\frac{4}{3}", F, "Chinese answer marker, wrong value"),
    ("extraction", "答案是 8，而不是 6。", "6", F, "Chinese answer marker before another number"),
    ("extraction", "因此 x 的值为 $-2$。", "-2", T, "Chinese prose ending in a value"),
    ("extraction", r"答案：$\boxed{10}$", "10", T, "box after a Chinese label"),
    # plain MATH-style expressions
    ("expressions", r"\frac{\sqrt{3}}{3}", r"\frac{1}{\sqrt{3}}", T, "rationalised denominator"),
    ("expressions", r"2\sqrt{2}", r"\sqrt{8}", T, "simplified root"),
    ("expressions", "x^2 - 1", "(x-1)(x+1)", T, "expanded polynomial"),
    ("expressions", "x^2 + 1", "(x-1)(x+1)", F, "different polynomial"),
    ("expressions", r"\frac{1}{2}", "0.5", T, "fraction against decimal"),
    ("expressions", r"\dfrac{5}{7}", r"\frac57", T, "fraction spellings"),
    ("expressions", "2^{10}", "1024", T, "power"),
    ("expressions", r"\binom{5}{2}", "10", T, "binomial"),
    ("expressions", r"\frac{7}{2}", r"\frac{2}{7}", F, "inverted fraction"),
    ("expressions", r"3\sqrt{2}", r"2\sqrt{3}", F, "swapped root"),
    ("expressions", "e^{2}", "e^2", T, "brace spelling"),
    ("expressions", r"\frac{a+b}{2}", r"\frac{b+a}{2}", T, "commuted sum"),
    ("expressions", r"-\frac{3}{2}", r"\frac{-3}{2}", T, "sign placement"),
    ("expressions", r"\frac{a+b}{2}", r"\frac{a-b}{2}", F, "different expression"),
]


def main():
    rows, seen = [], set()
    for number, (category, pred, gold, expected, note) in enumerate(CASES, start=1):
        assert category in CATEGORIES, category
        assert (pred, gold) not in seen, (pred, gold)
        seen.add((pred, gold))
        case_id = f"east-{number:04d}"
        rows.append({
            "id": case_id, "prediction": pred, "gold": gold, "expected": expected, "category": category,
            "source": "east:issue-16", "note": note,
        })
    write(rows, sys.stdout)


if __name__ == "__main__":
    main()
