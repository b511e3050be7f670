"""Closed sets of pathways (training, scholarships, stories), stored as text; the API exposes each as a GraphQL enum."""

from __future__ import annotations

from enum import Enum


class EnrollmentStatus(str, Enum):
    ACTIVE = "ACTIVE"
    WITHDRAWN = "WITHDRAWN"


class ScholarshipKind(str, Enum):
    SCHOLARSHIP = "SCHOLARSHIP"
    TOOL_GRANT = "TOOL_GRANT"


class ScholarshipApplicationStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    AWARDED = "AWARDED"
    DECLINED = "DECLINED"


class Audience(str, Enum):
    STUDENTS = "STUDENTS"
    PARENTS = "PARENTS"
    EDUCATORS = "EDUCATORS"
    EMPLOYERS = "EMPLOYERS"
