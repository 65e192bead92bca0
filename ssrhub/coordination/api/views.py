"""API of coordination: fora, members, meetings, decisions and their status updates; organisations, activities, the
parts of activities one by one (participants, sectors, policy markers, locations, budgets, transactions, links to
what they serve) and administrative areas.

Like the workspace pages, it needs an account and a role that reads workspace records; rows go through
``restrict()``. Every list filters by ``country`` (ISO alpha-3); decisions also by forum, owner, status and
``overdue`` (on ``?date=``, default today). Records are written by those who may write them on the pages.
"""

from datetime import date

from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.core.params import InvalidParameter, date_param
from ssrhub.countries.api.views import CanViewWorkspace

from ..filtersets import (
    ActivityFilterSet,
    AdminAreaFilterSet,
    CodelistItemFilterSet,
    DecisionFilterSet,
    DecisionStatusUpdateFilterSet,
    ForumFilterSet,
    ForumMemberFilterSet,
    IatiImportFilterSet,
    MeetingFilterSet,
    OrganisationFilterSet,
    ThreeWImportFilterSet,
    activity_part_filterset,
)
from ..models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    AdminArea,
    Budget,
    CodelistItem,
    Decision,
    DecisionStatusUpdate,
    Forum,
    ForumMember,
    IatiImport,
    Meeting,
    Organisation,
    ParticipatingOrganisation,
    RecipientCountry,
    Result,
    ResultIndicator,
    ResultPeriod,
    ThreeWImport,
    Transaction,
)
from .serializers import (
    ActivityLinkRecordSerializer,
    ActivitySerializer,
    AdminAreaSerializer,
    BudgetRecordSerializer,
    CodelistItemSerializer,
    DecisionSerializer,
    DecisionStatusUpdateSerializer,
    ForumMemberSerializer,
    ForumSerializer,
    IatiImportSerializer,
    IndicatorRecordSerializer,
    LocationRecordSerializer,
    MeetingSerializer,
    OrganisationSerializer,
    ParticipantRecordSerializer,
    PeriodRecordSerializer,
    PolicyMarkerRecordSerializer,
    RecipientCountryRecordSerializer,
    ResultRecordSerializer,
    SectorRecordSerializer,
    ThreeWImportSerializer,
    TransactionRecordSerializer,
)

__all__ = [
    'ActivityViewSet',
    'AdminAreaViewSet',
    'CodelistItemViewSet',
    'IatiImportViewSet',
    'ThreeWImportViewSet',
    'PART_VIEWSETS',
    'DecisionStatusUpdateViewSet',
    'DecisionViewSet',
    'ForumMemberViewSet',
    'ForumViewSet',
    'MeetingViewSet',
    'OrganisationViewSet',
]


class CoordinationViewSet(RestrictedModelViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Coordination fora of countries: level, coordination layer, chair, mandate, dates.'),
    retrieve=extend_schema(description='One forum.'),
)
class ForumViewSet(CoordinationViewSet):
    queryset = Forum.objects.all()
    serializer_class = ForumSerializer
    filterset_class = ForumFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related('country').prefetch_related('citations', 'components')


@extend_schema_view(
    list=extend_schema(description="Fora's members: an organisation, its role and the period it held it."),
    retrieve=extend_schema(description='One seat in a forum.'),
)
class ForumMemberViewSet(CoordinationViewSet):
    queryset = ForumMember.objects.all()
    serializer_class = ForumMemberSerializer
    filterset_class = ForumMemberFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related('forum__country').prefetch_related('citations')


@extend_schema_view(
    list=extend_schema(description='Meetings of fora: date, place, attendees, agenda, summary, minutes.'),
    retrieve=extend_schema(description='One meeting.'),
)
class MeetingViewSet(CoordinationViewSet):
    queryset = Meeting.objects.all()
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related('forum__country').prefetch_related('citations', 'attendees')


DATE = OpenApiParameter(
    'date', OpenApiTypes.DATE, description='YYYY-MM-DD: the day `overdue` is judged on; default today.'
)


@extend_schema_view(
    list=extend_schema(
        parameters=[DATE],
        description='Decisions taken at meetings, each with its owner, due date (as precise as known), status, '
        'overdue flag and dated status history. The status is written through status updates.',
    ),
    retrieve=extend_schema(parameters=[DATE], description='One decision.'),
)
class DecisionViewSet(CoordinationViewSet):
    queryset = Decision.objects.all()
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilterSet

    def get_queryset(self):
        updates = DecisionStatusUpdate.objects.restrict(self.request.user).order_by('date', 'pk')
        return (
            super()
            .get_queryset()
            .select_related('meeting__forum__country', 'owner')
            .prefetch_related('citations', 'actions', 'components', Prefetch('status_updates', updates))
        )

    def perform_create(self, serializer):
        with transaction.atomic():
            super().perform_create(serializer)
            serializer.instance.start_history(self.request.user)

    def get_serializer_context(self):
        try:
            today = date_param(self.request, default=date.today())
        except InvalidParameter as error:
            raise ValidationError({'date': [str(error)]}) from error
        return {**super().get_serializer_context(), 'today': today}


@extend_schema_view(
    list=extend_schema(description="Decisions' status updates; writing one sets the decision's status to its latest."),
    retrieve=extend_schema(description='One status update.'),
)
class DecisionStatusUpdateViewSet(CoordinationViewSet):
    queryset = DecisionStatusUpdate.objects.all()
    serializer_class = DecisionStatusUpdateSerializer
    filterset_class = DecisionStatusUpdateFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related('decision__meeting__forum__country').prefetch_related('citations')

    def _save(self, serializer):
        if serializer.instance is None:
            serializer.validated_data['recorded_by'] = self.request.user
        with transaction.atomic():
            super()._save(serializer)
            serializer.instance.decision.refresh_status()

    def perform_destroy(self, instance):
        decision = instance.decision
        with transaction.atomic():
            instance.delete()
            decision.refresh_status()


