"""One reader for the project's YAML data files and one checker for the citations they carry.

Plain Python (no Django import): the framework and institution files, the codebook, the delivery vocabulary,
the country demo files and the addressee names are read with `read_yaml` and their citations checked with
`read_citations`, so a file can be validated from a script or a test without a database.

A citation has one form, the one `SourceCitation.as_dict()` gives back:

* ``{book: {chapter, lines}}``: lines of the source book (Ebo & Hänggi (eds.), The United Nations and Security
  Sector Reform, DCAF/LIT 2020, as numbered in reference/un-and-ssr-policy-and-practice.txt), inside the chapter;
* ``{symbol, paragraph}``: a UN document by its symbol, the paragraph optional;
* ``{url}``: a public web page.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ssrhub.core.symbols import SymbolError, normalise_symbol

__all__ = ['BOOK_CHAPTERS', 'DataFileError', 'SafeLoader', 'read_citation', 'read_citations', 'read_yaml']

# First and last line of each chapter in the text of the source book, found by the chapter headings; lines
# 4337 onwards are the annex (resolution 2151, cited by its symbol). A book citation must fall inside its chapter.
BOOK_CHAPTERS = {
    1: (299, 592),
    2: (593, 827),
    3: (828, 1015),
    4: (1016, 1178),
    5: (1179, 1368),
    6: (1369, 1531),
    7: (1532, 1837),
    8: (1838, 2052),
    9: (2053, 2347),
    10: (2348, 2516),
    11: (2517, 2779),
    12: (2780, 3090),
    13: (3091, 3236),
    14: (3237, 3437),
    15: (3438, 3607),
    16: (3608, 3794),
    17: (3795, 3991),
    18: (3992, 4336),
}

_LINES = re.compile(r'^(\d+)(?:-(\d+))?$')
_FORMS = '{book: {chapter, lines}}, {symbol, paragraph} or {url}'


class DataFileError(ValueError):
    """A data file is missing, unreadable or breaks its schema; the message names the file and the record."""


# libyaml's parser (PyYAML's wheels ship it), with the same safe constructors: the codebook and the vocabularies
# read five to ten times faster, which every command and worker pays at start-up.
SafeLoader = yaml.CSafeLoader


def read_yaml(path: Path, *, error: type[Exception] = DataFileError, loader: type = SafeLoader):
    """The content of the YAML file at ``path``; ``error`` (a `DataFileError` by default) when missing or invalid.

    Args:
        error: the exception class raised, so that each loader reports its own kind of error.
        loader: a `SafeLoader` subclass (the demo files keep dates as text).
    """
    try:
        with path.open(encoding='utf-8') as handle:
            return yaml.load(handle, Loader=loader)
    except FileNotFoundError as exc:
        raise error(f'{path}: file not found') from exc
    except yaml.YAMLError as exc:
        raise error(f'{path}: not valid YAML: {exc}') from exc


def read_citations(raw, where: str, *, error: type[Exception] = DataFileError) -> tuple[dict, ...]:
    """Check a non-empty list of citations and return them normalised, as `SourceCitation` fields."""
    if not isinstance(raw, list) or not raw:
        raise error(f'{where}: at least one citation is required ({_FORMS})')
    found = tuple(read_citation(entry, f'{where}, citation {n}', error=error) for n, entry in enumerate(raw, 1))
    if len({tuple(sorted(citation.items())) for citation in found}) != len(found):
        raise error(f'{where}: the same citation is given twice')
    return found


def read_citation(entry, where: str, *, error: type[Exception] = DataFileError) -> dict:
    """Check one citation and return it as `SourceCitation` fields (book_chapter and book_lines, symbol, url)."""
    kinds = [kind for kind in ('book', 'symbol', 'url') if isinstance(entry, dict) and kind in entry]
    allowed = {'book': {'book'}, 'symbol': {'symbol', 'paragraph'}, 'url': {'url'}}
    if len(kinds) != 1 or not set(entry) <= allowed[kinds[0]]:
        raise error(f'{where}: a citation is {_FORMS}')
    if kinds[0] == 'book':
        return _book(entry['book'], where, error)
    if kinds[0] == 'symbol':
        try:
            symbol = normalise_symbol(str(entry['symbol']))
        except SymbolError as exc:
            raise error(f'{where}: {exc}') from exc
        return {'symbol': symbol, 'paragraph': str(entry.get('paragraph') or '')}
    return {'url': str(entry['url'])}


def _book(book, where: str, error: type[Exception]) -> dict:
    if not isinstance(book, dict) or set(book) != {'chapter', 'lines'}:
        raise error(f'{where}: a book citation is {{book: {{chapter, lines}}}}')
    chapter, lines = book['chapter'], str(book['lines'])
    if not isinstance(chapter, int) or isinstance(chapter, bool) or chapter not in BOOK_CHAPTERS:
        raise error(f'{where}: chapter {chapter!r} is not a chapter of the book (1-{len(BOOK_CHAPTERS)})')
    match = _LINES.match(lines)
    if not match:
        raise error(f'{where}: lines {lines!r} must read like "1631-1657" or "1669"')
    first, last = int(match[1]), int(match[2] or match[1])
    low, high = BOOK_CHAPTERS[chapter]
    if last < first:
        raise error(f'{where}: lines {lines!r} run backwards')
    if first < low or last > high:
        raise error(f'{where}: lines {lines} are outside chapter {chapter} (lines {low}-{high})')
    return {'book_chapter': chapter, 'book_lines': str(first) if first == last else f'{first}-{last}'}
