"""Demo talent exchange: students with credentials, open jobs with pay, applications in every
state, invitations, mentors, and enough anonymous pay reports for an estimate around Detroit."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.enums.talent import ApplicationStatus as S
from db.models import (
    Application,
    ApplicationEvent,
    JobInvitation,
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
from matching.geo import zip_centroid
from resolvers.demo.organizations import REGION

CREDENTIAL_IDS = {c.code: i for i, c in enumerate(CREDENTIALS, start=1)}
SKILL_IDS = {s.slug: i for i, s in enumerate(SKILLS, start=1)}
HOURS_PER_YEAR = 2080

STUDENT_CREDENTIALS = [
    "ASE-EL-PR",
    "ASE-EL-NS",
    "ASE-EL-SR",
    "ASE-EL-ME",
    "ASE-EL-MLR",
    "ASE-EL-BR",
    "ICAR-ACAD-CRF",
    "ICAR-ACAD-PLASTIC",
    "ICAR-ACAD-PREP",
    "ICAR-NST-PL1",
    "ICAR-REF-PL1",
]
STUDENT_SKILLS = [
    "mig-welding",
    "plastic-repair",
    "surface-preparation",
    "masking",
    "color-matching",
    "frame-measuring",
    "wheel-alignment",
    "brake-service",
    "scan-tool-diagnostics",
    "adas-calibration",
    "estimating",
    "high-voltage-safety",
    "disassembly-reassembly",
    "paintless-dent-repair",
]
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
]
BENEFITS = ["TOOL_ALLOWANCE", "PAID_TRAINING", "HEALTH", "PTO", "RETIREMENT", "CERTIFICATION_REIMBURSEMENT", "DENTAL"]
PIPELINE = [S.APPLIED, S.REVIEWING, S.INTERVIEW, S.OFFERED]


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
        profiles.append(
            StudentProfile(
                user_id=person.id,
                school_id=school.id,
                headline=rng.choice(
                    [
                        "Second-year collision student",
                        "Refinish student looking for a shop",
                        "Automotive tech in training",
                        "Future estimator",
                        "Apprentice-ready body tech",
                    ]
                ),
                programs=sorted(rng.sample(school.programs or ["COLLISION"], k=1)),
                availability=sorted(
                    rng.sample(["INTERNSHIP", "APPRENTICESHIP", "PART_TIME", "FULL_TIME", "JOB_SHADOW"], k=2)
                ),
                graduation_date=date(today.year + rng.randint(0, 2), rng.choice([5, 6, 12]), 15),
                travel_radius_km=rng.choice([25.0, 40.0, 60.0, 80.0]),
                skill_ids=sorted(SKILL_IDS[s] for s in rng.sample(STUDENT_SKILLS, k=rng.randint(2, 5))),
                other_skills=rng.choice([[], [], ["TIG welding"], ["vinyl wrapping"]]),
                visible_to_employers=i == 0 or rng.random() < 0.75,
                **_place(i * 3 + 1),
            )
        )
    session.add_all(profiles)
    await session.flush()
    for profile in profiles:
        # earned dates spread so the demo shows VALID, EXPIRING and EXPIRED credentials
        for j, code in enumerate(rng.sample(STUDENT_CREDENTIALS, k=rng.randint(1, 3))):
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


def _months_later(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


async def _postings(session: AsyncSession, world) -> list[JobPosting]:
    rng = world.rng
    postings = []
    for e, employer in enumerate(world.employers):
        for k in range(3):
            title, role, programs, (low, high), basis, creds, skills = JOBS[(e * 3 + k) % len(JOBS)]
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
    return postings


def _history(target: S) -> list[S]:
    if target in (S.REJECTED, S.WITHDRAWN):
        return [S.APPLIED, S.REVIEWING, target]
    return PIPELINE[: PIPELINE.index(target) + 1] if target in PIPELINE else [*PIPELINE, S.HIRED]


def _count_hire(posting: JobPosting) -> None:
    """A seeded hire fills an opening like a real one; the demo adds an opening rather than refuse it."""
    posting.hires = (posting.hires or 0) + 1
    posting.openings = max(posting.openings, posting.hires)
    if posting.hires == posting.openings:
        posting.status = "FILLED"


async def _applications(session: AsyncSession, world, students: list[StudentProfile], postings: list[JobPosting]):
    open_postings = [p for p in postings if p.status == "OPEN"]
    employer_user = world.users["employer"].id
    pairs = [(students[0], open_postings[i % len(open_postings)], status) for i, status in enumerate(S)]
    pairs += [
        (s, open_postings[(i * 5 + 3) % len(open_postings)], list(S)[i % len(S)])
        for i, s in enumerate(students[1:])
        if s.visible_to_employers
    ]
    seen = set()
    for student, posting, status in pairs:
        if (student.id, posting.id) in seen:
            continue
        seen.add((student.id, posting.id))
        if status is S.HIRED:
            _count_hire(posting)
        application = Application(
            job_posting_id=posting.id,
            student_id=student.id,
            employer_id=posting.employer_id,
            status=status.value,
            message="I'd love to learn at your shop.",
        )
        session.add(application)
        await session.flush()
        previous = None
        for step in _history(status):
            party = "STUDENT" if step in (S.APPLIED, S.WITHDRAWN) else "EMPLOYER"
            session.add(
                ApplicationEvent(
                    application_id=application.id,
                    actor_role=party,
                    from_status=previous.value if previous else None,
                    to_status=step.value,
                    actor_user_id=employer_user if party == "EMPLOYER" else None,
                )
            )
            previous = step
    open_postings = [p for p in open_postings if p.status == "OPEN"]  # hires may have filled some
    visible = [s for s in students[1:] if s.visible_to_employers]
    for i, student in enumerate(visible[:3]):
        posting = next(p for p in open_postings if p.employer_id == world.employers[0].id)
        if (student.id, posting.id) not in seen:
            session.add(
                JobInvitation(
                    job_posting_id=posting.id,
                    student_id=student.id,
                    employer_id=posting.employer_id,
                    sent_by_id=employer_user,
                    message="Your profile stood out; come see the shop.",
                    status=["PENDING", "ACCEPTED", "DECLINED"][i % 3],
                    responded_at=utcnow() if i % 3 else None,
                )
            )
    invited_to = next((p for p in open_postings if (students[0].id, p.id) not in seen), None)
    if invited_to is not None:
        session.add(
            JobInvitation(
                job_posting_id=invited_to.id,
                student_id=students[0].id,
                employer_id=invited_to.employer_id,
                message="We think you'd fit right in.",
            )
        )


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
        mentors.append(
            MentorProfile(
                user_id=person.id,
                headline=rng.choice(
                    [
                        "I-CAR Platinum collision tech",
                        "Master ASE technician",
                        "Refinish lead, 20 years in the booth",
                        "Shop foreman",
                    ]
                ),
                specialty_skill_ids=sorted(SKILL_IDS[s] for s in rng.sample(STUDENT_SKILLS, k=3)),
                credential_ids=[
                    CREDENTIAL_IDS[c]
                    for c in rng.sample(["ASE-B2", "ASE-B3", "ASE-B4", "ASE-A5", "ICAR-SST-PL3", "ICAR-REF-PL2"], k=2)
                ],
                years_experience=rng.randint(8, 30),
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
    await _applications(session, world, students, postings)
    await _mentors(session, world, students)
    await _pay_reports(session, world)
    world.extra["talent"] = {"students": len(students), "postings": len(postings)}
    world.extra["students"] = students  # later seeders (training, scholarships) build on these
