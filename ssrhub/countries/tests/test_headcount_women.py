"""Headcounts by sex and the targets for the share of women: the model's rule in English and French, the edit pages,
the map's table, the download and the API."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from rest_framework.test import APIClient

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Actor, Headcount, WomenShareTarget

pytestmark = pytest.mark.django_db

MAP = '/countries/LBR/workspace/actors/'
TARGETS = f'{MAP}women-targets/'


@pytest.fixture
def police():
    return Actor.objects.create(
        country=Country.objects.get(iso3='LBR'),
        name='Liberia National Police',
        acronym='LNP',
        area='core-security-actors',
        type='police',
    )


@pytest.fixture
def editor(make_user):
    return make_user('lbr-editor', Role.COUNTRY_EDITOR, ('LBR',))


def test_more_women_than_personnel_is_refused_in_english_and_french(police):
    headcount = Headcount(actor=police, date=date(2016, 12, 31), count=5000, women=5001)
    with translation.override('en'), pytest.raises(ValidationError) as english:
        headcount.full_clean()
    assert english.value.message_dict['women'] == [
        'The number of women (5001) cannot be larger than the personnel (5000).'
    ]
    with translation.override('fr'), pytest.raises(ValidationError) as french:
        headcount.full_clean()
    assert french.value.message_dict['women'] == ['Le nombre de femmes (5001) ne peut pas dépasser l’effectif (5000).']


def test_a_total_without_the_split_and_all_women_are_accepted(police):
    Headcount(actor=police, date=date(2016, 12, 31), count=5000).full_clean()
    all_women = Headcount(actor=police, date=date(2016, 12, 31), count=120, women=120)
    all_women.full_clean()
    assert all_women.women_share == 100
    assert Headcount(actor=police, date=date(2016, 12, 31), count=5000).women_share is None


def test_the_database_refuses_more_women_than_personnel_too(police):
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        Headcount.objects.create(actor=police, date=date(2016, 12, 31), count=10, women=11)


def test_the_form_refuses_and_saves_then_the_map_shows_women_and_share(client, police, editor):
    client.force_login(editor)
    add = f'{MAP}headcounts/add/'
    data = {'actor': police.pk, 'date': '2016-12-31', 'count': 5000, 'women': 6000, 'basis': 'payroll'}
    response = client.post(add, data, HTTP_ACCEPT_LANGUAGE='fr')
    assert response.status_code == 400
    assert 'Le nombre de femmes (6000) ne peut pas dépasser l’effectif (5000).' in response.content.decode()
    assert not Headcount.objects.exists()
    response = client.post(add, {**data, 'women': 850})
    assert response.status_code == 302
    page = client.get(MAP).content.decode()
    assert '17.0&nbsp;%' in page and 'of whom 850 women (17.0 %)' in page
    export = client.get(f'{MAP}export.csv?table=headcounts').content.decode('utf-8-sig')
    assert export.splitlines()[0] == 'actor,actor_acronym,date,count,women,women_share,basis,source'
    assert 'Liberia National Police,LNP,2016-12-31,5000,850,17.0,payroll,' in export


def test_api_gives_the_share_and_refuses_more_women_than_personnel(police, editor):
    api = APIClient()
    api.force_authenticate(editor)
    refused = api.post(
        '/api/countries/headcounts/',
        {'actor': police.pk, 'date': '2016-12-31', 'count': 100, 'women': 101},
        format='json',
        HTTP_ACCEPT_LANGUAGE='fr',
    )
    assert refused.status_code == 400
    assert refused.json()['women'] == ['Le nombre de femmes (101) ne peut pas dépasser l’effectif (100).']
    saved = api.post(
        '/api/countries/headcounts/', {'actor': police.pk, 'date': '2016-12-31', 'count': 600, 'women': 100}
    )
    assert saved.status_code == 201, saved.json()
    assert saved.json()['women_share'] == '16.7'
    actor = api.get(f'/api/countries/actors/{police.pk}/').json()
    assert actor['latest_headcounts'][0]['women'] == 100


def test_targets_on_their_pages_and_api(client, police, editor, make_user):
    client.force_login(editor)
    response = client.post(f'{TARGETS}add/', {'share': '25', 'target_date': '2026-12-31', 'source': 'Gender policy'})
    assert response.status_code == 302
    sector = WomenShareTarget.objects.get()
    assert sector.actor is None and sector.country.iso3 == 'LBR'
    assert (
        client.post(f'{TARGETS}add/', {'actor': police.pk, 'share': '101', 'target_date': '2026-12-31'}).status_code
        == 400
    )
    client.post(f'{TARGETS}add/', {'actor': police.pk, 'share': '20', 'target_date': '2025-12-31'})
    page = client.get(TARGETS).content.decode()
    assert 'The whole security sector' in page and 'Liberia National Police' in page
    assert f'id="target-{sector.pk}"' in page
    client.post(f'{TARGETS}{sector.pk}/edit/', {'share': '30', 'target_date': '2026-12-31', 'note': 'Raised'})
    history = client.get(f'{TARGETS}{sector.pk}/history/').content.decode()
    assert 'Raised' in history or '30' in history
    # Another country's editor neither changes nor adds for Liberia.
    other = make_user('caf-editor', Role.COUNTRY_EDITOR, ('CAF',))
    client.force_login(other)
    assert client.post(f'{TARGETS}{sector.pk}/edit/', {'share': '5', 'target_date': '2026-12-31'}).status_code == 403
    api = APIClient()
    api.force_authenticate(editor)
    listed = api.get('/api/countries/women-share-targets/?country=LBR&sector_wide=true').json()
    assert [item['share'] for item in listed['results']] == ['30.0']
    caf_actor = Actor.objects.create(
        country=Country.objects.get(iso3='CAF'),
        name='Police centrafricaine',
        area='core-security-actors',
        type='police',
    )
    mixed = api.post(
        '/api/countries/women-share-targets/',
        {'country': 'LBR', 'actor': caf_actor.pk, 'share': '20', 'target_date': '2027-12-31'},
        format='json',
    )
    assert mixed.status_code == 400
