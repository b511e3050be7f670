"""The ranking engine: pure Python and numpy, no GraphQL and no SQL.

It takes plain arrays and dataclasses and returns ranked ids with explanations, so it can be
tested and benchmarked alone.

Main entry points
-----------------
Rows and pools (ids everywhere; the caller maps names <-> ids with a Vocabulary):
    records: Student, Job, Mentor, Need, Listing, Removed, HeldCredential(credential_id,
             expires_on); enums Condition, Priority, SchoolTier, Fulfillment (flags)
    StudentPool / JobPool / MentorPool / NeedPool / ListingPool.from_rows(rows)
    CandidateIndex(pool) or CandidateIndex.from_rows(rows): per process, grid-ordered;
        index.apply_changes(rows with updated_at >= index.high_water_mark)
        (upserts; visible=False hides; Removed(id) forgets). Re-check the final top-k
        against the database before returning it (DESIGN: nothing hidden may leak).

Ranking (candidates = a pool or a CandidateIndex; weights = {name: 0..1} or None,
ValueError when invalid; today = the date credentials and activity are judged on):
    rank_students_for_job(job, students, k=20, weights=None, today=None)   -> list[Match]
    rank_jobs_for_student(student, jobs, k=20, weights=None, today=None)   -> list[Match]
    rank_mentors_for_mentee(mentee, mentors, k=20, weights=None, today=None) -> list[Match]
    rank_listings_for_need(need, listings, taxonomy=None, k=20, ...)       -> list[Match]
    rank_needs_for_listing(listing, needs, taxonomy=None, k=20, ...)       -> list[Match]
    why(kind, query, candidates, candidate_id, k=20, ...)  -> PairExplanation
        kind in KINDS: job_students, student_jobs, mentee_mentors, need_listings,
        listing_needs; "why is this candidate (not) in my list?"
    Match(id, score, explanation=Explanation(distance_km, components=(Component(name,
        weight, value, reason), ...), matched_skills, missing_skills,
        matched_credentials, missing_credentials))
    PairExplanation(candidate_id, eligible, reasons=(Exclusion(code, message, ids), ...),
        distance_km, score, rank, cutoff_score, explanation)
    Default weights (frozen dataclasses, documented there): JobStudentWeights,
        StudentJobWeights, MentorWeights, NeedListingWeights, ListingNeedWeights

Allocation of scarce donations:
    allocation_edges(need_pool, listings, k=30, taxonomy=None, today=None) -> AllocationEdges
    plan_allocation(needs, listings, edges, fairness=Fairness(), schools={need: school})
        -> AllocationPlan(assignments=(Assignment(need_id, listing_id, quantity, score), ...),
        total, greedy_total, gain_over_greedy, unconstrained_total, greedy_assignments)
        needs / listings: {id: quantity} or the pools; fairness: diminishing returns per school
        within a tolerance of the optimum (matching.fairness); gini(amounts) to measure spread

Vocabulary and categories:
    Vocabulary([(id, name, aliases), ...]).normalize(terms) -> [NormalizedTerm(text, id,
        score, suggestions)]; .rank(text, limit) -> [(id, score)] (category suggest)
    Taxonomy(parent_ids) for the category fit of needs and listings
"""

from .allocation import AllocationEdges, AllocationPlan, Assignment, plan_allocation, plan_allocation_dense
from .api import (
    KINDS,
    allocation_edges,
    rank_jobs_for_student,
    rank_listings_for_need,
    rank_mentors_for_mentee,
    rank_needs_for_listing,
    rank_students_for_job,
    why,
)
from .explain import Component, Exclusion, ExclusionCode, Explanation, Match, PairExplanation
from .fairness import Fairness, gini
from .index import CandidateIndex
from .pools import JobPool, ListingPool, MentorPool, NeedPool, StudentPool
from .rank import RankStats, explain_pair, rank, top_k
from .records import (
    Condition,
    Fulfillment,
    HeldCredential,
    Job,
    Listing,
    Mentor,
    Need,
    Priority,
    Removed,
    SchoolTier,
    Student,
)
from .taxonomy import Taxonomy
from .vocabulary import NormalizedTerm, Vocabulary
from .weights import JobStudentWeights, ListingNeedWeights, MentorWeights, NeedListingWeights, StudentJobWeights

__all__ = [
    "KINDS",
    "AllocationEdges",
    "AllocationPlan",
    "Assignment",
    "CandidateIndex",
    "Component",
    "Condition",
    "Exclusion",
    "ExclusionCode",
    "Explanation",
    "Fairness",
    "Fulfillment",
    "HeldCredential",
    "Job",
    "JobPool",
    "JobStudentWeights",
    "Listing",
    "ListingNeedWeights",
    "ListingPool",
    "Match",
    "Mentor",
    "MentorPool",
    "MentorWeights",
    "Need",
    "NeedListingWeights",
    "NeedPool",
    "NormalizedTerm",
    "PairExplanation",
    "Priority",
    "RankStats",
    "Removed",
    "SchoolTier",
    "Student",
    "StudentJobWeights",
    "StudentPool",
    "Taxonomy",
    "Vocabulary",
    "allocation_edges",
    "explain_pair",
    "gini",
    "plan_allocation",
    "plan_allocation_dense",
    "rank",
    "rank_jobs_for_student",
    "rank_listings_for_need",
    "rank_mentors_for_mentee",
    "rank_needs_for_listing",
    "rank_students_for_job",
    "top_k",
    "why",
]
