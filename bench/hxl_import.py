"""3W import: read, check and match the 10,902-row Afghanistan table, and show that memory stays flat when the
table is ten times larger; with ``--store``, also store the rows as activities.

Run by hand (no database needed without ``--store``):
    .venv/bin/python bench/hxl_import.py [--data ../shared/data] [--scale 10] [--store AFG]
``--store ISO3`` reads and matches against the development database's organisations and framework, then stores the
rows as activities of that country in a dry run (every write made, then rolled back: the database is left as it
was); the organisations no known one matches are created first, as the demo does. It runs with DEBUG off, as a
deployment's worker does (``SSRHUB_DEBUG=true`` to measure the development settings): with DEBUG on, Django keeps
the text of the last 9,000 queries, which grows with the table.
``--scale N`` writes a temporary copy of the table with its data rows repeated N times (each copy with other
P-codes, so that no row is a duplicate) and reads that. Prints the rows read and accepted, the organisations and
sectors found, the wall time of reading and matching, and the process's maximum resident set size (Linux):
compare ``--scale 1`` with ``--scale 10``.
"""

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ssrhub.coordination.hxl3w.matching import Known, Matcher  # noqa: E402
from ssrhub.coordination.hxl3w.preview import preview  # noqa: E402
from ssrhub.coordination.hxl3w.reading import open_table  # noqa: E402
from ssrhub.coordination.hxl3w.rows import map_columns  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / 'shared' / 'data'
TABLE = Path('hxl') / 'afghanistan-3w-2024q1.csv'
PCODE = re.compile(r',(AF\d+)')
# A known list of the size a country's partners make: the large UN agencies and NGOs of the table, spelt otherwise.
KNOWN = [
    Known(1, 'UNICEF', ('United Nations Childrens Fund', 'UNICEF')),
    Known(2, 'WHO', ('World Health Organisation', 'WHO')),
    Known(3, 'IOM', ('International Organisation for Migration', 'IOM')),
    Known(4, 'NRC', ('Norwegian Refugee Council', 'NRC')),
    Known(5, 'DRC', ('Danish Refugee Council', 'DRC')),
    Known(6, 'UNDP', ('United Nations Development Programme', 'UNDP')),
]
SECTORS = [Known(code, code, (code,)) for code in ('Protection', 'Health', 'Education', 'Justice', 'Police')]


def scaled_copy(source: Path, scale: int, folder: str) -> Path:
    """The table with its data rows written ``scale`` times; copy n gets P-codes ending in n."""
    lines = source.read_text(encoding='utf-8-sig').splitlines(keepends=True)
    path = Path(folder) / f'afghanistan-x{scale}.csv'
    with open(path, 'w', encoding='utf-8') as out:
        out.writelines(lines[:2])
        for copy in range(scale):
            for line in lines[2:]:
                out.write(PCODE.sub(rf',{copy}\1', line) if copy else line)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--data', type=Path, default=DEFAULT_DATA)
    parser.add_argument('--scale', type=int, default=1)
    parser.add_argument('--store', metavar='ISO3', help='Also store the rows as activities of this country (dry run).')
    options = parser.parse_args()
    if options.store:
        store(options)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = options.data / TABLE if options.scale == 1 else scaled_copy(options.data / TABLE, options.scale, folder)
        started = time.perf_counter()
        table = open_table(path)
        result = preview(table, map_columns(table), Matcher(KNOWN), Matcher(SECTORS))
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f'scale {options.scale}: {result.read} rows read, {result.accepted} accepted, {result.refused} refused, '
        f'{result.duplicates} duplicates; {len(result.organisations)} organisations '
        f'({len(result.unknown_organisations)} unknown), {len(result.sectors)} sectors'
    )
    print(f'read and matched in {elapsed:.2f} s; peak RSS {peak:.0f} MB')


def store(options) -> None:
    """Read, match and store (a dry run) against the development database."""
    import os

    import django

    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ssrhub.settings')
    os.environ.setdefault('SSRHUB_DEBUG', 'false')
    django.setup()
    from ssrhub.coordination.hxl3w.rows import parse_period
    from ssrhub.coordination.hxl_import import create_unknown, organisation_matcher, sector_matcher
    from ssrhub.coordination.threew_store import store_rows
    from ssrhub.core.models import Country

    country = Country.objects.get(iso3=options.store)
    with tempfile.TemporaryDirectory() as folder:
        path = options.data / TABLE if options.scale == 1 else scaled_copy(options.data / TABLE, options.scale, folder)
        started = time.perf_counter()
        table = open_table(path)
        result = preview(
            table, map_columns(table), organisation_matcher(), sector_matcher(), default_period=parse_period('2024Q1')
        )
        read = time.perf_counter() - started

        def decisions(report):
            report.organisations_created = len(create_unknown(result, source=table.file))

        report = store_rows(result, country, file_name=table.file, dry_run=True, before=decisions)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f'scale {options.scale}, {country.iso3}: {result.read} rows read, {result.accepted} accepted; '
        f'{report.created} activities created, {report.updated} updated, {report.unchanged} unchanged, '
        f'{report.organisations_created} organisations created, {report.areas_created} areas created (rolled back)'
    )
    print(
        f'read and matched in {read:.2f} s, stored in {elapsed - read:.2f} s: {elapsed:.2f} s; peak RSS {peak:.0f} MB'
    )


if __name__ == '__main__':
    main()
