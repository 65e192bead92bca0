"""Pages of the coordination app under ``/coordination/``: organisations, activities (list, downloads, page,
editing, links), IATI uploads and their reports. Every view reads through ``restrict()`` (core/views/generic.py)."""

from datetime import date

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.labels import code_label
from ssrhub.core.access import can
from ssrhub.core.exports import export_response
from ssrhub.core.params import InvalidParameter
from ssrhub.core.views import generic
from ssrhub.countries.models import Action
from ssrhub.documents.models import Paragraph
from ssrhub.framework.models import Framework, FrameworkItem, Mission
from ssrhub.mandates.queries import mission_history

from ..filtersets import ActivityFilterSet, IatiImportFilterSet, OrganisationFilterSet
from ..forms.activities import ActivityForm, ActivityLinkForm, IatiUploadForm, OrganisationForm, activity_formsets
from ..iati.messages import Finding
from ..iati_export import export_activities
from ..models import (
    Activity,
    ActivityLink,
    Codelist,
    CodelistItem,
    IatiImport,
    ImportStatus,
    LinkKind,
    Organisation,
    Result,
    ResultIndicator,
)
from ..suggestions import action_suggestions, framework_suggestions, task_suggestions, text_codes
from ..tables import ACTIVITY_EXPORT_COLUMNS, ActivityTable, IatiImportTable, OrganisationTable
from ..tasks import import_iati_task

EXPORT_LIMIT = 20000


# Section: organisations


class OrganisationListView(LoginRequiredMixin, generic.ObjectListView):
    queryset = Organisation.objects.select_related('country')
    filterset = OrganisationFilterSet
    table = OrganisationTable
    template_name = 'coordination/organisation_list.html'


class OrganisationView(LoginRequiredMixin, generic.ObjectView):
    queryset = Organisation.objects.select_related('country', 'un_entity')
    template_name = 'coordination/organisation.html'

    def get_extra_context(self, request, obj) -> dict:
        activities = Activity.objects.restrict(request.user).select_related('country')
        return {
            'reported': activities.filter(reporting_organisation=obj)[:50],
            'reported_count': activities.filter(reporting_organisation=obj).count(),
            'participations': activities.filter(participants__organisation=obj)
            .exclude(reporting_organisation=obj)
            .distinct()[:50],
            'can_add_organisation': request.user.has_perm('coordination.add_organisation'),
        }


class OrganisationEditView(generic.ObjectAddOrEditView):
    """Add (no ``pk``) or change an organisation."""

    queryset = Organisation.objects.all()
    form = OrganisationForm
    template_name = 'coordination/form.html'

    def get_context(self, request, form) -> dict:
        title = _('Add an organisation') if self.action == 'add' else _('Edit %(object)s') % {'object': form.instance}
        cancel = form.instance.get_absolute_url() if form.instance.pk else reverse('coordination:organisation_list')
        return {**super().get_context(request, form), 'title': title, 'cancel_url': cancel}


class OrganisationHistoryView(LoginRequiredMixin, generic.ObjectHistoryView):
    queryset = Organisation.objects.all()


# Section: activities


def _filters_query(request) -> str:
    return request.GET.urlencode()


class ActivityListView(LoginRequiredMixin, generic.ObjectListView):
    queryset = Activity.objects.select_related('reporting_organisation', 'country')
    filterset = ActivityFilterSet
    table = ActivityTable
    template_name = 'coordination/activity_list.html'

    def get(self, request, **kwargs):
        context = self.table_context(request)
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        query = _filters_query(request)
        context['downloads'] = [
            (label, reverse('coordination:activity_export', args=[fmt]) + (f'?{query}' if query else ''))
            for fmt, label in (('csv', 'CSV'), ('xlsx', 'XLSX'), ('xml', 'IATI XML'))
        ]
        context['can_add'] = request.user.has_perm('coordination.add_activity')
        context['can_import'] = request.user.has_perm('coordination.add_iatiimport')
        return render(request, self.template_name, context)


class ActivityExportView(LoginRequiredMixin, generic.RestrictedViewMixin, View):
    """The activity list (with its filters) as CSV, XLSX or IATI 2.03 XML."""

    queryset = Activity.objects.all()

    def get(self, request, fmt):
        filterset = ActivityFilterSet(request.GET, queryset=self.get_queryset(request), request=request)
        if not filterset.is_valid():
            raise InvalidParameter(_('The filters of this download are not valid.'))
        activities = filterset.qs
        if fmt == 'xml':
            response = HttpResponse(content_type='application/xml')
            response['Content-Disposition'] = content_disposition_header(True, 'activities-iati.xml')
            export_activities(activities, response, EXPORT_LIMIT)
            return response
        rows = [
            _export_row(activity)
            for activity in activities.select_related('reporting_organisation', 'country').prefetch_related(
                'sectors', 'participants__organisation'
            )[:EXPORT_LIMIT]
        ]
        return export_response(rows, ACTIVITY_EXPORT_COLUMNS, fmt, 'activities')


