"""Tell what a document is from its text: symbol, type, date, title and language.

The heading decides: the first lines of a document, up to the opening of its preamble ("The Security Council,"),
carry its own symbol, its date of adoption or issue and its title, while the body cites other documents that must
never be taken for the document's own. Where the heading prints no symbol, the file name may give one
(``S_RES_2151_2014_EN.txt`` -> ``S/RES/2151 (2014)``). Symbols are read and written by ``ssrhub.core.symbols``.

Pure Python: no Django import (see docs/document-intelligence.md).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePath

from ssrhub.core.symbols import PRINCIPAL_BODIES, DocType, SymbolError, UNSymbol, find_symbol_matches, parse_symbol

__all__ = [
    'DocumentMetadata',
    'detect_language',
    'detect_metadata',
    'symbol_from_filename',
    'symbol_in_text',
]


#
# Constants
#

# The heading is read from at most this many non-blank lines, and from the start of the text only.
_HEADING_LINES = 40
_HEADING_CHARS = 50_000
# Language is told from this much text: plenty for a ratio, cheap for a long report.
_LANGUAGE_CHARS = 100_000
# Titles longer than this are cut at a word boundary.
_MAX_TITLE = 300
# A title may run over this many printed lines.
_MAX_TITLE_LINES = 4
# A national strategy names itself in a title: in one of the first lines of its heading, in a line this short.
_TITLE_REGION_LINES = 15
_MAX_TITLE_LINE = 200

# General Assembly session n opens in September of year 1945 + n, so its documents date from that year or the next.
_FIRST_SESSION_YEAR = 1945

# Tokens that end a file name after the symbol: language codes and the corpus's mark of hand-corrected texts.
_FILENAME_QUALIFIERS = frozenset({'AR', 'EN', 'ENG', 'ES', 'FR', 'FRA', 'FRE', 'GOLD', 'RU', 'ZH'})

_ENGLISH_WORDS = frozenset(
    {
        'the', 'of', 'and', 'to', 'in', 'that', 'its', 'with', 'for', 'on', 'by', 'is', 'be', 'as', 'this',
        'which', 'are', 'has', 'have', 'from', 'it', 'at', 'an', 'was', 'were', 'their', 'all', 'or', 'not',
        'these', 'shall', 'should', 'also', 'such', 'other', 'been', 'into', 'upon', 'between', 'including',
    }
)  # fmt: skip
_FRENCH_WORDS = frozenset(
    {
        'le', 'la', 'les', 'des', 'du', 'et', 'que', 'dans', 'au', 'aux', 'sur', 'une', 'un', 'est', 'pour',
        'par', 'qui', 'ses', 'son', 'sa', 'leur', 'leurs', 'ce', 'cette', 'ces', 'ne', 'pas', 'été', 'être',
        'avec', 'selon', 'il', 'elle', 'sont', 'ont', 'entre', 'notamment', 'ainsi', 'dont', 'en', 'compris',
    }
)  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’](?=[^\W\d_]))?")
_FRENCH_ELISIONS = frozenset({"l'", "d'", "qu'", "n'", "s'", "c'", "j'", 'l’', 'd’', 'qu’', 'n’', 's’', 'c’', 'j’'})


#
# Data model
#


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """
    What a document is: its own symbol ('' if none, canonical), title, date of adoption or issue, type and language.
    """

    symbol: str
    title: str
    date: datetime.date | None
    doc_type: DocType
    language: str


#
# Public functions
#


def detect_metadata(text: str, filename: str = '') -> DocumentMetadata:
    """
    Read a document's own symbol, type, date, title and language from its heading, and its file name.

    Never raises on odd text: what cannot be found is left empty ('' or None) and the type falls back to 'other'.
    """
    text = text if isinstance(text, str) else ''
    lines = _heading_lines(text)
    language = detect_language(text)
    symbol = _detect_symbol(lines, filename)
    date = _detect_date(lines, symbol)
    doc_type = _detect_type(lines, symbol)
    title = _detect_title(lines, symbol, doc_type, language)
    return DocumentMetadata(
        symbol=symbol.canonical if symbol else '', title=title, date=date, doc_type=doc_type, language=language
    )


def detect_language(text: str) -> str:
    """
    Tell English from French by the share of common function words: 'fr' when French words outnumber English
    ones, else 'en' (also for a tie or an empty text). Deterministic.
    """
    english = french = 0
    for word in _WORD_RE.findall(text[:_LANGUAGE_CHARS].lower()):
        if word in _ENGLISH_WORDS:
            english += 1
        elif word in _FRENCH_WORDS or word in _FRENCH_ELISIONS:
            french += 1
    return 'fr' if french > english else 'en'


def symbol_in_text(text: str, filename: str = '') -> str:
    """
    The symbol the text's own heading prints ('' when it prints none), never the file name's: the file name only
    completes a resolution heading that omits its year ('Resolution 290' in 'S_RES_0290_1970_EN.txt').
    """
    symbol = _heading_symbol(_heading_lines(text if isinstance(text, str) else ''), _filename_symbol(filename))
    return symbol.canonical if symbol else ''


def symbol_from_filename(filename: str) -> str:
    """
    Read a symbol from a file name that spells it with underscores: 'S_RES_2151_2014_EN.txt' -> 'S/RES/2151 (2014)',
    'S_RES_0866_1993_EN_GOLD.txt' -> 'S/RES/866 (1993)', 'S_2013_480.pdf' -> 'S/2013/480'; '' when there is none.
    """
    symbol = _filename_symbol(filename)
    return symbol.canonical if symbol else ''


#
# The heading
#

# The line that opens the preamble ends the heading.
_PREAMBLE_RE = re.compile(
    r"^(?:The Security Council|Le Conseil de sécurité|The General Assembly|L['’]Assemblée générale)\s*[,.:;]?$",
    re.IGNORECASE,
)


def _heading_lines(text: str) -> list[str]:
    """The first non-blank lines of the text, stripped, up to the opening of the preamble."""
    lines = []
    for raw in re.split(r'[\n\f\r\v]', text[:_HEADING_CHARS]):
        line = ' '.join(raw.split())
        if not line:
            continue
        if _PREAMBLE_RE.match(line) or len(lines) == _HEADING_LINES:
            break
        lines.append(line)
    return lines


#
# Symbol
#

_RESOLUTION_WORD = r'(?:Resolution|RESOLUTION|Résolution|RÉSOLUTION)'
# 'Resolution 2151 (2014)', 'RESOLUTION 866 (1993)', 'Resolution 290' (year missing), 'Resolution 361 (197-4)'.
_RESOLUTION_HEADING_RE = re.compile(rf'^{_RESOLUTION_WORD}\s+(?P<number>\d{{1,4}})\b(?:\s*\((?P<year>\d{{4}})\))?')
# '41 (1948). Resolution of 28 February 1948', '1 (1946) Resolution of 25 January 1946'.
_NUMBER_FIRST_HEADING_RE = re.compile(
    rf'^(?P<number>\d{{1,4}})\s*\((?P<year>\d{{4}})\)\s*\.?\s*{_RESOLUTION_WORD}\s+(?:of|du)\b'
)
# '68/262. Territorial integrity of Ukraine', after 'Resolution adopted by the General Assembly'.
_GA_NUMBER_RE = re.compile(r'^(?P<session>\d{2,3})/(?P<number>\d{1,4})\.\s+\S')
_GA_ADOPTED_RE = re.compile(
    r"\b(?:Resolution adopted by the General Assembly|Résolution adoptée par l['’]Assemblée générale)", re.IGNORECASE
)
# What may precede a document's own symbol on its line, and follow it.
_ORGAN = (
    r'(?:United Nations|Nations Unies|Security Council|General Assembly|Economic and Social Council'
    r'|Conseil de sécurité|Assemblée générale|Conseil économique et social)'
)
_DISTRIBUTION = r'Distr\b[.:]*\s*(?:general|générale|limited|limitée|restricted|restreinte)?\.?'
_SYMBOL_PREFIX_RE = re.compile(rf'^(?:{_ORGAN}|{_DISTRIBUTION}|Symbol\s?:|Cote\s?:|\s)*$', re.IGNORECASE)
_SYMBOL_REST_RE = re.compile(
    rf'^(?:|\*+|(?:{_ORGAN}|Distr\b).*|\d{{1,2}}(?:er)? [^\W\d_]+ \d{{4}})$',
    re.IGNORECASE,
)


def _detect_symbol(lines: list[str], filename: str) -> UNSymbol | None:
    """The document's own symbol from its heading, else from its file name."""
    from_filename = _filename_symbol(filename)
    return _heading_symbol(lines, from_filename) or from_filename


