"""Demo photos and recognition: pictures on a few of the demo donor's listings (drawn here with Pillow),
a thank-you note with a photo from the demo school on its received donation, and a recognition wall."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.media_storage import storage_for
from core.settings import Settings
from db.enums.donations import DonationStatus
from db.models import Donation, Listing, Photo, RecognitionWallEntry, ThankYouNote
from resolvers.media.photos import store

PALETTE = [(178, 34, 34), (30, 90, 160), (40, 120, 60), (200, 140, 20)]
THANKS = (
    "Thank you! The spot welder is already in our collision lab: twelve second-year students practised "
    "STRSW welds on it this week."
)


def picture(title: str, color: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> bytes:
    """A simple drawing of a machine on a bench, captioned, as a JPEG."""
    width, height = size
    image = Image.new("RGB", size, (236, 236, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 3 // 4, width, height), fill=(120, 110, 100))
    draw.rectangle(
        (width // 4, height // 4, width * 3 // 4, height * 3 // 4), fill=color, outline=(20, 20, 20), width=4
    )
    draw.ellipse((width // 2 - 40, height // 2 - 40, width // 2 + 40, height // 2 + 40), fill=(240, 240, 240))
    draw.text((20, 20), title[:60], fill=(20, 20, 20))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


async def _photo(session: AsyncSession, settings: Settings, title: str, color, position: int, **owner) -> None:
    stored = await store(settings, storage_for(settings), picture(title, color))
    session.add(Photo(position=position, caption=title, **owner, **stored.columns()))


async def seed(session: AsyncSession, world) -> None:
    settings: Settings | None = world.extra.get("settings")
    school, donor = world.schools[0], world.donors[0]
    if settings is not None:  # files need a media store; the demo tests name one
        listings = (
            await session.scalars(select(Listing).where(Listing.donor_id == donor.id).order_by(Listing.id).limit(3))
        ).all()
        for index, listing in enumerate(listings):
            for position in range(2 if index == 0 else 1):
                color = PALETTE[(index + position) % len(PALETTE)]
                label = listing.title if position == 0 else f"{listing.title}: detail"
                await _photo(session, settings, label, color, position, listing_id=listing.id)
    received = await session.scalar(
        select(Donation).where(
            Donation.donor_id == donor.id,
            Donation.school_id == school.id,
            Donation.status == DonationStatus.RECEIVED.value,
        )
    )
    if received is not None:
        note = ThankYouNote(
            donation_id=received.id,
            school_id=school.id,
            donor_id=donor.id,
            author_user_id=world.users["school"].id,
            message=THANKS,
        )
        session.add(note)
        await session.flush()
        if settings is not None:
            await _photo(session, settings, "Students at the new welder", PALETTE[2], 0, thank_you_note_id=note.id)
    # The demo donor and the first shops credited with services chose to appear on the wall.
    for organization in [donor, *world.employers[:2]]:
        session.add(RecognitionWallEntry(organization_id=organization.id))
