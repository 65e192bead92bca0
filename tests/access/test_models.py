"""The generic access suite over every entry of ``entries.py``: anonymous, without permission, with permission,
country-constrained (changes and, were the model sensitive, reads) and change logging."""

import pytest

from ssrhub.core.access import SENSITIVE
from ssrhub.core.testing import access
from ssrhub.core.testing.access import HOME

from .entries import ENTRIES

pytestmark = pytest.mark.django_db

SCOPED = [entry for entry in ENTRIES if entry.foreign]
WRITABLE = [entry for entry in ENTRIES if access.writable(entry)]


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
def test_sensitive_reads_are_country_constrained(client, entry, make_user, monkeypatch):
    monkeypatch.setattr(entry.model, 'access_kind', SENSITIVE)
    access.check_sensitive_reads(client, entry, make_user('reader', entry.reader, countries=(HOME,)))
