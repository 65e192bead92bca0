"""3W import: read, check and match the 10,902-row Afghanistan table, and show that memory stays flat when the
table is ten times larger.

Run by hand (no database needed):
    .venv/bin/python bench/hxl_import.py [--data ../shared/data] [--scale 10]
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
    options = parser.parse_args()
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


if __name__ == '__main__':
    main()
