"""The form of the 3W import page: the table to upload and its options, then the decisions on unknown organisations."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, style_widgets

from ..hxl3w.rows import parse_period

__all__ = ['MAX_UPLOAD_BYTES', 'ThreeWConfirmForm', 'ThreeWImportForm']

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ThreeWImportForm(AccessibleFormMixin, forms.Form):
    """A 3W table to preview: the file, and what the table may not say itself."""

    file = forms.FileField(
        label=_('3W table (CSV or XLSX)'), widget=forms.FileInput(attrs={'accept': '.csv,.xlsx,text/csv'})
    )
    sheet = forms.CharField(
        label=_('Sheet'),
        required=False,
        max_length=100,
        help_text=_('Only when several sheets of the workbook have a hashtag row.'),
    )
    period = forms.CharField(
        label=_('Period of rows without dates'),
        required=False,
        max_length=40,
        help_text=_('For example 2024Q1, 2024-03 or 2024-01..2024-06.'),
    )
    hashtags_from_titles = forms.BooleanField(
        label=_('Read a table without hashtags with the hashtags its column titles suggest'), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['file'].help_text = _('UTF-8 CSV or an .xlsx workbook without macros, at most %(size)s MB.') % {
            'size': MAX_UPLOAD_BYTES // (1024 * 1024)
        }
        style_widgets(self)
        self.fields['hashtags_from_titles'].widget.attrs['class'] = 'form-check-input'

    def clean_file(self):
        upload = self.cleaned_data['file']
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _('The file is larger than %(size)s MB.') % {'size': MAX_UPLOAD_BYTES // (1024 * 1024)},
                code='too-large',
            )
        return upload

    def clean_period(self):
        text = self.cleaned_data['period']
        if not text:
            return ('', '')
        try:
            return parse_period(text)
        except ValueError as error:
            raise forms.ValidationError(
                _('"%(period)s" is not a period: write 2024Q1, 2024-03 or 2024-01..2024-06.') % {'period': text},
                code='period',
            ) from error

    @property
    def filename(self) -> str:
        return Path(self.cleaned_data['file'].name).name


class ThreeWConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
