"""The shipped data files are complete and valid, and broken files are refused with a clear message."""

import shutil

import pytest
import yaml

from ssrhub.core.datafiles import DataFileError
from ssrhub.framework.datafiles import DATA_DIR, read_framework, read_institutions

FRAMEWORK_DIR = DATA_DIR / 'frameworks' / 'un-ssr'

# Group code -> number of direct children the issue requires (at least, where marked).
REQUIRED_GROUPS = {
    'area': 4,
    'feature': 5,
    'standard': 7,
    'principle': 10,
    'role': 7,
    'hrddp': 4,
    'ownership': 4,
    'gender': 5,
    'plan-element': 6,
    'au-ogn': 7,
}


@pytest.fixture(scope='module')
def current():
    return read_framework(FRAMEWORK_DIR).versions[-1]


def _children(version, code):
    return [item for item in version.items if item.parent_code == code]


@pytest.mark.parametrize(('group', 'count'), REQUIRED_GROUPS.items())
def test_required_groups_have_their_items(current, group, count):
    assert len(_children(current, group)) == count


def test_other_required_groups(current):
    components = {item.code for item in _children(current, 'component')}
    assert {
        'component.defence',
        'component.police',
        'component.justice',
        'component.corrections',
        'component.intelligence',
        'component.border-management',
    } <= components
    assert len(_children(current, 'itgn')) >= 7
    assert len(_children(current, 'initiative')) >= 7
    dsr = [item.code for item in _children(current, 'dsr')]
    assert 'dsr.cross-cutting' in dsr and len(dsr) == 10


def test_principles_are_lettered_a_to_j_in_order(current):
    assert [item.ref for item in _children(current, 'principle')] == [f'({letter})' for letter in 'abcdefghij']
    assert 'principle.national-ownership' in {item.code for item in _children(current, 'principle')}


def test_every_item_is_bilingual_and_cited(current):
    for item in current.items:
        assert item.label['en'] and item.label['fr'] and item.definition['en'] and item.definition['fr'], item.code
        assert item.citations, item.code


def test_resolution_2151_paragraph_9_is_cited_for_initiatives(current):
    group = next(item for item in current.items if item.code == 'initiative')
    cited = {
        (c.get('symbol'), c.get('paragraph'))
        for item in [group, *_children(current, 'initiative')]
        for c in item.citations
    }
    assert ('S/RES/2151 (2014)', '9') in cited


def test_book_citations_point_inside_the_book(current):
    book = DATA_DIR.parents[2].parent / 'shared' / 'reference' / 'un-and-ssr-policy-and-practice.txt'
    line_count = 4521  # the source book's text file
    if book.exists():
        line_count = sum(1 for _line in book.open(encoding='utf-8'))
    for item in current.items:
        for citation in item.citations:
            if 'book_lines' in citation:
                first, _, last = citation['book_lines'].partition('-')
                assert 1 <= int(first) <= int(last or first) <= line_count, item.code


def test_institutions_are_consistent():
    entities, memberships, missions = read_institutions(DATA_DIR / 'institutions')
    codes = {entity['code'] for entity in entities}
    assert {'DPO', 'DPPA', 'UNDP', 'IASSRTF', 'GFP'} <= codes
    task_force = [m for m in memberships if m['group'] == 'IASSRTF' and m['role'] != 'secretariat']
    assert len(task_force) == 14
    dpo = next(entity for entity in entities if entity['code'] == 'DPO')
    assert [name['acronym'] for name in dpo['names']][-2:] == ['DPKO', 'DPO']
    assert str(dpo['names'][-1]['from']) == '2019-01-01'
    by_acronym = {mission['acronym']: mission for mission in missions}
    assert 'BINUCA' in by_acronym['MINUSCA']['predecessors']
    assert 'MONUC' in by_acronym['MONUSCO']['predecessors']
    assert {'pko', 'spm', 'non-mission'} == {mission['type'] for mission in missions}


# Section: broken files


@pytest.fixture
def framework_copy(tmp_path):
    target = tmp_path / 'un-ssr'
    shutil.copytree(FRAMEWORK_DIR, target)
    return target


def _edit_group(framework_dir, group_file, change):
    path = framework_dir / '2026.1' / group_file
    data = yaml.safe_load(path.read_text(encoding='utf-8'))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding='utf-8')


@pytest.mark.parametrize(
    ('change', 'message'),
    [
        (lambda data: data['items'][0]['label'].pop('fr'), 'label needs non-empty English and French text'),
        (lambda data: data['items'][0].update(citations=[]), 'at least one citation is required'),
        (lambda data: data['items'][0].update(code='feature.x'), 'must start with its parent code principle.'),
        (lambda data: data['items'][1].update(code=data['items'][0]['code']), 'duplicate item codes'),
        (lambda data: data['items'][0].update(code='Principle.Bad Code'), 'must be lower-case'),
        (
            lambda data: data['items'][0].update(citations=[{'symbol': 'S/RES/21x1 (2014)', 'paragraph': '1'}]),
            'S/RES/21x1',
        ),
    ],
)
def test_broken_framework_file_is_refused_with_its_location(framework_copy, change, message):
    _edit_group(framework_copy, 'principles.yaml', change)
    with pytest.raises(DataFileError, match='principles.yaml') as error:
        read_framework(framework_copy)
    assert message in str(error.value)


def test_invalid_yaml_is_refused(framework_copy):
    (framework_copy / '2026.1' / 'areas.yaml').write_text('code: [unclosed', encoding='utf-8')
    with pytest.raises(DataFileError, match='not valid YAML'):
        read_framework(framework_copy)
