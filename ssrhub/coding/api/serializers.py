from rest_framework import serializers

from ssrhub.coding.models import CodeAssignment, LearnedProposal, ParagraphReview

__all__ = ['CodeAssignmentSerializer', 'LearnedProposalSerializer', 'ParagraphReviewSerializer']


class ParagraphRecordSerializer(serializers.ModelSerializer):
    """A record about one paragraph, which also names the paragraph's document (id and symbol) and its ref."""

    document = serializers.IntegerField(source='paragraph.version.document_id', read_only=True)
    symbol = serializers.CharField(source='paragraph.version.document.symbol', read_only=True)
    ref = serializers.CharField(source='paragraph.ref', read_only=True)


class CodeAssignmentSerializer(ParagraphRecordSerializer):
    """One code on one paragraph, by the machine or a reviewer, with the paragraph's document."""

    # A plain string in the schema: as an enum it would take the name SourceEnum from MissionLink's source.
    source = serializers.CharField(read_only=True)
    coder = serializers.SlugRelatedField(slug_field='username', read_only=True, allow_null=True)

    class Meta:
        model = CodeAssignment
        fields = [
            'id',
            'paragraph',
            'document',
            'symbol',
            'ref',
            'code',
            'modality',
            'explicit',
            'mission_task',
            'source',
            'coder',
            'present',
            'codebook_version',
            'evidence',
            'note',
            'last_updated',
        ]


class LearnedProposalSerializer(ParagraphRecordSerializer):
    """A code the learned model proposes for a paragraph, with its probability (not a code in force)."""

    class Meta:
        model = LearnedProposal
        fields = [
            'id',
            'paragraph',
            'document',
            'symbol',
            'ref',
            'code',
            'probability',
            'model_version',
            'data_version',
            'codebook_version',
            'created',
        ]


class ParagraphReviewSerializer(ParagraphRecordSerializer):
    reviewer = serializers.SlugRelatedField(slug_field='username', read_only=True)

    class Meta:
        model = ParagraphReview
        fields = ['id', 'paragraph', 'document', 'symbol', 'ref', 'reviewer', 'created']