class CoordinationViewSet(RestrictedModelViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Organisations that fund, implement or coordinate support, with IATI identifiers.'),
    retrieve=extend_schema(description='One organisation.'),
)
class OrganisationViewSet(CoordinationViewSet):
    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related('country').prefetch_related('citations')


@extend_schema_view(
    list=extend_schema(description='Activities (IATI, 3W or recorded by hand) with their parts; filter by country.'),
    retrieve=extend_schema(description='One activity with its organisations, sectors, money, results and links.'),
)
class ActivityViewSet(CoordinationViewSet):
    queryset = Activity.objects.all()
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('country')
            .prefetch_related(
                'citations',
                'recipient_countries__country',
                'participants',
                'sectors',
                'policy_markers',
                'locations__admin_area',
                'budgets',
                'transactions',
                'links',
                Prefetch(
                    'results',
                    Result.objects.prefetch_related(
                        Prefetch('indicators', ResultIndicator.objects.prefetch_related('periods'))
                    ),
                ),
            )
        )


def _part_viewset(
    model, serializer, description: str, *filters: str, parent: str = 'activity'
) -> type[CoordinationViewSet]:
    """The endpoint of one kind of an activity's parts (``parent``: the record it belongs to, the activity or one of
    its parts): read in the activities the user may see, written where the user may change the activity's country
    records (as on the activity's page)."""
    viewset = type(
        f'{model.__name__}ViewSet',
        (CoordinationViewSet,),
        {
            'queryset': model.objects.select_related(model.country_scope),
            'serializer_class': serializer,
            'filterset_class': activity_part_filterset(model, *filters, parent=parent),
        },
    )
    return extend_schema_view(
        list=extend_schema(description=description), retrieve=extend_schema(description=description)
    )(viewset)


# URL prefix -> viewset of each kind of part.
PART_VIEWSETS = {
    'recipient-countries': _part_viewset(
        RecipientCountry, RecipientCountryRecordSerializer, 'Countries activities benefit, with their shares.'
    ),
    'activity-participants': _part_viewset(
        ParticipatingOrganisation,
        ParticipantRecordSerializer,
        'Organisations taking part in activities, with their role (funding, accountable, extending, implementing).',
        'organisation',
        'role',
    ),
    'activity-sectors': _part_viewset(
        ActivitySector, SectorRecordSerializer, 'Sectors of activities (DAC 5-digit codes...) with percentages.', 'code'
    ),
    'activity-policy-markers': _part_viewset(
        ActivityPolicyMarker,
        PolicyMarkerRecordSerializer,
        'Policy markers of activities (1: gender equality...) with their significance.',
        'code',
        'significance',
    ),
    'activity-locations': _part_viewset(
        ActivityLocation, LocationRecordSerializer, 'Where activities work: administrative areas or named places.'
    ),
    'budgets': _part_viewset(Budget, BudgetRecordSerializer, "Activities' budgets by period, with currency.", 'type'),
    'transactions': _part_viewset(
        Transaction,
        TransactionRecordSerializer,
        'Commitments, disbursements and expenditure of activities, with currency and value date.',
        'type',
    ),
    'results': _part_viewset(
        Result, ResultRecordSerializer, 'Results activities report (output, outcome, impact).', 'type'
    ),
    'result-indicators': _part_viewset(
        ResultIndicator,
        IndicatorRecordSerializer,
        "Indicators of activities' results, with their baselines.",
        'measure',
        parent='result',
    ),
    'result-periods': _part_viewset(
        ResultPeriod,
        PeriodRecordSerializer,
        "Targets and actuals of results' indicators, by period.",
        parent='indicator',
    ),
    'activity-links': _part_viewset(
        ActivityLink,
        ActivityLinkRecordSerializer,
        'What activities serve: national plan actions (with a share), framework items, mission mandate tasks.',
        'kind',
        'action',
    ),
}


@extend_schema_view(
    list=extend_schema(description='Administrative areas (admin-1, admin-2) by P-code.'),
    retrieve=extend_schema(description='One administrative area.'),
)
class AdminAreaViewSet(CoordinationViewSet):
    queryset = AdminArea.objects.select_related('country')
    serializer_class = AdminAreaSerializer
    filterset_class = AdminAreaFilterSet


@extend_schema_view(
    list=extend_schema(description='IATI files imported: status, progress and the report (refused activities, notes).'),
    retrieve=extend_schema(description='One IATI import with its report.'),
)
class IatiImportViewSet(RestrictedReadOnlyViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = IatiImport.objects.all()
    serializer_class = IatiImportSerializer
    filterset_class = IatiImportFilterSet


@extend_schema_view(
    list=extend_schema(description='3W tables applied to countries: status, progress and the report.'),
    retrieve=extend_schema(description='One 3W import with its report.'),
)
class ThreeWImportViewSet(RestrictedReadOnlyViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = ThreeWImport.objects.select_related('country')
    serializer_class = ThreeWImportSerializer
    filterset_class = ThreeWImportFilterSet


@extend_schema_view(
    list=extend_schema(description='IATI codelists in English and French (DAC sectors, policy markers...).'),
    retrieve=extend_schema(description='One codelist entry.'),
)
class CodelistItemViewSet(RestrictedReadOnlyViewSet):
    queryset = CodelistItem.objects.all()
    serializer_class = CodelistItemSerializer
    filterset_class = CodelistItemFilterSet
