"""Pathway domain events: scholarship applications concern the sponsor and the student; stories are public."""

from __future__ import annotations

from core.global_ids import global_id
from core.outbox import Event
from db.enums.events import EventType
from db.models import Scholarship, ScholarshipApplication, Story, StudentProfile


def scholarship_application_event(
    type: EventType, application: ScholarshipApplication, scholarship: Scholarship, student: StudentProfile
) -> Event:
    return Event(
        type,
        "ScholarshipApplication",
        application.id,
        organization_ids=(scholarship.sponsor_id,),
        user_ids=(student.user_id,),
        student_id=student.id,
        data={
            "scholarshipApplication": global_id("ScholarshipApplication", application.id),
            "scholarship": global_id("Scholarship", scholarship.id),
            "student": global_id("StudentProfile", student.id),
            "status": application.status,
        },
    )


def story_event(story: Story) -> Event:
    return Event(
        EventType.STORY_PUBLISHED,
        "Story",
        story.id,
        organization_ids=(story.organization_id,),
        is_public=True,
        data={
            "story": global_id("Story", story.id),
            "organization": global_id("Organization", story.organization_id),
            "title": story.title,
        },
    )
