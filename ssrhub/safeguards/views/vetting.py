"""Vetting pages of a country's due-diligence workspace: individuals (list, record, add, edit, delete, history), their
screenings and the review of each match, watch lists (list, page, import with a preview, download).

Every page is on the country-scoped generic views, so only a session verified with a second factor of a user holding
a due-diligence role in the country reaches them; another country's record is a 404."""

from django.contrib import messages
from django.core import signing
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from ssrhub.core import crypto
from ssrhub.core.exports import export_response
from ssrhub.core.readlog import log_reads, log_table_reads
from ssrhub.core.views.generic import (
    CountryObjectDeleteView,
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectListView,
    CountryObjectView,
    CountryScopedView,
)

from .. import vetting
from ..filtersets.vetting import IndividualFilterSet, with_latest_result
from ..forms.vetting import IndividualForm, MatchReviewForm, ScreenForm, ScreenManyForm, WatchListUploadForm
from ..models import Individual, ListedPerson, Screening, ScreeningMatch, WatchList
from ..tables.vetting import IndividualTable, ListedPersonTable, WatchListTable
from ..watchlists import ListFileError, ListRow, read_list
from .exporting import ExportLinksMixin

__all__ = [
    'IndividualDeleteView',
    'IndividualEditView',
    'IndividualHistoryView',
    'IndividualListView',
    'IndividualView',
    'MatchReviewView',
    'ScreenIndividualView',
    'ScreenManyView',
    'WatchListExportView',
    'WatchListImportView',
    'WatchListListView',
    'WatchListView',
]

TAB = 'vetting'
IMPORT_SALT = 'safeguards.watchlist-import'
IMPORT_TOKEN_MAX_AGE = 3600
EXPORT_COLUMNS = [('name', 'name'), ('aliases', 'aliases'), ('note', 'note')]


class _Page:
    tab = TAB


# Section: individuals


class IndividualListView(ExportLinksMixin, _Page, CountryObjectListView):
    """The country's individuals, filterable by category, unit and latest screening result, searchable by name."""

    export_key = 'individuals'
    queryset = Individual.objects.select_related('country', 'unit')
    filterset = IndividualFilterSet
    table = IndividualTable
    template_name = 'safeguards/vetting/individual_list.html'

    def get_queryset(self, request, action=None):
        return with_latest_result(super().get_queryset(request, action))

    def get_extra_context(self, request) -> dict:
        return {'can_screen': self.may('add', Screening), 'title': _('Individuals')}


class IndividualView(_Page, CountryObjectView):
    """An individual with every screening, newest first, and its matches."""

    queryset = Individual.objects.select_related('country', 'unit')
    template_name = 'safeguards/vetting/individual.html'

    def get_extra_context(self, request, individual) -> dict:
        screenings = (
            Screening.objects.restrict(request.user)
            .filter(individual=individual)
            .select_related('screened_by')
            .prefetch_related('matches__decided_by', 'matches__listed_person__watch_list', 'matches__allegation')
            .order_by('-screened_at', '-pk')
        )
        log_reads(
            request.user,
            [*screenings, *(match for screening in screenings for match in screening.matches.all())],
            'page',
        )
        return {
            'screenings': screenings,
            'screen_form': ScreenForm(),
            'can_screen': self.may('add', Screening),
            'can_review': self.may('change', ScreeningMatch),
        }


class IndividualEditView(_Page, CountryObjectEditView):
    queryset = Individual.objects.select_related('country')
    form = IndividualForm
    template_name = 'safeguards/vetting/form.html'

    def new_object(self, request, **kwargs):
        return Individual(country=self.country)

    def get_form(self, request, obj, data=None):
        return self.form(data=data, instance=obj, country=self.country, user=request.user)

    def get_extra_context(self, request, form) -> dict:
        adding = form.instance._state.adding
        return {
            'title': _('Add an individual') if adding else _('Edit %(name)s') % {'name': form.instance},
            'cancel_url': reverse('safeguards:individual_list', args=[self.country.iso3])
            if adding
            else form.instance.get_absolute_url(),
        }


