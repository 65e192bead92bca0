"""Fault: Redis stopped. Passes when /health/ready turns 503 naming Redis (and the worker, which it reaches through
Redis), while pages, the search (its vocabulary is cached in Redis) and login still serve.

    redis_stop.py --redis-pid PID     (.ci/stack starts Redis again afterwards)
"""

import argparse
import json
import os
import signal
import time

from client import Client, fail

PAGES = ['/', '/countries/', '/documents/', '/paragraphs/?q=police', '/search/?q=police']


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--redis-pid', type=int, required=True)
    args = parser.parse_args()
    os.kill(args.redis_pid, signal.SIGTERM)
    client = Client()
    deadline = time.monotonic() + 15
    while True:
        status, _h, body = client.get('/health/ready')
        checks = json.loads(body)['checks']
        # Redis takes a moment to shut down; the worker's ping may fail first.
        if checks['redis'] == 'failing' or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    if status != 503 or checks['redis'] != 'failing' or checks['database'] != 'ok':
        fail(f'/health/ready with Redis stopped: {status} {body}')
    print(f'/health/ready: {status} {body}')
    client.log_in('analyst')
    for path in PAGES:
        status, _h, page = client.get(path)
        if status != 200:
            fail(f'{path} with Redis stopped: {status}')
        print(f'ok  {path}: {status}')
    print('Redis stop: passed')


if __name__ == '__main__':
    main()
