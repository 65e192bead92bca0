"""Write monitoring's reference data (``ssrhub setup``): the global SDG framework and the SSR indicator library, read
and checked by ``sdg.py`` and ``library.py``. Idempotent (only what changed is written, so reloading adds no history)
and atomic: nothing is written when a file is invalid. The framework must be loaded first (ITGNs)."""

from decimal import Decimal

from django.db import transaction

from ssrhub.core.datafiles import DataFileError
from ssrhub.core.loading import LoadReport, set_citations, upsert
from ssrhub.countries.views.assessments import latest_framework_version
from ssrhub.framework.models import FrameworkItem

from .library import LIBRARY_FILE, read_library
from .models import LibraryIndicator, SdgGoal, SdgIndicator, SdgTarget
from .sdg import SDG_DIR, number_order, read_sdg

__all__ = ['load_library', 'load_monitoring_reference', 'load_sdg']


@transaction.atomic
def load_sdg(report: LoadReport, directory=SDG_DIR) -> None:
    """The 17 goals, their targets and indicators, in English and French."""
    data = read_sdg(directory)
    goals = {}
    for goal in data.goals:
        values = {name: goal[name] for name in ('short_en', 'short_fr', 'title_en', 'title_fr')}
        goals[goal['number']] = upsert(SdgGoal, {'number': goal['number']}, values, report)
    targets = {}
    for target in data.targets:
        values = {
            'goal': goals[target['goal']],
            'order': number_order(target['number']),
            'title_en': target['title_en'],
            'title_fr': target['title_fr'],
        }
        targets[target['number']] = upsert(SdgTarget, {'number': target['number']}, values, report)
    for indicator in data.indicators:
        values = {
            'target': targets[indicator['target']],
            'order': number_order(indicator['number']),
            'title_en': indicator['title_en'],
            'title_fr': indicator['title_fr'],
        }
        upsert(SdgIndicator, {'number': indicator['number']}, values, report)


@transaction.atomic
def load_library(report: LoadReport, path=LIBRARY_FILE) -> None:
    """The library's indicators with their SDG links, ITGN and citations; an SDG number or ITGN code that is not
    loaded is a ``DataFileError`` naming the indicator."""
    version = latest_framework_version()
    itgns = {item.code: item for item in FrameworkItem.objects.filter(version=version, code__startswith='itgn.')}
    sdg = {indicator.number: indicator for indicator in SdgIndicator.objects.all()}
    for record in read_library(path):
        where = f'{path.name}: {record["code"]}'
        if record['itgn'] and record['itgn'] not in itgns:
            raise DataFileError(f'{where}: ITGN {record["itgn"]} is not in the current framework')
        unknown = [number for number in record['sdg'] if number not in sdg]
        if unknown:
            raise DataFileError(f'{where}: unknown SDG indicators {", ".join(unknown)}')
        values = {
            name: value
            for name, value in record.items()
            if name not in ('code', 'sdg', 'itgn', 'citations', 'scale_min', 'scale_max')
        }
        for end in ('scale_min', 'scale_max'):
            values[end] = None if record[end] is None else Decimal(str(record[end])).quantize(Decimal('0.01'))
        values['itgn'] = itgns.get(record['itgn'])
        indicator = upsert(LibraryIndicator, {'code': record['code']}, values, report)
        wanted = {sdg[number].pk for number in record['sdg']}
        if set(indicator.sdg_indicators.values_list('pk', flat=True)) != wanted:
            indicator.sdg_indicators.set(wanted)
        set_citations(indicator, record['citations'], report)


def load_monitoring_reference(report: LoadReport) -> None:
    """Everything monitoring loads at setup, SDG first (the library links to it)."""
    load_sdg(report)
    load_library(report)
