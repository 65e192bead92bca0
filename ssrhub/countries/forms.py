"""Forms of the engagement and the national documents; the model ``clean()`` methods hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm

from .models import (
    Action,
    ActionStatus,
    ActionStatusUpdate,
    Actor,
    Engagement,
    EngagementStage,
    NationalDocument,
    Objective,
    Pillar,
    Threat,
)

__all__ = [
    'ActionForm',
    'EngagementForm',
    'NationalDocumentForm',
    'ObjectiveForm',
    'PillarForm',
    'StageForm',
    'StatusUpdateForm',
    'ThreatForm',
]

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class EngagementForm(ChangeLoggedModelForm):
    class Meta:
        model = Engagement
        fields = [
            'setting',
            'mission',
            'request_date',
            'request_by',
            'mandate_symbol',
            'mandate_paragraph',
            'national_lead',
            'international_counterpart',
            'summary',
            'source',
        ]
        widgets = {'request_date': DATE, 'summary': forms.Textarea(attrs={'rows': 4})}


class StageForm(ChangeLoggedModelForm):
    class Meta:
        model = EngagementStage
        fields = ['status', 'start', 'end', 'led_by', 'evidence', 'skip_reason', 'source']
        widgets = {'start': DATE, 'end': DATE, 'evidence': forms.Textarea(attrs={'rows': 3})}


class NationalDocumentForm(ChangeLoggedModelForm):
    class Meta:
        model = NationalDocument
        fields = ['kind', 'title', 'parent', 'status', 'adopted', 'adopted_by', 'due', 'vision', 'note', 'source']
        widgets = {'adopted': DATE, 'due': DATE, 'vision': forms.Textarea(attrs={'rows': 3})}

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        documents = NationalDocument.objects.filter(country=country)
        if self.instance.pk:
            documents = documents.exclude(pk=self.instance.pk)
        self.fields['parent'].queryset = documents


class ThreatForm(ChangeLoggedModelForm):
    class Meta:
        model = Threat
        fields = ['ref', 'title', 'description', 'source']


class PillarForm(ChangeLoggedModelForm):
    class Meta:
        model = Pillar
        fields = ['ref', 'title', 'source']


class ObjectiveForm(ChangeLoggedModelForm):
    class Meta:
        model = Objective
        fields = ['ref', 'title', 'indicator', 'threats', 'source']
        widgets = {'threats': forms.CheckboxSelectMultiple}

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['threats'].queryset = Threat.objects.filter(document__in=document.chain())


class ActionForm(ChangeLoggedModelForm):
    class Meta:
        model = Action
        fields = [
            'ref',
            'title',
            'kind',
            'pillar',
            'owner',
            'owner_name',
            'start',
            'end',
            'timeframe',
            'cost',
            'currency',
            'depends_on',
            'threats',
            'objectives',
            'indicators',
            'risks',
            'source',
        ]
        widgets = {
            'start': DATE,
            'end': DATE,
            'threats': forms.CheckboxSelectMultiple,
            'objectives': forms.CheckboxSelectMultiple,
            'depends_on': forms.CheckboxSelectMultiple,
            'indicators': forms.Textarea(attrs={'rows': 2}),
            'risks': forms.Textarea(attrs={'rows': 2}),
        }

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        chain = document.chain()
        self.fields['pillar'].queryset = Pillar.objects.filter(document=document)
        self.fields['owner'].queryset = Actor.objects.filter(country=document.country)
        self.fields['threats'].queryset = Threat.objects.filter(document__in=chain)
        self.fields['objectives'].queryset = Objective.objects.filter(document__in=chain)
        actions = Action.objects.filter(document__in=chain)
        self.fields['depends_on'].queryset = actions.exclude(pk=self.instance.pk) if self.instance.pk else actions


class StatusUpdateForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = ActionStatusUpdate
        fields = ['date', 'status', 'note']
        widgets = {'date': DATE}
        labels = {'date': _('As of')}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['status'].choices = ActionStatus.choices
