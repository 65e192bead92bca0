from rest_framework import serializers

from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.panels import api_fields, document_api_fields

__all__ = ['DocumentSerializer', 'ParagraphSerializer']


class DocumentSerializer(serializers.ModelSerializer):
    current_version = serializers.IntegerField(source='current_version.number', read_only=True, allow_null=True)

    class Meta:
        model = Document
        fields = ['id', 'symbol', 'key', 'title', 'doc_type', 'language', 'date', 'current_version']

    def get_fields(self):
        return {**super().get_fields(), **document_api_fields()}


class ParagraphSerializer(serializers.ModelSerializer):
    """A paragraph with the machine reading and codes, in the record shape of `ssrhub code`."""

    symbol = serializers.CharField(source='version.document.symbol', read_only=True)
    document = serializers.IntegerField(source='version.document_id', read_only=True)
    version = serializers.IntegerField(source='version.number', read_only=True)

    class Meta:
        model = Paragraph
        fields = [
            'id',
            'document',
            'symbol',
            'version',
            'ref',
            'kind',
            'parent_ref',
            'text',
        ]

    def get_fields(self):
        return {**super().get_fields(), **api_fields()}
