"""The reference data the matching engine reads: substitutability and trades name only what exists."""

from __future__ import annotations

from db.enums.accounts import Program
from db.reference.categories import CATEGORIES
from db.reference.credentials import CREDENTIALS
from db.reference.skills import SKILLS
from db.reference.substitutes import KINDS, SUBSTITUTES
from db.reference.trades import CREDENTIAL_TRADES, RELATED_PROGRAMS, SKILL_TRADES, credential_trade, trades_of

SLUGS = {c.slug for c in CATEGORIES}
LEAVES = {c.slug for c in CATEGORIES if c.parent is not None}


def test_every_substitution_names_two_known_categories_once_with_a_reason():
    pairs = [(s.need, s.listing) for s in SUBSTITUTES]
    assert len(pairs) == len(set(pairs))
    for s in SUBSTITUTES:
        assert {s.need, s.listing} <= SLUGS and s.need != s.listing
        assert 0.0 <= s.fit <= 1.0 and len(s.reason) > 20


def test_every_item_category_has_a_kind():
    assert set(KINDS) == LEAVES


def test_trades_name_known_programs_credentials_and_skills():
    programs = {p.value for p in Program}
    assert {p for pair in RELATED_PROGRAMS for p in pair} <= programs
    assert set(CREDENTIAL_TRADES.values()) | set(SKILL_TRADES.values()) <= programs
    assert set(SKILL_TRADES) <= {s.slug for s in SKILLS}
    codes = {c.code for c in CREDENTIALS}
    assert all(any(code.startswith(prefix) for code in codes) for prefix in CREDENTIAL_TRADES)


def test_a_credential_tells_a_trade_before_skills_do():
    assert credential_trade("ASE-B2") == "REFINISH" and credential_trade("ASE-A9") == "DIESEL"
    assert credential_trade("ICAR-REF-PL2") == "REFINISH" and credential_trade("ICAR-SST-PL3") == "COLLISION"
    assert trades_of(["ASE-B2"], ["brake-service"]) == {"REFINISH"}
    assert trades_of([], ["brake-service", "wheel-alignment", "masking"]) == {"AUTOMOTIVE"}
    assert trades_of([], ["teamwork"]) == set()
