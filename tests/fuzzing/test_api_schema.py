"""The API fuzzed from its own schema (issue 15, item 7): every operation of ``/api/schema/``, in-process through the
WSGI application, as an anonymous visitor, a viewer and an administrator (verified with a second factor, so the
due-diligence endpoints answer), on the demo's records: no 500, only documented status codes and content types, and
bodies that match the schema.

One test per user loops over the operations, so the schema, the demo and the sessions are set up once. An operation
on one record is tried on a record the user sees. Each call runs inside a savepoint rolled back after it: a write
(the administrator's create, update, delete) leaves nothing for the next call. Hypothesis is derandomised (a run is
repeatable) and does not shrink a failure: the test reports every operation's first failing case at the end. Examples
per operation: ``SSRHUB_API_FUZZ_EXAMPLES`` for reads, ``SSRHUB_API_FUZZ_WRITE_EXAMPLES`` for writes
(docs/development/testing.md).

``test_read_only_fields_that_may_be_null_say_so`` checks every serializer for the commonest schema error the
fuzzing found (a read-only field through an empty relation), whether or not the demo has such a row.
"""

import logging
import os
import re
import traceback

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist
from django.core.signals import got_request_exception, request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.fields import empty
from rest_framework.relations import ManyRelatedField
from rest_framework.serializers import BaseSerializer, ListSerializer
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.core.testing.urls import url_views

EXAMPLES = int(os.environ.get('SSRHUB_API_FUZZ_EXAMPLES', '2'))
WRITE_EXAMPLES = int(os.environ.get('SSRHUB_API_FUZZ_WRITE_EXAMPLES', '1'))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
USERS = {'anonymous': None, 'viewer': Role.VIEWER, 'admin': Role.ADMINISTRATOR}


@pytest.fixture(scope='module')
def operations():
    """Every operation of the schema ``/api/schema/`` serves, called through the WSGI application."""
    schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
    schema.app = get_wsgi_application()
    return [result.ok() for result in schema.get_all_operations()]


@pytest.fixture(scope='module')
def server_errors():
    """The traceback of each exception a request raised (the 500's cause, which the answer does not carry), and the
    WSGI handler kept from closing the test's database connection at the end of a request (as Django's test client
    does)."""
    raised = []

    def record(sender, request=None, **kwargs):
        raised.append(traceback.format_exc())

    got_request_exception.connect(record)
    logging.getLogger('django.request').setLevel(logging.ERROR)  # not a line per refused request (4xx)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield raised
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    got_request_exception.disconnect(record)
    logging.getLogger('django.request').setLevel(logging.NOTSET)


@pytest.fixture(scope='module')
def sessions(module_demo, django_db_blocker) -> dict:
    """For each user: the cookies and headers of their session (verified with a second factor), with the CSRF token
    a write needs. Every request goes through the WSGI application: Django's test client would connect the
    end-of-request connection closing again after each of its requests."""
    found = {'anonymous': {}}
    with django_db_blocker.unblock():
        for who, role in USERS.items():
            if role is None:
                continue
            user = get_user_model().objects.create_user(f'fuzz-{who}')
            user.groups.add(Group.objects.get(name=role))
            client = Client()
            verified_login(client, user)
            csrf = _get_new_csrf_string()
            found[who] = {
                'cookies': {'sessionid': client.cookies['sessionid'].value, 'csrftoken': csrf},
                'headers': {'X-CSRFToken': csrf},
            }
    return found


def _record(operation, lists: dict, session: dict, first_rows: dict) -> dict:
    """Path parameters naming a record the user sees, taken from the first row of the list the operation's path
    starts with (``/api/core/countries/`` for ``/api/core/countries/{iso3}/``); empty when there is none. Generated
    ids rarely name a record, so without this a retrieve, update or delete would only be tried on a 404."""
    names = re.findall(r'{(\w+)}', operation.path)
    listing = operation.path[: operation.path.index('{')] if names else None
    if listing not in lists:
        return {}
    if listing not in first_rows:
        response = lists[listing].Case().call(**session)
        body = response.json() if response.status_code == 200 else {}
        rows = body.get('results', []) if isinstance(body, dict) else body
        first_rows[listing] = rows[0] if rows and isinstance(rows[0], dict) else {}
    row = first_rows[listing]
    return {name: row[name] for name in names} if all(name in row for name in names) else {}