class IndividualDeleteView(_Page, CountryObjectDeleteView):
    queryset = Individual.objects.select_related('country')
    template_name = 'safeguards/vetting/delete.html'

    def get_success_url(self, obj) -> str:
        return reverse('safeguards:individual_list', args=[self.country.iso3])


class IndividualHistoryView(_Page, CountryObjectHistoryView):
    queryset = Individual.objects.select_related('country')


# Section: screening


class ScreenIndividualView(_Page, CountryScopedView):
    """Screen one individual now (POST): a new screening, the earlier ones kept."""

    queryset = Screening.objects.all()
    action = 'add'

    def post(self, request, pk):
        individual = Individual.objects.restrict(request.user).filter(country=self.country, pk=pk).first()
        if individual is None:
            raise Http404
        form = ScreenForm(request.POST)
        if not form.is_valid():
            messages.error(request, ' '.join(form.errors.get('threshold', [])))
            return redirect(individual)
        screening = vetting.screen([individual], request.user, form.cleaned_data['threshold'])[0]
        messages.success(request, _('Screened: %(result)s.') % {'result': screening.get_result_display()})
        return redirect(f'{individual.get_absolute_url()}#screening-{screening.pk}')


class ScreenManyView(_Page, CountryScopedView):
    """Screen every individual of the country, or of one category, at once."""

    queryset = Screening.objects.all()
    action = 'add'
    template_name = 'safeguards/vetting/screen_many.html'

    def get(self, request):
        return render(request, self.template_name, self.country_context(form=ScreenManyForm()))

    def post(self, request):
        form = ScreenManyForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.country_context(form=form), status=400)
        individuals = Individual.objects.restrict(request.user).filter(country=self.country)
        if category := form.cleaned_data['category']:
            individuals = individuals.filter(category=category)
        screenings = vetting.screen(individuals, request.user, form.cleaned_data['threshold'])
        pending = sum(1 for screening in screenings if screening.result != 'clear')
        messages.success(
            request,
            _('Screened %(count)s individuals: %(pending)s with matches to review.')
            % {'count': len(screenings), 'pending': pending},
        )
        return redirect('safeguards:individual_list', self.country.iso3)


class MatchReviewView(_Page, CountryScopedView):
    """Confirm or reject one match, with a reason; the screening's result follows."""

    queryset = ScreeningMatch.objects.select_related('screening__individual__country', 'allegation', 'listed_person')
    action = 'change'
    template_name = 'safeguards/vetting/match_review.html'

    def page(self, request, match, form, status=200):
        return render(request, self.template_name, self.country_context(match=match, form=form), status=status)

    def get(self, request, pk):
        return self.page(request, self.get_object(request, pk=pk), MatchReviewForm())

    def post(self, request, pk):
        match = self.get_object(request, pk=pk)
        form = MatchReviewForm(request.POST)
        if not form.is_valid():
            return self.page(request, match, form, status=400)
        vetting.review_match(match, request.user, form.cleaned_data['decision'], form.cleaned_data['reason'])
        messages.success(request, _('%(name)s: %(decision)s.') % {
            'name': match.matched_name, 'decision': match.get_decision_display()
        })  # fmt: skip
        return redirect(f'{match.screening.individual.get_absolute_url()}#screening-{match.screening_id}')


# Section: watch lists


