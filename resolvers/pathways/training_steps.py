"""Pathway steps from training and scholarships: enrollments, completed modules and badges,
credentials, scholarship applications and awards. Each source is one query whatever the number of students.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import (
    AcademyModule,
    AreaBadgeAward,
    Credential,
    Enrollment,
    ModuleCompletion,
    Scholarship,
    ScholarshipApplication,
    StudentCredential,
    TrainingProgram,
)
from resolvers.pathways.timeline_entries import TimelineEntry


async def enrollments(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    rows = await session.execute(
        select(Enrollment, TrainingProgram.name, TrainingProgram.organization_id)
        .join(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .where(Enrollment.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for enrollment, program_name, organization_id in rows:
        common: dict[str, Any] = {
            "organization_id": organization_id,
            "subject_type": "Enrollment",
            "subject_id": enrollment.id,
            "record_id": enrollment.id,
        }
        found[enrollment.student_id].append(
            TimelineEntry(
                "ENROLLED", enrollment.enrolled_on, f"Enrolled in {program_name}", enrollment.created_at, **common
            )
        )
        if enrollment.withdrawn_on is not None:
            found[enrollment.student_id].append(
                TimelineEntry(
                    "WITHDRAWN",
                    enrollment.withdrawn_on,
                    f"Withdrew from {program_name}",
                    enrollment.updated_at,
                    **common,
                )
            )
    return found


async def module_completions(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    rows = await session.execute(
        select(
            ModuleCompletion,
            Enrollment.student_id,
            TrainingProgram.organization_id,
            AcademyModule.code,
            AcademyModule.title,
        )
        .join(Enrollment, Enrollment.id == ModuleCompletion.enrollment_id)
        .join(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .join(AcademyModule, AcademyModule.id == ModuleCompletion.module_id)
        .where(Enrollment.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for completion, student_id, organization_id, code, title in rows:
        found[student_id].append(
            TimelineEntry(
                "MODULE_COMPLETED",
                completion.completed_on,
                f"Completed {code}: {title}",
                completion.created_at,
                detail=f"Score {completion.score}" if completion.score is not None else None,
                organization_id=organization_id,
                subject_type="Enrollment",
                subject_id=completion.enrollment_id,
                record_id=completion.id,
            )
        )
    return found


async def credentials(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """Every credential held; a badge earned in a program names that program's organization."""
    rows = await session.execute(
        select(StudentCredential, Credential, TrainingProgram.organization_id)
        .join(Credential, Credential.id == StudentCredential.credential_id)
        .outerjoin(AreaBadgeAward, AreaBadgeAward.student_credential_id == StudentCredential.id)
        .outerjoin(Enrollment, Enrollment.id == AreaBadgeAward.enrollment_id)
        .outerjoin(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .where(StudentCredential.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for held, credential, organization_id in rows:
        badge = credential.kind == "BADGE"
        status = "verified" if held.verified_at is not None else "self-reported"
        found[held.student_id].append(
            TimelineEntry(
                "BADGE_EARNED" if badge else "CREDENTIAL_EARNED",
                held.earned_on,
                f"Earned {credential.name}",
                held.created_at,
                detail=f"{credential.code}, {status}"
                + (f", expires {held.expires_on.isoformat()}" if held.expires_on else ""),
                organization_id=organization_id,
                record_id=held.id,
            )
        )
    return found


async def scholarships(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    rows = await session.execute(
        select(ScholarshipApplication, Scholarship.name, Scholarship.kind, Scholarship.sponsor_id)
        .join(Scholarship, Scholarship.id == ScholarshipApplication.scholarship_id)
        .where(ScholarshipApplication.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for application, name, kind, sponsor_id in rows:
        what = "tool grant" if kind == "TOOL_GRANT" else "scholarship"
        common: dict[str, Any] = {
            "organization_id": sponsor_id,
            "subject_type": "ScholarshipApplication",
            "subject_id": application.id,
            "record_id": application.id,
        }
        entries = found[application.student_id]
        entries.append(
            TimelineEntry(
                "SCHOLARSHIP_APPLIED",
                application.created_at.date(),
                f"Applied for the {what} {name}",
                application.created_at,
                **common,
            )
        )
        if application.status == "AWARDED" and application.decided_at is not None:
            entries.append(
                TimelineEntry(
                    "SCHOLARSHIP_AWARDED",
                    application.decided_at.date(),
                    f"Awarded the {what} {name}",
                    application.decided_at,
                    **common,
                )
            )
        if application.fulfilled_at is not None:
            entries.append(
                TimelineEntry(
                    "AWARD_FULFILLED",
                    application.fulfilled_at.date(),
                    f"Received the {what} {name}",
                    application.fulfilled_at,
                    detail=application.fulfillment_note,
                    **common,
                )
            )
    return found


# The talent exchange's sources register themselves on import; imported last because they use the
# registry defined above.