def _first_failure(operation, session: dict, record: dict, server_errors) -> str | None:
    """The operation's first failing case, or None. Examples are drawn afresh (no shrinking) and derandomised."""
    examples = EXAMPLES if operation.method.upper() == 'GET' else WRITE_EXAMPLES

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(path_parameters=record or None))
    def conforms(case):
        del server_errors[:]
        with transaction.atomic():  # each call starts from the same records (Hypothesis replays a failing one)
            response = case.call(**session)
            transaction.set_rollback(True)
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as error:  # schemathesis' FailureGroup is a BaseExceptionGroup
            raise AssertionError(f'{error}\n{"".join(server_errors)}') from None

    try:
        conforms()
    except AssertionError as error:
        return f'{operation.label}: {error}'
    return None


@pytest.mark.django_db
@pytest.mark.parametrize('who', list(USERS))
def test_api_conforms_to_its_schema(operations, sessions, server_errors, who):
    session, first_rows = sessions[who], {}
    lists = {operation.path: operation for operation in operations if operation.method.upper() == 'GET'}
    failures, on_records = [], 0
    for operation in operations:
        record = _record(operation, lists, session, first_rows)
        on_records += bool(record)
        failures.append(_first_failure(operation, session, record, server_errors))
    print(f'{who}: {len(operations)} operations, {on_records} of them on a record the user sees')
    failures = [failure for failure in failures if failure]
    assert not failures, f'{len(failures)} of {len(operations)} operations:\n\n' + '\n\n'.join(failures)
    if who == 'admin':
        assert on_records > 150, on_records  # most operations on one record were tried on a real one


def _through_empty_relation(model, source: str) -> bool:
    """Whether reading ``source`` (``a.b.c``) from a ``model`` row may meet a null on the way."""
    for part in source.split('.'):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False  # a property or method: its answer is the schema's to say
        if field.many_to_many or field.one_to_many:
            return False
        if field.null:
            return True
        model = field.related_model
        if model is None:
            return False
    return False


def _unannounced_nulls(serializer, seen: set) -> list[str]:
    """Read-only fields of ``serializer`` and its nested serializers that answer ``null`` without saying so."""
    if type(serializer) in seen:
        return []
    seen.add(type(serializer))
    model = getattr(getattr(serializer, 'Meta', None), 'model', None)
    found = []
    for name, field in serializer.fields.items():
        inner = field.child if isinstance(field, ListSerializer) else field
        if isinstance(inner, BaseSerializer):
            found += _unannounced_nulls(inner, seen)
        elif field.read_only and field.default is not empty and '.' in field.source:
            found.append(f'{type(serializer).__name__}.{name}: a default (left out of a PATCH answer)')
        elif field.read_only and not field.allow_null and field.source != '*' and model:
            if not isinstance(field, ManyRelatedField) and _through_empty_relation(model, field.source):
                found.append(f'{type(serializer).__name__}.{name} ({field.source})')
    return found


def test_read_only_fields_that_may_be_null_say_so():
    """A declared read-only field (``SlugRelatedField(read_only=True)``, ``CharField(source='a.b')``) through a
    relation that may be empty answers ``null``: without ``allow_null=True`` the schema says it never does. The fuzzing
    finds it only where the demo has such a row; this finds it for every serializer of the API. A read-only field
    with a ``default`` is no answer: DRF leaves it out of the answer to a PATCH (a partial update) when the relation is
    empty, and the schema says it is always there."""
    seen = set()
    serializers = {view.serializer_class for _name, _route, view in url_views() if getattr(view, 'serializer_class', 0)}
    assert len(serializers) > 50
    assert [found for serializer in serializers for found in _unannounced_nulls(serializer(), seen)] == []
