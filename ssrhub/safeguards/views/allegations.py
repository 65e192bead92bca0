"""Alleged violations of a country, under ``/countries/<iso3>/workspace/due-diligence/allegations/``: the list with
its filters (the search decrypts in Python), the record with its sources, the support requests to the same recipient
and the cases it reopened, the form with its sources saved all or nothing, delete and history."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from ssrhub.core.forms import style_widgets
from ssrhub.core.views.generic import (
    CountryObjectDeleteView,
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectListView,
    CountryObjectView,
)

from ..allegation_rules import perpetrator_entries
from ..filtersets.allegations import AllegationFilterSet
from ..forms.allegations import AllegationForm, source_formset
from ..models import Allegation, Credibility, Reliability, Reopening, ScreeningMatch, SupportRequest
from ..tables.allegations import VICTIM_FIELDS, AllegationTable
from .exporting import ExportLinksMixin

__all__ = [
    'AllegationDeleteView',
    'AllegationEditView',
    'AllegationHistoryView',
    'AllegationListView',
    'AllegationView',
]

TAB = 'allegations'
GRADES = {'reliability': Reliability.choices, 'credibility': Credibility.choices}


class AllegationListView(ExportLinksMixin, CountryObjectListView):
    export_key = 'allegations'
    queryset = Allegation.objects.select_related('country', 'recipient__country')
    table = AllegationTable
    tab = TAB
    template_name = 'safeguards/allegations/list.html'

    def get_table_context(self, request) -> dict:
        filterset = AllegationFilterSet(
            request.GET, queryset=self.get_queryset(request), request=request, country=self.country
        )
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        return {'title': _('Alleged violations'), 'table': table, 'filter_form': filterset.form, 'model': Allegation}


class AllegationView(CountryObjectView):
    queryset = Allegation.objects.select_related('country', 'recipient').prefetch_related('sources')
    tab = TAB
    template_name = 'safeguards/allegations/allegation.html'

    def get_extra_context(self, request, obj) -> dict:
        requests = SupportRequest.objects.restrict(request.user).filter(country=self.country, recipient=obj.recipient)
        reopenings = Reopening.objects.restrict(request.user).filter(allegation=obj).select_related('request')
        return {
            'allegation': obj,
            'perpetrators': perpetrator_entries(obj.perpetrators),
            'victims': [(Allegation._meta.get_field(name).verbose_name, getattr(obj, name)) for name in VICTIM_FIELDS],
            'requests': requests.select_related('recipient'),
            'reopenings': list(reopenings),
            'grades': GRADES,
        }


class AllegationEditView(CountryObjectEditView):
    """Add or change an allegation with its sources: the form and the sources' formset are saved in one
    transaction, or neither (``FormSaveMixin.save_form``)."""

    queryset = Allegation.objects.select_related('country')
    tab = TAB
    template_name = 'safeguards/allegations/form.html'

    def new_object(self, request, **kwargs):
        return Allegation(country=self.country)

    def get_form(self, request, obj, data=None):
        self.sources = source_formset(obj, data)
        return AllegationForm(data=data, instance=obj, country=self.country, user=request.user)

    def is_valid(self, form) -> bool:
        return all([form.is_valid(), self.sources.is_valid()])

    def save(self, form):
        allegation = form.save()
        self.sources.instance = allegation
        self.sources.save()
        return allegation

    def get_extra_context(self, request, form) -> dict:
        if form.instance.pk:
            title, cancel = _('Change %(object)s') % {'object': form.instance}, form.instance.get_absolute_url()
        else:
            title, cancel = (
                _('Record an alleged violation'),
                reverse('safeguards:allegation_list', args=[self.country.iso3]),
            )
        return {'title': title, 'cancel_url': cancel, 'sources': self.sources, 'grades': GRADES}


class AllegationDeleteView(CountryObjectDeleteView):
    queryset = Allegation.objects.select_related('country')
    tab = TAB
    template_name = 'safeguards/allegations/delete.html'

    def get_success_url(self, obj) -> str:
        return reverse('safeguards:allegation_list', args=[obj.country.iso3])

    @staticmethod
    def blocked(obj) -> bool:
        """Whether a case reopened, an intervention or a screening match refers to the allegation (kept, PROTECT)."""
        return (
            obj.reopenings.exists()
            or obj.interventions.exists()
            or ScreeningMatch.objects.filter(allegation=obj).exists()
        )

    def get_extra_context(self, request, obj) -> dict:
        return {'blockers': self.blocked(obj)}

    def post(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        if self.blocked(obj):
            return render(request, self.template_name, self.get_context(request, obj), status=409)
        return super().post(request, **kwargs)


class AllegationHistoryView(CountryObjectHistoryView):
    """Every change of an allegation and of its sources."""

    queryset = Allegation.objects.select_related('country')
    tab = TAB
