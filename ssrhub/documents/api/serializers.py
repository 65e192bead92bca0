from rest_framework import serializers

from ssrhub.documents.models import Document, Paragraph

__all__ = ['DocumentSerializer', 'ParagraphSerializer']


class DocumentSerializer(serializers.ModelSerializer):
    current_version = serializers.IntegerField(source='current_version.number', read_only=True, allow_null=True)

    class Meta:
        model = Document
        fields = ['id', 'symbol', 'key', 'title', 'doc_type', 'language', 'date', 'current_version']


class ParagraphSerializer(serializers.ModelSerializer):
    """A paragraph with the machine reading and codes, in the record shape of `ssrhub code`."""

    symbol = serializers.CharField(source='version.document.symbol', read_only=True)
    document = serializers.IntegerField(source='version.document_id', read_only=True)
    version = serializers.IntegerField(source='version.number', read_only=True)
    force = serializers.SerializerMethodField()
    verb = serializers.SerializerMethodField()
    addressee = serializers.SerializerMethodField()
    codes = serializers.SerializerMethodField()

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
            'force',
            'verb',
            'addressee',
            'codes',
        ]

    def get_force(self, paragraph) -> str | None:
        return paragraph.reading.get_force_display() if paragraph.reading else None

    def get_verb(self, paragraph) -> str:
        return paragraph.reading.verb if paragraph.reading else ''

    def get_addressee(self, paragraph) -> str | None:
        return paragraph.reading.addressee if paragraph.reading else None

    def get_codes(self, paragraph) -> list[dict]:
        return [
            {
                'code': code.code,
                'modality': code.modality,
                'explicit': code.explicit,
                'source': code.source,
                'coder': code.coder.get_username() if code.coder else None,
                'present': code.present,
                'evidence': code.evidence,
            }
            for code in paragraph.code_list
        ]
