"""The structure diagram of a country's fora: one band per level (political at the top, operational at the
bottom), a box per forum and a line from each forum to the forum it reports to.

Plain Python (no Django): it takes the fora as ``Box`` tuples and returns the geometry the template draws as SVG.
"""

from dataclasses import dataclass, field

__all__ = ['Band', 'Box', 'Diagram', 'Edge', 'Node', 'layout', 'wrap']

WIDTH = 720
LEFT = 110  # the band labels' column
BOX_WIDTH = 140
BOX_HEIGHT = 34
GAP = 12
BAND_PADDING = 10
LINE_CHARACTERS = 22


@dataclass(frozen=True)
class Box:
    """A forum to draw: its id, its label, its level and the id of the forum it reports to (or None)."""

    key: int
    label: str
    level: str
    parent: int | None = None
    dissolved: bool = False


@dataclass(frozen=True)
class Node:
    """A forum's box; ``lines`` are its label's lines with the baseline of each."""

    key: int
    lines: tuple[tuple[str, int], ...]
    x: int
    y: int
    width: int
    height: int
    dissolved: bool


@dataclass(frozen=True)
class Edge:
    child: int
    parent: int
    path: str


@dataclass(frozen=True)
class Band:
    level: str
    label: str
    y: int
    height: int
    label_y: int


@dataclass
class Diagram:
    width: int
    height: int
    bands: list[Band] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def wrap(text: str, width: int = LINE_CHARACTERS, lines: int = 2) -> tuple[str, ...]:
    """``text`` on at most ``lines`` lines of ``width`` characters, words kept whole, the last one cut with '…'."""
    out, current = [], ''
    for word in text.split():
        candidate = f'{current} {word}'.strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + '…'
    return tuple(line if len(line) <= width else line[: width - 1] + '…' for line in out)


def layout(boxes: list[Box], levels: list[tuple[str, str]], width: int = WIDTH) -> Diagram:
    """Lay ``boxes`` out in one band per level of ``levels`` (value, label), in that order; a band with no forum is
    left out. Within a band, fora are ordered by the position of the forum they report to, then by label, and wrap
    onto as many rows as they need."""
    per_row = max(1, (width - LEFT) // (BOX_WIDTH + GAP))
    diagram = Diagram(width=width, height=0)
    placed: dict[int, Node] = {}
    y = 0
    for level, label in levels:
        members = [box for box in boxes if box.level == level]
        if not members:
            continue

        def order(box, placed=placed):
            parent = placed.get(box.parent)
            return (parent.x if parent else width, box.label.lower())

        members.sort(key=order)
        rows = [members[start : start + per_row] for start in range(0, len(members), per_row)]
        height = BAND_PADDING * 2 + len(rows) * BOX_HEIGHT + (len(rows) - 1) * GAP
        diagram.bands.append(Band(level, label, y, height, y + height // 2 + 4))
        for row_number, row in enumerate(rows):
            top = y + BAND_PADDING + row_number * (BOX_HEIGHT + GAP)
            for column, box in enumerate(row):
                lines = tuple((line, top + 14 + 13 * number) for number, line in enumerate(wrap(box.label)))
                node = Node(
                    box.key,
                    lines,
                    LEFT + column * (BOX_WIDTH + GAP),
                    top,
                    BOX_WIDTH,
                    BOX_HEIGHT,
                    box.dissolved,
                )
                placed[box.key] = node
                diagram.nodes.append(node)
        y += height
    diagram.height = y
    for box in boxes:
        child, parent = placed.get(box.key), placed.get(box.parent)
        if child and parent:
            start_x, start_y = child.x + child.width // 2, child.y
            end_x, end_y = parent.x + parent.width // 2, parent.y + parent.height
            if end_y > start_y:  # a forum reporting to one drawn below it (or beside it): join their sides
                start_y, end_y = child.y + child.height // 2, parent.y + parent.height // 2
            middle = (start_y + end_y) // 2
            path = f'M{start_x},{start_y} C{start_x},{middle} {end_x},{middle} {end_x},{end_y}'
            diagram.edges.append(Edge(box.key, box.parent, path))
    return diagram
