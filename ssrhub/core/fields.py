"""Model and form fields that every form, API and import share: UN document symbols, ISO 4217 currencies, dates
that cannot lie in the future, and partial dates (a day, a month or a year) with their precision."""

import gettext
from functools import cache

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .dates import DAY, MONTH, YEAR, PartialDate, PartialDateError, parse_partial_date
from .symbols import SymbolError, normalise_symbol

__all__ = [
    'CurrencyField',
    'CurrencyFormField',
    'DatePrecision',
    'HttpsURLField',
    'PartialDateFormField',
    'UNSymbolField',
    'UNSymbolFormField',
    'currency_choices',
    'format_partial_date',
    'precision_field',
    'validate_currency',
    'validate_not_in_future',
    'validate_un_symbol',
]


def validate_un_symbol(value: str) -> None:
    if not value:
        return
    try:
        normalise_symbol(value)
    except SymbolError as error:
        raise ValidationError(error.message(translation.gettext), code='invalid_symbol') from error


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


# Section: currencies


def validate_currency(value: str) -> None:
    if value and pycountry.currencies.get(alpha_3=value.upper()) is None:
        raise ValidationError(
            _('“%(value)s” is not an ISO 4217 currency code: give three letters such as USD, EUR or XOF.'),
            code='invalid_currency',
            params={'value': value},
        )


@cache
def _currency_names(language: str) -> gettext.NullTranslations:
    return gettext.translation('iso4217', pycountry.LOCALES_DIR, languages=[language], fallback=True)


def currency_choices() -> list[tuple[str, str]]:
    """(code, "code - name") for every ISO 4217 currency (pycountry's list), names in the active language."""
    names = _currency_names((get_language() or 'en').split('-')[0])
    currencies = sorted(pycountry.currencies, key=lambda currency: currency.alpha_3)
    return [(currency.alpha_3, f'{currency.alpha_3} - {names.gettext(currency.name)}') for currency in currencies]


class CurrencyInput(forms.TextInput):
    """A three-letter field with the ISO 4217 codes and names offered as suggestions."""

    template_name = 'core/widgets/currency_input.html'

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context['widget']['attrs']['list'] = f'{context["widget"]["attrs"].get("id", name)}_currencies'
        context['widget']['currencies'] = currency_choices()
        return context


class CurrencyFormField(forms.CharField):
    widget = CurrencyInput
    default_validators = [validate_currency]

    def __init__(self, **kwargs):
        kwargs.setdefault('max_length', 3)
        super().__init__(**kwargs)
        self.widget.attrs.update(autocomplete='off', spellcheck='false', size='6')

    def to_python(self, value):
        return super().to_python(value).upper()


class CurrencyField(models.CharField):
    """An ISO 4217 currency code (``USD``, ``XOF``), stored in capitals."""

    default_validators = [validate_currency]
    description = _('ISO 4217 currency code')

    def __init__(self, *args, **kwargs):
        kwargs.setdefault('max_length', 3)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.upper() if value else value

    def pre_save(self, model_instance, add):
        value = self.to_python(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{'form_class': CurrencyFormField, **kwargs})


# Section: dates


def validate_not_in_future(value) -> None:
    """A status or a count is reported as of a day that has come: refuse a date after today."""
    today = timezone.localdate()
    if value and value > today:
        raise ValidationError(
            _('%(date)s is in the future: give the day this was observed (today, %(today)s, at the latest).'),
            code='future_date',
            params={'date': value.isoformat(), 'today': today.isoformat()},
        )


class DatePrecision(models.TextChoices):
    DAY = DAY, _('Day')
    MONTH = MONTH, _('Month')
    YEAR = YEAR, _('Year')


def precision_field() -> models.CharField:
    """The precision of a partial date field, which stores the first day of its month or year."""
    return models.CharField(
        verbose_name=_('precision'),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )


def format_partial_date(value: PartialDate | None) -> str:
    """A date as precisely as it is known, in the active language: "14 March 2019", "March 2019", "2019"."""
    if value is None:
        return ''
    if value.precision == DAY and value.date.day == 1 and (get_language() or '').startswith('fr'):
        return f'1er {date_format(value.date, "F Y")}'  # French writes the first of the month as an ordinal
    return date_format(value.date, {YEAR: 'Y', MONTH: 'F Y'}.get(value.precision, 'j F Y'))


class PartialDateFormField(forms.CharField):
    """A date given to the day, the month or the year: "2019-03-14", "2019-03", "2019", "March 2019", "mars 2019";
    cleans to a ``PartialDate``."""

    default_error_messages = {
        'invalid': _('Enter a date as 2019-03-14, 2019-03 (a month) or 2019 (a year); “March 2019” works too.'),
        'impossible': _('There is no such day or month: %(value)s.'),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            'help_text',
            _('A day (2019-03-14), a month (2019-03 or March 2019) or a year (2019), as the source gives it.'),
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault('placeholder', _('e.g. 2019-03'))

    def prepare_value(self, value):
        return str(value) if isinstance(value, PartialDate) else value

    def to_python(self, value):
        if isinstance(value, PartialDate):
            return value
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_partial_date(text)
        except PartialDateError as error:
            raise ValidationError(self.error_messages[error.code], code=error.code, params={'value': text}) from error
