"""Who may apply for a scholarship: one rule, used for `eligibleScholarships` and for applying."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.clock import utcnow
from db.models import Credential, Organization, Scholarship, StudentCredential, StudentProfile
from matching.geo import distance_km


@dataclass(frozen=True)
class Applicant:
    """What eligibility looks at, read once per student."""

    programs: frozenset[str]
    graduation_date: date | None
    latitude: float | None  # the student's own location, else their school's
    longitude: float | None
    school_tier: str | None
    credentials: frozenset[str]  # codes of verified credentials that have not expired


@dataclass(frozen=True)
class Reason:
    field: str
    message: str


def ineligibility(scholarship: Scholarship, applicant: Applicant) -> list[Reason]:
    """Every rule the applicant fails (an empty list means eligible)."""
    reasons: list[Reason] = []
    if scholarship.programs and not applicant.programs & set(scholarship.programs):
        reasons.append(Reason("programs", f"Open to students in: {', '.join(sorted(scholarship.programs))}."))
    if scholarship.region_radius_km is not None:
        if applicant.latitude is None or applicant.longitude is None:
            reasons.append(Reason("region", "Add your postal code: this award is for a region."))
        elif (
            scholarship.region_latitude is not None
            and scholarship.region_longitude is not None
            and distance_km(
                applicant.latitude, applicant.longitude, scholarship.region_latitude, scholarship.region_longitude
            )
            > scholarship.region_radius_km
        ):
            reasons.append(
                Reason(
                    "region",
                    f"Open to students within {scholarship.region_radius_km:g} km of {scholarship.region_postal_code}.",
                )
            )
    low, high = scholarship.graduation_from, scholarship.graduation_to
    if low is not None or high is not None:
        when = applicant.graduation_date
        if when is None or (low is not None and when < low) or (high is not None and when > high):
            window = f"{low.isoformat() if low else 'any time'} to {high.isoformat() if high else 'any time'}"
            reasons.append(Reason("graduationBetween", f"Open to students graduating {window}."))
    missing = sorted(set(scholarship.required_credentials or ()) - applicant.credentials)
    if missing:
        reasons.append(Reason("requiredCredentials", f"Requires verified credentials: {', '.join(missing)}."))
    if scholarship.school_tiers and applicant.school_tier not in scholarship.school_tiers:
        reasons.append(
            Reason("schoolTiers", f"Open to schools in tiers: {', '.join(sorted(scholarship.school_tiers))}.")
        )
    return reasons


async def applicants(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, Applicant]:
    """Each student's applicant facts in two queries, however many students."""
    school = aliased(Organization)
    profiles = await session.execute(
        select(StudentProfile, school.tier, school.latitude, school.longitude)
        .outerjoin(school, school.id == StudentProfile.school_id)
        .where(StudentProfile.id.in_(student_ids))
    )
    today = utcnow().date()
    held = await session.execute(
        select(StudentCredential.student_id, Credential.code)
        .join(Credential, Credential.id == StudentCredential.credential_id)
        .where(
            StudentCredential.student_id.in_(student_ids),
            StudentCredential.verified_at.is_not(None),
            or_(StudentCredential.expires_on.is_(None), StudentCredential.expires_on >= today),
        )
    )
    codes: dict[int, set[str]] = {}
    for student_id, code in held:
        codes.setdefault(student_id, set()).add(code)
    found = {}
    for profile, tier, school_lat, school_lon in profiles:
        own = profile.latitude is not None and profile.longitude is not None
        found[profile.id] = Applicant(
            programs=frozenset(profile.programs or ()),
            graduation_date=profile.graduation_date,
            latitude=profile.latitude if own else school_lat,
            longitude=profile.longitude if own else school_lon,
            school_tier=tier,
            credentials=frozenset(codes.get(profile.id, ())),
        )
    return found


def still_available(today: date):
    """Scholarships a student could still apply for (open now or opening later, awards left)."""
    return (Scholarship.closes_on >= today, Scholarship.awards_made < Scholarship.awards)


async def eligible_scholarships(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[Scholarship]]:
    """For each student, the available scholarships they qualify for, soonest deadline first."""
    open_ones = (
        await session.scalars(
            select(Scholarship).where(*still_available(utcnow().date())).order_by(Scholarship.closes_on, Scholarship.id)
        )
    ).all()
    facts = await applicants(session, student_ids)
    return {
        student_id: [s for s in open_ones if student_id in facts and not ineligibility(s, facts[student_id])]
        for student_id in student_ids
    }
