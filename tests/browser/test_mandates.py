"""An analyst follows the ONUMOZ mandate track, compares mandated and reported support and downloads the matrix.

The demo data of the browser tests (``ssrhub setup --demo --corpus-years 1992-1994``) holds the resolutions of
1992-1994, among them the eight ONUMOZ resolutions 782-898, and a composed sample report of the Secretary-General
on ONUMOZ dated 1994-04-07.
"""

import re
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from ssrhub.documents.ingest import ingest_path
from ssrhub.framework.models import Mission

from .language import switch_language

pytestmark = pytest.mark.browser

TRACK = '/mandates/missions/ONUMOZ/'
MATRIX = '/mandates/missions/ONUMOZ/matrix/'
REPORT_TITLE = 'Report of the Secretary-General on the United Nations Operation in Mozambique'
BY_REFERENCE_FIXTURE = (
    Path(__file__).resolve().parents[2]
    / 'ssrhub'
    / 'mandates'
    / 'tests'
    / 'data'
    / 'onumoz_police_addendum_fixture_EN.txt'
)


def test_mission_track_timeline_in_force_and_carry_forward(page, log_in, screenshot, axe_violations):
    page.emulate_media(reduced_motion='reduce')  # charts.js then draws without animation: stable screenshots
    log_in(page, 'analyst')
    page.goto('/mandates/')
    page.get_by_role('link', name='ONUMOZ', exact=True).click()
    page.wait_for_url(f'**{TRACK}')
    expect(page.get_by_role('heading', level=1)).to_contain_text('United Nations Operation in Mozambique')
    expect(page.locator('canvas[data-chart="timeline"]')).to_have_attribute('data-chart-state', 'ready')

    track = page.locator('#track-table')
    establishes = track.locator('tbody tr', has=page.get_by_role('rowheader', name='S/RES/797 (1992)'))
    expect(establishes.locator('td[data-relation]')).to_have_attribute('data-relation', 'establishes')
    expect(establishes.locator('td[data-relation]')).to_have_text(re.compile('^establishes', re.IGNORECASE))
    report = track.locator('tbody tr', has_text=REPORT_TITLE)
    expect(report).to_have_count(1)
    expect(report.locator('td[data-relation]')).to_have_attribute('data-relation', 'reports')

    page.get_by_label('Date', exact=True).fill('1994-01-01')
    page.locator('#in-force-date').locator('xpath=ancestor::form').get_by_role('button', name='Show').click()
    page.wait_for_url(re.compile(r'[?&]date=1994-01-01'))
    expect(page.locator('#in-force-heading')).to_contain_text('1994-01-01')
    defence = page.locator('#in-force-table tbody tr', has_text='component.defence')
    expect(defence).to_have_count(1)
    expect(defence).to_contain_text('S/RES/850')

    carry = page.locator('#carry-table tbody tr')
    expect(carry).to_have_count(8)
    symbols = carry.locator('th').all_inner_texts()
    assert symbols == sorted(set(symbols)) and all(symbol.startswith('S/RES/') for symbol in symbols), symbols
    for share in carry.locator('td:last-child').all_inner_texts():
        assert re.fullmatch(r'\d{1,3} %', share.strip()), share

    expect(page.locator('#override-form')).to_be_visible()
    expect(page.locator('canvas[data-chart="timeline"]')).to_have_attribute('data-chart-state', 'ready')
    screenshot(page, 'mandates-track-onumoz', full_page=True)
    assert not axe_violations(page)


