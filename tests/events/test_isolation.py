"""An app hears only of what its organization and scopes may read: the read rules, applied to events."""

from __future__ import annotations

import json

from tests.donations.support import make_listing, make_need, parties, requested
from tests.events.receiver import running_receiver
from tests.events.support import drain, partner_app, webhook
from tests.talent import flows

DONATION_TYPES = ["NEED_CREATED", "LISTING_CREATED", "DONATION_REQUESTED"]
TALENT_TYPES = ["JOB_POSTING_CREATED", "APPLICATION_CREATED", "APPLICATION_MOVED"]


async def test_an_app_never_hears_of_another_organizations_donations(events_api, db, loopback_settings):
    ours, theirs = await parties(events_api), await parties(events_api, school_zip="48201", donor_zip="48202")
    our_donor_app = await partner_app(events_api, ours.donor_id, ("donations:read",))
    their_donor_app = await partner_app(events_api, theirs.donor_id, ("donations:read",))
    async with running_receiver() as our_hook, running_receiver() as their_hook:
        await webhook(events_api, our_donor_app, our_hook.url, DONATION_TYPES)
        await webhook(events_api, their_donor_app, their_hook.url, DONATION_TYPES)
        need = await make_need(events_api, theirs)
        listing = await make_listing(events_api, theirs)
        donation = await requested(events_api, theirs, listing, need, 1)
        await drain(db, loopback_settings)
        ours_got = [json.loads(r.body) for r in our_hook.received]
        theirs_got = [json.loads(r.body) for r in their_hook.received]
    # the board is public: both hear of the need and the listing; only the party hears of the donation
    assert [b["type"] for b in ours_got] == ["need.created", "listing.created"]
    assert [b["type"] for b in theirs_got] == ["need.created", "listing.created", "donation.requested"]
    assert theirs_got[2]["data"]["donation"] == donation


async def test_application_events_reach_only_the_employer_and_only_with_talent_read(events_api, db, loopback_settings):
    employer, other = await flows.employer(events_api), await flows.employer(events_api, name="Other Shop")
    hidden = await flows.student(events_api, visible=False, name="Private Student")
    posting = await flows.posting(events_api, employer)
    reader = await partner_app(events_api, employer.org_id, ("talent:read",))
    unscoped = await partner_app(events_api, employer.org_id, ("donations:read",))
    stranger = await partner_app(events_api, other.org_id, ("talent:read",))
    async with running_receiver() as reader_hook, running_receiver() as unscoped_hook, running_receiver() as other_hook:
        await webhook(events_api, reader, reader_hook.url, TALENT_TYPES)
        await webhook(events_api, unscoped, unscoped_hook.url, TALENT_TYPES)
        await webhook(events_api, stranger, other_hook.url, TALENT_TYPES)
        applied = await flows.apply(events_api, hidden, posting)
        assert applied["userErrors"] == []
        moved = await flows.move(events_api, employer.owner.token, applied["application"]["id"], "REVIEWING")
        assert moved["userErrors"] == []
        await drain(db, loopback_settings)
        reader_types = [json.loads(r.body)["type"] for r in reader_hook.received]
        unscoped_types = [json.loads(r.body)["type"] for r in unscoped_hook.received]
        other_types = [json.loads(r.body)["type"] for r in other_hook.received]
    # postings are public; the hidden student's application reached its employer's talent:read app only
    assert reader_types == ["application.created", "application.moved"]
    assert unscoped_types == [] and other_types == []


async def test_a_student_who_hides_after_an_invitation_is_no_longer_announced(events_api, db, loopback_settings):
    employer = await flows.employer(events_api)
    student = await flows.student(events_api, visible=True)
    posting = await flows.posting(events_api, employer)
    app = await partner_app(events_api, employer.org_id, ("talent:read",))
    async with running_receiver() as hook:
        await webhook(events_api, app, hook.url, ["INVITATION_CREATED", "INVITATION_DECLINED"])
        invited = await events_api.gql(
            flows.INVITE,
            {"input": {"jobPostingId": posting, "studentId": student.profile_gid}},
            token=employer.owner.token,
        )
        invitation = invited["invitationCreate"]["invitation"]["id"]
        await drain(db, loopback_settings)
        assert [json.loads(r.body)["type"] for r in hook.received] == ["invitation.created"]
        await events_api.gql(flows.UPSERT_PROFILE, {"input": {"visibleToEmployers": False}}, token=student.person.token)
        await events_api.gql(
            "mutation ($input: InvitationDeclineInput!) { invitationDecline(input: $input) { userErrors { code } } }",
            {"input": {"id": invitation}},
            token=student.person.token,
        )
        await drain(db, loopback_settings)
        assert len(hook.received) == 1
