"""Country SSR workspaces of the demo: an editor walks Liberia from its engagement to its plan's alignment and downloads
the brief; a viewer reads the Central African Republic's documents (Table 7.1) and timeline; the Ivorian brief in
French.

The demo data (``ssrhub setup --demo``, ``ssrhub/countries/data/demo/*.yaml``) loads three workspaces: CAF, CIV and
LBR. Liberia's 2008 National Security Strategy names four threats that no step of its Implementation Schedule
answers; the Central African Republic keeps Table 7.1's pending documents and the two dates of the CEM-RCA signing.
French wording is not checked: the catalogue is being completed.
"""

import re
import unicodedata
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

LIBERIA = '/countries/LBR/workspace/'
CAR = '/countries/CAF/workspace/'
SCHEDULE = 'Implementation Schedule of the National Security Strategy (ISL)'
LIBERIA_STRATEGY = 'National Security Strategy of the Republic of Liberia (2008)'
THREATS = (
    'Land and property disputes',
    'Ethnic tensions',
    'Poverty and unemployment',
    'Poor management of natural resources',
)
SKIP_REASON = 'No mapping of the sector before the 2008 strategy; the Governance Commission assessed it instead.'
STATUS_NOTE = 'Budget prepared with the expenditure review'
SSR_STRATEGY = 'National SSR Strategy 2017-2022'
# Table 7.1's pending items and the status the demo gives each.
PENDING = {
    'Law on the National Security Policy': 'Not yet drafted',
    'Revised legal framework of the Higher Council for National Defence': 'Not yet drafted',
    'Sector development plans based on the National SSR Strategy': 'Being drafted',
    'Organic law on the gendarmerie': 'Being drafted',
}
CEM_RCA = 'Framework of Mutual Engagement (CEM-RCA) signed in Brussels'


def tab(page, name: str):
    page.locator('#workspace-tabs').get_by_role('link', name=name, exact=True).click()


def pdf_text(content: bytes) -> str:
    """The PDF's text, NFC-normalised, with runs of white space made single spaces (a table cell may wrap)."""
    text = ' '.join(page.extract_text() or '' for page in PdfReader(BytesIO(content)).pages)
    return ' '.join(unicodedata.normalize('NFC', text).split())