def _heading_symbol(lines: list[str], from_filename: UNSymbol | None) -> UNSymbol | None:
    """The first symbol the heading prints as the document's own; the symbols its body cites never count."""
    adopted_by_assembly = any(_GA_ADOPTED_RE.search(line) for line in lines)
    for line in lines:
        symbol = (
            _symbol_line(line)
            or _resolution_heading(line, lines, from_filename)
            or (_ga_heading(line) if adopted_by_assembly else None)
        )
        if symbol:
            return symbol
    return None


def _symbol_line(line: str) -> UNSymbol | None:
    """A symbol printed as a heading line of its own, as UN documents print theirs at the top of the first page."""
    matches = find_symbol_matches(line)
    if not matches:
        return None
    match = matches[0]
    if not match.text.startswith(PRINCIPAL_BODIES):
        return None  # a resolution cited in words, such as 'Resolution 2151 (2014)', is read as a heading instead
    if _SYMBOL_PREFIX_RE.match(line[: match.start].strip()) and _SYMBOL_REST_RE.match(line[match.end :].strip()):
        return match.symbol
    return None


def _resolution_heading(line: str, lines: list[str], from_filename: UNSymbol | None) -> UNSymbol | None:
    """A Security Council resolution's heading: 'Resolution 2151 (2014)' or '41 (1948). Resolution of ...'."""
    match = _NUMBER_FIRST_HEADING_RE.match(line)
    if not match:
        match = _RESOLUTION_HEADING_RE.match(line)
        if not match or not _HEADING_REST_RE.match(line[match.end() :].strip()):
            return None
    number = int(match.group('number'))
    years = [match.group('year')]
    if from_filename and from_filename.is_security_council_resolution and from_filename.number == number:
        years.append(from_filename.year)
    years.extend(date.year for date in _heading_dates(lines))
    return _resolution_symbol(number, years)


