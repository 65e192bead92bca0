"""CSV import of the Central African security-sector map: preview, confirmation, idempotence, round trip, errors."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.actor_import import MAX_BYTES
from ssrhub.countries.models import Actor, ActorRelation
from ssrhub.countries.views import actor_import

from .test_actor_views import car_sector

pytestmark = pytest.mark.django_db

MAP = '/countries/CAF/workspace/actors/'
IMPORT = f'{MAP}import/'

ACTORS = """name,acronym,area,type,statutory,note
Forces armées centrafricaines,FACA,core-security-actors,defence,true,
Gendarmerie nationale,GN,Core security actors,gendarmerie,,
Police centrafricaine,PCA,core-security-actors,Police,yes,
Ministère de la Défense nationale et de la Reconstruction de l'armée,MDNRA,management-oversight,executive,,
Assemblée nationale,AN,management-oversight,legislature,,Commission défense et sécurité
Unité pour la paix en Centrafrique,UPC,non-state-actors,armed-group,false,
"""
RELATIONS = """actor,relation,other_actor,note
MDNRA,oversees,FACA,
Assemblée nationale,oversees,MDNRA,
UPC,integrates into,FACA,Programme national DDRR
"""


def upload(client, text, name='caf-actors.csv', encoding='utf-8'):
    data = text if isinstance(text, bytes) else text.encode(encoding)
    return client.post(IMPORT, {'file': SimpleUploadedFile(name, data, content_type='text/csv')})


def token(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, 'no confirmation form'
    return match.group(1)


def confirm(client, response):
    return client.post(IMPORT, {'token': token(response)})


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('faustin', Role.COUNTRY_EDITOR, countries=('CAF',)))
    return client


def test_only_the_country_editors_import(client, make_user):
    client.force_login(make_user('tatiana', Role.VIEWER))
    assert client.get(IMPORT).status_code == 403
    assert upload(client, ACTORS).status_code == 403
    client.force_login(make_user('kouassi', Role.COUNTRY_EDITOR, countries=('CIV',)))
    assert upload(client, ACTORS).status_code == 403
    assert not Actor.objects.exists()


def test_preview_writes_nothing_and_confirmation_applies_it(editor):
    page = editor.get(IMPORT)
    assert page.status_code == 200 and 'other_actor' in page.content.decode()  # the column documentation
    preview = upload(editor, ACTORS)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert 'Nothing has been written yet.' in html and 'Preview of caf-actors.csv' in html
    assert re.search(r'text-bg-success">6<', html) and 'Apply this import' in html
    assert not Actor.objects.exists()

    response = confirm(editor, preview)
    assert response.status_code == 302 and response['Location'] == MAP
    assert Actor.objects.filter(country__iso3='CAF').count() == 6
    gendarmerie = Actor.objects.get(acronym='GN')
    assert (gendarmerie.area, gendarmerie.type, gendarmerie.statutory) == ('core-security-actors', 'gendarmerie', True)
    assert gendarmerie.source == 'caf-actors.csv'
    assert Actor.objects.get(acronym='AN').note == 'Commission défense et sécurité'
    assert not Actor.objects.get(acronym='UPC').statutory
    message = editor.get(MAP).content.decode()
    assert 'Imported caf-actors.csv: 6 actors and 0 relations added' in message

    preview = upload(editor, RELATIONS, name='caf-relations.csv')
    assert re.search(r'text-bg-success">3<', preview.content.decode())
    assert confirm(editor, preview).status_code == 302
    upc = ActorRelation.objects.get(from_actor__acronym='UPC')
    assert (upc.kind, upc.to_actor.acronym, upc.note, upc.source) == (
        'integrates-into',
        'FACA',
        'Programme national DDRR',
        'caf-relations.csv',
    )


def test_reimporting_the_same_file_changes_nothing(editor):
    assert confirm(editor, upload(editor, ACTORS)).status_code == 302
    stamps = dict(Actor.objects.values_list('name', 'last_updated'))
    preview = upload(editor, ACTORS)
    html = preview.content.decode()
    assert 'The file changes nothing' in html and 'name="token"' not in html
    assert re.search(r'text-bg-secondary">6<', html)
    assert dict(Actor.objects.values_list('name', 'last_updated')) == stamps


def test_export_then_import_changes_nothing(editor):
    car_sector()
    actors_csv = editor.get(f'{MAP}export.csv').content
    relations_csv = editor.get(f'{MAP}export.csv?table=relations').content
    for name, data in (('actors.csv', actors_csv), ('relations.csv', relations_csv)):
        html = upload(editor, data, name=name).content.decode()
        assert 'The file changes nothing' in html, name
        assert 'Columns ignored' not in html
    # The JSON export is not an import format; the CSV of a changed export is an update.
    changed = actors_csv.decode('utf-8-sig').replace('Police centrafricaine,,PCA', 'Police centrafricaine,,POL')
    html = upload(editor, changed).content.decode()
    assert re.search(r'text-bg-primary">1<', html) and 'PCA' in html and 'POL' in html


def test_one_file_with_actors_and_relations(editor):
    text = (
        'record,name,acronym,area,type,actor,relation,other_actor\n'
        'relation,,,,,3R,integrates-into,FACA\n'
        'actor,Forces armées centrafricaines,FACA,core-security-actors,defence,,,\n'
        'actor,"Retour, Réclamation et Réhabilitation",3R,non-state-actors,armed-group,,,\n'
    )
    assert confirm(editor, upload(editor, text)).status_code == 302
    assert ActorRelation.objects.get().from_actor.name == 'Retour, Réclamation et Réhabilitation'


def test_row_errors_are_listed_with_row_numbers_and_block_the_import(editor):
    car_sector()
    text = (
        'actor,relation,other_actor\n'
        'MDNRA,funds,FACA\n'
        'Ministère des Finances,funds,FACA\n'
        'FACA,oversees,Coalition des patriotes pour le changement\n'
    )
    response = upload(editor, text)
    assert response.status_code == 400
    html = response.content.decode()
    errors = html[html.index('id="import-errors"') :]
    assert '<td>3</td><td>No actor named &quot;Ministère des Finances&quot;' in errors
    assert '<td>4</td><td>No actor named &quot;Coalition des patriotes pour le changement&quot;' in errors
    assert 'name="token"' not in html
    assert not ActorRelation.objects.filter(kind='funds').exists()


def test_unknown_area_is_a_row_error(editor):
    response = upload(editor, 'name,area,type\nForces armées centrafricaines,army,defence\n')
    assert response.status_code == 400 and 'Unknown area &quot;army&quot;.' in response.content.decode()


@pytest.mark.parametrize(
    ('data', 'message'),
    [
        ('name,area,type\nMinistère,management-oversight,executive\n'.encode('cp1252'), 'is not UTF-8 text'),
        (b'name,acronym\nFACA,FACA\n', 'Required columns are missing: area, type.'),
        (b'x' * (MAX_BYTES + 1), 'The file is larger than 1024 KB.'),
        (b'', 'The submitted file is empty.'),
    ],
)
def test_file_errors_are_shown_on_the_form(editor, data, message):
    response = upload(editor, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'aria-invalid="true"' in html and 'id="import-preview"' not in html


def test_a_byte_order_mark_and_semicolons_are_accepted(editor):
    text = '\ufeffname;acronym;area;type\nCour pénale spéciale;CPS;justice;courts\n'
    assert confirm(editor, upload(editor, text)).status_code == 302
    assert Actor.objects.get().name == 'Cour pénale spéciale'


def test_confirmation_refuses_a_forged_or_foreign_token_and_a_stale_preview(editor, client, make_user):
    assert editor.post(IMPORT, {'token': 'forged'}).status_code == 400
    preview = upload(editor, ACTORS)
    # Someone adds the gendarmerie between the preview and the confirmation: a new preview is shown.
    Actor.objects.create(
        country=Country.objects.get(iso3='CAF'),
        name='Gendarmerie nationale',
        area='core-security-actors',
        type='police',
    )
    response = confirm(editor, preview)
    assert response.status_code == 409 and 'changed since the preview' in response.content.decode()
    assert Actor.objects.count() == 1
    assert confirm(editor, response).status_code == 302
    assert Actor.objects.get(name='Gendarmerie nationale').type == 'gendarmerie'

    other = make_user('faustine', Role.COUNTRY_EDITOR, countries=('CAF',))
    foreign = upload(editor, ACTORS.replace('Commission', 'Comité'))
    editor.force_login(other)
    assert confirm(editor, foreign).status_code == 400  # the token was issued to another user


def test_an_import_is_applied_in_one_transaction(editor, monkeypatch):
    apply_plan = actor_import.apply_plan

    def fail_at_the_end(*args):
        apply_plan(*args)
        raise ValidationError('The database refused a row.')

    preview = upload(editor, ACTORS)
    monkeypatch.setattr(actor_import, 'apply_plan', fail_at_the_end)
    response = confirm(editor, preview)
    assert response.status_code == 400
    assert 'Nothing was imported: The database refused a row.' in response.content.decode()
    assert not Actor.objects.exists()
