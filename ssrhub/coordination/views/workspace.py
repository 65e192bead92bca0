"""The Activities tab of a country workspace, under ``/countries/<iso3>/workspace/activities/``: the country's
activities with filters (partner, status, sector, origin, linked to the plan or not), sorting and downloads, and the
add page with the country set. An activity's own page, links and edits stay under ``/coordination/activities/``."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from ssrhub.core.exports import export_response
from ssrhub.core.forms import style_widgets
from ssrhub.core.params import InvalidParameter
from ssrhub.core.views.generic import CountryObjectEditView, CountryObjectListView, CountryScopedView
from ssrhub.countries.models import Action

from ..filtersets import WorkspaceActivityFilterSet
from ..models import Activity, ActivityLink, LinkKind, Organisation, ParticipatingOrganisation
from ..tables import ACTIVITY_EXPORT_COLUMNS, WorkspaceActivityTable
from .activities import EXPORT_LIMIT, ActivityWithPartsMixin, _export_row

__all__ = ['WorkspaceActivityAddView', 'WorkspaceActivityExportView', 'WorkspaceActivityListView']

TAB = 'activities'
EXPORT_FORMATS = ('csv', 'xlsx')


def _partners(view, request):
    """The organisations reporting or taking part in the country's activities the user may view, by name."""
    activities = Activity.objects.restrict(request.user).filter(country=view.country)
    return (
        Organisation.objects.filter(Q(reported_activities__in=activities) | Q(participations__activity__in=activities))
        .distinct()
        .order_by('name')
    )


def _filterset(view, request, queryset):
    partners = _partners(view, request)
    return WorkspaceActivityFilterSet(request.GET, queryset=queryset, request=request, partners=partners)


class WorkspaceActivityListView(CountryObjectListView):
    """The country's activities, the number of its plan actions each serves, with filters and downloads."""

    queryset = Activity.objects.select_related('reporting_organisation')
    table = WorkspaceActivityTable
    tab = TAB
    template_name = 'coordination/workspace_activities.html'

    def get_table_context(self, request) -> dict:
        queryset = (
            self.get_queryset(request)
            .annotate(action_count=Count('links', filter=Q(links__kind=LinkKind.ACTION)))
            .prefetch_related(
                Prefetch('participants', ParticipatingOrganisation.objects.select_related('organisation'))
            )
        )
        filterset = _filterset(self, request, queryset)
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        query = request.GET.urlencode()
        return {
            'title': _('Activities'),
            'table': table,
            'filter_form': filterset.form,
            'model': Activity,
            'downloads': [
                (
                    fmt.upper(),
                    reverse('coordination:workspace_activity_export', args=[self.country.iso3, fmt])
                    + (f'?{query}' if query else ''),
                )
                for fmt in EXPORT_FORMATS
            ],
        }

    def get_extra_context(self, request) -> dict:
        return {
            'can_import_iati': request.user.has_perm('coordination.add_iatiimport'),
            'can_import_3w': self.may('add', Organisation),
        }


class WorkspaceActivityExportView(CountryScopedView):
    """The activities the tab's filters select, as CSV or XLSX (JSON too)."""

    queryset = Activity.objects.all()

    def get(self, request, fmt):
        filterset = _filterset(self, request, self.get_queryset(request))
        if not filterset.is_valid():
            errors = '; '.join(str(e) for field_errors in filterset.errors.values() for e in field_errors)
            raise InvalidParameter(errors)
        rows = [
            _export_row(activity)
            for activity in filterset.qs.select_related('reporting_organisation', 'country').prefetch_related(
                'sectors', 'participants__organisation'
            )[:EXPORT_LIMIT]
        ]
        return export_response(rows, ACTIVITY_EXPORT_COLUMNS, fmt, f'{self.country.iso3.lower()}-activities')


class WorkspaceActivityAddView(ActivityWithPartsMixin, CountryObjectEditView):
    """Record an activity of the country by hand, with its parts (participants, sectors, budgets, transactions...);
    the country is the page's, so a country editor adds activities in the countries they edit only."""

    queryset = Activity.objects.all()
    tab = TAB
    template_name = 'coordination/workspace_activity_form.html'

    def new_object(self, request, **kwargs):
        self.plan_action = self._plan_action(request)
        return Activity(country=self.country)

    def _plan_action(self, request):
        """The plan action of this country named by ``?action=`` (the add link under an action), to link the new
        activity to; 404 for one the user may not view here."""
        pk = request.GET.get('action', '')
        if not pk:
            return None
        if not pk.isdigit():
            raise Http404
        action = (
            Action.objects.restrict(request.user)
            .filter(document__country=self.country, pk=int(pk))
            .select_related('document')
            .first()
        )
        if action is None:
            raise Http404
        return action

    def activity_form_kwargs(self) -> dict:
        return {'country': self.country}

    def save(self, form):
        activity = super().save(form)
        if self.plan_action is not None:
            ActivityLink.objects.create(activity=activity, kind=LinkKind.ACTION, action=self.plan_action)
        return activity

    def get_extra_context(self, request, form) -> dict:
        return {
            'title': _('Add an activity'),
            'cancel_url': reverse('coordination:workspace_activity_list', args=[self.country.iso3]),
            'formsets': self.formsets,
            'plan_action': self.plan_action,
        }
