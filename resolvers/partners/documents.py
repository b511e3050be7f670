"""Trusted documents: the GraphQL texts an organization's apps registered, known by their SHA-256.

An app registers each document it will send once (at deploy time); afterwards a request may carry
`documentId` instead of the text. The text of an id never changes, so this process keeps what it has
read; who registered it is looked up until found.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from core.errors import DomainError, ErrorCode, not_found
from core.viewer import MANAGERS, Viewer, require_role
from db.engine import Database
from db.models import Organization, PersistedDocument

MAX_DOCUMENT_LENGTH = 100_000
DOCUMENT_ID = re.compile(r"^sha256:[0-9a-f]{64}$")
_CACHE_LIMIT = 10_000


def document_id_of(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


async def register(
    db: Database,
    viewer: Viewer,
    text: str,
    organization_id: int | None,
    problem_with: Callable[[str], str | None],
) -> PersistedDocument:
    """Register `text` for the app's organization (or, for a person, one they manage); the same text
    registered again answers the same document. `problem_with` says why the text would not run."""
    if viewer.is_app:
        if organization_id not in (None, viewer.app_organization_id):
            raise DomainError(ErrorCode.PERMISSION_DENIED, "An app registers documents for its own organization.")
        organization_id = viewer.app_organization_id
    if organization_id is None:
        raise DomainError(ErrorCode.REQUIRED, "Name the organization whose apps will send it.", "organizationId")
    if not text.strip():
        raise DomainError(ErrorCode.REQUIRED, "The document is empty.", "document")
    if len(text) > MAX_DOCUMENT_LENGTH:
        raise DomainError(ErrorCode.TOO_LONG, f"At most {MAX_DOCUMENT_LENGTH} characters.", "document")
    problem = problem_with(text)
    if problem is not None:
        raise DomainError(ErrorCode.INVALID_DOCUMENT, problem, "document")
    document_id = document_id_of(text)
    insert = postgresql.insert if db.dialect == "postgresql" else sqlite.insert
    async with db.write() as session:
        if await session.get(Organization, organization_id) is None:
            raise not_found("Organization", "organizationId")
        if not viewer.is_app:
            await require_role(session, viewer, organization_id, roles=MANAGERS)
        await session.execute(
            insert(PersistedDocument)
            .values(
                organization_id=organization_id,
                document_id=document_id,
                body=text,
                registered_by_user_id=viewer.user_id,
                registered_by_app_token_id=viewer.app_token_id,
            )
            .on_conflict_do_nothing(index_elements=["organization_id", "document_id"])
        )
        return (
            await session.execute(
                select(PersistedDocument).where(
                    PersistedDocument.organization_id == organization_id,
                    PersistedDocument.document_id == document_id,
                )
            )
        ).scalar_one()


class DocumentRegistry:
    """Looks registered documents up by id, shared by every request of this process."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._texts: dict[str, str] = {}
        self._registered: set[tuple[str, int]] = set()

    async def text_for(self, document_id: str, viewer: Viewer) -> str | None:
        """The text behind an id, if the caller may run it: an app runs its organization's documents,
        a person any registered one."""
        if not DOCUMENT_ID.match(document_id):
            return None
        organization_id = viewer.app_organization_id if viewer.is_app else None
        if document_id in self._texts and (
            organization_id is None or (document_id, organization_id) in self._registered
        ):
            return self._texts[document_id]
        query = select(PersistedDocument.body, PersistedDocument.organization_id).where(
            PersistedDocument.document_id == document_id
        )
        if organization_id is not None:
            query = query.where(PersistedDocument.organization_id == organization_id)
        async with self.db.read() as session:
            row = (await session.execute(query.limit(1))).first()
        if row is None:
            return None
        self._remember(document_id, row.body, row.organization_id)
        return str(row.body)

    async def is_registered(self, text: str, organization_id: int) -> bool:
        document_id = document_id_of(text)
        if (document_id, organization_id) in self._registered:
            return True
        async with self.db.read() as session:
            found = await session.scalar(
                select(PersistedDocument.id).where(
                    PersistedDocument.document_id == document_id, PersistedDocument.organization_id == organization_id
                )
            )
        if found is not None:
            self._remember(document_id, text, organization_id)
        return found is not None

    def _remember(self, document_id: str, text: str, organization_id: int) -> None:
        if len(self._registered) >= _CACHE_LIMIT:  # forgetting only costs a lookup
            self._texts.clear()
            self._registered.clear()
        self._texts[document_id] = text
        self._registered.add((document_id, organization_id))
