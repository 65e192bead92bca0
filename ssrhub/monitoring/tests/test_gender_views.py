"""The Gender page of a country workspace on real records: headcounts with and without the number of women, a
target, activities with and without the gender marker (money per currency), and an indicator disaggregated by sex
whose approved report counts and whose draft does not."""

import datetime
import html as entities
import re
from decimal import Decimal

import pytest

from ssrhub.coordination.models import Activity, ActivityPolicyMarker, Organisation, Transaction
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Actor, Headcount, WomenShareTarget
from ssrhub.monitoring.models import ActualReport, ActualValue

from .actuals_data import make_indicator, organisation, sex

pytestmark = pytest.mark.django_db

PAGE = '/countries/LBR/workspace/gender/'


def _text(html: str) -> str:
    return re.sub(r'\s+', ' ', entities.unescape(re.sub(r'<[^>]+>', ' ', html)))


@pytest.fixture
def records():
    liberia = Country.objects.get(iso3='LBR')
    police = Actor.objects.create(
        country=liberia, name='Liberia National Police', area='core-security-actors', type='police'
    )
    army = Actor.objects.create(
        country=liberia, name='Armed Forces of Liberia', area='core-security-actors', type='defence'
    )
    Headcount.objects.create(actor=police, date=datetime.date(2016, 12, 31), count=5000, women=850)
    Headcount.objects.create(actor=police, date=datetime.date(2018, 12, 31), count=5200, women=1040)
    Headcount.objects.create(actor=army, date=datetime.date(2016, 6, 30), count=2000, women=60)
    Headcount.objects.create(actor=army, date=datetime.date(2018, 6, 30), count=2100)  # no split
    WomenShareTarget.objects.create(country=liberia, share=Decimal(25), target_date=datetime.date(2026, 12, 31))
    partner = Organisation.objects.create(name='Gender partner')

    def activity(code, significance=None, money=()):
        record = Activity.objects.create(
            iati_identifier=f'XM-GENDER-{code}',
            reporting_organisation=partner,
            country=liberia,
            title=f'Activity {code}',
        )
        if significance is not None:
            ActivityPolicyMarker.objects.create(activity=record, vocabulary='1', code='1', significance=significance)
        for kind, value, currency in money:
            Transaction.objects.create(
                activity=record,
                type=kind,
                date=datetime.date(2024, 1, 1),
                value=value,
                currency=currency,
                value_date=datetime.date(2024, 1, 1),
            )
        return record

    activity('A', '2', [('2', 1000, 'USD'), ('3', 400, 'USD'), ('2', 300, 'EUR')])
    activity('B', '1')
    unmarked = activity('C')
    ActivityPolicyMarker.objects.create(activity=unmarked, vocabulary='1', code='7', significance='2')  # another marker
    indicator = make_indicator()
    female, male = sex().categories.order_by('order')[:2]
    period_2024, period_2025 = indicator.periods.order_by('start')
    approved = ActualReport.objects.create(period=period_2024, organisation=organisation())
    ActualReport.objects.filter(pk=approved.pk).update(status='approved')
    for category, value in ((None, 120), (female, 30), (male, 90)):
        ActualValue.objects.create(report=approved, category=category, value=value)
    draft = ActualReport.objects.create(period=period_2025, organisation=organisation())
    for category, value in ((None, 999), (female, 500), (male, 499)):
        ActualValue.objects.create(report=draft, category=category, value=value)
    return {'indicator': indicator}


def test_the_gender_page_in_english(client, make_user, records):
    client.force_login(make_user('viewer', Role.VIEWER))
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    # Share per institution: latest split of each year; the army's 2018 total without a split is not counted.
    assert 'Liberia National Police 2016 850 5,000 17.0 %' in text
    assert 'Liberia National Police 2018 1,040 5,200 20.0 %' in text
    assert 'Armed Forces of Liberia 2016 60 2,000 3.0 %' in text
    assert 'Whole security sector (2 institutions) 2016 910 7,000 13.0 %' in text
    assert 'Whole security sector (1 institution) 2018 1,040 5,200 20.0 %' in text
    assert '1 headcount gives only the total: it is not counted.' in text
    assert html.count('<polyline') == 3 and html.count('class="target-line"') == 1
    assert 'Target, Whole security sector: 25 % by 2026' in text
    # Gender marker: one row per significance, money per currency, an activity without marker 1 is not marked.
    assert '2 – principal objective 1 300 EUR 1,000 USD 400 USD' in text
    assert '1 – significant objective 1 — —' in text
    assert '0 – not targeted 0 — —' in text
    assert 'Not marked 1 — —' in text
    assert 'Activity C' in text.split('Activities without the gender marker')[1]
    # Indicators by sex: the approved 2024 report, never the 2025 draft.
    assert '1.1.a Police officers trained in human rights 2024 30 90 120 25.0 %' in text
    assert '999' not in text


def test_the_gender_page_in_french(client, make_user, records):
    client.force_login(make_user('viewer', Role.VIEWER))
    text = _text(client.get(PAGE, HTTP_ACCEPT_LANGUAGE='fr').content.decode())
    assert 'Proportion de femmes par institution' in text
    assert 'Ensemble du secteur de la sécurité (2 institutions) 2016 910 7 000 13,0 %' in text
    assert '2 – objectif principal' in text and 'Non marqué' in text


def test_anonymous_and_roleless_users_are_kept_out(client, make_user, records):
    assert client.get(PAGE).status_code == 302
    client.force_login(make_user('nobody'))
    assert client.get(PAGE).status_code == 403


def test_a_country_without_anything_says_so(client, make_user):
    client.force_login(make_user('viewer', Role.VIEWER))
    text = _text(client.get('/countries/CIV/workspace/gender/').content.decode())
    assert 'No headcount gives the number of women yet, and no target is set.' in text
    assert 'No activity is recorded for this country.' in text
    assert "No indicator of this country's frameworks collects a disaggregation by sex." in text
