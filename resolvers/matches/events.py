"""Match events: a new candidate in a posting's top 20, a new listing in a need's top 10."""

from __future__ import annotations

from core.global_ids import global_id
from core.outbox import Event
from db.enums.events import EventType
from db.models import JobPosting, Need, StudentProfile
from matching import Match


def candidate_entered(posting: JobPosting, match: Match, rank: int) -> Event:
    return Event(
        EventType.MATCH_CANDIDATE_ENTERED,
        "JobPosting",
        posting.id,
        organization_ids=(posting.employer_id,),
        student_id=match.id,
        data={
            "jobPosting": global_id("JobPosting", posting.id),
            "student": global_id("StudentProfile", match.id),
            "rank": rank,
            "score": round(match.score, 4),
        },
    )


def listing_entered(need: Need, match: Match, rank: int) -> Event:
    return Event(
        EventType.MATCH_LISTING_ENTERED,
        "Need",
        need.id,
        organization_ids=(need.school_id,),
        data={
            "need": global_id("Need", need.id),
            "listing": global_id("Listing", match.id),
            "rank": rank,
            "score": round(match.score, 4),
        },
    )


def posting_entered(student: StudentProfile, match: Match, rank: int) -> Event:
    """For the student alone: which employers rank where in a student's recommendations is theirs."""
    return Event(
        EventType.MATCH_POSTING_ENTERED,
        "StudentProfile",
        student.id,
        user_ids=(student.user_id,),
        student_id=student.id,
        data={
            "student": global_id("StudentProfile", student.id),
            "jobPosting": global_id("JobPosting", match.id),
            "rank": rank,
            "score": round(match.score, 4),
        },
    )
