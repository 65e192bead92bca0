"""The IATI results page of a country on the real D-Portal export (131 results in 99 activities; the 282 activities
that pass the schema bring 122 results, 184 indicators and 100 periods): Nepal's results counted per level, shown
with their activity and publisher, filtered by activity, organisation, result type and measure; who may see it."""

import re

import pytest
from django.urls import reverse

from ssrhub.coordination.iati_store import import_iati
from ssrhub.coordination.models import Activity, Organisation, Result, ResultIndicator, ResultPeriod
from ssrhub.core.roles import Role

DPORTAL = 'iati/dportal-covid-export-2.03.xml'
URL = reverse('monitoring:iati_results', args=['NPL'])


@pytest.fixture(scope='module')
def dportal(module_transaction, django_db_blocker, shared_data):
    with django_db_blocker.unblock():
        return import_iati(shared_data(DPORTAL))


@pytest.fixture
def viewer(dportal, db, client, make_user):
    client.force_login(make_user('viewer', Role.VIEWER))
    return client


def _rows(response) -> list[str]:
    """The table's rows as text, tags and spaces folded."""
    body = response.content.decode()
    table = body[body.index('<tbody', body.index('id="object-table"')) : body.rindex('</tbody>')]
    rows = re.split(r'<tr class="(?:even|odd)"[^>]*>', table)[1:]
    return [' '.join(re.sub(r'<[^>]+>', ' ', row).split()) for row in rows]


def test_the_real_file_brings_its_results_and_nepal_counts_them_per_level(viewer):
    assert (Result.objects.count(), ResultIndicator.objects.count(), ResultPeriod.objects.count()) == (122, 184, 100)
    response = viewer.get(URL)
    assert response.status_code == 200
    assert [(row['label'], row['results'], row['indicators'], row['actuals'], row['activities'])
            for row in response.context['counts']] == [('Outcome', 3, 29, 29, 1), ('Output', 2, 2, 0, 2)]  # fmt: skip
    assert len(_rows(response)) == 25  # the first page of 31 indicators


def test_each_indicator_shows_its_result_measure_baseline_and_periods_and_links_its_activity(viewer):
    activity = Activity.objects.get(iati_identifier='KR-GOV-051-2020080102223')
    response = viewer.get(URL, {'activity': activity.pk})
    assert _rows(response) == [
        f'{activity.title} Office for Government Policy Coordination Output Outputs Qualitative Indicator '
        'Qualitative · higher is better — No period reported.'
    ]
    assert f'href="{activity.get_absolute_url()}"' in response.content.decode()
    saved = Activity.objects.get(iati_identifier='GB-COH-213890-82604802')
    row = _rows(viewer.get(URL, {'activity': saved.pk, 'sort': 'activity'}))[0]
    # Published with ascending="0" and no baseline: "lower is better", a dash.
    assert row.endswith('Unit · lower is better — Period Target Actual 2020-07-06 – 2020-09-06 776.00 0.00')
    assert row.startswith('COVID response Save The Children UK Outcome ')


def test_the_filters_cut_by_organisation_result_type_and_measure(viewer):
    save = Organisation.objects.get(name='Save The Children UK')
    assert len(_rows(viewer.get(URL, {'organisation': save.pk, 'per_page': 50}))) == 29
    assert len(_rows(viewer.get(URL, {'result_type': '1'}))) == 2
    assert len(_rows(viewer.get(URL, {'measure': '5'}))) == 2
    assert _rows(viewer.get(URL, {'result_type': '3'})) == []


def test_the_page_is_in_french_too(viewer):
    response = viewer.get(URL, HTTP_ACCEPT_LANGUAGE='fr')
    body = response.content.decode()
    assert all(
        text in body
        for text in ('Résultats IATI', 'Décompte par niveau', 'Type de résultat', 'Effet', 'plus bas est meilleur')
    )


def test_only_a_role_that_reads_the_workspace_sees_the_page(dportal, db, client, make_user):
    assert client.get(URL)['Location'].startswith(reverse('login'))
    client.force_login(make_user('norole'))
    assert client.get(URL).status_code == 403
