"""Demo applications and invitations that agree with each other and with the students' trades:
students apply to postings of their trade (or a related one) they can reach; the demo student's
seven applications show every status, the advanced ones on postings they qualify for; an accepted
invitation comes with the application accepting made, a pending or declined one with none."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.enums.talent import ApplicationStatus as S
from db.models import Application, ApplicationEvent, JobInvitation, JobPosting, StudentProfile
from db.reference.trades import related_programs
from matching.geo import distance_km

PIPELINE = [S.APPLIED, S.REVIEWING, S.INTERVIEW, S.OFFERED]
# the demo student's statuses, most advanced first: they go to the postings that fit best
DEMO_STATUSES = [S.HIRED, S.OFFERED, S.INTERVIEW, S.REVIEWING, S.APPLIED, S.WITHDRAWN, S.REJECTED]


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


def fit(student: StudentProfile, posting: JobPosting) -> int:
    """2: the posting hires from the student's program; 1: from a related one; 0: neither."""
    own = set(student.programs or ())
    if own & set(posting.programs or ()):
        return 2
    return 1 if related_programs(own) & set(posting.programs or ()) else 0


def _km(student: StudentProfile, posting: JobPosting) -> float:
    if student.latitude is None or student.longitude is None:
        return float("inf")
    return float(distance_km(student.latitude, student.longitude, posting.latitude, posting.longitude))


async def _apply(session, world, student, posting, status: S, seen: set) -> None:
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
                actor_user_id=world.users["employer"].id if party == "EMPLOYER" else None,
            )
        )
        previous = step


async def seed(
    session: AsyncSession,
    world,
    students: list[StudentProfile],
    postings: list[JobPosting],
    required: dict[int, list[str]],
) -> None:
    """required: the credential codes each posting requires."""
    rng = world.rng
    seen: set[tuple[int, int]] = set()
    open_postings = [p for p in postings if p.status == "OPEN"]
    demo = students[0]
    # best fit first; among equals, those asking no credential first (the student holds only entry-level ones)
    ranked = sorted(open_postings, key=lambda p: (-fit(demo, p), bool(required.get(p.id)), _km(demo, p)))
    for posting, status in zip(ranked, DEMO_STATUSES, strict=False):
        await _apply(session, world, demo, posting, status, seen)
    for i, student in enumerate(s for s in students[1:] if s.visible_to_employers):
        fitting = [p for p in open_postings if p.status == "OPEN" and fit(student, p) == 2]
        reachable = [p for p in fitting if _km(student, p) <= student.travel_radius_km] or fitting
        if reachable:
            await _apply(session, world, student, rng.choice(reachable), list(S)[i % len(S)], seen)
    await _invitations(session, world, students, [p for p in open_postings if p.status == "OPEN"], seen)


async def _invitations(session, world, students, open_postings, seen) -> None:
    """The demo employer invites students of its postings' trades; accepting applies for them."""
    shop = world.employers[0]
    theirs = [p for p in open_postings if p.employer_id == shop.id]
    invited = 0
    for student in (s for s in students[1:] if s.visible_to_employers):
        posting = next((p for p in theirs if fit(student, p) == 2 and (student.id, p.id) not in seen), None)
        if posting is None or invited == 3:
            continue
        status = ["PENDING", "ACCEPTED", "DECLINED"][invited % 3]
        invited += 1
        session.add(
            JobInvitation(
                job_posting_id=posting.id,
                student_id=student.id,
                employer_id=shop.id,
                sent_by_id=world.users["employer"].id,
                message="Your profile stood out; come see the shop.",
                status=status,
                responded_at=utcnow() if status != "PENDING" else None,
            )
        )
        if status == "ACCEPTED":  # accepting applies for the student, as invitationAccept does
            await _apply(session, world, student, posting, S.APPLIED, seen)
        else:
            seen.add((student.id, posting.id))
    demo = students[0]
    invited_to = next((p for p in open_postings if fit(demo, p) and (demo.id, p.id) not in seen), None)
    if invited_to is not None:
        session.add(
            JobInvitation(
                job_posting_id=invited_to.id,
                student_id=demo.id,
                employer_id=invited_to.employer_id,
                message="We think you'd fit right in.",
            )
        )