def _resolution_symbol(number: int, years: list) -> UNSymbol | None:
    """The first of 'S/RES/<number> (<year>)' for the years given that the parser accepts, else without a year."""
    for year in years:
        if year is None:
            continue
        symbol = _parse(f'S/RES/{number} ({year})')
        if symbol:
            return symbol
    return _parse(f'S/RES/{number}')


def _ga_heading(line: str) -> UNSymbol | None:
    match = _GA_NUMBER_RE.match(line)
    if not match:
        return None
    return _parse(f'A/RES/{match.group("session")}/{match.group("number")}')


def _filename_symbol(filename: str) -> UNSymbol | None:
    name = PurePath(str(filename or '').replace('\\', '/')).name
    name = re.sub(r'\.(?:txt|text|pdf|docx?|html?|xhtml|md)$', '', name, flags=re.IGNORECASE)
    tokens = [token for token in re.split(r'[_\s]+', name) if token]
    while tokens and tokens[-1].upper() in _FILENAME_QUALIFIERS:
        tokens.pop()
    if len(tokens) < 3 or tokens[0].upper() not in PRINCIPAL_BODIES:
        return None
    if len(tokens) == 4 and tokens[1].upper() == 'RES' and tokens[2].isdigit() and re.fullmatch(r'\d{4}', tokens[3]):
        if tokens[0].upper() == 'S':
            return _parse(f'S/RES/{int(tokens[2])} ({tokens[3]})')
    for end in range(len(tokens), 2, -1):
        symbol = _parse('/'.join(tokens[:end]))
        if symbol:
            return symbol
    return None


def _parse(text: str) -> UNSymbol | None:
    try:
        return parse_symbol(text)
    except SymbolError:
        return None


#
# Date
#

