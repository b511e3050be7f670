"""Demo workforce: the demo employer's team at different levels of their roles, with a supervisor, plans,
safety training (one fit test lapsed), a task, and pay reports that show what the next ProLevel pays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import today as clock_today
from core.clock import utcnow
from db.enums.workforce import PlanStepKind, SafetyTraining, TechnicianRole
from db.models import (
    AcademyArea,
    AcademyModule,
    DevelopmentPlan,
    Enrollment,
    Membership,
    ModuleCompletion,
    PayReport,
    PlanStep,
    SafetyCertification,
    ShopTask,
    StudentCredential,
    StudentProfile,
    Technician,
    TrainingProgram,
    TrainingProgramArea,
    User,
)
from db.reference.workforce_roles import ROLE_BY_CODE
from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.demo.talent import CREDENTIAL_IDS, _months_later
from resolvers.workforce.plan_steps import draft, level_reached
from resolvers.workforce.records import records_of

S = SafetyTraining
SHOP_FLOOR = (S.HAZCOM, S.SP2_SAFETY)
REFINISH_SAFETY = (S.RESPIRATOR_MEDICAL, S.RESPIRATOR_FIT, S.HAZCOM, S.SP2_SAFETY, S.SP2_POLLUTION)
TECHNICIAN_EMAIL = "technician@demo.shopready.dev"  # the README signs in as this painter


@dataclass(frozen=True)
class Member:
    email: str
    name: str
    role: TechnicianRole
    years: float  # at the shop
    credentials: tuple[str, ...]
    safety: tuple[SafetyTraining, ...]  # completed two months ago
    older: tuple[tuple[SafetyTraining, int], ...] = ()  # (training, days ago): lapsing soon, or lapsed


TEAM = (
    Member(
        "tech1@demo.shopready.dev",
        "Jordan Kowalski",
        TechnicianRole.ESTIMATOR,
        6,
        ("ICAR-EST-PL2", "ASE-B6"),
        (S.SP2_SAFETY,),
    ),
    Member(
        "tech2@demo.shopready.dev",
        "Riley Garcia",
        TechnicianRole.STEEL_STRUCTURAL,
        9,
        ("ICAR-ACAD-CRF", "ICAR-SST-PL3", "ASE-B4"),
        SHOP_FLOOR,
    ),
    Member(
        "tech3@demo.shopready.dev",
        "Taylor Nguyen",
        TechnicianRole.NON_STRUCTURAL,
        3,
        ("ICAR-ACAD-CRF", "ICAR-NST-PL1"),
        (S.HAZCOM,),
        older=((S.SP2_SAFETY, 800),),  # lapsed after its two years
    ),
    Member(
        TECHNICIAN_EMAIL,
        "Casey Haddad",
        TechnicianRole.REFINISH,
        3,
        ("ICAR-ACAD-PREP", "ICAR-REF-PL1"),
        (S.RESPIRATOR_MEDICAL, S.HAZCOM, S.SP2_SAFETY, S.SP2_POLLUTION),
        older=((S.RESPIRATOR_FIT, 300),),  # due again within 90 days
    ),
    Member("tech5@demo.shopready.dev", "Avery Moore", TechnicianRole.REFINISH, 0.3, (), (S.HAZCOM,)),
    Member("tech6@demo.shopready.dev", "Quinn Brown", TechnicianRole.AUTOMOTIVE_SERVICE, 4, ("ASE-G1",), (S.HAZCOM,)),
)
SUPERVISOR_EMAIL = "mentor@demo.shopready.dev"


async def _people(session: AsyncSession, world) -> list[tuple[Member, User, StudentProfile]]:
    shop = world.employers[0]
    rows = []
    for member in TEAM:
        user = User(email=member.email, name=member.name, password_hash=world.password_hash, email_verified_at=utcnow())
        session.add(user)
        await session.flush()
        profile = StudentProfile(
            user_id=user.id, headline=f"{member.name.split()[0]}, {ROLE_BY_CODE[member.role].name}", **_place(shop)
        )
        session.add(profile)
        rows.append((member, user, profile))
    await session.flush()
    return rows


def _place(shop) -> dict:
    return {"postal_code": shop.postal_code, "latitude": shop.latitude, "longitude": shop.longitude}


async def _team(session: AsyncSession, world, today: date) -> list[Technician]:
    shop = world.employers[0]
    supervisor = world.users["mentor"]
    session.add(Membership(organization_id=shop.id, user_id=supervisor.id, role="MEMBER"))
    technicians = []
    for member, user, profile in await _people(session, world):
        started = today - timedelta(days=round(member.years * 365))
        technician = Technician(
            organization_id=shop.id,
            user_id=user.id,
            student_id=profile.id,
            role=member.role.value,
            started_on=started,
            supervisor_user_id=supervisor.id,
            shares_earlier_records=True,
        )
        session.add(technician)
        await session.flush()
        technicians.append(technician)
        earned = max(started, today - timedelta(days=120))  # current ProLevels: their annual training is kept up
        for code in member.credentials:
            months = 12 if "-PL" in code else (60 if code.startswith("ASE-") else None)
            session.add(
                StudentCredential(
                    student_id=profile.id,
                    credential_id=CREDENTIAL_IDS[code],
                    earned_on=earned,
                    expires_on=_months_later(earned, months) if months else None,
                )
            )
        for training in member.safety:
            session.add(_certification(technician, training, today - timedelta(days=60)))
        for training, days_ago in member.older:
            session.add(_certification(technician, training, today - timedelta(days=days_ago)))
        if member.email == TECHNICIAN_EMAIL:
            world.users["technician"] = user
    await session.flush()
    return technicians


def _certification(technician: Technician, training: SafetyTraining, completed_on: date) -> SafetyCertification:
    months = SAFETY_BY_CODE[training].renewal_months
    return SafetyCertification(
        technician_id=technician.id,
        training=training.value,
        completed_on=completed_on,
        expires_on=_months_later(completed_on, months) if months else None,
        note="Recorded by the shop foreman",
    )


async def _apprentice_training(session: AsyncSession, world, apprentice: Technician, today: date) -> None:
    """The newest painter is part-way through the shop's Preparation for Refinish modules."""
    shop = world.employers[0]
    area = (await session.scalars(select(AcademyArea).where(AcademyArea.code == "PREP"))).one()
    modules = (
        await session.scalars(
            select(AcademyModule.id).where(AcademyModule.area_id == area.id).order_by(AcademyModule.position)
        )
    ).all()
    program = TrainingProgram(
        organization_id=shop.id, name="Shop refinish academy", mentor_user_id=world.users["mentor"].id
    )
    session.add(program)
    await session.flush()
    session.add(TrainingProgramArea(program_id=program.id, area_id=area.id))
    enrollment = Enrollment(program_id=program.id, student_id=apprentice.student_id, enrolled_on=apprentice.started_on)
    session.add(enrollment)
    await session.flush()
    session.add_all(
        ModuleCompletion(enrollment_id=enrollment.id, module_id=module, completed_on=today - timedelta(days=20 - 5 * i))
        for i, module in enumerate(modules[:3])
    )
    await session.flush()


