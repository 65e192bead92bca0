"""Parse, validate and normalise United Nations document symbols.

One parser serves every place where a symbol is typed in or read from a document, so that
``S/RES/2151(2014)``, ``s/res/2151 (2014)`` and ``S / RES / 2151 (2014)`` all become
``S/RES/2151 (2014)``, and a malformed symbol is rejected with a message that names the problem.

A symbol is one or more parts joined by a dash (``A/62/659-S/2008/39``). Each part reads
``body[/marker][/session-or-year]/number[/suffix...]``:

* body: a principal organ (``S``, ``A``, ``E``, ``ST``, ``T``) and its sub-bodies (``A/HRC``, ``A/C.5``, ``E/CN.4``);
* marker: ``RES``, ``PRST``, ``DEC`` or ``Agenda``, which gives the document type;
* session or year: ``62`` in ``A/62/659`` (a session), ``2013`` in ``S/2013/480`` (a year), ``ES-10`` (a session);
* number: digits, or a series and digits (``PV.7161``, ``L.5``, ``SR.3``);
* suffixes: ``Add.1``, ``Corr.1``, ``Rev.2``, ``Amend.1``.

Security Council resolutions carry their year in parentheses (``S/RES/2151 (2014)``) and General Assembly
resolutions of sessions 1 to 30 their session in roman numerals (``A/RES/2625(XXV)``).

The module is pure Python: it imports nothing from Django so that importers, management commands and
the document pipeline can use it directly.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

__all__ = [
    'PRINCIPAL_BODIES',
    'DocType',
    'SessionKind',
    'SymbolError',
    'SymbolMatch',
    'SymbolPart',
    'UNSymbol',
    'find_symbol_matches',
    'find_symbols',
    'is_valid_symbol',
    'normalise_symbol',
    'parse_symbol',
]


#
# Constants
#

# Principal organs: General Assembly, Economic and Social Council, Security Council, Secretariat, Trusteeship Council.
PRINCIPAL_BODIES = ('A', 'E', 'S', 'ST', 'T')

# The longest input worth parsing; real joint symbols stay well under 100 characters.
_MAX_LENGTH = 200

# The first year that a document symbol can carry, and the first year of presidential statements (S/PRST/1994/1).
_FIRST_YEAR = 1946
_FIRST_PRST_YEAR = 1994

# General Assembly session n opens in September of year 1945 + n.
_FIRST_SESSION_YEAR = 1945

# Sub-bodies written as a code and a number (A/C.5, A/AC.121, A/CN.10, A/CONF.192, E/CN.4, E/C.12, E/CN.4/Sub.2,
# S/AC.26, ST/SG/AC.10, A/HRC/WG.6), mapped to their written form; the codes each principal body uses; the codes
# that follow the principal body directly (A/C.5, never A/HRC/C.5); and those that only follow a sub-body.
_NUMBERED_SUB_BODIES = {'AC': 'AC', 'C': 'C', 'CN': 'CN', 'CONF': 'CONF', 'SUB': 'Sub', 'WG': 'WG'}
_NUMBERED_SUB_BODY_CODES = {
    'A': frozenset({'AC', 'C', 'CN', 'CONF', 'WG'}),
    'E': frozenset({'AC', 'C', 'CN', 'CONF', 'SUB', 'WG'}),
    'S': frozenset({'AC'}),
    'ST': frozenset({'AC'}),
    'T': frozenset({'AC'}),
}
_TOP_LEVEL_CODES = frozenset({'C', 'CN', 'CONF'})
_NESTED_CODES = frozenset({'SUB', 'WG'})

# The General Assembly has six Main Committees, A/C.1 to A/C.6.
_MAIN_COMMITTEES = range(1, 7)

# Sub-bodies and series written as a bare code, by principal body.
_NAMED_SUB_BODIES = {
    'A': frozenset({'BUR', 'HRC', 'INF'}),
    'E': frozenset({'CEPAL', 'ECA', 'ECE', 'ESCAP', 'ESCWA', 'ICEF', 'INF'}),
    'S': frozenset({'INF'}),
    'ST': frozenset({'ADM', 'AI', 'IC', 'LEG', 'SG', 'SGB'}),
    'T': frozenset({'INF'}),
}

# Suffixes for addenda, corrigenda, revisions and amendments, mapped to their written form.
_SUFFIXES = {'ADD': 'Add', 'AMEND': 'Amend', 'CORR': 'Corr', 'REV': 'Rev'}

# Dash variants that may join the parts of a joint symbol: hyphen, non-breaking hyphen, figure dash, en dash,
# em dash, horizontal bar, minus sign, small em dash, small hyphen-minus and fullwidth hyphen-minus.
_DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d'

# Invisible characters dropped before parsing: soft hyphen, zero-width spaces and joiners, word joiner, byte order
# mark, and the bidirectional marks and controls that text copied from PDFs and right-to-left documents carries.
_INVISIBLES = '\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff'

_TRANSLATION = str.maketrans({**dict.fromkeys(_DASHES, '-'), **dict.fromkeys(_INVISIBLES)})

# The lowest and highest Security Council resolution numbers known for each year. Resolution numbers rise with
# the date of adoption, so a number outside a year's span proves a wrong year, while an unknown number is never
# rejected. Sources: the file names of the hand-corrected CR-UNSC texts of resolutions 1-902 (Fobbe, Ridi &
# Gasbarri, doi:10.5281/zenodo.7319781), the symbol and year columns of the crsv-security-council dataset
# (Chikuhwa & He, v2026.09) and the resolutions recalled in resolution 2151 (2014).
_SC_RESOLUTION_YEARS = {
    1946: (1, 15), 1947: (16, 37), 1948: (38, 66), 1949: (67, 78), 1950: (79, 89),
    1951: (90, 96), 1952: (97, 98), 1953: (99, 103), 1954: (104, 105), 1955: (106, 110),
    1956: (111, 121), 1957: (122, 126), 1958: (127, 131), 1959: (132, 132), 1960: (133, 160),
    1961: (161, 170), 1962: (171, 177), 1963: (178, 185), 1964: (186, 199), 1965: (200, 219),
    1966: (220, 232), 1967: (233, 244), 1968: (245, 262), 1969: (263, 275), 1970: (276, 291),
    1971: (292, 307), 1972: (308, 324), 1973: (325, 344), 1974: (345, 366), 1975: (367, 384),
    1976: (385, 402), 1977: (403, 422), 1978: (423, 443), 1979: (444, 461), 1980: (462, 484),
    1981: (485, 499), 1982: (500, 528), 1983: (529, 545), 1984: (546, 559), 1985: (560, 580),
    1986: (581, 593), 1987: (594, 606), 1988: (607, 626), 1989: (627, 646), 1990: (647, 683),
    1991: (684, 725), 1992: (726, 799), 1993: (800, 892), 1994: (893, 902), 1999: (1261, 1265),
    2000: (1291, 1325), 2002: (1445, 1454), 2003: (1509, 1509), 2004: (1528, 1545), 2005: (1590, 1612),
    2006: (1674, 1738), 2007: (1794, 1794), 2008: (1820, 1836), 2009: (1882, 1902), 2010: (1925, 1960),
    2011: (1991, 1998), 2012: (2035, 2068), 2013: (2095, 2122), 2014: (2137, 2162), 2015: (2216, 2242),
    2016: (2282, 2333), 2017: (2340, 2376), 2018: (2441, 2451), 2019: (2459, 2489), 2020: (2511, 2556),
    2021: (2564, 2605), 2022: (2624, 2653), 2023: (2699, 2699), 2024: (2729, 2753), 2025: (2768, 2768),
}  # fmt: skip

_ILLEGAL_RE = re.compile(r'[^A-Za-z0-9/.()\- ]')
_SPACES_RE = re.compile(r'\s+')
_SLASH_DASH_SPACES_RE = re.compile(r' ?([/-]) ?')
_DOT_SPACES_RE = re.compile(r'(?<=[A-Za-z]) ?\. ?(?=\d)')
# Split joint symbols at a dash, except the dash of a special session (A/RES/ES-10/2, A/HRC/S-29/1).
_JOINT_SPLIT_RE = re.compile(r'(?<!/ES)(?<!/S)-|-(?!\d)', re.IGNORECASE)
_PARENTHESIS_RE = re.compile(r' ?\(([^()]*)\)')
_CODE_NUMBER_RE = re.compile(r'([A-Za-z]+)\.(\d+)')
_SUFFIX_RE = re.compile(r'(add|amend|corr|rev)\.(\d+)', re.IGNORECASE)
_SPECIAL_SESSION_RE = re.compile(r'(es|s)-(\d+)', re.IGNORECASE)
_NUMBER_RE = re.compile(r'(?:([A-Za-z]+)\.)?(\d+)')
_DIGITS_RE = re.compile(r'\d+')
_ROMAN_RE = re.compile(r'[IVXLC]+', re.IGNORECASE)


def _current_year() -> int:
    return datetime.date.today().year


#
# Errors
#


class SymbolError(ValueError):
    """
    Raised when text is not a valid UN document symbol.

    Args:
        text: the input as given.
        reason: what is wrong with it, as a lower-case clause without a final full stop.
    """

    def __init__(self, text: object, reason: str):
        self.text = text
        self.reason = reason
        super().__init__(f'{_quote(text)} is not a valid UN document symbol: {reason}.')


def _quote(text: object) -> str:
    if not isinstance(text, str):
        return repr(text)
    if len(text) > 80:
        text = text[:77] + '...'
    return f"'{text}'"


def _describe_character(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    return f'U+{ord(char):04X}'


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
_MARKERS = {
    'AGENDA': (DocType.AGENDA, 'Agenda'),
    'DEC': (DocType.DECISION, 'DEC'),
    'PRST': (DocType.PRESIDENTIAL_STATEMENT, 'PRST'),
    'RES': (DocType.RESOLUTION, 'RES'),
}
_MARKER_BY_TYPE = {doc_type: written for doc_type, written in _MARKERS.values()}

# Series that prefix a document number (S/PV.7161, A/C.5/70/L.5, A/C.4/70/SR.3), with the type they imply.
_SERIES = {
    'CRP': DocType.DOCUMENT,
    'L': DocType.DOCUMENT,
    'PV': DocType.MEETING_RECORD,
    'SR': DocType.MEETING_RECORD,
    'WP': DocType.DOCUMENT,
}

_SESSION_PREFIXES = {SessionKind.REGULAR: '', SessionKind.SPECIAL: 'S-', SessionKind.EMERGENCY_SPECIAL: 'ES-'}


def _to_roman(number: int) -> str:
    digits = []
    for value, letters in ((10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')):
        count, number = divmod(number, value)
        digits.append(letters * count)
    return ''.join(digits)


# General Assembly sessions 1 to 30 number their resolutions with the session in roman numerals: 2625 (XXV).
_ROMAN_SESSIONS = {_to_roman(session): session for session in range(1, 31)}


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
        if self.doc_type in _MARKER_BY_TYPE:
            segments.append(_MARKER_BY_TYPE[self.doc_type])
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
            return _to_roman(self.session)
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


#
# Public functions
#


def parse_symbol(text: str) -> UNSymbol:
    """
    Parse and validate a UN document symbol.

    Spacing, dash variants, letter case and stray spaces around slashes are normalised first.

    Raises:
        SymbolError: the text is not a valid symbol; the message quotes the input and names the problem.
    """
    normalised = _normalise(text)
    chunks = _split_joint(text, normalised)
    return UNSymbol(tuple(_parse_part(text, chunk) for chunk in chunks))


def normalise_symbol(text: str) -> str:
    """Return the canonical form of a symbol, e.g. 's/res/2151(2014)' -> 'S/RES/2151 (2014)'; raises SymbolError."""
    return parse_symbol(text).canonical


def is_valid_symbol(text: str) -> bool:
    """Tell whether ``text`` is a valid UN document symbol."""
    try:
        parse_symbol(text)
    except SymbolError:
        return False
    return True


def find_symbols(text: str) -> list[UNSymbol]:
    """
    Find the valid UN document symbols in running text, in order of appearance.

    Recognises written symbols (``S/RES/2151 (2014)``, ``A/67/970-S/2013/480``) without the punctuation that
    follows them, and resolutions cited in prose: ``resolution 2151 (2014)`` and lists such as
    ``resolutions 1325 (2000), 1820 (2008) and 1888 (2009)`` as Security Council resolutions, and
    ``General Assembly resolution 70/262``, ``Human Rights Council resolution 31/1`` and
    ``Economic and Social Council resolution 2005/1``. Candidates that fail validation are left out.
    """
    return [match.symbol for match in find_symbol_matches(text)]


def find_symbol_matches(text: str) -> list[SymbolMatch]:
    """Like find_symbols(), but return each symbol with the span of text it was read from."""
    if not text:
        return []
    candidates = sorted([*_find_written(text), *_find_cited(text)], key=lambda match: (match.start, -match.end))
    matches = []
    for candidate in candidates:
        if not matches or candidate.start >= matches[-1].end:
            matches.append(candidate)
    return matches


#
# Normalisation
#


def _normalise(text: object) -> str:
    if text is None:
        raise SymbolError('', 'the input is empty')
    if not isinstance(text, str):
        raise SymbolError(text, f'expected text, not {type(text).__name__}')
    cleaned = unicodedata.normalize('NFKC', text).translate(_TRANSLATION)
    cleaned = _SPACES_RE.sub(' ', cleaned).strip()
    if not cleaned:
        raise SymbolError(text, 'the input is empty')
    if len(cleaned) > _MAX_LENGTH:
        raise SymbolError(text, f'it is longer than {_MAX_LENGTH} characters')
    illegal = _ILLEGAL_RE.search(cleaned)
    if illegal:
        character = _describe_character(illegal.group())
        raise SymbolError(text, f'it contains the character {character}, which cannot appear in a symbol')
    if cleaned.endswith('.'):
        raise SymbolError(text, "it ends with a stray '.'")
    cleaned = _SLASH_DASH_SPACES_RE.sub(r'\1', cleaned)
    cleaned = _DOT_SPACES_RE.sub('.', cleaned)
    return cleaned.replace('( ', '(').replace(' )', ')')


def _split_joint(text: str, normalised: str) -> list[str]:
    chunks = _JOINT_SPLIT_RE.split(normalised)
    for index, chunk in enumerate(chunks):
        if not chunk:
            side = 'before' if index == 0 else 'after'
            raise SymbolError(text, f"there is no symbol {side} the dash that joins symbols ('-')")
    return chunks


#
# Parsing one part
#


def _parse_part(text: str, chunk: str) -> SymbolPart:
    path, parenthesis = _split_parenthesis(text, chunk)
    components = _split_components(text, path)
    principal = _parse_principal(text, components[0])
    body, doc_type, index = _parse_prefix(text, principal, components)
    prefix = '/'.join(components[:index])
    core, suffixes = _split_suffixes(text, components[index:])
    _check_marker_order(text, core)
    label = _number_label(doc_type)
    if not core:
        where = f"before '{suffixes[0]}'" if suffixes else f"after '{prefix}'"
        raise SymbolError(text, f'the {label} is missing {where}')
    if len(core) > 2:
        raise SymbolError(text, f"unexpected '{core[2]}' after '{'/'.join([prefix, *core[:2]])}'")
    series, number = _parse_number(text, core[-1], doc_type, label)
    if doc_type is None:
        doc_type = _SERIES[series] if series else DocType.DOCUMENT
    part = SymbolPart(body='/'.join(body), number=number, doc_type=doc_type, series=series, suffixes=suffixes)
    if len(core) == 2:
        part = _with_session_or_year(text, part, core[0])
    if parenthesis is not None:
        part = _with_parenthesis(text, part, parenthesis)
    _check_required_parts(text, part)
    return part


def _split_parenthesis(text: str, chunk: str) -> tuple[str, str | None]:
    end = len(chunk)
    for stop in (' ', '('):
        position = chunk.find(stop)
        if position != -1:
            end = min(end, position)
    path, rest = chunk[:end], chunk[end:]
    if not path:
        raise SymbolError(text, "it must start with a body such as 'S/' or 'A/'")
    if not rest:
        if ')' in path:
            raise SymbolError(text, f"unexpected ')' in '{path}'")
        return path, None
    match = _PARENTHESIS_RE.match(rest)
    if match and match.end() == len(rest):
        return path, match.group(1).strip()
    if match and _is_suffix_path(rest[match.end() :]):
        # 'S/RES/1483 (2003)/Corr.1': the suffixes of a resolution may follow its year.
        return path + rest[match.end() :], match.group(1).strip()
    if match:
        raise SymbolError(text, f"unexpected text '{rest[match.end() :].strip()}' after '{path}{match.group()}'")
    if rest.lstrip().startswith('(') and ')' not in rest:
        raise SymbolError(text, f"the parenthesis after '{path}' is not closed")
    raise SymbolError(text, f"unexpected text '{rest.strip()}' after '{path}'")


def _is_suffix_path(text: str) -> bool:
    return text.startswith('/') and all(_SUFFIX_RE.fullmatch(component) for component in text[1:].split('/'))


def _split_components(text: str, path: str) -> list[str]:
    components = path.split('/')
    if not components[0]:
        raise SymbolError(text, "it must start with a body such as 'S/' or 'A/', not a slash")
    for index, component in enumerate(components[1:-1], start=1):
        if not component:
            raise SymbolError(text, f"it has an empty part between two slashes after '{'/'.join(components[:index])}'")
    if len(components) > 2 and not components[-1] and components[-2]:
        # A trailing slash after a complete symbol ('S/2013/480/') is stray; after a marker it is a missing number.
        if _DIGITS_RE.search(components[-2]):
            raise SymbolError(text, f"it ends with a stray slash after '{path[:-1]}'")
    if len(components) > 1 and not components[-1]:
        components.pop()
    return components


def _parse_principal(text: str, component: str) -> str:
    principal = component.upper()
    if principal not in PRINCIPAL_BODIES:
        bodies = ', '.join(PRINCIPAL_BODIES[:-1]) + ' or ' + PRINCIPAL_BODIES[-1]
        raise SymbolError(text, f"unknown body '{component}': a symbol starts with {bodies}")
    return principal


def _parse_prefix(text: str, principal: str, components: list[str]) -> tuple[list[str], DocType | None, int]:
    """Read the sub-bodies and the marker after the principal body; return where the number part starts."""
    body = [principal]
    doc_type = None
    marker = ''
    index = 1
    while index < len(components):
        component = components[index]
        key = component.upper()
        if key in _MARKERS:
            if marker:
                raise SymbolError(text, f"'{component}' cannot follow '{marker}'")
            doc_type, marker = _MARKERS[key]
            _check_marker_allowed(text, '/'.join(body), marker)
        elif (sub_body := _parse_sub_body(text, body, component)) is not None:
            if marker:
                raise SymbolError(text, f"the sub-body '{component}' must come before '{marker}'")
            body.append(sub_body)
        elif index < len(components) - 1 and _looks_like_sub_body(component):
            raise SymbolError(text, f"unknown sub-body '{component}' under '{'/'.join(body)}'")
        else:
            break
        index += 1
    return body, doc_type, index


def _looks_like_sub_body(component: str) -> bool:
    if component.isalpha():
        return True
    match = _CODE_NUMBER_RE.fullmatch(component)
    return bool(match) and match.group(1).upper() not in {*_SERIES, *_SUFFIXES}


def _parse_sub_body(text: str, body: list[str], component: str) -> str | None:
    match = _CODE_NUMBER_RE.fullmatch(component)
    if match:
        code = match.group(1).upper()
        if code not in _NUMBERED_SUB_BODIES:
            return None
        _check_sub_body_place(text, body, component, code)
        number = int(match.group(2))
        if body == ['A'] and code == 'C' and number not in _MAIN_COMMITTEES:
            raise SymbolError(
                text, f"there is no Main Committee '{component}': the General Assembly has A/C.1 to A/C.6"
            )
        if number < 1:
            raise SymbolError(text, f"the sub-body number in '{component}' must be positive")
        return f'{_NUMBERED_SUB_BODIES[code]}.{number}'
    if component.upper() in _NAMED_SUB_BODIES[body[0]]:
        return component.upper()
    return None


def _check_sub_body_place(text: str, body: list[str], component: str, code: str) -> None:
    if code not in _NUMBERED_SUB_BODY_CODES[body[0]]:
        raise SymbolError(text, f"'{component}' is not a sub-body of '{body[0]}'")
    if code in _TOP_LEVEL_CODES and len(body) > 1:
        raise SymbolError(text, f"'{component}' must follow '{body[0]}' directly, not '{'/'.join(body)}'")
    if code in _NESTED_CODES and len(body) == 1:
        raise SymbolError(text, f"'{component}' must follow a sub-body, as in 'E/CN.4/Sub.2' or 'A/HRC/WG.6'")


def _check_marker_allowed(text: str, body: str, marker: str) -> None:
    allowed = {
        'Agenda': body == 'S',
        'DEC': body.startswith(('A', 'E')),
        'PRST': body in ('S', 'A/HRC'),
        'RES': not body.startswith('ST'),
    }[marker]
    if not allowed:
        raise SymbolError(text, f"'{marker}' is not used under '{body}'")


def _check_marker_order(text: str, components: list[str]) -> None:
    for component in components:
        if component.upper() in _MARKERS:
            raise SymbolError(text, f"'{component}' must come right after the body")


def _split_suffixes(text: str, components: list[str]) -> tuple[list[str], tuple[str, ...]]:
    index = 0
    while index < len(components) and not _SUFFIX_RE.fullmatch(components[index]):
        index += 1
    core, suffixes = components[:index], []
    for component in components[index:]:
        match = _SUFFIX_RE.fullmatch(component)
        if not match:
            after = suffixes[-1] if suffixes else '/'.join(core)
            raise SymbolError(
                text, f"unexpected '{component}' after '{after}': only suffixes such as Add.1, Corr.1 or Rev.1 follow"
            )
        if int(match.group(2)) < 1:
            raise SymbolError(text, f"the suffix '{component}' must have a positive number")
        suffixes.append(f'{_SUFFIXES[match.group(1).upper()]}.{int(match.group(2))}')
    return core, tuple(suffixes)


def _number_label(doc_type: DocType | None) -> str:
    return {
        DocType.AGENDA: 'meeting number',
        DocType.DECISION: 'decision number',
        DocType.PRESIDENTIAL_STATEMENT: 'statement number',
        DocType.RESOLUTION: 'resolution number',
    }.get(doc_type, 'document number')


def _parse_number(text: str, component: str, doc_type: DocType | None, label: str) -> tuple[str | None, int]:
    match = _NUMBER_RE.fullmatch(component)
    if not match or (match.group(1) and doc_type is not None):
        raise SymbolError(text, f"the {label} '{component}' must be digits")
    series = match.group(1).upper() if match.group(1) else None
    if series and series not in _SERIES:
        known = ', '.join(f'{name}.' for name in sorted(_SERIES))
        raise SymbolError(text, f"unknown series '{match.group(1)}.' in '{component}' (known: {known})")
    number = int(match.group(2))
    if number < 1:
        raise SymbolError(text, f"the {label} '{component}' must be a positive number")
    return series, number


#
# Sessions and years
#


def _with_session_or_year(text: str, part: SymbolPart, component: str) -> SymbolPart:
    if part.is_security_council_resolution:
        raise SymbolError(
            text,
            f"a Security Council resolution carries its year in parentheses, as in 'S/RES/{part.number} ({component})'",
        )
    special = _SPECIAL_SESSION_RE.fullmatch(component)
    if special:
        return _with_special_session(text, part, component, special)
    dated = part.principal in ('S', 'ST')
    what = 'year' if dated else 'session or year'
    if not _DIGITS_RE.fullmatch(component):
        raise SymbolError(text, f"the {what} '{component}' must be digits")
    if len(component) == 4:
        year = int(component)
        if part.principal == 'A' and part.doc_type in (DocType.RESOLUTION, DocType.DECISION):
            raise SymbolError(
                text, f"'{part.body}/{_MARKER_BY_TYPE[part.doc_type]}' takes a session number, not the year {year}"
            )
        _check_year(text, year, part)
        return replace(part, year=year)
    if dated:
        _reject_short_year(text, component)
    session = int(component)
    _check_session(text, session)
    if part.body == 'A' and part.doc_type == DocType.RESOLUTION and session <= 30:
        raise SymbolError(
            text,
            'General Assembly resolutions of sessions 1 to 30 give the session in roman numerals, '
            f"as in 'A/RES/{part.number}({_to_roman(session)})'",
        )
    return replace(part, session=session, session_kind=SessionKind.REGULAR)


def _with_special_session(text: str, part: SymbolPart, component: str, match: re.Match) -> SymbolPart:
    if part.principal != 'A':
        raise SymbolError(text, f"special sessions such as '{component}' exist only under 'A'")
    session = int(match.group(2))
    if session < 1:
        raise SymbolError(text, f"the special session number in '{component}' must be positive")
    kind = SessionKind.EMERGENCY_SPECIAL if match.group(1).upper() == 'ES' else SessionKind.SPECIAL
    return replace(part, session=session, session_kind=kind)


def _reject_short_year(text: str, component: str) -> None:
    if len(component) == 2:
        century = 19 if int(component) >= _FIRST_YEAR % 100 else 20
        raise SymbolError(
            text,
            f"'{component}' is a two-digit year, which is ambiguous: write the year in full, e.g. {century}{component}",
        )
    raise SymbolError(text, f"the year '{component}' must have four digits")


def _check_year(text: str, year: int, part: SymbolPart) -> None:
    first, what = _FIRST_YEAR, 'documents'
    if part.is_security_council_resolution:
        what = 'Security Council resolutions'
    elif part.doc_type == DocType.PRESIDENTIAL_STATEMENT:
        first, what = _FIRST_PRST_YEAR, 'presidential statements'
    last = _current_year() + 1
    if not first <= year <= last:
        raise SymbolError(text, f'the year {year} is out of range: {what} date from {first} to {last}')


def _check_session(text: str, session: int) -> None:
    last = _current_year() - _FIRST_SESSION_YEAR + 1
    if not 1 <= session <= last:
        raise SymbolError(text, f'the session {session} is out of range: sessions run from 1 to {last}')


def _with_parenthesis(text: str, part: SymbolPart, content: str) -> SymbolPart:
    if _ROMAN_RE.fullmatch(content):
        return _with_roman_session(text, part, content)
    if not part.is_security_council_resolution:
        raise SymbolError(
            text, f"'({content})': only Security Council resolutions carry a year in parentheses after the number"
        )
    if not _DIGITS_RE.fullmatch(content):
        raise SymbolError(text, f"the year in parentheses '({content})' must be four digits")
    if len(content) != 4:
        _reject_short_year(text, content)
    year = int(content)
    _check_year(text, year, part)
    _check_resolution_year(text, part.number, year)
    return replace(part, year=year)


def _with_roman_session(text: str, part: SymbolPart, content: str) -> SymbolPart:
    if part.body != 'A' or part.doc_type != DocType.RESOLUTION or part.session is not None or part.year is not None:
        raise SymbolError(
            text, f"'({content})': only General Assembly resolutions of sessions I to XXX carry a roman session"
        )
    session = _ROMAN_SESSIONS.get(content.upper())
    if session is None:
        raise SymbolError(text, f"'{content}' is not a roman session number from I to XXX")
    return replace(part, session=session, session_kind=SessionKind.REGULAR)


def _check_resolution_year(text: str, number: int, year: int) -> None:
    """Reject a year that contradicts a known resolution: numbers rise with the date of adoption."""
    earliest = max((known for known, (low, _) in _SC_RESOLUTION_YEARS.items() if low <= number), default=None)
    latest = min((known for known, (_, high) in _SC_RESOLUTION_YEARS.items() if high >= number), default=None)
    if earliest == latest and earliest is not None and year != earliest:
        raise SymbolError(text, f'resolution {number} was adopted in {earliest}, not {year}')
    if earliest is not None and year < earliest:
        raise SymbolError(text, f'resolution {number} was adopted in {earliest} or later, not in {year}')
    if latest is not None and year > latest:
        raise SymbolError(text, f'resolution {number} was adopted in {latest} or earlier, not in {year}')


def _check_required_parts(text: str, part: SymbolPart) -> None:
    if part.body == 'S' and part.doc_type == DocType.PRESIDENTIAL_STATEMENT and part.year is None:
        raise SymbolError(text, "the year is missing: presidential statements read 'S/PRST/<year>/<number>'")
    if part.principal == 'A' and part.doc_type == DocType.RESOLUTION and part.session is None:
        raise SymbolError(text, f"the session is missing: resolutions read '{part.body}/RES/<session>/<number>'")


#
# Finding symbols in text
#

_SPACE = r'[ \u00a0\u202f]'
_DASH = rf'[-{_DASHES}]'
_COMPONENT = r'(?:E?S-\d+|[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)'
_SUFFIX = r'(?:Add|Amend|Corr|Rev)\.\d+'
# A resolution number may take a year or a roman session in parentheses: 'S/RES/2151 (2014)', 'A/RES/2625(XXV)',
# 'S/RES/1483 (2003)/Corr.1'.
_RESOLUTION_WITH_PARENTHESIS = rf'(?:S|A)/RES/\d+(?:{_SPACE}?\((?:\d{{4}}|[IVX]+)\))?(?:/{_SUFFIX})*(?![\w/]|\.\w)'
_WRITTEN_PART = rf'(?:{_RESOLUTION_WITH_PARENTHESIS}|(?:ST|S|A|E|T)(?:/{_COMPONENT})+)'
_WRITTEN_PART_RE = re.compile(_WRITTEN_PART)
_WRITTEN_RE = re.compile(rf'(?<![\w/.\-]){_WRITTEN_PART}(?:{_SPACE}?{_DASH}{_SPACE}?{_WRITTEN_PART})*')

# Resolutions cited by number in prose: a trigger phrase, then one item or a list of items.
_LIST_SEPARATOR = rf'(?:,{_SPACE}*(?:and{_SPACE}+)?|{_SPACE}+(?:and|or){_SPACE}+)'
_NUMBER_AND_YEAR = rf'(?P<number>\d{{1,4}}){_SPACE}?\((?P<year>\d{{4}})\)'
_NUMBER_AND_ROMAN = rf'(?P<number>\d{{1,4}}){_SPACE}?\((?P<roman>[IVX]+)\)'
_GA_SESSION_AND_NUMBER = r'(?P<session>(?:ES-)?\d{1,3})/(?P<number>\d{1,4})'
_HRC_SESSION_AND_NUMBER = r'(?P<session>(?:S-)?\d{1,2})/(?P<number>\d{1,4})'
_YEAR_AND_NUMBER = r'(?P<year>\d{4})/(?P<number>\d{1,4})'
_CITATIONS = (
    ('resolutions?', _NUMBER_AND_YEAR, 'S/RES/{number} ({year})'),
    ('General Assembly resolutions?', _GA_SESSION_AND_NUMBER, 'A/RES/{session}/{number}'),
    ('General Assembly resolutions?', _NUMBER_AND_ROMAN, 'A/RES/{number}({roman})'),
    ('Human Rights Council resolutions?', _HRC_SESSION_AND_NUMBER, 'A/HRC/RES/{session}/{number}'),
    ('Economic and Social Council resolutions?', _YEAR_AND_NUMBER, 'E/RES/{year}/{number}'),
)


def _citation_re(trigger: str, item: str) -> re.Pattern:
    # The trigger ignores case: 'Resolution 2151 (2014)' or 'RESOLUTION 804 (1993)' heads the text of a resolution.
    # The items of a list repeat the item pattern without its group names, which may appear only once in a pattern.
    repeated = re.sub(r'\?P<\w+>', '?:', item)
    return re.compile(rf'\b(?i:{trigger}){_SPACE}+{item}(?:{_LIST_SEPARATOR}{repeated})*')


_CITATION_RES = tuple(
    (_citation_re(trigger, item), re.compile(item), template) for trigger, item, template in _CITATIONS
)


def _find_written(text: str) -> list[SymbolMatch]:
    matches = []
    for candidate in _WRITTEN_RE.finditer(text):
        match = _match_symbol(candidate.group(), candidate.start(), candidate.group())
        if match:
            matches.append(match)
            continue
        # The joint symbol failed as a whole: keep whichever of its parts are valid on their own.
        for part in _WRITTEN_PART_RE.finditer(text, candidate.start(), candidate.end()):
            match = _match_symbol(part.group(), part.start(), part.group())
            if match:
                matches.append(match)
    return matches


def _find_cited(text: str) -> list[SymbolMatch]:
    matches = []
    for citation_re, item_re, template in _CITATION_RES:
        for citation in citation_re.finditer(text):
            for item in item_re.finditer(text, citation.start(), citation.end()):
                match = _match_symbol(template.format(**item.groupdict()), item.start(), item.group())
                if match:
                    matches.append(match)
    return matches


def _match_symbol(candidate: str, start: int, written: str) -> SymbolMatch | None:
    try:
        symbol = parse_symbol(candidate)
    except SymbolError:
        return None
    return SymbolMatch(symbol=symbol, start=start, end=start + len(written), text=written)
