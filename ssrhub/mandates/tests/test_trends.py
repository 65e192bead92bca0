"""Trends by year on hand-made records: SSR language, codes, settings, force, country-specific share, charts."""

import pytest

from ssrhub.coding.force import Force
from ssrhub.mandates.trends import (
    CODE_COLUMNS,
    COUNTRY_COLUMNS,
    FORCE_COLUMNS,
    MEASURE_COLUMNS,
    MEASURES,
    SETTING_COLUMNS,
    SSR_COLUMNS,
    CodedParagraph,
    CountryNames,
    ResolutionRecord,
    code_rows,
    codes_chart,
    country_rows,
    force_rows,
    institutional_act,
    measure_chart,
    measure_rows,
    setting_rows,
    ssr_language_rows,
    symbol_year,
    year_range,
)


def paragraph(*codes, force=Force.DECLARATORY, implicit=()):
    return CodedParagraph(frozenset({*codes, *implicit}), frozenset(codes), int(force))


RECORDS = [
    # 2015: three resolutions, one with explicit SSR wording on a PKO track, one with police only in a preamble.
    ResolutionRecord(
        'S/RES/2001 (2015)',
        2015,
        (
            paragraph('ssr.generic', implicit=('component.police', 'component.defence')),
            paragraph('component.police', force=Force.DECIDES),
            paragraph('related.arms-embargo', force=Force.DEMANDS),
        ),
        frozenset({'pko'}),
        True,
    ),
    ResolutionRecord('S/RES/2002 (2015)', 2015, (paragraph('component.police'),), frozenset({'spm'}), True),
    ResolutionRecord('S/RES/2003 (2015)', 2015, (paragraph('crosscutting.gender', force=Force.DECIDES),)),
    # 2016: a thematic SSR resolution (not country-specific) and two country ones, one without codes.
    ResolutionRecord(
        'S/RES/2010 (2016)',
        2016,
        (paragraph('ssr.generic', force=Force.ENCOURAGES), paragraph('initiative.legislation', force=Force.REQUESTS)),
    ),
    ResolutionRecord(
        'S/RES/2011 (2016)',
        2016,
        (paragraph('component.justice', force=Force.REQUESTS),),
        frozenset({'pko', 'spm'}),
        True,
    ),
    ResolutionRecord('S/RES/2012 (2016)', 2016, (), frozenset(), True),
    # 2018 only: 2017 has no resolution stored.
    ResolutionRecord('S/RES/2020 (2018)', 2018, (paragraph('component.corrections', force=Force.CONDEMNS),)),
]
YEARS = [2015, 2016, 2017, 2018]


def by_year(rows):
    return {row['year']: row for row in rows}


def test_record_properties():
    first = RECORDS[0]
    assert first.codes == {'ssr.generic', 'component.police', 'component.defence', 'related.arms-embargo'}
    assert first.explicit_codes == {'ssr.generic', 'component.police', 'related.arms-embargo'}
    assert first.ssr_language and first.ssr_explicit
    # The arms embargo paragraph demands, but it carries no SSR code: the strongest SSR paragraph decides.
    assert first.ssr_force is Force.DECIDES
    assert not RECORDS[2].ssr_language and RECORDS[2].ssr_force is None  # gender only
    assert RECORDS[5].setting_keys == {'none'} == RECORDS[3].setting_keys


def test_year_range_defaults_to_the_records_and_keeps_empty_years():
    assert year_range(RECORDS) == YEARS
    assert year_range(RECORDS, 2016) == [2016, 2017, 2018]
    assert year_range(RECORDS, year_to=2015) == [2015]
    assert year_range([]) == [] and year_range([], 1990, 1991) == [1990, 1991]


def test_ssr_language_by_year():
    rows = by_year(ssr_language_rows(RECORDS, YEARS))
    assert rows[2015] == {'year': 2015, 'resolutions': 3, 'ssr_language': 2, 'ssr_share': 0.667, 'ssr_explicit': 1}
    assert rows[2016] == {'year': 2016, 'resolutions': 3, 'ssr_language': 2, 'ssr_share': 0.667, 'ssr_explicit': 1}
    # No resolution stored in 2017: a gap, not zeros.
    assert rows[2017] == {'year': 2017, 'resolutions': 0, 'ssr_language': None, 'ssr_share': None, 'ssr_explicit': None}
    assert rows[2018]['ssr_share'] == 1.0
    assert all(tuple(row) == SSR_COLUMNS for row in rows.values())


