"""Helpers for records that carry their text in both UI languages (``label_en``/``label_fr``)."""

from django.utils.translation import get_language

__all__ = ['localized']

FALLBACK_LANGUAGE = 'en'


def localized(obj, field: str) -> str:
    """Return ``obj.<field>_<active language>``, falling back to English when that is empty."""
    language = (get_language() or FALLBACK_LANGUAGE).split('-')[0]
    value = getattr(obj, f'{field}_{language}', '') or ''
    return value or getattr(obj, f'{field}_{FALLBACK_LANGUAGE}', '') or ''
