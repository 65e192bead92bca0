"""``{% registered_tabs 'timeline' as tabs %}``: the tabs higher apps registered after a workspace tab that the page's
user may see in its country, groups in place of their tabs (``countries/tabs.py``); ``{% tab_group tab as group %}``:
the group of the current tab, if any."""

from django import template

from ssrhub.core.access import can_in_country
from ssrhub.countries.tabs import TabGroup
from ssrhub.countries.tabs import registered_tabs as tabs_registered

register = template.Library()


def _visible(context):
    """A tab that names its model shows only to a user who may view that model's records of the page's country."""
    user, country = context['request'].user, context['country']

    def visible(tab) -> bool:
        if tab.model is None:
            return True
        if not can_in_country(user, 'view', tab.model, country):
            return False
        return not tab.when_filled or tab.model.objects.filter(**{tab.model.country_scope: country}).exists()

    return visible


@register.simple_tag(takes_context=True)
def registered_tabs(context, after: str) -> list:
    return tabs_registered(after, _visible(context))


@register.simple_tag(takes_context=True)
def tab_group(context, tab: str) -> TabGroup | None:
    entries = tabs_registered(None, _visible(context))
    return next((entry for entry in entries if isinstance(entry, TabGroup) and tab in entry), None)
