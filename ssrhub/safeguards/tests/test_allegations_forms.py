"""The allegation form and its sources: the follow-up's dates by step, victims not known against none, the
recipient among the country's security actors, the sources saved with the allegation all or nothing."""

import pytest
from django.urls import reverse

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified, verified_login
from ssrhub.safeguards.forms.allegations import AllegationForm
from ssrhub.safeguards.models import Allegation, AllegationSource

from .allegations_data import actor, allegation

pytestmark = pytest.mark.django_db


def form_data(recipient, **changes) -> dict:
    data = {
        'recipient': recipient.pk,
        'occurred_on': '2025-03',
        'place': 'Bunia',
        'violation': 'killing',
        'narrative': 'Soldiers fired on a market.',
        'follow_up': 'reported',
        'reported_on': '2025-03-20',
        'sources-TOTAL_FORMS': '2',
        'sources-INITIAL_FORMS': '0',
        'sources-MIN_NUM_FORMS': '1',
        'sources-MAX_NUM_FORMS': '1000',
        'sources-0-name': 'Witness',
        'sources-0-reliability': 'B',
        'sources-0-credibility': '2',
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def officer(make_user):
    return verified(make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('COD',)))


def bound(officer, recipient, **changes):
    return AllegationForm(
        data=form_data(recipient, **changes),
        instance=Allegation(),
        country=Country.objects.get(iso3='COD'),
        user=officer,
    )


@pytest.mark.parametrize(
    ('changes', 'field'),
    [
        ({'follow_up': 'verified'}, 'verified_on'),
        ({'follow_up': 'communicated', 'verified_on': '2025-03-22'}, 'communicated_on'),
        ({'follow_up': 'reported', 'verified_on': '2025-03-22'}, 'verified_on'),
        ({'reported_on': '2025-02-27'}, 'reported_on'),  # before the facts (March 2025: from 1 March)
        (
            {'follow_up': 'accountability', 'verified_on': '2025-03-22', 'communicated_on': '2025-04-01'},
            'accountability',
        ),  # fmt: skip
    ],
)
def test_the_follow_up_dates_are_checked_by_step(officer, changes, field):
    form = bound(officer, actor(), **changes)
    assert not form.is_valid()
    assert list(form.errors) == [field]


def test_a_complete_follow_up_is_accepted(officer):
    changes = {'follow_up': 'accountability', 'verified_on': '2025-03-22', 'communicated_on': '2025-04-01',
               'accountability': 'Two soldiers before a military court.'}  # fmt: skip
    form = bound(officer, actor(), **changes)
    assert form.is_valid(), form.errors
    assert form.instance.occurred_precision == 'month'


def test_empty_victim_counts_are_not_known_and_zero_is_none(officer):
    form = bound(officer, actor(), victims_women='', victims_men='0', victims_girls='2')
    assert form.is_valid(), form.errors
    record = form.save()
    assert (record.victims_women, record.victims_men, record.victims_girls, record.victims_boys) == (None, 0, 2, None)


def test_the_recipient_is_one_of_the_countrys_security_actors(officer):
    form = bound(officer, actor('LBR', 'Armed Forces of Liberia'))
    assert not form.is_valid()
    assert 'recipient' in form.errors


def test_sources_are_saved_with_the_allegation_or_neither(client, officer):
    verified_login(client, officer)
    url = reverse('safeguards:allegation_add', args=['COD'])
    # The second source has a name but no grades: nothing is saved.
    refused = client.post(url, form_data(actor(), **{'sources-1-name': 'Radio Okapi'}))
    assert refused.status_code == 400
    assert not Allegation.objects.exists() and not AllegationSource.objects.exists()
    # No source at all: refused too.
    bare = form_data(actor(), **{'sources-0-name': None, 'sources-0-reliability': None, 'sources-0-credibility': None})
    assert client.post(url, bare).status_code == 400
    assert not Allegation.objects.exists()
    saved = client.post(url, form_data(actor(), **{'sources-1-name': 'Radio Okapi', 'sources-1-reliability': 'C',
                                                   'sources-1-credibility': '3'}))  # fmt: skip
    assert saved.status_code == 302
    record = Allegation.objects.get()
    assert sorted(str(source) for source in record.sources.all()) == ['B2', 'C3']


def test_a_source_is_changed_and_removed_with_the_allegation(client, officer):
    verified_login(client, officer)
    record = allegation()
    source = record.sources.get()
    data = form_data(
        record.recipient,
        **{'sources-TOTAL_FORMS': '1', 'sources-INITIAL_FORMS': '1', 'sources-0-id': source.pk,
           'sources-0-allegation': record.pk, 'sources-0-name': 'Nurse', 'sources-0-credibility': '1'},
    )  # fmt: skip
    response = client.post(reverse('safeguards:allegation_edit', args=['COD', record.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert str(record.sources.get()) == 'B1'
    assert record.sources.get().name == 'Nurse'
