"""The academy curriculum: five entry-level areas, each a sequence of modules with contact hours."""

from __future__ import annotations

import strawberry

from db import models
from schema.context import Info
from schema.relay import Node, node_type


@node_type
@strawberry.type(description="A module of the academy curriculum, with its contact hours. Public reference data.")
class AcademyModule(Node):
    code: str = strawberry.field(description="Stable module code, e.g. PLASTIC-01; unique across the curriculum.")
    title: str = strawberry.field(description="The module's title as taught.")
    hours: int = strawberry.field(description="Contact hours the module takes, a whole number greater than 0.")
    _area_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.AcademyModule) -> AcademyModule:
        return cls(pk=row.id, code=row.code, title=row.title, hours=row.hours, _area_id=row.area_id)

    @classmethod
    async def load(cls, info: Info, pk: int) -> AcademyModule | None:
        row = await info.context.loaders.by_id(models.AcademyModule).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="The area the module belongs to.")
    async def area(self, info: Info) -> AcademyArea:
        return await AcademyArea.load_referenced(info, self._area_id)


@node_type
@strawberry.type(
    description="An entry-level area of the academy curriculum (e.g. Plastic Repair); a student who completes "
    "all its modules in a training program earns the area's badge automatically. Public reference data."
)
class AcademyArea(Node):
    code: str = strawberry.field(
        description="Stable area code used in `TrainingProgramCreateInput.areas`: CRF, DR, PLASTIC, SDR or PREP."
    )
    name: str = strawberry.field(description="The area's name, e.g. Plastic Repair.")
    _badge_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.AcademyArea) -> AcademyArea:
        return cls(pk=row.id, code=row.code, name=row.name, _badge_id=row.badge_credential_id)

    @classmethod
    async def load(cls, info: Info, pk: int) -> AcademyArea | None:
        row = await info.context.loaders.by_id(models.AcademyArea).load(pk)
        return cls.from_model(row) if row else None

    async def _modules(self, info: Info) -> list[models.AcademyModule]:
        return await info.context.loaders.by_column(models.AcademyModule, "area_id", order_by=("position",)).load(
            self.pk
        )

    @strawberry.field(description="The area's modules in teaching order; a fixed, short list.")
    async def modules(self, info: Info) -> list[AcademyModule]:
        return [AcademyModule.from_model(row) for row in await self._modules(info)]

    @strawberry.field(description="Total contact hours of the area's modules.")
    async def hours(self, info: Info) -> int:
        return sum(row.hours for row in await self._modules(info))

    @strawberry.field(description="Code of the credential earned by completing the area, e.g. ICAR-ACAD-CRF.")
    async def badge_code(self, info: Info) -> str:
        return (await info.context.loaders.by_id(models.Credential).load(self._badge_id)).code

    @strawberry.field(description="Name of the credential earned by completing the area, e.g. Plastic Repair.")
    async def badge_name(self, info: Info) -> str:
        return (await info.context.loaders.by_id(models.Credential).load(self._badge_id)).name
