from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardsConfig(AppConfig):
    name = 'ssrhub.safeguards'
    label = 'safeguards'
    verbose_name = _('safeguards')

    def ready(self):
        from ssrhub.countries.tabs import TabGroup, register_group

        from . import search  # noqa: F401

        # Each part of the app registers its workspace tabs in this group (key 'due-diligence').
        register_group(TabGroup('due-diligence', _('Due diligence')))
        # Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
        from django.db.models.signals import post_save

        from ssrhub.core import history
        from ssrhub.countries.tabs import WorkspaceTab, register_tab

        from . import workflow
        from .models import Allegation, Mitigation, RiskAssessment, RiskFactor, SupportRequest
        from .search import cases  # noqa: F401

        register_tab(
            WorkspaceTab(
                'support-requests',
                _('Support requests'),
                'safeguards:supportrequest_list',
                group='due-diligence',
                model='safeguards.SupportRequest',
            )
        )
        # A request's history shows its assessments' versions, their factors and its mitigations.
        for model, lookup in (
            (RiskAssessment, 'request'),
            (RiskFactor, 'assessment__request'),
            (Mitigation, 'request'),
        ):
            history.register_source(
                history.HistorySource(owner=SupportRequest, model=model, lookup=lookup, describe=history.describe_part)
            )
        # A new allegation against the recipient of a decided case reopens it.
        post_save.connect(workflow.allegation_saved, sender=Allegation, dispatch_uid='safeguards-reopen-on-allegation')
        # Section: alleged violations, interventions and the country overview (item 5)
        # Section: vetting and screening (item 6)
        # Section: reports and exports (items 7-8)
