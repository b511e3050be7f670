"""The job board: employers post and change jobs with transparent pay; everyone browses them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, delete, exists, func, or_, select
from sqlalchemy import update as sql_update

from core import outbox
from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import ids_within
from core.json_lists import contains_value
from core.locations import Circle, locate
from core.paging import Page, Slice
from core.regions import state_of
from core.validation import Checks, contains_pattern
from core.viewer import ANY_MEMBER, Scope, Viewer, require_role
from db.engine import Database, rows_matched
from db.enums.events import EventType
from db.enums.talent import PayUnit, PostingStatus
from db.models import Credential, JobPosting, JobRequiredCredential, Organization
from resolvers.talent import openings as job_openings
from resolvers.talent import skills
from resolvers.talent.credentials import ids_for_codes
from resolvers.talent.events import job_posting_event
from resolvers.talent.pay_units import PAY_CURRENCY, PayRange, check_currency, check_range, to_hourly_cents


def _validated(changes: dict, *, creating: bool) -> tuple[dict, skills.NormalizedSkills | None]:
    checks = Checks()
    values: dict = {}
    if creating or "title" in changes:
        values["title"] = checks.text(changes.get("title"), "title", max_length=200)
    if "description" in changes:
        values["description"] = (
            checks.text(changes["description"], "description", max_length=10_000, required=False) or ""
        )
    if creating or "role_type" in changes:
        if changes.get("role_type") is None:
            checks.add(ErrorCode.REQUIRED, "roleType is required.", "roleType")
        else:
            values["role_type"] = changes["role_type"].value
    if "programs" in changes:
        values["programs"] = sorted({p.value for p in changes["programs"] or ()})
    if "benefits" in changes:
        values["benefits"] = sorted({b.value for b in changes["benefits"] or ()})
    if creating or "openings" in changes:
        openings = changes.get("openings", 1)
        if openings is None or not 1 <= openings <= 1000:
            checks.add(ErrorCode.OUT_OF_RANGE, "openings must be between 1 and 1000.", "openings")
        values["openings"] = openings
    if "closes_on" in changes:
        if changes["closes_on"] is not None and changes["closes_on"] < today():
            checks.add(ErrorCode.OUT_OF_RANGE, "closesOn cannot be in the past.", "closesOn")
        values["closes_on"] = changes["closes_on"]
    if creating or "pay" in changes:
        pay: PayRange | None = changes.get("pay")
        if pay is None:
            checks.add(ErrorCode.PAY_REQUIRED, "Pay is required: every posting shows its pay range.", "pay")
        else:
            check_range(checks, pay)
            values.update(
                pay_min_cents=pay.min_cents,
                pay_max_cents=pay.max_cents,
                pay_unit=pay.unit.value,
                pay_basis=pay.basis.value,
                pay_min_hourly_cents=pay.hourly[0],
                pay_max_hourly_cents=pay.hourly[1],
            )
    checks.raise_any()
    normalized = None
    if "preferred_skills" in changes:
        normalized = skills.normalize(changes["preferred_skills"], "preferredSkills")
        values["preferred_skill_ids"] = normalized.skill_ids
        values["other_preferred_skills"] = normalized.other_skills
    if changes.get("postal_code"):
        point = locate(changes["postal_code"], None, None)
        if point is None:  # a postal code always locates or raises
            raise DomainError(ErrorCode.REQUIRED, "postalCode is required.", "postalCode")
        values.update(
            postal_code=point.postal_code,
            latitude=point.latitude,
            longitude=point.longitude,
            state=state_of(point.postal_code),
        )
    return values, normalized


async def _replace_required(session, posting_id: int, changes: dict) -> None:
    if "required_credentials" not in changes:
        return
    ids = await ids_for_codes(session, changes["required_credentials"], "requiredCredentials")
    await session.execute(delete(JobRequiredCredential).where(JobRequiredCredential.job_posting_id == posting_id))
    session.add_all(JobRequiredCredential(job_posting_id=posting_id, credential_id=i) for i in ids)


async def create(db: Database, viewer: Viewer, changes: dict) -> tuple[JobPosting, skills.NormalizedSkills | None]:
    values, normalized = _validated(changes, creating=True)
    employer_id = changes["employer_id"]
    async with db.write() as session:
        employer = await session.get(Organization, employer_id)
        if employer is None:
            raise not_found("Employer", "employerId")
        await require_role(session, viewer, employer_id, roles=ANY_MEMBER, scope=Scope.TALENT_WRITE)
        if not employer.is_employer:
            raise DomainError(ErrorCode.NOT_AN_EMPLOYER, "Only employers post jobs.", "employerId")
        if "postal_code" not in values:  # default to the shop's own address
            if employer.latitude is None:
                raise DomainError(ErrorCode.REQUIRED, "Give the job's postalCode.", "postalCode")
            values.update(
                postal_code=employer.postal_code,
                latitude=employer.latitude,
                longitude=employer.longitude,
                state=employer.state or state_of(employer.postal_code),
            )
        posting = JobPosting(employer_id=employer_id, created_by_id=viewer.user_id, **values)
        session.add(posting)
        await session.flush()
        await _replace_required(session, posting.id, changes)
        outbox.append(session, job_posting_event(EventType.JOB_POSTING_CREATED, posting, posting.status))
    return posting, normalized


async def _managed(session, viewer: Viewer, posting_id: int) -> JobPosting:
    posting = await session.get(JobPosting, posting_id)
    if posting is None:
        raise not_found("Job posting")
    await require_role(
        session, viewer, posting.employer_id, roles=ANY_MEMBER, scope=Scope.TALENT_WRITE, hide="Job posting"
    )
    return posting


async def update(db: Database, viewer: Viewer, posting_id: int, changes: dict):
    values, normalized = _validated(changes, creating=False)
    async with db.write() as session:
        posting = await _managed(session, viewer, posting_id)
        if posting.status == PostingStatus.CLOSED.value:
            raise DomainError(ErrorCode.POSTING_CLOSED, "A closed posting cannot be changed.", "id")
        if "openings" in values:
            await job_openings.set_openings(session, posting, values.pop("openings"))
        for key, value in values.items():
            setattr(posting, key, value)
        await _replace_required(session, posting.id, changes)
        posting.updated_at = utcnow()  # required credentials count as a change for index refreshes
    return posting, normalized


async def close(db: Database, viewer: Viewer, posting_id: int) -> JobPosting:
    async with db.write() as session:
        posting = await _managed(session, viewer, posting_id)
        closed = await session.execute(
            sql_update(JobPosting)
            .where(JobPosting.id == posting_id, JobPosting.status == PostingStatus.OPEN.value)
            .values(status=PostingStatus.CLOSED.value, closed_at=utcnow(), updated_at=utcnow())
        )
        if rows_matched(closed) == 0:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "This posting is already closed.", "id")
        await session.refresh(posting)
        outbox.append(session, job_posting_event(EventType.JOB_POSTING_CLOSED, posting, posting.status))
    return posting


def is_open(posting: JobPosting, on: date | None = None) -> bool:
    on = on or today()
    return posting.status == PostingStatus.OPEN.value and (posting.closes_on is None or posting.closes_on >= on)


def status_of(posting: JobPosting, on: date | None = None) -> PostingStatus:
    """The stored status, except that an open posting past its closing date reads CLOSED."""
    if posting.status == PostingStatus.OPEN.value and not is_open(posting, on):
        return PostingStatus.CLOSED
    return PostingStatus(posting.status)


def open_postings(on: date | None = None) -> Select:
    on = on or today()
    return select(JobPosting).where(
        JobPosting.status == PostingStatus.OPEN.value,
        or_(JobPosting.closes_on.is_(None), JobPosting.closes_on >= on),
    )


@dataclass(frozen=True)
class PayFloor:
    amount_cents: int
    unit: PayUnit
    currency: str = PAY_CURRENCY


@dataclass(frozen=True)
class JobFilter:
    near: Circle | None = None
    role_types: tuple[str, ...] = ()
    program: str | None = None
    pay_at_least: PayFloor | None = None
    credential: str | None = None
    benefits: tuple[str, ...] = ()
    search: str | None = None
    employer_id: int | None = None


def filtered(filter: JobFilter) -> Select:
    """The open postings `filter` keeps, unordered: the list query and saved searches share it."""
    stmt = open_postings()
    if filter.role_types:
        stmt = stmt.where(JobPosting.role_type.in_(filter.role_types))
    if filter.program:
        stmt = stmt.where(contains_value(JobPosting.programs, filter.program))
    for benefit in filter.benefits:
        stmt = stmt.where(contains_value(JobPosting.benefits, benefit))
    if filter.pay_at_least:
        floor = to_hourly_cents(filter.pay_at_least.amount_cents, filter.pay_at_least.unit)
        stmt = stmt.where(JobPosting.pay_max_hourly_cents >= floor)
    if filter.credential:
        stmt = stmt.where(
            exists().where(
                JobRequiredCredential.job_posting_id == JobPosting.id,
                JobRequiredCredential.credential_id == Credential.id,
                Credential.code == filter.credential.strip().upper(),
            )
        )
    if filter.employer_id:
        stmt = stmt.where(JobPosting.employer_id == filter.employer_id)
    if filter.search and filter.search.strip():
        pattern = contains_pattern(filter.search)
        stmt = stmt.where(
            or_(
                func.lower(JobPosting.title).like(pattern, escape="\\"),
                func.lower(JobPosting.description).like(pattern, escape="\\"),
            )
        )
    return stmt


ORDERS = {
    "PAY": (JobPosting.pay_max_hourly_cents.desc(), JobPosting.pay_min_hourly_cents.desc(), JobPosting.id.desc()),
    "NEWEST": (JobPosting.created_at.desc(), JobPosting.id.desc()),
}


async def browse(db: Database, filter: JobFilter, order: str | None, page: Page) -> Slice[JobPosting]:
    """Open postings; nearest first when `near` is given (unless ordered otherwise), else newest first."""
    order = order or ("DISTANCE" if filter.near else "NEWEST")
    if filter.pay_at_least:
        checks = Checks()
        check_currency(checks, filter.pay_at_least.currency, ["filter", "payAtLeast", "amount", "currency"])
        checks.raise_any()
    if order == "DISTANCE" and filter.near is None:
        raise DomainError(ErrorCode.REQUIRED, "Ordering by distance needs filter.near.", ["filter", "near"])
    stmt = filtered(filter)
    async with db.read() as session:
        if filter.near is None:
            return page.slice((await session.scalars(page.apply(stmt.order_by(*ORDERS[order])))).all())
        distances = await ids_within(session, JobPosting, filter.near, stmt)
        if order == "DISTANCE":
            return await page.slice_of_ids(session, JobPosting, distances)
        if not distances:
            return page.slice([])
        ranked = stmt.where(JobPosting.id.in_(list(distances))).order_by(*ORDERS[order])
        return page.slice((await session.scalars(page.apply(ranked))).all(), distances)
