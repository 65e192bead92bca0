"""The error pages (400, 403, 404, 500, and a refused form's security token), inside the site's layout, saying
what happened and what to do.

Under ``/api/`` each answers JSON in DRF's shape instead (``core/api/errors.py``).

The 500 page is first rendered with the request (menu, language switch, the user's name); if that fails too (the
database is down, a context processor breaks) ``500.html`` is rendered without it, which the template is written to
survive. When the database cannot be reached (a restart, an outage) the page says so and answers 503 with
Retry-After: the request can be repeated, and monitoring tells an outage from a fault of the code.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from ssrhub.core.api.errors import api_error, is_api
from ssrhub.core.models import Country
from ssrhub.core.params import InvalidParameter
from ssrhub.core.roles import Role

__all__ = ['bad_request', 'csrf_failure', 'page_not_found', 'permission_denied', 'server_error']

logger = logging.getLogger(__name__)


def _support() -> dict:
    return {'support_email': settings.SSRHUB_SUPPORT_EMAIL}


def bad_request(request, exception):
    message = str(exception) if isinstance(exception, InvalidParameter) else ''
    if is_api(request):
        return api_error(400, message)
    return render(request, '400.html', {'message': message, **_support()}, status=400)


def permission_denied(request, exception):
    if is_api(request):
        return api_error(403)
    user, context = request.user, _support()
    if user.is_authenticated:
        names = set(user.groups.values_list('name', flat=True))
        context |= {
            'roles': [role.label for role in Role if role.value in names],
            'countries': list(Country.objects.filter(assignments__user=user).distinct()),
        }
    return render(request, '403.html', context, status=403)


def csrf_failure(request, reason=''):
    """A form sent without a valid security token (the page was open too long, or cookies are blocked)."""
    if is_api(request):
        return api_error(403, reason)
    return render(request, '403.html', {'csrf_failure': True, **_support()}, status=403)


def page_not_found(request, exception):
    if is_api(request):
        return api_error(404)
    return render(request, '404.html', {'request_path': request.path, **_support()}, status=404)


RETRY_AFTER_SECONDS = 30


def server_error(request):
    database_down = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    status = 503 if database_down else 500
    if is_api(request):
        response = api_error(status, _('The database cannot be reached at the moment.') if database_down else '')
    else:
        context = {'database_down': database_down, **_support()}
        try:
            response = render(request, '500.html', context, status=status)
        except Exception:
            logger.exception('The 500 page failed with the request; rendering it without.')
            response = HttpResponse(loader.get_template('500.html').render(context), status=status)
    if database_down:
        response['Retry-After'] = str(RETRY_AFTER_SECONDS)
    return response
