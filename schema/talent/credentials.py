"""The credential catalogue and the credentials students hold."""

from __future__ import annotations

import functools
from datetime import date, datetime

import strawberry

from db import models
from db.reference.credentials import CREDENTIALS
from resolvers.talent import credentials
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsPerson
from schema.relay import Node, decode_id, node_type
from schema.talent.enums import CredentialStatus
from schema.talent.students import StudentProfile, can_view_profile


@node_type
@strawberry.type(description="A recognized credential (ASE, ASE Entry-Level, I-CAR).")
class Credential(Node):
    code: str
    name: str
    issuer: str = strawberry.field(description="ASE, ASE_ENTRY_LEVEL or I_CAR.")
    area: str
    kind: str = strawberry.field(description="CERTIFICATION, ENTRY_LEVEL, PRO_LEVEL or BADGE.")
    validity_months: int | None = strawberry.field(description="How long it stays valid; null: it does not expire.")
    renewable: bool

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
@strawberry.type(description="A credential a student holds.")
class StudentCredential(Node):
    earned_on: date
    expires_on: date | None
    credential_number: str | None
    verified_at: datetime | None
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

    @strawberry.field
    async def credential(self, info: Info) -> Credential:
        return await Credential.load(info, self._row.credential_id)

    @strawberry.field(description="VALID, EXPIRING (within 90 days) or EXPIRED, as of today.")
    def status(self) -> CredentialStatus:
        return credentials.status(self._row.expires_on)

    @strawberry.field(description="Confirmed by a member of the student's school.")
    def verified(self) -> bool:
        return self._row.verified_at is not None

    @strawberry.field
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)


@strawberry.input
class CredentialFilter:
    issuer: str | None = strawberry.field(default=None, description="ASE, ASE_ENTRY_LEVEL or I_CAR.")
    search: str | None = None


@strawberry.input
class StudentCredentialAddInput:
    code: str
    earned_on: date
    expires_on: date | None = strawberry.field(default=None, description="Computed from the catalogue when omitted.")
    credential_number: str | None = None


@strawberry.type
class StudentCredentialPayload(Payload):
    student_credential: StudentCredential | None = None


@strawberry.type
class StudentCredentialRemovePayload(Payload):
    removed_id: strawberry.ID | None = None


@strawberry.type
class CredentialQueries:
    @strawberry.field(description="The credential catalogue.")
    async def credentials(self, info: Info, filter: CredentialFilter | None = None) -> list[Credential]:
        filter = filter or CredentialFilter()
        rows = await credentials.catalogue(info.context.db, filter.issuer, filter.search)
        return [Credential.from_model(row) for row in rows]


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "StudentCredential")


@strawberry.type
class CredentialMutations:
    @strawberry.mutation(permission_classes=[IsPerson], description="Add a credential to your student profile.")
    @returns_payload
    async def student_credential_add(self, info: Info, input: StudentCredentialAddInput) -> StudentCredentialPayload:
        row = await credentials.add(
            info.context.db,
            info.context.viewer,
            credentials.CredentialInput(input.code, input.earned_on, input.expires_on, input.credential_number),
        )
        return StudentCredentialPayload(student_credential=StudentCredential.from_model(row))

    @strawberry.mutation(
        permission_classes=[IsPerson], description="Mark a student's credential verified (their school)."
    )
    @returns_payload
    async def student_credential_verify(self, info: Info, id: strawberry.ID) -> StudentCredentialPayload:
        row = await credentials.verify(info.context.db, info.context.viewer, _id(id))
        return StudentCredentialPayload(student_credential=StudentCredential.from_model(row))

    @strawberry.mutation(permission_classes=[IsPerson], description="Remove a credential from your profile.")
    @returns_payload
    async def student_credential_remove(self, info: Info, id: strawberry.ID) -> StudentCredentialRemovePayload:
        await credentials.remove(info.context.db, info.context.viewer, _id(id))
        return StudentCredentialRemovePayload(removed_id=id)
