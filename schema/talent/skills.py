"""Canonical skills, and what became of free-text skills on save."""

from __future__ import annotations

import functools
from typing import Annotated

import strawberry

from resolvers.talent import skills
from schema.relay import encode_id


@strawberry.type(
    description="A canonical skill of the trade (reference data): what free-text skills are matched to, "
    "and what matching compares."
)
class Skill:
    pk: strawberry.Private[int]
    name: str = strawberry.field(description="The skill's canonical name, e.g. 'MIG welding'.")

    @strawberry.field(description="The skill's global ID; stable across releases.")
    def id(self) -> strawberry.ID:
        return encode_id("Skill", self.pk)

    @strawberry.field(description="Other names matched to this skill when given as free text.")
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
    name: str = strawberry.field(description="The canonical skill's name; give it as is to be matched.")
    score: float = strawberry.field(description="Similarity to the text given, 0-100; higher is closer.")


@strawberry.type(description="Text kept as given because it matched no canonical skill, with the closest ones.")
class SkillSuggestion:
    given: str = strawberry.field(description="The text as it was given (trimmed).")
    suggestions: list[SkillMatch] = strawberry.field(
        description="Up to three canonical skills close to it, closest first; empty when none is close."
    )


def suggestions_of(normalized: skills.NormalizedSkills | None) -> list[SkillSuggestion]:
    if normalized is None:
        return []
    return [
        SkillSuggestion(given=u.given, suggestions=[SkillMatch(name=s.name, score=s.score) for s in u.suggestions])
        for u in normalized.unknown
    ]


@strawberry.type
class SkillQueries:
    @strawberry.field(
        description="The skills vocabulary in its fixed order; with `search`, the closest skills first "
        "(for autocomplete). Public."
    )
    def skills(
        self,
        search: Annotated[
            str | None, strawberry.argument(description="Text to match against skill names and aliases.")
        ] = None,
        first: Annotated[
            int, strawberry.argument(description="How many skills to return, from 1 to 100 (OUT_OF_RANGE otherwise).")
        ] = 20,
    ) -> list[Skill]:
        return skill_list(skills.search(search, first))
