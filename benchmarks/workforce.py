"""A shop's team view through the whole stack, against the domain's own work on the same rows.

    python -m benchmarks.workforce [--database-url URL] [--technicians 300] [--repeats 15]

It builds a scratch database (SQLite in a temporary directory unless a PostgreSQL URL is given, whose
schema it DROPS and recreates), one shop of `--technicians` technicians in every role with credentials,
safety certifications (some lapsed), development plans and tasks. Then, interleaved, with medians:

  (a) the domain alone: one read session loading the first 100 technicians' records (`records_of`), their
      standing in their own role and safety status, plus Gold Class readiness and who is due over the team;
  (b) the same through GraphQL (`workforce { technicians(first: 100) ... goldClass safetyDue }`), in
      process over ASGI (no network), as an owner.

It prints both medians, the ratio (b)/(a), and the SQL statements (b) runs at first=10 and first=100,
which must be equal.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import event, select, text

from app import create_app
from core.clock import today
from core.settings import Settings
from db import migrate
from db.engine import Database, is_sqlite
from db.enums.workforce import PlanStepKind, SafetyTraining, TechnicianRole
from db.models import (
    DevelopmentPlan,
    Membership,
    Organization,
    PlanStep,
    SafetyCertification,
    ShopTask,
    StudentCredential,
    StudentProfile,
    Technician,
    User,
)
from db.reference.credentials import CREDENTIALS
from db.reference.workforce_roles import ROLE_BY_CODE, ROLES
from resolvers.workforce.gold_class import readiness
from resolvers.workforce.plan_steps import draft
from resolvers.workforce.records import TechnicianRecords, records_of
from resolvers.workforce.safety_status import safety_items
from resolvers.workforce.standing import standing
from schema.relay import encode_id
from tests.support import sign_in_as

CREDENTIAL_IDS = {c.code: i for i, c in enumerate(CREDENTIALS, start=1)}
TEAM = """
query ($shop: ID!, $first: Int!) { workforce(organizationId: $shop) {
  technicians(first: $first) { edges { node {
    id role person { name } supervisor { name }
    standing(roles: [REFINISH]) { level proLevel missingForNext { requirement { title } lapsedOn } }
    safety { training state expiresOn }
    plan { progress { percent } steps(first: 5) { edges { node { status } } } }
  } } }
  goldClass { ready roles { covered needed candidates { proLevel } } }
  safetyDue(first: 100) { edges { node { training state } } }
} }"""


async def prepare(url: str) -> None:
    if not is_sqlite(url):
        db = Database(url)
        async with db.engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await db.dispose()
    migrate.upgrade(url)


async def build(db: Database, size: int, rng: random.Random) -> tuple[int, int]:
    """The shop and its team, written directly; returns the shop's and the owner's ids."""
    on = today()
    async with db.write() as session:
        shop = Organization(name="Benchmark Collision", is_employer=True, postal_code="48226")
        owner = User(email="owner@bench.example", name="Owner", password_hash="x")
        session.add_all([shop, owner])
        await session.flush()
        session.add(Membership(organization_id=shop.id, user_id=owner.id, role="OWNER"))
        for i in range(size):
            role = ROLES[i % len(ROLES)]
            user = User(email=f"tech{i}@bench.example", name=f"Technician {i}", password_hash="x")
            session.add(user)
            await session.flush()
            profile = StudentProfile(user_id=user.id)
            session.add(profile)
            await session.flush()
            started = on - timedelta(days=rng.randint(30, 3000))
            technician = Technician(
                organization_id=shop.id,
                user_id=user.id,
                student_id=profile.id,
                role=role.role.value,
                started_on=started,
                supervisor_user_id=owner.id,
                shares_earlier_records=rng.random() < 0.7,
            )
            session.add(technician)
            await session.flush()
            reached = rng.randint(0, 3)
            for level in role.levels[:reached]:
                for requirement in level.requirements:
                    earned = on - timedelta(days=rng.randint(10, 500))
                    if requirement.codes[0] in CREDENTIAL_IDS:
                        session.add(
                            StudentCredential(
                                student_id=profile.id,
                                credential_id=CREDENTIAL_IDS[requirement.codes[0]],
                                earned_on=earned,
                                expires_on=earned + timedelta(days=365) if "-PL" in requirement.codes[0] else None,
                            )
                        )
                    else:
                        session.add(
                            SafetyCertification(
                                technician_id=technician.id,
                                training=SafetyTraining(requirement.codes[0]).value,
                                completed_on=earned,
                                expires_on=earned + timedelta(days=365),
                            )
                        )
            plan = DevelopmentPlan(technician_id=technician.id, role=role.role.value, target_level=min(reached + 1, 3))
            session.add(plan)
            await session.flush()
            for ordinal, step in enumerate(draft(role, plan.target_level, TechnicianRecords(), on), start=1):
                session.add(
                    PlanStep(
                        plan_id=plan.id,
                        kind=step.kind.value,
                        codes=list(step.codes),
                        title=step.title,
                        target_on=step.target_on,
                        ordinal=ordinal,
                        completed_on=on if step.kind is PlanStepKind.MENTOR_SESSION and ordinal % 2 else None,
                    )
                )
            session.add(
                ShopTask(organization_id=shop.id, technician_id=technician.id, kind="ESTIMATE", title="RO", due_on=on)
            )
    return shop.id, owner.id


async def domain_alone(db: Database, shop_id: int) -> int:
    """What the team view computes, without GraphQL: the first 100 technicians, then the whole team."""
    on = today()
    async with db.read() as session:
        team = (
            await session.scalars(
                select(Technician)
                .where(Technician.organization_id == shop_id)
                .order_by(Technician.started_on, Technician.id)
            )
        ).all()
        records = await records_of(session, team)
    refinish = ROLE_BY_CODE[TechnicianRole.REFINISH]
    results = 0
    for technician in team[:100]:
        results += standing(refinish, records[technician.id], on).level
        results += len(safety_items(ROLE_BY_CODE[TechnicianRole(technician.role)], records[technician.id], on))
    result = readiness(team, records, on, 1)
    results += sum(len(safety_items(ROLE_BY_CODE[TechnicianRole(t.role)], records[t.id], on)) for t in team)
    return results + len(result.roles)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--technicians", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    url = args.database_url or f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'bench_workforce.db'}"
    await prepare(url)
    db = Database(url)
    settings = Settings(
        database_url=url,
        secret_key="benchmark-secret-key-that-is-long-enough-0123",
        max_query_cost=50_000,
        query_budget=10**9,
    )
    shop_id, owner_id = await build(db, args.technicians, random.Random(7))
    token = await sign_in_as(db, settings, owner_id)
    app = create_app(settings, db=db)
    statements: list[str] = []
    event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def team(first: int) -> None:
            variables = {"shop": encode_id("Organization", shop_id), "first": first}
            response = await client.post(
                "/graphql", json={"query": TEAM, "variables": variables}, headers={"Authorization": f"Bearer {token}"}
            )
            body = response.json()
            assert response.status_code == 200 and not body.get("errors"), body
            assert len(body["data"]["workforce"]["technicians"]["edges"]) == min(first, args.technicians)

        counts = {}
        for first in (10, 100):
            await team(first)  # warm
            statements.clear()
            await team(first)
            counts[first] = len(statements)
        alone, through = [], []
        for _ in range(args.repeats):
            started = time.perf_counter()
            await domain_alone(db, shop_id)
            alone.append(time.perf_counter() - started)
            started = time.perf_counter()
            await team(100)
            through.append(time.perf_counter() - started)
    await db.dispose()
    a, b = statistics.median(alone) * 1000, statistics.median(through) * 1000
    print(
        f"database: {'SQLite' if is_sqlite(url) else 'PostgreSQL'}, {args.technicians} technicians, {args.repeats} runs"
    )
    print(f"(a) the domain alone (records, standing, safety, Gold Class, who is due): {a:.1f} ms")
    print(f"(b) the team view through GraphQL, first=100, in process:                {b:.1f} ms")
    print(f"ratio (b)/(a): {b / a:.1f}x")
    print(f"SQL statements of (b) at first=10 / first=100: {counts[10]} / {counts[100]}")


if __name__ == "__main__":
    asyncio.run(main())
