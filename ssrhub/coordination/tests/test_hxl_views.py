"""The 3W import page: who may use it, the preview (nothing written), the decisions applied in one transaction."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from ssrhub.coordination.models import Activity, Organisation, Origin
from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

TABLE = (
    b'Organisation,Acronym,Type,Sector,Province,Province code\n'
    b'#org+name,#org+acronym,#org+type,#sector,#adm1+name,#adm1+code\n'
    b'Liberia National Police,LNP,Government,Police,Montserrado,LR11\n'
    b'Liberian National Police Service,LNP,Government,Police,Bong,LR01\n'
    b'Search for Common Ground,SFCG,INGO,Justice,Bong,LR01\n'
    b'Carter Center,,INGO,Justice,,\n'
)


def url(iso3='LBR'):
    return reverse('coordination:threew_import', args=[iso3])


def upload(client, content=TABLE, name='lbr-3w.csv', **fields):
    return client.post(url(), {'file': SimpleUploadedFile(name, content), **fields})


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('editor', Role.COUNTRY_EDITOR, ('LBR',)))
    return client


def test_who_may_use_it(client, make_user):
    assert client.get(url()).status_code == 302
    client.force_login(make_user('viewer', Role.VIEWER))
    assert client.get(url()).status_code == 403
    assert client.post(url(), {'token': 'x'}).status_code == 403  # a viewer cannot apply
    assert client.get(reverse('coordination:threew_matrix', args=['LBR'])).status_code == 200
    client.force_login(make_user('editor', Role.COUNTRY_EDITOR, ('LBR',)))
    assert client.get(url()).status_code == 200
    assert client.get(url('XXX')).status_code == 404


def test_preview_writes_nothing_and_confirm_applies_the_decisions(editor, django_capture_on_commit_callbacks):
    police = Organisation.objects.create(name='Liberia National Police', acronym='LNP')
    response = upload(editor)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'Hashtag row: row 2. Nothing has been written yet.' in page
    assert '<code>#org+type</code>' in page
    assert 'Row 6: no administrative area (admin 1 or admin 2).' in page
    assert 'Liberia National Police</span> → Liberia National Police (LNP)' in page  # known by its name
    assert Organisation.objects.count() == 1
    matrix = re.search(r'<table[^>]*id="hxl-matrix".*?</table>', page, re.S)[0]
    cells = [re.sub(r'<[^>]+>', '', cell).strip() for cell in re.findall(r'<t[hd][^>]*>.*?</t[hd]>', matrix, re.S)]
    assert cells == [
        'Organisation', 'Police', 'Justice', 'Total',
        'LNP', '2', '·', '2',
        'SFCG', '·', '1', '1',
        'Total', '2', '1', '3',
    ]  # fmt: skip
    # Liberian National Police Service is proposed as the known police; Search for Common Ground is new.
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    unknown = re.findall(r'<legend[^>]*><span lang="">([^<]+)</span>', page)
    assert unknown == ['Liberian National Police Service', 'Search for Common Ground']
    assert f'value="{police.pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url(), {'token': token, 'org-0': str(police.pk), 'org-1': 'new'})
    assert response.status_code == 302
    status = editor.get(response['Location'])
    assert status.status_code == 200
    assert re.search(r'id="threew-created">3<', status.content.decode())
    assert Activity.objects.filter(origin=Origin.THREE_W, country__iso3='LBR').count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        again = editor.post(url(), {'token': token})
    assert again.status_code == 400  # a preview is applied once
    police.refresh_from_db()
    assert police.aliases == ['Liberian National Police Service']
    sfcg = Organisation.objects.get(name='Search for Common Ground')
    assert (sfcg.acronym, sfcg.type, sfcg.source) == ('SFCG', '21', 'lbr-3w.csv')
    again = upload(editor).content.decode()
    assert 'Every organisation of the table is known.' in again


def test_a_candidate_not_proposed_is_refused(editor):
    other = Organisation.objects.create(name='Danish Refugee Council', acronym='DRC')
    page = upload(editor).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    response = editor.post(url(), {'token': token, 'org-0': str(other.pk)})
    assert response.status_code == 400 and other.aliases == []
    assert Organisation.objects.count() == 1
    assert editor.post(url(), {'token': 'forged', 'org-0': 'new'}).status_code == 400


@pytest.mark.parametrize(
    ('content', 'name', 'message'),
    [
        (b'', 'empty.csv', 'The submitted file is empty.'),  # Django's FileField says so first
        (b'Organisation,Secteur,Province\nPNUD,Justice,Bong\n', 'fr.csv', 'fr.csv: no HXL hashtag row'),
        (b'PK\x03\x04', 'book.xlsm', 'book.xlsm: the workbook contains macros'),
    ],
)
def test_bad_tables_refused_with_their_name(editor, content, name, message):
    response = upload(editor, content, name)
    assert response.status_code == 400
    assert message in response.content.decode().replace('&quot;', '"')
    assert Organisation.objects.count() == 0


def test_titles_accepted_and_french(editor):
    content = b'Organisation;Secteur;Province\nPNUD;Justice;Bong\n'
    with translation.override('fr'):
        response = editor.post(
            url(), {'file': SimpleUploadedFile('fr.csv', content), 'hashtags_from_titles': 'on'},
            HTTP_ACCEPT_LANGUAGE='fr',
        )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert 'Les hashtags viennent des titres des colonnes.' in page
    assert 'nom de l’organisation' in page
