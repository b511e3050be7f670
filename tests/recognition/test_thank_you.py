"""A school's thank-you note with photos on a received donation: once, by the school, seen by both parties."""

from __future__ import annotations

from tests.donations.support import make_listing, make_need, parties, requested
from tests.media.support import decode, image_bytes, multipart
from tests.recognition.support import received_donation

THANK = """mutation ($input: DonationThankYouInput!) { donationThankYou(input: $input) {
  thankYouNote { id message school { name } photos { url thumbnailUrl width height position } }
  userErrors { field code message } } }"""
DONATION_NOTE = """query ($id: ID!) { donation(id: $id) { thankYouNote { id message photos { url } } } }"""
NODE = """query ($id: ID!) { node(id: $id) { ... on ThankYouNote { message } ... on Photo { url } } }"""


async def thank(api, token: str, donation: str, message: str, photos: list[bytes]) -> dict:
    variables = {"input": {"donationId": donation, "message": message, "photos": [None] * len(photos)}}
    files = {f"variables.input.photos.{i}": (f"p{i}.jpg", data, "image/jpeg") for i, data in enumerate(photos)}
    if not files:
        return (await api.gql(THANK, variables, token=token))["donationThankYou"]
    response = await multipart(api, token, THANK, variables, files)
    assert response.status_code == 200, response.text
    return response.json()["data"]["donationThankYou"]


async def test_the_school_thanks_the_donor_with_photos_and_the_donor_sees_it(api):
    p = await parties(api)
    donation = await received_donation(api, p)
    photos = [image_bytes(300, 200, orientation=3), image_bytes(50, 50, format="PNG", color=(0, 90, 0))]

    result = await thank(api, p.school_member.token, donation, "  Thank you! The welder is in the lab.  ", photos)

    assert result["userErrors"] == []
    note = result["thankYouNote"]
    assert note["message"] == "Thank you! The welder is in the lab." and note["school"]["name"] == "Detroit Tech"
    assert [(x["width"], x["height"], x["position"]) for x in note["photos"]] == [(300, 200, 0), (50, 50, 1)]
    served = decode((await api.client.get(note["photos"][0]["url"])).content)
    assert not served.getexif()  # stripped like listing photos
    seen = await api.gql(DONATION_NOTE, {"id": donation}, token=p.donor_member.token)
    assert seen["donation"]["thankYouNote"]["id"] == note["id"]
    assert [x["url"] for x in seen["donation"]["thankYouNote"]["photos"]] == [x["url"] for x in note["photos"]]
    assert (await api.gql(NODE, {"id": note["id"]}, token=p.donor_member.token))["node"]["message"]


async def test_a_note_is_written_once_and_only_after_receipt(api):
    p = await parties(api)
    need = await make_need(api, p)
    listing = await make_listing(api, p)
    waiting = await requested(api, p, listing, need, 1)
    early = await thank(api, p.school_member.token, waiting, "Thanks in advance", [])
    assert [e["code"] for e in early["userErrors"]] == ["INVALID_TRANSITION"]

    donation = await received_donation(api, p)
    assert (await thank(api, p.school_member.token, donation, "Thank you", []))["userErrors"] == []
    again = await thank(api, p.school_member.token, donation, "Thanks again", [image_bytes()])
    assert [e["code"] for e in again["userErrors"]] == ["DUPLICATE"]
    assert (await api.gql(DONATION_NOTE, {"id": donation}, token=p.school_member.token))["donation"]["thankYouNote"][
        "message"
    ] == "Thank you"


async def test_only_the_school_writes_and_only_the_parties_read(api):
    p = await parties(api)
    donation = await received_donation(api, p)
    by_donor = await thank(api, p.donor_member.token, donation, "Thanks to us", [])
    assert [e["code"] for e in by_donor["userErrors"]] == ["PERMISSION_DENIED"]
    outsider = await api.person()
    by_outsider = await thank(api, outsider.token, donation, "Hello", [])
    assert [e["code"] for e in by_outsider["userErrors"]] == ["NOT_FOUND"]
    empty = await thank(api, p.school_member.token, donation, "   ", [])
    assert [e["code"] for e in empty["userErrors"]] == ["REQUIRED"]

    note = (await thank(api, p.school_member.token, donation, "Thank you", [image_bytes()]))["thankYouNote"]
    assert (await api.gql(NODE, {"id": note["id"]}, token=outsider.token))["node"] is None
    assert (await api.gql(NODE, {"id": note["id"]}))["node"] is None


async def test_a_bad_photo_refuses_the_whole_note(api):
    p = await parties(api)
    donation = await received_donation(api, p)
    result = await thank(api, p.school_member.token, donation, "Thank you", [image_bytes(), b"not an image"])
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [("INVALID_IMAGE", ["photos", "1"])]
    assert (await api.gql(DONATION_NOTE, {"id": donation}, token=p.school_member.token))["donation"][
        "thankYouNote"
    ] is None
    nine = await thank(api, p.school_member.token, donation, "Thank you", [image_bytes(20, 20)] * 9)
    assert [e["code"] for e in nine["userErrors"]] == ["PHOTO_LIMIT_REACHED"]