def test_matrix_drill_down_and_period_error(page, log_in, screenshot, axe_violations):
    log_in(page, 'analyst')
    page.goto(TRACK)
    page.get_by_role('link', name='Mandated vs reported').click()
    page.wait_for_url(f'**{MATRIX}')

    police = page.locator('#matrix-table tr[data-code="component.police"]')
    expect(police.locator('.badge')).to_have_text('reported, not mandated')
    by_reference = page.locator('#by-reference')
    expect(by_reference.locator('li', has_text='S/RES/898 (1994)')).to_contain_text('S/1994/89/Add.1')

    form = page.locator('#matrix-form')
    form.locator('#id_dimension').select_option('support')
    form.get_by_role('button', name='Show').click()
    page.wait_for_url(re.compile(r'[?&]dimension=support'))
    expect(page.locator('#id_dimension')).to_have_value('support')
    expect(page.locator('#matrix-table caption')).to_contain_text('Type of support')

    # A count opens its paragraphs beside the table through htmx: the page itself is not loaded again.
    url = page.url
    page.evaluate('window.stillTheSamePage = true')
    reported = police.locator('td.side-reported a[href*="value=unspecified"]')
    with page.expect_response(lambda response: '/matrix/paragraphs/' in response.url and response.ok):
        reported.click()
    panel = page.locator('#matrix-paragraphs')
    expect(panel.get_by_role('heading')).to_contain_text('Reported · Type of support: Unspecified')
    expect(panel).to_contain_text('monitored the activities of the Mozambican police')
    expect(panel.locator('mark.evidence').first).to_be_visible()
    assert page.url == url
    assert page.evaluate('window.stillTheSamePage') is True
    screenshot(page, 'mandates-matrix-onumoz', full_page=True)
    assert not axe_violations(page)

    page.get_by_label('From', exact=True).fill('1994-06-01')
    page.get_by_label('To', exact=True).fill('1994-01-01')
    page.locator('#matrix-form').get_by_role('button', name='Show').click()
    expect(page.get_by_role('alert')).to_contain_text('The period must start before it ends.')
    expect(page.locator('#matrix-table')).to_have_count(0)
    assert not axe_violations(page)


def test_matrix_csv_download(page, log_in):
    log_in(page, 'analyst')
    page.goto(MATRIX)
    with page.expect_download() as info:
        page.get_by_role('link', name='CSV', exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith('.csv'), download.suggested_filename
    content = download.path().read_bytes()
    assert content.startswith(b'\xef\xbb\xbf')
    first_line = content.decode('utf-8-sig').splitlines()[0]
    assert first_line.startswith('code,dimension,value,mandated,reported'), first_line


def test_viewer_sees_the_track_but_cannot_correct_links(page, log_in):
    log_in(page, 'viewer')
    page.goto(TRACK)
    expect(page.locator('#track-table')).to_contain_text('S/RES/797 (1992)')
    expect(page.locator('#in-force-table')).to_be_visible()
    expect(page.locator('#override-form')).to_have_count(0)
    expect(page.get_by_role('heading', name='Correct a link')).to_have_count(0)


def test_matrix_in_french(page, log_in, screenshot):
    log_in(page, 'analyst')
    switch_language(page, 'fr')
    page.goto(MATRIX)
    expect(page.locator('html')).to_have_attribute('lang', 'fr')
    expect(page.locator('#main-nav').get_by_role('button', name='Mandats', exact=True)).to_be_visible()
    with translation.override('fr'):
        heading = translation.gettext('mandated vs reported')
        gap = translation.gettext('reported, not mandated')
    # The French catalogue is being completed: check the translations it already holds.
    if heading != 'mandated vs reported':
        expect(page.get_by_role('heading', level=1)).to_contain_text(heading)
    if gap != 'reported, not mandated':
        expect(page.locator('tr[data-code="component.police"] .badge')).to_have_text(gap)
    screenshot(page, 'mandates-matrix-fr', full_page=True)


def test_trend_charts_each_have_a_data_table(page, log_in, screenshot, axe_violations):
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'analyst')
    response = page.goto('/mandates/trends/')
    assert response.ok, response.status
    charts = page.locator('canvas[data-chart="line"]')
    assert charts.count() > 0
    for index in range(charts.count()):
        chart = charts.nth(index)
        expect(chart).to_have_attribute('data-chart-state', re.compile('^(ready|empty)$'))
        table = chart.locator('xpath=../following-sibling::*[1]').locator('table')
        expect(table).to_have_count(1)
        expect(table.locator('tbody tr').first).to_be_visible()
    screenshot(page, 'mandates-trends', full_page=True)
    assert not axe_violations(page)


