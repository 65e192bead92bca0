from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.documents.filtersets import DocumentFilterSet, ParagraphFilterSet
from ssrhub.documents.forms import DocumentUploadForm
from ssrhub.documents.jobs import UploadRefused, start_job
from ssrhub.documents.models import Document, IngestJob, Paragraph
from ssrhub.documents.panels import annotate_documents, attach, load_paragraphs

from .serializers import DocumentSerializer, IngestJobSerializer, ParagraphSerializer

__all__ = ['DocumentViewSet', 'IngestJobViewSet', 'ParagraphViewSet']


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


class IngestJobViewSet(RestrictedReadOnlyViewSet):
    """Upload jobs: POST a file (multipart: ``file``, optional ``symbol``) to queue its reading (202 with the job;
    507 when the server disk is full, 503 when the queue cannot be reached); GET a job to follow it. A user reads
    their own jobs, administrators every job."""

    queryset = IngestJob.objects.select_related('document')
    serializer_class = IngestJobSerializer
    parser_classes = [MultiPartParser, FormParser]

    def get_permissions(self):
        return [IsAuthenticated()] if self.action == 'create' else super().get_permissions()

    def create(self, request, *args, **kwargs):
        if not request.user.has_perm('documents.add_document'):
            raise PermissionDenied
        form = DocumentUploadForm(request.data, request.FILES)
        if not form.is_valid():
            raise ValidationError({field: [str(error) for error in errors] for field, errors in form.errors.items()})
        try:
            job = start_job(request.user, form.cleaned_data['file'], form.cleaned_data['symbol'])
        except UploadRefused as refused:
            return Response({'detail': refused.message}, status=refused.status)
        job.refresh_from_db()
        return Response(self.get_serializer(job).data, status=status.HTTP_202_ACCEPTED)
