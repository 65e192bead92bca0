"""Time the mandate analytics pages (tracks, mandated vs reported, trends), exports and API on a database holding
the whole corpus.

Run by hand after ingesting the 902 resolutions and the demo report on ONUMOZ
(`ssrhub ingest ../shared/data/unsc-resolutions-1946-1994 ssrhub/documents/data/samples/ONUMOZ_report_sample_EN.txt`):
    DATABASE_URL=sqlite:////tmp/corpus.sqlite3 .venv/bin/python bench/mandate_pages.py [--repeat 10]
Logs in as the first superuser or analyst found. Prints median and max milliseconds, queries, bytes per URL.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference_pages import run  # noqa: E402 (sets Django up)

URLS = [
    '/mandates/',
    '/mandates/missions/UNPROFOR/?date=1993-12-31',
    '/mandates/missions/UNPROFOR/timeline.json',
    '/mandates/missions/UNTAC/?date=1993-06-30',
    '/mandates/missions/UNOSOM%20II/in-force.xlsx?date=1994-03-01',
    '/mandates/missions/UNPROFOR/pema-table.csv',
    '/api/mandates/missions/ONUMOZ/in-force/?date=1994-06-30',
    '/api/mandates/missions/UNPROFOR/pema-table/',
    '/api/mandates/missions/UNPROFOR/links/',
    '/mandates/missions/UNPROFOR/carry.csv?level=paragraphs',
    '/mandates/missions/ONUMOZ/matrix/',
    '/mandates/missions/ONUMOZ/matrix/?dimension=support&start=1993-01-01&end=1994-12-31',
    '/mandates/missions/UNOSOM%20II/matrix/?dimension=beneficiary',
    '/mandates/missions/ONUMOZ/matrix/paragraphs/?code=component.police&side=reported',
    '/mandates/missions/ONUMOZ/matrix.xlsx',
    '/api/mandates/missions/ONUMOZ/matrix/',
    '/mandates/trends/',
    '/mandates/trends/?from=1991&to=1994',
    '/mandates/trends/?measure=codes',
    '/mandates/trends/country-specific.csv',
    '/mandates/trends/codes.xlsx',
    '/mandates/trends/force.json?from=1988&to=1994',
    '/api/mandates/trends/',
    '/api/mandates/trends/ssr-language/chart/',
    '/api/mandates/trends/codes/chart/?group=component',
    '/api/mandates/trends/country-specific/chart/?from=1991&to=1994',
]


if __name__ == '__main__':
    run(__doc__.splitlines()[0], URLS, repeat=10, log_in=True)
