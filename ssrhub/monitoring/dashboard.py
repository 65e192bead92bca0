"""What a monitoring dashboard says of a set of indicators, in plain Python: where each stands (its latest status,
``rollups.latest``), the results at risk listed first (off track before at risk, the furthest behind first), and
the indicators counted per level's IATI result type (outputs never added to outcomes) as on track, at risk, off
track or without data. ``dashboard_queries.py`` reads the records; the rule itself is ``rollups.on_track``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from . import rollups

__all__ = ['COLUMNS', 'KIND_ORDER', 'NO_DATA', 'RISK', 'Standing', 'at_risk', 'level_summary', 'standing']

RISK = (rollups.OFF_TRACK, rollups.AT_RISK)
NO_DATA = 'no-data'
# The columns of the count per level; every status without a judgement (no value, no target, no baseline) is "no data".
COLUMNS = (rollups.ON_TRACK, rollups.AT_RISK, rollups.OFF_TRACK, NO_DATA)
KIND_ORDER = ('3', '2', '1', '9')  # IATI result types: impact, outcome, output, other


@dataclass(frozen=True)
class Standing:
    """Where one indicator stands: ``kind`` its level's IATI result type, ``latest`` the period that counts (``None``
    without periods) and its ``status``."""

    key: object
    kind: str
    latest: rollups.PeriodResult | None
    status: str

    @property
    def progress(self) -> Decimal | None:
        return self.latest.progress if self.latest else None


def standing(key, kind: str, periods: list[rollups.PeriodResult]) -> Standing:
    latest = rollups.latest(periods)
    return Standing(key, kind, latest, latest.status if latest else rollups.NO_TARGET)


def at_risk(standings: Iterable[Standing]) -> list[Standing]:
    """The indicators off track or at risk, off track first, each group the furthest behind first."""
    risky = [entry for entry in standings if entry.status in RISK]
    return sorted(
        risky,
        key=lambda entry: (RISK.index(entry.status), entry.progress if entry.progress is not None else Decimal(0)),
    )


def level_summary(standings: Iterable[Standing]) -> list[tuple[str, dict[str, int], int]]:
    """Per IATI result type present, highest level first: ``(kind, {column: count}, total)``."""
    counts = rollups.count_by_level((entry.kind, entry.status) for entry in standings)
    rows = []
    for kind in sorted(counts, key=lambda kind: KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)):
        by_status = counts[kind]
        row = {column: by_status.get(column, 0) for column in COLUMNS if column != NO_DATA}
        row[NO_DATA] = sum(n for status, n in by_status.items() if status not in row)
        rows.append((kind, row, sum(by_status.values())))
    return rows
