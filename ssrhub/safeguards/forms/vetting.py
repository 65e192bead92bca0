"""Forms of the vetting: an individual, a screening (one or many), a match's review, a watch list's upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm
from ssrhub.countries.models import Actor

from ..models import Individual, IndividualCategory, MatchDecision
from ..screening import DEFAULT_THRESHOLD
from ..watchlists import MAX_BYTES

__all__ = ['IndividualForm', 'MatchReviewForm', 'ScreenForm', 'ScreenManyForm', 'WatchListUploadForm']

UPLOAD_TYPES = ('.csv', '.xlsx')


class IndividualForm(ChangeLoggedModelForm):
    class Meta:
        model = Individual
        fields = ['name', 'aliases', 'position', 'category', 'unit', 'fictitious']
        widgets = {'aliases': forms.Textarea(attrs={'rows': 3})}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['unit'].queryset = Actor.objects.restrict(user).filter(country=country)


class ScreenForm(AccessibleFormMixin, forms.Form):
    threshold = forms.IntegerField(
        label=_('Threshold'),
        min_value=60,
        max_value=100,
        initial=DEFAULT_THRESHOLD,
        help_text=_('Names scoring at least this much (0-100) are shown as matches to review.'),
    )


class ScreenManyForm(ScreenForm):
    category = forms.ChoiceField(
        label=_('Category'),
        choices=[('', _('Every category')), *IndividualCategory.choices],
        required=False,
    )


class MatchReviewForm(AccessibleFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_('Decision'),
        choices=[(MatchDecision.CONFIRMED, _('Confirm: the same person')),
                 (MatchDecision.REJECTED, _('Reject: another person'))],
        widget=forms.RadioSelect,
    )  # fmt: skip
    reason = forms.CharField(
        label=_('Reason'),
        widget=forms.Textarea(attrs={'rows': 3}),
        help_text=_('What shows that it is, or is not, the same person (date of birth, unit, photograph...).'),
    )


class WatchListUploadForm(AccessibleFormMixin, forms.Form):
    title = forms.CharField(
        label=_('Title of the list'),
        max_length=200,
        help_text=_('A file imported again into a list of the same title updates it and adds no duplicate.'),
    )
    organisation = forms.CharField(label=_('Organisation that shared it'), max_length=200)
    file = forms.FileField(
        label=_('File (CSV or XLSX)'),
        help_text=_('Columns name, aliases (separated by ; or |) and note; HXL hashtags accepted.'),
    )

    def clean_file(self):
        upload = self.cleaned_data['file']
        if not upload.name.lower().endswith(UPLOAD_TYPES):
            raise forms.ValidationError(_('Upload a .csv or .xlsx file.'))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_('The file is larger than %(max_kb)s KB.') % {'max_kb': MAX_BYTES // 1024})
        return upload
