"""One filter set per coordination model, serving the pages and the API alike; every one filters by ``country``
(ISO alpha-3)."""

from datetime import date

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import AnyYesNoWidget, SearchFilterSet
from ssrhub.core.params import date_param

from .followup import OPEN
from .models import Decision, DecisionStatus, DecisionStatusUpdate, Forum, ForumLayer, ForumLevel, ForumMember, Meeting

__all__ = [
    'DecisionFilterSet',
    'DecisionStatusUpdateFilterSet',
    'ForumFilterSet',
    'ForumMemberFilterSet',
    'MeetingFilterSet',
    'overdue_q',
]


def country_filter(scope: str) -> django_filters.CharFilter:
    return django_filters.CharFilter(
        field_name=f'{scope}__iso3', lookup_expr='iexact', label=_('Country (ISO alpha-3), e.g. LBR')
    )


def overdue_q(today: date) -> Q:
    """The database form of ``followup.is_overdue()``: open or in progress, and the last day of the due period
    (stored as its first day) before ``today``, i.e. a due month before this month, a due year before this year."""
    month, year = today.replace(day=1), today.replace(month=1, day=1)
    passed = (
        Q(due_precision='day', due__lt=today)
        | Q(due_precision='month', due__lt=month)
        | Q(due_precision='year', due__lt=year)
    )
    return Q(status__in=OPEN) & passed


class ForumFilterSet(SearchFilterSet):
    search_fields = ('name', 'name_fr', 'acronym', 'mandate')
    country = country_filter('country')
    level = django_filters.MultipleChoiceFilter(choices=ForumLevel.choices, label=_('Level'))
    layer = django_filters.MultipleChoiceFilter(choices=ForumLayer.choices, label=_('Coordination layer'))

    class Meta:
        model = Forum
        fields = ['q', 'country', 'level', 'layer', 'kind']


class ForumMemberFilterSet(django_filters.FilterSet):
    country = country_filter('forum__country')

    class Meta:
        model = ForumMember
        fields = ['country', 'forum', 'organisation', 'role']


class MeetingFilterSet(django_filters.FilterSet):
    country = country_filter('forum__country')

    class Meta:
        model = Meeting
        fields = ['country', 'forum']


class DecisionFilterSet(SearchFilterSet):
    """The open-decisions list and the API: by forum, owner, status, and overdue on a day (today by default)."""

    search_fields = ('text', 'ref', 'owner_name', 'owner__name', 'owner__acronym')
    country = country_filter('meeting__forum__country')
    forum = django_filters.ModelChoiceFilter(
        field_name='meeting__forum', queryset=Forum.objects.none(), label=_('Forum')
    )
    owner = django_filters.CharFilter(method='by_owner', label=_('Owner'))
    status = django_filters.MultipleChoiceFilter(choices=DecisionStatus.choices, label=_('Status'))
    overdue = django_filters.BooleanFilter(method='by_overdue', label=_('Overdue'), widget=AnyYesNoWidget)

    class Meta:
        model = Decision
        fields = ['q', 'country', 'forum', 'owner', 'status', 'overdue']

    def __init__(self, *args, forum_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, 'user', None)
        if forum_queryset is None and user is not None:
            forum_queryset = Forum.objects.restrict(user, 'view')
        self.filters['forum'].queryset = forum_queryset if forum_queryset is not None else Forum.objects.none()

    def by_owner(self, queryset, name, value):
        words = value.strip()
        if not words:
            return queryset
        return queryset.filter(
            Q(owner__name__icontains=words) | Q(owner__acronym__iexact=words) | Q(owner_name__icontains=words)
        )

    def by_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        today = (date_param(self.request) if self.request is not None else None) or date.today()
        return queryset.filter(overdue_q(today)) if value else queryset.exclude(overdue_q(today))


class DecisionStatusUpdateFilterSet(django_filters.FilterSet):
    country = country_filter('decision__meeting__forum__country')

    class Meta:
        model = DecisionStatusUpdate
        fields = ['country', 'decision', 'status']
