"""Results frameworks of a country workspace, under ``/countries/<iso3>/workspace/frameworks/``: the country's
frameworks, a framework's results tree with each result's links and indicators, the forms of a framework, its levels,
results, indicators and periods, and an indicator's page with its targets."""

from datetime import date

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ssrhub.core.views.generic import (
    CountryObjectDeleteView,
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectListView,
    CountryObjectView,
    ObjectListView,
)

from ..filtersets.frameworks import IndicatorFilterSet, ResultsFrameworkFilterSet
from ..forms.frameworks import (
    FrameworkResultForm,
    IndicatorForm,
    IndicatorPeriodForm,
    ResultLevelForm,
    ResultsFrameworkForm,
)
from ..models import (
    ActualReport,
    ActualValue,
    FrameworkResult,
    Indicator,
    IndicatorPeriod,
    ReportStatus,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    code_key,
)
from ..tables.frameworks import AllFrameworksTable, IndicatorTable, ResultsFrameworkTable

__all__ = [
    'AllFrameworksListView',
    'AllIndicatorsListView',
    'FrameworkResultDeleteView',
    'FrameworkResultEditView',
    'FrameworkResultHistoryView',
    'IndicatorDeleteView',
    'IndicatorEditView',
    'IndicatorHistoryView',
    'IndicatorPeriodDeleteView',
    'IndicatorPeriodEditView',
    'IndicatorView',
    'ResultLevelDeleteView',
    'ResultLevelEditView',
    'ResultsFrameworkDeleteView',
    'ResultsFrameworkEditView',
    'ResultsFrameworkHistoryView',
    'ResultsFrameworkListView',
    'ResultsFrameworkView',
    'result_tree',
]

TAB = 'frameworks'


class _FormPage:
    """An edit page on ``monitoring/frameworks/form.html``: a heading and where Cancel goes."""

    template_name = 'monitoring/frameworks/form.html'
    tab = TAB
    heading = ''

    def get_cancel_url(self, obj) -> str:
        raise NotImplementedError

    def get_heading(self, obj) -> str:
        return self.heading

    def get_extra_context(self, request, form) -> dict:
        return {'title': self.get_heading(form.instance), 'cancel_url': self.get_cancel_url(form.instance)}


class _DeletePage:
    template_name = 'monitoring/frameworks/delete.html'
    tab = TAB


def _framework(view, request, pk) -> ResultsFramework:
    """The framework ``pk`` of the view's country as the user may view it (404 otherwise): the parent of an added
    record."""
    framework = ResultsFramework.objects.restrict(request.user).filter(country=view.country, pk=pk).first()
    if framework is None:
        raise Http404
    return framework


def result_tree(results) -> list[tuple[FrameworkResult, int]]:
    """The results as (result, depth), each followed by the results that contribute to it, codes in reading order; a
    result whose parent is not among ``results`` starts a branch of its own."""
    by_parent: dict = {}
    known = {result.pk for result in results}
    for result in results:
        by_parent.setdefault(result.parent_id if result.parent_id in known else None, []).append(result)
    rows: list = []

    def walk(parent_id, depth):
        for result in sorted(by_parent.get(parent_id, []), key=lambda r: code_key(r.code)):
            rows.append((result, depth))
            walk(result.pk, depth + 1)

    walk(None, 0)
    return rows


# Section: frameworks


class ResultsFrameworkListView(CountryObjectListView):
    """The country's results frameworks: what each follows, its period and status, its results and indicators."""

    queryset = ResultsFramework.objects.select_related('plan', 'activity').annotate(
        result_count=Count('results', distinct=True), indicator_count=Count('results__indicators', distinct=True)
    )
    filterset = ResultsFrameworkFilterSet
    table = ResultsFrameworkTable
    tab = TAB
    template_name = 'monitoring/frameworks/framework_list.html'
    title = ''


