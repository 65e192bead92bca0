"""``{% registered_tabs 'timeline' as tabs %}``: the tabs higher apps registered after a workspace tab that the page's
user may see in its country, groups in place of their tabs (``countries/tabs.py``); ``{% tab_group tab as group %}``:
the group of the current tab, if any."""

from django import template

from ssrhub.countries.tabs import TabGroup
from ssrhub.countries.tabs import registered_tabs as tabs_registered

register = template.Library()


@register.simple_tag(takes_context=True)
def registered_tabs(context, after: str) -> list:
    """The tabs the page's user may see in the page's country."""
    return tabs_registered(after, context['request'].user, context['country'])


@register.simple_tag(takes_context=True)
def tab_group(context, tab: str) -> TabGroup | None:
    entries = tabs_registered(None, context['request'].user, context['country'])
    return next((entry for entry in entries if isinstance(entry, TabGroup) and tab in entry), None)
