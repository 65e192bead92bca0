"""Country workspace: dashboard, engagement lifecycle, national documents with their checks and Gantt view, action
tracking. The brief, the map, assessments and timeline are in their own modules."""

from collections import Counter
from datetime import date

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.kept import kept_html
from ssrhub.core.two_factor import reads_sensitive
from ssrhub.core.views.generic import CountryObjectEditView, CountryObjectView, CountryScopedView, FormSaveMixin

from ..forms import (
    ActionForm,
    EngagementForm,
    NationalDocumentForm,
    ObjectiveForm,
    PillarForm,
    StageForm,
    StatusUpdateForm,
    ThreatForm,
)
from ..gantt import GanttItem, draw, gantt
from ..models import (
    Action,
    ActionStatus,
    ActionStatusUpdate,
    Actor,
    Engagement,
    EngagementStage,
    NationalDocument,
    Objective,
    Pillar,
    Stage,
    Threat,
)
from ..overdue import overdue_sections, overdue_sources
from ..panels import action_panels, dashboard_panels, dashboard_sources
from ..plan_messages import (
    CHECK_LABELS,
    DOCUMENT_CHECKS,
    KIND_LABELS,
    SEVERITY_LABELS,
    element_checklist,
    finding_counts,
    finding_dict,
    finding_label,
    finding_message,
)
from ..plan_queries import country_findings, document_groups, key_of
from ..tables import FindingExportTable, export_columns

__all__ = [
    'ActionStatusView',
    'DashboardView',
    'DocumentChecksExportView',
    'DocumentEditView',
    'DocumentListView',
    'DocumentPartEditView',
    'DocumentView',
    'EngagementEditView',
    'EngagementView',
    'StageEditView',
    'lifecycle',
]


DASHBOARD_BODY = 'countries/includes/dashboard_body.html'
# What the dashboard reads of the country's own records (higher apps declare their panels' sources).
DASHBOARD_SOURCES = (
    Engagement,
    EngagementStage,
    NationalDocument,
    Pillar,
    Threat,
    Objective,
    Action,
    ActionStatusUpdate,
    Actor,
)


def lifecycle(engagement) -> list[dict]:
    """The twelve stages in order, each with its record (None when nothing is recorded)."""
    recorded = {stage.stage: stage for stage in engagement.stages.all()} if engagement else {}
    return [{'stage': value, 'label': label, 'record': recorded.get(value)} for value, label in Stage.choices]


class _FormPageMixin:
    """An edit page on ``countries/form.html``: a heading and where Cancel and Save go."""

    template_name = 'countries/form.html'

    def get_title(self, obj) -> str:
        raise NotImplementedError

    def get_cancel_url(self, obj) -> str:
        raise NotImplementedError

    def get_extra_context(self, request, form) -> dict:
        return {'title': self.get_title(form.instance), 'cancel_url': self.get_cancel_url(form.instance)}


# Section: dashboard


