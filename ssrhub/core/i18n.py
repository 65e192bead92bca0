"""Helpers for records that carry their text in both UI languages.

Reference data has both languages in ``<field>_en``/``<field>_fr`` (:func:`localized`). Workspace records keep the
text as recorded in ``<field>`` and the official French name, when there is one, in ``<field>_fr``
(:func:`translated`).
"""

from django.utils.translation import get_language

__all__ = ['localized', 'translated']

FALLBACK_LANGUAGE = 'en'


def _language() -> str:
    return (get_language() or FALLBACK_LANGUAGE).split('-')[0]


def localized(obj, field: str) -> str:
    """Return ``obj.<field>_<active language>``, falling back to English when that is empty."""
    value = getattr(obj, f'{field}_{_language()}', '') or ''
    return value or getattr(obj, f'{field}_{FALLBACK_LANGUAGE}', '') or ''


def translated(obj, field: str) -> str:
    """Return ``obj.<field>_<active language>`` when the record has it, else ``obj.<field>`` as recorded."""
    language = _language()
    value = getattr(obj, f'{field}_{language}', '') if language != FALLBACK_LANGUAGE else ''
    return value or getattr(obj, field) or ''
