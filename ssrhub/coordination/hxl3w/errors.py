"""Why a who-does-what-where table is refused, or a row of it: a code and parameters, not a finished sentence.

``MESSAGES`` holds the English wording as ``gettext_noop`` message ids, so that the command line and the logs read
``str(error)`` in English and the Django layer shows ``error.message(gettext)`` in the user's language.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = ['MESSAGES', 'HxlError', 'RowIssue', 'render']


def gettext_noop(text: str) -> str:
    """Marks a message id for the catalogue without translating it (Django's own would import Django)."""
    return text


MESSAGES = {
    # the file
    'empty': gettext_noop('{file}: the file is empty.'),
    'too-large': gettext_noop('{file}: the file is larger than {max_mb} MB.'),
    'too-many-rows': gettext_noop('{file}: more than {max_rows} rows (row {row}); split the table.'),
    'encoding': gettext_noop('{file}: row {row} is not UTF-8 text. Save the table as "CSV UTF-8".'),
    'bad-csv': gettext_noop('{file}: row {row} cannot be read as CSV ({detail}).'),
    'not-a-table': gettext_noop('{file}: not a CSV or XLSX table.'),
    'macros': gettext_noop(
        '{file}: the workbook contains macros ({detail}). Save it as an .xlsx workbook without macros.'
    ),
    'bad-workbook': gettext_noop('{file}: the workbook cannot be opened ({detail}).'),
    'unknown-sheet': gettext_noop('{file}: there is no sheet "{sheet}". Sheets: {sheets}.'),
    'several-sheets': gettext_noop(
        '{file}: several sheets have a hashtag row ({sheets}): say which one to read (--sheet).'
    ),
    'no-hashtag-row': gettext_noop(
        '{file}: no HXL hashtag row in the first 25 rows{sheet_note}. From the column titles (row {row}) the '
        'hashtag row would be: {proposed}. Add it under the titles, or accept it (--hashtags-from-titles).'
    ),
    'no-titles': gettext_noop(
        '{file}: no HXL hashtag row in the first 25 rows{sheet_note}, and no column title that says which '
        'hashtag to use.'
    ),
    'missing-column': gettext_noop(
        '{file}: no column for the {field} (hashtags {expected}); the hashtag row (row {row}) has {found}.'
    ),
    'no-rows': gettext_noop('{file}: the table has a hashtag row but no rows under it.'),
    # a row
    'missing-organisation': gettext_noop('Row {row}: no organisation (name or acronym).'),
    'missing-sector': gettext_noop('Row {row}: no sector.'),
    'missing-location': gettext_noop('Row {row}: no administrative area (admin 1 or admin 2).'),
    'bad-date': gettext_noop('Row {row}: "{value}" is not a date ({column}).'),
    'end-before-start': gettext_noop('Row {row}: the end ({end}) is before the start ({start}).'),
    'duplicate': gettext_noop('Row {row}: the same organisation, sector, area and period as row {first_row}.'),
}


def render(code: str, params: Mapping, gettext: Callable[[str], str] | None = None) -> str:
    """The sentence for ``code`` with its parameters, translated by ``gettext`` when given."""
    template = MESSAGES[code]
    if gettext is not None:
        template = gettext(template)
    return template.format(**params)


class HxlError(Exception):
    """A whole table is refused: nothing of it is read further and nothing is written."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(render(code, params))

    def message(self, gettext: Callable[[str], str]) -> str:
        """The sentence in the language of ``gettext``."""
        return render(self.code, self.params, gettext)


@dataclass(frozen=True)
class RowIssue:
    """A row refused (or noted, for a duplicate), with its number as a spreadsheet counts it."""

    row: int
    code: str
    params: dict = field(default_factory=dict)

    def message(self, gettext: Callable[[str], str] | None = None) -> str:
        """The sentence, in English or in the language of ``gettext``."""
        return render(self.code, {'row': self.row, **self.params}, gettext)
