"""Free text -> canonical ids (skills, credentials, categories), with suggestions.

Matching runs over the vocabulary's names and aliases (a few hundred strings), never over
candidates: the cost of normalizing a profile does not depend on the pool size. Candidates are
then compared on ids (bitsets), never on strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

ACCEPT = 85.0  # a fuzzy match at least this good is taken as the entry
SUGGEST = 60.0  # closest entries at least this good are offered when nothing is accepted
AMBIGUOUS_MARGIN = 1.0  # two different entries this close: ask rather than guess
_FOLD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase, punctuation and spacing folded: 'A/C  Recovery' -> 'a c recovery'."""
    return _FOLD.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class NormalizedTerm:
    text: str  # as given, stripped
    id: int | None  # the canonical entry, or None when unknown or ambiguous
    score: float  # 0-100, how well `text` matched the entry (100 = exact name or alias)
    suggestions: list[tuple[int, str, float]] = field(default_factory=list)  # (id, name, score), when id is None


class Vocabulary:
    def __init__(
        self,
        entries: Iterable[tuple[int, str, Sequence[str]]],
        *,
        accept: float = ACCEPT,
        suggest: float = SUGGEST,
        scorer: Callable[..., float] = fuzz.WRatio,
    ) -> None:
        self.accept, self.suggest, self.scorer = accept, suggest, scorer
        self.names: dict[int, str] = {}
        self._exact: dict[str, int] = {}
        self._choices: list[str] = []
        self._choice_ids: list[int] = []
        for entry_id, name, aliases in entries:
            if entry_id in self.names:
                raise ValueError(f"duplicate vocabulary id {entry_id}")
            self.names[entry_id] = name
            for text in (name, *aliases):
                key = fold(text)
                if not key:
                    continue
                if self._exact.setdefault(key, entry_id) != entry_id:
                    raise ValueError(f"'{text}' names both {self._exact[key]} and {entry_id}")
                self._choices.append(key)
                self._choice_ids.append(entry_id)

    def __len__(self) -> int:
        return len(self.names)

    def name(self, entry_id: int) -> str:
        return self.names[entry_id]

    def rank(self, text: str, limit: int = 5) -> list[tuple[int, float]]:
        """Entries closest to `text`, best first, one score per entry (its best name or alias)."""
        key = fold(text)
        if not key or not self._choices:
            return []
        best: dict[int, float] = {}
        if key in self._exact:
            best[self._exact[key]] = 100.0
        hits = process.extract(
            key, self._choices, scorer=self.scorer, processor=None, limit=None, score_cutoff=self.suggest
        )
        for _, score, i in hits:
            entry = self._choice_ids[i]
            best[entry] = max(best.get(entry, 0.0), float(score))
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def normalize(self, terms: Sequence[str]) -> list[NormalizedTerm]:
        return [self._one(t) for t in terms]

    def _one(self, term: str) -> NormalizedTerm:
        text = term.strip()
        key = fold(text)
        if key in self._exact:
            return NormalizedTerm(text, self._exact[key], 100.0)
        ranked = self.rank(text, limit=3)
        if ranked and ranked[0][1] >= self.accept:
            clear = len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= AMBIGUOUS_MARGIN
            if clear:
                return NormalizedTerm(text, ranked[0][0], ranked[0][1])
        best = ranked[0][1] if ranked else 0.0
        return NormalizedTerm(text, None, best, [(i, self.names[i], s) for i, s in ranked])

    def ids(self, terms: Sequence[str]) -> list[int]:
        """The ids of the terms that were recognized (unknown ones dropped)."""
        return [t.id for t in self.normalize(terms) if t.id is not None]
