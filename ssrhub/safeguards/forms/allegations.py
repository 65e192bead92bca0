"""The form of an alleged violation and the formset of its sources, saved together."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm, PartialDateFormMixin, style_widgets
from ssrhub.countries.models import Actor

from ..models import Allegation, AllegationSource

__all__ = ['AllegationForm', 'SourceForm', 'source_formset']

DATE_INPUT = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class AllegationForm(PartialDateFormMixin, ChangeLoggedModelForm):
    """The recipient is one of the country's security actors; a count of victims left empty is not known (never
    0); the follow-up's dates are checked by the model (each step's date required, none before the facts)."""

    partial_dates = {'occurred_on': 'occurred_precision'}

    class Meta:
        model = Allegation
        fields = [
            'recipient',
            'occurred_on',
            'place',
            'violation',
            'narrative',
            'perpetrators',
            'victims_women',
            'victims_men',
            'victims_girls',
            'victims_boys',
            'victims_unknown',
            'victim_names',
            'follow_up',
            'reported_on',
            'verified_on',
            'communicated_on',
            'accountability',
        ]
        labels = {'occurred_on': _('date of the facts')}
        widgets = {
            'reported_on': DATE_INPUT,
            'verified_on': DATE_INPUT,
            'communicated_on': DATE_INPUT,
            'narrative': forms.Textarea(attrs={'rows': 5}),
            'perpetrators': forms.Textarea(attrs={'rows': 3}),
            'victim_names': forms.Textarea(attrs={'rows': 2}),
            'accountability': forms.Textarea(attrs={'rows': 2}),
        }

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country = country
        self.fields['recipient'].queryset = Actor.objects.restrict(user).filter(country=country)
        for name in ('victims_women', 'victims_men', 'victims_girls', 'victims_boys', 'victims_unknown'):
            self.fields[name].help_text = _('Empty when not known; 0 only when there were none.')
        style_widgets(self)


class SourceForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = AllegationSource
        fields = ['name', 'information', 'reliability', 'credibility']
        widgets = {'information': forms.Textarea(attrs={'rows': 2})}


SourceFormSet = forms.inlineformset_factory(
    Allegation,
    AllegationSource,
    form=SourceForm,
    extra=1,
    min_num=1,
    validate_min=True,
    can_delete=True,
)


def source_formset(allegation, data=None):
    """The sources of ``allegation`` (at least one), with one empty row to add another."""
    return SourceFormSet(data=data, instance=allegation, prefix='sources')