class AllFrameworksListView(LoginRequiredMixin, ObjectListView):
    """The results frameworks of every country the user may see (``/monitoring/frameworks/``)."""

    queryset = ResultsFrameworkListView.queryset.select_related('country')
    filterset = ResultsFrameworkFilterSet
    table = AllFrameworksTable
    template_name = 'monitoring/frameworks/all_list.html'


def approved_latest(indicators):
    """``indicators`` with their latest approved report (by period): ``latest_report`` (its id), ``latest_period``
    (its label) and ``latest_value`` (its total)."""
    order = ('-period__start', '-pk')
    latest = ActualReport.objects.filter(period__indicator=OuterRef('pk'), status=ReportStatus.APPROVED).order_by(
        *order
    )
    total = ActualValue.objects.filter(
        report__period__indicator=OuterRef('pk'), report__status=ReportStatus.APPROVED, category=None
    ).order_by(*(f'-report__{name[1:]}' for name in order))
    return indicators.annotate(
        latest_report=Subquery(latest.values('pk')[:1]),
        latest_period=Subquery(latest.values('period__label')[:1]),
        latest_value=Subquery(total.values('value')[:1]),
    )


class AllIndicatorsListView(LoginRequiredMixin, ObjectListView):
    """The indicators of every framework the user may see (``/monitoring/indicators/``), filterable by country,
    framework, unit and SDG indicator."""

    queryset = approved_latest(
        Indicator.objects.select_related('result__framework__country').prefetch_related('sdg_indicators')
    )
    filterset = IndicatorFilterSet
    table = IndicatorTable
    template_name = 'monitoring/frameworks/all_list.html'


class ResultsFrameworkView(CountryObjectView):
    """A framework: its levels and its results tree, each result with its links and its indicators (unit, baseline,
    the next target)."""

    queryset = ResultsFramework.objects.select_related('country', 'plan', 'activity', 'owner').prefetch_related(
        'citations'
    )
    tab = TAB
    template_name = 'monitoring/frameworks/framework.html'

    def get_extra_context(self, request, obj) -> dict:
        user, today = request.user, date.today()
        indicators = (
            Indicator.objects.restrict(user)
            .select_related('responsible_organisation')
            .prefetch_related('periods', 'sdg_indicators')
            .order_by('code')
        )
        results = list(
            FrameworkResult.objects.restrict(user)
            .filter(framework=obj)
            .select_related('level')
            .prefetch_related(
                'objectives',
                'actions__document',
                'framework_items__version__framework',
                Prefetch('activity_links', ResultActivity.objects.select_related('activity')),
                Prefetch('indicators', indicators),
            )
        )
        for result in results:
            for indicator in result.indicators.all():
                indicator.next = indicator.next_period(today)
        levels = ResultLevel.objects.restrict(user).filter(framework=obj).annotate(result_count=Count('results'))
        return {
            'framework': obj,
            'levels': levels,
            'rows': result_tree(results),
            'indicator_count': sum(len(result.indicators.all()) for result in results),
            'can_change_results': self.may('change', FrameworkResult),
            'can_add_result': self.may('add', FrameworkResult) and levels.exists(),
            'can_add_indicator': self.may('add', Indicator),
            'can_change_levels': self.may('change', ResultLevel),
        }


class ResultsFrameworkHistoryView(CountryObjectHistoryView):
    queryset = ResultsFramework.objects.all()
    tab = TAB


class ResultsFrameworkEditView(_FormPage, CountryObjectEditView):
    """Add (no ``pk``) or change a results framework of the country; a new one gets the default levels."""

    queryset = ResultsFramework.objects.all()
    form = ResultsFrameworkForm

    def get_form(self, request, obj, data=None):
        return ResultsFrameworkForm(data=data, instance=obj, country=self.country, user=request.user)

    def get_heading(self, obj) -> str:
        return _('Change framework') if obj.pk else _('Add a results framework')

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else reverse('monitoring:framework_list', args=[self.country.iso3])


class ResultsFrameworkDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = ResultsFramework.objects.all()

    def get_extra_context(self, request, obj) -> dict:
        results = obj.results.count()
        indicators = Indicator.objects.filter(result__framework=obj).count()
        lines = []
        if results:
            lines.append(
                _('%(results)s results and their %(indicators)s indicators, with their targets, are deleted with it.')
                % {'results': results, 'indicators': indicators}
            )
        return {'consequences': lines}

    def get_success_url(self, obj) -> str:
        return reverse('monitoring:framework_list', args=[self.country.iso3])


# Section: levels


class ResultLevelEditView(_FormPage, CountryObjectEditView):
    """Add a level to a framework (``framework_pk``) or rename or move one (``pk``)."""

    queryset = ResultLevel.objects.select_related('framework__country')

    def new_object(self, request, framework_pk):
        framework = _framework(self, request, framework_pk)
        last = framework.levels.order_by('-order').first()
        return ResultLevel(framework=framework, order=(last.order + 1) if last else 1)

    def get_form(self, request, obj, data=None):
        return ResultLevelForm(data=data, instance=obj, framework=obj.framework)

    def get_heading(self, obj) -> str:
        return _('Level of %(framework)s') % {'framework': obj.framework}

    def get_cancel_url(self, obj) -> str:
        return f'{obj.framework.get_absolute_url()}#levels'

    def get_success_url(self, saved) -> str:
        return self.get_cancel_url(saved)


