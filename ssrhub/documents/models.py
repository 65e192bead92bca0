"""Ingested documents, their versions (one per distinct file content) and their paragraphs."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import UNSymbolField
from ssrhub.core.models import ChangeLoggedModel, RestrictedModel
from ssrhub.core.symbols import DocType

from .linking import Relation
from .structure import ParagraphKind

__all__ = [
    'Document',
    'DocumentTypeChoices',
    'DocumentVersion',
    'IngestJob',
    'MissionLink',
    'ON_TRACK',
    'Paragraph',
    'ParagraphKindChoices',
    'RelationChoices',
    'SymbolConflict',
]

DOC_TYPE_LABELS = {
    DocType.RESOLUTION: _('Security Council resolution'),
    DocType.PRESIDENTIAL_STATEMENT: _('Presidential statement'),
    DocType.SG_REPORT: _('Secretary-General report'),
    DocType.GA_RESOLUTION: _('General Assembly resolution'),
    DocType.NATIONAL_STRATEGY: _('National policy or strategy'),
    DocType.OTHER: _('Other'),
}
PARAGRAPH_KIND_LABELS = {
    ParagraphKind.PREAMBULAR: _('preambular'),
    ParagraphKind.OPERATIVE: _('operative'),
    ParagraphKind.ANNEX: _('annex'),
}
RELATION_LABELS = {
    Relation.ESTABLISHES: _('establishes'),
    Relation.TERMINATES: _('terminates'),
    Relation.EXTENDS: _('extends'),
    Relation.ADJUSTS: _('adjusts'),
    Relation.REPORTS: _('reports on'),
    Relation.CONCERNS: _('concerns'),
    Relation.MENTIONS: _('mentions'),
}
RelationChoices = [(relation.value, RELATION_LABELS[relation]) for relation in Relation]
# Mission links of documents on the mission's own track (its mandate and reporting line).
ON_TRACK = models.Q(excluded=False, relation__in=[relation.value for relation in Relation if relation.on_track])
DocumentTypeChoices = [(doc_type.value, DOC_TYPE_LABELS[doc_type]) for doc_type in sorted(DOC_TYPE_LABELS)]
ParagraphKindChoices = [(kind.value, PARAGRAPH_KIND_LABELS[kind]) for kind in ParagraphKind]
LANGUAGE_CHOICES = [('en', _('English')), ('fr', _('French'))]


class Document(ChangeLoggedModel):
    """A document (resolution, report, national strategy...), identified by its symbol or file name."""

    symbol = UNSymbolField(verbose_name=_('symbol'), blank=True)
    key = models.CharField(
        verbose_name=_('identity key'),
        max_length=200,
        unique=True,
        help_text=_(
            'The symbol, or the file name for documents without one; a changed file with the same key '
            'becomes a new version.'
        ),
    )
    title = models.CharField(verbose_name=_('title'), max_length=500, blank=True)
    doc_type = models.CharField(verbose_name=_('document type'), max_length=30, choices=DocumentTypeChoices)
    language = models.CharField(verbose_name=_('language'), max_length=2, choices=LANGUAGE_CHOICES)
    date = models.DateField(verbose_name=_('date'), null=True, blank=True)
    missions = models.ManyToManyField(
        to='framework.Mission',
        related_name='documents',
        blank=True,
        verbose_name=_('missions'),
        help_text=_('The missions of its mission links that are not excluded (kept in step by the links).'),
    )

    access_kind = 'analysis'

    class Meta:
        ordering = ['-date', 'symbol', 'key']
        verbose_name = _('document')
        verbose_name_plural = _('documents')
        indexes = [models.Index(fields=['doc_type', 'date'])]

    def __str__(self):
        return self.symbol or self.title or self.key

    def get_absolute_url(self):
        return reverse('documents:document', args=[self.pk])

    @property
    def current_version(self):
        return self.versions.filter(is_current=True).first()


class DocumentVersion(RestrictedModel):
    """One distinct content of a document: its file, extracted text and paragraphs.

    Versions are never edited (a changed file is a new version), so who ingested it and when is
    all the history they need; keeping the text out of an audit table halves the storage.
    """

    document = models.ForeignKey(
        to='documents.Document', on_delete=models.CASCADE, related_name='versions', verbose_name=_('document')
    )
    number = models.PositiveIntegerField(verbose_name=_('version'))
    sha256 = models.CharField(verbose_name=_('SHA-256 of the file'), max_length=64, unique=True)
    filename = models.CharField(verbose_name=_('file name'), max_length=255)
    source = models.CharField(verbose_name=_('source'), max_length=500, blank=True, help_text=_('Path or URL'))
    file_format = models.CharField(verbose_name=_('format'), max_length=10)
    size = models.PositiveBigIntegerField(verbose_name=_('size (bytes)'))
    pages = models.PositiveIntegerField(verbose_name=_('pages'), null=True, blank=True)
    original = models.FileField(verbose_name=_('original file'), max_length=255, blank=True)
    text = models.TextField(verbose_name=_('extracted text'))
    # The pages of a scan read by OCR: [{page, confidence (mean word confidence, 0-100, or None), needs_review,
    # paragraphs (the references given no machine code, on a page that needs review)}]; empty for a text file.
    ocr_pages = models.JSONField(verbose_name=_('pages read by OCR'), default=list, blank=True)
    is_current = models.BooleanField(verbose_name=_('current version'), default=True, db_index=True)
    created = models.DateTimeField(verbose_name=_('ingested'), auto_now_add=True)
    ingested_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='ingested_versions',
        verbose_name=_('ingested by'),
    )

    access_kind = 'analysis'

    class Meta:
        ordering = ['document', '-number']
        verbose_name = _('document version')
        verbose_name_plural = _('document versions')
        constraints = [
            models.UniqueConstraint(
                fields=['document', 'number'],
                name='%(app_label)s_%(class)s_unique_document_number',
                violation_error_message=_('This document already has a version with this number.'),
            )
        ]

    def __str__(self):
        return f'{self.document} v{self.number}'

    def get_absolute_url(self):
        return f'{self.document.get_absolute_url()}?version={self.number}'


class Paragraph(RestrictedModel):
    """A paragraph as the document prints it (``PP3``, ``9``, ``15 (d)``); immutable once ingested."""

    version = models.ForeignKey(
        to='documents.DocumentVersion',
        on_delete=models.CASCADE,
        related_name='paragraphs',
        verbose_name=_('document version'),
    )
    order = models.PositiveIntegerField(verbose_name=_('order'))
    ref = models.CharField(verbose_name=_('reference'), max_length=40)
    kind = models.CharField(verbose_name=_('kind'), max_length=12, choices=ParagraphKindChoices)
    parent_ref = models.CharField(verbose_name=_('parent reference'), max_length=40, blank=True)
    text = models.TextField(verbose_name=_('text'))

    # Paragraphs are never edited (a changed file is a new version), so they need no change history.
    access_kind = 'analysis'

    class Meta:
        ordering = ['version', 'order']
        verbose_name = _('paragraph')
        verbose_name_plural = _('paragraphs')
        constraints = [
            models.UniqueConstraint(
                fields=['version', 'ref'],
                name='%(app_label)s_%(class)s_unique_version_ref',
                violation_error_message=_('This version already has a paragraph with this reference.'),
            )
        ]

    def __str__(self):
        return f'{self.version.document} {self.ref}'


class MissionLink(ChangeLoggedModel):
    """What a document does to a mission (establishes, extends, ... mentions), as read or as corrected.

    The machine writes links with ``source='machine'`` each time it reads a document; a person's
    correction (``source='manual'``) is never overwritten by a later reading. ``excluded`` removes a
    wrong link without losing the record of it. ``Document.missions`` holds the links not excluded.
    """

    SOURCE_CHOICES = [('machine', _('machine')), ('manual', _('manual'))]

    document = models.ForeignKey(
        to='documents.Document', on_delete=models.CASCADE, related_name='mission_links', verbose_name=_('document')
    )
    mission = models.ForeignKey(
        to='framework.Mission', on_delete=models.CASCADE, related_name='document_links', verbose_name=_('mission')
    )
    relation = models.CharField(verbose_name=_('relation'), max_length=20, choices=RelationChoices)
    paragraph_ref = models.CharField(
        verbose_name=_('paragraph'),
        max_length=40,
        blank=True,
        help_text=_('The operative paragraph that acts on the mission, as printed.'),
    )
    mentions = models.PositiveIntegerField(verbose_name=_('number of mentions'), default=0)
    source = models.CharField(verbose_name=_('source'), max_length=10, choices=SOURCE_CHOICES, default='machine')
    excluded = models.BooleanField(
        verbose_name=_('excluded'), default=False, help_text=_('The document is not about this mission.')
    )
    note = models.CharField(verbose_name=_('note'), max_length=500, blank=True)

    access_kind = 'analysis'

    class Meta:
        ordering = ['document', 'mission']
        verbose_name = _('mission link')
        verbose_name_plural = _('mission links')
        constraints = [
            models.UniqueConstraint(
                fields=['document', 'mission'],
                name='%(app_label)s_%(class)s_unique_document_mission',
                violation_error_message=_('This document is already linked to this mission.'),
            )
        ]
        indexes = [models.Index(fields=['mission', 'relation'])]

    def __str__(self):
        return f'{self.document} {self.get_relation_display()} {self.mission}'


class SymbolConflict(ChangeLoggedModel):
    """A file stored as its own document because the symbols its text, file name and uploader gave disagreed, or
    named a known document that its text does not print; a person resolves it (docs/operations.md, "Document
    versions and symbol conflicts")."""

    class Status(models.TextChoices):
        OPEN = 'open', _('open')
        RESOLVED = 'resolved', _('resolved')

    class Resolution(models.TextChoices):
        KEEP = 'keep', _('kept as its own document')
        MERGE = 'merge', _('merged as a version of the other document')
        CORRECT = 'correct', _('symbol corrected')

    document = models.ForeignKey(
        to='documents.Document',
        on_delete=models.CASCADE,
        related_name='symbol_conflicts',
        verbose_name=_('document'),
        help_text=_('The document that holds the file (after a merge, the document it was merged into).'),
    )
    filename = models.CharField(verbose_name=_('file name'), max_length=255)
    text_symbol = UNSymbolField(verbose_name=_('symbol in the text'), blank=True)
    filename_symbol = UNSymbolField(verbose_name=_('symbol in the file name'), blank=True)
    stated_symbol = UNSymbolField(verbose_name=_('symbol stated on upload'), blank=True)
    known = models.ForeignKey(
        to='documents.Document',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='+',
        verbose_name=_('known document'),
        help_text=_('The stored document that one of the symbols names, when there was one.'),
    )
    status = models.CharField(verbose_name=_('status'), max_length=10, choices=Status, default=Status.OPEN)
    resolution = models.CharField(verbose_name=_('resolution'), max_length=10, choices=Resolution, blank=True)
    resolved_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='+',
        verbose_name=_('resolved by'),
    )
    resolved_at = models.DateTimeField(verbose_name=_('resolved'), null=True, blank=True)

    access_kind = 'analysis'

    class Meta:
        ordering = ['status', '-created']
        verbose_name = _('symbol conflict')
        verbose_name_plural = _('symbol conflicts')

    def __str__(self):
        return f'{self.filename}: {", ".join(self.sources().values())}'

    def get_absolute_url(self):
        return reverse('documents:symbol_conflicts')

    def sources(self) -> dict[str, str]:
        """The symbols seen, by where they were seen ('symbol in the text'...), in the reader's language."""
        fields = ('text_symbol', 'filename_symbol', 'stated_symbol')
        return {
            str(self._meta.get_field(name).verbose_name): getattr(self, name) for name in fields if getattr(self, name)
        }


