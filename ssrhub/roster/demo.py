"""The roster's demo: fictitious experts, clearly labelled, and the support requests the book states for the demo
countries (each citing its lines). Idempotent: run again, it leaves the same records."""

import datetime

from django.db import transaction

from ssrhub.core.loading import LoadReport, set_citations
from ssrhub.core.models import Country
from ssrhub.framework.models import UNEntity

from .forms import expertise_queryset
from .models import (
    Availability,
    Deployment,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    RegionExperience,
    RequestStep,
    SupportRequest,
)

__all__ = ['DEMO_EXPERTS', 'DEMO_REQUESTS', 'load_roster_demo']

D = datetime.date

# Made-up people (``demo=True``, "Demo Expert n", example.org addresses): no real person is on the demo roster.
DEMO_EXPERTS = [
    {
        'name': 'Demo Expert 1',
        'nationality': 'SEN',
        'clearance': 'un-confidential',
        'expertise': {'component.police': 3, 'itgn.gender': 2, 'area.core-security-actors': 3},
        'languages': {'fr': 4, 'en': 3, 'wo': 4},
        'regions': ['sub-saharan-africa', 'CAF'],
        'availability': [(D(2026, 1, 1), D(2027, 6, 30))],
        'deployments': [('GIN', 'Police reform adviser (fictitious)', D(2017, 3, 1), D(2018, 2, 28), 5)],
    },
    {
        'name': 'Demo Expert 2',
        'nationality': 'GHA',
        'clearance': 'un-strictly-confidential',
        'expertise': {'component.defence': 3, 'itgn.national-security-policy': 3, 'area.management-oversight': 2},
        'languages': {'en': 4, 'fr': 2},
        'regions': ['sub-saharan-africa', 'LBR'],
        'availability': [(D(2026, 9, 1), None)],
        'deployments': [('LBR', 'Defence sector adviser (fictitious)', D(2015, 1, 1), D(2016, 6, 30), 4)],
    },
    {
        'name': 'Demo Expert 3',
        'nationality': 'JOR',
        'clearance': 'none',
        'expertise': {'component.justice': 3, 'component.corrections': 2, 'itgn.democratic-governance': 2},
        'languages': {'ar': 4, 'en': 3, 'fr': 1},
        'regions': ['western-asia', 'northern-africa'],
        'availability': [(D(2026, 3, 1), D(2026, 12, 31))],
        'deployments': [],
    },
    {
        'name': 'Demo Expert 4',
        'nationality': 'BRA',
        'clearance': 'un-confidential',
        'expertise': {'component.border-management': 2, 'itgn.transnational-organized-crime': 3},
        'languages': {'pt': 4, 'es': 3, 'en': 3, 'fr': 2},
        'regions': ['latin-america-caribbean', 'sub-saharan-africa'],
        'availability': [(D(2026, 6, 1), D(2026, 8, 31)), (D(2027, 1, 1), D(2027, 12, 31))],
        'deployments': [('GNB', 'Border management adviser (fictitious)', D(2019, 4, 1), D(2019, 10, 31), 3)],
    },
    {
        'name': 'Demo Expert 5',
        'nationality': 'CAN',
        'clearance': 'national',
        'expertise': {'itgn.national-ownership': 3, 'component.police': 2, 'itgn.un-approach': 3},
        'languages': {'en': 4, 'fr': 4},
        'regions': ['sub-saharan-africa', 'CIV'],
        'availability': [(D(2026, 1, 15), D(2026, 4, 30))],
        'deployments': [('CIV', 'SSR strategy adviser (fictitious)', D(2012, 9, 1), D(2013, 8, 31), 4)],
    },
    {
        'name': 'Demo Expert 6',
        'nationality': 'KEN',
        'clearance': 'none',
        'expertise': {'component.intelligence': 2, 'area.management-oversight': 3, 'itgn.gender': 3},
        'languages': {'en': 4, 'sw': 4, 'fr': 2},
        'regions': ['sub-saharan-africa'],
        'availability': [(D(2026, 2, 1), D(2027, 1, 31))],
        'deployments': [],
    },
]

