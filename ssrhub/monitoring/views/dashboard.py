"""Monitoring dashboards: a country's (``/countries/<iso3>/workspace/monitoring/dashboard/``, every framework of
the country) and a framework's (``.../frameworks/<pk>/dashboard/``): per indicator a chart and a table of its
approved actuals against the targets and the baseline, the results at risk first with why, and the indicators
counted per level (outputs apart from outcomes). The same access as the frameworks pages; a framework's JSON is
the API's ``frameworks/<id>/dashboard/`` (``api/dashboard.py``)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ssrhub.core.views.generic import CountryObjectView, CountryScopedView

from .. import dashboard
from ..dashboard_queries import APPROVED_ONLY, RULE, dashboard_data
from ..display import format_value, kind_label, status_label
from ..forms.dashboard import DashboardFilterForm
from ..models import ResultsFramework
from .dashboard_markup import Texts, chart_svg, figure_rows, table_rows

__all__ = ['CountryDashboardView', 'FrameworkDashboardView', 'risk_reason', 'track_label']

TAB = 'results-dashboard'


def track_label(status: str) -> str:
    """A status of the dashboard (a roll-up's, or "no data") in the active language."""
    return _('no data') if status == dashboard.NO_DATA else status_label(status)


def risk_reason(entry) -> str:
    """Why an indicator is at risk or off track: how far it went from the baseline to the target, or how far it is
    from the target it should maintain, with the figures."""
    indicator, latest = entry.indicator, entry.standing.latest
    period, label = next((period, label) for period, label, result in entry.periods if result is latest)
    figures = {
        'period': label,
        'actual': format_value(latest.value, indicator),
        'target': format_value(period.target, indicator),
    }
    share = (1 - latest.progress) if indicator.direction == 'maintain' else latest.progress
    figures['share'] = number_format(round(share * 100))
    if indicator.direction == 'maintain':
        return _('%(period)s: %(actual)s is %(share)s%% away from the target %(target)s to maintain.') % figures
    figures['baseline'] = format_value(indicator.baseline_value or 0, indicator)
    if latest.progress < 0:
        return (
            _('%(period)s: %(actual)s moved away from the target %(target)s, past the baseline %(baseline)s.') % figures
        )
    return (
        _(
            '%(period)s: %(actual)s covers %(share)s%% of the way from the baseline %(baseline)s to the target '
            '%(target)s.'
        )
        % figures
    )


class DashboardMixin:
    queryset = ResultsFramework.objects.all()
    tab = TAB
    template_name = 'monitoring/dashboard/dashboard.html'

    def dashboard_context(self, request, framework=None) -> dict:
        frameworks = None if framework else self.get_queryset(request).order_by('title')
        form = DashboardFilterForm(request.GET or None, frameworks=frameworks)
        filters = form.cleaned_data if form.is_valid() else {}
        data = dashboard_data(
            request.user,
            self.country,
            framework or filters.get('framework'),
            filters.get('level', ''),
            filters.get('status', ''),
        )
        texts = Texts()
        for entry in data.entries:
            entry.status_text = texts.status(entry.standing.status)
            rows = figure_rows(entry, texts)
            entry.table_rows = table_rows(rows)
            entry.svg = chart_svg(entry, rows, f'chart-{entry.indicator.pk}', texts) if entry.chart else ''
        for entry in data.at_risk:
            entry.reason = risk_reason(entry)
        levels = [
            (kind_label(kind), [(column, track_label(column), counts[column]) for column in dashboard.COLUMNS], total)
            for kind, counts, total in data.levels
        ]
        return {
            'data': data,
            'levels': levels,
            'form': form,
            'framework': framework,
            'rule': RULE,
            'approved_only': APPROVED_ONLY,
            'json_url': reverse('monitoring-api:resultsframework-dashboard', args=[framework.pk]) if framework else '',
        }


class CountryDashboardView(DashboardMixin, CountryScopedView):
    """Every framework of the country, filterable by framework, level and status."""

    def get(self, request):
        return render(request, self.template_name, self.country_context(**self.dashboard_context(request)))


class FrameworkDashboardView(DashboardMixin, CountryObjectView):
    """One framework's dashboard, filterable by level and status."""

    def get_extra_context(self, request, obj) -> dict:
        return self.dashboard_context(request, obj)
