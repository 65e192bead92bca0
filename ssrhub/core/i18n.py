"""Helpers for records that carry their text in both UI languages.

Reference data has both languages in ``<field>_en``/``<field>_fr`` (:func:`localized`). Workspace records keep the
text as recorded in ``<field>`` and the official French name, when there is one, in ``<field>_fr``
(:func:`translated`).
"""

import unicodedata

from django.utils.translation import get_language

__all__ = ['get_language_code', 'localized', 'sort_key', 'translated']

FALLBACK_LANGUAGE = 'en'


def get_language_code() -> str:
    """The active UI language without its region: 'en' or 'fr'."""
    return (get_language() or FALLBACK_LANGUAGE).split('-')[0]


def localized(obj, field: str) -> str:
    """Return ``obj.<field>_<active language>``, falling back to English when that is empty."""
    language = get_language_code()
    value = getattr(obj, f'{field}_{language}', '') or ''
    return value or getattr(obj, f'{field}_{FALLBACK_LANGUAGE}', '') or ''


def sort_key(text: str) -> str:
    """A key that sorts names as a reader expects: case and accents ignored ("Égypte" among the E, not after
    "Zimbabwe")."""
    decomposed = unicodedata.normalize('NFKD', text.casefold())
    return ''.join(char for char in decomposed if not unicodedata.combining(char))


def translated(obj, field: str) -> str:
    """Return ``obj.<field>_<active language>`` when the record has it, else ``obj.<field>`` as recorded."""
    language = get_language_code()
    value = getattr(obj, f'{field}_{language}', '') if language != FALLBACK_LANGUAGE else ''
    return value or getattr(obj, field) or ''
