"""The share of women in the security sector's institutions, from headcounts that give the number of women, in
plain Python (the Django layer reads the headcounts into ``Count`` tuples).

Rules (``docs/monitoring.md``, "Gender"):

- **A headcount's share** is its women over its personnel, in per cent; a headcount without the split has none (it is
  never read as zero women).
- **An institution's share in a year** is that of its latest headcount with the split dated in that year; when
  several sources give one on that latest date, their women and personnel are pooled.
- **The sector-wide share in a year** pools the institutions with a split that year: the sum of their women over the
  sum of their personnel, with the number of institutions it covers (a year with fewer institutions is not the same
  sector: the table says so).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

__all__ = ['Count', 'YearShare', 'institution_shares', 'sector_shares', 'women_share']

HUNDRED = Decimal(100)


class Count(NamedTuple):
    """One headcount: the institution's key, its date, its personnel and its women (``None`` without the split)."""

    institution: object
    on: date
    count: int
    women: int | None


@dataclass(frozen=True)
class YearShare:
    """A year's share (per cent, one decimal) from ``women`` of ``count``; ``institutions`` counted in it."""

    year: int
    women: int
    count: int
    share: Decimal
    institutions: int = 1


def women_share(women: int | None, count: int | None) -> Decimal | None:
    """``women`` as a percentage of ``count``, to one decimal; ``None`` without the split or with no personnel."""
    if women is None or not count:
        return None
    return (Decimal(women) * HUNDRED / Decimal(count)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)


def _latest_per_year(counts: Iterable[Count]) -> dict:
    """``{institution: {year: (women, count)}}`` from the latest dated headcounts with the split in each year."""
    latest: dict = defaultdict(dict)
    for item in counts:
        if item.women is None or not item.count:
            continue
        known = latest[item.institution].get(item.on.year)
        if known is None or item.on > known[0]:
            latest[item.institution][item.on.year] = (item.on, item.women, item.count)
        elif item.on == known[0]:
            latest[item.institution][item.on.year] = (item.on, known[1] + item.women, known[2] + item.count)
    return {key: {year: (women, count) for year, (_on, women, count) in years.items()} for key, years in latest.items()}


def institution_shares(counts: Iterable[Count]) -> dict:
    """``{institution: [YearShare, ...]}`` by year, for the institutions with at least one split."""
    return {
        key: [
            YearShare(year, women, count, women_share(women, count)) for year, (women, count) in sorted(years.items())
        ]
        for key, years in _latest_per_year(counts).items()
    }


def sector_shares(counts: Iterable[Count]) -> list[YearShare]:
    """The sector-wide share per year, pooling the institutions that gave a split that year."""
    pooled: dict = defaultdict(lambda: [0, 0, 0])
    for years in _latest_per_year(counts).values():
        for year, (women, count) in years.items():
            pooled[year][0] += women
            pooled[year][1] += count
            pooled[year][2] += 1
    return [
        YearShare(year, women, count, women_share(women, count), institutions)
        for year, (women, count, institutions) in sorted(pooled.items())
    ]
