"""The codebook file: valid as shipped, every example and counter-example, clear errors on broken copies."""

import copy
import json

import pytest
import yaml

from ssrhub.coding.codebook import (
    CODEBOOK_DIR,
    LANGUAGES,
    PEMA_TASKS,
    CodebookError,
    available_versions,
    compile_pattern,
    load_codebook,
    read_codebook,
)
from ssrhub.coding.pema import SSR_FAMILY_TASKS

REQUIRED_CODES = (
    'component.defence',
    'component.police',
    'component.justice',
    'component.corrections',
    'component.intelligence',
    'component.border-management',
    'initiative.national-dialogue',
    'initiative.sector-review',
    'initiative.policy-strategy',
    'initiative.legislation',
    'initiative.expenditure-review',
    'initiative.management-oversight',
    'initiative.coordination',
    'related.disarmament-demobilisation',
    'related.reintegration',
    'related.small-arms',
    'related.arms-embargo',
    'related.mine-action',
    'related.transitional-justice',
    'related.organised-crime',
    'related.demilitarisation',
    'crosscutting.human-rights',
    'crosscutting.gender',
    'crosscutting.sexual-violence',
    'crosscutting.child-protection',
    'crosscutting.protection-of-civilians',
    'crosscutting.rule-of-law',
    'ssr.generic',
)


# Section: the shipped codebook


@pytest.fixture(scope='module')
def codebook():
    return load_codebook()


@pytest.fixture
def raw():
    """The shipped codebook as plain data, to break in a temporary copy."""
    return yaml.safe_load((CODEBOOK_DIR / available_versions()[-1] / 'codebook.yaml').read_text(encoding='utf-8'))


def test_shipped_codebook_is_valid_and_latest(codebook):
    assert codebook.version == available_versions()[-1] == '2026.3'
    assert available_versions() == ['2026.1', '2026.2', '2026.3']
    assert set(REQUIRED_CODES) <= set(codebook.codes)
    assert list(codebook.modalities) == ['monitor', 'assist', 'security', 'encourage']
    assert codebook.pema_modalities == {
        'monitor': 'monitor',
        'assist': 'assist',
        'security': 'security',
        'encourage': 'encouraged',
    }


def test_every_code_is_bilingual(codebook):
    for spec in codebook.codes.values():
        for lang in LANGUAGES:
            assert spec.label[lang] and spec.definition[lang] and spec.patterns[lang], (spec.code, lang)
            assert spec.examples[lang], (spec.code, lang)


def test_crosswalk_covers_the_ssr_family(codebook):
    crosswalk = codebook.pema_crosswalk()
    assert set(SSR_FAMILY_TASKS) <= set(crosswalk)
    assert crosswalk['policereform'] == ('component.police',)
    assert crosswalk['militaryreform'] == ('component.defence',)
    assert set(crosswalk) <= PEMA_TASKS


def test_framework_links(codebook):
    assert codebook.codes['component.police'].framework == 'component.police'
    assert codebook.codes['initiative.legislation'].framework == 'initiative.legislation'
    assert codebook.codes['related.arms-embargo'].framework is None


def test_earlier_versions_stay_readable_and_the_second_edition_drops_international_courts(codebook):
    first = load_codebook('2026.1')
    assert first.version == '2026.1' and first.codes.keys() == codebook.codes.keys()
    vacancy = 'Decides that the election to fill the vacancy in the International Court of Justice shall take place'
    assert first.codes['related.transitional-justice'].find(vacancy)
    assert not codebook.codes['related.transitional-justice'].find(vacancy)
    assert not codebook.codes['component.justice'].find('the Prosecutor of the International Tribunal')
    assert codebook.codes['component.justice'].find('training of prosecutors and judges')


def test_generic_ssr_expands_to_components(codebook):
    assert codebook.codes['ssr.generic'].expands_to == ('component.defence', 'component.police', 'component.justice')


def test_as_dict_is_json_ready(codebook):
    data = json.loads(json.dumps(codebook.as_dict()))
    assert data['version'] == '2026.3'
    assert data['released'] == '2026-12-07'
    police = next(code for code in data['codes'] if code['code'] == 'component.police')
    assert police['pema'] == ['policereform'] and police['patterns']['fr']
    assert data['pema_crosswalk']['bordercontrol'] == ['component.border-management']


def _cases(kind: str):
    codebook = load_codebook()
    for spec in [*codebook.codes.values(), *codebook.modalities.values()]:
        for lang in LANGUAGES:
            for sentence in getattr(spec, kind).get(lang, ()):
                yield pytest.param(spec, lang, sentence, id=f'{spec.code}-{lang}-{sentence[:30]}')


@pytest.mark.parametrize(('spec', 'lang', 'sentence'), list(_cases('examples')))
def test_examples_are_matched(spec, lang, sentence):
    assert spec.find(sentence, lang)


@pytest.mark.parametrize(('spec', 'lang', 'sentence'), list(_cases('counter_examples')))
def test_counter_examples_are_not_matched(spec, lang, sentence):
    assert spec.find(sentence, lang) == []


