"""Accents and case are folded in every search, on SQLite and PostgreSQL alike: the ``folded`` lookup, the list
filters' ``q`` (pages and API) and global search, here on countries (core's own records)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ssrhub.core.filtersets import CountryFilterSet
from ssrhub.core.models import Country
from ssrhub.core.searching import folded_match, global_search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize('typed', ["cote d'ivoire", 'CÔTE D’IVOIRE', 'côte d ivoire', 'ivoire cote'])
def test_the_folded_lookup_finds_cote_d_ivoire_however_typed(typed):
    assert list(Country.objects.filter(folded_match(('name_en', 'name_fr'), typed)).values_list('iso3', flat=True)) == [
        'CIV'
    ]


def test_the_folded_lookup_folds_the_stored_side_too():
    assert Country.objects.filter(name_fr__folded__contains='SENEGAL').get().iso3 == 'SEN'  # stored "Sénégal"
    assert Country.objects.filter(name_fr__folded='cote d’ivoire').get().iso3 == 'CIV'
    # LIKE's wildcards in what is typed are taken literally.
    assert not Country.objects.filter(name_en__folded__contains='c_te').exists()


def test_list_filter_q_folds_accents_and_needs_every_word():
    by_q = CountryFilterSet({'q': "cote d'ivoire"}, queryset=Country.objects.all()).qs
    assert [country.iso3 for country in by_q] == ['CIV']
    french_only = CountryFilterSet({'q': 'Royaume-Uni'}, queryset=Country.objects.all()).qs
    assert [country.iso3 for country in french_only] == ['GBR']
    assert not CountryFilterSet({'q': 'ivoire liberia'}, queryset=Country.objects.all()).qs.exists()


def test_api_q_folds_accents(client):
    rows = client.get('/api/core/countries/', {'q': 'cote d ivoire'}).json()['results']
    assert [row['iso3'] for row in rows] == ['CIV']


def test_global_search_finds_the_country_without_its_accent():
    results = global_search(AnonymousUser(), "cote d'ivoire")
    countries = next(group for group in results.groups if group['kind'] == 'countries')
    assert countries['count'] == 1
    title = countries['hits'][0]['title']
    assert [part for part, matched in title if matched] == ["Côte d'Ivoire"]