def test_codes_by_year_count_resolutions_not_paragraphs():
    rows = code_rows(RECORDS, YEARS)
    assert all(tuple(row) == CODE_COLUMNS for row in rows)
    # Codes found, in codebook group order: component, initiative, related, crosscutting, ssr.
    codes = list(dict.fromkeys(row['code'] for row in rows))
    assert codes == [
        'component.corrections',
        'component.defence',
        'component.justice',
        'component.police',
        'initiative.legislation',
        'related.arms-embargo',
        'crosscutting.gender',
        'ssr.generic',
    ]
    cells = {(row['year'], row['code']): (row['resolutions'], row['explicit_resolutions']) for row in rows}
    assert cells[2015, 'component.police'] == (2, 2)  # two paragraphs of 2001 and one of 2002: two resolutions
    assert cells[2015, 'component.defence'] == (1, 0)  # only implied by the generic mention
    assert cells[2016, 'ssr.generic'] == (1, 1) and cells[2016, 'component.police'] == (0, 0)
    assert cells[2017, 'component.police'] == (None, None)
    assert len(code_rows(RECORDS, YEARS, codes=['component.police'])) == 4


def test_settings_count_a_resolution_in_each_of_its_settings():
    rows = by_year(setting_rows(RECORDS, YEARS))
    assert tuple(rows[2015]) == SETTING_COLUMNS
    assert rows[2015] == {
        'year': 2015,
        'pko_resolutions': 1,
        'pko_ssr': 1,
        'spm_resolutions': 1,
        'spm_ssr': 1,
        'non_mission_resolutions': 0,
        'non_mission_ssr': 0,
        'none_resolutions': 1,
        'none_ssr': 0,
    }
    # 2011 is on a PKO and an SPM track; 2010 and 2012 on none.
    assert rows[2016]['pko_ssr'] == rows[2016]['spm_ssr'] == 1
    assert (rows[2016]['none_resolutions'], rows[2016]['none_ssr']) == (2, 1)
    assert rows[2017]['pko_ssr'] is None


def test_force_is_the_strongest_ssr_paragraph_once_per_resolution():
    rows = by_year(force_rows(RECORDS, YEARS))
    assert tuple(rows[2015]) == FORCE_COLUMNS
    assert rows[2015] == {
        'year': 2015,
        'ssr_language': 2,
        'declaratory': 1,  # 2002: police in a declaratory paragraph
        'encourages': 0,
        'requests': 0,
        'condemns': 0,
        'demands': 0,  # the demand is about the arms embargo, not SSR
        'decides': 1,
    }
    # 2010: encourages (generic SSR) and requests (legislation) -> requests; 2011 requests.
    assert rows[2016]['requests'] == 2 and rows[2016]['encourages'] == 0
    assert sum(rows[2016][name] for name in FORCE_COLUMNS[2:]) == rows[2016]['ssr_language']
    assert rows[2018]['condemns'] == 1


def test_share_of_country_specific_resolutions_referring_to_ssr():
    rows = by_year(country_rows(RECORDS, YEARS))
    assert tuple(rows[2015]) == COUNTRY_COLUMNS
    assert rows[2015] == {
        'year': 2015,
        'resolutions': 3,
        'country_specific': 2,
        'country_specific_ssr': 2,
        'share': 1.0,
    }
    # The thematic SSR resolution 2010 is left out; of 2011 and 2012 one refers to SSR.
    assert (rows[2016]['country_specific'], rows[2016]['country_specific_ssr'], rows[2016]['share']) == (2, 1, 0.5)
    # No country-specific resolution: no share (not 0).
    assert rows[2018]['country_specific'] == 0 and rows[2018]['share'] is None


def test_measure_rows_dispatch_and_refuse_unknown_measures():
    for measure in MEASURES:
        rows = measure_rows(measure, RECORDS, YEARS)
        assert rows and set(rows[0]) == set(MEASURE_COLUMNS[measure])
    with pytest.raises(ValueError, match='Unknown measure'):
        measure_rows('budget', RECORDS, YEARS)


