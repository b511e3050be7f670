"""Safety training a shop keeps current, with its renewal period and source, and the tasks that need it.

Renewal periods come from the rule cited beside each; where the rule sets no fixed period the training
does not lapse on a date (it is repeated when the work or the hazard changes, which no date can say).
"Assumed" marks a period the domain reference gives as a sensible default rather than a rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.enums.workforce import SafetyTraining as S
from db.enums.workforce import TaskKind as T


@dataclass(frozen=True)
class SafetyTrainingSeed:
    code: S
    name: str
    renewal_months: int | None  # None: no fixed renewal period
    source: str


SAFETY_TRAININGS: tuple[SafetyTrainingSeed, ...] = (
    SafetyTrainingSeed(
        S.RESPIRATOR_MEDICAL,
        "Respirator medical evaluation",
        None,
        "OSHA 29 CFR 1910.134(e): a medical evaluation before a worker is fit tested or first uses a respirator; "
        "repeated when a physician, a supervisor or the worker's symptoms call for it (no fixed interval).",
    ),
    SafetyTrainingSeed(
        S.RESPIRATOR_FIT,
        "Respirator fit test",
        12,
        "OSHA 29 CFR 1910.134(f)(2): fit tested before first use of a tight-fitting respirator and at least "
        "annually after that.",
    ),
    SafetyTrainingSeed(
        S.HAZCOM,
        "Hazard communication training",
        None,
        "OSHA 29 CFR 1910.1200(h)(1): at the time of first assignment to work with a hazardous chemical and "
        "whenever a new hazard is introduced (no fixed interval).",
    ),
    SafetyTrainingSeed(
        S.SP2_SAFETY,
        "S/P2 safety training",
        24,
        "S/P2 safety courses, commonly used by collision programs and shops; renewal every 2 years assumed "
        "(domain reference).",
    ),
    SafetyTrainingSeed(
        S.SP2_POLLUTION,
        "S/P2 pollution prevention training",
        24,
        "S/P2 pollution-prevention courses (hazardous waste, paint and solvent handling); renewal every 2 years "
        "assumed (domain reference).",
    ),
    SafetyTrainingSeed(
        S.HIGH_VOLTAGE,
        "High-voltage (EV and hybrid) electrical safety",
        36,
        "Electrical safety training with retraining at intervals of at most three years, after NFPA 70E; applying "
        "it to vehicle high-voltage systems is assumed.",
    ),
)
SAFETY_BY_CODE: dict[S, SafetyTrainingSeed] = {seed.code: seed for seed in SAFETY_TRAININGS}


@dataclass(frozen=True)
class TaskKindSeed:
    kind: T
    name: str
    required_safety: tuple[S, ...]
    source: str


TASK_KINDS: tuple[TaskKindSeed, ...] = (
    TaskKindSeed(
        T.REFINISH_SPRAYING,
        "Refinish: spraying primers, sealers, base and clear coats",
        (S.RESPIRATOR_MEDICAL, S.RESPIRATOR_FIT, S.HAZCOM),
        "Isocyanate paints need respiratory protection (1910.134: medical evaluation and a current fit test) "
        "and hazard communication training (1910.1200) (domain reference).",
    ),
    TaskKindSeed(
        T.PAINT_MIXING,
        "Mixing paint, hardeners and solvents",
        (S.HAZCOM,),
        "Work with hazardous chemicals needs hazard communication training first (1910.1200(h)).",
    ),
    TaskKindSeed(
        T.STRUCTURAL_WELDING,
        "Structural welding, sectioning and spot-weld removal",
        (S.HAZCOM, S.SP2_SAFETY),
        "Welding fumes and coatings are chemical hazards (1910.1200); shop safety training assumed (S/P2).",
    ),
    TaskKindSeed(
        T.HIGH_VOLTAGE_SERVICE,
        "Work on EV or hybrid high-voltage systems",
        (S.HIGH_VOLTAGE,),
        "Electrical safety training before work on energized high-voltage systems (after NFPA 70E; assumed).",
    ),
    TaskKindSeed(
        T.BODY_REPAIR,
        "Non-structural body repair",
        (S.SP2_SAFETY,),
        "Shop safety training assumed (S/P2).",
    ),
    TaskKindSeed(T.ESTIMATE, "Writing a damage estimate", (), "No safety training is required to write an estimate."),
)
TASK_BY_KIND: dict[T, TaskKindSeed] = {seed.kind: seed for seed in TASK_KINDS}