_ENGLISH_MONTHS = {
    month: number
    for number, month in enumerate(
        (
            'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
            'november', 'december',
        ),
        start=1,
    )
}  # fmt: skip
_FRENCH_MONTHS = {
    'janvier': 1, 'février': 2, 'fevrier': 2, 'mars': 3, 'avril': 4, 'mai': 5, 'juin': 6, 'juillet': 7,
    'août': 8, 'aout': 8, 'septembre': 9, 'octobre': 10, 'novembre': 11, 'décembre': 12, 'decembre': 12,
}  # fmt: skip
_EN_MONTH = '(?i:' + '|'.join(_ENGLISH_MONTHS) + ')'
_FR_MONTH = '(?i:' + '|'.join(_FRENCH_MONTHS) + ')'
# A date as printed, without groups so that it can sit inside the anchors below; parsed by _DATE_PARTS_RE.
_DATE = (
    rf'(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+\d{{4}}|{_EN_MONTH}\s+\d{{1,2}},?\s+\d{{4}}'
    rf'|(?:1er|\d{{1,2}})\s+{_FR_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?!\d)'
)
# What may follow a resolution heading on its line (_RESOLUTION_HEADING_RE): nothing, a footnote mark, a year garbled
# by OCR, or its date or adoption note ending on the date. Anything else is a sentence that happens to start with
# 'Resolution 1325 (2000)', citing it: 'Resolution 2151 (2014) adopted on 28 April 2014 is the first ...'.
_HEADING_REST_RE = re.compile(
    rf'^(?:|\.|\d{{1,3}}|\*+|\([\d\s.\-]*\)|(?:of|du|adopted|adoptée)\b[^.;]*?{_DATE}\s*[.)]?)$',
    re.IGNORECASE,
)
_DATE_PARTS_RE = re.compile(
    rf'(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\s+(?P<month>{_EN_MONTH}|{_FR_MONTH}),?\s+(?P<year>\d{{4}})'
    rf'|(?P<month2>{_EN_MONTH})\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})'
    r'|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})',
    re.IGNORECASE,
)
# Where a heading states the date, most telling first. Each finds '(?P<date>...)' in the heading lines joined by
# newlines; those that start with '^' want their phrase at the start of a line, so that a sentence of the body that
# cites another document's adoption is not read as this document's.
_DATE_ANCHORS = tuple(
    re.compile(pattern.format(date=rf'(?P<date>{_DATE})'), re.MULTILINE | flags)
    for pattern, flags in (
        # 'Adopted by the Security Council at its 7161st meeting, on 28 April 2014', 'Resolution adopted by the General
        # Assembly on 27 March 2014', 'Adoptée par le Conseil de sécurité à sa 7161e séance, le 28 avril 2014'.
        (r'^(?:r[ée]solution\s+)?adopt(?:ed|ée)\s+(?:by|par)\b[^;]{{0,120}}?\b(?:on|le)\s+{date}', re.IGNORECASE),
        # 'Resolution 200 (1965) of 15 March 1965', '41 (1948). Resolution of 28 February 1948'.
        (
            rf'^(?:\d{{{{1,4}}}}\s*\(\d{{{{4}}}}\)\s*\.?\s*)?{_RESOLUTION_WORD}(?:\s+\d{{{{1,4}}}}(?:\s*\([^)]*\))?)?\.?'
            r'\s+(?:of|Of|du)\s+{date}',
            0,
        ),
        # Presidential statements: 'At the 7113th meeting of the Security Council, held on 21 February 2014'.
        (
            r'\b(?:meeting of the Security Council,?\s+held on|séance du Conseil de sécurité,?\s+tenue le)\s+{date}',
            re.IGNORECASE,
        ),
        (r'^Date\s*:\s*{date}', re.IGNORECASE),
        # The issue date under the distribution mark: 'Distr.: General 28 April 2014'.
        (
            r'\bDistr\.?\s*:?\s*(?:general|générale|limited|limitée|restricted|restreinte)\.?\s+{date}',
            re.IGNORECASE,
        ),
    )
)
# A date printed as a line of its own, as under a symbol: '11 March 1994'.
_DATE_LINE_RE = re.compile(rf'(?P<date>{_DATE})\.?', re.IGNORECASE)
# Weaker signs, taken only when the heading has none of the above.
_LATE_ANCHORS = (
    # 'Décret n° 2012-786 du 8 août 2012 portant stratégie nationale ...'.
    re.compile(rf'\bdu\s+(?P<date>{_DATE})', re.IGNORECASE),
    # 'Letter dated 5 May 2014 from ...', 'Lettre datée du 5 mai 2014 ...'.
    re.compile(
        rf'^(?:letter|lettre|note verbale)\s+dat(?:ed|ée)\s+(?:du\s+)?(?P<date>{_DATE})', re.IGNORECASE | re.MULTILINE
    ),
    re.compile(r'(?<![\d-])(?P<date>\d{4}-\d{2}-\d{2})(?![\d-])'),
)


