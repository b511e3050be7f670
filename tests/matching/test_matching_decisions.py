"""Scores that respect how people in the trade decide: what can stand in for what, ways to hand
over, a posting's program, mentors who also work remotely."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import (
    Condition,
    ExclusionCode,
    Fulfillment,
    Listing,
    ListingPool,
    Mentor,
    MentorPool,
    Need,
    NeedPool,
    StudentPool,
    rank_listings_for_need,
    rank_mentors_for_mentee,
    rank_needs_for_listing,
    rank_students_for_job,
    why,
)
from resolvers.matches.reference_taxonomy import reference_ids, reference_taxonomy
from tests.fixtures.matching_testdata import DETROIT, TODAY, at, job, student

TAX = reference_taxonomy()
CAT = reference_ids()


def need(slug: str, **changes) -> Need:
    base = {"id": 1, "school_id": 1, "lat": DETROIT[0], "lon": DETROIT[1], "radius_km": 80.0, "quantity": 3}
    return Need(category_id=CAT[slug], title="", **(base | changes))


def listing(lid: int, slug: str, km: float = 10.0, **changes) -> Listing:
    lat, lon = at(km)
    base = {"id": lid, "donor_id": 2, "lat": lat, "lon": lon, "condition": Condition.GOOD, "quantity": 2}
    return Listing(category_id=CAT[slug], title="", **(base | changes))


def ranked(query: Need, rows: list[Listing]) -> list[int]:
    return [m.id for m in rank_listings_for_need(query, ListingPool.from_rows(rows), taxonomy=TAX, today=TODAY)]


# --- substitutability --------------------------------------------------------------------


def test_a_mig_welder_never_fills_a_spot_welder_need_and_says_why():
    rows = [listing(1, "welding-mig-steel"), listing(2, "welding-mig-aluminum"), listing(3, "welding-strsw")]
    assert ranked(need("welding-strsw"), rows) == [3]
    for lid in (1, 2):
        answer = why("need_listings", need("welding-strsw"), ListingPool.from_rows(rows), lid, taxonomy=TAX)
        [reason] = answer.reasons
        assert reason.code is ExclusionCode.NOT_A_SUBSTITUTE and "spot weld" in reason.message


def test_consumables_never_fill_a_spray_gun_need():
    rows = [
        listing(1, "refinish-abrasives"),
        listing(2, "refinish-paint-clearcoat"),
        listing(3, "refinish-spray-guns"),
        listing(4, "refinish-primers"),
        listing(5, "refinish-paint-booth"),
    ]
    assert ranked(need("refinish-spray-guns"), rows) == [3]
    answer = why("need_listings", need("refinish-spray-guns"), ListingPool.from_rows(rows), 4, taxonomy=TAX)
    assert answer.reasons[0].code is ExclusionCode.NOT_A_SUBSTITUTE and "consumable" in answer.reasons[0].message


def test_a_newer_model_of_the_same_tool_and_a_listed_stand_in_fill_the_need():
    rows = [
        listing(1, "welding-mig-aluminum", condition=Condition.NEW),
        listing(2, "welding-mig-steel", condition=Condition.NEW),
        listing(3, "welding-plasma-cutter", condition=Condition.NEW),
    ]
    matches = rank_listings_for_need(need("welding-mig-steel"), ListingPool.from_rows(rows), taxonomy=TAX, today=TODAY)
    assert [m.id for m in matches] == [2, 1]
    category = {m.id: m.explanation.components[1] for m in matches}
    assert category[2].value == 1.0 and category[1].value == 0.7
    assert "also welds steel" in category[1].reason


def test_a_need_for_a_whole_family_takes_any_item_of_it():
    rows = [listing(1, "welding-strsw"), listing(2, "refinish-spray-guns")]
    assert ranked(need("welding"), rows) == [1]


# --- ways to hand over -------------------------------------------------------------------


def distance_value(query: Need, row: Listing) -> float:
    [match] = rank_listings_for_need(query, ListingPool.from_rows([row]), taxonomy=TAX, today=TODAY)
    return match.explanation.components[0].value


def test_offering_shipping_as_well_as_pickup_never_lowers_a_nearby_listing():
    query = need("welding-strsw")
    both = listing(1, "welding-strsw", km=16, fulfillment=Fulfillment.PICKUP | Fulfillment.SHIP)
    pickup_near = listing(2, "welding-strsw", km=16, fulfillment=Fulfillment.PICKUP)
    pickup_far = listing(3, "welding-strsw", km=32, fulfillment=Fulfillment.PICKUP)
    assert (
        distance_value(query, both) == pytest.approx(distance_value(query, pickup_near)) == pytest.approx(1 - 16 / 80)
    )
    assert ranked(query, [both, pickup_far]) == [1, 3]
    [match] = rank_listings_for_need(query, ListingPool.from_rows([both]), taxonomy=TAX, today=TODAY)
    assert "pickup within 80.0 km (offers pickup+ship)" in match.explanation.components[0].reason


FLAGS = [Fulfillment.PICKUP, Fulfillment.DELIVERY, Fulfillment.SHIP, Fulfillment.TOW]


@settings(max_examples=150, deadline=None)
@given(
    km=st.floats(0, 400),
    ways=st.sets(st.sampled_from(FLAGS), min_size=1),
    extra=st.sampled_from(FLAGS),
    delivery_km=st.sampled_from([0.0, 60.0, 150.0]),
    need_km=st.sampled_from([40.0, 80.0, 120.0]),
)
def test_one_more_way_to_hand_over_never_lowers_a_score_from_either_side(km, ways, extra, delivery_km, need_km):
    flags = Fulfillment(0)
    for way in ways:
        flags |= way
    base = listing(1, "welding-strsw", km=km, fulfillment=flags, radius_km=delivery_km)
    more = replace(base, fulfillment=flags | extra)
    query = need("welding-strsw", radius_km=need_km)
    before = rank_listings_for_need(query, ListingPool.from_rows([base]), taxonomy=TAX, today=TODAY)
    after = rank_listings_for_need(query, ListingPool.from_rows([more]), taxonomy=TAX, today=TODAY)
    assert len(after) >= len(before)
    if before:
        assert after[0].score >= before[0].score - 1e-12
    needs = NeedPool.from_rows([query])
    before = rank_needs_for_listing(base, needs, taxonomy=TAX, today=TODAY)
    after = rank_needs_for_listing(more, needs, taxonomy=TAX, today=TODAY)
    assert len(after) >= len(before)
    if before:
        assert after[0].score >= before[0].score - 1e-12


# --- the posting's program ---------------------------------------------------------------

COLLISION, REFINISH, AUTOMOTIVE = 0, 1, 2


@settings(max_examples=150, deadline=None)
@given(
    near_km=st.floats(0, 50),
    far_km=st.floats(0, 50),
    outsider=st.sampled_from([(), (REFINISH,), (AUTOMOTIVE,)]),
)
def test_a_student_outside_every_program_never_outranks_one_inside_only_by_being_closer(near_km, far_km, outsider):
    posting = job(programs=(COLLISION,), related_programs=(REFINISH,), radius_km=50.0)
    inside = student(1, km=max(near_km, far_km), programs=(COLLISION,), travel_radius_km=50.0)
    outside = student(2, km=min(near_km, far_km), programs=outsider, travel_radius_km=50.0, bearing=270.0)
    got = [m.id for m in rank_students_for_job(posting, StudentPool.from_rows([inside, outside]), today=TODAY)]
    assert got == [1, 2]


def test_one_of_the_postings_programs_is_enough_and_a_related_trade_counts_a_little():
    posting = job(programs=(COLLISION, REFINISH), related_programs=(4,))
    pool = StudentPool.from_rows(
        [student(1, programs=(REFINISH,)), student(2, programs=(4,)), student(3, programs=(AUTOMOTIVE,))]
    )
    program = {m.id: m.explanation.components[3] for m in rank_students_for_job(posting, pool, today=TODAY)}
    assert program[1].value == 1.0 and program[1].reason == "in one of the posting's programs"
    assert program[2].value == 0.3 and "related" in program[2].reason
    assert program[3].value == 0.0 and "outside" in program[3].reason


# --- mentors -----------------------------------------------------------------------------


def mentor(mid: int, km: float = 0.0, **changes: Any) -> Mentor:
    lat, lon = at(km)
    base: dict[str, Any] = {"id": mid, "lat": lat, "lon": lon, "radius_km": 80.0, "specialties": (5,)}
    return Mentor(**(base | {"capacity_left": 2} | changes))


def test_a_mentor_next_door_who_also_mentors_remotely_is_as_close_as_one_who_does_not():
    mentee = student(99, km=0, wanted_skills=(5,), travel_radius_km=40)
    pool = MentorPool.from_rows([mentor(1), mentor(2, remote_ok=True), mentor(3, km=2000, remote_ok=True)])
    closeness = {m.id: m.explanation.components[0] for m in rank_mentors_for_mentee(mentee, pool, today=TODAY)}
    assert closeness[1].value == closeness[2].value == 1.0
    assert "also mentors remotely" in closeness[2].reason
    assert closeness[3].value < 0.5 and "mentors remotely" in closeness[3].reason


def test_a_mentor_in_the_mentees_trade_scores_on_program_and_no_feature_lacks_data():
    mentee = student(99, km=0, programs=(REFINISH,), related_programs=(COLLISION,), wanted_skills=(5,))
    pool = MentorPool.from_rows(
        [mentor(1, programs=(REFINISH,)), mentor(2, programs=(COLLISION,)), mentor(3, programs=(AUTOMOTIVE,))]
    )
    matches = rank_mentors_for_mentee(mentee, pool, today=TODAY)
    names = [c.name for c in matches[0].explanation.components]
    assert "availability" not in names
    program = {m.id: m.explanation.components[names.index("program")] for m in matches}
    assert (program[1].value, program[2].value, program[3].value) == (1.0, 0.3, 0.0)
    assert [m.id for m in matches] == [1, 2, 3]
