from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = 'ssrhub.coordination'
    label = 'coordination'
    verbose_name = _('coordination')

    def ready(self):
        from ssrhub.countries.overdue import register_overdue
        from ssrhub.countries.tabs import WorkspaceTab, register_tab

        from . import search  # noqa: F401
        from .queries import OVERDUE_DECISIONS

        register_overdue(OVERDUE_DECISIONS)
        register_tab(WorkspaceTab('fora', _('Coordination'), 'coordination:forum_list'))
        register_tab(WorkspaceTab('3w', _('3W'), 'coordination:threew_matrix'))
