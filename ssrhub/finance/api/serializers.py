"""Exchange rates and duplication reviews in the API."""

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from ssrhub.core.access import can_in_country
from ssrhub.core.api.fields import PartialDateField
from ssrhub.core.api.serializers import ModelCleanMixin

from ..models import DuplicationReview, ExchangeRate

__all__ = ['DuplicationReviewSerializer', 'ExchangeRateSerializer']


class ExchangeRateSerializer(ModelCleanMixin, serializers.ModelSerializer):
    period = PartialDateField(
        date_field='period',
        precision_field='period_precision',
        help_text="The day, month or year the rate applies to: '2024-03-15', '2024-03' or '2024'.",
    )
    rate = serializers.DecimalField(
        max_digits=20, decimal_places=8, help_text='Units of the currency for one US dollar (IMF and OECD convention).'
    )

    class Meta:
        model = ExchangeRate
        fields = ['id', 'currency', 'period', 'rate', 'source', 'url', 'last_updated']
        read_only_fields = ['last_updated']


class DuplicationReviewSerializer(ModelCleanMixin, serializers.ModelSerializer):
    country = serializers.CharField(source='action.document.country.iso3', read_only=True)

    class Meta:
        model = DuplicationReview
        fields = ['id', 'country', 'action', 'activities', 'fingerprint', 'decision', 'note', 'last_updated']
        read_only_fields = ['last_updated']

    def check_record(self, record) -> None:
        if record.action_id is None:
            return
        country = record.action.document.country
        action = 'change' if self.instance else 'add'
        if not can_in_country(self.context['request'].user, action, DuplicationReview, country):
            raise PermissionDenied(_('You may not save this record with these values.'))
