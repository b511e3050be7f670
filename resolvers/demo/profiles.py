"""What a student or mentor of each trade looks like in the demo: headlines, skills and credentials
that belong together (a refinish student masks and sprays and holds the Painting & Refinishing
entry-level test, not a brake certification)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StudentTrade:
    headlines: tuple[str, ...]
    skills: tuple[str, ...]  # skill slugs; a student has 2 to 5 of them
    credentials: tuple[str, ...]  # entry-level and academy codes; a student holds 1 to 3
    availability: tuple[str, ...]  # what such students look for most


STUDENT_TRADES: dict[str, StudentTrade] = {
    "COLLISION": StudentTrade(
        (
            "Second-year collision student",
            "Apprentice-ready body tech",
            "Collision repair student, I-CAR Academy",
        ),
        (
            "disassembly-reassembly",
            "panel-replacement",
            "mig-welding",
            "plastic-repair",
            "metal-straightening",
            "body-filler",
            "frame-measuring",
            "paintless-dent-repair",
        ),
        ("ASE-EL-NS", "ASE-EL-SR", "ASE-EL-ME", "ICAR-ACAD-CRF", "ICAR-ACAD-DR", "ICAR-ACAD-PLASTIC"),
        ("APPRENTICESHIP", "INTERNSHIP", "FULL_TIME"),
    ),
    "REFINISH": StudentTrade(
        ("Refinish student looking for a shop", "Paint prep and refinish student"),
        (
            "surface-preparation",
            "masking",
            "primer-application",
            "spray-gun-technique",
            "color-matching",
            "paint-mixing",
        ),
        ("ASE-EL-PR", "ICAR-ACAD-PREP", "ICAR-ACAD-CRF"),
        ("APPRENTICESHIP", "FULL_TIME", "PART_TIME"),
    ),
    "AUTOMOTIVE": StudentTrade(
        ("Automotive tech in training", "Service tech student: brakes, alignment, diagnostics"),
        (
            "brake-service",
            "wheel-alignment",
            "suspension-steering",
            "oil-change-maintenance",
            "scan-tool-diagnostics",
            "electrical-diagnostics",
        ),
        ("ASE-EL-MLR", "ASE-EL-BR", "ASE-EL-SS", "ASE-EL-EE"),
        ("INTERNSHIP", "PART_TIME", "FULL_TIME"),
    ),
    "DIESEL": StudentTrade(
        ("Diesel and fleet student",),
        ("diesel-engine-repair", "air-brakes", "diesel-aftertreatment", "hydraulics", "brake-service"),
        ("ASE-EL-MLR", "ASE-EL-BR"),
        ("INTERNSHIP", "FULL_TIME"),
    ),
}


@dataclass(frozen=True)
class MentorTrade:
    headline: str
    skills: tuple[str, ...]
    credentials: tuple[str, ...]
    years: tuple[int, int]


# The first is the demo mentor, who helps the demo collision student towards the B3 test.
MENTOR_TRADES: tuple[MentorTrade, ...] = (
    MentorTrade(
        "I-CAR Platinum collision tech",
        ("mig-welding", "strsw-spot-welding", "sectioning", "frame-measuring", "panel-replacement"),
        ("ASE-B3", "ASE-B4", "ICAR-SST-PL3"),
        (12, 25),
    ),
    MentorTrade(
        "Refinish lead, 20 years in the booth",
        ("color-matching", "spray-gun-technique", "paint-mixing", "paint-defect-repair"),
        ("ASE-B2", "ICAR-REF-PL2"),
        (20, 20),
    ),
    MentorTrade(
        "Master ASE technician",
        ("brake-service", "engine-diagnostics", "electrical-diagnostics", "wheel-alignment"),
        ("ASE-A4", "ASE-A5", "ASE-A6", "ASE-A8"),
        (10, 30),
    ),
    MentorTrade(
        "Collision shop foreman and estimator",
        ("damage-analysis", "estimating", "panel-replacement", "adas-calibration"),
        ("ASE-B3", "ASE-B6", "ICAR-EST-PL2"),
        (15, 30),
    ),
)
