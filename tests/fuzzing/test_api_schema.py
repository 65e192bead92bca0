"""The API fuzzed from its own schema (issue 15, item 7): every operation of ``/api/schema/``, in-process through the
WSGI application, as an anonymous visitor, a viewer and an administrator (verified with a second factor, so the
due-diligence endpoints answer): no 500, only documented status codes, and bodies that match the schema.

Writes run as the administrator inside the test's transaction and are rolled back. Examples per operation and user:
``SSRHUB_API_FUZZ_EXAMPLES`` (docs/development/testing.md); Hypothesis is derandomised, so a run is repeatable.
"""

import os

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.wsgi import get_wsgi_application
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get('SSRHUB_API_FUZZ_EXAMPLES', '3'))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
USERS = {'anonymous': None, 'viewer': Role.VIEWER, 'admin': Role.ADMINISTRATOR}


# The schema /api/schema/ serves (drf-spectacular's generator needs no database), called through the WSGI application.
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()


def _session(role) -> dict:
    """The cookies and headers of a session of a user with ``role`` (verified with a second factor), with the CSRF
    token a write needs."""
    if role is None:
        return {}
    user, _new = get_user_model().objects.get_or_create(username=f'fuzz-{role}')
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    verified_login(client, user)
    csrf = _get_new_csrf_string()
    return {
        'cookies': {'sessionid': client.cookies['sessionid'].value, 'csrftoken': csrf},
        'headers': {'X-CSRFToken': csrf},
    }


@schema.parametrize()
@pytest.mark.parametrize('who', list(USERS))
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, who):
    case.call_and_validate(checks=CHECKS, **_session(USERS[who]))
