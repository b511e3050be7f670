"""Scholarships and tool grants: donors create them, students apply once, sponsors award within the count."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.currencies import check_currency
from core.errors import DomainError, DomainErrors, ErrorCode, not_found
from core.insert_once import insert_once
from core.locations import MAX_RADIUS_KM, locate
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import MANAGERS, Viewer, require_role
from db.engine import Database
from db.enums.events import EventType
from db.enums.pathways import ScholarshipApplicationStatus, ScholarshipKind
from db.models import Credential, Organization, Scholarship, ScholarshipApplication, StudentProfile
from resolvers.pathways.events import scholarship_application_event
from resolvers.pathways.scholarship_eligibility import applicants, ineligibility
from resolvers.talent.policy import own_profile

MAX_AMOUNT_CENTS = 100_000_000  # $1,000,000
MAX_AWARDS = 1000


@dataclass(frozen=True)
class Eligibility:
    programs: list[str] = field(default_factory=list)
    postal_code: str | None = None
    radius_km: float | None = None
    graduation_from: date | None = None
    graduation_to: date | None = None
    required_credentials: list[str] = field(default_factory=list)
    school_tiers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScholarshipInput:
    sponsor_id: int
    name: str
    kind: ScholarshipKind
    amount_cents: int
    currency: str
    awards: int
    opens_on: date
    closes_on: date
    description: str | None = None
    eligibility: Eligibility = field(default_factory=Eligibility)


def _validated(given: ScholarshipInput) -> dict:
    checks = Checks()
    values: dict[str, Any] = {
        "name": checks.text(given.name, "name", max_length=200),
        "description": checks.text(given.description, "description", max_length=5000, required=False) or "",
        "kind": given.kind.value,
        "amount_cents": given.amount_cents,
        "awards": given.awards,
        "opens_on": given.opens_on,
        "closes_on": given.closes_on,
    }
    least = 1 if given.kind is ScholarshipKind.SCHOLARSHIP else 0
    if not least <= given.amount_cents <= MAX_AMOUNT_CENTS:
        checks.add(
            ErrorCode.OUT_OF_RANGE,
            f"amount.amount must be between {least} and {MAX_AMOUNT_CENTS} cents for a {given.kind.value}.",
            ["amount", "amount"],
        )
    values["currency"] = check_currency(checks, given.currency, ["amount", "currency"])
    checks.in_range(given.awards, "awards", low=1, high=MAX_AWARDS)
    if given.closes_on < given.opens_on:
        checks.add(ErrorCode.OUT_OF_RANGE, "closesOn must be on or after opensOn.", "closesOn")
    elif given.closes_on < utcnow().date():
        checks.add(ErrorCode.OUT_OF_RANGE, "closesOn has already passed.", "closesOn")
    rules = given.eligibility
    low, high = rules.graduation_from, rules.graduation_to
    if low is not None and high is not None and high < low:
        checks.add(
            ErrorCode.OUT_OF_RANGE,
            "graduationBetween.to must be on or after from.",
            ["eligibility", "graduationBetween"],
        )
    if rules.postal_code is not None or rules.radius_km is not None:
        if rules.radius_km is None or rules.postal_code is None:
            checks.add(ErrorCode.REQUIRED, "A region needs both postalCode and radiusKm.", ["eligibility", "region"])
        else:
            checks.in_range(rules.radius_km, "radiusKm", low=1, high=MAX_RADIUS_KM)
    checks.raise_any()
    values.update(
        programs=sorted(set(rules.programs)),
        school_tiers=sorted(set(rules.school_tiers)),
        required_credentials=sorted({code.strip().upper() for code in rules.required_credentials}),
        graduation_from=low,
        graduation_to=high,
    )
    if rules.postal_code is not None:
        point = locate(rules.postal_code, None, None, field="postalCode")
        if point is None:
            raise DomainError(ErrorCode.REQUIRED, "A region needs a postalCode.", ["eligibility", "region"])
        values.update(
            region_postal_code=point.postal_code,
            region_latitude=point.latitude,
            region_longitude=point.longitude,
            region_radius_km=rules.radius_km,
        )
    return values


async def create(db: Database, viewer: Viewer, given: ScholarshipInput) -> Scholarship:
    values = _validated(given)
    async with db.write() as session:
        sponsor = await session.get(Organization, given.sponsor_id)
        if sponsor is None:
            raise not_found("Organization", "sponsorId")
        await require_role(session, viewer, sponsor.id, roles=MANAGERS)
        if not sponsor.is_donor:
            raise DomainError(
                ErrorCode.WRONG_ORGANIZATION_KIND, "Only donor organizations sponsor awards.", "sponsorId"
            )
        codes = values["required_credentials"]
        known = set((await session.scalars(select(Credential.code).where(Credential.code.in_(codes)))).all())
        if unknown := [code for code in codes if code not in known]:
            raise DomainError(
                ErrorCode.UNKNOWN_CREDENTIAL,
                f"Unknown credential: {', '.join(unknown)}.",
                ["eligibility", "requiredCredentials"],
            )
        scholarship = Scholarship(sponsor_id=sponsor.id, created_by_id=viewer.user_id, **values)
        session.add(scholarship)
    return scholarship


@dataclass(frozen=True)
class ScholarshipFilter:
    sponsor_id: int | None = None
    open_only: bool = False  # accepting applications on the day asked


def filtered(filter: ScholarshipFilter, today: date) -> Select:
    """The scholarships `filter` keeps, unordered: the list query and saved searches share it. Open
    ones are within their window and have awards left (an exhausted award accepts none, as `check_open`
    says)."""
    stmt = select(Scholarship)
    if filter.sponsor_id is not None:
        stmt = stmt.where(Scholarship.sponsor_id == filter.sponsor_id)
    if filter.open_only:
        stmt = stmt.where(
            Scholarship.opens_on <= today,
            Scholarship.closes_on >= today,
            Scholarship.awards_made < Scholarship.awards,
        )
    return stmt


async def browse(db: Database, filter: ScholarshipFilter, today: date, page: Page) -> Slice[Scholarship]:
    """Soonest deadline first."""
    stmt = filtered(filter, today).order_by(Scholarship.closes_on, Scholarship.id)
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


def check_open(scholarship: Scholarship, today: date) -> None:
    if today < scholarship.opens_on:
        raise DomainError(
            ErrorCode.NOT_OPEN, f"Applications open on {scholarship.opens_on.isoformat()}.", "scholarshipId"
        )
    if today > scholarship.closes_on:
        raise DomainError(
            ErrorCode.CLOSED, f"Applications closed on {scholarship.closes_on.isoformat()}.", "scholarshipId"
        )
    if scholarship.awards_made >= scholarship.awards:
        raise DomainError(ErrorCode.AWARDS_EXHAUSTED, "Every award has been made.", "scholarshipId")


async def apply(db: Database, viewer: Viewer, scholarship_id: int, essay: str) -> ScholarshipApplication:
    checks = Checks()
    essay = checks.text(essay, "essay", max_length=10_000)
    checks.raise_any()
    async with db.write() as session:
        student = await own_profile(session, viewer)
        scholarship = await session.get(Scholarship, scholarship_id)
        if scholarship is None:
            raise not_found("Scholarship", "scholarshipId")
        check_open(scholarship, utcnow().date())
        facts = (await applicants(session, [student.id]))[student.id]
        if reasons := ineligibility(scholarship, facts):
            raise DomainErrors(
                [DomainError(ErrorCode.INELIGIBLE, reason.message, ["eligibility", reason.field]) for reason in reasons]
            )
        application_id = await insert_once(
            session,
            ScholarshipApplication,
            {
                "scholarship_id": scholarship.id,
                "student_id": student.id,
                "essay": essay,
                "status": ScholarshipApplicationStatus.SUBMITTED.value,
            },
            ["scholarship_id", "student_id"],
        )
        if application_id is None:
            raise DomainError(ErrorCode.ALREADY_APPLIED, "You have already applied.", "scholarshipId")
        application = await session.get_one(ScholarshipApplication, application_id)
        created = EventType.SCHOLARSHIP_APPLICATION_CREATED
        outbox.append(session, scholarship_application_event(created, application, scholarship, student))
        return application


async def _reviewable(session: AsyncSession, viewer: Viewer, application_id: int) -> ScholarshipApplication:
    application = await session.get(ScholarshipApplication, application_id)
    if application is None:
        raise not_found("Scholarship application")
    scholarship = await session.get_one(Scholarship, application.scholarship_id)
    await require_role(session, viewer, scholarship.sponsor_id, roles=MANAGERS, hide="Scholarship application")
    return application


async def _decide(
    session: AsyncSession, viewer: Viewer, application_id: int, status: ScholarshipApplicationStatus
) -> None:
    """Move a SUBMITTED application on, atomically, so a decision is made only once."""
    decided = (
        await session.execute(
            update(ScholarshipApplication)
            .where(
                ScholarshipApplication.id == application_id,
                ScholarshipApplication.status == ScholarshipApplicationStatus.SUBMITTED.value,
            )
            .values(status=status.value, decided_at=utcnow(), decided_by_id=viewer.user_id, updated_at=utcnow())
            .returning(ScholarshipApplication.id)
            .execution_options(synchronize_session=False)
        )
    ).scalar_one_or_none()
    if decided is None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "This application has already been decided.", "id")


async def award(db: Database, viewer: Viewer, application_id: int) -> ScholarshipApplication:
    async with db.write() as session:
        application = await _reviewable(session, viewer, application_id)
        await _decide(session, viewer, application.id, ScholarshipApplicationStatus.AWARDED)
        # The count is claimed in the database: concurrent awards queue on the row and re-check it.
        claimed = (
            await session.execute(
                update(Scholarship)
                .where(Scholarship.id == application.scholarship_id, Scholarship.awards_made < Scholarship.awards)
                .values(awards_made=Scholarship.awards_made + 1, updated_at=utcnow())
                .returning(Scholarship.id)
                .execution_options(synchronize_session=False)
            )
        ).scalar_one_or_none()
        if claimed is None:
            raise DomainError(ErrorCode.AWARDS_EXHAUSTED, "Every award has already been made.", "id")
        awarded = await session.get_one(ScholarshipApplication, application.id, populate_existing=True)
        scholarship = await session.get_one(Scholarship, application.scholarship_id)
        student = await session.get_one(StudentProfile, application.student_id)
        announced = EventType.SCHOLARSHIP_APPLICATION_AWARDED
        outbox.append(session, scholarship_application_event(announced, awarded, scholarship, student))
        return awarded


async def decline(db: Database, viewer: Viewer, application_id: int) -> ScholarshipApplication:
    async with db.write() as session:
        application = await _reviewable(session, viewer, application_id)
        await _decide(session, viewer, application.id, ScholarshipApplicationStatus.DECLINED)
        return await session.get_one(ScholarshipApplication, application.id, populate_existing=True)
