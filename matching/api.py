"""Named entry points, one per match kind, over `matching.rank`.

`candidates` is a pool (scanned in full) or a CandidateIndex (grid prefilter, refreshed with
apply_changes). `weights` overrides the kind's defaults ({name: 0..1}); invalid weights raise
ValueError. `today` defaults to the current date (pass it for reproducible results).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import numpy as np

from .allocation import AllocationEdges
from .donations import ListingToNeeds, NeedToListings
from .explain import Match, PairExplanation
from .index import CandidateIndex
from .jobs import JobToStudents, StudentToJobs
from .kind import MatchKind
from .mentors import MenteeToMentors
from .pools import JobPool, ListingPool, MentorPool, NeedPool, StudentPool
from .rank import explain_pair, rank
from .records import Job, Listing, Need, Student
from .taxonomy import Taxonomy
from .weights import Weights

WeightOverrides = Weights | Mapping[str, float] | None


def rank_students_for_job(
    job: Job,
    candidates: StudentPool | CandidateIndex[StudentPool],
    *,
    k: int = 20,
    weights: WeightOverrides = None,
    today: date | None = None,
) -> list[Match]:
    return rank(JobToStudents(), job, candidates, k=k, weights=weights, today=today)


def rank_jobs_for_student(
    student: Student,
    jobs: JobPool | CandidateIndex[JobPool],
    *,
    k: int = 20,
    weights: WeightOverrides = None,
    today: date | None = None,
) -> list[Match]:
    return rank(StudentToJobs(), student, jobs, k=k, weights=weights, today=today)


def rank_mentors_for_mentee(
    mentee: Student,
    mentors: MentorPool | CandidateIndex[MentorPool],
    *,
    k: int = 20,
    weights: WeightOverrides = None,
    today: date | None = None,
) -> list[Match]:
    return rank(MenteeToMentors(), mentee, mentors, k=k, weights=weights, today=today)


def rank_listings_for_need(
    need: Need,
    listings: ListingPool | CandidateIndex[ListingPool],
    *,
    taxonomy: Taxonomy | None = None,
    k: int = 20,
    weights: WeightOverrides = None,
    today: date | None = None,
) -> list[Match]:
    return rank(NeedToListings(taxonomy), need, listings, k=k, weights=weights, today=today)


def rank_needs_for_listing(
    listing: Listing,
    needs: NeedPool | CandidateIndex[NeedPool],
    *,
    taxonomy: Taxonomy | None = None,
    k: int = 20,
    weights: WeightOverrides = None,
    today: date | None = None,
) -> list[Match]:
    return rank(ListingToNeeds(taxonomy), listing, needs, k=k, weights=weights, today=today)


KINDS: dict[str, Callable[..., MatchKind[Any, Any, Any]]] = {
    "job_students": JobToStudents,
    "student_jobs": StudentToJobs,
    "mentee_mentors": MenteeToMentors,
    "need_listings": NeedToListings,
    "listing_needs": ListingToNeeds,
}


def why(
    kind: str,
    query: Any,
    candidates: Any,
    candidate_id: int,
    *,
    k: int | None = 20,
    weights: WeightOverrides = None,
    today: date | None = None,
    taxonomy: Taxonomy | None = None,
) -> PairExplanation:
    """explain_pair by kind name (one of KINDS): "why is this candidate (not) in my list?"."""
    if kind not in KINDS:
        raise ValueError(f"unknown match kind '{kind}'; expected one of {', '.join(KINDS)}")
    engine = KINDS[kind](taxonomy) if kind in ("need_listings", "listing_needs") else KINDS[kind]()
    return explain_pair(engine, query, candidates, candidate_id, k=k, weights=weights, today=today)


def allocation_edges(
    needs: NeedPool,
    listings: ListingPool | CandidateIndex[ListingPool],
    *,
    k: int = 30,
    taxonomy: Taxonomy | None = None,
    weights: WeightOverrides = None,
    today: date | None = None,
) -> AllocationEdges:
    """Each visible open need's top-k listings with their scores (equity boost included)."""
    from .donations import need_row

    engine = NeedToListings(taxonomy)
    need_ids: list[int] = []
    listing_ids: list[int] = []
    scores: list[float] = []
    for pos in np.flatnonzero(needs.visible & (needs.quantity > 0)):
        need = need_row(needs, int(pos))
        for m in rank(engine, need, listings, k=k, weights=weights, today=today):
            need_ids.append(need.id)
            listing_ids.append(m.id)
            scores.append(m.score)
    return AllocationEdges(
        np.array(need_ids, dtype=np.int64), np.array(listing_ids, dtype=np.int64), np.array(scores, dtype=np.float64)
    )
