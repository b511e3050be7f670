"""Demo talent exchange: students with credentials, open jobs with pay, applications in every
state, invitations, mentors, and enough anonymous pay reports for an estimate around Detroit."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.models import (
    JobPosting,
    JobRequiredCredential,
    MentorProfile,
    Mentorship,
    PayReport,
    StudentCredential,
    StudentProfile,
    User,
)
from db.reference.credentials import CREDENTIALS
from db.reference.skills import SKILLS
from matching.geo import distance_km, zip_centroid
from resolvers.demo import applications
from resolvers.demo.organizations import REGION
from resolvers.demo.profiles import MENTOR_TRADES, STUDENT_TRADES

CREDENTIAL_IDS = {c.code: i for i, c in enumerate(CREDENTIALS, start=1)}
SKILL_IDS = {s.slug: i for i, s in enumerate(SKILLS, start=1)}
HOURS_PER_YEAR = 2080
NEAR_SCHOOL_KM = 45.0

FIRST_NAMES = [
    "Jordan",
    "Taylor",
    "Riley",
    "Casey",
    "Avery",
    "Quinn",
    "Drew",
    "Jamie",
    "Reese",
    "Skyler",
    "Devon",
    "Rowan",
    "Emerson",
    "Hayden",
    "Parker",
    "Sage",
]
LAST_NAMES = ["Nguyen", "Johnson", "Garcia", "Kowalski", "Haddad", "Williams", "Brown", "Lopez", "Jackson", "Moore"]

# (title, role type, programs, hourly range in dollars or yearly in thousands, basis, credentials, skills)
JOBS = [
    (
        "Collision Repair Technician",
        "TECHNICIAN",
        ["COLLISION"],
        (24, 38),
        "FLAT_RATE",
        ["ASE-B3"],
        ["mig-welding", "frame-measuring"],
    ),
    (
        "Refinish Technician (Painter)",
        "REFINISH_TECHNICIAN",
        ["REFINISH"],
        (26, 42),
        "FLAT_RATE",
        ["ASE-B2"],
        ["color-matching", "spray-gun-technique"],
    ),
    ("Collision Apprentice", "APPRENTICE", ["COLLISION"], (16, 21), "HOURLY", [], ["disassembly-reassembly"]),
    ("Summer Intern, Body Shop", "INTERN", ["COLLISION", "REFINISH"], (15, 18), "HOURLY", [], ["masking"]),
    (
        "Damage Estimator",
        "ESTIMATOR",
        ["ESTIMATING"],
        (52, 78),
        "SALARY",
        ["ASE-B6"],
        ["estimating", "damage-analysis"],
    ),
    (
        "Automotive Service Technician",
        "TECHNICIAN",
        ["AUTOMOTIVE"],
        (22, 36),
        "HOURLY",
        ["ASE-A5", "ASE-A4"],
        ["brake-service", "wheel-alignment"],
    ),
    (
        "ADAS Calibration Specialist",
        "TECHNICIAN",
        ["COLLISION", "AUTOMOTIVE"],
        (27, 40),
        "HOURLY",
        [],
        ["adas-calibration", "scan-tool-diagnostics"],
    ),
    ("Detailer", "DETAILER", ["REFINISH"], (15, 20), "HOURLY", [], ["detailing", "buffing-polishing"]),
    ("Parts Specialist", "PARTS", ["COLLISION"], (40, 52), "SALARY", [], ["parts-management"]),
    (
        "Diesel Technician",
        "TECHNICIAN",
        ["DIESEL"],
        (24, 38),
        "HOURLY",
        [],
        ["diesel-engine-repair", "air-brakes"],
    ),
    ("Fleet Maintenance Intern", "INTERN", ["DIESEL", "AUTOMOTIVE"], (15, 19), "HOURLY", [], ["brake-service"]),
]
# What each kind of shop hires (by the name suffix organizations give it), as JOBS positions. The
# demo employer is a body shop; its third posting is the README's "Collision Apprentice".
EMPLOYER_JOBS = {
    "Body Shop": (0, 1, 2),
    "Auto Service": (5, 6, 8),
    "Collision Repair": (3, 4, 0),
    "Diesel & Fleet": (9, 10, 8),
    "Dealership Service": (5, 7, 6),
}
BENEFITS = ["TOOL_ALLOWANCE", "PAID_TRAINING", "HEALTH", "PTO", "RETIREMENT", "CERTIFICATION_REIMBURSEMENT", "DENTAL"]


def _place(index: int) -> dict:
    _city, code = REGION[index % len(REGION)]
    point = zip_centroid(code)
    if point is None:
        raise ValueError(f"demo ZIP code {code} is not in the bundled data")
    lat, lon = point
    return {"postal_code": code, "latitude": lat, "longitude": lon}


def _pay(rng, low: int, high: int, basis: str) -> dict:
    unit = "YEAR" if basis == "SALARY" else "HOUR"
    scale = 100_000 if unit == "YEAR" else 100  # thousands of dollars a year, or dollars an hour, in cents
    lo = rng.randint(low, (low + high) // 2) * scale
    hi = rng.randint((low + high) // 2 + 1, high) * scale
    hourly = (lambda c: c) if unit == "HOUR" else (lambda c: round(c / HOURS_PER_YEAR))
    return {
        "pay_min_cents": lo,
        "pay_max_cents": hi,
        "pay_unit": unit,
        "pay_basis": basis,
        "pay_min_hourly_cents": hourly(lo),
        "pay_max_hourly_cents": hourly(hi),
    }


def _home(rng, school) -> dict:
    """Students live near their school: its own city or a demo city within 45 km of it."""
    near = [
        code
        for _city, code in REGION
        if (point := zip_centroid(code)) is not None
        and distance_km(point[0], point[1], school.latitude, school.longitude) <= NEAR_SCHOOL_KM
    ]
    code = rng.choice(near or [school.postal_code])
    lat, lon = zip_centroid(code) or (school.latitude, school.longitude)
    return {"postal_code": code, "latitude": lat, "longitude": lon}


async def _students(session: AsyncSession, world) -> list[StudentProfile]:
    rng = world.rng
    people = [world.users["student"]]
    for i in range(12 * world.scale):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        people.append(
            User(
                email=f"student{i + 1}@demo.shopready.dev",
                name=name,
                password_hash=world.password_hash,
                email_verified_at=utcnow(),
            )
        )
    session.add_all(people[1:])
    await session.flush()
    today = date.today()
    profiles = []
    for i, person in enumerate(people):
        school = world.schools[i % len(world.schools)]
        # the demo student studies collision, the trade the README's examples follow
        program = "COLLISION" if i == 0 else rng.choice(_trades_of(school))
        trade = STUDENT_TRADES[program]
        profiles.append(
            StudentProfile(
                user_id=person.id,
                school_id=school.id,
                headline=rng.choice(trade.headlines),
                programs=[program],
                availability=sorted(rng.sample(trade.availability, k=2)),
                graduation_date=date(today.year + rng.randint(0, 2), rng.choice([5, 6, 12]), 15),
                travel_radius_km=rng.choice([40.0, 60.0, 80.0, 100.0]),
                skill_ids=sorted(SKILL_IDS[s] for s in rng.sample(trade.skills, k=rng.randint(2, 5))),
                other_skills=rng.choice([[], [], ["TIG welding"], ["vinyl wrapping"]]),
                visible_to_employers=i == 0 or rng.random() < 0.75,
                **_home(rng, school),
            )
        )
    session.add_all(profiles)
    await session.flush()
    for profile in profiles:
        trade = STUDENT_TRADES[profile.programs[0]]
        # earned dates spread so the demo shows VALID, EXPIRING and EXPIRED credentials
        for j, code in enumerate(rng.sample(trade.credentials, k=rng.randint(1, min(3, len(trade.credentials))))):
            earned = today - timedelta(days=rng.choice([60, 200, 450, 680, 760]) + j)
            months = CREDENTIALS[CREDENTIAL_IDS[code] - 1].validity_months
            expires = _months_later(earned, months) if months else None
            verified = profile.school_id == world.schools[0].id and j == 0
            session.add(
                StudentCredential(
                    student_id=profile.id,
                    credential_id=CREDENTIAL_IDS[code],
                    earned_on=earned,
                    expires_on=expires,
                    credential_number=f"{rng.randint(100000, 999999)}",
                    verified_at=utcnow() if verified else None,
                    verified_by_id=world.users["school"].id if verified else None,
                )
            )
    return profiles


def _trades_of(school) -> list[str]:
    return [p for p in school.programs or ["COLLISION"] if p in STUDENT_TRADES] or ["COLLISION"]


def _months_later(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


async def _postings(session: AsyncSession, world) -> list[JobPosting]:
    rng = world.rng
    postings = []
    required: dict[int, list[str]] = {}
    for e, employer in enumerate(world.employers):
        kind = next(suffix for suffix in EMPLOYER_JOBS if suffix in employer.name)
        for k, job in enumerate(EMPLOYER_JOBS[kind]):
            title, role, programs, (low, high), basis, creds, skills = JOBS[job]
            posting = JobPosting(
                employer_id=employer.id,
                created_by_id=world.users["employer"].id if e == 0 else None,
                title=title,
                role_type=role,
                programs=programs,
                description=f"{employer.name} is hiring a {title.lower()}. Tools, training and a steady workload.",
                postal_code=employer.postal_code,
                state="MI",
                latitude=employer.latitude,
                longitude=employer.longitude,
                benefits=sorted(rng.sample(BENEFITS, k=rng.randint(2, 4))),
                preferred_skill_ids=[SKILL_IDS[s] for s in skills],
                openings=rng.randint(1, 3),
                closes_on=date.today() + timedelta(days=rng.randint(20, 90)),
                status="CLOSED" if k == 2 and e % 2 else "OPEN",
                closed_at=utcnow() if k == 2 and e % 2 else None,
                **_pay(rng, low, high, basis),
            )
            session.add(posting)
            postings.append(posting)
            await session.flush()
            session.add_all(
                JobRequiredCredential(job_posting_id=posting.id, credential_id=CREDENTIAL_IDS[c]) for c in creds
            )
            required[posting.id] = list(creds)
    world.extra["required_credentials"] = required
    return postings


async def _mentors(session: AsyncSession, world, students: list[StudentProfile]) -> None:
    rng = world.rng
    people = [world.users["mentor"]]
    for i in range(3 * world.scale):
        people.append(
            User(
                email=f"mentor{i + 1}@demo.shopready.dev",
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                password_hash=world.password_hash,
                email_verified_at=utcnow(),
            )
        )
    session.add_all(people[1:])
    await session.flush()
    mentors = []
    for i, person in enumerate(people):
        trade = MENTOR_TRADES[i % len(MENTOR_TRADES)]
        mentors.append(
            MentorProfile(
                user_id=person.id,
                headline=trade.headline,
                specialty_skill_ids=sorted(SKILL_IDS[s] for s in rng.sample(trade.skills, k=3)),
                credential_ids=[CREDENTIAL_IDS[c] for c in trade.credentials],
                years_experience=rng.randint(*trade.years),
                capacity=3 if i == 0 else rng.randint(1, 4),
                active_mentees=0,
                remote_ok=rng.random() < 0.5,
                **_place(i * 5 + 2),
            )
        )
    session.add_all(mentors)
    await session.flush()
    demo_mentor = mentors[0]
    session.add(
        Mentorship(
            mentor_id=demo_mentor.id,
            mentee_id=world.users["student"].id,
            status="ACTIVE",
            message="Could you help me get ready for my B3 test?",
            accepted_at=utcnow(),
        )
    )
    demo_mentor.active_mentees = 1
    if len(students) > 1:
        session.add(
            Mentorship(
                mentor_id=demo_mentor.id,
                mentee_id=students[1].user_id,
                status="REQUESTED",
                message="Looking for advice on my first flat-rate job.",
            )
        )


PAY_BANDS = {  # role type: typical hourly dollars around Detroit (assumed)
    "TECHNICIAN": (22, 40),
    "REFINISH_TECHNICIAN": (24, 44),
    "APPRENTICE": (15, 21),
    "INTERN": (14, 18),
    "ESTIMATOR": (25, 38),
    "DETAILER": (14, 20),
    "PARTS": (18, 26),
}


async def _pay_reports(session: AsyncSession, world) -> None:
    rng = world.rng
    for i in range(70 * world.scale):
        role = list(PAY_BANDS)[i % len(PAY_BANDS)]
        low, high = PAY_BANDS[role]
        years = rng.randint(0, 30)
        hourly = round((low + (high - low) * min(years, 20) / 20 + rng.uniform(-2, 2)) * 100)
        salaried = role == "ESTIMATOR" and rng.random() < 0.6
        basis = "SALARY" if salaried else rng.choice(["HOURLY", "HOURLY", "FLAT_RATE"])
        amount = hourly * HOURS_PER_YEAR if salaried else hourly
        session.add(
            PayReport(
                role_type=role,
                program=rng.choice(["COLLISION", "REFINISH", "AUTOMOTIVE", None]),
                state="MI",
                years_experience=years,
                amount_cents=amount,
                unit="YEAR" if salaried else "HOUR",
                basis=basis,
                hourly_cents=hourly,
                credential_ids=[],
                **_place(i),
            )
        )


async def seed(session: AsyncSession, world) -> None:
    students = await _students(session, world)
    postings = await _postings(session, world)
    await applications.seed(session, world, students, postings, world.extra["required_credentials"])
    await _mentors(session, world, students)
    await _pay_reports(session, world)
    world.extra["talent"] = {"students": len(students), "postings": len(postings)}
    world.extra["students"] = students  # later seeders (training, scholarships) build on these
