"""Vetting in a browser: the due-diligence officer of the demo (``hrdd``, verified with a second factor) imports a
watch list with a preview, screens a fictitious commander of the DR Congo, confirms one match and rejects another.
Screenshots at 1280 px: the preview, the screening, the reviewed screening."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from ssrhub.core.models import Country
from ssrhub.countries.models import Actor, ActorType, Area
from ssrhub.safeguards.models import Allegation, Individual

from .sessions import verified_session

pytestmark = pytest.mark.browser

LIST = Path(__file__).resolve().parents[2] / 'ssrhub' / 'safeguards' / 'tests' / 'data' / 'watchlist.csv'


def test_import_screen_confirm_and_reject(page, live_server, screenshot):
    cod = Country.objects.get(iso3='COD')
    force = Actor.objects.create(country=cod, name='Armed forces (fictitious)', area=Area.CORE, type=ActorType.DEFENCE)
    commander = Individual.objects.create(
        country=cod, name='Faustin Kemitara', category='commander', unit=force, fictitious=True
    )
    Allegation.objects.create(
        country=cod, recipient=force, occurred_on=datetime.date(2025, 3, 1), place='Fictitious village',
        violation='arbitrary-detention', narrative='Fictitious.', perpetrators='Kemitara Faustin | F. Kemitara',
        reported_on=datetime.date(2025, 3, 5),
    )  # fmt: skip
    page.goto('/')
    verified_session(page, live_server, get_user_model().objects.get(username='hrdd'))

    page.goto('/countries/COD/workspace/due-diligence/vetting/lists/import/')
    page.locator('#id_title').fill('Panel of experts list (fictitious)')
    page.locator('#id_organisation').fill('Panel of experts')
    page.locator('#id_file').set_input_files(str(LIST))
    page.locator('#import-form button[type=submit]').click()
    preview = page.locator('#import-preview')
    expect(preview).to_contain_text('3 names read')
    expect(preview).to_contain_text('=HYPERLINK("http://example.invalid","click")')
    screenshot(page, 'vetting-import-preview', full_page=True)
    page.locator('#import-confirm button').click()
    expect(page.locator('table')).to_contain_text('Mahamat Bazimbi')
    expect(page.locator('table')).to_contain_text('=1+1')

    page.goto(f'/countries/COD/workspace/due-diligence/vetting/individuals/{commander.pk}/')
    expect(page.locator('#individual-name')).to_contain_text('fictitious')
    page.locator('#screen-form button').click()
    screening = page.locator('section[id^=screening-]').first
    expect(screening.locator('.screening-result')).to_have_text('Matches to review')
    expect(screening.locator('tbody tr')).to_have_count(2)
    screenshot(page, 'vetting-screening', full_page=True)

    latest = commander.screenings.latest('screened_at').matches
    on_list, alleged = latest.get(listed_person__isnull=False), latest.get(allegation__isnull=False)
    page.locator(f'#match-{on_list.pk} .review-link').click()
    page.get_by_label('Confirm: the same person').check()
    page.locator('#id_reason').fill('Same unit and date of birth as on the list.')
    page.locator('#match-review-form button[type=submit]').click()
    page.locator(f'#match-{alleged.pk} .review-link').click()
    page.locator('#match-review-form button[type=submit]').click()
    expect(page.locator('#id_reason_error')).to_be_visible()  # a decision needs its reason
    page.get_by_label('Reject: another person').check()
    page.locator('#id_reason').fill('The alleged perpetrator served in another brigade.')
    page.locator('#match-review-form button[type=submit]').click()
    expect(screening.locator('.screening-result')).to_have_text('Confirmed match')
    expect(page.locator(f'#match-{alleged.pk}')).to_contain_text('Rejected')
    screenshot(page, 'vetting-reviewed', full_page=True)
