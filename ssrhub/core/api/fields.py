from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.core.dates import DAY, PartialDateError, iso_text, parse_partial_date

__all__ = ['BilingualField', 'CitationsField', 'PartialDateField']


@extend_schema_field(
    {'type': 'object', 'properties': {'en': {'type': 'string'}, 'fr': {'type': 'string'}}, 'required': ['en', 'fr']}
)
class BilingualField(serializers.Field):
    """Exposes ``<name>_en`` and ``<name>_fr`` as ``{"en": ..., "fr": ...}``."""

    def __init__(self, name: str, **kwargs):
        self.prefix = name
        super().__init__(source='*', read_only=True, **kwargs)

    def to_representation(self, obj):
        return {'en': getattr(obj, f'{self.prefix}_en'), 'fr': getattr(obj, f'{self.prefix}_fr')}


@extend_schema_field(
    {
        'type': 'array',
        'items': {
            'type': 'object',
            'properties': {
                'symbol': {'type': 'string'},
                'paragraph': {'type': 'string'},
                'book': {
                    'type': 'object',
                    'properties': {'chapter': {'type': 'integer'}, 'lines': {'type': 'string'}},
                },
                'url': {'type': 'string'},
                'text': {'type': 'string'},
            },
        },
    }
)
class CitationsField(serializers.Field):
    """The record's ``citations``, in order, as ``SourceCitation.as_dict()``."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, citations):
        return [citation.as_dict() for citation in citations.all()]


@extend_schema_field({'type': 'string', 'nullable': True, 'pattern': r'^\d{4}(-\d{2}(-\d{2})?)?$'})
class PartialDateField(serializers.Field):
    """A date known to the day, the month or the year, read and written as ``2019-03-14``, ``2019-03`` or ``2019``
    (``March 2019`` and ``mars 2019`` are read too); it sets the model's date field and its precision field.

    Args:
        date_field: the model field that holds the first day of the period.
        precision_field: the model field that holds 'day', 'month' or 'year'.
    """

    default_error_messages = {
        'invalid': _('Enter a date as 2019-03-14, 2019-03 (a month) or 2019 (a year); “March 2019” works too.'),
        'impossible': _('There is no such day or month: %(value)s.'),
    }

    def __init__(self, *, date_field: str, precision_field: str, **kwargs):
        self.date_field, self.precision_field = date_field, precision_field
        kwargs.setdefault('help_text', "'2019-03-14', '2019-03' or '2019', as precisely as the source gives it.")
        super().__init__(source='*', **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.date_field)
        return None if value is None else iso_text(value, getattr(instance, self.precision_field))

    def validate_empty_values(self, data):
        # With source='*' the value is merged into the validated data: an empty date is a dict too.
        if data in (None, '') and self.allow_null:
            return True, {self.date_field: None, self.precision_field: DAY}
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        try:
            value = parse_partial_date(str(data))
        except PartialDateError as error:
            raise serializers.ValidationError(self.error_messages[error.code] % {'value': data}) from error
        return {self.date_field: value.date, self.precision_field: value.precision}
