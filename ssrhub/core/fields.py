"""Model and form fields for UN document symbols, so every form and API refuses a bad symbol."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .symbols import SymbolError, normalise_symbol

__all__ = ['HttpsURLField', 'UNSymbolField', 'UNSymbolFormField', 'validate_un_symbol']


def validate_un_symbol(value: str) -> None:
    if not value:
        return
    try:
        normalise_symbol(value)
    except SymbolError as error:
        raise ValidationError(str(error), code='invalid_symbol') from error


def _normalised(value):
    if not value:
        return value
    try:
        return normalise_symbol(value)
    except SymbolError:
        return value  # left for the validator, which reports what is wrong


class UNSymbolFormField(forms.CharField):
    default_validators = [validate_un_symbol]

    def to_python(self, value):
        return _normalised(super().to_python(value))


class UNSymbolField(models.CharField):
    """A UN document symbol, stored in its canonical form (``S/RES/2151 (2014)``)."""

    default_validators = [validate_un_symbol]
    description = _('UN document symbol')

    def __init__(self, *args, **kwargs):
        kwargs.setdefault('max_length', 120)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return _normalised(super().to_python(value))

    def pre_save(self, model_instance, add):
        value = _normalised(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{'form_class': UNSymbolFormField, **kwargs})


class HttpsURLField(models.URLField):
    """A URL whose form field assumes https:// when the scheme is left out (Django 6 default)."""

    def formfield(self, **kwargs):
        return super().formfield(**{'assume_scheme': 'https', **kwargs})
