"""The dashboard of a results framework as JSON (``GET /api/monitoring/frameworks/<id>/dashboard/``): per indicator
its periods with the target, the approved value (cumulated when the indicator is), the progress and the status; where
each indicator stands; the results at risk first; the counts per level's IATI result type. The figures are those of
the dashboard page (``dashboard_queries.py``)."""

from rest_framework import serializers

__all__ = ['DashboardSerializer', 'dashboard_payload']


class DashboardPeriodSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    target = serializers.DecimalField(max_digits=20, decimal_places=4, allow_null=True)
    actual = serializers.DecimalField(max_digits=20, decimal_places=4, allow_null=True)
    progress = serializers.DecimalField(max_digits=20, decimal_places=4, allow_null=True)
    status = serializers.CharField()


class DashboardIndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    title = serializers.CharField()
    unit = serializers.CharField()
    direction = serializers.CharField()
    baseline = serializers.DecimalField(max_digits=20, decimal_places=4, allow_null=True)
    result_type = serializers.CharField(help_text='IATI result type of the level: 1 output, 2 outcome, 3 impact')
    status = serializers.CharField(help_text='The latest status: on-track, at-risk, off-track, no-value, ...')
    periods = DashboardPeriodSerializer(many=True)


class DashboardLevelSerializer(serializers.Serializer):
    result_type = serializers.CharField()
    on_track = serializers.IntegerField()
    at_risk = serializers.IntegerField()
    off_track = serializers.IntegerField()
    no_data = serializers.IntegerField()
    total = serializers.IntegerField()


class DashboardSerializer(serializers.Serializer):
    rule = serializers.CharField()
    levels = DashboardLevelSerializer(many=True)
    at_risk = serializers.ListField(child=serializers.IntegerField(), help_text='Indicator ids, off track first')
    indicators = DashboardIndicatorSerializer(many=True)


def _rounded(value):
    return round(value, 4) if value is not None else None


def dashboard_payload(data, rule: str) -> dict:
    """``data`` (a ``dashboard_queries.Dashboard``) as the serializer's input."""
    return {
        'rule': rule,
        'levels': [
            {'result_type': kind, **{column.replace('-', '_'): n for column, n in counts.items()}, 'total': total}
            for kind, counts, total in data.levels
        ],
        'at_risk': [entry.indicator.pk for entry in data.at_risk],
        'indicators': [
            {
                'id': entry.indicator.pk,
                'code': entry.indicator.code,
                'title': entry.indicator.display_title,
                'unit': entry.indicator.unit,
                'direction': entry.indicator.direction,
                'baseline': entry.indicator.baseline_value,
                'result_type': entry.standing.kind,
                'status': entry.standing.status,
                'periods': [
                    {
                        'id': period.pk,
                        'label': label,
                        'start': period.start,
                        'end': period.end,
                        'target': period.target,
                        'actual': _rounded(result.value) if result else None,
                        'progress': _rounded(result.progress) if result else None,
                        'status': result.status if result else 'no-value',
                    }
                    for period, label, result in entry.periods
                ],
            }
            for entry in data.entries
        ],
    }
