"""The document pipeline, defined once: read (extract, detect metadata, segment), store, then the steps that
higher apps register to run on every stored version (coding codes it), one transaction per file.

Idempotent by content hash: the same file twice creates nothing. A changed file becomes a new version of a known
document only when its text prints that document's symbol and its file name and the uploader's stated symbol, when
they give one, agree; otherwise it is stored as its own document with a ``SymbolConflict`` for a person to resolve.
A file without any symbol is known by its file name.

Every file is read within the limits of ``ingest_limits()`` (size, inflated bytes, pages, paragraphs) in a child
process bounded in time and memory, and its original is written safely (``originals.py``): the web upload (through
an ``IngestJob``) and ``ssrhub ingest`` share both.

A scan is read by OCR (``extract/ocr.py``) with more time (``SSRHUB_OCR_MAX_SECONDS``); the version keeps each OCR'd
page's confidence, and the paragraphs from a page under ``SSRHUB_OCR_MIN_CONFIDENCE`` are stored without machine codes,
for a person to review (``scans.py``).
"""

import hashlib
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max

from .extract import ExtractionError, Limits
from .extract.formats import MEGABYTE, read_file
from .metadata import symbol_from_filename, symbol_in_text
from .missions import link_document, mission_names
from .models import Document, DocumentVersion, Paragraph, SymbolConflict
from .originals import flushed_together, is_disk_full, stage_original
from .reading import ReadDocument, read_ahead, read_bounded
from .scans import paragraphs_from_pages, review_pages
from .symbol_sources import SymbolSources

__all__ = [
    'IngestOutcome',
    'after_storing',
    'document_files',
    'ingest_bytes',
    'ingest_limits',
    'ingest_path',
    'ingest_paths',
]

DISK_FULL = 'disk-full'
NO_PARAGRAPHS = 'no-paragraphs'
# Files of ingest_paths that share a transaction: fewer commits, each file still in a savepoint of its own.
BATCH_FILES = 100
SUPPORTED_SUFFIXES = {'.pdf', '.docx', '.html', '.htm', '.txt', '.text'}

# Steps a higher app runs on every stored version, inside its transaction: step(paragraphs, read).
_AFTER_STORING = []


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    status: str  # 'created', 'new-version', 'conflict' (created with a SymbolConflict), 'unchanged' or 'refused'
    message: str = ''
    document_id: int | None = None
    version: int | None = None
    paragraphs: int = 0
    pages: int | None = None
    # Why a file was refused (an ExtractionError's code and parameters, a full disk, no paragraph): what a
    # translated message needs; ``message`` is the English sentence.
    code: str = ''
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def after_storing(step) -> None:
    """Register ``step(paragraphs, read)``, run on the saved paragraphs of every new version and the
    :class:`~ssrhub.documents.reading.ReadDocument` they came from; called from an app's ``ready()``."""
    _AFTER_STORING.append(step)


