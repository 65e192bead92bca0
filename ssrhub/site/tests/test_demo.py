"""`ssrhub demo`: the demo accounts, and sample documents that give ONUMOZ a track and a report to compare."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from ssrhub.coding.models import CodeAssignment
from ssrhub.core.models import CountryAssignment
from ssrhub.core.symbols import DocType
from ssrhub.documents.models import Document, DocumentVersion, MissionLink, Paragraph
from ssrhub.site.management.commands.demo import DEMO_DOCUMENTS, DEMO_USERS

pytestmark = pytest.mark.django_db

REPORT = 'ONUMOZ_report_sample_EN.txt'
# The ONUMOZ resolutions of the corpus (CR-UNSC stops at 902) and what each does to the mission.
ONUMOZ_TRACK = {
    'S/RES/782 (1992)': 'concerns',  # interim Special Representative and observers, before ONUMOZ
    'S/RES/797 (1992)': 'establishes',
    'S/RES/818 (1993)': 'concerns',
    'S/RES/850 (1993)': 'concerns',
    'S/RES/863 (1993)': 'concerns',
    'S/RES/879 (1993)': 'extends',
    'S/RES/882 (1993)': 'extends',
    'S/RES/898 (1994)': 'concerns',  # a police component "as an integral part of ONUMOZ" is not the mission itself
}


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
        )
    }


@pytest.fixture(scope='module')
def demo(module_transaction, django_db_blocker):
    """One demo run for the whole module."""
    with django_db_blocker.unblock():
        call_command('demo', verbosity=0)


def test_demo_accounts_and_documents(demo):
    users = get_user_model().objects.filter(username__in=[name for name, _role, _countries in DEMO_USERS])
    assert {user.username: user.groups.get().name for user in users} == {
        name: role for name, role, _countries in DEMO_USERS
    }
    assert users.get(username='analyst').check_password('ssrhub-demo')
    keys = set(Document.objects.values_list('key', flat=True))
    assert {'S/RES/2151 (2014)', *ONUMOZ_TRACK, 'onumoz_report_sample_en'} <= keys
    assert Document.objects.count() == len(list(DEMO_DOCUMENTS.glob('*.txt')))

    # The ONUMOZ track: every resolution of the corpus on the mission, with what it does to it.
    links = MissionLink.objects.filter(mission__acronym='ONUMOZ', document__doc_type=DocType.RESOLUTION)
    assert dict(links.values_list('document__symbol', 'relation')) == ONUMOZ_TRACK
    assert links.get(document__symbol='S/RES/797 (1992)').paragraph_ref == '2'
    assert links.get(document__symbol='S/RES/882 (1993)').paragraph_ref == '12'

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


def test_running_demo_again_creates_nothing(demo):
    before = _counts()
    call_command('demo', verbosity=0)
    assert _counts() == before


def test_onumoz_track_page_answers_the_demo_analyst(demo, client):
    client.force_login(get_user_model().objects.get(username='analyst'))
    response = client.get('/mandates/missions/ONUMOZ/')
    assert response.status_code == 200
    page = response.content.decode()
    assert 'S/RES/797 (1992)' in page
    assert 'Report of the Secretary-General on the United Nations Operation in Mozambique' in page
