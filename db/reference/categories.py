"""Equipment and service taxonomy: ten roots, one child per item a collision or automotive program needs.

Parents always precede their children, so the tuple can be inserted in order. Aliases are what people
type when searching or listing (abbreviations, trade slang, singular/plural, common misspellings); they
are unique case-insensitively across the whole taxonomy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CategorySeed:
    slug: str  # stable, kebab-case, unique
    name: str
    parent: str | None  # parent slug; None for the roots
    aliases: tuple[str, ...] = ()
    is_service: bool = False  # True for the services root and its children


C = CategorySeed

CATEGORIES: tuple[CategorySeed, ...] = (
    # --- roots (in display order) ---
    C("structural", "Structural", None, ("frame and structural", "structural repair")),
    C("welding", "Welding and joining", None, ("welders", "joining", "welding equipment")),
    C("refinish", "Refinish", None, ("refinishing", "paint shop", "paint department")),
    C("body-tools", "Body tools", None, ("body shop tools", "bodywork tools", "collision tools")),
    C("diagnostics", "Diagnostics and electrical", None, ("diagnostic equipment", "electrical", "diag")),
    C("mechanical", "Mechanical", None, ("mechanical equipment", "service bay equipment")),
    C("vehicles-parts", "Vehicles and parts", None, ("donated parts", "vehicles", "parts")),
    C("safety", "Safety", None, ("safety equipment", "personal protection")),
    C("classroom", "Classroom", None, ("instructional materials", "teaching resources")),
    C("services", "Services", None, ("school assist", "industry engagement", "volunteering"), True),
    # --- structural ---
    C(
        "structural-frame-machine",
        "Frame straightening machine",
        "structural",
        ("frame machine", "frame rack", "frame straightener", "frame bench", "pulling system", "frame machne"),
    ),
    C(
        "structural-measuring-system",
        "Electronic measuring system",
        "structural",
        (
            "measuring system",
            "3d measuring system",
            "electronic measuring",
            "frame measuring system",
            "computerized measuring",
        ),
    ),
    C(
        "structural-anchoring-clamps",
        "Anchoring and clamp sets",
        "structural",
        ("clamps", "clamp set", "pinch weld clamps", "anchoring system", "anchor clamps"),
    ),
    # --- welding and joining ---
    C(
        "welding-mig-steel",
        "MIG welder (steel)",
        "welding",
        ("mig welder", "mig", "gmaw welder", "wire feed welder", "mig welders", "steel welder"),
    ),
    C(
        "welding-mig-aluminum",
        "MIG welder (aluminum)",
        "welding",
        ("aluminum welder", "aluminum mig", "pulse mig", "spool gun", "aluminium welder", "aluminum pulse welder"),
    ),
    C(
        "welding-strsw",
        "Squeeze-type resistance spot welder (STRSW)",
        "welding",
        ("spot welder", "strsw", "resistance spot welder", "squeeze type spot welder", "spot welders"),
    ),
    C(
        "welding-plasma-cutter",
        "Plasma cutter",
        "welding",
        ("plasma", "plasma torch", "plasma cutters", "plazma cutter"),
    ),
    C(
        "welding-rivet-guns",
        "Rivet guns",
        "welding",
        ("rivet gun", "self-piercing rivet gun", "spr gun", "riveter", "blind rivet gun"),
    ),
    C(
        "welding-adhesive-dispensers",
        "Adhesive dispensers",
        "welding",
        ("adhesive gun", "adhesive dispenser", "panel bond gun", "two-part adhesive gun", "caulking gun"),
    ),
    # --- refinish ---
    C(
        "refinish-paint-booth",
        "Paint booth",
        "refinish",
        ("spray booth", "paint booth", "booth", "downdraft booth", "paint booths"),
    ),
    C(
        "refinish-mixing-system",
        "Paint mixing system and scale",
        "refinish",
        ("mixing scale", "paint scale", "mixing system", "mixing bank", "intermix", "tinting machine"),
    ),
    C(
        "refinish-spray-guns",
        "Spray guns",
        "refinish",
        ("spray gun", "paint gun", "hvlp gun", "hvlp", "spraygun", "paint guns"),
    ),
    C(
        "refinish-prep-station",
        "Prep station",
        "refinish",
        ("prep deck", "prep booth", "prep area", "prep stations", "open prep station"),
    ),
    C(
        "refinish-ir-curing-lamps",
        "Infrared curing lamps",
        "refinish",
        ("ir lamp", "infrared lamp", "curing lamp", "heat lamp", "ir curing", "infared lamp"),
    ),
    C(
        "refinish-paint-clearcoat",
        "Paint and clear coat",
        "refinish",
        ("paint", "clear coat", "clearcoat", "basecoat", "base coat", "clear"),
    ),
    C(
        "refinish-primers",
        "Primers",
        "refinish",
        ("primer", "epoxy primer", "primer surfacer", "sealer", "etch primer", "primmer"),
    ),
    C(
        "refinish-abrasives",
        "Abrasives and discs",
        "refinish",
        ("sandpaper", "sanding discs", "abrasives", "sanding paper", "scuff pads", "discs"),
    ),
    # --- body tools ---
    C(
        "body-tools-dent-repair-kits",
        "Dent repair kits",
        "body-tools",
        ("dent puller", "stud welder", "slide hammer", "dent repair kit", "stud gun"),
    ),
    C(
        "body-tools-pdr-tools",
        "Paintless dent repair tools",
        "body-tools",
        ("pdr", "pdr tools", "pdr rods", "glue pulling kit", "paintless dent removal"),
    ),
    C(
        "body-tools-da-sanders",
        "DA sanders",
        "body-tools",
        ("da sander", "da", "dual action sander", "orbital sander", "random orbital sander"),
    ),
    C(
        "body-tools-hammers-dollies",
        "Body hammers and dollies",
        "body-tools",
        ("body hammer", "dolly", "dollies", "hammer and dolly set", "dollys"),
    ),
    C(
        "body-tools-plastic-repair-kit",
        "Plastic repair kit",
        "body-tools",
        ("plastic welder", "bumper repair kit", "plastic repair", "nitrogen plastic welder"),
    ),
    # --- diagnostics and electrical ---
    C(
        "diagnostics-scan-tools",
        "Scan tools",
        "diagnostics",
        ("scan tool", "scanner", "diagnostic scanner", "obd2 scanner", "obd scanner", "code reader"),
    ),
    C(
        "diagnostics-adas-targets",
        "ADAS calibration targets",
        "diagnostics",
        ("adas", "adas targets", "adas calibration", "calibration frame", "radar calibration"),
    ),
    C(
        "diagnostics-multimeters",
        "Multimeters",
        "diagnostics",
        ("multimeter", "dmm", "voltmeter", "multi meter", "mulitmeter"),
    ),
    C(
        "diagnostics-battery-service",
        "Battery service equipment",
        "diagnostics",
        ("battery charger", "battery tester", "battery support unit", "power supply", "jump pack"),
    ),
    C(
        "diagnostics-hv-safety-kit",
        "EV/hybrid high-voltage safety kit",
        "diagnostics",
        ("hv gloves", "insulated gloves", "ev safety kit", "lineman gloves", "insulated tools", "high voltage kit"),
    ),
    # --- mechanical ---
    C(
        "mechanical-vehicle-lifts",
        "Vehicle lifts",
        "mechanical",
        ("lift", "car lift", "two post lift", "2 post lift", "four post lift", "hoist"),
    ),
    C(
        "mechanical-wheel-alignment",
        "Wheel alignment system",
        "mechanical",
        ("alignment machine", "aligner", "alignment rack", "wheel aligner", "alignment system"),
    ),
    C(
        "mechanical-tire-changer",
        "Tire changer",
        "mechanical",
        ("tire machine", "tyre changer", "tire mounting machine", "tire changers"),
    ),
    C(
        "mechanical-wheel-balancer",
        "Wheel balancer",
        "mechanical",
        ("balancer", "tire balancer", "balancing machine", "wheel balancers"),
    ),
    C(
        "mechanical-ac-recovery",
        "A/C recovery machine",
        "mechanical",
        ("ac machine", "a/c machine", "refrigerant recovery machine", "ac recharge machine", "1234yf machine"),
    ),
    C(
        "mechanical-brake-lathe",
        "Brake lathe",
        "mechanical",
        ("rotor lathe", "on-car brake lathe", "brake rotor lathe", "drum lathe"),
    ),
    # --- vehicles and parts ---
    C(
        "vehicles-parts-training-vehicles",
        "Training vehicles (including salvage vehicles)",
        "vehicles-parts",
        ("salvage vehicle", "salvage car", "donor vehicle", "project car", "total loss vehicle", "training vehicle"),
    ),
    C(
        "vehicles-parts-engines",
        "Engines",
        "vehicles-parts",
        ("engine", "motor", "crate engine", "training engine", "engine block"),
    ),
    C(
        "vehicles-parts-transmissions",
        "Transmissions",
        "vehicles-parts",
        ("transmission", "transaxle", "trans", "gearbox", "tranny"),
    ),
    C(
        "vehicles-parts-bumper-covers",
        "Bumper covers",
        "vehicles-parts",
        ("bumper cover", "bumper", "fascia", "bumper fascia", "bumpers"),
    ),
    C("vehicles-parts-fenders", "Fenders", "vehicles-parts", ("fender", "front fender", "wing", "fendor")),
    C(
        "vehicles-parts-quarter-panels",
        "Quarter panels",
        "vehicles-parts",
        ("quarter panel", "quarter", "qtr panel", "rear quarter", "quarters"),
    ),
    C("vehicles-parts-doors", "Doors", "vehicles-parts", ("door", "door shell", "door skin", "door assembly")),
    # --- safety ---
    C(
        "safety-respirators",
        "Respirators",
        "safety",
        ("respirator", "supplied air respirator", "fresh air system", "half mask respirator", "respirater"),
    ),
    C(
        "safety-ppe",
        "PPE",
        "safety",
        ("ppe", "personal protective equipment", "safety glasses", "nitrile gloves", "paint suit", "ear protection"),
    ),
    C(
        "safety-eyewash-stations",
        "Eyewash stations",
        "safety",
        ("eyewash", "eye wash", "eyewash station", "eye wash station", "emergency eyewash"),
    ),
    C(
        "safety-fr-welding-gear",
        "Fire-resistant welding gear",
        "safety",
        ("welding jacket", "welding helmet", "welding gloves", "fr clothing", "welding gear", "flame resistant gear"),
    ),
    # --- classroom ---
    C(
        "classroom-curriculum",
        "Curriculum subscriptions",
        "classroom",
        ("curriculum", "i-car academy", "online training", "course subscription", "training curriculum"),
    ),
    C(
        "classroom-estimating-software",
        "Estimating software licenses",
        "classroom",
        ("estimating software", "ccc one", "mitchell", "audatex", "estimating licence", "estimating license"),
    ),
    C(
        "classroom-repair-information",
        "Repair-information subscriptions",
        "classroom",
        ("repair information", "oem repair procedures", "service information", "repair manuals", "alldata"),
    ),
    C(
        "classroom-student-uniforms",
        "Student uniforms",
        "classroom",
        ("uniforms", "uniform", "shop shirts", "work shirts", "coveralls"),
    ),
    C(
        "classroom-starter-tool-kits",
        "Starter tool kits",
        "classroom",
        ("tool kit", "starter kit", "hand tools", "student tool set", "toolbox", "tool box"),
    ),
    # --- services (School Assist requests) ---
    C(
        "services-guest-speaker",
        "Guest speaker",
        "services",
        ("speaker", "classroom speaker", "industry speaker", "guest lecture"),
        True,
    ),
    C(
        "services-job-shadow",
        "Job shadow",
        "services",
        ("job shadowing", "shadowing", "shadow day", "job shadows"),
        True,
    ),
    C("services-shop-tour", "Shop tour", "services", ("field trip", "facility tour", "shop visit", "tour"), True),
    C(
        "services-internship-slots",
        "Internship slots",
        "services",
        ("internship", "internships", "intern", "apprenticeship", "work-based learning"),
        True,
    ),
    C(
        "services-career-fair",
        "Career fair attendance",
        "services",
        ("career fair", "job fair", "career day", "recruiting event"),
        True,
    ),
    C(
        "services-ev-demonstration",
        "EV demonstration",
        "services",
        ("ev demo", "electric vehicle demo", "hybrid demo", "ev showcase"),
        True,
    ),
    C(
        "services-mock-interviews",
        "Mock interviews",
        "services",
        ("mock interview", "practice interview", "interview practice", "resume review"),
        True,
    ),
)

del C
