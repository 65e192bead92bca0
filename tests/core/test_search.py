"""Global search reads every kind through restrict(): workspace records for those who may view them, and a
sensitive kind (Actor patched to be one, as the access suite does) only within the user's countries."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ssrhub.core.models import Country, SensitiveRead
from ssrhub.core.roles import Role
from ssrhub.core.searching import global_search, suggest
from ssrhub.core.testing.two_factor import verified
from ssrhub.countries.models import Actor, ActorType, Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def police():
    for iso3, name in (('LBR', 'Liberia National Police'), ('CAF', 'Police centrafricaine')):
        Actor.objects.create(country=Country.objects.get(iso3=iso3), name=name, area=Area.CORE, type=ActorType.POLICE)


def _actors(user, query='police') -> list[str]:
    results = global_search(user, query)
    groups = [group for group in results.groups if group['kind'] == 'actors']
    return sorted(''.join(part for part, _ in hit['title']) for group in groups for hit in group['hits'])


def test_workspace_records_are_found_by_those_who_may_view_them(police, make_user):
    assert _actors(make_user('reader', Role.VIEWER)) == ['Liberia National Police', 'Police centrafricaine']
    assert _actors(AnonymousUser()) == []
    assert _actors(make_user('no-role')) == []


def test_a_sensitive_kind_never_leaks(police, make_user, monkeypatch):
    monkeypatch.setattr(Actor, 'access_kind', 'sensitive')
    assert _actors(make_user('reader', Role.VIEWER)) == []
    officer = verified(make_user('lbr-officer', Role.DUE_DILIGENCE_OFFICER, countries=('LBR',)))
    assert _actors(officer) == ['Liberia National Police']
    assert not any(f['kind'] == 'actors' for f in global_search(AnonymousUser(), 'police').facets)
    assert global_search(officer, 'centrafricaine', kind='actors').page is None
    # The hits shown of a sensitive kind are read-logged; a close spelling's count reads nothing.
    assert list(SensitiveRead.objects.values_list('channel', 'object_id')) == [
        ('search', Actor.objects.get(country__iso3='LBR').pk)
    ]
    suggest(officer, 'polise')
    assert SensitiveRead.objects.count() == 1
