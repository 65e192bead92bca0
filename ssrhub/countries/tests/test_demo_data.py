"""The demo country workspaces (``countries/demo.py``, ``countries/data/demo/``): what they load, that every record
is cited, that conflicting sources stay side by side, that loading is idempotent and that broken files are refused
without writing anything."""

import datetime
import shutil

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from ssrhub.core.datafiles import BOOK_CHAPTERS
from ssrhub.core.models import SourceCitation
from ssrhub.countries.demo import DEMO_DIR, DemoDataError, load_country_demo, read_country_file
from ssrhub.countries.models import (
    Action,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    Assessment,
    AssessmentRating,
    DocumentStatus,
    Engagement,
    EngagementStage,
    EventDate,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    Threat,
    TimelineEvent,
)

pytestmark = pytest.mark.django_db

COUNTRIES = ('CAF', 'CIV', 'LBR')

# How each model reaches its country.
SCOPES = {
    Engagement: 'country',
    EngagementStage: 'engagement__country',
    Actor: 'country',
    ActorRelation: 'from_actor__country',
    Headcount: 'actor__country',
    NationalDocument: 'country',
    Pillar: 'document__country',
    Threat: 'document__country',
    Objective: 'document__country',
    Action: 'document__country',
    TimelineEvent: 'country',
    EventDate: 'event__country',
}

# Counted by hand from the files in countries/data/demo/, whose records cite the chapters and lines of the book.
EXPECTED = {
    'CAF': {
        'Engagement': 1,
        'EngagementStage': 9,
        'Actor': 17,
        'ActorRelation': 3,
        'Headcount': 5,
        'NationalDocument': 18,
        'Pillar': 11,
        'Threat': 0,
        'Objective': 5,
        'Action': 17,
        'TimelineEvent': 39,
        'EventDate': 42,
    },
    'CIV': {
        'Engagement': 1,
        'EngagementStage': 8,
        'Actor': 19,
        'ActorRelation': 6,
        'Headcount': 8,
        'NationalDocument': 5,
        'Pillar': 6,
        'Threat': 0,
        'Objective': 3,
        'Action': 2,
        'TimelineEvent': 29,
        'EventDate': 29,
    },
    'LBR': {
        'Engagement': 1,
        'EngagementStage': 8,
        'Actor': 13,
        'ActorRelation': 1,
        'Headcount': 0,
        'NationalDocument': 2,
        'Pillar': 0,
        'Threat': 4,
        'Objective': 0,
        'Action': 4,
        'TimelineEvent': 16,
        'EventDate': 16,
    },
}


def _counts() -> dict[str, dict[str, int]]:
    return {
        iso3: {
            model.__name__: model.objects.filter(**{f'{scope}__iso3': iso3}).count() for model, scope in SCOPES.items()
        }
        for iso3 in COUNTRIES
    }


def _citations(obj) -> list[SourceCitation]:
    content_type = ContentType.objects.get_for_model(obj)
    return list(SourceCitation.objects.filter(content_type=content_type, object_id=obj.pk).order_by('order'))


def _book(obj) -> set[tuple[int, str]]:
    return {(citation.book_chapter, citation.book_lines) for citation in _citations(obj) if citation.book_chapter}


def _history() -> int:
    return sum(model.history.count() for model in SCOPES) + SourceCitation.history.count()


@pytest.fixture(scope='module')
def loaded(module_transaction, django_db_blocker):
    """The three demo countries, loaded once for the rest of the module (each test still rolls back to this state)."""
    with django_db_blocker.unblock():
        return load_country_demo()


# Section: the files


def test_every_file_reads_and_cites_the_book_inside_the_chapter_it_names():
    specs = [read_country_file(path) for path in sorted(DEMO_DIR.glob('*.yaml'))]
    assert [spec.iso3 for spec in specs] == list(COUNTRIES)
    # The chapter table covers the book's 18 chapters, in order and without overlap.
    bounds = [BOOK_CHAPTERS[chapter] for chapter in sorted(BOOK_CHAPTERS)]
    assert len(bounds) == 18
    assert all(first <= last < next_first for (first, last), (next_first, _) in zip(bounds, bounds[1:], strict=False))


# Section: loading into an empty database. These tests come before the first test that asks for `loaded`: from there
# to the end of the module the demo countries are in the database.


def test_a_changed_fact_is_updated_in_place(db, tmp_path):
    copy = tmp_path / 'LBR.yaml'
    shutil.copy(DEMO_DIR / 'LBR.yaml', copy)
    load_country_demo(copy)
    copy.write_text(
        copy.read_text().replace(
            "- {ref: T2, title: Ethnic tensions, cite: [{book: {chapter: 8, lines: '1905'}}]}",
            "- {ref: T2, title: Ethnic tensions, cite: [{book: {chapter: 8, lines: '1903-1905'}}]}",
        )
    )
    with translation.override('en'):  # the report names models in the active language
        report = load_country_demo(copy)['LBR']
    threat = Threat.objects.get(document__country__iso3='LBR', title='Ethnic tensions')
    assert _book(threat) == {(8, '1903-1905')}
    assert Threat.objects.filter(document__country__iso3='LBR').count() == 4
    assert report[('source citations', 'created')] == 1


