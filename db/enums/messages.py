"""Closed sets of conversations between matched parties, stored as text."""

from __future__ import annotations

from enum import Enum


class ConversationSubject(str, Enum):
    """What a conversation is attached to: one conversation per object."""

    DONATION = "DONATION"
    APPLICATION = "APPLICATION"
    INVITATION = "INVITATION"
    MENTORSHIP = "MENTORSHIP"
