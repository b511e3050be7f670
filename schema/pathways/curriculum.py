"""The academy curriculum: five entry-level areas, each a sequence of modules with contact hours."""

from __future__ import annotations

import strawberry

from db import models
from schema.context import Info
from schema.relay import Node, node_type


@node_type
@strawberry.type(description="A module of the academy curriculum, with its contact hours.")
class AcademyModule(Node):
    code: str
    title: str
    hours: int
    _area_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.AcademyModule) -> AcademyModule:
        return cls(pk=row.id, code=row.code, title=row.title, hours=row.hours, _area_id=row.area_id)

    @classmethod
    async def load(cls, info: Info, pk: int) -> AcademyModule | None:
        row = await info.context.loaders.by_id(models.AcademyModule).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field
    async def area(self, info: Info) -> AcademyArea:
        return await AcademyArea.load(info, self._area_id)


@node_type
@strawberry.type(description="An entry-level area; completing all its modules in a program earns its badge.")
class AcademyArea(Node):
    code: str
    name: str
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

    @strawberry.field
    async def modules(self, info: Info) -> list[AcademyModule]:
        return [AcademyModule.from_model(row) for row in await self._modules(info)]

    @strawberry.field
    async def hours(self, info: Info) -> int:
        return sum(row.hours for row in await self._modules(info))

    @strawberry.field(description="Code of the credential earned by completing the area, e.g. ICAR-ACAD-CRF.")
    async def badge_code(self, info: Info) -> str:
        return (await info.context.loaders.by_id(models.Credential).load(self._badge_id)).code

    @strawberry.field
    async def badge_name(self, info: Info) -> str:
        return (await info.context.loaders.by_id(models.Credential).load(self._badge_id)).name
