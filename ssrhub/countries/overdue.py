"""Registry through which a higher app adds its overdue items to a country's dashboard and brief, and to the home
page's overdue card: coordination registers overdue forum decisions from its ``AppConfig.ready()``.

countries does not import the higher app: it asks each registered source for the items of the countries a user
may read, and shows them under the source's heading.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

__all__ = [
    'OverdueItem',
    'OverdueSource',
    'overdue_sections',
    'overdue_sources',
    'register_overdue',
    'registered_sources',
]


@dataclass(frozen=True)
class OverdueItem:
    """One overdue item: what it is (``label``, linked to ``url``), where it comes from (``context``: ``(text,
    url)`` pairs, e.g. its forum and meeting), its owner, its due date with the precision the source gives, and its
    status as shown."""

    country: object
    label: str
    url: str
    context: tuple[tuple[str, str], ...]
    owner: str
    due: date
    due_precision: str
    status: str


@dataclass(frozen=True)
class OverdueSource:
    """A kind of overdue item.

    Args:
        key: a unique name, used in element ids (``overdue-<key>``).
        heading: the heading of its section (a lazy translation).
        empty: what the dashboard says when nothing is overdue.
        items: ``items(user, countries, today)``: the overdue items of ``countries`` that ``user`` may view on
            ``today``, longest overdue first.
        column: the heading of the items' column (e.g. "Decision").
        list_url_name: a page of the country (taking ``iso3``) that lists all such records, and its link text.
        sources: the models whose rows the items are read from: a change to one of them changes the kept dashboard.
    """

    key: str
    heading: object
    empty: object
    items: Callable[[object, Iterable, date], list[OverdueItem]]
    column: object = ''
    list_url_name: str = ''
    list_label: object = ''
    sources: tuple = ()


_SOURCES: dict[str, OverdueSource] = {}


def register_overdue(source: OverdueSource) -> None:
    """Add (or replace, on a second ``ready()``) a source of overdue items."""
    _SOURCES[source.key] = source


def registered_sources() -> list[OverdueSource]:
    return list(_SOURCES.values())


def overdue_sources() -> tuple:
    """Every source's models."""
    return tuple(model for source in _SOURCES.values() for model in source.sources)


def overdue_sections(user, countries, today: date) -> list[dict]:
    """One section per registered source: ``{'source', 'items'}`` for ``countries`` as ``user`` may see them."""
    countries = list(countries)
    return [{'source': source, 'items': source.items(user, countries, today)} for source in _SOURCES.values()]
