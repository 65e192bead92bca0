"""Prometheus metrics: requests by view, method and status with their latency, Celery tasks by outcome, and the
length of the Celery queues in Redis (read when scraped).

Under gunicorn and Celery's prefork pool every process counts for itself: with ``PROMETHEUS_MULTIPROC_DIR`` set (the
same folder for the web and worker processes, emptied before they start: deploy/gunicorn.conf.py) the processes
write their values there and ``/metrics`` adds them up. Without it (one process) the values are the process's own.
"""

import os
import time

import redis
from celery import current_app
from celery.signals import task_failure, task_retry, task_success
from django.conf import settings
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

__all__ = ['RequestMetricsMiddleware', 'exposition']

REQUESTS = Counter('ssrhub_http_requests', 'HTTP requests answered', ['view', 'method', 'status'])
LATENCY = Histogram(
    'ssrhub_http_request_duration_seconds',
    'Time to answer an HTTP request',
    ['view', 'method'],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
TASKS = Counter('ssrhub_celery_tasks', 'Celery tasks finished or retried', ['task', 'outcome'])
# Kombu keeps a queue's messages of priority 3, 6 and 9 in lists beside the plain one.
PRIORITY_SUFFIXES = ('', '\x06\x163', '\x06\x166', '\x06\x169')
# A view name per URL pattern keeps the label set small: unmatched paths (404s, scanners) share one.
UNMATCHED = '<unmatched>'


class RequestMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, 'resolver_match', None)
        view = match.view_name if match else UNMATCHED
        LATENCY.labels(view, request.method).observe(time.perf_counter() - started)
        REQUESTS.labels(view, request.method, str(response.status_code)).inc()
        return response


def _task_name(sender) -> str:
    return getattr(sender, 'name', None) or str(sender)


@task_success.connect
def _count_success(sender=None, **kwargs):
    TASKS.labels(_task_name(sender), 'success').inc()


@task_failure.connect
def _count_failure(sender=None, **kwargs):
    TASKS.labels(_task_name(sender), 'failure').inc()


@task_retry.connect
def _count_retry(sender=None, **kwargs):
    TASKS.labels(_task_name(sender), 'retry').inc()


class QueueLengthCollector:
    """Messages waiting in each Celery queue (Redis LLEN), read at every scrape; nothing when Redis cannot answer."""

    def collect(self):
        if not settings.CELERY_BROKER_URL:
            return
        queues = {current_app.conf.task_default_queue, *(queue.name for queue in current_app.conf.task_queues or ())}
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1)
        try:
            lengths = {queue: sum(client.llen(queue + suffix) for suffix in PRIORITY_SUFFIXES) for queue in queues}
        except redis.RedisError:
            return
        finally:
            client.close()
        family = GaugeMetricFamily('ssrhub_celery_queue_length', 'Celery messages waiting in a queue', labels=['queue'])
        for queue, length in sorted(lengths.items()):
            family.add_metric([queue], length)
        yield family


def exposition() -> bytes:
    """The metrics in Prometheus' text format."""
    registry = CollectorRegistry()
    if os.environ.get('PROMETHEUS_MULTIPROC_DIR'):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REGISTRY)
    registry.register(QueueLengthCollector())
    return generate_latest(registry)