class DashboardView(CountryScopedView):
    """Where the country stands: lifecycle, documents and their flags, actions by status, overdue actions.

    The page's body is kept (``core/kept.py``) until a record it shows changes, for the readers who see the same
    records with the same rights, and the day; a reader of sensitive records gets it calculated each time, since the
    due-diligence panel logs each of their reads."""

    queryset = Engagement.objects.all()
    tab = 'dashboard'

    def get(self, request):
        today = date.today()
        context = self.country_context(today=today)
        if reads_sensitive(request.user):
            body = render_to_string(DASHBOARD_BODY, self.body_context(request, context), request)
        else:
            sources = (*DASHBOARD_SOURCES, *dashboard_sources(), *overdue_sources())
            rights = [context[name] for name in ('can_add', 'can_change', 'can_delete')]
            parts = [self.country.pk, today, get_language(), *rights]
            body = kept_html(
                'workspace-dashboard',
                request,
                sources,
                parts,
                DASHBOARD_BODY,
                lambda: self.body_context(request, context),
            )
        return render(request, 'countries/dashboard.html', {**context, 'body': body})

    def body_context(self, request, context) -> dict:
        today = context['today']
        engagement = self.get_queryset(request).prefetch_related('stages').first()
        actions = list(
            Action.objects.restrict(request.user)
            .filter(document__country=self.country)
            .select_related('document', 'owner')
            .order_by('end')
        )
        findings = country_findings(self.country, today, request.user)
        counts = Counter(action.status for action in actions)
        overdue = {f.subject_key for item in findings for f in item['findings'] if f.check == 'overdue'}
        flags = [
            {'label': CHECK_LABELS[finding.check], 'message': finding_message(finding), 'document': item['document']}
            for item in findings
            for finding in item['findings']
            if finding.check in DOCUMENT_CHECKS
        ]
        return {
            **context,
            'engagement': engagement,
            'stages': lifecycle(engagement),
            'status_rows': [(value, label, counts[value]) for value, label in ActionStatus.choices],
            'overdue': [action for action in actions if key_of(action) in overdue],  # the plan checks' rule
            'documents': findings,
            'flags': flags,
            'actor_count': Actor.objects.restrict(request.user).filter(country=self.country).count(),
            'overdue_sections': overdue_sections(request.user, [self.country], today),  # registered by higher apps
            'dashboard_panels': dashboard_panels(request.user, self.country),  # registered by higher apps
        }


# Section: engagement


class EngagementView(CountryScopedView):
    queryset = Engagement.objects.select_related('mission').prefetch_related(
        'citations', Prefetch('stages', queryset=EngagementStage.objects.prefetch_related('citations'))
    )
    tab = 'engagement'

    def get(self, request):
        engagement = self.get_queryset(request).first()
        context = self.country_context(engagement=engagement, stages=lifecycle(engagement))
        return render(request, 'countries/engagement.html', context)


class _EngagementFormMixin(_FormPageMixin):
    tab = 'engagement'

    def get_cancel_url(self, obj) -> str:
        return reverse('countries:engagement', args=[self.country.iso3])

    def get_success_url(self, saved) -> str:
        return self.get_cancel_url(saved)


class EngagementEditView(_EngagementFormMixin, CountryObjectEditView):
    """Create or change the country's engagement (one per country)."""

    queryset = Engagement.objects.all()
    form = EngagementForm

    def get_action(self) -> str:
        return 'change' if self.queryset.filter(country=self.country).exists() else 'add'

    def get_object(self, request):
        return self.get_queryset(request).first() or Engagement(country=self.country)

    def get_title(self, obj) -> str:
        return _('Engagement')


class StageEditView(_EngagementFormMixin, CountryObjectEditView):
    """Record one lifecycle stage (created on first save)."""

    queryset = EngagementStage.objects.all()
    form = StageForm

    def get_action(self, stage) -> str:
        return 'change' if self.queryset.filter(engagement__country=self.country, stage=stage).exists() else 'add'

    def get_object(self, request, stage):
        if stage not in Stage.values:
            raise Http404
        engagement = Engagement.objects.restrict(request.user).filter(country=self.country).first()
        if engagement is None:
            raise Http404(_('Record the engagement before its stages.'))
        instance = self.get_queryset(request).filter(stage=stage).first()
        return instance or EngagementStage(engagement=engagement, stage=stage)

    def get_title(self, obj) -> str:
        return Stage(obj.stage).label


# Section: national documents


