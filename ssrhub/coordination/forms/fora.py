"""Forms of the coordination fora: a forum, a seat in it, a meeting with its minutes, a decision and a decision's
status. The model ``clean()`` methods hold the rules; the forms offer only records the user may see."""

from pathlib import Path

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm, PartialDateFormMixin
from ssrhub.countries.models import Action
from ssrhub.countries.views.assessments import latest_framework_version
from ssrhub.documents.models import Document
from ssrhub.framework.models import FrameworkItem

from ..models import Decision, DecisionStatus, DecisionStatusUpdate, Forum, ForumMember, Meeting, Organisation

__all__ = [
    'DecisionForm',
    'DecisionStatusForm',
    'ForumForm',
    'ForumMemberForm',
    'MINUTES_MAX_MB',
    'MINUTES_TYPES',
    'MeetingForm',
    'covered_items',
]

# Minutes are read by people, not by the document pipeline: the usual office and PDF formats, kept small.
MINUTES_MAX_MB = 10
MINUTES_TYPES = ('.pdf', '.docx', '.odt', '.doc', '.txt', '.rtf')
# The magic bytes each type starts with: a renamed executable is refused.
MINUTES_SIGNATURES = {
    '.pdf': (b'%PDF-',),
    '.docx': (b'PK\x03\x04',),
    '.odt': (b'PK\x03\x04',),
    '.doc': (b'\xd0\xcf\x11\xe0',),
    '.rtf': (b'{\\rtf',),
}
DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


def covered_items():
    """The framework components and sector-wide initiatives of the current framework a forum or decision may
    cover."""
    version = latest_framework_version()
    return FrameworkItem.objects.filter(
        Q(code__startswith='component.') | Q(code__startswith='initiative.'), version=version
    ).order_by('order')


def _item_label(item) -> str:
    return item.label


def _organisations(user):
    return Organisation.objects.restrict(user, 'view')


class ForumForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'established': 'established_precision', 'dissolved': 'dissolved_precision'}

    class Meta:
        model = Forum
        fields = [
            'name',
            'name_fr',
            'acronym',
            'kind',
            'level',
            'layer',
            'parent',
            'chair',
            'chair_name',
            'cadence',
            'established',
            'dissolved',
            'mandate',
            'components',
            'source',
        ]
        widgets = {'mandate': forms.Textarea(attrs={'rows': 4}), 'components': forms.CheckboxSelectMultiple}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country = country
        fora = Forum.objects.restrict(user, 'view').filter(country=country)
        self.fields['parent'].queryset = fora.exclude(pk=self.instance.pk) if self.instance.pk else fora
        self.fields['chair'].queryset = _organisations(user)
        self.fields['components'].queryset = covered_items()
        self.fields['components'].label_from_instance = _item_label

    def clean_name(self):
        name = ' '.join(self.cleaned_data['name'].split())
        clash = Forum.objects.filter(country=self.instance.country, name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_('This country already has a forum of this name.'))
        return name


class ForumMemberForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'start': 'start_precision', 'end': 'end_precision'}

    class Meta:
        model = ForumMember
        fields = ['organisation', 'role', 'start', 'end', 'note', 'source']

    def __init__(self, *args, forum, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.forum = forum
        self.fields['organisation'].queryset = _organisations(user)


class MeetingForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'date': 'date_precision'}

    class Meta:
        model = Meeting
        fields = [
            'number',
            'date',
            'place',
            'attendees',
            'other_attendees',
            'agenda',
            'summary',
            'minutes',
            'minutes_document',
            'source',
        ]
        widgets = {
            'attendees': forms.CheckboxSelectMultiple,
            'other_attendees': forms.Textarea(attrs={'rows': 2}),
            'agenda': forms.Textarea(attrs={'rows': 4}),
            'summary': forms.Textarea(attrs={'rows': 4}),
            'minutes': forms.ClearableFileInput(attrs={'accept': ','.join(MINUTES_TYPES)}),
        }

    def __init__(self, *args, forum, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.forum = forum
        members = ForumMember.objects.restrict(user, 'view').filter(forum=forum).values('organisation')
        attended = self.instance.attendees.values('pk') if self.instance.pk else Organisation.objects.none()
        self.fields['attendees'].queryset = _organisations(user).filter(Q(pk__in=members) | Q(pk__in=attended))
        self.fields['attendees'].help_text = _('The forum’s member organisations; add others below by name.')
        self.fields['minutes'].help_text = _('%(types)s; at most %(mb)s MB.') % {
            'types': ', '.join(kind.lstrip('.').upper() for kind in MINUTES_TYPES),
            'mb': MINUTES_MAX_MB,
        }
        # Minutes are not Council resolutions: offering the corpus of resolutions would bury the few that fit.
        self.fields['minutes_document'].queryset = (
            Document.objects.restrict(user, 'view').exclude(doc_type='resolution').order_by('-date', 'key')
        )
        self.fields['minutes_document'].help_text = _('Or a document already stored in ssrhub.')

    def clean_minutes(self):
        upload = self.cleaned_data.get('minutes')
        if not upload or not hasattr(upload, 'size') or upload.name == getattr(self.instance.minutes, 'name', None):
            return upload
        name, suffix = Path(upload.name).name, Path(upload.name).suffix.lower()
        if suffix not in MINUTES_TYPES:
            raise forms.ValidationError(
                _('%(name)s: minutes must be one of %(types)s.'),
                params={'name': name, 'types': ', '.join(MINUTES_TYPES)},
                code='type',
            )
        if upload.size > MINUTES_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(
                _('%(name)s is %(size).1f MB; minutes may be at most %(limit)s MB.'),
                params={'name': name, 'size': upload.size / 1024 / 1024, 'limit': MINUTES_MAX_MB},
                code='size',
            )
        head = upload.read(8)
        upload.seek(0)
        if suffix in MINUTES_SIGNATURES and not head.startswith(MINUTES_SIGNATURES[suffix]):
            raise forms.ValidationError(
                _('%(name)s does not hold what its name says (%(suffix)s).'),
                params={'name': name, 'suffix': suffix},
                code='content',
            )
        if suffix == '.txt' and b'\x00' in head:
            raise forms.ValidationError(
                _('%(name)s does not hold what its name says (%(suffix)s).'),
                params={'name': name, 'suffix': suffix},
                code='content',
            )
        upload.name = name
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get('minutes') and cleaned.get('minutes_document'):
            self.add_error('minutes_document', _('Give the minutes as a file or as a stored document, not both.'))
        return cleaned


class DecisionForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'due': 'due_precision'}

    class Meta:
        model = Decision
        fields = ['ref', 'text', 'owner', 'owner_name', 'due', 'actions', 'components', 'source']
        widgets = {
            'text': forms.Textarea(attrs={'rows': 3}),
            'actions': forms.CheckboxSelectMultiple,
            'components': forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, meeting, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        country = meeting.forum.country
        self.fields['owner'].queryset = _organisations(user)
        self.fields['actions'].queryset = (
            Action.objects.restrict(user, 'view').filter(document__country=country).select_related('document')
        )
        self.fields['actions'].label_from_instance = lambda action: f'{action.document}: {action}'
        self.fields['components'].queryset = covered_items()
        self.fields['components'].label_from_instance = _item_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get('owner') and cleaned.get('owner_name'):
            self.add_error('owner_name', _('Give the owner as an organisation or by name, not both.'))
        return cleaned


class DecisionStatusForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = DecisionStatusUpdate
        fields = ['date', 'status', 'note']
        widgets = {'date': DATE}
        labels = {'date': _('As of')}

    def __init__(self, *args, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        if decision is not None:
            self.instance.decision = decision
        self.fields['status'].choices = DecisionStatus.choices
        self.fields['date'].widget.attrs['max'] = timezone.localdate().isoformat()
