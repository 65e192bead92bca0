"""The country brief: one page in HTML or PDF (WeasyPrint), in English or French (``?lang=fr``), with the actor
map, the engagement, plan status, the latest assessment and a timeline."""

from collections import Counter
from datetime import date

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header

from ssrhub.core.views.generic import CountryScopedView

from ..brief_figures import EventMark, MapActor, MapRelation, actor_map, event_axis
from ..models import (
    Action,
    ActionStatus,
    Actor,
    ActorRelation,
    Area,
    Assessment,
    Compliance,
    Engagement,
    NationalDocument,
    TimelineEvent,
)
from ..overdue import overdue_sections
from ..plan_messages import CHECK_LABELS, DOCUMENT_CHECKS
from ..plan_queries import country_findings
from ..plans import IMPLEMENTED_KINDS
from ..scorecard import SCORED_GROUPS, Entry, summarise
from ..timeline import disagree, iso
from .workspace import lifecycle

__all__ = ['BriefPdfView', 'BriefView', 'brief_context']

LANGUAGES = ('en', 'fr')
# The brief holds on one A4 page (measured on the Central African Republic's, the fullest demo brief): overdue items
# of the registered sources take one paragraph, at most OVERDUE_SHOWN items each, and the timeline then lists
# EVENTS_WITH_OVERDUE events instead of 10 to make room.
OVERDUE_SHOWN = 2
EVENTS_WITH_OVERDUE = 6


def _language(request) -> str:
    value = request.GET.get('lang', '')
    return value if value in LANGUAGES else (translation.get_language() or 'en')[:2]


def _assessment_summary(assessment) -> dict | None:
    """The latest assessment's mean score per scored group and its count per compliance value (rated items)."""
    if assessment is None:
        return None
    ratings = assessment.ratings.select_related('item')
    groups = summarise(Entry(r.item.code, r.score, r.compliance) for r in ratings)
    labels = dict(Compliance.choices)
    compliance = [
        (labels[value], count) for value, count in groups['principle'].counts.items() if count and value in labels
    ]
    means = {group: round(groups[group].mean, 1) if groups[group].mean is not None else None for group in SCORED_GROUPS}
    return {'assessment': assessment, 'means': means, 'compliance': compliance}


def _mark(event) -> EventMark:
    dates = list(event.dates.all())
    shown = tuple(dict.fromkeys(iso(dated) for dated in sorted(dates, key=lambda d: d.date)))
    return EventMark(str(event), tuple(d.date for d in dates), event.kind, shown, disagree(dates))


def brief_context(user, country, today: date) -> dict:
    """What the brief shows of what ``user`` may read, in the active language."""

    def read(model):
        return model.objects.restrict(user)

    engagement = read(Engagement).filter(country=country).select_related('mission').prefetch_related('stages').first()
    actors = list(read(Actor).filter(country=country))
    relations = read(ActorRelation).filter(from_actor__country=country).select_related('from_actor', 'to_actor')
    figure = actor_map(
        [MapActor(a.pk, str(a), a.area, a.statutory) for a in actors],
        [MapRelation(r.from_actor_id, r.to_actor_id, r.get_kind_display()) for r in relations],
        Area.choices,
    )
    findings = {item['document'].pk: item['findings'] for item in country_findings(country, today, user)}
    counts = Counter(read(Action).filter(document__country=country).values_list('document_id', 'status').iterator())
    documents, others = [], Counter()
    for document in read(NationalDocument).filter(country=country).order_by('adopted', 'title'):
        if document.kind not in IMPLEMENTED_KINDS:  # laws and other texts: counted by status, not listed
            others[document.get_status_display()] += 1
            continue
        documents.append(
            {
                'document': document,
                'statuses': [
                    (label, counts[(document.pk, value)])
                    for value, label in ActionStatus.choices
                    if counts[(document.pk, value)]
                ],
                'flags': [CHECK_LABELS[f.check] for f in findings.get(document.pk, []) if f.check in DOCUMENT_CHECKS],
                'uncovered': sum(1 for f in findings.get(document.pk, []) if f.check == 'alignment'),
            }
        )
    overdue = [
        {**section, 'shown': section['items'][:OVERDUE_SHOWN], 'more': len(section['items']) - OVERDUE_SHOWN}
        for section in overdue_sections(user, [country], today)
        if section['items']
    ]
    events = read(TimelineEvent).filter(country=country).prefetch_related('dates')
    axis = event_axis((_mark(event) for event in events), **({'latest': EVENTS_WITH_OVERDUE} if overdue else {}))
    assessment = read(Assessment).filter(country=country).order_by('-date').first()
    return {
        'country': country,
        'today': today,
        'engagement': engagement,
        'stages': lifecycle(engagement),
        'map': figure,
        'actor_count': len(actors),
        'documents': documents,
        'other_documents': sorted(others.items()),
        'assessment': _assessment_summary(assessment),
        'axis': axis,
        'overdue': overdue,
    }


class BriefView(CountryScopedView):
    queryset = Engagement.objects.all()
    tab = 'brief'

    def get(self, request):
        language = _language(request)
        with translation.override(language):
            context = self.country_context(**brief_context(request.user, self.country, date.today()), language=language)
            return render(request, 'countries/brief.html', context)


class BriefPdfView(CountryScopedView):
    queryset = Engagement.objects.all()

    def get(self, request):
        from weasyprint import HTML  # imported here: loading Pango costs time that other pages need not pay

        language = _language(request)
        with translation.override(language):
            context = {**brief_context(request.user, self.country, date.today()), 'language': language}
            html = render_to_string('countries/brief_pdf.html', context, request=request)
        pdf = HTML(string=html, base_url=request.build_absolute_uri('/')).write_pdf()
        response = HttpResponse(pdf, content_type='application/pdf')
        filename = f'ssrhub-brief-{self.country.iso3}-{language}-{date.today().isoformat()}.pdf'
        response['Content-Disposition'] = content_disposition_header(True, filename)
        return response
