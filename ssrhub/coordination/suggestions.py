"""Suggested links for an activity (plain Python): from its DAC sectors to the framework items it likely serves
(``data/dac-sector-links.yaml``, a reviewed table with citations), and from the codebook codes of those sectors to
the tasks in force of the missions in the activity's country and to the national plan actions whose wording carries
those codes (the codebook's own English and French patterns). A person confirms each suggestion; nothing here links
anything by itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml

__all__ = [
    'SECTOR_LINKS_PATH',
    'ActionSuggestion',
    'SectorLink',
    'TaskSuggestion',
    'action_suggestions',
    'framework_suggestions',
    'read_sector_links',
    'sector_links',
    'task_suggestions',
    'text_codes',
]

SECTOR_LINKS_PATH = Path(__file__).resolve().parent / 'data' / 'dac-sector-links.yaml'


@dataclass(frozen=True)
class SectorLink:
    """What a DAC 5-digit sector suggests: framework item codes and codebook (mandate task) codes."""

    sector: str
    framework: tuple[str, ...]
    codebook: tuple[str, ...]
    citations: tuple[dict, ...]


@dataclass(frozen=True)
class TaskSuggestion:
    """A task in force of a mission that an activity's sector points to."""

    mission: str
    code: str
    symbol: str
    refs: tuple[str, ...]
    sector: str


@dataclass(frozen=True)
class ActionSuggestion:
    """A plan action whose wording carries a codebook code one of the activity's sectors points to."""

    action: str
    codes: tuple[str, ...]
    sectors: tuple[str, ...]


def read_sector_links(path: Path = SECTOR_LINKS_PATH) -> dict[str, SectorLink]:
    """The table of ``path``, checked: every sector five digits, once, with lists of codes and citations."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get('sectors'), list):
        raise DataFileError(f'{path}: expected a mapping with a list "sectors"')
    links: dict[str, SectorLink] = {}
    for number, entry in enumerate(raw['sectors'], 1):
        where = f'{path}, sector {number}'
        if not isinstance(entry, dict) or set(entry) != {'sector', 'framework', 'codebook', 'citations'}:
            raise DataFileError(f'{where}: give sector, framework, codebook and citations')
        sector = str(entry['sector'])
        if not (sector.isdigit() and len(sector) == 5):
            raise DataFileError(f'{where}: {sector!r} is not a DAC 5-digit sector code')
        if sector in links:
            raise DataFileError(f'{where}: sector {sector} is given twice')
        if not all(isinstance(entry[key], list) for key in ('framework', 'codebook')):
            raise DataFileError(f'{where}: framework and codebook are lists of codes')
        links[sector] = SectorLink(
            sector=sector,
            framework=tuple(str(code) for code in entry['framework']),
            codebook=tuple(str(code) for code in entry['codebook']),
            citations=read_citations(entry['citations'], where),
        )
    return links


@cache
def sector_links() -> dict[str, SectorLink]:
    return read_sector_links()


def framework_suggestions(sectors: Iterable[str], links: dict[str, SectorLink] | None = None) -> dict[str, list[str]]:
    """Framework item code -> the activity's sectors that suggest it, in the table's order."""
    links = sector_links() if links is None else links
    found: dict[str, list[str]] = {}
    for sector in sectors:
        for code in links[sector].framework if sector in links else ():
            found.setdefault(code, []).append(sector)
    return found


def task_suggestions(
    sectors: Iterable[str],
    tasks_in_force: dict[str, Iterable],
    links: dict[str, SectorLink] | None = None,
) -> list[TaskSuggestion]:
    """The tasks in force (``mission acronym -> InForce``-like objects with ``code``, ``symbol`` and ``refs``) whose
    codebook code one of the activity's sectors points to."""
    links = sector_links() if links is None else links
    wanted: dict[str, str] = {}
    for sector in sectors:
        for code in links[sector].codebook if sector in links else ():
            wanted.setdefault(code, sector)
    suggestions = []
    for mission, tasks in tasks_in_force.items():
        seen = set()
        for task in tasks:
            if task.code in wanted and task.code not in seen:
                seen.add(task.code)
                suggestions.append(TaskSuggestion(mission, task.code, task.symbol, tuple(task.refs), wanted[task.code]))
    return suggestions


def text_codes(text: str, codebook) -> tuple[str, ...]:
    """The codes of ``codebook`` (a ``coding.codebook.Codebook``) whose English or French patterns match ``text``, in
    the codebook's order."""
    return tuple(code for code, spec in codebook.codes.items() if spec.find(text, 'en') or spec.find(text, 'fr'))


def action_suggestions(
    sectors: Iterable[str],
    action_codes: dict[str, Iterable[str]],
    links: dict[str, SectorLink] | None = None,
) -> list[ActionSuggestion]:
    """The plan actions (``key -> codebook codes of its wording``) sharing a code with what the activity's sectors
    point to, those sharing the most codes first, then in the given order."""
    links = sector_links() if links is None else links
    wanted: dict[str, list[str]] = {}
    for sector in sectors:
        for code in links[sector].codebook if sector in links else ():
            if sector not in wanted.setdefault(code, []):
                wanted[code].append(sector)
    found = []
    for key, codes in action_codes.items():
        common = tuple(dict.fromkeys(code for code in codes if code in wanted))
        if common:
            by = tuple(dict.fromkeys(sector for code in common for sector in wanted[code]))
            found.append(ActionSuggestion(key, common, by))
    return sorted(found, key=lambda suggestion: -len(suggestion.codes))
