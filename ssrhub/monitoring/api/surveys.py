"""The surveys in the API, read-only but for ``POST surveys/<id>/actual/`` (a formula's result stored as an
indicator's draft actual report); a submission's identifying answers are masked for non-owners."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.countries.api.serializers import country_field
from ssrhub.countries.api.views import CanViewWorkspace

from ..filtersets.surveys import (
    SubmissionFilterSet,
    SurveyFilterSet,
    SurveyImportFilterSet,
    SurveyVersionFilterSet,
)
from ..forms.surveys import SurveyActualForm
from ..models import Submission, Survey, SurveyImport, SurveyVersion, mask
from ..survey_actuals import SurveyActualRefused, store_survey_actual
from .actuals import ActualReportSerializer

__all__ = [
    'SubmissionSerializer',
    'SubmissionViewSet',
    'SurveyActualSerializer',
    'SurveyImportSerializer',
    'SurveyImportViewSet',
    'SurveySerializer',
    'SurveyVersionSerializer',
    'SurveyVersionViewSet',
    'SurveyViewSet',
]


class SurveySerializer(serializers.ModelSerializer):
    country = country_field('country.iso3')
    owners = serializers.SlugRelatedField(slug_field='username', many=True, read_only=True)

    class Meta:
        model = Survey
        fields = ['id', 'country', 'title', 'description', 'status', 'owners', 'created', 'last_updated']


class SurveyVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SurveyVersion
        fields = ['id', 'survey', 'file_name', 'form_id', 'version', 'kobo_version', 'title', 'languages', 'features',
                  'unsupported', 'identifying', 'warnings', 'validated', 'web_form', 'published_at', 'xform',
                  'created']  # fmt: skip


class SubmissionSerializer(serializers.ModelSerializer):
    answers = serializers.SerializerMethodField(
        help_text='Answers; those that identify a person masked for non-owners.'
    )

    class Meta:
        model = Submission
        fields = ['id', 'survey', 'version', 'instance_id', 'submitted_at', 'source', 'file_name', 'answers', 'created']

    def get_answers(self, submission) -> dict:
        owned = self.context.setdefault('owned_surveys', {})
        user = self.context['request'].user
        if submission.survey_id not in owned:
            owned[submission.survey_id] = submission.survey.owners.filter(pk=user.pk).exists()
        return mask(submission.answers, submission.version.identifying, owned[submission.survey_id])


class SurveyImportSerializer(serializers.ModelSerializer):
    class Meta:
        model = SurveyImport
        fields = ['id', 'survey', 'version', 'name', 'source', 'status', 'progress', 'total', 'report', 'created']


class SurveyActualSerializer(serializers.Serializer):
    formula = serializers.CharField(max_length=500, help_text="For example: percent(trust_police in ('2', '3')) by sex")
    period = serializers.IntegerField(help_text="An indicator period (of the survey's country) that has started.")
    organisation = serializers.IntegerField(help_text='The reporting organisation.')

    class Meta:
        ref_name = 'SurveyActual'


class SurveyViewSet(RestrictedReadOnlyViewSet):
    """Surveys; ``POST .../<id>/actual/`` stores a formula's result as the organisation's DRAFT report of the
    period (201 created, 200 the same draft updated; 400 with the reason when refused, nothing written)."""

    permission_classes = [IsAuthenticated, CanViewWorkspace]
    queryset = Survey.objects.select_related('country').prefetch_related('owners')
    serializer_class = SurveySerializer
    filterset_class = SurveyFilterSet

    @extend_schema(request=SurveyActualSerializer, responses={200: ActualReportSerializer, 201: ActualReportSerializer})
    @action(detail=True, methods=['post'], serializer_class=SurveyActualSerializer)
    def actual(self, request, pk=None):
        survey = self.get_object()
        serializer = SurveyActualSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # The page's form checks the period (of the country, started) and the organisation (within reach).
        form = SurveyActualForm(serializer.validated_data, user=request.user, survey=survey)
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = form.cleaned_data
        try:
            stored = store_survey_actual(survey, request.user, data['formula'], data['period'], data['organisation'])
        except SurveyActualRefused as refusal:
            raise ValidationError({'formula': [str(refusal)]}) from refusal
        return Response(
            ActualReportSerializer(stored.report, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED if stored.created else status.HTTP_200_OK,
        )


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
