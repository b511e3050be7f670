"""The demo data has a shop whose team sits at different levels, and the README's workforce queries work on it."""

from __future__ import annotations

import random
import re
from pathlib import Path

from resolvers.demo import World, seeders
from tests.support import _HASH, gid, sign_in_as

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def _example(name: str) -> str:
    """The README's GraphQL example that starts with `# <name>`."""
    found = re.search(rf"```graphql\n# {name}\n(.*?)```", README, re.S)
    assert found is not None, f"the README has no example '# {name}'"
    return found.group(1)


async def _seeded(api) -> World:
    world = World(random.Random(7), 1, _HASH)  # the seed `serve --demo` uses
    async with api.db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    return world


async def test_the_demo_shop_has_a_team_at_different_levels_and_the_readme_queries_show_it(api):
    world = await _seeded(api)
    owner = await sign_in_as(api.db, api.settings, world.users["employer"].id)
    painter = await sign_in_as(api.db, api.settings, world.users["technician"].id)
    shop = gid("Organization", world.employers[0].id)
    assert f'{{"shop": "{shop}"}}' in README  # the README's variables name the demo shop

    team = (await api.gql(_example("the shop's team"), {"shop": shop}, token=owner))["workforce"]
    technicians = [edge["node"] for edge in team["technicians"]["edges"]]
    levels = {t["person"]["name"]: t["standing"][0]["level"] for t in technicians}
    assert len(technicians) == 6 and set(levels.values()) == {0, 1, 2, 3}
    assert team["goldClass"]["ready"] is False
    uncovered = {r["role"] for r in team["goldClass"]["roles"] if r["needed"]}
    assert uncovered == {"NON_STRUCTURAL", "REFINISH"}
    due = {
        (d["node"]["technician"]["person"]["name"], d["node"]["training"], d["node"]["state"])
        for d in team["safetyDue"]["edges"]
    }
    assert ("Taylor Nguyen", "SP2_SAFETY", "EXPIRED") in due
    assert ("Casey Haddad", "RESPIRATOR_FIT", "EXPIRING") in due
    assert team["retention"]["activeTechnicians"] == 6 and team["retention"]["medianTenureMonths"] is not None

    mine = (await api.gql(_example("my plan"), token=painter))["myTechnicianRecords"]["edges"][0]["node"]
    assert mine["standing"][0]["level"] == 1 and mine["plan"]["targetLevel"] == 2
    assert mine["plan"]["steps"]["edges"]
    pay = mine["plan"]["payProgression"]
    assert pay["current"]["credentials"] == ["ICAR-REF-PL1"] and pay["target"]["credentials"] == [
        "ICAR-REF-PL2",
        "ASE-B2",
    ]
    current, target = (pay[level]["estimate"] for level in ("current", "target"))
    assert current["refinements"] == ["CREDENTIALS"] == target["refinements"]
    assert current["median"]["amount"] < target["median"]["amount"]  # the next ProLevel pays more nearby
