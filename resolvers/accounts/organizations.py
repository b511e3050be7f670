"""Organizations: create, update, browse, and manage members."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import ids_within
from core.locations import Circle, locate, location_columns
from core.paging import Page, Slice
from core.validation import Checks, contains_pattern
from core.viewer import MANAGERS, Role, Scope, Viewer, require_role
from db.engine import Database
from db.enums.accounts import OrganizationKind
from db.models import Membership, Organization, User
from resolvers.accounts.emails import normalize_email
from resolvers.accounts.invitations import check_grant

_WEBSITE = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)
_KIND_COLUMNS = {
    OrganizationKind.SCHOOL: "is_school",
    OrganizationKind.DONOR: "is_donor",
    OrganizationKind.EMPLOYER: "is_employer",
}
_SCHOOL_ONLY = ("programs", "enrollment", "accreditation", "tier")
_EIN = re.compile(r"(\d{2})-?(\d{7})")
# prefixes the IRS has never assigned (its "How EINs are assigned and valid EIN prefixes")
_UNASSIGNED_EIN_PREFIXES = frozenset(
    {"00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"}
)
_TAX_TEXT = (("legal_name", "legalName"), ("signer_name", "signerName"), ("signer_title", "signerTitle"))


def _validated(changes: dict, *, creating: bool) -> dict:
    """Checked, normalized column values for the given changes (keys as in the API input)."""
    checks = Checks()
    values: dict = {}
    if creating or "name" in changes:
        values["name"] = checks.text(changes.get("name"), "name", max_length=200)
    for key, limit in (("description", 5000), ("street", 200), ("city", 100), ("accreditation", 200)):
        if key in changes:
            values[key] = checks.text(changes[key], key, max_length=limit, required=False)
    if values.get("description") is None and "description" in values:
        values["description"] = ""
    # null or blank clears these optional fields
    if "website" in changes:
        website = values["website"] = _blank_to_none(changes["website"])
        if website is not None and (len(website) > 500 or not _WEBSITE.match(website)):
            checks.add(ErrorCode.INVALID, "website must be an http(s) address.", "website")
    if "state" in changes:
        state = values["state"] = _blank_to_none(changes["state"])
        if state is not None:
            state = values["state"] = state.upper()
            if not re.fullmatch(r"[A-Z]{2}", state):
                checks.add(ErrorCode.INVALID, "state must be a two-letter code.", "state")
    if "contact_email" in changes:
        values["contact_email"] = None
        if (email := _blank_to_none(changes["contact_email"])) is not None:
            try:
                values["contact_email"] = normalize_email(email)
            except DomainError:
                checks.add(ErrorCode.INVALID_EMAIL, "contactEmail must be a valid email address.", "contactEmail")
    if "contact_phone" in changes:
        values["contact_phone"] = checks.text(changes["contact_phone"], "contactPhone", max_length=40, required=False)
    if creating or "kinds" in changes:
        kinds = set(changes.get("kinds") or ())
        if not kinds:
            checks.add(ErrorCode.REQUIRED, "Choose at least one kind.", "kinds")
        for kind, column in _KIND_COLUMNS.items():
            values[column] = kind in kinds
    if "enrollment" in changes:
        checks.in_range(changes["enrollment"], "enrollment", low=0, high=100_000)
        values["enrollment"] = changes["enrollment"]
    if "programs" in changes:
        values["programs"] = sorted({p.value for p in changes["programs"] or ()})
    if "tier" in changes:
        values["tier"] = changes["tier"].value if changes["tier"] else None
    _tax_profile(changes, values, checks)
    checks.raise_any()
    if any(k in changes for k in ("postal_code", "latitude", "longitude")):
        point = locate(changes.get("postal_code"), changes.get("latitude"), changes.get("longitude"))
        values.update(location_columns(point))
    return values


def _tax_profile(changes: dict, values: dict, checks: Checks) -> None:
    """The elements a tax acknowledgement names: legal name, EIN (NN-NNNNNNN), tax status, signer."""
    for key, field in _TAX_TEXT:
        if key in changes:
            values[key] = _blank_to_none(checks.text(changes[key], field, max_length=200, required=False))
    if "tax_id" in changes:
        values["tax_id"] = None
        if (tax_id := _blank_to_none(changes["tax_id"])) is not None:
            match = _EIN.fullmatch(tax_id)
            if match is None or match[1] in _UNASSIGNED_EIN_PREFIXES:
                checks.add(ErrorCode.INVALID_TAX_ID, "taxId must be an EIN written NN-NNNNNNN.", "taxId")
            else:
                values["tax_id"] = f"{match[1]}-{match[2]}"
    if "tax_status" in changes:
        values["tax_status"] = changes["tax_status"].value if changes["tax_status"] else None


def _blank_to_none(value: str | None) -> str | None:
    return (value or "").strip() or None


def _check_school_fields(organization: Organization, changes: dict) -> None:
    given = [key for key in _SCHOOL_ONLY if changes.get(key)]
    if given and not organization.is_school:
        raise DomainError(ErrorCode.INVALID, "Programs, enrollment, accreditation and tier are for schools.", given[0])


async def create(db: Database, viewer: Viewer, changes: dict) -> Organization:
    user_id = viewer.require_person()
    values = _validated(changes, creating=True)
    organization = Organization(**values)
    _check_school_fields(organization, changes)
    async with db.write() as session:
        session.add(organization)
        await session.flush()
        session.add(Membership(organization_id=organization.id, user_id=user_id, role=Role.OWNER.value))
    return organization


async def update(db: Database, viewer: Viewer, organization_id: int, changes: dict) -> Organization:
    values = _validated(changes, creating=False)
    async with db.write() as session:
        organization = await session.get(Organization, organization_id)
        if organization is None:
            raise not_found("Organization")
        await require_role(session, viewer, organization_id, roles=MANAGERS, scope=Scope.ORGANIZATION_WRITE)
        for key, value in values.items():
            setattr(organization, key, value)
        _check_school_fields(organization, changes)
    return organization


@dataclass(frozen=True)
class OrganizationFilter:
    kind: OrganizationKind | None = None
    near: Circle | None = None
    search: str | None = None


def _filtered(filter: OrganizationFilter) -> Select:
    stmt = select(Organization)
    if filter.kind:
        stmt = stmt.where(getattr(Organization, _KIND_COLUMNS[filter.kind]).is_(True))
    if filter.search and filter.search.strip():
        pattern = contains_pattern(filter.search)
        stmt = stmt.where(
            or_(
                func.lower(Organization.name).like(pattern, escape="\\"),
                func.lower(Organization.description).like(pattern, escape="\\"),
            )
        )
    return stmt


async def browse(db: Database, filter: OrganizationFilter, page: Page) -> Slice[Organization]:
    async with db.read() as session:
        stmt = _filtered(filter)
        if filter.near is None:
            rows = (await session.scalars(page.apply(stmt.order_by(Organization.name, Organization.id)))).all()
            return page.slice(rows)
        distances = await ids_within(session, Organization, filter.near, stmt)
        return await page.slice_of_ids(session, Organization, distances)


async def _user_by_email(session: AsyncSession, email: str) -> User:
    """Only an account that verified the address: adding whoever merely registered it would hand an
    organization to someone who typed another person's email."""
    user = await session.scalar(
        select(User).where(User.email == normalize_email(email), User.email_verified_at.is_not(None))
    )
    if user is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, "No verified account uses this email; send an invitation instead.", "email"
        )
    return user


