"""The roster's demo: fictitious experts clearly labelled, and the book's support requests with their citations."""

import pytest

from ssrhub.roster.demo import DEMO_EXPERTS, load_roster_demo
from ssrhub.roster.models import ExpertProfile, RequestStep, SupportRequest

pytestmark = pytest.mark.django_db


def test_the_demo_is_labelled_cited_and_loads_twice_to_the_same_records():
    assert load_roster_demo() == (len(DEMO_EXPERTS), 2)
    counts = (ExpertProfile.objects.count(), SupportRequest.objects.count(), RequestStep.objects.count())
    assert load_roster_demo() == (len(DEMO_EXPERTS), 2)
    assert (ExpertProfile.objects.count(), SupportRequest.objects.count(), RequestStep.objects.count()) == counts
    for profile in ExpertProfile.objects.all():
        assert profile.demo and profile.name.startswith('Demo Expert ') and profile.email.endswith('@example.org')
        assert profile.expertise.exists() and profile.languages.exists() and profile.availability.exists()
    cited = {r.country.iso3: [c.text for c in r.citations.all()] for r in SupportRequest.objects.all()}
    assert set(cited) == {'LBR', 'CAF'}
    assert all(texts and all('lines' in text for text in texts) for texts in cited.values())
    car = SupportRequest.objects.get(country__iso3='CAF')
    assert [(s.status, s.date.isoformat()) for s in car.steps.all()] == [
        ('requested', '2016-05-01'),
        ('completed', '2016-10-01'),
    ]
    assert car.status == 'completed'
