"""The countries menu lists the workspaces a user may open; the list is kept (``navigation.workspace_countries``) until
a country, an assignment or what fills a workspace changes, so a new actor or assignment shows on the next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import Role
from ssrhub.countries.models import Actor, ActorType, Area

pytestmark = pytest.mark.django_db


def _menu(client, heading: str = 'SSR workspaces') -> str:
    """The menu's entries under ``heading`` (the workspaces, or the user's own countries)."""
    page = client.get('/countries/').content.decode()
    start = page.index(f'>{heading}</h2>')
    return page[start : page.index('</ul>', start)]


def test_the_menu_follows_new_workspaces_and_assignments(client, make_user):
    user = make_user('reader', Role.COUNTRY_EDITOR, countries=('LBR',))
    client.force_login(user)
    assert 'Liberia' in _menu(client) and 'Mali' not in _menu(client)
    with CaptureQueriesContext(connection) as kept:
        _menu(client)
    assert not any('EXISTS' in query['sql'] and 'countries_actor' in query['sql'] for query in kept)

    Actor.objects.create(
        country=Country.objects.get(iso3='MLI'), name='Forces armées maliennes', area=Area.CORE, type=ActorType.DEFENCE
    )
    assert 'Mali' in _menu(client)

    CountryAssignment.objects.create(user=user, country=Country.objects.get(iso3='NER'), role=Role.COUNTRY_EDITOR)
    assert 'Niger' in _menu(client, 'My countries')
