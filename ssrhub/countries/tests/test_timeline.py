"""Timeline pages: events by date, every source's date with a "sources disagree" badge, the chart JSON, exports,
adding events and dated sources.

The content is the Central African Republic from chapter 7 of the source book, which gives two days for the
signing of the Framework of Mutual Engagement (CEM-RCA): 17 November 2016 in its text, 16 November 2016 in
Table 7.1; Table 7.2 only says November 2016.
"""

import csv
import io
import json
from datetime import date

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType

from ssrhub.core.models import Country, SourceCitation
from ssrhub.core.roles import Role
from ssrhub.countries.models import EventDate, EventKind, TimelineEvent

pytestmark = pytest.mark.django_db

CAR = '/countries/CAF/workspace/'
TIMELINE = f'{CAR}timeline/'


def add_date(event, on, precision='day', source='', **citation):
    dated = EventDate.objects.create(event=event, date=on, precision=precision, source=source)
    if citation:
        SourceCitation.objects.create(
            content_type=ContentType.objects.get_for_model(EventDate), object_id=dated.pk, **citation
        )
    return dated


def make_car_timeline():
    country = Country.objects.get(iso3='CAF')

    def event(kind, title, description=''):
        return TimelineEvent.objects.create(country=country, kind=kind, title=title, description=description)

    cem = event(
        EventKind.AGREEMENT,
        'Framework of Mutual Engagement (CEM-RCA) signed',
        'Signed in Brussels by President Touadéra and the Deputy Secretary-General.',
    )
    add_date(cem, date(2016, 11, 17), source='Chapter 7 text', book_chapter=7, book_lines='1617')
    add_date(cem, date(2016, 11, 16), source='Table 7.1', book_chapter=7, book_lines='1635')
    add_date(cem, date(2016, 11, 1), 'month', source='Table 7.2', book_chapter=7, book_lines='1744')
    nsp = event(EventKind.LAW, 'National Security Policy adopted by the Council of Ministers')
    add_date(nsp, date(2017, 2, 2), source='Chapter 7 text', book_chapter=7, book_lines='1623')
    add_date(nsp, date(2017, 2, 2), source='Table 7.1', book_chapter=7, book_lines='1637')
    seleka = event(EventKind.COUP, 'Séléka coup led by Michel Djotodia')
    add_date(seleka, date(2013, 3, 1), 'month', source='Table 7.2', book_chapter=7, book_lines='1740')
    minusca = event(EventKind.DEPLOYMENT, 'MINUSCA deployed')
    add_date(minusca, date(2014, 9, 1), 'month', symbol='S/RES/2149 (2014)')
    agreement = event(EventKind.AGREEMENT, 'Political Agreement for Peace and Reconciliation signed in Bangui')
    add_date(agreement, date(2019, 2, 6), source='Chapter 7 text', book_chapter=7, book_lines='1629')
    return {'cem': cem, 'nsp': nsp, 'seleka': seleka, 'minusca': minusca, 'agreement': agreement}


@pytest.fixture
def car():
    return make_car_timeline()


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('bangui', Role.COUNTRY_EDITOR, countries=('CAF',)))
    return client


def row(page, event):
    return page.split(f'id="event-{event.pk}"')[1].split('</tr>')[0]


# Section: access


def test_pages_need_an_account_and_a_role(client, make_user, car):
    cem = car['cem']
    reads = [TIMELINE, f'{CAR}timeline/chart.json', f'{CAR}timeline.json', f'{CAR}timeline.csv']
    edits = [f'{TIMELINE}events/add/', f'{TIMELINE}events/{cem.pk}/edit/', f'{TIMELINE}events/{cem.pk}/dates/add/']
    for url in reads + edits:
        assert client.get(url)['Location'].startswith('/accounts/login/'), url
    client.force_login(make_user('nobody'))
    for url in reads + edits:
        assert client.get(url).status_code == 403, url


def test_a_viewer_and_an_editor_of_another_country_read_only(client, make_user, car):
    cem = car['cem']
    edits = [f'{TIMELINE}events/add/', f'{TIMELINE}events/{cem.pk}/edit/', f'{TIMELINE}events/{cem.pk}/dates/add/']
    for user in (make_user('reader', Role.VIEWER), make_user('abidjan', Role.COUNTRY_EDITOR, countries=('CIV',))):
        client.force_login(user)
        page = client.get(TIMELINE).content.decode()
        assert cem.title in page and 'events/add/' not in page and 'dates/add/' not in page
        for url in edits:
            assert client.get(url).status_code == 403, url
        assert client.post(f'{TIMELINE}events/{cem.pk}/dates/add/', {'date': '2016-11-18'}).status_code == 403
    assert cem.dates.count() == 3


