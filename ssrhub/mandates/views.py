"""Mission tracks: the documents acting on a mission, its timeline, the mandate in force and link corrections."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ssrhub.coding.codebook import PEMA_TASKS
from ssrhub.coding.labels import code_label
from ssrhub.coding.pema import PEMA_COLUMN_MODALITIES
from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.params import date_param
from ssrhub.core.roles import permission_name
from ssrhub.core.symbols import DocType
from ssrhub.core.views.generic import AnalysisView, RestrictedViewMixin
from ssrhub.documents.linking import Relation
from ssrhub.documents.missions import set_manual_link
from ssrhub.documents.models import ON_TRACK, RELATION_LABELS, MissionLink
from ssrhub.framework.models import Mission

from .comparison import Period, mission_by_reference
from .forms import LinkOverrideForm
from .inforce import mandate_in_force
from .pematable import ROW_HEADINGS, pema_columns
from .queries import mission_acts, mission_carry, pema_table_rows

__all__ = [
    'CarryExportView',
    'InForceExportView',
    'MandateIndexView',
    'MissionAnalysisView',
    'MissionTrackView',
    'MissionTimelineView',
    'PemaTableExportView',
    'default_date',
    'in_force_rows',
    'mission_track_section',
    'read_date',
]

IN_FORCE_COLUMNS = [
    ('code', gettext_lazy('Code')),
    ('label', gettext_lazy('Task')),
    ('modality', gettext_lazy('Modality')),
    ('symbol', gettext_lazy('Resolution')),
    ('paragraphs', gettext_lazy('Paragraphs')),
    ('since', gettext_lazy('Since')),
    ('current', gettext_lazy('Mandated by the latest resolution')),
    ('citation', gettext_lazy('Citation')),
]
CARRY_RESOLUTION_COLUMNS = [
    ('symbol', gettext_lazy('Resolution')),
    ('date', gettext_lazy('Date')),
    ('paragraphs', gettext_lazy('Paragraphs')),
    ('carried_share', gettext_lazy('Share of carried text')),
]
CARRY_PARAGRAPH_COLUMNS = [
    ('symbol', gettext_lazy('Resolution')),
    ('paragraph', gettext_lazy('Paragraph')),
    ('source_symbol', gettext_lazy('Most similar earlier resolution')),
    ('source_paragraph', gettext_lazy('Its paragraph')),
    ('similarity', gettext_lazy('Similarity')),
    ('carry_class', gettext_lazy('Class')),
    ('formulaic_renewals', gettext_lazy('Repeated unchanged in (resolutions)')),
]
LANES = {
    DocType.RESOLUTION: gettext_lazy('Resolutions'),
    DocType.SG_REPORT: gettext_lazy('Reports'),
    'other': gettext_lazy('Other documents'),
}


# Section: access and shared reading


class MissionAnalysisView(AnalysisView):
    """A page or download about a mission's track: the user reads mission links, the mission is ``self.object``."""

    queryset = Mission.objects.all()
    reads = MissionLink
    lookup = {'acronym': 'acronym__iexact'}


def can_correct_links(user) -> bool:
    return user.has_perm(permission_name(MissionLink, 'change'))


def read_date(request, mission) -> date:
    """The ``date`` GET parameter; by default the mission's end if it closed, else today. A bad date raises
    ``InvalidParameter`` (a 400 page, or a ``ValueError`` to catch)."""
    return date_param(request, 'date', default_date(mission))


def default_date(mission) -> date:
    """The mission's end if it has closed, else today."""
    return mission.end if mission.end and mission.end < date.today() else date.today()


def in_force_rows(mission, on: date) -> list[dict]:
    """The tasks in force on ``on`` as dicts (``InForce.as_dict()`` plus the code's label)."""
    tasks = mandate_in_force(mission_acts(mission), on, closes=mission.end)
    return [{**task.as_dict(), 'label': code_label(task.code)} for task in tasks]


def mission_track_section(request, mission) -> dict | None:
    """The mission page's link to its track and comparison (``framework.sections``), for a user who may open them."""
    if not request.user.is_authenticated or not request.user.has_perm(permission_name(MissionLink, 'view')):
        return None
    on_track = MissionLink.objects.restrict(request.user).filter(ON_TRACK, mission=mission)
    return {'on_track': on_track.count()}


def mission_links(user, mission):
    return (
        MissionLink.objects.restrict(user)
        .filter(mission=mission)
        .select_related('document')
        .order_by('document__date', 'document__symbol')
    )


# Section: pages


class MandateIndexView(LoginRequiredMixin, RestrictedViewMixin, View):
    """Missions with at least one document on their track."""

    queryset = Mission.objects.all()

    def get(self, request):
        links = MissionLink.objects.restrict(request.user).filter(ON_TRACK)
        on_track = Q(document_links__in=links)
        missions = (
            self.get_queryset(request)
            .annotate(
                track_count=Count('document_links', filter=on_track),
                resolution_count=Count(
                    'document_links', filter=on_track & Q(document_links__document__doc_type=DocType.RESOLUTION)
                ),
                first_date=Min('document_links__document__date', filter=on_track),
                last_date=Max('document_links__document__date', filter=on_track),
            )
            .filter(track_count__gt=0)
            .order_by('acronym')
        )
        return render(request, 'mandates/index.html', {'missions': missions})