def _detect_date(lines: list[str], symbol: UNSymbol | None) -> datetime.date | None:
    """The first heading date, by the order of _heading_dates(), whose year does not contradict the symbol."""
    years = _symbol_years(symbol)
    for date in _heading_dates(lines):
        if years is None or date.year in years:
            return date
    return None


def _heading_dates(lines: list[str]):
    """Dates stated in the heading, most telling anchor first and in order of appearance for each anchor."""
    heading = '\n'.join(lines)
    for anchor in _DATE_ANCHORS:
        yield from _anchored_dates(anchor, heading)
    for line in lines:
        match = _DATE_LINE_RE.fullmatch(line)
        if match:
            yield from _dates(match.group('date'))
    for anchor in _LATE_ANCHORS:
        yield from _anchored_dates(anchor, heading)


def _anchored_dates(anchor: re.Pattern, heading: str):
    for match in anchor.finditer(heading):
        yield from _dates(match.group('date'))


def _dates(text: str):
    """The date that ``text`` spells, if it is a real calendar date; yields nothing otherwise."""
    parts = _DATE_PARTS_RE.fullmatch(text)
    if not parts:
        return
    if parts.group('iso_year'):
        year, month, day = (int(parts.group(name)) for name in ('iso_year', 'iso_month', 'iso_day'))
    else:
        year = int(parts.group('year') or parts.group('year2'))
        day = int(parts.group('day') or parts.group('day2'))
        month_name = (parts.group('month') or parts.group('month2')).lower()
        month = _ENGLISH_MONTHS.get(month_name) or _FRENCH_MONTHS[month_name]
    if year < _FIRST_SESSION_YEAR:
        return
    try:
        yield datetime.date(year, month, day)
    except ValueError:
        return


def _symbol_years(symbol: UNSymbol | None) -> set[int] | None:
    """The years a document with this symbol may be dated, or None when the symbol does not tell."""
    if symbol is None:
        return None
    part = symbol.parts[0]
    if part.year is not None:
        return {part.year}
    if part.session is not None and part.principal == 'A':
        return {_FIRST_SESSION_YEAR + part.session, _FIRST_SESSION_YEAR + part.session + 1}
    return None


#
# Type
#

_ORDINAL = (
    r'(?:(?:twenty|thirty|forty|fifty|sixty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth'
    r'|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth'
    r'|thirtieth|fortieth|fiftieth)'
)
_REPORT_QUALIFIER = rf'(?:{_ORDINAL}|special|progress|annual|further|final|interim|comprehensive|consolidated|periodic)'
_RAPPORT_QUALIFIER = r"(?:spécial|intérimaire|annuel|final|d['’]étape|périodique|complémentaire|[\w-]+ième)"
# 'Report of the Secretary-General on ...', 'Fifth progress report of the Secretary-General on ...',
# 'Rapport du Secrétaire général sur ...', 'Deuxième rapport spécial du Secrétaire général sur ...'.
_REPORT_RE = re.compile(
    rf'^(?:(?:{_REPORT_QUALIFIER}\s+){{0,3}}report of the Secretary[- ]General'
    rf'|(?:(?:premier|{_RAPPORT_QUALIFIER})\s+)?rapport\s+(?:{_RAPPORT_QUALIFIER}\s+)?du Secrétaire général)\b',
    re.IGNORECASE,
)
_PRST_RE = re.compile(
    r'^(?:Statement by the President of the Security Council|Déclaration du Président du Conseil de sécurité)\b',
    re.IGNORECASE,
)
_STRATEGY_RE = re.compile(
    r'\bnational\s+(?:(?:security|defen[cs]e|security\s+and\s+defen[cs]e|defen[cs]e\s+and\s+security'
    r'|security\s+sector\s+reform|security\s+sector|justice\s+and\s+security)\s+)?'
    r'(?:policy|strategy|strategic\s+plan|plan|white\s+paper)\b'
    r'|\b(?:security|defen[cs]e)\s+(?:sector\s+reform\s+)?(?:policy|strategy)\s+(?:of|for)\s+(?:the\s+)?republic\b'
    r'|\bstrat[ée]gie\s+nationale\b|\bpolitique\s+(?:de\s+)?(?:s[ée]curit[ée]|d[ée]fense)\s+nationale\b'
    r'|\bpolitique\s+nationale\s+de\s+(?:s[ée]curit[ée]|d[ée]fense)\b|\bplan\s+national\b'
    r'|\blivre\s+blanc\s+sur\s+la\s+d[ée]fense\b',
    re.IGNORECASE,
)


