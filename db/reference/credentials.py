"""Credential catalogue: ASE certifications, ASE Entry-Level, I-CAR ProLevel roles and I-CAR Academy badges.

`area` is the shared subject key: an ASE Entry-Level credential carries the same area as the
professional test it leads to (e.g. ASE-EL-PR and ASE-B2 are both "Painting & Refinishing").
"""

from __future__ import annotations

from dataclasses import dataclass

ASE = "ASE"
ASE_ENTRY_LEVEL = "ASE_ENTRY_LEVEL"
I_CAR = "I_CAR"

CERTIFICATION = "CERTIFICATION"
ENTRY_LEVEL = "ENTRY_LEVEL"
PRO_LEVEL = "PRO_LEVEL"
BADGE = "BADGE"


@dataclass(frozen=True)
class CredentialSeed:
    code: str  # e.g. "ASE-A1", "ASE-EL-MLR", "ICAR-EST-PL1", "ICAR-ACAD-PLASTIC"
    name: str
    issuer: str  # ASE | ASE_ENTRY_LEVEL | I_CAR
    area: str
    validity_months: int | None  # None = does not expire
    renewable: bool
    kind: str  # CERTIFICATION | ENTRY_LEVEL | PRO_LEVEL | BADGE


def _ase(test: str, name: str, area: str | None = None) -> CredentialSeed:
    """ASE professional certification: recertify every five years."""
    return CredentialSeed(f"ASE-{test}", name, ASE, area or name, 60, True, CERTIFICATION)


def _ase_el(code: str, area: str) -> CredentialSeed:
    """ASE Entry-Level certification: for students, valid two years, not renewable."""
    return CredentialSeed(f"ASE-EL-{code}", f"Entry-Level {area}", ASE_ENTRY_LEVEL, area, 24, False, ENTRY_LEVEL)


_ASE_PROFESSIONAL: tuple[CredentialSeed, ...] = (
    _ase("A1", "Engine Repair"),
    _ase("A2", "Automatic Transmission/Transaxle"),
    _ase("A3", "Manual Drive Train & Axles"),
    _ase("A4", "Suspension & Steering"),
    _ase("A5", "Brakes"),
    _ase("A6", "Electrical/Electronic Systems"),
    _ase("A7", "Heating & Air Conditioning"),
    _ase("A8", "Engine Performance"),
    _ase("A9", "Light Vehicle Diesel Engines"),
    _ase("B2", "Painting & Refinishing"),
    _ase("B3", "Non-Structural Analysis & Damage Repair"),
    _ase("B4", "Structural Analysis & Damage Repair"),
    _ase("B5", "Mechanical & Electrical Components"),
    _ase("B6", "Damage Analysis & Estimating"),
    _ase("G1", "Auto Maintenance & Light Repair", "Maintenance & Light Repair"),
    _ase("L1", "Advanced Engine Performance Specialist"),
    _ase("L3", "Light Duty Hybrid/Electric Vehicle Specialist"),
)

_ASE_ENTRY_LEVEL: tuple[CredentialSeed, ...] = (
    # collision
    _ase_el("PR", "Painting & Refinishing"),
    _ase_el("SR", "Structural Analysis & Damage Repair"),
    _ase_el("NS", "Non-Structural Analysis & Damage Repair"),
    _ase_el("ME", "Mechanical & Electrical Components"),
    # automobile
    _ase_el("MLR", "Maintenance & Light Repair"),
    _ase_el("ER", "Engine Repair"),
    _ase_el("AT", "Automatic Transmission/Transaxle"),
    _ase_el("MD", "Manual Drive Train & Axles"),
    _ase_el("SS", "Suspension & Steering"),
    _ase_el("BR", "Brakes"),
    _ase_el("EE", "Electrical/Electronic Systems"),
    _ase_el("AC", "Heating & Air Conditioning"),
    _ase_el("EP", "Engine Performance"),
)

# I-CAR roles: (code fragment, role name). The first four are the Gold Class roles.
ICAR_ROLES: tuple[tuple[str, str], ...] = (
    ("EST", "Estimator"),
    ("NST", "Non-Structural Technician"),
    ("SST", "Steel Structural Technician"),
    ("REF", "Refinish Technician"),
    ("AST", "Aluminum Structural Technician"),
    ("PM", "Production Management"),
    ("ED", "Electrical/Diagnostics"),
    ("MECH", "Mechanical"),
    ("APDA", "Auto Physical Damage Appraiser"),
)
GOLD_CLASS_ROLES: tuple[str, ...] = ("EST", "NST", "SST", "REF")

# ProLevel is kept current by annual training, hence a 12-month validity that renews.
_ICAR_PRO_LEVEL: tuple[CredentialSeed, ...] = tuple(
    CredentialSeed(f"ICAR-{role}-PL{level}", f"{name} ProLevel {level}", I_CAR, name, 12, True, PRO_LEVEL)
    for role, name in ICAR_ROLES
    for level in (1, 2, 3)
)

_ICAR_ACADEMY: tuple[CredentialSeed, ...] = tuple(
    CredentialSeed(f"ICAR-ACAD-{code}", name, I_CAR, name, None, False, BADGE)
    for code, name in (
        ("CRF", "Collision Repair Fundamentals"),
        ("DR", "Disassembly & Reassembly"),
        ("PLASTIC", "Plastic Repair"),
        ("SDR", "Aluminum & Steel Small Dent Removal"),
        ("PREP", "Preparation for Refinish"),
    )
)

CREDENTIALS: tuple[CredentialSeed, ...] = _ASE_PROFESSIONAL + _ASE_ENTRY_LEVEL + _ICAR_PRO_LEVEL + _ICAR_ACADEMY
