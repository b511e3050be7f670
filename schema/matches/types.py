"""The shape every ranked match takes in the API: `{ cursor node score explanation }`, with the
explanation's skills and credentials as objects (skills from the cached vocabulary, credentials
from the cached catalogue; both are reference data)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from core.paging import Slice
from matching import Explanation
from resolvers.matches.paging import Ranked
from schema.relay import PageInfo
from schema.talent.credentials import Credential, catalogue_entries
from schema.talent.skills import Skill, skill_list

T = TypeVar("T")


@strawberry.type(description="One feature of a match score: its weight, its value in [0, 1] and why.")
class MatchComponent:
    name: str = strawberry.field(
        description="The feature, e.g. distance, skills or credentials; each kind of match has its own fixed set, "
        "named like the fields of CandidateWeightsInput for candidates."
    )
    weight: float = strawberry.field(description="The feature's weight (the score is the weighted mean).")
    value: float = strawberry.field(description="How well the pair does on this feature, from 0 (not at all) to 1.")
    reason: str = strawberry.field(
        description="Why, in English for people, e.g. '12.5 km away within 40.0 km' or '2 of 3 preferred "
        "skills'; not meant to be parsed."
    )


@strawberry.type(description="Why a pair scored what it did.")
class MatchExplanation:
    distance_km: float = strawberry.field(description="Great-circle kilometres between the two, to the metre.")
    components: list[MatchComponent] = strawberry.field(
        description="Every feature of the score, in the same order for every match of a kind; the score is the "
        "weighted mean of their values."
    )
    _explanation: strawberry.Private[Explanation]

    @classmethod
    def of(cls, explanation: Explanation) -> MatchExplanation:
        return cls(
            distance_km=round(explanation.distance_km, 3),
            components=[
                MatchComponent(name=c.name, weight=c.weight, value=c.value, reason=c.reason)
                for c in explanation.components
            ],
            _explanation=explanation,
        )

    @strawberry.field(description="Preferred skills the candidate has.")
    def matched_skills(self) -> list[Skill]:
        return skill_list(list(self._explanation.matched_skills))

    @strawberry.field(description="Preferred skills the candidate lacks.")
    def missing_skills(self) -> list[Skill]:
        return skill_list(list(self._explanation.missing_skills))

    @strawberry.field(description="Required credentials held, and preferred ones held and valid.")
    def matched_credentials(self) -> list[Credential]:
        return catalogue_entries(self._explanation.matched_credentials)

    @strawberry.field(description="Preferred credentials not held (or not valid on the start date).")
    def missing_credentials(self) -> list[Credential]:
        return catalogue_entries(self._explanation.missing_credentials)


@strawberry.type(description="One ranked match: the item, its score, and why it scored that.")
class MatchEdge(Generic[T]):
    cursor: str = strawberry.field(
        description="This match's place in the ranking; pass it as `after` for the matches ranked below it."
    )
    node: T = strawberry.field(description="The matched item.")
    score: float = strawberry.field(description="In [0, 1]; higher is a better match.")
    explanation: MatchExplanation = strawberry.field(description="Why the pair scored what it did.")


def edges_of(page: Slice[Ranked], to_node: Callable[[object], T]) -> list[MatchEdge[T]]:
    return [
        MatchEdge(
            cursor=page.cursor(i),
            node=to_node(item.row),
            score=round(item.match.score, 6),
            explanation=MatchExplanation.of(item.match.explanation),
        )
        for i, item in enumerate(page.items)
    ]


def page_info_of(page: Slice[Ranked], edges: list) -> PageInfo:
    return PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.offset > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
