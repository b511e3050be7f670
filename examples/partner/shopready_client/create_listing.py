from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode, ListingStatus


class CreateListing(BaseModel):
    listing_create: "CreateListingListingCreate" = Field(alias="listingCreate")


class CreateListingListingCreate(BaseModel):
    listing: Optional["CreateListingListingCreateListing"]
    user_errors: list["CreateListingListingCreateUserErrors"] = Field(
        alias="userErrors"
    )


class CreateListingListingCreateListing(BaseModel):
    id: str
    title: str
    status: ListingStatus
    quantity: int
    unit_value: "CreateListingListingCreateListingUnitValue" = Field(alias="unitValue")


class CreateListingListingCreateListingUnitValue(BaseModel):
    amount: Any
    currency: str


class CreateListingListingCreateUserErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


CreateListing.model_rebuild()
CreateListingListingCreate.model_rebuild()
CreateListingListingCreateListing.model_rebuild()