# Section: the page


def test_events_are_listed_by_earliest_date_with_kind_and_sources(viewer, car):
    page = viewer.get(TIMELINE).content.decode()
    table = page.split('id="timeline-table"')[1].split('</table>')[0]
    order = [car[key].title for key in ('seleka', 'minusca', 'cem', 'nsp', 'agreement')]
    positions = [table.index(title) for title in order]
    assert positions == sorted(positions)
    assert 'Coup or attempted coup' in row(page, car['seleka']) and 'March 2013' in row(page, car['seleka'])
    assert 'S/RES/2149 (2014)' in row(page, car['minusca'])
    assert '5 events.' in page


def test_disagreeing_sources_show_every_date_with_its_source_and_a_badge(viewer, car):
    page = viewer.get(TIMELINE).content.decode()
    cem = row(page, car['cem'])
    assert 'data-disputed="true"' in cem and 'sources disagree' in cem
    for iso, text, source in [
        ('2016-11-16', '16 November 2016', 'Table 7.1'),
        ('2016-11-17', '17 November 2016', 'Chapter 7 text'),
        ('2016-11', 'November 2016', 'Table 7.2'),
    ]:
        assert f'<time datetime="{iso}">{text}</time>' in cem
        source_line = cem.split(f'<li data-date="{iso}">')[1].split('</li>')[0]
        assert source in source_line
    assert 'lines 1635' in cem.split('<li data-date="2016-11-16">')[1].split('</li>')[0]
    # Two sources giving the same day agree: one date, both sources, no badge.
    nsp = row(page, car['nsp'])
    assert 'sources disagree' not in nsp and nsp.count('<li data-date="2017-02-02">') == 2
    assert 'For 1 of them the sources give different dates' in page


def test_the_page_loads_the_chart_and_keeps_the_table(viewer, car):
    page = viewer.get(TIMELINE).content.decode()
    assert 'data-chart="timeline"' in page and f'data-chart-src="{CAR}timeline/chart.json"' in page
    assert 'chartjs/chart.umd.min.js' in page and 'ssrhub/charts.js' in page
    assert '<caption class="visually-hidden">' in page


# Section: chart JSON


def test_json_follows_the_timeline_contract(viewer, car):
    data = viewer.get(f'{CAR}timeline/chart.json').json()
    assert data['kind'] == 'timeline'
    lanes = [lane['key'] for lane in data['lanes']]
    assert lanes == ['coup', 'agreement', 'law', 'deployment']  # event kinds in their order, only those used
    assert all(lane['label'] for lane in data['lanes'])
    assert {point['lane'] for point in data['points']} <= set(lanes)
    categories = {category['key'] for category in data['categories']}
    assert {point['category'] for point in data['points']} <= categories
    for point in data['points']:
        assert set(point) == {'lane', 'date', 'label', 'url', 'category'}
        assert point['url'].startswith(f'{TIMELINE}#event-')
    cem = [point for point in data['points'] if point['url'].endswith(f'#event-{car["cem"].pk}')]
    assert sorted(point['date'] for point in cem) == ['2016-11', '2016-11-16', '2016-11-17']  # a point per date
    assert len({point['category'] for point in cem}) == 1 and 'sources disagree' in cem[0]['label']
    nsp = [point for point in data['points'] if point['url'].endswith(f'#event-{car["nsp"].pk}')]
    assert [point['date'] for point in nsp] == ['2017-02-02'] and nsp[0]['category'] != cem[0]['category']
    seleka = next(point for point in data['points'] if point['lane'] == 'coup')
    assert seleka['date'] == '2013-03'


def test_json_of_an_empty_timeline(viewer):
    data = viewer.get(f'{CAR}timeline/chart.json').json()
    assert data['kind'] == 'timeline' and data['lanes'] == [] and data['points'] == []


# Section: exports