def _detect_type(lines: list[str], symbol: UNSymbol | None) -> DocType:
    if symbol is not None:
        return _type_of_symbol(lines, symbol)
    if any(_PRST_RE.match(line) for line in lines):
        return DocType.PRESIDENTIAL_STATEMENT
    if any(_REPORT_RE.match(line) for line in lines):
        return DocType.SG_REPORT
    if any(_GA_ADOPTED_RE.search(line) for line in lines):
        return DocType.GA_RESOLUTION
    if any(_STRATEGY_RE.search(line) for line in _title_region(lines)):
        return DocType.NATIONAL_STRATEGY
    return DocType.OTHER


def _title_region(lines: list[str]) -> list[str]:
    """The lines where a document names itself: the first of the heading, and short enough to be a title."""
    return [line for line in lines[:_TITLE_REGION_LINES] if len(line) <= _MAX_TITLE_LINE]


def _type_of_symbol(lines: list[str], symbol: UNSymbol) -> DocType:
    part = symbol.parts[0]
    if part.is_security_council_resolution:
        return DocType.RESOLUTION
    if part.body == 'S' and part.doc_type == DocType.PRESIDENTIAL_STATEMENT:
        return DocType.PRESIDENTIAL_STATEMENT
    if part.body == 'A' and part.doc_type == DocType.RESOLUTION:
        return DocType.GA_RESOLUTION
    if part.body in ('S', 'A') and part.doc_type == DocType.DOCUMENT and any(_REPORT_RE.match(line) for line in lines):
        return DocType.SG_REPORT
    return DocType.OTHER


#
# Title
#

# Lines of page furniture that are never a title: organ names, distribution and language marks, job numbers and
# bar codes, session and agenda lines, page numbers, bracketed notes.
_FURNITURE_RE = re.compile(
    rf'^(?:(?:{_ORGAN}|[ASE])(?:\s+{_ORGAN})*(?:\s+Distr\b.*)?|Distr\b.*|Original\s?:.*'
    r'|English|French|Français|Anglais|\d{2}-\d{5}.*|\*\d+\*|Please recycle.*'
    r'|[\w-]+(?:\s[\w-]+)?\s(?:session|session extraordinaire)|(?:Agenda items?|Items?|Points?)\s.*'
    r'|(?:Provisional agenda|Ordre du jour provisoire).*|Page\s\d+.*|\d+(?:/\d+)?|\[.*\])$',
    re.IGNORECASE,
)
# Lines that open the body of a report or the text of a strategy, and so end a title: numbered headings and
# paragraphs, the usual first sections, a month and year.
_SECTION_RE = re.compile(
    rf'^(?:[IVXLC]+\.\s|[A-Z]\.\s|\d+(?:\.\d+)*\.?\s|\(\w{{1,3}}\)\s'
    r'|(?:Summary|Résumé|Introduction|Contents|Table of contents|Sommaire|Table des matières|Foreword|Préface'
    rf'|Avant-propos)\b|(?:{_EN_MONTH}|{_FR_MONTH})?\s*\d{{4}}$)',
)
_CONNECTOR_END_RE = re.compile(
    r'\b(?:on|of|the|and|in|for|to|with|a|an|by|sur|de|du|des|la|le|les|et|en|au|aux|à|pour|dans)$|[:,\-–—]$',
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r'[.;!?]$')
_REPORT_ONLY_RE = re.compile(
    r'^(?:report of the Secretary[- ]General|rapport du Secrétaire général)\.?$', re.IGNORECASE
)


