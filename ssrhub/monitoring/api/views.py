"""API of the monitoring app. Surveys: surveys, their form versions, submissions (identifying answers masked for
anyone but the survey's owners) and answer imports, read-only; rows go through ``restrict()``."""

from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.countries.api.views import CanViewWorkspace

from ..filtersets.surveys import (
    SubmissionFilterSet,
    SurveyFilterSet,
    SurveyImportFilterSet,
    SurveyVersionFilterSet,
)
from ..models import Submission, Survey, SurveyImport, SurveyVersion
from .serializers import SubmissionSerializer, SurveyImportSerializer, SurveySerializer, SurveyVersionSerializer

__all__ = ['SubmissionViewSet', 'SurveyImportViewSet', 'SurveyVersionViewSet', 'SurveyViewSet']


class SurveyViewSet(RestrictedReadOnlyViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = Survey.objects.select_related('country').prefetch_related('owners')
    serializer_class = SurveySerializer
    filterset_class = SurveyFilterSet


class SurveyVersionViewSet(RestrictedReadOnlyViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = SurveyVersion.objects.all()
    serializer_class = SurveyVersionSerializer
    filterset_class = SurveyVersionFilterSet


class SubmissionViewSet(RestrictedReadOnlyViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = Submission.objects.select_related('version', 'survey')
    serializer_class = SubmissionSerializer
    filterset_class = SubmissionFilterSet


class SurveyImportViewSet(RestrictedReadOnlyViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = SurveyImport.objects.all()
    serializer_class = SurveyImportSerializer
    filterset_class = SurveyImportFilterSet
