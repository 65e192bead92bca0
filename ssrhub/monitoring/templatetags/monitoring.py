"""``{{ value|indicator_value:indicator }}``: a value of an indicator as it reads on a page (``display.py``)."""

from django import template

from ..display import format_value

register = template.Library()


@register.filter
def indicator_value(value, indicator) -> str:
    return format_value(value, indicator)
