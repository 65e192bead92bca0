"""The Gender tab of a country workspace, under ``/countries/<iso3>/workspace/gender/``: the share of women per
institution over time against the country's targets (headcounts of the security-sector map), the gender marker of
the partners' activities, and the indicators disaggregated by sex per framework (approved values only)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ssrhub.core.views.generic import CountryScopedView
from ssrhub.countries.models import Headcount

from ..gender import NOT_MARKED, draw_shares
from ..gender_queries import activities_named, gender_markers, headcount_shares, sex_indicators, share_targets

__all__ = ['GenderView']

LISTED = 50  # activities without the gender marker named on the page; the rest are counted


def _chart(institutions, sector, targets):
    series = [(actor.display_name, [(row.year, row.share) for row in rows], False) for actor, rows in institutions]
    if sector and len(institutions) > 1:
        series.append((_('Whole security sector'), [(row.year, row.share) for row in sector], True))
    index = {actor.pk: position for position, (actor, _rows) in enumerate(institutions)}
    marks = [
        (
            target.actor.display_name if target.actor_id else _('Whole security sector'),
            target.target_date.year,
            target.share,
            index.get(target.actor_id),
        )
        for target in targets
    ]
    return draw_shares(series, marks)


class GenderView(CountryScopedView):
    """Women in the security sector, the gender marker of activities and the indicators by sex."""

    queryset = Headcount.objects.all()
    tab = 'gender'

    def get(self, request):
        user = request.user
        institutions, sector, without_split = headcount_shares(user, self.country)
        targets = share_targets(user, self.country)
        markers = gender_markers(user, self.country)
        unmarked = next(row for row in markers if row.significance == NOT_MARKED)
        context = self.country_context(
            institutions=institutions,
            sector=sector,
            without_split=without_split,
            targets=targets,
            chart=_chart(institutions, sector, targets),
            markers=markers,
            activity_count=sum(len(row.activities) for row in markers),
            unmarked=activities_named(user, unmarked.activities[:LISTED]),
            unmarked_more=max(0, len(unmarked.activities) - LISTED),
            frameworks=sex_indicators(user, self.country),
        )
        return render(request, 'monitoring/gender/gender.html', context)
