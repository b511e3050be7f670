"""The donation exchange's rows of the who-is-told-what table: the right people, and only they, are told in
app and by email per their preferences."""

from __future__ import annotations

from db.models import Membership
from tests.donations.support import APPROVE, DECLINE, RECEIVE, SHIP, make_listing, make_need, parties, requested, step
from tests.notifications.support import consume, kinds_of, mailed, prefer, told


async def test_each_step_of_a_donation_tells_the_other_party_in_app_and_by_email(api, db, settings, mailer, mailbox):
    # given a school, a donor with a second member, and a bystander donor
    p = await parties(api)
    colleague = await api.person("Donor Colleague")
    async with db.write() as session:
        session.add(Membership(organization_id=p.donor_id, user_id=colleague.id, role="MEMBER"))
    bystander = await api.person("Bystander")
    await api.organization(owner=bystander, kinds=("DONOR",))
    await prefer(api, p.donor_member, "DONATION_RECEIVED", "IMMEDIATE")  # the default is the daily digest

    # when the school requests the listing
    need, listing = await make_need(api, p), await make_listing(api, p, title="STRSW <b>spot</b> welder")
    donation = await requested(api, p, listing, need, 2)
    await consume(db, settings, mailer)
    # then every member of the donor is told, and nobody else
    assert await kinds_of(api, p.donor_member) == ["LISTING_REQUESTED"]
    assert await kinds_of(api, colleague) == ["LISTING_REQUESTED"]
    assert await kinds_of(api, p.school_member) == []
    [notification] = await told(api, p.donor_member)
    assert notification["title"] == "Detroit Tech requested “STRSW <b>spot</b> welder”"
    assert notification["subject"] == {"id": donation}
    assert await mailed(mailbox, p.donor_member) == [notification["title"]]
    assert await mailed(mailbox, colleague) == [notification["title"]]

    # when the donor approves, ships, and the school receives
    await step(api, APPROVE, p.donor_member.token, id=donation)
    await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS", trackingNumber="1Z1")
    received = await step(api, RECEIVE, p.school_member.token, id=donation)
    await consume(db, settings, mailer)
    # then the school hears of the approval and the shipment, the donor of the receipt
    assert await kinds_of(api, p.school_member) == ["DONATION_SHIPPED", "REQUEST_APPROVED"]
    assert await kinds_of(api, p.donor_member) == ["DONATION_RECEIVED", "LISTING_REQUESTED"]
    assert await kinds_of(api, bystander) == []
    receipt = received["donation"]["receipt"]["number"]
    newest = (await told(api, p.donor_member))[0]
    assert newest["kind"] == "DONATION_RECEIVED" and receipt in newest["body"]
    assert newest["subject"]["id"].startswith("RG9uYXRpb25SZWNlaXB0")  # a DonationReceipt
    assert len(await mailed(mailbox, p.school_member)) == 2
    # the colleague kept the default (daily digest) for receipts: no mail at once
    assert len(await mailed(mailbox, p.donor_member)) == 2 and len(await mailed(mailbox, colleague)) == 1
    assert await kinds_of(api, colleague) == ["DONATION_RECEIVED", "LISTING_REQUESTED"]


async def test_a_declined_request_tells_the_school_and_off_means_no_email(api, db, settings, mailer, mailbox):
    p = await parties(api)
    await prefer(api, p.school_member, "REQUEST_DECLINED", "OFF")
    donation = await requested(api, p, await make_listing(api, p), await make_need(api, p), 1)
    await step(api, DECLINE, p.donor_member.token, id=donation, reason="Already promised")
    await consume(db, settings, mailer)
    assert await kinds_of(api, p.school_member) == ["REQUEST_DECLINED"]
    assert await mailed(mailbox, p.school_member) == []
    assert len(await mailed(mailbox, p.donor_member)) == 1  # the request itself
