"""API of the country workspaces: engagements, the security-sector map, assessments, national documents with
their plan checks, and the timeline.

Like the workspace pages, it needs an account (401/403 otherwise) and a role that reads workspace records (403
otherwise); rows and nested rows go through ``restrict()``. Every list filters by ``country`` (ISO alpha-3). The
records are written by those who may write them on the pages: in their countries, each change in the history.
"""

from datetime import date

from django.db.models import F, Min, Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet
from ssrhub.core.params import InvalidParameter, date_param
from ssrhub.core.roles import permission_name
from ssrhub.countries.filtersets import (
    ActorFilterSet,
    ActorRelationFilterSet,
    AssessmentFilterSet,
    EngagementFilterSet,
    HeadcountFilterSet,
    NationalDocumentFilterSet,
    TimelineEventFilterSet,
    WomenShareTargetFilterSet,
)
from ssrhub.countries.models import (
    Action,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    Assessment,
    AssessmentRating,
    Engagement,
    EngagementStage,
    EventDate,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    Threat,
    TimelineEvent,
    WomenShareTarget,
)
from ssrhub.countries.plan_messages import finding_dict
from ssrhub.countries.plan_queries import document_findings

from .serializers import (
    ActorRelationSerializer,
    ActorSerializer,
    AssessmentSerializer,
    DocumentChecksSerializer,
    EngagementSerializer,
    HeadcountSerializer,
    NationalDocumentSerializer,
    TimelineEventSerializer,
    WomenShareTargetSerializer,
)

__all__ = [
    'ActorRelationViewSet',
    'ActorViewSet',
    'AssessmentViewSet',
    'CanViewWorkspace',
    'EngagementViewSet',
    'HeadcountViewSet',
    'WomenShareTargetViewSet',
    'NationalDocumentViewSet',
    'TimelineEventViewSet',
]


class CanViewWorkspace(BasePermission):
    """The user's role reads the records of the viewset's model (as the workspace pages require)."""

    def has_permission(self, request, view):
        return request.user.has_perm(permission_name(view.queryset.model, 'view'))


def restricted(model, user, *related: str):
    """``model``'s rows ``user`` may view, with their citations (and ``related``) prefetched: a nested queryset."""
    return model.objects.restrict(user).prefetch_related('citations', *related)


# Section: viewsets


class WorkspaceViewSet(RestrictedModelViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Engagements (UN support to SSR in a country), each with its lifecycle stages.'),
    retrieve=extend_schema(description='One engagement with its lifecycle stages.'),
)
class EngagementViewSet(WorkspaceViewSet):
    queryset = Engagement.objects.all()
    serializer_class = EngagementSerializer
    filterset_class = EngagementFilterSet

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .select_related('country', 'mission')
            .prefetch_related('citations', Prefetch('stages', restricted(EngagementStage, user)))
        )


@extend_schema_view(
    list=extend_schema(description='Security-sector actors, each with the latest headcount of every source.'),
    retrieve=extend_schema(description='One security-sector actor with its latest headcounts.'),
)
class ActorViewSet(WorkspaceViewSet):
    queryset = Actor.objects.all()
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet

    def get_queryset(self):
        headcounts = Headcount.objects.restrict(self.request.user)
        return (
            super()
            .get_queryset()
            .select_related('country')
            .prefetch_related('citations', Prefetch('headcounts', headcounts))
        )


@extend_schema_view(
    list=extend_schema(description='Relations between actors: from_actor oversees / reports to / funds... to_actor.'),
    retrieve=extend_schema(description='One relation between two actors.'),
)
class ActorRelationViewSet(WorkspaceViewSet):
    queryset = ActorRelation.objects.all()
    serializer_class = ActorRelationSerializer
    filterset_class = ActorRelationFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('from_actor__country', 'to_actor')
            .prefetch_related('citations')
            .order_by('from_actor__country__iso3', 'from_actor__name', 'kind', 'to_actor__name', 'pk')
        )


@extend_schema_view(
    list=extend_schema(
        description='Targets for the share of women that a country sets for its security sector (no actor) or one '
        'institution, each with its date and source.'
    ),
    retrieve=extend_schema(description='One target for the share of women.'),
)
class WomenShareTargetViewSet(WorkspaceViewSet):
    queryset = WomenShareTarget.objects.all()
    serializer_class = WomenShareTargetSerializer
    filterset_class = WomenShareTargetFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('country', 'actor')
            .prefetch_related('citations')
            .order_by('country__iso3', 'actor__name', 'target_date', 'pk')
        )


