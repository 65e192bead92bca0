"""The parsed form of a symbol (`SymbolPart`, `UNSymbol`, `SymbolMatch`) and its document type."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    'DocType',
    'MARKERS',
    'MARKER_BY_TYPE',
    'ROMAN_SESSIONS',
    'SERIES',
    'SessionKind',
    'SymbolMatch',
    'SymbolPart',
    'UNSymbol',
    'to_roman',
]


#
# Data model
#


class DocType(StrEnum):
    """What a document is: the kinds a symbol alone identifies, and the kinds ssrhub stores and shows.

    A symbol gives AGENDA, DECISION, DOCUMENT, MEETING_RECORD, PRESIDENTIAL_STATEMENT or RESOLUTION (of any
    body); a stored document is one of GA_RESOLUTION, NATIONAL_STRATEGY, OTHER, PRESIDENTIAL_STATEMENT,
    RESOLUTION (of the Security Council) or SG_REPORT (`ssrhub.documents.metadata` tells them apart).
    """

    AGENDA = 'agenda'
    DECISION = 'decision'
    DOCUMENT = 'document'
    GA_RESOLUTION = 'ga-resolution'
    MEETING_RECORD = 'meeting-record'
    NATIONAL_STRATEGY = 'national-strategy'
    OTHER = 'other'
    PRESIDENTIAL_STATEMENT = 'presidential-statement'
    RESOLUTION = 'resolution'
    SG_REPORT = 'sg-report'


class SessionKind(StrEnum):
    """Regular, special (``S-29``) or emergency special (``ES-10``) session."""

    EMERGENCY_SPECIAL = 'emergency-special'
    REGULAR = 'regular'
    SPECIAL = 'special'


# Markers that give the document type, mapped to their written form.
MARKERS = {
    'AGENDA': (DocType.AGENDA, 'Agenda'),
    'DEC': (DocType.DECISION, 'DEC'),
    'PRST': (DocType.PRESIDENTIAL_STATEMENT, 'PRST'),
    'RES': (DocType.RESOLUTION, 'RES'),
}
MARKER_BY_TYPE = {doc_type: written for doc_type, written in MARKERS.values()}

# Series that prefix a document number (S/PV.7161, A/C.5/70/L.5, A/C.4/70/SR.3), with the type they imply.
SERIES = {
    'CRP': DocType.DOCUMENT,
    'L': DocType.DOCUMENT,
    'PV': DocType.MEETING_RECORD,
    'SR': DocType.MEETING_RECORD,
    'WP': DocType.DOCUMENT,
}

_SESSION_PREFIXES = {SessionKind.REGULAR: '', SessionKind.SPECIAL: 'S-', SessionKind.EMERGENCY_SPECIAL: 'ES-'}


def to_roman(number: int) -> str:
    digits = []
    for value, letters in ((10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')):
        count, number = divmod(number, value)
        digits.append(letters * count)
    return ''.join(digits)


# General Assembly sessions 1 to 30 number their resolutions with the session in roman numerals: 2625 (XXV).
ROMAN_SESSIONS = {to_roman(session): session for session in range(1, 31)}


@dataclass(frozen=True, slots=True)
class SymbolPart:
    """
    One symbol of a joint symbol, such as ``A/62/659`` in ``A/62/659-S/2008/39``.

    ``session`` is set for bodies that number their sessions (``62`` in ``A/62/659``, ``10`` in ``A/RES/ES-10/2``,
    ``25`` in ``A/RES/2625(XXV)``); ``year`` for documents dated by year (``2013`` in ``S/2013/480``) and for
    Security Council resolutions whose year was given (``2014`` in ``S/RES/2151 (2014)``).
    """

    body: str
    number: int
    doc_type: DocType = DocType.DOCUMENT
    session: int | None = None
    session_kind: SessionKind | None = None
    year: int | None = None
    series: str | None = None
    suffixes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.canonical

    @property
    def principal(self) -> str:
        """The principal organ: 'S', 'A', 'E', 'ST' or 'T'."""
        return self.body.split('/', 1)[0]

    @property
    def is_security_council_resolution(self) -> bool:
        return self.body == 'S' and self.doc_type == DocType.RESOLUTION

    @property
    def canonical(self) -> str:
        """The symbol written the standard way, e.g. 'S/RES/2151 (2014)' or 'E/CN.4/2005/102/Add.1'."""
        segments = [self.body]
        if self.doc_type in MARKER_BY_TYPE:
            segments.append(MARKER_BY_TYPE[self.doc_type])
        roman = self._roman_session()
        if self.session is not None and not roman:
            segments.append(f'{_SESSION_PREFIXES[self.session_kind or SessionKind.REGULAR]}{self.session}')
        elif self.year is not None and not self.is_security_council_resolution:
            segments.append(str(self.year))
        number = f'{self.series}.{self.number}' if self.series else str(self.number)
        if self.is_security_council_resolution and self.year is not None:
            number += f' ({self.year})'
        if roman:
            number += f'({roman})'
        return '/'.join([*segments, number, *self.suffixes])

    def _roman_session(self) -> str:
        if (
            self.body == 'A'
            and self.doc_type == DocType.RESOLUTION
            and self.session_kind == SessionKind.REGULAR
            and self.session is not None
            and self.session <= 30
        ):
            return to_roman(self.session)
        return ''


@dataclass(frozen=True, slots=True)
class UNSymbol:
    """
    A parsed UN document symbol: one part, or several for a joint symbol such as ``A/62/659-S/2008/39``.

    The properties ``body``, ``doc_type``, ``session``, ``year``, ``number`` and so on describe the first part.
    """

    parts: tuple[SymbolPart, ...]

    def __post_init__(self):
        if not self.parts:
            raise ValueError('a UN symbol needs at least one part')

    def __str__(self) -> str:
        return self.canonical

    @property
    def canonical(self) -> str:
        """The parts in canonical form, joined by a plain hyphen without spaces."""
        return '-'.join(part.canonical for part in self.parts)

    @property
    def is_joint(self) -> bool:
        return len(self.parts) > 1

    @property
    def first(self) -> SymbolPart:
        return self.parts[0]

    @property
    def body(self) -> str:
        return self.first.body

    @property
    def principal(self) -> str:
        return self.first.principal

    @property
    def doc_type(self) -> DocType:
        return self.first.doc_type

    @property
    def session(self) -> int | None:
        return self.first.session

    @property
    def session_kind(self) -> SessionKind | None:
        return self.first.session_kind

    @property
    def year(self) -> int | None:
        return self.first.year

    @property
    def number(self) -> int:
        return self.first.number

    @property
    def series(self) -> str | None:
        return self.first.series

    @property
    def suffixes(self) -> tuple[str, ...]:
        return self.first.suffixes

    @property
    def is_security_council_resolution(self) -> bool:
        return self.first.is_security_council_resolution


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    """A symbol found in running text, with the span ``text[start:end]`` it was read from."""

    symbol: UNSymbol
    start: int
    end: int
    text: str
