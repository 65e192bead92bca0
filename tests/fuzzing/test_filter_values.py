"""No value of any filter parameter gives a 500 (issue 15, item 5): a property-based test over every filterset.

The filtersets are found by themselves: every page of the navigation test's examples whose context holds a filter
panel (``filter_form``) and every API list whose viewset has a ``filterset_class``. For each filter field Hypothesis
draws values of its kind (a number, a date, one of its choices...) and nasty ones (0, negative and huge numbers,
0000-00-00, year 99999, long text, unicode, NUL bytes, several values, SQL and HTML fragments); the page or API must
answer as it does without parameters (200, or 403 for a visitor who may not open it) or 400, never 500.
``SSRHUB_FUZZ_EXAMPLES`` runs more examples per page (docs/development/testing.md).
"""

import os

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssrhub.core.api.filters import FilterBackend
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.core.testing.urls import url_views
from ssrhub.site.tests.test_navigation import PAGES

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get('SSRHUB_FUZZ_EXAMPLES', '6'))

NASTY = st.sampled_from(
    [
        '',
        '0',
        '-1',
        '-99999999999999999999999',
        '99999',
        '2' * 40,
        '1e999999',
        'NaN',
        '-Infinity',
        '0x10',
        '1.5',
        '0000-00-00',
        '99999-12-31',
        '0001-01-01',
        '9999-12-31',
        '2019-02-30',
        'x' * 5000,
        'a\x00b',
        '\x00',
        "' OR 1=1 --",
        '"; DROP TABLE core_country; --',
        '<script>alert(1)</script>',
        '%',
        '_',
        '\\',
        '\u202e\u00e9\u4e2d\U0001f600',
        '\ud7ff\ufffd',
        'true',
        'None',
        '[]',
    ]
)


def _kind(field) -> st.SearchStrategy:
    """Values of the field's own kind."""
    if isinstance(field, forms.DateField):
        return st.dates().map(str) | st.integers(-1, 100000).map(lambda year: f'{year:04d}-01-01')
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField | forms.ModelChoiceField):
        return st.integers(-(10**20), 10**20).map(str) | st.integers(-2, 10000).map(str)
    if isinstance(field, forms.ChoiceField | forms.NullBooleanField):
        choices = [str(value) for value, _label in getattr(field, 'choices', ())] or ['true', 'false']
        return st.sampled_from(choices)
    return st.text(max_size=30)


def _values(field) -> st.SearchStrategy:
    one = _kind(field) | NASTY
    return st.lists(one, min_size=1, max_size=3)


def _query(fields: dict) -> st.SearchStrategy:
    """Every filter parameter of the form, each with one to three values: an invalid value leaves the others applied,
    so each request tries every filter."""
    return st.fixed_dictionaries({name: _values(field) for name, field in fields.items()})


def _api_lists() -> list[tuple[str, type]]:
    """(URL name, filterset) of every API list with filters (a ``filterset_class`` or ``filterset_fields``)."""
    found = []
    for name, route, view in url_views():
        if name.endswith('-list') and '<' not in route:
            filterset = FilterBackend().get_filterset_class(view, view.queryset)
            if filterset is not None:
                found.append((name, filterset))
    return sorted(found)


def _client(user) -> Client:
    client = Client()
    if user is not None:
        verified_login(client, user)
    return client


@pytest.fixture(scope='module')
def clients(module_transaction, django_db_blocker):
    """An anonymous visitor, a viewer and an administrator (verified with a second factor: due-diligence pages)."""
    with django_db_blocker.unblock():
        users = {}
        for role in (Role.VIEWER, Role.ADMINISTRATOR):
            users[role] = get_user_model().objects.create_user(f'fuzz-{role}', password='fuzz-password-long')
            users[role].groups.add(Group.objects.get(name=role))
        return {
            'anonymous': _client(None),
            'viewer': _client(users[Role.VIEWER]),
            'admin': _client(users[Role.ADMINISTRATOR]),
        }


@pytest.fixture(scope='module')
def filter_pages(clients, django_db_blocker) -> dict[str, dict]:
    """URL -> the fields of its filter panel, for every list page of the navigation test's examples that shows one.

    The tables are those of ``ssrhub setup`` (countries, frameworks, institutions): an empty table is filtered the same
    way, and values are converted and bound in SQL whether or not rows match them."""
    pages = {}
    with django_db_blocker.unblock():
        for name in sorted(set(PAGES) & {name for name, _route, _view in url_views()}):
            if callable(PAGES[name]):
                continue  # one record's page (its example comes from the demo), not a list
            url = reverse(name, kwargs=PAGES[name])
            response = clients['admin'].get(url)
            if response.status_code == 200 and response.context and 'filter_form' in response.context:
                pages[url] = response.context['filter_form'].fields
    return pages


def _fuzz(client, url, fields):
    """Hypothesis' examples of a query string for ``fields`` against ``url``."""
    baseline = client.get(url).status_code
    assert baseline != 500, url
    allowed = {200, 400} if baseline == 200 else {baseline}

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(_query(fields))
    def answers(query):
        status = client.get(url, query).status_code
        assert status in allowed, f'{url} {query!r}: {status}'

    answers()
    return baseline


@pytest.mark.parametrize('who', ['anonymous', 'viewer', 'admin'])
def test_no_filter_value_breaks_a_page(clients, filter_pages, who):
    assert len(filter_pages) >= 25, sorted(filter_pages)
    opened = [url for url, fields in filter_pages.items() if _fuzz(clients[who], url, fields) == 200]
    assert opened, who


@pytest.mark.parametrize(('name', 'filterset'), _api_lists(), ids=lambda value: value if isinstance(value, str) else '')
@pytest.mark.parametrize('who', ['anonymous', 'viewer'])
def test_no_filter_value_breaks_an_api_list(clients, name, filterset, who):
    _fuzz(clients[who], reverse(name), filterset(queryset=filterset._meta.model.objects.none()).form.fields)
