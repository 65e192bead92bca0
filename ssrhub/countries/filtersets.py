"""One filter set per workspace model, serving the pages and the API alike; every one filters by ``country``
(ISO alpha-3)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet
from ssrhub.framework.models import MissionTypeChoices

from .models import (
    Actor,
    ActorRelation,
    ActorType,
    Area,
    Assessment,
    DocumentKind,
    DocumentStatus,
    Engagement,
    EventKind,
    Headcount,
    NationalDocument,
    RelationKind,
    TimelineEvent,
    WomenShareTarget,
)

__all__ = [
    'ActorFilterSet',
    'ActorRelationFilterSet',
    'AssessmentFilterSet',
    'EngagementFilterSet',
    'HeadcountFilterSet',
    'NationalDocumentFilterSet',
    'TimelineEventFilterSet',
    'WomenShareTargetFilterSet',
]


def country_filter(scope: str) -> django_filters.CharFilter:
    return django_filters.CharFilter(
        field_name=f'{scope}__iso3', lookup_expr='iexact', label=_('Country (ISO alpha-3), e.g. LBR')
    )


class EngagementFilterSet(FilterSet):
    country = country_filter('country')
    setting = django_filters.MultipleChoiceFilter(choices=MissionTypeChoices.choices, label=_('Setting'))

    class Meta:
        model = Engagement
        fields = ['country', 'setting']


class ActorFilterSet(FilterSet):
    country = country_filter('country')
    area = django_filters.MultipleChoiceFilter(choices=Area.choices, label=_('Area'))
    type = django_filters.MultipleChoiceFilter(choices=ActorType.choices, label=_('Type'))

    class Meta:
        model = Actor
        fields = ['country', 'area', 'type', 'statutory']


class ActorRelationFilterSet(FilterSet):
    country = country_filter('from_actor__country')
    kind = django_filters.MultipleChoiceFilter(choices=RelationKind.choices, label=_('Relation'))
    actor = django_filters.NumberFilter(method='filter_actor', label=_('Actor id (either end of the relation)'))

    class Meta:
        model = ActorRelation
        fields = ['country', 'kind', 'from_actor', 'to_actor']

    def filter_actor(self, queryset, name, value):
        return queryset.filter(Q(from_actor=value) | Q(to_actor=value))


class HeadcountFilterSet(FilterSet):
    country = country_filter('actor__country')

    class Meta:
        model = Headcount
        fields = ['country', 'actor']


class AssessmentFilterSet(FilterSet):
    country = country_filter('country')

    class Meta:
        model = Assessment
        fields = ['country']


class NationalDocumentFilterSet(FilterSet):
    country = country_filter('country')
    kind = django_filters.MultipleChoiceFilter(choices=DocumentKind.choices, label=_('Kind'))
    status = django_filters.MultipleChoiceFilter(choices=DocumentStatus.choices, label=_('Status'))

    class Meta:
        model = NationalDocument
        fields = ['country', 'kind', 'status', 'parent']


class TimelineEventFilterSet(FilterSet):
    country = country_filter('country')
    kind = django_filters.MultipleChoiceFilter(choices=EventKind.choices, label=_('Kind'))

    class Meta:
        model = TimelineEvent
        fields = ['country', 'kind']


class WomenShareTargetFilterSet(FilterSet):
    country = country_filter('country')
    sector_wide = django_filters.BooleanFilter(
        field_name='actor', lookup_expr='isnull', label=_('For the whole security sector')
    )

    class Meta:
        model = WomenShareTarget
        fields = ['country', 'actor', 'sector_wide']
