"""The demo data includes pathways: programs, progress with badges, scholarships and stories."""

from __future__ import annotations

from db.models import AreaBadgeAward, Enrollment, ModuleCompletion, Scholarship, ScholarshipApplication, Story
from resolvers.demo import seed_database
from tests.conftest import test_settings as settings_for_tests
from tests.pathways.factories import count

FEED = "{ stories(first: 3) { edges { node { title bodyHtml } } } }"


async def test_demo_data_seeds_pathways(api, db):
    message = await seed_database(settings_for_tests(), size="small", seed=7)
    assert "seeded small demo data" in message
    assert await count(api, Enrollment) > 0 and await count(api, ModuleCompletion) > 0
    assert await count(api, Scholarship) == 3 and await count(api, ScholarshipApplication) == 4
    assert await count(api, Story) == 6
    # every badge award points at the verified credential it created
    assert await count(api, AreaBadgeAward, AreaBadgeAward.student_credential_id.is_(None)) == 0
    feed = await api.gql(FEED)
    assert len(feed["stories"]["edges"]) == 3 and "<h2>" in feed["stories"]["edges"][0]["node"]["bodyHtml"]
