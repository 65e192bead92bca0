"""The document pipeline, defined once: read (extract, detect metadata, segment), store, then the steps that
higher apps register to run on every stored version (coding codes it), one transaction per file.

Idempotent by content hash: the same file twice creates nothing. A changed file becomes a new version of a known
document only when its text prints that document's symbol and its file name and the uploader's stated symbol, when
they give one, agree; otherwise it is stored as its own document with a ``SymbolConflict`` for a person to resolve.
A file without any symbol is known by its file name.
"""

from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max

from .extract import ExtractedText, ExtractionError, extract_bytes, extract_text
from .metadata import symbol_from_filename, symbol_in_text
from .missions import link_document
from .models import Document, DocumentVersion, Paragraph, SymbolConflict
from .reading import read_extracted
from .symbol_sources import SymbolSources

__all__ = ['IngestOutcome', 'after_storing', 'document_files', 'ingest_bytes', 'ingest_path']

ORIGINALS_DIR = 'documents/originals'
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


def ingest_path(path, *, user=None, code: bool = True, missions=None) -> IngestOutcome:
    """Ingest one file; ``missions`` (from :func:`mission_names`) saves reading the missions again per file,
    ``code=False`` skips the steps registered with :func:`after_storing`."""
    path = Path(path)
    try:
        extracted = extract_text(path)  # checks the size before reading the whole file
    except ExtractionError as error:
        return IngestOutcome(source=str(path), status='refused', message=str(error))
    return _store(extracted, path.read_bytes, path.name, str(path), user, code, missions)


def ingest_bytes(data: bytes, filename: str, *, user=None, code: bool = True, symbol: str = '') -> IngestOutcome:
    """Ingest an upload; ``symbol`` is the canonical symbol the uploader states ('' when none)."""
    try:
        extracted = extract_bytes(data, filename)
    except ExtractionError as error:
        return IngestOutcome(source=filename, status='refused', message=str(error))
    return _store(extracted, lambda: data, filename, f'upload: {filename}', user, code, None, symbol)


def _store(
    extracted: ExtractedText, read_original, filename: str, source: str, user, code: bool, missions, stated: str = ''
):
    known = DocumentVersion.objects.filter(sha256=extracted.sha256).select_related('document').first()
    if known:
        return _unchanged(source, known)
    read = read_extracted(extracted, filename)
    metadata, structured = read.metadata, read.structured
    if not structured.paragraphs:
        return IngestOutcome(source=source, status='refused', message=f'{filename}: no paragraph could be read.')
    symbols = SymbolSources(symbol_in_text(extracted.text, filename), symbol_from_filename(filename), stated)
    named = Document.objects.filter(key__in=symbols.seen().values()).order_by('pk').first()
    conflict = not symbols.agree or (named is not None and not symbols.confirm_version)
    # A conflicting file is its own document, known by its content until a person resolves the conflict.
    key = f'sha256:{extracted.sha256}' if conflict else symbols.symbol or Path(filename).stem.lower()
    try:
        with transaction.atomic():
            document, created = Document.objects.get_or_create(
                key=key,
                defaults={
                    'symbol': '' if conflict else symbols.symbol,
                    'title': metadata.title[:500],
                    'doc_type': metadata.doc_type.value,
                    'language': metadata.language,
                    'date': metadata.date,
                },
            )
            number = (document.versions.aggregate(last=Max('number'))['last'] or 0) + 1
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
            version.original.name = _save_original(extracted.sha256, filename, read_original)
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
            for step in _AFTER_STORING if code else ():
                step(paragraphs, read)
            link_document(document, version, paragraphs, missions)
            if conflict:
                SymbolConflict.objects.create(
                    document=document,
                    filename=filename[:255],
                    text_symbol=symbols.text,
                    filename_symbol=symbols.filename,
                    stated_symbol=symbols.stated,
                    known=named,
                )
    except IntegrityError:
        # Another worker stored the same content at the same moment.
        known = DocumentVersion.objects.filter(sha256=extracted.sha256).select_related('document').first()
        if known is None:
            raise
        return _unchanged(source, known)
    return IngestOutcome(
        source=source,
        status='conflict' if conflict else 'created' if created else 'new-version',
        document_id=document.pk,
        version=number,
        paragraphs=len(paragraphs),
    )


def _save_original(sha256: str, filename: str, read_original) -> str:
    """Keep the original file under its hash; the same content is stored once, whatever its name."""
    name = f'{ORIGINALS_DIR}/{sha256}{Path(filename).suffix.lower()}'
    if not default_storage.exists(name):
        # Written before the transaction commits: a rollback leaves at most a file no record points to.
        default_storage.save(name, ContentFile(read_original()))
    return name


def _unchanged(source: str, known: DocumentVersion) -> IngestOutcome:
    return IngestOutcome(
        source=source,
        status='unchanged',
        message=f'same content as {known.document} version {known.number}',
        document_id=known.document_id,
        version=known.number,
    )
