"""The donation exchange's domain events: what each carries and whom it concerns.

Needs and listings are public (anyone reading the board may hear of them); donations and receipts
concern their two parties only.
"""

from __future__ import annotations

from core.global_ids import global_id
from core.outbox import Event
from db.enums.events import EventType
from db.models import Donation, DonationReceipt, Listing, Need, ServiceOffer


def need_event(type: EventType, need: Need) -> Event:
    return Event(
        type,
        "Need",
        need.id,
        organization_ids=(need.school_id,),
        is_public=True,
        data={
            "need": global_id("Need", need.id),
            "school": global_id("Organization", need.school_id),
            "title": need.title,
            "status": need.status.value,
            "quantity": need.quantity,
            "quantityReceived": need.quantity_received,
        },
    )


def listing_event(type: EventType, listing: Listing, status: str) -> Event:
    return Event(
        type,
        "Listing",
        listing.id,
        organization_ids=(listing.donor_id,),
        is_public=True,
        data={
            "listing": global_id("Listing", listing.id),
            "donor": global_id("Organization", listing.donor_id),
            "title": listing.title,
            "status": status,
            "quantityAvailable": listing.quantity_available,
        },
    )


def donation_event(type: EventType, donation: Donation, from_status: str | None, note: str | None = None) -> Event:
    return Event(
        type,
        "Donation",
        donation.id,
        organization_ids=(donation.donor_id, donation.school_id),
        data={
            "donation": global_id("Donation", donation.id),
            "listing": global_id("Listing", donation.listing_id),
            "need": global_id("Need", donation.need_id),
            "donor": global_id("Organization", donation.donor_id),
            "school": global_id("Organization", donation.school_id),
            "status": donation.status,
            "fromStatus": from_status,
            "quantity": donation.quantity,
            "note": note,
        },
    )


def receipt_event(receipt: DonationReceipt) -> Event:
    return Event(
        EventType.RECEIPT_ISSUED,
        "DonationReceipt",
        receipt.id,
        organization_ids=(receipt.donor_id, receipt.school_id),
        data={
            "receipt": global_id("DonationReceipt", receipt.id),
            "donation": global_id("Donation", receipt.donation_id),
            "number": receipt.number,
            "declaredValue": {"amountCents": receipt.declared_value_cents, "currency": receipt.currency},
        },
    )


def service_offer_event(type: EventType, offer: ServiceOffer) -> Event:
    """Offers are private to the school and the shop; the need's public events say only that it is booked."""
    return Event(
        type,
        "ServiceOffer",
        offer.id,
        organization_ids=(offer.school_id, offer.shop_id),
        data={
            "serviceOffer": global_id("ServiceOffer", offer.id),
            "need": global_id("Need", offer.need_id),
            "school": global_id("Organization", offer.school_id),
            "shop": global_id("Organization", offer.shop_id),
            "status": offer.status,
            "cancelReason": offer.cancel_reason,
        },
    )
