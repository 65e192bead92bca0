"""Country workspace: dashboard, engagement lifecycle, national documents with their checks and Gantt view, action
tracking. The brief is in ``brief_views.py``; the map, assessments and timeline in their own modules."""

from collections import Counter
from datetime import date

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.exports import EXPORT_FORMATS, export_response

from .forms import (
    ActionForm,
    EngagementForm,
    NationalDocumentForm,
    ObjectiveForm,
    PillarForm,
    StageForm,
    StatusUpdateForm,
    ThreatForm,
)
from .gantt import GanttItem, gantt
from .models import (
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
from .plan_queries import country_findings, document_findings, key_of
from .workspace import WorkspaceView

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

FINDING_COLUMNS = [
    ('check', gettext_lazy('Check')),
    ('severity', gettext_lazy('Severity')),
    ('subject', gettext_lazy('Subject')),
    ('message', gettext_lazy('Finding')),
]


def lifecycle(engagement) -> list[dict]:
    """The twelve stages in order, each with its record (None when nothing is recorded)."""
    recorded = {stage.stage: stage for stage in engagement.stages.all()} if engagement else {}
    return [{'stage': value, 'label': label, 'record': recorded.get(value)} for value, label in Stage.choices]


def render_form(request, view, form, title, cancel_url, status=200):
    return render(
        request,
        'countries/form.html',
        view.workspace_context(form=form, title=title, cancel_url=cancel_url),
        status=status,
    )


def save_form(request, view, form, title, cancel_url, success_url=None):
    """Validate and save ``form`` in one transaction (model ``clean()`` included); re-render with errors. Then go to
    ``success_url``, by default the saved record's page."""
    if not form.is_valid():
        return render_form(request, view, form, title, cancel_url, status=400)
    with transaction.atomic():
        saved = form.save()
    messages.success(request, _('Saved %(object)s.') % {'object': saved})
    return redirect(success_url or saved.get_absolute_url())


# Section: dashboard


class DashboardView(WorkspaceView):
    """Where the country stands: lifecycle, documents and their flags, actions by status, overdue actions."""

    model = Engagement
    tab = 'dashboard'

    def get(self, request, iso3):
        today = date.today()
        engagement = Engagement.objects.filter(country=self.country).prefetch_related('stages').first()
        actions = list(
            Action.objects.filter(document__country=self.country).select_related('document', 'owner').order_by('end')
        )
        findings = country_findings(self.country, today)
        counts = Counter(action.status for action in actions)
        overdue = {f.subject_key for item in findings for f in item['findings'] if f.check == 'overdue'}
        flags = [
            {'label': CHECK_LABELS[finding.check], 'message': finding.message, 'document': item['document']}
            for item in findings
            for finding in item['findings']
            if finding.check in DOCUMENT_CHECKS
        ]
        context = self.workspace_context(
            engagement=engagement,
            stages=lifecycle(engagement),
            status_rows=[(value, label, counts[value]) for value, label in ActionStatus.choices],
            overdue=[action for action in actions if key_of(action) in overdue],  # the plan checks' rule
            documents=findings,
            flags=flags,
            actor_count=Actor.objects.filter(country=self.country).count(),
            today=today,
        )
        return render(request, 'countries/dashboard.html', context)


DOCUMENT_CHECKS = ('adopted-not-implemented', 'past-due')
CHECK_LABELS = {
    'completeness': gettext_lazy('Missing plan element'),
    'alignment': gettext_lazy('Not covered'),
    'dependency-cycle': gettext_lazy('Dependency cycle'),
    'dependency-order': gettext_lazy('Depends on a later action'),
    'overdue': gettext_lazy('Overdue'),
    'stale-status': gettext_lazy('Status not updated'),
    'adopted-not-implemented': gettext_lazy('Adopted, not implemented'),
    'past-due': gettext_lazy('Past due'),
}


# Section: engagement


class EngagementView(WorkspaceView):
    model = Engagement
    tab = 'engagement'

    def get(self, request, iso3):
        engagement = (
            Engagement.objects.filter(country=self.country)
            .select_related('mission')
            .prefetch_related(
                'citations', Prefetch('stages', queryset=EngagementStage.objects.prefetch_related('citations'))
            )
            .first()
        )
        context = self.workspace_context(engagement=engagement, stages=lifecycle(engagement))
        return render(request, 'countries/engagement.html', context)


class EngagementEditView(WorkspaceView):
    """Create or change the country's engagement (editors of the country)."""

    model = Engagement
    tab = 'engagement'

    def form(self, data=None):
        self.require_edit()
        instance = Engagement.objects.filter(country=self.country).first() or Engagement(country=self.country)
        return EngagementForm(data=data, instance=instance)

    def get(self, request, iso3):
        return render_form(request, self, self.form(), _('Engagement'), self.back())

    def post(self, request, iso3):
        return save_form(request, self, self.form(request.POST), _('Engagement'), self.back(), self.back())

    def back(self):
        return reverse('countries:engagement', args=[self.country.iso3])


class StageEditView(WorkspaceView):
    """Record one lifecycle stage (created on first save)."""

    model = EngagementStage
    tab = 'engagement'

    def form(self, stage, data=None):
        self.require_edit()
        if stage not in Stage.values:
            raise Http404
        engagement = Engagement.objects.filter(country=self.country).first()
        if engagement is None:
            raise Http404(_('Record the engagement before its stages.'))
        instance = EngagementStage.objects.filter(engagement=engagement, stage=stage).first()
        return StageForm(data=data, instance=instance or EngagementStage(engagement=engagement, stage=stage))

    def get(self, request, iso3, stage):
        form = self.form(stage)
        return render_form(request, self, form, Stage(stage).label, self.back())

    def post(self, request, iso3, stage):
        form = self.form(stage, request.POST)
        return save_form(request, self, form, Stage(stage).label, self.back(), self.back())

    def back(self):
        return reverse('countries:engagement', args=[self.country.iso3])


# Section: national documents


class DocumentListView(WorkspaceView):
    """Policies, strategies, plans and laws as a tree (policy -> strategy -> plan), with their flags."""

    model = NationalDocument
    tab = 'documents'

    def get(self, request, iso3):
        findings = {item['document'].pk: item['findings'] for item in country_findings(self.country, date.today())}
        documents = list(NationalDocument.objects.filter(country=self.country).prefetch_related('citations'))
        children = {}
        for document in documents:
            children.setdefault(document.parent_id, []).append(document)

        def walk(parent_id, depth, seen):
            rows = []
            for document in children.get(parent_id, []):
                if document.pk in seen:
                    continue
                flags = [
                    (CHECK_LABELS[f.check], f.message)
                    for f in findings.get(document.pk, [])
                    if f.check in DOCUMENT_CHECKS
                ]
                rows.append({'document': document, 'depth': depth, 'flags': flags})
                rows += walk(document.pk, depth + 1, seen | {document.pk})
            return rows

        rows = walk(None, 0, frozenset())
        listed = {row['document'].pk for row in rows}
        rows += [{'document': d, 'depth': 0, 'flags': []} for d in documents if d.pk not in listed]  # cycles
        return render(request, 'countries/documents.html', self.workspace_context(rows=rows))


class DocumentView(WorkspaceView):
    """A document with its threats, objectives, pillars and actions, the checks' findings and a Gantt view."""

    model = NationalDocument
    tab = 'documents'

    def get(self, request, iso3, pk):
        document = self.document(pk)
        today = date.today()
        actions = list(
            document.actions.select_related('owner', 'pillar').prefetch_related(
                'depends_on', 'threats', 'objectives', 'status_updates'
            )
        )
        chart = gantt(
            [GanttItem(a.pk, str(a), a.start, a.end, a.timeframe, a.status, str(a.pillar or '')) for a in actions],
            anchor=document.adopted,
            today=today,
        )
        findings = document_findings(document, today)
        uncovered = {finding.subject_key for finding in findings if finding.check == 'alignment'}
        chain = document.chain()
        threats = list(Threat.objects.filter(document__in=chain).select_related('document'))
        objectives = list(Objective.objects.filter(document__in=chain).select_related('document'))
        for item in (*threats, *objectives):
            item.uncovered = key_of(item) in uncovered
        context = self.workspace_context(
            document=document,
            chain=list(reversed(chain[1:])),
            threats=threats,
            objectives=objectives,
            pillars=document.pillars.all(),
            actions=actions,
            bars=dict(zip([a.pk for a in actions], chart.bars, strict=True)),
            chart=chart,
            findings=[(CHECK_LABELS.get(f.check, f.check), f) for f in findings],
            status_form=StatusUpdateForm(initial={'date': today}) if self.can_edit else None,
            export_formats=EXPORT_FORMATS,
            today=today,
        )
        return render(request, 'countries/document.html', context)

    def document(self, pk):
        document = (
            NationalDocument.objects.filter(country=self.country, pk=pk)
            .select_related('parent', 'country')
            .prefetch_related('citations')
            .first()
        )
        if document is None:
            raise Http404
        return document


class DocumentChecksExportView(DocumentView):
    def get(self, request, iso3, pk, fmt):
        document = self.document(pk)
        rows = [finding.as_dict() for finding in document_findings(document, date.today())]
        try:
            return export_response(rows, FINDING_COLUMNS, fmt, f'{self.country.iso3}-{document.pk}-checks')
        except ValueError as error:
            return HttpResponseBadRequest(str(error))


class DocumentEditView(WorkspaceView):
    """Create (no ``pk``) or change a national document."""

    model = NationalDocument
    tab = 'documents'

    def form(self, pk=None, data=None):
        self.require_edit()
        instance = NationalDocument(country=self.country)
        if pk is not None:
            instance = NationalDocument.objects.filter(country=self.country, pk=pk).first()
            if instance is None:
                raise Http404
        return NationalDocumentForm(data=data, instance=instance, country=self.country)

    def get(self, request, iso3, pk=None):
        return render_form(request, self, self.form(pk), _('National framework document'), self.back(pk))

    def post(self, request, iso3, pk=None):
        return save_form(request, self, self.form(pk, request.POST), _('National framework document'), self.back(pk))

    def back(self, pk):
        if pk is None:
            return reverse('countries:documents', args=[self.country.iso3])
        return reverse('countries:document', args=[self.country.iso3, pk])


PARTS = {
    'threat': (Threat, ThreatForm, gettext_lazy('Threat')),
    'objective': (Objective, ObjectiveForm, gettext_lazy('Objective')),
    'pillar': (Pillar, PillarForm, gettext_lazy('Pillar')),
    'action': (Action, ActionForm, gettext_lazy('Action')),
}


class DocumentPartEditView(WorkspaceView):
    """Add (no ``part_pk``) or change a threat, objective, pillar or action of a document."""

    model = NationalDocument
    tab = 'documents'

    def form(self, pk, part, part_pk=None, data=None):
        self.require_edit()
        if part not in PARTS:
            raise Http404
        document = NationalDocument.objects.filter(country=self.country, pk=pk).first()
        if document is None:
            raise Http404
        model, form_class, _label = PARTS[part]
        instance = model(document=document)
        if part_pk is not None:
            instance = model.objects.filter(document=document, pk=part_pk).first()
            if instance is None:
                raise Http404
        extra = {'document': document} if part in ('objective', 'action') else {}
        return document, form_class(data=data, instance=instance, **extra)

    def get(self, request, iso3, pk, part, part_pk=None):
        document, form = self.form(pk, part, part_pk)
        return render_form(request, self, form, PARTS[part][2], document.get_absolute_url())

    def post(self, request, iso3, pk, part, part_pk=None):
        document, form = self.form(pk, part, part_pk, request.POST)
        url = document.get_absolute_url()
        return save_form(request, self, form, PARTS[part][2], url, url)


class ActionStatusView(WorkspaceView):
    """Record an action's status as of a date; the action takes the status of its latest update."""

    model = Action
    tab = 'documents'

    def post(self, request, iso3, pk):
        self.require_edit()
        action = Action.objects.filter(document__country=self.country, pk=pk).select_related('document').first()
        if action is None:
            raise Http404
        form = StatusUpdateForm(request.POST)
        if not form.is_valid():
            errors = '; '.join(str(e) for field_errors in form.errors.values() for e in field_errors)
            messages.error(request, _('Status not recorded: %(errors)s') % {'errors': errors})
            return redirect(action.document.get_absolute_url())
        with transaction.atomic():
            update = form.save(commit=False)
            update.action, update.recorded_by = action, request.user
            update.save()
            latest = ActionStatusUpdate.objects.filter(action=action).order_by('-date', '-pk').first()
            if latest.status != action.status:
                action.status = latest.status
                action.save(update_fields=['status', 'last_updated'])
        messages.success(
            request,
            _('%(action)s: %(status)s as of %(date)s.')
            % {'action': action, 'status': update.get_status_display(), 'date': update.date.isoformat()},
        )
        return redirect(f'{action.document.get_absolute_url()}#action-{action.pk}')
