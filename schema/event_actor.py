"""Events appended while an operation runs record who ran it: the audit trail's "who"."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from core.outbox import Actor, acting_as


class EventActor(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        viewer = self.execution_context.context.viewer
        # An app token acts as itself, whoever made it; a person as themselves.
        actor = Actor(app_token_id=viewer.app_token_id) if viewer.is_app else Actor(user_id=viewer.user_id)
        with acting_as(actor):
            yield
