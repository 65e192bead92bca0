"""Forms of the security-sector map: actors, relations and headcounts of one country, and the CSV import."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm, style_widgets

from .actor_import import MAX_BYTES, normalise_name
from .models import Actor, ActorRelation, Headcount

__all__ = ['ActorForm', 'ActorImportConfirmForm', 'ActorImportForm', 'ActorRelationForm', 'HeadcountForm']


class ActorForm(ChangeLoggedModelForm):
    class Meta:
        model = Actor
        fields = ('name', 'acronym', 'area', 'type', 'statutory', 'note', 'source')
        widgets = {'note': forms.Textarea(attrs={'rows': 3})}
        help_texts = {
            'statutory': _('Established by law (a non-state actor never is).'),
            'source': _('Where this comes from when no citation fits: a person, a file, a meeting.'),
        }

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country = country
        statutory = self.fields['statutory'].widget
        statutory.attrs['class'] = ('form-check-input ' + statutory.attrs.get('class', '')).strip()

    def clean_name(self):
        # The database constraint is on the exact name; the import matches names whatever their case, so the form
        # refuses "faca" next to "FACA" too.
        name = ' '.join(self.cleaned_data['name'].split())
        clash = Actor.objects.filter(country=self.instance.country).exclude(pk=self.instance.pk)
        if any(normalise_name(other) == normalise_name(name) for other in clash.values_list('name', flat=True)):
            raise forms.ValidationError(_('This country already has an actor of this name.'))
        return name


class _CountryActorsMixin:
    """Actor choices limited to the actors of ``country`` the user may see."""

    actor_fields = ()

    def limit_actors(self, country, user):
        actors = Actor.objects.restrict(user, 'view').filter(country=country).order_by('name')
        for name in self.actor_fields:
            self.fields[name].queryset = actors
            self.fields[name].label_from_instance = _actor_label


def _actor_label(actor) -> str:
    return f'{actor.name} ({actor.acronym})' if actor.acronym else actor.name


class ActorRelationForm(_CountryActorsMixin, ChangeLoggedModelForm):
    actor_fields = ('from_actor', 'to_actor')

    class Meta:
        model = ActorRelation
        fields = ('from_actor', 'kind', 'to_actor', 'note', 'source')

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_actors(country, user)


class HeadcountForm(_CountryActorsMixin, ChangeLoggedModelForm):
    actor_fields = ('actor',)

    class Meta:
        model = Headcount
        fields = ('actor', 'date', 'count', 'basis', 'source')
        widgets = {'date': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')}
        help_texts = {'source': _('Who gives this figure (keep each source as its own headcount).')}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_actors(country, user)


class ActorImportForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(label=_('CSV file'), widget=forms.FileInput(attrs={'accept': '.csv,text/csv'}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['file'].help_text = _('UTF-8 (with or without byte order mark), at most %(size)s KB.') % {
            'size': MAX_BYTES // 1024
        }
        style_widgets(self)

    def clean_file(self):
        upload = self.cleaned_data['file']
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _('The file is larger than %(size)s KB.') % {'size': MAX_BYTES // 1024}, code='too-large'
            )
        return upload

    def read(self) -> tuple[bytes, str]:
        """The bytes of the valid upload and its file name (without any folder)."""
        upload = self.cleaned_data['file']
        return upload.read(MAX_BYTES + 1), Path(upload.name).name


class ActorImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
