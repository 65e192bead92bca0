"""OCR of a scanned PDF's pages: OCRmyPDF rasterises each page and runs Tesseract on it; the text and each page's
confidence come from the hOCR Tesseract writes.

OCRmyPDF reports no confidence, so the pages are read through its hOCR pipeline (``ocrmypdf.api._pdf_to_hocr``, the
documented, experimental entry for applications that want Tesseract's hOCR instead of a PDF, pinned with the exact
ocrmypdf version): one OCR pass gives both the words and Tesseract's own confidence in each (``x_wconf``), where a
second pass (``tesseract ... tsv`` on the page images) would double the time. OCRmyPDF still does what it is good at:
rasterising with pypdfium2 (no Ghostscript needed), orienting and cleaning the image, calling Tesseract.

Unlike the rest of extraction this writes files: OCRmyPDF works in a temporary folder, removed when it is done.

Pure Python: no Django import.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from lxml import html

from .errors import ExtractionError

__all__ = [
    'DEFAULT_LANGUAGES',
    'OcrPage',
    'PageReading',
    'mean_confidence',
    'ocr_pages',
    'ocr_progress',
    'read_hocr',
]

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGES = ('eng', 'fra')

# Called with (pages done, pages to read) as the OCR goes: once with 0 before the first page, then after each page.
# Set by whoever runs the reading (a bounded child passes the figures to the job that waits for it).
ocr_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar('ocr_progress', default=None)

# Tesseract writes hOCR in UTF-8 (lxml would guess Latin-1 for a file that does not say it).
_HOCR_PARSER = html.HTMLParser(encoding='utf-8')
_WORD_CONFIDENCE_RE = re.compile(r'\bx_wconf\s+(-?\d+(?:\.\d+)?)')


@dataclass(frozen=True, slots=True)
class PageReading:
    """The text OCR read on one page, a line a line and a blank line between paragraphs, and the confidence of each
    word Tesseract recognised (0-100)."""

    text: str
    confidences: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class OcrPage:
    """A page that was read by OCR: its number (from 1) and the mean confidence of its words (None: no word)."""

    page: int
    confidence: float | None


def mean_confidence(confidences: Sequence[float]) -> float | None:
    """The mean of the words' confidences (0-100), rounded to one decimal; Tesseract's -1 (no confidence, as for a
    block it did not read as text) is left out. None when no word has one."""
    kept = [value for value in confidences if value >= 0]
    return round(fmean(kept), 1) if kept else None


def read_hocr(document: str | bytes) -> PageReading:
    """The text and word confidences of one page's hOCR (``ocr_par`` paragraphs, ``ocr_line`` lines,
    ``ocrx_word`` words with ``x_wconf``)."""
    if isinstance(document, str):
        document = document.encode('utf-8')
    root = html.fromstring(document, parser=_HOCR_PARSER)
    paragraphs, confidences = [], []
    for paragraph in _with_class(root, 'ocr_par'):
        lines = []
        for line in _with_class(paragraph, 'ocr_line') or [paragraph]:
            words = []
            for word in _with_class(line, 'ocrx_word'):
                text = ' '.join(word.text_content().split())
                if not text:
                    continue
                words.append(text)
                found = _WORD_CONFIDENCE_RE.search(word.get('title', ''))
                if found:
                    confidences.append(float(found.group(1)))
            if words:
                lines.append(' '.join(words))
        if lines:
            paragraphs.append('\n'.join(lines))
    return PageReading('\n\n'.join(paragraphs), tuple(confidences))


def _with_class(element, name: str) -> list:
    return element.xpath(f'.//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]')


def ocr_pages(data: bytes, name: str, pages: Sequence[int], languages: Sequence[str]) -> dict[int, PageReading]:
    """Read ``pages`` (numbered from 1) of the PDF ``data`` by OCR in ``languages`` (Tesseract's codes).

    Raises:
        ExtractionError: 'no_text_layer' when OCR cannot run here (Tesseract or OCRmyPDF missing), 'corrupt_pdf'
            when OCRmyPDF cannot read the file.
    """
    try:
        import ocrmypdf
        from ocrmypdf.api import _pdf_to_hocr
    except ImportError:
        logger.error('OCRmyPDF is not installed: %s cannot be read by OCR', name)
        raise ExtractionError('no_text_layer', name) from None
    total = len(pages)
    progress = ocr_progress.get()
    with tempfile.TemporaryDirectory(prefix='ssrhub-ocr-') as folder:
        work, source = Path(folder) / 'work', Path(folder) / 'scan.pdf'
        work.mkdir()
        source.write_bytes(data)
        if progress is not None:
            progress(0, total)
        try:
            _pdf_to_hocr(
                source,
                work,
                language=list(languages),
                pages=','.join(map(str, pages)),
                mode='force',  # the pages asked for are read whatever little text they have (a page number)
                rasterizer='pypdfium',
                use_threads=True,  # a forked, memory-bounded process runs this: no process pool of its own
                jobs=1,
                progress_bar=progress is not None,
                plugins=[_progress_plugin(progress, total)] if progress is not None else None,
            )
        except ocrmypdf.exceptions.MissingDependencyError as error:
            logger.error('OCR cannot run: %s', error)
            raise ExtractionError('no_text_layer', name) from None
        except ocrmypdf.exceptions.ExitCodeException as error:
            raise ExtractionError('corrupt_pdf', name, reason=str(error) or type(error).__name__) from error
        return {page: _page_reading(work, page) for page in pages}


def _page_reading(work: Path, page: int) -> PageReading:
    hocr = work / f'{page:06d}_ocr_hocr.hocr'
    return read_hocr(hocr.read_bytes()) if hocr.exists() else PageReading('', ())


def _progress_plugin(progress: Callable[[int, int], None], total: int) -> str:
    """The module OCRmyPDF loads as a plugin to hand its progress to ``progress`` (its progress bar is its one hook
    for it)."""
    from . import ocr_plugin

    ocr_plugin.follow(progress, total)
    return ocr_plugin.__name__
