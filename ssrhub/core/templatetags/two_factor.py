from django import template

from ssrhub.core import two_factor

register = template.Library()


@register.filter
def uses_two_factor(user) -> bool:
    """Whether the account menu offers the two-factor page to ``user`` (a device, or a role that must have one)."""
    return two_factor.uses_two_factor(user)
