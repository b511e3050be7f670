"""The talent exchange's domain events: what each carries and whom it concerns.

Job postings are public; applications and invitations concern the employer and the student (and are
heard only by those who may see that student); mentorships concern their two people; credentials the
student and their school.
"""

from __future__ import annotations

from datetime import date

from core.global_ids import global_id
from core.outbox import Event
from db.enums.events import EventType
from db.models import Application, JobInvitation, JobPosting, MentorProfile, Mentorship, StudentCredential
from db.models import StudentProfile as Student


def job_posting_event(type: EventType, posting: JobPosting, status: str) -> Event:
    return Event(
        type,
        "JobPosting",
        posting.id,
        organization_ids=(posting.employer_id,),
        is_public=True,
        data={
            "jobPosting": global_id("JobPosting", posting.id),
            "employer": global_id("Organization", posting.employer_id),
            "title": posting.title,
            "status": status,
        },
    )


def application_event(
    type: EventType, application: Application, student: Student, from_status: str | None = None
) -> Event:
    return Event(
        type,
        "Application",
        application.id,
        organization_ids=(application.employer_id,),
        user_ids=(student.user_id,),
        student_id=student.id,
        data={
            "application": global_id("Application", application.id),
            "jobPosting": global_id("JobPosting", application.job_posting_id),
            "student": global_id("StudentProfile", student.id),
            "status": application.status,
            "fromStatus": from_status,
        },
    )


def invitation_event(type: EventType, invitation: JobInvitation, student: Student) -> Event:
    return Event(
        type,
        "JobInvitation",
        invitation.id,
        organization_ids=(invitation.employer_id,),
        user_ids=(student.user_id,),
        student_id=student.id,
        data={
            "invitation": global_id("JobInvitation", invitation.id),
            "jobPosting": global_id("JobPosting", invitation.job_posting_id),
            "student": global_id("StudentProfile", student.id),
            "status": invitation.status,
        },
    )


def mentorship_event(type: EventType, mentorship: Mentorship, mentor: MentorProfile) -> Event:
    return Event(
        type,
        "Mentorship",
        mentorship.id,
        user_ids=(mentor.user_id, mentorship.mentee_id),
        data={
            "mentorship": global_id("Mentorship", mentorship.id),
            "mentor": global_id("MentorProfile", mentor.id),
            "mentee": global_id("User", mentorship.mentee_id),
            "status": mentorship.status,
        },
    )


def credential_event(
    type: EventType,
    row: StudentCredential,
    student: Student,
    *,
    within_days: int | None = None,
    dedupe_key: str | None = None,
) -> Event:
    expires_on: date | None = row.expires_on
    extra = {"withinDays": within_days} if within_days is not None else {}
    return Event(
        type,
        "StudentCredential",
        row.id,
        organization_ids=(student.school_id,) if student.school_id is not None else (),
        user_ids=(student.user_id,),
        student_id=student.id,
        data={
            "studentCredential": global_id("StudentCredential", row.id),
            "student": global_id("StudentProfile", student.id),
            "expiresOn": expires_on.isoformat() if expires_on else None,
            "verified": row.verified_at is not None,
            **extra,
        },
        dedupe_key=dedupe_key,
    )
