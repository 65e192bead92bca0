"""The support-request list's filters: status, kind, recipient, UN entity, and ``q`` over the title, the recipient
and the encrypted description (decrypted in Python, ``search/cases.py``)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet
from ssrhub.countries.models import Actor
from ssrhub.framework.models import UNEntity

from ..models import CaseStatus, SupportKind, SupportRequest
from ..search.cases import matching_requests

__all__ = ['SupportRequestFilterSet']


class SupportRequestFilterSet(FilterSet):
    q = django_filters.CharFilter(method='search', label=_('Search'))
    status = django_filters.MultipleChoiceFilter(choices=CaseStatus.choices, label=_('Status'))
    kind = django_filters.MultipleChoiceFilter(choices=SupportKind.choices, label=_('Kind of support'))
    recipient = django_filters.ModelChoiceFilter(queryset=Actor.objects.none(), label=_('Recipient'))
    un_entity = django_filters.ModelChoiceFilter(queryset=UNEntity.objects.all(), label=_('UN entity'))

    class Meta:
        model = SupportRequest
        fields = ['q', 'status', 'kind', 'recipient', 'un_entity']

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        actors = Actor.objects.filter(country=country) if country is not None else Actor.objects.all()
        self.filters['recipient'].queryset = actors.order_by('name')

    def search(self, queryset, name, value):
        return matching_requests(queryset, value)
