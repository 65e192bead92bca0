"""Words of the force reader: tokens, the analysis of one word in English and French, and the language profiles.

The word lists themselves are `ssrhub.documents.vocabulary`, shared with the segmenter; this module folds them
(lowercase, no accents or hyphens) and maps their force tiers onto `Force`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from ssrhub.documents.vocabulary import english, french

from .types import Force

__all__ = ['EN', 'FR', 'Profile', 'Token', 'Word', 'fold', 'is_label', 'match_words', 'profile', 'tokenise']

Phrases = dict[str, tuple[tuple[tuple[str, ...], Force | None, bool], ...]]


def _tier(name: str) -> Force:
    return Force[name.upper()]


def _phrases(table: dict[str, tuple[tuple[tuple[str, ...], str | None, bool], ...]]) -> Phrases:
    return {
        lemma: tuple((words, None if tier is None else _tier(tier), printed) for words, tier, printed in entries)
        for lemma, entries in table.items()
    }


def _nouns(table: dict[str, str]) -> dict[str, Force]:
    return {noun: _tier(tier) for noun, tier in table.items()}


# Section: tokens


class Token(NamedTuple):
    start: int
    end: int
    key: str  # lowercase, accents and hyphens removed
    lower: str  # lowercase as printed


_WORD = re.compile(r'[^\W\d_]+(?:-[^\W\d_]+)*')


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """Lowercase, strip accents and hyphens: 'Ré-affirme' -> 'reaffirme'."""
    if word.isascii():
        return word.lower().replace('-', '')
    decomposed = unicodedata.normalize('NFKD', word.lower())
    return ''.join(ch for ch in decomposed if not unicodedata.combining(ch)).replace('-', '')


_HEAD = 120  # tokens: the opening verb, even after 'Acting under Chapter VII ...,', comes within the first ones


def tokenise(text: str) -> list[Token]:
    words = islice(_WORD.finditer(text), _HEAD)
    return [Token(m.start(), m.end(), fold(m.group()), m.group().lower()) for m in words]


def is_label(text: str, tokens: list[Token], i: int) -> bool:
    """A letter or roman-numeral label such as '(a)', 'b)', '(iv)' or 'A.' before the paragraph text."""
    token = tokens[i]
    if len(token.key) > 4 or not re.fullmatch(r'[a-z]|[ivxlc]+', token.key):
        return False
    after = text[token.end : token.end + 1]
    before = text[token.start - 1 : token.start] if token.start else ''
    return after == ')' or before == '(' or (after == '.' and len(token.key) == 1)


def match_words(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    return tuple(t.key for t in tokens[i : i + len(words)]) == words


# Section: English word analysis


class Word(NamedTuple):
    lemma: str
    kind: str  # 'finite' | 'participle' | 'adjective'
    size: int  # tokens consumed


def _en_participle(key: str) -> str | None:
    if not key.endswith('ing') or len(key) < 5:
        return None
    stem = key[:-3]
    for lemma in (stem, stem + 'e', stem[:-1], stem[:-3] + 'ize' if stem.endswith('is') else ''):
        lemma = lemma[:-3] + 'ize' if lemma.endswith('ise') else lemma
        if lemma in english.VERBS or lemma in english.PARTICIPLE_ONLY:
            return lemma
    return None


def _en_word(key: str) -> Word | None:
    key = english.OCR.get(key, key)
    lemma = english.finite_lemma(key)
    if lemma:
        return Word(lemma, 'finite', 1)
    lemma = _en_participle(key)
    if lemma:
        return Word(lemma, 'participle', 1)
    if key in english.ADJECTIVES:
        return Word(key, 'adjective', 1)
    return None


def _en_analyse(tokens: list[Token], i: int) -> Word | None:
    """Analyse the word at i, joining it with the next token when a PDF split it ('condem ns')."""
    word = _en_word(tokens[i].key)
    if (word is None or word.kind != 'finite') and i + 1 < len(tokens):
        joined = _en_word(tokens[i].key + tokens[i + 1].key)
        if joined is not None and joined.kind == 'finite' and tokens[i + 1].start - tokens[i].end <= 2:
            return joined._replace(size=2)
    return word


# Section: French word analysis


def _fr_analyse(tokens: list[Token], i: int) -> Word | None:
    """Analyse the French word at i (with a reflexive 'se'/'s'' before it), or None."""
    token = tokens[i]
    if token.key in ('se', 's') and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        entry = _FR_KEYS.get('se ' + nxt.key)
        if entry is not None:
            return Word(entry[0], 'finite', 2)
        if _fr_is_participle(nxt):
            return Word('se ' + nxt.key, 'participle', 2)
    entry = _FR_KEYS.get(token.key)
    if entry is not None:
        return Word(entry[0], 'finite', 1)
    if _fr_is_participle(token):
        return Word(token.key, 'participle', 1)
    if token.key in _FR_ADJECTIVES or token.lower.endswith(('é', 'ée', 'és', 'ées')):
        return Word(token.key, 'adjective', 1)
    return None


def _fr_is_participle(token: Token) -> bool:
    return token.key.endswith('ant') and len(token.key) >= 5 and token.key not in french.NOT_PARTICIPLES


_FR_KEYS: dict[str, tuple[str, Force]] = {
    fold(form).replace("'", ''): (lemma, _tier(tier)) for form, (lemma, tier) in french.VERBS.items()
}
_FR_FORCE: dict[str, Force] = dict(_FR_KEYS.values())
_FR_ADJECTIVES = frozenset(map(fold, french.ADJECTIVES))
_FR_ADVERBS = frozenset(map(fold, french.ADVERBS))


# Section: language profiles


@dataclass(frozen=True)
class Profile:
    analyse: Callable[[list[Token], int], Word | None]
    force_of: dict[str, Force]
    adverbs: frozenset[str]
    adverb_phrases: tuple[tuple[str, ...], ...]
    phrases: Phrases
    restating: frozenset[str]
    acting: frozenset[str]
    determiners: frozenset[str]
    possessives: frozenset[str]
    modifiers: frozenset[str]
    nouns: dict[str, Force]
    subject: tuple[tuple[str, ...], ...]
    acting_formula: frozenset[str]
    post_adverb_phrases: tuple[tuple[str, ...], ...]


EN = Profile(
    analyse=_en_analyse,
    force_of={lemma: _tier(tier) for lemma, tier in english.VERBS.items()},
    adverbs=english.ADVERBS,
    adverb_phrases=english.ADVERB_PHRASES,
    phrases=_phrases(english.PHRASES),
    restating=english.RESTATING,
    acting=english.ACTING,
    determiners=english.DETERMINERS,
    possessives=english.POSSESSIVES,
    modifiers=english.MODIFIERS,
    nouns=_nouns(english.NOUNS),
    subject=(('the', 'security', 'council'), ('security', 'council'), ('the', 'council')),
    acting_formula=frozenset({'act'}),
    post_adverb_phrases=(('once', 'again'), ('once', 'more'), ('again',), ('also',), ('further',), ('furthermore',)),
)

FR = Profile(
    analyse=_fr_analyse,
    force_of=_FR_FORCE,
    adverbs=_FR_ADVERBS,
    adverb_phrases=french.ADVERB_PHRASES,
    phrases=_phrases(french.PHRASES),
    restating=french.RESTATING,
    acting=french.ACTING,
    determiners=french.DETERMINERS,
    possessives=french.POSSESSIVES,
    modifiers=french.MODIFIERS,
    nouns=_nouns(french.NOUNS),
    subject=(('le', 'conseil', 'de', 'securite'), ('le', 'conseil')),
    acting_formula=frozenset({'agissant'}),
    post_adverb_phrases=french.ADVERB_PHRASES + tuple((a,) for a in sorted(_FR_ADVERBS)),
)


def profile(language: str) -> Profile:
    code = (language or 'en').strip().lower()[:2]
    if code == 'en':
        return EN
    if code == 'fr':
        return FR
    raise ValueError(f'unsupported language {language!r}: use "en" or "fr"')
