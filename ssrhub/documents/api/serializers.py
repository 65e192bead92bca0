from rest_framework import serializers

from ssrhub.documents.jobs import job_error, job_progress, job_result
from ssrhub.documents.models import Document, IngestJob, Paragraph
from ssrhub.documents.panels import api_fields, document_api_fields

__all__ = ['DocumentSerializer', 'IngestJobSerializer', 'ParagraphSerializer']


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


class IngestJobSerializer(serializers.ModelSerializer):
    """An upload's job: its status, what it stored or why it failed (``message``, in the reader's language); a job
    of several files counts the files read (``files_done`` of ``files_total``) and paragraphs stored so far, and each
    file's job names it as ``parent``; while a scan is read by OCR, ``ocr_pages_done`` of ``ocr_pages_total``."""

    message = serializers.SerializerMethodField()
    url = serializers.CharField(source='get_absolute_url', read_only=True)

    class Meta:
        model = IngestJob
        fields = [
            'id',
            'url',
            'filename',
            'size',
            'sha256',
            'symbol',
            'status',
            'outcome',
            'document',
            'version',
            'pages',
            'paragraphs',
            'files_total',
            'files_done',
            'ocr_pages_done',
            'ocr_pages_total',
            'parent',
            'conflict',
            'error_code',
            'message',
            'created',
            'finished',
        ]
        read_only_fields = fields

    def get_message(self, job) -> str:
        if job.several:
            return job_progress(job)
        return job_error(job) if job.status == IngestJob.Status.FAILED else job_result(job)
