"""Turn a document file into plain text: PDF (text layer, or OCR for a scan), DOCX, HTML or plain text.

The format is read from the content first (``%PDF-``, a ZIP archive holding ``word/document.xml``, HTML markup,
text that decodes) and from the file name's extension only when the content leaves it open, so that a mislabelled
file is read by what it is; a mismatch that cannot be read is refused. Everything is done in memory, except the OCR
of a scan (``ocr.py``), which OCRmyPDF does in a temporary folder.

Every failure raises ``ExtractionError`` with a code and parameters that name the file and the problem (too large,
empty, unsupported type, corrupt, encrypted PDF, a scan in which OCR found no text): ``str()`` is the English sentence,
``message(gettext, ...)`` the same in the reader's language (``errors.py``).

Pure Python: no Django import (see docs/document-intelligence.md).

The package splits by seam: `errors` (the refusals and their sentences), `formats` (results, limits, the checks on
the bytes and the detection of the format), `readers` (one reader per format, and the tidying of the text) and `ocr`
(the pages of a scan read with OCRmyPDF and Tesseract, with each page's confidence).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ExtractionError, LimitError
from .formats import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    ExtractedText,
    Limits,
    check_limit,
    check_size,
    detect_format,
    display_name,
    read_file,
)
from .readers import READERS, tidy

__all__ = [
    'DEFAULT_MAX_BYTES',
    'FORMATS',
    'ExtractedText',
    'ExtractionError',
    'LimitError',
    'Limits',
    'extract_bytes',
    'extract_text',
]


def extract_text(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits | None = None
) -> ExtractedText:
    """
    Read a document file and return its text.

    Raises:
        ExtractionError: the file is missing, too large, empty, of an unsupported type, corrupt, an encrypted PDF,
            a scan in which OCR found no text, or a scan when OCR cannot run here; the message names the file and the
            problem. ``LimitError`` (a kind of it) when the file is over one of ``limits`` (its archive inflates too
            far, too many pages or paragraphs).
    """
    path = Path(path)
    limits = limits or Limits(max_bytes=max_bytes)
    check_limit(limits.max_bytes)
    data = read_file(path, limits.max_bytes)
    return extract_bytes(data, path.name, limits=limits)


def extract_bytes(
    data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits | None = None
) -> ExtractedText:
    """
    Return the text of a document given as bytes, such as an upload; ``filename`` names it in messages and gives
    the extension that decides the format when the content leaves it open.

    Raises:
        ExtractionError: as for ``extract_text()``.
    """
    limits = limits or Limits(max_bytes=max_bytes)
    max_bytes = limits.max_bytes
    check_limit(max_bytes)
    name = display_name(filename)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f'expected bytes, not {type(data).__name__}')
    data = bytes(data)
    check_size(name, len(data), max_bytes)
    file_format = detect_format(data, name)
    text, pages, read_by_ocr = READERS[file_format](data, name, limits)
    text = tidy(text)
    if not text.strip():
        raise ExtractionError('no_text', name, format=file_format)
    if text.count('\n\n') >= limits.max_paragraphs:
        # Blank-line-separated blocks: the segmenter's paragraphs are never more.
        raise LimitError('paragraphs', name, limits.max_paragraphs)
    return ExtractedText(
        text=text,
        format=file_format,
        pages=pages,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        ocr_pages=read_by_ocr,
    )
