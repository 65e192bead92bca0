"""Actuals pages under ``/countries/<iso3>/workspace/monitoring/actuals/``: an indicator's actuals against its
targets, a report's grid and review, the country's reports to review, its disaggregations; and the cross-country
list of reports awaiting review under ``/monitoring/actuals/review/``."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ssrhub.core.access import can
from ssrhub.core.views.generic import (
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectView,
    CountryScopedView,
    ObjectListView,
)

from .. import actual_services
from ..actual_queries import indicator_rollups, report_flags
from ..display import status_label
from ..forms.actuals import DisaggregationTypeForm, IndicatorDisaggregationsForm, ReportForm, StepForm
from ..models import (
    ActualReport,
    ActualValue,
    DisaggregationCategory,
    DisaggregationType,
    Indicator,
    IndicatorDisaggregation,
    IndicatorPeriod,
    ReportStatus,
)

TAB = 'actuals-review'
REPORTS = ActualReport.objects.select_related(
    'period__indicator__result__framework__country', 'organisation', 'submitted_by'
)


def flag_sentences(flags, names: dict) -> list[str]:
    """Each sum that does not add up as a sentence: the disaggregation, the part, the sum and the total, and the
    categories missing."""
    parts = {'value': _('values'), 'numerator': _('numerators'), 'denominator': _('denominators')}
    sentences = []
    for flag in flags:
        sentence = _('%(type)s: the %(part)s of the categories add up to %(sum)s, not to the total %(total)s.') % {
            'type': names.get(flag.type_key, flag.type_key),
            'part': parts[flag.part],
            'sum': _number(flag.categories_sum),
            'total': _number(flag.total),
        }
        if flag.missing:
            missing = DisaggregationCategory.objects.filter(pk__in=flag.missing)
            sentence += ' ' + _('Missing: %(categories)s.') % {
                'categories': ', '.join(category.display_name for category in missing)
            }
        sentences.append(sentence)
    return sentences


def _number(number):
    from django.utils.formats import number_format

    return number_format(number.normalize() if number == number.to_integral() else number)


def _type_names(indicator) -> dict:
    return {link.type_id: link.type.display_name for link in indicator.disaggregation_links.select_related('type')}


# Section: an indicator's actuals


class IndicatorActualsView(CountryObjectView):
    """An indicator's periods: the target, the approved value (cumulated when the indicator is), the progress and
    on-track status, the shares of each category, the sums that do not add up, and every organisation's report."""

    queryset = Indicator.objects.select_related('result__framework__country', 'result__level')
    template_name = 'monitoring/actuals/indicator.html'
    tab = TAB

    def get_extra_context(self, request, obj) -> dict:
        results = {period.key: period for period in indicator_rollups([obj])[obj.pk]}
        reports = defaultdict(list)
        for report in (
            ActualReport.objects.restrict(request.user).filter(period__indicator=obj).select_related('organisation')
        ):
            reports[report.period_id].append(report)
        names = _type_names(obj)
        categories = {
            category.pk: category
            for category in DisaggregationCategory.objects.restrict(request.user).filter(
                type__indicator_links__indicator=obj
            )
        }
        rows = []
        for period in obj.periods.all():
            result = results.get(period.pk)
            shares = []
            for type_key, by_category in (result.shares if result else {}).items():
                for category_id, share in by_category.items():
                    shares.append((names.get(type_key, ''), categories[category_id].display_name, share))
            rows.append(
                {
                    'period': period,
                    'result': result,
                    'status': status_label(result.status) if result else '',
                    'shares': shares,
                    'flags': flag_sentences(result.flags, names) if result else [],
                    'reports': reports.get(period.pk, []),
                }
            )
        links = list(obj.disaggregation_links.select_related('type'))
        stored = set(
            ActualValue.objects.filter(report__period__indicator=obj, category__isnull=False).values_list(
                'category__type', flat=True
            )
        )
        return {
            'indicator': obj,
            'rows': rows,
            'collected': [link.type for link in links if link.active],
            'no_longer': [link.type for link in links if not link.active and link.type_id in stored],
            'disaggregation_form': IndicatorDisaggregationsForm(
                country=self.country, initial={'types': [link.type for link in links if link.active]}
            ),
            'may_report': self.may('add', ActualReport),
            'may_change_indicator': self.may('change', IndicatorDisaggregation),
        }


class IndicatorDisaggregationsView(CountryScopedView):
    """Choose the disaggregations an indicator collects. Removing one never deletes values: the link is kept, marked
    as no longer collected; choosing it again collects it again."""

    queryset = Indicator.objects.select_related('result__framework__country')
    action = 'change'

    def post(self, request, pk):
        indicator = self.get_object(request, pk=pk)
        form = IndicatorDisaggregationsForm(request.POST, country=self.country)
        if not form.is_valid():
            messages.error(request, _('Choose among the disaggregations offered.'))
            return redirect('monitoring:indicator_actuals', self.country.iso3, indicator.pk)
        chosen = {disaggregation.pk: disaggregation for disaggregation in form.cleaned_data['types']}
        with transaction.atomic():
            links = {link.type_id: link for link in indicator.disaggregation_links.all()}
            for order, (type_id, disaggregation) in enumerate(chosen.items(), start=1):
                link = links.get(type_id) or IndicatorDisaggregation(indicator=indicator, type=disaggregation)
                if link.pk is None or not link.active:
                    link.active, link.order = True, order
                    link.full_clean()
                    link.save()
            for type_id, link in links.items():
                if type_id not in chosen and link.active:
                    link.active = False
                    link.save()
        messages.success(request, _('Saved the disaggregations of %(indicator)s.') % {'indicator': indicator.code})
        return redirect('monitoring:indicator_actuals', self.country.iso3, indicator.pk)


