"""Fault: Redis stopped. Passes when /health/ready turns 503 naming Redis (and the worker, which it reaches through
Redis), while pages, the search (its vocabulary is cached in Redis) and login still serve, and an upload is refused
with a 503 that says why, keeping no file (media under $SSRHUB_MEDIA_ROOT).

    redis_stop.py --redis-pid PID     (.ci/stack starts Redis again afterwards)
"""

import argparse
import json
import os
import signal
import time
import uuid
from pathlib import Path

from client import Client, fail

UPLOAD = '/documents/upload/'
QUEUE_DOWN = 'The background queue cannot be reached'
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
    check_upload_refused(client)
    print('Redis stop: passed')


def check_upload_refused(client: Client) -> None:
    filename = f'redis-stop-{uuid.uuid4().hex}.txt'
    fields = {'csrfmiddlewaretoken': client.csrf_token(UPLOAD), 'symbol': ''}
    content = b'Security sector reform: a short text uploaded while the queue is down.\n'
    status, _h, page = client.post_file(UPLOAD, fields, 'file', filename, content)
    if status != 503 or QUEUE_DOWN not in page:
        fail(f'upload with Redis stopped: {status}, expected 503 saying "{QUEUE_DOWN}"')
    kept = [path for path in Path(os.environ['SSRHUB_MEDIA_ROOT']).rglob('*') if Path(filename).stem in path.name]
    if kept:
        fail(f'the refused upload left files behind: {kept}')
    print(f'ok  upload refused: {status} "{QUEUE_DOWN}...", no file kept')


if __name__ == '__main__':
    main()
