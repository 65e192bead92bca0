"""A country's timeline: events by date with every source's date (disagreements shown), the chart JSON, exports,
and the pages that add events and dated sources. A dated source is only ever added: another source's date is never
edited away."""

from django.db.models import Prefetch
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.views.generic import CountryObjectEditView, CountryScopedView

from .. import timeline
from ..forms import EventDateForm, TimelineEventForm
from ..models import EventDate, EventKind, TimelineEvent
from ..panels import timeline_sections
from ..tables import TimelineExportTable, export_columns

__all__ = [
    'EventDateAddView',
    'EventEditView',
    'TimelineExportView',
    'TimelineJsonView',
    'TimelineView',
    'export_rows',
    'timeline_chart',
    'timeline_events',
]

# The chart's categories, drawn with the look of two built-in charts.js categories (a blue circle, an orange diamond).
AGREED_CATEGORY, AGREED_LOOK = 'agreed', 'extends'
DISPUTED_CATEGORY, DISPUTED_LOOK = 'disputed', 'adjusts'
CONTEXT_LOOK = 'terminates'  # a vermillion cross: context from other sources, never taken for the country's events


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


def timeline_chart(country, events, sections=()) -> dict:
    """The JSON of the ``timeline`` chart (``core/static/ssrhub/charts.js``): one lane per kind of event, one point
    per distinct date, so an event whose sources disagree shows on each of its dates; then one lane per context
    source registered by a higher app (``sections``: ``timeline_sections()``), drawn with a look of its own."""
    page = reverse('countries:timeline', args=[country.iso3])
    used = {event.kind for event in events if event.values}
    lanes = [{'key': kind.value, 'label': str(kind.label)} for kind in EventKind if kind.value in used]
    points = []
    for event in events:
        for value in event.values:
            label = event.display_title
            if event.disputed:
                label = _('%(event)s (sources disagree: %(dates)s)') % {
                    'event': event.display_title,
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
    for source, entries in sections:
        if not entries:
            continue
        lanes.append({'key': source.key, 'label': str(source.heading)})
        categories.append({'key': source.key, 'label': str(source.heading), 'look': CONTEXT_LOOK})
        points.extend(
            {'lane': source.key, 'date': entry.date.isoformat(), 'label': entry.label, 'url': entry.url,
             'category': source.key}
            for entry in entries
        )  # fmt: skip
    return {'kind': 'timeline', 'lanes': lanes, 'points': points, 'categories': categories}


def export_rows(events) -> list[dict]:
    """One row per dated source: every value stays, side by side."""
    rows = []
    for event in events:
        every = timeline.format_disagreement(event.dates.all(), source_text)
        for dated in event.dates.all():
            rows.append(
                {
                    'event': event.display_title,
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


# Section: pages


class TimelineMixin:
    queryset = TimelineEvent.objects.all()
    tab = 'timeline'

    def back_to(self, event) -> str:
        return f'{reverse("countries:timeline", args=[self.country.iso3])}#event-{event.pk}'


class TimelineView(TimelineMixin, CountryScopedView):
    def get(self, request):
        events = timeline_events(request.user, self.country)
        context = self.country_context(
            events=events,
            context_sections=timeline_sections(request.user, self.country),  # registered by higher apps
            disputed_count=sum(event.disputed for event in events),
            export_formats=EXPORT_FORMATS,
        )
        return render(request, 'countries/timeline.html', context)


class TimelineJsonView(TimelineMixin, CountryScopedView):
    """The chart's JSON (``timeline.json`` is the table's JSON export)."""

    def get(self, request):
        events = timeline_events(request.user, self.country)
        return JsonResponse(timeline_chart(self.country, events, timeline_sections(request.user, self.country)))


class TimelineExportView(TimelineMixin, CountryScopedView):
    def get(self, request, fmt):
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        rows = export_rows(timeline_events(request.user, self.country))
        return export_response(rows, export_columns(TimelineExportTable), fmt, f'{self.country.iso3}-timeline')


class EventEditView(TimelineMixin, CountryObjectEditView):
    """Add an event with its first dated source, or change an event's kind, title and description (its dates are
    added one source at a time, never edited here)."""

    form = TimelineEventForm
    template_name = 'countries/timeline_event_form.html'

    def new_object(self, request, **kwargs):
        return TimelineEvent(country=self.country)

    def get_form(self, request, obj, data=None):
        if obj.pk:
            self.date_form = None
        elif data is None:
            self.date_form = EventDateForm()
        else:
            self.date_form = EventDateForm(data)
        return TimelineEventForm(data, instance=obj)

    def is_valid(self, form) -> bool:
        return form.is_valid() and (self.date_form is None or self.date_form.is_valid())

    def save(self, form):
        event = form.save()
        if self.date_form is not None:
            self.date_form.save_with_citation(event)
        return event

    def get_success_url(self, saved) -> str:
        return self.back_to(saved)

    def get_extra_context(self, request, form) -> dict:
        return {'event': form.instance, 'date_form': self.date_form}


class EventDateAddView(TimelineMixin, CountryObjectEditView):
    """Add the date another source gives for an event; the dates already recorded stay as they are."""

    form = EventDateForm
    template_name = 'countries/timeline_date_form.html'

    def get_action(self, **kwargs) -> str:
        return 'change'  # the event's dates are part of the event

    def get_form(self, request, obj, data=None):
        self.event = obj
        return EventDateForm(data) if data is not None else EventDateForm()

    def save(self, form):
        return form.save_with_citation(self.event)

    def get_success_message(self, saved) -> str:
        return _('Added the date %(date)s to %(event)s.') % {'date': timeline.iso(saved), 'event': self.event}

    def get_success_url(self, saved) -> str:
        return self.back_to(self.event)

    def get_extra_context(self, request, form) -> dict:
        dates = EventDate.objects.restrict(request.user).filter(event=self.event).prefetch_related('citations')
        return {
            'event': self.event,
            'values': timeline.values(dates),
            'disputed': timeline.disagree(dates),
        }
