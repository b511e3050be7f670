"""I-CAR Academy-style entry-level curriculum: five areas, each a sequence of modules with contact hours.

Completing an area earns the matching badge (`badge_code`, a code in `db.reference.credentials`).
Module titles and hours are a sensible default, not I-CAR's published syllabus.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModuleSeed:
    code: str  # e.g. "CRF-01"
    title: str
    hours: int


@dataclass(frozen=True)
class AreaSeed:
    code: str  # "CRF", "DR", "PLASTIC", "SDR", "PREP"
    name: str
    badge_code: str  # the matching credential code, e.g. "ICAR-ACAD-CRF"
    modules: tuple[ModuleSeed, ...]

    @property
    def total_hours(self) -> int:
        return sum(m.hours for m in self.modules)


M = ModuleSeed

ACADEMY_AREAS: tuple[AreaSeed, ...] = (
    AreaSeed(
        "CRF",
        "Collision Repair Fundamentals",
        "ICAR-ACAD-CRF",
        (
            M("CRF-01", "The collision repair industry and careers", 4),
            M("CRF-02", "Shop safety and personal protective equipment", 6),
            M("CRF-03", "Vehicle construction and terminology", 6),
            M("CRF-04", "Hand tools, power tools and shop equipment", 6),
            M("CRF-05", "Fasteners, hardware and adhesives", 4),
            M("CRF-06", "Repair information and OEM procedures", 4),
            M("CRF-07", "Damage identification basics", 4),
            M("CRF-08", "Corrosion protection and cavity treatment", 3),
        ),
    ),
    AreaSeed(
        "DR",
        "Disassembly & Reassembly",
        "ICAR-ACAD-DR",
        (
            M("DR-01", "Repair planning and pre-repair scanning", 4),
            M("DR-02", "Parts tagging, bagging and storage", 3),
            M("DR-03", "Exterior trim, mouldings and emblems", 4),
            M("DR-04", "Bumper covers and fascia", 4),
            M("DR-05", "Doors: trim panels, hardware and glass", 5),
            M("DR-06", "Lamps, sensors and electrical connectors", 4),
            M("DR-07", "Panel gaps, fit and final inspection", 4),
        ),
    ),
    AreaSeed(
        "PLASTIC",
        "Plastic Repair",
        "ICAR-ACAD-PLASTIC",
        (
            M("PLASTIC-01", "Plastic identification and repairability", 3),
            M("PLASTIC-02", "Cleaning and preparing plastic parts", 3),
            M("PLASTIC-03", "Two-part adhesive repair", 5),
            M("PLASTIC-04", "Plastic welding (nitrogen and airless)", 5),
            M("PLASTIC-05", "Tab and mounting-point repair", 4),
            M("PLASTIC-06", "Cosmetic finishing of flexible parts", 4),
        ),
    ),
    AreaSeed(
        "SDR",
        "Aluminum & Steel Small Dent Removal",
        "ICAR-ACAD-SDR",
        (
            M("SDR-01", "Steel and aluminum properties", 3),
            M("SDR-02", "Damage analysis and panel access", 3),
            M("SDR-03", "Hammer and dolly techniques", 5),
            M("SDR-04", "Stud welding and pulling", 4),
            M("SDR-05", "Aluminum dent repair and heat control", 5),
            M("SDR-06", "Shrinking and stress relief", 3),
            M("SDR-07", "Metal finishing and quality checks", 3),
        ),
    ),
    AreaSeed(
        "PREP",
        "Preparation for Refinish",
        "ICAR-ACAD-PREP",
        (
            M("PREP-01", "Refinish safety and respiratory protection", 4),
            M("PREP-02", "Surface cleaning and paint film identification", 3),
            M("PREP-03", "Sanding, featheredging and abrasive selection", 5),
            M("PREP-04", "Body filler application and shaping", 5),
            M("PREP-05", "Masking techniques", 4),
            M("PREP-06", "Primer selection and application", 4),
            M("PREP-07", "Block sanding and sealer preparation", 4),
        ),
    ),
)

del M
