"""What a scan read by OCR needs from a person: the pages whose OCR confidence is under the threshold, and the
paragraphs whose text comes from them, which get no machine codes until someone has checked them.

A paragraph is known by its words, not by its place: the segmenter joins lines and repairs hyphenation, so a
paragraph is said to come from a page when a run of its words (five, or all of them for a shorter paragraph) is
printed there. A common phrase can flag a paragraph from another page too: the error sends one more paragraph to a
person, never one less.

Pure Python: no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .extract.ocr import OcrPage

__all__ = ['RUN_WORDS', 'paragraphs_from_pages', 'review_pages']

RUN_WORDS = 5

_WORD_RE = re.compile(r'\w+')


def review_pages(pages: Iterable[OcrPage], min_confidence: float) -> list[dict]:
    """``[{page, confidence, needs_review}]`` for the pages read by OCR: a page needs review when its mean word
    confidence is under ``min_confidence``, or when OCR read no word on it (is it blank, or unreadable?)."""
    return [
        {
            'page': page.page,
            'confidence': page.confidence,
            'needs_review': page.confidence is None or page.confidence < min_confidence,
        }
        for page in pages
    ]


def paragraphs_from_pages(paragraphs: Mapping[str, str], page_texts: Sequence[str], pages: Iterable[int]) -> list[str]:
    """The references of ``paragraphs`` (reference -> text) whose text comes, at least in part, from ``pages``
    (numbered from 1) of ``page_texts``, in the order given."""
    runs = set()
    for number in pages:
        words = _words(page_texts[number - 1]) if 0 < number <= len(page_texts) else []
        runs.update(_runs(words, RUN_WORDS))
    found = []
    for ref, text in paragraphs.items():
        words = _words(text)
        size = min(RUN_WORDS, len(words))
        if size and (any(run in runs for run in _runs(words, size)) or _short_run_in(words, runs)):
            found.append(ref)
    return found


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[start : start + size]) for start in range(len(words) - size + 1)}


def _short_run_in(words: list[str], runs: set[tuple[str, ...]]) -> bool:
    """A paragraph of fewer than ``RUN_WORDS`` words is from a page whose runs start or contain its words in order."""
    if len(words) >= RUN_WORDS:
        return False
    size = len(words)
    return any(
        tuple(run[start : start + size]) == tuple(words) for run in runs for start in range(RUN_WORDS - size + 1)
    )
