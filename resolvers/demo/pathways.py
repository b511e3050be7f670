"""Demo pathways: programs teaching the academy curriculum, students' progress and badges,
scholarships and tool grants with applications, and career stories."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.enums.accounts import Program
from db.models import (
    AcademyArea,
    AcademyModule,
    AreaBadgeAward,
    Enrollment,
    Mentorship,
    ModuleCompletion,
    Scholarship,
    ScholarshipApplication,
    Story,
    StoryAudience,
    StoryTag,
    StudentCredential,
    StudentProfile,
    TrainingProgram,
    TrainingProgramArea,
    User,
)
from resolvers.pathways.scholarship_eligibility import Applicant, ineligibility

STUDENT_NAMES = ["Jordan Reyes", "Taylor Brooks", "Casey Nguyen", "Riley Johnson", "Avery Patel", "Quinn Walker"]
STORIES = [
    ("From the paint booth to shop foreman", ["STUDENTS", "PARENTS"], ["refinish", "careers"]),
    ("What a collision technician really earns", ["PARENTS", "STUDENTS"], ["pay", "careers"]),
    ("Bringing EV repair into the classroom", ["EDUCATORS"], ["ev", "curriculum"]),
    ("Why we hire apprentices straight from school", ["EMPLOYERS", "EDUCATORS"], ["apprenticeship", "hiring"]),
    ("ADAS calibration: the new must-have skill", ["STUDENTS", "EMPLOYERS"], ["adas", "diagnostics"]),
    ("A starter tool kit changed my first year", ["STUDENTS", "PARENTS"], ["tools", "scholarships"]),
]


async def _students(session: AsyncSession, world) -> list[StudentProfile]:
    existing = world.extra.get("students")
    if existing:
        return list(existing)
    rng, students = world.rng, []
    demo_user = world.users.get("student")
    has_profile = demo_user is not None and await session.scalar(
        select(StudentProfile.id).where(StudentProfile.user_id == demo_user.id)
    )
    users = [] if demo_user is None or has_profile else [demo_user]
    for i in range(len(STUDENT_NAMES) * world.scale):
        name = STUDENT_NAMES[i % len(STUDENT_NAMES)]
        user = User(
            email=f"student{i + 1}@demo.shopready.dev",
            name=name,
            password_hash=world.password_hash,
            email_verified_at=utcnow(),
        )
        session.add(user)
        users.append(user)
    await session.flush()
    for i, user in enumerate(users):
        school = world.schools[i % len(world.schools)]
        program = rng.choice(school.programs or ["COLLISION"])
        students.append(
            StudentProfile(
                user_id=user.id,
                school_id=school.id,
                headline=f"{program.title()} student",
                programs=[program],
                graduation_date=date(2027, rng.choice([5, 6, 12]), 1),
                postal_code=school.postal_code,
                latitude=school.latitude,
                longitude=school.longitude,
                visible_to_employers=i % 2 == 0,
            )
        )
    session.add_all(students)
    await session.flush()
    world.extra["students"] = students
    return students


async def _programs(session: AsyncSession, world) -> list[TrainingProgram]:
    areas = (await session.scalars(select(AcademyArea).order_by(AcademyArea.position))).all()
    programs = []
    for i, school in enumerate(world.schools[: 3 * world.scale]):
        taught = areas[: 2 + i % 3]
        programs.append(
            (
                TrainingProgram(
                    organization_id=school.id,
                    name=f"{school.name} Collision I",
                    description="Entry-level collision repair on the academy curriculum.",
                ),
                taught,
            )
        )
    shop = world.employers[0]
    programs.append(
        (
            TrainingProgram(
                organization_id=shop.id,
                name=f"{shop.name} Apprenticeship",
                description="Paid apprenticeship with a mentor on the floor.",
                mentor_user_id=world.users["mentor"].id,
            ),
            areas[1:3],
        )
    )
    session.add_all(program for program, _ in programs)
    await session.flush()
    session.add_all(TrainingProgramArea(program_id=p.id, area_id=a.id) for p, taught in programs for a in taught)
    world.extra["training_programs"] = [p for p, _ in programs]
    return [p for p, _ in programs]


async def _progress(session: AsyncSession, world, students, programs) -> None:
    """Enroll students at their school's program and record modules; full areas earn their badge."""
    rng = world.rng
    by_school = {p.organization_id: p for p in programs}
    links = (
        await session.execute(
            select(TrainingProgramArea.program_id, AcademyArea).join(
                AcademyArea, AcademyArea.id == TrainingProgramArea.area_id
            )
        )
    ).all()
    modules = (await session.scalars(select(AcademyModule).order_by(AcademyModule.position))).all()
    instructor = world.users["school"].id
    for student in students:
        program = by_school.get(student.school_id)
        # the programs teach the collision academy curriculum: collision and refinish students take them
        if program is None or not {"COLLISION", "REFINISH"} & set(student.programs or ()):
            continue
        enrollment = Enrollment(
            program_id=program.id, student_id=student.id, enrolled_on=date(2026, 9, 2), enrolled_by_id=instructor
        )
        session.add(enrollment)
        await session.flush()
        day = date(2026, 9, 9)
        for area in [a for program_id, a in links if program_id == program.id]:
            area_modules = [m for m in modules if m.area_id == area.id]
            done = area_modules[: rng.randint(0, len(area_modules))]
            for module in done:
                day += timedelta(days=rng.randint(1, 4))
                session.add(
                    ModuleCompletion(
                        enrollment_id=enrollment.id,
                        module_id=module.id,
                        completed_on=day,
                        score=rng.randint(70, 100),
                        recorded_by_id=instructor,
                    )
                )
            if done and len(done) == len(area_modules):
                badge = StudentCredential(
                    student_id=student.id,
                    credential_id=area.badge_credential_id,
                    earned_on=day,
                    verified_at=utcnow(),
                    verified_by_id=instructor,
                )
                session.add(badge)
                await session.flush()
                session.add(
                    AreaBadgeAward(
                        student_id=student.id,
                        area_id=area.id,
                        enrollment_id=enrollment.id,
                        student_credential_id=badge.id,
                    )
                )


