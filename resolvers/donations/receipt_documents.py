"""Receipts as PDF documents (fpdf2): one acknowledgement per receipt, and a donor's yearly statement.

The text is what IRS Publication 1771 asks of a written acknowledgement of a noncash gift: the
school's legal name, address, tax status and EIN; the donor; a description of the items (not their
value: the value shown is the donor's own, said so); the date received; a statement that no goods
or services were given in return; a signature line. The built-in PDF fonts cover Latin-1 only, so
any other character is written as '?'.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from fpdf import FPDF

from core.currencies import format_money
from db.models import DonationReceipt, Organization
from resolvers.donations.receipts import DONOR_VALUE, NO_GOODS_OR_SERVICES, TAX_STATUS_TEXT

_WIDTH = 0  # a cell as wide as the page's margins allow
_NOT_GIVEN = "not given"


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


class _Document(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="Letter")
        self.set_title(_latin1(title))
        self.set_creator("ShopReady")
        self.set_auto_page_break(auto=True, margin=18)
        self.add_page()
        self.set_font("Helvetica", "B", 15)
        self.multi_cell(_WIDTH, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def line_of(self, text: str, *, bold: bool = False, size: int = 10) -> None:
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(_WIDTH, 5.5, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    def field(self, label: str, value: str | None) -> None:
        self.line_of(f"{label}: {value or _NOT_GIVEN}")

    def gap(self) -> None:
        self.ln(3)


def _day(moment: date) -> str:
    return moment.strftime("%B %d, %Y").replace(" 0", " ")


def _school_block(pdf: _Document, receipt: DonationReceipt) -> None:
    pdf.line_of(receipt.school_legal_name or receipt.school_name, bold=True, size=11)
    pdf.field("Address", receipt.school_address)
    pdf.field("EIN", receipt.school_tax_id)
    status = TAX_STATUS_TEXT.get(receipt.school_tax_status or "")
    pdf.line_of(status or f"Tax status: {_NOT_GIVEN}")


def receipt_pdf(receipt: DonationReceipt) -> bytes:
    pdf = _Document(f"Donation receipt {receipt.number}")
    _school_block(pdf, receipt)
    pdf.gap()
    pdf.field("Donor", receipt.donor_name)
    pdf.field("Date received", _day(receipt.received_at))
    pdf.field("Receipt issued to the donor for", f"{receipt.quantity} x {receipt.item_title}")
    pdf.field("Category and condition", f"{receipt.category_name}, {receipt.condition.lower()}")
    unit = format_money(receipt.unit_value_cents, receipt.currency)
    total = format_money(receipt.declared_value_cents, receipt.currency)
    pdf.field("Donor's declared value", f"{total} ({receipt.quantity} x {unit})")
    pdf.line_of(DONOR_VALUE)
    pdf.gap()
    pdf.line_of(NO_GOODS_OR_SERVICES, bold=True)
    pdf.gap()
    _signature(pdf, receipt)
    return bytes(pdf.output())


def _signature(pdf: _Document, receipt: DonationReceipt) -> None:
    pdf.ln(8)
    pdf.line_of("Signature: ______________________________")
    signer = ", ".join(part for part in (receipt.signer_name, receipt.signer_title) if part)
    pdf.field("Signed for the school by", signer or None)


def statement_pdf(donor: Organization, year: int, receipts: Sequence[DonationReceipt]) -> bytes:
    pdf = _Document(f"Donation statement {year}: {donor.name}")
    pdf.line_of(f"Every donation receipt issued to {donor.name} for items received in {year}.")
    pdf.gap()
    totals: dict[str, int] = {}
    for receipt in receipts:
        value = format_money(receipt.declared_value_cents, receipt.currency)
        pdf.line_of(f"{receipt.number}  {_day(receipt.received_at)}", bold=True)
        school = receipt.school_legal_name or receipt.school_name
        pdf.line_of(f"{school} (EIN {receipt.school_tax_id or _NOT_GIVEN})")
        pdf.line_of(f"{receipt.quantity} x {receipt.item_title}: donor's declared value {value}")
        totals[receipt.currency] = totals.get(receipt.currency, 0) + receipt.declared_value_cents
        pdf.ln(1)
    pdf.gap()
    pdf.line_of(f"Receipts: {len(receipts)}", bold=True)
    for currency, cents in sorted(totals.items()):
        pdf.line_of(f"Total declared value ({currency}): {format_money(cents, currency)}", bold=True)
    pdf.line_of(DONOR_VALUE)
    pdf.line_of(NO_GOODS_OR_SERVICES)
    return bytes(pdf.output())
