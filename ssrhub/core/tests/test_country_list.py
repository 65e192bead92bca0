"""The country list (issue 11, item 10): UN short names, sorted by name in the UI language, accents ignored."""

import re

import pytest

from ssrhub.core.i18n import sort_key
from ssrhub.core.models import Country

pytestmark = pytest.mark.django_db


def _names(client, language: str) -> list[str]:
    html = client.get('/countries/', {'per_page': 500}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return [name.replace('&#x27;', "'") for name in re.findall(r'href="/countries/[A-Z]{3}/">([^<]+)</a>', html)]


def test_un_short_names_instead_of_iso_inverted_names():
    names = dict(Country.objects.filter(iso3__in=['COD', 'KOR', 'TZA', 'IRN']).values_list('iso3', 'name_en'))
    assert names == {
        'COD': 'Democratic Republic of the Congo',
        'KOR': 'Republic of Korea',
        'TZA': 'United Republic of Tanzania',
        'IRN': 'Iran (Islamic Republic of)',
    }
    french = dict(Country.objects.filter(iso3__in=['COD', 'KOR', 'CAF', 'CIV']).values_list('iso3', 'name_fr'))
    assert french == {
        'COD': 'République démocratique du Congo',
        'KOR': 'République de Corée',
        'CAF': 'République centrafricaine',
        'CIV': "Côte d'Ivoire",
    }
    assert not Country.objects.filter(name_en__contains=', The').exists()


def test_english_list_sorted_by_name(client):
    names = _names(client, 'en')
    assert len(names) == Country.objects.count()
    assert names == sorted(names, key=sort_key)
    assert names[:3] == ['Afghanistan', 'Åland Islands', 'Albania']
    assert names.index('Democratic Republic of the Congo') < names.index('Denmark')


def test_french_list_sorted_by_french_name_accents_ignored(client):
    names = _names(client, 'fr')
    assert names == sorted(names, key=sort_key)
    assert names.index('Égypte') < names.index('Espagne') < names.index('États-Unis') < names.index('Éthiopie')
    assert names[-1] == 'Zimbabwe'
