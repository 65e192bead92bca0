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
        from ssrhub.countries.tabs import TabGroup, WorkspaceTab, register_group, register_tab

        from . import search  # noqa: F401
        from .iati_store import REPLACED_PARTS, describe_activity_part
        from .models import Activity, Decision, DecisionStatusUpdate, Forum, ForumMember
        from .queries import ACTION_ACTIVITIES, OVERDUE_DECISIONS

        register_overdue(OVERDUE_DECISIONS)
        register_action_panel(ACTION_ACTIVITIES)
        # Partners' activities, the fora and the 3W matrix: one "Coordination" tab of the workspace.
        register_group(TabGroup('coordination', _('Coordination')))
        register_tab(
            WorkspaceTab('activities', _('Activities'), 'coordination:workspace_activity_list', group='coordination')
        )
        register_tab(WorkspaceTab('fora', _('Fora and decisions'), 'coordination:forum_list', group='coordination'))
        # A forum's history shows its members' changes, a decision's its status updates (a decision has its own page,
        # so a meeting's history is the meeting's alone), an activity's its parts' (an import removes and writes them
        # again, saying so in each record's reason).
        sources = [(Forum, ForumMember, 'forum', history.describe_part)]
        sources.append((Decision, DecisionStatusUpdate, 'decision', history.describe_part))
        for part in REPLACED_PARTS:
            sources.append((Activity, Activity._meta.get_field(part).related_model, 'activity', describe_activity_part))
        for owner, model, lookup, describe in sources:
            history.register_source(history.HistorySource(owner=owner, model=model, lookup=lookup, describe=describe))
        register_tab(WorkspaceTab('3w', _('3W matrix'), 'coordination:threew_matrix', group='coordination'))
