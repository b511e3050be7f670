"""What each technician role's levels 1-3 require: I-CAR ProLevels, ASE certifications, academy badges and
safety training, each requirement with its source.

A level is reached when every requirement of it and of the levels below is met, with nothing lapsed. A
ProLevel requirement is met by that ProLevel of the role or a higher one, since I-CAR's ProLevels build
on each other and annual training keeps the highest current (the catalogue's 12-month validity). Which
ASE test and which academy badge each level asks for is ShopReady's assumption, said so in `source`.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.enums.workforce import RequirementKind as K
from db.enums.workforce import SafetyTraining as S
from db.enums.workforce import TechnicianRole as R
from db.reference.credentials import GOLD_CLASS_ROLES
from db.reference.workforce_safety import SAFETY_BY_CODE

ICAR_SOURCE = (
    "I-CAR: each role has ProLevel 1, 2 and 3, then annual training (domain reference, 'I-CAR'); a higher "
    "ProLevel of the role also meets a lower one."
)
ASE_SOURCE = (
    "ASE professional certification in the role's area (domain reference, 'Credentials'); which test each "
    "level asks for is assumed."
)
ACADEMY_SOURCE = "I-CAR Academy badge preparing for the role (domain reference); asking for it at level 1 is assumed."
SAFETY_SOURCE = "Safety training the role's work needs; renewal and rule in the safety reference (`safetyTrainings`)."
MASTER_SOURCE = "ASE A1-A8 make a Master Automobile Technician (domain reference, 'Credentials')."
AUTOMOTIVE_SOURCE = "ASE tests of the automobile series; which ones each level asks for is assumed."
MAX_LEVEL = 3


@dataclass(frozen=True)
class Requirement:
    kind: K
    codes: tuple[str, ...]  # any one meets it: credential codes, an academy badge code, or a SafetyTraining value
    title: str
    source: str


@dataclass(frozen=True)
class LevelSeed:
    level: int
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class RoleSeed:
    role: R
    name: str
    icar_code: str | None  # the role's fragment in I-CAR ProLevel codes (ICAR-<code>-PL<n>); None outside I-CAR
    pay_role_type: str  # the pay tool's RoleType for what the role pays
    levels: tuple[LevelSeed, ...]

    @property
    def gold_class(self) -> bool:
        return self.icar_code in GOLD_CLASS_ROLES


def pro_level(icar_code: str, name: str, level: int) -> Requirement:
    codes = tuple(f"ICAR-{icar_code}-PL{n}" for n in range(level, MAX_LEVEL + 1))
    return Requirement(K.CREDENTIAL, codes, f"I-CAR {name} ProLevel {level}", ICAR_SOURCE)


def _ase(*tests: str, source: str = ASE_SOURCE) -> tuple[Requirement, ...]:
    return tuple(Requirement(K.CREDENTIAL, (f"ASE-{test}",), f"ASE {test}", source) for test in tests)


def _badge(code: str, name: str) -> Requirement:
    return Requirement(K.ACADEMY_BADGE, (f"ICAR-ACAD-{code}",), f"I-CAR Academy: {name}", ACADEMY_SOURCE)


def _safety(*codes: S) -> tuple[Requirement, ...]:
    return tuple(
        Requirement(K.SAFETY_TRAINING, (code.value,), SAFETY_BY_CODE[code].name, SAFETY_SOURCE) for code in codes
    )


def _icar_role(
    role: R, icar_code: str, name: str, pay_role_type: str, first: tuple[Requirement, ...], ase: str
) -> RoleSeed:
    """ProLevel 1 with what the role's work needs first; ProLevel 2 with the area's ASE test; ProLevel 3."""
    return RoleSeed(
        role,
        name,
        icar_code,
        pay_role_type,
        (
            LevelSeed(1, (pro_level(icar_code, name, 1), *first)),
            LevelSeed(2, (pro_level(icar_code, name, 2), *_ase(ase))),
            LevelSeed(3, (pro_level(icar_code, name, 3),)),
        ),
    )


_SHOP_FLOOR = _safety(S.HAZCOM, S.SP2_SAFETY)

ROLES: tuple[RoleSeed, ...] = (
    _icar_role(R.ESTIMATOR, "EST", "Estimator", "ESTIMATOR", _safety(S.SP2_SAFETY), "B6"),
    _icar_role(
        R.NON_STRUCTURAL,
        "NST",
        "Non-Structural Technician",
        "TECHNICIAN",
        (_badge("CRF", "Collision Repair Fundamentals"), *_SHOP_FLOOR),
        "B3",
    ),
    _icar_role(
        R.STEEL_STRUCTURAL,
        "SST",
        "Steel Structural Technician",
        "TECHNICIAN",
        (_badge("CRF", "Collision Repair Fundamentals"), *_SHOP_FLOOR),
        "B4",
    ),
    _icar_role(
        R.REFINISH,
        "REF",
        "Refinish Technician",
        "REFINISH_TECHNICIAN",
        (
            _badge("PREP", "Preparation for Refinish"),
            *_safety(S.RESPIRATOR_MEDICAL, S.RESPIRATOR_FIT, S.HAZCOM, S.SP2_SAFETY, S.SP2_POLLUTION),
        ),
        "B2",
    ),
    _icar_role(
        R.ALUMINUM_STRUCTURAL,
        "AST",
        "Aluminum Structural Technician",
        "TECHNICIAN",
        (_badge("SDR", "Aluminum & Steel Small Dent Removal"), *_SHOP_FLOOR),
        "B4",
    ),
    _icar_role(
        R.ELECTRICAL_DIAGNOSTICS,
        "ED",
        "Electrical/Diagnostics",
        "TECHNICIAN",
        (*_SHOP_FLOOR, *_safety(S.HIGH_VOLTAGE)),
        "A6",
    ),
    _icar_role(R.MECHANICAL, "MECH", "Mechanical", "TECHNICIAN", _SHOP_FLOOR, "B5"),
    RoleSeed(
        R.MAINTENANCE_LIGHT_REPAIR,
        "Maintenance & Light Repair Technician",
        None,
        "TECHNICIAN",
        (
            LevelSeed(
                1,
                (
                    Requirement(
                        K.CREDENTIAL,
                        ("ASE-EL-MLR", "ASE-G1"),
                        "ASE Entry-Level Maintenance & Light Repair (or ASE G1)",
                        AUTOMOTIVE_SOURCE,
                    ),
                    *_safety(S.HAZCOM),
                ),
            ),
            LevelSeed(2, _ase("G1", source=AUTOMOTIVE_SOURCE)),
            LevelSeed(3, _ase("A4", "A5", source=AUTOMOTIVE_SOURCE)),
        ),
    ),
    RoleSeed(
        R.AUTOMOTIVE_SERVICE,
        "Automotive Service Technician",
        None,
        "TECHNICIAN",
        (
            LevelSeed(
                1,
                (
                    Requirement(
                        K.CREDENTIAL, ("ASE-G1", "ASE-EL-MLR"), "ASE G1 (or its Entry-Level test)", AUTOMOTIVE_SOURCE
                    ),
                    *_safety(S.HAZCOM),
                ),
            ),
            LevelSeed(2, _ase("A4", "A5", "A6", source=AUTOMOTIVE_SOURCE)),
            LevelSeed(3, _ase("A1", "A2", "A3", "A7", "A8", source=MASTER_SOURCE)),
        ),
    ),
    RoleSeed(
        R.EV_HYBRID,
        "EV and Hybrid Technician",
        None,
        "TECHNICIAN",
        (
            LevelSeed(
                1,
                (
                    Requirement(
                        K.CREDENTIAL,
                        ("ASE-A6", "ASE-EL-EE"),
                        "ASE A6 Electrical/Electronic Systems (or its Entry-Level test)",
                        AUTOMOTIVE_SOURCE,
                    ),
                    *_safety(S.HIGH_VOLTAGE, S.HAZCOM),
                ),
            ),
            LevelSeed(2, _ase("A6", "A8", source=AUTOMOTIVE_SOURCE)),
            LevelSeed(3, _ase("L3", source=AUTOMOTIVE_SOURCE)),
        ),
    ),
)
ROLE_BY_CODE: dict[R, RoleSeed] = {seed.role: seed for seed in ROLES}
GOLD_CLASS: tuple[RoleSeed, ...] = tuple(seed for seed in ROLES if seed.gold_class)
GOLD_CLASS_PRO_LEVEL = 2