async def _apprenticeship(session: AsyncSession, world, programs) -> None:
    """The demo student's active mentorship, attached to the shop's apprenticeship; the mentor records."""
    student = world.users["student"]
    found = (
        await session.execute(
            select(Mentorship.id, StudentProfile.id)
            .join(StudentProfile, StudentProfile.user_id == Mentorship.mentee_id)
            .where(Mentorship.mentee_id == student.id, Mentorship.status == "ACTIVE")
        )
    ).first()
    apprenticeship = next((p for p in programs if p.mentor_user_id is not None), None)
    if found is None or apprenticeship is None:
        return
    mentorship_id, profile_id = found
    enrollment = Enrollment(
        program_id=apprenticeship.id,
        student_id=profile_id,
        enrolled_on=date(2026, 10, 1),
        enrolled_by_id=world.users["employer"].id,
        mentorship_id=mentorship_id,
    )
    session.add(enrollment)
    await session.flush()
    first_module = (
        await session.scalars(
            select(AcademyModule)
            .join(TrainingProgramArea, TrainingProgramArea.area_id == AcademyModule.area_id)
            .where(TrainingProgramArea.program_id == apprenticeship.id)
            .order_by(AcademyModule.position)
            .limit(1)
        )
    ).one()
    session.add(
        ModuleCompletion(
            enrollment_id=enrollment.id,
            module_id=first_module.id,
            completed_on=date(2026, 10, 8),
            score=92,
            recorded_by_id=world.users["mentor"].id,
        )
    )


