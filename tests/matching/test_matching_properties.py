"""Invariants of the ranking, checked on generated pools (hypothesis)."""

from dataclasses import replace
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import (
    CandidateIndex,
    Condition,
    Fulfillment,
    HeldCredential,
    JobPool,
    Listing,
    ListingPool,
    Mentor,
    MentorPool,
    Need,
    StudentPool,
    Taxonomy,
    explain_pair,
    rank,
)
from matching.donations import NeedToListings
from matching.jobs import JobToStudents, StudentToJobs
from matching.mentors import MenteeToMentors
from tests.fixtures.matching_testdata import TODAY, at, job, student

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXPIRIES = [None, TODAY - timedelta(days=10), TODAY + timedelta(days=10), TODAY + timedelta(days=100)]

credentials = st.lists(st.builds(HeldCredential, st.integers(0, 5), st.sampled_from(EXPIRIES)), max_size=4).map(tuple)
id_sets = st.sets(st.integers(0, 70), max_size=6).map(lambda s: tuple(sorted(s)))


@st.composite
def students(draw, sid):
    return student(
        sid,
        km=draw(st.floats(0, 120)),
        bearing=draw(st.floats(0, 360)),
        travel_radius_km=draw(st.sampled_from([10.0, 30.0, 60.0, 150.0])),
        remote_ok=draw(st.booleans()),
        skills=draw(id_sets),
        credentials=draw(credentials),
        visible=draw(st.booleans()),
        programs=draw(st.sets(st.integers(0, 3)).map(tuple)),
        availability=draw(st.sets(st.integers(0, 5)).map(tuple)),
        years_experience=draw(st.sampled_from([0.0, 1.0, 5.0])),
        desired_pay_cents=draw(st.sampled_from([0, 2000, 4000])),
    )


@st.composite
def student_rows(draw, min_size=1, max_size=15):
    n = draw(st.integers(min_size, max_size))
    return [draw(students(sid)) for sid in range(1, n + 1)]


jobs = st.builds(
    lambda req, pref, radius, remote, start: job(
        required_credentials=req,
        preferred_skills=pref,
        radius_km=radius,
        remote_ok=remote,
        start_date=TODAY + timedelta(days=start),
    ),
    st.sets(st.integers(0, 5), max_size=2).map(tuple),
    id_sets,
    st.sampled_from([20.0, 50.0, 100.0]),
    st.booleans(),
    st.sampled_from([0, 30, 200]),
)


def valid_on(held, start):
    return {c.credential_id for c in held if c.expires_on is None or c.expires_on.toordinal() >= start.toordinal()}


def full_ranking(kind, query, pool):
    return rank(kind, query, pool, k=10_000, today=TODAY)


@SETTINGS
@given(student_rows(), jobs)
def test_a_candidate_missing_a_required_credential_is_never_ranked(rows, j):
    by_id = {r.id: r for r in rows}
    for m in full_ranking(JobToStudents(), j, StudentPool.from_rows(rows)):
        assert set(j.required_credentials) <= valid_on(by_id[m.id].credentials, j.start_date)
        assert by_id[m.id].visible


@SETTINGS
@given(student_rows(), jobs, st.integers(1, 30))
def test_scores_are_in_range_and_ordered_by_score_then_id(rows, j, k):
    matches = rank(JobToStudents(), j, StudentPool.from_rows(rows), k=k, today=TODAY)
    assert len(matches) <= k and len({m.id for m in matches}) == len(matches)
    assert all(0.0 <= m.score <= 1.0 for m in matches)
    keys = [(-m.score, m.id) for m in matches]
    assert keys == sorted(keys)


@SETTINGS
@given(student_rows(), jobs, st.randoms(use_true_random=False))
def test_ranking_is_deterministic_and_independent_of_row_order_and_index(rows, j, rnd):
    pool = StudentPool.from_rows(rows)
    first = [(m.id, m.score) for m in rank(JobToStudents(), j, pool, k=5, today=TODAY)]
    again = [(m.id, m.score) for m in rank(JobToStudents(), j, pool, k=5, today=TODAY)]
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    reordered = [(m.id, m.score) for m in rank(JobToStudents(), j, StudentPool.from_rows(shuffled), k=5, today=TODAY)]
    indexed = [(m.id, m.score) for m in rank(JobToStudents(), j, CandidateIndex(pool), k=5, today=TODAY)]
    assert first == again == reordered == indexed


@SETTINGS
@given(student_rows(), jobs, st.data())
def test_ties_are_broken_by_ascending_id(rows, j, data):
    twin = data.draw(st.sampled_from(rows))
    rows = [*rows, replace(twin, id=1000), replace(twin, id=999)]
    matches = full_ranking(JobToStudents(), j, StudentPool.from_rows(rows))
    positions = {m.id: i for i, m in enumerate(matches)}
    if twin.id in positions:
        assert positions[twin.id] < positions[999] < positions[1000]