# Section: a report


class ReportAddView(CountryObjectEditView):
    """Start an organisation's report of a period (a draft, with its first step)."""

    queryset = ActualReport.objects.all()
    form = ReportForm
    template_name = 'monitoring/actuals/report_form.html'
    tab = TAB

    def get_action(self, **kwargs) -> str:
        return 'add'

    def new_object(self, request, **kwargs):
        period = (
            IndicatorPeriod.objects.restrict(request.user)
            .filter(pk=kwargs['period'], indicator__result__framework__country=self.country)
            .select_related('indicator__result__framework')
            .first()
        )
        if period is None:
            from django.http import Http404

            raise Http404
        return ActualReport(period=period)

    def get_form(self, request, obj, data=None):
        return ReportForm(data=data, instance=obj, user=request.user)

    def save(self, form):
        report = form.save()
        from ..models import ActualStep

        ActualStep.objects.create(report=report, action='create', user=self.request.user, to_status=report.status)
        return report

    def get_extra_context(self, request, form) -> dict:
        return {
            'period': form.instance.period,
            'title': _('Report actual values'),
            'cancel_url': self.get_cancel_url(form.instance),
        }

    def get_cancel_url(self, obj) -> str:
        return reverse('monitoring:indicator_actuals', args=[self.country.iso3, obj.period.indicator_id])


class ReportView(CountryObjectView):
    """A report: its grid (editable while a draft or returned and not locked), the sums that do not add up, the
    steps the user may take (submit; approve or return; reopen, lock, unlock) and its history of steps."""

    queryset = REPORTS
    template_name = 'monitoring/actuals/report.html'
    tab = TAB

    def get_extra_context(self, request, obj) -> dict:
        return report_context(request, obj)


def report_context(request, report, errors=None, posted=None) -> dict:
    """What the report page shows: the grid's rows, flags, steps and the steps the user may take."""
    indicator = report.period.indicator
    cells = actual_services.grid_cells(report)
    for index, cell in enumerate(cells):
        cell['index'] = index
        cell['errors'] = (errors or {}).get(index, [])
        if posted is not None:
            cell['posted'] = posted[index]
    may_change = can(request.user, 'change', report)
    return {
        'report': report,
        'indicator': indicator,
        'cells': cells,
        'ratio': indicator.unit == 'percentage',
        'editable': report.editable and may_change,
        'flags': flag_sentences(report_flags(report), _type_names(indicator)),
        'steps': report.steps.select_related('user'),
        'may': {action: actual_services.may_take(request.user, report, action) for action in actual_services.ACTIONS},
        'step_form': StepForm(),
    }


class ReportValuesView(CountryScopedView):
    """Save a report's grid: every cell checked first, nothing written when one is wrong (the page shows each cell's
    message)."""

    queryset = REPORTS
    action = 'change'
    tab = TAB

    def post(self, request, pk):
        report = self.get_object(request, pk=pk)
        cells = actual_services.grid_cells(report)
        rows = []
        for index, cell in enumerate(cells):
            if not cell['active']:
                rows.append(None)
                continue
            rows.append(
                {
                    'category': cell['category'],
                    **{
                        name: request.POST.get(f'cell-{index}-{name}', '').strip()
                        for name in ('value', 'numerator', 'denominator', 'note', 'source')
                    },
                }
            )
        active = [(index, row) for index, row in enumerate(rows) if row is not None]
        try:
            actual_services.save_values(report, request.user, [row for _index, row in active])
        except ValidationError as error:
            if hasattr(error, 'error_dict'):
                errors = {active[int(key)][0]: texts for key, texts in error.message_dict.items()}
            else:
                errors = {}
                messages.error(request, ' '.join(error.messages))
            context = self.country_context(**report_context(request, report, errors, posted=rows))
            context['error_count'] = len(errors)
            return render(request, 'monitoring/actuals/report.html', context, status=400)
        messages.success(request, _('Saved the values.'))
        return redirect(report)


