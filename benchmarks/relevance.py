"""Measured relevance: nDCG@10 of the engine and of a distance-only baseline, side by side, on the
judged sets of every match kind (benchmarks/judgments: rules in its README, sets from generate.py).

    python -m benchmarks.relevance

Targets per kind: engine nDCG@10 >= 0.90, and at least +0.15 over the baseline.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.judgments.measure import KINDS, distance_ranking, engine_ranking, load, mean_ndcg

TARGET, MARGIN = 0.90, 0.15


def main() -> int:
    print(f"{'kind':16} {'queries':>7} {'pairs':>6} {'engine':>7} {'distance':>8} {'gain':>6}  targets")
    every = True
    for kind in KINDS:
        queries = load(kind)
        pairs = sum(len(q["candidates"]) for q in queries)
        ours, baseline = mean_ndcg(kind, queries, engine_ranking), mean_ndcg(kind, queries, distance_ranking)
        ok = ours >= TARGET and ours - baseline >= MARGIN
        every &= ok
        print(
            f"{kind:16} {len(queries):>7} {pairs:>6} {ours:>7.3f} {baseline:>8.3f} {ours - baseline:>+6.3f}  "
            f"{'ok' if ok else 'NOT MET'}"
        )
    print(f"\nnDCG@10 >= {TARGET} and >= baseline + {MARGIN} for every kind: {'met' if every else 'NOT MET'}")
    return 0 if every else 1


if __name__ == "__main__":
    sys.exit(main())