def test_matrix_form_and_total_counts_agree_with_the_table(page, log_in):
    """The "Break down by" select shows the breakdown of the table, and a code's total count still opens all of its
    paragraphs once a breakdown has been chosen.
    """
    log_in(page, 'analyst')
    page.goto(MATRIX)
    problems = []
    selected = page.locator('#id_dimension option:checked').inner_text()
    caption = page.locator('#matrix-table caption').inner_text()
    if selected not in caption:
        problems.append(f'the select shows {selected!r} but the table is {caption!r}')

    page.locator('#id_dimension').select_option('support')
    page.locator('#matrix-form').get_by_role('button', name='Show').click()
    page.wait_for_url(re.compile(r'[?&]dimension=support'))
    total = page.locator('#matrix-table tr[data-code="component.police"] td.side-reported a').first
    expect(total).to_have_text('7')
    total.click()
    heading = page.locator('#matrix-paragraphs').get_by_role('heading')
    expect(heading).to_contain_text('Police and law enforcement · Reported')
    if '7 paragraphs' not in heading.inner_text():
        problems.append(f'the total count 7 opens {heading.inner_text()!r} ({total.get_attribute("href")})')
    assert not problems, '; '.join(problems)


# Section: the whole corpus in the demo (issue 11): every operation has a track, parts added to a mission adjust it,
# the mission record leads to its track and documents, the heat map has a colour scale, metadata can be corrected.


def _translated(language, text):
    with translation.override(language):
        return translation.gettext(text)


