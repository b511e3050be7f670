"""GraphQL enums of a shop's workforce, every value described.

`enum_type` describes the domain's own enum classes in place, so the names below are those classes: type
checkers read them as types, and the schema sees the same enums the use cases take.
"""

from __future__ import annotations

from db.enums import workforce as e
from resolvers.workforce.plan_steps import StepStatus
from resolvers.workforce.safety_status import SafetyState as DomainSafetyState
from schema.enum_type import enum_type

enum_type(
    e.TechnicianRole,
    description="A technician's role at a shop: I-CAR's collision roles (the first four are the Gold Class roles), "
    "then automotive service roles. `workforceRoles` lists what each level of each role requires.",
    values={
        "ESTIMATOR": "I-CAR Estimator: damage analysis and repair estimates (Gold Class role).",
        "NON_STRUCTURAL": "I-CAR Non-Structural Technician: panels, bolt-ons, plastics (Gold Class role).",
        "STEEL_STRUCTURAL": "I-CAR Steel Structural Technician: sectioning, welding, frame (Gold Class role).",
        "REFINISH": "I-CAR Refinish Technician: preparation, mixing and spraying (Gold Class role).",
        "ALUMINUM_STRUCTURAL": "I-CAR Aluminum Structural Technician.",
        "ELECTRICAL_DIAGNOSTICS": "I-CAR Electrical/Diagnostics: scanning, ADAS, electrical repair.",
        "MECHANICAL": "I-CAR Mechanical: suspension, steering, cooling and other mechanical repair.",
        "MAINTENANCE_LIGHT_REPAIR": "Automotive Maintenance & Light Repair Technician (ASE G1 path).",
        "AUTOMOTIVE_SERVICE": "Automotive Service Technician (ASE A-series path to Master).",
        "EV_HYBRID": "EV and Hybrid Technician (ASE A6, A8 and L3 path).",
    },
)
enum_type(
    e.TechnicianStatus,
    description="Whether a technician still works at the shop.",
    values={"ACTIVE": "Works at the shop.", "LEFT": "Has left the shop; the record stays as history."},
)
enum_type(
    e.TechnicianInvitationStatus,
    description="Where an invitation to join a shop's team stands.",
    values={
        "PENDING": "Sent; not answered yet.",
        "ACCEPTED": "Accepted: the person is a technician of the shop.",
        "DECLINED": "Declined.",
    },
)
enum_type(
    e.SafetyTraining,
    description="A safety training a shop keeps current; `safetyTrainings` gives each one's renewal and source.",
    values={
        "RESPIRATOR_MEDICAL": "Respirator medical evaluation (OSHA 29 CFR 1910.134(e)); no fixed renewal.",
        "RESPIRATOR_FIT": "Respirator fit test (OSHA 29 CFR 1910.134(f)); at least annually.",
        "HAZCOM": "Hazard communication training (OSHA 29 CFR 1910.1200(h)); no fixed renewal.",
        "SP2_SAFETY": "S/P2 safety training; every 2 years (assumed).",
        "SP2_POLLUTION": "S/P2 pollution prevention training; every 2 years (assumed).",
        "HIGH_VOLTAGE": "EV and hybrid high-voltage electrical safety; every 3 years (assumed, after NFPA 70E).",
    },
)
enum_type(
    DomainSafetyState,
    name="SafetyState",
    description="Where a technician stands on one safety training, as of today.",
    values={
        "VALID": "In force for more than 90 more days, or without an end.",
        "EXPIRING": "In force, but lapses within 90 days.",
        "EXPIRED": "Lapsed: the technician may not do work that needs it.",
        "MISSING": "The technician's role needs it and none was ever recorded.",
    },
)
enum_type(
    e.RequirementKind,
    description="What kind of thing a role level requires.",
    values={
        "CREDENTIAL": "A credential from the catalogue: an I-CAR ProLevel or an ASE certification.",
        "ACADEMY_BADGE": "An I-CAR Academy badge, earned by completing every module of its area.",
        "SAFETY_TRAINING": "A safety training in force.",
    },
)
enum_type(
    e.PlanStepKind,
    description="What a development plan step asks for.",
    values={
        "ACADEMY_AREA": "Complete an I-CAR Academy area's modules; done when its badge is earned.",
        "CREDENTIAL": "Earn or sit a credential (an I-CAR ProLevel, an ASE test); done when it is held.",
        "SAFETY_TRAINING": "Complete a safety training; done while it is in force.",
        "MENTOR_SESSION": "Meet the supervisor or mentor; done when marked held.",
    },
)
enum_type(
    StepStatus,
    name="PlanStepStatus",
    description="Where a plan step stands today, read from the training and safety records.",
    values={
        "TODO": "Not started.",
        "IN_PROGRESS": "Started: some of the academy area's modules are completed.",
        "DONE": "The record that meets it is held (or the mentor session was held).",
        "SKIPPED": "Set aside by the technician or their supervisor.",
    },
)
enum_type(
    e.TaskKind,
    description="A kind of shop work; `taskKinds` lists the safety training each needs.",
    values={
        "REFINISH_SPRAYING": "Spraying primers, sealers and paint: respirator medical evaluation, fit test, HazCom.",
        "PAINT_MIXING": "Mixing paint, hardeners and solvents: HazCom.",
        "STRUCTURAL_WELDING": "Structural welding and sectioning: HazCom and S/P2 safety.",
        "HIGH_VOLTAGE_SERVICE": "Work on EV or hybrid high-voltage systems: high-voltage safety.",
        "BODY_REPAIR": "Non-structural body repair: S/P2 safety.",
        "ESTIMATE": "Writing a damage estimate: no safety training.",
    },
)
enum_type(
    e.TaskStatus,
    description="Where a shop task stands.",
    values={"ASSIGNED": "Assigned, not done yet.", "DONE": "Done."},
)

TechnicianRole = e.TechnicianRole
TechnicianStatus = e.TechnicianStatus
TechnicianInvitationStatus = e.TechnicianInvitationStatus
SafetyTraining = e.SafetyTraining
SafetyState = DomainSafetyState
RequirementKind = e.RequirementKind
PlanStepKind = e.PlanStepKind
PlanStepStatus = StepStatus
TaskKind = e.TaskKind
TaskStatus = e.TaskStatus
