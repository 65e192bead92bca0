"""``{{ document.adopted|partial_date:document.adopted_precision }}``: "2019-03-14", "March 2019" or "2019"."""

from django import template

from ssrhub.core.dates import DAY, PartialDate
from ssrhub.core.fields import format_partial_date

register = template.Library()


@register.filter
def partial_date(value, precision=DAY) -> str:
    """A date shown as precisely as it is known, month names in the active language."""
    if not value:
        return ''
    return format_partial_date(PartialDate(value, precision or DAY))
