"""Answer files for the survey tests, in the formats KoboToolbox and ODK Central export (see
``tests/data/surveys/README.md``): the CSV fixtures as they are, the Kobo XLSX and the ODK Central ZIP built from
them the way each tool lays them out."""

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'surveys'
FORM = Path(__file__).resolve().parents[1] / 'data' / 'forms' / 'public-trust-in-security-services.xlsx'
KOBO_VERSION = 'vAbCdEf2026a'
SHEET = 'Public trust in security servi'  # Kobo cuts the form title to Excel's 31 characters


def form_bytes() -> bytes:
    return FORM.read_bytes()


def kobo_csv() -> bytes:
    return (DATA / 'kobo-public-trust.csv').read_bytes()


def odk_zip(drop_repeat: bool = False, extra_column: str = '') -> bytes:
    """The ODK Central export (``<form>.csv`` and ``<form>-incidents.csv``) as Central zips it."""
    main = (DATA / 'odk' / 'ssr_public_trust.csv').read_text()
    if extra_column:
        lines = main.splitlines()
        main = '\n'.join([lines[0] + f',{extra_column}'] + [line + ',x' for line in lines[1:]]) + '\n'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        archive.writestr('ssr_public_trust.csv', main)
        if not drop_repeat:
            archive.writestr(
                'ssr_public_trust-incidents.csv', (DATA / 'odk' / 'ssr_public_trust-incidents.csv').read_text()
            )
    return buffer.getvalue()


def kobo_xlsx(rows: int | None = None, version: str = KOBO_VERSION) -> bytes:
    """A KoboToolbox XLSX export: the submissions on the first sheet (the CSV fixture's columns, cycled to ``rows``
    rows with new ids), and the sheet ``incidents`` joined by ``_parent_index`` (two incidents per victim)."""
    reader = csv.reader(io.StringIO(kobo_csv().decode('utf-8-sig')), delimiter=';')
    header, *records = list(reader)
    total = rows or len(records)
    workbook = Workbook(write_only=True)
    main = workbook.create_sheet(SHEET)
    main.append(header)
    incidents = workbook.create_sheet('incidents')
    incidents.append(['experience/incidents/incident_type', 'experience/incidents/incident_date',
                      'experience/incidents/incident_reported', 'experience/incidents/why_not_reported', '_index',
                      '_parent_table_name', '_parent_index', '_submission__id', '_submission__uuid'])  # fmt: skip
    uuid_at, index_at, victim_at, version_at = (
        header.index(name) for name in ('_uuid', '_index', 'experience/victim', '__version__')
    )
    incident = 0
    for number in range(1, total + 1):
        record = list(records[(number - 1) % len(records)])
        record[uuid_at] = f'{number:08d}-0000-4000-8000-{number:012d}'
        record[index_at] = str(number)
        record[version_at] = version
        main.append(record)
        if record[victim_at] == 'yes':
            for kind, reported in (('theft', 'yes'), ('assault', 'no')):
                incident += 1
                why = '' if reported == 'yes' else 'fear'
                parent = [SHEET, str(number), str(number), record[uuid_at]]
                incidents.append([kind, '2026-10-01', reported, why, str(incident), *parent])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def require_java() -> None:
    """ODK Validate runs on Java: skipped locally without it, failed in CI (which installs default-jre-headless)."""
    import os
    import shutil

    import pytest

    if shutil.which('java') is None:
        if os.environ.get('CI') == 'true':
            pytest.fail('ODK Validate needs Java: install default-jre-headless')
        pytest.skip('ODK Validate needs Java (Debian default-jre-headless)')