class ResultLevelDeleteView(_DeletePage, CountryObjectDeleteView):
    """Delete a level no result sits on (a level in use is refused, with the reason)."""

    queryset = ResultLevel.objects.select_related('framework__country')

    def get_extra_context(self, request, obj) -> dict:
        used = obj.results.count()
        if used:
            return {
                'blocked': _('%(count)s results sit on this level: move them to another level first.') % {'count': used}
            }
        return {}

    def post(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        if obj.results.exists():
            return redirect(reverse('monitoring:level_delete', args=[self.country.iso3, obj.pk]))
        return super().post(request, **kwargs)

    def get_cancel_url(self, obj) -> str:
        return f'{obj.framework.get_absolute_url()}#levels'

    def get_success_url(self, obj) -> str:
        return self.get_cancel_url(obj)


# Section: results


class FrameworkResultEditView(_FormPage, CountryObjectEditView):
    """Add a result to a framework (``framework_pk``, under ``?parent=`` when given) or change one (``pk``)."""

    queryset = FrameworkResult.objects.select_related('framework__country', 'framework__plan', 'level')

    def new_object(self, request, framework_pk):
        framework = _framework(self, request, framework_pk)
        result = FrameworkResult(framework=framework)
        parent = framework.results.filter(pk=request.GET.get('parent') or 0).select_related('level').first()
        levels = list(framework.levels.order_by('order'))
        if parent:
            result.parent = parent
            below = [level for level in levels if level.order > parent.level.order]
            result.level = below[0] if below else None
            result.code = f'{parent.code}.{parent.children.count() + 1}'
        elif levels:
            result.level = levels[0]
        return result

    def get_form(self, request, obj, data=None):
        form = FrameworkResultForm(data=data, instance=obj, framework=obj.framework, user=request.user)
        if not obj.pk:
            form.initial.update({'parent': obj.parent_id, 'level': obj.level_id, 'code': obj.code})
        return form

    def get_heading(self, obj) -> str:
        return _('Result of %(framework)s') % {'framework': obj.framework}

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else obj.framework.get_absolute_url()


class FrameworkResultHistoryView(CountryObjectHistoryView):
    queryset = FrameworkResult.objects.all()
    tab = TAB


class FrameworkResultDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = FrameworkResult.objects.select_related('framework__country')

    def get_extra_context(self, request, obj) -> dict:
        lines = []
        if children := obj.children.count():
            lines.append(_('%(count)s results that contribute to it are deleted with it.') % {'count': children})
        if indicators := obj.indicators.count():
            lines.append(_('%(count)s indicators and their targets are deleted with it.') % {'count': indicators})
        return {'consequences': lines}

    def get_success_url(self, obj) -> str:
        return obj.framework.get_absolute_url()


# Section: indicators


class IndicatorView(CountryObjectView):
    """An indicator: its definition, unit, baseline, SDG links, ITGN, who answers for it, and its targets per
    period."""

    queryset = Indicator.objects.select_related(
        'result__framework__country', 'result__level', 'responsible_organisation', 'itgn', 'copied_from'
    ).prefetch_related('sdg_indicators', 'citations')
    tab = TAB
    template_name = 'monitoring/frameworks/indicator.html'

    def get_extra_context(self, request, obj) -> dict:
        periods = IndicatorPeriod.objects.restrict(request.user).filter(indicator=obj).order_by('start')
        return {
            'indicator': obj,
            'periods': periods,
            'today': date.today(),
            'can_add_period': self.may('add', IndicatorPeriod),
            'can_change_period': self.may('change', IndicatorPeriod),
        }


class IndicatorEditView(_FormPage, CountryObjectEditView):
    """Add an indicator to a result (``result_pk``) or change one (``pk``)."""

    queryset = Indicator.objects.select_related('result__framework__country')

    def new_object(self, request, result_pk):
        result = (
            FrameworkResult.objects.restrict(request.user)
            .filter(framework__country=self.country, pk=result_pk)
            .select_related('framework')
            .first()
        )
        if result is None:
            raise Http404
        return Indicator(result=result, code=f'{result.code}.{chr(ord("a") + result.indicators.count() % 26)}')

    def get_form(self, request, obj, data=None):
        form = IndicatorForm(data=data, instance=obj, result=obj.result, user=request.user)
        if not obj.pk:
            form.initial['code'] = obj.code
        return form

    def get_heading(self, obj) -> str:
        return _('Indicator of result %(result)s') % {'result': obj.result}

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else obj.result.get_absolute_url()


class IndicatorHistoryView(CountryObjectHistoryView):
    queryset = Indicator.objects.all()
    tab = TAB


class IndicatorDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = Indicator.objects.select_related('result__framework__country')

    def get_extra_context(self, request, obj) -> dict:
        count = obj.periods.count()
        return {
            'consequences': [_('%(count)s periods and their targets are deleted with it.') % {'count': count}]
            if count
            else []
        }

    def get_success_url(self, obj) -> str:
        return obj.result.get_absolute_url()


# Section: periods


class IndicatorPeriodEditView(_FormPage, CountryObjectEditView):
    """Add a period with its target to an indicator (``indicator_pk``) or change one (``pk``)."""

    queryset = IndicatorPeriod.objects.select_related('indicator__result__framework__country')

    def new_object(self, request, indicator_pk):
        indicator = (
            Indicator.objects.restrict(request.user)
            .filter(result__framework__country=self.country, pk=indicator_pk)
            .select_related('result__framework')
            .first()
        )
        if indicator is None:
            raise Http404
        return IndicatorPeriod(indicator=indicator)

    def get_form(self, request, obj, data=None):
        return IndicatorPeriodForm(data=data, instance=obj, indicator=obj.indicator)

    def get_heading(self, obj) -> str:
        return _('Period and target of %(indicator)s') % {'indicator': obj.indicator}

    def get_cancel_url(self, obj) -> str:
        return f'{obj.indicator.get_absolute_url()}#periods'

    def get_success_url(self, saved) -> str:
        return self.get_cancel_url(saved)


class IndicatorPeriodDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = IndicatorPeriod.objects.select_related('indicator__result__framework__country')

    def get_cancel_url(self, obj) -> str:
        return f'{obj.indicator.get_absolute_url()}#periods'

    def get_success_url(self, obj) -> str:
        return self.get_cancel_url(obj)
