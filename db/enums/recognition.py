"""Recognition levels, lowest first."""

from __future__ import annotations

from enum import Enum


class RecognitionLevel(str, Enum):
    SUPPORTER = "SUPPORTER"
    PARTNER = "PARTNER"
    CHAMPION = "CHAMPION"
    ALL_STAR = "ALL_STAR"
