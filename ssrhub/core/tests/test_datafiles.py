import ast
import datetime
from pathlib import Path

import pytest
import yaml

from ssrhub.core.datafiles import BOOK_CHAPTERS, DataFileError, read_citation, read_citations, read_yaml
from ssrhub.core.models import SourceCitation

ROOT = Path(__file__).resolve().parents[2]


class OwnError(DataFileError):
    pass


# Section: reading


def test_read_yaml_returns_the_content(tmp_path):
    path = tmp_path / 'data.yaml'
    path.write_text('items:\n  - {code: a, released: 2026-01-05}\n', encoding='utf-8')
    assert read_yaml(path) == {'items': [{'code': 'a', 'released': datetime.date(2026, 1, 5)}]}


def test_read_yaml_takes_a_safe_loader(tmp_path):
    class TextDates(yaml.SafeLoader):
        pass

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, regex) for tag, regex in resolvers if tag != 'tag:yaml.org,2002:timestamp']
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    path = tmp_path / 'data.yaml'
    path.write_text('date: 2026-01-05\n', encoding='utf-8')
    assert read_yaml(path, loader=TextDates) == {'date': '2026-01-05'}


def test_read_yaml_refuses_unsafe_tags(tmp_path):
    path = tmp_path / 'data.yaml'
    path.write_text('x: !!python/object/apply:os.system ["true"]\n', encoding='utf-8')
    with pytest.raises(DataFileError, match='not valid YAML'):
        read_yaml(path)


@pytest.mark.parametrize(('content', 'message'), [(None, 'file not found'), ('a: [1, 2\n', 'not valid YAML')])
def test_read_yaml_raises_the_callers_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / 'broken.yaml'
    if content is not None:
        path.write_text(content, encoding='utf-8')
    with pytest.raises(OwnError, match=message) as error:
        read_yaml(path, error=OwnError)
    assert str(error.value).startswith(f'{path}: ')


def test_no_module_reads_yaml_by_itself():
    readers = []
    for path in (ROOT / 'ssrhub').rglob('*.py'):
        if 'tests' in path.parts or path == ROOT / 'ssrhub' / 'core' / 'datafiles.py':
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
            if isinstance(node, ast.Attribute) and node.attr in ('safe_load', 'load', 'full_load', 'unsafe_load'):
                if isinstance(node.value, ast.Name) and node.value.id == 'yaml':
                    readers.append(str(path.relative_to(ROOT)))
    assert readers == []


# Section: citations


def test_the_three_forms_give_source_citation_fields():
    raw = [
        {'book': {'chapter': 7, 'lines': '1591-1591'}},
        {'book': {'chapter': 7, 'lines': '1601-1605'}},
        {'symbol': 's/res/2151(2014)', 'paragraph': 3},
        {'symbol': 'S/PRST/2009/5'},
        {'url': 'https://example.org/page'},
    ]
    assert read_citations(raw, 'file [x]') == (
        {'book_chapter': 7, 'book_lines': '1591'},
        {'book_chapter': 7, 'book_lines': '1601-1605'},
        {'symbol': 'S/RES/2151 (2014)', 'paragraph': '3'},
        {'symbol': 'S/PRST/2009/5', 'paragraph': ''},
        {'url': 'https://example.org/page'},
    )


def test_the_form_is_the_one_source_citation_gives_back():
    for citation in (
        SourceCitation(book_chapter=8, book_lines='1903-1905'),
        SourceCitation(symbol='S/RES/2151 (2014)', paragraph='3'),
        SourceCitation(url='https://example.org/page'),
    ):
        shape = {key: value for key, value in citation.as_dict().items() if key != 'text'}
        fields = read_citation(shape, 'as_dict')
        assert fields == {key: getattr(citation, key) for key in fields}


@pytest.mark.parametrize(
    ('raw', 'message'),
    [
        (None, 'at least one citation is required'),
        ([], 'at least one citation is required'),
        ([{'chapter': 7, 'lines': '1591'}], 'a citation is {book: {chapter, lines}}'),
        ([{'book': {'chapter': 7}}], 'a book citation is {book: {chapter, lines}}'),
        ([{'book': {'chapter': 7, 'lines': '1591'}, 'paragraph': '2'}], 'a citation is'),
        ([{'symbol': 'S/RES/2151 (2014)', 'lines': '3'}], 'a citation is'),
        ([{'url': 'https://example.org', 'symbol': 'S/RES/1 (1946)'}], 'a citation is'),
        ([{'book': {'chapter': 19, 'lines': '10'}}], 'chapter 19 is not a chapter of the book'),
        ([{'book': {'chapter': True, 'lines': '300'}}], 'is not a chapter of the book'),
        ([{'book': {'chapter': 7, 'lines': 'L1591'}}], 'must read like'),
        ([{'book': {'chapter': 7, 'lines': '1605-1601'}}], 'run backwards'),
        ([{'book': {'chapter': 6, 'lines': '1635'}}], 'outside chapter 6'),
        ([{'symbol': 'not a symbol'}], 'citation 1'),
        ([{'url': 'a'}, {'url': 'a'}], 'the same citation is given twice'),
    ],
)
def test_a_bad_citation_is_refused_naming_where(raw, message):
    with pytest.raises(OwnError, match='^file \\[x\\]') as error:
        read_citations(raw, 'file [x]', error=OwnError)
    assert message in str(error.value)


def test_book_chapters_cover_the_book_in_order_without_overlap():
    bounds = [BOOK_CHAPTERS[chapter] for chapter in sorted(BOOK_CHAPTERS)]
    assert sorted(BOOK_CHAPTERS) == list(range(1, 19))
    assert all(low <= high for low, high in bounds)
    assert all(previous[1] + 1 == following[0] for previous, following in zip(bounds, bounds[1:], strict=False))


def test_every_data_file_uses_the_one_citation_form():
    for path in (ROOT / 'ssrhub').rglob('*.yaml'):
        if 'data' not in path.parts:
            continue
        text = path.read_text(encoding='utf-8')
        assert '{chapter:' not in text.replace('book: {chapter:', ''), path