class IngestJob(ChangeLoggedModel):
    """A file uploaded to be read and stored in the background (Celery; inline in the embedded mode): who sent it,
    the file (kept under ``upload`` until the job has run), its progress and what came of it. Its owner and
    administrators read it (docs/operations.md, "Uploads and ingest jobs")."""

    class Status(models.TextChoices):
        QUEUED = 'queued', _('queued')
        RUNNING = 'running', _('running')
        DONE = 'done', _('done')
        FAILED = 'failed', _('failed')

    class Outcome(models.TextChoices):
        CREATED = 'created', _('document created')
        NEW_VERSION = 'new-version', _('new version')
        CONFLICT = 'conflict', _('stored with a symbol conflict')
        UNCHANGED = 'unchanged', _('unchanged')

    access_kind = 'audit'
    owner_scope = 'user'
    owner_actions = frozenset({'view'})

    user = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name='ingest_jobs',
        verbose_name=_('uploaded by'),
    )
    filename = models.CharField(verbose_name=_('file name'), max_length=255)
    size = models.PositiveBigIntegerField(verbose_name=_('size in bytes'))
    sha256 = models.CharField(verbose_name=_('SHA-256'), max_length=64)
    symbol = UNSymbolField(verbose_name=_('stated symbol'), blank=True)
    upload = models.CharField(verbose_name=_('file waiting to be read'), max_length=255, blank=True)
    status = models.CharField(verbose_name=_('status'), max_length=7, choices=Status, default=Status.QUEUED)
    pages = models.PositiveIntegerField(verbose_name=_('pages'), null=True, blank=True)
    # While a scan is read by OCR: the pages read so far of those to read (written as each page is done).
    ocr_pages_done = models.PositiveIntegerField(verbose_name=_('pages read by OCR'), default=0)
    ocr_pages_total = models.PositiveIntegerField(verbose_name=_('pages to read by OCR'), default=0)
    paragraphs = models.PositiveIntegerField(verbose_name=_('paragraphs stored'), default=0)
    # An upload of several files is a job whose ``files`` are one job each (``parent``), run one after the other by
    # its task, which writes how many are read and the paragraphs stored so far after each (``paragraphs``).
    parent = models.ForeignKey(
        to='self',
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name='files',
        verbose_name=_('upload of several files'),
    )
    files_total = models.PositiveIntegerField(verbose_name=_('files'), default=1)
    files_done = models.PositiveIntegerField(verbose_name=_('files read'), default=0)
    outcome = models.CharField(verbose_name=_('outcome'), max_length=11, choices=Outcome, blank=True)
    document = models.ForeignKey(
        to='documents.Document',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='ingest_jobs',
        verbose_name=_('document'),
    )
    version = models.PositiveIntegerField(verbose_name=_('version'), null=True, blank=True)
    conflict = models.BooleanField(verbose_name=_('symbol conflict'), default=False)
    # Why the job failed: a code the page translates (an ExtractionError's, a full disk, the queue) with its
    # parameters, and the English message (shown as it is for a failure without a code).
    error_code = models.CharField(verbose_name=_('error code'), max_length=20, blank=True)
    error_params = models.JSONField(verbose_name=_('error parameters'), default=dict, blank=True)
    error = models.TextField(verbose_name=_('error'), blank=True)
    finished = models.DateTimeField(verbose_name=_('finished'), null=True, blank=True)

    class Meta:
        ordering = ['-created', '-pk']
        verbose_name = _('ingest job')
        verbose_name_plural = _('ingest jobs')

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse('documents:ingest_job', args=[self.pk])

    @property
    def several(self) -> bool:
        return self.files_total > 1

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def reading_by_ocr(self) -> bool:
        return self.status == self.Status.RUNNING and self.ocr_pages_total > 0
