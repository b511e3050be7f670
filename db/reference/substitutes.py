"""What can stand in for what: the equipment substitutability the matching engine and the
allocation plan use, from the trade's practice (see the facts in `/work/shared/reference/domain.md`,
"What can stand in for what", and the sources named beside each entry).

How a listing's category is worth to a need's (`matching.taxonomy`):
- the same category fits fully: a newer model of the same tool fills an older one's need (a
  condition below the need's minimum never does; that is checked on its own);
- a need that names a whole family (a root such as "Welding and joining") is partly met by any
  item of it, and a listing that names only a family is worth less to a specific need;
- across categories, only the SUBSTITUTES below, each with its fit and the reason shown to people;
- everything else does not fit: NOT_SUBSTITUTES names the pairs people most often try, with the
  reason the trade gives, and `KINDS` explains the rest (a consumable never fills a tool or
  equipment need, nor the reverse; a part is not a vehicle; a service is not equipment).

Slugs refer to `db.reference.categories`; a test checks every slug exists and every pair is new.
"""

from __future__ import annotations

from dataclasses import dataclass

# What each category is, so an exclusion can say why two items of one family do not stand in for
# each other. Consumables are used up in the work (paint, primer, discs); equipment is installed
# or heavy (booths, frame machines, lifts); tools are handled; parts are fitted to a vehicle.
EQUIPMENT, TOOL, CONSUMABLE, PART, VEHICLE, SAFETY, SUBSCRIPTION, APPAREL, SERVICE = (
    "piece of equipment",
    "tool",
    "consumable",
    "part",
    "vehicle",
    "piece of safety gear",
    "subscription",
    "uniform",
    "service",
)

KINDS: dict[str, str] = {
    "structural-frame-machine": EQUIPMENT,
    "structural-measuring-system": EQUIPMENT,
    "structural-anchoring-clamps": TOOL,
    "welding-mig-steel": EQUIPMENT,
    "welding-mig-aluminum": EQUIPMENT,
    "welding-strsw": EQUIPMENT,
    "welding-plasma-cutter": EQUIPMENT,
    "welding-rivet-guns": TOOL,
    "welding-adhesive-dispensers": TOOL,
    "refinish-paint-booth": EQUIPMENT,
    "refinish-mixing-system": EQUIPMENT,
    "refinish-spray-guns": TOOL,
    "refinish-prep-station": EQUIPMENT,
    "refinish-ir-curing-lamps": EQUIPMENT,
    "refinish-paint-clearcoat": CONSUMABLE,
    "refinish-primers": CONSUMABLE,
    "refinish-abrasives": CONSUMABLE,
    "body-tools-dent-repair-kits": TOOL,
    "body-tools-pdr-tools": TOOL,
    "body-tools-da-sanders": TOOL,
    "body-tools-hammers-dollies": TOOL,
    "body-tools-plastic-repair-kit": TOOL,
    "diagnostics-scan-tools": TOOL,
    "diagnostics-adas-targets": EQUIPMENT,
    "diagnostics-multimeters": TOOL,
    "diagnostics-battery-service": EQUIPMENT,
    "diagnostics-hv-safety-kit": SAFETY,
    "mechanical-vehicle-lifts": EQUIPMENT,
    "mechanical-wheel-alignment": EQUIPMENT,
    "mechanical-tire-changer": EQUIPMENT,
    "mechanical-wheel-balancer": EQUIPMENT,
    "mechanical-ac-recovery": EQUIPMENT,
    "mechanical-brake-lathe": EQUIPMENT,
    "vehicles-parts-training-vehicles": VEHICLE,
    "vehicles-parts-engines": PART,
    "vehicles-parts-transmissions": PART,
    "vehicles-parts-bumper-covers": PART,
    "vehicles-parts-fenders": PART,
    "vehicles-parts-quarter-panels": PART,
    "vehicles-parts-doors": PART,
    "safety-respirators": SAFETY,
    "safety-ppe": SAFETY,
    "safety-eyewash-stations": EQUIPMENT,
    "safety-fr-welding-gear": SAFETY,
    "classroom-curriculum": SUBSCRIPTION,
    "classroom-estimating-software": SUBSCRIPTION,
    "classroom-repair-information": SUBSCRIPTION,
    "classroom-student-uniforms": APPAREL,
    "classroom-starter-tool-kits": TOOL,
    "services-guest-speaker": SERVICE,
    "services-job-shadow": SERVICE,
    "services-shop-tour": SERVICE,
    "services-internship-slots": SERVICE,
    "services-career-fair": SERVICE,
    "services-ev-demonstration": SERVICE,
    "services-mock-interviews": SERVICE,
}


@dataclass(frozen=True)
class Substitute:
    """A listing in category `listing` offered for a need in category `need`: `fit` 0 means
    never (the reason says why), otherwise how well it stands in (1 = as good as the item)."""

    need: str
    listing: str
    fit: float
    reason: str


