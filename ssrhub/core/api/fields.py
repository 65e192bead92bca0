from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

__all__ = ['BilingualField', 'CitationsField']


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
