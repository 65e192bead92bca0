"""Search text the way people type it: accents and case folded, words and "quoted phrases", matches marked,
close spellings for words the index does not hold. Plain Python: the database side is in ``core.searching``."""

import difflib
import re
import unicodedata

__all__ = [
    'best_text',
    'close_words',
    'fold',
    'highlight',
    'replace_words',
    'search_terms',
    'snippet',
    'spelling_alternatives',
]

WORD = re.compile(r'\w+(?:[-\'’]\w+)*', re.UNICODE)
PHRASE = re.compile(r'"([^"]+)"')
# Letters NFKD does not decompose, spelled as PostgreSQL's unaccent spells them.
LETTERS = str.maketrans({'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i'})
APOSTROPHES = str.maketrans({'’': "'", '‘': "'", 'ʼ': "'", '`': "'"})
SNIPPET_CHARS = 280
MAX_TERMS = 12  # a pasted paragraph is not a query: its first words are enough to find it
MIN_SUGGESTED_LENGTH = 3


def fold(text: str) -> str:
    """``text`` lower-cased, without accents, typographic apostrophes as ``'``: "Côte d’Ivoire" -> "cote d'ivoire"."""
    # Most stored values are ASCII, with nothing to decompose or strip; SQLite's searches fold every value of the
    # searched columns (tens of thousands per global search), so this path is worth its line.
    if text.isascii():
        return text.lower().translate(APOSTROPHES)
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    # Case folding after decomposition: compatibility letters ("℠") decompose to capitals.
    decomposed = unicodedata.normalize('NFKD', unicodedata.normalize('NFKD', text).casefold())
    bare = ''.join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(LETTERS).translate(APOSTROPHES)


def search_terms(query: str) -> list[str]:
    """The folded terms of a query, each of which must appear: "quoted phrases" whole, then the other words (the
    first ``MAX_TERMS``)."""
    phrases = [' '.join(WORD.findall(phrase)) for phrase in PHRASE.findall(query)]
    words = WORD.findall(PHRASE.sub(' ', query))
    return [fold(term) for term in [*phrases, *words] if term][:MAX_TERMS]


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, the index of the character of ``text`` it comes from."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(index)
    return ''.join(folded), origin


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` spans of ``text`` where a term starts a word, whatever the accents and case."""
    folded, origin = _folded_with_origin(text)
    spans = []
    for term in {term for term in terms if term}:
        # A match runs to the end of its word: "reform" marks the whole of "réforme".
        for match in re.finditer(r'(?<!\w)' + re.escape(term) + r'\w*', folded):
            spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    merged = []
    for start, end in sorted(spans):
        # Matches apart only by spaces are one mark: "Côte d'Ivoire", not "Côte" and "d'Ivoire".
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """``text`` as ``(segment, matched)`` pairs, matched where a term starts a word (accents and case folded)."""
    segments, position = [], 0
    for start, end in _spans(text, terms):
        if start > position:
            segments.append((text[position:start], False))
        segments.append((text[start:end], True))
        position = end
    if position < len(text):
        segments.append((text[position:], False))
    return segments


def best_text(texts, terms: list[str]) -> str:
    """The first of ``texts`` holding the most of ``terms`` (e.g. the English definition when the words typed are
    English and the page is in French)."""
    texts = [text for text in texts if text]
    if not texts:
        return ''
    folded = [fold(text) for text in texts]
    found = [sum(1 for term in set(terms) if re.search(r'(?<!\w)' + re.escape(term), text)) for text in folded]
    return texts[found.index(max(found))]


def snippet(text: str, terms: list[str], length: int = SNIPPET_CHARS) -> str:
    """About ``length`` characters of ``text`` around its first match, cut at spaces, with "…" where cut."""
    text = ' '.join(text.split())
    if len(text) <= length:
        return text
    spans = _spans(text, terms)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    if start:
        start = text.find(' ', start) + 1 or start
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(' ', start, end) if text.rfind(' ', start, end) > start else end
    return f'{"…" if start else ""}{text[start:end].strip()}{"…" if end < len(text) else ""}'


def close_words(word: str, vocabulary, limit: int = 3, cutoff: float = 0.75) -> list[str]:
    """Up to ``limit`` words of ``vocabulary`` (folded) spelled close to ``word``, closest first."""
    word = fold(word)
    slack = max(2, len(word) // 3)
    candidates = [known for known in vocabulary if abs(len(known) - len(word)) <= slack]
    return difflib.get_close_matches(word, candidates, n=limit, cutoff=cutoff)


def replace_words(query: str, replacements: dict[str, str]) -> str:
    """``query`` with each word whose folded form is a key of ``replacements`` replaced (dropped when empty)."""
    replaced = WORD.sub(lambda match: replacements.get(fold(match.group()), match.group()), query)
    return ' '.join(replaced.replace('""', '').split())


def spelling_alternatives(query: str, vocabulary, limit: int = 3) -> list[str]:
    """Queries close to ``query`` whose every word is in ``vocabulary`` (a set of folded words), best first.

    A word the vocabulary lacks is replaced by its closest spellings in turn; one with no close spelling is dropped.
    The caller keeps those that find something.
    """
    words = [fold(word) for word in WORD.findall(query)]
    unknown = [word for word in dict.fromkeys(words) if word not in vocabulary]
    if not unknown:
        return []
    options = {word: close_words(word, vocabulary) if len(word) >= MIN_SUGGESTED_LENGTH else [] for word in unknown}
    best = {word: (matches[0] if matches else '') for word, matches in options.items()}

    def corrected(replacements: dict[str, str]) -> list[str]:
        # The query with the corrections, then the corrected words alone: a known word of the query ("de" in a large
        # index) may be what finds nothing with them.
        return [
            replace_words(query, replacements),
            ' '.join(dict.fromkeys(value for value in replacements.values() if value)),
        ]

    alternatives = corrected(best)
    for word, matches in options.items():
        for match in matches[1:]:
            alternatives += corrected({**best, word: match})
    alternatives = [alternative for alternative in dict.fromkeys(alternatives) if alternative and alternative != query]
    return alternatives[: limit * 4]
