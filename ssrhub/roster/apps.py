from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def describe_part(record) -> str:
    """A profile part's or a request step's change, as its kind and its value, in the UI language."""
    meta = record.instance_type._meta
    return f'{str(meta.verbose_name).capitalize()}: {record.instance}'


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
                history.HistorySource(owner=ExpertProfile, model=model, lookup='profile', describe=describe_part)
            )
        history.register_source(
            history.HistorySource(owner=SupportRequest, model=RequestStep, lookup='request', describe=describe_part)
        )
