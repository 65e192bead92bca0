"""Support requests in the API: requests (status read-only), assessment versions, risk factors and mitigations,
written by the country's due-diligence officer as the pages write them; reviews, decisions, reopenings and
interventions read-only (the workflow writes them); shared decisions readable by workspace viewers. The workflow's
steps are POST actions on a request (``/api/safeguards/support-requests/<id>/submit/``), with the pages' role checks:
403 for a role that does not take the step, 409 when the request has moved on, 400 for missing data."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.countries.api.serializers import WorkspaceSerializer, choice_text, country_field

from .. import workflow
from ..models import (
    Allegation,
    CaseStatus,
    Decision,
    FactorKind,
    ForumReview,
    Intervention,
    InterventionKind,
    Mitigation,
    MitigationKind,
    MitigationStatus,
    Outcome,
    Reopening,
    ReopenReason,
    RiskAssessment,
    RiskFactor,
    SharedDecision,
    SupportKind,
    SupportRequest,
)

__all__ = [
    'ForumReviewViewSet',
    'HrddDecisionViewSet',
    'InterventionViewSet',
    'MitigationViewSet',
    'ReopeningViewSet',
    'RiskAssessmentViewSet',
    'RiskFactorViewSet',
    'SharedDecisionViewSet',
    'SupportRequestViewSet',
]


def _level(what: str, **kwargs):
    return serializers.IntegerField(
        min_value=1, max_value=4, allow_null=True, help_text=f'{what}: 1 low to 4 very high.', **kwargs
    )


class ReachableParentField(serializers.PrimaryKeyRelatedField):
    """The record a part belongs to (a request, an assessment), among those the user may view: any other id is a
    403, whether it exists or not, so that guessing ids tells nothing."""

    def to_internal_value(self, data):
        found = self.get_queryset().restrict(self.context['request'].user).filter(pk=data).first() if data else None
        if found is None:
            raise PermissionDenied(_('You may not save this record with these values.'))
        return found


def _editable(assessment) -> None:
    """A submitted (frozen) version, or one of a request out of draft, is never written again."""
    if assessment.frozen or assessment.request.status != CaseStatus.DRAFT:
        raise PermissionDenied(_('Only the current assessment of a request in draft is changed.'))


# Section: serializers of the records


class HrddRequestSerializer(WorkspaceSerializer):
    country = country_field()
    kind = choice_text(SupportKind.choices, 'Kind of support')
    status = choice_text(CaseStatus.choices, 'Status, moved only by the workflow steps', read_only=True)
    steps = serializers.SerializerMethodField(help_text='The workflow steps the requesting user may take now.')

    class Meta:
        model = SupportRequest
        fields = [
            'id',
            'country',
            'title',
            'un_entity',
            'recipient',
            'kind',
            'description',
            'start',
            'end',
            'value',
            'currency',
            'basis',
            'basis_symbol',
            'status',
            'steps',
        ]

    def get_steps(self, obj) -> list[str]:
        return workflow.available_steps(obj, self.context['request'].user)

    def check_record(self, record) -> None:
        super().check_record(record)
        if record.pk and record.status != CaseStatus.DRAFT:
            raise PermissionDenied(_('Only a request in draft is changed or deleted.'))

    def create(self, validated_data):
        created = super().create(validated_data)
        RiskAssessment.objects.create(request=created)
        return created


class RiskAssessmentSerializer(WorkspaceSerializer):
    likelihood = _level('Likelihood')
    impact = _level('Impact')
    overall_risk = _level('Overall risk chosen by the assessors')
    suggested_risk = serializers.IntegerField(
        read_only=True, allow_null=True, help_text='The overall risk the likelihood x impact matrix suggests.'
    )

    class Meta:
        model = RiskAssessment
        fields = [
            'id',
            'request',
            'version',
            'frozen',
            'assessors',
            'record',
            'allegations',
            'likelihood',
            'impact',
            'suggested_risk',
            'overall_risk',
            'risk_reason',
            'conclusion',
        ]
        read_only_fields = ['request', 'version', 'frozen']

    def check_record(self, record) -> None:
        super().check_record(record)
        _editable(record)


class RiskFactorSerializer(WorkspaceSerializer):
    assessment = ReachableParentField(queryset=RiskAssessment.objects.all())
    factor = choice_text(FactorKind.choices, 'Risk factor')
    rating = serializers.IntegerField(min_value=1, max_value=4, help_text='Rating: 1 low to 4 very high.')

    class Meta:
        model = RiskFactor
        fields = ['id', 'assessment', 'factor', 'rating', 'finding']

    def check_record(self, record) -> None:
        super().check_record(record)
        if record.assessment_id:
            _editable(record.assessment)


class MitigationSerializer(WorkspaceSerializer):
    kind = choice_text(MitigationKind.choices, 'Kind', required=False)
    status = choice_text(MitigationStatus.choices, 'Status', required=False)
    request = ReachableParentField(queryset=SupportRequest.objects.all())
    overdue = serializers.BooleanField(read_only=True, help_text='Planned or in progress after its due date.')

    class Meta:
        model = Mitigation
        fields = ['id', 'request', 'kind', 'description', 'owner', 'due_on', 'status', 'met_on', 'evidence', 'overdue']


class ForumReviewSerializer(serializers.ModelSerializer):
    recommendation = choice_text(Outcome.choices, 'Recommendation', read_only=True)

    class Meta:
        model = ForumReview
        fields = ['id', 'request', 'assessment', 'reviewed_on', 'recommendation', 'comment', 'reviewer']


class HrddDecisionSerializer(serializers.ModelSerializer):
    outcome = choice_text(Outcome.choices, 'Decision', read_only=True)

    class Meta:
        model = Decision
        fields = [
            'id',
            'request',
            'assessment',
            'outcome',
            'approver',
            'decided_on',
            'justification',
            'expires_on',
            'shared',
        ]


class ReopeningSerializer(serializers.ModelSerializer):
    reason = choice_text(ReopenReason.choices, 'Why the case was reopened', read_only=True)

    class Meta:
        model = Reopening
        fields = ['id', 'request', 'reason', 'note', 'allegation', 'reopened_on']


class InterventionSerializer(serializers.ModelSerializer):
    kind = choice_text(InterventionKind.choices, 'Kind', read_only=True)

    class Meta:
        model = Intervention
        fields = ['id', 'request', 'kind', 'started_on', 'ended_on', 'reason', 'allegation']


class SharedDecisionSerializer(serializers.ModelSerializer):
    country = country_field('country.iso3')
    kind = choice_text(SupportKind.choices, 'Kind of support', read_only=True)
    outcome = choice_text(Outcome.choices, 'Decision', read_only=True)

    class Meta:
        model = SharedDecision
        fields = ['id', 'country', 'recipient', 'kind', 'outcome', 'decided_on', 'expires_on']


# Section: serializers of the workflow's steps (their fields are the step function's keyword arguments)


class HrddSubmitSerializer(serializers.Serializer):
    pass


class HrddReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(help_text='What the assessment still needs.')


class HrddReviewSerializer(serializers.Serializer):
    recommendation = choice_text(Outcome.choices, 'Recommendation')
    comment = serializers.CharField(required=False, allow_blank=True, default='')


class HrddDecideSerializer(serializers.Serializer):
    outcome = choice_text(Outcome.choices, 'Decision')
    justification = serializers.CharField()
    expires_on = serializers.DateField()
    shared = serializers.BooleanField(required=False, default=False)


class HrddReopenSerializer(serializers.Serializer):
    reason = choice_text([c for c in ReopenReason.choices if c[0] != ReopenReason.RETURNED], 'Why')
    note = serializers.CharField(required=False, allow_blank=True, default='')


class HrddInterventionSerializer(serializers.Serializer):
    started_on = serializers.DateField()
    reason = serializers.CharField()
    allegation = serializers.PrimaryKeyRelatedField(queryset=Allegation.objects.all(), required=False, default=None)

    def validate_allegation(self, value):
        if value is not None and not Allegation.objects.restrict(self.context['request'].user).filter(pk=value.pk):
            raise serializers.ValidationError(_('Unknown allegation.'))
        return value


class HrddResumeSerializer(serializers.Serializer):
    ended_on = serializers.DateField()


STEP_SERIALIZERS = {
    'submit': HrddSubmitSerializer,
    'return': HrddReturnSerializer,
    'review': HrddReviewSerializer,
    'decide': HrddDecideSerializer,
    'reopen': HrddReopenSerializer,
    'suspend': HrddInterventionSerializer,
    'withdraw': HrddInterventionSerializer,
    'resume': HrddResumeSerializer,
}


# Section: viewsets


def _step_action(step: str):
    """The POST action of ``step`` on a request."""

    def take(self, request, pk=None):
        obj = self.get_object()
        if not workflow.may_take(step, obj, request.user):
            raise PermissionDenied
        data = STEP_SERIALIZERS[step](data=request.data, context={'request': request})
        data.is_valid(raise_exception=True)
        try:
            workflow.STEPS[step](obj, request.user, **data.validated_data)
        except workflow.StepConflict as conflict:
            return Response({'detail': str(conflict)}, status=status.HTTP_409_CONFLICT)
        except ValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
        return Response(HrddRequestSerializer(obj, context={'request': request}).data)

    take.__name__ = f'step_{step}'
    schema = extend_schema(
        request=STEP_SERIALIZERS[step],
        responses={
            200: HrddRequestSerializer,
            400: OpenApiResponse(description='Missing or invalid data.'),
            403: OpenApiResponse(description='The user does not hold the role that takes this step here.'),
            409: OpenApiResponse(description='The request has moved on: the step was not taken.'),
        },
        description=f'Workflow step "{step}" (safeguards/workflow.py).',
    )
    return schema(
        action(detail=True, methods=['post'], url_path=step, url_name=step, permission_classes=[IsAuthenticated])(take)
    )


@extend_schema_view(
    list=extend_schema(description='Support requests of the HRDDP cases the user may read.'),
    retrieve=extend_schema(description='One support request, with the steps the user may take now.'),
)
class SupportRequestViewSet(RestrictedModelViewSet):
    queryset = SupportRequest.objects.select_related('country')
    serializer_class = HrddRequestSerializer
    filterset_fields = ['country', 'status', 'kind', 'recipient', 'un_entity']

    def perform_destroy(self, instance):
        if not workflow.deletable(instance):
            raise PermissionDenied(_('A request once submitted is kept; only a draft never submitted is deleted.'))
        with transaction.atomic():
            instance.delete()

    step_submit = _step_action('submit')
    step_return = _step_action('return')
    step_review = _step_action('review')
    step_decide = _step_action('decide')
    step_reopen = _step_action('reopen')
    step_suspend = _step_action('suspend')
    step_withdraw = _step_action('withdraw')
    step_resume = _step_action('resume')


class RiskAssessmentViewSet(RestrictedModelViewSet):
    """Assessment versions: the current one of a draft request is changed; versions are made by the workflow."""

    queryset = RiskAssessment.objects.select_related('request__country').prefetch_related('assessors', 'allegations')
    serializer_class = RiskAssessmentSerializer
    http_method_names = ['get', 'put', 'patch', 'head', 'options']
    filterset_fields = ['request']


class RiskFactorViewSet(RestrictedModelViewSet):
    queryset = RiskFactor.objects.select_related('assessment__request')
    serializer_class = RiskFactorSerializer
    filterset_fields = ['assessment']

    def perform_destroy(self, instance):
        _editable(instance.assessment)
        instance.delete()


class MitigationViewSet(RestrictedModelViewSet):
    queryset = Mitigation.objects.all()
    serializer_class = MitigationSerializer
    filterset_fields = ['request', 'status']


class ForumReviewViewSet(RestrictedReadOnlyViewSet):
    queryset = ForumReview.objects.all()
    serializer_class = ForumReviewSerializer
    filterset_fields = ['request']


class HrddDecisionViewSet(RestrictedReadOnlyViewSet):
    queryset = Decision.objects.all()
    serializer_class = HrddDecisionSerializer
    filterset_fields = ['request']


class ReopeningViewSet(RestrictedReadOnlyViewSet):
    queryset = Reopening.objects.all()
    serializer_class = ReopeningSerializer
    filterset_fields = ['request']


class InterventionViewSet(RestrictedReadOnlyViewSet):
    queryset = Intervention.objects.all()
    serializer_class = InterventionSerializer
    filterset_fields = ['request']


class SharedDecisionViewSet(RestrictedReadOnlyViewSet):
    """What anyone who reads the country's workspace may know of a decided case, when the forum shared it."""

    queryset = SharedDecision.objects.select_related('country')
    serializer_class = SharedDecisionSerializer
    filterset_fields = ['recipient']
