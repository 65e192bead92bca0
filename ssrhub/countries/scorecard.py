"""Scorecard and checklist arithmetic for assessments (plain Python: no Django import).

An assessment rates the items of the reference framework: the five features of a well-governed sector and the
seven governance standards get a score from 0 to 4 (the scorecard), the ten principles of UN support a compliance
value (the checklist). An item may be left unrated: it stays on the card as "not rated" and counts in no mean.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    'CHECKLIST_GROUPS',
    'COMPLIANCE_VALUES',
    'GROUPS',
    'MAX_SCORE',
    'NOT_RATED',
    'SCORED_GROUPS',
    'TREND_DIRECTION',
    'Change',
    'Entry',
    'GroupDelta',
    'GroupSummary',
    'ItemChange',
    'change',
    'compare',
    'group_of',
    'summarise',
    'summary_deltas',
    'trend',
]

SCORED_GROUPS = ('feature', 'standard')
CHECKLIST_GROUPS = ('principle',)
GROUPS = (*SCORED_GROUPS, *CHECKLIST_GROUPS)
MAX_SCORE = 4
COMPLIANCE_VALUES = ('met', 'partly', 'not-met', 'n/a')
NOT_RATED = 'not-rated'
# Compliance in order of progress; 'n/a' is outside the order (a change to or from it is neither better nor worse).
COMPLIANCE_RANK = {'not-met': 0, 'partly': 1, 'met': 2}


def group_of(code: str) -> str:
    """'feature.capacities' -> 'feature'."""
    return code.split('.', 1)[0]


# Section: one assessment


@dataclass(frozen=True)
class Entry:
    """One framework item on an assessment: its score (features, standards) or compliance (principles), if rated."""

    code: str
    score: int | None = None
    compliance: str = ''

    @property
    def group(self) -> str:
        return group_of(self.code)

    @property
    def rated(self) -> bool:
        return self.score is not None or bool(self.compliance)

    @property
    def value(self):
        """The rating as one value: the score, the compliance, or None when not rated."""
        if self.score is not None:
            return self.score
        return self.compliance or None


@dataclass(frozen=True)
class GroupSummary:
    """A group of items: how many there are and are rated, the mean score (scored groups) and the count of each
    compliance value, ``NOT_RATED`` included (checklist groups)."""

    group: str
    total: int
    rated: int
    mean: float | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def not_rated(self) -> int:
        return self.total - self.rated


def summarise(entries: Iterable[Entry]) -> dict[str, GroupSummary]:
    """The summary of every group in ``GROUPS`` (an empty group has no mean and zero counts)."""
    by_group = {group: [] for group in GROUPS}
    for entry in entries:
        by_group.setdefault(entry.group, []).append(entry)
    summaries = {}
    for group, members in by_group.items():
        rated = [entry for entry in members if entry.rated]
        if group in CHECKLIST_GROUPS:
            counts = {value: sum(entry.compliance == value for entry in members) for value in COMPLIANCE_VALUES}
            counts[NOT_RATED] = len(members) - len(rated)
            summaries[group] = GroupSummary(group, len(members), len(rated), counts=counts)
        else:
            scores = [entry.score for entry in rated if entry.score is not None]
            mean = sum(scores) / len(scores) if scores else None
            summaries[group] = GroupSummary(group, len(members), len(rated), mean=mean)
    return summaries


# Section: comparing two assessments


class Change(StrEnum):
    IMPROVED = 'improved'
    WORSE = 'worse'
    SAME = 'same'
    NEWLY_RATED = 'newly-rated'
    NO_LONGER_RATED = 'no-longer-rated'
    CHANGED = 'changed'  # to or from 'n/a': neither better nor worse
    NOT_RATED = 'not-rated'  # rated in neither


def change(before: Entry | None, after: Entry | None) -> str:
    """How an item's rating moved from the earlier assessment to the later one."""
    was = before is not None and before.rated
    now = after is not None and after.rated
    if not was and not now:
        return Change.NOT_RATED
    if not was:
        return Change.NEWLY_RATED
    if not now:
        return Change.NO_LONGER_RATED
    if before.value == after.value:
        return Change.SAME
    if before.score is not None and after.score is not None:
        return Change.IMPROVED if after.score > before.score else Change.WORSE
    ranks = COMPLIANCE_RANK.get(before.compliance), COMPLIANCE_RANK.get(after.compliance)
    if None in ranks:
        return Change.CHANGED
    return Change.IMPROVED if ranks[1] > ranks[0] else Change.WORSE


@dataclass(frozen=True)
class ItemChange:
    code: str
    before: Entry | None
    after: Entry | None
    change: str

    @property
    def group(self) -> str:
        return group_of(self.code)

    @property
    def delta(self) -> int | None:
        """The score difference, when the item is scored in both."""
        if self.before and self.after and self.before.score is not None and self.after.score is not None:
            return self.after.score - self.before.score
        return None


def compare(before: Sequence[Entry], after: Sequence[Entry]) -> list[ItemChange]:
    """Every item of either assessment, matched by code: the later assessment's order first, then the items only
    the earlier one has (a newer framework version may drop or add items)."""
    earlier = {entry.code: entry for entry in before}
    later = {entry.code: entry for entry in after}
    codes = [*later, *(code for code in earlier if code not in later)]
    return [
        ItemChange(code, earlier.get(code), later.get(code), change(earlier.get(code), later.get(code)))
        for code in codes
    ]


@dataclass(frozen=True)
class GroupDelta:
    group: str
    before: GroupSummary
    after: GroupSummary

    @property
    def mean_delta(self) -> float | None:
        if self.before.mean is None or self.after.mean is None:
            return None
        return self.after.mean - self.before.mean

    @property
    def count_deltas(self) -> dict[str, int]:
        keys = [*self.after.counts, *(key for key in self.before.counts if key not in self.after.counts)]
        return {key: self.after.counts.get(key, 0) - self.before.counts.get(key, 0) for key in keys}

    @property
    def rated_delta(self) -> int:
        return self.after.rated - self.before.rated


# Which way each summary line improves: a higher mean score (0 absent .. 4 strong), more principles met, fewer not
# met. More principles partly met, not applicable or not rated is neither better nor worse: 'partly' grows when a
# principle rises from not met and when one falls from met.
TREND_DIRECTION = {'mean': 1, 'met': 1, 'not-met': -1, 'partly': 0, 'n/a': 0, NOT_RATED: 0}


def trend(key: str, delta: float | None) -> str:
    """Whether a change of ``delta`` in the summary line ``key`` (``mean`` or a compliance value) is ``better``,
    ``worse``, ``same``, ``neutral`` (neither better nor worse), or ``none`` (no delta: not rated in one of them)."""
    if delta is None:
        return 'none'
    if delta == 0:
        return 'same'
    direction = TREND_DIRECTION.get(key, 0)
    if direction == 0:
        return 'neutral'
    return 'better' if delta * direction > 0 else 'worse'


def summary_deltas(before: dict[str, GroupSummary], after: dict[str, GroupSummary]) -> dict[str, GroupDelta]:
    """Per group: the two summaries and what changed between them."""
    return {group: GroupDelta(group, before[group], after[group]) for group in after if group in before}
