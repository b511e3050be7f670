"""A sponsor ranks its applicants by fit to the award's eligibility rules (resolvers.pathways.scholarship_fit)."""

from __future__ import annotations

import strawberry

from resolvers.pathways.scholarship_fit import (
    CREDENTIALS_WEIGHT,
    RULES_WEIGHT,
    TRAINING_WEIGHT,
    ApplicationOrder,
    Fit,
    fits_by_application,
    ranked_applications,
)
from schema.context import Info
from schema.enum_type import enum_type
from schema.matches.types import MatchComponent

ScholarshipApplicationOrder = enum_type(
    ApplicationOrder,
    name="ScholarshipApplicationOrder",
    description="How a scholarship's `applications` are ordered.",
    values={
        "OLDEST": "Oldest application first.",
        "FIT": "Best fit to the award's eligibility rules first (see `ScholarshipApplication.fit`): applicants who "
        "still meet every rule, then by score, then oldest first. Only the sponsor's members (and staff) see them.",
    },
)


@strawberry.type(
    description=f"How well an applicant fits the award's eligibility rules: the weighted mean of `rules` (the share "
    f"of the award's rules met today, weight {RULES_WEIGHT}), `credentials` (verified, unexpired credentials in "
    f"the award's trades, three or more count fully, weight {CREDENTIALS_WEIGHT}) and `training` (I-CAR Academy "
    f"badges, two or more count fully, weight {TRAINING_WEIGHT})."
)
class ApplicantFit:
    score: float = strawberry.field(description="In [0, 1]; higher fits better.")
    eligible: bool = strawberry.field(
        description="Meets every rule today (rules are checked on applying; a credential may lapse since)."
    )
    components: list[MatchComponent] = strawberry.field(description="The parts of the score, with why.")

    @classmethod
    def of(cls, fit: Fit) -> ApplicantFit:
        return cls(
            score=fit.score,
            eligible=fit.eligible,
            components=[
                MatchComponent(name=p.name, weight=p.weight, value=round(p.value, 6), reason=p.reason)
                for p in fit.parts
            ],
        )


async def fit_of(info: Info, application_id: int) -> ApplicantFit | None:
    found = await info.context.loaders.custom("scholarship_fit", fits_by_application).load(application_id)
    return ApplicantFit.of(found) if found is not None else None


async def applications_by_fit(info: Info, scholarship_id: int) -> list:
    return await info.context.loaders.custom("scholarship_applications_by_fit", ranked_applications).load(
        scholarship_id
    )
