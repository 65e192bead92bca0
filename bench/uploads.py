"""Uploads: what refusing a hostile file costs, and a normal upload end to end.

Run by hand (the development database; a temporary media folder; the stored upload is rolled back):
    .venv/bin/python bench/uploads.py
Prints, for the Word file with 2 million empty paragraphs (built here, about 200 KB) and for a Word file whose ZIP
headers lie about a member inflating to 200 MB, and for one whose member honestly inflates to 300 MB (over the
250 MB limit): the wall time of the refusal by ``ingest_bytes`` with the default
limits (the reading runs in its bounded child process), the peak resident memory of that child and the peak of the
parent's Python allocations. Then the wall time of a normal upload end to end (POST to /documents/upload/, the job
run inline as in the embedded mode, the job's page) for resolution 2151 (2014), 17,866 bytes changed by a space,
first in the process (which loads the codebook) and next.
"""

import os
import resource
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

settings.DEBUG = False
settings.MEDIA_ROOT = tempfile.mkdtemp(prefix='ssrhub-bench-media-')
settings.ALLOWED_HOSTS = ['testserver']

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from ssrhub.documents.ingest import ingest_bytes  # noqa: E402
from ssrhub.documents.tests.test_extract import _docx_bytes  # noqa: E402
from ssrhub.documents.tests.test_limits import (  # noqa: E402
    MB,
    declaring,
    many_paragraphs_docx,
    with_member,
)

SAMPLE = Path(__file__).resolve().parents[1] / 'ssrhub' / 'documents' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


class Rollback(Exception):
    pass


def refusal(name: str, data: bytes) -> None:
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    outcome = ingest_bytes(data, name)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f'{name}: {len(data):,} bytes, {outcome.status} ({outcome.code or outcome.message}) in {seconds:.2f} s; '
        f'child peak RSS {child / 1024:.0f} MB (before: {children_before / 1024:.0f} MB; the parent it was forked '
        f'from: {parent / 1024:.0f} MB), parent Python peak {peak / MB:.1f} MB'
    )


def upload_end_to_end(label: str, content: bytes) -> None:
    user = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.get(username='admin')
    client = Client()
    client.force_login(user)
    try:
        with transaction.atomic():
            started = time.perf_counter()
            response = client.post('/documents/upload/', {'file': SimpleUploadedFile('bench.txt', content)})
            page = client.get(response['Location'])
            seconds = time.perf_counter() - started
            print(
                f'normal upload end to end, {label}: {response.status_code} then {page.status_code} in {seconds:.2f} s'
            )
            raise Rollback
    except Rollback:
        pass


def main() -> None:
    refusal('many.docx', many_paragraphs_docx())
    padded = with_member(_docx_bytes(), 'word/media/padding.bin', bytes(200 * MB))
    refusal('lying.docx', declaring(padded, 'word/media/padding.bin', 1000))
    refusal('inflating.docx', with_member(_docx_bytes(), 'word/media/padding.bin', bytes(300 * MB)))
    text = SAMPLE.read_bytes()
    # The first in a process loads the codebook (once per process); the next is what a running worker spends.
    upload_end_to_end('first in the process', text.replace(b'Decides', b'Decides  ', 1))
    upload_end_to_end('next', text.replace(b'Decides', b'Decides   ', 1))


if __name__ == '__main__':
    main()
