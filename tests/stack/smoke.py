"""Smoke test of the running stack: health, login, pages, the API, a task queued to the worker reaching its result,
and the metrics counting what happened. Run by .ci/stack with the stack's environment."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from client import Client, fail
from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[2]
# Not among the demo's documents: it is stored by the worker.
NEW_DOCUMENT = ROOT / 'tests' / 'data' / 'unsc-resolutions-1946-1994' / 'S_RES_1454_2002_EN_GOLD.txt'
PAGES = ['/', '/countries/', '/documents/', '/paragraphs/?q=police', '/search/?q=police', '/mandates/']


def check(condition: bool, message: str) -> None:
    if not condition:
        fail(message)
    print(f'ok  {message}')


def main() -> None:
    anonymous = Client()
    status, _h, body = anonymous.get('/health/live')
    check(status == 200 and json.loads(body) == {'status': 'ok'}, '/health/live answers')
    status, _h, body = anonymous.get('/health/ready')
    check(status == 200 and set(json.loads(body)['checks'].values()) == {'ok'}, f'/health/ready passes: {body}')
    status, _h, _b = anonymous.get('/metrics', headers={'X-Forwarded-For': '192.0.2.1'})
    check(status == 403, '/metrics refused without the token')

    analyst = Client()
    analyst.log_in('analyst')
    for path in PAGES:
        status, _h, page = analyst.get(path)
        check(status == 200 and 'analyst' in page, f'{path} as analyst: {status}')
    status, _h, body = analyst.get('/api/documents/documents/?page_size=1')
    documents = json.loads(body)['count'] if status == 200 else 0
    check(documents >= 902, f'API with the session: {documents} documents')

    ingest = subprocess.run(
        [sys.executable, '-m', 'ssrhub.cli', 'ingest', str(NEW_DOCUMENT), '--verbosity', '0'],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    check(
        ingest.returncode == 0 and re.search(r'1 files: 1 (created|unchanged)', ingest.stdout),
        f'a task queued to the worker reached its result: {ingest.stdout.strip()} {ingest.stderr.strip()[-300:]}',
    )
    status, _h, body = analyst.get('/api/documents/documents/?page_size=1&q=1454')
    check(status == 200, 'the stored document is in the API')

    token = {'Authorization': f'Bearer {os.environ["SSRHUB_METRICS_TOKEN"]}'}
    status, _h, metrics = anonymous.get('/metrics', headers=token)
    check(status == 200, '/metrics with the token')
    samples = [
        (sample.name, sample.labels, sample.value)
        for family in text_string_to_metric_families(metrics)
        for sample in family.samples
    ]

    def value(name: str, **labels) -> float:
        return sum(v for n, found, v in samples if n == name and labels.items() <= found.items())

    check(value('ssrhub_http_requests_total', view='home', method='GET', status='200') >= 1, 'request counter by view')
    check(value('ssrhub_http_request_duration_seconds_count', view='home') >= 1, 'latency histogram')
    check(
        value('ssrhub_celery_tasks_total', task='ssrhub.documents.ingest_path', outcome='success') >= 1,
        'task success counter (from the worker process)',
    )
    check(any(n == 'ssrhub_celery_queue_length' for n, _l, _v in samples), 'queue length')
    print('smoke test passed')


if __name__ == '__main__':
    main()
