"""Training: the academy curriculum (reference), programs that teach it, enrollments and progress."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id

REFERENCE = {"info": {"reference": True}}


class AcademyArea(Entity, Base):
    """One entry-level area (e.g. Plastic Repair); completing all its modules earns its badge."""

    __tablename__ = "academy_area"
    __table_args__ = (REFERENCE,)

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int]
    badge_credential_id: Mapped[int] = mapped_column(Id, ForeignKey("credential.id"))


class AcademyModule(Entity, Base):
    __tablename__ = "academy_module"
    __table_args__ = (CheckConstraint("hours > 0", name="hours_positive"), REFERENCE)

    area_id: Mapped[int] = mapped_column(Id, ForeignKey("academy_area.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    hours: Mapped[int]
    position: Mapped[int]


class TrainingProgram(Entity, Base):
    """A school's course or a shop's apprentice program teaching one or more academy areas."""

    __tablename__ = "training_program"

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A shop's apprentice program may name the technician who mentors its apprentices.
    mentor_user_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )


class TrainingProgramArea(Entity, Base):
    __tablename__ = "training_program_area"
    __table_args__ = (UniqueConstraint("program_id", "area_id"),)

    program_id: Mapped[int] = mapped_column(Id, ForeignKey("training_program.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(Id, ForeignKey("academy_area.id"))


class Enrollment(Entity, Base):
    __tablename__ = "enrollment"
    __table_args__ = (
        UniqueConstraint("program_id", "student_id"),
        CheckConstraint("status IN ('ACTIVE', 'WITHDRAWN')", name="status_known"),
        CheckConstraint("withdrawn_on IS NULL OR withdrawn_on >= enrolled_on", name="withdrawn_after_enrolled"),
    )

    program_id: Mapped[int] = mapped_column(Id, ForeignKey("training_program.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="ACTIVE", server_default="ACTIVE")
    enrolled_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    enrolled_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    # An apprentice's enrollment may be paired with their mentorship, so the mentor can record progress.
    mentorship_id: Mapped[int | None] = mapped_column(Id, ForeignKey("mentorship.id", ondelete="SET NULL"), index=True)


class ModuleCompletion(Entity, Base):
    __tablename__ = "module_completion"
    __table_args__ = (
        UniqueConstraint("enrollment_id", "module_id"),
        CheckConstraint("score IS NULL OR (score BETWEEN 0 AND 100)", name="score_range"),
    )

    enrollment_id: Mapped[int] = mapped_column(Id, ForeignKey("enrollment.id", ondelete="CASCADE"), index=True)
    module_id: Mapped[int] = mapped_column(Id, ForeignKey("academy_module.id"))
    completed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int | None]
    recorded_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))


class AreaBadgeAward(Entity, Base):
    """The claim that a student's area badge was awarded: one per student and area, whichever
    program completed it first, so concurrent or repeated completions can never award twice."""

    __tablename__ = "area_badge_award"
    __table_args__ = (UniqueConstraint("student_id", "area_id"),)

    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(Id, ForeignKey("academy_area.id"))
    enrollment_id: Mapped[int | None] = mapped_column(Id, ForeignKey("enrollment.id", ondelete="SET NULL"))
    student_credential_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("student_credential.id", ondelete="SET NULL")
    )
