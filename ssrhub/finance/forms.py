"""Forms of the finance pages: an exchange rate, the import of a rates file, a duplication review, the funding page's
currency."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import currency_choices
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm, PartialDateFormMixin, style_widgets

from .models import DuplicationReview, ExchangeRate
from .rate_import import MAX_BYTES

__all__ = [
    'DuplicationReviewForm',
    'ExchangeRateForm',
    'FundingCurrencyForm',
    'RateImportConfirmForm',
    'RateImportForm',
]


class ExchangeRateForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'period': 'period_precision'}
    url = forms.URLField(label=_('source address'), assume_scheme='https', required=False)

    class Meta:
        model = ExchangeRate
        fields = ['currency', 'period', 'rate', 'source', 'url']

    def _get_validation_exclusions(self):
        # The precision is set from the period field: the one-rate-per-period constraint must see it.
        return super()._get_validation_exclusions() - {'period_precision'}

    def clean_currency(self):
        currency = self.cleaned_data['currency'].upper()
        if currency == 'USD':
            raise forms.ValidationError(_('A rate of the US dollar is always 1: it needs no record.'), code='dollar')
        return currency


class RateImportForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(
        label=_('CSV or XLSX file'),
        widget=forms.FileInput(attrs={'accept': '.csv,.xlsx,text/csv'}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['file'].help_text = _('At most %(size)s KB; a CSV in UTF-8, or the first sheet of a workbook.') % {
            'size': MAX_BYTES // 1024
        }
        style_widgets(self)

    def clean_file(self):
        upload = self.cleaned_data['file']
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _('The file is larger than %(size)s KB.') % {'size': MAX_BYTES // 1024}, code='too-large'
            )
        return upload

    def read(self) -> tuple[bytes, str]:
        """The bytes of the valid upload and its file name (without any folder)."""
        upload = self.cleaned_data['file']
        return upload.read(MAX_BYTES + 1), Path(upload.name).name


class RateImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


class DuplicationReviewForm(AccessibleFormMixin, forms.Form):
    action = forms.IntegerField(widget=forms.HiddenInput)
    activities = forms.CharField(widget=forms.HiddenInput, max_length=450)
    decision = forms.ChoiceField(
        label=_('Decision'), choices=[('', '—'), *DuplicationReview._meta.get_field('decision').choices]
    )
    note = forms.CharField(label=_('Note'), widget=forms.Textarea(attrs={'rows': 2}), required=False)


class FundingCurrencyForm(forms.Form):
    currency = forms.ChoiceField(label=_('Currency'), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['currency'].choices = currency_choices()
        style_widgets(self)
