"""`ssrhub demo`: the demo accounts, the resolution corpus and the samples (a report on ONUMOZ to compare)."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from ssrhub.coding.models import CodeAssignment
from ssrhub.coordination.models import Activity
from ssrhub.core.models import CountryAssignment
from ssrhub.core.symbols import DocType
from ssrhub.documents.models import Document, DocumentVersion, MissionLink, Paragraph
from ssrhub.monitoring.models import ActualReport, ActualStep, ActualValue
from ssrhub.monitoring.survey_demo import DEMO_TITLE
from ssrhub.site.management.commands.demo import DEMO_CORPUS, DEMO_USERS, corpus_years, demo_documents

pytestmark = pytest.mark.django_db

REPORT = 'ONUMOZ_report_sample_EN.txt'
# The module ingests the resolutions of 1994 (895-902) rather than the whole corpus; the ONUMOZ track is checked
# on its resolutions in ssrhub/mandates/tests/test_matrix_views.py.
YEARS = (1994, 1994)


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            get_user_model(),
            CountryAssignment,
            Document,
            DocumentVersion,
            Paragraph,
            CodeAssignment,
            MissionLink,
            Activity,
            ActualReport,
            ActualValue,
            ActualStep,
        )
    }


@pytest.fixture(scope='module')
def demo(module_transaction, django_db_blocker):
    """One demo run for the whole module."""
    with django_db_blocker.unblock():
        call_command('demo', '--corpus-years', '1994', verbosity=0)


def test_the_demo_holds_the_whole_corpus_and_the_samples():
    files = demo_documents()
    assert len(files) == 902 + 2
    assert [path.name for path in files[-2:]] == ['ONUMOZ_report_sample_EN.txt', 'S_RES_2151_2014_EN.txt']
    assert {path.name for path in DEMO_CORPUS.glob('S_RES_*')} == {path.name for path in files[:-2]}
    # The README gives the provenance; it is not a document to ingest.
    assert (DEMO_CORPUS / 'README.md').is_file()
    selected = demo_documents((1992, 1994))
    assert len(selected) == 74 + 93 + 8 + 2
    assert selected[0].name == 'S_RES_0726_1992_EN_GOLD.txt'


@pytest.mark.parametrize(
    ('value', 'years'), [('1991-1994', (1991, 1994)), ('1993', (1993, 1993)), (' 1946-1994 ', (1946, 1994))]
)
def test_corpus_years(value, years):
    assert corpus_years(value) == years


@pytest.mark.parametrize('value', ['1994-1991', '91-94', '1991/1994', ''])
def test_corpus_years_refuses_what_is_not_a_range(value):
    with pytest.raises(ValueError, match='not a year or a range of years'):
        corpus_years(value)


def test_demo_accounts_and_documents(demo):
    users = get_user_model().objects.filter(username__in=[name for name, _role, _countries in DEMO_USERS])
    assert {user.username: user.groups.get().name for user in users} == {
        name: role for name, role, _countries in DEMO_USERS
    }
    assert users.get(username='analyst').check_password('ssrhub-demo-2026')
    keys = set(Document.objects.values_list('key', flat=True))
    assert {'S/RES/2151 (2014)', 'S/RES/895 (1994)', 'S/RES/902 (1994)', 'onumoz_report_sample_en'} <= keys
    assert Document.objects.count() == len(demo_documents(YEARS)) == 8 + 2
    # S/RES/898 authorizes a police component "as an integral part of ONUMOZ": it adjusts the mission.
    link = MissionLink.objects.get(mission__acronym='ONUMOZ', document__symbol='S/RES/898 (1994)')
    assert (link.relation, link.paragraph_ref) == ('adjusts', '2')

    # The composed report: a coded Secretary-General report on ONUMOZ, dated, without a symbol.
    report = Document.objects.get(key='onumoz_report_sample_en')
    assert report.doc_type == DocType.SG_REPORT
    assert report.symbol == ''
    assert report.title == 'Report of the Secretary-General on the United Nations Operation in Mozambique'
    assert report.date == datetime.date(1994, 4, 7)
    assert report.language == 'en'
    assert [(link.mission.acronym, link.relation) for link in report.mission_links.all()] == [('ONUMOZ', 'reports')]
    codes = CodeAssignment.objects.filter(paragraph__version__document=report)
    # Coded: the numbered paragraphs that name a codebook area; the section headings are not paragraphs.
    assert sorted(set(codes.values_list('paragraph__ref', flat=True)), key=int) == [
        '4', '7', '8', '10', '11', '13', '14', '15', '16', '17', '19', '22', '23', '24', '25', '26',
    ]  # fmt: skip
    # Mandated tasks it reports on, and activity no resolution asked for: the police law, judges and prisons.
    for ref, code in [
        ('7', 'related.disarmament-demobilisation'),
        ('11', 'component.defence'),
        ('13', 'component.police'),
        ('15', 'initiative.legislation'),
        ('17', 'related.mine-action'),
        ('23', 'component.justice'),
        ('23', 'component.corrections'),
    ]:
        assert codes.filter(paragraph__ref=ref, code=code).exists(), (ref, code)


def test_liberia_s_demo_actuals_are_approved_by_another_person_than_who_submitted_them(demo):
    reports = ActualReport.objects.filter(period__indicator__result__framework__country__iso3='LBR')
    assert reports.count() == reports.filter(status='approved').count() == 10
    assert {(report.period.indicator.code, report.period.label) for report in reports} == {
        ('1.a', '2024'), ('1.a', '2025'), ('1.b', '2025'), ('1.b', '2026'), ('1.1.a', '2024'), ('1.1.a', '2025'),
        ('1.2.a', '2024'), ('1.2.a', '2025'), ('2.2.a', '2024'), ('2.2.a', '2025'),
    }  # fmt: skip
    steps = ActualStep.objects.filter(report__in=reports)
    assert set(steps.filter(action='submit').values_list('user__username', flat=True)) == {'editor'}
    assert set(steps.filter(action='approve').values_list('user__username', flat=True)) == {'admin'}
    # Sex where the indicator collects it: 1.b and 1.2.a, a value per sex beside the total.
    by_sex = ActualValue.objects.filter(report__in=reports, category__isnull=False)
    assert sorted(set(by_sex.values_list('report__period__indicator__code', 'category__code'))) == [
        ('1.2.a', 'female'), ('1.2.a', 'male'), ('1.b', 'female'), ('1.b', 'male'),
    ]  # fmt: skip
    # Every value typed in is said to be illustrative; the survey's cites the survey and its formula.
    computed = reports.get(survey__isnull=False)
    assert (computed.period.indicator.code, computed.period.label, computed.survey.title) == ('1.b', '2026', DEMO_TITLE)
    assert computed.survey_answers == 300
    values = ActualValue.objects.filter(report__in=reports)
    assert set(values.exclude(report=computed).values_list('note', flat=True)) == {
        'Illustrative demo value, not an official figure.'
    }
    assert {value.source for value in computed.values.all()} == {f'{DEMO_TITLE} · {computed.formula}'}
    assert computed.values.count() == 3


def test_the_indicator_list_shows_each_latest_approved_value_linked_to_its_report(demo, client):
    client.force_login(get_user_model().objects.get(username='viewer'))
    page = client.get('/monitoring/indicators/', {'country': 'LBR'}).content.decode()
    computed = ActualReport.objects.get(survey__title=DEMO_TITLE)
    assert f'{computed.get_absolute_url()}">47.3% (2026)</a>' in page
    for shown in ('21.2% (2025)', '5 (2025)', '62.5% (2025)', '4 (2025)'):
        assert shown in page, shown


def test_running_demo_again_creates_nothing(demo):
    before = _counts()
    out = io.StringIO()
    call_command('demo', '--corpus-years', '1994', stdout=out, stderr=io.StringIO())
    assert _counts() == before
    lines = out.getvalue().splitlines()
    # The partners' activities from the book, and the real IATI file found already imported.
    assert any(line.startswith('Demo coordination activities: ') and '0 created, 0 updated' in line for line in lines)
    assert (
        'Demo IATI file dportal-covid-export-2.03.xml: 401 activities read, 0 imported, 0 updated, 282 unchanged, '
        '119 refused; 0 organisations created'
    ) in lines


def test_onumoz_track_page_answers_the_demo_analyst(demo, client):
    client.force_login(get_user_model().objects.get(username='analyst'))
    response = client.get('/mandates/missions/ONUMOZ/')
    assert response.status_code == 200
    page = response.content.decode()
    assert 'S/RES/898 (1994)' in page
    assert 'Report of the Secretary-General on the United Nations Operation in Mozambique' in page
