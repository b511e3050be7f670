"""Every table, imported here so the metadata is complete for Alembic and the tests."""
from db.base import Base
from db.models.account import AppToken, User
from db.models.catalog import Category
from db.models.donations import Donation, DonationEvent, DonationReceipt, Listing, Need, ReceiptCounter
from db.models.organization import Invitation, Membership, Organization

__all__ = [
    "Base", "AppToken", "Category", "Donation", "DonationEvent", "DonationReceipt", "Invitation", "Listing",
    "Membership", "Need", "Organization", "ReceiptCounter", "User",
]
