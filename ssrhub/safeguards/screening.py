"""Name matching for the vetting of individuals: how much two people's names (each with its aliases) resemble.

Plain Python: no Django import. Scores come from rapidfuzz and transliteration to ASCII from Unidecode; this module
only prepares the names:

* ``normalise()``: Unidecode to ASCII (accents, Arabic or Cyrillic script), lower case, hyphens, apostrophes and
  punctuation as spaces; then each word to a spelling key (``spelling_key()``): the transliteration variants that
  differ only in how a sound is written (``ou``/``u``, ``kh``/``h``, ``dh``/``d``, ``ee``/``i``, doubled
  letters, a final silent ``e``, Swahili's final vowel after a consonant pair) and the name forms listed in
  ``VARIANTS`` (Mohamed, Muhammad, Mahamat...) read the same; ``Abdel Rahman``, ``Abd al-Rahman`` and
  ``Abdulrahman`` become one word, and the articles ``al``/``el`` are dropped.
* ``name_score()``: 0-100 for two names. The words are compared in any order (token sort); when both names have
  at least two words, a name that holds all the words of the other (a middle name left out) scores as the best of
  token sort and token set, less a small penalty for each left-out word; an initial (``J.``) stands for a word of
  the other name that starts with it, less a penalty.
* ``best_match()``: every name and alias of one side against every one of the other; the best pair is kept, with
  which names matched.
* ``match_all()``: many people against many at once (a category of individuals against a country's lists). Scoring
  every pair would take minutes for a thousand against a thousand, so it first finds, with rapidfuzz's C loop, the
  words close enough to matter: a pair of names scoring at least the threshold T has every paired word scoring at
  least 2T - 100 (the score is the mean and the weakest pair averaged), so only names sharing enough such words are
  scored. The result is the same as scoring every pair (a test compares them).
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from unidecode import unidecode

__all__ = [
    'DEFAULT_THRESHOLD',
    'Match',
    'best_match',
    'name_score',
    'names_of',
    'match_all',
    'normalise',
    'screening_result',
    'spelling_key',
]

DEFAULT_THRESHOLD = 85
INITIAL_PENALTY = 4
LEFT_OUT_PENALTY = 3
ARTICLES = frozenset({'al', 'el', 'ul', 'ad', 'ed', 'as', 'es', 'ar', 'er', 'an', 'at', 'az', 'ash', 'ath'})
# "Abd" (servant of) is written apart or joined to the article and the name that follow it.
ABD = re.compile(r'^(?:abd|abdu|abdou|abdi)(?:al|el|ul|ou|u|ar|ur|er|as|ash|an|ad)?(?=[a-z]{3})')

# Forms of one given name in the transliterations used across the Sahel, Central and East Africa (French, English,
# Swahili), after ``spelling_key()``'s rules: a word listed here reads as the group's first form.
VARIANTS = (
    ('muhamad', 'muhamed', 'mohamad', 'mohamed', 'mahamat', 'mahamad', 'mamadu', 'mahmadu', 'mohamud', 'muhamud'),
    ('ahmad', 'ahmed', 'ahmat', 'ahamat', 'ahmadu'),
    ('yusuf', 'yusef', 'yusof', 'yosef', 'yusif'),
    ('ibrahim', 'ibrahima', 'brahim', 'ibrahimu'),
    ('usman', 'usmane', 'osman', 'otman', 'utman', 'atman', 'atumani', 'usmani'),
    ('sulaiman', 'suleiman', 'suleman', 'sulayman', 'sulaimani', 'sulemani', 'sulaymane'),
    ('umar', 'omar', 'umaru', 'omari'),
    ('husain', 'husein', 'hussain', 'husen', 'husaini'),
    ('ismail', 'ismael', 'ismaila', 'ismaili'),
    ('abubakar', 'abubakr', 'bubakar', 'abubakari'),
    ('idris', 'idrisa', 'idrisu'),
    ('ramadan', 'ramazan', 'ramazani', 'ramadani'),
    ('yahia', 'yahya', 'yaya', 'yahaya'),
    ('mustafa', 'mustapha'),
    ('hamis', 'hamisi', 'kamis'),
)


@dataclass(frozen=True)
class Match:
    """The best pair of names between two people: ``score`` 0-100, ``name`` of the first, ``other`` of the second."""

    score: int
    name: str
    other: str


# Section: normalising


# Letters written differently by French and English transliterations of one sound.
DIGRAPHS = (('ph', 'f'), ('dj', 'j'), ('kh', 'h'), ('dh', 'd'), ('th', 't'), ('gh', 'g'))
VOWELS = (('ou', 'u'), ('oo', 'u'), ('ee', 'i'), ('y', 'i'))


def _spelling_rules(word: str) -> str:
    for written, read in DIGRAPHS:
        word = word.replace(written, read)
    if len(word) > 2:
        for written, read in VOWELS:
            word = word.replace(written, read)
    word = re.sub(r'(.)\1+', r'\1', word)
    if len(word) > 4 and word.endswith('e') and word[-2] not in 'aeiou':
        word = word[:-1]
    return word


_KEYS = {_spelling_rules(form): _spelling_rules(group[0]) for group in VARIANTS for form in group}


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One word (lower-case ASCII letters) as the spelling that its transliteration variants share."""
    ruled = _spelling_rules(word)
    if ruled in _KEYS:
        return _KEYS[ruled]
    # Swahili adds a final vowel to a name ending in a consonant (Rashidi, Hamisi, Athumani): read it without.
    if len(ruled) > 4 and ruled[-1] in 'iu' and ruled[-2] not in 'aeiou' and ruled[:-1] in _KEYS:
        return _KEYS[ruled[:-1]]
    return ruled


