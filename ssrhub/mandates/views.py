"""Mission tracks: the documents acting on a mission, its timeline, the mandate in force and link corrections."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ssrhub.coding.codebook import PEMA_TASKS
from ssrhub.coding.labels import code_label
from ssrhub.coding.pema import PEMA_COLUMN_MODALITIES
from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.forms import AccessibleFormMixin
from ssrhub.core.roles import permission_name
from ssrhub.core.symbols import DocType
from ssrhub.documents.linking import Relation
from ssrhub.documents.missions import set_manual_link
from ssrhub.documents.models import ON_TRACK, RELATION_LABELS, Document, MissionLink, RelationChoices
from ssrhub.framework.models import Mission

from .inforce import mandate_in_force, short_symbol
from .pematable import ROW_HEADINGS, pema_columns
from .queries import mission_acts, mission_carry, pema_table_rows

__all__ = [
    'CarryExportView',
    'InForceExportView',
    'MandateIndexView',
    'MissionTrackView',
    'MissionTimelineView',
    'PemaTableExportView',
    'in_force_rows',
    'default_date',
    'read_date',
    'track_mission',
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


def track_mission(request, acronym) -> Mission:
    """The mission, if the user may read mission links (403 otherwise; 404 for an unknown acronym)."""
    if not request.user.has_perm(permission_name(MissionLink, 'view')):
        raise PermissionDenied
    return get_object_or_404(Mission.objects.restrict(request.user), acronym__iexact=acronym)


def can_correct_links(user) -> bool:
    return user.has_perm(permission_name(MissionLink, 'change'))


def read_date(request, mission) -> date:
    """The ``date`` GET parameter; by default the mission's end if it closed, else today. Bad dates -> ValueError."""
    value = request.GET.get('date', '').strip()
    return date.fromisoformat(value) if value else default_date(mission)


def default_date(mission) -> date:
    """The mission's end if it has closed, else today."""
    return mission.end if mission.end and mission.end < date.today() else date.today()


def in_force_rows(mission, on: date) -> list[dict]:
    """The tasks in force on ``on`` as dicts (``InForce.as_dict()`` plus the code's label)."""
    tasks = mandate_in_force(mission_acts(mission), on, closes=mission.end)
    return [{**task.as_dict(), 'label': code_label(task.code)} for task in tasks]


def mission_links(user, mission):
    return (
        MissionLink.objects.restrict(user)
        .filter(mission=mission)
        .select_related('document')
        .order_by('document__date', 'document__symbol')
    )


# Section: pages


class MandateIndexView(LoginRequiredMixin, View):
    """Missions with at least one document on their track."""

    def get(self, request):
        links = MissionLink.objects.restrict(request.user).filter(ON_TRACK)
        on_track = Q(document_links__in=links)
        missions = (
            Mission.objects.restrict(request.user)
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


class LinkOverrideForm(AccessibleFormMixin, forms.Form):
    symbol = forms.CharField(
        label=gettext_lazy('Document symbol'),
        max_length=60,
        help_text=gettext_lazy('For example S/RES/745 (1992) or S/RES/745.'),
    )
    relation = forms.ChoiceField(label=gettext_lazy('Relation'), choices=RelationChoices)
    excluded = forms.BooleanField(label=gettext_lazy('Exclude: the document is not about this mission'), required=False)
    paragraph_ref = forms.CharField(label=gettext_lazy('Paragraph'), max_length=40, required=False)
    note = forms.CharField(label=gettext_lazy('Note'), max_length=500, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_symbol(self):
        symbol = ' '.join(self.cleaned_data['symbol'].split())
        documents = Document.objects.restrict(self.user)
        document = documents.filter(symbol__iexact=symbol).first()
        if document is None:
            matches = list(documents.filter(symbol__istartswith=f'{short_symbol(symbol)} (')[:2])
            document = matches[0] if len(matches) == 1 else None
        if document is None:
            raise forms.ValidationError(_('No document with the symbol %(symbol)s.') % {'symbol': symbol})
        self.document = document
        return document.symbol


class MissionTrackView(LoginRequiredMixin, View):
    """A mission's track: its documents (chart and table), the mandate in force on a date, link corrections."""

    template_name = 'mandates/mission_track.html'

    def get(self, request, acronym):
        mission = track_mission(request, acronym)
        form = LinkOverrideForm(user=request.user) if can_correct_links(request.user) else None
        return self.render(request, mission, form)

    def post(self, request, acronym):
        mission = track_mission(request, acronym)
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
        context = {
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


class MissionTimelineView(LoginRequiredMixin, View):
    """The timeline chart's JSON (see ``core/static/ssrhub/charts.js``)."""

    def get(self, request, acronym):
        mission = track_mission(request, acronym)
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


class InForceExportView(LoginRequiredMixin, View):
    def get(self, request, acronym, fmt):
        mission = track_mission(request, acronym)
        try:
            on = read_date(request, mission)
            return export_response(
                in_force_rows(mission, on), IN_FORCE_COLUMNS, fmt, f'{mission.acronym}-in-force-{on.isoformat()}'
            )
        except ValueError as error:
            return HttpResponseBadRequest(str(error))


class CarryExportView(LoginRequiredMixin, View):
    """Carry-forward along the track: one row per resolution, or per paragraph with ``?level=paragraphs``."""

    def get(self, request, acronym, fmt):
        mission = track_mission(request, acronym)
        resolutions, paragraphs = mission_carry(mission)
        if request.GET.get('level') == 'paragraphs':
            rows, columns, name = paragraphs, CARRY_PARAGRAPH_COLUMNS, 'carry-paragraphs'
        else:
            rows, columns, name = resolutions, CARRY_RESOLUTION_COLUMNS, 'carry'
        try:
            return export_response(rows, columns, fmt, f'{mission.acronym}-{name}')
        except ValueError as error:
            return HttpResponseBadRequest(str(error))


class PemaTableExportView(LoginRequiredMixin, View):
    def get(self, request, acronym, fmt):
        mission = track_mission(request, acronym)
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        columns = [(key, key) for key in (*ROW_HEADINGS, *pema_columns(sorted(PEMA_TASKS), PEMA_COLUMN_MODALITIES))]
        rows = pema_table_rows(Mission.objects.restrict(request.user).filter(pk=mission.pk))
        return export_response(rows, columns, fmt, f'{mission.acronym}-pema-table')
