"""Forms of the roster: a profile with its parts (formsets), a support request, a request's step."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm
from ssrhub.core.models import Country
from ssrhub.framework.models import Framework, FrameworkItem, Mission, UNEntity

from .models import (
    Availability,
    Deployment,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    RegionExperience,
    Status,
    SupportRequest,
    expertise_items,
    language_choices,
)

__all__ = [
    'ExpertProfileForm',
    'RequestStepForm',
    'SupportRequestForm',
    'expertise_queryset',
    'profile_formsets',
]

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


def expertise_queryset(user=None):
    """Components, ITGNs and areas of the current framework version (that ``user`` may view, when given)."""
    frameworks, items = Framework.objects.all(), FrameworkItem.objects.select_related('version')
    if user is not None:
        frameworks, items = frameworks.restrict(user), items.restrict(user)
    version = frameworks.first()
    if version and version.current_version:
        items = items.filter(version=version.current_version)
    return expertise_items(items).order_by('code')


def item_label(item) -> str:
    return f'{item.label} ({item.code})'


class ExpertProfileForm(ChangeLoggedModelForm):
    """A profile's own fields; the account link, clearance and demo flag are the roster manager's."""

    MANAGERS_ONLY = ('user', 'clearance', 'demo')

    class Meta:
        model = ExpertProfile
        fields = ['name', 'email', 'phone', 'nationality', 'user', 'clearance', 'summary', 'demo']
        widgets = {'summary': forms.Textarea(attrs={'rows': 4})}

    def __init__(self, *args, manager: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['nationality'].queryset = Country.objects.all()
        if not manager:
            for name in self.MANAGERS_ONLY:
                del self.fields[name]


class PartForm(AccessibleFormMixin, forms.ModelForm):
    pass


class ExpertiseForm(PartForm):
    class Meta:
        model = Expertise
        fields = ['item', 'level']

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['item'].queryset = expertise_queryset(user)
        self.fields['item'].label_from_instance = item_label


class DeploymentForm(PartForm):
    class Meta:
        model = Deployment
        fields = ['country', 'mission', 'role', 'start', 'end', 'rating', 'rating_comment']
        widgets = {'start': DATE, 'end': DATE, 'rating_comment': forms.TextInput}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields['mission'].queryset = Mission.objects.restrict(user)


class AvailabilityForm(PartForm):
    class Meta:
        model = Availability
        fields = ['start', 'end', 'note']
        widgets = {'start': DATE, 'end': DATE}


class LanguageForm(PartForm):
    class Meta:
        model = LanguageSkill
        fields = ['language', 'proficiency']


class RegionForm(PartForm):
    class Meta:
        model = RegionExperience
        fields = ['region', 'country']


def _formset(model, form):
    return inlineformset_factory(ExpertProfile, model, form=form, extra=1, can_delete=True)


# (prefix, heading, formset class, for roster managers only)
PARTS = (
    ('expertise', _('Expertise'), _formset(Expertise, ExpertiseForm), False),
    ('languages', _('Languages'), _formset(LanguageSkill, LanguageForm), False),
    ('regions', _('Regions and countries'), _formset(RegionExperience, RegionForm), False),
    ('availability', _('Availability'), _formset(Availability, AvailabilityForm), False),
    ('deployments', _('Past deployments'), _formset(Deployment, DeploymentForm), True),
)


def profile_formsets(profile, user, manager: bool, data=None) -> list[tuple[str, object]]:
    """(heading, formset) for every part of a profile the user edits: the person themself does not edit their
    deployments and ratings."""
    formsets = []
    for prefix, heading, formset, managers_only in PARTS:
        if managers_only and not manager:
            continue
        kwargs = {'user': user} if prefix in ('expertise', 'deployments') else {}
        formsets.append((heading, formset(data=data, instance=profile, prefix=prefix, form_kwargs=kwargs)))
    return formsets


class SupportRequestForm(ChangeLoggedModelForm):
    languages = forms.MultipleChoiceField(
        label=_('Languages asked for'), choices=language_choices, required=False, widget=forms.SelectMultiple
    )

    class Meta:
        model = SupportRequest
        fields = [
            'mission',
            'requested_by',
            'addressees',
            'title',
            'terms_of_reference',
            'skills',
            'languages',
            'proficiency',
            'start',
            'end',
            'source',
        ]
        widgets = {'start': DATE, 'end': DATE, 'terms_of_reference': forms.Textarea(attrs={'rows': 5})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['mission'].queryset = Mission.objects.restrict(user) if user else Mission.objects.all()
        self.fields['addressees'].queryset = UNEntity.objects.restrict(user) if user else UNEntity.objects.all()
        self.fields['skills'].queryset = expertise_queryset(user)
        self.fields['skills'].label_from_instance = item_label
        for name in ('skills', 'languages', 'addressees'):
            self.fields[name].widget.attrs['size'] = 8

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get('start'), cleaned.get('end')
        if bool(start) != bool(end):
            self.add_error('end' if start else 'start', _('Give both ends of the period, or neither.'))
        return cleaned


class RequestStepForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(label=_('Status'), choices=[c for c in Status.choices if c[0] != Status.REQUESTED])
    date = forms.DateField(label=_('Date'), widget=DATE)
    note = forms.CharField(label=_('Note'), max_length=300, required=False)
