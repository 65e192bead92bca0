"""Page furniture and the content lines of a text: normalised, furniture removed, each with its page break."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ['DATE', 'MONTHS', 'TextLine', 'content_lines', 'normalise', 'vocabulary_of']

MONTHS = (
    'january|february|march|april|may|june|july|august|september|october|november|december|'
    'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'
)
DATE = rf'\d{{1,2}}(?:er)?\s+(?i:{MONTHS})\s+\d{{4}}'
_SYMBOL = r'S/(?:RES/)?[0-9A-Za-z.]+(?:/[0-9A-Za-z.*]+)*(?:\s*\(\d{4}\))?'
_DATE_LINE_RE = re.compile(rf'^{DATE}\.?$', re.IGNORECASE)

# Lines that are furniture as a whole.
_FURNITURE_RE = re.compile(
    r'^(?:'
    r'[-–—]?\s*\d{1,4}\s*[-–—]?'  # page number
    r'|\d{1,3}\s*/\s*\d{1,3}'  # page n of m
    r'|(?:page|Page|PAGE)\s+\d{1,4}(?:\s+(?:of|de|sur)\s+\d{1,4})?'
    r'|[-_=–—.·•*\s]{3,}'  # rules
    r'|/\.\.\.|\.\.\./|…/…'
    r'|\*\d{5,}\*'  # barcode
    r'|GE\.\d{2}-\d{3,6}.*'  # Geneva job number
    r'|\d{2}-\d{5}\s*(?:\([A-Z]\))?[\s\d/]*'  # New York job number and date stamp
    r')$'
)
# Banners that are furniture only at the top of the text or next to other furniture.
_WEAK_FURNITURE_RE = re.compile(
    r'^(?:UNITED\s+NATIONS|United\s+Nations|NATIONS\s+UNIES|Nations\s+Unies|S|\([A-Z]\)|GENERAL|GÉNÉRALE'
    r'|SECURITY\s+COUNCIL|Security\s+Council|CONSEIL\s+DE\s+SÉCURITÉ|Conseil\s+de\s+sécurité'
    r'|(?:Original|ORIGINAL)\s*:\s*\w+|ENGLISH|FRENCH|FRANÇAIS|ANGLAIS)$'
)
# Header and footer lines built from a symbol, banners, distribution, date and job number.
_FURNITURE_TOKEN_RE = re.compile(
    rf'{_SYMBOL}|{DATE}|United Nations|Nations Unies|Security Council|Conseil de sécurité'
    r'|Distr\.?\s*:?\s*(?:GENERAL|General|GÉNÉRALE|Générale|générale|LIMITED|Limited|RESTRICTED|Restricted)?'
    r'|\d{2}-\d{5}\s*(?:\([A-Z]\))?|\*\d{5,}\*|\d{1,3}/\d{1,3}|\bGENERAL\b|\bGÉNÉRALE\b',
    re.IGNORECASE,
)
_STRONG_FURNITURE_RE = re.compile(rf'{_SYMBOL}|Distr\.|\d{{2}}-\d{{5}}|\*\d{{5,}}\*')
_CONTINUATION_MARKS = ('/...', '.../', '…/…')


def _is_furniture(line: str) -> bool:
    if _FURNITURE_RE.match(line):
        return True
    if not _STRONG_FURNITURE_RE.search(line):
        return False
    rest = _FURNITURE_TOKEN_RE.sub(' ', line)
    return not rest.strip(' -–—')


#
# Lines
#

_SPACES = dict.fromkeys(map(ord, '\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009'), ' ')
_SPACES.update(dict.fromkeys(map(ord, '\u200a\u202f\u205f\u3000'), ' '))
_SPACES.update(dict.fromkeys(map(ord, '\u200b\u200c\u200d\u2060\ufeff\x00'), None))
_NEWLINE_RE = re.compile(r'\r\n?|[\f\v\x1c\x1d\x1e\x85\u2028\u2029]')
_CONTROL_RE = re.compile(r'[\x01-\x08\x0e-\x1f\x7f]')


def normalise(text: str) -> str:
    text = _NEWLINE_RE.sub('\n', text).translate(_SPACES)
    text = _CONTROL_RE.sub('', text)
    # A soft hyphen at a line end marks a word broken by the typesetter; elsewhere it is invisible.
    return text.replace('\u00ad\n', '').replace('\u00ad', '')


def vocabulary_of(text: str) -> frozenset[str]:
    """Words and hyphenated compounds written on one line, to decide line-end hyphens."""
    return frozenset(m.lower() for m in re.findall(r'[^\W\d_]+(?:-[^\W\d_]+)*', text))


@dataclass(slots=True)
class TextLine:
    text: str
    gap: bool  # a blank line, a furniture line or the start of the text comes before it


def content_lines(text: str) -> list[TextLine]:
    """The lines of text, without page furniture; ``gap`` records a blank or furniture line before a line."""
    raw = [_strip_line(line) for line in text.split('\n')]
    kinds = [_line_kind(line) for line in raw]
    following = _next_kinds(kinds)
    lines: list[TextLine] = []
    gap, previous = True, ''  # previous: 'furniture' or 'text', the last line that is not blank
    for line, kind, after in zip(raw, kinds, following, strict=True):
        if kind == 'blank':
            gap = True
            continue
        if _dropped(kind, previous, after, lines):
            gap, previous = True, 'furniture'
            continue
        lines.append(TextLine(line, gap))
        gap, previous = False, 'text'
    return lines


def _strip_line(line: str) -> str:
    line = line.strip()
    for mark in _CONTINUATION_MARKS:
        if line.endswith(mark) and len(line) > len(mark):
            return line[: -len(mark)].rstrip()
    return line


def _line_kind(line: str) -> str:
    if not line:
        return 'blank'
    if _WEAK_FURNITURE_RE.match(line):
        return 'weak'
    if _is_furniture(line):
        return 'strong'
    return 'date' if _DATE_LINE_RE.match(line) else 'text'


def _next_kinds(kinds: list[str]) -> list[str]:
    """For each line, the kind of the next line that is not blank."""
    result = [''] * len(kinds)
    after = ''
    for index in range(len(kinds) - 1, -1, -1):
        result[index] = after
        if kinds[index] != 'blank':
            after = kinds[index]
    return result


def _dropped(kind: str, previous: str, after: str, lines: list[TextLine]) -> bool:
    if kind == 'strong':  # a number after 'S/Agenda/' is the end of a symbol, not a page number
        return not (lines and lines[-1].text.endswith('/'))
    if kind == 'weak':  # banners only at the top of the text or next to other furniture
        return not lines or previous == 'furniture' or after == 'strong'
    if kind == 'date':  # the date of a header, after the symbol or the distribution line
        return previous == 'furniture'
    return False
