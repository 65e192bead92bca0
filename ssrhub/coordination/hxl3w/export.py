"""Write 3W rows as an HXL CSV table: the column titles, then the hashtag row, then one line per row.

Plain Python: no Django import. libhxl reads the result back to the same values (a test checks the round trip).
"""

import csv
import io
from collections.abc import Iterable, Iterator

from .rows import FIELDS_BY_NAME, ThreeWRow

__all__ = ['COLUMNS', 'hxl_csv_lines', 'write_hxl_csv']

# (title, ThreeWRow attribute, hashtag) in the order written; the hashtags are those rows.py reads.
COLUMNS = (
    ('Organisation', 'org_name', FIELDS_BY_NAME['org_name'].hashtag),
    ('Acronym', 'org_acronym', FIELDS_BY_NAME['org_acronym'].hashtag),
    ('Organisation type', 'org_type', FIELDS_BY_NAME['org_type'].hashtag),
    ('Sector code', 'sector_code', FIELDS_BY_NAME['sector_code'].hashtag),
    ('Sector', 'sector_name', FIELDS_BY_NAME['sector_name'].hashtag),
    ('Activity', 'activity', FIELDS_BY_NAME['activity'].hashtag),
    ('Country code', 'country_code', FIELDS_BY_NAME['country_code'].hashtag),
    ('Admin 1 P-code', 'adm1_code', FIELDS_BY_NAME['adm1_code'].hashtag),
    ('Admin 1', 'adm1_name', FIELDS_BY_NAME['adm1_name'].hashtag),
    ('Admin 2 P-code', 'adm2_code', FIELDS_BY_NAME['adm2_code'].hashtag),
    ('Admin 2', 'adm2_name', FIELDS_BY_NAME['adm2_name'].hashtag),
    ('Start', 'start', FIELDS_BY_NAME['date_start'].hashtag),
    ('End', 'end', FIELDS_BY_NAME['date_end'].hashtag),
    ('Status', 'status', FIELDS_BY_NAME['status'].hashtag),
)
# A spreadsheet runs a cell starting with these as a formula; the writer quotes them with an apostrophe.
FORMULA_PREFIXES = ('=', '+', '-', '@')


def hxl_csv_lines(rows: Iterable[ThreeWRow], titles: dict[str, str] | None = None) -> Iterator[str]:
    """The CSV lines of the table, one at a time (for a streamed download); ``titles`` translates the titles."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\r\n')

    def line(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    titles = titles or {}
    yield line([titles.get(title, title) for title, _attribute, _tag in COLUMNS])
    yield line([tag for _title, _attribute, tag in COLUMNS])
    for row in rows:
        yield line([_safe(getattr(row, attribute)) for _title, attribute, _tag in COLUMNS])


def write_hxl_csv(rows: Iterable[ThreeWRow], stream) -> int:
    """Write the table to a text stream; the number of rows written."""
    count = -2
    for text in hxl_csv_lines(rows):
        stream.write(text)
        count += 1
    return count


def _safe(value: str) -> str:
    return f"'{value}" if value and value.startswith(FORMULA_PREFIXES) and not _number(value) else value


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
