"""Forms of the actuals: a report's organisation, the grid of its values, a review step, an indicator's
disaggregations and a country's own disaggregation type with its categories."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ssrhub.coordination.models import AdminArea, Organisation
from ssrhub.core.forms import AccessibleFormMixin
from ssrhub.countries.models import Actor

from ..models import ActualReport, DisaggregationType

__all__ = ['DisaggregationTypeForm', 'IndicatorDisaggregationsForm', 'ReportForm', 'StepForm', 'parse_categories']


class ReportForm(AccessibleFormMixin, forms.ModelForm):
    """The organisation that reports a period (among those the user may view) and a note."""

    class Meta:
        model = ActualReport
        fields = ['organisation', 'note']

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['organisation'].queryset = Organisation.objects.restrict(user).order_by('name')


class StepForm(AccessibleFormMixin, forms.Form):
    """A review step with its comment (required to return, reopen or unlock: the workflow says so)."""

    action = forms.ChoiceField(
        choices=[(name, name) for name in ('submit', 'approve', 'return', 'reopen', 'lock', 'unlock')],
        widget=forms.HiddenInput,
    )
    comment = forms.CharField(label=_('Comment'), required=False, widget=forms.Textarea(attrs={'rows': 2}))


class IndicatorDisaggregationsForm(forms.Form):
    """The disaggregations an indicator collects: built-in ones and the country's own."""

    types = forms.ModelMultipleChoiceField(
        label=_('Disaggregations collected'),
        queryset=DisaggregationType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        from django.db.models import Q

        self.fields['types'].queryset = DisaggregationType.objects.filter(
            Q(country__isnull=True) | Q(country=country)
        ).order_by('country', 'name')


def parse_categories(text: str) -> list[tuple[str, str, str]]:
    """Categories typed one a line, "English name | French name" (the French optional): ``(code, name, name_fr)``
    in order; a repeated name is refused with its line number."""
    categories, seen = [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, _sep, name_fr = (part.strip() for part in line.partition('|'))
        code = slugify(name)[:60] or f'category-{number}'
        if code in seen:
            raise ValidationError(
                _('Line %(line)s repeats the category of line %(first)s.') % {'line': number, 'first': seen[code]}
            )
        seen[code] = number
        categories.append((code, name[:200], name_fr[:200]))
    return categories


class DisaggregationTypeForm(AccessibleFormMixin, forms.ModelForm):
    """A country's own disaggregation with its categories, typed or taken from the country's records."""

    FILL_CHOICES = [
        ('', _('The categories typed below')),
        ('areas-1', _("The country's first-level administrative areas")),
        ('areas-2', _("The country's second-level administrative areas")),
        ('actors', _("The country's security forces and institutions")),
    ]
    fill = forms.ChoiceField(label=_('Categories'), choices=FILL_CHOICES, required=False)
    categories = forms.CharField(
        label=_('Categories, one a line'),
        required=False,
        widget=forms.Textarea(attrs={'rows': 6}),
        help_text=_('“English name | French name”, in the order to show them. A category with values stays.'),
    )

    class Meta:
        model = DisaggregationType
        fields = ['kind', 'name', 'name_fr']

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        self.country = country
        if self.instance.pk:
            self.fields['categories'].initial = '\n'.join(
                f'{category.name} | {category.name_fr}' if category.name_fr else category.name
                for category in self.instance.categories.all()
            )

    def clean(self):
        data = super().clean()
        fill = data.get('fill')
        if fill:
            data['parsed'] = self.from_records(fill)
            if not data['parsed']:
                raise ValidationError({'fill': _('The country has no such records yet.')})
        else:
            try:
                data['parsed'] = parse_categories(data.get('categories', ''))
            except ValidationError as error:
                raise ValidationError({'categories': error.messages}) from error
            if not data['parsed']:
                raise ValidationError({'categories': _('Give at least one category.')})
        return data

    def from_records(self, fill: str) -> list[tuple]:
        """Categories made from the country's administrative areas (of a level) or actors, each keeping its record."""
        if fill.startswith('areas-'):
            areas = AdminArea.objects.filter(country=self.country, level=int(fill[-1])).order_by('name')
            return [(slugify(area.pcode)[:60], area.name, '', {'admin_area': area}) for area in areas]
        actors = Actor.objects.filter(country=self.country).order_by('name')
        return [(f'actor-{actor.pk}', actor.name, actor.name_fr, {'actor': actor}) for actor in actors]
