"""Exchange rates and a plan's funding in Chromium, in English and French: import a rates file with an error row,
fix it, apply it; then the funding page of a Liberian plan converted with those rates, with its chart of funding by
year and a possible duplication dismissed."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ssrhub.core.models import Country
from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument, Pillar
from ssrhub.finance import queries
from ssrhub.finance.funding import Activity, Link, Transaction
from ssrhub.finance.models import DuplicationReview, ExchangeRate

from .language import switch_language

pytestmark = pytest.mark.browser

BAD = 'date,currency,rate,source\n2024,EUR,0.9243,IMF IFS\n2024-03,XOF,-606.3,BCEAO\n2024,SEK,10.5,Riksbank\n'
FIXED = BAD.replace('-606.3', '606.3')
WORDS = {
    'en': {
        'error': 'Row 3',
        'rate': 'The rate must be more than zero',
        'done': '3 rates added',
        'gap': 'Financing gap',
    },
    'fr': {'error': 'Row 3', 'rate': 'Le taux doit être supérieur à zéro', 'done': '3 taux ajoutés', 'gap': 'Déficit'},
}


def choose(page, text: str):
    page.locator('#id_file').set_input_files(
        files=[{'name': 'rates.csv', 'mimeType': 'text/csv', 'buffer': text.encode()}]
    )
    page.locator('#import-form button[type=submit]').click()


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_editor_imports_rates_fixes_the_error_row_and_applies(page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    log_in(page, 'editor')
    switch_language(page, language)
    menu = page.get_by_test_id('menu-coordination')
    menu.locator('.dropdown-toggle').click()
    menu.locator('a[href="/finance/rates/"]').click()
    page.locator('a[href="/finance/rates/import/"]').click()
    choose(page, BAD)
    errors = page.locator('#import-errors tbody tr')
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text('3')
    expect(errors.first).to_contain_text(words['rate'])
    expect(page.locator('#import-confirm-form')).to_have_count(0)
    assert ExchangeRate.objects.count() == 0
    screenshot(page, f'finance-rates-import-error-{language}', full_page=True)
    assert not axe_violations(page)

    choose(page, FIXED)
    expect(page.locator('#import-rows tbody tr')).to_have_count(3)
    assert ExchangeRate.objects.count() == 0
    page.locator('#import-confirm-form button[type=submit]').click()
    page.wait_for_url('**/finance/rates/')
    expect(page.locator('.alert-success')).to_contain_text(words['done'])
    expect(page.locator('#object-table tbody tr')).to_have_count(3)
    screenshot(page, f'finance-rates-list-{language}', full_page=True)
    assert not axe_violations(page)


@pytest.fixture
def liberian_plan():
    document = NationalDocument.objects.create(
        country=Country.objects.get(iso3='LBR'),
        kind=DocumentKind.PLAN,
        title='Security sector reform implementation plan',
        status=DocumentStatus.ADOPTED,
        adopted=datetime.date(2024, 1, 15),
    )
    police = Pillar.objects.create(document=document, title='Police')
    vetting = Action.objects.create(
        document=document, pillar=police, ref='1.1', title='Vet the police', cost=Decimal('1200000'), currency='USD'
    )
    Action.objects.create(
        document=document, ref='2.1', title='Draft the defence law', cost=Decimal('400000'), currency='EUR',
        start=datetime.date(2024, 3, 1),
    )  # fmt: skip
    for currency, rate in (('EUR', '0.9243'), ('SEK', '10.6')):
        ExchangeRate.objects.create(
            currency=currency, period=datetime.date(2024, 1, 1), period_precision='year', rate=rate, source='IMF IFS'
        )
    return document, vetting


# French only: the acceptance test and test_phone.py keep the funding page in English.
@pytest.mark.parametrize('language', ['fr'])
def test_funding_page_of_a_plan(page, log_in, screenshot, axe_violations, monkeypatch, liberian_plan, language):
    document, vetting = liberian_plan
    action = str(vetting.pk)

    def inputs(user, plan):
        actions, _activities, _transactions, _links, records = original(user, plan)
        day = datetime.date
        activities = [
            Activity('SE-0-PR', 'Police reform', 'Sweden', ('Sweden',), day(2024, 1, 1), day(2025, 12, 31), True, 'v1'),
            Activity(
                'XM-DAC-41114-PV', 'Police vetting', 'XM-DAC-41114', ('US-GOV-1',), day(2025, 1, 1), day(2026, 6, 30)
            ),
        ]
        transactions = [
            Transaction('1', 'SE-0-PR', '2', Decimal('5000000'), 'SEK', datetime.date(2024, 2, 1), 'Sweden'),
            Transaction('2', 'SE-0-PR', '3', Decimal('2500000'), 'SEK', datetime.date(2024, 9, 1), 'Sweden'),
            Transaction('3', 'XM-DAC-41114-PV', '2', Decimal('600000'), 'USD', datetime.date(2025, 2, 1), 'US-GOV-1'),
            Transaction('4', 'XM-DAC-41114-PV', '3', Decimal('200000'), 'USD', datetime.date(2025, 6, 1), 'US-GOV-1'),
        ]
        return actions, activities, transactions, [Link(action, 'SE-0-PR'), Link(action, 'XM-DAC-41114-PV')], records

    original = queries.plan_inputs
    monkeypatch.setattr(queries, 'plan_inputs', inputs)
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto(document.get_absolute_url())
    page.locator('#plan-funding-link').click()
    expect(page.locator('#funding-summary')).to_contain_text(WORDS[language]['gap'])
    # Vetting: 1,200,000 USD less 5,000,000 SEK at 10.6 (471,698) and 600,000 USD, a gap of 128,302; the defence law
    # (400,000 EUR at 0.9243, 432,760 USD) has no funded activity: 561,062 in all.
    expect(page.locator('#funding-gap')).to_have_text(re.compile(r'^561\D?062$'))
    expect(page.locator(f'#funding-action-{vetting.pk} [data-gap]')).to_have_text(re.compile(r'^128\D?302$'))
    expect(page.locator('#funding-rates')).to_contain_text('SEK')
    # The rate in parentheses is written as the amounts beside it are: 10.6 in English, 10,6 in French.
    expect(page.locator('#funding-rates')).to_contain_text({'en': '(10.6 SEK', 'fr': '(10,6 SEK'}[language])
    expect(page.locator('#funding-partners')).to_contain_text('Sweden')
    expect(page.locator('#funding-duplications')).to_contain_text('(Sweden / US-GOV-1)')
    expect(page.locator('#years-chart rect.year-bar')).to_have_count(4)
    expect(page.locator('#funding-years tbody tr')).to_have_count(2)
    expect(page.locator('#funding-duplications li[data-state="open"]')).to_have_count(1)
    screenshot(page, f'finance-plan-funding-{language}', full_page=True)
    assert not axe_violations(page)

    flag = page.locator('#funding-duplications li').first
    flag.locator('select').select_option('dismissed')
    flag.locator('textarea').fill('Two phases of one programme.')
    flag.locator('button[type=submit]').click()
    expect(page.locator('#funding-duplications li[data-state="dismissed"]')).to_have_count(1)
    assert DuplicationReview.objects.get().decision == 'dismissed'
    page.set_viewport_size({'width': 390, 'height': 844})
    page.reload()
    assert page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')
    screenshot(page, f'finance-plan-funding-phone-{language}', full_page=True)
