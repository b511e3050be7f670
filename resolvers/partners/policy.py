"""Who may read the audit trail: the one place the rule is written.

Platform staff read every entry; a person reads the entries of the organizations they own or
administer. Partner apps read none for now: what an app did is for the people who manage it.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.viewer import MANAGERS, Role, Viewer


def audit_organizations(viewer: Viewer, roles: Mapping[int, Role]) -> frozenset[int] | None:
    """The organizations whose entries the viewer reads; None means every organization (staff)."""
    if viewer.is_staff:
        return None
    if viewer.is_app or viewer.user_id is None:
        return frozenset()
    return frozenset(organization for organization, role in roles.items() if role in MANAGERS)
