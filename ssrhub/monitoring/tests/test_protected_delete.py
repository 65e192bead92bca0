"""A period that actual reports refer to (``PROTECT``) is not deleted from its delete page: the editor is sent back to
the indicator with a message counting the reports and linking the first three, in English and French; the API's 409
says the same count."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ssrhub.core.roles import Role
from ssrhub.monitoring.models import ActualReport, IndicatorPeriod

from .actuals_data import make_indicator, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    period = make_indicator().periods.get(label='2024')
    for name in ('Liberia National Police', 'Ministry of Justice', 'Bureau of Corrections', 'Immigration Service'):
        ActualReport.objects.create(period=period, organisation=organisation(name))
    return period


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('lbr-editor', Role.COUNTRY_EDITOR, ('LBR',)))
    return client


def refused(editor, period, **headers):
    url = reverse('monitoring:period_delete', args=['LBR', period.pk])
    response = editor.post(url, **headers)
    assert response.status_code == 302
    assert response['Location'] == f'{period.indicator.get_absolute_url()}#periods'
    assert IndicatorPeriod.objects.filter(pk=period.pk).exists()
    assert ActualReport.objects.filter(period=period).count() == 4
    return editor.get(period.indicator.get_absolute_url(), **headers).content.decode()


def test_a_period_with_actual_reports_is_not_deleted_and_the_page_says_why(editor, period):
    page = refused(editor, period)
    first = ActualReport.objects.filter(period=period).order_by('pk').first()
    assert 'This record cannot be deleted while other records refer to it: 4 actual reports (' in page
    assert f'<a href="{first.get_absolute_url()}">{first}</a>' in page
    assert page.count('href="/countries/LBR/workspace/monitoring/actuals/') >= 3
    assert ', …).' in page  # three of the four named


def test_the_refusal_is_in_french(editor, period):
    page = refused(editor, period, HTTP_ACCEPT_LANGUAGE='fr')
    assert 'Cette fiche ne peut pas être supprimée' in page
    assert '4 rapports de valeurs réelles (' in page


def test_the_api_counts_the_same_records(make_user, period):
    api = APIClient()
    api.force_authenticate(make_user('api-editor', Role.COUNTRY_EDITOR, ('LBR',)))
    response = api.delete(f'/api/monitoring/indicator-periods/{period.pk}/')
    assert response.status_code == 409, response.content
    detail = response.json()['detail']
    assert detail == 'This record cannot be deleted while other records refer to it: 4 actual reports.'
    assert IndicatorPeriod.objects.filter(pk=period.pk).exists()
