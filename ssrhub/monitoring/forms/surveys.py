"""Forms of the surveys: a survey, an XLSForm to upload, an answer file to import, a formula to try and to store
as an indicator's actual values."""

from pathlib import Path

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ssrhub.coordination.models import Organisation
from ssrhub.core.forms import AccessibleFormMixin

from ..models import IndicatorPeriod, Survey

__all__ = [
    'MAX_ANSWERS_BYTES',
    'MAX_FORM_BYTES',
    'AnswerImportForm',
    'FormulaForm',
    'SurveyActualForm',
    'SurveyForm',
    'XLSFormUploadForm',
]

MAX_FORM_BYTES = 5 * 1024 * 1024
MAX_ANSWERS_BYTES = 50 * 1024 * 1024


def _limited(upload, limit: int, suffixes: tuple[str, ...]):
    if upload.size > limit:
        raise forms.ValidationError(
            _('The file is larger than %(size)s MB.') % {'size': limit // (1024 * 1024)}, code='too-large'
        )
    if Path(upload.name).suffix.lower() not in suffixes:
        raise forms.ValidationError(
            _('The file must end in %(suffixes)s.') % {'suffixes': ', '.join(suffixes)}, code='suffix'
        )
    return upload


class SurveyForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = Survey
        fields = ['title', 'description', 'status', 'owners']

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['owners'].queryset = get_user_model().objects.filter(is_active=True).order_by('username')
        self.fields['description'].widget.attrs['rows'] = 3


class XLSFormUploadForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(label=_('XLSForm (.xlsx)'), widget=forms.FileInput(attrs={'accept': '.xlsx'}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['file'].help_text = _('At most %(size)s MB.') % {'size': MAX_FORM_BYTES // (1024 * 1024)}

    def clean_file(self):
        return _limited(self.cleaned_data['file'], MAX_FORM_BYTES, ('.xlsx',))


class AnswerImportForm(AccessibleFormMixin, forms.Form):
    version = forms.ModelChoiceField(label=_('Form version the answers were collected with'), queryset=None)
    file = forms.FileField(
        label=_('Answers exported from KoboToolbox or ODK Central'),
        widget=forms.FileInput(attrs={'accept': '.csv,.xlsx,.zip'}),
    )
    kobo_version = forms.CharField(
        label=_('KoboToolbox version id'),
        required=False,
        max_length=100,
        help_text=_('Only for a KoboToolbox export: the id in its __version__ column that stands for this version.'),
    )

    def __init__(self, *args, versions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['version'].queryset = versions
        self.fields['file'].help_text = _(
            'KoboToolbox CSV or XLSX (XML values and headers), or ODK Central CSV or its ZIP export with the '
            'repeats; at most %(size)s MB.'
        ) % {'size': MAX_ANSWERS_BYTES // (1024 * 1024)}

    def clean_file(self):
        return _limited(self.cleaned_data['file'], MAX_ANSWERS_BYTES, ('.csv', '.xlsx', '.zip'))


class FormulaForm(AccessibleFormMixin, forms.Form):
    formula = forms.CharField(
        label=_('Formula'),
        max_length=500,
        help_text=_("For example: percent(trust_police in ('2', '3')) by sex"),
    )


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f'{obj.indicator} · {obj}'


class SurveyActualForm(AccessibleFormMixin, forms.Form):
    """Store a formula's result as an organisation's draft report for a period (that has started) of an indicator
    of the survey's country."""

    formula = forms.CharField(widget=forms.HiddenInput, max_length=500)
    period = PeriodChoiceField(label=_('Indicator and period'), queryset=IndicatorPeriod.objects.none())
    organisation = forms.ModelChoiceField(label=_('Reporting organisation'), queryset=Organisation.objects.none())

    def __init__(self, *args, user, survey, **kwargs):
        # Its ids apart from the formula form's on the same page.
        super().__init__(*args, auto_id='actual-%s', **kwargs)
        self.fields['period'].queryset = (
            IndicatorPeriod.objects.restrict(user)
            .filter(indicator__result__framework__country=survey.country, start__lte=timezone.localdate())
            .select_related('indicator')
            .order_by('indicator__code', 'start')
        )
        self.fields['organisation'].queryset = Organisation.objects.restrict(user).order_by('name')