def _export_row(activity: Activity) -> dict:
    return {
        'iati_identifier': activity.iati_identifier,
        'title': activity.display_title,
        'reporting_organisation': activity.reporting_organisation.display_name,
        'reporting_ref': activity.reporting_organisation.iati_ref,
        'country': activity.country.iso3 if activity.country_id else '',
        'status': activity.get_status_display(),
        'planned_start': activity.planned_start,
        'actual_start': activity.actual_start,
        'planned_end': activity.planned_end,
        'actual_end': activity.actual_end,
        'sectors': '; '.join(
            f'{s.code} ({s.percentage:g}%)' if s.percentage is not None else s.code for s in activity.sectors.all()
        ),
        'participants': '; '.join(f'{p} ({p.get_role_display()})' for p in activity.participants.all()),
        'default_currency': activity.default_currency,
        'on_budget': activity.get_on_budget_display(),
        'origin': activity.get_origin_display(),
        'source': activity.source,
    }


ACTIVITY_PARTS = (
    'recipient_countries__country',
    'participants__organisation',
    'sectors',
    'policy_markers',
    'locations__admin_area',
    'budgets',
    'transactions__provider_organisation',
    'transactions__receiver_organisation',
    'links__action__document',
    'links__framework_item',
    'links__mission',
    'links__paragraph__version__document',
    'citations',
)


def _codelist_names(codelist: str, codes) -> dict[str, str]:
    return {item.code: item.name for item in CodelistItem.objects.filter(codelist=codelist, code__in=set(codes))}


def finding_messages(findings) -> list[str]:
    """The sentences of stored findings (``{'code', 'params'}``) in the user's language."""
    return [Finding(item['code'], item.get('params', {})).message(_) for item in findings]


class ActivityView(LoginRequiredMixin, generic.ObjectView):
    queryset = Activity.objects.select_related('reporting_organisation', 'country').prefetch_related(
        *ACTIVITY_PARTS,
        Prefetch(
            'results',
            Result.objects.prefetch_related(
                Prefetch('indicators', ResultIndicator.objects.prefetch_related('periods'))
            ),
        ),
    )
    template_name = 'coordination/activity.html'

    def get_extra_context(self, request, obj) -> dict:
        sectors = list(obj.sectors.all())
        dac = [s.code for s in sectors if s.vocabulary in ('1', '2')]
        names = {**_codelist_names(Codelist.SECTOR, dac), **_codelist_names(Codelist.SECTOR_CATEGORY, dac)}
        markers = list(obj.policy_markers.all())
        marker_names = _codelist_names(Codelist.POLICY_MARKER, [m.code for m in markers])
        significance = _codelist_names(Codelist.POLICY_SIGNIFICANCE, [m.significance for m in markers])
        links = list(obj.links.all())
        action_links = [link for link in links if link.kind == LinkKind.ACTION]
        return {
            'sectors': [(s, names.get(s.code, '') if s.vocabulary in ('1', '2') else '') for s in sectors],
            'markers': [(m, marker_names.get(m.code, ''), significance.get(m.significance, '')) for m in markers],
            'action_links': action_links,
            'equal_split': bool(action_links) and all(link.share is None for link in action_links),
            'equal_share': round(100 / len(action_links), 2) if action_links else None,
            'framework_links': [link for link in links if link.kind == LinkKind.FRAMEWORK],
            'mandate_links': [link for link in links if link.kind == LinkKind.MANDATE],
            'notes': finding_messages(obj.notes),
            'can_delete': can(request.user, 'delete', obj),
            'can_link': can(request.user, 'change', obj),
        }


class ActivityWithPartsMixin:
    """An edit view of an activity with its parts' formsets (participants, sectors, budgets, transactions...),
    validated and saved together. ``activity_form_kwargs()`` adds to the activity form's arguments."""

    def activity_form_kwargs(self) -> dict:
        return {}

    def get_form(self, request, obj, data=None):
        self.formsets = activity_formsets(obj, data=data, user=request.user)
        return ActivityForm(data=data, instance=obj, user=request.user, **self.activity_form_kwargs())

    def is_valid(self, form) -> bool:
        valid = form.is_valid()
        if valid:
            # The parts are validated against the activity as it will be saved (its country's areas).
            self.formsets = activity_formsets(form.instance, data=self.request.POST, user=self.request.user)
        return all([valid, *(formset.is_valid() for _name, _title, formset in self.formsets)])

    def save(self, form):
        activity = form.save()
        for _name, _title, formset in self.formsets:
            formset.instance = activity
            formset.save()
        return activity


