"""Small builders shared by the matching tests (kept out of conftest on purpose: the matching
tests run with --noconftest)."""
from __future__ import annotations

from datetime import date, timedelta

from matching import HeldCredential, Job, Student
from matching.synthetic import destination

TODAY = date(2025, 3, 1)
DETROIT = (42.3314, -83.0458)
LATER = TODAY + timedelta(days=400)


def at(km: float, bearing: float = 90.0, origin=DETROIT) -> tuple[float, float]:
    return destination(origin[0], origin[1], bearing, km)


def student(sid: int, km: float = 1.0, bearing: float = 90.0, **changes) -> Student:
    lat, lon = at(km, bearing)
    base = dict(
        id=sid, lat=lat, lon=lon, travel_radius_km=100.0, skills=(1, 2, 3),
        credentials=(HeldCredential(10, LATER), HeldCredential(11, None)),
        programs=(0,), availability=(1, 2), years_experience=2.0, last_active=TODAY - timedelta(days=5),
    )
    base.update(changes)
    return Student(**base)


def job(jid: int = 1, **changes) -> Job:
    base = dict(
        id=jid, lat=DETROIT[0], lon=DETROIT[1], radius_km=50.0, preferred_skills=(1, 2, 3, 4),
        required_credentials=(10, 11), preferred_credentials=(12,), programs=(0,), schedule=(1, 2),
        min_years=1.0, pay_cents=2500, start_date=TODAY + timedelta(days=30), posted_on=TODAY,
    )
    base.update(changes)
    return Job(**base)
