"""Receipts as PDF: `GET /receipts/{receiptId}.pdf` (either party of the donation) and
`GET /receipts/statement/{year}.pdf?donorId=` (a donor's yearly statement, its members), with the same
bearer tokens as /graphql. Whoever may not see one is answered 404, as for an object they may not see.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.errors import DomainError
from db.engine import Database
from resolvers.donations import policy, receipts
from resolvers.donations.receipt_documents import receipt_pdf, statement_pdf
from resolvers.partners.exports import member_of
from schema.http.exports import error, not_found, unauthenticated, viewer_of
from schema.relay import decode_id

_MEDIA_TYPE = "application/pdf"


def _pdf(body: bytes, name: str) -> Response:
    return Response(
        body,
        media_type=_MEDIA_TYPE,
        headers={"content-disposition": f'inline; filename="{name}.pdf"', "cache-control": "private, no-store"},
    )


def receipt_document(db: Database) -> Any:
    async def endpoint(request: Request) -> Response:
        viewer = viewer_of(request)
        if not viewer.is_authenticated:
            return unauthenticated()
        try:
            receipt_id = decode_id(request.path_params["receipt_id"], "DonationReceipt")
        except DomainError:
            return not_found("Receipt")
        receipt = await receipts.for_party(db, viewer, receipt_id, await member_of(db, viewer))
        if receipt is None:
            return not_found("Receipt")
        return _pdf(receipt_pdf(receipt), receipt.number)

    return endpoint


def yearly_statement(db: Database) -> Any:
    async def endpoint(request: Request) -> Response:
        viewer = viewer_of(request)
        if not viewer.is_authenticated:
            return unauthenticated()
        year = int(request.path_params["year"])
        if not 2000 <= year <= 2100:
            return error(400, "OUT_OF_RANGE", "year must be between 2000 and 2100.")
        member = await member_of(db, viewer)
        donor_param = request.query_params.get("donorId")
        if donor_param is None:
            if len(member) != 1:
                return error(400, "REQUIRED", "Name the donor organization with ?donorId=<Organization ID>.")
            donor_id = next(iter(member))
        else:
            try:
                donor_id = decode_id(donor_param, "Organization", "donorId")
            except DomainError:
                return not_found("Organization")
        if not policy.may_export(viewer, donor_id, member):
            return not_found("Organization")
        donor, rows = await receipts.statement(db, donor_id, year)
        if donor is None:
            return not_found("Organization")
        return _pdf(statement_pdf(donor, year, rows), f"donations-{year}")

    return endpoint


def receipt_routes(db: Database) -> list[Route]:
    return [
        Route("/receipts/statement/{year:int}.pdf", yearly_statement(db), methods=["GET"]),
        Route("/receipts/{receipt_id}.pdf", receipt_document(db), methods=["GET"]),
    ]