class MissionTrackView(MissionAnalysisView):
    """A mission's track: its documents (chart and table), the mandate in force on a date, link corrections."""

    template_name = 'mandates/mission_track.html'

    def get(self, request):
        mission = self.object
        form = LinkOverrideForm(user=request.user) if can_correct_links(request.user) else None
        return self.render(request, mission, form)

    def post(self, request):
        mission = self.object
        if not can_correct_links(request.user):
            raise PermissionDenied
        form = LinkOverrideForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(request, mission, form, status=400)
        data = form.cleaned_data
        link = set_manual_link(
            form.document,
            mission,
            relation=data['relation'],
            excluded=data['excluded'],
            paragraph_ref=data['paragraph_ref'],
            note=data['note'],
        )
        if link.excluded:
            text = _('%(document)s is now excluded from %(mission)s.')
        else:
            text = _('%(document)s now %(relation)s %(mission)s.')
        messages.success(
            request,
            text % {'document': form.document, 'mission': mission, 'relation': link.get_relation_display()},
        )
        return redirect(reverse('mandates:mission_track', args=[mission.acronym]))

    def render(self, request, mission, form, status=200):
        links = list(mission_links(request.user, mission))
        try:
            on = read_date(request, mission)
            date_error = ''
        except ValueError:
            on, date_error = default_date(mission), _('Enter a date as YYYY-MM-DD.')
        tasks = in_force_rows(mission, on)
        urls = {link.document.symbol or link.document.key: link.document.get_absolute_url() for link in links}
        for task in tasks:
            task['url'] = urls.get(task['symbol'])
        carry_resolutions, carry_paragraphs = mission_carry(mission)
        by_reference = [row for row in mission_by_reference(mission, Period(end=on)) if not row['complete']]
        context = {
            'by_reference': by_reference,
            'mission': mission,
            'links': links,
            'on': on,
            'date_error': date_error,
            'tasks': tasks,
            'closed': bool(mission.end and on > mission.end),
            'form': form,
            'export_formats': EXPORT_FORMATS,
            'carry_resolutions': carry_resolutions,
            'formulaic': [row for row in carry_paragraphs if row['formulaic_renewals']],
        }
        return render(request, self.template_name, context, status=status)


class MissionTimelineView(MissionAnalysisView):
    """The timeline chart's JSON (see ``core/static/ssrhub/charts.js``)."""

    def get(self, request):
        mission = self.object
        return JsonResponse(timeline(mission, mission_links(request.user, mission).filter(excluded=False)))


def timeline(mission, links) -> dict:
    lineage = [*sorted(mission.predecessors.all(), key=lambda m: m.start), mission]
    lanes = [{'key': f'mission-{m.acronym}', 'label': m.acronym} for m in lineage]
    ranges = [
        {
            'lane': f'mission-{m.acronym}',
            'start': m.start.isoformat(),
            'end': m.end.isoformat() if m.end else None,
            'label': m.acronym,
            'url': reverse('mandates:mission_track', args=[m.acronym]),
        }
        for m in lineage
    ]
    points, used_lanes, used_categories = [], set(), set()
    for link in links:
        document = link.document
        if not document.date:
            continue
        lane = document.doc_type if document.doc_type in LANES else 'other'
        category = 'report' if link.relation == Relation.REPORTS else link.relation
        used_lanes.add(lane)
        used_categories.add(link.relation)
        points.append(
            {
                'lane': lane,
                'date': document.date.isoformat(),
                'label': f'{document} ({link.get_relation_display()})',
                'url': document.get_absolute_url(),
                'category': category,
            }
        )
    lanes += [{'key': str(key), 'label': str(label)} for key, label in LANES.items() if key in used_lanes]
    categories = [
        {'key': 'report' if relation == Relation.REPORTS else relation.value, 'label': str(RELATION_LABELS[relation])}
        for relation in Relation
        if relation.value in used_categories
    ]
    return {
        'kind': 'timeline',
        'lanes': lanes,
        'points': points,
        'ranges': ranges,
        'categories': categories,
        'ranges_label': str(_('Mission period')),
    }


# Section: exports


class InForceExportView(MissionAnalysisView):
    def get(self, request, fmt):
        mission = self.object
        on = read_date(request, mission)
        return export_response(
            in_force_rows(mission, on), IN_FORCE_COLUMNS, fmt, f'{mission.acronym}-in-force-{on.isoformat()}'
        )


class CarryExportView(MissionAnalysisView):
    """Carry-forward along the track: one row per resolution, or per paragraph with ``?level=paragraphs``."""

    def get(self, request, fmt):
        mission = self.object
        resolutions, paragraphs = mission_carry(mission)
        if request.GET.get('level') == 'paragraphs':
            rows, columns, name = paragraphs, CARRY_PARAGRAPH_COLUMNS, 'carry-paragraphs'
        else:
            rows, columns, name = resolutions, CARRY_RESOLUTION_COLUMNS, 'carry'
        return export_response(rows, columns, fmt, f'{mission.acronym}-{name}')


class PemaTableExportView(MissionAnalysisView):
    def get(self, request, fmt):
        mission = self.object
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        columns = [(key, key) for key in (*ROW_HEADINGS, *pema_columns(sorted(PEMA_TASKS), PEMA_COLUMN_MODALITIES))]
        rows = pema_table_rows(self.get_queryset(request).filter(pk=mission.pk))
        return export_response(rows, columns, fmt, f'{mission.acronym}-pema-table')