def test_exports_have_one_row_per_dated_source(viewer, car):
    response = viewer.get(f'{CAR}timeline.csv')
    assert response.status_code == 200 and 'CAF-timeline.csv' in response['Content-Disposition']
    rows = list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))
    assert len(rows) == 8
    cem = [r for r in rows if r['Event'] == car['cem'].title]
    assert sorted(r['Date'] for r in cem) == ['2016-11', '2016-11-16', '2016-11-17']
    assert all(r['Sources disagree'] == 'true' for r in cem)
    assert cem[0]['Every date given'].startswith('2016-11 (Table 7.2; ')
    assert ' | 2016-11-16 (Table 7.1; ' in cem[0]['Every date given']
    nsp = [r for r in rows if r['Event'] == car['nsp'].title]
    assert {r['Sources disagree'] for r in nsp} == {'false'}

    workbook = openpyxl.load_workbook(io.BytesIO(viewer.get(f'{CAR}timeline.xlsx').content))
    assert workbook.active.max_row == 9
    download = viewer.get(f'{CAR}timeline.json')
    assert 'attachment' in download['Content-Disposition']
    data = json.loads(download.content)
    assert len(data) == 8 and {'event', 'date', 'source', 'sources_disagree'} <= set(data[0])
    assert viewer.get(f'{CAR}timeline.pdf').status_code == 400


# Section: editing


def test_an_editor_adds_an_event_with_its_first_dated_source(editor):
    data = {
        'kind': 'law',
        'title': 'National SSR Strategy endorsed by the Strategic Committee',
        'description': '',
        'date': '2017-03-10',
        'source': 'Table 7.1',
        'book_chapter': '7',
        'book_lines': '1639',
    }
    response = editor.post(f'{TIMELINE}events/add/', data)
    assert response.status_code == 302
    event = TimelineEvent.objects.get()
    assert response['Location'] == f'{TIMELINE}#event-{event.pk}'
    dated = event.dates.get()
    assert dated.date == date(2017, 3, 10) and dated.source == 'Table 7.1'
    assert [citation.text for citation in dated.citations.all()] == [
        'Ebo & Hänggi (eds.), The United Nations and Security Sector Reform: Policy and Practice, DCAF/LIT 2020, '
        'ch. 7, lines 1639'
    ]


def test_an_event_needs_a_dated_source(editor):
    data = {'kind': 'law', 'title': 'Military Justice Code adopted', 'date': 'March 2017'}
    response = editor.post(f'{TIMELINE}events/add/', data)
    assert response.status_code == 400
    assert 'Say where this date comes from' in response.content.decode()
    data['paragraph'] = '12'  # a paragraph alone cites nothing
    response = editor.post(f'{TIMELINE}events/add/', data)
    assert response.status_code == 400
    assert 'A citation needs a document symbol, a book chapter or a URL.' in response.content.decode()
    assert not TimelineEvent.objects.exists()
    data.update(paragraph='', source='Table 7.1')
    assert editor.post(f'{TIMELINE}events/add/', data).status_code == 302
    dated = EventDate.objects.get()
    assert (dated.date, dated.precision) == (date(2017, 3, 1), 'month')  # a month is kept as its first day


def test_adding_a_dated_source_keeps_the_other_dates(editor):
    country = Country.objects.get(iso3='CAF')
    cem = TimelineEvent.objects.create(country=country, kind='agreement', title='CEM-RCA signed')
    add_date(cem, date(2016, 11, 16), source='Table 7.1', book_chapter=7, book_lines='1635')
    page = editor.get(TIMELINE).content.decode()
    assert 'sources disagree' not in row(page, cem)
    form = editor.get(f'{TIMELINE}events/{cem.pk}/dates/add/').content.decode()
    assert '16 November 2016' in form
    response = editor.post(
        f'{TIMELINE}events/{cem.pk}/dates/add/',
        {
            'date': '2016-11-17',
            'source': 'Chapter 7 text',
            'book_chapter': '7',
            'book_lines': '1617',
        },
    )
    assert response.status_code == 302
    assert sorted(cem.dates.values_list('date', flat=True)) == [date(2016, 11, 16), date(2016, 11, 17)]
    page = editor.get(TIMELINE).content.decode()
    assert 'sources disagree' in row(page, cem)
    assert 'Added the date 2016-11-17 to CEM-RCA signed.' in page


def test_editing_an_event_leaves_its_dates_alone(editor, car):
    cem = car['cem']
    form = editor.get(f'{TIMELINE}events/{cem.pk}/edit/').content.decode()
    assert 'name="date"' not in form
    data = {'kind': 'agreement', 'title': 'Framework of Mutual Engagement signed in Brussels', 'description': ''}
    assert editor.post(f'{TIMELINE}events/{cem.pk}/edit/', data).status_code == 302
    cem.refresh_from_db()
    assert cem.title == 'Framework of Mutual Engagement signed in Brussels' and cem.dates.count() == 3


def test_an_event_of_another_country_is_not_found_here(editor):
    ivorian = TimelineEvent.objects.create(
        country=Country.objects.get(iso3='CIV'), kind='law', title='National SSR strategy adopted'
    )
    assert editor.get(f'{TIMELINE}events/{ivorian.pk}/dates/add/').status_code == 404
