"""The read step of the document pipeline: extract the text, detect its metadata, segment it into paragraphs.

Plain Python: no Django import. Storing (``ingest.py``) and coding without storing (``coding.records``) both
read a file through here; the steps after reading (store, then code) are in ``ingest.py``.
"""

from dataclasses import dataclass
from pathlib import Path

from .extract import ExtractedText, extract_text
from .metadata import DocumentMetadata, detect_metadata
from .structure import StructuredDocument, segment

__all__ = ['ReadDocument', 'read_extracted', 'read_path']


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