def _detect_title(lines: list[str], symbol: UNSymbol | None, doc_type: DocType, language: str) -> str:
    if doc_type == DocType.RESOLUTION and symbol is not None:
        return _resolution_title(symbol, language)
    finders = {
        DocType.SG_REPORT: _report_title,
        DocType.PRESIDENTIAL_STATEMENT: _statement_title,
        DocType.GA_RESOLUTION: _ga_title,
        DocType.NATIONAL_STRATEGY: _strategy_title,
    }
    title = finders[doc_type](lines) if doc_type in finders else ''
    return _shorten(title or _first_title_line(lines))


def _resolution_title(symbol: UNSymbol, language: str) -> str:
    word = 'Résolution' if language == 'fr' else 'Resolution'
    year = f' ({symbol.year})' if symbol.year else ''
    return f'{word} {symbol.number}{year}'


def _report_title(lines: list[str]) -> str:
    for index, line in enumerate(lines):
        if not _REPORT_RE.match(line):
            continue
        if _REPORT_ONLY_RE.match(line):
            # 'Securing States and societies: ...' printed above a bare 'Report of the Secretary-General'.
            return _title_above(lines, index) or line.rstrip('.')
        return _title_from(lines, index, wrapped=True)
    return ''


def _statement_title(lines: list[str]) -> str:
    return next((line for line in lines if _PRST_RE.match(line)), '')


def _ga_title(lines: list[str]) -> str:
    for index, line in enumerate(lines):
        match = _GA_NUMBER_RE.match(line)
        if match:
            first = line[line.index('.') + 1 :].strip()
            return _title_from([first, *lines[index + 1 :]], 0, wrapped=True)
    return ''


def _strategy_title(lines: list[str]) -> str:
    region = _title_region(lines)
    for index, line in enumerate(lines):
        if line in region and _STRATEGY_RE.search(line) and not _FURNITURE_RE.match(line):
            return _title_from(lines, index)
    return ''


def _first_title_line(lines: list[str]) -> str:
    for line in lines:
        if not _FURNITURE_RE.match(line) and not _symbol_line(line) and not _DATE_LINE_RE.fullmatch(line):
            return line
    return ''


def _title_from(lines: list[str], index: int, *, wrapped: bool = False) -> str:
    """
    The title printed from lines[index], with the lines that continue it: a line after one that ends on a connector
    ('on', 'de', ':') or that starts in lower case; with ``wrapped``, as for reports whose title is followed by a
    section heading, any line up to the first that opens a section or ends a sentence.
    """
    parts = [lines[index]]
    for line in lines[index + 1 : index + _MAX_TITLE_LINES]:
        if _FURNITURE_RE.match(line) or _SECTION_RE.match(line) or _DATE_LINE_RE.fullmatch(line):
            break
        continued = _CONNECTOR_END_RE.search(parts[-1]) or line[:1].islower()
        if not (continued or (wrapped and not _SENTENCE_END_RE.search(parts[-1]))):
            break
        parts.append(line)
        if wrapped and _SENTENCE_END_RE.search(line):
            break
    return ' '.join(parts)


def _title_above(lines: list[str], index: int) -> str:
    """The title lines printed right above lines[index], after the page furniture."""
    parts = []
    for line in reversed(lines[max(0, index - _MAX_TITLE_LINES) : index]):
        if _FURNITURE_RE.match(line) or _symbol_line(line) or _DATE_LINE_RE.fullmatch(line):
            break
        parts.insert(0, line)
    return ' '.join(parts)


def _shorten(title: str) -> str:
    if len(title) <= _MAX_TITLE:
        return title
    return title[: _MAX_TITLE - 1].rsplit(' ', 1)[0] + '…'
