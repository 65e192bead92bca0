"""Celery application.

In the embedded mode (no ``SSRHUB_REDIS_URL``) tasks run inline in the calling process, so the
same code path serves a laptop and a production deployment with a Redis broker and workers.
"""

import os

from celery import Celery

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ssrhub.settings')

app = Celery('ssrhub')
app.config_from_object('django.conf:settings', namespace='CELERY')
app.autodiscover_tasks()
