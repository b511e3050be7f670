"""Demo people and organizations around Detroit, Lansing and Grand Rapids, at real ZIP codes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.enums.accounts import Program, SchoolTier, TaxStatus
from db.models import Membership, Organization, User
from matching.geo import zip_centroid

REGION = [
    ("Detroit", "48226"),
    ("Dearborn", "48126"),
    ("Warren", "48089"),
    ("Troy", "48083"),
    ("Southfield", "48075"),
    ("Livonia", "48150"),
    ("Pontiac", "48342"),
    ("Sterling Heights", "48310"),
    ("Ann Arbor", "48104"),
    ("Ypsilanti", "48197"),
    ("Flint", "48502"),
    ("Lansing", "48933"),
    ("Grand Rapids", "49503"),
    ("Kalamazoo", "49007"),
    ("Jackson", "49201"),
    ("Saginaw", "48607"),
]
SCHOOL_NAMES = ["Career Tech Center", "Community College", "Technical High School", "Institute of Technology"]
DONOR_NAMES = ["Collision Center", "Auto Group", "Insurance Claims Office", "Paint Supply", "Tool Distributors"]
EMPLOYER_NAMES = ["Body Shop", "Auto Service", "Collision Repair", "Diesel & Fleet", "Dealership Service"]

# One demo account per role; the README lists them.
DEMO_ACCOUNTS = {
    "school": ("school@demo.shopready.dev", "Dana Instructor"),
    "donor": ("donor@demo.shopready.dev", "Sam Donor"),
    "employer": ("employer@demo.shopready.dev", "Erin Shop-Owner"),
    "student": ("student@demo.shopready.dev", "Alex Student"),
    "mentor": ("mentor@demo.shopready.dev", "Morgan Mentor"),
    "staff": ("staff@demo.shopready.dev", "Pat Coordinator"),
}


def _place(world, index: int) -> dict:
    city, code = REGION[index % len(REGION)]
    point = zip_centroid(code)
    if point is None:
        raise ValueError(f"demo ZIP code {code} is not in the bundled data")
    lat, lon = point
    return {"city": city, "state": "MI", "postal_code": code, "latitude": lat, "longitude": lon}


SIGNERS = [("Dana Instructor", "Collision Program Director"), ("Sam Rivera", "Dean of Career and Technical Education")]


def _tax_profile(school: Organization, index: int) -> None:
    """What a donor's tax records need on each receipt: a public school district or college (170(c)(1)), or a
    private nonprofit institute (501(c)(3)); EINs with Michigan's 38 prefix."""
    private = school.name.endswith("Institute of Technology")
    school.legal_name = f"{school.city} {'Technical Institute, Inc.' if private else 'Public Schools'}"
    school.tax_status = TaxStatus.NONPROFIT_501C3.value if private else TaxStatus.PUBLIC_SCHOOL.value
    school.tax_id = f"38-{1_234_567 + index * 104_729:07d}"  # derived, not drawn: the random stream stays as it was
    school.street = f"{100 + index * 10} Main Street"
    school.signer_name, school.signer_title = SIGNERS[0] if index == 0 else SIGNERS[1]


async def seed(session: AsyncSession, world) -> None:
    rng = world.rng
    for role, (email, name) in DEMO_ACCOUNTS.items():
        user = User(
            email=email,
            name=name,
            password_hash=world.password_hash,
            is_staff=role == "staff",
            email_verified_at=utcnow(),
        )
        session.add(user)
        world.users[role] = user
    await session.flush()

    def organization(kind: str, index: int, suffixes: list[str]) -> Organization:
        place = _place(world, index * 7 + len(kind))
        # donors and employers take their kinds in turn (what they give or hire depends on it)
        suffix = rng.choice(suffixes) if kind == "SCHOOL" else suffixes[index % len(suffixes)]
        return Organization(
            name=f"{place['city']} {suffix}" + (f" #{index + 1}" if index >= len(REGION) else ""),
            description=f"A {kind.lower()} in {place['city']}, Michigan.",
            website=f"https://example.org/{kind.lower()}/{index + 1}",
            is_school=kind == "SCHOOL",
            is_donor=kind == "DONOR" or (kind == "EMPLOYER" and index % 3 == 0),  # many shops also donate
            is_employer=kind == "EMPLOYER",
            contact_email=f"contact{index + 1}@{kind.lower()}.example.org",
            contact_phone=f"(313) 555-{1000 + index:04d}",
            **place,
        )

    for i in range(6 * world.scale):
        school = organization("SCHOOL", i, SCHOOL_NAMES)
        # most programs on the exchange teach collision repair; some add refinish, automotive or diesel
        others = rng.sample(
            [Program.REFINISH.value, Program.AUTOMOTIVE.value, Program.DIESEL.value], k=rng.randint(0, 2)
        )
        school.programs = sorted(([Program.COLLISION.value] if i == 0 or rng.random() < 0.8 else []) + others) or [
            Program.AUTOMOTIVE.value
        ]
        school.enrollment = rng.randint(20, 400)
        accredited = {
            Program.COLLISION.value: "ASE Education Foundation: Collision Repair & Refinish",
            Program.AUTOMOTIVE.value: "ASE Education Foundation: Automobile (MLR)",
        }
        school.accreditation = rng.choice([None, *(accredited[p] for p in school.programs if p in accredited)])
        school.tier = rng.choice([t.value for t in SchoolTier])
        _tax_profile(school, i)
        world.schools.append(school)
    world.donors += [organization("DONOR", i, DONOR_NAMES) for i in range(6 * world.scale)]
    world.employers += [organization("EMPLOYER", i, EMPLOYER_NAMES) for i in range(5 * world.scale)]
    session.add_all(world.schools + world.donors + world.employers)
    await session.flush()

    for role, organizations in (("school", world.schools), ("donor", world.donors), ("employer", world.employers)):
        session.add(Membership(organization_id=organizations[0].id, user_id=world.users[role].id, role="OWNER"))
