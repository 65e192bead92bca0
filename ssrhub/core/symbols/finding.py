"""Finding symbols in running text."""

from __future__ import annotations

import re

from .constants import DASHES
from .errors import SymbolError
from .model import SymbolMatch, UNSymbol
from .parsing import parse_symbol

__all__ = ['find_symbol_matches', 'find_symbols']


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


_SPACE = r'[ \u00a0\u202f]'
_DASH = rf'[-{DASHES}]'
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
