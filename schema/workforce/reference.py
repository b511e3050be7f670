"""Reference data of the workforce: what each role's levels require, safety trainings, and what tasks need."""

from __future__ import annotations

import strawberry

from db.enums.talent import RoleType  # described for the API by schema.talent.enums
from db.reference.workforce_roles import ROLES, Requirement, RoleSeed
from db.reference.workforce_safety import SAFETY_TRAININGS, TASK_KINDS
from schema.workforce.enums import RequirementKind, SafetyTraining, TaskKind, TechnicianRole


@strawberry.type(description="One requirement of a role level; any one of `codes` meets it.")
class RoleRequirement:
    kind: RequirementKind = strawberry.field(description="A credential, an academy badge or a safety training.")
    codes: list[str] = strawberry.field(
        description="What meets it, any one: credential codes (a higher ProLevel of the role also meets a lower "
        "one), an academy badge code, or a SafetyTraining value."
    )
    title: str = strawberry.field(description="For display, e.g. 'I-CAR Refinish Technician ProLevel 2'.")
    level: int = strawberry.field(description="The role level (1-3) that requires it.")
    source: str = strawberry.field(description="Where the requirement comes from, and whether it is assumed.")

    @classmethod
    def of(cls, requirement: Requirement, level: int) -> RoleRequirement:
        return cls(
            kind=requirement.kind,
            codes=list(requirement.codes),
            title=requirement.title,
            level=level,
            source=requirement.source,
        )


@strawberry.type(description="What one level of a role requires, on top of the levels below it.")
class RoleLevel:
    level: int = strawberry.field(description="1, 2 or 3 (for I-CAR roles, the ProLevel).")
    requirements: list[RoleRequirement] = strawberry.field(description="Every requirement of the level.")


@strawberry.type(description="A technician role and what each of its three levels requires (reference data).")
class WorkforceRole:
    role: TechnicianRole = strawberry.field(description="The role.")
    name: str = strawberry.field(description="Its name, e.g. 'Refinish Technician'.")
    icar_role_code: str | None = strawberry.field(
        description="I-CAR's code for the role in ProLevel credential codes (ICAR-<code>-PL<n>); null outside I-CAR."
    )
    gold_class: bool = strawberry.field(
        description="One of the four roles I-CAR's Gold Class shop recognition rests on."
    )
    pay_role_type: RoleType = strawberry.field(description="The pay tool's role type for what this role pays.")
    levels: list[RoleLevel] = strawberry.field(description="Levels 1, 2 and 3, each with its requirements.")

    @classmethod
    def of(cls, seed: RoleSeed) -> WorkforceRole:
        return cls(
            role=seed.role,
            name=seed.name,
            icar_role_code=seed.icar_code,
            gold_class=seed.gold_class,
            pay_role_type=RoleType(seed.pay_role_type),
            levels=[
                RoleLevel(
                    level=level.level, requirements=[RoleRequirement.of(r, level.level) for r in level.requirements]
                )
                for level in seed.levels
            ],
        )


@strawberry.type(description="A safety training: how long it stays in force, and the rule behind it.")
class SafetyTrainingInfo:
    training: SafetyTraining = strawberry.field(description="The training.")
    name: str = strawberry.field(description="Its name, e.g. 'Respirator fit test'.")
    renewal_months: int | None = strawberry.field(
        description="Months it stays in force after completion; null when the rule sets no fixed period."
    )
    source: str = strawberry.field(description="The rule or source behind the period, and whether it is assumed.")


@strawberry.type(description="A kind of shop work and the safety training it needs in force to be assigned.")
class TaskKindInfo:
    kind: TaskKind = strawberry.field(description="The kind of work.")
    name: str = strawberry.field(description="What it covers.")
    required_safety: list[SafetyTraining] = strawberry.field(description="Training that must be in force.")
    source: str = strawberry.field(description="Why it needs that training.")


@strawberry.type
class WorkforceReferenceQueries:
    @strawberry.field(description="Every technician role with what its levels 1-3 require, and the sources. Public.")
    def workforce_roles(self) -> list[WorkforceRole]:
        return [WorkforceRole.of(seed) for seed in ROLES]

    @strawberry.field(description="The safety trainings a shop keeps current, with renewal periods. Public.")
    def safety_trainings(self) -> list[SafetyTrainingInfo]:
        return [
            SafetyTrainingInfo(
                training=seed.code, name=seed.name, renewal_months=seed.renewal_months, source=seed.source
            )
            for seed in SAFETY_TRAININGS
        ]

    @strawberry.field(description="Kinds of shop work and the safety training each needs in force. Public.")
    def task_kinds(self) -> list[TaskKindInfo]:
        return [
            TaskKindInfo(kind=seed.kind, name=seed.name, required_safety=list(seed.required_safety), source=seed.source)
            for seed in TASK_KINDS
        ]
