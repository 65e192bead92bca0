"""The progress report's "what changed" section (registered in ``apps.py`` through ``sections.py``): for each
indicator of the country's frameworks with approved actuals in a period that meets the report's, the baseline, the
latest such value (cumulated when the indicator is) against that period's target and its status (``rollups.on_track``);
outputs, outcomes and impacts apart, each in its own paragraph. Each sentence cites the indicator and the approved
reports its value comes from."""

from collections import defaultdict
from datetime import date
from types import SimpleNamespace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..actual_queries import indicator_rollups
from ..dashboard import KIND_ORDER
from ..display import format_value, kind_label, status_label
from ..models import ActualReport, Indicator, ReportStatus
from .sentences import day, quoted
from .structure import LIST, PROSE, Citation, Paragraph, Sentence, overlaps

__all__ = ['MESSAGES', 'build']


def _rows(model, user):
    return model.objects.all() if user is None else model.objects.restrict(user)


def build(user, country, start: date, end: date) -> list[Paragraph]:
    indicators = list(
        _rows(Indicator, user)
        .filter(result__framework__country=country)
        .select_related('result__level', 'result__framework__country')
        .prefetch_related('periods')
        .order_by('result__framework__title', 'result__code', 'code')
    )
    rolled_up = indicator_rollups(indicators, categories=False)
    chosen = {}  # indicator -> (period, result): the latest period meeting the report's with an approved value
    for indicator in indicators:
        results = {result.key: result for result in rolled_up[indicator.pk]}
        for period in indicator.periods.all():
            result = results.get(period.pk)
            if result and result.period_value is not None and overlaps(period.start, period.end, start, end):
                chosen[indicator] = (period, result)
    if not chosen:
        return []
    reports = defaultdict(list)
    for report in (
        _rows(ActualReport, user)
        .filter(status=ReportStatus.APPROVED, period__in=[period for period, _result in chosen.values()])
        .select_related('organisation', 'period__indicator__result__framework__country')
        .order_by('organisation__name')
    ):
        reports[report.period_id].append(report)
    by_framework = defaultdict(lambda: defaultdict(list))  # indicators are ordered by framework title
    for indicator, (period, result) in chosen.items():
        sentence = _sentence(indicator, period, result, reports[period.pk])
        by_framework[indicator.result.framework][indicator.result.level.result_type].append(sentence)
    paragraphs = []
    for framework, by_kind in by_framework.items():
        if len(by_framework) > 1:  # two frameworks may both have an indicator 1.a: say whose it is
            count = sum(len(sentences) for sentences in by_kind.values())
            framework_sentence = Sentence('changed-framework', {'title': framework.display_title, 'count': count})
            paragraphs.append(Paragraph((framework_sentence,), PROSE))
        for kind in sorted(by_kind, key=lambda kind: KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)):
            sentences = by_kind[kind]
            paragraphs.append(Paragraph((Sentence('changed-level', {'kind': kind, 'count': len(sentences)}),), PROSE))
            paragraphs.append(Paragraph(tuple(sentences), LIST))
    return paragraphs


def _sentence(indicator, period, result, reports) -> Sentence:
    citations = (
        Citation(
            key=f'indicator:{indicator.pk}',
            kind='record',
            url=indicator.get_absolute_url(),
            title=f'{indicator.code} {indicator.display_title}',
        ),
        *(
            Citation(
                key=f'actual-report:{report.pk}',
                kind='record',
                url=report.get_absolute_url(),
                title=_('%(organisation)s, report on %(indicator)s for %(period)s')
                % {'organisation': report.organisation, 'indicator': indicator.code, 'period': period.display_label},
            )
            for report in reports
        ),
    )
    params = {
        'code': indicator.code,
        'title': indicator.display_title,
        'unit': {
            'unit': indicator.unit,
            'decimal_places': indicator.decimal_places,
            'scale_min': indicator.scale_min,
            'scale_max': indicator.scale_max,
        },
        'baseline': indicator.baseline_value,
        'baseline_date': indicator.baseline_date,
        'value': result.value,
        'period': period.display_label,
        'target': period.target,
        'status': result.status,
    }
    return Sentence('changed-indicator', params, citations)


def _changed_level(p):
    return ngettext(
        '%(kind)s: %(count)s indicator has approved values in the period.',
        '%(kind)s: %(count)s indicators have approved values in the period.',
        p['count'],
    ) % {'kind': kind_label(p['kind']), 'count': p['count']}


def _changed_framework(p):
    return ngettext(
        'Results framework %(title)s: %(count)s indicator has approved values in the period.',
        'Results framework %(title)s: %(count)s indicators have approved values in the period.',
        p['count'],
    ) % {'title': quoted(p['title']), 'count': p['count']}


def _changed_indicator(p):
    unit = SimpleNamespace(**p['unit'])
    figures = {
        'indicator': f'{p["code"]} {quoted(p["title"])}',
        'value': format_value(p['value'], unit),
        'period': p['period'],
        'status': status_label(p['status']),
    }
    if p['baseline'] is not None:
        figures['baseline'] = format_value(p['baseline'], unit)
        figures['date'] = day(p['baseline_date']) if p['baseline_date'] else ''
        text = (
            _('%(indicator)s: from the baseline %(baseline)s (%(date)s) to %(value)s in %(period)s')
            if figures['date']
            else _('%(indicator)s: from the baseline %(baseline)s to %(value)s in %(period)s')
        ) % figures
    else:
        text = _('%(indicator)s: %(value)s in %(period)s, without a baseline') % figures
    if p['target'] is not None:
        return _('%(text)s, against a target of %(target)s: %(status)s.') % {
            'text': text,
            'target': format_value(p['target'], unit),
            'status': figures['status'],
        }
    return _('%(text)s; no target is set for the period.') % {'text': text}


MESSAGES = {
    'changed-framework': _changed_framework,
    'changed-level': _changed_level,
    'changed-indicator': _changed_indicator,
}
