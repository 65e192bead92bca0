"""Finding English left in a French page: the sentences of the catalogue whose French differs, looked for in the
visible text of a response.

A message id of four words or more is looked for anywhere in the visible text (its placeholders match any text);
a shorter one (a label: "Done", "Actors") only as a whole text node, so that a word of English data (a Liberian
actor's note) is not taken for an untranslated label. Text inside an element whose ``lang`` is not French (the
"English" link of the language switch, a brief asked for in English) and inside ``<code>``/``<pre>`` (file column
names, identifiers) is not French by design and is skipped.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import polib
from bs4 import BeautifulSoup, Comment

__all__ = ['CATALOGUE', 'Sentence', 'english_in', 'sentences', 'visible_text']

CATALOGUE = Path(__file__).resolve().parents[2] / 'ssrhub' / 'locale' / 'fr' / 'LC_MESSAGES' / 'django.po'
PLACEHOLDER = re.compile(r'%\((\w+)\)[sd]|%[sd]')
SKIPPED_TAGS = frozenset({'script', 'style', 'code', 'pre', 'template', 'noscript', 'svg'})
VISIBLE_ATTRIBUTES = ('title', 'aria-label', 'placeholder', 'alt')
BLOCKS = ('p', 'li', 'td', 'th', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'button', 'caption', 'legend')
SHORT = 4  # words: a message id shorter than this is a label, matched as a whole text node
# The keys of a JSON response whose values a chart or a map shows to people (the others are identifiers).
SHOWN_KEYS = frozenset({'label', 'title', 'name', 'message', 'detail', 'text', 'caption'})
TRIM = ' \u00a0\u202f:;·,.()[]—–-*'


@dataclass(frozen=True)
class Sentence:
    """An English message id (or plural form) and its French."""

    english: str
    french: str
    context: str = ''

    @property
    def is_label(self) -> bool:
        return len(PLACEHOLDER.sub('', self.english).split()) < SHORT

    @property
    def literal(self) -> str:
        """The longest run of the message id without a placeholder: a quick test before the regular expression."""
        return max((' '.join(text.split()) for text in PLACEHOLDER.split(self.english)[::2]), key=len)

    @property
    def pattern(self) -> re.Pattern:
        parts = PLACEHOLDER.split(self.english)
        # split() with one group gives text, name (or None), text...: every second item is literal text.
        literal = [re.escape(' '.join(text.split())) for text in parts[::2]]
        return re.compile(r'(?<!\w)' + '.+?'.join(literal).replace(r'\ ', r'\s+') + r'(?!\w)')


def _bare(text: str) -> str:
    """The words of a message, without the spaces and punctuation that French typography changes."""
    return ' '.join(text.replace('\u00a0', ' ').replace('\u202f', ' ').split()).strip(TRIM)


def sentences(path: Path = CATALOGUE) -> list[Sentence]:
    """Every message of the catalogue whose French differs from its English and has words of its own."""
    found = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            plural = entry.msgstr_plural
            forms = [(entry.msgid, plural.get(0, '')), (entry.msgid_plural, plural.get(1, ''))]
        else:
            forms = [(entry.msgid, entry.msgstr)]
        for english, french in forms:
            words = PLACEHOLDER.sub('', english)
            if not french or _bare(english) == _bare(french) or not re.search(r'[A-Za-z]{2}', words):
                continue
            found.append(Sentence(english, french, entry.msgctxt or ''))
    return found


def visible_text(content: str, content_type: str) -> tuple[list[str], list[str]]:
    """(whole text nodes, longer fragments: blocks and attributes) a reader of the response sees."""
    if content_type.startswith('application/json'):
        values = []

        def walk(value, shown):
            if isinstance(value, str) and shown:
                values.append(' '.join(value.split()))
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(item, key in SHOWN_KEYS or key.endswith('_label'))
            elif isinstance(value, list):
                for item in value:
                    walk(item, shown)

        walk(json.loads(content), False)
        return values, values
    soup = BeautifulSoup(content, 'lxml')
    for tag in soup.find_all(SKIPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(lang=True):
        if not tag['lang'].lower().startswith('fr'):
            tag.decompose()
    nodes, fragments = [], []
    for text in soup.find_all(string=True):
        value = ' '.join(text.split())
        if value and not isinstance(text, Comment):
            nodes.append(value)
    for element in soup.find_all(True):
        for attribute in VISIBLE_ATTRIBUTES:
            if element.get(attribute):
                value = ' '.join(str(element[attribute]).split())
                nodes.append(value)
                fragments.append(value)
        if element.name in BLOCKS or element.name == 'title':
            fragments.append(' '.join(element.get_text(' ').split()))
    return nodes, fragments


def english_in(content: str, content_type: str, catalogue: list[Sentence]) -> list[Sentence]:
    """The catalogue's sentences that appear in English in the visible text of a response."""
    nodes, fragments = visible_text(content, content_type)
    whole = {node.strip(TRIM) for node in nodes}
    text = '\n'.join(fragments)
    found = []
    for sentence in catalogue:
        if sentence.is_label:
            if sentence.english.strip(TRIM) in whole:
                found.append(sentence)
        # A sentence whose longest fixed run is one word (") on ") is mostly placeholders that recorded English data
        # would match: it is not looked for in running text.
        elif (
            len(re.findall(r'[A-Za-z]{2,}', sentence.literal)) > 1
            and sentence.literal in text
            and sentence.pattern.search(text)
        ):
            found.append(sentence)
    return found
