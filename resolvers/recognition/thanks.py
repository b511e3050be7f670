"""A school's thank-you note on a received donation, with up to 8 photos, written once."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from core.errors import DomainError, ErrorCode, not_found
from core.insert_once import insert_once
from core.media_storage import MediaStorage
from core.settings import Settings
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.donations import DonationStatus
from db.models import Donation, Photo, ThankYouNote
from resolvers.media.photos import MAX_PHOTOS, StoredImage, discard_unreferenced, store
from resolvers.recognition import policy

MAX_MESSAGE = 5000


async def _thankable(session, viewer: Viewer, donation_id: int) -> Donation:
    donation = await session.get(Donation, donation_id)
    if donation is None:
        raise not_found("Donation", "donationId")
    await policy.require_thanking_school(session, viewer, donation)
    if donation.status != DonationStatus.RECEIVED.value:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, "Thank the donor once you have received the items.", "donationId"
        )
    return donation


async def thank(
    db: Database,
    settings: Settings,
    storage: MediaStorage,
    viewer: Viewer,
    donation_id: int,
    message: str,
    photos: Sequence[bytes],
) -> ThankYouNote:
    checks = Checks()
    text = checks.text(message, "message", max_length=MAX_MESSAGE)
    if len(photos) > MAX_PHOTOS:
        checks.add(ErrorCode.PHOTO_LIMIT_REACHED, f"Send at most {MAX_PHOTOS} photos.", "photos")
    checks.raise_any()
    async with db.read() as session:  # refuse cheaply before decoding any photo
        await _thankable(session, viewer, donation_id)
        if await session.scalar(select(ThankYouNote.id).where(ThankYouNote.donation_id == donation_id)):
            raise _already()
    stored: list[StoredImage] = []
    try:
        for index, data in enumerate(photos):
            stored.append(await store(settings, storage, data, ["photos", str(index)]))
        async with db.write() as session:
            donation = await _thankable(session, viewer, donation_id)
            note_id = await insert_once(
                session,
                ThankYouNote,
                {
                    "donation_id": donation.id,
                    "school_id": donation.school_id,
                    "donor_id": donation.donor_id,
                    "author_user_id": viewer.user_id,
                    "message": text,
                },
                ["donation_id"],
            )
            if note_id is None:  # another request thanked first
                raise _already()
            session.add_all(
                Photo(thank_you_note_id=note_id, uploaded_by_id=viewer.user_id, position=i, **image.columns())
                for i, image in enumerate(stored)
            )
            note = await session.get_one(ThankYouNote, note_id)
    except DomainError:
        await discard_unreferenced(db, storage, [k for s in stored for k in (s.key, s.thumbnail_key)])
        raise
    return note


def _already() -> DomainError:
    return DomainError(ErrorCode.DUPLICATE, "This donation already has its thank-you note.", "donationId")
