"""Health endpoints and metrics (core/health.py, core/metrics.py, core/views/health.py): each readiness check passing
and failing against real servers (a Redis on a free port, one on a closed port, a Celery worker), and who may read
the metrics."""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings as django_settings
from prometheus_client.parser import text_string_to_metric_families

from ssrhub.core.cache import TolerantRedisCache
from ssrhub.core.testing.ports import free_port
from ssrhub.documents.tasks import ingest_path_task

pytestmark = pytest.mark.django_db


def _samples(client, **headers) -> dict[tuple, float]:
    """The scraped metrics as {(name, label items sorted): value}."""
    text = client.get('/metrics', **headers).content.decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def _ready(client):
    response = client.get('/health/ready')
    return response.status_code, response.json()


def test_live_answers_without_asking_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get('/health/live')
    assert response.status_code == 200
    assert response.json() == {'status': 'ok'}


def test_ready_in_the_embedded_mode_checks_database_and_disks(client):
    status, body = _ready(client)
    assert status == 200
    assert body == {
        'status': 'ok',
        'checks': {'database': 'ok', 'media_disk': 'ok', 'var_disk': 'ok'},
    }


def test_ready_fails_when_the_disks_have_less_free_space_than_required(client, settings):
    settings.HEALTH_MIN_FREE_MB = 2**40  # an exbibyte
    status, body = _ready(client)
    assert status == 503
    assert body['checks'] == {'database': 'ok', 'media_disk': 'failing', 'var_disk': 'failing'}


def test_ready_leaves_out_the_media_disk_when_media_are_in_s3(client, settings):
    settings.MEDIA_S3_BUCKET = 'ssrhub-media'
    status, body = _ready(client)
    assert status == 200
    assert list(body['checks']) == ['database', 'var_disk']


def test_ready_fails_when_redis_does_not_answer(client, settings):
    settings.CELERY_BROKER_URL = f'redis://127.0.0.1:{free_port()}/0'
    started = time.perf_counter()
    status, body = _ready(client)
    assert status == 503
    assert body['checks'] == {
        'database': 'ok',
        'redis': 'failing',
        'worker': 'failing',
        'media_disk': 'ok',
        'var_disk': 'ok',
    }
    # The worker is not waited for once Redis has failed.
    assert time.perf_counter() - started < 1.5


def test_ready_fails_when_no_worker_answers(client, settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    settings.HEALTH_WORKER_TIMEOUT = 0.3
    status, body = _ready(client)
    assert status == 503
    assert body['checks']['redis'] == 'ok'
    assert body['checks']['worker'] == 'failing'


def test_ready_passes_with_redis_and_a_worker(client, settings, redis_url, tmp_path):
    settings.CELERY_BROKER_URL = redis_url
    env = {**os.environ, 'SSRHUB_REDIS_URL': redis_url, 'DATABASE_URL': f'sqlite:///{tmp_path / "worker.sqlite3"}'}
    worker = subprocess.Popen(
        [sys.executable, '-m', 'celery', '-A', 'ssrhub', 'worker', '--pool', 'solo', '--loglevel', 'WARNING',
         '--without-heartbeat', '--without-gossip', '--without-mingle'],
        env=env, cwd=django_settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        status, body = _ready(client)
        while status != 200 and time.monotonic() < deadline:
            status, body = _ready(client)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert status == 200, body
    assert body['checks'] == {'database': 'ok', 'redis': 'ok', 'worker': 'ok', 'media_disk': 'ok', 'var_disk': 'ok'}


def test_metrics_count_requests_by_view_and_tasks_by_outcome(client):
    client.get('/health/live')
    ingest_path_task.apply(args=('/nonexistent/file.txt',))  # eager: refused file, the task itself succeeds or fails
    samples = _samples(client)
    assert samples[('ssrhub_http_requests_total', (('method', 'GET'), ('status', '200'), ('view', 'health_live')))] >= 1
    assert samples[('ssrhub_http_request_duration_seconds_count', (('method', 'GET'), ('view', 'health_live')))] >= 1
    outcomes = {labels for name, labels in samples if name == 'ssrhub_celery_tasks_total'}
    # The counters are the process's: tasks other tests ran in it are counted too.
    assert 'ssrhub.documents.ingest_path' in {dict(labels)['task'] for labels in outcomes}


def test_metrics_show_the_queue_length_in_redis(client, settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    redis.Redis.from_url(redis_url).lpush('celery', 'a', 'b', 'c')
    assert _samples(client)[('ssrhub_celery_queue_length', (('queue', 'celery'),))] == 3


def test_metrics_without_a_token_only_from_this_machine(client):
    assert client.get('/metrics').status_code == 200
    assert client.get('/metrics', REMOTE_ADDR='192.0.2.10').status_code == 403
    # Relayed by the proxy: the proxy is on this machine, the client is not.
    assert client.get('/metrics', HTTP_X_FORWARDED_FOR='192.0.2.10').status_code == 403


def test_metrics_with_a_token_only_to_its_bearer(client, settings):
    settings.METRICS_TOKEN = 'a-long-random-token'
    assert client.get('/metrics').status_code == 403
    assert client.get('/metrics', HTTP_AUTHORIZATION='Bearer wrong').status_code == 403
    answer = client.get('/metrics', HTTP_AUTHORIZATION='Bearer a-long-random-token', REMOTE_ADDR='192.0.2.10')
    assert answer.status_code == 200
    assert answer['Content-Type'].startswith('text/plain')


def test_cache_keeps_values_in_redis(redis_url):
    cache = TolerantRedisCache(redis_url, {})
    cache.set('funding', {'gap': 12}, 60)
    assert cache.get('funding') == {'gap': 12}


def test_cache_reads_as_a_miss_when_redis_is_away():
    cache = TolerantRedisCache(f'redis://127.0.0.1:{free_port()}/0', {'OPTIONS': {'socket_connect_timeout': 1}})
    cache.set('funding', {'gap': 12}, 60)
    assert cache.get('funding', 'missing') == 'missing'
    assert cache.get_many(['funding']) == {}
    assert cache.add('funding', 1) is False