@lru_cache(maxsize=65536)
def normalise(name: str) -> tuple[str, ...]:
    """The words of ``name`` as they are compared: ASCII, lower case, spelling keys, articles dropped, Abd joined."""
    words = re.sub(r'[^a-z0-9]+', ' ', unidecode(name).lower()).split()
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in ('abd', 'abdu', 'abdul', 'abdel', 'abdal', 'abdoul') and index + 1 < len(words):
            following = words[index + 1]
            if following in ARTICLES and index + 2 < len(words):
                following = words[index + 2]
                index += 1
            joined.append('abd' + following)
            index += 2
            continue
        if word not in ARTICLES or len(words) == 1:
            joined.append(ABD.sub('abd', word))
        index += 1
    return tuple(spelling_key(word) for word in joined)


def names_of(name: str, aliases: str = '') -> list[str]:
    """A person's name followed by their aliases (one per line, or after vertical bars), blanks left out."""
    names = [name, *re.split(r'[\n|]', aliases or '')]
    return [item.strip() for item in names if item.strip()]


# Section: scoring


def _word_score(word: str, other: str) -> float:
    """Two words, 0-100; an initial stands for a word that starts with it, less a penalty."""
    if len(word) == 1 or len(other) == 1:
        return 100 - INITIAL_PENALTY if word[0] == other[0] else 0
    return fuzz.ratio(word, other)


def _aligned(first: tuple[str, ...], second: tuple[str, ...]) -> float:
    """Each word of the shorter name paired with a word of the other, best pairs first, in any order: the mean and
    the weakest pair count equally (one different surname is enough to tell two people apart); a word of the longer
    name left out costs ``LEFT_OUT_PENALTY`` when both names have at least two words, else it counts as a pair
    scoring 0."""
    pairs = sorted(((_word_score(a, b), i, j) for i, a in enumerate(first) for j, b in enumerate(second)), reverse=True)
    used_first, used_second, scores = set(), set(), []
    for score, i, j in pairs:
        if i not in used_first and j not in used_second:
            used_first.add(i)
            used_second.add(j)
            scores.append(score)
    left_out = abs(len(first) - len(second))
    if min(len(first), len(second)) < 2:
        scores += [0] * left_out
        left_out = 0
    return (sum(scores) / len(scores) + min(scores)) / 2 - LEFT_OUT_PENALTY * left_out


def _merged(words: tuple[str, ...]):
    """``words`` with two neighbouring words written as one (Mwinyi Mkuu, Mwinyimkuu), each way in turn."""
    for index in range(len(words) - 1):
        yield (*words[:index], words[index] + words[index + 1], *words[index + 2 :])


