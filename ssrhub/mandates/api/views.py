from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ssrhub.core.params import InvalidParameter, date_param
from ssrhub.core.roles import permission_name
from ssrhub.core.views.generic import RestrictedViewMixin
from ssrhub.documents.models import MissionLink
from ssrhub.framework.models import Mission
from ssrhub.mandates.comparison import mission_by_reference, mission_matrix
from ssrhub.mandates.forms import read_form
from ssrhub.mandates.queries import pema_table_rows
from ssrhub.mandates.views import default_date, in_force_rows

from .serializers import MissionInForceSerializer, MissionLinkSerializer

__all__ = [
    'MissionAPIMixin',
    'MissionInForceView',
    'MissionLinkListView',
    'MissionMatrixView',
    'MissionPemaTableView',
]

ACRONYM = OpenApiParameter(
    'acronym', OpenApiTypes.STR, OpenApiParameter.PATH, description='Mission acronym, e.g. UNTAC.'
)


class MissionAPIMixin(RestrictedViewMixin):
    """The API of a mission's track, as its pages (``MissionAnalysisView``): the user reads mission links (403
    otherwise) and the mission of the URL is read through ``restrict()`` into ``self.object`` (404 otherwise)."""

    permission_classes = [IsAuthenticated]
    queryset = MissionLink.objects.all()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not request.user.has_perm(permission_name(self.queryset.model, 'view')):
            raise PermissionDenied
        missions = Mission.objects.restrict(request.user)
        self.object = get_object_or_404(missions, acronym__iexact=kwargs['acronym'])


class MissionLinkListView(MissionAPIMixin, generics.ListAPIView):
    """The documents linked to a mission and what each does to it (excluded links included, flagged)."""

    serializer_class = MissionLinkSerializer
    queryset = MissionLink.objects.none()

    @extend_schema(parameters=[ACRONYM], responses=MissionLinkSerializer(many=True))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            MissionLink.objects.restrict(self.request.user)
            .filter(mission=self.object)
            .select_related('document', 'mission')
            .order_by('document__date', 'document__symbol')
        )


class MissionInForceView(MissionAPIMixin, APIView):
    @extend_schema(
        parameters=[
            ACRONYM,
            OpenApiParameter(
                'date', OpenApiTypes.DATE, description="YYYY-MM-DD; default the mission's end if closed, else today."
            ),
        ],
        responses=MissionInForceSerializer,
        description='The coded tasks in force for a mission on a date, citing the resolutions that mandated them.',
    )
    def get(self, request, acronym):
        mission = self.object
        try:
            on = date_param(request) or default_date(mission)
        except InvalidParameter as error:
            raise ValidationError({'date': [str(error)]}) from error
        payload = {
            'mission': mission.acronym,
            'date': on.isoformat(),
            'closed': bool(mission.end and on > mission.end),
            'tasks': in_force_rows(mission, on),
        }
        return Response(payload)


class MissionPemaTableView(MissionAPIMixin, APIView):
    @extend_schema(
        parameters=[ACRONYM],
        responses={200: OpenApiTypes.OBJECT},
        description='PEMA-shaped rows: one per resolution on the track, one column per PEMA task x modality.',
    )
    def get(self, request, acronym):
        mission = self.object
        return Response(pema_table_rows(Mission.objects.restrict(request.user).filter(pk=mission.pk)))


class MissionMatrixView(MissionAPIMixin, APIView):
    @extend_schema(
        parameters=[
            ACRONYM,
            OpenApiParameter(
                'start', OpenApiTypes.DATE, description='First day of the period (documents dated on or after).'
            ),
            OpenApiParameter(
                'end', OpenApiTypes.DATE, description='Last day of the period (documents dated on or before).'
            ),
            OpenApiParameter(
                'explicit_only', OpenApiTypes.BOOL, description='Leave out implicit (generic SSR) references.'
            ),
        ],
        responses={200: OpenApiTypes.OBJECT},
        description=(
            'Mandated vs reported: per code, the references in the resolutions (mission tasks) and in the '
            "Secretary-General's reports on the mission, with every chapter 9 breakdown (explicitness, support, "
            'level, beneficiary, category, horizon, duration, setting, year) and the paragraph ids of every cell; '
            '`by_reference` lists the resolution paragraphs that give tasks by reference to a report, and whether '
            'each report is stored (if not, its tasks are missing from the mandated side).'
        ),
    )
    def get(self, request, acronym):
        mission = self.object
        form, data = read_form(request)
        if data is None:
            raise ValidationError(form.errors)
        matrix = mission_matrix(mission, data['period'], explicit_only=data['explicit_only'])
        by_reference = [
            {key: value for key, value in row.items() if key != 'url'}
            for row in mission_by_reference(mission, data['period'])
        ]
        return Response({'mission': mission.acronym, **matrix.as_dict(), 'by_reference': by_reference})
