"""The progress report's form: the period, the report's language and its format."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

__all__ = ['ReportForm']

FORMAT_CHOICES = [('html', _('Web page')), ('pdf', 'PDF'), ('docx', _('Word (DOCX)'))]
LANGUAGE_CHOICES = [('en', _('English')), ('fr', _('French'))]
CONTROL = 'form-control form-control-sm'
SELECT = 'form-select form-select-sm'


class ReportForm(forms.Form):
    """GET parameters ``from``, ``to``, ``lang`` and ``format`` (the field names are Python's, the keys the URL's)."""

    start = forms.DateField(label=_('From'), widget=forms.DateInput(attrs={'type': 'date', 'class': CONTROL}))
    end = forms.DateField(label=_('To'), widget=forms.DateInput(attrs={'type': 'date', 'class': CONTROL}))
    lang = forms.ChoiceField(
        label=_('Language of the report'), choices=LANGUAGE_CHOICES, widget=forms.Select(attrs={'class': SELECT})
    )
    format = forms.ChoiceField(label=_('Format'), choices=FORMAT_CHOICES, widget=forms.Select(attrs={'class': SELECT}))

    def add_prefix(self, field_name):
        return {'start': 'from', 'end': 'to'}.get(field_name, field_name)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get('start') and cleaned.get('end') and cleaned['end'] < cleaned['start']:
            message = _('The period ends before it starts: give a “to” date after the “from” date.')
            raise ValidationError({'end': message})
        return cleaned