# Support requests of the demo countries that the book states. Dates the book gives to the year or month use the
# first day of that year or month (the step's note says so).
DEMO_REQUESTS = [
    {
        'country': 'LBR',
        'title': 'Security sector public expenditure review',
        'requested_by': 'Government of Liberia',
        'addressees': ['WB'],
        'terms_of_reference': (
            'Analyse public expenditure on the security sector: the first such analysis in a peacekeeping context, '
            'undertaken jointly by the UN and the World Bank.'
        ),
        'steps': [('requested', D(2012, 1, 1), 'Year only (book L2888).')],
        'citations': ({'book_chapter': 12, 'book_lines': '2888-2888'},),
    },
    {
        'country': 'CAF',
        'title': 'Recovery and Peacebuilding Assessment',
        'requested_by': 'Government of the Central African Republic',
        'addressees': ['EU', 'WB'],
        'terms_of_reference': (
            'A joint UN, EU and World Bank recovery and peacebuilding assessment; adopted by the Government as the '
            'National Recovery and Peacebuilding Plan 2017-2021 (RCPCA).'
        ),
        'steps': [
            ('requested', D(2016, 5, 1), 'Month only (book L1615).'),
            ('completed', D(2016, 10, 1), 'Adopted as the RCPCA in October 2016; month only (book L1615).'),
        ],
        'citations': ({'book_chapter': 7, 'book_lines': '1615-1615'},),
    },
]


def _profile(spec: dict, items: dict) -> ExpertProfile:
    slug = spec['name'].lower().replace(' ', '-')
    profile, _created = ExpertProfile.objects.update_or_create(
        name=spec['name'],
        demo=True,
        defaults={
            'email': f'{slug}@example.org',
            'phone': '+000 0000 0000',
            'nationality': Country.objects.get(iso3=spec['nationality']),
            'clearance': spec['clearance'],
            'summary': 'Fictitious demo profile: not a real person.',
        },
    )
    for code, level in spec['expertise'].items():
        Expertise.objects.update_or_create(profile=profile, item=items[code], defaults={'level': level})
    for code, proficiency in spec['languages'].items():
        LanguageSkill.objects.update_or_create(profile=profile, language=code, defaults={'proficiency': proficiency})
    for place in spec['regions']:
        if len(place) == 3 and place.isupper():
            RegionExperience.objects.get_or_create(profile=profile, country=Country.objects.get(iso3=place))
        else:
            RegionExperience.objects.get_or_create(profile=profile, region=place)
    for start, end in spec['availability']:
        Availability.objects.get_or_create(profile=profile, start=start, defaults={'end': end})
    for iso3, role, start, end, rating in spec['deployments']:
        Deployment.objects.get_or_create(
            profile=profile,
            role=role,
            start=start,
            defaults={
                'country': Country.objects.get(iso3=iso3),
                'end': end,
                'rating': rating,
                'rating_comment': 'Fictitious demo rating.',
            },
        )
    return profile


def _request(spec: dict, report: LoadReport) -> SupportRequest:
    request, _created = SupportRequest.objects.update_or_create(
        country=Country.objects.get(iso3=spec['country']),
        title=spec['title'],
        defaults={'requested_by': spec['requested_by'], 'terms_of_reference': spec['terms_of_reference']},
    )
    request.addressees.set(UNEntity.objects.filter(code__in=spec['addressees']))
    for status, date, note in spec['steps']:
        RequestStep.objects.get_or_create(request=request, status=status, date=date, defaults={'note': note})
    status, date, _note = spec['steps'][-1]
    request.status, request.status_date = status, date
    request.save()
    set_citations(request, spec['citations'], report)
    return request


@transaction.atomic
def load_roster_demo() -> tuple[int, int]:
    """Write the demo roster and requests; returns how many profiles and requests the demo holds."""
    items = {item.code: item for item in expertise_queryset()}
    report = LoadReport()
    profiles = [_profile(spec, items) for spec in DEMO_EXPERTS]
    requests = [_request(spec, report) for spec in DEMO_REQUESTS]
    return len(profiles), len(requests)
