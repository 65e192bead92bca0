"""The answers Django gives itself under ``/api/`` in DRF's shape ``{"detail": ...}``, so an API client never gets an
HTML page: a URL no route matches (an id the router's pattern refuses, such as ``1.5`` or ``a/b``), an exception
raised outside a view's own handling (a 500), a request Django refuses before any view (400). The site's error
handlers (``core/views/errors.py``) answer through this for paths under ``/api/``."""

from django.http import JsonResponse
from rest_framework import exceptions

__all__ = ['api_error', 'is_api']

API_PREFIX = '/api/'

# DRF's own messages (translated by DRF), so the answer reads as the API's other errors.
DETAILS = {
    400: exceptions.ParseError.default_detail,
    403: exceptions.PermissionDenied.default_detail,
    404: exceptions.NotFound.default_detail,
    500: exceptions.APIException.default_detail,
}


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def api_error(status: int, detail: str = '') -> JsonResponse:
    return JsonResponse({'detail': str(detail or DETAILS[status])}, status=status)