class ReportStepView(CountryScopedView):
    """Take a review step on a report (submit, approve, return, reopen, lock, unlock): the workflow of
    ``review.py`` decides, and says why it refuses."""

    queryset = REPORTS
    action = 'view'
    tab = TAB

    def post(self, request, pk):
        report = self.get_object(request, pk=pk)
        form = StepForm(request.POST)
        if not form.is_valid():
            raise PermissionDenied
        action, comment = form.cleaned_data['action'], form.cleaned_data['comment']
        try:
            actual_services.take_step(report, request.user, action, comment)
        except actual_services.StepRefused as refusal:
            if refusal.code in ('comment-required', 'no-values'):
                messages.error(request, str(refusal))
                return redirect(report)
            raise
        messages.success(request, _('Done: %(step)s.') % {'step': actual_services.step_label(action)})
        return redirect(report)


class ReportHistoryView(CountryObjectHistoryView):
    """Every change of a report, its values and its steps."""

    queryset = REPORTS
    tab = TAB


# Section: lists


def _review_rows(reports, user) -> list[dict]:
    return [{'report': report, 'own': report.submitted_by_id == user.pk} for report in reports]


class CountryReviewListView(CountryScopedView):
    """The country's reports by where they stand: awaiting review first, then returned, drafts, and approved."""

    queryset = REPORTS
    template_name = 'monitoring/actuals/review_list.html'
    tab = TAB

    def get(self, request):
        reports = list(self.get_queryset(request).order_by('period__indicator__code', 'period__start'))
        groups = [
            (status, label, _review_rows([report for report in reports if report.status == status], request.user))
            for status, label in (
                (ReportStatus.SUBMITTED, _('Awaiting review')),
                (ReportStatus.RETURNED, _('Returned for correction')),
                (ReportStatus.DRAFT, _('Drafts')),
                (ReportStatus.APPROVED, _('Approved')),
            )
        ]
        return render(request, self.template_name, self.country_context(groups=groups, count=len(reports)))


class ReviewQueueView(ObjectListView):
    """Reports awaiting review in every country the user may review (change workspace records of), oldest
    submission first; the user's own submissions are marked, since another person must review them."""

    queryset = REPORTS.filter(status=ReportStatus.SUBMITTED)
    template_name = 'monitoring/actuals/review_queue.html'

    def get(self, request):
        if refusal := self.refuse_reader(request, ActualReport):
            return refusal
        reports = self.get_queryset(request, 'change').order_by('submitted_at', 'pk')
        return render(
            request,
            self.template_name,
            {'rows': _review_rows(reports, request.user), 'title': _('Actual values awaiting review')},
        )


# Section: disaggregations


class DisaggregationListView(CountryScopedView):
    """The built-in disaggregations and the country's own, with their categories."""

    queryset = DisaggregationType.objects.all()
    template_name = 'monitoring/actuals/disaggregations.html'
    tab = 'disaggregations'

    def get_queryset(self, request, action=None):
        return (
            DisaggregationType.objects.restrict(request.user, action or 'view')
            .filter(Q(country__isnull=True) | Q(country=self.country))
            .prefetch_related('categories')
        )

    def get(self, request):
        return render(request, self.template_name, self.country_context(types=self.get_queryset(request)))


class DisaggregationEditView(CountryObjectEditView):
    """Add or change one of the country's own disaggregations; its categories typed one a line or taken from the
    country's administrative areas or security actors. A category with values is never removed."""

    queryset = DisaggregationType.objects.all()
    form = DisaggregationTypeForm
    template_name = 'monitoring/actuals/disaggregation_form.html'
    tab = 'disaggregations'

    def new_object(self, request, **kwargs):
        return DisaggregationType(country=self.country)

    def get_form(self, request, obj, data=None):
        return DisaggregationTypeForm(data=data, instance=obj, country=self.country)

    def is_valid(self, form) -> bool:
        if not form.is_valid():
            return False
        if form.instance.pk:
            codes = {row[0] for row in form.cleaned_data['parsed']}
            kept = form.instance.categories.exclude(code__in=codes).filter(actual_values__isnull=False).distinct()
            if kept.exists():
                form.add_error(
                    'categories',
                    _('Values were entered for %(names)s: keep these categories.')
                    % {'names': ', '.join(str(category) for category in kept)},
                )
                return False
        return True

    def save(self, form):
        disaggregation = form.save()
        parsed = form.cleaned_data['parsed']
        existing = {category.code: category for category in disaggregation.categories.all()}
        codes = set()
        for order, row in enumerate(parsed, start=1):
            code, name, name_fr = row[:3]
            links = row[3] if len(row) > 3 else {}
            codes.add(code)
            category = existing.get(code) or DisaggregationCategory(type=disaggregation, code=code)
            category.order, category.name, category.name_fr = order, name, name_fr
            for field, value in links.items():
                setattr(category, field, value)
            category.full_clean()
            category.save()
        for code, category in existing.items():
            if code not in codes:
                category.delete()
        return disaggregation

    def get_success_url(self, saved) -> str:
        return reverse('monitoring:disaggregation_list', args=[self.country.iso3])

    def get_cancel_url(self, obj) -> str:
        return reverse('monitoring:disaggregation_list', args=[self.country.iso3])

    def get_extra_context(self, request, form) -> dict:
        return {
            'title': _('Change a disaggregation') if form.instance.pk else _('Add a disaggregation'),
            'cancel_url': self.get_cancel_url(form.instance),
        }
