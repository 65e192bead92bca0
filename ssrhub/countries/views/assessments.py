"""Assessments of a country: the list, the scorecard and checklist of one, two compared, editing and exports."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.views.generic import CountryObjectEditView, CountryScopedView
from ssrhub.framework.models import Framework, FrameworkItem

from .. import scorecard
from ..forms import AssessmentForm, rating_formset
from ..models import Assessment, AssessmentRating, Compliance
from ..tables import AssessmentExportTable, export_columns

__all__ = [
    'AssessmentCompareView',
    'AssessmentEditView',
    'AssessmentExportView',
    'AssessmentListView',
    'AssessmentView',
    'assessment_rows',
    'framework_items',
    'latest_framework_version',
]

FRAMEWORK_CODE = 'un-ssr'

CHANGE_LABELS = {
    scorecard.Change.IMPROVED: gettext_lazy('improved'),
    scorecard.Change.WORSE: gettext_lazy('worse'),
    scorecard.Change.SAME: gettext_lazy('same'),
    scorecard.Change.NEWLY_RATED: gettext_lazy('newly rated'),
    scorecard.Change.NO_LONGER_RATED: gettext_lazy('no longer rated'),
    scorecard.Change.CHANGED: gettext_lazy('changed (not applicable)'),
    scorecard.Change.NOT_RATED: gettext_lazy('not rated'),
}
COMPLIANCE_LABELS = {**dict(Compliance.choices), scorecard.NOT_RATED: gettext_lazy('Not rated')}


# Section: reading


def latest_framework_version():
    """The current version of the UN SSR framework (the one new assessments use), or None before it is loaded."""
    framework = Framework.objects.filter(code=FRAMEWORK_CODE).first()
    return framework.current_version if framework else None


def framework_items(version) -> list[FrameworkItem]:
    """The features, standards and principles of a framework version, in their printed order."""
    return list(
        FrameworkItem.objects.filter(version=version, parent__code__in=scorecard.GROUPS, parent__version=version)
        .select_related('parent', 'version__framework')
        .order_by('order')
    )


@dataclass
class Row:
    """One item on an assessment's card: the framework item, its rating (None when not rated) and the entry the
    scorecard arithmetic reads."""

    item: FrameworkItem
    rating: AssessmentRating | None
    entry: scorecard.Entry

    @property
    def score_percent(self) -> int:
        return round(100 * self.rating.score / scorecard.MAX_SCORE) if self.rating and self.rating.score else 0


def assessment_rows(assessment, items) -> list[Row]:
    """Every item, rated or not (``assessment.ratings`` should be prefetched with their citations)."""
    ratings = {rating.item_id: rating for rating in assessment.ratings.all()}
    rows = []
    for item in items:
        rating = ratings.get(item.pk)
        entry = scorecard.Entry(item.code, rating.score, rating.compliance) if rating else scorecard.Entry(item.code)
        rows.append(Row(item, rating, entry))
    return rows


def _groups(rows, items) -> list[dict]:
    """The rows per group with the group's heading (the label of the framework's group item)."""
    headings = {item.parent.code: item.parent for item in items}
    return [
        {'code': group, 'heading': headings.get(group), 'rows': [row for row in rows if row.entry.group == group]}
        for group in scorecard.GROUPS
    ]


def _summary_counts(summary) -> list[dict]:
    return [{'key': key, 'label': COMPLIANCE_LABELS[key], 'count': count} for key, count in summary.counts.items()]


class AssessmentMixin:
    queryset = Assessment.objects.all()
    tab = 'assessments'

    def assessments(self, action=None):
        return self.get_queryset(self.request, action)

    def get_assessment(self, pk, action=None):
        queryset = (
            self.assessments(action)
            .select_related('framework_version__framework')
            .prefetch_related(
                'citations', Prefetch('ratings', queryset=AssessmentRating.objects.prefetch_related('citations'))
            )
        )
        return get_object_or_404(queryset, pk=pk)


# Section: pages


class AssessmentListView(AssessmentMixin, CountryScopedView):
    def get(self, request):
        assessments = list(
            self.assessments().select_related('framework_version__framework').prefetch_related('ratings')
        )
        items_by_version = {}
        for assessment in assessments:
            version = assessment.framework_version_id
            if version not in items_by_version:
                items_by_version[version] = framework_items(assessment.framework_version)
            rows = assessment_rows(assessment, items_by_version[version])
            assessment.summary = scorecard.summarise(row.entry for row in rows)
        context = self.country_context(
            assessments=assessments,
            before=assessments[1] if len(assessments) > 1 else None,
            after=assessments[0] if assessments else None,
        )
        return render(request, 'countries/assessment_list.html', context)


class AssessmentView(AssessmentMixin, CountryScopedView):
    def get(self, request, pk):
        assessment = self.get_assessment(pk)
        items = framework_items(assessment.framework_version)
        rows = assessment_rows(assessment, items)
        summary = scorecard.summarise(row.entry for row in rows)
        others = self.assessments().exclude(pk=assessment.pk)
        context = self.country_context(
            assessment=assessment,
            groups=_groups(rows, items),
            summary=summary,
            principle_counts=_summary_counts(summary['principle']),
            others=others,
            export_formats=EXPORT_FORMATS,
        )
        return render(request, 'countries/assessment_detail.html', context)


class AssessmentCompareView(AssessmentMixin, CountryScopedView):
    """Two assessments of the country side by side, from the earlier to the later."""

    template_name = 'countries/assessment_compare.html'

    def refuse(self, message):
        context = self.country_context(error=message)
        return render(self.request, self.template_name, context, status=400)

    def get(self, request):
        try:
            pks = int(request.GET['a']), int(request.GET['b'])
        except (KeyError, ValueError):
            return self.refuse(_('Choose two assessments to compare.'))
        if pks[0] == pks[1]:
            return self.refuse(_('Choose two different assessments to compare.'))
        visible = Assessment.objects.restrict(request.user).select_related('country')
        chosen = [get_object_or_404(visible, pk=pk) for pk in pks]
        if any(assessment.country_id != self.country.pk for assessment in chosen):
            return self.refuse(
                _('Only assessments of %(country)s can be compared here: %(other)s is about another country.')
                % {
                    'country': self.country,
                    'other': next(a for a in chosen if a.country_id != self.country.pk),
                }
            )
        before, after = sorted((self.get_assessment(pk) for pk in pks), key=lambda a: (a.date, a.pk))
        items_before = framework_items(before.framework_version)
        items_after = framework_items(after.framework_version)
        rows_before = assessment_rows(before, items_before)
        rows_after = assessment_rows(after, items_after)
        by_code = {row.item.code: row for row in rows_before}
        by_code_after = {row.item.code: row for row in rows_after}
        changes = scorecard.compare([row.entry for row in rows_before], [row.entry for row in rows_after])
        lines = [
            {
                'change': change,
                'label': CHANGE_LABELS[change.change],
                'item': (by_code_after.get(change.code) or by_code[change.code]).item,
                'before': by_code.get(change.code),
                'after': by_code_after.get(change.code),
            }
            for change in changes
        ]
        deltas = scorecard.summary_deltas(
            scorecard.summarise(row.entry for row in rows_before), scorecard.summarise(row.entry for row in rows_after)
        )
        headings = {item.parent.code: item.parent for item in [*items_before, *items_after]}
        groups = [
            {
                'code': group,
                'heading': headings.get(group),
                'lines': [line for line in lines if line['change'].group == group],
                'delta': deltas[group],
                'trend': scorecard.trend('mean', deltas[group].mean_delta),
            }
            for group in scorecard.GROUPS
        ]
        principle = deltas['principle']
        compliance_deltas = [
            {
                'key': key,
                'label': COMPLIANCE_LABELS[key],
                'before': principle.before.counts.get(key, 0),
                'after': principle.after.counts.get(key, 0),
                'delta': delta,
                'trend': scorecard.trend(key, delta),
            }
            for key, delta in principle.count_deltas.items()
        ]
        tally = {change: 0 for change in scorecard.Change}
        for change in changes:
            tally[change.change] += 1
        context = self.country_context(
            before=before,
            after=after,
            groups=groups,
            compliance_deltas=compliance_deltas,
            tally=[{'key': key, 'label': CHANGE_LABELS[key], 'count': count} for key, count in tally.items() if count],
        )
        return render(request, self.template_name, context)


class AssessmentEditView(AssessmentMixin, CountryObjectEditView):
    """Create an assessment (on the latest framework version) or change one, with all its ratings in one form."""

    form = AssessmentForm
    template_name = 'countries/assessment_form.html'

    def get_object(self, request, pk=None):
        if pk is None:
            version = latest_framework_version()
            assessment = Assessment(country=self.country, framework_version=version)
            self.items = framework_items(version) if version else []
        else:
            assessment = self.get_assessment(pk)
            self.items = framework_items(assessment.framework_version)
        self.ratings = {rating.item_id: rating for rating in assessment.ratings.all()} if pk else {}
        return assessment

    def get_form(self, request, obj, data=None):
        self.formset = rating_formset(data, items=self.items, ratings=self.ratings)
        return AssessmentForm(data, instance=obj)

    def post(self, request, pk=None):
        obj = self.get_object(request, pk)
        if not self.items:
            self.formset = None
            return self.form_response(request, AssessmentForm(instance=obj), status=400)
        return self.save_form(request, self.get_form(request, obj, request.POST), self.action)

    def is_valid(self, form) -> bool:
        return form.is_valid() and self.formset.is_valid()

    def save(self, form):
        assessment = form.save()
        self.formset.save(assessment)
        return assessment

    def get_extra_context(self, request, form) -> dict:
        forms_by_group = {group: [] for group in scorecard.GROUPS}
        for rating_form in self.formset.forms if self.formset else []:
            forms_by_group[rating_form.item.parent.code].append(rating_form)
        headings = {item.parent.code: item.parent for item in self.items}
        return {
            'assessment': form.instance,
            'formset': self.formset,
            'groups': [
                {'code': group, 'heading': headings.get(group), 'forms': forms}
                for group, forms in forms_by_group.items()
            ],
            'no_framework': not self.items,
        }


# Section: exports


class AssessmentExportView(AssessmentMixin, CountryScopedView):
    """Every item of one assessment, the unrated ones included."""

    def get(self, request, pk, fmt):
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        assessment = self.get_assessment(pk)
        rows = [
            {
                'assessment': assessment.title,
                'date': assessment.date,
                'group': row.entry.group,
                'ref': row.item.ref,
                'code': row.item.code,
                'item': row.item.label,
                'score': row.entry.score,
                'compliance': row.entry.compliance,
                'rating': (
                    row.rating.get_score_display()
                    if row.entry.score is not None
                    else row.rating.get_compliance_display()
                )
                if row.rating
                else str(COMPLIANCE_LABELS[scorecard.NOT_RATED]),
                'evidence': row.rating.evidence if row.rating else '',
                'source': row.rating.source if row.rating else '',
                'citations': [citation.text for citation in row.rating.citations.all()] if row.rating else [],
            }
            for row in assessment_rows(assessment, framework_items(assessment.framework_version))
        ]
        filename = f'{self.country.iso3}-assessment-{assessment.date.isoformat()}-{assessment.pk}'
        return export_response(rows, export_columns(AssessmentExportTable), fmt, filename)