class ActivityEditView(ActivityWithPartsMixin, generic.ObjectAddOrEditView):
    """Add (no ``pk``) or change an activity with its parts (participants, sectors, markers, locations, budgets,
    transactions); results come from IATI files (monitoring, issue 13, edits them)."""

    queryset = Activity.objects.all()
    form = ActivityForm
    template_name = 'coordination/activity_form.html'

    def post(self, request, **kwargs):
        self.request = request
        return super().post(request, **kwargs)

    def get_context(self, request, form) -> dict:
        adding = self.action == 'add'
        title = _('Add an activity') if adding else _('Edit %(object)s') % {'object': form.instance}
        cancel = reverse('coordination:activity_list') if adding else form.instance.get_absolute_url()
        return {**super().get_context(request, form), 'title': title, 'cancel_url': cancel, 'formsets': self.formsets}


class ActivityDeleteView(generic.ObjectDeleteView):
    queryset = Activity.objects.all()

    def get_success_url(self, obj) -> str:
        return reverse('coordination:activity_list')


class ActivityHistoryView(LoginRequiredMixin, generic.ObjectHistoryView):
    queryset = Activity.objects.all()


# Section: links


def _tasks_in_force(activity: Activity, user) -> dict[str, list]:
    """Mission acronym -> its tasks in force today, for the missions of the activity's country."""
    if not activity.country_id:
        return {}
    missions = Mission.objects.restrict(user).filter(countries=activity.country)
    found = {}
    for mission in missions:
        history = mission_history(mission)
        if history:
            found[mission.acronym] = history[-1][1]
    return found


def _current_items(user):
    """The items of the current version of the UN SSR framework that ``user`` may view."""
    framework = Framework.objects.restrict(user).filter(code='un-ssr').first()
    version = framework.current_version if framework else None
    return FrameworkItem.objects.restrict(user).filter(version=version)


def _paragraph(symbol: str, refs) -> Paragraph | None:
    if not refs:
        return None
    return (
        Paragraph.objects.filter(version__document__symbol=symbol, version__is_current=True, ref=refs[0])
        .select_related('version__document')
        .first()
    )


class ActivityLinkAddView(generic.ObjectEditView):
    """Link an activity to a plan action, a framework item or a mandate task, with suggestions from its sectors."""

    queryset = ActivityLink.objects.all()
    action = 'add'
    template_name = 'coordination/link_form.html'

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.deny(request)
        self.activity = generic.RestrictedViewMixin.get_object(_ActivityForChange(), request, pk=kwargs.pop('pk'))
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, request, **kwargs):
        return ActivityLink(activity=self.activity)

    def get_form(self, request, obj, data=None):
        country = self.activity.country
        actions, suggested = self._suggested_actions(request)
        missions = Mission.objects.restrict(request.user)
        missions = missions.filter(countries=country) if country else missions.none()
        initial = {
            key: request.GET[key]
            for key in ('kind', 'action', 'framework_item', 'mission', 'code', 'paragraph')
            if key in request.GET
        }
        form = ActivityLinkForm(
            data=data,
            instance=obj,
            initial=initial,
            actions=Action.objects.filter(pk__in=[action.pk for action in actions.values()]),
            framework_items=_current_items(request.user).order_by('order'),
            missions=missions,
        )
        # The suggested actions come first in the choice, then the others in the plans' order.
        first = [actions[row['suggestion'].action] for row in suggested]
        others = [action for action in actions.values() if action not in first]

        def options(group):
            return [(action.pk, f'{action} ({action.document})') for action in group]

        form.fields['action'].choices = [
            ('', '---------'),
            *([(_('Suggested from the sectors'), options(first))] if first else []),
            (_('Other plan actions') if first else _('Plan actions'), options(others)),
        ]
        return form

    def _suggested_actions(self, request):
        """The plan actions of the activity's country the user may view (key -> action), and those its sectors
        suggest, each with the codebook codes in common and their labels."""
        if hasattr(self, '_suggested'):
            return self._suggested
        country = self.activity.country
        records = Action.objects.restrict(request.user).select_related('document', 'pillar')
        records = records.filter(document__country=country) if country else records.none()
        actions = {str(action.pk): action for action in records.order_by('document__title', 'ref', 'pk')}
        codebook = load_codebook()
        wording = {
            key: text_codes(f'{action.title} {action.pillar.title if action.pillar else ""}', codebook)
            for key, action in actions.items()
        }
        sectors = [sector.code for sector in self.activity.sectors.all()]
        rows = [
            {'action': actions[found.action], 'suggestion': found, 'labels': [code_label(c) for c in found.codes]}
            for found in action_suggestions(sectors, wording)
        ]
        self._suggested = actions, rows
        return self._suggested

    def get_success_url(self, saved) -> str:
        return self.activity.get_absolute_url() + '#links'

    def get_context(self, request, form) -> dict:
        sectors = [s.code for s in self.activity.sectors.all()]
        action_rows = self._suggested_actions(request)[1]
        framework = framework_suggestions(sectors)
        items = {item.code: item for item in _current_items(request.user).filter(code__in=framework)}
        tasks = task_suggestions(sectors, _tasks_in_force(self.activity, request.user))
        missions = {m.acronym: m for m in Mission.objects.filter(acronym__in=[t.mission for t in tasks])}
        task_rows = []
        for task in tasks:
            paragraph = _paragraph(task.symbol, task.refs)
            task_rows.append({'task': task, 'mission': missions.get(task.mission), 'paragraph': paragraph})
        return {
            **super().get_context(request, form),
            'activity': self.activity,
            'action_suggestions': action_rows,
            'framework_suggestions': [(items[code], sources) for code, sources in framework.items() if code in items],
            'task_suggestions': task_rows,
        }


