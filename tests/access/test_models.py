"""The generic access suite over every entry of ``entries.py``: anonymous, without permission, with permission,
country-constrained (changes and, were the model sensitive, reads and their log), change logging, and for sensitive
models a reader whose session is not verified with a second factor."""

import pytest

from ssrhub.core.access import SENSITIVE
from ssrhub.core.readlog import is_sensitive
from ssrhub.core.roles import Role
from ssrhub.core.testing import access
from ssrhub.core.testing.access import HOME

from .entries import ENTRIES

pytestmark = pytest.mark.django_db

SCOPED = [entry for entry in ENTRIES if entry.foreign]
WRITABLE = [entry for entry in ENTRIES if access.writable(entry)]
SENSITIVE_ENTRIES = [entry for entry in ENTRIES if is_sensitive(entry.model)]


def by_model(entries):
    return pytest.mark.parametrize('entry', entries, ids=str)


@by_model(ENTRIES)
def test_anonymous(client, entry):
    access.check_anonymous(client, entry)


@by_model(ENTRIES)
def test_without_permission(client, entry, make_user):
    access.check_without_permission(client, entry, make_user('nobody'))


@by_model(ENTRIES)
def test_with_permission(client, entry, make_user):
    access.check_with_permission(client, entry, make_user('reader', entry.reader, countries=(HOME,)))


@by_model(WRITABLE)
def test_changes_are_logged(client, entry, make_user):
    access.check_changes_are_logged(client, entry, make_user('writer', entry.writer, countries=(HOME,)))


@by_model(SCOPED)
def test_country_constrained(client, entry, make_user):
    access.check_country_constrained(client, entry, make_user('writer', entry.writer, countries=(HOME,)))


@by_model(SCOPED)
def test_sensitive_reads_are_country_constrained_and_logged(client, entry, make_user, monkeypatch):
    if is_sensitive(entry.model):
        access.check_sensitive_reads(client, entry, make_user('reader', entry.reader, countries=(HOME,)))
        return
    # Were the model sensitive, an HRDDP forum member of Liberia would read Liberia's record only, each read logged.
    monkeypatch.setattr(entry.model, 'access_kind', SENSITIVE)
    reader = make_user('reader', Role.HRDDP_FORUM_MEMBER, countries=(HOME,))
    access.check_sensitive_reads(client, entry, reader, every_read_logged=False)


@by_model(SENSITIVE_ENTRIES)
def test_unverified_sessions_see_nothing(client, entry, make_user):
    access.check_unverified(client, entry, make_user('reader', entry.reader, countries=(HOME,)))


@by_model(SCOPED[:3])
def test_unverified_sessions_see_nothing_were_the_model_sensitive(client, entry, make_user, monkeypatch):
    monkeypatch.setattr(entry.model, 'access_kind', SENSITIVE)
    access.check_unverified(client, entry, make_user('reader', Role.HRDDP_FORUM_MEMBER, countries=(HOME,)))