def test_patterns_are_word_bounded_and_space_flexible():
    pattern = compile_pattern('border checkpoints?')
    assert pattern.search('establish all necessary border\ncheckpoints').group() == 'border\ncheckpoints'
    assert pattern.search('borderline checkpoints') is None
    assert compile_pattern('DDR').search('the DDRR programme') is None


def test_unknown_version(tmp_path):
    with pytest.raises(CodebookError, match='unknown codebook version'):
        load_codebook('1999.1')
    with pytest.raises(CodebookError, match='no codebook version folder'):
        load_codebook(directory=tmp_path)


# Section: broken copies


def _write(tmp_path, data) -> object:
    folder = tmp_path / data['version']
    folder.mkdir(exist_ok=True)
    path = folder / 'codebook.yaml'
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding='utf-8')
    return path


def _code(data, code):
    return next(entry for entry in data['codes'] if entry['code'] == code)


def _broken(raw, change):
    data = copy.deepcopy(raw)
    change(data)
    return data


BROKEN = {
    'unknown key': (
        lambda d: _code(d, 'component.police').update(colour='blue'),
        r'\[component\.police\]: unknown key\(s\) colour',
    ),
    'unknown top key': (lambda d: d.update(author='me'), r'unknown key\(s\) author'),
    'bad regex': (
        lambda d: _code(d, 'component.justice')['patterns']['en'].append('courts?('),
        r'\[component\.justice\]: pattern component\.justice/en/\d+ is not a valid regular expression',
    ),
    'empty match': (
        lambda d: _code(d, 'component.justice')['patterns']['en'].append('x?'),
        r'\[component\.justice\]: pattern component\.justice/en/\d+ matches empty text',
    ),
    'missing French patterns': (
        lambda d: _code(d, 'component.corrections')['patterns'].pop('fr'),
        r'\[component\.corrections\]: patterns\.fr is missing: French patterns are required',
    ),
    'missing French label': (
        lambda d: _code(d, 'component.corrections')['label'].pop('fr'),
        r'\[component\.corrections\]: label needs non-empty English and French text',
    ),
    'missing French example': (
        lambda d: _code(d, 'component.corrections')['examples'].pop('fr'),
        r'\[component\.corrections\]: examples\.fr needs a list of non-empty sentences',
    ),
    'duplicate code': (
        lambda d: d['codes'].append(copy.deepcopy(_code(d, 'component.police'))),
        r'\[component\.police\]: duplicate code',
    ),
    'example not matched': (
        lambda d: _code(d, 'component.police')['examples']['en'].append('the weather in Geneva'),
        r"\[component\.police\]: example \(en\) is not matched by its own patterns: 'the weather in Geneva'",
    ),
    'counter-example matched': (
        lambda d: _code(d, 'component.police')['counter_examples']['en'].append('reform of the national police'),
        r'\[component\.police\]: counter-example \(en\) is matched by component\.police/en/0',
    ),
    'unknown PEMA task': (
        lambda d: _code(d, 'component.police').update(pema=['polcereform']),
        r'\[component\.police\]: pema must list PEMA task names',
    ),
    'unknown framework code': (
        lambda d: _code(d, 'component.police').update(framework='component.polis'),
        r"\[component\.police\]: framework 'component\.polis' is not an item code",
    ),
    'expansion to unknown code': (
        lambda d: _code(d, 'ssr.generic').update(expands_to=['component.navy']),
        r'\[ssr\.generic\]: expands_to names unknown code\(s\) component\.navy',
    ),
    'group mismatch': (
        lambda d: _code(d, 'component.police').update(group='related'),
        r"\[component\.police\]: group 'related' must be one of",
    ),
    'missing modality': (
        lambda d: d['modalities'].pop(),
        r'modalities missing: encourage',
    ),
    'modality example not matched': (
        lambda d: d['modalities'][0]['examples']['en'].append('nothing to see'),
        r'\[modality\.monitor\]: example \(en\) is not matched',
    ),
    'released not a date': (lambda d: d.update(released='soon'), r'released must be a YYYY-MM-DD date'),
}


@pytest.mark.parametrize('case', list(BROKEN))
def test_broken_copy_gives_a_clear_error(tmp_path, raw, case):
    change, message = BROKEN[case]
    path = _write(tmp_path, _broken(raw, change))
    with pytest.raises(CodebookError, match=message) as error:
        read_codebook(path)
    assert str(path) in str(error.value)


def test_unchanged_copy_is_valid(tmp_path, raw):
    path = _write(tmp_path, raw)
    assert read_codebook(path).version == '2026.3'
    assert load_codebook(directory=tmp_path).codes.keys() == load_codebook().codes.keys()


def test_invalid_yaml(tmp_path):
    folder = tmp_path / '2026.1'
    folder.mkdir()
    (folder / 'codebook.yaml').write_text('codes: [unclosed', encoding='utf-8')
    with pytest.raises(CodebookError, match='not valid YAML'):
        read_codebook(folder / 'codebook.yaml')
