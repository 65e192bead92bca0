"""ssrhub: open-source platform for security sector reform support."""

from .celery import app as celery_app

__all__ = ['celery_app']