def test_charts_follow_the_line_contract():
    chart = measure_chart(
        'ssr-language', ssr_language_rows(RECORDS, YEARS), {'ssr_language': 'With SSR language'}, y_label='Res.'
    )
    assert chart['kind'] == 'line' and chart['labels'] == ['2015', '2016', '2017', '2018']
    assert chart['y_label'] == 'Res.' and chart['x_label'] == ''
    series = {item['key']: item for item in chart['series']}
    assert list(series) == ['resolutions', 'ssr_language', 'ssr_explicit']
    assert series['ssr_language'] == {'key': 'ssr_language', 'label': 'With SSR language', 'values': [2, 2, None, 1]}
    assert series['resolutions']['label'] == 'resolutions'  # no label given: the key
    assert series['resolutions']['values'] == [3, 3, None, 1]  # 2017 has no stored resolution: a gap, not 0

    share = measure_chart('country-specific', country_rows(RECORDS, YEARS))
    assert share['series'] == [{'key': 'share_percent', 'label': 'share_percent', 'values': [100.0, 50.0, None, None]}]
    settings = measure_chart('settings', setting_rows(RECORDS, YEARS))
    assert [item['key'] for item in settings['series']] == ['pko_ssr', 'spm_ssr', 'non_mission_ssr', 'none_ssr']
    force = measure_chart('force', force_rows(RECORDS, YEARS))
    assert [item['values'] for item in force['series'] if item['key'] == 'decides'] == [[1, 0, None, 0]]
    with pytest.raises(ValueError):
        measure_chart('codes', code_rows(RECORDS, YEARS))


def test_codes_chart_draws_one_series_per_code_of_a_group():
    rows = code_rows(RECORDS, YEARS)
    chart = codes_chart(rows, {'component.police': 'Police'}, group='component', y_label='Resolutions')
    assert chart['labels'] == ['2015', '2016', '2017', '2018']
    series = {item['key']: item for item in chart['series']}
    assert set(series) == {'component.corrections', 'component.defence', 'component.justice', 'component.police'}
    assert series['component.police'] == {'key': 'component.police', 'label': 'Police', 'values': [2, 0, None, 0]}
    assert len(codes_chart(rows)['series']) == 8


def test_symbol_year():
    assert symbol_year('S/RES/687 (1991)') == 1991
    assert symbol_year('S/RES/687') is None and symbol_year('') is None


def test_country_names_are_whole_words_with_short_and_former_forms():
    names = CountryNames.from_iso(
        ['Korea, Republic of', 'Libya', 'Niger', 'Nigeria', 'Guinea', 'Guinea-Bissau', 'the State of Palestine']
    )
    assert names.first_in('Having examined the application of the Republic of Korea') == 'Korea'
    assert names.first_in('The Libyan Arab Jamahiriya') == 'Libyan Arab Jamahiriya'  # former name
    assert names.first_in('the Libyan authorities') is None  # 'Libya' is not a word of 'Libyan'
    assert names.first_in('in Nigeria') == 'Nigeria' and names.first_in('the Niger.') == 'Niger'
    assert names.first_in('Guinea-Bissau and Guinea') == 'Guinea-Bissau'
    assert names.first_in('the Iraq-Kuwait border') is None
    assert CountryNames(['Iraq', 'Kuwait']).first_in('the Iraq-Kuwait border') == 'Iraq'
    assert names.first_in('State of Palestine') == 'State of Palestine'
    assert names.first_in('the situation in the former Yugoslavia') == 'Yugoslavia'
    assert names.first_in('guinea pigs and korea') is None  # names are proper nouns


def test_institutional_business_is_read_from_operative_wording():
    assert institutional_act(['Recommends to the General Assembly that Eritrea be admitted to membership in the '
                              'United Nations.'])  # fmt: skip
    assert institutional_act(['Decides that the election to fill the vacancy shall take place on 10 May 1993'])
    assert institutional_act(['Establishes the following list of candidates in accordance with article 13'])
    assert institutional_act(['Appoints Mr. Ramón Escovar-Salom as Prosecutor of the International Tribunal;'])
    assert not institutional_act(['Decides hereby to establish an international tribunal for the sole purpose of'])
    assert not institutional_act(['Decides that the Federal Republic of Yugoslavia should apply for membership'])
