"""Behaviour of each match kind on small hand-made pools."""

from datetime import timedelta

import pytest

from matching import (
    Condition,
    ExclusionCode,
    Fulfillment,
    HeldCredential,
    JobPool,
    Listing,
    ListingPool,
    Mentor,
    MentorPool,
    Need,
    NeedPool,
    Priority,
    SchoolTier,
    StudentPool,
    Taxonomy,
    rank_jobs_for_student,
    rank_listings_for_need,
    rank_mentors_for_mentee,
    rank_needs_for_listing,
    rank_students_for_job,
    why,
)
from matching.taxonomy import Substitution
from tests.fixtures.matching_testdata import DETROIT, TODAY, at, job, student


def ids(matches):
    return [m.id for m in matches]


# --- job -> students ---------------------------------------------------------------------


def test_the_effective_radius_is_the_smaller_of_job_and_student_unless_remote():
    pool = StudentPool.from_rows(
        [
            student(1, km=30, travel_radius_km=20),
            student(2, km=30, travel_radius_km=20, remote_ok=True),
            student(3, km=60, travel_radius_km=500, remote_ok=True),
        ]
    )
    assert ids(rank_students_for_job(job(), pool, today=TODAY)) == [2]
    remote = rank_students_for_job(job(remote_ok=True), pool, today=TODAY)
    assert sorted(ids(remote)) == [1, 2, 3]
    by_id = {m.id: m.explanation.components[0].value for m in remote}
    assert by_id[1] <= 0.5 and by_id[3] <= 0.5  # beyond the local radius: remote work only
    assert by_id[2] == pytest.approx(max(1 - 30 / 50, 0.5 * (1 - 30 / 5000)))  # on site counts too


def test_credentials_must_be_valid_on_the_start_date_not_today():
    expires_before_start = TODAY + timedelta(days=10)
    pool = StudentPool.from_rows(
        [
            student(1, credentials=(HeldCredential(10, expires_before_start), HeldCredential(11))),
            student(2),
        ]
    )
    assert ids(rank_students_for_job(job(start_date=TODAY + timedelta(days=30)), pool, today=TODAY)) == [2]
    assert ids(rank_students_for_job(job(start_date=TODAY + timedelta(days=5)), pool, today=TODAY)) == [1, 2]


def test_explanation_lists_matched_and_missing_ids():
    pool = StudentPool.from_rows(
        [
            student(
                1,
                skills=(1, 3, 9),
                credentials=(HeldCredential(10), HeldCredential(11), HeldCredential(12, TODAY - timedelta(days=1))),
            )
        ]
    )
    [m] = rank_students_for_job(job(), pool, today=TODAY)
    e = m.explanation
    assert (e.matched_skills, e.missing_skills) == ((1, 3), (2, 4))
    assert (e.matched_credentials, e.missing_credentials) == ((10, 11), (12,))  # 12 expired
    assert [c.name for c in e.components][:3] == ["distance", "skills", "credentials"]
    assert e.components[1].value == 0.5 and "2 of 4" in e.components[1].reason
    assert m.score == pytest.approx(sum(c.weight * c.value for c in e.components) / sum(c.weight for c in e.components))


# --- student -> jobs ---------------------------------------------------------------------


def test_student_to_jobs_applies_the_same_gates_per_job():
    me = student(99, km=0, credentials=(HeldCredential(10, TODAY + timedelta(days=20)), HeldCredential(11)))
    jobs = JobPool.from_rows(
        [
            job(1, start_date=TODAY + timedelta(days=5)),  # credentials still valid at start
            job(2, start_date=TODAY + timedelta(days=60)),  # 10 expired by then
            job(3, required_credentials=(11,), lat=at(30)[0], lon=at(30)[1]),
            job(4, required_credentials=(), lat=at(300)[0], lon=at(300)[1]),  # too far
            job(5, required_credentials=(), lat=at(3000)[0], lon=at(3000)[1], remote_ok=True),
        ]
    )
    assert ids(rank_jobs_for_student(me, jobs, today=TODAY)) == [1, 3, 5]
    reasons = why("student_jobs", me, jobs, 2, today=TODAY).reasons
    assert [r.code for r in reasons] == [ExclusionCode.EXPIRED_CREDENTIAL] and reasons[0].ids == (10,)


# --- mentee -> mentors -------------------------------------------------------------------


def mentor(mid, km=5.0, **changes):
    lat, lon = at(km)
    base = {
        "id": mid,
        "lat": lat,
        "lon": lon,
        "radius_km": 50,
        "specialties": (1, 2),
        "programs": (0,),
        "capacity_left": 2,
        "years_experience": 12,
        "last_active": TODAY,
    }
    return Mentor(**(base | changes))


