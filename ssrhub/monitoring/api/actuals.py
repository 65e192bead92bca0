"""The actuals' API: disaggregations (read), reports with their review steps as actions (``submit``, ``approve``,
``return``, ``reopen``, ``lock``, ``unlock``; the same rules as the pages), values (written within the rules of
the report's status) and steps (read)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django_filters import rest_framework as filters
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.countries.api.serializers import WorkspaceSerializer, country_field

from .. import actual_services
from ..actual_queries import report_flags
from ..models import ActualReport, ActualStep, ActualValue, DisaggregationCategory, DisaggregationType

__all__ = ['ActualReportViewSet', 'ActualStepViewSet', 'ActualValueViewSet', 'DisaggregationTypeViewSet']


class DisaggregationCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = DisaggregationCategory
        fields = ['id', 'order', 'code', 'name', 'name_fr', 'admin_area', 'actor']


class DisaggregationTypeSerializer(serializers.ModelSerializer):
    country = serializers.CharField(
        source='country.iso3', read_only=True, allow_null=True, help_text='Empty for a built-in disaggregation.'
    )
    categories = DisaggregationCategorySerializer(many=True, read_only=True)

    class Meta:
        model = DisaggregationType
        fields = ['id', 'country', 'kind', 'name', 'name_fr', 'categories']


class DisaggregationTypeViewSet(RestrictedReadOnlyViewSet):
    queryset = DisaggregationType.objects.select_related('country').prefetch_related('categories')
    serializer_class = DisaggregationTypeSerializer


class ActualStepSerializer(serializers.ModelSerializer):
    user = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = ActualStep
        fields = ['id', 'report', 'action', 'user', 'date', 'from_status', 'to_status', 'comment']


class ActualStepViewSet(RestrictedReadOnlyViewSet):
    queryset = ActualStep.objects.select_related('user')
    serializer_class = ActualStepSerializer
    filterset_fields = ['report']


class ActualValueSerializer(WorkspaceSerializer):
    country = country_field('report.period.indicator.result.framework.country.iso3')

    class Meta:
        model = ActualValue
        fields = ['id', 'country', 'report', 'category', 'value', 'numerator', 'denominator', 'note', 'source']


class ActualValueViewSet(RestrictedModelViewSet):
    queryset = ActualValue.objects.select_related('report__period__indicator__result__framework__country')
    serializer_class = ActualValueSerializer
    filterset_fields = ['report', 'category']

    def perform_destroy(self, instance):
        if not instance.report.editable:
            raise ValidationError({'report': [instance.report.not_editable_reason()]})
        instance.delete()


class ActualReportFilterSet(filters.FilterSet):
    country = filters.CharFilter(
        field_name='period__indicator__result__framework__country__iso3', lookup_expr='iexact', label='Country'
    )

    class Meta:
        model = ActualReport
        fields = ['country', 'status', 'locked', 'period', 'period__indicator', 'organisation']


class ActualReportSerializer(WorkspaceSerializer):
    country = country_field('period.indicator.result.framework.country.iso3')
    indicator = serializers.IntegerField(source='period.indicator_id', read_only=True)
    values = serializers.SerializerMethodField(help_text='The total (category null) and each category’s value.')
    steps = ActualStepSerializer(many=True, read_only=True)
    sum_flags = serializers.SerializerMethodField(
        help_text='Disaggregations whose categories do not add up to the total: type id, part (value, numerator '
        'or denominator), total, sum of the categories, categories missing (never counted as 0).'
    )

    class Meta:
        model = ActualReport
        fields = [
            'id',
            'country',
            'indicator',
            'period',
            'organisation',
            'status',
            'locked',
            'submitted_by',
            'submitted_at',
            'note',
            'survey',
            'formula',
            'survey_answers',
            'values',
            'steps',
            'sum_flags',
        ]
        read_only_fields = ['status', 'locked', 'submitted_by', 'submitted_at']

    def get_values(self, report) -> list[dict]:
        return ActualValueSerializer(report.values.all(), many=True, context=self.context).data

    def get_sum_flags(self, report) -> list[dict]:
        return [
            {
                'type': flag.type_key,
                'part': flag.part,
                'total': str(flag.total),
                'categories_sum': str(flag.categories_sum),
                'missing': list(flag.missing),
            }
            for flag in report_flags(report)
        ]


class StepSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default='')

    class Meta:
        ref_name = 'ReviewStep'


class ActualReportViewSet(RestrictedModelViewSet):
    """Reports; ``POST .../<id>/<step>/`` with an optional ``comment`` takes a review step (403 with the reason when
    the workflow refuses it; 400 when a comment or a value is missing)."""

    queryset = ActualReport.objects.select_related(
        'period__indicator__result__framework__country', 'organisation'
    ).prefetch_related('steps__user', 'values')
    serializer_class = ActualReportSerializer
    filterset_class = ActualReportFilterSet

    def perform_create(self, serializer):
        with transaction.atomic():
            super().perform_create(serializer)
            ActualStep.objects.create(
                report=serializer.instance, action='create', user=self.request.user, to_status='draft'
            )

    def perform_destroy(self, instance):
        if not instance.editable or instance.steps.exclude(action='create').exists():
            raise ValidationError({'status': [actual_services.not_deletable_message()]})
        instance.delete()

    def _step(self, request, name):
        report = self.get_object()
        serializer = StepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            actual_services.take_step(report, request.user, name, serializer.validated_data['comment'])
        except actual_services.StepRefused as refusal:
            if refusal.code in ('comment-required', 'no-values'):
                field = 'comment' if refusal.code == 'comment-required' else 'values'
                raise ValidationError({field: [str(refusal)]}) from refusal
            raise PermissionDenied(str(refusal)) from refusal
        except DjangoValidationError as error:
            raise ValidationError(error.messages) from error
        report = self.get_queryset().get(pk=report.pk)
        return Response(ActualReportSerializer(report, context=self.get_serializer_context()).data)

    @action(detail=True, methods=['post'], serializer_class=StepSerializer)
    def submit(self, request, pk=None):
        return self._step(request, 'submit')

    @action(detail=True, methods=['post'], serializer_class=StepSerializer)
    def approve(self, request, pk=None):
        return self._step(request, 'approve')

    @action(detail=True, methods=['post'], serializer_class=StepSerializer, url_path='return', url_name='return')
    def return_(self, request, pk=None):
        return self._step(request, 'return')

    @action(detail=True, methods=['post'], serializer_class=StepSerializer)
    def reopen(self, request, pk=None):
        return self._step(request, 'reopen')

    @action(detail=True, methods=['post'], serializer_class=StepSerializer)
    def lock(self, request, pk=None):
        return self._step(request, 'lock')

    @action(detail=True, methods=['post'], serializer_class=StepSerializer)
    def unlock(self, request, pk=None):
        return self._step(request, 'unlock')
