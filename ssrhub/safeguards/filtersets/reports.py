"""The filters the exports apply to allegations (type and follow-up, several of each), until the allegation list's
own filterset takes their place in its ``ExportSpec``."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ..models import Allegation, FollowUp, ViolationType

__all__ = ['AllegationExportFilterSet']


class AllegationExportFilterSet(django_filters.FilterSet):
    violation = django_filters.MultipleChoiceFilter(label=_('Type of violation'), choices=ViolationType.choices)
    follow_up = django_filters.MultipleChoiceFilter(label=_('Follow-up'), choices=FollowUp.choices)

    class Meta:
        model = Allegation
        fields = ['violation', 'follow_up']
