"""One filter set per coordination model, serving the pages and the API alike; every one filters by ``country``
(ISO alpha-3)."""

from datetime import date

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import AnyYesNoWidget, FilterSet, SearchFilterSet
from ssrhub.core.params import date_param
from ssrhub.countries.filtersets import country_filter

from .followup import OPEN
from .models import (
    Activity,
    ActivityLink,
    ActivityStatus,
    AdminArea,
    CodelistItem,
    Decision,
    DecisionStatus,
    DecisionStatusUpdate,
    Forum,
    ForumLayer,
    ForumLevel,
    ForumMember,
    IatiImport,
    LinkKind,
    Meeting,
    Organisation,
    OrganisationRole,
    OrganisationType,
    Origin,
    ThreeWImport,
)
from .threew_matrix import cell_q

__all__ = [
    'ActivityFilterSet',
    'AdminAreaFilterSet',
    'CodelistItemFilterSet',
    'ThreeWImportFilterSet',
    'WorkspaceActivityFilterSet',
    'DecisionFilterSet',
    'DecisionStatusUpdateFilterSet',
    'ForumFilterSet',
    'ForumMemberFilterSet',
    'IatiImportFilterSet',
    'MeetingFilterSet',
    'OrganisationFilterSet',
    'activity_part_filterset',
    'overdue_q',
]


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


class ForumMemberFilterSet(FilterSet):
    country = country_filter('forum__country')

    class Meta:
        model = ForumMember
        fields = ['country', 'forum', 'organisation', 'role']


class MeetingFilterSet(FilterSet):
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


class DecisionStatusUpdateFilterSet(FilterSet):
    country = country_filter('decision__meeting__forum__country')

    class Meta:
        model = DecisionStatusUpdate
        fields = ['country', 'decision', 'status']


class OrganisationFilterSet(SearchFilterSet):
    search_fields = ('name', 'name_fr', 'acronym', 'iati_ref')
    type = django_filters.MultipleChoiceFilter(choices=OrganisationType.choices, label=_('Type'))
    country = django_filters.CharFilter(
        field_name='country__iso3', lookup_expr='iexact', label=_('Country of origin (ISO alpha-3)')
    )
    iati_ref = django_filters.CharFilter(lookup_expr='iexact', label=_('IATI organisation identifier'))

    class Meta:
        model = Organisation
        fields = ['type', 'country', 'iati_ref']


