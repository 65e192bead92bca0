"""Time the country workspace pages, exports, PDF brief and API on the demo database.

Run by hand after `make run` has set up the demo (or `ssrhub setup --demo` on any DATABASE_URL):
    .venv/bin/python bench/workspace_pages.py [--repeat 10]
Logs in as the first superuser or the demo analyst. Prints median and max milliseconds, queries, bytes per URL.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference_pages import run  # noqa: E402 (sets Django up)

from ssrhub.countries.models import NationalDocument  # noqa: E402

LIBERIA_PLAN = NationalDocument.objects.filter(country__iso3='LBR', kind='plan').first()
CAR_PLAN = NationalDocument.objects.filter(country__iso3='CAF', kind='plan', actions__isnull=False).first()
URLS = [
    '/countries/CAF/workspace/',
    '/countries/CAF/workspace/engagement/',
    '/countries/CAF/workspace/actors/',
    '/countries/CAF/workspace/actors/graph.json',
    '/countries/CAF/workspace/actors/export.xlsx',
    '/countries/CAF/workspace/assessments/',
    '/countries/CAF/workspace/documents/',
    f'/countries/CAF/workspace/documents/{CAR_PLAN.pk}/',
    f'/countries/LBR/workspace/documents/{LIBERIA_PLAN.pk}/',
    f'/countries/LBR/workspace/documents/{LIBERIA_PLAN.pk}/checks.json',
    '/countries/CAF/workspace/timeline/',
    '/countries/CAF/workspace/timeline/chart.json',
    '/countries/CAF/workspace/brief/',
    '/countries/CAF/workspace/brief.pdf?lang=fr',
]

if __name__ == '__main__':
    run(__doc__.splitlines()[0], URLS, repeat=10, log_in=True)
