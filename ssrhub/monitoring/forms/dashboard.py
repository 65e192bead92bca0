"""The monitoring dashboard's filters (GET): framework, level (by its IATI result type) and status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.coordination.models import ResultType

from ..models import ResultsFramework

__all__ = ['DashboardFilterForm', 'STATUS_CHOICES']

SELECT = 'form-select form-select-sm'
STATUS_CHOICES = [
    ('', _('Any status')),
    ('off-track', _('off track')),
    ('at-risk', _('at risk')),
    ('on-track', _('on track')),
    ('no-data', _('no data')),
]


class DashboardFilterForm(forms.Form):
    """``framework`` (only on the country's dashboard: the frameworks the user may view), ``level`` and ``status``."""

    framework = forms.ModelChoiceField(
        label=_('Framework'),
        queryset=ResultsFramework.objects.none(),
        required=False,
        empty_label=_('All frameworks'),
        widget=forms.Select(attrs={'class': SELECT}),
    )
    level = forms.ChoiceField(
        label=_('Level'),
        choices=[('', _('All levels')), *ResultType.choices],
        required=False,
        widget=forms.Select(attrs={'class': SELECT}),
    )
    status = forms.ChoiceField(
        label=_('Status'), choices=STATUS_CHOICES, required=False, widget=forms.Select(attrs={'class': SELECT})
    )

    def __init__(self, data=None, *, frameworks=None):
        super().__init__(data)
        if frameworks is None:
            del self.fields['framework']
        else:
            self.fields['framework'].queryset = frameworks
