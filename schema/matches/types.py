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
    name: str
    weight: float = strawberry.field(description="The feature's weight (the score is the weighted mean).")
    value: float
    reason: str


@strawberry.type(description="Why a pair scored what it did.")
class MatchExplanation:
    distance_km: float
    components: list[MatchComponent]
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


@strawberry.type
class MatchEdge(Generic[T]):
    cursor: str
    node: T
    score: float = strawberry.field(description="In [0, 1]; higher is a better match.")
    explanation: MatchExplanation


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