async def _plans(session: AsyncSession, technicians: list[Technician], today: date) -> None:
    """Plans for the two painters, drafted from their gaps exactly as `developmentPlanGenerate` would."""
    records = await records_of(session, technicians)
    for technician in technicians:
        if technician.role != TechnicianRole.REFINISH.value:
            continue
        role = ROLE_BY_CODE[TechnicianRole.REFINISH]
        target = min(level_reached(role, records[technician.id], today) + 1, 3)
        plan = DevelopmentPlan(technician_id=technician.id, role=role.role.value, target_level=target)
        session.add(plan)
        await session.flush()
        for ordinal, step in enumerate(draft(role, target, records[technician.id], today), start=1):
            held = step.kind is PlanStepKind.MENTOR_SESSION and ordinal == 1
            session.add(
                PlanStep(
                    plan_id=plan.id,
                    kind=step.kind.value,
                    codes=list(step.codes),
                    title=step.title,
                    target_on=step.target_on,
                    ordinal=ordinal,
                    completed_on=today if held else None,
                )
            )


def _pay_reports(world) -> list[PayReport]:
    """Painters near the demo shop report their pay with their ProLevel, so the plan shows what the next pays."""
    shop, rng = world.employers[0], world.rng
    reports = []
    for code, dollars in (("ICAR-REF-PL1", 24), ("ICAR-REF-PL2", 31), ("ICAR-REF-PL3", 37)):
        for _ in range(6):
            cents = round((dollars + rng.uniform(-2, 2)) * 100)
            reports.append(
                PayReport(
                    role_type="REFINISH_TECHNICIAN",
                    program="REFINISH",
                    state=shop.state,
                    years_experience=rng.randint(2, 15),
                    amount_cents=cents,
                    unit="HOUR",
                    basis=rng.choice(["HOURLY", "FLAT_RATE"]),
                    hourly_cents=cents,
                    credential_ids=[CREDENTIAL_IDS[code]],
                    **_place(shop),
                )
            )
    return reports


async def seed(session: AsyncSession, world) -> None:
    today = clock_today()
    technicians = await _team(session, world, today)
    apprentice = next(t for t in technicians if t.started_on > today - timedelta(days=365))
    await _apprentice_training(session, world, apprentice, today)
    await _plans(session, technicians, today)
    estimator = technicians[0]
    session.add(
        ShopTask(
            organization_id=estimator.organization_id,
            technician_id=estimator.id,
            kind="ESTIMATE",
            title="Estimate the hail-damaged Silverado, RO 5120",
            due_on=today + timedelta(days=2),
            assigned_by_id=world.users["employer"].id,
        )
    )
    session.add_all(_pay_reports(world))
    world.extra["workforce"] = {"technicians": len(technicians)}
