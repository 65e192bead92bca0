"""Codebook labels in the active language, for pages, exports and charts."""

from django.utils.translation import get_language

from .codebook import load_codebook

__all__ = ['code_label']


def code_label(code: str) -> str:
    """The label of a codebook code in the active language (the code itself if the codebook lacks it)."""
    spec = load_codebook().codes.get(code)
    if spec is None:
        return code
    language = (get_language() or 'en').split('-')[0]
    return spec.label.get(language) or spec.label['en']
