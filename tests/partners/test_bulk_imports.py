"""CSV bulk imports through the GraphQL multipart request spec: row by row, every error by line and
column, all or nothing, progress visible while it runs."""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlalchemy import func, select

from app import create_app
from core.viewer import Viewer
from db.enums.partners import BulkImportKind
from db.models import BulkImport, Listing, Need
from resolvers.partners import bulk_imports
from tests.conftest import test_settings
from tests.donations.support import parties
from tests.partners.support import app_token

BULK_IMPORT = """
mutation ($input: BulkImportCreateInput!) {
  bulkImportCreate(input: $input) {
    bulkImport { id kind status totalRows processedRows createdCount errorCount
      errors(first: 50) { edges { node { line column code message } } } }
    userErrors { field code message }
  }
}"""
IMPORTS = """query ($org: ID!) { bulkImports(organizationId: $org, first: 5) {
  edges { node { id status totalRows processedRows } } } }"""
NEEDS_CSV = """title,category,quantity,priority,neededBy
Spot welder,welding-strsw,2,HIGH,
"Frame rack, with clamps",Frame straightening machine,1,,
Paint booth filters,refinish-paint-booth,40,LOW,
"""


async def upload(api, token: str, organization: str, kind: str, content: str, key: str | None = None):
    operations = {
        "query": BULK_IMPORT,
        "variables": {"input": {"organizationId": organization, "kind": kind, "file": None}},
    }
    files = {
        "operations": (None, json.dumps(operations)),
        "map": (None, json.dumps({"0": ["variables.input.file"]})),
        "0": ("rows.csv", content.encode(), "text/csv"),
    }
    headers = {"Authorization": f"Bearer {token}", **({"Idempotency-Key": key} if key else {})}
    response = await api.client.post("/graphql", files=files, headers=headers)
    assert response.status_code == 200, response.text
    return response


def payload(response) -> dict:
    return response.json()["data"]["bulkImportCreate"]


async def count(api, model) -> int:
    async with api.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_valid_file_creates_every_row(api):
    p = await parties(api)
    result = payload(await upload(api, p.school_member.token, p.school, "NEEDS", NEEDS_CSV))
    assert result["userErrors"] == [], result
    job = result["bulkImport"]
    assert (job["status"], job["totalRows"], job["processedRows"], job["createdCount"]) == ("SUCCEEDED", 3, 3, 3)
    async with api.db.read() as session:
        titles = (await session.scalars(select(Need.title).order_by(Need.id))).all()
    assert titles == ["Spot welder", "Frame rack, with clamps", "Paint booth filters"]
    listed = await api.gql(IMPORTS, {"org": p.school}, token=p.school_member.token)
    assert [e["node"]["id"] for e in listed["bulkImports"]["edges"]] == [job["id"]]


async def test_errors_on_three_lines_change_nothing_and_name_each_line_and_column(api):
    p = await parties(api)
    content = (
        "title,category,quantity,priority\n"
        "Spot welder,welding-strsw,2,HIGH\n"
        ",welding-strsw,1,\n"  # line 3: no title
        "Lift,welding-strsw,1,LOW\n"
        "Filters,no-such-category,4,\n"  # line 5: unknown category
        "Rack,welding-strsw,many,URGENT\n"  # line 6: quantity and priority
    )
    result = payload(await upload(api, p.school_member.token, p.school, "NEEDS", content))
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [("INVALID_ROWS", ["file"])]
    job = result["bulkImport"]
    assert (job["status"], job["createdCount"], job["errorCount"]) == ("FAILED", 0, 4)
    errors = [(e["node"]["line"], e["node"]["column"], e["node"]["code"]) for e in job["errors"]["edges"]]
    assert errors == [
        (3, "title", "REQUIRED"),
        (5, "category", "UNKNOWN_CATEGORY"),
        (6, "quantity", "INVALID"),
        (6, "priority", "INVALID"),
    ]
    assert await count(api, Need) == 0


async def test_listings_with_money_and_fulfillment(api):
    p = await parties(api)
    content = (
        "title,category,condition,quantity,unitValue,fulfillment,privateNotes\n"
        'Frame machine,welding-strsw,good,1,"1,500.50",PICKUP;SHIP,back dock\n'
        "Spray gun,welding-strsw,NEW,3,120,SHIP,\n"
    )
    result = payload(await upload(api, p.donor_member.token, p.donor, "LISTINGS", content))
    assert result["userErrors"] == [], result
    async with api.db.read() as session:
        rows = (await session.execute(select(Listing.title, Listing.unit_value_cents, Listing.private_notes))).all()
    assert sorted(rows) == [("Frame machine", 150_050, "back dock"), ("Spray gun", 12_000, "")]


