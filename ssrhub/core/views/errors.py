"""The error pages (400, 403, 404, 500, and a refused form's security token), inside the site's layout, saying
what happened and what to do.

Under ``/api/`` each answers JSON in DRF's shape instead (``core/api/errors.py``).

The 500 page is first rendered with the request (menu, language switch, the user's name); if that fails too (the
database is down, a context processor breaks) Django's own handler renders ``500.html`` with an empty context, which
the template is written to survive.
"""

import logging

from django.conf import settings
from django.shortcuts import render
from django.views import defaults

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


def server_error(request):
    if is_api(request):
        return api_error(500)
    try:
        return render(request, '500.html', _support(), status=500)
    except Exception:
        logger.exception('The 500 page failed with the request; rendering it without.')
        return defaults.server_error(request)