class WatchListListView(_Page, CountryScopedView):
    tab = 'watch-lists'
    queryset = WatchList.objects.select_related('country')
    template_name = 'safeguards/vetting/watchlist_list.html'

    def get(self, request):
        table = WatchListTable(self.get_queryset(request).annotate(people_count=Count('people')), request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        log_table_reads(request.user, table)
        return render(request, self.template_name, self.country_context(table=table))


class WatchListView(_Page, CountryObjectView):
    tab = 'watch-lists'
    queryset = WatchList.objects.select_related('country')
    template_name = 'safeguards/vetting/watchlist.html'

    def get_extra_context(self, request, watch_list) -> dict:
        people = ListedPerson.objects.restrict(request.user).filter(watch_list=watch_list)
        table = ListedPersonTable(people, request=request)
        RequestConfig(request, paginate={'per_page': 100}).configure(table)
        log_table_reads(request.user, table)
        return {'table': table}


class WatchListExportView(_Page, CountryScopedView):
    """A watch list's names as CSV or XLSX, in the import's columns; text a spreadsheet would run is prefixed."""

    tab = 'watch-lists'
    queryset = WatchList.objects.all()

    def get(self, request, pk, fmt):
        watch_list = self.get_object(request, pk=pk)
        people = list(ListedPerson.objects.restrict(request.user).filter(watch_list=watch_list))
        log_reads(request.user, people, 'export')
        rows = [{'name': p.name, 'aliases': '; '.join(p.aliases.splitlines()), 'note': p.note} for p in people]
        return export_response(rows, EXPORT_COLUMNS, fmt, f'{self.country.iso3.lower()}-watch-list-{watch_list.pk}')


class WatchListImportView(_Page, CountryScopedView):
    """Upload a list, see what it holds (rows, errors by row, what would change), then confirm: nothing is stored
    before, and the whole file or nothing after. The file travels between the two steps encrypted, not stored."""

    tab = 'watch-lists'
    tab = 'watch-lists'
    queryset = WatchList.objects.all()
    action = 'add'
    template_name = 'safeguards/vetting/watchlist_import.html'

    def page(self, form, status=200, **extra):
        return render(self.request, self.template_name, self.country_context(form=form, **extra), status=status)

    def get(self, request):
        return self.page(WatchListUploadForm())

    def post(self, request):
        if 'token' in request.POST:
            return self.confirm(request)
        form = WatchListUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form, status=400)
        upload = form.cleaned_data['file']
        data = upload.read()
        try:
            read = read_list(data, upload.name)
        except ListFileError as error:
            form.add_error('file', vetting.list_message(error.code, error.params))
            return self.page(form, status=400)
        title, organisation = form.cleaned_data['title'], form.cleaned_data['organisation']
        plan = vetting.plan_for(self.country, title, read.rows)
        token = None
        if not read.errors:
            payload = {'user': request.user.pk, 'title': title, 'organisation': organisation, 'file': upload.name,
                       'rows': [[row.row, row.name, row.aliases, row.note] for row in read.rows]}  # fmt: skip
            token = crypto.encrypt(signing.dumps(payload, salt=IMPORT_SALT, compress=True))
        return self.page(
            form,
            status=400 if read.errors else 200,
            preview=read,
            plan=plan,
            errors=[(error.row, vetting.list_message(error.code, error.params)) for error in read.errors],
            token=token,
            filename=upload.name,
        )

    def confirm(self, request):
        try:
            payload = signing.loads(
                crypto.decrypt(request.POST['token']), salt=IMPORT_SALT, max_age=IMPORT_TOKEN_MAX_AGE
            )
        except Exception:  # a token damaged, expired or not ours: Fernet and signing each raise their own kind
            payload = None
        if not payload or payload['user'] != request.user.pk:
            message = _('This preview has expired or is not valid. Upload the file again.')
            return self.page(WatchListUploadForm(), status=400, page_error=message)
        rows = [ListRow(*row) for row in payload['rows']]
        watch_list, plan = vetting.apply_import(
            self.country, payload['title'], payload['organisation'], payload['file'], rows
        )
        messages.success(
            request,
            _('Imported %(file)s: %(added)s names added, %(changed)s changed, %(unchanged)s unchanged.')
            % {'file': payload['file'], 'added': len(plan.added), 'changed': len(plan.changed),
               'unchanged': plan.unchanged},
        )  # fmt: skip
        return redirect('safeguards:watchlist', self.country.iso3, watch_list.pk)
