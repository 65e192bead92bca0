from ssrhub.coding.filtersets import CodeAssignmentFilterSet, LearnedProposalFilterSet, ParagraphReviewFilterSet
from ssrhub.coding.models import CodeAssignment, LearnedProposal, ParagraphReview
from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet

from .serializers import CodeAssignmentSerializer, LearnedProposalSerializer, ParagraphReviewSerializer

__all__ = ['CodeAssignmentViewSet', 'LearnedProposalViewSet', 'ParagraphReviewViewSet']


class CodeAssignmentViewSet(RestrictedReadOnlyViewSet):
    queryset = CodeAssignment.objects.select_related('paragraph__version__document', 'coder')
    serializer_class = CodeAssignmentSerializer
    filterset_class = CodeAssignmentFilterSet


class LearnedProposalViewSet(RestrictedReadOnlyViewSet):
    queryset = LearnedProposal.objects.select_related('paragraph__version__document').order_by('pk')
    serializer_class = LearnedProposalSerializer
    filterset_class = LearnedProposalFilterSet


class ParagraphReviewViewSet(RestrictedReadOnlyViewSet):
    queryset = ParagraphReview.objects.select_related('paragraph__version__document', 'reviewer').order_by('pk')
    serializer_class = ParagraphReviewSerializer
    filterset_class = ParagraphReviewFilterSet
