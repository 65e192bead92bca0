"""Codebook labels in the active language, for pages, exports and charts."""

from django.utils.translation import get_language

from .codebook import load_codebook

__all__ = ['code_label', 'modality_label']


def _label(spec, fallback: str) -> str:
    if spec is None:
        return fallback
    language = (get_language() or 'en').split('-')[0]
    return spec.label.get(language) or spec.label['en']


def code_label(code: str) -> str:
    """The label of a codebook code in the active language (the code itself if the codebook lacks it)."""
    return _label(load_codebook().codes.get(code), code)


def modality_label(modality: str) -> str:
    """The label of a task modality (monitor, assist, security, encourage) in the active language."""
    return _label(load_codebook().modalities.get(modality), modality)
