"""What a client sends to create, change and browse organizations."""

from __future__ import annotations

import strawberry

from schema.scalars import NearInput, OrganizationKind, Program, SchoolTier, TaxStatus

# One description per field, shared by the create and update inputs.
_ABOUT = {
    "name": "The organization's public name, up to 200 characters.",
    "kinds": "What the organization does here; at least one (a shop may both donate and hire).",
    "description": "Public text about the organization, up to 5,000 characters.",
    "website": "An http(s) address, up to 500 characters.",
    "street": "Street address, up to 200 characters.",
    "city": "City, up to 100 characters.",
    "state": "Two-letter US state code, e.g. MI.",
    "postal_code": "US ZIP code. The organization is placed at the ZIP code's centroid unless latitude and "
    "longitude are given (UNKNOWN_POSTAL_CODE when the code does not exist).",
    "latitude": "Degrees north, -90 to 90; give it with longitude. Coordinates win over the ZIP centroid.",
    "longitude": "Degrees east, -180 to 180; give it with latitude.",
    "contact_email": "Contact address, shown only to members and to the other party of a donation.",
    "contact_phone": "Contact phone, up to 40 characters; shown like contactEmail.",
    "programs": "Schools only: the programs taught.",
    "enrollment": "Schools only: students enrolled, 0 to 100,000.",
    "accreditation": "Schools only: accreditation held, e.g. ASE Education Foundation, up to 200 characters.",
    "tier": "Schools only: the CREF program tier.",
    "legal_name": "The legal name printed on donation receipts when it differs from `name`, up to 200 characters.",
    "tax_id": "The US employer identification number (EIN), NN-NNNNNNN (nine digits; the dash is added); "
    "printed on donation receipts. INVALID_TAX_ID otherwise.",
    "tax_status": "Why gifts to it are deductible; printed on donation receipts.",
    "signer_name": "Who signs its donation receipts, up to 200 characters.",
    "signer_title": "The signer's title, e.g. Program Director, up to 200 characters.",
}
_UPDATE = " Omit to keep; null clears it."
_RELOCATE = " Giving any of postalCode, latitude and longitude replaces the whole location with what they give."


def _create(name: str, default=None):
    return strawberry.field(default=default, description=_ABOUT[name])


def _update(name: str, *, clears: bool = True, more: str = ""):
    keep = _UPDATE if clears else " Omit to keep; it cannot be cleared."
    return strawberry.field(default=strawberry.UNSET, description=_ABOUT[name] + keep + more)


@strawberry.input(description="A new organization; the person creating it becomes its owner.")
class OrganizationCreateInput:
    name: str = strawberry.field(description=_ABOUT["name"])
    kinds: list[OrganizationKind] = strawberry.field(description=_ABOUT["kinds"])
    description: str | None = _create("description")
    website: str | None = _create("website")
    street: str | None = _create("street")
    city: str | None = _create("city")
    state: str | None = _create("state")
    postal_code: str | None = _create("postal_code")
    latitude: float | None = _create("latitude")
    longitude: float | None = _create("longitude")
    contact_email: str | None = _create("contact_email")
    contact_phone: str | None = _create("contact_phone")
    programs: list[Program] | None = _create("programs")
    enrollment: int | None = _create("enrollment")
    accreditation: str | None = _create("accreditation")
    tier: SchoolTier | None = _create("tier")
    legal_name: str | None = _create("legal_name")
    tax_id: str | None = _create("tax_id")
    tax_status: TaxStatus | None = _create("tax_status")
    signer_name: str | None = _create("signer_name")
    signer_title: str | None = _create("signer_title")


@strawberry.input(description="Changes to an organization; only the fields given are changed.")
class OrganizationUpdateInput:
    id: strawberry.ID = strawberry.field(description="The organization's ID.")
    name: str | None = _update("name", clears=False)
    kinds: list[OrganizationKind] | None = _update("kinds", clears=False)
    description: str | None = _update("description")
    website: str | None = _update("website")
    street: str | None = _update("street")
    city: str | None = _update("city")
    state: str | None = _update("state")
    postal_code: str | None = _update("postal_code", more=_RELOCATE)
    latitude: float | None = _update("latitude", more=_RELOCATE)
    longitude: float | None = _update("longitude", more=_RELOCATE)
    contact_email: str | None = _update("contact_email")
    contact_phone: str | None = _update("contact_phone")
    programs: list[Program] | None = _update("programs")
    enrollment: int | None = _update("enrollment")
    accreditation: str | None = _update("accreditation")
    tier: SchoolTier | None = _update("tier")
    legal_name: str | None = _update("legal_name")
    tax_id: str | None = _update("tax_id")
    tax_status: TaxStatus | None = _update("tax_status")
    signer_name: str | None = _update("signer_name")
    signer_title: str | None = _update("signer_title")


@strawberry.input(description="Which organizations to browse; every condition given must hold.")
class OrganizationFilter:
    kind: OrganizationKind | None = strawberry.field(default=None, description="Only organizations of this kind.")
    near: NearInput | None = strawberry.field(
        default=None, description="Only organizations located within this circle, nearest first."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Text the name or description contains, ignoring case; taken literally (% and _ are not "
        "wildcards).",
    )
