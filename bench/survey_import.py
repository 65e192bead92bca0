"""Survey answers imported from a KoboToolbox XLSX export (submissions sheet and a repeat sheet) and from its CSV:
time and peak memory of the preview and of the import (the Celery task's work, run inline), for 1,000 and 10,000
submissions, in the development database inside a transaction that is rolled back.

Run by hand:
    .venv/bin/python bench/survey_import.py [--sizes 1000 10000]
Prints, per file: the submissions and repeat rows, the file's size, then the time of the preview and of the import
(without tracing), and the peak of Python's allocations during each (``tracemalloc``, a second run). Memory flat
means the peak does not grow with the rows: the reader and the writer keep one chunk of 1,000 rows, not the file.
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ssrhub.settings')

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# As in production: with DEBUG, Django keeps every query's SQL (the bulk inserts' too): not the import's memory.
settings.DEBUG = False

from django.core.files.base import ContentFile  # noqa: E402
from django.db import transaction  # noqa: E402

from ssrhub.core.models import Country  # noqa: E402
from ssrhub.monitoring.models import Submission, Survey, SurveyImport, SurveyVersion  # noqa: E402
from ssrhub.monitoring.store import import_answers, layout_of  # noqa: E402
from ssrhub.monitoring.survey_import import open_answers  # noqa: E402
from ssrhub.monitoring.tests.survey_files import KOBO_VERSION, form_bytes, kobo_xlsx  # noqa: E402
from ssrhub.monitoring.xlsform import read_form  # noqa: E402


class Rollback(Exception):
    pass


def version_of(survey) -> SurveyVersion:
    read = read_form(form_bytes(), validate=False)
    version = SurveyVersion(
        survey=survey, file_name='form.xlsx', form_id=read.form_id, version=read.version, kobo_version=KOBO_VERSION,
        xform=read.xform, structure={'questions': read.questions, 'choices': read.choices},
        identifying=read.identifying, web_form=read.web_form,
    )  # fmt: skip
    version.file.save('bench-form.xlsx', ContentFile(form_bytes()), save=False)
    version.save()
    return version


def run(path: Path, name: str, traced: bool) -> tuple[float, float, int, int, int, int]:
    """(preview s, import s, preview peak, import peak, submissions, repeat rows) in a rolled-back transaction."""
    result = []
    try:
        with transaction.atomic():
            survey = Survey.objects.create(country=Country.objects.get(iso3='LBR'), title=f'Bench {name}')
            version = version_of(survey)
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            with open_answers(path, name, version.form_id) as answers:
                preview = answers.preview(layout_of(version), version.versions_accepted)
            assert not preview.issues, preview.issues[:3]
            preview_time = time.perf_counter() - started
            preview_peak = tracemalloc.get_traced_memory()[1] if traced else 0
            record = SurveyImport(survey=survey, version=version, name=name, source='kobo', total=preview.rows)
            with path.open('rb') as handle:
                record.file.save(name, ContentFile(handle.read()), save=False)
            record.save()
            if traced:
                tracemalloc.reset_peak()
            started = time.perf_counter()
            report = import_answers(record)
            import_time = time.perf_counter() - started
            import_peak = tracemalloc.get_traced_memory()[1] if traced else 0
            if traced:
                tracemalloc.stop()
            assert report.get('created') == preview.rows, report
            assert Submission.objects.filter(survey=survey).count() == preview.rows
            record.file.delete(save=False)
            version.file.delete(save=False)
            result = [preview_time, import_time, preview_peak, import_peak, preview.rows, preview.repeat_rows]
            raise Rollback
    except Rollback:
        pass
    return tuple(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--sizes', type=int, nargs='+', default=[1000, 10000])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            path = Path(folder) / f'kobo-{size}.xlsx'
            path.write_bytes(kobo_xlsx(rows=size))
            preview, imported, _p, _i, rows, repeats = run(path, path.name, traced=False)
            _t, _u, preview_peak, import_peak, _r, _s = run(path, path.name, traced=True)
            print(
                f'{path.name}: {rows} submissions, {repeats} repeat rows, {path.stat().st_size / 1e6:.1f} MB; '
                f'preview {preview:.1f} s (peak {preview_peak / 1e6:.1f} MB), '
                f'import {imported:.1f} s (peak {import_peak / 1e6:.1f} MB); total {preview + imported:.1f} s'
            )


if __name__ == '__main__':
    main()