# Section: broken files


def _broken(tmp_path, old: str, new: str):
    copy = tmp_path / 'CAF.yaml'
    text = (DEMO_DIR / 'CAF.yaml').read_text()
    assert text.count(old) == 1, old
    copy.write_text(text.replace(old, new))
    return copy


@pytest.mark.parametrize(
    ('old', 'new', 'message'),
    [
        ('    acronym: FACA\n', '    acronym: FACA\n    strength: 7465\n', "actors[0] 'Central African Armed Forces'"),
        ("adopted: '2017-09-11'", "adopted: '2017-09-31'", "documents[2] 'National Defence Plan'"),
        ('  - from: Ministry of Finance\n', '  - from: Ministry of Treasury\n', 'unknown actor'),
        ('    kind: mutiny\n', '    kind: uprising\n', "events[0] 'FACA mutinies'"),
        (
            "- {date: '2016-11-16', cite: [{book: {chapter: 7, lines: '1635'}}]}\n      - {date: '2016-11-17'",
            "- {date: '2016-11-16', cite: [{book: {chapter: 6, lines: '1635'}}]}\n      - {date: '2016-11-17'",
            'outside chapter 6',
        ),
    ],
    ids=['unknown-key', 'bad-date', 'unknown-actor', 'unknown-choice', 'wrong-chapter'],
)
def test_a_broken_file_is_refused_naming_the_file_and_record(db, tmp_path, old, new, message):
    with pytest.raises(DemoDataError) as error:
        load_country_demo(_broken(tmp_path, old, new))
    assert str(error.value).startswith('CAF.yaml: ')
    assert message in str(error.value)
    assert not Actor.objects.filter(country__iso3='CAF').exists()
    assert not TimelineEvent.objects.filter(country__iso3='CAF').exists()


def test_a_broken_file_in_the_folder_stops_every_country(db, tmp_path):
    for path in DEMO_DIR.glob('*.yaml'):
        shutil.copy(path, tmp_path / path.name)
    _broken(tmp_path, "adopted: '2017-09-11'", 'adopted: 2017-09')
    with pytest.raises(DemoDataError, match=r"^CAF\.yaml: documents\[2\] 'National Defence Plan': adopted"):
        load_country_demo(tmp_path)
    assert _counts() == {iso3: dict.fromkeys(EXPECTED[iso3], 0) for iso3 in COUNTRIES}


def test_an_error_while_writing_rolls_the_country_back(db, tmp_path):
    # Reading accepts any URL, writing checks it: the last record of the file carries a malformed one, so everything
    # before it has been written when the error comes, and must be undone.
    last = "      - {date: '2019-02-06', cite: [{book: {chapter: 7, lines: '1625'}}]}\n"
    broken = _broken(tmp_path, last, last.replace("{book: {chapter: 7, lines: '1625'}}", '{url: not-a-url}'))
    with pytest.raises(DemoDataError) as error:
        load_country_demo(broken)
    assert str(error.value).startswith("CAF.yaml: events[38] 'Political Agreement for Peace and Reconciliation")
    assert 'dates[0]' in str(error.value)
    assert _counts()['CAF'] == dict.fromkeys(EXPECTED['CAF'], 0)


# Section: what is loaded


def test_loading_gives_the_expected_records(loaded):
    assert _counts() == EXPECTED
    assert set(loaded) == set(COUNTRIES)
    # Nothing outside the files' reach: no assessments, ratings or status updates are invented.
    assert not Assessment.objects.exists() and not AssessmentRating.objects.exists()
    assert not ActionStatusUpdate.objects.exists()
    assert Engagement.objects.get(country__iso3='CAF').mission.acronym == 'MINUSCA'
    assert Engagement.objects.get(country__iso3='CIV').mandate_symbol == 'S/RES/2062 (2012)'
    assert Engagement.objects.get(country__iso3='LBR').mission.acronym == 'UNMIL'


def test_every_record_of_every_model_has_a_citation(loaded):
    for model, scope in SCOPES.items():
        records = model.objects.filter(**{f'{scope}__iso3__in': COUNTRIES})
        assert records.exists(), model
        content_type = ContentType.objects.get_for_model(model)
        cited = set(
            SourceCitation.objects.filter(content_type=content_type).values_list('object_id', flat=True).distinct()
        )
        uncited = [str(record) for record in records if record.pk not in cited]
        assert not uncited, (model.__name__, uncited)
    # Book citations name a chapter and lines inside it.
    for citation in SourceCitation.objects.filter(
        content_type__app_label='countries', book_chapter__isnull=False
    ).iterator():
        first, _, last = citation.book_lines.partition('-')
        low, high = BOOK_CHAPTERS[citation.book_chapter]
        assert low <= int(first) <= int(last or first) <= high, citation


