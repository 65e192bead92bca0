"""The annual summary's rows read from the database, and the summary laid out as labelled sections and as JSON.

Only code, date and id columns are read (``values_list``): no encrypted field is ever decrypted for the summary, so
no name or narrative can reach its page, PDF, JSON or text. With a ``user``, every model is read through
``restrict(user)`` (the page); without one, as the system (the operators' command on the server).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import (
    Allegation,
    Decision,
    FollowUp,
    Intervention,
    InterventionKind,
    MatchDecision,
    Mitigation,
    Outcome,
    Reopening,
    ReopenReason,
    Screening,
    SupportKind,
    SupportRequest,
    ViolationType,
)
from .summary import MITIGATION_OUTCOMES, AnnualSummary, Rows, summarise

__all__ = ['Section', 'annual_summary', 'sections', 'summary_json', 'summary_years']

MITIGATION_LABELS = dict(
    zip(
        MITIGATION_OUTCOMES,
        (_('Met on time'), _('Met late'), pgettext_lazy('measures', 'Not met'), _('Still open')),
        strict=True,
    )
)


def _records(model, country, user):
    records = model.objects.all() if user is None else model.objects.restrict(user)
    return records.filter(**{model.country_scope: country})


def summary_rows(country, user=None) -> Rows:
    def rows(model, *fields):
        return list(_records(model, country, user).order_by().values_list(*fields))

    confirmed = Count('matches', filter=Q(matches__decision=MatchDecision.CONFIRMED))
    screenings = _records(Screening, country, user).order_by().annotate(confirmed=confirmed)
    return Rows(
        requests=rows(SupportRequest, 'kind', 'start'),
        decisions=rows(Decision, 'outcome', 'decided_on'),
        reopenings=rows(Reopening, 'reason', 'reopened_on'),
        mitigations=rows(Mitigation, 'status', 'due_on', 'met_on'),
        interventions=rows(Intervention, 'kind', 'started_on'),
        allegations=rows(Allegation, 'violation', 'follow_up', 'reported_on'),
        screenings=[
            (individual, screened_at.date(), matches)
            for individual, screened_at, matches in screenings.values_list('individual', 'screened_at', 'confirmed')
        ],
    )


def annual_summary(country, year: int, user=None) -> AnnualSummary:
    return summarise(summary_rows(country, user), year)


def summary_years(country, user=None) -> list[int]:
    """The years in which the country has a support request, an allegation or a decision (newest first)."""
    years = set()
    for model, field in ((SupportRequest, 'start'), (Allegation, 'reported_on'), (Decision, 'decided_on')):
        years.update(day.year for day in _records(model, country, user).order_by().values_list(field, flat=True))
    return sorted(years, reverse=True)


@dataclass(frozen=True)
class Section:
    key: str
    title: object
    rows: list[tuple[str, object, int]]  # (code, label, count), every code, zeros included
    total: int | None  # None when the rows are not parts of one whole


def sections(summary: AnnualSummary) -> list[Section]:
    def counted(key, title, choices, counts):
        rows = [(code, label, counts.get(code, 0)) for code, label in choices]
        return Section(key, title, rows, sum(count for _code, _label, count in rows))

    screenings = [
        ('individuals-screened', _('Individuals screened'), summary.individuals_screened),
        ('confirmed-matches', _('Confirmed matches'), summary.confirmed_matches),
    ]
    return [
        counted('requests', _('New support requests, by kind of support'), SupportKind.choices, summary.requests),
        counted('decisions', _('Decisions, by outcome'), Outcome.choices, summary.decisions),
        counted('reopenings', _('Reopenings, by reason'), ReopenReason.choices, summary.reopenings),
        counted(
            'mitigations',
            _('Mitigatory measures due in the year'),
            MITIGATION_LABELS.items(),
            summary.mitigations,
        ),
        counted('interventions', _('Interventions'), InterventionKind.choices, summary.interventions),
        counted(
            'allegations-by-type',
            _('Allegations recorded, by type of violation'),
            ViolationType.choices,
            summary.allegations_by_type,
        ),
        counted(
            'allegations-by-follow-up',
            _('Allegations recorded, by follow-up'),
            FollowUp.choices,
            summary.allegations_by_follow_up,
        ),
        Section('screenings', _('Screening of individuals'), screenings, None),
    ]


def summary_json(country, summary: AnnualSummary) -> dict:
    """The summary as JSON data: codes and counts only (the command's ``--format json``)."""
    return {
        'country': country.iso3,
        'year': summary.year,
        'sections': {
            section.key: {
                **({'total': section.total} if section.total is not None else {}),
                'counts': {code: count for code, _label, count in section.rows},
            }
            for section in sections(summary)
        },
    }
