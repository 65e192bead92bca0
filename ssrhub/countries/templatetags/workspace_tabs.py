"""``{% registered_tabs 'timeline' as tabs %}``: the tabs higher apps registered after a workspace tab, groups in
place of their tabs (``countries/tabs.py``); ``{% tab_group tab as group %}``: the group of the current tab, if any."""

from django import template

from ssrhub.countries.tabs import TabGroup
from ssrhub.countries.tabs import registered_tabs as tabs_registered

register = template.Library()


@register.simple_tag
def registered_tabs(after: str) -> list:
    return tabs_registered(after)


@register.simple_tag
def tab_group(tab: str) -> TabGroup | None:
    return next((entry for entry in tabs_registered() if isinstance(entry, TabGroup) and tab in entry), None)