class ActivityFilterSet(SearchFilterSet):
    """Filters of the activity list, its downloads and the IATI export: country, organisation (and its role),
    sector, status, period and origin."""

    search_fields = ('iati_identifier', 'title', 'title_fr', 'description')
    organisation_parameter = 'organisation'  # the role filter applies to the organisation this parameter names
    country = country_filter('country')
    organisation = django_filters.CharFilter(method='filter_organisation', label=_('Organisation'))
    role = django_filters.ChoiceFilter(
        choices=OrganisationRole.choices, method='filter_role', label=_('Role of the organisation')
    )
    sector = django_filters.CharFilter(method='filter_sector', label=_('Sector code, e.g. 15210'))
    status = django_filters.MultipleChoiceFilter(choices=ActivityStatus.choices, label=_('Status'))
    origin = django_filters.MultipleChoiceFilter(choices=Origin.choices, label=_('Origin'))
    active_from = django_filters.DateFilter(method='filter_active_from', label=_('Running on or after'))
    active_to = django_filters.DateFilter(method='filter_active_to', label=_('Started on or before'))
    admin_area = django_filters.CharFilter(
        field_name='locations__admin_area__pcode', lookup_expr='iexact', distinct=True, label=_('P-code')
    )
    linked = django_filters.BooleanFilter(
        method='filter_linked', label=_('Linked to a plan action'), widget=AnyYesNoWidget
    )
    # The 3W matrix's drill-down: the activities of one cell (threew_matrix.cell_q, the rule the matrix counts by).
    reporting = django_filters.CharFilter(method='filter_cell', label=_('Reporting organisation (id)'))
    org_type = django_filters.CharFilter(method='filter_cell', label=_('Organisation type (IATI code)'))
    framework = django_filters.CharFilter(method='filter_cell', label=_('Framework area or component (code)'))
    admin1 = django_filters.CharFilter(method='filter_cell', label=_('Admin 1 P-code'))
    period = django_filters.CharFilter(method='filter_cell', label=_('Period (start/end)'))

    class Meta:
        model = Activity
        fields = [
            'country',
            'organisation',
            'role',
            'sector',
            'status',
            'origin',
            'active_from',
            'active_to',
            'linked',
        ]

    def _organisation_q(self) -> Q:
        value = (self.data.get('organisation') or '').strip()
        if not value:
            return Q()
        named = (
            Q(participants__organisation__iati_ref__iexact=value)
            | Q(participants__organisation__name__iexact=value)
            | Q(participants__organisation__acronym__iexact=value)
            | Q(participants__name__iexact=value)
        )
        if value.isdigit():
            named |= Q(participants__organisation_id=int(value))
        return named

    def filter_organisation(self, queryset, name, value):
        if not value.strip():
            return queryset
        role = self.data.get('role')
        condition = self._organisation_q() & (Q(participants__role=role) if role else Q())
        reporting = Q(reporting_organisation__iati_ref__iexact=value.strip()) | Q(
            reporting_organisation__name__iexact=value.strip()
        )
        matching = Activity.objects.filter(condition if role else condition | reporting).values('pk')
        return queryset.filter(pk__in=matching)

    def filter_role(self, queryset, name, value):
        if not value or (self.data.get(self.organisation_parameter) or '').strip():
            return queryset  # with an organisation, the role is applied to it
        return queryset.filter(pk__in=Activity.objects.filter(participants__role=value).values('pk'))

    def filter_cell(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        dimension = {'reporting': 'organisation'}.get(name, name)
        return queryset.filter(pk__in=Activity.objects.filter(cell_q(dimension, value)).values('pk'))

    def filter_sector(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(pk__in=Activity.objects.filter(sectors__code__iexact=value).values('pk'))

    def filter_linked(self, queryset, name, value):
        if value is None:
            return queryset
        serving = ActivityLink.objects.filter(kind=LinkKind.ACTION).values('activity')
        return queryset.filter(pk__in=serving) if value else queryset.exclude(pk__in=serving)

    def filter_active_from(self, queryset, name, value):
        return queryset.filter(
            Q(actual_end__gte=value)
            | Q(actual_end__isnull=True, planned_end__gte=value)
            | Q(actual_end__isnull=True, planned_end__isnull=True)
        )

    def filter_active_to(self, queryset, name, value):
        return queryset.filter(
            Q(actual_start__lte=value)
            | Q(actual_start__isnull=True, planned_start__lte=value)
            | Q(actual_start__isnull=True, planned_start__isnull=True)
        )


def activity_part_filterset(part_model, *extra: str, parent: str = 'activity') -> type[FilterSet]:
    """The filters of one kind of an activity's parts in the API: its activity's country, the record it belongs to
    (the activity, a result, an indicator), ``extra``."""
    meta = type('Meta', (), {'model': part_model, 'fields': ['country', parent, *extra]})
    return type(
        f'{part_model.__name__}FilterSet',
        (FilterSet,),
        {'country': country_filter(part_model.country_scope), 'Meta': meta},
    )


class AdminAreaFilterSet(SearchFilterSet):
    search_fields = ('pcode', 'name')
    country = country_filter('country')

    class Meta:
        model = AdminArea
        fields = ['q', 'country', 'level', 'parent']


class ThreeWImportFilterSet(FilterSet):
    country = country_filter('country')

    class Meta:
        model = ThreeWImport
        fields = ['country', 'status']


class CodelistItemFilterSet(SearchFilterSet):
    search_fields = ('code', 'name_en', 'name_fr')

    class Meta:
        model = CodelistItem
        fields = ['q', 'codelist', 'code', 'withdrawn']


class IatiImportFilterSet(FilterSet):
    class Meta:
        model = IatiImport
        fields = ['status']


class WorkspaceActivityFilterSet(ActivityFilterSet):
    """The activities of a country workspace: the partner is chosen among the organisations taking part in (or
    reporting) the country's activities; the country comes from the page."""

    organisation_parameter = 'partner'
    partner = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.none(), method='filter_partner', label=_('Partner')
    )

    class Meta:
        model = Activity
        fields = ['q', 'partner', 'role', 'sector', 'status', 'origin', 'linked', 'active_from', 'active_to']

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ('country', 'organisation', 'admin_area'):
            self.filters.pop(name, None)
        self.filters['partner'].queryset = partners if partners is not None else Organisation.objects.none()

    def filter_partner(self, queryset, name, value):
        if value is None:
            return queryset
        role = self.data.get('role')
        taking_part = Q(participants__organisation=value) & (Q(participants__role=role) if role else Q())
        condition = taking_part if role else taking_part | Q(reporting_organisation=value)
        return queryset.filter(pk__in=Activity.objects.filter(condition).values('pk'))
