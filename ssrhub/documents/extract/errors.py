"""`ExtractionError`: why a file cannot be turned into text, as a stable code with parameters and an English sentence.

The sentences are gettext message ids: the Django layer passes ``gettext`` and its number format to
`ExtractionError.message` to show them in the reader's language (``documents/jobs.py``); ``str(error)`` is the
English sentence, for the command line and logs. A job keeps ``code`` and ``params`` to say it again later.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ['FORMAT_NAMES', 'LIMIT_CODES', 'PROBLEMS', 'ExtractionError', 'LimitError', 'format_megabytes']

MEGABYTE = 1024 * 1024


def gettext_noop(message: str) -> str:
    """Mark ``message`` for the translation catalogue (``makemessages`` reads this name) without translating it."""
    return message


def _untranslated(message: str) -> str:
    return message


def _english_number(value: float, decimals: int = 0) -> str:
    return f'{value:,.{decimals}f}'


FORMAT_NAMES = {
    'docx': gettext_noop('Word document (.docx)'),
    'html': gettext_noop('HTML file'),
    'pdf': gettext_noop('PDF'),
    'txt': gettext_noop('plain-text file'),
}

# Each sentence quotes the file as %(file)s; parameters named in _LABELS hold a message id (translated in turn),
# those in _SIZES a number of bytes (written in megabytes), any other number is written with grouped digits.
PROBLEMS = {
    'missing': gettext_noop("'%(file)s' does not exist"),
    'not_a_file': gettext_noop("'%(file)s' is not a file"),
    'unreadable': gettext_noop("'%(file)s' cannot be read: %(reason)s"),
    'empty': gettext_noop("'%(file)s' is empty (0 bytes)"),
    'too_large': gettext_noop("'%(file)s' is too large: %(size)s, the limit is %(limit)s"),
    'unsupported': gettext_noop(
        "'%(file)s' is not a supported document type (%(what)s); ssrhub reads PDF, Word (.docx), HTML and plain-text "
        'files'
    ),
    'mislabelled': gettext_noop(
        "'%(file)s' is named as a %(format)s but is %(what)s, which is corrupt or mislabelled; ssrhub reads PDF, "
        'Word (.docx), HTML and plain-text files'
    ),
    'named_but_text': gettext_noop(
        "'%(file)s' is named as a %(format)s but contains %(found)s: rename it or send the real file"
    ),
    'corrupt_zip': gettext_noop("'%(file)s' is a corrupt ZIP archive or Word document: %(reason)s"),
    'truncated_pdf': gettext_noop("'%(file)s' is a corrupt PDF: it is truncated (no end-of-file marker)"),
    'corrupt_pdf': gettext_noop("'%(file)s' is a corrupt PDF: %(reason)s"),
    'encrypted_pdf': gettext_noop("'%(file)s' is encrypted; ssrhub reads only unencrypted PDFs"),
    'no_pages': gettext_noop("'%(file)s' is a corrupt PDF: it has no pages"),
    'no_text_layer': gettext_noop("'%(file)s' has no text layer (scanned?); run OCR first"),
    'partly_scanned': gettext_noop(
        "'%(file)s' has no text layer on %(scanned)s of its %(pages)s pages (scanned?); run OCR first"
    ),
    'ocr_no_text': gettext_noop("'%(file)s' has no text layer and OCR found no text in it: a blank or unreadable scan"),
    'corrupt_docx': gettext_noop("'%(file)s' is a corrupt Word document: %(reason)s"),
    'corrupt_html': gettext_noop("'%(file)s' is a corrupt HTML file: %(reason)s"),
    'no_text': gettext_noop("'%(file)s' contains no text (read as %(format)s)"),
    # The limits (LimitError): 'limit' is the limit's value.
    'unpacked': gettext_noop("'%(file)s' is too large: it unpacks to more than %(limit)s"),
    'pages': gettext_noop("'%(file)s' has more than %(limit)s pages"),
    'paragraphs': gettext_noop("'%(file)s' has more than %(limit)s paragraphs"),
    'seconds': gettext_noop("'%(file)s' took more than %(limit)s seconds to read"),
    'memory': gettext_noop("'%(file)s' needed more than %(limit)s MB of memory to read"),
}
LIMIT_CODES = frozenset({'unpacked', 'pages', 'paragraphs', 'seconds', 'memory'})
_LABELS = frozenset({'what', 'found'})
_SIZES = {'too_large': ('size', 'limit'), 'unpacked': ('limit',)}

_MEGABYTES = gettext_noop('%(megabytes)s MB')
_SMALL_MEGABYTES = gettext_noop('%(megabytes)s MB (%(bytes)s bytes)')


class ExtractionError(ValueError):
    """
    A file cannot be turned into text.

    Args:
        code: what is wrong, a key of ``PROBLEMS``.
        filename: the file's name as shown to the reader.
        params: the values the sentence quotes (numbers, a library's own reason, or message ids of ``_LABELS``).
    """

    def __init__(self, code: str, filename: str, **params):
        if code not in PROBLEMS:
            raise KeyError(f'unknown extraction error code {code!r}')
        self.code, self.filename, self.params = code, filename, params
        super().__init__(self.message())

    def message(self, translate: Callable[[str], str] = _untranslated, number=_english_number) -> str:
        """The sentence in the language of ``translate`` (``gettext``), numbers written by ``number(value,
        decimals)``."""
        values = {'file': self.filename}
        for name, value in self.params.items():
            if name == 'format':
                values[name] = translate(FORMAT_NAMES[value])
            elif name in _LABELS:
                values[name] = translate(value)
            elif name in _SIZES.get(self.code, ()):
                values[name] = format_megabytes(value, translate, number)
            elif isinstance(value, int):
                values[name] = number(value)
            else:
                values[name] = value
        return translate(PROBLEMS[self.code]) % values

    def __reduce__(self):
        # Pickled by code and parameters (a file read in a child process hands its error back to the parent).
        return _rebuild, (type(self), self.code, self.filename, self.params)


def _rebuild(cls, code: str, filename: str, params: dict) -> ExtractionError:
    return cls(code, filename, **params)


class LimitError(ExtractionError):
    """A file over one of the limits: ``code`` names the limit (``LIMIT_CODES``), ``limit`` its value."""

    def __init__(self, code: str, filename: str, limit: int):
        if code not in LIMIT_CODES:
            raise KeyError(f'unknown limit {code!r}')
        super().__init__(code, filename, limit=limit)

    @property
    def limit(self) -> int:
        return self.params['limit']


def format_megabytes(size: int, translate: Callable[[str], str] = _untranslated, number=_english_number) -> str:
    """'55 MB', '1.5 MB'; under a tenth of a megabyte with its bytes: '0.000977 MB (1,024 bytes)'."""
    if size >= MEGABYTE // 10:
        tenths = round(size / MEGABYTE, 1)
        return translate(_MEGABYTES) % {'megabytes': number(tenths, 0 if tenths.is_integer() else 1)}
    decimals = len(f'{size / MEGABYTE:.6f}'.rstrip('0').split('.')[1])
    megabytes = number(size / MEGABYTE, decimals)
    return translate(_SMALL_MEGABYTES) % {'megabytes': megabytes, 'bytes': number(size)}
