"""Blocks of lines that make one paragraph, and the text of a block: lines joined, hyphens and OCR debris resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import FOOTNOTE_TEXT_RE, TRAILER_RE, Label, line_role, parse_label
from .lines import TextLine
from .openers import opener

__all__ = [
    'BULLET_RE',
    'Block',
    'CLOSERS',
    'FINAL_MARKER_RE',
    'OPENING_QUOTES',
    'join_fragments',
    'read_blocks',
    'terminated',
    'tidy',
]

_TERMINAL = frozenset(',;:.!?')
CLOSERS = '"\'”’»)]*'
_END_MARKER_RE = re.compile(r'(?:(?:\s+|(?<=,))\d{1,3}(?:\s+\d{1,3}){0,2}|\s*\d{1,3}/)$')
OPENING_QUOTES = '"“«‘\'„'
BULLET_RE = re.compile(r'^[-–—•·*]\s')


def terminated(text: str) -> bool:
    """True when ``text`` ends like a finished paragraph (, ; : . ! ?), footnote markers aside."""
    text = _END_MARKER_RE.sub('', text[-24:].rstrip()).rstrip(CLOSERS + ' ')
    return bool(text) and text[-1] in _TERMINAL


@dataclass(slots=True)
class Block:
    lines: list[str]
    gap: bool
    role: str | None  # 'council', 'annex', 'part', 'lone-label' or None
    label: Label | None
    text: str = ''


def _starts_block(line: TextLine, previous: TextLine | None, previous_role: str | None, lang: str) -> bool:
    if previous is None or line.gap or previous_role is not None:
        return True
    if TRAILER_RE.match(line.text) or line_role(line.text):
        return True
    if not terminated(previous.text):
        return False
    label = parse_label(line.text)
    if label is not None:
        return bool(label.rest) and (label.rest[0].isupper() or label.rest[0] in OPENING_QUOTES)
    if FOOTNOTE_TEXT_RE.match(line.text):
        return True
    return opener(line.text, lang, generic=False) is not None


def read_blocks(lines: list[TextLine], lang: str, vocabulary: frozenset[str]) -> list[Block]:
    blocks: list[Block] = []
    previous: TextLine | None = None
    previous_role: str | None = None
    for line in lines:
        role = line_role(line.text)
        if _starts_block(line, previous, previous_role, lang):
            blocks.append(Block([line.text], line.gap, role, None))
        else:
            blocks[-1].lines.append(line.text)
        previous, previous_role = line, role
    for block in blocks:
        _finish_block(block, vocabulary)
    return blocks


def _finish_block(block: Block, vocabulary: frozenset[str]) -> None:
    first = block.lines[0]
    label = parse_label(first) if block.role in (None, 'lone-label') else None
    if label is not None and (block.gap or label.rest[:1].isupper() or label.rest[:1] in OPENING_QUOTES):
        block.label = label
        first = label.rest
    block.text = join_fragments([first, *block.lines[1:]], vocabulary)


#
# Text
#

# Line-end hyphens kept after these first parts ('non-', 'twenty-') and before these second parts ('-keeping')
# unless the second part is only a suffix ('peace-' / 'fully').
_HYPHEN_PREFIXES = frozenset(
    {
        'above', 'anti', 'cease', 'cross', 'eighty', 'fifty', 'forty', 'full', 'long', 'mid', 'ninety', 'non', 'peace',
        'self', 'semi', 'seventy', 'short', 'sixty', 'thirty', 'twenty', 'vice', 'well',
    }
)  # fmt: skip
_HYPHEN_HEADS = frozenset(
    {'based', 'being', 'building', 'called', 'keeping', 'level', 'making', 'mentioned', 'owned', 'related', 'scale',
     'term'}
)  # fmt: skip
_SUFFIXES = frozenset(
    {'al', 'ally', 'ance', 'ed', 'ence', 'ful', 'fully', 'ing', 'ings', 'ity', 'ly', 'ment', 'ments', 'ness', 'sion',
     'sions', 'tion', 'tions'}
)  # fmt: skip
_LEFT_WORD_RE = re.compile(r'([^\W\d_]+(?:-[^\W\d_]+)*)-$')
_RIGHT_WORD_RE = re.compile(r'^[^\W\d_]+')
_STRAY_RE = re.compile(r'(?:(?<=\s)|^)[_|]+(?=\s|$)|(?<=\s)_+(?=\w)|(?<=\w)_+(?=\s|$)')
_INNER_UNDERSCORE_RE = re.compile(r'(?<=[a-z])_(?=[a-z])')  # 'Calls_on'
_TILDE_RE = re.compile(r'(?<=[A-Za-z])(?:~-?|-—)(?=[A-Za-z])')  # 'Secretary~-General', 'Secretary-—General'
_SLASH_MARKER_RE = re.compile(r'\s\d{1,3}/(?=[\s,;.:)]|$)')
FINAL_MARKER_RE = re.compile(r'(?:(?<=[,;:.])\s+|(?<=,))\d{1,3}(?:\s+\d{1,3}){0,2}$')


def join_fragments(fragments: list[str], vocabulary: frozenset[str]) -> str:
    """Join the fragments (lines, blocks) of one paragraph with single spaces, repairing line-end hyphens."""
    parts: list[str] = []
    for fragment in fragments:
        if not fragment:
            continue
        if parts:
            left = parts[-1]
            if left.endswith('-') and not left.endswith(('--', ' -')):
                if _drop_hyphen(left, fragment, vocabulary):
                    parts[-1] = left[:-1]
            elif not left.endswith('/'):
                parts.append(' ')
        parts.append(fragment)
    return ''.join(parts)


def _drop_hyphen(left: str, right: str, vocabulary: frozenset[str]) -> bool:
    match = _LEFT_WORD_RE.search(left[-80:])
    following = _RIGHT_WORD_RE.match(right)
    return bool(match and following) and not _keep_hyphen(match.group(1), following.group(), vocabulary)


def _keep_hyphen(before: str, after: str, vocabulary: frozenset[str]) -> bool:
    if after[0].isupper() or before[-1].isupper():
        return True
    if f'{before}-{after}'.lower() in vocabulary:
        return True
    if f'{before}{after}'.lower() in vocabulary:
        return False
    stem, head = before.rsplit('-', 1)[-1].lower(), after.lower()
    if head in _SUFFIXES:
        return False
    if stem == 'co':
        return head[0] in 'aeiou'
    if stem == 'ex':
        return head[0] not in 'aeiou'
    return stem in _HYPHEN_PREFIXES or head in _HYPHEN_HEADS


def tidy(text: str) -> str:
    """Single spaces, without footnote markers and stray OCR underscores or bars."""
    if '/' in text:
        text = _SLASH_MARKER_RE.sub('', text)
    if '_' in text or '|' in text:
        text = _STRAY_RE.sub('', _INNER_UNDERSCORE_RE.sub(' ', text))
    if '~' in text or '-—' in text:
        text = _TILDE_RE.sub('-', text)
    return ' '.join(text.split())
