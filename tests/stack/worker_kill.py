"""Fault: a Celery worker killed (SIGKILL, with its pool) in the middle of a 100-file ingest, then started again.
Passes when the ingest command still ends with every file accounted for and the stored counts (documents, versions,
paragraphs, codes) equal those of a clean run of the same files into another empty database.

    worker_kill.py --work DIR --pg-bin DIR --pg-port PORT --template DATABASE
Uses its own two databases (copies of the empty, migrated template), Redis database 1 and workers of its own.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from client import fail

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / 'ssrhub' / 'documents' / 'data' / 'corpus' / 'unsc-1946-1994'
FILES = 100
KILL_AFTER = 25  # documents stored when the worker is killed
COUNTS = (
    'SELECT (SELECT count(*) FROM documents_document), (SELECT count(*) FROM documents_documentversion), '
    '(SELECT count(*) FROM documents_paragraph), (SELECT count(*) FROM coding_codeassignment)'
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--work', type=Path, required=True)
    parser.add_argument('--pg-bin', type=Path, required=True)
    parser.add_argument('--pg-port', required=True)
    parser.add_argument('--template', required=True)
    args = parser.parse_args()
    postgres = ['runuser', '-u', 'postgres', '--']
    at = ['-h', '127.0.0.1', '-p', args.pg_port]

    def database(name: str) -> str:
        subprocess.run([*postgres, args.pg_bin / 'dropdb', *at, '--if-exists', name], check=True)
        subprocess.run([*postgres, args.pg_bin / 'createdb', *at, '-T', args.template, name], check=True)
        return f'postgres://postgres@127.0.0.1:{args.pg_port}/{name}'

    def counts(name: str) -> tuple[int, ...]:
        out = subprocess.run(
            [args.pg_bin / 'psql', *at, '-U', 'postgres', '-d', name, '-tAc', COUNTS],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return tuple(int(value) for value in out.stdout.strip().split('|'))

    folder = args.work / 'hundred'
    folder.mkdir(exist_ok=True)
    for path in sorted(CORPUS.glob('S_RES_*.txt'))[:FILES]:
        (folder / path.name).unlink(missing_ok=True)
        (folder / path.name).symlink_to(path)
    ingest = [sys.executable, '-m', 'ssrhub.cli', 'ingest', str(folder), '--verbosity', '0']
    base = {key: value for key, value in os.environ.items() if key != 'PROMETHEUS_MULTIPROC_DIR'}

    # The clean run: inline, no Redis.
    clean_env = {key: value for key, value in base.items() if key != 'SSRHUB_REDIS_URL'}
    clean_env |= {'DATABASE_URL': database('ssrhub_clean'), 'SSRHUB_MEDIA_ROOT': str(args.work / 'media-clean')}
    started = time.monotonic()
    subprocess.run(ingest, env=clean_env, cwd=ROOT, check=True, capture_output=True)
    print(f'clean run: {FILES} files inline in {time.monotonic() - started:.1f} s, counts {counts("ssrhub_clean")}')

    redis_url = base['SSRHUB_REDIS_URL'].rsplit('/', 1)[0] + '/1'
    fault_env = base | {
        'DATABASE_URL': database('ssrhub_fault'),
        'SSRHUB_MEDIA_ROOT': str(args.work / 'media-fault'),
        'SSRHUB_REDIS_URL': redis_url,
    }
    worker_command = [sys.executable, '-m', 'celery', '-A', 'ssrhub', 'worker', '--concurrency', '2',
                      '--loglevel', 'WARNING', '--without-gossip', '--without-mingle']  # fmt: skip

    def worker(log: str) -> subprocess.Popen:
        return subprocess.Popen(
            worker_command, env=fault_env, cwd=ROOT, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=(args.work / log).open('w'),
        )  # fmt: skip

    first = worker('fault-worker-1.log')
    started = time.monotonic()
    command = subprocess.Popen(
        ingest, env=fault_env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    while counts('ssrhub_fault')[0] < KILL_AFTER:
        if time.monotonic() - started > 300:
            fail('the worker stored too few documents in 300 s')
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    at_kill = counts('ssrhub_fault')
    print(f'worker killed with {at_kill[0]} of {FILES} documents stored')
    if at_kill[0] >= FILES:
        fail('the ingest was over before the worker was killed')
    second = worker('fault-worker-2.log')
    try:
        stdout, stderr = command.communicate(timeout=600)
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=60)
    elapsed = time.monotonic() - started
    print(f'fault run: {stdout.strip()} in {elapsed:.1f} s (kill and retry included)')
    if command.returncode:
        fail(f'the ingest command failed: {stderr[-2000:]}')
    clean, fault = counts('ssrhub_clean'), counts('ssrhub_fault')
    if clean != fault:
        fail(f'counts (documents, versions, paragraphs, codes) differ: clean {clean}, after the kill {fault}')
    print(f'counts match: {fault}')
    print('worker kill: passed')


if __name__ == '__main__':
    main()