@SETTINGS
@given(student_rows(), jobs, st.data())
def test_moving_a_candidate_closer_never_lowers_its_score(rows, j, data):
    pool = StudentPool.from_rows(rows)
    before = {m.id: m.score for m in full_ranking(JobToStudents(), j, pool)}
    if not before:
        return
    sid = data.draw(st.sampled_from(sorted(before)))
    km_now = (
        data.draw(st.floats(0, 1))
        * next(m for m in full_ranking(JobToStudents(), j, pool) if m.id == sid).explanation.distance_km
    )
    bearing = data.draw(st.floats(0, 360))
    lat, lon = at(km_now, bearing)
    rows2 = [replace(r, lat=lat, lon=lon) if r.id == sid else r for r in rows]
    after = {m.id: m.score for m in full_ranking(JobToStudents(), j, StudentPool.from_rows(rows2))}
    assert after[sid] >= before[sid] - 1e-12


@SETTINGS
@given(student_rows(), jobs)
def test_why_agrees_with_the_ranking(rows, j):
    pool = StudentPool.from_rows(rows)
    ranking = full_ranking(JobToStudents(), j, pool)
    position = {m.id: (i + 1, m.score) for i, m in enumerate(ranking)}
    for r in rows:
        answer = explain_pair(JobToStudents(), j, pool, r.id, today=TODAY)
        assert answer.eligible == (r.id in position)
        if answer.eligible:
            assert (answer.rank, answer.score) == position[r.id]
        else:
            assert answer.reasons


@SETTINGS
@given(student_rows(max_size=8), st.lists(jobs, min_size=1, max_size=6))
def test_job_and_student_eligibility_is_symmetric(rows, job_list):
    # visibility only gates candidates, never the querying side, so compare visible rows
    rows = [replace(s, visible=True) for s in rows]
    job_list = [replace(j, id=i + 1) for i, j in enumerate(job_list)]
    pool, job_pool = StudentPool.from_rows(rows), JobPool.from_rows(job_list)
    for j in job_list:
        for s in rows:
            forward = s.id in {m.id for m in full_ranking(JobToStudents(), j, pool)}
            backward = j.id in {m.id for m in full_ranking(StudentToJobs(), s, job_pool)}
            assert forward == backward


TAX = Taxonomy([-1, 0, 0, -1, 3])


@st.composite
def listings(draw, lid):
    lat, lon = at(draw(st.floats(0, 400)), draw(st.floats(0, 360)))
    return Listing(
        id=lid,
        donor_id=1,
        lat=lat,
        lon=lon,
        radius_km=draw(st.sampled_from([0.0, 100.0, 300.0])),
        fulfillment=draw(st.sampled_from(list(Fulfillment))),
        category_id=draw(st.sampled_from([None, 0, 1, 2, 4])),
        title=draw(st.sampled_from(["MIG welder", "booth", ""])),
        condition=draw(st.sampled_from(list(Condition))),
        quantity=draw(st.integers(0, 3)),
        visible=draw(st.booleans()),
    )


@SETTINGS
@given(st.data(), st.sampled_from([None, 1, 4]), st.sampled_from(list(Condition)))
def test_need_to_listings_why_agrees_and_shipping_is_never_too_far(data, category, minimum):
    rows = [data.draw(listings(i)) for i in range(1, data.draw(st.integers(1, 15)) + 1)]
    need = Need(
        id=1,
        school_id=1,
        lat=at(0)[0],
        lon=at(0)[1],
        radius_km=50,
        category_id=category,
        title="MIG welder",
        min_condition=minimum,
        quantity=2,
    )
    kind = NeedToListings(TAX)
    pool = ListingPool.from_rows(rows)
    ranked = {m.id for m in rank(kind, need, pool, k=100, today=TODAY)}
    for r in rows:
        answer = explain_pair(kind, need, pool, r.id, today=TODAY)
        assert answer.eligible == (r.id in ranked)
        if r.fulfillment == Fulfillment.SHIP:
            assert all(x.code.value != "OUTSIDE_RADIUS" for x in answer.reasons)


@SETTINGS
@given(st.data())
def test_mentee_to_mentors_why_agrees(data):
    mentee = data.draw(students(99))
    rows = []
    for mid in range(1, data.draw(st.integers(1, 12)) + 1):
        lat, lon = at(data.draw(st.floats(0, 150)), data.draw(st.floats(0, 360)))
        rows.append(
            Mentor(
                id=mid,
                lat=lat,
                lon=lon,
                radius_km=data.draw(st.sampled_from([10.0, 60.0])),
                remote_ok=data.draw(st.booleans()),
                specialties=data.draw(id_sets),
                capacity_left=data.draw(st.integers(0, 2)),
                visible=data.draw(st.booleans()),
            )
        )
    pool = MentorPool.from_rows(rows)
    ranked = {m.id for m in rank(MenteeToMentors(), mentee, pool, k=100, today=TODAY)}
    for r in rows:
        assert explain_pair(MenteeToMentors(), mentee, pool, r.id, today=TODAY).eligible == (r.id in ranked)