def test_cem_rca_keeps_both_signing_dates_each_with_its_own_line(loaded):
    event = TimelineEvent.objects.get(country__iso3='CAF', title__startswith='Framework of Mutual Engagement')
    dates = list(event.dates.order_by('date'))
    assert [(row.date, row.precision) for row in dates] == [
        (datetime.date(2016, 11, 16), 'day'),
        (datetime.date(2016, 11, 17), 'day'),
    ]
    assert [_book(row) for row in dates] == [{(7, '1635')}, {(7, '1617')}]
    # Two other conflicts of the same chapter are kept the same way.
    endorsement = TimelineEvent.objects.get(country__iso3='CAF', title__startswith='Strategic Committee endorses')
    assert [row.date.day for row in endorsement.dates.order_by('date')] == [4, 16]
    rcpca = TimelineEvent.objects.get(country__iso3='CAF', title__startswith='National Recovery and Peacebuilding')
    assert [(row.date, row.precision) for row in rcpca.dates.order_by('date')] == [
        (datetime.date(2016, 10, 1), 'month'),
        (datetime.date(2016, 11, 17), 'day'),
    ]


def test_both_faca_counts_are_kept(loaded):
    faca = Actor.objects.get(country__iso3='CAF', acronym='FACA')
    counts = {row.count: row for row in faca.headcounts.all()}
    assert set(counts) == {7465, 8400, 7737}
    database, payroll = counts[7465], counts[8400]
    assert database.date == payroll.date and database.basis != payroll.basis
    assert 'Ministry of Defence' in database.basis and 'Ministry of Finance' in payroll.basis
    assert _book(database) == _book(payroll) == {(7, '1669')}


def test_car_strategy_is_adopted_and_nothing_has_started(loaded):
    strategy = NationalDocument.objects.get(country__iso3='CAF', title='National SSR Strategy 2017-2022')
    assert strategy.status == DocumentStatus.ADOPTED
    assert strategy.adopted == datetime.date(2017, 3, 10)
    assert strategy.parent.title == 'National Security Policy'
    assert strategy.pillars.count() == 3
    assert not strategy.actions.exists()
    pending = NationalDocument.objects.filter(country__iso3='CAF', status__in=['not-drafted', 'drafting'])
    assert set(pending.values_list('title', flat=True)) == {
        'Law on the National Security Policy',
        'Revised legal framework of the Higher Council for National Defence',
        'Sector development plans based on the National SSR Strategy',
        'Organic law on the gendarmerie',
    }


def test_ivorian_strategy_has_six_pillars_and_no_invented_reforms(loaded):
    strategy = NationalDocument.objects.get(country__iso3='CIV', title='National SSR Strategy (2012)')
    assert list(strategy.pillars.values_list('ref', flat=True)) == ['I', 'II', 'III', 'IV', 'V', 'VI']
    assert strategy.actions.count() == 1
    assert not Action.objects.filter(pillar__document=strategy).exists()
    quotas = Headcount.objects.filter(actor__country__iso3='CIV', basis__startswith='quota')
    assert sum(quotas.values_list('count', flat=True)) == 23000
    assert Headcount.objects.get(actor__country__iso3='CIV', count=74000).date == datetime.date(2015, 6, 30)


def test_liberian_schedule_answers_none_of_the_strategy_threats(loaded):
    schedule = NationalDocument.objects.get(country__iso3='LBR', kind='plan')
    strategy = schedule.parent
    assert strategy.kind == 'strategy' and strategy.adopted == datetime.date(2008, 1, 1)
    assert list(schedule.actions.order_by('pk').values_list('ref', flat=True)) == ['3', '4', '9', '13']
    assert not schedule.actions.filter(owner__isnull=False).exists()
    assert not schedule.actions.filter(cost__isnull=False).exists()
    assert not schedule.actions.exclude(start=None, end=None, timeframe='').exists()
    threats = Threat.objects.filter(document=strategy)
    assert set(threats.values_list('title', flat=True)) == {
        'Land and property disputes',
        'Ethnic tensions',
        'Poverty and unemployment',
        'Poor management of natural resources',
    }
    assert not threats.filter(actions__isnull=False).exists()


# Section: idempotence


def test_loading_twice_changes_nothing(loaded):
    counts, history, citations = _counts(), _history(), SourceCitation.objects.count()
    stamps = {model: dict(model.objects.values_list('pk', 'last_updated')) for model in SCOPES}
    reports = load_country_demo()
    for iso3, report in reports.items():
        assert all(outcome == 'unchanged' for _name, outcome in report), (iso3, dict(report))
    assert _counts() == counts
    assert _history() == history
    assert SourceCitation.objects.count() == citations
    assert {model: dict(model.objects.values_list('pk', 'last_updated')) for model in SCOPES} == stamps
