"""Reading values from a URL's query string: a bad value is a 400 page that says, in the user's language, what to
type instead (never Python's own message)."""

from datetime import date

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

__all__ = ['InvalidParameter', 'date_param']


class InvalidParameter(BadRequest, ValueError):
    """A bad value in the query string. Its message is translated and shown on the 400 page (``errors.bad_request``);
    as a ``ValueError`` it is caught wherever a view already falls back to a default."""


def date_param(request, name: str = 'date', default: date | None = None) -> date | None:
    """The ``YYYY-MM-DD`` date of GET parameter ``name``; ``default`` when it is absent or empty."""
    value = request.GET.get(name, '').strip()
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidParameter(
            _('“%(value)s” is not a date. Enter the date as YYYY-MM-DD, for example 1993-12-31.') % {'value': value}
        ) from None
