"""``{% registered_tabs 'timeline' as tabs %}``: the tabs higher apps registered after a workspace tab, groups in
place of their tabs (``countries/tabs.py``); ``{% tab_group tab as group %}``: the group of the current tab, if any.

A tab that names its model shows only to a user who may view that model's records in the page's country (a
due-diligence tab is no link for a viewer); a group left without tabs is not shown."""

from django import template
from django.apps import apps

from ssrhub.core.access import can_in_country
from ssrhub.countries.tabs import TabGroup, WorkspaceTab
from ssrhub.countries.tabs import registered_tabs as tabs_registered

register = template.Library()


def _shown(tab: WorkspaceTab, context) -> bool:
    if not tab.model:
        return True
    request, country = context.get('request'), context.get('country')
    return bool(request and country) and can_in_country(request.user, 'view', apps.get_model(tab.model), country)


def _visible(entries, context) -> list:
    visible = []
    for entry in entries:
        if isinstance(entry, TabGroup):
            tabs = tuple(tab for tab in entry.tabs if _shown(tab, context))
            if tabs:
                visible.append(TabGroup(entry.key, entry.label, tabs))
        elif _shown(entry, context):
            visible.append(entry)
    return visible


@register.simple_tag(takes_context=True)
def registered_tabs(context, after: str) -> list:
    return _visible(tabs_registered(after), context)


@register.simple_tag(takes_context=True)
def tab_group(context, tab: str) -> TabGroup | None:
    return next(
        (entry for entry in _visible(tabs_registered(), context) if isinstance(entry, TabGroup) and tab in entry), None
    )
