"""The Context tab (statistics, events per year, downloads), the events list and its filters, an event's and a
value's versions, the dashboard panel, the timeline's UCDP entries and the read-only API."""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from ssrhub.core.roles import Role
from ssrhub.monitoring.context_demo import load_context_demo
from ssrhub.monitoring.context_loading import write_versions
from ssrhub.monitoring.models import ConflictEvent, StatisticValue

pytestmark = pytest.mark.django_db

CONTEXT = '/countries/CAF/workspace/context/'
EVENTS = f'{CONTEXT}events/'


@pytest.fixture(scope='module')
def context_demo(module_transaction, django_db_blocker):
    """The demo context (CAF, CIV, LBR), with one LBR value revised by a second load, and a viewer."""
    with django_db_blocker.unblock():
        load_context_demo()
        value = StatisticValue.objects.get(series__code='armed_forces_personnel_total', country__iso3='CAF', year=2000)
        new = StatisticValue(series=value.series, country=value.country, year=2000, value=value.value + 500,
                             load=value.load)  # fmt: skip
        write_versions(StatisticValue, [new], [(value, new)], None, 'test revision')
        user = get_user_model().objects.create_user('context-viewer', password='x')
        user.groups.add(Group.objects.get(name=Role.VIEWER))
        return {'user': user, 'old': value, 'new': new}


@pytest.fixture
def viewer(context_demo):
    client = Client()
    client.force_login(context_demo['user'])
    return client


def text(response) -> str:
    return re.sub(r'\s+', ' ', response.content.decode())


def test_the_context_tab_shows_each_series_with_its_chart_and_table_and_the_events_per_year(viewer, context_demo):
    page = text(viewer.get(CONTEXT))
    assert page.count('class="context-chart"') == 4
    assert 'id="statistics-table"' in page and 'Gapminder, based on World Bank WDI' in page
    assert 'Stockholm International Peace Research Institute (SIPRI)' in page
    # the revised value is marked, in the table and as a hollow dot in the chart
    row = re.search(r'<tr><th scope="row">2000</th>(.*?)</tr>', page).group(1)
    assert 'revised' in row and f'{context_demo["new"].get_absolute_url()}' in row
    assert 'class="revised"' in page
    years = re.search(r'<table [^>]*id="event-years">(.*?)</table>', page).group(1)
    assert '>2014</a>' in years and '6 events' not in years  # per year, not all at once
    assert 'All 6 events' in page


def test_the_statistics_download_gives_each_value_with_its_source_and_year(viewer):
    response = viewer.get(f'{CONTEXT}statistics.csv')
    rows = list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))
    total = [row for row in rows if row['Code'] == 'armed_forces_personnel_total']
    assert len(total) == 32
    revised = next(row for row in total if row['Year'] == '2000')
    assert revised['Revised'] == 'true' and revised['Source'] == 'Gapminder, based on World Bank WDI'
    assert {row['Licence'] for row in rows} == {'CC BY 4.0'}
    assert viewer.get(f'{CONTEXT}statistics.xlsx')['Content-Type'].startswith('application/vnd.openxmlformats')
    assert viewer.get(f'{CONTEXT}statistics.pdf').status_code == 404


def test_a_revised_value_shows_every_version(viewer, context_demo):
    old, new = context_demo['old'], context_demo['new']
    page = text(viewer.get(old.get_absolute_url()))
    assert 'id="superseded"' in page and new.get_absolute_url() in page
    versions = re.search(r'id="value-versions">(.*?)</table>', page).group(1)
    assert versions.count('<tr') == 3  # header and two versions
    assert 'id="superseded"' not in text(viewer.get(new.get_absolute_url()))


def test_the_events_list_filters_by_year_type_area_and_deaths(viewer):
    def rows(query=''):
        return text(viewer.get(f'{EVENTS}{query}')).count('/workspace/context/events/') - 1  # the form's own action

    every = rows()
    assert every >= 6
    assert rows('?year=2014') < every
    assert (
        rows('?type_of_violence=3') + rows('?type_of_violence=1') + rows('?type_of_violence=2') == 3 * (every - 6) + 6
    )
    event = ConflictEvent.objects.filter(country__iso3='CAF').exclude(adm_1='').first()
    page = text(viewer.get(f'{EVENTS}?adm_1={event.adm_1}'))
    assert event.get_absolute_url() in page
    assert 'Clear filters' in page
    many = ConflictEvent.objects.filter(country__iso3='CAF', best__gte=9)
    page = text(viewer.get(f'{EVENTS}?min_deaths=9'))
    assert all(e.get_absolute_url() in page for e in many)
    assert not any(e.get_absolute_url() in page for e in ConflictEvent.objects.filter(country__iso3='CAF', best__lt=9))


def test_an_event_page_gives_what_ucdp_says_with_precision_and_source(viewer):
    event = ConflictEvent.objects.filter(country__iso3='CAF').order_by('-best').first()
    page = text(viewer.get(event.get_absolute_url()))
    assert event.side_a in page and event.side_b in page
    assert event.get_date_precision_display() in page and event.get_type_of_violence_display() in page
    assert f'event {event.ucdp_id} ({event.relid})' in page and 'GED 23.1' in page
    with translation.override('fr'):
        page = text(viewer.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE='fr'))
    assert 'Type de violence' in page


def test_an_event_of_another_country_is_not_found_under_this_one(viewer):
    event = ConflictEvent.objects.filter(country__iso3='LBR').first()
    assert viewer.get(f'{EVENTS}{event.pk}/').status_code == 404


def test_the_dashboard_shows_the_context_panel(viewer):
    page = text(viewer.get('/countries/CAF/workspace/'))
    panel = re.search(r'<section [^>]*id="panel-context">(.*?)</section>', page).group(1)
    assert panel.count('class="context-chart"') == 4 and 'id="event-years"' in panel
    assert 'id="panel-context-table"' in panel and EVENTS in panel


def test_the_timeline_shows_ucdp_events_per_month_apart_from_the_countrys_events(viewer):
    page = text(viewer.get('/countries/CAF/workspace/timeline/'))
    section = re.search(r'<section [^>]*id="context-ucdp">(.*?)</section>', page).group(1)
    assert 'One entry per month' in section and 'GED 23.1' in section
    chart = viewer.get('/countries/CAF/workspace/timeline/chart.json').json()
    points = [point for point in chart['points'] if point['lane'] == 'ucdp']
    months = {e.date_start.replace(day=1) for e in ConflictEvent.objects.filter(country__iso3='CAF')}
    assert len(points) == len(months) and all(point['category'] == 'ucdp' for point in points)
    assert {'key': 'ucdp', 'label': 'Conflict events (UCDP)', 'look': 'terminates'} in chart['categories']


def test_the_api_reads_series_values_and_events(viewer):
    series = viewer.get('/api/monitoring/statistic-series/').json()
    assert {row['code'] for row in series['results']} >= {
        'battle_deaths_per_100_000',
        'military_expenditure_percent_of_gdp',
    }
    values = viewer.get('/api/monitoring/statistic-values/?country=CAF&series=armed_forces_personnel_total&year=2000')
    assert [row['valid_until'] is None for row in values.json()['results']] == [False, True]
    current = viewer.get('/api/monitoring/statistic-values/?country=CAF&year=2000&current=true').json()['results']
    assert all(row['valid_until'] is None for row in current)
    events = viewer.get('/api/monitoring/conflict-events/?country=CIV').json()
    assert events['count'] == 3 and events['results'][0]['release'] == 'GED 23.1'
    assert viewer.post('/api/monitoring/conflict-events/', {}).status_code in {403, 405}  # read-only
