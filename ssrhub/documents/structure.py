"""Split the plain text of a Security Council resolution into its heading and numbered paragraphs.

``segment(text, language='en')`` reads a resolution as printed (or as extracted from a PDF) and returns a
``StructuredDocument``: the heading, then every paragraph in reading order with its kind, its reference as
printed and its text without its label, line breaks or page furniture. ``language`` ('en' or 'fr') only
chooses the words that open preambular and operative paragraphs; the layout rules are shared.

Kinds and references
--------------------
* The heading is everything before the first paragraph: ``Resolution 2151 (2014)``, the adoption line, the
  date, ``[S/459]``, a title in capitals, and the formula ``The Security Council,`` (``Le Conseil de
  sécurité,``), which is never a paragraph. The same formula later in the text (``Therefore the Security
  Council,`` or the B part of a resolution) starts a new part with its own preamble.
* Preambular paragraphs are ``PP1``, ``PP2``... in reading order through the whole document. In a part that has
  numbered paragraphs the preamble is the run of paragraphs before the first numbered one (or before an
  unnumbered one that opens with a listed operative verb, such as ``Resolves:`` before ``1.``); later on, an
  unnumbered paragraph that opens with a participle or adjective (``Acting under Chapter VII``, ``Determined``)
  is preambular too, as in the lettered sections of resolutions 814 and 864 (1993).
* Numbered operative paragraphs (``1.``, ``1)``) have their printed number as reference: ``9``. Sub-items
  ``(a)``, ``a)``, ``(i)``, ``(1)`` are separate paragraphs under their parent: ``15 (d)``, ``2 (c) (ii)``; the
  chapeau keeps the reference ``15``. French ``a)`` items are written ``(a)`` in references too.
* Unnumbered operative paragraphs, common before 1960, are ``¶1``, ``¶2``... in reading order, so that they
  never clash with a printed number. In a part without numbers the first paragraph that opens with a finite
  verb (``Decides``, ``Calls upon``, ``Hereby resolves``, ``Décide``, ``Prie``...) ends the preamble and every
  later paragraph of the part is operative. Items of an unnumbered paragraph are ``¶2 (a)``.
* Annex paragraphs (after a line ``ANNEX``, ``Annex II``, ``Annexe``) are ``Annex 3``, ``Annex I 3 (a)`` when
  numbered and ``Annex ¶4`` / ``Annex B ¶4`` when not; annex numbers never touch operative numbers.
* Lettered parts that each restart their numbering (resolution 161 (1961) A and B) prefix the operative
  references with the part: ``A 1``, ``B 1``. Parts that continue the numbering (resolution 687 (1991),
  sections A to I) keep plain numbers.
* A reference that would repeat one already given falls back to the in-order form (``¶n``, ``Annex ¶n``) for
  a paragraph and to ``ref [2]`` for a sub-item, so references are unique within a document.

``Paragraph.number`` is the printed number of the numbered paragraph a paragraph belongs to (the same on its
sub-items; None for preambular and unnumbered paragraphs), ``sub`` the item labels below that paragraph
(``('c', 'ii')``), ``parent_ref`` the reference of the item or paragraph directly above, ``order`` the 1-based
reading order.

Labels
------
A label continues the nearest open sequence it fits: ``(i)`` after ``(h)`` is the letter i; ``(i)`` under
``(c)``, after an item that ends with a colon, or before ``(ii)`` opens roman numerals; ``(v)`` after ``(iv)``
is roman, after ``(u)`` a letter. OCR misreadings of the printed volumes are repaired when the next label
proves them (``(6)`` between ``(a)`` and ``(c)`` is ``(b)``, ``(1)`` before ``(ii)`` is ``(i)``, ``(ad)`` before
``(e)`` is ``(d)``, ``8.`` between ``4.`` and ``6.`` is ``5.``) and a ``(6)`` or ``(5)`` where ``(b)`` is due is
read as ``(b)``; ``1,``, ``ll.``, ``i9.`` and ``L.`` count as numbers only where the expected number fits. A
label alone on a line labels the next block. A label followed by lower case where the previous paragraph has
not ended is an enumeration wrapped inside a sentence and stays in the text.

Text
----
Lines are joined with single spaces. A block after a blank line, a page break or page furniture continues the
previous paragraph when it starts in lower case, with an opening quotation mark or (in the body) a dash
bullet, or when the previous paragraph has no final punctuation yet and the block does not open like a
paragraph. A lower-case block after an item that ends with ``;`` is the end of the sentence that the items
interrupt and joins the chapeau (``... by: (a) ...; (b) ...; shall freeze such funds ...``).

A word hyphenated at a line end keeps its hyphen before a capital (``Secretary-`` / ``General``), when the
document writes the hyphenated form on one line elsewhere (``peace-keeping``), after a few prefixes (``non-``,
``self-``, ``cease-``, ``twenty-``, ``co-`` before a vowel, ``ex-`` before a consonant) and before a few
compound heads (``-building``, ``-mentioned``); it loses it when the document writes the word solid
elsewhere, before a bare suffix (``-tion``, ``-fully``) and otherwise (``para-`` / ``graph``,
``notwithstand-`` / ``ing``). OCR debris is cleaned: ``Calls_on``, ``Secretary~General``, stray ``|``.

Removed: page numbers alone on a line (``3``, ``- 3 -``, ``3/6``, ``Page 3``), header and footer lines made
of the document symbol, distribution (``Distr.: General``, ``Distr.`` / ``GENERAL``), date and job number,
job numbers (``GE.93-12345``, ``14-31234 (E)``), ``*1431234*`` barcodes, rules of dashes or underscores,
``/...`` continuation marks, ``United Nations`` / ``Security Council`` / ``S`` banners at the top of the text
or next to other furniture (inside a paragraph they stay), footnote markers (``1/``, and bare numbers after
the final punctuation of a paragraph; bare numbers inside a sentence are kept because they cannot be told
from text), footnote texts (``13 Ibid., ...``, ``1/ S/24476.``), and everything from the voting line
(``Adopted unanimously at the 3057th meeting.``) to the end except a later annex. A resolution heading that
follows preambular text (a file that starts with the end of another document) starts the document afresh.

The module is pure Python (no Django import), never raises on text input (anything else gives an empty
document) and runs in time linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from .vocabulary import english, french

__all__ = ['Paragraph', 'ParagraphKind', 'StructuredDocument', 'segment']


#
# Public types
#


class ParagraphKind(StrEnum):
    PREAMBULAR = 'preambular'
    OPERATIVE = 'operative'
    ANNEX = 'annex'


@dataclass(frozen=True, slots=True)
class Paragraph:
    ref: str
    kind: ParagraphKind
    text: str
    number: int | None
    sub: tuple[str, ...]
    parent_ref: str | None
    order: int


@dataclass(frozen=True, slots=True)
class StructuredDocument:
    heading: str
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def preambular(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.PREAMBULAR)

    @property
    def operative(self) -> tuple[Paragraph, ...]:
        """Top-level operative paragraphs (sub-items excluded)."""
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.OPERATIVE and p.parent_ref is None)

    @property
    def annex(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.ANNEX)


def segment(text: str, language: str = 'en') -> StructuredDocument:
    """Split ``text`` (a resolution in English or French) into heading and paragraphs."""
    if not isinstance(text, str) or not text.strip():
        return StructuredDocument(heading='', paragraphs=())
    lang = _language(language)
    cleaned = _normalise(text)
    vocabulary = _vocabulary(cleaned)
    lines = _content_lines(cleaned)
    blocks = _blocks(lines, lang, vocabulary)
    reader = _Reader(blocks, lang)
    reader.read()
    return StructuredDocument(heading=reader.heading(), paragraphs=_render(reader.nodes, vocabulary))


#
# Language
#


def _language(language: str) -> str:
    return 'fr' if isinstance(language, str) and language[:2].lower() == 'fr' else 'en'


# Words that may precede the opening word of a paragraph without deciding its kind: the listed adverbs, the
# first word of 'Once again' and 'Now' (of 'Now, therefore'), and in French the reflexive pronoun and the words
# of the adverbial phrases ('De nouveau', 'En outre', 'Par ailleurs').
_EN_ADVERBS = english.ADVERBS | {'once', 'now'}
_FR_ADVERBS = french.ADVERBS | {'se', "s'", 'de', 'nouveau', 'en', 'outre', 'par', 'ailleurs'}

# Opening words of preambular paragraphs besides the participles in -ing / -ant and the listed adjectives. The force
# reader leaves these two unread (a paragraph opening 'Strongly supportive of' has no opening verb there).
_EN_PREAMBULAR = english.ADJECTIVES | {'supportive', 'whereas'}

# Capitalised words ending in -s (-e in French) that start sentences but are not verbs.
_EN_NOT_VERBS = frozenset(
    {'nations', 'states', 'members', 'parties', 'governments', 'documents', 'decisions', 'speeches', 'this', 'thus'}
)
_FR_NOT_VERBS = frozenset(
    {'le', 'la', 'une', 'cette', 'ce', 'elle', 'que', 'toute', 'chaque', 'aucune', 'sauf', 'entre', 'comme'}
)

# Operative openings that are not a verb in the third person: 'It is resolved that', 'Now, therefore, ...'.
_OPERATIVE_PHRASE_RE = re.compile(r'^(?:It is (?:hereby )?resolved|Now,? therefore|Il est décidé)\b', re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _first_words(text: str, limit: int = 5) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text[:80])[:limit]]


def _opening_word(text: str, lang: str) -> str:
    """The first word of ``text`` that is not an adverb ('Deeply', 'Further', 'Se', 'Profondément')."""
    words = _first_words(text)
    adverbs = _FR_ADVERBS if lang == 'fr' else _EN_ADVERBS
    for word in words[:4]:
        if word in adverbs or (lang == 'en' and word.endswith('ly')) or (lang == 'fr' and word.endswith('ment')):
            continue
        if lang == 'fr' and word.startswith(("s'", 's’')):
            return word[2:]
        return word
    return words[-1] if words else ''


def _is_capitalised(text: str) -> bool:
    match = _WORD_RE.search(text[:40])
    return bool(match) and match.start() <= 2 and match.group()[0].isupper()


def _opener(text: str, lang: str, *, generic: bool) -> str | None:
    """'pp' for a preambular opening, 'op' for an operative one, None if the first word decides nothing.

    ``generic`` also accepts unlisted participles (-ed / -é) and verbs (-s / -e); without it only listed words
    and participles in -ing / -ant count.
    """
    if not _is_capitalised(text):
        return None
    if _OPERATIVE_PHRASE_RE.match(text):
        return 'op'
    word = _opening_word(text, lang)
    if len(word) < 2:
        return None
    if lang == 'fr':
        return _french_opener(word, generic)
    return _english_opener(word, generic)


def _english_opener(word: str, generic: bool) -> str | None:
    if word in _EN_PREAMBULAR or (word.endswith('ing') and len(word) > 5):
        return 'pp'
    if english.finite_lemma(word):
        return 'op'
    if not generic:
        return None
    if word.endswith('ed') and word not in {'united', 'need', 'red', 'hundred'}:
        return 'pp'
    if word.endswith('s') and not word.endswith(('ss', 'us', 'is')) and len(word) >= 5 and word not in _EN_NOT_VERBS:
        return 'op'
    return None


def _french_opener(word: str, generic: bool) -> str | None:
    if word in french.ADJECTIVES or (word.endswith('ant') and len(word) > 4):
        return 'pp'
    if word in french.VERBS:
        return 'op'
    if not generic:
        return None
    if word.endswith(('é', 'ée', 'és', 'ées', 'u', 'ue', 'us', 'ues')):
        return 'pp'
    if word.endswith(('e', 'it', 'nd')) and len(word) >= 4 and word not in _FR_NOT_VERBS:
        return 'op'
    return None


#
# Page furniture
#

_MONTHS = (
    'january|february|march|april|may|june|july|august|september|october|november|december|'
    'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'
)
_DATE = rf'\d{{1,2}}(?:er)?\s+(?i:{_MONTHS})\s+\d{{4}}'
_SYMBOL = r'S/(?:RES/)?[0-9A-Za-z.]+(?:/[0-9A-Za-z.*]+)*(?:\s*\(\d{4}\))?'
_DATE_LINE_RE = re.compile(rf'^{_DATE}\.?$', re.IGNORECASE)

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
    rf'{_SYMBOL}|{_DATE}|United Nations|Nations Unies|Security Council|Conseil de sécurité'
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


def _normalise(text: str) -> str:
    text = _NEWLINE_RE.sub('\n', text).translate(_SPACES)
    text = _CONTROL_RE.sub('', text)
    # A soft hyphen at a line end marks a word broken by the typesetter; elsewhere it is invisible.
    return text.replace('\u00ad\n', '').replace('\u00ad', '')


def _vocabulary(text: str) -> frozenset[str]:
    """Words and hyphenated compounds written on one line, to decide line-end hyphens."""
    return frozenset(m.lower() for m in re.findall(r'[^\W\d_]+(?:-[^\W\d_]+)*', text))


@dataclass(slots=True)
class _Line:
    text: str
    gap: bool  # a blank line, a furniture line or the start of the text comes before it


def _content_lines(text: str) -> list[_Line]:
    """The lines of text, without page furniture; ``gap`` records a blank or furniture line before a line."""
    raw = [_strip_line(line) for line in text.split('\n')]
    kinds = [_line_kind(line) for line in raw]
    following = _next_kinds(kinds)
    lines: list[_Line] = []
    gap, previous = True, ''  # previous: 'furniture' or 'text', the last line that is not blank
    for line, kind, after in zip(raw, kinds, following, strict=True):
        if kind == 'blank':
            gap = True
            continue
        if _dropped(kind, previous, after, lines):
            gap, previous = True, 'furniture'
            continue
        lines.append(_Line(line, gap))
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


def _dropped(kind: str, previous: str, after: str, lines: list[_Line]) -> bool:
    if kind == 'strong':  # a number after 'S/Agenda/' is the end of a symbol, not a page number
        return not (lines and lines[-1].text.endswith('/'))
    if kind == 'weak':  # banners only at the top of the text or next to other furniture
        return not lines or previous == 'furniture' or after == 'strong'
    if kind == 'date':  # the date of a header, after the symbol or the distribution line
        return previous == 'furniture'
    return False


#
# Labels
#

_ROMAN_VALUES = {'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
_ROMAN_RE = re.compile(r'^(?=[ivxlc])(?:l?x{0,3}|xl|xc)(?:ix|iv|v?i{0,3})$')
_MAX_PART_TITLE = 100
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
class _Label:
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


def _roman(token: str) -> int | None:
    if not token or not _ROMAN_RE.match(token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def _parse_label(line: str) -> _Label | None:
    match = _NUM_LABEL_RE.match(line)
    if match:
        rest = _LABEL_JUNK_RE.sub('', line[match.end() :])
        token = match.group('tok')
        if any(c.isdigit() for c in token) or token in _OCR_NUMBERS:
            if not rest or not rest[0].isdigit():
                return _Label('num', token, match.group('sep'), rest)
    match = _ITEM_LABEL_RE.match(line)
    if match:
        token = match.group('p') or match.group('b') or match.group('d')
        rest = _LABEL_JUNK_RE.sub('', line[match.end() :])
        if token.isdigit() or len(token) == 1 or _roman(token):
            return _Label('item', token, '', rest)
        if match.group('p') and len(token) <= 3:
            return _Label('item', token, '', rest, odd=True)
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
_ANNEX_RE = re.compile(
    r'^(?:ANNEX|Annex|ANNEXE|Annexe|APPENDIX|Appendix|APPENDICE|Appendice)'
    r'(?:\s+(?P<label>[IVXL]{1,5}|[A-Z]|\d{1,2}))?\s*[.:]?$'
)
_PART_RE = re.compile(r'^(?P<label>[A-Z]|[IVX]{1,5})\.?$')
# A report's section heading on one line, its title in capitals: 'III. MILITARY ASPECTS'.
_SECTION_HEADING_RE = re.compile(r"^[IVX]{1,5}\.\s+[A-Z][A-Z '’,\-–]{2,90}$")
_TRAILER_RE = re.compile(r'^(?:Adopted|Adoptée?)\b')
_RESOLUTION_HEADING_RE = re.compile(
    r'^(?:(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution)\s+\d{1,4}\s*\(\d{4}\)|\d{1,4}\s*\(\d{4}\)\.?\s*Resolution\b)'
)
_HEADING_LINE_RE = re.compile(
    r'^(?:'
    r'(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution)\s+\d{1,4}\b.{0,60}'
    r'|\d{1,4}\s*\(\d{4}\)\.?\s*(?:Resolution|RESOLUTION|Résolution).{0,60}'
    rf'|(?:[Oo]f|[Oo]n|[Dd]u|[Ll]e)\s+{_DATE}\.?'
    rf'|{_DATE}\.?'
    r'|[\[(]\s*[S8]/[^\])}]{1,40}[\])}]+'
    r')$'
)
# Footnote texts: '1/ S/24476, annex.', '13 Ibid., Sixth Year ...', '* Reissued for technical reasons.'
_FOOTNOTE_RE = re.compile(r'^(?:\d{1,3}/\s|\d{1,3}\s+[A-Z“"«]|\*\s*[A-Z])')
_FOOTNOTE_TEXT_RE = re.compile(r'^\d{1,3}/\s')
_MONTH_START_RE = re.compile(rf'^\d{{1,3}}\s+(?:{_MONTHS})\b', re.IGNORECASE)


def _is_heading_line(line: str) -> bool:
    """A line of the heading: resolution number, date, symbol, adoption formula or a title in capitals."""
    if _HEADING_LINE_RE.match(line):
        return True
    return len(line) <= 120 and line == line.upper() and sum(c.isupper() for c in line) >= 3


def _part_label(line: str) -> str:
    """``B`` of ``B.``; ``III`` of ``III. MILITARY ASPECTS``."""
    return line.split('.', 1)[0].strip()


def _line_role(line: str) -> str | None:
    """Lines that always stand alone: council formula, annex heading, part letter, lone label."""
    if _COUNCIL_RE.match(line):
        return 'council'
    if _ANNEX_RE.match(line):
        return 'annex'
    if _PART_RE.match(line) and (len(line) <= 2 or _UPPER_ROMAN_RE.match(line.rstrip('.'))):
        return 'part'
    if _SECTION_HEADING_RE.match(line) and _UPPER_ROMAN_RE.match(_part_label(line)):
        return 'part'
    label = _parse_label(line)
    if label and not label.rest:
        return 'lone-label'
    return None


#
# Blocks
#

_TERMINAL = frozenset(',;:.!?')
_CLOSERS = '"\'”’»)]*'
_END_MARKER_RE = re.compile(r'(?:(?:\s+|(?<=,))\d{1,3}(?:\s+\d{1,3}){0,2}|\s*\d{1,3}/)$')
_OPENING_QUOTES = '"“«‘\'„'
_BULLET_RE = re.compile(r'^[-–—•·*]\s')


def _terminated(text: str) -> bool:
    """True when ``text`` ends like a finished paragraph (, ; : . ! ?), footnote markers aside."""
    text = _END_MARKER_RE.sub('', text[-24:].rstrip()).rstrip(_CLOSERS + ' ')
    return bool(text) and text[-1] in _TERMINAL


@dataclass(slots=True)
class _Block:
    lines: list[str]
    gap: bool
    role: str | None  # 'council', 'annex', 'part', 'lone-label' or None
    label: _Label | None
    text: str = ''


def _starts_block(line: _Line, previous: _Line | None, previous_role: str | None, lang: str) -> bool:
    if previous is None or line.gap or previous_role is not None:
        return True
    if _TRAILER_RE.match(line.text) or _line_role(line.text):
        return True
    if not _terminated(previous.text):
        return False
    label = _parse_label(line.text)
    if label is not None:
        return bool(label.rest) and (label.rest[0].isupper() or label.rest[0] in _OPENING_QUOTES)
    if _FOOTNOTE_TEXT_RE.match(line.text):
        return True
    return _opener(line.text, lang, generic=False) is not None


def _blocks(lines: list[_Line], lang: str, vocabulary: frozenset[str]) -> list[_Block]:
    blocks: list[_Block] = []
    previous: _Line | None = None
    previous_role: str | None = None
    for line in lines:
        role = _line_role(line.text)
        if _starts_block(line, previous, previous_role, lang):
            blocks.append(_Block([line.text], line.gap, role, None))
        else:
            blocks[-1].lines.append(line.text)
        previous, previous_role = line, role
    for block in blocks:
        _finish_block(block, vocabulary)
    return blocks


def _finish_block(block: _Block, vocabulary: frozenset[str]) -> None:
    first = block.lines[0]
    label = _parse_label(first) if block.role in (None, 'lone-label') else None
    if label is not None and (block.gap or label.rest[:1].isupper() or label.rest[:1] in _OPENING_QUOTES):
        block.label = label
        first = label.rest
    block.text = _join([first, *block.lines[1:]], vocabulary)


#
# Text
#

# Line-end hyphens kept after these first parts ('non-', 'twenty-') and before these second parts ('-keeping')
# unless the second part is only a suffix ('peace-' / 'fully').
_HYPHEN_PREFIXES = frozenset(
    {
        'above', 'anti', 'cease', 'cross', 'eighty', 'fifty', 'forty', 'full', 'long', 'mid', 'ninety', 'non', 'peace',
        'self', 'semi', 'seventy', 'short', 'sixty', 'thirty', 'twenty', 'vice', 'well',
    }
)  # fmt: skip
_HYPHEN_HEADS = frozenset(
    {'based', 'being', 'building', 'called', 'keeping', 'level', 'making', 'mentioned', 'owned', 'related', 'scale',
     'term'}
)  # fmt: skip
_SUFFIXES = frozenset(
    {'al', 'ally', 'ance', 'ed', 'ence', 'ful', 'fully', 'ing', 'ings', 'ity', 'ly', 'ment', 'ments', 'ness', 'sion',
     'sions', 'tion', 'tions'}
)  # fmt: skip
_LEFT_WORD_RE = re.compile(r'([^\W\d_]+(?:-[^\W\d_]+)*)-$')
_RIGHT_WORD_RE = re.compile(r'^[^\W\d_]+')
_STRAY_RE = re.compile(r'(?:(?<=\s)|^)[_|]+(?=\s|$)|(?<=\s)_+(?=\w)|(?<=\w)_+(?=\s|$)')
_INNER_UNDERSCORE_RE = re.compile(r'(?<=[a-z])_(?=[a-z])')  # 'Calls_on'
_TILDE_RE = re.compile(r'(?<=[A-Za-z])(?:~-?|-—)(?=[A-Za-z])')  # 'Secretary~-General', 'Secretary-—General'
_SLASH_MARKER_RE = re.compile(r'\s\d{1,3}/(?=[\s,;.:)]|$)')
_FINAL_MARKER_RE = re.compile(r'(?:(?<=[,;:.])\s+|(?<=,))\d{1,3}(?:\s+\d{1,3}){0,2}$')


def _join(fragments: list[str], vocabulary: frozenset[str]) -> str:
    """Join the fragments (lines, blocks) of one paragraph with single spaces, repairing line-end hyphens."""
    parts: list[str] = []
    for fragment in fragments:
        if not fragment:
            continue
        if parts:
            left = parts[-1]
            if left.endswith('-') and not left.endswith(('--', ' -')):
                if _drop_hyphen(left, fragment, vocabulary):
                    parts[-1] = left[:-1]
            elif not left.endswith('/'):
                parts.append(' ')
        parts.append(fragment)
    return ''.join(parts)


def _drop_hyphen(left: str, right: str, vocabulary: frozenset[str]) -> bool:
    match = _LEFT_WORD_RE.search(left[-80:])
    following = _RIGHT_WORD_RE.match(right)
    return bool(match and following) and not _keep_hyphen(match.group(1), following.group(), vocabulary)


def _keep_hyphen(before: str, after: str, vocabulary: frozenset[str]) -> bool:
    if after[0].isupper() or before[-1].isupper():
        return True
    if f'{before}-{after}'.lower() in vocabulary:
        return True
    if f'{before}{after}'.lower() in vocabulary:
        return False
    stem, head = before.rsplit('-', 1)[-1].lower(), after.lower()
    if head in _SUFFIXES:
        return False
    if stem == 'co':
        return head[0] in 'aeiou'
    if stem == 'ex':
        return head[0] not in 'aeiou'
    return stem in _HYPHEN_PREFIXES or head in _HYPHEN_HEADS


def _tidy(text: str) -> str:
    """Single spaces, without footnote markers and stray OCR underscores or bars."""
    if '/' in text:
        text = _SLASH_MARKER_RE.sub('', text)
    if '_' in text or '|' in text:
        text = _STRAY_RE.sub('', _INNER_UNDERSCORE_RE.sub(' ', text))
    if '~' in text or '-—' in text:
        text = _TILDE_RE.sub('-', text)
    return ' '.join(text.split())


#
# Reading
#


@dataclass(slots=True, eq=False)
class _Node:
    kind: ParagraphKind
    parent: _Node | None
    label: str | None  # item label for sub-items
    number: int | None  # printed number for numbered top-level paragraphs
    segment: int
    part: str
    annex: str | None
    fragments: list[str] = field(default_factory=list)

    @property
    def root(self) -> _Node:
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def last_text(self) -> str:
        return self.fragments[-1] if self.fragments else ''


@dataclass(slots=True)
class _Level:
    kind: str  # 'alpha', 'roman', 'digit'
    value: int
    node: _Node


_ALPHA = 'abcdefghijklmnopqrstuvwxyz'
_OCR_LETTERS = {'6': 'b', '5': 'b', '8': 'b', '2': 'd', '9': 'g', '0': 'o'}
_MAX_DEPTH = 3


def _readings(token: str) -> dict[str, int]:
    """The sequences a label can belong to, with its value in each."""
    readings: dict[str, int] = {}
    if token.isdigit():
        readings['digit'] = int(token)
        return readings
    if len(token) == 1:
        readings['alpha'] = _ALPHA.index(token) + 1
    roman = _roman(token)
    if roman:
        readings['roman'] = roman
    return readings


def _token(kind: str, value: int) -> str:
    if kind == 'alpha':
        return _ALPHA[value - 1] if 1 <= value <= 26 else str(value)
    if kind == 'roman':
        return _to_roman(value)
    return str(value)


def _to_roman(value: int) -> str:
    result = []
    for number, numeral in ((100, 'c'), (90, 'xc'), (50, 'l'), (40, 'xl'), (10, 'x'), (9, 'ix'), (5, 'v')):
        while value >= number:
            result.append(numeral)
            value -= number
    return ''.join(result) + ('iv' if value == 4 else 'i' * value)


class _Reader:
    """Walk the blocks once, keeping the zone, the mode and the open sequences of labels."""

    def __init__(self, blocks: list[_Block], lang: str) -> None:
        self.blocks = blocks
        self.lang = lang
        self.nodes: list[_Node] = []
        self.heading_parts: list[str] = []
        self.zone = 'heading'  # 'heading', 'body', 'annex', 'trailer'
        self.mode = 'pre'  # 'pre' before the operative part of the current segment, then 'op'
        self.segment = 0
        self.part = ''
        self.part_title_expected = False  # a part label was just read: a lone unfinished line after it is its title
        self.annex: str | None = None
        self.top: _Node | None = None
        self.last: _Node | None = None
        self.levels: list[_Level] = []
        self.expected_number = 1
        self.pending_label: _Label | None = None
        self.numbered = False  # the current segment has numbered paragraphs
        self.numbers_ahead = self._numbers_ahead()
        self.next_items = self._next_item_tokens()
        self.next_numbers = self._next_numbers()

    # Lookahead

    def _has_numbers(self, start: int) -> bool:
        """Whether a numbered paragraph comes before the next council formula or annex."""
        return start < len(self.numbers_ahead) and self.numbers_ahead[start]

    def _numbers_ahead(self) -> list[bool]:
        result = [False] * len(self.blocks)
        ahead = False
        for index in range(len(self.blocks) - 1, -1, -1):
            block = self.blocks[index]
            if block.role in ('council', 'annex'):
                ahead = False
                continue
            if block.role is None and block.label and block.label.kind == 'num' and block.label.clean:
                ahead = True
            result[index] = ahead
        return result

    def _next_numbers(self) -> list[int | None]:
        """For each block, the number of the next numbered paragraph before the next council formula or annex."""
        result: list[int | None] = [None] * len(self.blocks)
        following: int | None = None
        for index in range(len(self.blocks) - 1, -1, -1):
            result[index] = following
            block = self.blocks[index]
            if block.label is not None and block.label.kind == 'num':
                following = block.label.value
            elif block.role in ('council', 'annex'):
                following = None
        return result

    def _next_item_tokens(self) -> list[str | None]:
        """For each block, the item label of the next labelled block before the next numbered paragraph."""
        result: list[str | None] = [None] * len(self.blocks)
        following: str | None = None
        for index in range(len(self.blocks) - 1, -1, -1):
            result[index] = following
            block = self.blocks[index]
            label = block.label or (_parse_label(block.lines[0]) if block.role == 'lone-label' else None)
            if label is not None:
                following = label.token if label.kind == 'item' else None
            elif block.role in ('council', 'annex'):
                following = None
        return result

    # Output

    def heading(self) -> str:
        return _tidy(' '.join(self.heading_parts))

    # Main loop

    def read(self) -> None:
        for index, block in enumerate(self.blocks):
            if self.zone == 'heading' and self._heading_block(index, block):
                continue
            if self.zone == 'heading':
                self.zone = 'body'
                self.numbered = self._has_numbers(index)
            self._read_block(index, block)

    def _heading_block(self, index: int, block: _Block) -> bool:
        if block.role == 'council':
            self.heading_parts.append(' '.join(block.lines))
            self.zone = 'body'
            self.numbered = self._has_numbers(index + 1)
            return True
        if block.role == 'part':
            self.part = _part_label(block.lines[0])
            return True
        if block.role is not None or block.label is not None:
            return False
        first = block.lines[0]
        if (_TRAILER_RE.match(first) or _is_heading_line(first)) and len(block.lines) <= 3:
            self.heading_parts.append(' '.join(block.lines))
            return True
        return False

    def _read_block(self, index: int, block: _Block) -> None:
        if self._part_title(block):
            return
        if block.role == 'annex':
            self._open_annex(block)
            return
        if self.zone == 'trailer':
            return
        if block.role == 'council':
            self._open_segment(index)
            return
        if block.role == 'part':
            self._open_part(_part_label(block.lines[0]))
            return
        if block.role == 'lone-label':
            self.pending_label = _parse_label(block.lines[0])
            return
        if block.label is None and _RESOLUTION_HEADING_RE.match(block.lines[0]):
            self._restart(index, block)
            return
        if block.label is None and _TRAILER_RE.match(block.text):
            if self.nodes:
                self.zone = 'trailer'
            else:
                self.heading_parts.append(block.text)
            return
        if block.label is None and _FOOTNOTE_RE.match(block.lines[0]) and not _MONTH_START_RE.match(block.lines[0]):
            return
        label, self.pending_label = block.label or self.pending_label, None
        text = _tidy(block.text)
        if not text:  # a label whose text is on the next block
            self.pending_label = label
            return
        if label is None:
            self._unlabelled(text, block)
        elif self._continues(label, text, block):
            self._continue(self.last, self._label_text(label, text))
        elif label.kind == 'num':
            self._numbered(label, text, index, block)
        else:
            self._item(label, text, index)

    # Structure

    def _restart(self, index: int, block: _Block) -> None:
        """A resolution heading after text: the text before it was not this resolution (an extract that starts
        with the end of another document); after operative paragraphs it starts the next one."""
        if any(node.kind is ParagraphKind.OPERATIVE for node in self.nodes):
            self.zone = 'trailer'
            return
        self.nodes.clear()
        self.heading_parts = [' '.join(block.lines)]
        self.zone, self.mode, self.segment, self.part = 'heading', 'pre', 0, ''
        self.top = self.last = None
        self.levels = []
        self.numbered = self._has_numbers(index + 1)

    def _open_segment(self, index: int) -> None:
        if self.nodes and self.zone == 'body':
            self.segment += 1
        self.numbered = self._has_numbers(index + 1)
        self.zone = 'body'
        self.annex = None
        self.mode = 'pre'
        self.expected_number = 1
        self._close_top()

    def _open_part(self, label: str) -> None:
        self.part = label
        self.part_title_expected = True
        self._close_top()

    def _part_title(self, block: _Block) -> bool:
        """Whether ``block`` is the title of the part just opened (``III.`` then ``MILITARY ASPECTS`` in a report),
        which is a heading, not a paragraph: one line, unlabelled, short and not finished like a sentence."""
        expected, self.part_title_expected = self.part_title_expected, False
        return (
            expected
            and block.role is None
            and block.label is None
            and len(block.lines) == 1
            and len(block.text) <= _MAX_PART_TITLE
            and not _terminated(block.text)
        )

    def _open_annex(self, block: _Block) -> None:
        match = _ANNEX_RE.match(block.lines[0])
        self.zone = 'annex'
        self.annex = (match.group('label') or '') if match else ''
        self.expected_number = 1
        self._close_top()

    def _close_top(self) -> None:
        self.top = self.last = None
        self.levels = []

    # Paragraphs

    def _kind(self) -> ParagraphKind:
        if self.zone == 'annex':
            return ParagraphKind.ANNEX
        return ParagraphKind.OPERATIVE if self.mode == 'op' else ParagraphKind.PREAMBULAR

    def _new_top(self, kind: ParagraphKind, text: str, number: int | None = None) -> _Node:
        node = _Node(kind, None, None, number, self.segment, self.part, self.annex, [text])
        self.nodes.append(node)
        self.top = self.last = node
        self.levels = []
        return node

    def _continue(self, node: _Node | None, text: str) -> None:
        if not text:
            return
        if node is None:
            self._new_top(self._kind(), text)
            return
        node.fragments.append(text)

    @staticmethod
    def _label_text(label: _Label, text: str) -> str:
        printed = f'{label.token}{label.sep}' if label.kind == 'num' else f'({label.token})'
        return f'{printed} {text}'.strip()

    def _continues(self, label: _Label, text: str, block: _Block) -> bool:
        """A label that is really inline text: an enumeration wrapped to the start of a line."""
        if self.last is None or not text or not text[0].islower():
            return False
        return not block.gap or not _terminated(self.last.last_text())

    def _unlabelled(self, text: str, block: _Block) -> None:
        last = self.last
        if last is not None and text[0].islower():
            if last.parent is not None and last.last_text().rstrip(_CLOSERS + ' ').endswith(';'):
                self._tail(text)
            else:
                self._continue(last, text)
            return
        if last is not None and (text[0] in _OPENING_QUOTES or (self.zone == 'body' and _BULLET_RE.match(text))):
            self._continue(last, text)
            return
        opening = _opener(text, self.lang, generic=False)
        if last is not None and not _terminated(last.last_text()) and opening is None:
            self._continue(last, text)
            return
        if self.zone == 'annex':
            self._new_top(ParagraphKind.ANNEX, text)
        elif self.numbered:
            self._unlabelled_numbered_segment(text, opening)
        else:
            self._unlabelled_plain_segment(text, opening or _opener(text, self.lang, generic=True))

    def _unlabelled_numbered_segment(self, text: str, opening: str | None) -> None:
        if self.mode == 'pre' and opening == 'op':
            self.mode = 'op'
        if self.mode == 'pre' or opening == 'pp':
            self._new_top(ParagraphKind.PREAMBULAR, text)
        elif opening == 'op' or self.last is None:
            self._new_top(ParagraphKind.OPERATIVE, text)
        else:
            self._continue(self.last, text)

    def _unlabelled_plain_segment(self, text: str, opening: str | None) -> None:
        if self.mode == 'pre' and opening == 'op':
            self.mode = 'op'
        self._new_top(self._kind(), text)

    def _tail(self, text: str) -> None:
        """The end of a sentence whose items are done: it belongs to the chapeau."""
        if self.top is None:
            self._continue(self.last, text)
            return
        self.top.fragments.append(text)
        self.last = self.top
        self.levels = []

    def _numbered(self, label: _Label, text: str, index: int, block: _Block) -> None:
        value = self._number(label, self.next_numbers[index])
        if value is None:
            if len(label.token) == 1 and label.token.islower():  # 'i.' that is not '1.': an item
                self._item(_Label('item', label.token, '', label.rest), text, index)
            else:
                self._unlabelled(self._label_text(label, text), block)
            return
        if self.zone != 'annex':
            self.mode = 'op'
        self.expected_number = value + 1
        self._new_top(self._kind(), text, value)

    def _number(self, label: _Label, following: int | None) -> int | None:
        """The number of a paragraph label; a misprint ('8' between '4' and '6', 'L.', 'll.') is repaired when
        the expected number fits and the next label proves it; None if the label is not a number after all."""
        expected = self.expected_number
        if not label.clean and self.zone == 'annex':
            return None
        if label.value == expected:
            return expected
        if following == expected + 1:
            return expected
        return label.value if label.clean else None

    # Sub-items

    def _item(self, label: _Label, text: str, index: int) -> None:
        if self.top is None:
            if self.zone == 'body' and self.mode == 'pre' and not self.numbered:
                if _opener(text, self.lang, generic=True) == 'op':
                    self.mode = 'op'
            node = self._new_top(self._kind(), text)
            node.label = label.token
            return
        if label.odd:
            placed = self._repair(label.token, self.next_items[index])
            if placed is None:
                self._unlabelled(self._label_text(label, text), self.blocks[index])
                return
        else:
            placed = self._place(label.token, self.next_items[index])
        kind, value, depth = placed
        del self.levels[depth:]
        parent = self.levels[-1].node if self.levels else self.top
        node = _Node(parent.kind, parent, _token(kind, value), None, self.segment, self.part, self.annex, [text])
        self.nodes.append(node)
        self.levels.append(_Level(kind, value, node))
        self.last = node

    def _place(self, token: str, following: str | None) -> tuple[str, int, int]:
        """Sequence kind, value and depth (number of open levels kept) for an item label."""
        readings = _readings(token)
        # 0. '(i)' followed by '(ii)', or after an item that ends with a colon, opens roman numerals even after '(h)'.
        if token == 'i' and len(self.levels) < _MAX_DEPTH and all(level.kind != 'roman' for level in self.levels):
            introduced = bool(self.levels) and self.levels[-1].node.last_text().rstrip(_CLOSERS + ' ').endswith(':')
            if following == 'ii' or introduced:
                return 'roman', 1, len(self.levels)
        # 1. The next label of an open sequence, innermost first.
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if readings.get(level.kind) == level.value + 1:
                return level.kind, level.value + 1, depth
        # 2. A misread label, proved by the label that follows it or by a common digit-for-letter slip.
        repaired = self._repair(token, following)
        if repaired is not None:
            return repaired
        # 3. The first label of a new sequence under the current item.
        open_kinds = {level.kind for level in self.levels}
        for kind in ('alpha', 'roman', 'digit'):
            if readings.get(kind) == 1 and kind not in open_kinds and len(self.levels) < _MAX_DEPTH:
                return kind, 1, len(self.levels)
        # 4. Out of sequence: a sibling in the innermost sequence of its kind, else a new sequence.
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if level.kind in readings:
                return level.kind, readings[level.kind], depth
        kind = next(iter(readings), 'digit')
        value = readings.get(kind, 1)
        if len(self.levels) >= _MAX_DEPTH:
            return kind, value, len(self.levels) - 1
        return kind, value, len(self.levels)

    def _repair(self, token: str, following: str | None) -> tuple[str, int, int] | None:
        follow = _readings(following) if following else {}
        # Expected next value of each open sequence, then a new sequence (a, i) under the innermost item.
        candidates = [(level.kind, level.value + 1, depth) for depth, level in enumerate(self.levels)]
        candidates.reverse()
        if len(self.levels) < _MAX_DEPTH:
            open_kinds = {level.kind for level in self.levels}
            candidates += [(kind, 1, len(self.levels)) for kind in ('alpha', 'roman') if kind not in open_kinds]
        for kind, value, depth in candidates:
            if follow.get(kind) == value + 1:
                return kind, value, depth
        if token.isdigit() and not any(level.kind == 'digit' for level in self.levels):
            for depth, level in enumerate(self.levels):
                if level.kind == 'alpha' and _token('alpha', level.value + 1) in _OCR_LETTERS.get(token, ''):
                    return 'alpha', level.value + 1, depth
        return None


#
# References
#


def _render(nodes: list[_Node], vocabulary: frozenset[str]) -> tuple[Paragraph, ...]:
    renderer = _Renderer(prefixed=_restarted_numbering(nodes))
    paragraphs: list[Paragraph] = []
    for node in nodes:
        text = _node_text(node, vocabulary)
        if not text:
            continue
        ref = renderer.ref(node)
        parent_ref = renderer.ref(node.parent) if node.parent is not None else None
        number = renderer.numbers.get(id(node.root))
        paragraphs.append(Paragraph(ref, node.kind, text, number, _sub_labels(node), parent_ref, len(paragraphs) + 1))
    return tuple(paragraphs)


def _node_text(node: _Node, vocabulary: frozenset[str]) -> str:
    text = _tidy(_join(node.fragments, vocabulary))
    return _FINAL_MARKER_RE.sub('', text) if text[-1:].isdigit() else text


def _sub_labels(node: _Node) -> tuple[str, ...]:
    labels = []
    while node.parent is not None:
        labels.append(node.label or '')
        node = node.parent
    return tuple(reversed(labels))


def _restarted_numbering(nodes: list[_Node]) -> bool:
    """True when numbered operative paragraphs restart in another lettered part (161 (1961) A and B)."""
    groups: dict[int, tuple[int, str]] = {}
    for node in nodes:
        if node.parent is None and node.number is not None and node.kind is ParagraphKind.OPERATIVE:
            group = (node.segment, node.part)
            if groups.setdefault(node.number, group) != group and node.part:
                return True
    return False


class _Renderer:
    """Give each node its reference once, in reading order, keeping references unique."""

    def __init__(self, prefixed: bool) -> None:
        self.prefixed = prefixed
        self.refs: dict[int, str] = {}
        self.numbers: dict[int, int] = {}
        self.used: set[str] = set()
        self.repeats: dict[str, int] = {}
        self.counters: dict[str, int] = {}

    def ref(self, node: _Node) -> str:
        ref = self.refs.get(id(node))
        if ref is None:
            ref = self._top(node) if node.parent is None else self._unique(f'{self.ref(node.parent)} ({node.label})')
            self.used.add(ref)
            self.refs[id(node)] = ref
        return ref

    def _count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _top(self, node: _Node) -> str:
        if node.kind is ParagraphKind.PREAMBULAR:
            return f'PP{self._count("PP")}'
        if node.kind is ParagraphKind.ANNEX:
            head = f'Annex {node.annex}' if node.annex else 'Annex'
            printed = f'{head} {node.number}'
        else:
            head = ''
            printed = f'{node.part} {node.number}' if self.prefixed and node.part else str(node.number)
        if node.number is not None and printed not in self.used:
            self.numbers[id(node)] = node.number
            return printed
        if node.label is not None and node.kind is ParagraphKind.OPERATIVE:  # an item with no paragraph above
            return self._unique(f'({node.label})')
        return f'{head} ¶{self._count(head)}'.strip()

    def _unique(self, ref: str) -> str:
        if ref not in self.used:
            return ref
        count = self.repeats.get(ref, 1) + 1
        while f'{ref} [{count}]' in self.used:
            count += 1
        self.repeats[ref] = count
        return f'{ref} [{count}]'
