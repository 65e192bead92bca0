"""Write Gapminder series and UCDP events to the database (the readers are ``gapminder.py`` and ``ucdp.py``).

Loading is idempotent: a value or event the database already holds as the file gives it is counted unchanged and
nothing is written; a file that changes nothing leaves no ``StatisticLoad``. A value or event the file gives
differently is a revision: the stored one is closed (``valid_until``) and points to the new one
(``superseded_by``). A value or event absent from a later file stays as it was (a sample or a cut of the data is no
retraction). Each call is one transaction: a bad line refuses every file of the call, with the file and line.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ssrhub.core.models import Country

from . import gapminder, ucdp
from .models import ConflictEvent, LoadedDataset, StatisticLoad, StatisticSeries, StatisticValue

__all__ = ['LoadError', 'LoadReport', 'error_message', 'load_events', 'load_statistics', 'write_versions']

BATCH = 1000

# The events' fields as the reader gives them, under the model's names.
EVENT_FIELDS = {
    'ucdp_id': 'ucdp_id', 'relid': 'relid', 'year': 'year', 'date_start': 'date_start', 'date_end': 'date_end',
    'date_precision': 'date_precision', 'type_of_violence': 'type_of_violence', 'conflict_id': 'conflict_id',
    'conflict_name': 'conflict_name', 'dyad_id': 'dyad_id', 'dyad_name': 'dyad_name', 'side_a': 'side_a',
    'side_b': 'side_b', 'where_description': 'where_description', 'adm_1': 'adm_1', 'adm_2': 'adm_2',
    'where_precision': 'where_precision', 'latitude': 'latitude', 'longitude': 'longitude', 'deaths_a': 'deaths_a',
    'deaths_b': 'deaths_b', 'deaths_civilians': 'deaths_civilians', 'deaths_unknown': 'deaths_unknown',
    'best': 'best', 'low': 'low', 'high': 'high', 'number_of_sources': 'number_of_sources',
    'source_article': 'source_article', 'source_office': 'source_office', 'source_date': 'source_date',
    'source_headline': 'source_headline', 'source_original': 'source_original', 'event_clarity': 'event_clarity',
    'code_status': 'code_status',
}  # fmt: skip


class LoadError(Exception):
    """A file that cannot be loaded: the reader's error (with ``code``, ``params``, ``file``, ``line``)."""

    def __init__(self, error):
        self.error = error
        super().__init__(str(error))

    def message(self) -> str:
        return error_message(self.error)


@dataclass
class LoadReport:
    """What one file did: ``load`` is None when it changed nothing; ``skipped`` counts values of entities without
    an ISO3 code in ssrhub (Gapminder's Abkhazia, former states), by Gapminder id."""

    file_name: str
    added: int = 0
    revised: int = 0
    unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    load: StatisticLoad | None = None


# Section: messages


def error_message(error) -> str:
    """A reader's error as a sentence in the active language, naming the file and line."""
    params = error.params
    texts = {
        'too_large': _('The file is larger than %(limit)s bytes.'),
        'not_utf8': _('The file is not UTF-8 text.'),
        'bad_header': _('The first line must be "geo,time,<indicator>"; it is "%(found)s".'),
        'unknown_series': _('"%(series)s" is not one of the country statistics ssrhub knows.'),
        'bad_columns': _('The line does not have the columns of the header.'),
        'no_country': _('The line names no country.'),
        'bad_year': _('"%(value)s" is not a year.'),
        'bad_value': _('"%(value)s" is not a number.'),
        'negative_value': _('%(value)s is negative: these series cannot be.'),
        'repeated': _('%(geo)s %(year)s is given again (first on line %(first)s).'),
        'bad_countries_header': _('The countries file lacks the "country" or "iso3166_1_alpha3" column.'),
        'bad_iso3': _('"%(value)s" is not an ISO 3166-1 alpha-3 code.'),
        'missing_columns': _('The file lacks the UCDP columns %(columns)s.'),
        'bad_integer': _('The column %(column)s holds "%(value)s", not a whole number.'),
        'bad_coordinate': _('The column %(column)s holds "%(value)s", not a coordinate.'),
        'bad_date': _('The column %(column)s holds "%(value)s", not a date.'),
        'bad_code': _("The column %(column)s holds %(value)s, not one of UCDP's codes."),
        'unknown_country': _(
            "The UCDP country %(country_id)s (%(country)s) is not in ssrhub's table of Gleditsch-Ward numbers."
        ),
        'end_before_start': _('The event ends (%(end)s) before it starts (%(start)s).'),
        'bad_deaths': _('A death estimate is negative (best %(best)s, low %(low)s, high %(high)s).'),
        'year_mismatch': _('The year %(year)s is not the year of the start date %(start)s.'),
        'no_countries_file': _('countries.csv, which maps Gapminder ids to ISO3 codes, is not beside the file.'),
        'no_files': _('No series file (.csv) was found.'),
        'unknown_iso3': _('%(iso3)s is not a country of ssrhub.'),
        'bad_release': _('"%(release)s" is not a UCDP GED release such as "GED 23.1".'),
        'missing_file': _('The file cannot be read.'),
    }
    text = texts[error.code] % params
    where = f'{error.file}:{error.line}' if error.line else error.file
    return _('%(where)s: %(problem)s') % {'where': where, 'problem': text}


