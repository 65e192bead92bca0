"""Forms of support requests: the request, its assessment with the five risk factors (one formset, saved with the
assessment or not at all), a mitigatory measure, and the form of each workflow step. The model ``clean()`` methods
hold the rules; the forms offer only records of the request's country."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm
from ssrhub.core.roles import Role
from ssrhub.countries.models import Actor

from ..models import (
    Allegation,
    FactorKind,
    Level,
    Mitigation,
    Outcome,
    ReopenReason,
    RiskAssessment,
    SupportRequest,
)

__all__ = [
    'STEP_FORMS',
    'AssessmentForm',
    'FactorForm',
    'MitigationForm',
    'SupportRequestForm',
    'factor_formset',
]

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')
TEXT = forms.Textarea(attrs={'rows': 3})
ASSESSOR_ROLES = (Role.DUE_DILIGENCE_OFFICER, Role.HRDDP_FORUM_MEMBER, Role.HRDDP_DECISION_MAKER)


class SupportRequestForm(ChangeLoggedModelForm):
    """A request of ``country``: the recipient is one of the country's security-sector actors."""

    class Meta:
        model = SupportRequest
        fields = [
            'title',
            'un_entity',
            'recipient',
            'kind',
            'description',
            'start',
            'end',
            'value',
            'currency',
            'basis',
            'basis_symbol',
        ]
        widgets = {'start': DATE, 'end': DATE, 'description': forms.Textarea(attrs={'rows': 5})}

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country = country
        self.fields['recipient'].queryset = Actor.objects.filter(country=country).order_by('name')


class AssessmentForm(ChangeLoggedModelForm):
    """One version of the assessment: the allegations offered are the country's against the recipient, the
    assessors the users who hold a due-diligence role in the country."""

    class Meta:
        model = RiskAssessment
        fields = [
            'record',
            'allegations',
            'likelihood',
            'impact',
            'overall_risk',
            'risk_reason',
            'conclusion',
            'assessors',
        ]
        widgets = {
            'record': forms.Textarea(attrs={'rows': 5}),
            'risk_reason': TEXT,
            'conclusion': TEXT,
            'allegations': forms.CheckboxSelectMultiple,
            'assessors': forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.instance.request
        self.fields['allegations'].queryset = Allegation.objects.restrict(user).filter(
            country=request.country, recipient=request.recipient
        )
        self.fields['assessors'].queryset = (
            get_user_model()
            .objects.filter(country_assignments__country=request.country, country_assignments__role__in=ASSESSOR_ROLES)
            .distinct()
            .order_by('username')
        )


class FactorForm(AccessibleFormMixin, forms.Form):
    """One of the five risk factors: left without a rating, it is not part of the assessment."""

    factor = forms.ChoiceField(choices=FactorKind.choices, widget=forms.HiddenInput)
    rating = forms.TypedChoiceField(
        label=_('rating'), choices=[('', '---------'), *Level.choices], coerce=int, empty_value=None, required=False
    )
    finding = forms.CharField(label=_('finding'), widget=TEXT, required=False)

    @property
    def factor_label(self):
        return FactorKind(self.initial.get('factor') or self.data.get(self.add_prefix('factor'))).label


FactorFormSet = forms.formset_factory(FactorForm, extra=0)


def factor_formset(assessment, data=None):
    """The five factors of ``assessment``, in the order of ``FactorKind``, with what is saved of each."""
    saved = {factor.factor: factor for factor in assessment.factors.all()} if assessment.pk else {}
    initial = [
        {
            'factor': kind,
            'rating': saved[kind].rating if kind in saved else None,
            'finding': saved[kind].finding if kind in saved else '',
        }
        for kind in FactorKind.values
    ]
    return FactorFormSet(data=data, initial=initial, prefix='factors')


class MitigationForm(ChangeLoggedModelForm):
    class Meta:
        model = Mitigation
        fields = ['kind', 'description', 'owner', 'due_on', 'status', 'met_on', 'evidence']
        widgets = {'due_on': DATE, 'met_on': DATE, 'description': TEXT, 'evidence': TEXT}


# Section: the forms of the workflow's steps (their fields are the step function's keyword arguments)


class SubmitForm(AccessibleFormMixin, forms.Form):
    pass


class ReturnForm(AccessibleFormMixin, forms.Form):
    comment = forms.CharField(label=_('What the assessment still needs'), widget=TEXT)


class ReviewForm(AccessibleFormMixin, forms.Form):
    recommendation = forms.ChoiceField(label=_('recommendation'), choices=Outcome.choices)
    comment = forms.CharField(label=_('comment'), widget=TEXT, required=False)


class DecideForm(AccessibleFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_('decision'), choices=Outcome.choices)
    justification = forms.CharField(label=_('justification'), widget=TEXT)
    expires_on = forms.DateField(label=_('expires on'), widget=DATE)
    shared = forms.BooleanField(
        label=_('Share the decision'),
        required=False,
        help_text=_('Other users of the platform then see that the request was decided, and how; nothing else.'),
    )


class ReopenForm(AccessibleFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_('reason'),
        choices=[(value, label) for value, label in ReopenReason.choices if value != ReopenReason.RETURNED],
    )
    note = forms.CharField(label=_('note'), widget=TEXT, required=False)


class _InterventionForm(AccessibleFormMixin, forms.Form):
    started_on = forms.DateField(label=_('from'), widget=DATE)
    reason = forms.CharField(label=_('reason'), widget=TEXT)
    allegation = forms.ModelChoiceField(label=_('allegation'), queryset=Allegation.objects.none(), required=False)

    def __init__(self, *args, request, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['allegation'].queryset = Allegation.objects.restrict(user).filter(
            country=request.country, recipient=request.recipient
        )


class SuspendForm(_InterventionForm):
    pass


class WithdrawForm(_InterventionForm):
    pass


class ResumeForm(AccessibleFormMixin, forms.Form):
    ended_on = forms.DateField(label=_('Suspension ends on'), widget=DATE)


STEP_FORMS = {
    'submit': SubmitForm,
    'return': ReturnForm,
    'review': ReviewForm,
    'decide': DecideForm,
    'reopen': ReopenForm,
    'suspend': SuspendForm,
    'withdraw': WithdrawForm,
    'resume': ResumeForm,
}
