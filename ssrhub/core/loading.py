"""Idempotent loading of reference records: write only what changed, so reloading adds no history."""

import gettext
from collections import Counter

import pycountry
from django.contrib.contenttypes.models import ContentType

__all__ = ['UN_SHORT_NAMES', 'LoadReport', 'load_countries', 'set_citations', 'upsert']


class LoadReport(Counter):
    """Counts of created / updated / unchanged records, per model."""

    def add(self, model, outcome: str, count: int = 1) -> None:
        self[(str(model._meta.verbose_name_plural), outcome)] += count

    def lines(self) -> list[str]:
        models = sorted({name for name, _outcome in self})
        return [
            f'{name}: '
            + ', '.join(f'{self[(name, outcome)]} {outcome}' for outcome in ('created', 'updated', 'unchanged'))
            for name in models
        ]


def upsert(model, lookup: dict, values: dict, report: LoadReport, reason: str = ''):
    """Create or update one row; save only when a value differs. Returns the row."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        outcome = 'created'
    elif any(getattr(obj, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(obj, name, value)
        outcome = 'updated'
    else:
        report.add(model, 'unchanged')
        return obj
    obj._change_reason = reason
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    report.add(model, outcome)
    return obj


def set_citations(obj, citations: tuple, report: LoadReport) -> None:
    """Make ``obj``'s citations equal ``citations`` (dicts of SourceCitation fields), in order."""
    from .models import SourceCitation

    content_type = ContentType.objects.get_for_model(obj)
    existing = list(SourceCitation.objects.filter(content_type=content_type, object_id=obj.pk).order_by('order'))
    fields = ('symbol', 'paragraph', 'book_chapter', 'book_lines', 'url')
    wanted = [
        {name: citation.get(name, None if name == 'book_chapter' else '') for name in fields} for citation in citations
    ]
    if [{name: getattr(row, name) for name in fields} for row in existing] == wanted:
        report.add(SourceCitation, 'unchanged', len(wanted))
        return
    for row in existing:
        row.delete()
    for order, values in enumerate(wanted):
        citation = SourceCitation(content_type=content_type, object_id=obj.pk, order=order, **values)
        citation.full_clean()
        citation.save()
        report.add(SourceCitation, 'created')


# The UN's short names (UNTERM, as in the M49 standard) where ISO 3166-1 inverts its name ("Congo, The Democratic
# Republic of the", "Corée, République de") or pycountry's French is not the UN's; pycountry's "common names" are not
# used because several are not UN usage ("North Korea", "Syria", "Taiwan").
UN_SHORT_NAMES = {
    'ALA': ('Åland Islands', 'Îles d’Åland'),
    'BOL': ('Bolivia (Plurinational State of)', 'Bolivie (État plurinational de)'),
    'CCK': ('Cocos (Keeling) Islands', 'Îles des Cocos (Keeling)'),
    'COD': ('Democratic Republic of the Congo', 'République démocratique du Congo'),
    'CXR': ('Christmas Island', 'Île Christmas'),
    'FLK': ('Falkland Islands (Malvinas)', 'Îles Falkland (Malvinas)'),
    'FSM': ('Micronesia (Federated States of)', 'Micronésie (États fédérés de)'),
    'IRN': ('Iran (Islamic Republic of)', 'Iran (République islamique d’)'),
    'KOR': ('Republic of Korea', 'République de Corée'),
    'LAO': ("Lao People's Democratic Republic", 'République démocratique populaire lao'),
    'MDA': ('Republic of Moldova', 'République de Moldova'),
    'PRK': ("Democratic People's Republic of Korea", 'République populaire démocratique de Corée'),
    'PSE': ('State of Palestine', 'État de Palestine'),
    'REU': ('Réunion', 'La Réunion'),
    'RUS': ('Russian Federation', 'Fédération de Russie'),
    'SLB': ('Solomon Islands', 'Îles Salomon'),
    'SYR': ('Syrian Arab Republic', 'République arabe syrienne'),
    'TZA': ('United Republic of Tanzania', 'République-Unie de Tanzanie'),
    'VAT': ('Holy See', 'Saint-Siège'),
    'VEN': ('Venezuela (Bolivarian Republic of)', 'Venezuela (République bolivarienne du)'),
    'VGB': ('British Virgin Islands', 'Îles Vierges britanniques'),
    'VIR': ('United States Virgin Islands', 'Îles Vierges américaines'),
    'VNM': ('Viet Nam', 'Viet Nam'),
}


def load_countries(report: LoadReport) -> None:
    """Load ISO 3166-1 countries from pycountry, with their French names from its translations and the UN's short
    names where ISO's read inverted (``UN_SHORT_NAMES``)."""
    from .models import Country

    french = gettext.translation('iso3166-1', pycountry.LOCALES_DIR, languages=['fr'])
    for country in pycountry.countries:
        name_en, name_fr = UN_SHORT_NAMES.get(country.alpha_3, (country.name, french.gettext(country.name)))
        upsert(
            Country,
            {'iso3': country.alpha_3},
            {
                'iso2': country.alpha_2,
                'numeric': country.numeric,
                'name_en': name_en,
                'name_fr': name_fr,
                'official_name_en': getattr(country, 'official_name', ''),
            },
            report,
            reason='ISO 3166-1 (pycountry), UN short names',
        )
