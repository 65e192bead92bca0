"""The demo due-diligence records of the DRC (``safeguards/data/demo/COD.yaml``), loaded by ``ssrhub demo`` after
the country workspaces: every record rests on facts of the book, cited in the file (checked by ``core/datafiles.py``);
individuals are made up and marked ``fictitious``.

Idempotent: the country's security actors are upserted; the cases are written once, in one transaction (a demo whose
first support request is already there is left as it is: encrypted names cannot be looked up to update in place).
The demo users write: the due-diligence officer (requests, assessments, screenings), the forum member (reviews), the
decision-maker (decisions).
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml
from ssrhub.core.loading import LoadReport, set_citations, upsert
from ssrhub.core.models import Country
from ssrhub.countries.demo.writing import acting_as
from ssrhub.countries.models import Actor, Area
from ssrhub.framework.models import UNEntity

from . import screening as matching
from . import workflow
from .models import (
    Allegation,
    AllegationSource,
    Individual,
    Mitigation,
    RiskAssessment,
    RiskFactor,
    Screening,
    ScreeningMatch,
    SupportRequest,
)

__all__ = ['DEMO_FILE', 'load_safeguards_demo']

DEMO_FILE = Path(__file__).resolve().parent / 'data' / 'demo' / 'COD.yaml'
COUNTRY = 'COD'
# MONUSCO's support is the UN's through its department of peace operations (DPKO in 2015, DPO since 2019).
UN_ENTITY = 'DPO'
REASON = 'safeguards demo data (DRC, from the book)'
REQUEST_FIELDS = ('title', 'kind', 'start', 'end', 'basis', 'basis_symbol', 'description')


def _date(value, where: str) -> datetime.date:
    """A date of the file; a month (2015-01) or a year (2013) is its first day, as the book gives no finer date."""
    if isinstance(value, datetime.date):
        return value
    text = str(value)
    try:
        return datetime.date.fromisoformat({4: f'{text}-01-01', 7: f'{text}-01'}.get(len(text), text))
    except ValueError:
        raise DataFileError(f'{DEMO_FILE.name}: {where}: {value!r} is not a date') from None


def _precision(value) -> str:
    return {4: 'year', 7: 'month'}.get(len(str(value)), 'day')


def _check_citations(data: dict) -> None:
    """Every record of the file cites the book; a citation outside its chapter is refused."""

    def walk(node, where):
        if isinstance(node, dict):
            if 'cite' in node:
                read_citations(node['cite'], where)
            for key, value in node.items():
                walk(value, f'{where}.{key}')
        elif isinstance(node, list):
            for n, item in enumerate(node, 1):
                walk(item, f'{where}[{n}]')

    walk(data, DEMO_FILE.name)
    for section in ('actors', 'requests', 'allegations', 'individuals'):
        for n, record in enumerate(data.get(section) or [], 1):
            if not record.get('cite'):
                raise DataFileError(f'{DEMO_FILE.name}: {section}[{n}]: every record cites the book (cite:)')


def load_safeguards_demo() -> LoadReport:
    data = read_yaml(DEMO_FILE)
    _check_citations(data)
    report = LoadReport()
    with transaction.atomic():
        _Writer(data, report).write()
    return report


class _Writer:
    def __init__(self, data: dict, report: LoadReport):
        User = get_user_model()
        self.data, self.report = data, report
        self.country = Country.objects.get(iso3=COUNTRY)
        self.officer, self.forum, self.head = (
            User.objects.get(username=name) for name in ('hrdd', 'taskforce', 'head')
        )
        self.entity = UNEntity.objects.get(code=UN_ENTITY)

    def write(self) -> None:
        with acting_as(self.officer):
            self.actors = {spec['acronym']: self.actor(spec) for spec in self.data['actors']}
            if SupportRequest.objects.filter(country=self.country, title=self.data['requests'][0]['title']).exists():
                self.report.add(SupportRequest, 'unchanged', len(self.data['requests']))
                return
            self.allegations = {spec['key']: self.allegation(spec) for spec in self.data['allegations']}
            for spec in self.data['requests']:
                self.case(spec)
            for spec in self.data['individuals']:
                self.individual(spec)

    def created(self, obj, exclude=None):
        obj._change_reason = REASON
        obj.full_clean(exclude=exclude)
        obj.save()
        self.report.add(type(obj), 'created')
        return obj

    def actor(self, spec: dict) -> Actor:
        values = {
            'name_fr': spec['name_fr'],
            'acronym': spec['acronym'],
            'area': Area.CORE,
            'type': spec['type'],
            'note': spec['note'],
        }
        actor = upsert(Actor, {'country': self.country, 'name': spec['name']}, values, self.report, REASON)
        set_citations(actor, read_citations(spec['cite'], spec['name']), self.report)
        return actor

    def allegation(self, spec: dict) -> Allegation:
        where = f'allegation {spec["key"]}'
        fields = ('narrative', 'perpetrators', 'victim_names', 'follow_up', 'accountability')
        victims = ('victims_women', 'victims_men', 'victims_girls', 'victims_boys', 'victims_unknown')
        allegation = self.created(
            Allegation(
                country=self.country,
                recipient=self.actors[spec['recipient']],
                occurred_on=_date(spec['occurred_on'], where),
                occurred_precision=_precision(spec['occurred_on']),
                place=spec['place'],
                violation=spec['violation'],
                reported_on=_date(spec['reported_on'], where),
                verified_on=spec.get('verified_on'),
                communicated_on=spec.get('communicated_on'),
                **{name: spec[name] for name in (*fields, *victims) if name in spec},
            )
        )
        for source in spec['sources']:
            self.created(AllegationSource(allegation=allegation, **source))
        return allegation

    def case(self, spec: dict) -> None:
        """A past case walked through the workflow's steps, each by its demo user on the date the file gives."""
        request = self.created(
            SupportRequest(
                country=self.country,
                un_entity=self.entity,
                recipient=self.actors[spec['recipient']],
                **{name: spec[name] for name in REQUEST_FIELDS if name in spec},
            ),
            exclude=['status'],  # cleaning sets each field again, which the protected status field refuses
        )
        spec_a = spec['assessment']
        assessment = self.created(
            RiskAssessment(
                request=request,
                **{name: spec_a[name] for name in ('likelihood', 'impact', 'overall_risk', 'record', 'conclusion')},
            )
        )
        assessment.assessors.set([self.officer])
        for factor in spec_a['factors']:
            self.created(RiskFactor(assessment=assessment, **factor))
        workflow.submit(request, self.officer)
        review = spec['review']
        with acting_as(self.forum):
            workflow.review(
                request, self.forum, review['recommendation'], review['comment'], reviewed_on=review['reviewed_on']
            )
        for mitigation in spec.get('mitigations', ()):
            self.created(Mitigation(request=request, **{k: v for k, v in mitigation.items() if k != 'cite'}))
        decision = spec['decision']
        with acting_as(self.head):
            workflow.decide(
                request,
                self.head,
                decision['outcome'],
                decision['justification'],
                decision['expires_on'],
                decided_on=decision['decided_on'],
            )
        if reopening := spec.get('reopening'):
            workflow.reopen(
                request,
                self.officer,
                reopening['reason'],
                reopening['note'],
                allegation=self.allegations[reopening['allegation']],
                reopened_on=reopening['reopened_on'],
            )
        if intervention := spec.get('intervention'):
            with acting_as(self.head):
                workflow.STEPS[intervention['step']](
                    request,
                    self.head,
                    intervention['started_on'],
                    intervention['reason'],
                    allegation=self.allegations[intervention['allegation']],
                )
        for records in (request.reviews, request.decisions, request.reopenings, request.interventions):
            self.report.add(records.model, 'created', records.count())
        self.report.add(RiskAssessment, 'created', request.assessments.count() - 1)  # the versions reopening started

    def individual(self, spec: dict) -> None:
        individual = self.created(
            Individual(
                country=self.country,
                fictitious=True,
                unit=self.actors[spec['unit']],
                **{name: spec[name] for name in ('name', 'aliases', 'position', 'category') if name in spec},
            )
        )
        if 'screened_at' not in spec:
            return
        screening = self.created(
            Screening(
                individual=individual, screened_at=spec['screened_at'], screened_by=self.officer, result=spec['result']
            )
        )
        names = matching.names_of(individual.name, individual.aliases)
        for match in spec.get('matches', ()):
            self.created(
                ScreeningMatch(
                    screening=screening,
                    allegation=self.allegations[match['allegation']],
                    screened_name=matching.best_match(names, [match['matched_name']]).name,
                    decided_by=self.officer,
                    decided_at=spec['screened_at'],
                    **{name: match[name] for name in ('matched_name', 'score', 'decision', 'reason')},
                )
            )
