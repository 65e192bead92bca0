"""Forms of results frameworks: a framework, a level, a result with its links, an indicator, a period with its
target, and the copy of a library indicator into a framework. The model ``clean()`` methods hold the rules; the
forms offer only records the user may see (and, for links, records of the framework's country)."""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.coordination.models import Activity, Organisation
from ssrhub.core.access import can_in_country
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm
from ssrhub.countries.models import Action, DocumentKind, NationalDocument, Objective
from ssrhub.countries.views.assessments import latest_framework_version
from ssrhub.framework.models import FrameworkItem

from ..models import (
    FrameworkResult,
    Indicator,
    IndicatorPeriod,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    SdgIndicator,
    Unit,
)

__all__ = [
    'FrameworkResultForm',
    'IndicatorForm',
    'IndicatorPeriodForm',
    'LibraryCopyForm',
    'ResultLevelForm',
    'ResultsFrameworkForm',
    'itgn_items',
    'linkable_items',
]

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')
# Prefixes of the reference framework's codes a result may serve: its areas, principles and ITGNs.
LINKABLE_PREFIXES = ('area.', 'principle.', 'itgn.')


def linkable_items():
    """The areas, principles and ITGNs of the current framework version, in their printed order."""
    query = Q()
    for prefix in LINKABLE_PREFIXES:
        query |= Q(code__startswith=prefix)
    return FrameworkItem.objects.filter(query, version=latest_framework_version(), depth__gte=1).order_by('order')


def itgn_items():
    """The ITGNs of the current framework version."""
    return FrameworkItem.objects.filter(version=latest_framework_version(), code__startswith='itgn.').order_by('order')


def _item_label(item) -> str:
    return item.label


def _sdg_label(indicator) -> str:
    return f'{indicator.number} {indicator.title}'


class ResultsFrameworkForm(ChangeLoggedModelForm):
    class Meta:
        model = ResultsFramework
        fields = [
            'title',
            'title_fr',
            'plan',
            'programme',
            'activity',
            'owner',
            'start',
            'end',
            'status',
            'description',
            'source',
        ]
        widgets = {'start': DATE, 'end': DATE, 'description': forms.Textarea(attrs={'rows': 3})}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country = country
        self.fields['plan'].queryset = NationalDocument.objects.restrict(user, 'view').filter(
            country=country, kind__in=[DocumentKind.PLAN, DocumentKind.STRATEGY, DocumentKind.POLICY]
        )
        self.fields['activity'].queryset = Activity.objects.restrict(user, 'view').filter(country=country)
        self.fields['owner'].queryset = Organisation.objects.restrict(user, 'view')


class ResultLevelForm(ChangeLoggedModelForm):
    class Meta:
        model = ResultLevel
        fields = ['order', 'name', 'name_fr', 'result_type']

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.framework = framework


