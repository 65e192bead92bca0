"""Reading the blocks into a tree of numbered, lettered and unnumbered paragraphs and annexes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import BULLET_RE, CLOSERS, OPENING_QUOTES, Block, terminated, tidy
from .labels import (
    ANNEX_RE,
    FOOTNOTE_RE,
    MAX_PART_TITLE,
    MONTH_START_RE,
    RESOLUTION_HEADING_RE,
    TRAILER_RE,
    Label,
    is_heading_line,
    parse_label,
    part_label,
    roman_value,
)
from .openers import opener
from .types import ParagraphKind

__all__ = ['Node', 'Reader']


@dataclass(slots=True, eq=False)
class Node:
    kind: ParagraphKind
    parent: Node | None
    label: str | None  # item label for sub-items
    number: int | None  # printed number for numbered top-level paragraphs
    segment: int
    part: str
    annex: str | None
    fragments: list[str] = field(default_factory=list)

    @property
    def root(self) -> Node:
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
    node: Node


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
    roman = roman_value(token)
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


class Reader:
    """Walk the blocks once, keeping the zone, the mode and the open sequences of labels."""

    def __init__(self, blocks: list[Block], lang: str) -> None:
        self.blocks = blocks
        self.lang = lang
        self.nodes: list[Node] = []
        self.heading_parts: list[str] = []
        self.zone = 'heading'  # 'heading', 'body', 'annex', 'trailer'
        self.mode = 'pre'  # 'pre' before the operative part of the current segment, then 'op'
        self.segment = 0
        self.part = ''
        self.part_title_expected = False  # a part label was just read: a lone unfinished line after it is its title
        self.annex: str | None = None
        self.top: Node | None = None
        self.last: Node | None = None
        self.levels: list[_Level] = []
        self.expected_number = 1
        self.pending_label: Label | None = None
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
            label = block.label or (parse_label(block.lines[0]) if block.role == 'lone-label' else None)
            if label is not None:
                following = label.token if label.kind == 'item' else None
            elif block.role in ('council', 'annex'):
                following = None
        return result

    # Output

    def heading(self) -> str:
        return tidy(' '.join(self.heading_parts))

    # Main loop

    def read(self) -> None:
        for index, block in enumerate(self.blocks):
            if self.zone == 'heading' and self._heading_block(index, block):
                continue
            if self.zone == 'heading':
                self.zone = 'body'
                self.numbered = self._has_numbers(index)
            self._read_block(index, block)

    def _heading_block(self, index: int, block: Block) -> bool:
        if block.role == 'council':
            self.heading_parts.append(' '.join(block.lines))
            self.zone = 'body'
            self.numbered = self._has_numbers(index + 1)
            return True
        if block.role == 'part':
            self.part = part_label(block.lines[0])
            return True
        if block.role is not None or block.label is not None:
            return False
        first = block.lines[0]
        if (TRAILER_RE.match(first) or is_heading_line(first)) and len(block.lines) <= 3:
            self.heading_parts.append(' '.join(block.lines))
            return True
        return False

    def _read_block(self, index: int, block: Block) -> None:
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
            self._open_part(part_label(block.lines[0]))
            return
        if block.role == 'lone-label':
            self.pending_label = parse_label(block.lines[0])
            return
        if block.label is None and RESOLUTION_HEADING_RE.match(block.lines[0]):
            self._restart(index, block)
            return
        if block.label is None and TRAILER_RE.match(block.text):
            if self.nodes:
                self.zone = 'trailer'
            else:
                self.heading_parts.append(block.text)
            return
        if block.label is None and FOOTNOTE_RE.match(block.lines[0]) and not MONTH_START_RE.match(block.lines[0]):
            return
        label, self.pending_label = block.label or self.pending_label, None
        text = tidy(block.text)
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

    def _restart(self, index: int, block: Block) -> None:
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

    def _part_title(self, block: Block) -> bool:
        """Whether ``block`` is the title of the part just opened (``III.`` then ``MILITARY ASPECTS`` in a report),
        which is a heading, not a paragraph: one line, unlabelled, short and not finished like a sentence."""
        expected, self.part_title_expected = self.part_title_expected, False
        return (
            expected
            and block.role is None
            and block.label is None
            and len(block.lines) == 1
            and len(block.text) <= MAX_PART_TITLE
            and not terminated(block.text)
        )

    def _open_annex(self, block: Block) -> None:
        match = ANNEX_RE.match(block.lines[0])
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

    def _new_top(self, kind: ParagraphKind, text: str, number: int | None = None) -> Node:
        node = Node(kind, None, None, number, self.segment, self.part, self.annex, [text])
        self.nodes.append(node)
        self.top = self.last = node
        self.levels = []
        return node

    def _continue(self, node: Node | None, text: str) -> None:
        if not text:
            return
        if node is None:
            self._new_top(self._kind(), text)
            return
        node.fragments.append(text)

    @staticmethod
    def _label_text(label: Label, text: str) -> str:
        printed = f'{label.token}{label.sep}' if label.kind == 'num' else f'({label.token})'
        return f'{printed} {text}'.strip()

    def _continues(self, label: Label, text: str, block: Block) -> bool:
        """A label that is really inline text: an enumeration wrapped to the start of a line."""
        if self.last is None or not text or not text[0].islower():
            return False
        return not block.gap or not terminated(self.last.last_text())

    def _unlabelled(self, text: str, block: Block) -> None:
        last = self.last
        if last is not None and text[0].islower():
            if last.parent is not None and last.last_text().rstrip(CLOSERS + ' ').endswith(';'):
                self._tail(text)
            else:
                self._continue(last, text)
            return
        if last is not None and (text[0] in OPENING_QUOTES or (self.zone == 'body' and BULLET_RE.match(text))):
            self._continue(last, text)
            return
        opening = opener(text, self.lang, generic=False)
        if last is not None and not terminated(last.last_text()) and opening is None:
            self._continue(last, text)
            return
        if self.zone == 'annex':
            self._new_top(ParagraphKind.ANNEX, text)
        elif self.numbered:
            self._unlabelled_numbered_segment(text, opening)
        else:
            self._unlabelled_plain_segment(text, opening or opener(text, self.lang, generic=True))

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

    def _numbered(self, label: Label, text: str, index: int, block: Block) -> None:
        value = self._number(label, self.next_numbers[index])
        if value is None:
            if len(label.token) == 1 and label.token.islower():  # 'i.' that is not '1.': an item
                self._item(Label('item', label.token, '', label.rest), text, index)
            else:
                self._unlabelled(self._label_text(label, text), block)
            return
        if self.zone != 'annex':
            self.mode = 'op'
        self.expected_number = value + 1
        self._new_top(self._kind(), text, value)

    def _number(self, label: Label, following: int | None) -> int | None:
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

    def _item(self, label: Label, text: str, index: int) -> None:
        if self.top is None:
            if self.zone == 'body' and self.mode == 'pre' and not self.numbered:
                if opener(text, self.lang, generic=True) == 'op':
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
        node = Node(parent.kind, parent, _token(kind, value), None, self.segment, self.part, self.annex, [text])
        self.nodes.append(node)
        self.levels.append(_Level(kind, value, node))
        self.last = node

    def _place(self, token: str, following: str | None) -> tuple[str, int, int]:
        """Sequence kind, value and depth (number of open levels kept) for an item label."""
        readings = _readings(token)
        # 0. '(i)' followed by '(ii)', or after an item that ends with a colon, opens roman numerals even after '(h)'.
        if token == 'i' and len(self.levels) < _MAX_DEPTH and all(level.kind != 'roman' for level in self.levels):
            introduced = bool(self.levels) and self.levels[-1].node.last_text().rstrip(CLOSERS + ' ').endswith(':')
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
