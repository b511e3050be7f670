"""Canonical skills, and what became of free-text skills on save."""

from __future__ import annotations

import functools

import strawberry

from resolvers.talent import skills
from schema.relay import encode_id


@strawberry.type(description="A canonical skill of the trade.")
class Skill:
    pk: strawberry.Private[int]
    name: str

    @strawberry.field
    def id(self) -> strawberry.ID:
        return encode_id("Skill", self.pk)

    @strawberry.field(description="What people also call it.")
    def aliases(self) -> list[str]:
        return list(skills.skill_aliases(self.pk))

    @classmethod
    def of(cls, skill_id: int) -> Skill | None:
        return _skill(skill_id)


@functools.cache
def _skill(skill_id: int) -> Skill | None:
    """One immutable object per canonical skill (reference data), shared by every request."""
    name = skills.skill_name(skill_id)
    return Skill(pk=skill_id, name=name) if name else None


def skill_list(skill_ids: list[int] | None) -> list[Skill]:
    return [skill for skill in (Skill.of(i) for i in skill_ids or ()) if skill]


@strawberry.type(description="A canonical skill close to text that matched none.")
class SkillMatch:
    name: str
    score: float = strawberry.field(description="Similarity, 0-100.")


@strawberry.type(description="Text kept as given because it matched no canonical skill, with the closest ones.")
class SkillSuggestion:
    given: str
    suggestions: list[SkillMatch]


def suggestions_of(normalized: skills.NormalizedSkills | None) -> list[SkillSuggestion]:
    if normalized is None:
        return []
    return [
        SkillSuggestion(given=u.given, suggestions=[SkillMatch(name=s.name, score=s.score) for s in u.suggestions])
        for u in normalized.unknown
    ]


@strawberry.type
class SkillQueries:
    @strawberry.field(description="The skills vocabulary; with `search`, the closest skills (for autocomplete).")
    def skills(self, search: str | None = None, first: int = 20) -> list[Skill]:
        return skill_list(skills.search(search, max(0, min(first, 100))))
