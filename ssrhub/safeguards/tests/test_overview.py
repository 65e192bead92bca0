"""The country's due-diligence overview: the attention rules (plain Python), the rows of a built case set on the
page and in the API, and a number of queries that does not grow with the number of recipients."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified, verified_login
from ssrhub.safeguards.overview import REASONS, Case, Recipient, attention, overview_rows
from ssrhub.safeguards.overview_queries import country_overview
from ssrhub.safeguards.views.overview import REASON_LABELS

from .allegations_data import actor, allegation, intervention, measure, support_request

TODAY = datetime.date.today()  # the page's day: the records are built around it
DAY = datetime.timedelta(days=1)
# The reasons of a built unit (``build()``): its open allegation reopened the decided request.
UNIT_REASONS = ('allegation-after-decision', 'overdue-mitigation', 'decision-expiring', 'reopened')


# Section: the rules, in plain Python


def test_each_rule_and_the_order_of_the_rows():
    decided = {'decided_on': TODAY - 100 * DAY, 'expires_on': TODAY + 200 * DAY, 'status': 'decided'}
    reopened = {**decided, 'status': 'draft'}
    recipients = [
        Recipient(1, 'Zulu quiet', (Case(1, 'a', **decided),)),
        Recipient(2, 'Pending', (Case(2, 'b', 'submitted'),)),
        Recipient(3, 'Expiring', (Case(3, 'c', 'decided', decided_on=TODAY - 300 * DAY, expires_on=TODAY + 30 * DAY),)),
        Recipient(4, 'Expired', (Case(4, 'd', 'decided', decided_on=TODAY - 300 * DAY, expires_on=TODAY - DAY),)),
        Recipient(5, 'Overdue', (Case(5, 'e', **decided, overdue_mitigations=2),)),
        Recipient(6, 'Alleged', (Case(6, 'f', **decided),), open_allegations=1, newest_report=TODAY - 10 * DAY),
        Recipient(7, 'Alleged before', (Case(7, 'g', **decided),), open_allegations=1, newest_report=TODAY - 101 * DAY),
        Recipient(8, 'Reopened', (Case(8, 'h', **reopened, active_interventions=('suspension',)),)),
    ]
    rows = overview_rows(recipients, TODAY)
    assert [(row.recipient.name, row.reasons) for row in rows] == [
        ('Alleged', ('allegation-after-decision',)),
        ('Overdue', ('overdue-mitigation',)),
        ('Expired', ('decision-expired',)),
        ('Expiring', ('decision-expiring',)),
        ('Reopened', ('reopened',)),
        ('Pending', ('pending',)),
        ('Alleged before', ()),
        ('Zulu quiet', ()),
    ]


def test_a_recipient_with_more_reasons_comes_before_one_with_the_same_first():
    case = Case(1, 'a', 'decided', decided_on=TODAY - DAY * 5, expires_on=TODAY + 5 * DAY, overdue_mitigations=1)
    both = Recipient(1, 'B', (case,))
    one = Recipient(2, 'A', (Case(2, 'b', 'decided', overdue_mitigations=1),))
    assert attention(both, TODAY) == ('overdue-mitigation', 'decision-expiring')
    assert [row.recipient.name for row in overview_rows([one, both], TODAY)] == ['B', 'A']


# Section: from the database


@pytest.fixture
def officer(make_user):
    return make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('COD',))


def build(officer, first: int, count: int):
    """``count`` recipients, each with a decided request, an overdue and a met measure, an open allegation and a
    closed one, an active and an ended intervention."""
    for index in range(first, first + count):
        recipient = actor('COD', f'Unit {index:02d}')
        case = support_request(
            recipient, officer, title=f'Request {index}', status='decided', risk=3,
            decision=(TODAY - 60 * DAY, TODAY + 20 * DAY),
        )  # fmt: skip
        measure(case, TODAY - DAY)
        measure(case, TODAY - 9 * DAY, status='met', met_on=TODAY - 9 * DAY)
        intervention(case, TODAY - 5 * DAY)
        intervention(case, TODAY - 50 * DAY, TODAY - 40 * DAY)
        allegation(recipient=recipient, reported_on=TODAY - 3 * DAY, occurred_on=TODAY - 30 * DAY)
        allegation(recipient=recipient, follow_up='not-verified', reported_on=TODAY - 2 * DAY,
                   occurred_on=TODAY - 10 * DAY)  # fmt: skip


@pytest.mark.django_db
def test_the_rows_of_a_built_case_set(officer):
    build(officer, 1, 1)
    quiet = actor('COD', 'Quiet unit')
    support_request(quiet, officer, title='Training', status='decided', risk=1,
                    decision=(TODAY - 10 * DAY, TODAY + 300 * DAY))  # fmt: skip
    gone = actor('COD', 'Withdrawn unit')
    support_request(gone, officer, title='Withdrawn', status='withdrawn')
    ended = actor('COD', 'Ended unit')
    support_request(ended, officer, title='Ended', start=TODAY - 90 * DAY, end=TODAY - DAY)
    support_request(actor('LBR', 'Elsewhere'), officer, title='Other country')
    rows = country_overview(verified(officer), Country.objects.get(iso3='COD'), TODAY)
    assert [row.recipient.name for row in rows] == ['Unit 01', 'Quiet unit']
    unit, calm = rows
    assert unit.reasons == UNIT_REASONS
    (case,) = unit.recipient.cases
    assert (case.risk, case.outcome, case.overdue_mitigations, case.active_interventions) == (
        3, 'support-with-measures', 1, ('suspension',)
    )  # fmt: skip
    assert (unit.recipient.open_allegations, unit.recipient.newest_allegation) == (1, TODAY - 30 * DAY)
    assert calm.reasons == () and calm.recipient.open_allegations == 0


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_recipients(client, officer):
    verified_login(client, officer)
    url = reverse('safeguards:overview', args=['COD'])
    api = reverse('safeguards-api:overview-overview', args=['COD'])
    build(officer, 1, 2)
    with CaptureQueriesContext(connection) as two:
        page = client.get(url)
    with CaptureQueriesContext(connection) as two_api:
        client.get(api)
    build(officer, 3, 4)
    with CaptureQueriesContext(connection) as six:
        page6 = client.get(url)
    with CaptureQueriesContext(connection) as six_api:
        rows = client.get(api).json()['rows']
    assert page.content.decode().count('class="overview-row') == 2
    assert page6.content.decode().count('class="overview-row') == 6
    assert len(rows) == 6
    assert len(six.captured_queries) == len(two.captured_queries)
    assert len(six_api.captured_queries) == len(two_api.captured_queries)


@pytest.mark.django_db
def test_the_page_and_the_api_show_the_same_rows(client, officer):
    verified_login(client, officer)
    build(officer, 1, 1)
    support_request(actor('COD', 'Waiting unit'), officer, title='Logistics', status='submitted')
    body = client.get(reverse('safeguards:overview', args=['COD'])).content.decode()
    data = client.get(reverse('safeguards-api:overview-overview', args=['COD'])).json()
    assert [row['name'] for row in data['rows']] == ['Unit 01', 'Waiting unit']
    assert data['rows'][0]['reasons'] == list(UNIT_REASONS)
    assert data['rows'][1]['reasons'] == ['pending']
    assert body.index('Unit 01') < body.index('Waiting unit')
    assert 'follow_up=reported&amp;follow_up=verified&amp;follow_up=communicated' in body
    assert '1 overdue measure' in body and 'expiring soon' in body and 'open allegation after the decision' in body


def test_every_reason_is_labelled_in_english_and_in_french():
    assert list(REASON_LABELS) == list(REASONS)
    with translation.override('en'):
        english = [str(label) for label in REASON_LABELS.values()]
    with translation.override('fr'):
        french = [str(label) for label in REASON_LABELS.values()]
    assert all(en != fr for en, fr in zip(english, french, strict=True)), list(zip(english, french, strict=True))
