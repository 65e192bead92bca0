"""Ingest (extract, segment, code, save) a corpus into a fresh SQLite database; report time and memory.

Run by hand from the project root:
    .venv/bin/python bench/ingest_corpus.py [--texts DIR] [--limit N] [--database PATH]
Prints files, paragraphs, codes, wall seconds, files per second and the peak resident memory. Run it
with --limit 225, 450 and 902 to check that time grows linearly and memory stays flat.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / 'shared' / 'data' / 'unsc-resolutions-1946-1994'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--texts', type=Path, default=DEFAULT_TEXTS)
    parser.add_argument('--limit', type=int, help='only the first N files (sorted by name)')
    parser.add_argument('--database', type=Path, help='SQLite file to create (default: a temporary one)')
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix='ssrhub-bench-'))
    database = args.database or workdir / 'bench.sqlite3'
    files = sorted(args.texts.glob('*.txt'))[: args.limit]
    batch = workdir / 'corpus'
    batch.mkdir()
    for path in files:
        (batch / path.name).symlink_to(path.resolve())
    env = {
        **os.environ,
        'DATABASE_URL': f'sqlite:///{database}',
        'SSRHUB_MEDIA_ROOT': str(workdir / 'media'),
        'DJANGO_SETTINGS_MODULE': 'ssrhub.settings',
    }
    ssrhub = [sys.executable, '-m', 'ssrhub.cli']
    subprocess.run([*ssrhub, 'migrate', '--verbosity', '0'], env=env, check=True, cwd=ROOT)
    started = time.perf_counter()
    result = subprocess.run(
        [*ssrhub, 'ingest', str(batch), '--verbosity', '0'],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    count_rows = (
        'from ssrhub.documents.models import Paragraph; from ssrhub.coding.models import CodeAssignment; '
        'print(Paragraph.objects.count(), CodeAssignment.objects.count())'
    )
    counts = subprocess.run(
        [*ssrhub, 'shell', '--no-imports', '-c', count_rows],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    print(result.stdout.strip())
    print(
        f'files {len(files)}  paragraphs {counts[0]}  codes {counts[1]}  wall {elapsed:.1f} s  '
        f'{len(files) / elapsed:.0f} files/s  peak RSS {peak_mib:.0f} MiB  '
        f'database {database.stat().st_size / 2**20:.1f} MiB'
    )


if __name__ == '__main__':
    main()
