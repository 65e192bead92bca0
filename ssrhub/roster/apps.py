from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RosterConfig(AppConfig):
    name = 'ssrhub.roster'
    label = 'roster'
    verbose_name = _('expert roster')

    def ready(self):
        # A profile's history shows the changes of its parts; a request's, its steps and candidates.
        from ssrhub.core import history

        from . import search  # noqa: F401
        from .models import (
            Availability,
            Deployment,
            Expertise,
            ExpertProfile,
            LanguageSkill,
            RegionExperience,
            RequestStep,
            SupportRequest,
        )

        for model in (Expertise, LanguageSkill, RegionExperience, Availability, Deployment):
            history.register_source(
                history.HistorySource(
                    owner=ExpertProfile, model=model, lookup='profile', describe=history.describe_part
                )
            )
        history.register_source(
            history.HistorySource(
                owner=SupportRequest, model=RequestStep, lookup='request', describe=history.describe_part
            )
        )