class _ActivityForChange(generic.RestrictedViewMixin):
    queryset = Activity.objects.all()
    action = 'change'


class ActivityLinkDeleteView(generic.ObjectDeleteView):
    queryset = ActivityLink.objects.select_related('activity')

    def get_cancel_url(self, obj) -> str:
        return obj.activity.get_absolute_url()

    def get_success_url(self, obj) -> str:
        return obj.activity.get_absolute_url() + '#links'


# Section: IATI uploads


class IatiImportListView(LoginRequiredMixin, generic.ObjectListView):
    queryset = IatiImport.objects.select_related('uploaded_by')
    filterset = IatiImportFilterSet
    table = IatiImportTable
    template_name = 'coordination/iatiimport_list.html'


class IatiUploadView(LoginRequiredMixin, generic.RestrictedViewMixin, View):
    """Upload an IATI file: stored, then imported by a Celery task (inline in the embedded mode); the report page
    follows the import."""

    queryset = IatiImport.objects.all()
    action = 'add'
    template_name = 'coordination/iati_upload.html'

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm('coordination.add_iatiimport'):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {'form': IatiUploadForm()})

    def post(self, request):
        form = IatiUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {'form': form}, status=400)
        upload = form.cleaned_data['file']
        with transaction.atomic():
            record = IatiImport(name=upload.name[:255], uploaded_by=request.user, strict=form.cleaned_data['strict'])
            record.file.save(upload.name, upload, save=False)
            record.save()
        transaction.on_commit(lambda: import_iati_task.delay(record.pk))
        return redirect(record.get_absolute_url())


class IatiImportView(LoginRequiredMixin, generic.ObjectView):
    queryset = IatiImport.objects.select_related('uploaded_by')
    template_name = 'coordination/iatiimport.html'

    def get_extra_context(self, request, obj) -> dict:
        report = obj.report or {}
        lines = report.get('activities', [])
        identifiers = [line['identifier'] for line in lines if line['outcome'] != 'refused']
        stored = dict(
            Activity.objects.restrict(request.user)
            .filter(iati_identifier__in=identifiers)
            .values_list('iati_identifier', 'pk')
        )
        rows = [
            {
                'identifier': line['identifier'],
                'line': line['line'],
                'outcome': line['outcome'],
                'errors': finding_messages(line['errors']),
                'notes': finding_messages(line['notes']),
                'pk': stored.get(line['identifier']),
            }
            for line in lines
        ]
        file_error = report.get('file_error')
        return {
            'running': obj.status in (ImportStatus.QUEUED, ImportStatus.RUNNING),
            'summary': report.get('summary', {}),
            'file_error': finding_messages([file_error])[0] if file_error else '',
            'refused': [row for row in rows if row['outcome'] == 'refused'],
            'noted': [row for row in rows if row['outcome'] != 'refused' and row['notes']],
            'stored_rows': [row for row in rows if row['outcome'] != 'refused'],
            'today': date.today(),
        }
