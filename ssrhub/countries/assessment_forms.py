"""Assessment forms: the assessment itself and one rating form per framework item, in a formset."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm

from .models import Assessment, AssessmentRating, Compliance, Score

__all__ = ['AssessmentForm', 'RatingForm', 'RatingFormSet', 'rating_formset']


class AssessmentForm(ChangeLoggedModelForm):
    class Meta:
        model = Assessment
        fields = ['title', 'date', 'assessed_by', 'source', 'note']
        widgets = {
            'date': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d'),
            'note': forms.Textarea(attrs={'rows': 3}),
        }


class RatingForm(AccessibleFormMixin, forms.Form):
    """The rating of one item. A feature or standard takes a score, a principle a compliance value; leaving both
    empty leaves the item unrated (and removes an earlier rating)."""

    code = forms.CharField(widget=forms.HiddenInput)
    score = forms.TypedChoiceField(
        label=_('Score'), choices=[('', _('not rated')), *Score.choices], coerce=int, empty_value=None, required=False
    )
    compliance = forms.ChoiceField(
        label=_('Compliance'), choices=[('', _('not rated')), *Compliance.choices], required=False
    )
    evidence = forms.CharField(label=_('Evidence'), widget=forms.Textarea(attrs={'rows': 2}), required=False)
    source = forms.CharField(label=_('Source'), max_length=300, required=False)

    def __init__(self, *args, item, rating=None, **kwargs):
        self.item, self.rating = item, rating
        initial = {'code': item.code}
        if rating is not None:
            initial.update(
                score=rating.score, compliance=rating.compliance, evidence=rating.evidence, source=rating.source
            )
        initial.update(kwargs.pop('initial', None) or {})
        super().__init__(*args, initial=initial, **kwargs)

    @property
    def is_principle(self) -> bool:
        return self.item.code.startswith('principle.')

    @property
    def rating_field(self):
        """The field this item is rated with (the other one is not shown)."""
        return self['compliance'] if self.is_principle else self['score']

    @property
    def other_field(self):
        """The field this item is not rated with: only its errors are shown."""
        return self['score'] if self.is_principle else self['compliance']

    def clean_code(self):
        if self.cleaned_data['code'] != self.item.code:
            raise ValidationError(_('The framework changed while you were editing: reload the page.'))
        return self.cleaned_data['code']

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not self.rated:
            if data.get('evidence') or data.get('source'):
                self.add_error(self.rating_field.name, _('Rate the item, or clear its evidence and source.'))
            return data
        rating = AssessmentRating(item=self.item, score=data.get('score'), compliance=data.get('compliance', ''))
        try:
            rating.clean()  # the model says which kind of rating each item takes
        except ValidationError as error:
            self.add_error(self.rating_field.name, error.messages)
        return data

    @property
    def rated(self) -> bool:
        data = self.cleaned_data
        return data.get('score') is not None or bool(data.get('compliance'))

    def save(self, assessment) -> AssessmentRating | None:
        """Write the rating (only when it changed) or remove it when the item is left unrated."""
        rating = self.rating
        if not self.rated:
            if rating is not None:
                rating.delete()
            return None
        values = {name: self.cleaned_data[name] for name in ('score', 'compliance', 'evidence', 'source')}
        values['compliance'] = values['compliance'] or ''
        if rating is None:
            rating = AssessmentRating(assessment=assessment, item=self.item)
        elif all(getattr(rating, name) == value for name, value in values.items()):
            return rating
        for name, value in values.items():
            setattr(rating, name, value)
        rating.full_clean()
        rating.save()
        return rating


class RatingFormSet(forms.BaseFormSet):
    """One form per item of the framework version, whatever number of forms the request claims to hold."""

    def __init__(self, *args, items, ratings, **kwargs):
        self.items, self.ratings = list(items), ratings
        super().__init__(*args, **kwargs)

    def total_form_count(self):
        return len(self.items)

    def initial_form_count(self):
        return len(self.items)

    def get_form_kwargs(self, index):
        item = self.items[index]
        return {'item': item, 'rating': self.ratings.get(item.pk)}

    def save(self, assessment):
        for form in self.forms:
            form.save(assessment)

    @property
    def error_count(self) -> int:
        return sum(bool(form.errors) for form in self.forms)


def rating_formset(data=None, *, items, ratings):
    factory = forms.formset_factory(RatingForm, formset=RatingFormSet, extra=0)
    return factory(data, items=items, ratings=ratings, prefix='ratings')
