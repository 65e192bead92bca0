"""Readiness checks (``/health/ready``): each returns True when its part of the stack can serve.

A check that does not apply to this deployment (no Redis in the embedded mode, media in an S3 store) is left out.
Failures are logged with their reason; the response itself names only the check, never the error.
"""

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import redis
from celery import Celery
from django.conf import settings
from django.db import connection

__all__ = ['readiness']

logger = logging.getLogger(__name__)


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute('SELECT 1')
        return cursor.fetchone() == (1,)


def _redis() -> bool:
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        return client.ping()
    finally:
        client.close()


def _worker() -> bool:
    # A Celery app of its own: the project's keeps a pool of producers bound to the broker it first met.
    probe = Celery('ssrhub-health', broker=settings.CELERY_BROKER_URL, set_as_current=False)
    probe.conf.broker_connection_timeout = 1
    try:
        return bool(probe.control.ping(timeout=settings.HEALTH_WORKER_TIMEOUT))
    finally:
        probe.close()


def _existing(path: Path) -> Path:
    """The folder itself or, before its first file, the nearest folder above it that exists."""
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _free_space(path: Path) -> Callable[[], bool]:
    return lambda: shutil.disk_usage(_existing(path)).free >= settings.HEALTH_MIN_FREE_MB * 2**20


def _checks() -> dict[str, Callable[[], bool]]:
    checks = {'database': _database}
    if settings.CELERY_BROKER_URL:
        checks |= {'redis': _redis, 'worker': _worker}
    if not settings.MEDIA_S3_BUCKET:
        checks['media_disk'] = _free_space(settings.MEDIA_ROOT)
    checks['var_disk'] = _free_space(settings.VAR_DIR)
    return checks


def readiness() -> dict[str, bool]:
    """Every check's result, in a stable order. A worker is not asked once Redis has failed (the ping would wait)."""
    results = {}
    for name, check in _checks().items():
        if name == 'worker' and not results.get('redis'):
            results[name] = False
            continue
        try:
            results[name] = bool(check())
        except Exception:
            logger.warning('Readiness check %s failed', name, exc_info=True)
            results[name] = False
    return results
