"""Match the organisations and sectors a 3W table names to those already known, for a person to confirm.

Plain Python: no Django import. A value matches exactly (score 100, ``exact``) when, case, accents and punctuation
aside, it equals a known record's name, French name, acronym or one of its confirmed aliases: such a value is
known. Any other value is unknown and gets its closest candidates with a score from 0 to 100 (rapidfuzz's
``WRatio``, which also rewards a name contained in a longer one: "UNICEF" in "UNICEF Afghanistan"); nothing is
ever created or linked from a score alone.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

__all__ = ['CUTOFF', 'LIMIT', 'Candidate', 'Known', 'Match', 'Matcher', 'fold']

CUTOFF = 70  # below this a candidate is noise (a shared word such as "Defence" scores about 65)
LIMIT = 3


def fold(value: str) -> str:
    """Lower case without accents; punctuation as spaces; spaces collapsed."""
    text = unicodedata.normalize('NFKD', value or '')
    text = ''.join(char for char in text if not unicodedata.combining(char)).casefold()
    return ' '.join(re.sub(r'[\W_]+', ' ', text).split())


@dataclass(frozen=True)
class Known:
    """A record values may match: its id, the name shown, and every name it answers to."""

    id: object
    label: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    id: object
    label: str
    score: float
    matched: str  # the name of the record that matched best


@dataclass(frozen=True)
class Match:
    """A value of the table, how many rows carry it, and what it matches."""

    value: str
    rows: int
    exact: Candidate | None = None
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)

    @property
    def known(self) -> bool:
        return self.exact is not None


class Matcher:
    """The known records, indexed once; ``match()`` for each distinct value of a table."""

    def __init__(self, known: Iterable[Known]):
        self._exact: dict[str, Known] = {}
        self._choices: list[str] = []
        self._owners: list[Known] = []
        for record in known:
            for name in record.names:
                folded = fold(name)
                if not folded:
                    continue
                self._exact.setdefault(folded, record)
                self._choices.append(folded)
                self._owners.append(record)

    def exact(self, value: str) -> Known | None:
        """The record ``value`` names exactly (case, accents and punctuation aside), or None; no scoring."""
        return self._exact.get(fold(value))

    def match(self, value: str, rows: int = 1, *, limit: int = LIMIT, cutoff: float = CUTOFF) -> Match:
        """The exact match of ``value`` if there is one, else its best ``limit`` candidates above ``cutoff``."""
        folded = fold(value)
        record = self._exact.get(folded)
        if record is not None:
            return Match(value, rows, exact=Candidate(record.id, record.label, 100.0, folded))
        candidates: dict[object, Candidate] = {}
        hits = process.extract(folded, self._choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=cutoff)
        for choice, score, index in hits:
            owner = self._owners[index]
            if owner.id not in candidates or candidates[owner.id].score < score:
                candidates[owner.id] = Candidate(owner.id, owner.label, round(score, 1), choice)
        best = sorted(candidates.values(), key=lambda candidate: (-candidate.score, str(candidate.label)))[:limit]
        return Match(value, rows, candidates=tuple(best))
