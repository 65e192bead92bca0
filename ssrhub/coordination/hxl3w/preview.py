"""What importing a 3W table would do, read in one pass: counts, refusals, and the organisations and sectors it
names, each matched to the known ones.

Plain Python: no Django import. ``preview()`` streams the rows once and keeps only what a person reads: counts,
the first ``MAX_ISSUES`` refusals (and the number of each kind), and one entry per distinct organisation and
sector. ``keep_rows`` also keeps the accepted rows, for a matrix or an export; an import that stores them reads them
again with ``accepted_rows()``, one at a time, so that storing a table ten times larger takes no more memory.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import RowIssue
from .matching import Match, Matcher, fold
from .reading import Table
from .rows import ColumnMapping, ThreeWRow, read_rows

__all__ = ['MAX_ISSUES', 'Preview', 'accepted_rows', 'known_organisation', 'preview']

MAX_ISSUES = 200


@dataclass
class Preview:
    """The result of reading a table without writing anything."""

    table: Table
    mapping: ColumnMapping
    default_period: tuple[str, str] = ('', '')
    read: int = 0
    accepted: int = 0
    issue_counts: Counter = field(default_factory=Counter)
    issues: list[RowIssue] = field(default_factory=list)
    organisations: list[Match] = field(default_factory=list)
    sectors: list[Match] = field(default_factory=list)
    periods: Counter = field(default_factory=Counter)
    details: dict[str, tuple[str, str]] = field(default_factory=dict)  # organisation -> (acronym, type) in the table
    rows: list[ThreeWRow] = field(default_factory=list)

    @property
    def refused(self) -> int:
        return sum(count for code, count in self.issue_counts.items() if code != 'duplicate')

    @property
    def duplicates(self) -> int:
        return self.issue_counts['duplicate']

    @property
    def unknown_organisations(self) -> list[Match]:
        return [match for match in self.organisations if not match.known]

    @property
    def unknown_sectors(self) -> list[Match]:
        return [match for match in self.sectors if not match.known]


def preview(
    table: Table,
    mapping: ColumnMapping,
    organisations: Matcher,
    sectors: Matcher,
    *,
    default_period: tuple[str, str] = ('', ''),
    keep_rows: bool = False,
) -> Preview:
    """Read every row of ``table`` once and match its organisations and sectors."""
    result = Preview(table, mapping, default_period)
    org_rows: Counter = Counter()  # folded name -> rows: one entry per organisation however the table spells it
    org_spelling: dict[str, tuple[str, str]] = {}
    sector_rows: Counter = Counter()
    for item in read_rows(table, mapping, default_period=default_period):
        result.read += 1
        if isinstance(item, RowIssue):
            result.issue_counts[item.code] += 1
            if len(result.issues) < MAX_ISSUES:
                result.issues.append(item)
            continue
        result.accepted += 1
        org_key = fold(item.organisation)
        org_rows[org_key] += 1
        org_spelling.setdefault(org_key, (item.org_name, item.org_acronym))
        result.details.setdefault(item.organisation, (item.org_acronym, item.org_type))
        sector_rows[(item.sector_code, item.sector_name)] += 1
        result.periods[item.period] += 1
        if keep_rows:
            result.rows.append(item)
    result.organisations = [
        _match_organisation(organisations, *org_spelling[key], count)
        for key, count in sorted(org_rows.items(), key=lambda pair: (-pair[1], pair[0]))
    ]
    result.sectors = [
        _match_sector(sectors, code, name, count)
        for (code, name), count in sorted(sector_rows.items(), key=lambda pair: (-pair[1], pair[0]))
    ]
    return result


def accepted_rows(result: Preview) -> Iterator[ThreeWRow]:
    """The rows ``result`` accepted, read again from its table one at a time (the same rows in the same order:
    reading is deterministic, and refused rows and duplicates are skipped the same way)."""
    for item in read_rows(result.table, result.mapping, default_period=result.default_period):
        if not isinstance(item, RowIssue):
            yield item


def known_organisation(matcher: Matcher, name: str, acronym: str):
    """The id of the organisation a row names, when it is known (the rule of ``_match_organisation`` without the
    candidates): its name matches exactly, or the table gives no name and its acronym does. None otherwise."""
    found = matcher.exact(name or acronym)
    return found.id if found is not None else None


def _match_organisation(matcher: Matcher, name: str, acronym: str, rows: int) -> Match:
    """A name that matches exactly is known; so is an acronym when the table gives no name. When the name does not
    match, an organisation with the same acronym is only a candidate: acronyms collide (DRC)."""
    if not name:
        return matcher.match(acronym, rows)
    by_name = matcher.match(name, rows)
    if by_name.known or not acronym:
        return by_name
    by_acronym = matcher.match(acronym, rows)
    if not by_acronym.known:
        return by_name
    others = tuple(candidate for candidate in by_name.candidates if candidate.id != by_acronym.exact.id)
    return Match(name, rows, candidates=(by_acronym.exact, *others)[: len(by_name.candidates) or 1])


def _match_sector(matcher: Matcher, code: str, name: str, rows: int) -> Match:
    value = name or code
    for text in (code, name):
        if text:
            found = matcher.match(text, rows)
            if found.known:
                return Match(value, rows, exact=found.exact)
    return matcher.match(value, rows)