async def add_member(db: Database, viewer: Viewer, organization_id: int, email: str, role: Role) -> Membership:
    async with db.write() as session:
        if await session.get(Organization, organization_id) is None:
            raise not_found("Organization", "organizationId")
        actor_role = await require_role(session, viewer, organization_id, roles=MANAGERS)
        check_grant(actor_role, role)
        user = await _user_by_email(session, email)
        existing = await session.scalar(
            select(Membership).where(Membership.organization_id == organization_id, Membership.user_id == user.id)
        )
        if existing:
            raise DomainError(ErrorCode.ALREADY_MEMBER, "This person is already a member.", "email")
        membership = Membership(organization_id=organization_id, user_id=user.id, role=role.value)
        session.add(membership)
    return membership


async def remove_member(db: Database, viewer: Viewer, organization_id: int, user_id: int) -> None:
    """Managers remove members; anyone may leave; an organization always keeps an owner."""
    async with db.write() as session:
        # Row lock on PostgreSQL so two concurrent removals cannot both see "another owner remains".
        await session.get(Organization, organization_id, with_for_update=True)
        membership = await session.scalar(
            select(Membership).where(Membership.organization_id == organization_id, Membership.user_id == user_id)
        )
        if membership is None:
            raise not_found("Membership", "userId")
        if viewer.user_id != user_id:
            actor_role = await require_role(session, viewer, organization_id, roles=MANAGERS)
            check_grant(actor_role, Role(membership.role))
        if membership.role == Role.OWNER.value:
            owners = await session.scalar(
                select(func.count()).where(
                    Membership.organization_id == organization_id, Membership.role == Role.OWNER.value
                )
            )
            if (owners or 0) <= 1:
                raise DomainError(ErrorCode.LAST_OWNER, "An organization must keep at least one owner.", "userId")
        await session.delete(membership)
