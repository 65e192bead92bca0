from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardsConfig(AppConfig):
    name = 'ssrhub.safeguards'
    label = 'safeguards'
    verbose_name = _('safeguards')

    def ready(self):
        from ssrhub.countries.tabs import TabGroup, WorkspaceTab, register_group, register_tab

        from . import search  # noqa: F401

        # Each part of the app registers its workspace tabs in this group (key 'due-diligence').
        register_group(TabGroup('due-diligence', _('Due diligence')))
        # Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
        # Section: alleged violations, interventions and the country overview (item 5)
        from ssrhub.core import history

        from .models import Allegation, AllegationSource, SharedDecision, SupportRequest

        register_tab(
            WorkspaceTab('overview', _('Overview'), 'safeguards:overview', group='due-diligence', model=SupportRequest)
        )
        register_tab(
            WorkspaceTab(
                'allegations',
                _('Alleged violations'),
                'safeguards:allegation_list',
                group='due-diligence',
                model=Allegation,
            )
        )
        register_tab(
            WorkspaceTab(
                'shared-decisions',
                _('Shared decisions'),
                'safeguards:shared_decisions',
                group='due-diligence',
                model=SharedDecision,
            )
        )
        # An allegation's history shows its sources' changes.
        history.register_source(
            history.HistorySource(
                owner=Allegation, model=AllegationSource, lookup='allegation', describe=history.describe_part
            )
        )
        # Section: vetting and screening (item 6)
        register_tab(WorkspaceTab('vetting', _('Vetting'), 'safeguards:individual_list', group='due-diligence'))
        # Section: reports and exports (items 7-8)
        from . import exports  # noqa: F401  (registers the lists' exports)

        register_tab(
            WorkspaceTab('hrdd-summary', _('Annual summary'), 'safeguards:summary_latest', group='due-diligence')
        )