async def _scholarships(session: AsyncSession, world, students) -> None:
    today = utcnow().date()
    sponsor, home = world.donors[0], world.schools[0]
    offers = [
        Scholarship(
            sponsor_id=sponsor.id,
            name="Future Technician Scholarship",
            kind="SCHOLARSHIP",
            amount_cents=250_000,
            awards=3,
            opens_on=today - timedelta(days=20),
            closes_on=today + timedelta(days=60),
            programs=[Program.COLLISION.value, Program.REFINISH.value],
            description="For students in collision or refinish programs.",
        ),
        Scholarship(
            sponsor_id=sponsor.id,
            name="Starter Tool Kit Grant",
            kind="TOOL_GRANT",
            amount_cents=120_000,
            awards=5,
            opens_on=today - timedelta(days=10),
            closes_on=today + timedelta(days=45),
            region_postal_code=home.postal_code,
            region_latitude=home.latitude,
            region_longitude=home.longitude,
            region_radius_km=100,
            description="A starter kit of hand tools for your first job, delivered through the exchange.",
        ),
        Scholarship(
            sponsor_id=world.donors[1 % len(world.donors)].id,
            name="Academy Badge Achievement Award",
            kind="SCHOLARSHIP",
            amount_cents=100_000,
            awards=2,
            opens_on=today + timedelta(days=14),
            closes_on=today + timedelta(days=90),
            required_credentials=["ICAR-ACAD-CRF"],
        ),
    ]
    session.add_all(offers)
    await session.flush()
    manager = world.users["donor"].id
    schools = {school.id: school for school in world.schools}
    # students apply only for awards they qualify for, as scholarshipApply insists
    pairs = []
    for i, student in enumerate(students):
        facts = _facts(student, schools.get(student.school_id))
        choices = [offers[i % 2], offers[(i + 1) % 2]]  # the two open awards in turn
        offer = next((o for o in choices if not ineligibility(o, facts)), None)
        if offer is not None:
            pairs.append((student, offer))
    for student, offer in pairs[:4]:
        application = ScholarshipApplication(
            scholarship_id=offer.id,
            student_id=student.id,
            status="SUBMITTED",
            essay="I have wanted to fix cars since I helped my uncle rebuild a fender. This would help me start.",
        )
        if offer.kind == "TOOL_GRANT" and offer.awards_made == 0:  # one tool grant awarded and delivered
            application.status, application.decided_at, application.decided_by_id = "AWARDED", utcnow(), manager
            application.fulfillment_note, application.fulfilled_at = "Starter tool kit picked up at the shop.", utcnow()
            offer.awards_made += 1
        session.add(application)


def _facts(student: StudentProfile, school) -> Applicant:
    own = student.latitude is not None and student.longitude is not None
    return Applicant(
        programs=frozenset(student.programs or ()),
        graduation_date=student.graduation_date,
        latitude=student.latitude if own else getattr(school, "latitude", None),
        longitude=student.longitude if own else getattr(school, "longitude", None),
        school_tier=getattr(school, "tier", None),
        credentials=frozenset(),
    )


async def _stories(session: AsyncSession, world) -> None:
    authors = [world.schools[0], world.donors[0], world.employers[0]]
    for i, (title, audience, tags) in enumerate(STORIES * world.scale):
        organization = authors[i % len(authors)]
        story = Story(
            organization_id=organization.id,
            title=title,
            audience=audience,
            tags=tags,
            summary=f"{organization.name} on careers in collision repair.",
            body=f"## {title}\n\nCollision repair careers start in programs like ours. "
            f"**Ask us** about job shadows and [I-CAR Academy](https://www.i-car.com).",
            media_url=f"https://media.example.org/stories/{i + 1}.mp4" if i % 2 == 0 else None,
        )
        session.add(story)
        await session.flush()
        session.add_all(StoryAudience(story_id=story.id, audience=a) for a in audience)
        session.add_all(StoryTag(story_id=story.id, tag=t) for t in tags)


async def seed(session: AsyncSession, world) -> None:
    students = await _students(session, world)
    programs = await _programs(session, world)
    await _progress(session, world, students, programs)
    await _apprenticeship(session, world, programs)
    await _scholarships(session, world, students)
    await _stories(session, world)
