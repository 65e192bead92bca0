"""The plain-Python parts of results frameworks: value checks per unit, percentages, the SDG files and the indicator
library file (no database)."""

from decimal import Decimal

import pytest
import yaml

from ssrhub.core.datafiles import DataFileError
from ssrhub.monitoring.library import read_library
from ssrhub.monitoring.sdg import SDG_DIR, number_order, read_sdg
from ssrhub.monitoring.values import check_value, percent


def codes(problems) -> list[tuple[str, str]]:
    return [(problem.code, problem.part) for problem in problems]


@pytest.mark.parametrize(
    ('unit', 'args', 'expected'),
    [
        ('number', {'value': '1250'}, []),
        ('number', {'value': '12,5'}, []),
        ('number', {'value': 'many'}, [('not-a-number', 'value')]),
        (
            'number',
            {'value': 3, 'numerator': 3, 'denominator': 4},
            [('ratio-not-allowed', 'numerator'), ('ratio-not-allowed', 'denominator')],
        ),
        ('percentage', {'value': 101}, [('percentage-over-100', 'value')]),
        ('percentage', {'value': -1}, [('negative', 'value')]),
        ('percentage', {'numerator': 5, 'denominator': 0}, [('denominator-zero', 'denominator')]),
        ('percentage', {'numerator': 12, 'denominator': 10}, [('numerator-over-denominator', 'numerator')]),
        ('percentage', {'numerator': 3}, [('ratio-incomplete', 'denominator')]),
        ('percentage', {'value': 30, 'numerator': 3, 'denominator': 10}, []),
        ('percentage', {'value': 40, 'numerator': 3, 'denominator': 10}, [('percentage-mismatch', 'value')]),
        ('yes-no', {'value': 1}, []),
        ('yes-no', {'value': 2}, [('not-yes-no', 'value')]),
        ('scale', {'value': 6, 'scale_min': 1, 'scale_max': 5}, [('above-scale', 'value')]),
        ('scale', {'value': 0.5, 'scale_min': 1, 'scale_max': 5}, [('below-scale', 'value')]),
        ('scale', {'value': '3.40', 'scale_min': 1, 'scale_max': 5}, []),
        ('cubits', {'value': 1}, [('unknown-unit', 'value')]),
    ],
)
def test_check_value_gives_the_problem_codes_of_each_unit(unit, args, expected):
    assert codes(check_value(unit, **args)) == expected


def test_a_percentage_is_compared_with_its_ratio_to_the_indicators_decimals():
    assert check_value('percentage', '33.3', 1, 3, decimal_places=1) == []
    assert codes(check_value('percentage', '33', 1, 3, decimal_places=1)) == [('percentage-mismatch', 'value')]
    assert codes(check_value('number', '2.25', decimal_places=1)) == [('too-many-decimals', 'value')]


def test_percent_is_none_without_a_denominator():
    assert percent(3, 12) == Decimal(25)
    assert percent(3, 0) is None
    assert percent(None, 4) is None


def test_the_sdg_files_hold_17_goals_169_targets_and_252_indicators_in_both_languages():
    data = read_sdg()
    assert (len(data.goals), len(data.targets), len(data.indicators)) == (17, 169, 252)
    by_number = {indicator['number']: indicator for indicator in data.indicators}
    assert by_number['16.3.2']['title_en'] == 'Unsentenced detainees as a proportion of overall prison population'
    # The French is the official text, composed (é, not e + combining accent).
    assert by_number['16.3.2']['title_fr'] == 'Proportion de la population carcérale en instance de jugement'
    numbers = [indicator['number'] for indicator in data.indicators if indicator['number'].startswith('16.')]
    assert numbers[-4:] == ['16.10.1', '16.10.2', '16.a.1', '16.b.1']
    assert number_order('16.3') < number_order('16.10') < number_order('16.a')


def test_an_sdg_text_missing_in_french_names_the_file_and_key(tmp_path):
    for language in ('en', 'fr'):
        (tmp_path / language).mkdir()
        for kind in ('goals', 'targets', 'indicators'):
            (tmp_path / language / f'global_{kind}.yml').write_bytes(
                (SDG_DIR / language / f'global_{kind}.yml').read_bytes()
            )
    french = yaml.safe_load((tmp_path / 'fr' / 'global_indicators.yml').read_text())
    del french['16-3-2-title']
    (tmp_path / 'fr' / 'global_indicators.yml').write_text(yaml.safe_dump(french, allow_unicode=True))
    with pytest.raises(DataFileError, match=r'fr/global_indicators.yml: 16-3-2-title is missing'):
        read_sdg(tmp_path)


def test_the_library_has_the_indicators_the_issue_names_each_citing_a_source():
    records = {record['code']: record for record in read_library()}
    assert len(records) >= 15
    for code in (
        'women-in-police',
        'women-in-armed-forces',
        'unsentenced-detainees',
        'trust-in-police',
        'complaints-handled-in-time',
        'security-budget-executed',
        'oversight-hearings',
        'police-population-ratio',
        'victims-reporting-violence',
    ):
        assert records[code]['citations'], code
        assert records[code]['source_en'] and records[code]['source_fr'], code
    assert records['unsentenced-detainees']['sdg'] == ['16.3.2']
    assert records['victims-reporting-violence']['sdg'] == ['16.3.1']
    assert records['unsentenced-detainees']['direction'] == 'decrease'
    assert records['police-integrity-score']['scale_max'] == 5


def test_a_library_entry_with_a_numerator_but_no_percentage_is_refused(tmp_path):
    path = tmp_path / 'library.yml'
    entry = {
        'code': 'hearings',
        'topic': 'oversight',
        'title': {'en': 'Hearings', 'fr': 'Auditions'},
        'definition': {'en': 'Hearings held', 'fr': 'Auditions tenues'},
        'unit': 'number',
        'numerator': {'en': 'Hearings', 'fr': 'Auditions'},
        'direction': 'increase',
        'frequency': 'annual',
        'data_source': {'en': 'Records', 'fr': 'Archives'},
        'source': {'en': 'The book', 'fr': "L'ouvrage"},
        'citations': [{'book': {'chapter': 6, 'lines': '1454'}}],
    }
    path.write_text(yaml.safe_dump({'indicators': [entry]}))
    with pytest.raises(
        DataFileError, match=r'indicator 1 \(hearings\): a percentage, and only a percentage, has a numerator'
    ):
        read_library(path)
