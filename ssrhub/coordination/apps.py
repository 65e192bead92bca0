from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = 'ssrhub.coordination'
    label = 'coordination'
    verbose_name = _('coordination')

    def ready(self):
        from ssrhub.core import history
        from ssrhub.countries.overdue import register_overdue
        from ssrhub.countries.panels import register_action_panel
        from ssrhub.countries.tabs import WorkspaceTab, register_tab

        from . import search  # noqa: F401
        from .models import Decision, DecisionStatusUpdate, Forum, ForumMember
        from .queries import ACTION_ACTIVITIES, OVERDUE_DECISIONS

        register_overdue(OVERDUE_DECISIONS)
        register_action_panel(ACTION_ACTIVITIES)
        register_tab(WorkspaceTab('activities', _('Activities'), 'coordination:workspace_activity_list'))
        register_tab(WorkspaceTab('fora', _('Coordination'), 'coordination:forum_list'))
        # A forum's history shows its members' changes, a decision's its status updates (a decision has its own page,
        # so a meeting's history is the meeting's alone).
        for owner, model, lookup in ((Forum, ForumMember, 'forum'), (Decision, DecisionStatusUpdate, 'decision')):
            history.register_source(
                history.HistorySource(owner=owner, model=model, lookup=lookup, describe=history.describe_part)
            )
        register_tab(WorkspaceTab('3w', _('3W'), 'coordination:threew_matrix'))
