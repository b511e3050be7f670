"""Tax acknowledgements over HTTP: the school's tax profile, the receipt's elements, its PDF and the
donor's yearly statement, parsed back, and the school's list and export of the receipts it issued."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from pypdf import PdfReader

from tests.donations.support import (
    APPROVE,
    RECEIVE,
    SHIP,
    make_listing,
    make_need,
    parties,
    requested,
    step,
)

ORGANIZATION_UPDATE = """mutation ($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) {
  organization { legalName taxId taxStatus receiptSigner { name title } }
  userErrors { code field }
} }"""
RECEIPT = """query ($id: ID!) { donation(id: $id) { receipt {
  id number year schoolLegalName schoolAddress schoolTaxId schoolTaxStatus signer { name title }
  goodsOrServicesStatement valueStatement pdfPath receivedAt declaredValue { amount } quantity itemTitle
} } }"""
RECEIPTS = """query ($role: ReceiptRole!, $year: Int) { receipts(filter: {role: $role, year: $year}, first: 10) {
  edges { node { number school { name } donor { name } } }
} }"""
TAX_PROFILE = {
    "legalName": "Detroit Public Schools Community District",
    "taxId": "386000000",
    "taxStatus": "PUBLIC_SCHOOL",
    "signerName": "Pat Principal",
    "signerTitle": "Program Director",
    "street": "1 Main St",
    "city": "Detroit",
    "state": "MI",
}


def pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


async def received(api, p, *, quantity: int, cents: int, title: str) -> str:
    need = await make_need(api, p, quantity=quantity, title=f"Need for {title}")
    listing = await make_listing(api, p, quantity=quantity, cents=cents, title=title)
    donation = await requested(api, p, listing, need, quantity)
    assert (await step(api, APPROVE, p.donor_member.token, id=donation))["userErrors"] == []
    assert (await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS"))["userErrors"] == []
    assert (await step(api, RECEIVE, p.school_member.token, id=donation))["userErrors"] == []
    return donation


async def tax_profile(api, p) -> dict:
    data = await api.gql(ORGANIZATION_UPDATE, {"input": {"id": p.school, **TAX_PROFILE}}, token=p.school_member.token)
    return data["organizationUpdate"]


async def get(api, path: str, token: str | None):
    return await api.client.get(path, headers={"Authorization": f"Bearer {token}"} if token else {})


async def test_a_school_keeps_a_validated_tax_profile(api):
    p = await parties(api)
    payload = await tax_profile(api, p)
    assert payload["userErrors"] == []
    assert payload["organization"] == {
        "legalName": "Detroit Public Schools Community District",
        "taxId": "38-6000000",
        "taxStatus": "PUBLIC_SCHOOL",
        "receiptSigner": {"name": "Pat Principal", "title": "Program Director"},
    }
    for bad in ("38-600000", "ab-cdefghi", "00-1234567", "38-60000001"):
        refused = await api.gql(
            ORGANIZATION_UPDATE, {"input": {"id": p.school, "taxId": bad}}, token=p.school_member.token
        )
        assert refused["organizationUpdate"]["userErrors"] == [{"code": "INVALID_TAX_ID", "field": ["taxId"]}], bad
    cleared = await api.gql(
        ORGANIZATION_UPDATE, {"input": {"id": p.school, "taxId": None}}, token=p.school_member.token
    )
    assert cleared["organizationUpdate"]["organization"]["taxId"] is None


async def test_the_receipt_and_its_pdf_hold_every_element_of_a_tax_acknowledgement(api):
    p = await parties(api)
    assert (await tax_profile(api, p))["userErrors"] == []
    donation = await received(api, p, quantity=2, cents=250_000, title="STRSW spot welder")

    receipt = (await api.gql(RECEIPT, {"id": donation}, token=p.donor_member.token))["donation"]["receipt"]
    assert receipt["schoolLegalName"] == "Detroit Public Schools Community District"
    assert receipt["schoolAddress"] == "1 Main St, Detroit, MI 48226"
    assert (receipt["schoolTaxId"], receipt["schoolTaxStatus"]) == ("38-6000000", "PUBLIC_SCHOOL")
    assert receipt["signer"] == {"name": "Pat Principal", "title": "Program Director"}
    assert "No goods or services" in receipt["goodsOrServicesStatement"]
    assert "declared by the donor" in receipt["valueStatement"]

    response = await get(api, receipt["pdfPath"], p.donor_member.token)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.content)
    received_on = receipt["receivedAt"][:10]
    for element in (
        receipt["number"],
        "Detroit Public Schools Community District",
        "1 Main St, Detroit, MI 48226",
        "EIN: 38-6000000",
        "170(c)(1)",
        "Donor: Dearborn Collision",
        "2 x STRSW spot welder",
        "Donor's declared value: USD 5,000.00 (2 x USD 2,500.00)",
        "the school has not appraised",
        "No goods or services were provided in return for this contribution.",
        "Signature: ____",
        "Pat Principal, Program Director",
    ):
        assert element in text, element
    on = date.fromisoformat(received_on)
    assert f"Date received: {on:%B} {on.day}, {on.year}" in text

    # the school, the other party, gets it too
    assert (await get(api, receipt["pdfPath"], p.school_member.token)).status_code == 200


async def test_only_the_two_parties_fetch_a_receipt_pdf(api):
    p = await parties(api)
    donation = await received(api, p, quantity=1, cents=1000, title="Dent kit")
    receipt = (await api.gql(RECEIPT, {"id": donation}, token=p.donor_member.token))["donation"]["receipt"]
    outsider = await api.person("Someone Else")
    await api.organization(owner=outsider, kinds=("DONOR",))
    assert (await get(api, receipt["pdfPath"], None)).status_code == 401
    assert (await get(api, receipt["pdfPath"], outsider.token)).status_code == 404
    assert (await get(api, "/receipts/not-an-id.pdf", p.donor_member.token)).status_code == 404
    staff = await api.person("Staff", staff=True)
    assert (await get(api, receipt["pdfPath"], staff.token)).status_code == 200


async def test_a_donor_gets_a_yearly_statement_with_totals(api):
    p = await parties(api)
    await tax_profile(api, p)
    await received(api, p, quantity=2, cents=250_000, title="STRSW spot welder")
    await received(api, p, quantity=3, cents=12_345, title="Bumper covers")
    year = (await api.gql(RECEIPTS, {"role": "RECEIVED"}, token=p.donor_member.token))["receipts"]["edges"]
    assert len(year) == 2
    this_year = int(year[0]["node"]["number"].split("-")[1])

    response = await get(api, f"/receipts/statement/{this_year}.pdf", p.donor_member.token)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert f"Donation statement {this_year}: Dearborn Collision" in text
    assert "2 x STRSW spot welder: donor's declared value USD 5,000.00" in text
    assert "3 x Bumper covers: donor's declared value USD 370.35" in text
    assert "Receipts: 2" in text
    assert "Total declared value (USD): USD 5,370.35" in text
    assert "EIN 38-6000000" in text

    empty = pdf_text((await get(api, f"/receipts/statement/{this_year - 1}.pdf", p.donor_member.token)).content)
    assert "Receipts: 0" in empty and "Total declared value" not in empty
    # the school is not the donor: no statement of the donor's for it
    path = f"/receipts/statement/{this_year}.pdf?donorId={p.donor}"
    assert (await get(api, path, p.school_member.token)).status_code == 404
    assert (await get(api, path, p.donor_member.token)).status_code == 200


async def test_a_school_lists_and_exports_the_receipts_it_issued(api):
    p = await parties(api)
    await tax_profile(api, p)
    await received(api, p, quantity=1, cents=5_000, title="Scan tool")
    issued = (await api.gql(RECEIPTS, {"role": "ISSUED"}, token=p.school_member.token))["receipts"]["edges"]
    assert [(e["node"]["school"]["name"], e["node"]["donor"]["name"]) for e in issued] == [
        ("Detroit Tech", "Dearborn Collision")
    ]
    assert (await api.gql(RECEIPTS, {"role": "RECEIVED"}, token=p.school_member.token))["receipts"]["edges"] == []
    assert (await api.gql(RECEIPTS, {"role": "ISSUED"}, token=p.donor_member.token))["receipts"]["edges"] == []

    response = await get(api, f"/exports/organizations/{p.school}/receipts.csv", p.school_member.token)
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1
    assert rows[0]["number"] == issued[0]["node"]["number"]
    assert rows[0]["schoolLegalName"] == "Detroit Public Schools Community District"
    assert (rows[0]["schoolTaxId"], rows[0]["schoolTaxStatus"]) == ("38-6000000", "PUBLIC_SCHOOL")
    assert (rows[0]["signerName"], rows[0]["donorId"]) == ("Pat Principal", p.donor)