class FrameworkResultForm(ChangeLoggedModelForm):
    """A result, its place in the tree and its links; the activities that deliver it are kept as link records
    (``ResultActivity``), whose share and note the form leaves as they are."""

    activities = forms.ModelMultipleChoiceField(
        queryset=Activity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_('activities that deliver it'),
    )

    class Meta:
        model = FrameworkResult
        fields = [
            'parent',
            'level',
            'code',
            'statement',
            'statement_fr',
            'description',
            'objectives',
            'actions',
            'framework_items',
        ]
        widgets = {
            'description': forms.Textarea(attrs={'rows': 3}),
            'objectives': forms.CheckboxSelectMultiple,
            'actions': forms.CheckboxSelectMultiple,
            'framework_items': forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, framework, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.framework = framework
        country = framework.country
        results = FrameworkResult.objects.restrict(user, 'view').filter(framework=framework).select_related('level')
        self.fields['parent'].queryset = results.exclude(pk=self.instance.pk) if self.instance.pk else results
        self.fields['level'].queryset = ResultLevel.objects.restrict(user, 'view').filter(framework=framework)
        self.fields['level'].empty_label = None
        documents = framework.plan.chain() if framework.plan_id else []
        objectives = Objective.objects.restrict(user, 'view').filter(document__country=country)
        actions = Action.objects.restrict(user, 'view').filter(document__country=country)
        if documents:
            objectives = objectives.filter(document__in=documents)
            actions = actions.filter(document__in=documents)
        self.fields['objectives'].queryset = objectives.select_related('document')
        self.fields['objectives'].label_from_instance = lambda objective: f'{objective.ref} {objective}'.strip()
        self.fields['actions'].queryset = actions.select_related('document')
        self.fields['framework_items'].queryset = linkable_items()
        self.fields['framework_items'].label_from_instance = _item_label
        self.fields['activities'].queryset = Activity.objects.restrict(user, 'view').filter(country=country)
        if self.instance.pk:
            self.initial.setdefault('activities', list(self.instance.activity_links.values_list('activity', flat=True)))

    def clean(self):
        cleaned = super().clean()
        # The querysets hold the framework's country only; this keeps the rule should they ever widen.
        for name, message in self.instance.link_problems(
            cleaned.get('objectives', ()), cleaned.get('actions', ()), cleaned.get('activities', ())
        ).items():
            self.add_error(name, message)
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        result = super().save(commit=commit)
        wanted = set(self.cleaned_data['activities'])
        kept = set()
        for link in result.activity_links.select_related('activity'):
            if link.activity in wanted:
                kept.add(link.activity)
            else:
                link.delete()
        for activity in wanted - kept:
            ResultActivity.objects.create(result=result, activity=activity)
        return result


class IndicatorForm(ChangeLoggedModelForm):
    class Meta:
        model = Indicator
        fields = [
            'code',
            'title',
            'title_fr',
            'definition',
            'unit',
            'numerator_label',
            'denominator_label',
            'scale_min',
            'scale_max',
            'scale_min_label',
            'scale_max_label',
            'direction',
            'cumulative',
            'decimal_places',
            'baseline_value',
            'baseline_numerator',
            'baseline_denominator',
            'baseline_date',
            'baseline_not_available',
            'baseline_reason',
            'frequency',
            'data_source',
            'means_of_verification',
            'responsible_organisation',
            'sdg_indicators',
            'itgn',
        ]
        widgets = {
            'definition': forms.Textarea(attrs={'rows': 3}),
            'baseline_date': DATE,
            'baseline_reason': forms.Textarea(attrs={'rows': 2}),
            'data_source': forms.Textarea(attrs={'rows': 2}),
            'means_of_verification': forms.Textarea(attrs={'rows': 2}),
            'sdg_indicators': forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, result, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.result = result
        self.fields['responsible_organisation'].queryset = Organisation.objects.restrict(user, 'view')
        # SDG 16 by default, and whatever the indicator already links to.
        chosen = self.instance.sdg_indicators.values('pk') if self.instance.pk else SdgIndicator.objects.none()
        self.fields['sdg_indicators'].queryset = SdgIndicator.objects.filter(
            Q(number__startswith='16.') | Q(pk__in=chosen)
        )
        self.fields['sdg_indicators'].label_from_instance = _sdg_label
        self.fields['itgn'].queryset = itgn_items()
        self.fields['itgn'].label_from_instance = _item_label


class IndicatorPeriodForm(ChangeLoggedModelForm):
    class Meta:
        model = IndicatorPeriod
        fields = ['label', 'start', 'end', 'target', 'target_numerator', 'target_denominator', 'target_note']
        widgets = {'start': DATE, 'end': DATE, 'target_note': forms.Textarea(attrs={'rows': 2})}

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        if indicator.unit != Unit.PERCENTAGE:
            del self.fields['target_numerator'], self.fields['target_denominator']
        else:
            self.fields['target'].help_text = _('Or give the numerator and denominator: the percentage follows.')


class LibraryCopyForm(AccessibleFormMixin, forms.Form):
    """Copy a library indicator into a result of a framework the user may change: the indicator takes the library's
    definition, unit, direction, frequency, data source, SDG links and ITGN (in the UI language, French title kept),
    its own code, and a baseline or the reason there is none."""

    result = forms.ModelChoiceField(queryset=FrameworkResult.objects.none(), label=_('result'))
    code = forms.CharField(max_length=20, label=_('code'), help_text=_('For example 1.2.a.'))
    baseline_value = forms.DecimalField(
        required=False, max_digits=20, decimal_places=4, label=_('baseline value'), localize=True
    )
    baseline_date = forms.DateField(required=False, widget=DATE, label=_('baseline date'))
    baseline_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={'rows': 2}),
        label=_('why there is no baseline'),
        help_text=_('Leave the baseline empty and say why, for example: the first survey is planned for 2025.'),
    )

    def __init__(self, *args, library, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.library, self.user = library, user
        self.fields['result'].queryset = (
            FrameworkResult.objects.restrict(user, 'view')
            .select_related('framework__country', 'level')
            .order_by('framework__country__name_en', 'framework__title', 'code')
        )
        self.fields['result'].label_from_instance = lambda result: f'{result.framework} – {result}'

    def clean_result(self):
        result = self.cleaned_data['result']
        if not can_in_country(self.user, 'add', Indicator, result.framework.country):
            raise forms.ValidationError(_('You may not add indicators to this framework.'), code='forbidden')
        return result

    def build(self) -> Indicator:
        """The unsaved indicator, checked by its model's rules (errors land on this form)."""
        library, data = self.library, self.cleaned_data
        indicator = Indicator(
            result=data['result'],
            code=data['code'],
            **library.indicator_fields(),
            baseline_value=data.get('baseline_value'),
            baseline_date=data.get('baseline_date'),
            baseline_not_available=data.get('baseline_value') is None,
            baseline_reason=data.get('baseline_reason', '') if data.get('baseline_value') is None else '',
        )
        indicator.full_clean()
        return indicator
