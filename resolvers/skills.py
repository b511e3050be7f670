"""Free-text skills to canonical skill ids, with suggestions for text that matches none.

The vocabulary is reference data shipped with stable ids (position in db/reference/skills.py), so it
is built once per process and never read from the database.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from db.reference.skills import SKILLS
from resolvers.errors import ErrorCode
from resolvers.validation import Checks

# High enough that "TIG welding" is not taken for "MIG welding" (ratio 90.9), low enough for typos.
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


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


@dataclass(frozen=True)
class _Vocabulary:
    terms: list[str]  # every name and alias, lowercased
    term_skill: list[int]  # the skill id of each term
    exact: dict[str, int]
    names: dict[int, str]


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    terms, term_skill, names = [], [], {}
    for skill_id, seed in enumerate(SKILLS, start=1):
        names[skill_id] = seed.name
        for term in (seed.name, *seed.aliases):
            terms.append(_key(term))
            term_skill.append(skill_id)
    return _Vocabulary(terms, term_skill, dict(zip(terms, term_skill)), names)


def skill_name(skill_id: int) -> str | None:
    return vocabulary().names.get(skill_id)


def suggestions(text: str) -> tuple[Suggestion, ...]:
    vocab = vocabulary()
    best: dict[int, float] = {}
    for _term, score, index in process.extract(_key(text), vocab.terms, scorer=fuzz.WRatio, limit=15):
        skill_id = vocab.term_skill[index]
        if score >= SUGGEST_SCORE and score > best.get(skill_id, -1):
            best[skill_id] = score
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:MAX_SUGGESTIONS]
    return tuple(Suggestion(skill_id, vocab.names[skill_id], round(score, 1)) for skill_id, score in ranked)


def match(text: str) -> int | None:
    """The canonical skill id for one piece of text, or None."""
    vocab = vocabulary()
    key = _key(text)
    if key in vocab.exact:
        return vocab.exact[key]
    found = process.extractOne(key, vocab.terms, scorer=fuzz.token_sort_ratio, score_cutoff=ACCEPT_SCORE)
    return vocab.term_skill[found[2]] if found else None


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
    for text in given:
        skill_id = match(text)
        if skill_id is not None:
            if skill_id not in skill_ids:
                skill_ids.append(skill_id)
        elif _key(text) not in {_key(o) for o in other}:
            other.append(text)
            unknown.append(UnknownSkill(text, suggestions(text)))
    return NormalizedSkills(skill_ids, other, unknown)


def search(text: str | None, limit: int = 20) -> list[int]:
    """Skill ids for an autocomplete box: every skill when empty, else the closest names and aliases."""
    vocab = vocabulary()
    if not text or not text.strip():
        return list(vocab.names)[:limit] if limit else list(vocab.names)
    best: dict[int, float] = {}
    for _term, score, index in process.extract(_key(text), vocab.terms, scorer=fuzz.WRatio, limit=limit * 3):
        skill_id = vocab.term_skill[index]
        if score >= SUGGEST_SCORE:
            best[skill_id] = max(score, best.get(skill_id, 0))
    return [skill_id for skill_id, _ in sorted(best.items(), key=lambda item: (-item[1], item[0]))][:limit]


def skill_aliases(skill_id: int) -> tuple[str, ...]:
    return SKILLS[skill_id - 1].aliases if 1 <= skill_id <= len(SKILLS) else ()