SUBSTITUTES: tuple[Substitute, ...] = (
    # --- welding ---
    # An aluminum-capable pulse MIG (spool or push-pull gun) welds steel too with a steel wire and
    # liner, so it fills a steel MIG need; not fully, because I-CAR's aluminum repair guidance
    # asks for aluminum equipment kept to a segregated area, and a school may keep it there.
    # Source: domain reference ("a pulse MIG welder ... fills a plain steel MIG need"); I-CAR
    # Aluminum Structural Technician curriculum; Lincoln/Miller pulse MIG product literature.
    Substitute(
        "welding-mig-steel",
        "welding-mig-aluminum",
        0.7,
        "an aluminum-capable pulse MIG also welds steel with a steel wire and liner (it may be kept for aluminum)",
    ),
    # Vehicle makers' repair procedures call for squeeze-type resistance spot welds to replace
    # factory spot welds; a MIG plug weld is not equivalent where STRSW is specified, and the
    # reverse does not hold either. Source: domain reference; OEM position statements on
    # spot-weld replacement (e.g. Honda, Toyota collision repair information); I-CAR "Welding
    # Training & Certification: STRSW".
    Substitute(
        "welding-strsw",
        "welding-mig-steel",
        0.0,
        "a MIG welder never fills a spot-welder need: repair procedures call for squeeze-type resistance spot welds",
    ),
    Substitute(
        "welding-strsw",
        "welding-mig-aluminum",
        0.0,
        "a MIG welder never fills a spot-welder need: repair procedures call for squeeze-type resistance spot welds",
    ),
    Substitute(
        "welding-mig-steel",
        "welding-strsw",
        0.0,
        "a spot welder does not fill a MIG need: plug welds, seams and sectioning joints need MIG",
    ),
    # Aluminum repair needs an aluminum-capable pulse MIG; a steel MIG does not do it. Source:
    # domain reference; I-CAR aluminum repair courses.
    Substitute(
        "welding-mig-aluminum",
        "welding-mig-steel",
        0.0,
        "a steel MIG does not fill an aluminum need: aluminum needs a pulse MIG with a spool or push-pull gun",
    ),
    Substitute(
        "welding-plasma-cutter",
        "welding-mig-steel",
        0.0,
        "a welder is not a plasma cutter: one joins metal, the other cuts it",
    ),
    Substitute(
        "welding-mig-steel",
        "welding-plasma-cutter",
        0.0,
        "a plasma cutter is not a welder: one cuts metal, the other joins it",
    ),
    # --- structural ---
    # A frame/bench straightening system and a measuring system are separate needs. Source:
    # domain reference; I-CAR Steel Structural Technician role (measure, then pull).
    Substitute(
        "structural-frame-machine",
        "structural-measuring-system",
        0.0,
        "a measuring system measures damage but cannot pull it: it does not fill a frame-machine need",
    ),
    Substitute(
        "structural-measuring-system",
        "structural-frame-machine",
        0.0,
        "a frame machine pulls but does not measure: it does not fill a measuring-system need",
    ),
    # --- refinish: booth, prep station, guns and mixing are separate needs ---
    # Source: domain reference; ASE Education Foundation Painting & Refinishing task list.
    Substitute(
        "refinish-paint-booth",
        "refinish-prep-station",
        0.0,
        "a prep station is not a spray booth: it cannot hold a full paint job to code",
    ),
    Substitute(
        "refinish-prep-station",
        "refinish-paint-booth",
        0.0,
        "a spray booth is not a prep station: it is kept for spraying, prep work goes elsewhere",
    ),
    Substitute(
        "refinish-spray-guns",
        "refinish-paint-clearcoat",
        0.0,
        "clear coat is a consumable: a consumable never fills a tool need (spray guns)",
    ),
    Substitute(
        "refinish-spray-guns",
        "refinish-abrasives",
        0.0,
        "sanding discs are a consumable: a consumable never fills a tool need (spray guns)",
    ),
    # --- diagnostics and ADAS ---
    # ADAS calibration targets and frames are specific to calibration; a scan tool alone does
    # not fill that need. Source: domain reference; OEM ADAS calibration procedures.
    Substitute(
        "diagnostics-adas-targets",
        "diagnostics-scan-tools",
        0.0,
        "a scan tool alone does not fill an ADAS calibration need: calibration needs the targets and frames",
    ),
    # --- vehicles and parts ---
    # A training vehicle fills a disassembly or frame-pull need, not a parts need for a specific
    # panel; parts are fit by type. Source: domain reference; CREF donation guidance.
    *(
        Substitute(
            panel,
            "vehicles-parts-training-vehicles",
            0.0,
            "a training vehicle does not fill a need for a specific panel: parts are fit by type",
        )
        for panel in (
            "vehicles-parts-bumper-covers",
            "vehicles-parts-fenders",
            "vehicles-parts-quarter-panels",
            "vehicles-parts-doors",
        )
    ),
    # --- body tools ---
    # Paintless dent repair and stud-welder (paint-breaking) dent repair are different methods
    # with different tools. Source: I-CAR Academy "Aluminum & Steel Small Dent Removal".
    Substitute(
        "body-tools-pdr-tools",
        "body-tools-dent-repair-kits",
        0.0,
        "a stud-welder dent kit breaks the paint; it does not fill a paintless-dent-repair need",
    ),
    Substitute(
        "body-tools-dent-repair-kits",
        "body-tools-pdr-tools",
        0.0,
        "paintless dent tools do not pull the damage a stud-welder dent kit repairs",
    ),
    # --- safety ---
    # OSHA 29 CFR 1910.134 respirators need fit testing and a medical evaluation; general PPE
    # does not protect against isocyanate paint, and a respirator is not general PPE.
    Substitute(
        "safety-respirators",
        "safety-ppe",
        0.0,
        "general PPE does not fill a respirator need (OSHA 1910.134: fit-tested respirators for isocyanates)",
    ),
    # Class 0 insulated gloves and tools are rated for high voltage; general PPE is not.
    # Source: NFPA 70E; OEM EV repair procedures.
    Substitute(
        "diagnostics-hv-safety-kit",
        "safety-ppe",
        0.0,
        "general PPE is not rated for high voltage: it does not fill an EV safety-kit need",
    ),
)

del EQUIPMENT, TOOL, CONSUMABLE, PART, VEHICLE, SAFETY, SUBSCRIPTION, APPAREL, SERVICE
