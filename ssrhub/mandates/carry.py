"""Carry-forward: which paragraphs of a resolution reproduce wording of an earlier resolution on the same track.

Plain Python: no Django import.

Similarity
----------
``similarity(a, b)`` is the Dice coefficient over the word bigrams of the two texts, counted with repetition:
``2 * |A & B| / (|A| + |B|)`` where ``A`` and ``B`` are the multisets of adjacent word pairs (a text of one word
is its one word). It is 1.0 for texts equal after normalisation, 0.0 for texts that share no word pair, and
symmetric. Normalisation: Unicode NFKC and case folding; leading labels (``3.``, ``(b)``, ``b)``, ``(iii)``) and
leading adverbs that come and go between renewals (``also``, ``further``, ``furthermore``, ``moreover``,
``again``, ``once again``) removed; a hyphen between two letters, also with a space before it as PDF extraction
leaves it (``peace-keeping``, ``gender -based``), joined, so that ``peace-keeping`` and ``peacekeeping`` are the
same word; every other punctuation mark, apostrophes included, separates words; whitespace collapsed.
``strongly`` is kept: it changes the force of the verb, which the project records separately.

Why this measure: over the 56 links of the CRSV dataset (Chikuhwa & He, v2026.09) whose source paragraph is
itself a row of the file, recorded ``carried_similarity`` against each measure on the same normalised words
(``bench/carry_forward.py --measures``):

====================================  =====  =====  ===============
measure                               MAE    r      class agreement
====================================  =====  =====  ===============
Dice, word bigrams (with repetition)  0.024  0.968  50/56
Dice, word bigrams (sets)             0.032  0.964  50/56
Dice, word trigrams (sets)            0.046  0.961  43/56
Jaccard, word bigrams                 0.113  0.962  27/56
Jaccard, words (sets)                 0.052  0.931  43/56
difflib ratio over words              0.055  0.952  40/56
difflib ratio over characters         0.088  0.926  35/56
Dice, character 8-grams               0.053  0.957  44/56
trigram containment (min size)        0.082  0.665  42/56
====================================  =====  =====  ===============

Bigram Dice is the only measure on the recorded scale: trigrams and Jaccard run low, difflib and character
measures run high, containment ignores added text. With repetition it has the lowest error; on lower-cased
alphanumeric words alone (hyphens as word breaks) with scores truncated to two decimals it even reproduces 27 of
the 56 recorded scores exactly, so the dataset very likely used it. The recorded scores stop at 0.99 for
identical texts; ours reach 1.0. Split words left by PDF extraction (``childre n``, ``jurisdictio n``) cannot be
repaired without a lexicon and lower both scores alike.

Classes follow the dataset: verbatim from 0.95, substantially carried from 0.75, partially carried from 0.5,
new below.

Linking
-------
``find_carry`` links each paragraph to the most similar paragraph of an earlier document (smaller ``order``) on
the same track, preferring the most recent document on equal scores and then the paragraph given first. It is
exact for every pair that reaches ``min_score`` yet never compares all pairs: Dice >= t implies a Jaccard
similarity >= t / (2 - t), so two bigram sets that qualify share at least one of the rarest
``|x| - ceil(|x| t / (2 - t)) + 1`` bigrams of each (prefix filtering, bigrams ranked by corpus frequency,
repeated bigrams numbered). Only those prefixes are indexed and probed; where two prefixes first meet, neither
paragraph shares a bigram before that point, which bounds their overlap, and a candidate whose bound cannot reach
the best score found so far is not scored. The 9,131 paragraphs of the 902 resolutions of 1946-1994 on a single
track take about 1.4 s (``bench/carry_forward.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from math import ceil
from typing import Any

__all__ = [
    'CarryClass',
    'CarryLink',
    'CarryParagraph',
    'FormulaicChain',
    'carried_share',
    'classify',
    'find_carry',
    'formulaic_chains',
    'similarity',
    'word_shares',
    'words',
]


class CarryClass(StrEnum):
    """How much of a paragraph's wording an earlier paragraph already had (values as in the CRSV dataset)."""

    VERBATIM = 'verbatim'
    SUBSTANTIAL = 'substantially carried'
    PARTIAL = 'partially carried'
    NEW = 'new'


THRESHOLDS = ((0.95, CarryClass.VERBATIM), (0.75, CarryClass.SUBSTANTIAL), (0.5, CarryClass.PARTIAL))
CARRIED = frozenset({CarryClass.VERBATIM, CarryClass.SUBSTANTIAL})


@dataclass(frozen=True, slots=True)
class CarryParagraph:
    """One paragraph to link: ``key`` identifies it, ``document`` is its resolution, ``track`` the mission or
    thematic line, ``order`` a hashable value that sorts the documents in time, e.g. (date, number)."""

    key: Hashable
    document: str
    track: str
    order: Any
    text: str


