"""The surveys in the API, read-only; a submission's identifying answers are masked for non-owners."""

from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.countries.api.serializers import country_field
from ssrhub.countries.api.views import CanViewWorkspace

from ..filtersets.surveys import (
    SubmissionFilterSet,
    SurveyFilterSet,
    SurveyImportFilterSet,
    SurveyVersionFilterSet,
)
from ..models import Submission, Survey, SurveyImport, SurveyVersion, mask

__all__ = [
    'SubmissionSerializer',
    'SubmissionViewSet',
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
