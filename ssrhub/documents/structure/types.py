"""Public types of the segmenter: the kinds of paragraph, one paragraph, the structured document."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ['Paragraph', 'ParagraphKind', 'StructuredDocument']


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