@dataclass(frozen=True, slots=True)
class CarryLink:
    """The closest earlier paragraph on the track: its key and document, the similarity, its class and ``gap``,
    the number of track documents back (1 = the previous document). Source, document and gap are None and the
    score 0.0 when nothing reaches the minimum score (class NEW)."""

    source_key: Hashable | None
    source_document: str | None
    score: float
    carry_class: CarryClass
    gap: int | None


@dataclass(frozen=True, slots=True)
class FormulaicChain:
    """A paragraph repeated verbatim or substantially in ``length`` consecutive track documents, the earliest of
    them ``first_document`` (where the wording is ``first_key``)."""

    length: int
    first_document: str
    first_key: Hashable


#
# Similarity
#

_HYPHENS = str.maketrans({'\u2010': '-', '\u2011': '-', '\u00ad': None})
_LABEL = r'\(?(?:\d{1,3}|[a-z]|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\)|\d{1,3}\.(?!\d)'
_ADVERB = r'(?:also|further|furthermore|moreover|once again|again)\b[\s,]*'
_LEAD = re.compile(rf'\s*(?:{_LABEL}|{_ADVERB})')
_JOINED_HYPHEN = re.compile(r'(?<=[^\W\d_])\s?-(?=[^\W\d_])')
_WORD = re.compile(r'[^\W_]+')


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (see the module docstring)."""
    text = unicodedata.normalize('NFKC', text).casefold().translate(_HYPHENS)
    start = 0
    while match := _LEAD.match(text, start):
        if match.end() == start:
            break
        start = match.end()
    return _WORD.findall(_JOINED_HYPHEN.sub('', text[start:]))


def _shingles(text: str) -> frozenset[str]:
    """The word bigrams of ``text``, the k-th repetition of a bigram marked ``#k`` so that a set holds the
    multiset (a text of one word gives that word)."""
    tokens = words(text)
    pairs = [f'{left} {right}' for left, right in zip(tokens, tokens[1:], strict=False)] or tokens
    seen: Counter[str] = Counter()
    marked = []
    for pair in pairs:
        marked.append(f'{pair}#{seen[pair]}' if seen[pair] else pair)
        seen[pair] += 1
    return frozenset(marked)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def similarity(a: str, b: str) -> float:
    """Dice coefficient over the word bigrams of ``a`` and ``b`` (with repetition), in [0, 1]."""
    return _dice(_shingles(a), _shingles(b))


def classify(score: float) -> CarryClass:
    """The class of a similarity score: verbatim >= 0.95, substantial >= 0.75, partial >= 0.5, else new."""
    for threshold, carry_class in THRESHOLDS:
        if score >= threshold:
            return carry_class
    return CarryClass.NEW


#
# Linking
#

NO_LINK = CarryLink(source_key=None, source_document=None, score=0.0, carry_class=CarryClass.NEW, gap=None)


@dataclass(slots=True)
class _Item:
    """A paragraph being linked: its input position, shingles, the document's position on its track and the
    probing prefix (its rarest shingles)."""

    index: int
    paragraph: CarryParagraph
    shingles: frozenset[str]
    position: int = 0
    prefix: tuple[str, ...] = ()


def find_carry(paragraphs: Iterable[CarryParagraph], *, min_score: float = 0.5) -> dict[Hashable, CarryLink]:
    """For each paragraph (by its key, unique), the most similar paragraph of an earlier document on its track, or
    a NEW link when none reaches ``min_score`` (0 < min_score <= 1) or the paragraph has no words."""
    if not 0 < min_score <= 1:
        raise ValueError(f'min_score must be in (0, 1], not {min_score}')
    items = [_Item(index, paragraph, _shingles(paragraph.text)) for index, paragraph in enumerate(paragraphs)]
    duplicates = [key for key, count in Counter(item.paragraph.key for item in items).items() if count > 1]
    if duplicates:
        raise ValueError(f'paragraph keys must be unique: {duplicates[:5]}')
    _set_prefixes(items, min_score)
    links: dict[Hashable, CarryLink] = {}
    tracks: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        tracks[item.paragraph.track].append(item)
    for track_items in tracks.values():
        links.update(_link_track(track_items, min_score))
    return links


def _set_prefixes(items: list[_Item], min_score: float) -> None:
    """Give each item its probing prefix: its shingles, rarest first, that any qualifying pair must share."""
    frequency = Counter(shingle for item in items for shingle in item.shingles)
    jaccard = min_score / (2 - min_score)
    for item in items:
        size = len(item.shingles)
        length = size - ceil(jaccard * size - 1e-9) + 1
        item.prefix = tuple(sorted(item.shingles, key=lambda shingle: (frequency[shingle], shingle))[:length])


def _link_track(items: list[_Item], min_score: float) -> dict[Hashable, CarryLink]:
    """Link the items of one track, document group by document group in time, probing only earlier groups."""
    documents = sorted({(item.paragraph.order, item.paragraph.document) for item in items})
    positions = {document: position for position, (_, document) in enumerate(documents)}
    groups: dict[Any, list[_Item]] = defaultdict(list)
    for item in items:
        item.position = positions[item.paragraph.document]
        groups[item.paragraph.order].append(item)
    index: dict[str, list[tuple[_Item, int]]] = defaultdict(list)
    links = {}
    for order in sorted(groups):
        for item in groups[order]:
            links[item.paragraph.key] = _best_link(item, index, min_score)
        for item in groups[order]:
            for position, shingle in enumerate(item.prefix):
                index[shingle].append((item, position))
    return links


def _best_link(item: _Item, index: Mapping[str, list[tuple[_Item, int]]], min_score: float) -> CarryLink:
    """The best earlier paragraph for ``item`` among those sharing a prefix shingle with it. Where two prefixes
    first meet neither paragraph has a shared shingle before, which bounds their overlap: candidates whose bound
    cannot reach the best score so far (or ``min_score``) are not scored."""
    size = len(item.shingles)
    seen: set[int] = set()
    best, best_rank = None, (min_score, -1, 0)
    for here, shingle in enumerate(item.prefix):
        for candidate, there in index.get(shingle, ()):
            if candidate.index in seen:
                continue
            seen.add(candidate.index)
            other = len(candidate.shingles)
            overlap = min(size - here, other - there)
            if 2 * overlap / (size + other) < best_rank[0] - 1e-12:
                continue
            rank = (_dice(item.shingles, candidate.shingles), candidate.position, -candidate.index)
            if rank >= best_rank:
                best, best_rank = candidate, rank
    if best is None:
        return NO_LINK
    score = best_rank[0]
    return CarryLink(
        source_key=best.paragraph.key,
        source_document=best.paragraph.document,
        score=score,
        carry_class=classify(score),
        gap=item.position - best.position,
    )


#
# Shares and chains
#


def word_shares(paragraphs: Iterable[tuple[str, CarryLink]]) -> dict[CarryClass, float]:
    """Share of a resolution's words (normalised, see ``words``) in paragraphs of each carry class, given the
    text and link of each of its paragraphs; the shares add up to 1 (all 0.0 for a resolution without words)."""
    counts: Counter[CarryClass] = Counter()
    for text, link in paragraphs:
        counts[link.carry_class] += len(words(text))
    total = sum(counts.values())
    return {carry_class: counts[carry_class] / total if total else 0.0 for carry_class in CarryClass}


def carried_share(paragraphs: Iterable[tuple[str, CarryLink]]) -> float:
    """Share of a resolution's words that sit in paragraphs carried verbatim or substantially: the normalised
    words of those paragraphs over the normalised words of all its paragraphs (0.0 without words). The partially
    carried share is ``word_shares(...)[CarryClass.PARTIAL]``."""
    shares = word_shares(paragraphs)
    return sum(shares[carry_class] for carry_class in CARRIED)


def formulaic_chains(links: Mapping[Hashable, CarryLink], n: int) -> dict[Hashable, FormulaicChain]:
    """Paragraphs whose wording runs verbatim or substantially through at least ``n`` (>= 2) consecutive
    documents of their track, following each link back while it is of those classes and reaches the previous
    document (gap 1); for each, the chain length in documents and where the chain starts."""
    if n < 2:
        raise ValueError(f'a chain spans at least two documents, not {n}')
    chains: dict[Hashable, FormulaicChain | None] = {}
    for key in links:
        _follow(key, links, chains)
    return {key: chain for key, chain in chains.items() if chain is not None and chain.length >= n}


def _follow(key: Hashable, links: Mapping[Hashable, CarryLink], chains: dict[Hashable, FormulaicChain | None]) -> None:
    """Record in ``chains`` the chain ending at ``key`` and at each paragraph on the way back (None where the
    wording does not continue from the previous document)."""
    path: list[tuple[Hashable, CarryLink]] = []
    on_path = set()
    while key not in chains and key not in on_path:
        link = links.get(key)
        if link is None or link.carry_class not in CARRIED or link.gap != 1:
            chains[key] = None
            break
        path.append((key, link))
        on_path.add(key)
        key = link.source_key
    for step, link in reversed(path):
        before = chains.get(link.source_key)
        chains[step] = (
            FormulaicChain(before.length + 1, before.first_document, before.first_key)
            if before is not None
            else FormulaicChain(2, link.source_document, link.source_key)
        )
