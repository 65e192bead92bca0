"""The reader of each format (plain text, PDF text layer or OCR, DOCX with its numbering, HTML) and the tidying of
text. Each reader gives the text, the number of pages (PDF) and the pages read by OCR."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from bs4 import BeautifulSoup, NavigableString
from bs4.element import PreformattedString
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader

from .errors import ExtractionError, LimitError
from .formats import SNIFF_BYTES, Limits, decode_text, unicode_bom
from .ocr import OcrPage, mean_confidence, ocr_pages

__all__ = ['READERS', 'tidy']

# A PDF whose pages give fewer letters and digits than this, on average, has no usable text layer: a scan, perhaps
# with a page number or a scanner's watermark as its only text. A longer PDF with text on fewer than a quarter of its
# pages is a scan with a typed cover: its text would miss most of the document. Either is read by OCR, the pages
# under the minimum only.
_MIN_CHARACTERS_PER_PAGE = 20
_MIN_TEXT_PAGE_SHARE = 0.25
_MIN_PAGES_FOR_SHARE = 4

# How much of a ZIP member is inflated at a time while its bytes are counted.
_INFLATE_CHUNK = 64 * 1024

# Line ends and spacing that the tidying of text evens out.
_NEWLINES_RE = re.compile(r'\r\n?|[\u2028\u2029\x85]')
_TRAILING_SPACES_RE = re.compile(r'[ \t]+(?=\n|\f|$)')
_EXTRA_BLANK_LINES_RE = re.compile(r'\n{3,}')


def _read_txt(data: bytes, name: str, limits: Limits) -> tuple[str, None, tuple]:
    return decode_text(data), None, ()


#
# PDF
#


def _read_pdf(data: bytes, name: str, limits: Limits) -> tuple[str, int, tuple[OcrPage, ...]]:
    if b'%%EOF' not in data:
        raise ExtractionError('truncated_pdf', name)
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        raise ExtractionError('corrupt_pdf', name, reason=_reason(error)) from error
    if encrypted:
        raise ExtractionError('encrypted_pdf', name)
    try:
        if len(reader.pages) > limits.max_pages:
            raise LimitError('pages', name, limits.max_pages)
        pages = [page.extract_text() or '' for page in reader.pages]
    except LimitError:
        raise
    except Exception as error:
        raise ExtractionError('corrupt_pdf', name, reason=_reason(error)) from error
    if not pages:
        raise ExtractionError('no_pages', name)
    read_by_ocr = ()
    scanned = scanned_pages(pages)
    if scanned:
        readings = ocr_pages(data, name, scanned, limits.ocr_languages)
        for number, reading in readings.items():
            pages[number - 1] = reading.text
        if _letters_and_digits(''.join(pages)) < _MIN_CHARACTERS_PER_PAGE:  # blank pages, or a page number at most
            raise ExtractionError('ocr_no_text', name)
        read_by_ocr = tuple(
            OcrPage(number, mean_confidence(reading.confidences)) for number, reading in readings.items()
        )
    return '\f'.join(page.strip('\n') for page in pages), len(pages), read_by_ocr


def scanned_pages(pages: list[str]) -> list[int]:
    """The pages (numbered from 1) to read by OCR: none when the text layer is usable, else those with too little
    text."""
    counts = [_letters_and_digits(page) for page in pages]
    with_text = sum(1 for count in counts if count >= _MIN_CHARACTERS_PER_PAGE)
    no_layer = sum(counts) < _MIN_CHARACTERS_PER_PAGE * len(pages)
    partly = len(pages) >= _MIN_PAGES_FOR_SHARE and with_text < _MIN_TEXT_PAGE_SHARE * len(pages)
    if not (no_layer or partly):
        return []
    return [number for number, count in enumerate(counts, 1) if count < _MIN_CHARACTERS_PER_PAGE]


def _letters_and_digits(text: str) -> int:
    return sum(1 for char in text if char.isalnum())


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 200 else text[:197] + '...'


#
# DOCX
#


def _read_docx(data: bytes, name: str, limits: Limits) -> tuple[str, None, tuple]:
    _check_archive(data, name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        blocks = [numbering.label(paragraph) + paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            blocks.extend(_table_rows(table))
    except Exception as error:  # python-docx and lxml raise many kinds of error on damaged files
        raise ExtractionError('corrupt_docx', name, reason=_reason(error)) from error
    return _join_blocks(blocks), None, ()


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


def _check_archive(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a Word file whose archive inflates to more than ``limits.max_unpacked`` bytes, counting the bytes
    actually inflated (the sizes its headers declare may lie), or whose body has more than ``limits.max_paragraphs``
    paragraphs, counted while streaming the XML, before python-docx builds the whole document in memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = 0
            for info in archive.infolist():
                with archive.open(info) as member:
                    while chunk := member.read(_INFLATE_CHUNK):
                        inflated += len(chunk)
                        if inflated > limits.max_unpacked:
                            raise LimitError('unpacked', name, limits.max_unpacked)
            with archive.open('word/document.xml') as body:
                _count_paragraphs(body, name, limits.max_paragraphs)
    except LimitError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, etree.XMLSyntaxError) as error:
        raise ExtractionError('corrupt_docx', name, reason=_reason(error)) from error


def _count_paragraphs(body, name: str, most: int) -> None:
    count = 0
    for _event, element in etree.iterparse(body, events=('end',), tag=qn('w:p'), resolve_entities=False):
        count += 1
        if count > most:
            raise LimitError('paragraphs', name, most)
        element.clear(keep_tail=False)


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


def _read_html(data: bytes, name: str, limits: Limits) -> tuple[str, None, tuple]:
    try:
        soup = BeautifulSoup(_decode_html(data), 'lxml')
        for tag in soup.find_all(_DROPPED_TAGS):
            tag.decompose()
        text = _html_text(soup)
    except Exception as error:  # lxml and bs4 rarely fail, but a damaged file must not escape as a crash
        raise ExtractionError('corrupt_html', name, reason=_reason(error)) from error
    blocks = text.split(_BLOCK_MARK)
    return _join_blocks(blocks), None, ()


def _decode_html(data: bytes) -> str:
    """Decode by BOM, then by the charset the page declares, then as plain text."""
    if not unicode_bom(data):
        declared = re.search(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_.:-]+)', data[:SNIFF_BYTES], re.IGNORECASE)
        if declared:
            try:
                return data.decode(declared.group(1).decode('ascii'))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_text(data)


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


def tidy(text: str) -> str:
    """Normalise line breaks to '\\n', drop NUL characters and trailing spaces, and cap blank runs at one line."""
    text = _NEWLINES_RE.sub('\n', text).replace('\x00', '').replace('\ufeff', '')
    text = _TRAILING_SPACES_RE.sub('', text)
    return _EXTRA_BLANK_LINES_RE.sub('\n\n', text).strip('\n ')


READERS = {'docx': _read_docx, 'html': _read_html, 'pdf': _read_pdf, 'txt': _read_txt}
