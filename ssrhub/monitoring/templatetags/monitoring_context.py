"""Filters of the context pages: a statistic written in the page's language."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def statistic(value) -> str:
    """A value without trailing zeros, grouped and with the decimal mark of the page's language (1 234,5 in
    French)."""
    if value is None or value == '':
        return ''
    number = Decimal(str(value)).normalize()
    return number_format(number, use_l10n=True, force_grouping=True)
