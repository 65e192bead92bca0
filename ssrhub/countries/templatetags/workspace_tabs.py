"""``{% registered_tabs 'timeline' as tabs %}``: the tabs higher apps registered after a workspace tab
(``countries/tabs.py``)."""

from django import template

from ssrhub.countries.tabs import registered_tabs as tabs_registered

register = template.Library()


@register.simple_tag
def registered_tabs(after: str) -> list:
    return [tab for tab in tabs_registered() if tab.after == after]
