"""The language of a text and whether a paragraph opens like a preambular or an operative one.

The words come from `ssrhub.documents.vocabulary`, shared with the force reader.
"""

from __future__ import annotations

import re

from ssrhub.documents.vocabulary import english, french

__all__ = ['language_code', 'opener']


def language_code(language: str) -> str:
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


def opener(text: str, lang: str, *, generic: bool) -> str | None:
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
