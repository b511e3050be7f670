"""The technician pay tool: anonymous reports in, percentiles out, never fewer than five data points.

Reports and posted ranges near the asker are normalized to cents per hour (2,080 hours a year);
the search widens (25 -> 50 -> 100 -> 200 km, then the whole state) until it has enough data.
Optional refinements (program, years of experience, credentials) are kept only while they leave
enough data, so a refinement can never single out one report.

"Enough" counts contributors, not rows: each person who reported (known by a keyed hash of the
account, never its id) and each employer with postings counts once, at the median of their data
points, so one account can neither satisfy the rule alone nor outweigh the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import or_, select

from core.errors import DomainError, ErrorCode
from core.geo_search import within_box
from core.locations import Circle, Point, locate
from core.pseudonyms import pseudonym
from core.regions import state_of
from core.validation import Checks
from db.engine import Database
from db.enums.talent import PayBasis, PayUnit
from db.models import JobPosting, JobRequiredCredential, PayReport
from matching.geo import haversine_km
from resolvers.talent.credentials import ids_for_codes
from resolvers.talent.jobs import open_postings
from resolvers.talent.pay_units import (
    PAY_CURRENCY,
    check_amount,
    check_basis,
    check_currency,
    from_hourly_cents,
    to_hourly_cents,
)

MIN_DATA_POINTS = 5
RADIUS_STEPS_KM = (25.0, 50.0, 100.0, 200.0)
EXPERIENCE_BAND_YEARS = 3
PSEUDONYM_PURPOSE = "pay-report"


@dataclass(frozen=True)
class ReportInput:
    role_type: str
    program: str | None
    postal_code: str
    years_experience: int | None
    amount_cents: int
    unit: PayUnit
    basis: PayBasis
    credentials: list[str] = field(default_factory=list)
    currency: str = PAY_CURRENCY


async def submit(db: Database, viewer, given: ReportInput, *, secret_key: str) -> None:
    """Store an anonymous report: no user id (a keyed hash of it instead, see `pseudonym`), and the
    location only as the ZIP centroid."""
    user_id = viewer.require_person()  # against ballot stuffing by scripts; the report still names no one
    checks = Checks()
    check_currency(checks, given.currency, ["pay", "amount", "currency"])
    check_amount(checks, given.amount_cents, given.unit, ["pay", "amount"])
    check_basis(checks, given.unit, given.basis, ["pay", "basis"])
    checks.in_range(given.years_experience, "yearsExperience", low=0, high=70)
    checks.raise_any()
    point = _point(given.postal_code)
    async with db.write() as session:
        credential_ids = await ids_for_codes(session, given.credentials, "credentials")
        session.add(
            PayReport(
                role_type=given.role_type,
                program=given.program,
                postal_code=point.postal_code,
                state=state_of(point.postal_code),
                latitude=point.latitude,
                longitude=point.longitude,
                years_experience=given.years_experience,
                amount_cents=given.amount_cents,
                unit=given.unit.value,
                basis=given.basis.value,
                hourly_cents=to_hourly_cents(given.amount_cents, given.unit),
                credential_ids=credential_ids,
                contributor_key=pseudonym(secret_key, PSEUDONYM_PURPOSE, user_id),
            )
        )


def _point(postal_code: str | None) -> Point:
    point = locate(postal_code, None, None)
    if point is None:
        raise DomainError(ErrorCode.REQUIRED, "postalCode is required.", "postalCode")
    return point


@dataclass(frozen=True)
class EstimateInput:
    role_type: str
    postal_code: str
    program: str | None = None
    radius_km: float | None = None
    years_experience: int | None = None
    credentials: list[str] = field(default_factory=list)
    unit: PayUnit = PayUnit.YEAR


@dataclass(frozen=True)
class Estimate:
    p25_cents: int
    median_cents: int
    p75_cents: int
    sample_size: int
    unit: PayUnit
    reports: int
    postings: int
    radius_km: float | None  # None when the whole state was used
    state: str | None
    refinements: tuple[str, ...]


@dataclass
class _Points:
    """Candidate data points as parallel arrays: hourly pay, distance, who gave it, refinement flags."""

    hourly: np.ndarray
    contributor: np.ndarray  # one integer per reporting person or posting employer
    distance: np.ndarray
    in_state: np.ndarray
    from_report: np.ndarray
    matches: dict[str, np.ndarray]


def _nearby(stmt, model, widest: Circle, state: str | None):
    """Rows within the widest circle, or anywhere in the state (the last step of widening)."""
    box = within_box(select(model.id), model, widest).whereclause
    if box is None:  # within_box always adds a condition
        raise RuntimeError("within_box added no condition")
    return stmt.where(or_(model.state == state, box)) if state else stmt.where(box)


async def _candidates(
    db: Database, given: EstimateInput, center: Point, state: str | None, credential_ids: set[int]
) -> _Points:
    widest = Circle(center, RADIUS_STEPS_KM[-1])
    # (hourly, lat, lon, state, is_report, program_ok, years_ok, credentials_ok, contributor)
    rows: list[tuple] = []
    reports = select(PayReport).where(PayReport.role_type == given.role_type)
    postings = open_postings().where(JobPosting.role_type == given.role_type)
    async with db.read() as session:
        for report in (await session.scalars(_nearby(reports, PayReport, widest, state))).all():
            years_ok = given.years_experience is None or (
                report.years_experience is not None
                and abs(report.years_experience - given.years_experience) <= EXPERIENCE_BAND_YEARS
            )
            rows.append(
                (
                    report.hourly_cents,
                    report.latitude,
                    report.longitude,
                    report.state,
                    True,
                    given.program is None or report.program == given.program,
                    years_ok,
                    not credential_ids or bool(credential_ids & set(report.credential_ids or ())),
                    f"person:{report.contributor_key or f'report-{report.id}'}",
                )
            )
        posted = (await session.scalars(_nearby(postings, JobPosting, widest, state))).all()
        required: dict[int, set[int]] = {}
        if credential_ids and posted:
            links = await session.execute(
                select(JobRequiredCredential.job_posting_id, JobRequiredCredential.credential_id).where(
                    JobRequiredCredential.job_posting_id.in_([p.id for p in posted])
                )
            )
            for posting_id, credential_id in links:
                required.setdefault(posting_id, set()).add(credential_id)
    for posting in posted:
        midpoint = (posting.pay_min_hourly_cents + posting.pay_max_hourly_cents) / 2
        rows.append(
            (
                midpoint,
                posting.latitude,
                posting.longitude,
                posting.state,
                False,
                given.program is None or given.program in (posting.programs or ()),
                given.years_experience is None,  # postings say nothing of experience
                not credential_ids or bool(credential_ids & required.get(posting.id, set())),
                f"employer:{posting.employer_id}",
            )
        )
    columns = list(zip(*rows, strict=False)) if rows else [()] * 9
    lats, lons = np.array(columns[1], dtype=float), np.array(columns[2], dtype=float)
    return _Points(
        hourly=np.array(columns[0], dtype=float),
        contributor=np.unique(np.array(columns[8], dtype=str), return_inverse=True)[1].reshape(-1),
        distance=haversine_km(center.latitude, center.longitude, lats, lons) if rows else np.array([]),
        in_state=np.array([s == state and state is not None for s in columns[3]], dtype=bool),
        from_report=np.array(columns[4], dtype=bool),
        matches={
            "PROGRAM": np.array(columns[5], dtype=bool),
            "YEARS_EXPERIENCE": np.array(columns[6], dtype=bool),
            "CREDENTIALS": np.array(columns[7], dtype=bool),
        },
    )


@dataclass(frozen=True)
class _Voices:
    pay: np.ndarray  # each contributor's median hourly pay
    people: int  # how many of them reported (the rest are employers with postings)


def _one_voice_each(points: _Points, chosen: np.ndarray) -> _Voices | None:
    """Each chosen contributor once, at the median of their data points; None below the minimum."""
    contributors = points.contributor[chosen]
    order = np.argsort(contributors, kind="stable")
    _, starts = np.unique(contributors[order], return_index=True)
    if len(starts) < MIN_DATA_POINTS:
        return None
    pay = np.array([np.median(chunk) for chunk in np.split(points.hourly[chosen][order], starts[1:])])
    people = int(points.from_report[chosen][order][starts].sum())
    return _Voices(pay, people)


def _checked(given: EstimateInput) -> None:
    checks = Checks()
    if given.radius_km is not None and not 1 <= given.radius_km <= RADIUS_STEPS_KM[-1]:
        checks.add(ErrorCode.OUT_OF_RANGE, f"radiusKm must be between 1 and {RADIUS_STEPS_KM[-1]:g}.", "radiusKm")
    checks.in_range(given.years_experience, "yearsExperience", low=0, high=70)
    checks.raise_any()


async def estimate(db: Database, given: EstimateInput) -> Estimate:
    _checked(given)
    center = _point(given.postal_code)
    state = state_of(center.postal_code)
    async with db.read() as session:
        credential_ids = set(await ids_for_codes(session, given.credentials, "credentials"))
    points = await _candidates(db, given, center, state, credential_ids)
    first = given.radius_km or RADIUS_STEPS_KM[0]
    scopes: list[tuple[float | None, np.ndarray]] = [(first, points.distance <= first)]
    scopes += [(r, points.distance <= r) for r in RADIUS_STEPS_KM if r > first]
    if state:
        scopes.append((None, points.in_state))
    asked = [
        name
        for name, on in (
            ("PROGRAM", given.program),
            ("YEARS_EXPERIENCE", given.years_experience is not None),
            ("CREDENTIALS", credential_ids),
        )
        if on
    ]
    # Most specific first: every refinement asked for, then dropping them from the last, at each distance.
    for kept in (asked[:n] for n in range(len(asked), -1, -1)):
        refined = np.ones(len(points.hourly), dtype=bool)
        for name in kept:
            refined &= points.matches[name]
        for radius, inside in scopes:
            chosen = refined & inside
            voices = _one_voice_each(points, chosen)
            if voices is not None:
                p25, median, p75 = np.percentile(voices.pay, [25, 50, 75])
                return Estimate(
                    p25_cents=from_hourly_cents(p25, given.unit),
                    median_cents=from_hourly_cents(median, given.unit),
                    p75_cents=from_hourly_cents(p75, given.unit),
                    sample_size=len(voices.pay),
                    unit=given.unit,
                    reports=voices.people,
                    postings=len(voices.pay) - voices.people,
                    radius_km=radius,
                    state=state if radius is None else None,
                    refinements=tuple(kept),
                )
    raise DomainError(
        ErrorCode.INSUFFICIENT_DATA,
        f"Fewer than {MIN_DATA_POINTS} people and employers gave pay data for this role near {center.postal_code}, "
        "even state-wide.",
        "postalCode",
    )