class _Problem(ValueError):
    """An error of the loader itself, shaped like the readers' errors."""

    def __init__(self, code: str, file: str, line: int = 0, **params):
        self.code, self.file, self.line, self.params = code, file, line, params
        super().__init__(f'{file}: {code} {params}')


def _read(path: Path, limit: int) -> bytes:
    try:
        with open(path, 'rb') as file:
            return file.read(limit + 1)
    except OSError as error:
        raise LoadError(_Problem('missing_file', str(path))) from error


# Section: statistics


def _series(info: gapminder.SeriesInfo) -> StatisticSeries:
    values = {
        'name_en': info.name,
        'name_fr': info.name_fr,
        'unit_en': info.unit,
        'unit_fr': info.unit_fr,
        'source': gapminder.CITATION,
        'licence': gapminder.LICENCE,
        'underlying_source': info.underlying_source,
        'wdi_code': info.wdi_code,
    }
    series, created = StatisticSeries.objects.get_or_create(code=info.code, defaults=values)
    if not created and any(getattr(series, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(series, key, value)
        series.save()
    return series


def load_statistics(path: Path, user=None) -> list[LoadReport]:
    """Load the series files of ``path`` (a folder, or one file whose folder holds ``countries.csv``).

    Raises:
        LoadError: a file or line that cannot be read; nothing is written.
    """
    countries_file, files = gapminder.series_files(Path(path))
    if countries_file is None:
        raise LoadError(_Problem('no_countries_file', str(path)))
    if not files:
        raise LoadError(_Problem('no_files', str(path)))
    try:
        geo_iso3 = gapminder.read_countries(_read(countries_file, gapminder.MAX_BYTES), countries_file.name)
        read = []
        for file in files:
            data = _read(file, gapminder.MAX_BYTES)
            read.append((file, hashlib.sha256(data).hexdigest(), *gapminder.read_series(data, file.name)))
    except gapminder.GapminderError as error:
        raise LoadError(error) from error
    country_ids = dict(Country.objects.values_list('iso3', 'pk'))
    with transaction.atomic():
        return [
            _load_series(file, digest, code, rows, geo_iso3, country_ids, user) for file, digest, code, rows in read
        ]


def _load_series(file: Path, digest: str, code: str, rows, geo_iso3: dict, country_ids: dict, user) -> LoadReport:
    series = _series(gapminder.SERIES[code])
    report = LoadReport(file.name)
    current = {
        (value.country_id, value.year): value
        for value in StatisticValue.objects.filter(series=series, valid_until__isnull=True)
    }
    new, revised = [], []
    for row in rows:
        country = country_ids.get(geo_iso3.get(row.geo, ''))
        if country is None:
            report.skipped[row.geo] = report.skipped.get(row.geo, 0) + 1
            continue
        stored = current.get((country, row.year))
        if stored is not None and stored.value == row.value:
            report.unchanged += 1
            continue
        value = StatisticValue(series=series, country_id=country, year=row.year, value=row.value)
        new.append(value)
        if stored is not None:
            revised.append((stored, value))
    report.added, report.revised = len(new) - len(revised), len(revised)
    if new:
        report.load = StatisticLoad.objects.create(
            dataset=LoadedDataset.STATISTICS,
            file_name=file.name,
            file_hash=digest,
            loaded_by=user,
            added=report.added,
            revised=report.revised,
            unchanged=report.unchanged,
        )
        for value in new:
            value.load = report.load
        write_versions(StatisticValue, new, revised, user, _('Loaded from %(file)s') % {'file': file.name})
    return report


def write_versions(model, new: list, revised: list, user, reason: str) -> None:
    """Close the revised records, write the new ones, point each revised record to its successor (in this order:
    the database allows one current record per key at any moment)."""
    now = timezone.now()
    old = [stored for stored, _new in revised]
    for stored in old:
        stored.valid_until = now
    if old:
        bulk_update_with_history(old, model, ['valid_until'], batch_size=BATCH, default_user=user,
                                 default_change_reason=reason)  # fmt: skip
    created = bulk_create_with_history(new, model, batch_size=BATCH, default_user=user, default_change_reason=reason)
    if any(record.pk is None for record in created):  # a database that does not return ids
        raise RuntimeError('bulk_create returned no primary keys')
    for stored, value in revised:
        stored.superseded_by = value
    if old:
        bulk_update_with_history(old, model, ['superseded_by'], batch_size=BATCH, default_user=user,
                                 default_change_reason=reason)  # fmt: skip


# Section: UCDP events


def load_events(path: Path, release: str, user=None) -> LoadReport:
    """Load a UCDP GED CSV file of release ``release`` (e.g. "GED 23.1").

    Raises:
        LoadError: a bad release name, a file or line that cannot be read, or a country ssrhub does not know;
            nothing is written.
    """
    path = Path(path)
    release = ' '.join(release.split())
    if not ucdp.RELEASE_PATTERN.match(release):
        raise LoadError(_Problem('bad_release', path.name, release=release))
    data = _read(path, ucdp.MAX_BYTES)
    try:
        events = ucdp.read_events(data, path.name, ucdp.read_country_table(ucdp.COUNTRY_TABLE.read_bytes()))
    except ucdp.UcdpError as error:
        raise LoadError(error) from error
    country_ids = dict(Country.objects.values_list('iso3', 'pk'))
    for event in events:
        if event.iso3 not in country_ids:
            raise LoadError(_Problem('unknown_iso3', path.name, event.line, iso3=event.iso3))
    report = LoadReport(path.name)
    with transaction.atomic():
        current = {
            event.ucdp_id: event
            for event in ConflictEvent.objects.filter(
                ucdp_id__in=[e.ucdp_id for e in events], valid_until__isnull=True
            ).only('pk', 'ucdp_id', 'fingerprint', 'valid_until', 'superseded_by')
        }
        new, revised = [], []
        for event in events:
            fingerprint = event.fingerprint()
            stored = current.get(event.ucdp_id)
            if stored is not None and stored.fingerprint == fingerprint:
                report.unchanged += 1
                continue
            record = ConflictEvent(
                release=release,
                country_id=country_ids[event.iso3],
                fingerprint=fingerprint,
                **{name: getattr(event, attribute) for name, attribute in EVENT_FIELDS.items()},
            )
            new.append(record)
            if stored is not None:
                revised.append((stored, record))
        report.added, report.revised = len(new) - len(revised), len(revised)
        if new:
            report.load = StatisticLoad.objects.create(
                dataset=LoadedDataset.UCDP,
                file_name=path.name,
                file_hash=hashlib.sha256(data).hexdigest(),
                release=release,
                loaded_by=user,
                added=report.added,
                revised=report.revised,
                unchanged=report.unchanged,
            )
            for record in new:
                record.load = report.load
            reason = _('Loaded from %(file)s (%(release)s)') % {'file': path.name, 'release': release}
            write_versions(ConflictEvent, new, revised, user, reason)
    return report
