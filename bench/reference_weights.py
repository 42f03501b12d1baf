#!/usr/bin/env python3
"""The reference EAST preprocessing on a qwen-eval file, timed by `east bench weights --python PY --reference DIR`.

It imports data_generation/util.py from a checkout of the public EAST repository, runs its construct_pair_fn on every
line of the file, gives each kept question a weight (its entropy to the power alpha, divided by the mean over the
file, the paper's weighting over the data set), and writes one JSON line per kept question. The reference function
prints its discard counters; they go to stderr, so that a run says what it kept.
"""
import argparse
import contextlib
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", required=True, help="root of a checkout of the public EAST repository")
    parser.add_argument("--input", required=True, help="a qwen-eval JSON Lines file")
    parser.add_argument("--output", required=True, help="where the weights go, one JSON line per kept question")
    parser.add_argument("--alpha", type=float, default=1.0)
    args = parser.parse_args()

    sys.path.insert(0, os.path.join(args.reference, "data_generation"))
    import util  # the reference's own module, first on the path

    with open(args.input, encoding="utf-8") as lines:
        data = [json.loads(line) for line in lines if line.strip()]
    with contextlib.redirect_stdout(sys.stderr):
        pairs = util.construct_pair_fn(data)

    powers = [pair["entropy"] ** args.alpha for pair in pairs]
    mean = sum(powers) / len(powers) if powers else 0.0
    with open(args.output, "w", encoding="utf-8") as out:
        for pair, power in zip(pairs, powers):
            out.write(json.dumps({
                "entropy": pair["entropy"],
                "accuracy": pair["chosen_weight"],
                "rejected_share": pair["rejected_weight"],
                "weight": power / mean if mean > 0 else 1.0,
            }) + "\n")
    print(f"kept {len(pairs)} of {len(data)} questions", file=sys.stderr)


if __name__ == "__main__":
    main()
