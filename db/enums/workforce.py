"""Closed sets of a shop's workforce (technicians, safety, plans, tasks), stored as text; the API exposes each
as a GraphQL enum. What each role and safety training requires lives in `db.reference.workforce_*`."""

from __future__ import annotations

from enum import Enum


class TechnicianRole(str, Enum):
    """I-CAR's collision roles (the first four are the Gold Class roles), then automotive service roles."""

    ESTIMATOR = "ESTIMATOR"
    NON_STRUCTURAL = "NON_STRUCTURAL"
    STEEL_STRUCTURAL = "STEEL_STRUCTURAL"
    REFINISH = "REFINISH"
    ALUMINUM_STRUCTURAL = "ALUMINUM_STRUCTURAL"
    ELECTRICAL_DIAGNOSTICS = "ELECTRICAL_DIAGNOSTICS"
    MECHANICAL = "MECHANICAL"
    MAINTENANCE_LIGHT_REPAIR = "MAINTENANCE_LIGHT_REPAIR"
    AUTOMOTIVE_SERVICE = "AUTOMOTIVE_SERVICE"
    EV_HYBRID = "EV_HYBRID"


class TechnicianStatus(str, Enum):
    ACTIVE = "ACTIVE"
    LEFT = "LEFT"


class TechnicianInvitationStatus(str, Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


class SafetyTraining(str, Enum):
    RESPIRATOR_MEDICAL = "RESPIRATOR_MEDICAL"
    RESPIRATOR_FIT = "RESPIRATOR_FIT"
    HAZCOM = "HAZCOM"
    SP2_SAFETY = "SP2_SAFETY"
    SP2_POLLUTION = "SP2_POLLUTION"
    HIGH_VOLTAGE = "HIGH_VOLTAGE"


class RequirementKind(str, Enum):
    CREDENTIAL = "CREDENTIAL"  # an ASE certification or an I-CAR ProLevel, sat or earned
    ACADEMY_BADGE = "ACADEMY_BADGE"  # an I-CAR Academy area: its modules, then its badge
    SAFETY_TRAINING = "SAFETY_TRAINING"


class PlanStepKind(str, Enum):
    ACADEMY_AREA = "ACADEMY_AREA"
    CREDENTIAL = "CREDENTIAL"
    SAFETY_TRAINING = "SAFETY_TRAINING"
    MENTOR_SESSION = "MENTOR_SESSION"


class TaskKind(str, Enum):
    REFINISH_SPRAYING = "REFINISH_SPRAYING"
    PAINT_MIXING = "PAINT_MIXING"
    STRUCTURAL_WELDING = "STRUCTURAL_WELDING"
    HIGH_VOLTAGE_SERVICE = "HIGH_VOLTAGE_SERVICE"
    BODY_REPAIR = "BODY_REPAIR"
    ESTIMATE = "ESTIMATE"


class TaskStatus(str, Enum):
    ASSIGNED = "ASSIGNED"
    DONE = "DONE"
