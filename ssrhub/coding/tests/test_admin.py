"""The admin shows documents, their versions and links, and coding records, without writing coding records."""

from pathlib import Path

import pytest

from ssrhub.coding.models import CodeAssignment, MachineReading
from ssrhub.coding.review import record_decision
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document, MissionLink
from ssrhub.framework.models import Mission

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


def test_admin_pages_show_documents_and_coding_records_read_only(admin_client, admin_user):
    ingest_path(SAMPLE)
    document = Document.objects.get(symbol='S/RES/2151 (2014)')
    paragraph = document.current_version.paragraphs.get(ref='15')
    record_decision(paragraph, admin_user, 'done')
    link = MissionLink.objects.get_or_create(
        document=document, mission=Mission.objects.get(acronym='UNMIL'), defaults={'relation': 'concerns'}
    )[0]
    for url in (
        '/admin/documents/document/',
        f'/admin/documents/document/{document.pk}/change/',
        '/admin/documents/missionlink/',
        '/admin/coding/machinereading/',
        '/admin/coding/codeassignment/',
        '/admin/coding/paragraphreview/',
        f'/admin/coding/codeassignment/{CodeAssignment.objects.first().pk}/change/',
        f'/admin/coding/machinereading/{MachineReading.objects.first().pk}/change/',
    ):
        assert admin_client.get(url).status_code == 200, url
    assert admin_client.get('/admin/coding/codeassignment/add/').status_code == 403
    assert admin_client.get('/admin/documents/document/add/').status_code == 403
    assert admin_client.post(f'/admin/documents/missionlink/{link.pk}/delete/', {'post': 'yes'}).status_code == 403
    assert MissionLink.objects.filter(pk=link.pk).exists()
