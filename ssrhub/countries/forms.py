"""Every form of the country workspaces: the engagement and national documents, the security-sector map and its
CSV import, assessments with their ratings, and the timeline. The model ``clean()`` methods hold the rules."""

from pathlib import Path

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import UNSymbolFormField
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm, PartialDateFormMixin, style_widgets
from ssrhub.core.models import SourceCitation

from .actor_import import MAX_BYTES, normalise_name
from .models import (
    Action,
    ActionStatus,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    Assessment,
    AssessmentRating,
    Compliance,
    Engagement,
    EngagementStage,
    EventDate,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    Score,
    Threat,
    TimelineEvent,
    WomenShareTarget,
)

__all__ = [
    'ActionForm',
    'ActorForm',
    'ActorImportConfirmForm',
    'ActorImportForm',
    'ActorRelationForm',
    'AssessmentForm',
    'EngagementForm',
    'EventDateForm',
    'HeadcountForm',
    'NationalDocumentForm',
    'ObjectiveForm',
    'PillarForm',
    'RatingForm',
    'RatingFormSet',
    'StageForm',
    'StatusUpdateForm',
    'ThreatForm',
    'TimelineEventForm',
    'WomenShareTargetForm',
    'rating_formset',
]

# Section: engagement and national documents

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
            'national_lead_fr',
            'international_counterpart',
            'summary',
            'source',
        ]
        widgets = {'request_date': DATE, 'summary': forms.Textarea(attrs={'rows': 4})}


class StageForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'start': 'start_precision', 'end': 'end_precision'}

    class Meta:
        model = EngagementStage
        fields = ['status', 'start', 'end', 'led_by', 'evidence', 'skip_reason', 'source']
        widgets = {'evidence': forms.Textarea(attrs={'rows': 3})}


class NationalDocumentForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'adopted': 'adopted_precision', 'due': 'due_precision'}

    class Meta:
        model = NationalDocument
        fields = [
            'kind',
            'title',
            'title_fr',
            'parent',
            'status',
            'adopted',
            'adopted_by',
            'due',
            'vision',
            'note',
            'source',
        ]
        widgets = {'vision': forms.Textarea(attrs={'rows': 3})}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        documents = NationalDocument.objects.restrict(user, 'view').filter(country=country)
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

    def __init__(self, *args, document, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['threats'].queryset = Threat.objects.restrict(user, 'view').filter(document__in=document.chain())


class ActionForm(PartialDateFormMixin, ChangeLoggedModelForm):
    partial_dates = {'start': 'start_precision', 'end': 'end_precision'}

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
            'threats': forms.CheckboxSelectMultiple,
            'objectives': forms.CheckboxSelectMultiple,
            'depends_on': forms.CheckboxSelectMultiple,
            'indicators': forms.Textarea(attrs={'rows': 2}),
            'risks': forms.Textarea(attrs={'rows': 2}),
        }

    def __init__(self, *args, document, user, **kwargs):
        super().__init__(*args, **kwargs)
        chain = document.chain()
        self.fields['pillar'].queryset = Pillar.objects.restrict(user, 'view').filter(document=document)
        self.fields['owner'].queryset = Actor.objects.restrict(user, 'view').filter(country=document.country)
        self.fields['threats'].queryset = Threat.objects.restrict(user, 'view').filter(document__in=chain)
        self.fields['objectives'].queryset = Objective.objects.restrict(user, 'view').filter(document__in=chain)
        actions = Action.objects.restrict(user, 'view').filter(document__in=chain)
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
        self.fields['date'].widget.attrs['max'] = timezone.localdate().isoformat()


# Section: security-sector map


class ActorForm(ChangeLoggedModelForm):
    class Meta:
        model = Actor
        fields = ('name', 'name_fr', 'acronym', 'area', 'type', 'statutory', 'note', 'source')
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
    return f'{actor.display_name} ({actor.acronym})' if actor.acronym else actor.display_name


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
        fields = ('actor', 'date', 'count', 'women', 'basis', 'source')
        widgets = {'date': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')}
        help_texts = {'source': _('Who gives this figure (keep each source as its own headcount).')}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_actors(country, user)
        self.fields['date'].widget.attrs['max'] = timezone.localdate().isoformat()


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


# Section: assessments


class AssessmentForm(ChangeLoggedModelForm):
    class Meta:
        model = Assessment
        fields = ['title', 'date', 'assessed_by', 'source', 'note']
        widgets = {
            'date': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d'),
            'note': forms.Textarea(attrs={'rows': 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['date'].widget.attrs['max'] = timezone.localdate().isoformat()


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


# Section: timeline


class TimelineEventForm(ChangeLoggedModelForm):
    class Meta:
        model = TimelineEvent
        fields = ['kind', 'title', 'title_fr', 'description']
        widgets = {'description': forms.Textarea(attrs={'rows': 3})}


class EventDateForm(PartialDateFormMixin, AccessibleFormMixin, forms.ModelForm):
    """The date one source gives, with where it comes from: a free-text source and/or one citation."""

    symbol = UNSymbolFormField(label=_('UN document symbol'), max_length=120, required=False)
    paragraph = forms.CharField(label=_('Paragraph'), max_length=40, required=False)
    book_chapter = forms.IntegerField(label=_('Book chapter'), min_value=1, max_value=99, required=False)
    book_lines = forms.CharField(label=_('Book lines'), max_length=40, required=False)
    url = forms.URLField(label=_('URL'), max_length=200, assume_scheme='https', required=False)

    citation_fields = ('symbol', 'paragraph', 'book_chapter', 'book_lines', 'url')
    partial_dates = {'date': 'precision'}

    class Meta:
        model = EventDate
        fields = ['date', 'source']
        help_texts = {'source': _('Who or what gives this date: a person, a file, a meeting, a page.')}

    def clean(self):
        data = super().clean()
        values = {name: data.get(name) for name in self.citation_fields}
        self.citation = None
        if any(values.values()):
            self.citation = SourceCitation(
                symbol=values['symbol'] or '',
                paragraph=values['paragraph'] or '',
                book_chapter=values['book_chapter'],
                book_lines=values['book_lines'] or '',
                url=values['url'] or '',
            )
            try:
                self.citation.clean()
            except ValidationError as error:
                self.add_error(None, error)
        elif not data.get('source'):
            self.add_error(None, _('Say where this date comes from: a source, a citation, or both.'))
        return data

    def save_with_citation(self, event) -> EventDate:
        dated = self.save(commit=False)
        dated.event = event
        dated.full_clean()
        dated.save()
        if self.citation is not None:
            self.citation.content_type = ContentType.objects.get_for_model(EventDate)
            self.citation.object_id = dated.pk
            self.citation.full_clean()
            self.citation.save()
        return dated


class WomenShareTargetForm(_CountryActorsMixin, ChangeLoggedModelForm):
    actor_fields = ('actor',)

    class Meta:
        model = WomenShareTarget
        fields = ('actor', 'share', 'target_date', 'source', 'note')
        widgets = {'target_date': DATE}
        help_texts = {'source': _('Where the country sets this target: a policy, a strategy, a decision.')}

    def __init__(self, *args, country, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_actors(country, user)
        self.fields['actor'].empty_label = _('The whole security sector')