class DocumentListView(CountryScopedView):
    """Policies, strategies, plans and laws as a tree (policy -> strategy -> plan), with their flags."""

    queryset = NationalDocument.objects.prefetch_related('citations')
    tab = 'documents'

    def get(self, request):
        findings = {
            item['document'].pk: item['findings'] for item in country_findings(self.country, date.today(), request.user)
        }
        documents = list(self.get_queryset(request))
        children = {}
        for document in documents:
            children.setdefault(document.parent_id, []).append(document)

        def walk(parent_id, depth, seen):
            rows = []
            for document in children.get(parent_id, []):
                if document.pk in seen:
                    continue
                flags = [
                    (CHECK_LABELS[f.check], finding_message(f))
                    for f in findings.get(document.pk, [])
                    if f.check in DOCUMENT_CHECKS
                ]
                rows.append({'document': document, 'depth': depth, 'flags': flags})
                rows += walk(document.pk, depth + 1, seen | {document.pk})
            return rows

        rows = walk(None, 0, frozenset())
        listed = {row['document'].pk for row in rows}
        rows += [{'document': d, 'depth': 0, 'flags': []} for d in documents if d.pk not in listed]  # cycles
        return render(request, 'countries/documents.html', self.country_context(rows=rows))


class DocumentView(CountryObjectView):
    """A document with its threats, objectives, pillars and actions, the checks' findings and a Gantt view."""

    queryset = NationalDocument.objects.select_related('parent', 'country').prefetch_related('citations')
    tab = 'documents'
    template_name = 'countries/document.html'

    def get_extra_context(self, request, obj) -> dict:
        today = date.today()
        user = request.user
        actions = list(
            Action.objects.restrict(user)
            .filter(document=obj)
            .select_related('owner', 'pillar')
            .prefetch_related('depends_on', 'threats', 'objectives', 'status_updates')
        )
        chart = gantt(
            [
                GanttItem(
                    a.pk,
                    str(a),
                    a.start,
                    a.end,
                    a.timeframe,
                    a.status,
                    str(a.pillar or ''),
                    tuple(dependency.pk for dependency in a.depends_on.all()),
                )
                for a in actions
            ],
            anchor=obj.adopted,
            today=today,
        )
        action_panels(user, self.country, actions)
        groups = document_groups(obj, today, user)
        findings = [finding for group in groups for finding in group.findings]
        uncovered = {finding.subject_key for finding in findings if finding.check == 'alignment'}
        chain = obj.chain()
        threats = list(Threat.objects.restrict(user).filter(document__in=chain).select_related('document'))
        objectives = list(Objective.objects.restrict(user).filter(document__in=chain).select_related('document'))
        for item in (*threats, *objectives):
            item.uncovered = key_of(item) in uncovered
        return {
            'document': obj,
            'chain': list(reversed(chain[1:])),
            'threats': threats,
            'objectives': objectives,
            'pillars': Pillar.objects.restrict(user).filter(document=obj),
            'actions': actions,
            'chart': chart,
            'drawing': draw(chart) if chart.start else None,
            'groups': [
                {
                    'group': group,
                    'kind': KIND_LABELS[group.kind],
                    'anchor': f'action-{group.subject_key.split(":")[1]}' if group.kind == 'action' else '',
                    'lines': [
                        {
                            'finding': finding,
                            'label': finding_label(finding),
                            'severity': SEVERITY_LABELS[finding.severity],
                            'message': finding_message(finding),
                        }
                        for finding in group.findings
                    ],
                }
                for group in groups
            ],
            'counts': finding_counts(findings),
            'findings': findings,
            'checklist': element_checklist(findings) if obj.kind == 'plan' or actions else None,
            'status_form': StatusUpdateForm(initial={'date': today}) if self.may('change', Action) else None,
            'export_formats': EXPORT_FORMATS,
            'today': today,
        }


class DocumentChecksExportView(CountryScopedView):
    queryset = NationalDocument.objects.all()

    def get(self, request, pk, fmt):
        document = self.get_object(request, pk=pk)
        groups = document_groups(document, date.today(), request.user)
        rows = [finding_dict(finding) for group in groups for finding in group.findings]
        return export_response(
            rows, export_columns(FindingExportTable), fmt, f'{self.country.iso3}-{document.pk}-checks'
        )


