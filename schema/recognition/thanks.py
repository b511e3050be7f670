"""`donationThankYou`: the school's thank-you note with photos, and `Donation.thankYouNote`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from db import models
from resolvers.recognition import thanks
from resolvers.recognition.policy import may_read_note
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.media.photos import Photo, photos_of, storage, upload_bytes
from schema.relay import Node, decode_id, node_type

SEEN_BY = "Seen by the donation's two parties (their apps with a donations scope) and staff."


@node_type
@strawberry.type(description=f"A school's thank-you to the donor for a received donation, with photos. {SEEN_BY}")
class ThankYouNote(Node):
    message: str = strawberry.field(description="The school's words to the donor, up to 5,000 characters.")
    created_at: datetime = strawberry.field(description="When the school wrote it.")
    _row: strawberry.Private[models.ThankYouNote]

    @classmethod
    def from_model(cls, row: models.ThankYouNote) -> ThankYouNote:
        return cls(pk=row.id, message=row.message, created_at=row.created_at, _row=row)

    @classmethod
    async def load(cls, info: Info, pk: int) -> ThankYouNote | None:
        row = await info.context.loaders.by_id(models.ThankYouNote).load(pk)
        if row is None or not may_read_note(info.context.viewer, await info.context.roles(), row):
            return None
        return cls.from_model(row)

    @strawberry.field(description="The school that wrote it.")
    async def school(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.school_id)

    @strawberry.field(description="Its photos in the order sent, at most 8.")
    async def photos(self, info: Info) -> list[Photo]:
        return await photos_of(info, "thank_you_note_id", self.pk)


async def note_of_donation(info: Info, donation_id: int) -> ThankYouNote | None:
    """Called from `Donation.thankYouNote`, whose parent the viewer already sees."""
    rows = await info.context.loaders.by_column(models.ThankYouNote, "donation_id").load(donation_id)
    return ThankYouNote.from_model(rows[0]) if rows else None


@strawberry.input(description="A thank-you note for a received donation.")
class DonationThankYouInput:
    donation_id: strawberry.ID = strawberry.field(
        description="The Donation, RECEIVED; you must be a member of its school (an app: donations:write)."
    )
    message: str = strawberry.field(description="Your words to the donor, up to 5,000 characters.")
    photos: list[Upload] = strawberry.field(
        default_factory=list,
        description="Up to 8 JPEG, PNG or WebP images (each at most 10 MB), sent as parts of a multipart request "
        "(the GraphQL multipart request spec); checked and stripped of metadata like listing photos.",
    )


@strawberry.type(description="The result of `donationThankYou`.")
class DonationThankYouPayload(Payload):
    thank_you_note: ThankYouNote | None = strawberry.field(default=None, description="The note; null on error.")


@strawberry.type
class ThankYouMutations:
    @strawberry.mutation(
        description="The school thanks the donor for a received donation, once, with a message and photos; the donor "
        "sees it on the donation."
    )
    @returns_payload
    async def donation_thank_you(
        self, info: Info, input: Annotated[DonationThankYouInput, strawberry.argument(description=INPUT)]
    ) -> DonationThankYouPayload:
        donation_id = decode_id(input.donation_id, "Donation", "donationId")
        files = [await upload_bytes(f, ["photos", str(i)]) for i, f in enumerate(input.photos or ())]
        row = await thanks.thank(
            info.context.db,
            info.context.settings,
            storage(info),
            info.context.viewer,
            donation_id,
            input.message,
            files,
        )
        return DonationThankYouPayload(thank_you_note=ThankYouNote.from_model(row))
