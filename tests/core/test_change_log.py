"""The change log (``/changes/``) and the home page's recent changes: the table is kept until a record with a history
changes, and shared only by readers who see the same records (``core/views/pages.py``, ``changes_table``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ssrhub.core.roles import Role
from tests.access.entries import actor, expert

pytestmark = pytest.mark.django_db


def _table(client, url='/changes/') -> str:
    page = client.get(url).content.decode()
    return page[page.index('<table') : page.index('</table>')]


def test_the_table_is_kept_until_a_record_changes(client, make_user):
    liberian = actor()
    client.force_login(make_user('reader', Role.VIEWER))
    with CaptureQueriesContext(connection) as calculated:
        first = _table(client)
    with CaptureQueriesContext(connection) as kept:
        assert _table(client) == first
    assert str(liberian) in first
    assert len(kept) < len(calculated) / 3  # not one query per model with a history

    liberian.name = 'Liberia National Police (renamed)'
    liberian.save()
    assert 'Liberia National Police (renamed)' in _table(client)


def test_readers_who_see_other_records_do_not_share_the_table(client, make_user):
    expert('Kept Table Expert')
    client.force_login(make_user('roster', Role.ROSTER_MANAGER))
    assert 'Kept Table Expert' in _table(client)
    client.force_login(make_user('reader', Role.VIEWER))
    assert 'Kept Table Expert' not in _table(client)


def test_the_home_page_shows_the_readers_own_changes_first(client, make_user):
    editor = make_user('lbr-editor', Role.COUNTRY_EDITOR, countries=('LBR',))
    client.force_login(editor)
    liberian = actor()
    assert 'Recent changes' in client.get('/').content.decode()
    liberian._history_user = editor
    liberian.name = 'Renamed by the editor'
    liberian.save()
    home = client.get('/').content.decode()
    assert 'Your recent changes' in home
    changes = home[home.index('data-testid="home-changes"') :]
    assert 'Renamed by the editor' in changes[: changes.index('</table>')]
