"""The demo's partners and activities of the Central African Republic, Côte d'Ivoire and Liberia, built from the
source book (data/demo/activities.yaml), and the real IATI file the demo imports for volume."""

import datetime
from pathlib import Path

import pytest

from ssrhub.coordination.demo import ACTIVITIES_FILE, import_demo_iati, load_activities_demo, load_fora_demo
from ssrhub.coordination.models import Activity, ActivityLink, Budget, Organisation, Transaction
from ssrhub.core.datafiles import DataFileError
from ssrhub.countries.demo import load_country_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope='module')
def demo(module_transaction, django_db_blocker):
    """The demo country workspaces, their fora and the partners' activities, once for the module."""
    with django_db_blocker.unblock():
        load_country_demo()
        load_fora_demo()
        load_activities_demo()


def _bad_file(tmp_path, old: str, new: str) -> Path:
    text = ACTIVITIES_FILE.read_text(encoding='utf-8')
    assert old in text
    bad = tmp_path / 'activities.yaml'
    bad.write_text(text.replace('title: Public expenditure review', 'title: Renamed review').replace(old, new))
    return bad


def test_every_demo_activity_cites_the_book_and_names_its_partners(demo):
    activities = Activity.objects.filter(iati_identifier__startswith='SSRHUB-DEMO-')
    counts = {iso3: activities.filter(country__iso3=iso3).count() for iso3 in ('CAF', 'CIV', 'LBR')}
    assert counts == {'CAF': 7, 'CIV': 5, 'LBR': 4}
    for activity in activities:
        assert activity.citations.filter(book_chapter__isnull=False).exists(), activity.iati_identifier
        assert activity.participants.exists() and activity.sectors.exists(), activity.iati_identifier
    # The Liberian review of late 2011 to June 2012 (L2896), linked to step four of the implementation schedule.
    review = activities.get(iati_identifier='SSRHUB-DEMO-LBR-PER')
    assert (review.actual_start, review.actual_end) == (datetime.date(2011, 1, 1), datetime.date(2012, 6, 30))
    assert review.reporting_organisation.name == 'World Bank'
    link = review.links.get()
    assert (link.action.ref, link.action.document.title) == (
        '4',
        'Implementation Schedule of the National Security Strategy (ISL)',
    )
    assert link.note == 'Source: book, chapter 8, lines 1905; book, chapter 12, lines 2900'
    # An action without a reference is found by its title.
    decentralisation = activities.get(iati_identifier='SSRHUB-DEMO-CIV-DECENTRALISATION').links.get()
    assert decentralisation.action.title.startswith('Decentralise security governance')
    assert ActivityLink.objects.filter(activity__in=activities).count() == 8


def test_the_book_dates_no_partner_money_so_the_demo_has_none(demo):
    activities = Activity.objects.filter(iati_identifier__startswith='SSRHUB-DEMO-')
    assert not Budget.objects.filter(activity__in=activities).exists()
    assert not Transaction.objects.filter(activity__in=activities).exists()
    # The amounts the book gives without dates are said in the description.
    assert 'US$95 million' in activities.get(iati_identifier='SSRHUB-DEMO-LBR-AFL').description


def test_organisations_are_shared_with_the_fora_and_only_a_published_identifier_is_set(demo):
    assert Organisation.objects.filter(acronym='MINUSCA').count() == 1
    assert Organisation.objects.get(acronym='UNDP').iati_ref == 'XM-DAC-41114'
    assert Organisation.objects.get(name='World Bank').iati_ref == ''


def test_a_second_load_changes_nothing(demo):
    report = load_activities_demo()
    assert report and all(outcome == 'unchanged' for _model, outcome in report)


def test_an_activity_without_a_citation_is_refused_and_nothing_is_written(demo, tmp_path):
    bad = _bad_file(tmp_path, "      cite:\n        - {book: {chapter: 10, lines: '2412'}}\n", '')
    with pytest.raises(
        DataFileError, match=r'activities.yaml: LBR activity SSRHUB-DEMO-LBR-DDR: at least one citation'
    ):
        load_activities_demo(bad)
    assert not Activity.objects.filter(title='Renamed review').exists()


def test_a_wrong_plan_action_is_refused_naming_the_file_and_the_entry(demo, tmp_path):
    bad = _bad_file(tmp_path, 'ref: SO1.2-f, cite', 'ref: SO9.9, cite')
    with pytest.raises(
        DataFileError,
        match=r'activities.yaml: CAF activity SSRHUB-DEMO-CAF-JSP action 3: no plan action "SO9.9" in "National',
    ):
        load_activities_demo(bad)
    assert not Activity.objects.filter(title='Renamed review').exists()


@pytest.mark.parametrize(
    ('old', 'new', 'message'),
    [
        (
            "      sectors: [{code: '15240', percentage: 100}]",
            "      sectors: [{code: '99999'}]",
            r'sector 1: "99999" is not',
        ),
        (
            '      reporting: unmil\n      status',
            '      reporting: unmil\n      budgets: []\n      status',
            'unknown keys: budgets',
        ),
        (
            "      start: '2011'\n      end: '2012-06'",
            "      start: '2012'\n      end: '2011-06'",
            'ends before it starts',
        ),
    ],
)
def test_bad_values_are_refused(demo, tmp_path, old, new, message):
    with pytest.raises(DataFileError, match=message):
        load_activities_demo(_bad_file(tmp_path, old, new))


def test_the_real_iati_file_is_imported_then_found_unchanged(demo):
    first = import_demo_iati().summary()
    assert (first['read'], first['imported'], first['refused']) == (401, 282, 119)
    # UNDP, recorded by the fora and the activities, is the IATI file's reporting organisation, not a second record.
    assert Organisation.objects.filter(name__iexact='United Nations Development Programme').count() == 1
    assert Organisation.objects.get(iati_ref='XM-DAC-41114').reported_activities.count() > 100
    again = import_demo_iati().summary()
    assert (again['imported'], again['updated'], again['unchanged']) == (0, 0, 282)
