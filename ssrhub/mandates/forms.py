"""The forms of the mandates pages: link corrections on a mission's track, the matrix's period and breakdown, and the
trends' years, measure and code group (the API reads the same forms)."""

from django import forms
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ssrhub.core.forms import AccessibleFormMixin
from ssrhub.documents.models import Document, RelationChoices

from .comparison import ALL_TIME, Period
from .delivery import load_vocabulary
from .inforce import short_symbol
from .matrix import BREAKDOWNS

__all__ = [
    'DEFAULT_DIMENSION',
    'GROUP_LABELS',
    'MEASURE_LABELS',
    'LinkOverrideForm',
    'MatrixForm',
    'TrendFilterForm',
    'dimension_label',
    'language',
    'read_filters',
    'read_form',
]

DEFAULT_DIMENSION = 'level'
DIMENSION_LABELS = {
    'explicitness': gettext_lazy('Explicit or implicit'),
    'duration': gettext_lazy('Long or short action'),
    'mission_type': gettext_lazy('Setting'),
    'period': gettext_lazy('Year'),
}
MEASURE_LABELS = {
    'ssr-language': gettext_lazy('Resolutions with SSR language'),
    'codes': gettext_lazy('Resolutions by code'),
    'settings': gettext_lazy('Resolutions with SSR language by setting'),
    'force': gettext_lazy('Resolutions with SSR language by force of the verb'),
    'country-specific': gettext_lazy('Country-specific resolutions referring to SSR'),
}
GROUP_LABELS = {
    'component': gettext_lazy('Components'),
    'initiative': gettext_lazy('National SSR initiatives'),
    'related': gettext_lazy('Related areas'),
    'crosscutting': gettext_lazy('Cross-cutting issues'),
    'ssr': gettext_lazy('Security sector reform'),
}


# Section: mission tracks


class LinkOverrideForm(AccessibleFormMixin, forms.Form):
    symbol = forms.CharField(
        label=gettext_lazy('Document symbol'),
        max_length=60,
        help_text=gettext_lazy('For example S/RES/745 (1992) or S/RES/745.'),
    )
    relation = forms.ChoiceField(label=gettext_lazy('Relation'), choices=RelationChoices)
    excluded = forms.BooleanField(label=gettext_lazy('Exclude: the document is not about this mission'), required=False)
    paragraph_ref = forms.CharField(label=gettext_lazy('Paragraph'), max_length=40, required=False)
    note = forms.CharField(label=gettext_lazy('Note'), max_length=500, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_symbol(self):
        symbol = ' '.join(self.cleaned_data['symbol'].split())
        documents = Document.objects.restrict(self.user)
        document = documents.filter(symbol__iexact=symbol).first()
        if document is None:
            matches = list(documents.filter(symbol__istartswith=f'{short_symbol(symbol)} (')[:2])
            document = matches[0] if len(matches) == 1 else None
        if document is None:
            raise forms.ValidationError(_('No document with the symbol %(symbol)s.') % {'symbol': symbol})
        self.document = document
        return document.symbol


# Section: mandated vs reported


def language() -> str:
    return (get_language() or 'en').split('-')[0]


def dimension_label(dimension: str) -> str:
    spec = load_vocabulary().dimensions.get(dimension)
    if spec is not None:
        return spec.label.get(language()) or spec.label['en']
    return str(DIMENSION_LABELS.get(dimension, dimension))


class MatrixForm(AccessibleFormMixin, forms.Form):
    start = forms.DateField(label=gettext_lazy('From'), required=False, widget=forms.DateInput(attrs={'type': 'date'}))
    end = forms.DateField(label=gettext_lazy('To'), required=False, widget=forms.DateInput(attrs={'type': 'date'}))
    dimension = forms.ChoiceField(label=gettext_lazy('Break down by'), required=False, initial=DEFAULT_DIMENSION)
    explicit_only = forms.BooleanField(
        label=gettext_lazy('Explicit references only (leave out generic SSR mentions)'), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['dimension'].choices = [(name, dimension_label(name)) for name in BREAKDOWNS]

    def clean(self):
        data = super().clean()
        try:
            data['period'] = Period(data.get('start'), data.get('end'))
        except ValueError:
            self.add_error('end', _('The period must start before it ends.'))
        data['dimension'] = data.get('dimension') or DEFAULT_DIMENSION
        return data


def read_form(request) -> tuple[MatrixForm, dict | None]:
    """The form and its cleaned data (None when the GET parameters are invalid; defaults without parameters)."""
    form = MatrixForm(request.GET or None)
    if not request.GET:
        return form, {'period': ALL_TIME, 'explicit_only': False, 'dimension': DEFAULT_DIMENSION}
    return form, form.cleaned_data if form.is_valid() else None


# Section: trends


class TrendFilterForm(forms.Form):
    """Year range, measure and code group (``from`` and ``to`` are Python keywords: declared below the class)."""

    measure = forms.ChoiceField(
        label=gettext_lazy('Measure'),
        choices=[('', gettext_lazy('All measures')), *MEASURE_LABELS.items()],
        required=False,
    )
    group = forms.ChoiceField(
        label=gettext_lazy('Code group'),
        choices=[('', gettext_lazy('All groups')), *GROUP_LABELS.items()],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get('from'), cleaned.get('to')
        if year_from is not None and year_to is not None and year_from > year_to:
            self.add_error('to', _('The last year must not come before the first year.'))
        return cleaned

    def error_text(self) -> str:
        """All errors in one line, for a 400 answer: ``from: Enter a whole number.``"""
        return ' '.join(f'{name}: {" ".join(errors)}' for name, errors in self.errors.items())


TrendFilterForm.base_fields = {
    'from': forms.IntegerField(label=gettext_lazy('From year'), min_value=1945, max_value=2100, required=False),
    'to': forms.IntegerField(label=gettext_lazy('To year'), min_value=1945, max_value=2100, required=False),
    **TrendFilterForm.base_fields,
}


def read_filters(params) -> TrendFilterForm:
    form = TrendFilterForm(params)
    form.is_valid()
    return form
