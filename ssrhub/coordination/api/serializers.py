"""Organisations and activities for the API: activities with their IATI parts nested (read only) and their
fields writable as on the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from ssrhub.core.api.fields import CitationsField
from ssrhub.countries.api.serializers import ReachablePrimaryKeyRelatedField, WorkspaceSerializer, country_field

from ..models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    Budget,
    Organisation,
    ParticipatingOrganisation,
    RecipientCountry,
    Result,
    ResultIndicator,
    ResultPeriod,
    Transaction,
)

__all__ = ['ActivitySerializer', 'OrganisationSerializer']


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(
        slug_field='iso3',
        queryset=country_field().queryset,
        allow_null=True,
        required=False,
        help_text='Country of origin, ISO alpha-3.',
    )
    citations = CitationsField()

    class Meta:
        model = Organisation
        fields = [
            'id',
            'name',
            'name_fr',
            'acronym',
            'iati_ref',
            'type',
            'country',
            'un_entity',
            'website',
            'aliases',
            'source',
            'citations',
        ]

    def get_validators(self):
        return []

    def validate(self, data):
        record = self.instance or Organisation()
        for name, value in data.items():
            setattr(record, name, value)
        try:
            record.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
        return data


class RecipientCountrySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source='country.iso3', read_only=True)

    class Meta:
        model = RecipientCountry
        fields = ['country', 'percentage']


class ParticipantSerializer(serializers.ModelSerializer):
    class Meta:
        model = ParticipatingOrganisation
        fields = ['organisation', 'name', 'role', 'type', 'activity_identifier']


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivitySector
        fields = ['vocabulary', 'code', 'name', 'percentage']


class PolicyMarkerSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPolicyMarker
        fields = ['vocabulary', 'code', 'significance', 'name']


class LocationSerializer(serializers.ModelSerializer):
    pcode = serializers.CharField(source='admin_area.pcode', read_only=True, default='')

    class Meta:
        model = ActivityLocation
        fields = ['name', 'pcode', 'latitude', 'longitude']


class BudgetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Budget
        fields = ['type', 'status', 'period_start', 'period_end', 'value', 'currency', 'value_date']


class TransactionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Transaction
        fields = [
            'id',
            'ref',
            'type',
            'date',
            'value',
            'currency',
            'value_date',
            'description',
            'provider_organisation',
            'provider_name',
            'provider_activity_identifier',
            'receiver_organisation',
            'receiver_name',
            'receiver_activity_identifier',
            'note',
        ]


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResultPeriod
        fields = ['period_start', 'period_end', 'target', 'actual', 'comment']


class IndicatorSerializer(serializers.ModelSerializer):
    periods = PeriodSerializer(many=True, read_only=True)

    class Meta:
        model = ResultIndicator
        fields = ['measure', 'ascending', 'title', 'baseline_year', 'baseline_value', 'baseline_comment', 'periods']


class ResultSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Result
        fields = ['type', 'title', 'description', 'indicators']


class LinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityLink
        fields = ['id', 'kind', 'action', 'share', 'framework_item', 'mission', 'code', 'paragraph', 'note']


class ActivitySerializer(WorkspaceSerializer):
    """An activity: its own fields are writable (in the user's countries); its parts are read here and edited on
    the activity's page or by an IATI import."""

    serializer_related_field = ReachablePrimaryKeyRelatedField
    country = serializers.SlugRelatedField(
        slug_field='iso3',
        queryset=country_field().queryset,
        allow_null=True,
        required=False,
        help_text='Recipient country, ISO alpha-3; empty for a regional activity (administrators only).',
    )
    recipient_countries = RecipientCountrySerializer(many=True, read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    sectors = SectorSerializer(many=True, read_only=True)
    policy_markers = PolicyMarkerSerializer(many=True, read_only=True)
    locations = LocationSerializer(many=True, read_only=True)
    budgets = BudgetSerializer(many=True, read_only=True)
    transactions = TransactionSerializer(many=True, read_only=True)
    results = ResultSerializer(many=True, read_only=True)
    links = LinkSerializer(many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = Activity
        fields = [
            'id',
            'iati_identifier',
            'reporting_organisation',
            'country',
            'title',
            'title_fr',
            'description',
            'description_fr',
            'language',
            'description_language',
            'status',
            'planned_start',
            'actual_start',
            'planned_end',
            'actual_end',
            'humanitarian',
            'default_currency',
            'default_flow_type',
            'default_finance_type',
            'default_aid_type',
            'default_tied_status',
            'last_updated_datetime',
            'on_budget',
            'origin',
            'source',
            'notes',
            'citations',
            'recipient_countries',
            'participants',
            'sectors',
            'policy_markers',
            'locations',
            'budgets',
            'transactions',
            'results',
            'links',
        ]
        read_only_fields = ['notes', 'last_updated_datetime']
