"""Gapminder's Systema Globalis country-year files (plain Python: no Django import).

A series file has the header ``geo,time,<indicator>`` and one line per country and year, ``geo`` being Gapminder's
lower-case country id (``lbr``); ``countries.csv`` maps these ids to ISO 3166-1 alpha-3 codes. A line that cannot
be read is a ``GapminderError`` naming the file and line, with a ``code`` and ``params`` the Django layer turns into
a sentence in the user's language.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

__all__ = [
    'CITATION',
    'COUNTRIES_FILE',
    'LICENCE',
    'MAX_BYTES',
    'SERIES',
    'GapminderError',
    'SeriesInfo',
    'SeriesRow',
    'read_countries',
    'read_series',
    'series_files',
]

CITATION = 'Gapminder, based on World Bank WDI'
LICENCE = 'CC BY 4.0'
COUNTRIES_FILE = 'countries.csv'
MAX_BYTES = 20 * 1024 * 1024  # the largest file of the release is 134 kB
MAX_YEAR = 2100


@dataclass(frozen=True)
class SeriesInfo:
    """What a series measures and where Gapminder and the World Bank took it from."""

    code: str
    name: str
    name_fr: str
    unit: str
    unit_fr: str
    underlying_source: str
    wdi_code: str


# The four series of the release, keyed by the indicator column of their file. The underlying sources are those
# the World Bank names for each WDI indicator (data README: WDI takes them from IISS and SIPRI; battle deaths from
# UCDP), the rates per 100,000 people computed by Gapminder.
SERIES = {
    info.code: info
    for info in (
        SeriesInfo(
            'armed_forces_personnel_total',
            'Armed forces personnel, total',
            'Effectifs des forces armées, total',
            'persons',
            'personnes',
            'International Institute for Strategic Studies (IISS), The Military Balance',
            'MS.MIL.TOTL.P1',
        ),
        SeriesInfo(
            'armed_forces_personnel_percent_of_labor_force',
            'Armed forces personnel, % of total labour force',
            'Effectifs des forces armées, en % de la population active',
            '% of labour force',
            '% de la population active',
            'International Institute for Strategic Studies (IISS), The Military Balance; ILO labour force estimates',
            'MS.MIL.TOTL.TF.ZS',
        ),
        SeriesInfo(
            'military_expenditure_percent_of_gdp',
            'Military expenditure, % of GDP',
            'Dépenses militaires, en % du PIB',
            '% of GDP',
            '% du PIB',
            'Stockholm International Peace Research Institute (SIPRI), Military Expenditure Database',
            'MS.MIL.XPND.GD.ZS',
        ),
        SeriesInfo(
            'battle_deaths_per_100_000',
            'Battle-related deaths per 100,000 people',
            'Morts liées aux combats pour 100 000 habitants',
            'per 100,000 people',
            'pour 100 000 habitants',
            'Uppsala Conflict Data Program (UCDP), battle-related deaths; rate per 100,000 people by Gapminder',
            'VC.BTL.DETH',
        ),
    )
}


class GapminderError(ValueError):
    """A file or line that cannot be read: ``code`` and ``params`` for the message, ``file`` and ``line`` (0 for
    the whole file)."""

    def __init__(self, code: str, file: str, line: int = 0, **params):
        self.code, self.file, self.line, self.params = code, file, line, params
        super().__init__(f'{file}:{line}: {code} {params}' if line else f'{file}: {code} {params}')


@dataclass(frozen=True)
class SeriesRow:
    """One value of a series: the Gapminder id, the year, the value as written, and its line in the file."""

    geo: str
    year: int
    value: Decimal
    line: int


def _text(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise GapminderError('too_large', name, limit=MAX_BYTES)
    try:
        return data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise GapminderError('not_utf8', name) from error


def read_series(data: bytes, name: str) -> tuple[str, list[SeriesRow]]:
    """The indicator code and the rows of a ``geo,time,<indicator>`` file; ``name`` is the file's name in messages.

    Raises:
        GapminderError: an unknown indicator, a repeated country-year, a year or value that is not a number.
    """
    reader = csv.reader(io.StringIO(_text(data, name)))
    header = next(reader, None)
    if not header or len(header) != 3 or header[:2] != ['geo', 'time']:
        raise GapminderError('bad_header', name, 1, found=','.join(header or []))
    code = header[2].strip()
    if code not in SERIES:
        raise GapminderError('unknown_series', name, 1, series=code)
    rows: list[SeriesRow] = []
    seen: dict[tuple[str, int], int] = {}
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != 3:
            raise GapminderError('bad_columns', name, line, count=len(cells))
        geo, time, value = (cell.strip() for cell in cells)
        if not geo:
            raise GapminderError('no_country', name, line)
        if not time.isdigit() or not 1800 <= int(time) <= MAX_YEAR:
            raise GapminderError('bad_year', name, line, value=time)
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise GapminderError('bad_value', name, line, value=value)
        if number < 0:
            raise GapminderError('negative_value', name, line, value=value)
        key = (geo.lower(), int(time))
        if key in seen:
            raise GapminderError('repeated', name, line, geo=geo, year=time, first=seen[key])
        seen[key] = line
        rows.append(SeriesRow(key[0], key[1], number, line))
    return code, rows


def read_countries(data: bytes, name: str = COUNTRIES_FILE) -> dict[str, str]:
    """Gapminder id -> ISO3 for the entities of ``countries.csv`` that have an ISO 3166-1 alpha-3 code."""
    reader = csv.DictReader(io.StringIO(_text(data, name)))
    if not reader.fieldnames or not {'country', 'iso3166_1_alpha3'} <= set(reader.fieldnames):
        raise GapminderError('bad_countries_header', name, 1)
    found: dict[str, str] = {}
    for line, row in enumerate(reader, start=2):
        iso3 = (row['iso3166_1_alpha3'] or '').strip().upper()
        if not iso3:
            continue
        if len(iso3) != 3 or not iso3.isalpha():
            raise GapminderError('bad_iso3', name, line, value=iso3)
        found[row['country'].strip().lower()] = iso3
    return found


def series_files(path: Path) -> tuple[Path | None, list[Path]]:
    """The countries file and the series files of ``path`` (a folder, or one series file whose folder holds
    ``countries.csv``), series sorted by name."""
    folder = path if path.is_dir() else path.parent
    countries = folder / COUNTRIES_FILE
    if path.is_dir():
        files = sorted(p for p in path.glob('*.csv') if p.name != COUNTRIES_FILE)
    else:
        files = [path]
    return (countries if countries.is_file() else None), files