def _show_in_force(page, on):
    page.locator('#in-force-date').fill(on)
    page.locator('#in-force-date').locator('xpath=ancestor::form').locator('button[type=submit]').click()
    page.wait_for_url(re.compile(rf'[?&]date={on}'))


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_mission_list_to_tracks_with_tasks_in_force(page, log_in, screenshot, language):
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'analyst')
    switch_language(page, language)
    page.goto('/mandates/')
    # The operations of the early 1990s all have a track now that the demo holds the corpus.
    index = page.locator('table tbody')
    with translation.override(language):  # French pages give the French acronyms (APRONUC for UNTAC)
        shown = [
            Mission.objects.get(acronym=acronym).display_acronym
            for acronym in ('ONUMOZ', 'UNTAC', 'UNOSOM II', 'UNAMIR', 'UNPROFOR', 'ONUSAL', 'UNOMIL')
        ]
    for acronym in shown:
        expect(index.get_by_role('link', name=acronym, exact=True)).to_be_visible()
    index.get_by_role('link', name='ONUMOZ', exact=True).click()
    page.wait_for_url(f'**{TRACK}')

    # S/RES/898 (1994) authorizes a police component "as an integral part of ONUMOZ": it adjusts the mission.
    police = page.locator('#track-table tbody tr', has=page.get_by_role('rowheader', name='S/RES/898 (1994)'))
    expect(police.locator('td[data-relation]')).to_have_attribute('data-relation', 'adjusts')
    expect(police.locator('td[data-relation]')).to_have_text(
        re.compile(f'^{_translated(language, "adjusts")}', re.IGNORECASE)
    )

    # In force at the end of 1993: the Joint Commission for the new defence force (S/RES/850 op. 9); the mandate of
    # S/RES/797, given "as proposed by the Secretary-General" in his report, is named as missing from the list.
    _show_in_force(page, '1993-12-31')
    defence = page.locator('#in-force-table tbody tr', has_text='component.defence')
    expect(defence).to_have_count(1)
    expect(defence).to_contain_text('S/RES/850')
    notice = page.locator('#by-reference')
    expect(notice.locator('li', has_text='S/RES/797 (1992)')).to_have_count(2)  # op. 1 and 2, "as proposed by"
    expect(notice.locator('li', has_text='S/RES/850 (1993)').first).to_contain_text('S/26034')
    screenshot(page, f'mandates-onumoz-in-force-1993-{language}', full_page=True)

    # Another operation: UNOSOM II, whose resolutions 814 and 865 (1993) give it tasks in its own text.
    page.goto('/mandates/')
    page.locator('table tbody').get_by_role('link', name=shown[2], exact=True).click()
    page.wait_for_url('**/mandates/missions/UNOSOM%20II/')
    _show_in_force(page, '1993-12-31')
    rows = page.locator('#in-force-table tbody tr')
    assert rows.count() >= 5, rows.all_inner_texts()
    expect(page.locator('#in-force-table tbody')).to_contain_text('S/RES/865')
    screenshot(page, f'mandates-unosom-ii-in-force-1993-{language}', full_page=True)


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_mission_record_links_to_its_track_and_documents(page, log_in, screenshot, language):
    log_in(page, 'viewer')
    switch_language(page, language)
    page.goto('/missions/ONUMOZ/')
    documents = page.locator('#mission-documents')
    adjusts = documents.locator('tbody tr', has=page.get_by_role('rowheader', name='S/RES/898 (1994)'))
    expect(adjusts.locator('td[data-relation]')).to_have_attribute('data-relation', 'adjusts')
    expect(documents.locator('tbody tr', has_text='S/RES/797 (1992)').locator('td[data-relation]')).to_have_attribute(
        'data-relation', 'establishes'
    )
    expect(documents.locator('tbody tr', has_text='S/RES/797 (1992)').locator('td').nth(1)).to_have_text(
        _translated(language, 'establishes').capitalize()
    )
    screenshot(page, f'mission-record-onumoz-{language}', full_page=True)
    page.locator('#mission-track-links').get_by_role('link', name=_translated(language, 'Mandate track')).click()
    page.wait_for_url(f'**{TRACK}')
    expect(page.locator('#track-table')).to_contain_text('S/RES/898 (1994)')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_heat_map_has_a_colour_scale(page, log_in, screenshot, language):
    log_in(page, 'analyst')
    switch_language(page, language)
    page.goto(MATRIX)
    legend = page.locator('#heat-legend')
    expect(legend).to_be_visible()
    levels = legend.locator('li')
    assert levels.count() >= 3, levels.all_inner_texts()
    expect(levels.first).to_have_text('0')
    # Every heat level the table uses is on the scale, with the colour the table gives it.
    used = set(page.locator('#matrix-table tbody tr:not(:last-child) td.heat').evaluate_all(
        "cells => cells.map(cell => [...cell.classList].find(name => /^heat-\\d$/.test(name)))"
    ))  # fmt: skip
    shown = {f'heat-{level}' for level in levels.evaluate_all('items => items.map(item => item.dataset.heat)')}
    assert used <= shown, (used, shown)
    swatch = legend.locator('li[data-heat="1"] .heat-swatch')
    cell = page.locator('#matrix-table tbody td.heat-1').first
    colour = 'element => getComputedStyle(element).backgroundColor'
    assert swatch.evaluate(colour) == cell.evaluate(colour)
    screenshot(page, f'mandates-heat-legend-{language}', full_page=True)


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_report_metadata_correction(page, log_in, screenshot, language):
    log_in(page, 'analyst')
    switch_language(page, language)
    page.goto(TRACK)
    page.locator('#track-table').get_by_role('link', name=REPORT_TITLE).click()
    page.wait_for_url(re.compile(r'/documents/\d+/$'))
    document_url = page.url
    page.locator('a[href$="/edit/"]').click()
    page.wait_for_url(re.compile(r'/documents/\d+/edit/$'))

    # A malformed symbol is refused with the symbol checker's message, and nothing is saved.
    page.locator('#id_symbol').fill('S/1994/ABC')
    page.locator('#id_date').fill('1994-04-08')
    page.locator('form.edit-form button[type=submit], form button[type=submit]').last.click()
    expect(page.locator('#id_symbol')).to_have_attribute('aria-invalid', 'true')
    screenshot(page, f'document-metadata-error-{language}', full_page=True)

    page.locator('#id_symbol').fill('S/1994/430')
    page.locator('#id_title').fill('Report of the Secretary-General on ONUMOZ (sample, corrected)')
    page.locator('form button[type=submit]').last.click()
    page.wait_for_url(document_url)
    expect(page.get_by_role('heading', level=1)).to_contain_text('S/1994/430')
    expect(page.get_by_role('heading', level=1)).to_contain_text('Report of the Secretary-General on ONUMOZ')
    expect(page.locator('#paragraph-counts')).to_be_visible()
    screenshot(page, f'document-metadata-corrected-{language}', full_page=True)

    # The correction is in the document's history.
    page.goto(f'{document_url}history/')
    expect(page.locator('main')).to_contain_text('S/1994/430')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_trend_charts_count_in_whole_numbers_and_keep_every_series_visible(page, log_in, screenshot, language):
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'analyst')
    switch_language(page, language)
    page.goto('/mandates/trends/')
    charts = page.locator('canvas[data-chart="line"]')
    expect(charts.first).to_have_attribute('data-chart-state', 'ready')
    problems = []
    for index in range(charts.count()):
        chart = charts.nth(index)
        expect(chart).to_have_attribute('data-chart-state', re.compile('^(ready|empty)$'))
        if chart.get_attribute('data-chart-state') != 'ready':
            continue
        drawn = chart.evaluate(
            """canvas => {
              const chart = Chart.getChart(canvas);
              const values = chart.data.datasets.flatMap(dataset => dataset.data).filter(value => value !== null);
              return {
                counts: values.every(Number.isInteger),
                ticks: chart.scales.y.ticks.map(tick => tick.value),
                looks: chart.data.datasets.map(d => JSON.stringify([d.borderColor, d.borderDash, d.pointStyle])),
              };
            }"""
        )
        if drawn['counts'] and not all(float(tick).is_integer() for tick in drawn['ticks']):
            problems.append(f'chart {index}: ticks {drawn["ticks"]} on counts')
        if len(set(drawn['looks'])) != len(drawn['looks']):
            problems.append(f'chart {index}: two series drawn alike')
    assert not problems, problems
    charts.first.scroll_into_view_if_needed()
    screenshot(page, f'mandates-trends-first-chart-{language}', clip=charts.first.bounding_box())


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_mandate_given_by_reference_is_followed_into_the_stored_report(page, log_in, screenshot, language):
    # The report is the fixture the mandates tests wrote (labelled in its text as not a UN document).
    assert ingest_path(BY_REFERENCE_FIXTURE).status == 'created'
    log_in(page, 'analyst')
    switch_language(page, language)
    page.goto(TRACK + '?date=1994-06-30')
    police = page.locator('#in-force-table tbody tr', has_text='9 (S/1994/89/Add.1)')
    expect(police).to_have_count(1)
    expect(police).to_contain_text('component.police')
    expect(page.locator('#by-reference')).not_to_contain_text('S/RES/898 (1994)')
    police.get_by_role('link', name='S/RES/898 (1994)').click()
    page.wait_for_url(re.compile(r'/documents/\d+/$'))
    panel = page.locator('#given-by-reference')
    expect(panel).to_contain_text('S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 paras. 9-18')
    expect(panel.locator('.badge')).to_have_text(_translated(language, 'followed'))
    screenshot(page, f'mandates-given-by-reference-{language}')
    panel.get_by_role('link', name='S/1994/89/Add.1').click()
    page.wait_for_url(re.compile(r'/documents/\d+/$'))
    expect(page.locator('#given-by-reference')).to_contain_text('S/RES/898 (1994)')
