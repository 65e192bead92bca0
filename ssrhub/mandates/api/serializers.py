from rest_framework import serializers

from ssrhub.documents.models import MissionLink

__all__ = ['InForceSerializer', 'MissionLinkSerializer', 'MissionInForceSerializer']


class MissionLinkSerializer(serializers.ModelSerializer):
    mission = serializers.CharField(source='mission.acronym', read_only=True)
    symbol = serializers.CharField(source='document.symbol', read_only=True)
    date = serializers.DateField(source='document.date', read_only=True, allow_null=True)
    doc_type = serializers.CharField(source='document.doc_type', read_only=True)

    class Meta:
        model = MissionLink
        fields = [
            'id',
            'mission',
            'document',
            'symbol',
            'date',
            'doc_type',
            'relation',
            'paragraph_ref',
            'mentions',
            'source',
            'excluded',
            'note',
        ]


class InForceSerializer(serializers.Serializer):
    """One task in force (``InForce.as_dict()`` and the code's label)."""

    code = serializers.CharField()
    label = serializers.CharField()
    modality = serializers.CharField()
    symbol = serializers.CharField()
    paragraphs = serializers.ListField(child=serializers.CharField())
    since = serializers.DateField()
    current = serializers.BooleanField()
    citation = serializers.CharField()


class MissionInForceSerializer(serializers.Serializer):
    mission = serializers.CharField()
    date = serializers.DateField()
    closed = serializers.BooleanField()
    tasks = InForceSerializer(many=True)
