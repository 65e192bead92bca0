"""The read step of the document pipeline: extract the text, detect its metadata, segment it into paragraphs.

Plain Python: no Django import. Storing (``ingest.py``) and coding without storing (``coding.records``) both
read a file through here; the steps after reading (store, then code) are in ``ingest.py``.
"""

from dataclasses import dataclass
from pathlib import Path

from .bounded import Exceeded, run_bounded
from .extract import ExtractedText, LimitError, Limits, extract_bytes, extract_text
from .extract.formats import display_name
from .metadata import DocumentMetadata, detect_metadata
from .structure import StructuredDocument, segment

__all__ = ['ReadDocument', 'read_bounded', 'read_bytes', 'read_extracted', 'read_path']


@dataclass(frozen=True)
class ReadDocument:
    """A file as the pipeline reads it: its extracted text, metadata and paragraphs."""

    extracted: ExtractedText
    metadata: DocumentMetadata
    structured: StructuredDocument


def read_extracted(extracted: ExtractedText, filename: str) -> ReadDocument:
    metadata = detect_metadata(extracted.text, filename)
    return ReadDocument(extracted, metadata, segment(extracted.text, metadata.language))


def read_path(path: Path) -> ReadDocument:
    """Read one file; raises ``ExtractionError`` when its text cannot be extracted."""
    return read_extracted(extract_text(path), path.name)


def read_bytes(data: bytes, filename: str, limits: Limits) -> ReadDocument:
    """Read a file given as bytes within ``limits``; raises ``ExtractionError`` (``LimitError`` over a limit)."""
    read = read_extracted(extract_bytes(data, filename, limits=limits), filename)
    if len(read.structured.paragraphs) > limits.max_paragraphs:
        raise LimitError('paragraphs', display_name(filename), limits.max_paragraphs)
    return read


def read_bounded(data: bytes, filename: str, limits: Limits, *, seconds: float, memory_mb: int) -> ReadDocument:
    """:func:`read_bytes` in a child process given at most ``seconds`` and ``memory_mb`` megabytes more memory."""
    try:
        return run_bounded(read_bytes, data, filename, limits, seconds=seconds, memory_bytes=memory_mb * 1024 * 1024)
    except Exceeded as exceeded:
        limit = seconds if exceeded.kind == 'seconds' else memory_mb
        raise LimitError(exceeded.kind, display_name(filename), int(limit)) from None
