"""Skills vocabulary of the trade: canonical skills with the abbreviations and slang people type.

Slugs are unique; aliases are unique case-insensitively across all skills and never repeat a skill name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SkillSeed:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()


S = SkillSeed

SKILLS: tuple[SkillSeed, ...] = (
    # --- collision: joining ---
    S("mig-welding", "MIG welding", ("gmaw", "mig", "wire feed welding", "mig welding steel")),
    S(
        "strsw-spot-welding",
        "STRSW spot welding",
        ("strsw", "spot welding", "resistance spot welding", "squeeze type resistance spot welding"),
    ),
    S("aluminum-welding", "Aluminum welding", ("aluminium welding", "aluminum mig", "pulse mig welding", "al welding")),
    S("mig-brazing", "MIG brazing", ("mig braze", "silicon bronze brazing", "braze welding")),
    S("plasma-cutting", "Plasma cutting", ("plasma", "plasma arc cutting")),
    S("rivet-bonding", "Rivet bonding", ("self-piercing rivets", "spr", "riveting", "blind rivets")),
    S("adhesive-bonding", "Adhesive bonding", ("panel bonding", "structural adhesive", "weld bonding")),
    # --- collision: body and structural ---
    S(
        "panel-replacement",
        "Panel replacement",
        ("panel replace", "bolt-on panels", "r&r panels", "remove and replace"),
    ),
    S("sectioning", "Sectioning", ("panel sectioning", "rail sectioning", "pillar sectioning")),
    S("frame-measuring", "Frame measuring", ("3d measuring", "damage measurement", "frame measurement", "measuring")),
    S("frame-straightening", "Frame straightening", ("frame pulling", "pulling", "unibody repair", "structural pulls")),
    S("metal-straightening", "Metal straightening", ("hammer and dolly", "metal finishing", "dent repair", "bumping")),
    S(
        "paintless-dent-repair",
        "Paintless dent repair",
        ("pdr", "paintless dent removal", "small dent removal", "glue pulling"),
    ),
    S("plastic-repair", "Plastic repair", ("plastic welding", "bumper repair", "nitrogen plastic welding")),
    S("body-filler", "Body filler application", ("bondo", "filler", "mud", "skim coat")),
    S("corrosion-protection", "Corrosion protection", ("rustproofing", "cavity wax", "seam sealing", "anti-corrosion")),
    S("disassembly-reassembly", "Disassembly and reassembly", ("d&r", "r&i", "remove and install", "teardown")),
    S("glass-replacement", "Automotive glass replacement", ("auto glass", "windshield replacement", "glazing")),
    S(
        "adas-calibration",
        "ADAS calibration",
        ("adas", "radar calibration", "camera calibration", "static calibration", "dynamic calibration"),
    ),
    S("pre-post-scanning", "Pre- and post-repair scanning", ("pre-scan", "post-scan", "pre and post scan")),
    # --- refinish ---
    S("surface-preparation", "Surface preparation", ("prep", "sanding", "featheredging", "block sanding")),
    S("masking", "Masking", ("tape and paper", "back masking", "back-taping")),
    S("primer-application", "Primer application", ("priming", "primer", "sealer application")),
    S("spray-gun-technique", "Spray gun technique", ("spray technique", "gun technique", "hvlp", "spraying")),
    S("color-matching", "Color matching", ("tinting", "color match", "colour matching", "blending", "spectro")),
    S("paint-mixing", "Paint mixing", ("mixing paint", "paint formula", "mixing")),
    S(
        "buffing-polishing",
        "Buffing and polishing",
        ("buffing", "polishing", "compounding", "color sanding", "cut and buff", "wet sanding"),
    ),
    S("paint-defect-repair", "Paint defect repair", ("denibbing", "dirt nibbing", "runs and sags", "paint defects")),
    S("detailing", "Detailing", ("auto detailing", "car detailing", "reconditioning")),
    # --- mechanical ---
    S("brake-service", "Brake service", ("brakes", "brake job", "brake repair", "pads and rotors")),
    S("suspension-steering", "Suspension and steering", ("suspension", "steering", "front end", "struts and shocks")),
    S("wheel-alignment", "Wheel alignment", ("alignment", "4-wheel alignment", "four wheel alignment")),
    S("tire-service", "Tire service", ("tires", "tire mounting", "tire balancing", "tire rotation", "flat repair")),
    S(
        "oil-change-maintenance",
        "Oil change and maintenance",
        ("oil change", "lube", "lof", "quick lube", "preventive maintenance", "pm service"),
    ),
    S(
        "engine-diagnostics",
        "Engine diagnostics",
        ("driveability", "drivability", "engine performance", "check engine light", "cel"),
    ),
    S("engine-repair", "Engine repair", ("engine rebuild", "engine overhaul", "timing belt", "head gasket")),
    S(
        "drivetrain-repair",
        "Transmission and drivetrain repair",
        ("transmission", "drivetrain", "clutch replacement", "trans repair", "differential"),
    ),
    S("hvac-service", "HVAC service", ("hvac", "a/c service", "ac repair", "air conditioning", "refrigerant recovery")),
    # --- electrical and EV ---
    S("scan-tool-diagnostics", "Scan-tool diagnostics", ("scan tool", "scanning", "obd2", "obd-ii", "code reading")),
    S(
        "electrical-diagnostics",
        "Electrical diagnostics",
        ("electrical troubleshooting", "wiring diagrams", "wiring repair", "circuit diagnosis", "multimeter"),
    ),
    S("module-programming", "Module programming", ("reflash", "flashing", "ecu programming", "coding", "module setup")),
    S(
        "battery-charging-systems",
        "Battery and charging systems",
        ("battery testing", "charging system", "starting and charging", "battery replacement"),
    ),
    S("high-voltage-safety", "High-voltage safety", ("hv safety", "ev safety", "depowering", "hv disable", "nfpa 70e")),
    S(
        "hybrid-ev-service",
        "Hybrid and EV service",
        ("ev repair", "electric vehicle service", "hybrid repair", "ev", "bev", "hev"),
    ),
    # --- diesel ---
    S("diesel-engine-repair", "Diesel engine repair", ("diesel", "diesel repair", "diesel engines")),
    S("diesel-aftertreatment", "Diesel aftertreatment", ("dpf", "scr", "def system", "emissions aftertreatment")),
    S("air-brakes", "Air brake systems", ("air brakes", "s-cam brakes", "air brake")),
    S("hydraulics", "Hydraulic systems", ("hydraulics", "hydraulic repair")),
    # --- estimating and production ---
    S(
        "estimating",
        "Damage estimating",
        ("estimating", "ccc one", "ccc", "mitchell", "audatex", "writing estimates", "appraisal"),
    ),
    S("damage-analysis", "Damage analysis", ("damage assessment", "blueprinting", "repair planning", "damage mapping")),
    S(
        "oem-repair-procedures",
        "OEM repair procedure research",
        ("oem procedures", "repair information", "position statements", "oem research"),
    ),
    S("parts-management", "Parts management", ("parts ordering", "parts lookup", "parts counter")),
    # --- shop soft skills ---
    S(
        "customer-service",
        "Customer service",
        ("customer relations", "service writing", "service advisor", "customer communication"),
    ),
    S("teamwork", "Teamwork", ("team player", "collaboration", "working in teams")),
    S("communication", "Communication", ("verbal communication", "written communication", "communication skills")),
    S("time-management", "Time management", ("productivity", "punctuality", "cycle time")),
    S("problem-solving", "Problem solving", ("troubleshooting", "critical thinking")),
    S("shop-safety", "Shop safety", ("osha", "ppe use", "safety compliance", "hazmat handling", "sds")),
    S("work-ethic", "Work ethic", ("reliability", "professionalism", "dependability")),
)

del S
