"""Production mode: `ssrhub ingest` fans the files out as Celery tasks to a worker through Redis.

Everything runs in subprocesses against a file database, as a deployment would: a Redis server on
a free loopback port, one Celery worker, and the ingest command waiting for the tasks.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

RESOLUTIONS = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'


def test_ingest_runs_as_celery_tasks_on_a_worker(tmp_path, redis_url):
    env = {
        **os.environ,
        'DATABASE_URL': f'sqlite:///{tmp_path / "celery.sqlite3"}',
        'SSRHUB_REDIS_URL': redis_url,
        'SSRHUB_MEDIA_ROOT': str(tmp_path / 'media'),
        'DJANGO_SETTINGS_MODULE': 'ssrhub.settings',
    }
    ssrhub = [sys.executable, '-m', 'ssrhub.cli']
    run = {'env': env, 'cwd': settings.BASE_DIR, 'capture_output': True, 'text': True, 'timeout': 300}
    subprocess.run([*ssrhub, 'migrate', '--verbosity', '0'], check=True, **run)
    folder = tmp_path / 'batch'
    folder.mkdir()
    for source in sorted(RESOLUTIONS.glob('S_RES_08[0-1]*.txt')):
        shutil.copy(source, folder / source.name)
    worker_log = tmp_path / 'worker.log'
    worker = subprocess.Popen(
        [sys.executable, '-m', 'celery', '-A', 'ssrhub', 'worker', '--concurrency', '2', '--pool', 'prefork',
         '--loglevel', 'WARNING', '--without-heartbeat', '--without-gossip', '--without-mingle'],
        env=env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=worker_log.open('w'),
    )  # fmt: skip
    try:
        result = subprocess.run([*ssrhub, 'ingest', str(folder), '--verbosity', '0'], **run)
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    files = len(list(folder.iterdir()))
    assert result.returncode == 0, result.stderr + worker_log.read_text()
    assert f'{files} files: {files} created' in result.stdout
    count = subprocess.run(
        [
            *ssrhub,
            'shell',
            '--no-imports',
            '-c',
            'from ssrhub.documents.models import Document; print(Document.objects.count())',
        ],
        check=True,
        **run,
    )
    assert count.stdout.strip() == str(files)