def test_mentors_without_capacity_never_rank_and_remote_ones_reach_far():
    mentee = student(99, km=0, skills=(1,), wanted_skills=(5, 6), travel_radius_km=40)
    pool = MentorPool.from_rows(
        [
            mentor(1, specialties=(5, 6)),
            mentor(2, specialties=(5,)),
            mentor(3, specialties=(5, 6), capacity_left=0),
            mentor(4, km=2000, specialties=(5, 6), remote_ok=True),
            mentor(5, km=45, specialties=(5, 6)),  # beyond the mentee's 40 km
        ]
    )
    got = ids(rank_mentors_for_mentee(mentee, pool, today=TODAY))
    assert sorted(got) == [1, 2, 4]
    assert got[0] == 1  # same specialties: the local mentor beats the remote one
    assert why("mentee_mentors", mentee, pool, 3, today=TODAY).reasons[0].code == ExclusionCode.NO_CAPACITY
    assert why("mentee_mentors", mentee, pool, 5, today=TODAY).reasons[0].code == ExclusionCode.OUTSIDE_RADIUS


# --- need <-> listing --------------------------------------------------------------------

# 0 welding, 1 MIG welder, 2 plasma cutter, 3 refinish, 4 paint booth, 5 aluminum MIG (fills 1 at 0.7)
TAX = Taxonomy([-1, 0, 0, -1, 3, 0], {(1, 5): Substitution(0.7, "also welds steel")})


def need(nid=1, **changes):
    base = {
        "id": nid,
        "school_id": nid,
        "lat": DETROIT[0],
        "lon": DETROIT[1],
        "radius_km": 50,
        "category_id": 1,
        "title": "MIG welder",
        "min_condition": Condition.GOOD,
        "quantity": 2,
        "priority": Priority.HIGH,
    }
    return Need(**(base | changes))


def listing(lid, km=10.0, **changes):
    lat, lon = at(km)
    base = {
        "id": lid,
        "donor_id": 1,
        "lat": lat,
        "lon": lon,
        "category_id": 1,
        "title": "used MIG welder",
        "condition": Condition.GOOD,
        "quantity": 2,
    }
    return Listing(**(base | changes))


def test_fulfillment_decides_how_far_a_listing_reaches():
    pool = ListingPool.from_rows(
        [
            listing(1, km=40),
            listing(2, km=200),  # pickup beyond the need's radius
            listing(3, km=200, fulfillment=Fulfillment.DELIVERY, radius_km=250),
            listing(4, km=200, fulfillment=Fulfillment.DELIVERY, radius_km=100),
            listing(5, km=2000, fulfillment=Fulfillment.SHIP),
            listing(6, km=200, fulfillment=Fulfillment.TOW),
        ]
    )
    got = ids(rank_listings_for_need(need(), pool, taxonomy=TAX, today=TODAY))
    assert sorted(got) == [1, 3, 5]
    for lid in (2, 4, 6):
        answer = why("need_listings", need(), pool, lid, taxonomy=TAX, today=TODAY)
        assert [r.code for r in answer.reasons] == [ExclusionCode.OUTSIDE_RADIUS]


def test_condition_and_category_gate_and_rank():
    pool = ListingPool.from_rows(
        [
            listing(1, condition=Condition.FAIR),  # below GOOD
            listing(2, category_id=4, title="paint booth"),  # unrelated
            listing(3, category_id=5, title="aluminum pulse MIG welder"),  # a listed stand-in
            listing(4, category_id=1, title="MIG welder"),  # same
            listing(5, category_id=1, title="MIG welder", condition=Condition.NEW),
            listing(6, category_id=2, title="plasma cutter"),  # sibling: a different tool
        ]
    )
    assert ids(rank_listings_for_need(need(), pool, taxonomy=TAX, today=TODAY)) == [5, 4, 3]
    assert why("need_listings", need(), pool, 6, taxonomy=TAX, today=TODAY).reasons[0].code == (
        ExclusionCode.NOT_A_SUBSTITUTE
    )
    assert why("need_listings", need(), pool, 1, taxonomy=TAX, today=TODAY).reasons[0].code == (
        ExclusionCode.CONDITION_BELOW_MINIMUM
    )
    assert why("need_listings", need(), pool, 2, taxonomy=TAX, today=TODAY).reasons[0].code == (
        ExclusionCode.UNRELATED_CATEGORY
    )


def test_equity_and_urgency_lift_schools_for_a_donor():
    needs = NeedPool.from_rows(
        [
            need(1, school_tier=SchoolTier.ADVANCED, school_received=8),
            need(2, school_tier=SchoolTier.DEVELOPING, school_received=0),
            need(
                3,
                school_tier=SchoolTier.ADVANCED,
                school_received=8,
                priority=Priority.CRITICAL,
                needed_by=TODAY + timedelta(days=7),
            ),
        ]
    )
    got = ids(rank_needs_for_listing(listing(10), needs, taxonomy=TAX, today=TODAY))
    assert got.index(2) < got.index(1) and got.index(3) < got.index(1)
    calmer = ids(
        rank_needs_for_listing(listing(10), needs, taxonomy=TAX, today=TODAY, weights={"urgency": 0.0, "equity": 1.0})
    )
    assert calmer[0] == 2