def document_files(paths) -> list[Path]:
    """The supported files among ``paths``, folders searched recursively, in a stable order."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                child
                for child in sorted(path.rglob('*'))
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith('.')
            )
        else:
            files.append(path)
    return files


def ingest_limits() -> Limits:
    """The limits every file is read within, from the settings (docs/operations.md, "Uploads and ingest jobs")."""
    return Limits(
        max_bytes=settings.SSRHUB_UPLOAD_MAX_MB * MEGABYTE,
        max_unpacked=settings.SSRHUB_INGEST_MAX_UNPACKED_MB * MEGABYTE,
        max_pages=settings.SSRHUB_INGEST_MAX_PAGES,
        max_paragraphs=settings.SSRHUB_INGEST_MAX_PARAGRAPHS,
        ocr_languages=tuple(settings.SSRHUB_OCR_LANGUAGES.split('+')),
    )


def ingest_path(path, *, user=None, code: bool = True, missions=None) -> IngestOutcome:
    """Ingest one file; ``missions`` (from :func:`mission_names`) saves reading the missions again per file,
    ``code=False`` skips the steps registered with :func:`after_storing`."""
    path = Path(path)
    data = _file_data(path, ingest_limits().max_bytes)
    if isinstance(data, ExtractionError):
        return _refused(str(path), data)
    return ingest_bytes(data, path.name, user=user, code=code, missions=missions, source=str(path))


def ingest_paths(paths, *, user=None, code: bool = True) -> list[IngestOutcome]:
    """Ingest files one after another in this process, as :func:`ingest_path` does one. One child process reads
    them all, the next file while this one is stored; ``BATCH_FILES`` files share a transaction, each in its own
    savepoint, so that a refused file leaves the others alone; the missions are read once."""
    missions, limits = mission_names(), ingest_limits()
    loaded = ((path, _file_data(path, limits.max_bytes)) for path in map(Path, paths))
    reads = read_ahead(
        (((path, data), path.name, data if isinstance(data, bytes) else None) for path, data in loaded),
        limits,
        seconds=settings.SSRHUB_INGEST_MAX_SECONDS,
        memory_mb=settings.SSRHUB_INGEST_MAX_MEMORY_MB,
        ocr_seconds=settings.SSRHUB_OCR_MAX_SECONDS,
    )
    outcomes = []
    for first in reads:
        with transaction.atomic(), flushed_together():
            for (path, data), read in chain([first], islice(reads, BATCH_FILES - 1)):
                if isinstance(data, ExtractionError):
                    outcomes.append(_refused(str(path), data))
                else:
                    outcome = ingest_bytes(
                        data, path.name, user=user, code=code, missions=missions, source=str(path), read=read
                    )
                    outcomes.append(outcome)
    return outcomes


def _file_data(path: Path, max_bytes: int) -> bytes | ExtractionError:
    try:
        return read_file(path, max_bytes)  # checks the size before reading the whole file
    except ExtractionError as error:
        return error


def ingest_bytes(
    data: bytes,
    filename: str,
    *,
    user=None,
    code: bool = True,
    symbol: str = '',
    missions=None,
    source: str = '',
    finish=None,
    read: ReadDocument | ExtractionError | None = None,
    on_ocr_progress=None,
) -> IngestOutcome:
    """Ingest a file's bytes; ``symbol`` is the canonical symbol the uploader states ('' when none). ``finish``,
    when given, is called with the outcome inside the transaction that stores the file, so that what records the
    outcome (an ``IngestJob``) commits with it or not at all. ``read`` is the file already read (or the error that
    reading it gave), by :func:`ingest_paths`. ``on_ocr_progress(done, total)`` follows the OCR of a scan."""
    source = source or f'upload: {filename}'
    sha256 = hashlib.sha256(data).hexdigest()
    known = _known(sha256)
    if known:
        return _finished(_unchanged(source, known), finish)
    if read is None:
        try:
            read = read_bounded(
                data,
                filename,
                ingest_limits(),
                seconds=settings.SSRHUB_INGEST_MAX_SECONDS,
                memory_mb=settings.SSRHUB_INGEST_MAX_MEMORY_MB,
                ocr_seconds=settings.SSRHUB_OCR_MAX_SECONDS,
                on_ocr_progress=on_ocr_progress,
            )
        except ExtractionError as error:
            read = error
    if isinstance(read, ExtractionError):
        return _finished(_refused(source, read), finish)
    try:
        return _store(read, data, filename, source, user, code, missions, symbol, finish)
    except OSError as error:
        if not is_disk_full(error):
            raise
        outcome = IngestOutcome(
            source=source, status='refused', message=f'{filename}: the disk is full', code=DISK_FULL
        )
        return _finished(outcome, finish)


def _finished(outcome: IngestOutcome, finish) -> IngestOutcome:
    if finish is not None:
        with transaction.atomic():
            finish(outcome)
    return outcome


def _refused(source: str, error: ExtractionError) -> IngestOutcome:
    return IngestOutcome(source=source, status='refused', message=str(error), code=error.code, params=error.params)


def _store(
    read: ReadDocument, data: bytes, filename: str, source: str, user, code: bool, missions, stated: str, finish
) -> IngestOutcome:
    extracted = read.extracted
    metadata, structured = read.metadata, read.structured
    if not structured.paragraphs:
        outcome = IngestOutcome(
            source=source, status='refused', message=f'{filename}: no paragraph could be read.', code=NO_PARAGRAPHS
        )
        return _finished(outcome, finish)
    symbols = SymbolSources(symbol_in_text(extracted.text, filename), symbol_from_filename(filename), stated)
    seen = set(symbols.seen().values())
    content_key, stem = f'sha256:{extracted.sha256}', Path(filename).stem.lower()
    stored = {document.key: document for document in Document.objects.filter(key__in=seen | {content_key, stem})}
    named = min((stored[symbol].pk for symbol in seen if symbol in stored), default=None)
    conflict = not symbols.agree or (named is not None and not symbols.confirm_version)
    # A conflicting file is its own document, known by its content until a person resolves the conflict.
    key = content_key if conflict else symbols.symbol or stem
    staged = None
    try:
        with transaction.atomic():
            document, created = stored.get(key), False
            if document is None:
                document, created = _new_document(
                    key,
                    symbol='' if conflict else symbols.symbol,
                    title=metadata.title[:500],
                    doc_type=metadata.doc_type.value,
                    language=metadata.language,
                    date=metadata.date,
                )
            number = 1
            if not created:
                number += document.versions.aggregate(last=Max('number'))['last'] or 0
                document.versions.filter(is_current=True).update(is_current=False)
            version = DocumentVersion(
                document=document,
                number=number,
                sha256=extracted.sha256,
                filename=filename[:255],
                source=source[:500],
                file_format=extracted.format,
                size=extracted.size,
                pages=extracted.pages,
                text=extracted.text,
                ingested_by=user,
            )
            version.ocr_pages, uncoded = _ocr_review(read)
            version.original.name, staged = stage_original(data, extracted.sha256, filename)
            version.save()
            paragraphs = Paragraph.objects.bulk_create(
                Paragraph(
                    version=version,
                    order=paragraph.order,
                    ref=paragraph.ref,
                    kind=paragraph.kind.value,
                    parent_ref=paragraph.parent_ref or '',
                    text=paragraph.text,
                )
                for paragraph in structured.paragraphs
            )
            coded = [paragraph for paragraph in paragraphs if paragraph.ref not in uncoded]
            for step in _AFTER_STORING if code else ():
                step(coded, read)
            link_document(document, version, paragraphs, missions, new=created)
            if conflict:
                SymbolConflict.objects.create(
                    document=document,
                    filename=filename[:255],
                    text_symbol=symbols.text,
                    filename_symbol=symbols.filename,
                    stated_symbol=symbols.stated,
                    known_id=named,
                )
            outcome = IngestOutcome(
                source=source,
                status='conflict' if conflict else 'created' if created else 'new-version',
                document_id=document.pk,
                version=number,
                paragraphs=len(paragraphs),
                pages=extracted.pages,
            )
            if finish is not None:
                finish(outcome)
    except BaseException as error:
        if staged is not None:
            staged.unlink(missing_ok=True)  # the transaction did not commit: its original is not moved into place
        if not isinstance(error, IntegrityError):
            raise
        # Another worker stored the same content at the same moment.
        known = _known(extracted.sha256)
        if known is None:
            raise
        return _finished(_unchanged(source, known), finish)
    return outcome


def _ocr_review(read: ReadDocument) -> tuple[list[dict], set[str]]:
    """The version's ``ocr_pages`` and the references of the paragraphs to store without machine codes: those from a
    page under the confidence threshold."""
    pages = review_pages(read.extracted.ocr_pages, settings.SSRHUB_OCR_MIN_CONFIDENCE)
    texts = {paragraph.ref: paragraph.text for paragraph in read.structured.paragraphs}
    page_texts = read.extracted.text.split('\f')
    uncoded = set()
    for page in pages:
        if page['needs_review']:
            page['paragraphs'] = paragraphs_from_pages(texts, page_texts, [page['page']])
            uncoded.update(page['paragraphs'])
    return pages, uncoded


def _new_document(key: str, **values) -> tuple[Document, bool]:
    """A new document known by ``key``, or the one another worker has just stored under it."""
    try:
        with transaction.atomic():
            return Document.objects.create(key=key, **values), True
    except IntegrityError:
        return Document.objects.get(key=key), False


def _known(sha256: str) -> DocumentVersion | None:
    """The stored version of this content, if any: asked first in a light query, since a new file is the rule."""
    versions = DocumentVersion.objects.filter(sha256=sha256)
    return versions.select_related('document').first() if versions.exists() else None


def _unchanged(source: str, known: DocumentVersion) -> IngestOutcome:
    return IngestOutcome(
        source=source,
        status='unchanged',
        message=f'same content as {known.document} version {known.number}',
        document_id=known.document_id,
        version=known.number,
    )
