"""The demo results framework of Liberia's national plan (``monitoring/data/demo/frameworks.yaml``), loaded by
``ssrhub demo`` after the country workspaces and the partners' activities: idempotent (a framework already there is
left as it is), in one transaction, written as the demo country editor. Indicators copied from the library keep
``copied_from`` and the library's fields, SDG links and ITGN."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import translation

from ssrhub.coordination.models import Activity, Organisation
from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml
from ssrhub.core.loading import LoadReport, set_citations
from ssrhub.countries.demo.writing import acting_as
from ssrhub.countries.models import Action, NationalDocument

from .forms.frameworks import linkable_items
from .models import (
    FrameworkResult,
    Indicator,
    IndicatorPeriod,
    LibraryIndicator,
    ResultActivity,
    ResultsFramework,
)

__all__ = ['DEMO_FILE', 'load_monitoring_demo']

DEMO_FILE = Path(__file__).resolve().parent / 'data' / 'demo' / 'frameworks.yaml'
TARGET_NOTE = 'Illustrative demo target, not an official commitment.'


def _date(value, where: str) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(f'{where}: {value!r} is not a date (YYYY-MM-DD)') from exc


class _Loader:
    def __init__(self, path: Path, report: LoadReport):
        self.path, self.report = path, report
        self.items = {item.code: item for item in linkable_items()}

    def fail(self, where: str, message: str):
        raise DataFileError(f'{self.path.name}: {where}: {message}')

    def load(self, data: dict) -> None:
        for n, spec in enumerate(data.get('frameworks') or [], 1):
            self.framework(spec, f'framework {n}')

    def framework(self, spec: dict, where: str) -> None:
        plan = NationalDocument.objects.filter(country__iso3=spec['country'], title=spec['plan']).first()
        if plan is None:
            self.fail(where, f'no plan titled {spec["plan"]!r} in {spec["country"]} (load the country demo first)')
        if ResultsFramework.objects.filter(plan=plan, title=spec['title']).exists():
            self.report.add(ResultsFramework, 'unchanged')
            return
        framework = ResultsFramework(
            country=plan.country,
            plan=plan,
            title=spec['title'],
            title_fr=spec.get('title_fr', ''),
            owner=Organisation.objects.filter(name=spec.get('owner', '')).first(),
            start=_date(spec['start'], where),
            end=_date(spec['end'], where),
            status=spec.get('status', 'draft'),
            description=spec.get('description', ''),
        )
        framework.full_clean()
        framework.save()
        set_citations(framework, read_citations(spec['citations'], where), self.report)
        self.report.add(ResultsFramework, 'created')
        levels = {level.name: level for level in framework.levels.all()}
        results = {}
        for result_spec in spec.get('results') or []:
            results[result_spec['code']] = self.result(framework, levels, results, result_spec, where)

    def result(self, framework, levels, results, spec: dict, where: str) -> FrameworkResult:
        where = f'{where}, result {spec["code"]}'
        if spec['level'] not in levels:
            self.fail(where, f'unknown level {spec["level"]!r}')
        result = FrameworkResult(
            framework=framework,
            parent=results.get(spec.get('parent')),
            level=levels[spec['level']],
            code=spec['code'],
            statement=' '.join(spec['statement'].split()),
            statement_fr=' '.join(spec.get('statement_fr', '').split()),
        )
        result.full_clean()
        result.save()
        self.report.add(FrameworkResult, 'created')
        unknown = [code for code in spec.get('items', []) if code not in self.items]
        if unknown:
            self.fail(where, f'unknown framework items {", ".join(unknown)}')
        result.framework_items.set([self.items[code] for code in spec.get('items', [])])
        actions = []
        for ref in spec.get('actions', []):
            action = Action.objects.filter(document=framework.plan, ref=ref).first()
            if action is None:
                self.fail(where, f'the plan has no action {ref}')
            actions.append(action)
        result.actions.set(actions)
        for identifier in spec.get('activities', []):
            activity = Activity.objects.filter(iati_identifier=identifier).first()
            if activity is None:
                self.fail(where, f'no activity {identifier} (load the coordination demo first)')
            link = ResultActivity(result=result, activity=activity)
            link.full_clean()
            link.save()
        for indicator_spec in spec.get('indicators') or []:
            self.indicator(result, indicator_spec, f'{where}, indicator {indicator_spec["code"]}')
        return result

    def indicator(self, result, spec: dict, where: str) -> None:
        values = {}
        library = None
        if 'library' in spec:
            library = LibraryIndicator.objects.filter(code=spec['library']).first()
            if library is None:
                self.fail(where, f'no library indicator {spec["library"]}')
            with translation.override('en'):
                values = library.indicator_fields()
        for name in ('title', 'title_fr', 'definition', 'unit', 'direction', 'cumulative', 'frequency'):
            if name in spec:
                values[name] = spec[name]
        baseline = spec.get('baseline')
        if baseline:
            values.update(baseline_value=Decimal(str(baseline['value'])), baseline_date=_date(baseline['date'], where))
        else:
            values.update(baseline_not_available=True, baseline_reason=' '.join(spec['baseline_reason'].split()))
        indicator = Indicator(result=result, code=spec['code'], **values)
        indicator.full_clean()
        indicator.save()
        self.report.add(Indicator, 'created')
        if library is not None:
            indicator.sdg_indicators.set(library.sdg_indicators.all())
        if spec.get('citations'):
            set_citations(indicator, read_citations(spec['citations'], where), self.report)
        for year, target in (spec.get('targets') or {}).items():
            self.period(indicator, int(year), Decimal(str(target)), where)

    def period(self, indicator, year: int, target: Decimal, where: str) -> None:
        period = IndicatorPeriod(
            indicator=indicator,
            start=datetime.date(year, 1, 1),
            end=datetime.date(year, 12, 31),
            label=str(year),
            target=target,
            target_note=TARGET_NOTE,
        )
        period.full_clean()
        period.save()
        self.report.add(IndicatorPeriod, 'created')


def load_monitoring_demo(path: Path = DEMO_FILE, user=None) -> LoadReport:
    """Load the demo frameworks file; nothing is written when any record is refused (a ``DataFileError`` naming the
    file and the record, or the model's ``ValidationError``)."""
    report = LoadReport()
    data = read_yaml(path)
    with transaction.atomic(), acting_as(user):
        _Loader(path, report).load(data)
    return report
