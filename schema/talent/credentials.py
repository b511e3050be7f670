"""The credential catalogue and the credentials students hold."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Annotated

import strawberry

from db import models
from db.reference.credentials import CREDENTIALS
from resolvers.talent import credentials
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.relay import Node, decode_id, node_type
from schema.talent.enums import CredentialStatus
from schema.talent.students import StudentProfile, can_view_profile


@node_type
@strawberry.type(
    description="A recognized credential from the catalogue (reference data): an ASE certification, an ASE "
    "Entry-Level certification, an I-CAR ProLevel role or an I-CAR Academy badge. Public."
)
class Credential(Node):
    code: str = strawberry.field(
        description="The stable code used in inputs and filters, e.g. 'ASE-B2', 'ASE-EL-PR', 'ICAR-REF-PL1'."
    )
    name: str = strawberry.field(description="The credential's name, e.g. 'Painting & Refinishing'.")
    issuer: str = strawberry.field(description="ASE, ASE_ENTRY_LEVEL or I_CAR.")
    area: str = strawberry.field(
        description="The subject area; an Entry-Level credential shares it with the professional test it leads to."
    )
    kind: str = strawberry.field(description="CERTIFICATION, ENTRY_LEVEL, PRO_LEVEL or BADGE.")
    validity_months: int | None = strawberry.field(description="How long it stays valid; null: it does not expire.")
    renewable: bool = strawberry.field(
        description="Whether it can be renewed (ASE every 5 years); Entry-Level certifications cannot."
    )

    @classmethod
    def from_model(cls, row: models.Credential) -> Credential:
        return cls(
            pk=row.id,
            code=row.code,
            name=row.name,
            issuer=row.issuer,
            area=row.area,
            kind=row.kind,
            validity_months=row.validity_months,
            renewable=row.renewable,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Credential | None:
        row = await info.context.loaders.by_id(models.Credential).load(pk)
        return cls.from_model(row) if row else None


@functools.cache
def catalogue_entry(credential_id: int) -> Credential | None:
    """The catalogue is reference data with ids fixed by its migration: one shared object per entry."""
    if not 1 <= credential_id <= len(CREDENTIALS):
        return None
    seed = CREDENTIALS[credential_id - 1]
    return Credential(
        pk=credential_id,
        code=seed.code,
        name=seed.name,
        issuer=seed.issuer,
        area=seed.area,
        kind=seed.kind,
        validity_months=seed.validity_months,
        renewable=seed.renewable,
    )


def catalogue_entries(ids) -> list[Credential]:
    return [entry for entry in map(catalogue_entry, ids) if entry is not None]


async def credentials_by_ids(info: Info, ids: list[int]) -> list[Credential]:
    rows = await info.context.loaders.by_id(models.Credential).load_many(ids)
    return [Credential.from_model(row) for row in rows if row is not None]


@node_type
@strawberry.type(description="A credential a student holds; seen by whoever may see the student's profile.")
class StudentCredential(Node):
    earned_on: date = strawberry.field(description="When the student earned it.")
    expires_on: date | None = strawberry.field(description="When it stops being valid; null when it does not expire.")
    credential_number: str | None = strawberry.field(
        description="The issuer's certificate or ID number, as the student gave it; null when not given."
    )
    verified_at: datetime | None = strawberry.field(
        description="When a member of the student's school verified it; null while unverified."
    )
    _row: strawberry.Private[models.StudentCredential]

    @classmethod
    def from_model(cls, row: models.StudentCredential) -> StudentCredential:
        return cls(
            pk=row.id,
            earned_on=row.earned_on,
            expires_on=row.expires_on,
            credential_number=row.credential_number,
            verified_at=row.verified_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> StudentCredential | None:
        row = await info.context.loaders.by_id(models.StudentCredential).load(pk)
        if row is None:
            return None
        profile = await info.context.loaders.by_id(models.StudentProfile).load(row.student_id)
        return cls.from_model(row) if await can_view_profile(info, profile) else None

    @strawberry.field(description="Which catalogue credential this is.")
    async def credential(self, info: Info) -> Credential:
        return await Credential.load_referenced(info, self._row.credential_id)

    @strawberry.field(description="VALID, EXPIRING (within 90 days) or EXPIRED, as of today.")
    def status(self) -> CredentialStatus:
        return credentials.status(self._row.expires_on)

    @strawberry.field(description="Confirmed by a member of the student's school.")
    def verified(self) -> bool:
        return self._row.verified_at is not None

    @strawberry.field(description="The student who holds it; null when the viewer may not see the profile.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)


@strawberry.input(description="Which catalogue credentials to list.")
class CredentialFilter:
    issuer: str | None = strawberry.field(default=None, description="ASE, ASE_ENTRY_LEVEL or I_CAR.")
    search: str | None = strawberry.field(
        default=None, description="Text found in the code, name or area (case-insensitive, taken literally)."
    )


@strawberry.input(description="A credential to add to your student profile.")
class StudentCredentialAddInput:
    code: str = strawberry.field(description="The catalogue code, case-insensitive, e.g. 'ASE-B2'.")
    earned_on: date = strawberry.field(description="When you earned it; not in the future.")
    expires_on: date | None = strawberry.field(
        default=None,
        description="When it expires, after `earnedOn`; computed from the catalogue's validity when omitted.",
    )
    credential_number: str | None = strawberry.field(
        default=None, description="The issuer's certificate or ID number, at most 60 characters."
    )


@strawberry.input(description="The held credential to verify.")
class StudentCredentialVerifyInput:
    id: strawberry.ID = strawberry.field(description="The StudentCredential's global ID.")


@strawberry.input(description="The held credential to remove.")
class StudentCredentialRemoveInput:
    id: strawberry.ID = strawberry.field(description="The StudentCredential's global ID.")


@strawberry.type(description="The held credential a mutation changed.")
class StudentCredentialResult(Payload):
    student_credential: StudentCredential | None = strawberry.field(
        default=None, description="The credential as saved; null when nothing changed."
    )


@strawberry.type(description="The result of `studentCredentialAdd`.")
class StudentCredentialAddPayload(StudentCredentialResult):
    pass


@strawberry.type(description="The result of `studentCredentialVerify`.")
class StudentCredentialVerifyPayload(StudentCredentialResult):
    pass


@strawberry.type(description="The result of `studentCredentialRemove`.")
class StudentCredentialRemovePayload(Payload):
    removed_id: strawberry.ID | None = strawberry.field(
        default=None, description="The global ID of the credential removed; null when nothing was removed."
    )
    student_profile: StudentProfile | None = strawberry.field(
        default=None, description="Your profile without the credential; null when nothing was removed."
    )


@strawberry.type
class CredentialQueries:
    @strawberry.field(description="The credential catalogue, in its fixed order. Public.")
    async def credentials(
        self,
        info: Info,
        filter: Annotated[
            CredentialFilter | None, strawberry.argument(description="Criteria; the whole catalogue if omitted.")
        ] = None,
    ) -> list[Credential]:
        filter = filter or CredentialFilter()
        rows = await credentials.catalogue(info.context.db, filter.issuer, filter.search)
        return [Credential.from_model(row) for row in rows]


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "StudentCredential")


@strawberry.type
class CredentialMutations:
    @strawberry.mutation(
        description="Add a credential to your student profile (people only; needs a profile: PROFILE_REQUIRED). "
        "The same credential earned on the same day is refused as DUPLICATE."
    )
    @returns_payload(caller=Caller.PERSON)
    async def student_credential_add(
        self,
        info: Info,
        input: Annotated[StudentCredentialAddInput, strawberry.argument(description="The credential to add.")],
    ) -> StudentCredentialAddPayload:
        row = await credentials.add(
            info.context.db,
            info.context.viewer,
            credentials.CredentialInput(input.code, input.earned_on, input.expires_on, input.credential_number),
        )
        return StudentCredentialAddPayload(student_credential=StudentCredential.from_model(row))

    @strawberry.mutation(
        description="Mark a student's credential verified: members of the student's school only (people, not "
        "apps); anyone else gets NOT_FOUND. Verifying twice is INVALID_TRANSITION."
    )
    @returns_payload(caller=Caller.PERSON)
    async def student_credential_verify(
        self,
        info: Info,
        input: Annotated[StudentCredentialVerifyInput, strawberry.argument(description="The credential to verify.")],
    ) -> StudentCredentialVerifyPayload:
        row = await credentials.verify(info.context.db, info.context.viewer, _id(input.id))
        return StudentCredentialVerifyPayload(student_credential=StudentCredential.from_model(row))

    @strawberry.mutation(description="Remove a credential from your own profile; anyone else's is NOT_FOUND.")
    @returns_payload(caller=Caller.PERSON)
    async def student_credential_remove(
        self,
        info: Info,
        input: Annotated[StudentCredentialRemoveInput, strawberry.argument(description="The credential to remove.")],
    ) -> StudentCredentialRemovePayload:
        profile = await credentials.remove(info.context.db, info.context.viewer, _id(input.id))
        return StudentCredentialRemovePayload(removed_id=input.id, student_profile=StudentProfile.from_model(profile))
