"""Fault: PostgreSQL restarted during a burst of requests. Passes when requests fail only while the database is
down (plus a short grace for connections in flight) and then with a 503 that says so (not a 500), the next 20
requests after that succeed, and gunicorn's master process is the same one (it was not restarted).

    postgres_restart.py --gunicorn-pid PID -- <command that restarts PostgreSQL>
"""

import argparse
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request

from client import BASE_URL, fail

PAGE = '/countries/'
CLIENTS = 4
BEFORE = 2.0
GRACE = 1.0
# After the restart, until this many requests have been answered (or a minute has passed).
AFTER_REQUESTS = 20


def burst(results: list, stop: threading.Event) -> None:
    while not stop.is_set():
        started = time.monotonic()
        request = urllib.request.Request(BASE_URL + PAGE, headers={'X-Forwarded-Proto': 'https'})
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        results.append((started, time.monotonic(), status))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--gunicorn-pid', type=int, required=True)
    parser.add_argument('restart', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.restart[1:] if args.restart[:1] == ['--'] else args.restart
    results, stop = [], threading.Event()
    threads = [threading.Thread(target=burst, args=(results, stop)) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(BEFORE)
    outage_start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    outage_end = time.monotonic()
    deadline = outage_end + 60
    while sum(start > outage_end + GRACE for start, _e, _s in results) < AFTER_REQUESTS and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()

    failed = [(start, end, status) for start, end, status in results if status != 200]
    outside = [r for r in failed if r[1] < outage_start or r[0] > outage_end + GRACE]
    after = [r for r in results if r[0] > outage_end + GRACE]
    print(
        f'{len(results)} requests, {len(failed)} failed (statuses {sorted({r[2] for r in failed})}); '
        f'restart took {outage_end - outage_start:.1f} s; {len(after)} requests after it'
    )
    if outside:
        fail(f'{len(outside)} requests failed outside the outage: {outside[:5]}')
    if any(status != 503 for _s, _e, status in failed):
        fail(f'requests failed with other statuses than 503 (database unreachable): {sorted({r[2] for r in failed})}')
    if len(after) < AFTER_REQUESTS or any(status != 200 for _s, _e, status in after):
        fail(f'the site did not recover after the restart: statuses after it {[r[2] for r in after]}')
    try:
        os.kill(args.gunicorn_pid, 0)
    except ProcessLookupError:
        fail('gunicorn master is gone')
    print('PostgreSQL restart: passed')


if __name__ == '__main__':
    main()
