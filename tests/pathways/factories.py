"""Rows the pathway tests need that other domains' mutations would normally create."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from db.models import AcademyModule, Credential, StudentCredential, StudentProfile
from tests.support import Api, Person, centroid


async def student_profile(
    api: Api,
    person: Person,
    *,
    school_id: int | None = None,
    programs: tuple[str, ...] = ("COLLISION",),
    graduation_date: date | None = date(2027, 6, 1),
    postal_code: str | None = "48226",
    visible_to_employers: bool = False,
) -> int:
    lat, lon = centroid(postal_code) if postal_code else (None, None)
    async with api.db.write() as session:
        profile = StudentProfile(
            user_id=person.id,
            school_id=school_id,
            programs=list(programs),
            graduation_date=graduation_date,
            postal_code=postal_code,
            latitude=lat,
            longitude=lon,
            visible_to_employers=visible_to_employers,
            headline="Collision student",
        )
        session.add(profile)
    return profile.id


async def student_credential(api: Api, student_id: int, code: str, earned_on: date, *, verified: bool = True) -> None:
    from db.base import utcnow

    async with api.db.write() as session:
        credential_id = await session.scalar(select(Credential.id).where(Credential.code == code))
        session.add(
            StudentCredential(
                student_id=student_id,
                credential_id=credential_id,
                earned_on=earned_on,
                verified_at=utcnow() if verified else None,
            )
        )


async def module_ids(api: Api, area_code: str) -> list[int]:
    from db.models import AcademyArea

    async with api.db.read() as session:
        return list(
            (
                await session.scalars(
                    select(AcademyModule.id)
                    .join(AcademyArea, AcademyArea.id == AcademyModule.area_id)
                    .where(AcademyArea.code == area_code)
                    .order_by(AcademyModule.position)
                )
            ).all()
        )


async def count(api: Api, model, *where) -> int:
    async with api.db.read() as session:
        return (await session.execute(select(func.count()).select_from(model).where(*where))).scalar_one()