@extend_schema_view(
    list=extend_schema(description="Actors' personnel counts, each as one source gives it (newest first)."),
    retrieve=extend_schema(description='One headcount.'),
)
class HeadcountViewSet(WorkspaceViewSet):
    queryset = Headcount.objects.all()
    serializer_class = HeadcountSerializer
    filterset_class = HeadcountFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('actor__country')
            .prefetch_related('citations')
            .order_by('actor__country__iso3', 'actor__name', '-date', 'pk')
        )


@extend_schema_view(
    list=extend_schema(
        description='Assessments, each with its ratings: a score (0-4) for a feature or governance standard, a '
        'compliance value for a principle, with the evidence.'
    ),
    retrieve=extend_schema(description='One assessment with its ratings.'),
)
class AssessmentViewSet(WorkspaceViewSet):
    queryset = Assessment.objects.all()
    serializer_class = AssessmentSerializer
    filterset_class = AssessmentFilterSet

    def get_queryset(self):
        ratings = restricted(AssessmentRating, self.request.user).select_related('item')
        return (
            super()
            .get_queryset()
            .select_related('country', 'framework_version__framework')
            .prefetch_related('citations', Prefetch('ratings', ratings))
        )


DATE = OpenApiParameter(
    'date', OpenApiTypes.DATE, description='YYYY-MM-DD: the day to check for (overdue actions...); default today.'
)


@extend_schema_view(
    list=extend_schema(
        description='National framework documents (policy -> strategy -> plan through parent), each with its '
        'threats, objectives (with the ids of the threats they answer), pillars and actions (with the ids of the '
        'actions they depend on, of the threats and objectives they answer, and their status history).'
    ),
    retrieve=extend_schema(description='One national framework document with its content.'),
)
class NationalDocumentViewSet(WorkspaceViewSet):
    queryset = NationalDocument.objects.all()
    serializer_class = NationalDocumentSerializer
    filterset_class = NationalDocumentFilterSet

    def get_queryset(self):
        queryset = super().get_queryset().select_related('country')
        if self.action == 'checks':
            return queryset
        user = self.request.user
        actions = restricted(Action, user, 'depends_on', 'threats', 'objectives').prefetch_related(
            Prefetch('status_updates', ActionStatusUpdate.objects.restrict(user).order_by('date', 'pk'))
        )
        return queryset.prefetch_related(
            'citations',
            Prefetch('threats', restricted(Threat, user)),
            Prefetch('objectives', restricted(Objective, user, 'threats')),
            Prefetch('pillars', restricted(Pillar, user)),
            Prefetch('actions', actions),
        )

    @extend_schema(
        parameters=[DATE],
        responses=DocumentChecksSerializer,
        description='The plan checks of one document (completeness, alignment of its actions with the threats and '
        'objectives up its chain, dependencies, overdue and stale actions, not implemented, past due): each '
        'finding is one problem about one record, named by key (document:<id>, threat:<id>, objective:<id>, '
        "action:<id>), with a code and its parameters, and its label and sentence in the request's language. "
        'A bad date gives 400.',
    )
    @action(detail=True, filter_backends=[], pagination_class=None)
    def checks(self, request, pk=None):
        try:
            today = date_param(request, default=date.today())
        except InvalidParameter as error:
            raise ValidationError({'date': [str(error)]}) from error
        document = self.get_object()
        findings = document_findings(document, today, request.user)
        return Response(
            {'document': document.pk, 'date': today.isoformat(), 'findings': [finding_dict(f) for f in findings]}
        )


@extend_schema_view(
    list=extend_schema(
        description="Events of a country's history by earliest date, each with the date every source gives "
        '(sources that disagree are all kept; `disputed` says they disagree).'
    ),
    retrieve=extend_schema(description='One timeline event with its dated sources.'),
)
class TimelineEventViewSet(WorkspaceViewSet):
    queryset = TimelineEvent.objects.all()
    serializer_class = TimelineEventSerializer
    filterset_class = TimelineEventFilterSet

    def get_queryset(self):
        dates = restricted(EventDate, self.request.user).order_by('date', 'pk')
        return (
            super()
            .get_queryset()
            .select_related('country')
            .prefetch_related('citations', Prefetch('dates', dates))
            .annotate(earliest=Min('dates__date'))
            .order_by('country__iso3', F('earliest').asc(nulls_last=True), 'title', 'pk')
        )
