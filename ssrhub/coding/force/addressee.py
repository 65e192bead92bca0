"""Reading who a paragraph asks or tells to act: the addressee of its opening verb."""

from __future__ import annotations

import re

from .lexicon import FR, profile
from .names import COUNTRIES
from .patterns import EN_ADDRESSEES, FR_ADDRESSEES
from .reading import read_force
from .types import Addressee, AddresseeReading, Force

__all__ = ['read_addressee']

_SELF_DIRECTED = {
    'en': re.compile(
        r'\W*(?:to\s+)?(?:remain|keep\b|review|reconsider|consider|meet|reconvene|examine|follow|revert|return\s+to'
        r'|take\s+(?:further|additional|up)|continue\s+to\s+(?:follow|keep|review|consider|monitor)|be\s+seized)'
        r'|\W*that\s+it\s+(?:shall|will|would)\b',
        re.IGNORECASE,
    ),
    'fr': re.compile(
        r'\W*(?:de|d[\'’])\s*(?:rester|demeurer|continuer\s+de\s+suivre|garder|examiner|r[ée]examiner|revoir|reconsid[ée]rer)',
        re.IGNORECASE,
    ),
}

_COMPILED = {
    'en': tuple((who, re.compile(pattern)) for who, pattern in EN_ADDRESSEES),
    'fr': tuple((who, re.compile(pattern)) for who, pattern in FR_ADDRESSEES),
}
# One search over all patterns finds where the first actor starts; each pattern is then tried there alone.
_ANY = {code: re.compile('|'.join(f'(?:{p.pattern})' for _, p in table)) for code, table in _COMPILED.items()}
# A country named as the object ('Calls upon Israel', 'Demands that Iraq'), not in a place phrase ('in Mali').
_COUNTRY = re.compile(r'\b(?:' + COUNTRIES + r')\b')
_PLACE_PHRASE = re.compile(
    r'\b(?:of|in|to|for|from|on|with|by|against|at|into|across|within|throughout|between|over|near)\s+(?:the\s+)?\Z',
    re.IGNORECASE,
)
_HIM = re.compile(r'\s*(him)\b')
_WINDOW = 360
_WINDOW_END = re.compile(r'[;:]|\.\s+[A-Z]')
_LEAD = {
    'en': re.compile(r'\s*(?:that\b|to\b)?\s*'),
    'fr': re.compile(r'\s*(?:que\b|qu[\'’]|de\b|d[\'’]|à\b|aux?\b)?\s*'),
}


# Section: reading the addressee


def _window(text: str, start: int, code: str) -> tuple[int, int]:
    """The stretch after the verb where the addressee is named, skipping a leading parenthetical phrase."""
    end = min(len(text), start + _WINDOW)
    cut = _WINDOW_END.search(text, start, end)
    end = cut.start() if cut else end
    lead = _LEAD[code].match(text, start, end)
    pos = lead.end() if lead else start
    if text[pos : pos + 1] == ',':
        close = text.find(',', pos + 1, end)
        pos = close + 1 if close != -1 else pos
    return pos, end


def _country(text: str, start: int, end: int) -> re.Match | None:
    for m in _COUNTRY.finditer(text, start, end):
        if not _PLACE_PHRASE.search(text[max(0, m.start() - 24) : m.start()]):
            return m
    return None


def _earliest(text: str, start: int, end: int, code: str) -> AddresseeReading | None:
    """The actor named first in text[start:end]; on a tie the longer phrase."""
    first = _ANY[code].search(text, start, end)
    found = [] if first is None else [(who, p.match(text, first.start(), end)) for who, p in _COMPILED[code]]
    if code == 'en':
        found.append((Addressee.NATIONAL_AUTHORITIES, _country(text, start, end)))
    matches = [(m.start(), m.start() - m.end(), who, m) for who, m in found if m is not None and m.end() > m.start()]
    if not matches:
        return None
    _, _, who, m = min(matches, key=lambda item: item[:2])
    return AddresseeReading(who, m.start(), m.end())


_NONE = AddresseeReading(Addressee.NONE, 0, 0)


def read_addressee(text: str, language: str = 'en') -> AddresseeReading:
    """Read who the paragraph asks or tells to act: the addressee of its opening verb.

    The addressee is the first actor named after the opening verb ('Requests the Secretary-General to...',
    'Decides that the mandate of UNMIL shall...', 'Demands that all parties...'). Declaratory paragraphs,
    decisions about the Council itself ('Decides to remain seized') and paragraphs naming no actor give
    `Addressee.NONE` with span (0, 0). Never raises on any text; ValueError for a language other than en/fr.
    """
    reading = read_force(text, language)
    if reading.force is Force.DECLARATORY or not reading.verb:
        return _NONE
    code = 'fr' if profile(language) is FR else 'en'
    start, end = _window(text, reading.end, code)
    if reading.force is Force.DECIDES and _SELF_DIRECTED[code].match(text, reading.end, end):
        return _NONE
    him = _HIM.match(text, reading.end, end)
    if him:
        return AddresseeReading(Addressee.MISSION_OR_SG, him.start(1), him.end(1))
    return _earliest(text, start, end, code) or _NONE