def _score_words(first: tuple[str, ...], second: tuple[str, ...]) -> float:
    score = _aligned(first, second)
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    for merged in _merged(longer):
        score = max(score, _aligned(merged, shorter))
    return score


def name_score(first: str, second: str) -> int:
    """How much two names resemble, 0-100 (100: the same words once normalised)."""
    left, right = normalise(first), normalise(second)
    if not left or not right:
        return 0
    return max(0, round(_score_words(left, right)))


def best_match(names: list[str], others: list[str]) -> Match | None:
    """The best-scoring pair between ``names`` and ``others`` (a name and its aliases on each side)."""
    best = None
    for name in names:
        for other in others:
            score = name_score(name, other)
            if best is None or score > best.score:
                best = Match(score, name, other)
    return best


def screening_result(decisions) -> str:
    """A screening's result from its matches' decisions: 'match' once one is confirmed (whatever the others),
    'pending' while one is to review, 'clear' otherwise (no match, or all rejected)."""
    decisions = set(decisions)
    if 'confirmed' in decisions:
        return 'match'
    return 'pending' if 'pending' in decisions else 'clear'


def _extended(words: tuple[str, ...]) -> set[str]:
    """The words of a name and each two neighbouring words written as one (a merge ``_score_words()`` tries)."""
    return set(words) | {merged for index in range(len(words) - 1) for merged in [words[index] + words[index + 1]]}


def _partners(words: list[str], others: list[str], cutoff: float) -> dict[str, list[str]]:
    """For each of ``words``, the words of ``others`` it could be paired with at ``cutoff`` or above."""
    by_initial = defaultdict(list)
    for other in others:
        by_initial[other[0]].append(other)
    partners = {}
    for word in words:
        if len(word) == 1:
            partners[word] = by_initial[word]
            continue
        close = process.extract(word, others, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        partners[word] = [other for other, _score, _index in close] + [o for o in by_initial[word[0]] if len(o) == 1]
    return partners


def _paired_words(first: int, second: int) -> int:
    """How many words two names of these lengths pair at least, in any alignment ``_score_words()`` tries: one per
    word of the shorter; one fewer when, of the same length (three words or more), two words of one are merged."""
    shorter = min(first, second)
    return shorter - 1 if first == second and shorter >= 3 else shorter


def match_all(people: list[list[str]], others: list[list[str]], threshold: int) -> list[list[tuple[int, Match]]]:
    """For each of ``people`` (a list of names), the ``others`` (by index) whose best pair of names scores at least
    ``threshold``, with that pair."""
    if threshold <= 50:  # every pair could reach it: no words to leave out
        return [
            [(j, found) for j, theirs in enumerate(others) if (found := best_match(names, theirs)) and
             found.score >= threshold]
            for names in people
        ]  # fmt: skip
    index = defaultdict(set)  # word -> (other, name) holding it
    for j, theirs in enumerate(others):
        for k, name in enumerate(theirs):
            for word in _extended(normalise(name)):
                index[word].add((j, k))
    mine = {word for names in people for name in names for word in _extended(normalise(name))}
    partners = _partners(sorted(mine), sorted(index), 2 * threshold - 100)
    results = []
    for names in people:
        pairs = defaultdict(set)  # other -> (my name, their name) worth scoring
        for name in names:
            words = normalise(name)
            if not words:
                continue
            counts = defaultdict(int)
            for word in _extended(words):
                for key in {key for partner in partners[word] for key in index[partner]}:
                    counts[key] += 1
            for (j, k), count in counts.items():
                if count >= _paired_words(len(words), len(normalise(others[j][k]))):
                    pairs[j].add((name, others[j][k]))
        found = []
        for j, candidates in sorted(pairs.items()):
            # In the order of the names (a person's own name before their aliases): the first of equal scores wins.
            ordered = sorted(candidates, key=lambda pair: (names.index(pair[0]), others[j].index(pair[1])))
            best = max((Match(name_score(a, b), a, b) for a, b in ordered), key=lambda match: match.score)
            if best.score >= threshold:
                found.append((j, best))
        results.append(found)
    return results
