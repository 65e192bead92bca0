"""The generic access suite: one ``AccessEntry`` per model declares its pages and API endpoints, and the checks
below exercise every one of them as anonymous, without permission, with permission and from another country,
and check that every change writes a history row naming the user (NetBox ``utilities/testing``, as data).

On a sensitive model every user is logged in with a verified second factor (``verified_login``), so that refusals
come from roles and countries; ``check_unverified`` then checks that a reader whose session is not verified sees
nothing, and ``check_sensitive_reads`` that reads are country-constrained and written to the read log.

A check takes a Django test client, the entry and the users it needs; ``tests/access/`` runs them for every entry.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms.models import model_to_dict
from django.shortcuts import resolve_url
from django.urls import resolve, reverse

from ssrhub.core.access import SENSITIVE
from ssrhub.core.models import SensitiveRead
from ssrhub.core.readlog import is_sensitive
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.core.views.generic import ObjectHistoryView, ObjectListView, ObjectView

__all__ = [
    'HOME',
    'READS',
    'WRITES',
    'AccessEntry',
    'Endpoint',
    'check_anonymous',
    'check_changes_are_logged',
    'check_country_constrained',
    'check_sensitive_reads',
    'check_unverified',
    'check_with_permission',
    'check_without_permission',
    'form_data',
    'log_in',
    'writable',
]

READS = frozenset({'list', 'detail'})
WRITES = frozenset({'edit', 'add', 'delete', 'post'})
API_WRITE_METHODS = {'list': ('post',), 'detail': ('put', 'patch', 'delete')}
REFUSED = frozenset({401, 403, 404, 405})
HOME = 'LBR'


@dataclass(frozen=True)
class Endpoint:
    """A page or API endpoint of a model.

    Args:
        name: the URL name, e.g. ``framework:mission_edit`` or ``framework-api:mission-detail``.
        kind: ``list`` or ``detail`` (reads); ``edit``, ``add``, ``delete`` (GET shows a form, POST saves) or
            ``post`` (POST only) for writes.
        kwargs: the URL keyword arguments, from the record (none by default).
        query: a query string appended to the URL (without ``?``).
        data: the valid POST payload of a write (form data) or of an API write (JSON), from the record.
        logs: the model whose history a write adds to, when it is not the entry's model.
        saves: False for a write the record itself makes invalid for the writer (a second engagement of Liberia):
            only its refusals are checked.
    """

    name: str
    kind: str = 'detail'
    kwargs: Callable[[models.Model], dict] | None = None
    query: str = ''
    data: Callable[[models.Model], dict] | None = None
    logs: type[models.Model] | None = None
    saves: bool = True

    def url(self, record) -> str:
        path = reverse(self.name, kwargs=self.kwargs(record) if self.kwargs else None)
        return f'{path}?{self.query}' if self.query else path


@dataclass(frozen=True)
class AccessEntry:
    """One model's part in the generic access suite: the model, a record, its pages and API endpoints.

    Args:
        model: the model.
        record: returns a record the checks read and change (created or looked up); for a country-scoped model,
            one of Liberia (LBR), the country the writer is assigned to.
        pages: the model's pages; API endpoints go in ``api``.
        foreign: for a country-scoped model, returns a record of another country than Liberia.
        reader: a role that may view the model; writer: one that may change it (assigned to LBR).
        marker: the text a list page shows when it lists the record (default: the record's URL).
        api_key: the field of an API row identifying the record, compared with ``getattr(record, api_key)``.

    The checks' users: ``reader`` and ``writer`` roles assigned to ``HOME`` (Liberia), and a user without a role.
    """

    model: type[models.Model]
    record: Callable[[], models.Model]
    pages: tuple[Endpoint, ...] = ()
    api: tuple[Endpoint, ...] = ()
    foreign: Callable[[], models.Model] | None = None
    reader: Role = Role.VIEWER
    writer: Role | None = None
    marker: Callable[[models.Model], str] | None = None
    api_key: str = 'id'

    def __str__(self):
        return self.model._meta.label

    @property
    def public(self) -> bool:
        return getattr(self.model, 'public', False) and self.model.access_kind != SENSITIVE

    def endpoints(self, kinds=READS | WRITES) -> list[tuple[Endpoint, bool]]:
        """(endpoint, is_api) for the pages and API endpoints of the given kinds (all by default)."""
        return [(e, False) for e in self.pages if e.kind in kinds] + [(e, True) for e in self.api if e.kind in kinds]

    def text_marker(self, record) -> str | None:
        if self.marker:
            return self.marker(record)
        return record.get_absolute_url() if hasattr(record, 'get_absolute_url') else None


# Section: helpers


def form_data(form_class, instance, form_kwargs=None, **changes) -> dict:
    """The POST data of ``form_class`` bound to ``instance`` as it stands, with ``changes``: a valid edit.
    ``form_kwargs`` go to the form (e.g. the country whose records a form offers)."""
    form = form_class(instance=instance, **(form_kwargs or {}))
    initial = form.initial
    data = {}
    for name in form.fields:
        value = changes.get(name, initial.get(name))
        if value is None:
            continue
        if isinstance(value, list | tuple | models.QuerySet):
            value = [item.pk if isinstance(item, models.Model) else item for item in value]
        elif isinstance(value, models.Model):
            value = value.pk
        data[name] = value
    return data


def _is_login(response) -> bool:
    return response.status_code == 302 and response['Location'].startswith(resolve_url(settings.LOGIN_URL))


def _is_second_factor(response) -> bool:
    return response.status_code == 302 and response['Location'].startswith(resolve_url('two_factor'))


def log_in(client, entry, user):
    """Log ``user`` in: with a verified second factor on a sensitive model, so that refusals come from the role."""
    if is_sensitive(entry.model):
        verified_login(client, user)
    else:
        client.force_login(user)


def _readable(response) -> bool:
    return response.status_code == 200 or (
        response.status_code == 302 and not _is_login(response) and not _is_second_factor(response)
    )


def _describe(response, url) -> str:
    return f'{response.status_code} from {url} {response.get("Location", "")}'


def _rows(response):
    """The rows of an API list response (None when it is not a list of records)."""
    try:
        data = response.json()
    except (ValueError, json.JSONDecodeError):
        return None
    if isinstance(data, dict):
        data = data.get('results')
    return data if isinstance(data, list) else None


def _shows(entry, endpoint, is_api, response, record) -> bool | None:
    """Whether a readable list response shows ``record`` (None when it cannot tell, e.g. after a redirect)."""
    if response.status_code != 200:
        return None
    if is_api:
        rows = _rows(response)
        if rows is None:
            return None
        wanted = getattr(record, entry.api_key)
        return any(isinstance(row, dict) and row.get(entry.api_key) == wanted for row in rows)
    marker = entry.text_marker(record)
    return None if marker is None else marker in response.content.decode()


def _get(client, url, is_api):
    return client.get(url, HTTP_ACCEPT='application/json') if is_api else client.get(url)


def _snapshot(entry, record, endpoint=None):
    """What a refused write must leave unchanged: the record's values, the row count and the history."""
    logged = endpoint.logs if endpoint and endpoint.logs else entry.model
    row = entry.model._default_manager.filter(pk=record.pk).first()
    history = logged.history.count() if hasattr(logged, 'history') else None
    return (model_to_dict(row) if row else None, entry.model._default_manager.count(), logged.objects.count(), history)


def _writes(client, endpoint, is_api, record):
    """Every write request of ``endpoint``: (method, response)."""
    url = endpoint.url(record)
    payload = endpoint.data(record) if endpoint.data else {}
    if is_api:
        return [
            (method, getattr(client, method)(url, payload, content_type='application/json'))
            for method in API_WRITE_METHODS.get(endpoint.kind, ('post',))
        ]
    # The form first, as a browser asks for it: a delete's POST would leave nothing to GET.
    responses = [] if endpoint.kind == 'post' else [('get', client.get(url))]
    return [*responses, ('post', client.post(url, payload))]


def _refuse_writes(client, entry, record, *, anonymous=False, unverified=False):
    """Every write through every page and API endpoint is refused and changes nothing (anonymous users may be sent to
    log in, unverified ones to their second factor)."""
    for endpoint, is_api in entry.endpoints():
        if not is_api and endpoint.kind in READS:
            continue
        before = _snapshot(entry, record, endpoint)
        for method, response in _writes(client, endpoint, is_api, record):
            url = endpoint.url(record)
            refused = (
                response.status_code in REFUSED
                or (anonymous and _is_login(response))
                or (unverified and _is_second_factor(response))
            )
            assert refused, f'{method.upper()} {_describe(response, url)} for {entry}'
        assert _snapshot(entry, record, endpoint) == before, f'{endpoint.name} changed {entry} although refused'


# Section: checks


def check_anonymous(client, entry):
    """Public reference data is readable; anything else asks for a login (pages) or is refused (API)."""
    record = entry.record()
    for endpoint, is_api in entry.endpoints(READS):
        url = endpoint.url(record)
        response = _get(client, url, is_api)
        if entry.public:
            assert _readable(response), _describe(response, url)
            if endpoint.kind == 'list':
                assert _shows(entry, endpoint, is_api, response, record) is not False, f'{url} hides {record}'
        elif _readable(response):
            assert endpoint.kind == 'list' and _shows(entry, endpoint, is_api, response, record) is False, (
                f'{url} shows {entry} to anonymous users'
            )
        else:
            assert _is_login(response) or response.status_code in REFUSED, _describe(response, url)
    _refuse_writes(client, entry, record, anonymous=True)


def check_without_permission(client, entry, user):
    """A user without a role sees nothing of the model (403, 404 or a list without the record) and changes nothing."""
    record = entry.record()
    log_in(client, entry, user)
    for endpoint, is_api in entry.endpoints(READS):
        url = endpoint.url(record)
        response = _get(client, url, is_api)
        if _readable(response) and endpoint.kind == 'list':
            assert _shows(entry, endpoint, is_api, response, record) is not True, f'{url} shows {record}'
        else:
            assert response.status_code in REFUSED, _describe(response, url)
    _refuse_writes(client, entry, record)


def check_with_permission(client, entry, reader):
    """The reader's role reads every page and API endpoint, lists show the record, and (unless it is also the
    writer's role) every write is refused."""
    record = entry.record()
    log_in(client, entry, reader)
    for endpoint, is_api in entry.endpoints(READS):
        url = endpoint.url(record)
        response = _get(client, url, is_api)
        assert _readable(response), _describe(response, url)
        if endpoint.kind == 'list':
            assert _shows(entry, endpoint, is_api, response, record) is not False, f'{url} hides {record}'
    if entry.reader != entry.writer:
        _refuse_writes(client, entry, record)


def writable(entry) -> list[tuple[Endpoint, bool]]:
    """The entry's write pages and writable API endpoints (those with a payload that saves)."""
    return [(e, is_api) for e, is_api in entry.endpoints() if e.data and e.saves and (is_api or e.kind in WRITES)]


def check_changes_are_logged(client, entry, writer):
    """Every write page and writable API endpoint works for the writer and adds a history row naming them."""
    for endpoint, is_api in writable(entry):
        record = entry.record()
        log_in(client, entry, writer)
        logged = endpoint.logs or entry.model
        before = logged.history.count()
        for method, response in _writes(client, endpoint, is_api, record):
            url = endpoint.url(record)
            assert response.status_code in {200, 201, 204, 302}, f'{method.upper()} {_describe(response, url)}'
            assert not _is_login(response), url
        assert logged.history.count() > before, f'{endpoint.name} wrote no history'
        assert logged.history.latest('history_date').history_user == writer, f'{endpoint.name}: history user'


def check_country_constrained(client, entry, writer):
    """A writer of Liberia cannot change or delete a record of another country by guessing its id, through any
    page or API endpoint (403 or 404), and nothing changes."""
    foreign = entry.foreign()
    log_in(client, entry, writer)
    for endpoint, is_api in entry.endpoints():
        if not is_api and endpoint.kind in READS:
            continue
        before = _snapshot(entry, foreign, endpoint)
        for method, response in _writes(client, endpoint, is_api, foreign):
            url = endpoint.url(foreign)
            assert response.status_code in REFUSED, f'{method.upper()} {_describe(response, url)}'
        assert _snapshot(entry, foreign, endpoint) == before, f'{endpoint.name} changed a record of another country'


def check_unverified(client, entry, reader):
    """On a sensitive model, a reader whose role and country read the record but whose session is not verified with
    a second factor (a password login, an API token) sees nothing of it: pages send them to verify (or refuse), lists
    leave it out, the API refuses or lists nothing; every write is refused; no read is logged."""
    record = entry.record()
    client.force_login(reader)
    reads = SensitiveRead.objects.count()
    for endpoint, is_api in entry.endpoints(READS):
        url = endpoint.url(record)
        response = _get(client, url, is_api)
        if response.status_code == 200 and endpoint.kind == 'list':
            assert _shows(entry, endpoint, is_api, response, record) is False, f'{url} shows {record} unverified'
        else:
            assert response.status_code in REFUSED or _is_second_factor(response), _describe(response, url)
    _refuse_writes(client, entry, record, unverified=True)
    assert SensitiveRead.objects.count() == reads, f'{entry}: a read was logged for an unverified session'


GENERIC_READS = (ObjectView, ObjectHistoryView, ObjectListView)


def _logs_itself(endpoint, is_api, url) -> bool:
    """Whether the endpoint's read is logged by the generic machinery (API viewsets, generic record and list pages)."""
    if is_api:
        return True
    view = getattr(resolve(url.split('?')[0]).func, 'view_class', None)
    return view is not None and issubclass(view, GENERIC_READS)


def check_sensitive_reads(client, entry, reader, *, every_read_logged=True):
    """A reader assigned to Liberia reads its own country's record and never another country's, through any page or
    API endpoint, and every read is in the read log (``SensitiveRead``: the reader, the record) before the response:
    a list showing the record, a record's page or API detail. The caller patches ``access_kind`` when the model is
    not sensitive; then ``every_read_logged=False`` asks it only of the generic views' and API viewsets' reads (a
    model made sensitive must log its own other reads: exports, analyses)."""
    own, foreign = entry.record(), entry.foreign()
    log_in(client, entry, reader)
    kind = ContentType.objects.get_for_model(entry.model, for_concrete_model=False)
    own_reads = SensitiveRead.objects.filter(user=reader, content_type=kind, object_id=own.pk)
    for endpoint, is_api in entry.endpoints(READS):
        url = endpoint.url(foreign)
        response = _get(client, url, is_api)
        if endpoint.kind == 'list':
            assert _readable(response), _describe(response, url)
            assert _shows(entry, endpoint, is_api, response, foreign) is not True, f'{url} shows {foreign}'
            before = own_reads.count()
            response = _get(client, endpoint.url(own), is_api)
            shown = _shows(entry, endpoint, is_api, response, own)
            assert shown is not False, f'{url} hides {own}'
            logged = every_read_logged or _logs_itself(endpoint, is_api, url)
            if shown and logged:
                assert own_reads.count() > before, f'{url} showed {own} without logging the read'
        else:
            assert response.status_code in {403, 404}, _describe(response, url)
            own_url = endpoint.url(own)
            before = own_reads.count()
            response = _get(client, own_url, is_api)
            assert _readable(response), own_url
            if response.status_code == 200 and (every_read_logged or _logs_itself(endpoint, is_api, own_url)):
                assert own_reads.count() > before, f'{own_url} showed {own} without logging the read'
    assert not SensitiveRead.objects.filter(content_type=kind, object_id=foreign.pk).exists(), (
        f'a read of {foreign} (another country) was logged: it was shown'
    )
