"""A school's own students, found by name and graduation year: for the school's members only."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from core.errors import DomainError, ErrorCode
from core.paging import Page, Slice
from core.validation import contains_pattern, search_text
from core.viewer import Viewer
from db.engine import Database
from db.models import StudentProfile, User
from resolvers.talent import policy

NAME_FIELD = ("filter", "name")


@dataclass(frozen=True)
class SchoolStudentFilter:
    name: str | None = None
    graduation_year: int | None = None


def _name_words(name: str | None) -> list[str]:
    """Each word of the search must appear in the name, in any order, ignoring case ("smi ann" finds Ann Smith)."""
    text = search_text(name, NAME_FIELD)
    return [contains_pattern(word, NAME_FIELD) for word in (text or "").split()]


async def search(
    db: Database,
    viewer: Viewer,
    school_id: int,
    organization_ids: Collection[int],
    filter: SchoolStudentFilter,
    page: Page,
) -> Slice[StudentProfile] | None:
    """The school's students matching the filter, by name; None when the viewer may not search them."""
    if not policy.may_search_school_students(viewer, school_id, organization_ids):
        return None
    year = filter.graduation_year
    if year is not None and not 1950 <= year <= 2100:
        raise DomainError(ErrorCode.OUT_OF_RANGE, "graduationYear must be between 1950 and 2100.", "graduationYear")
    stmt = (
        select(StudentProfile)
        .join(User, User.id == StudentProfile.user_id)
        .where(StudentProfile.school_id == school_id)
    )
    for pattern in _name_words(filter.name):
        stmt = stmt.where(func.lower(User.name).like(pattern, escape="\\"))
    if year is not None:
        stmt = stmt.where(StudentProfile.graduation_date.between(date(year, 1, 1), date(year, 12, 31)))
    stmt = stmt.order_by(func.lower(User.name), StudentProfile.id)
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
