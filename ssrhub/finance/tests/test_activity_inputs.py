"""The adapter from coordination's activity records to the funding calculation (``queries.activity_inputs()``)."""

import datetime
from decimal import Decimal

import pytest

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument
from ssrhub.finance.models import ExchangeRate
from ssrhub.finance.queries import plan_funding

pytestmark = pytest.mark.django_db


def test_activities_transactions_and_links_feed_the_calculation(make_user, django_assert_max_num_queries):
    from ssrhub.coordination.models import Activity, ActivityLink, Organisation, ParticipatingOrganisation, Transaction

    liberia = Country.objects.get(iso3='LBR')
    plan = NationalDocument.objects.create(
        country=liberia, kind=DocumentKind.PLAN, title='Plan', status=DocumentStatus.ADOPTED,
        adopted=datetime.date(2024, 1, 1),
    )  # fmt: skip
    vetting = Action.objects.create(document=plan, ref='1', title='Vetting', cost=Decimal('1000000'))
    law = Action.objects.create(document=plan, ref='2', title='Defence law', cost=Decimal('300000'))
    sweden = Organisation.objects.create(name='Sweden', acronym='SIDA', iati_ref='SE-0')
    undp = Organisation.objects.create(
        name='United Nations Development Programme', acronym='UNDP', iati_ref='XM-DAC-41114'
    )
    usa = Organisation.objects.create(name='United States', acronym='USG', iati_ref='US-GOV-1')
    ExchangeRate.objects.create(
        currency='SEK', period=datetime.date(2024, 1, 1), period_precision='year', rate='10', source='IMF'
    )

    def activity(identifier, reporter, funder, start, end, on_budget='unknown'):
        record = Activity.objects.create(
            iati_identifier=identifier, reporting_organisation=reporter, country=liberia, title=identifier,
            planned_start=start, planned_end=end, on_budget=on_budget,
        )  # fmt: skip
        ParticipatingOrganisation.objects.create(activity=record, organisation=funder, role='1')
        return record

    donor = activity('SE-0-1', sweden, sweden, datetime.date(2024, 1, 1), datetime.date(2025, 12, 31), 'yes')
    agency = activity('XM-DAC-41114-1', undp, sweden, datetime.date(2024, 1, 1), datetime.date(2025, 12, 31))
    american = activity('US-GOV-1-1', usa, usa, datetime.date(2025, 1, 1), datetime.date(2026, 12, 31), 'no')
    day = datetime.date(2024, 6, 1)
    for record, kind, value, currency, receiver, provider in (
        (donor, '2', '4000000', 'SEK', '', ''),
        (donor, '3', '2000000', 'SEK', 'XM-DAC-41114-1', ''),  # to UNDP's activity: inside the boundary
        (agency, '1', '200000', 'USD', '', 'SE-0-1'),
        (agency, '4', '150000', 'USD', '', ''),
        (american, '2', '500000', 'USD', '', ''),
    ):
        Transaction.objects.create(
            activity=record, type=kind, date=day, value=Decimal(value), currency=currency, value_date=day,
            receiver_activity_identifier=receiver, provider_activity_identifier=provider,
        )  # fmt: skip
    ActivityLink.objects.create(activity=donor, kind='action', action=vetting, share=Decimal('75'))
    ActivityLink.objects.create(activity=donor, kind='action', action=law, share=Decimal('25'))
    ActivityLink.objects.create(activity=agency, kind='action', action=vetting)
    ActivityLink.objects.create(activity=american, kind='action', action=vetting)

    reader = make_user('reader', Role.VIEWER)
    # A fixed number of queries whatever the number of activities, transactions and funders (no query per record):
    # the calculation's, and three for the key of the kept result (the data's version, the reader's roles and
    # countries); with the result kept, the plan's actions only.
    with django_assert_max_num_queries(15):
        result, actions = plan_funding(reader, plan)
    with django_assert_max_num_queries(4):
        assert plan_funding(reader, plan)[0] == result
    row = result.actions[str(vetting.pk)]
    assert row.committed == 300000 + 500000  # 75 % of 4,000,000 SEK at 10 per dollar, and the American commitment
    assert row.spent == 150000 and row.disbursed == 0  # the transfer to UNDP is counted where it is spent
    assert result.actions[str(law.pk)].committed == 100000
    assert {(t.from_activity, t.to_activity) for t in result.transfers} == {('SE-0-1', 'XM-DAC-41114-1')}
    # Sweden (through UNDP) and the United States on the vetting in 2025: a possible duplication.
    assert {flag.activities for flag in result.duplications} == {
        ('SE-0-1', 'US-GOV-1-1'),
        ('US-GOV-1-1', 'XM-DAC-41114-1'),
    }
    assert set(result.budget) == {'on', 'off', 'unknown'} and result.unfunded == []
    # Partners by their names (not their acronyms: SIDA, USG), the funder before the reporting organisation.
    assert set(result.partners) == {'Sweden', 'United States'}
