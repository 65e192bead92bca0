"""A country's timeline: events by date with every source's date (disagreements shown), the chart JSON, exports,
and the forms that add events and dated sources. A dated source is only ever added: another source's date is never
edited away."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.fields import UNSymbolFormField
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm
from ssrhub.core.models import SourceCitation

from . import timeline
from .models import DatePrecision, EventDate, EventKind, TimelineEvent
from .workspace import WorkspaceView

__all__ = [
    'EventDateAddView',
    'EventDateForm',
    'EventEditView',
    'TimelineEventForm',
    'TimelineExportView',
    'TimelineJsonView',
    'TimelineView',
    'timeline_chart',
    'timeline_events',
    'urlpatterns',
]

# The chart's categories, drawn with the look of two built-in charts.js categories (a blue circle, an orange diamond).
AGREED_CATEGORY, AGREED_LOOK = 'agreed', 'extends'
DISPUTED_CATEGORY, DISPUTED_LOOK = 'disputed', 'adjusts'

EXPORT_COLUMNS = [
    ('event', gettext_lazy('Event')),
    ('kind', gettext_lazy('Kind')),
    ('date', gettext_lazy('Date')),
    ('precision', gettext_lazy('Precision')),
    ('source', gettext_lazy('Source')),
    ('citations', gettext_lazy('Citations')),
    ('sources_disagree', gettext_lazy('Sources disagree')),
    ('all_dates', gettext_lazy('Every date given')),
    ('description', gettext_lazy('Description')),
]


# Section: reading


def source_text(dated: EventDate) -> str:
    """A dated source as one line: its free-text source and its citations."""
    return '; '.join([*([dated.source] if dated.source else []), *(c.text for c in dated.citations.all())])


def timeline_events(user, country) -> list[TimelineEvent]:
    """The country's events the user may see, by earliest date; each carries ``values`` (the distinct dates with
    their sources, earliest first) and ``disputed``."""
    dates = EventDate.objects.restrict(user).prefetch_related('citations').order_by('date', 'pk')
    events = TimelineEvent.objects.restrict(user).filter(country=country).prefetch_related(Prefetch('dates', dates))
    events = timeline.sort_events(events, lambda event: event.dates.all())
    for event in events:
        event.values = timeline.values(event.dates.all())
        event.disputed = timeline.disagree(event.dates.all())
    return events


def timeline_chart(country, events) -> dict:
    """The JSON of the ``timeline`` chart (``core/static/ssrhub/charts.js``): one lane per kind of event, one point
    per distinct date, so an event whose sources disagree shows on each of its dates."""
    page = reverse('countries:timeline', args=[country.iso3])
    used = {event.kind for event in events if event.values}
    lanes = [{'key': kind.value, 'label': str(kind.label)} for kind in EventKind if kind.value in used]
    points = []
    for event in events:
        for value in event.values:
            label = event.title
            if event.disputed:
                label = _('%(event)s (sources disagree: %(dates)s)') % {
                    'event': event.title,
                    'dates': ' / '.join(other.iso for other in event.values),
                }
            points.append(
                {
                    'lane': event.kind,
                    'date': value.iso,
                    'label': label,
                    'url': f'{page}#event-{event.pk}',
                    'category': DISPUTED_CATEGORY if event.disputed else AGREED_CATEGORY,
                }
            )
    categories = [{'key': AGREED_CATEGORY, 'label': str(_('Date')), 'look': AGREED_LOOK}]
    if any(event.disputed for event in events):
        categories = [
            {'key': AGREED_CATEGORY, 'label': str(_('Sources agree')), 'look': AGREED_LOOK},
            {'key': DISPUTED_CATEGORY, 'label': str(_('Sources disagree: one point per date')), 'look': DISPUTED_LOOK},
        ]
    return {'kind': 'timeline', 'lanes': lanes, 'points': points, 'categories': categories}


def export_rows(events) -> list[dict]:
    """One row per dated source: every value stays, side by side."""
    rows = []
    for event in events:
        every = timeline.format_disagreement(event.dates.all(), source_text)
        for dated in event.dates.all():
            rows.append(
                {
                    'event': event.title,
                    'kind': event.get_kind_display(),
                    'date': timeline.iso(dated),
                    'precision': dated.precision,
                    'source': dated.source,
                    'citations': [citation.text for citation in dated.citations.all()],
                    'sources_disagree': event.disputed,
                    'all_dates': every,
                    'description': event.description,
                }
            )
    return rows


# Section: forms


class TimelineEventForm(ChangeLoggedModelForm):
    class Meta:
        model = TimelineEvent
        fields = ['kind', 'title', 'description']
        widgets = {'description': forms.Textarea(attrs={'rows': 3})}


class EventDateForm(AccessibleFormMixin, forms.ModelForm):
    """The date one source gives, with where it comes from: a free-text source and/or one citation."""

    symbol = UNSymbolFormField(label=gettext_lazy('UN document symbol'), max_length=120, required=False)
    paragraph = forms.CharField(label=gettext_lazy('Paragraph'), max_length=40, required=False)
    book_chapter = forms.IntegerField(label=gettext_lazy('Book chapter'), min_value=1, max_value=99, required=False)
    book_lines = forms.CharField(label=gettext_lazy('Book lines'), max_length=40, required=False)
    url = forms.URLField(label=gettext_lazy('URL'), max_length=200, assume_scheme='https', required=False)

    citation_fields = ('symbol', 'paragraph', 'book_chapter', 'book_lines', 'url')

    class Meta:
        model = EventDate
        fields = ['date', 'precision', 'source']
        widgets = {'date': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')}
        help_texts = {
            'precision': gettext_lazy('For a month or a year, any day of it will do.'),
            'source': gettext_lazy('Who or what gives this date: a person, a file, a meeting, a page.'),
        }

    def clean(self):
        data = super().clean()
        date, precision = data.get('date'), data.get('precision')
        # A month or a year is stored as its first day, so equal values compare equal.
        if date and precision == DatePrecision.MONTH:
            data['date'] = date.replace(day=1)
        elif date and precision == DatePrecision.YEAR:
            data['date'] = date.replace(month=1, day=1)
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
            raise ValidationError(_('Say where this date comes from: a source, a citation, or both.'))
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


# Section: pages


class TimelineMixin:
    model = TimelineEvent
    tab = 'timeline'

    def get_event(self, pk, action='view'):
        queryset = TimelineEvent.objects.restrict(self.request.user, action).filter(country=self.country)
        return get_object_or_404(queryset, pk=pk)

    def back_to(self, event):
        return redirect(f'{reverse("countries:timeline", args=[self.country.iso3])}#event-{event.pk}')


class TimelineView(TimelineMixin, WorkspaceView):
    def get(self, request, iso3):
        events = timeline_events(request.user, self.country)
        context = self.workspace_context(
            events=events,
            disputed_count=sum(event.disputed for event in events),
            export_formats=EXPORT_FORMATS,
        )
        return render(request, 'countries/timeline.html', context)


class TimelineJsonView(TimelineMixin, WorkspaceView):
    """The chart's JSON (``timeline.json`` is the table's JSON export)."""

    def get(self, request, iso3):
        return JsonResponse(timeline_chart(self.country, timeline_events(request.user, self.country)))


class TimelineExportView(TimelineMixin, WorkspaceView):
    def get(self, request, iso3, fmt):
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        rows = export_rows(timeline_events(request.user, self.country))
        return export_response(rows, EXPORT_COLUMNS, fmt, f'{self.country.iso3}-timeline')


class EventEditView(TimelineMixin, WorkspaceView):
    """Add an event with its first dated source, or change an event's kind, title and description (its dates are
    added one source at a time, never edited here)."""

    template_name = 'countries/timeline_event_form.html'

    def get(self, request, iso3, pk=None):
        self.require_edit()
        event = self.get_event(pk, 'change') if pk else TimelineEvent(country=self.country)
        date_form = None if pk else EventDateForm(initial={'precision': DatePrecision.DAY})
        return self.render(event, TimelineEventForm(instance=event), date_form)

    def post(self, request, iso3, pk=None):
        self.require_edit()
        event = self.get_event(pk, 'change') if pk else TimelineEvent(country=self.country)
        form = TimelineEventForm(request.POST, instance=event)
        date_form = None if pk else EventDateForm(request.POST)
        if not (form.is_valid() and (date_form is None or date_form.is_valid())):
            return self.render(event, form, date_form, status=400)
        with transaction.atomic():
            event = form.save()
            if date_form is not None:
                date_form.save_with_citation(event)
        messages.success(request, _('Saved %(event)s.') % {'event': event})
        return self.back_to(event)

    def render(self, event, form, date_form, status=200):
        context = self.workspace_context(event=event, form=form, date_form=date_form)
        return render(self.request, self.template_name, context, status=status)


class EventDateAddView(TimelineMixin, WorkspaceView):
    """Add the date another source gives for an event; the dates already recorded stay as they are."""

    template_name = 'countries/timeline_date_form.html'

    def get(self, request, iso3, pk):
        self.require_edit()
        event = self.get_event(pk, 'change')
        return self.render(event, EventDateForm(initial={'precision': DatePrecision.DAY}))

    def post(self, request, iso3, pk):
        self.require_edit()
        event = self.get_event(pk, 'change')
        form = EventDateForm(request.POST)
        if not form.is_valid():
            return self.render(event, form, status=400)
        with transaction.atomic():
            dated = form.save_with_citation(event)
        messages.success(
            request,
            _('Added the date %(date)s to %(event)s.') % {'date': timeline.iso(dated), 'event': event},
        )
        return self.back_to(event)

    def render(self, event, form, status=200):
        dates = EventDate.objects.restrict(self.request.user).filter(event=event).prefetch_related('citations')
        context = self.workspace_context(
            event=event, form=form, values=timeline.values(dates), disputed=timeline.disagree(dates)
        )
        return render(self.request, self.template_name, context, status=status)


W = 'countries/<str:iso3>/workspace/'

urlpatterns = [
    path(f'{W}timeline/', TimelineView.as_view(), name='timeline'),
    path(f'{W}timeline/chart.json', TimelineJsonView.as_view(), name='timeline_json'),
    path(f'{W}timeline.<str:fmt>', TimelineExportView.as_view(), name='timeline_export'),
    path(f'{W}timeline/events/add/', EventEditView.as_view(), name='event_add'),
    path(f'{W}timeline/events/<int:pk>/edit/', EventEditView.as_view(), name='event_edit'),
    path(f'{W}timeline/events/<int:pk>/dates/add/', EventDateAddView.as_view(), name='event_date_add'),
]
