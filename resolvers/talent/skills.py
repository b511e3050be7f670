"""Free-text skills to canonical skill ids, with suggestions for text that matches none.

The vocabulary is reference data shipped with stable ids (position in db/reference/skills.py), so it
is built once per process and never read from the database. Matching runs over its few hundred names
and aliases (`matching.vocabulary`), once, on write: profiles store ids, and ranking compares ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.errors import ErrorCode
from core.paging import check_first
from core.validation import Checks, search_text
from db.reference.skills import SKILLS
from matching.vocabulary import Vocabulary

# High enough that "TIG welding" is not taken for "MIG welding" (90.9), low enough for typos.
ACCEPT_SCORE = 92.0
SUGGEST_SCORE = 70.0
MAX_SUGGESTIONS = 3
MAX_SKILLS = 50
MAX_SKILL_LENGTH = 100


@dataclass(frozen=True)
class Suggestion:
    skill_id: int
    name: str
    score: float


@dataclass(frozen=True)
class UnknownSkill:
    given: str
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class NormalizedSkills:
    skill_ids: list[int]
    other_skills: list[str]
    unknown: list[UnknownSkill]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    entries = ((skill_id, seed.name, seed.aliases) for skill_id, seed in enumerate(SKILLS, start=1))
    return Vocabulary(entries, accept=ACCEPT_SCORE, suggest=SUGGEST_SCORE)


def skill_name(skill_id: int) -> str | None:
    return vocabulary().names.get(skill_id)


def suggestions(text: str) -> tuple[Suggestion, ...]:
    vocab = vocabulary()
    return tuple(
        Suggestion(skill_id, vocab.name(skill_id), round(score, 1))
        for skill_id, score in vocab.rank(text, MAX_SUGGESTIONS)
    )


def match(text: str) -> int | None:
    """The canonical skill id for one piece of text, or None (unknown, or too close to call)."""
    return vocabulary().normalize([text])[0].id


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def normalize(given: list[str] | None, field: str = "skills") -> NormalizedSkills:
    """Canonical ids for what matched; the rest kept as given (trimmed) and reported with suggestions."""
    checks = Checks()
    given = [text.strip() for text in given or () if text and text.strip()]
    if len(given) > MAX_SKILLS:
        checks.add(ErrorCode.OUT_OF_RANGE, f"Give at most {MAX_SKILLS} skills.", field)
    if any(len(text) > MAX_SKILL_LENGTH for text in given):
        checks.add(ErrorCode.TOO_LONG, f"Each skill must be at most {MAX_SKILL_LENGTH} characters.", field)
    checks.raise_any()
    skill_ids: list[int] = []
    other: list[str] = []
    unknown: list[UnknownSkill] = []
    for term in vocabulary().normalize(given):
        if term.id is not None:
            if term.id not in skill_ids:
                skill_ids.append(term.id)
        elif _key(term.text) not in {_key(o) for o in other}:
            other.append(term.text)
            found = tuple(Suggestion(i, name, round(score, 1)) for i, name, score in term.suggestions)
            unknown.append(UnknownSkill(term.text, found[:MAX_SUGGESTIONS]))
    return NormalizedSkills(skill_ids, other, unknown)


def search(text: str | None, limit: int = 20) -> list[int]:
    """Skill ids for an autocomplete box: the first `limit` skills when empty, else the closest names
    and aliases."""
    check_first(limit)
    text = search_text(text, "search")
    vocab = vocabulary()
    if not text:
        return list(vocab.names)[:limit]
    return [skill_id for skill_id, _ in vocab.rank(text, limit)]


def skill_aliases(skill_id: int) -> tuple[str, ...]:
    return SKILLS[skill_id - 1].aliases if 1 <= skill_id <= len(SKILLS) else ()
