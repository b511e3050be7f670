"""Fair allocation plans on the large demo data: plan vs greedy, side by side, per category and region.

    python -m benchmarks.allocation_fairness [--size large] [--seed 7] [--radius-km 80]

Seeds the demo data (180 schools, 180 donors at `--size large`) into a scratch SQLite database,
then for every root category with open needs around Detroit and Lansing runs the allocation the
API serves (`resolvers.matches.allocation.allocation_plan`, fairness on) and prints, for the plan
and for greedy (the best-scoring pair first): the Gini of declared value over the region's schools
with open needs (those receiving nothing included), the schools helped, and the score total; and
the plan's total against the optimum without fairness. Targets, in every row: Gini <= greedy's,
schools helped >= greedy's, total >= 98% of the unconstrained optimum.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.locations import Circle, Point
from db.engine import Database
from db.reference.categories import CATEGORIES
from matching.geo import zip_centroid
from resolvers.matches.allocation import allocation_plan

ROOT = Path(__file__).resolve().parents[1]
REGIONS = {"Detroit": "48226", "Lansing": "48933"}
ROOTS = [(i, seed.slug) for i, seed in enumerate(CATEGORIES, start=1) if seed.parent is None]


def circle(code: str, radius_km: float) -> Circle:
    point = zip_centroid(code)
    assert point is not None
    return Circle(Point(point[0], point[1], code), radius_km)


def seeded(size: str, seed: int) -> str:
    """A scratch SQLite database with the demo data, written by the app's own `seed` command."""
    url = f"sqlite+aiosqlite:///{tempfile.mkdtemp(prefix='shopready-fairness-')}/demo.db"
    started = time.perf_counter()
    env = os.environ | {
        "DATABASE_URL": url,
        "SHOPREADY_PASSWORD_TIME_COST": "1",
        "SHOPREADY_PASSWORD_MEMORY_KIB": "8192",
    }
    command = [sys.executable, str(ROOT / "app.py"), "seed", "--size", size, "--seed", str(seed)]
    written = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603 - our own CLI
    print(written.stdout.strip(), f"({time.perf_counter() - started:.0f} s)")
    return url


async def run(url: str, radius_km: float) -> bool:
    db = Database(url)
    print(
        f"\n{'region':8} {'category':15} {'needs':>5} | {'Gini plan':>9} {'greedy':>6} | {'helped plan':>11} "
        f"{'greedy':>6} | {'total plan':>10} {'greedy':>7} {'optimum':>7} {'plan/opt':>8} | ok"
    )
    every = True
    try:
        for region, code in REGIONS.items():
            for category_id, slug in ROOTS:
                found = await allocation_plan(db, category_id, circle(code, radius_km))
                plan, ours, greedy = found.plan, found.spread, found.greedy_spread
                if not plan.assignments and not plan.greedy_assignments:
                    continue
                ratio = plan.total / plan.unconstrained_total if plan.unconstrained_total else 1.0
                ok = ours.gini <= greedy.gini + 1e-9 and ours.schools_helped >= greedy.schools_helped and ratio >= 0.98
                every &= ok
                print(
                    f"{region:8} {slug:15} {ours.schools:>5} | {ours.gini:>9.3f} {greedy.gini:>6.3f} | "
                    f"{ours.schools_helped:>11} {greedy.schools_helped:>6} | {plan.total:>10.2f} "
                    f"{plan.greedy_total:>7.2f} {plan.unconstrained_total:>7.2f} {ratio:>8.2%} | "
                    f"{'ok' if ok else 'NOT MET'}"
                )
    finally:
        await db.dispose()
    print(
        "\ntargets: Gini <= greedy's, schools helped >= greedy's, total >= 98% of the optimum without fairness: "
        f"{'met in every row' if every else 'NOT MET'}"
    )
    return every


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="large", choices=["small", "medium", "large"])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--radius-km", type=float, default=80.0)
    args = parser.parse_args(argv)
    return 0 if asyncio.run(run(seeded(args.size, args.seed), args.radius_km)) else 1


if __name__ == "__main__":
    sys.exit(main())
