"""Reading the opening verb of a paragraph and placing it on the force scale."""

from __future__ import annotations

import functools

from .lexicon import Profile, Token, Word, is_label, match_words, profile, tokenise
from .types import Force, ForceReading

__all__ = ['read_force']


def _skip_adverbs(tokens: list[Token], i: int, p: Profile) -> int:
    """Index of the first token after leading adverbs (single words and fixed phrases)."""
    while i < len(tokens):
        phrase = next((ph for ph in p.adverb_phrases if match_words(tokens, i, ph)), None)
        if phrase is not None:
            i += len(phrase)
        elif tokens[i].key in p.adverbs and p.analyse(tokens, i) is None:
            i += 1
        else:
            return i
    return i


def _skip_post_adverbs(tokens: list[Token], i: int, p: Profile) -> int:
    while i < len(tokens):
        phrase = next((ph for ph in p.post_adverb_phrases if match_words(tokens, i, ph)), None)
        if phrase is None:
            return i
        i += len(phrase)
    return i


def _skip_subject(tokens: list[Token], i: int, p: Profile) -> int:
    for subject in p.subject:
        if match_words(tokens, i, subject):
            j = i + len(subject)
            k = _skip_adverbs(tokens, j, p)
            word = p.analyse(tokens, k) if k < len(tokens) else None
            if word is not None and word.kind == 'finite':
                return j
    return i


def _start_index(text: str, tokens: list[Token], p: Profile) -> int:
    i = 0
    while i < len(tokens) and i < 4 and is_label(text, tokens, i):
        i += 1
    return _skip_subject(tokens, i, p) if i < len(tokens) else i


def _phrase(tokens: list[Token], j: int, lemma: str, p: Profile) -> tuple[Force | None, int, bool]:
    """Particle after the verb ('Calls upon', 'Takes note'): (force override, index after it, printed)."""
    for k in (j, _skip_post_adverbs(tokens, j, p)):
        for particles, override, printed in p.phrases.get(lemma, ()):
            if match_words(tokens, k, particles):
                return override, k + len(particles), printed
    return None, j, False


def _object_noun(tokens: list[Token], j: int, p: Profile) -> tuple[Force | None, int, bool]:
    """Force carried by the object noun of a restating verb ('its demand'): (force, index after noun, possessive)."""
    k = _skip_post_adverbs(tokens, j, p)
    if k >= len(tokens) or tokens[k].key not in p.determiners:
        return None, j, False
    possessive = tokens[k].key in p.possessives
    k += 1
    for _ in range(3):
        if k < len(tokens) and tokens[k].key in p.modifiers:
            k += 1
    if k < len(tokens) and tokens[k].key in p.nouns:
        return p.nouns[tokens[k].key], k + 1, possessive
    return None, j, possessive


def _finite_reading(text: str, tokens: list[Token], first: int, i: int, word: Word, p: Profile) -> ForceReading:
    force = p.force_of[word.lemma]
    end_index = i + word.size
    override, after, printed = _phrase(tokens, end_index, word.lemma, p)
    if override is not None:
        force = override
    if printed:
        end_index = after
    if word.lemma in p.restating and after == i + word.size:
        noun_force, noun_end, possessive = _object_noun(tokens, end_index, p)
        if noun_force is not None:
            force, end_index = noun_force, noun_end
        elif possessive and word.lemma in p.acting:
            force = Force.DECLARATORY
    return _reading(text, force, tokens[first].start, tokens[end_index - 1].end)


def _reading(text: str, force: Force, start: int, end: int) -> ForceReading:
    return ForceReading(force, ' '.join(text[start:end].split()), start, end)


def _after_formula(text: str, tokens: list[Token], i: int, p: Profile) -> ForceReading | None:
    """'Acting under Chapter VII of the Charter ..., decides': the reading of the verb after the formula."""
    for k in range(i + 1, min(len(tokens), i + 80)):
        if ',' not in text[tokens[k - 1].end : tokens[k].start]:
            continue
        j = _skip_adverbs(tokens, k, p)
        word = p.analyse(tokens, j) if j < len(tokens) else None
        if word is not None and word.kind == 'finite':
            return _finite_reading(text, tokens, k, j, word, p)
    return None


def _read(text: str, p: Profile) -> ForceReading:
    tokens = tokenise(text)
    first = _start_index(text, tokens, p)
    i = _skip_adverbs(tokens, first, p)
    if i >= len(tokens):
        return ForceReading(Force.DECLARATORY, '', 0, 0)
    word = p.analyse(tokens, i)
    if word is None:
        return ForceReading(Force.DECLARATORY, '', 0, 0)
    if word.kind == 'finite':
        return _finite_reading(text, tokens, first, i, word, p)
    if word.kind == 'participle' and (word.lemma in p.acting_formula or tokens[i].key in p.acting_formula):
        after = _after_formula(text, tokens, i, p)
        if after is not None:
            return after
    size = word.size + (1 if tokens[i].key in ('having', 'being', 'ayant', 'etant') else 0)
    end = tokens[min(i + size, len(tokens)) - 1].end
    return _reading(text, Force.DECLARATORY, tokens[first].start, end)


def read_force(text: str, language: str = 'en') -> ForceReading:
    """Read the opening verb of a paragraph and place it on the force scale.

    `text` is one paragraph (a leading number or letter label is ignored); `language` is 'en' or 'fr'
    (ValueError otherwise). Never raises on any text: a paragraph without an opening verb is DECLARATORY
    with verb '' and span (0, 0).
    """
    profile(language)
    if not isinstance(text, str) or not text.strip():
        return ForceReading(Force.DECLARATORY, '', 0, 0)
    return _read_text(text, language)


# The coder reads a paragraph's opening four times (the paragraph, its first clause, and the addressee reader for
# each of them): the readings are immutable, so the last few thousand are kept.
@functools.lru_cache(maxsize=4096)
def _read_text(text: str, language: str) -> ForceReading:
    return _read(text, profile(language))