def test_liberia_from_engagement_to_plan_alignment_and_brief(page, log_in, screenshot, axe_violations):
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'editor')

    # Dashboard: the lifecycle and the documents.
    page.goto(LIBERIA)
    expect(page.get_by_role('heading', level=1)).to_contain_text('Liberia')
    expect(page.locator('#lifecycle-heading ~ ol.lifecycle > li')).to_have_count(12)
    expect(page.locator('#status-counts dd[data-status="done"]')).to_have_text('1')
    expect(page.get_by_role('link', name=SCHEDULE)).to_be_visible()
    screenshot(page, 'workspace-lbr-dashboard', full_page=True)
    assert not axe_violations(page)

    # Engagement: twelve stages; mapping is recorded as skipped, first without its reason.
    tab(page, 'Engagement')
    page.wait_for_url(f'**{LIBERIA}engagement/')
    expect(page.locator('ol.lifecycle > li')).to_have_count(12)
    stages = page.locator('#stages-table tbody tr')
    expect(stages).to_have_count(12)
    mapping = page.locator('#stages-table tr[data-stage="mapping"]')
    expect(mapping).to_contain_text('not recorded')
    mapping.get_by_role('link', name=re.compile('^(Record|Edit) ')).click()
    page.wait_for_url(f'**{LIBERIA}engagement/stages/mapping/')
    form = page.locator('#workspace-form')
    form.get_by_label('Status').select_option('skipped')
    form.get_by_role('button', name='Save').click()
    alert = form.get_by_role('alert')
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text('Say why the stage was skipped.')
    expect(form.get_by_label('Reason for skipping')).to_have_attribute('aria-invalid', 'true')
    assert not axe_violations(page)
    form.get_by_label('Reason for skipping').fill(SKIP_REASON)
    form.get_by_role('button', name='Save').click()
    page.wait_for_url(f'**{LIBERIA}engagement/')
    mapping = page.locator('#stages-table tr[data-stage="mapping"]')
    expect(mapping.locator('td').first).to_have_text('Skipped')
    expect(mapping).to_contain_text(SKIP_REASON)
    expect(mapping).to_have_class(re.compile(r'\btable-warning\b'))
    expect(page.locator('ol.lifecycle > li').nth(2)).to_have_class(re.compile(r'\bstage-skipped\b'))
    screenshot(page, 'workspace-lbr-engagement', full_page=True)
    assert not axe_violations(page)  # the skipped stage's yellow row included

    # Security sector: the map is drawn above the tables of actors.
    tab(page, 'Security sector')
    page.wait_for_url(f'**{LIBERIA}actors/')
    graph = page.locator('#actor-graph')
    expect(graph).to_have_attribute('data-graph-state', 'ready')
    expect(page.locator('#actor-graph-section')).to_be_visible()
    assert graph.locator('canvas').count() >= 1
    actors = page.locator('table.actor-table tr[id^="actor-"]')
    expect(actors).to_have_count(13)
    assert page.evaluate("document.getElementById('actor-graph').cytoscape.nodes('[!isArea]').length") == 13
    for name in ('Armed Forces of Liberia', 'Liberian National Police', 'National Security Council'):
        expect(actors.filter(has_text=name)).to_have_count(1)
    screenshot(page, 'workspace-lbr-actors', full_page=True)
    assert not axe_violations(page)

    # Policy, strategy, plans: the Implementation Schedule answers none of the strategy's four threats.
    tab(page, 'Policy, strategy, plans')
    page.wait_for_url(f'**{LIBERIA}documents/')
    page.get_by_role('link', name=SCHEDULE).click()
    page.wait_for_url(re.compile(r'/countries/LBR/workspace/documents/\d+/$'))
    expect(page.get_by_role('heading', level=2)).to_contain_text(SCHEDULE)
    expect(page.get_by_role('link', name=LIBERIA_STRATEGY)).to_be_visible()
    uncovered = page.locator('#findings li[data-check="alignment"]')
    expect(uncovered).to_have_count(len(THREATS))
    for title in THREATS:
        finding = page.locator('#findings .finding-group', has_text=title).locator('li[data-check="alignment"]')
        expect(finding).to_have_count(1)
        expect(finding.locator('.badge')).to_have_text('Unanswered')
        expect(finding).to_contain_text('No action answers this threat')
    threats = page.locator('#threats li')
    expect(threats).to_have_count(len(THREATS))
    for title in THREATS:
        expect(threats.filter(has_text=title).locator('.badge')).to_have_text('no owned, timed, costed action')

    # The inline status form records a dated status; the action's history shows it.
    budget = page.locator('#actions-table tbody tr', has_text='Prepare a security sector budget')
    expect(budget).to_have_attribute('data-status', 'not-started')
    expect(budget.locator('details')).to_have_count(0)
    budget.get_by_label('As of').fill('2012-07-01')
    budget.get_by_label('Status', exact=True).select_option('on-track')
    budget.get_by_label('Note').fill(STATUS_NOTE)
    budget.get_by_role('button', name=re.compile('^Record ')).click()
    page.wait_for_url(re.compile(r'/documents/\d+/#action-\d+$'))
    budget = page.locator('#actions-table tbody tr', has_text='Prepare a security sector budget')
    expect(budget).to_have_attribute('data-status', 'on-track')
    budget.locator('details summary').click()
    expect(budget.locator('details li')).to_have_text(f'2012-07-01: On track ({STATUS_NOTE})')
    expect(uncovered).to_have_count(len(THREATS))  # a status answers no threat
    screenshot(page, 'workspace-lbr-schedule', full_page=True)
    assert not axe_violations(page)

    # Brief: its sections, then its PDF.
    tab(page, 'Brief')
    page.wait_for_url(f'**{LIBERIA}brief/')
    brief = page.locator('.brief')
    expect(brief).to_have_attribute('lang', 'en')
    expect(brief.locator('.brief-section')).to_have_count(5)
    for heading in ('brief-engagement', 'brief-map', 'brief-plans', 'brief-assessment', 'brief-timeline'):
        expect(brief.locator(f'#{heading}')).to_be_visible()
    expect(brief.locator('.brief-stages > li')).to_have_count(12)
    expect(brief.locator('.brief-stages > li.stage-skipped')).to_contain_text('Skipped')
    expect(brief.locator('svg[aria-labelledby="brief-map-title"] rect')).to_have_count(13)
    schedule = brief.locator('.brief-table tbody tr', has_text=SCHEDULE)
    expect(schedule).to_contain_text('4 threats or objectives without an owned, timed, costed action')
    expect(schedule).to_contain_text('On track: 1')
    assert brief.locator('svg[aria-labelledby="brief-timeline-title"] circle').count() > 0
    screenshot(page, 'workspace-lbr-brief', full_page=True)
    assert not axe_violations(page)

    with page.expect_download() as info:
        page.get_by_role('link', name='Download the PDF').click()
    download = info.value
    assert download.suggested_filename.endswith('.pdf'), download.suggested_filename
    assert download.suggested_filename.startswith('ssrhub-brief-LBR-en-'), download.suggested_filename
    content = download.path().read_bytes()
    assert content.startswith(b'%PDF'), content[:16]
    text = pdf_text(content)
    assert 'Liberia' in text
    assert 'Implementation Schedule' in text


