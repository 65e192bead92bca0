"""The read step of the document pipeline: extract the text, detect its metadata, segment it into paragraphs.

Plain Python: no Django import. Storing (``ingest.py``) and coding without storing (``coding.records``) both
read a file through here; the steps after reading (store, then code) are in ``ingest.py``.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

from .bounded import Exceeded, claim_extra_time, report, run_bounded, run_bounded_ahead
from .extract import ExtractedText, LimitError, Limits, extract_bytes, extract_text
from .extract.formats import MEGABYTE, display_name
from .extract.ocr import ocr_progress
from .metadata import DocumentMetadata, detect_metadata
from .structure import StructuredDocument, segment

__all__ = [
    'ReadDocument',
    'after_reading',
    'read_ahead',
    'read_and_analyse',
    'read_bounded',
    'read_bytes',
    'read_extracted',
    'read_path',
]


@dataclass(frozen=True)
class ReadDocument:
    """A file as the pipeline reads it: its extracted text, metadata and paragraphs."""

    extracted: ExtractedText
    metadata: DocumentMetadata
    structured: StructuredDocument
    # What the steps registered with after_reading made of it, by name.
    analyses: dict = field(default_factory=dict, compare=False)


# Pure steps that higher apps add to the reading of a file to ingest (coding codes it): name -> (step, warm).
# step(read) runs in the child process that reads the file, beside the process that stores the one before;
# warm() runs in the parent before a child starts, so that each child inherits what the step loads once.
_AFTER_READING: dict = {}


def after_reading(name: str, step, warm=None) -> None:
    """Register ``step(read)``, whose result :func:`read_bounded` and :func:`read_ahead` hand back in
    ``read.analyses[name]``; called from an app's ``ready()``."""
    _AFTER_READING[name] = (step, warm)


def _warm() -> None:
    for _step, warm in _AFTER_READING.values():
        if warm is not None:
            warm()


def read_and_analyse(data: bytes, filename: str, limits: Limits) -> ReadDocument:
    """:func:`read_bytes`, then the steps registered with :func:`after_reading`. In a bounded child, the OCR of a
    scan claims the extra time its parent allows and reports its pages done."""
    token = ocr_progress.set(_report_ocr)
    try:
        read = read_bytes(data, filename, limits)
    finally:
        ocr_progress.reset(token)
    return replace(read, analyses={name: step(read) for name, (step, _warm) in _AFTER_READING.items()})


def _report_ocr(done: int, total: int) -> None:
    if done == 0:
        claim_extra_time()
    report((done, total))


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


def read_bounded(
    data: bytes,
    filename: str,
    limits: Limits,
    *,
    seconds: float,
    memory_mb: int,
    ocr_seconds: float = 0,
    on_ocr_progress=None,
) -> ReadDocument:
    """:func:`read_and_analyse` in a child process given at most ``seconds`` (``ocr_seconds`` more for a scan read
    by OCR) and ``memory_mb`` megabytes more memory; ``on_ocr_progress(done, total)`` is called here as the OCR
    reads the pages."""
    _warm()
    on_progress = None if on_ocr_progress is None else (lambda pages: on_ocr_progress(*pages))
    try:
        return run_bounded(
            read_and_analyse,
            data,
            filename,
            limits,
            seconds=seconds,
            memory_bytes=memory_mb * MEGABYTE,
            extra_seconds=ocr_seconds,
            on_progress=on_progress,
        )
    except Exceeded as exceeded:
        raise _limit_error(exceeded, filename, seconds, memory_mb) from None


def read_ahead(files, limits: Limits, *, seconds: float, memory_mb: int, ocr_seconds: float = 0):
    """For each ``(key, filename, data)`` of ``files`` yield ``(key, read)``: the :class:`ReadDocument` or the
    ``ExtractionError`` of :func:`read_bounded`, or None when ``data`` is None. One child reads them all, the next
    file while the caller handles the one handed back."""
    _warm()
    calls = (((key, filename), None if data is None else (data, filename, limits)) for key, filename, data in files)
    for (key, filename), read in run_bounded_ahead(
        read_and_analyse, calls, seconds=seconds, memory_bytes=memory_mb * MEGABYTE, extra_seconds=ocr_seconds
    ):
        if isinstance(read, Exceeded):
            read = _limit_error(read, filename, seconds, memory_mb)
        yield key, read


def _limit_error(exceeded: Exceeded, filename: str, seconds: float, memory_mb: int) -> LimitError:
    limit = seconds + exceeded.extra_seconds if exceeded.kind == 'seconds' else memory_mb
    return LimitError(exceeded.kind, display_name(filename), int(limit))
