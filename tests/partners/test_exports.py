"""Streaming exports: CSV and JSON Lines of an organization's records, only for those the policies allow."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from db.models import Enrollment, Need, StudentProfile, TrainingProgram
from resolvers.partners.batches import BATCH_SIZE
from schema.relay import decode_id
from tests.donations.support import CATEGORY_IDS, make_listing, make_need, parties, request
from tests.partners.support import app_token


async def export(api, path: str, token: str | None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await api.client.get(path, headers=headers)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def test_a_donor_exports_its_listings_as_csv_fit_for_a_spreadsheet(api):
    p = await parties(api)
    await make_listing(api, p, title='=HYPERLINK("http://evil")', privateNotes="keep for Dave")
    await make_listing(api, p, title="Paint booth filters", quantity=4)
    response = await export(api, f"/exports/organizations/{p.donor}/listings.csv", p.donor_member.token)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="listings.csv"' in response.headers["content-disposition"]
    rows = read_csv(response.text)
    assert [r["title"] for r in rows] == ['\'=HYPERLINK("http://evil")', "Paint booth filters"]
    assert rows[0]["privateNotes"] == "keep for Dave"
    assert rows[1]["quantityAvailable"] == "4" and rows[1]["currency"] == "USD"
    assert all(decode_id(r["id"], "Listing") > 0 for r in rows)


async def test_needs_as_json_lines_with_global_ids(api):
    p = await parties(api)
    need = await make_need(api, p, quantity=3)
    response = await export(api, f"/exports/organizations/{p.school}/needs.jsonl", p.school_member.token)
    assert response.headers["content-type"].startswith("application/jsonl")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [(row["id"], row["quantity"], row["status"]) for row in lines] == [(need, 3, "OPEN")]


async def test_only_members_and_scoped_apps_export(api):
    p = await parties(api)
    await make_listing(api, p)
    path = f"/exports/organizations/{p.donor}/listings.csv"
    assert (await export(api, path, None)).status_code == 401
    assert (await export(api, path, p.school_member.token)).status_code == 404
    unscoped = await app_token(api, p.donor_member, p.donor_id, ["CONTENT_WRITE"])
    assert (await export(api, path, unscoped)).status_code == 404
    scoped = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_READ"])
    assert len(read_csv((await export(api, path, scoped)).text)) == 1
    staff = await api.person("Staff", staff=True)
    assert len(read_csv((await export(api, path, staff.token)).text)) == 1
    assert (await export(api, f"/exports/organizations/{p.donor}/secrets.csv", staff.token)).status_code == 404
    assert (await export(api, "/exports/organizations/bm90LWFuLWlk/needs.csv", staff.token)).status_code == 404


async def test_donations_and_receipts_are_exported_by_either_party(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=5)
    need = await make_need(api, p, quantity=5)
    await request(api, p, listing, need, 2)
    for org, token in ((p.school, p.school_member.token), (p.donor, p.donor_member.token)):
        rows = read_csv((await export(api, f"/exports/organizations/{org}/donations.csv", token)).text)
        assert [(r["listingId"], r["needId"], r["status"]) for r in rows] == [(listing, need, "REQUESTED")]
    receipts = await export(api, f"/exports/organizations/{p.donor}/receipts.csv", p.donor_member.token)
    assert read_csv(receipts.text) == []
    assert receipts.text.startswith("number,donationId,year")


async def test_a_school_exports_its_students_pathway_records(api):
    p = await parties(api)
    student = await api.person("Sam Student")
    other_school = await api.organization(kinds=("SCHOOL",))
    async with api.db.write() as session:
        mine = StudentProfile(user_id=student.id, school_id=p.school_id)
        theirs_user = await api.person("Elsewhere")
        theirs = StudentProfile(user_id=theirs_user.id, school_id=other_school)
        program = TrainingProgram(organization_id=p.school_id, name="Collision I")
        session.add_all([mine, theirs, program])
        await session.flush()
        session.add(Enrollment(program_id=program.id, student_id=mine.id, enrolled_on=date(2026, 9, 1)))
    response = await export(api, f"/exports/organizations/{p.school}/students.csv", p.school_member.token)
    rows = read_csv(response.text)
    assert [(r["name"], r["program"], r["enrollmentStatus"], r["modulesCompleted"]) for r in rows] == [
        ("Sam Student", "Collision I", "ACTIVE", "0")
    ]
    assert (
        await export(api, f"/exports/organizations/{p.school}/students.csv", p.donor_member.token)
    ).status_code == 404
    donations_app = await app_token(api, p.school_member, p.school_id, ["DONATIONS_READ"])
    path = f"/exports/organizations/{p.school}/students.jsonl"
    assert (await export(api, path, donations_app)).status_code == 404
    talent_app = await app_token(api, p.school_member, p.school_id, ["TALENT_WRITE"])
    assert [json.loads(x)["name"] for x in (await export(api, path, talent_app)).text.splitlines()] == ["Sam Student"]


async def test_large_exports_stream_every_row_once_in_batches(api, count_sql):
    p = await parties(api)
    total = 2 * BATCH_SIZE + 7
    async with api.db.write() as session:
        session.add_all(
            Need(
                school_id=p.school_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title=f"Need {i}",
                quantity=1,
                priority="LOW",
            )
            for i in range(total)
        )
    with count_sql() as counter:
        response = await export(api, f"/exports/organizations/{p.school}/needs.csv", p.school_member.token)
    rows = read_csv(response.text)
    assert [r["title"] for r in rows] == [f"Need {i}" for i in range(total)]
    batch_reads = [s for s in counter.statements if "FROM need" in s]
    assert len(batch_reads) == 3