def test_car_documents_show_table_7_1_pending_items_to_a_viewer(page, log_in, screenshot, axe_violations):
    log_in(page, 'viewer')
    page.goto(CAR)
    watch = page.locator('#document-flags li', has=page.get_by_role('link', name=SSR_STRATEGY, exact=True))
    expect(watch.locator('.badge')).to_have_text('Adopted, not implemented')

    tab(page, 'Policy, strategy, plans')
    page.wait_for_url(f'**{CAR}documents/')
    rows = page.locator('#documents-table tbody tr')

    def row(title):
        return rows.filter(has=page.get_by_role('link', name=title, exact=True))

    strategy = row(SSR_STRATEGY)
    expect(strategy.locator('td').nth(1)).to_have_text('Adopted')
    expect(strategy.locator('td').last.locator('.badge')).to_have_text('Adopted, not implemented')
    expect(strategy.locator('td').last).to_contain_text(
        re.compile(r'Adopted about \d+ years ago \(2017-03-10\), but .*no document implementing it is under way\.')
    )
    for title, status in PENDING.items():
        pending = row(title)
        expect(pending).to_have_count(1)
        expect(pending.locator('td').nth(1)).to_have_text(status)
    # The sector plans are listed under the strategy they are drawn from.
    titles = [text.strip() for text in rows.locator('th a').all_inner_texts()]
    plans = 'Sector development plans based on the National SSR Strategy'
    assert titles.index(SSR_STRATEGY) < titles.index(plans), titles
    expect(row(plans).locator('th')).to_contain_text('↳')

    # A viewer reads only: no link or form to change anything.
    main = page.locator('main')
    expect(main.locator('a[href$="/edit/"], a[href$="/add/"]')).to_have_count(0)
    expect(main.locator('form[method="post"]')).to_have_count(0)
    screenshot(page, 'workspace-caf-documents', full_page=True)
    assert not axe_violations(page)

    row(SSR_STRATEGY).get_by_role('link', name=SSR_STRATEGY).click()
    page.wait_for_url(re.compile(r'/countries/CAF/workspace/documents/\d+/$'))
    expect(main.locator('a[href$="/edit/"], a[href*="/add/"]')).to_have_count(0)
    expect(main.locator('form.status-form')).to_have_count(0)
    response = page.goto(f'{page.url}edit/')
    assert response.status == 403, response.status


def test_car_timeline_keeps_both_dates_of_the_cem_rca(page, log_in, screenshot, axe_violations):
    page.emulate_media(reduced_motion='reduce')  # charts.js then draws without animation: stable screenshots
    log_in(page, 'viewer')
    page.goto(f'{CAR}timeline/')
    expect(page.locator('canvas[data-chart="timeline"]')).to_have_attribute('data-chart-state', 'ready')
    event = page.locator('#timeline-table tbody tr', has_text=CEM_RCA)
    expect(event).to_have_count(1)
    expect(event).to_have_attribute('data-disputed', 'true')
    dates = event.locator('td').first
    expect(dates.locator('time')).to_have_text(['16 November 2016', '17 November 2016'])
    assert [dates.locator('time').nth(i).get_attribute('datetime') for i in range(2)] == ['2016-11-16', '2016-11-17']
    expect(dates.locator('[data-disagree="true"]')).to_have_text(re.compile('sources disagree'))
    screenshot(page, 'workspace-caf-timeline', full_page=True)
    assert not axe_violations(page)


def test_ivorian_brief_in_french(page, log_in, screenshot):
    log_in(page, 'viewer')
    page.goto('/countries/CIV/workspace/brief/?lang=fr')
    expect(page.locator('.brief')).to_have_attribute('lang', 'fr')
    expect(page.locator('.brief .brief-section')).to_have_count(5)
    # Coordinates stay plain numbers: a French decimal comma (x="53,8") would make SVG read a list of positions.
    coordinates = page.evaluate(
        """() => [...document.querySelectorAll('.brief svg.brief-figure *')].flatMap((element) =>
            ['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'width', 'height']
                .filter((name) => element.hasAttribute(name))
                .map((name) => `${element.tagName} ${name}="${element.getAttribute(name)}"`))"""
    )
    assert coordinates
    invalid = [item for item in coordinates if not re.fullmatch(r'\S+ \w+="-?\d+(\.\d+)?%?"', item)]
    assert not invalid, invalid[:10]
    link = page.locator('#brief-pdf')
    expect(link).to_have_attribute('href', re.compile(r'/countries/CIV/workspace/brief\.pdf\?lang=fr$'))
    screenshot(page, 'workspace-civ-brief-fr', full_page=True)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.startswith('ssrhub-brief-CIV-fr-'), download.suggested_filename
    assert download.suggested_filename.endswith('.pdf'), download.suggested_filename
    content = download.path().read_bytes()
    assert content.startswith(b'%PDF'), content[:16]
    assert 'Côte d' in pdf_text(content)
