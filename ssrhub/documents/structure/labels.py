"""Paragraph labels ('1.', '(a)', '(iv)') and the roles of structural lines (heading, part, annex, footnote)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import DATE, MONTHS

__all__ = [
    'ANNEX_RE',
    'FOOTNOTE_RE',
    'FOOTNOTE_TEXT_RE',
    'Label',
    'MAX_PART_TITLE',
    'MONTH_START_RE',
    'RESOLUTION_HEADING_RE',
    'TRAILER_RE',
    'is_heading_line',
    'line_role',
    'parse_label',
    'part_label',
    'roman_value',
]

_ROMAN_VALUES = {'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
_ROMAN_RE = re.compile(r'^(?=[ivxlc])(?:l?x{0,3}|xl|xc)(?:ix|iv|v?i{0,3})$')
MAX_PART_TITLE = 100
_UPPER_ROMAN_RE = re.compile(r'^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$')

# '12.', '12)', and the OCR slips '1,', 'll.', 'i9.', 'L.'; then a space, the line end or a capitalised word.
_NUM_LABEL_RE = re.compile(r'^(?P<tok>\d{1,3}|[0-9lIi]{2,3}|[lLIi](?=\.))\s?(?P<sep>[.,)])(?=\s|$|[A-Z][a-z])\s*')
# '(a)', '(iv)', '(2)', 'a)', 'iv)', and 'a.' before a capital.
_ITEM_LABEL_RE = re.compile(
    r'^(?:\((?P<p>[a-z]{1,6}|\d{1,2})\)|(?P<b>[a-z]{1,6})\)(?=\s|$)|(?P<d>[a-z])\.(?=\s+[A-Z]))\s*'
)
_LABEL_JUNK_RE = re.compile(r'^[|~_—–\-\s]+(?=\S)')
_OCR_DIGITS = str.maketrans('lLIi', '1111')
_OCR_NUMBERS = frozenset({'l', 'L', 'I', 'i', 'll'})


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # 'num' or 'item'
    token: str  # '12', '1l' (OCR), 'a', 'iv', '2'
    sep: str  # '.', ',', ')' for numbers; '' for items
    rest: str  # text after the label on the first line
    odd: bool = False  # an item label that is neither a letter nor a roman numeral: '(ad)', OCR for '(d)'

    @property
    def value(self) -> int:
        return int(self.token.translate(_OCR_DIGITS)) if self.kind == 'num' else 0

    @property
    def clean(self) -> bool:
        """A number printed without OCR slips: digits and a period or parenthesis."""
        return self.token.isdigit() and self.sep in '.)'


def roman_value(token: str) -> int | None:
    if not token or not _ROMAN_RE.match(token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def parse_label(line: str) -> Label | None:
    match = _NUM_LABEL_RE.match(line)
    if match:
        rest = _LABEL_JUNK_RE.sub('', line[match.end() :])
        token = match.group('tok')
        if any(c.isdigit() for c in token) or token in _OCR_NUMBERS:
            if not rest or not rest[0].isdigit():
                return Label('num', token, match.group('sep'), rest)
    match = _ITEM_LABEL_RE.match(line)
    if match:
        token = match.group('p') or match.group('b') or match.group('d')
        rest = _LABEL_JUNK_RE.sub('', line[match.end() :])
        if token.isdigit() or len(token) == 1 or roman_value(token):
            return Label('item', token, '', rest)
        if match.group('p') and len(token) <= 3:
            return Label('item', token, '', rest, odd=True)
    return None


#
# Structural lines
#

_COUNCIL_RE = re.compile(
    r'^(?:(?:Now,?\s+)?(?:[Tt]herefore|[Aa]ccordingly|Par conséquent),?\s+(?:the|le)\s+|The\s+|THE\s+|Le\s+|LE\s+)'
    r'(?:Security\s+Council|SECURITY\s+COUNCIL|Conseil\s+de\s+sécurité|CONSEIL\s+DE\s+SÉCURITÉ)'
    r'(?:\s+of\s+the\s+United\s+Nations)?\s*[,:;.]?$'
    r'|^(?:Therefore|THEREFORE|Accordingly|Par conséquent)[,:]?$'
)
ANNEX_RE = re.compile(
    r'^(?:ANNEX|Annex|ANNEXE|Annexe|APPENDIX|Appendix|APPENDICE|Appendice)'
    r'(?:\s+(?P<label>[IVXL]{1,5}|[A-Z]|\d{1,2}))?\s*[.:]?$'
)
_PART_RE = re.compile(r'^(?P<label>[A-Z]|[IVX]{1,5})\.?$')
# A report's section heading on one line, its title in capitals: 'III. MILITARY ASPECTS'.
_SECTION_HEADING_RE = re.compile(r"^[IVX]{1,5}\.\s+[A-Z][A-Z '’,\-–]{2,90}$")
TRAILER_RE = re.compile(r'^(?:Adopted|Adoptée?)\b')
RESOLUTION_HEADING_RE = re.compile(
    r'^(?:(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution)\s+\d{1,4}\s*\(\d{4}\)|\d{1,4}\s*\(\d{4}\)\.?\s*Resolution\b)'
)
_HEADING_LINE_RE = re.compile(
    r'^(?:'
    r'(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution)\s+\d{1,4}\b.{0,60}'
    r'|\d{1,4}\s*\(\d{4}\)\.?\s*(?:Resolution|RESOLUTION|Résolution).{0,60}'
    rf'|(?:[Oo]f|[Oo]n|[Dd]u|[Ll]e)\s+{DATE}\.?'
    rf'|{DATE}\.?'
    r'|[\[(]\s*[S8]/[^\])}]{1,40}[\])}]+'
    r')$'
)
# Footnote texts: '1/ S/24476, annex.', '13 Ibid., Sixth Year ...', '* Reissued for technical reasons.'
FOOTNOTE_RE = re.compile(r'^(?:\d{1,3}/\s|\d{1,3}\s+[A-Z“"«]|\*\s*[A-Z])')
FOOTNOTE_TEXT_RE = re.compile(r'^\d{1,3}/\s')
MONTH_START_RE = re.compile(rf'^\d{{1,3}}\s+(?:{MONTHS})\b', re.IGNORECASE)


def is_heading_line(line: str) -> bool:
    """A line of the heading: resolution number, date, symbol, adoption formula or a title in capitals."""
    if _HEADING_LINE_RE.match(line):
        return True
    return len(line) <= 120 and line == line.upper() and sum(c.isupper() for c in line) >= 3


def part_label(line: str) -> str:
    """``B`` of ``B.``; ``III`` of ``III. MILITARY ASPECTS``."""
    return line.split('.', 1)[0].strip()


def line_role(line: str) -> str | None:
    """Lines that always stand alone: council formula, annex heading, part letter, lone label."""
    if _COUNCIL_RE.match(line):
        return 'council'
    if ANNEX_RE.match(line):
        return 'annex'
    if _PART_RE.match(line) and (len(line) <= 2 or _UPPER_ROMAN_RE.match(line.rstrip('.'))):
        return 'part'
    if _SECTION_HEADING_RE.match(line) and _UPPER_ROMAN_RE.match(part_label(line)):
        return 'part'
    label = parse_label(line)
    if label and not label.rest:
        return 'lone-label'
    return None
