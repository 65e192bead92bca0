"""Rendering the tree as paragraphs with unique references ('9', '15 (d)', '¶2', 'Annex I 3 (a)')."""

from __future__ import annotations

from .blocks import FINAL_MARKER_RE, join_fragments, tidy
from .reader import Node
from .types import Paragraph, ParagraphKind

__all__ = ['render']


def render(nodes: list[Node], vocabulary: frozenset[str]) -> tuple[Paragraph, ...]:
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


def _node_text(node: Node, vocabulary: frozenset[str]) -> str:
    text = tidy(join_fragments(node.fragments, vocabulary))
    return FINAL_MARKER_RE.sub('', text) if text[-1:].isdigit() else text


def _sub_labels(node: Node) -> tuple[str, ...]:
    labels = []
    while node.parent is not None:
        labels.append(node.label or '')
        node = node.parent
    return tuple(reversed(labels))


def _restarted_numbering(nodes: list[Node]) -> bool:
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

    def ref(self, node: Node) -> str:
        ref = self.refs.get(id(node))
        if ref is None:
            ref = self._top(node) if node.parent is None else self._unique(f'{self.ref(node.parent)} ({node.label})')
            self.used.add(ref)
            self.refs[id(node)] = ref
        return ref

    def _count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _top(self, node: Node) -> str:
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
