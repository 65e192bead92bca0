"""A write to a read-only SQLite database (docs/operations.md, "Read-only database") answers 503 with a sentence
saying so, in the site's layout or as the API's JSON, instead of a server error; reads go on."""

from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def read_only_message() -> str:
    return _('The database is read-only at the moment: pages can be read, but no change can be saved. Try again later.')


class ReadOnlyDatabaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # SQLite's own words are the only sign of this case.
        if not (isinstance(exception, OperationalError) and 'readonly database' in str(exception)):
            return None
        if request.path.startswith('/api/'):
            return JsonResponse({'detail': read_only_message()}, status=503)
        return render(request, 'read_only.html', {'message': read_only_message()}, status=503)
