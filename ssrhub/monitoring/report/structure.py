"""The progress report as plain data: sections of paragraphs of sentences, each sentence a code with its parameters
and the records its figures come from.

Plain Python (no Django): ``assemble.py`` fills the structure from the database, ``sentences.py`` writes each
sentence in the report's language, and the renderers (HTML, PDF, DOCX) lay it out. A sentence never carries finished
text: its ``code`` names the wording, its ``params`` the figures (numbers, dates, titles), so the same report reads in
English or in French.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = [
    'LIST',
    'PROSE',
    'SECTION_ORDER',
    'Citation',
    'Paragraph',
    'Report',
    'Section',
    'Sentence',
    'default_period',
    'numbered_citations',
    'overlaps',
]

PROSE = 'prose'
LIST = 'list'  # a paragraph whose sentences read as the items of a list (the tasks in force, the updates)

# The sections of an SSR section of a Secretary-General report, in order: the context (when a part of the app gives
# one), what was mandated, what the country did, what the partners did, what changed.
SECTION_ORDER = ('context', 'mandated', 'country', 'partners', 'changed')


@dataclass(frozen=True)
class Citation:
    """A record a figure comes from.

    ``kind`` is ``paragraph`` (a resolution paragraph: ``symbol`` and ``ref``), ``document`` (a UN document:
    ``symbol``) or ``record`` (a workspace record: its ``title`` in the report's language); ``url`` is the record's
    path in ssrhub. ``key`` identifies the record, so that one record cited twice gets one reference number.
    """

    key: str
    kind: str
    url: str
    title: str = ''
    symbol: str = ''
    ref: str = ''


@dataclass(frozen=True)
class Sentence:
    """One sentence: the ``code`` of its wording, its ``params`` and the records its figures cite."""

    code: str
    params: dict = field(default_factory=dict)
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """Sentences read together (``PROSE``) or as a list (``LIST``)."""

    sentences: tuple[Sentence, ...]
    style: str = PROSE


@dataclass(frozen=True)
class Section:
    """One section: its ``key`` (one of ``SECTION_ORDER``) names its heading."""

    key: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Report:
    """The progress report of one country over a period, as of ``generated``, in ``language``."""

    iso3: str
    country: str
    start: date
    end: date
    generated: date
    language: str
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    def sentences(self) -> Iterable[Sentence]:
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield from paragraph.sentences


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months up to ``today``: 2026-12-05 -> (2025-12-06, 2026-12-05); from 29 February, a year back
    is 28 February."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today


def overlaps(start: date | None, end: date | None, period_start: date, period_end: date) -> bool:
    """Whether a span runs into the period; a missing start or end leaves the span open on that side."""
    return (start is None or start <= period_end) and (end is None or end >= period_start)


def numbered_citations(report: Report) -> tuple[dict[str, int], list[Citation]]:
    """Reference numbers in order of first citation: ``({key: number}, [citation, ...])``, numbers from 1."""
    numbers: dict[str, int] = {}
    ordered: list[Citation] = []
    for sentence in report.sentences():
        for citation in sentence.citations:
            if citation.key not in numbers:
                numbers[citation.key] = len(ordered) + 1
                ordered.append(citation)
    return numbers, ordered
