"""The result of extraction and its limits, the checks on the bytes, text decoding and the detection of the format."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from .errors import MEGABYTE, ExtractionError, gettext_noop
from .ocr import DEFAULT_LANGUAGES, OcrPage

__all__ = [
    'DEFAULT_MAX_BYTES',
    'ExtractedText',
    'FORMATS',
    'Limits',
    'MEGABYTE',
    'SNIFF_BYTES',
    'check_limit',
    'check_size',
    'decode_text',
    'detect_format',
    'display_name',
    'read_file',
    'unicode_bom',
]

DEFAULT_MAX_BYTES = 50 * MEGABYTE
FORMATS = ('pdf', 'docx', 'html', 'txt')

# Extensions that name a format; any other extension leaves the decision to the content.
_EXTENSIONS = {
    '.pdf': 'pdf',
    '.docx': 'docx',
    '.htm': 'html',
    '.html': 'html',
    '.xhtml': 'html',
    '.txt': 'txt',
    '.text': 'txt',
}

# Binary formats recognised by their first bytes, so that the refusal can say what the file is.
_BINARY_SIGNATURES = (
    (b'\x7fELF', gettext_noop('a Linux executable')),
    (b'\xcf\xfa\xed\xfe', gettext_noop('a macOS executable')),
    (
        b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1',
        gettext_noop('a legacy Office file (.doc, .xls) or a password-protected Office file'),
    ),
    (b'{\\rtf', gettext_noop('an RTF file')),
    (b'\x89PNG\r\n\x1a\n', gettext_noop('a PNG image')),
    (b'\xff\xd8\xff', gettext_noop('a JPEG image')),
    (b'GIF87a', gettext_noop('a GIF image')),
    (b'GIF89a', gettext_noop('a GIF image')),
    (b'II*\x00', gettext_noop('a TIFF image')),
    (b'MM\x00*', gettext_noop('a TIFF image')),
    (b'\x1f\x8b', gettext_noop('a gzip archive')),
    (b'Rar!\x1a\x07', gettext_noop('a RAR archive')),
    (b"7z\xbc\xaf'\x1c", gettext_noop('a 7-Zip archive')),
)

_ZIP_SIGNATURE = b'PK\x03\x04'
_PDF_SIGNATURE = b'%PDF-'
# The PDF header may follow a little junk; readers look for it in the first kilobyte.
_PDF_HEADER_WINDOW = 1024

# How much of a file to look at when deciding whether it is text and whether it is HTML.
SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.02
_CONTROL_BYTES = frozenset(range(32)) - frozenset(b'\t\n\v\f\r\x1b')

_HTML_START_RE = re.compile(r'\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html\b)', re.IGNORECASE | re.DOTALL)
_HTML_TAG_RE = re.compile(
    r'<(?:html|head|body|title|meta|p|div|span|br|h[1-6]|table|tr|td|ul|ol|li|a|article|section)\b[^<>]*>',
    re.IGNORECASE,
)
_HTML_MIN_TAGS = 3


#
# Results and errors
#


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """The text of a document file, with its format, page count (PDF only), SHA-256 of the raw bytes and size, and
    the pages read by OCR with their confidence (a scan); pages are separated by form feeds in ``text``."""

    text: str
    format: str
    pages: int | None
    sha256: str
    size: int
    ocr_pages: tuple[OcrPage, ...] = ()


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost to read: its size, the bytes a Word file's archive inflates to, its pages (PDF) and its
    paragraphs (blocks of text; for a Word file, its ``w:p`` elements, counted before the document is built); and
    the languages a scan is read in by OCR (Tesseract's codes)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked: int = 250 * MEGABYTE
    max_pages: int = 2000
    max_paragraphs: int = 20000
    ocr_languages: tuple[str, ...] = DEFAULT_LANGUAGES


def check_limit(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f'max_bytes must be a positive number of bytes, not {max_bytes!r}')


def display_name(filename: str) -> str:
    # Uploads may carry a client-side path ('C:\\Users\\...\\report.pdf'): show the name only.
    name = PurePath(str(filename).replace('\\', '/')).name
    return name or 'the file'


def read_file(path: Path, max_bytes: int) -> bytes:
    name = display_name(str(path))
    try:
        if not path.exists():
            raise ExtractionError('missing', name)
        if not path.is_file():
            raise ExtractionError('not_a_file', name)
        check_size(name, path.stat().st_size, max_bytes)
        with path.open('rb') as handle:
            # One byte more than the limit tells a file that grew since stat() from one that fits.
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ExtractionError('unreadable', name, reason=str(error.strerror or error)) from error
    return data


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise ExtractionError('empty', name)
    if size > max_bytes:
        raise ExtractionError('too_large', name, size=size, limit=max_bytes)


#
# Detecting the format
#


def detect_format(data: bytes, name: str) -> str:
    """Decide the format from the content, using the extension only where the content leaves it open."""
    expected = _EXTENSIONS.get(PurePath(name).suffix.lower())
    if _PDF_SIGNATURE in data[:_PDF_HEADER_WINDOW]:
        return 'pdf'
    if data.startswith(_ZIP_SIGNATURE):
        return _zip_format(data, name)
    binary = _binary_kind(data)
    if binary:
        raise _unsupported(name, binary, expected)
    if expected in ('pdf', 'docx'):
        # Text named .pdf or .docx is most often a failed download (an HTML error page): refuse, don't guess.
        found = gettext_noop('HTML') if _looks_like_html(decode_text(data)) else gettext_noop('plain text')
        raise ExtractionError('named_but_text', name, format=expected, found=found)
    if expected == 'html' or _looks_like_html(decode_text(data)):
        return 'html'
    return 'txt'


def _zip_format(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ExtractionError('corrupt_zip', name, reason=str(error)) from error
    if 'word/document.xml' in names:
        return 'docx'
    if 'xl/workbook.xml' in names or 'ppt/presentation.xml' in names:
        excel = 'xl/workbook.xml' in names
        what = gettext_noop('an Excel workbook') if excel else gettext_noop('a PowerPoint presentation')
    elif 'content.xml' in names:
        what = gettext_noop('an OpenDocument file')
    else:
        what = gettext_noop('a ZIP archive')
    raise _unsupported(name, what, _EXTENSIONS.get(PurePath(name).suffix.lower()))


def _binary_kind(data: bytes) -> str:
    """Name the binary format of ``data`` ('' when it is text); text with a UTF-16 or UTF-32 BOM is text."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    if data.startswith(b'MZ') and b'\x00' in data[:64]:
        return gettext_noop('a Windows executable')  # a text may start with 'MZ'; an executable's header has NUL bytes
    if unicode_bom(data):
        return ''
    sample = data[:SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if b'\x00' in sample or controls > _MAX_CONTROL_RATIO * len(sample):
        return gettext_noop('a binary file')
    return ''


def _unsupported(name: str, what: str, expected: str | None) -> ExtractionError:
    if expected:
        return ExtractionError('mislabelled', name, format=expected, what=what)
    return ExtractionError('unsupported', name, what=what)


def _looks_like_html(text: str) -> bool:
    head = text[:SNIFF_BYTES]
    if _HTML_START_RE.match(head):
        return True
    return head.lstrip().startswith('<') and len(_HTML_TAG_RE.findall(head)) >= _HTML_MIN_TAGS


#
# Plain text
#

_BOMS = (
    (codecs.BOM_UTF32_LE, 'utf-32'),
    (codecs.BOM_UTF32_BE, 'utf-32'),
    (codecs.BOM_UTF8, 'utf-8-sig'),
    (codecs.BOM_UTF16_LE, 'utf-16'),
    (codecs.BOM_UTF16_BE, 'utf-16'),
)


def unicode_bom(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return ''


def decode_text(data: bytes) -> str:
    """Decode by BOM, else as UTF-8, else as Windows-1252, else as Latin-1 (which never fails)."""
    encoding = unicode_bom(data)
    if encoding:
        return data.decode(encoding, errors='replace')
    for encoding in ('utf-8', 'cp1252'):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode('latin-1')
