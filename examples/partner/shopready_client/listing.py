from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ListingStatus


class Listing(BaseModel):
    listing: Optional["ListingListing"]


class ListingListing(BaseModel):
    id: str
    title: str
    status: ListingStatus
    quantity: int
    quantity_available: int = Field(alias="quantityAvailable")


Listing.model_rebuild()
