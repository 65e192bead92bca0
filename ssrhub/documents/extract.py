"""Turn a document file into plain text: PDF (text layer), DOCX, HTML or plain text.

The format is read from the content first (``%PDF-``, a ZIP archive holding ``word/document.xml``, HTML markup,
text that decodes) and from the file name's extension only when the content leaves it open, so that a mislabelled
file is read by what it is; a mismatch that cannot be read is refused. Everything is done in memory: no temporary
file is ever written.

Every failure raises ``ExtractionError`` with a message that names the file and the problem (too large, empty,
unsupported type, corrupt, encrypted PDF, PDF without a text layer), ready to show to the person who sent it.

Pure Python: no Django import (see docs/document-intelligence.md).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath

import docx
from bs4 import BeautifulSoup, NavigableString
from bs4.element import PreformattedString
from docx.oxml.ns import qn
from pypdf import PdfReader

__all__ = [
    'DEFAULT_MAX_BYTES',
    'FORMATS',
    'ExtractedText',
    'ExtractionError',
    'extract_bytes',
    'extract_text',
]


#
# Constants
#

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
FORMATS = ('pdf', 'docx', 'html', 'txt')

_MEGABYTE = 1024 * 1024
_SUPPORTED = 'ssrhub reads PDF, Word (.docx), HTML and plain-text files'

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
    (b'\x7fELF', 'a Linux executable'),
    (b'\xcf\xfa\xed\xfe', 'a macOS executable'),
    (b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'a legacy Office file (.doc, .xls) or a password-protected Office file'),
    (b'{\\rtf', 'an RTF file'),
    (b'\x89PNG\r\n\x1a\n', 'a PNG image'),
    (b'\xff\xd8\xff', 'a JPEG image'),
    (b'GIF87a', 'a GIF image'),
    (b'GIF89a', 'a GIF image'),
    (b'II*\x00', 'a TIFF image'),
    (b'MM\x00*', 'a TIFF image'),
    (b'\x1f\x8b', 'a gzip archive'),
    (b'Rar!\x1a\x07', 'a RAR archive'),
    (b"7z\xbc\xaf'\x1c", 'a 7-Zip archive'),
)

_ZIP_SIGNATURE = b'PK\x03\x04'
_PDF_SIGNATURE = b'%PDF-'
# The PDF header may follow a little junk; readers look for it in the first kilobyte.
_PDF_HEADER_WINDOW = 1024

# A PDF whose pages give fewer letters and digits than this, on average, has no usable text layer: a scan, perhaps
# with a page number or a scanner's watermark as its only text. A longer PDF with text on fewer than a quarter of its
# pages is a scan with a typed cover: its text would miss most of the document.
_MIN_CHARACTERS_PER_PAGE = 20
_MIN_TEXT_PAGE_SHARE = 0.25
_MIN_PAGES_FOR_SHARE = 4

# A DOCX is a ZIP archive: refuse one that would unpack to more than this many times the size limit.
_MAX_UNPACK_RATIO = 20

# How much of a file to look at when deciding whether it is text and whether it is HTML.
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.02
_CONTROL_BYTES = frozenset(range(32)) - frozenset(b'\t\n\v\f\r\x1b')

_HTML_START_RE = re.compile(r'\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html\b)', re.IGNORECASE | re.DOTALL)
_HTML_TAG_RE = re.compile(
    r'<(?:html|head|body|title|meta|p|div|span|br|h[1-6]|table|tr|td|ul|ol|li|a|article|section)\b[^<>]*>',
    re.IGNORECASE,
)
_HTML_MIN_TAGS = 3

_NEWLINES_RE = re.compile(r'\r\n?|[\u2028\u2029\x85]')
_TRAILING_SPACES_RE = re.compile(r'[ \t]+(?=\n|\f|$)')
_EXTRA_BLANK_LINES_RE = re.compile(r'\n{3,}')


#
# Results and errors
#


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """The text of a document file, with its format, page count (PDF only), SHA-256 of the raw bytes and size."""

    text: str
    format: str
    pages: int | None
    sha256: str
    size: int


class ExtractionError(ValueError):
    """
    A file cannot be turned into text.

    Args:
        filename: the file's name as shown to the user.
        problem: what is wrong, as a clause that follows the quoted file name.
    """

    def __init__(self, filename: str, problem: str):
        self.filename = filename
        self.problem = problem
        super().__init__(f"'{filename}' {problem}")

    def __reduce__(self):
        # Pickle by the two arguments (a Celery task may hand the error across processes).
        return type(self), (self.filename, self.problem)


#
# Public functions
#


def extract_text(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    """
    Read a document file and return its text.

    Raises:
        ExtractionError: the file is missing, too large, empty, of an unsupported type, corrupt, an encrypted PDF
            or a PDF without a text layer; the message names the file and the problem.
    """
    path = Path(path)
    _check_limit(max_bytes)
    data = _read_file(path, max_bytes)
    return extract_bytes(data, path.name, max_bytes=max_bytes)


def extract_bytes(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    """
    Return the text of a document given as bytes, such as an upload; ``filename`` names it in messages and gives
    the extension that decides the format when the content leaves it open.

    Raises:
        ExtractionError: as for ``extract_text()``.
    """
    _check_limit(max_bytes)
    name = _display_name(filename)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f'expected bytes, not {type(data).__name__}')
    data = bytes(data)
    _check_size(name, len(data), max_bytes)
    file_format = _detect_format(data, name)
    text, pages = _READERS[file_format](data, name, max_bytes)
    text = _tidy(text)
    if not text.strip():
        raise ExtractionError(name, f'contains no text (read as {_FORMAT_NAMES[file_format]})')
    return ExtractedText(
        text=text, format=file_format, pages=pages, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )


#
# Reading and checking the bytes
#


def _check_limit(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f'max_bytes must be a positive number of bytes, not {max_bytes!r}')


def _display_name(filename: str) -> str:
    # Uploads may carry a client-side path ('C:\\Users\\...\\report.pdf'): show the name only.
    name = PurePath(str(filename).replace('\\', '/')).name
    return name or 'the file'


def _read_file(path: Path, max_bytes: int) -> bytes:
    name = _display_name(str(path))
    try:
        if not path.exists():
            raise ExtractionError(name, 'does not exist')
        if not path.is_file():
            raise ExtractionError(name, 'is not a file')
        _check_size(name, path.stat().st_size, max_bytes)
        with path.open('rb') as handle:
            # One byte more than the limit tells a file that grew since stat() from one that fits.
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ExtractionError(name, f'cannot be read: {error.strerror or error}') from error
    return data


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise ExtractionError(name, 'is empty (0 bytes)')
    if size > max_bytes:
        raise ExtractionError(name, f'is too large: {_megabytes(size)}, the limit is {_megabytes(max_bytes)}')


def _megabytes(size: int) -> str:
    if size >= _MEGABYTE // 10:
        return f'{size / _MEGABYTE:,.1f} MB'.replace('.0 MB', ' MB')
    megabytes = f'{size / _MEGABYTE:.6f}'.rstrip('0').rstrip('.')
    return f'{megabytes} MB ({size:,} bytes)'


#
# Detecting the format
#


def _detect_format(data: bytes, name: str) -> str:
    """Decide the format from the content, using the extension only where the content leaves it open."""
    expected = _EXTENSIONS.get(PurePath(name).suffix.lower())
    if _PDF_SIGNATURE in data[:_PDF_HEADER_WINDOW]:
        return 'pdf'
    if data.startswith(_ZIP_SIGNATURE):
        return _zip_format(data, name)
    binary = _binary_kind(data)
    if binary:
        raise ExtractionError(name, _unsupported(binary, expected))
    if expected in ('pdf', 'docx'):
        # Text named .pdf or .docx is most often a failed download (an HTML error page): refuse, don't guess.
        found = 'HTML' if _looks_like_html(_decode_text(data)) else 'plain text'
        raise ExtractionError(
            name, f'is named as a {_FORMAT_NAMES[expected]} but contains {found}: rename it or send the real file'
        )
    if expected == 'html' or _looks_like_html(_decode_text(data)):
        return 'html'
    return 'txt'


def _zip_format(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ExtractionError(name, f'is a corrupt ZIP archive or Word document: {error}') from error
    if 'word/document.xml' in names:
        return 'docx'
    if 'xl/workbook.xml' in names or 'ppt/presentation.xml' in names:
        what = 'an Excel workbook' if 'xl/workbook.xml' in names else 'a PowerPoint presentation'
    elif 'content.xml' in names:
        what = 'an OpenDocument file'
    else:
        what = 'a ZIP archive'
    raise ExtractionError(name, _unsupported(what, _EXTENSIONS.get(PurePath(name).suffix.lower())))


def _binary_kind(data: bytes) -> str:
    """Name the binary format of ``data`` ('' when it is text); text with a UTF-16 or UTF-32 BOM is text."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    if data.startswith(b'MZ') and b'\x00' in data[:64]:
        return 'a Windows executable'  # a text may start with 'MZ'; an executable's header has NUL bytes
    if _unicode_bom(data):
        return ''
    sample = data[:_SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if b'\x00' in sample or controls > _MAX_CONTROL_RATIO * len(sample):
        return 'a binary file'
    return ''


def _unsupported(what: str, expected: str | None) -> str:
    if expected:
        return f'is named as a {_FORMAT_NAMES[expected]} but is {what}, which is corrupt or mislabelled; {_SUPPORTED}'
    return f'is not a supported document type ({what}); {_SUPPORTED}'


def _looks_like_html(text: str) -> bool:
    head = text[:_SNIFF_BYTES]
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


def _unicode_bom(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return ''


def _decode_text(data: bytes) -> str:
    """Decode by BOM, else as UTF-8, else as Windows-1252, else as Latin-1 (which never fails)."""
    encoding = _unicode_bom(data)
    if encoding:
        return data.decode(encoding, errors='replace')
    for encoding in ('utf-8', 'cp1252'):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode('latin-1')


def _read_txt(data: bytes, name: str, max_bytes: int) -> tuple[str, None]:
    return _decode_text(data), None


#
# PDF
#


def _read_pdf(data: bytes, name: str, max_bytes: int) -> tuple[str, int]:
    if b'%%EOF' not in data:
        raise ExtractionError(name, 'is a corrupt PDF: it is truncated (no end-of-file marker)')
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        raise ExtractionError(name, f'is a corrupt PDF: {_reason(error)}') from error
    if encrypted:
        raise ExtractionError(name, 'is encrypted; ssrhub reads only unencrypted PDFs')
    try:
        pages = [page.extract_text() or '' for page in reader.pages]
    except Exception as error:
        raise ExtractionError(name, f'is a corrupt PDF: {_reason(error)}') from error
    if not pages:
        raise ExtractionError(name, 'is a corrupt PDF: it has no pages')
    _check_text_layer(name, pages)
    return '\f'.join(page.strip('\n') for page in pages), len(pages)


def _check_text_layer(name: str, pages: list[str]) -> None:
    counts = [sum(1 for char in page if char.isalnum()) for page in pages]
    if sum(counts) < _MIN_CHARACTERS_PER_PAGE * len(pages):
        raise ExtractionError(name, 'has no text layer (scanned?); run OCR first')
    with_text = sum(1 for count in counts if count >= _MIN_CHARACTERS_PER_PAGE)
    if len(pages) >= _MIN_PAGES_FOR_SHARE and with_text < _MIN_TEXT_PAGE_SHARE * len(pages):
        raise ExtractionError(
            name, f'has no text layer on {len(pages) - with_text} of its {len(pages)} pages (scanned?); run OCR first'
        )


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 200 else text[:197] + '...'


#
# DOCX
#


def _read_docx(data: bytes, name: str, max_bytes: int) -> tuple[str, None]:
    _check_unpacked_size(data, name, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        blocks = [numbering.label(paragraph) + paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            blocks.extend(_table_rows(table))
    except Exception as error:  # python-docx and lxml raise many kinds of error on damaged files
        raise ExtractionError(name, f'is a corrupt Word document: {_reason(error)}') from error
    return _join_blocks(blocks), None


class _Numbering:
    """
    The labels that Word draws before numbered paragraphs ('1. ', '(a) ', 'ii) '), which are not in their text:
    resolutions drafted in Word often number their operative paragraphs this way. Bullets draw no label. Lists that
    share an abstract numbering continue each other's count unless a start override restarts them.
    """

    def __init__(self, document):
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        abstracts = root.findall(qn('w:abstractNum')) if root is not None else []
        nums = root.findall(qn('w:num')) if root is not None else []
        self._abstracts = {element.get(qn('w:abstractNumId')): element for element in abstracts}
        self._nums = {element.get(qn('w:numId')): element for element in nums}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()

    def label(self, paragraph) -> str:
        """The label drawn before ``paragraph`` and a space, or '' when it is not numbered."""
        try:
            return self._label(paragraph)
        except (AttributeError, KeyError, TypeError, ValueError):
            return ''  # numbering that cannot be read costs the labels, never the text

    def _label(self, paragraph) -> str:
        num_id, level = _numbering_reference(paragraph)
        num = self._nums.get(num_id)
        if num is None:
            return ''
        abstract_id = num.find(qn('w:abstractNumId')).get(qn('w:val'))
        levels = _numbering_levels(self._abstracts.get(abstract_id))
        if level not in levels:
            return ''
        counters = self._counters.setdefault(abstract_id, {})
        override = _start_override(num, level)
        if override is not None and (num_id, level) not in self._started:
            counters[level] = override - 1
        self._started.add((num_id, level))
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        start, number_format, text = levels[level]
        if number_format in ('bullet', 'none') or not text:
            return ''

        def render(match: re.Match) -> str:
            shown = int(match.group(1)) - 1
            shown_start, shown_format, _ = levels.get(shown, (1, 'decimal', ''))
            return _format_number(counters.get(shown, shown_start), shown_format)

        return re.sub(r'%(\d)', render, text).strip() + ' '


def _numbering_reference(paragraph) -> tuple[str | None, int]:
    """The numbering instance and level of a paragraph, set on the paragraph or inherited from its style."""
    num_id, level = None, None
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        numbering = properties.numPr
        num_id = numbering.numId.val if numbering.numId is not None else None
        level = numbering.ilvl.val if numbering.ilvl is not None else None
    style = paragraph.style
    while num_id is None and style is not None:
        style_properties = style.element.pPr
        if style_properties is not None and style_properties.numPr is not None:
            numbering = style_properties.numPr
            num_id = numbering.numId.val if numbering.numId is not None else None
            if level is None and numbering.ilvl is not None:
                level = numbering.ilvl.val
        style = style.base_style
    return (str(num_id) if num_id else None), (level or 0)


def _numbering_levels(abstract) -> dict[int, tuple[int, str, str]]:
    levels = {}
    for element in abstract.findall(qn('w:lvl')) if abstract is not None else ():
        values = {}
        for child in ('w:start', 'w:numFmt', 'w:lvlText'):
            found = element.find(qn(child))
            values[child] = found.get(qn('w:val')) if found is not None else None
        levels[int(element.get(qn('w:ilvl')))] = (
            int(values['w:start'] or 1),
            values['w:numFmt'] or 'decimal',
            values['w:lvlText'] or '',
        )
    return levels


def _start_override(num, level: int) -> int | None:
    for override in num.findall(qn('w:lvlOverride')):
        if int(override.get(qn('w:ilvl'))) == level:
            start = override.find(qn('w:startOverride'))
            if start is not None:
                return int(start.get(qn('w:val')))
    return None


def _format_number(value: int, number_format: str) -> str:
    if number_format in ('lowerLetter', 'upperLetter'):
        # Word goes a, b, ..., z, aa, bb, ...
        letter = chr(ord('a') + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if number_format == 'upperLetter' else letter
    if number_format in ('lowerRoman', 'upperRoman'):
        roman = _roman(value)
        return roman.lower() if number_format == 'lowerRoman' else roman
    if number_format == 'decimalZero':
        return f'{value:02d}'
    return str(value)


def _roman(value: int) -> str:
    digits = []
    for amount, letters in (
        (1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'),
        (50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I'),
    ):  # fmt: skip
        count, value = divmod(value, amount)
        digits.append(letters * count)
    return ''.join(digits)


def _check_unpacked_size(data: bytes, name: str, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExtractionError(name, f'is a corrupt Word document: {error}') from error
    if unpacked > _MAX_UNPACK_RATIO * max(max_bytes, _MEGABYTE):
        raise ExtractionError(name, f'is too large: it unpacks to {_megabytes(unpacked)}')


def _table_rows(table) -> list[str]:
    """One line per row, cells separated by tabs, a merged cell once; nested tables follow their row."""
    # The cell elements are kept alive so that their ids stay unique while they serve as keys.
    rows, elements, seen = [], [], set()
    for row in table.rows:
        cells, nested = [], []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            elements.append(cell._tc)
            seen.add(id(cell._tc))
            cells.append(' '.join(cell.text.split()))
            for inner in cell.tables:
                nested.extend(_table_rows(inner))
        rows.append('\t'.join(cells))
        rows.extend(nested)
    return rows


#
# HTML
#

_DROPPED_TAGS = ('script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'head', 'iframe', 'svg')
_BLOCK_TAGS = frozenset(
    {
        'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
        'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre',
        'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
    }
)  # fmt: skip
_CELL_TAGS = frozenset({'td', 'th'})
_BLOCK_MARK = '\x00'
_WHITESPACE_RE = re.compile(r'\s+')


def _read_html(data: bytes, name: str, max_bytes: int) -> tuple[str, None]:
    try:
        soup = BeautifulSoup(_decode_html(data), 'lxml')
        for tag in soup.find_all(_DROPPED_TAGS):
            tag.decompose()
        text = _html_text(soup)
    except Exception as error:  # lxml and bs4 rarely fail, but a damaged file must not escape as a crash
        raise ExtractionError(name, f'is a corrupt HTML file: {_reason(error)}') from error
    blocks = text.split(_BLOCK_MARK)
    return _join_blocks(blocks), None


def _decode_html(data: bytes) -> str:
    """Decode by BOM, then by the charset the page declares, then as plain text."""
    if not _unicode_bom(data):
        declared = re.search(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_.:-]+)', data[:_SNIFF_BYTES], re.IGNORECASE)
        if declared:
            try:
                return data.decode(declared.group(1).decode('ascii'))
            except (LookupError, UnicodeDecodeError):
                pass
    return _decode_text(data)


def _html_text(soup) -> str:
    """The visible text, with block elements set apart by a mark, <br> as a line break and cells by tabs."""
    for string in list(soup.find_all(string=True)):
        if not isinstance(string, NavigableString) or isinstance(string, PreformattedString):
            continue  # comments, doctype, CDATA and processing instructions are not shown
        if string.find_parent('pre') is None:
            string.replace_with(_WHITESPACE_RE.sub(' ', string.replace(_BLOCK_MARK, '')))
    for tag in soup.find_all(True):
        if tag.name == 'br':
            tag.replace_with('\n')
        elif tag.name in _BLOCK_TAGS:
            tag.insert_before(_BLOCK_MARK)
            tag.insert_after(_BLOCK_MARK)
        elif tag.name in _CELL_TAGS:
            tag.insert_after('\t')
    return soup.get_text()


#
# Tidying the text
#


def _join_blocks(blocks: list[str]) -> str:
    """Join blocks (paragraphs, table rows) with a blank line, dropping empty ones; lines inside a block stay."""
    cleaned = []
    for block in blocks:
        lines = (_collapse_spaces(line) for line in block.split('\n'))
        block = '\n'.join(line for line in lines if line)
        if block:
            cleaned.append(block)
    return '\n\n'.join(cleaned)


def _collapse_spaces(line: str) -> str:
    cells = [' '.join(cell.split()) for cell in line.split('\t')]
    return '\t'.join(cell for cell in cells if cell)


def _tidy(text: str) -> str:
    """Normalise line breaks to '\\n', drop NUL characters and trailing spaces, and cap blank runs at one line."""
    text = _NEWLINES_RE.sub('\n', text).replace('\x00', '').replace('\ufeff', '')
    text = _TRAILING_SPACES_RE.sub('', text)
    return _EXTRA_BLANK_LINES_RE.sub('\n\n', text).strip('\n ')


_READERS = {'docx': _read_docx, 'html': _read_html, 'pdf': _read_pdf, 'txt': _read_txt}
_FORMAT_NAMES = {'docx': 'Word document (.docx)', 'html': 'HTML file', 'pdf': 'PDF', 'txt': 'plain-text file'}