async def test_the_file_itself_is_checked_before_any_row(api):
    p = await parties(api)
    bad_header = payload(await upload(api, p.school_member.token, p.school, "NEEDS", "name,qty\nx,1\n"))
    assert bad_header["bulkImport"] is None
    assert bad_header["userErrors"][0]["code"] == "INVALID_FILE"
    assert "missing title, category, quantity" in bad_header["userErrors"][0]["message"]
    wrong_kind = payload(await upload(api, p.school_member.token, p.school, "LISTINGS", "title\n"))
    assert wrong_kind["userErrors"][0]["code"] == "WRONG_ORGANIZATION_KIND"
    stranger = payload(await upload(api, p.donor_member.token, p.school, "NEEDS", NEEDS_CSV))
    assert stranger["userErrors"][0]["code"] == "PERMISSION_DENIED"
    assert await count(api, BulkImport) == 0


async def test_apps_import_with_donations_write(api):
    p = await parties(api)
    reader = await app_token(api, p.school_member, p.school_id, ["DONATIONS_READ"])
    writer = await app_token(api, p.school_member, p.school_id, ["DONATIONS_WRITE"])
    refused = payload(await upload(api, reader, p.school, "NEEDS", NEEDS_CSV))
    assert refused["userErrors"][0]["code"] == "PERMISSION_DENIED"
    assert payload(await upload(api, writer, p.school, "NEEDS", NEEDS_CSV))["bulkImport"]["status"] == "SUCCEEDED"


async def test_a_retried_upload_with_its_key_imports_once(api):
    p = await parties(api)
    first = await upload(api, p.school_member.token, p.school, "NEEDS", NEEDS_CSV, key="import-1")
    retry = await upload(api, p.school_member.token, p.school, "NEEDS", NEEDS_CSV, key="import-1")
    assert retry.headers["idempotent-replayed"] == "true" and retry.content == first.content
    other_file = NEEDS_CSV.replace("40", "41")
    changed = await api.client.post(
        "/graphql",
        files={
            "operations": (
                None,
                json.dumps(
                    {
                        "query": BULK_IMPORT,
                        "variables": {"input": {"organizationId": p.school, "kind": "NEEDS", "file": None}},
                    }
                ),
            ),
            "map": (None, json.dumps({"0": ["variables.input.file"]})),
            "0": ("rows.csv", other_file.encode(), "text/csv"),
        },
        headers={"Authorization": f"Bearer {p.school_member.token}", "Idempotency-Key": "import-1"},
    )
    assert changed.status_code == 422
    assert await count(api, Need) == 3


async def test_progress_is_visible_to_other_requests_while_it_runs(api):
    p = await parties(api)
    rows = "".join(f"Item {i},welding-strsw,1,\n" for i in range(600))
    seen: list[tuple[str, int, int]] = []

    async def watch(job: BulkImport) -> None:
        data = await api.gql(IMPORTS, {"org": p.school}, token=p.school_member.token)
        node = data["bulkImports"]["edges"][0]["node"]
        seen.append((node["status"], node["processedRows"], job.processed_rows))

    viewer = Viewer(user_id=p.school_member.id)
    job = await bulk_imports.start(
        api.db,
        viewer,
        p.school_id,
        BulkImportKind.NEEDS,
        "big.csv",
        ("title,category,quantity,priority\n" + rows).encode(),
        progress=watch,
    )
    assert seen == [("RUNNING", 250, 250), ("RUNNING", 500, 500)]
    assert (job.status, job.created_count) == ("SUCCEEDED", 600)
    assert await count(api, Need) == 600


async def test_a_file_full_of_brackets_is_data_not_json(api):
    p = await parties(api)
    content = "title,category,quantity\n" + "[" * 100 + ",welding-strsw,1\n"
    result = payload(await upload(api, p.school_member.token, p.school, "NEEDS", content))
    assert result["bulkImport"]["status"] == "SUCCEEDED"


async def test_deeply_nested_operations_are_refused(api):
    p = await parties(api)
    files = {
        "operations": (None, "[" * 100 + "]" * 100),
        "map": (None, "{}"),
    }
    response = await api.client.post(
        "/graphql", files=files, headers={"Authorization": f"Bearer {p.school_member.token}"}
    )
    assert response.status_code == 400
    assert "nested" in response.json()["errors"][0]["message"]


async def test_uploads_stay_within_the_body_size_limit(api, db):
    p = await parties(api)
    small = create_app(test_settings(max_body_bytes=2_000, max_upload_bytes=2_000), db=db)
    rows = "".join(f"Item {i},welding-strsw,1\n" for i in range(200))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=small), base_url="http://test") as client:
        files: dict[str, Any] = {
            "operations": (
                None,
                json.dumps(
                    {
                        "query": BULK_IMPORT,
                        "variables": {"input": {"organizationId": p.school, "kind": "NEEDS", "file": None}},
                    }
                ),
            ),
            "map": (None, json.dumps({"0": ["variables.input.file"]})),
            "0": ("big.csv", ("title,category,quantity\n" + rows).encode(), "text/csv"),
        }
        response = await client.post(
            "/graphql", files=files, headers={"Authorization": f"Bearer {p.school_member.token}"}
        )
    assert response.status_code == 413
    assert await count(api, BulkImport) == 0
