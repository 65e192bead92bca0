from ssrhub.coding.filtersets import CodeAssignmentFilterSet, ParagraphReviewFilterSet
from ssrhub.coding.models import CodeAssignment, ParagraphReview
from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet

from .serializers import CodeAssignmentSerializer, ParagraphReviewSerializer

__all__ = ['CodeAssignmentViewSet', 'ParagraphReviewViewSet']


class CodeAssignmentViewSet(RestrictedReadOnlyViewSet):
    queryset = CodeAssignment.objects.select_related('paragraph__version__document', 'coder')
    serializer_class = CodeAssignmentSerializer
    filterset_class = CodeAssignmentFilterSet


class ParagraphReviewViewSet(RestrictedReadOnlyViewSet):
    queryset = ParagraphReview.objects.select_related('paragraph__version__document', 'reviewer').order_by('pk')
    serializer_class = ParagraphReviewSerializer
    filterset_class = ParagraphReviewFilterSet
