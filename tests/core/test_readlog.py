"""The read log on pages: a record's page, its history page and the rows of a list page are each logged, in the
request, with their channel; when the log cannot be written the page is refused and shows nothing of the record.
(A coordination decision made sensitive stands in for a due-diligence record; the API: ``test_api_viewsets.py``.)"""

import pytest
from django.db import connection
from django.urls import reverse

from ssrhub.coordination.models import Decision
from ssrhub.core.models import SensitiveRead
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from tests.access.entries import forum_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, make_user, monkeypatch):
    monkeypatch.setattr(Decision, 'access_kind', 'sensitive')
    return verified_login(client, make_user('lbr-forum', Role.HRDDP_FORUM_MEMBER, countries=('LBR',)))


def urls(decision) -> dict[str, str]:
    return {
        'page': reverse('coordination:decision', args=['LBR', decision.pk]),
        'history': reverse('coordination:decision_history', args=['LBR', decision.pk]),
        'list': reverse('coordination:decision_list', args=['LBR']),
    }


def test_each_read_is_logged_with_its_channel(client, reader):
    decision, foreign = forum_decision(), forum_decision('CAF')
    for channel, url in urls(decision).items():
        assert client.get(url).status_code == 200, url
        read = SensitiveRead.objects.latest('pk')
        assert (read.user, read.object_id, read.channel) == (reader, decision.pk, channel)
        assert read.content_type.model_class() is Decision
    assert SensitiveRead.objects.count() == 3
    assert not SensitiveRead.objects.filter(object_id=foreign.pk).exists()


def test_a_read_that_cannot_be_logged_is_refused(client, reader):
    decision = forum_decision()
    with connection.cursor() as cursor:  # rolled back with the test's transaction (SQLite and PostgreSQL)
        cursor.execute(f'DROP TABLE {SensitiveRead._meta.db_table}')
    for url in urls(decision).values():
        response = client.get(url)
        assert response.status_code == 403, url
        assert 'Vet the police' not in response.content.decode()


def test_administrators_read_the_log_in_the_admin_and_nobody_changes_it(admin_client, client, reader):
    decision = forum_decision()
    client.get(urls(decision)['page'])
    listing = admin_client.get('/admin/core/sensitiveread/?channel=page')
    assert listing.status_code == 200 and 'lbr-forum' in listing.content.decode()
    assert 'Vet the police' not in listing.content.decode()
    read = SensitiveRead.objects.get()
    assert admin_client.get('/admin/core/sensitiveread/add/').status_code == 403
    assert admin_client.post(f'/admin/core/sensitiveread/{read.pk}/delete/', {'post': 'yes'}).status_code == 403
    assert SensitiveRead.objects.filter(pk=read.pk).exists()
    roles = admin_client.get('/admin/core/countryassignment/?role=hrddp-forum-member')
    assert roles.status_code == 200 and 'lbr-forum' in roles.content.decode()


def test_the_change_log_and_the_home_page_log_the_changes_they_show(client, reader):
    decision, foreign = forum_decision(), forum_decision('CAF')
    for url in ('/changes/', '/'):
        SensitiveRead.objects.all().delete()
        page = client.get(url).content.decode()
        assert str(decision) in page, url
        reads = SensitiveRead.objects.filter(content_type__model='decision')
        assert [(read.user, read.object_id, read.channel) for read in reads.all()] == [(reader, decision.pk, 'history')]
        assert not SensitiveRead.objects.filter(object_id=foreign.pk).exists()
        # Made again at each request for such a reader, so each read is logged.
        client.get(url)
        assert reads.count() == 2, url
