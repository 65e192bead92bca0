"""Import an IATI file (validated against the 2.03 schema, stored) into a fresh SQLite database; report time and
peak memory of the import process.

Run by hand from the project root:
    .venv/bin/python bench/iati_import.py [--file PATH] [--copies N]
``--copies 10`` imports a file ten times larger, made by repeating every activity with new identifiers: the wall
time should grow about tenfold and the peak memory stay flat (the reader streams the file). ``--again`` then imports
the file a second time with every activity's last-updated date a year later, so that every stored activity is
replaced (its parts removed and written again, with their history).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT.parent / 'shared' / 'data' / 'iati' / 'dportal-covid-export-2.03.xml'
ACTIVITY = re.compile(r'<iati-activity[\s>].*?</iati-activity>', re.S)
IDENTIFIER = re.compile(r'(<iati-identifier>)(.*?)(</iati-identifier>)', re.S)
UPDATED = re.compile(r'last-updated-datetime="(\d{4})-')


def larger(source: Path, copies: int, target: Path) -> int:
    """Write ``source`` with its activities repeated ``copies`` times, each copy with new identifiers."""
    text = source.read_text(encoding='utf-8')
    activities = ACTIVITY.findall(text)
    head = text[: text.index(activities[0])]
    with target.open('w', encoding='utf-8') as out:
        out.write(head)
        for copy in range(copies):
            for activity in activities:
                out.write(IDENTIFIER.sub(rf'\g<1>\g<2>-COPY{copy}\g<3>', activity, count=1) if copy else activity)
                out.write('\n')
        out.write('</iati-activities>\n')
    return len(activities) * copies


def run(command, env, log: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak resident MiB, exit status) of one child process; its output goes to ``log``
    (a pipe would fill up with the report of a large file while the child is waited for)."""
    started = time.perf_counter()
    with log.open('wb') as output:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    print(log.read_text(encoding='utf-8').splitlines()[0])
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--file', type=Path, default=DEFAULT_FILE)
    parser.add_argument('--copies', type=int, default=1)
    parser.add_argument('--again', action='store_true', help='import it again, every activity newer')
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix='ssrhub-bench-'))
    source = args.file
    if args.copies > 1:
        source = workdir / f'iati-x{args.copies}.xml'
        count = larger(args.file, args.copies, source)
        print(f'{source.name}: {count} activities, {source.stat().st_size / 1024 / 1024:.1f} MB')
    env = {
        **os.environ,
        'DATABASE_URL': f'sqlite:///{workdir / "bench.sqlite3"}',
        'SSRHUB_MEDIA_ROOT': str(workdir / 'media'),
        'DJANGO_SETTINGS_MODULE': 'ssrhub.settings',
    }
    ssrhub = [sys.executable, '-m', 'ssrhub.cli']
    subprocess.run([*ssrhub, 'migrate', '--verbosity', '0'], env=env, check=True, cwd=ROOT)
    load = 'from ssrhub.core.loading import LoadReport, load_countries; load_countries(LoadReport())'
    subprocess.run([*ssrhub, 'shell', '--no-imports', '-c', load], env=env, check=True, cwd=ROOT)
    elapsed, cpu, peak, status = run([*ssrhub, 'iati', 'import', str(source)], env, workdir / 'import.log')
    print(f'import: {elapsed:.1f} s wall, {cpu:.1f} s CPU, peak resident memory {peak:.0f} MiB, exit status {status}')
    if args.again:
        newer = workdir / f'newer-{source.name}'
        text = source.read_text(encoding='utf-8')
        newer.write_text(UPDATED.sub(lambda m: f'last-updated-datetime="{int(m[1]) + 1}-', text), encoding='utf-8')
        elapsed, cpu, peak, status = run([*ssrhub, 'iati', 'import', str(newer)], env, workdir / 'again.log')
        print(f'again: {elapsed:.1f} s wall, {cpu:.1f} s CPU, peak resident memory {peak:.0f} MiB, status {status}')


if __name__ == '__main__':
    main()
