"""Exchange-rate pages and import, the funding page of a plan and its duplication reviews, the commands."""

import datetime
import json
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument, Pillar
from ssrhub.finance import queries, views
from ssrhub.finance.funding import Activity, Link
from ssrhub.finance.models import DuplicationReview, ExchangeRate

pytestmark = pytest.mark.django_db

RATES = '/finance/rates/'
IMPORT = f'{RATES}import/'
BAD = b'date,currency,rate,source\n2024,EUR,0.9243,IMF\n2024-03,XOF,-606,BCEAO\n2024-03,EUX,1,x\n'
FIXED = b'date,currency,rate,source\n2024,EUR,0.9243,IMF\n2024-03,XOF,606.30,BCEAO\n2024,LRD,190.45,CBL\n'


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('comfort', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return client


def token(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, 'no confirmation form'
    return match.group(1)


def upload(client, data, name='rates.csv'):
    return client.post(IMPORT, {'file': SimpleUploadedFile(name, data, content_type='text/csv')})


# Section: rates


def test_viewers_read_rates_and_only_editors_write_them(client, make_user):
    ExchangeRate.objects.create(
        currency='EUR', period=datetime.date(2024, 1, 1), period_precision='year', rate='0.9243', source='IMF'
    )
    client.force_login(make_user('viewer', Role.VIEWER))
    page = client.get(RATES)
    assert page.status_code == 200 and 'units of the currency for one US dollar' in page.content.decode()
    assert client.get(f'{RATES}add/').status_code == 403
    assert client.get(IMPORT).status_code == 403
    # The rate is written in the page's language, as on the funding page.
    assert '>0.9243<' in page.content.decode()
    assert '>0,9243<' in client.get(RATES, HTTP_ACCEPT_LANGUAGE='fr').content.decode()


def test_a_rate_is_entered_for_a_month_and_said_in_words(editor):
    response = editor.post(
        f'{RATES}add/', {'currency': 'eur', 'period': 'March 2024', 'rate': '0.9240', 'source': 'ECB'}
    )
    rate = ExchangeRate.objects.get()
    assert response.status_code == 302 and (rate.currency, rate.period_text, rate.period_precision) == (
        'EUR',
        '2024-03',
        'month',
    )
    page = editor.get(rate.get_absolute_url()).content.decode()
    assert '1 EUR = 1.0823 USD' in page and 'rate of 2024-03' in page
    again = editor.post(f'{RATES}add/', {'currency': 'EUR', 'period': '2024-03', 'rate': '0.93', 'source': 'x'})
    assert again.status_code == 400 and 'already has a rate for this period' in again.content.decode()
    dollar = editor.post(f'{RATES}add/', {'currency': 'USD', 'period': '2024', 'rate': '1', 'source': 'x'})
    assert dollar.status_code == 400 and 'always 1' in dollar.content.decode()
    zero = editor.post(f'{RATES}add/', {'currency': 'GBP', 'period': '2024', 'rate': '0', 'source': 'x'})
    assert zero.status_code == 400 and ExchangeRate.objects.count() == 1


def test_an_import_with_errors_writes_nothing_then_the_fixed_file_applies(editor):
    refused = upload(editor, BAD)
    text = refused.content.decode()
    assert refused.status_code == 400 and 'name="token"' not in text
    assert 'The rate must be more than zero, not -606.' in text and 'Unknown currency “EUX”' in text
    assert ExchangeRate.objects.count() == 0
    preview = upload(editor, FIXED)
    assert preview.status_code == 200 and ExchangeRate.objects.count() == 0
    applied = editor.post(IMPORT, {'token': token(preview)}, follow=True)
    assert 'Imported rates.csv: 3 rates added, 0 changed, 0 unchanged.' in applied.content.decode()
    assert sorted(ExchangeRate.objects.values_list('currency', 'period_precision')) == [
        ('EUR', 'year'), ('LRD', 'year'), ('XOF', 'month')
    ]  # fmt: skip
    # The same preview confirmed twice: the stored rates changed, so a new preview is shown and nothing is written.
    again = editor.post(IMPORT, {'token': token(preview)})
    assert again.status_code == 200 and 'changed since the preview' in again.content.decode()
    assert ExchangeRate.objects.count() == 3


def test_a_tampered_token_is_refused(editor):
    response = editor.post(IMPORT, {'token': 'forged'})
    assert response.status_code == 400 and 'expired or is not valid' in response.content.decode()


def test_rates_command_checks_then_imports(tmp_path):
    bad, good = tmp_path / 'bad.csv', tmp_path / 'rates.csv'
    bad.write_bytes(BAD)
    good.write_bytes(FIXED)
    with pytest.raises(CommandError, match=r'bad.csv: Row 3: The rate must be more than zero'):
        call_command('rates', 'import', str(bad))
    out = StringIO()
    call_command('rates', 'import', str(good), '--dry-run', stdout=out)
    assert '3 to add' in out.getvalue() and ExchangeRate.objects.count() == 0
    call_command('rates', 'import', str(good), stdout=out)
    assert ExchangeRate.objects.count() == 3


# Section: funding


@pytest.fixture
def plan():
    liberia = Country.objects.get(iso3='LBR')
    document = NationalDocument.objects.create(
        country=liberia,
        kind=DocumentKind.PLAN,
        title='Security sector implementation plan',
        status=DocumentStatus.ADOPTED,
        adopted=datetime.date(2024, 1, 15),
    )
    police = Pillar.objects.create(document=document, title='Police')
    Action.objects.create(
        document=document, pillar=police, ref='1', title='Vetting', cost=Decimal('1000000'), currency='USD'
    )
    Action.objects.create(
        document=document, ref='2', title='Defence law', cost=Decimal('500000'), currency='EUR',
        start=datetime.date(2024, 3, 15),
    )  # fmt: skip
    Action.objects.create(document=document, ref='3', title='Oversight committee')
    return document


def funding_url(document) -> str:
    return f'/countries/LBR/workspace/documents/{document.pk}/funding/'


def test_the_funding_page_says_what_it_cannot_convert(editor, plan):
    page = editor.get(funding_url(plan))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'No rate for the cost of these actions' in text and '2 Defence law' in text
    assert 'id="funding-gap">1,000,000<' in text
    assert 'Funding against the plan' in editor.get(plan.get_absolute_url()).content.decode()


def test_the_funding_page_converts_with_the_most_specific_rate(editor, plan):
    ExchangeRate.objects.create(
        currency='EUR', period=datetime.date(2024, 1, 1), period_precision='year', rate='0.9243', source='IMF'
    )
    ExchangeRate.objects.create(
        currency='EUR', period=datetime.date(2024, 3, 1), period_precision='month', rate='0.9240', source='ECB'
    )
    text = editor.get(funding_url(plan)).content.decode()
    # 500,000 EUR at 0.9240 per dollar (March 2024) = 541,126 USD; with the 1,000,000 of action 1.
    assert 'id="funding-gap">1,541,126<' in text and '1 EUR = 1.0823 USD' in text and 'rate of 2024-03' in text
    euros = editor.get(funding_url(plan), {'currency': 'EUR'}).content.decode()
    # 1,000,000 USD at 0.9243 (2024, the plan's adoption) + 500,000 EUR.
    assert 'id="funding-gap">1,424,300<' in euros


def test_funding_command(plan):
    out = StringIO()
    call_command('funding', 'gap', '--country', 'LBR', '--document', str(plan.pk), '--format', 'json', stdout=out)
    [document] = json.loads(out.getvalue())['documents']
    assert document['total']['cost'] == '1000000.00' and document['unfunded_actions'] == [
        a.pk for a in plan.actions.order_by('pk')
    ]
    assert [row['costed'] for row in document['actions']] == [True, True, False]
    assert 'counted once' in document['boundary']
    with pytest.raises(CommandError, match='not an ISO 4217'):
        call_command('funding', 'gap', '--country', 'LBR', '--currency', 'EURO')


def test_a_dismissed_duplication_stays_dismissed_until_an_activity_changes(editor, plan, monkeypatch):
    action = plan.actions.get(ref='1')
    versions = {'X': 'v1', 'Y': 'v1'}

    def inputs(user, document):
        actions, _activities, transactions, _links, records = original(user, document)
        activities = [
            Activity(
                'X',
                reporting_org='SE-0',
                start=datetime.date(2024, 1, 1),
                end=datetime.date(2025, 6, 30),
                version=versions['X'],
            ),
            Activity(
                'Y',
                reporting_org='US-GOV-1',
                start=datetime.date(2024, 6, 1),
                end=datetime.date(2026, 6, 30),
                version=versions['Y'],
            ),
        ]
        return actions, activities, transactions, [Link(str(action.pk), 'X'), Link(str(action.pk), 'Y')], records

    original = queries.plan_inputs
    monkeypatch.setattr(queries, 'plan_inputs', inputs)
    page = editor.get(funding_url(plan)).content.decode()
    assert 'data-state="open"' in page and 'overlapping from 2024-06-01 to 2025-06-30' in page
    review = {'action': action.pk, 'activities': 'X Y', 'decision': 'dismissed', 'note': 'Two phases of one programme.'}
    editor.post(f'{funding_url(plan)}reviews/', review)
    assert DuplicationReview.objects.get().decision == 'dismissed'
    assert 'data-state="dismissed"' in editor.get(funding_url(plan)).content.decode()
    versions['Y'] = 'v2'
    cache.clear()  # a real change of an activity adds a history row, which the kept result's key names
    page = editor.get(funding_url(plan)).content.decode()
    assert 'data-state="open"' in page and 'changed since the last review' in page


def test_only_the_plan_countrys_editors_review(client, make_user, plan):
    client.force_login(make_user('amara', Role.COUNTRY_EDITOR, countries=('CAF',)))
    review = {'action': plan.actions.first().pk, 'activities': 'X Y', 'decision': 'dismissed'}
    assert client.post(f'{funding_url(plan)}reviews/', review).status_code == 403


def test_a_rate_is_written_as_the_amounts_beside_it_in_each_language():
    from django.utils import translation

    from ssrhub.finance.conversion import Rate
    from ssrhub.finance.funding_messages import rate_text

    rate = Rate('SEK', datetime.date(2024, 1, 1), 'year', Decimal('10.6000'), 'IMF IFS')
    with translation.override('en'):
        assert '(10.6 SEK per US dollar' in rate_text(rate)
    with translation.override('fr'):
        assert '(10,6 SEK pour un dollar' in rate_text(rate) and '0,0943 USD' in rate_text(rate)
    xof = Rate('XOF', datetime.date(2024, 1, 1), 'year', Decimal('606.30'), 'BCEAO')
    with translation.override('fr'):
        assert '(606,3 XOF' in rate_text(xof)


@pytest.mark.django_db
def test_partners_on_record_are_named_by_their_name_in_the_readers_language():
    from django.utils import translation

    from ssrhub.coordination.models import Organisation
    from ssrhub.finance.queries import partner_names

    sweden = Organisation.objects.create(name='Sweden', name_fr='Suède', iati_ref='SE-0', type='10')
    usa = Organisation.objects.create(name='Government of the United States', acronym='USG', type='10')
    # Two organisations named alike in the reader's language stay two partners.
    one = Organisation.objects.create(
        name='Ministry of Justice', name_fr='Ministère de la Justice', iati_ref='LR-MOJ', type='10'
    )
    other = Organisation.objects.create(name='Ministère de la Justice', acronym='MJ-CI', type='10')
    with translation.override('fr'):
        assert partner_names(Organisation.objects.all()) == {
            sweden.pk: 'Suède',
            usa.pk: 'Government of the United States',
            one.pk: 'Ministère de la Justice (LR-MOJ)',
            other.pk: 'Ministère de la Justice (MJ-CI)',
        }
    with translation.override('en'):
        assert partner_names(Organisation.objects.filter(pk__in=[sweden.pk, one.pk])) == {
            sweden.pk: 'Sweden',
            one.pk: 'Ministry of Justice',
        }


def test_possible_duplications_come_a_page_at_a_time_the_open_ones_first(editor, plan, monkeypatch):
    action = plan.actions.get(ref='1')
    partners = {'X': 'SE-0', 'Y': 'US-GOV-1', 'Z': 'GB-GOV-1'}

    def inputs(user, document):
        actions, _activities, transactions, _links, records = original(user, document)
        activities = [
            Activity(key, reporting_org=org, start=datetime.date(2024, 1, 1), end=datetime.date(2025, 6, 30))
            for key, org in partners.items()
        ]
        return actions, activities, transactions, [Link(str(action.pk), key) for key in partners], records

    original = queries.plan_inputs
    monkeypatch.setattr(queries, 'plan_inputs', inputs)
    monkeypatch.setattr(views, 'FLAGS_PER_PAGE', 2)
    review = {'action': action.pk, 'activities': 'X Y', 'decision': 'dismissed', 'note': 'One programme.'}
    editor.post(f'{funding_url(plan)}reviews/', review)
    first = editor.get(funding_url(plan)).content.decode()
    assert '3 possible duplications, 2 of them to review' in first
    assert first.count('data-state="open"') == 2 and 'data-state="dismissed"' not in first
    assert 'flags=2#duplication-heading' in first
    second = editor.get(funding_url(plan), {'flags': '2'}).content.decode()
    assert second.count('data-state="dismissed"') == 1 and 'data-state="open"' not in second
    french = editor.get(funding_url(plan), {'flags': '2'}, HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    # The decision and the note are two sentences, each with the French colon; one French term throughout.
    assert 'Écarté\u00a0: pas de double emploi<br>Note\u00a0: <span lang="">One programme.</span>' in french
    assert 'Double emploi possible</h3>' in french and '3 doubles emplois possibles, dont 2 à examiner' in french
    assert 'Pages des doubles emplois possibles' in french and 'doublon' not in french


def test_the_funding_is_kept_until_a_record_it_is_calculated_from_changes(editor, plan, monkeypatch):
    calculations = []
    original = queries.compute_funding

    def counted(*args):
        calculations.append(args)
        return original(*args)

    monkeypatch.setattr(queries, 'compute_funding', counted)
    assert 'id="funding-gap">1,000,000<' in editor.get(funding_url(plan)).content.decode()
    assert 'id="funding-gap">1,000,000<' in editor.get(funding_url(plan)).content.decode()
    assert len(calculations) == 1
    action = plan.actions.get(ref='1')
    action.cost = Decimal('1200000')
    action.save()
    assert 'id="funding-gap">1,200,000<' in editor.get(funding_url(plan)).content.decode()
    ExchangeRate.objects.create(
        currency='EUR', period=datetime.date(2024, 1, 1), period_precision='year', rate='0.9243', source='IMF'
    )
    assert 'id="funding-gap">1,740,950<' in editor.get(funding_url(plan)).content.decode()
    ExchangeRate.objects.get().delete()
    assert 'id="funding-gap">1,200,000<' in editor.get(funding_url(plan)).content.decode()
    assert len(calculations) == 4