class DocumentEditView(_FormPageMixin, CountryObjectEditView):
    """Create (no ``pk``) or change a national document."""

    queryset = NationalDocument.objects.all()
    form = NationalDocumentForm
    tab = 'documents'

    def new_object(self, request):
        return NationalDocument(country=self.country)

    def get_form(self, request, obj, data=None):
        return NationalDocumentForm(data=data, instance=obj, country=self.country, user=request.user)

    def get_title(self, obj) -> str:
        return _('National framework document')

    def get_cancel_url(self, obj) -> str:
        if obj.pk is None:
            return reverse('countries:documents', args=[self.country.iso3])
        return reverse('countries:document', args=[self.country.iso3, obj.pk])


PARTS = {
    'threat': (Threat, ThreatForm, gettext_lazy('Threat')),
    'objective': (Objective, ObjectiveForm, gettext_lazy('Objective')),
    'pillar': (Pillar, PillarForm, gettext_lazy('Pillar')),
    'action': (Action, ActionForm, gettext_lazy('Action')),
}


class DocumentPartEditView(_FormPageMixin, CountryObjectEditView):
    """Add (no ``part_pk``) or change a threat, objective, pillar or action of a document."""

    tab = 'documents'

    def dispatch(self, request, *args, **kwargs):
        # An unknown part is a 404 after the access checks, which then stand on the document.
        part = PARTS.get(kwargs['part'])
        self.queryset = part[0].objects.all() if part else NationalDocument.objects.none()
        return super().dispatch(request, *args, **kwargs)

    def get_action(self, pk, part, part_pk=None) -> str:
        return 'add' if part_pk is None else 'change'

    def get_object(self, request, pk, part, part_pk=None):
        if part not in PARTS:
            raise Http404
        document = NationalDocument.objects.restrict(request.user).filter(country=self.country, pk=pk).first()
        if document is None:
            raise Http404
        self.document, self.part = document, part
        if part_pk is None:
            return self.model(document=document)
        return super().get_object(request, document=document, pk=part_pk)

    def get_form(self, request, obj, data=None):
        extra = {'document': self.document, 'user': request.user} if self.part in ('objective', 'action') else {}
        return PARTS[self.part][1](data=data, instance=obj, **extra)

    def get_title(self, obj) -> str:
        return PARTS[self.part][2]

    def get_cancel_url(self, obj) -> str:
        return self.document.get_absolute_url()

    def get_success_url(self, saved) -> str:
        return self.document.get_absolute_url()


class ActionStatusView(FormSaveMixin, CountryScopedView):
    """Record an action's status as of a date; the action takes the status of its latest update."""

    queryset = Action.objects.select_related('document')
    action = 'change'
    tab = 'documents'

    def post(self, request, pk):
        self.target = self.get_object(request, pk=pk)
        return self.save_form(request, StatusUpdateForm(request.POST), 'add')

    def form_response(self, request, form, status=200):
        errors = '; '.join(str(e) for field_errors in form.errors.values() for e in field_errors)
        messages.error(request, _('Status not recorded: %(errors)s') % {'errors': errors})
        return redirect(self.target.document.get_absolute_url())

    def save(self, form):
        action = self.target
        update = form.save(commit=False)
        update.action, update.recorded_by = action, self.request.user
        update.save()
        latest = ActionStatusUpdate.objects.filter(action=action).order_by('-date', '-pk').first()
        if latest.status != action.status:
            action.status = latest.status
            action.save(update_fields=['status', 'last_updated'])
        return update

    def get_success_message(self, saved) -> str:
        return _('%(action)s: %(status)s as of %(date)s.') % {
            'action': self.target,
            'status': saved.get_status_display(),
            'date': saved.date.isoformat(),
        }

    def get_success_url(self, saved) -> str:
        return f'{self.target.document.get_absolute_url()}#action-{self.target.pk}'
