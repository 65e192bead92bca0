from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.documents.filtersets import DocumentFilterSet, ParagraphFilterSet
from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.panels import annotate_documents, attach, load_paragraphs

from .serializers import DocumentSerializer, ParagraphSerializer

__all__ = ['DocumentViewSet', 'ParagraphViewSet']


class DocumentViewSet(RestrictedReadOnlyViewSet):
    queryset = Document.objects.all()
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet

    def get_queryset(self):
        return annotate_documents(super().get_queryset())


class ParagraphViewSet(RestrictedReadOnlyViewSet):
    queryset = Paragraph.objects.filter(version__is_current=True)
    serializer_class = ParagraphSerializer
    filterset_class = ParagraphFilterSet

    def get_queryset(self):
        return load_paragraphs(super().get_queryset())

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return attach(page) if page is not None else None

    def get_object(self):
        return attach([super().get_object()])[0]
