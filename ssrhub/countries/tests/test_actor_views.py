"""Security-sector map of the Central African Republic: access, tables, the graph JSON, forms and downloads.

The headcounts are illustrative: the Ministry of Defence's personnel database and the payroll disagree on the
strength of the armed forces, as the model's docstring describes; both figures are kept and shown.
"""

import csv
import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.actor_import import MESSAGES
from ssrhub.countries.models import Actor, ActorRelation, Headcount
from ssrhub.countries.sector import ACTOR_EXPORT_COLUMNS, RELATION_EXPORT_COLUMNS
from ssrhub.countries.views.actor_import import ISSUE_MESSAGES

pytestmark = pytest.mark.django_db

MAP = '/countries/CAF/workspace/actors/'
GRAPH = f'{MAP}graph.json'

PERSONNEL_DATABASE = 'Ministry of Defence personnel database'
PAYROLL = 'Ministry of Finance payroll'


def car_sector():
    """The Central African security sector as a workshop would map it."""
    caf = Country.objects.get(iso3='CAF')

    def actor(name, acronym, area, kind, statutory=True):
        return Actor.objects.create(
            country=caf, name=name, acronym=acronym, area=area, type=kind, statutory=statutory, source='Workshop'
        )

    actors = {
        'FACA': actor('Forces armées centrafricaines', 'FACA', 'core-security-actors', 'defence'),
        'GN': actor('Gendarmerie nationale', 'GN', 'core-security-actors', 'gendarmerie'),
        'PCA': actor('Police centrafricaine', 'PCA', 'core-security-actors', 'police'),
        'MDNRA': actor(
            "Ministère de la Défense nationale et de la Reconstruction de l'armée",
            'MDNRA',
            'management-oversight',
            'executive',
        ),
        'MISP': actor(
            "Ministère de l'Intérieur et de la Sécurité publique", 'MISP', 'management-oversight', 'executive'
        ),
        'AN': actor('Assemblée nationale', 'AN', 'management-oversight', 'legislature'),
        'CPS': actor('Cour pénale spéciale', 'CPS', 'justice', 'courts'),
        'UPC': actor('Unité pour la paix en Centrafrique', 'UPC', 'non-state-actors', 'armed-group', False),
        '3R': actor('Retour, Réclamation et Réhabilitation', '3R', 'non-state-actors', 'armed-group', False),
    }
    for source, kind, target in [
        ('MDNRA', 'oversees', 'FACA'),
        ('MISP', 'oversees', 'PCA'),
        ('MISP', 'oversees', 'GN'),
        ('AN', 'oversees', 'MDNRA'),
        ('FACA', 'reports-to', 'MDNRA'),
        ('UPC', 'integrates-into', 'FACA'),
        ('3R', 'integrates-into', 'FACA'),
    ]:
        ActorRelation.objects.create(from_actor=actors[source], kind=kind, to_actor=actors[target], source='Workshop')
    Headcount.objects.create(actor=actors['FACA'], date=date(2019, 6, 30), count=8100, basis='payroll', source=PAYROLL)
    Headcount.objects.create(
        actor=actors['FACA'], date=date(2019, 12, 31), count=9400, basis='personnel database', source=PERSONNEL_DATABASE
    )
    Headcount.objects.create(actor=actors['FACA'], date=date(2019, 12, 31), count=7800, basis='payroll', source=PAYROLL)
    Headcount.objects.create(actor=actors['PCA'], date=date(2019, 12, 31), count=2000, basis='payroll', source=PAYROLL)
    return actors


@pytest.fixture
def sector():
    return car_sector()


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('tatiana', Role.VIEWER))
    return client


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('faustin', Role.COUNTRY_EDITOR, countries=('CAF',)))
    return client


# Section: access


def test_anonymous_users_are_sent_to_log_in(client, sector):
    for url in (MAP, GRAPH, f'{MAP}export.csv', f'{MAP}import/', f'{MAP}add/'):
        response = client.get(url)
        assert response.status_code == 302 and response['Location'].startswith('/accounts/login/'), url


def test_users_without_a_role_get_403(client, make_user, sector):
    client.force_login(make_user('nobody'))
    for url in (MAP, GRAPH, f'{MAP}export.json', f'{MAP}import/'):
        assert client.get(url).status_code == 403, url


def test_viewers_read_but_never_change(viewer, sector):
    page = viewer.get(MAP)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'Forces armées centrafricaines' in html and 'actor-graph.js' in html
    assert 'cytoscape/cytoscape.min.js' in html
    assert f'{MAP}add/' not in html and 'Import a CSV file' not in html
    faca = sector['FACA']
    relation = ActorRelation.objects.first()
    headcount = Headcount.objects.first()
    for url in (
        MAP,
        f'{MAP}add/',
        f'{MAP}{faca.pk}/edit/',
        f'{MAP}{faca.pk}/delete/',
        f'{MAP}relations/add/',
        f'{MAP}relations/{relation.pk}/delete/',
        f'{MAP}headcounts/add/',
        f'{MAP}headcounts/{headcount.pk}/edit/',
        f'{MAP}import/',
    ):
        assert viewer.post(url, {'name': 'x'}).status_code == 403, url
    assert viewer.get(f'{MAP}add/').status_code == 403
    assert Actor.objects.filter(pk=faca.pk).exists() and Actor.objects.count() == 9


def test_editor_of_another_country_reads_but_cannot_change(client, make_user, sector):
    client.force_login(make_user('kouassi', Role.COUNTRY_EDITOR, countries=('CIV',)))
    assert client.get(MAP).status_code == 200
    assert 'Import a CSV file' not in client.get(MAP).content.decode()
    faca = sector['FACA']
    assert client.post(f'{MAP}{faca.pk}/edit/', {'name': 'Armée'}).status_code == 403
    assert client.post(f'{MAP}{faca.pk}/delete/').status_code == 403
    assert client.get(f'{MAP}import/').status_code == 403
    faca.refresh_from_db()
    assert faca.name == 'Forces armées centrafricaines'


def test_unknown_country_is_404(viewer):
    assert viewer.get('/countries/XXX/workspace/actors/').status_code == 404


# Section: the page


def test_tables_group_actors_by_area_and_type(viewer, sector):
    html = viewer.get(MAP).content.decode()
    areas = [html.index(f'id="area-{key}"') for key in ('core-security-actors', 'justice', 'management-oversight')]
    assert areas == sorted(areas)
    core = html[areas[0] : areas[1]]
    # Types in the order of the choices: armed forces, police, gendarmerie.
    assert core.index('Armed forces') < core.index('>Police<') < core.index('>Gendarmerie<')
    assert 'Non-state armed group' in html and 'Unité pour la paix en Centrafrique' in html
    assert f'id="actor-{sector["UPC"].pk}"' in html
    assert 'id="relations-table"' in html and html.count('data-kind="oversees"') == 4
    assert 'id="headcounts-table"' in html


def test_disagreeing_headcounts_are_both_shown(viewer, sector):
    html = viewer.get(MAP).content.decode()
    row = html[html.index(f'id="actor-{sector["FACA"].pk}"') :]
    row = row[: row.index('</tr>')]
    assert '9,400' in row and '7,800' in row and '8,100' not in row  # 8,100 is the payroll's older count
    assert PERSONNEL_DATABASE in row and PAYROLL in row and 'Sources disagree' in row
    police = html[html.index(f'id="actor-{sector["PCA"].pk}"') :]
    assert 'Sources disagree' not in police[: police.index('</tr>')]


def test_map_page_without_actors(viewer):
    html = viewer.get(MAP).content.decode()
    assert 'No actor is recorded for this country yet.' in html and 'id="actor-graph"' not in html


def test_page_is_translated(viewer, sector):
    viewer.cookies['django_language'] = 'fr'
    response = viewer.get(MAP, HTTP_ACCEPT_LANGUAGE='fr')
    assert response.status_code == 200 and '<html lang="fr">' in response.content.decode()


# Section: graph JSON


def test_graph_json_contract(viewer, sector):
    data = viewer.get(GRAPH).json()
    assert set(data) == {'country', 'areas', 'kinds', 'nodes', 'edges'}
    assert data['country'] == 'CAF'
    assert [area['key'] for area in data['areas']] == [
        'core-security-actors',
        'justice',
        'management-oversight',
        'non-state-actors',
    ]
    assert {area['key']: area['count'] for area in data['areas']}['non-state-actors'] == 2
    assert [kind['key'] for kind in data['kinds']] == ['oversees', 'reports-to', 'funds', 'trains', 'integrates-into']
    nodes = {node['label']: node for node in data['nodes']}
    assert len(nodes) == 9
    faca = nodes['FACA']
    assert set(faca) == {
        'id', 'label', 'name', 'acronym', 'area', 'type', 'type_label', 'statutory', 'headcounts', 'anchor'
    }  # fmt: skip
    assert faca['id'] == f'actor-{sector["FACA"].pk}' and faca['anchor'] == f'#actor-{sector["FACA"].pk}'
    assert (faca['area'], faca['type'], faca['type_label'], faca['statutory']) == (
        'core-security-actors',
        'defence',
        'Armed forces',
        True,
    )
    assert sorted((h['count'], h['date'], h['basis']) for h in faca['headcounts']) == [
        (7800, '2019-12-31', 'payroll'),
        (9400, '2019-12-31', 'personnel database'),
    ]
    assert nodes['UPC']['statutory'] is False
    edges = {(edge['source'], edge['kind'], edge['target']): edge for edge in data['edges']}
    assert len(edges) == 7
    upc = edges[nodes['UPC']['id'], 'integrates-into', faca['id']]
    assert upc['label'] == 'integrates into' and upc['id'].startswith('relation-')
    node_ids = {node['id'] for node in data['nodes']}
    assert all(edge['source'] in node_ids and edge['target'] in node_ids for edge in data['edges'])


def test_graph_holds_only_the_country(viewer, sector):
    Actor.objects.create(
        country=Country.objects.get(iso3='CIV'), name='Forces armées de Côte d’Ivoire', area='core-security-actors',
        type='defence',
    )  # fmt: skip
    assert len(viewer.get(GRAPH).json()['nodes']) == 9
    assert viewer.get('/countries/CIV/workspace/actors/graph.json').json()['nodes'][0]['label'] == (
        'Forces armées de Côte d’Ivoire'
    )


# Section: forms


def test_editor_adds_edits_and_deletes_an_actor(editor, sector):
    assert 'Import a CSV file' in editor.get(MAP).content.decode()
    assert editor.get(f'{MAP}add/').status_code == 200
    response = editor.post(
        f'{MAP}add/',
        {
            'name': 'Direction générale des douanes et droits indirects',
            'acronym': 'DGDDI',
            'area': 'core-security-actors',
            'type': 'customs',
            'statutory': 'on',
            'source': 'Organigramme 2021',
        },
    )
    customs = Actor.objects.get(acronym='DGDDI')
    assert response.status_code == 302 and response['Location'] == f'{MAP}#actor-{customs.pk}'
    assert customs.country.iso3 == 'CAF' and customs.statutory
    assert customs.history.count() == 1

    form = editor.get(f'{MAP}{customs.pk}/edit/').content.decode()
    assert 'Direction générale des douanes' in form
    response = editor.post(
        f'{MAP}{customs.pk}/edit/',
        {'name': 'Douanes centrafricaines', 'acronym': 'DGDDI', 'area': 'core-security-actors', 'type': 'customs'},
    )
    assert response.status_code == 302
    customs.refresh_from_db()
    assert customs.name == 'Douanes centrafricaines' and not customs.statutory

    assert 'Delete' in editor.get(f'{MAP}{customs.pk}/delete/').content.decode()
    assert editor.post(f'{MAP}{customs.pk}/delete/').status_code == 302
    assert not Actor.objects.filter(pk=customs.pk).exists()


def test_actor_validation_errors_are_shown(editor, sector):
    response = editor.post(
        f'{MAP}add/',
        {'name': 'Anti-balaka', 'area': 'non-state-actors', 'type': 'armed-group', 'statutory': 'on'},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'A non-state actor is not statutory.' in html and 'aria-invalid="true"' in html
    response = editor.post(
        f'{MAP}add/', {'name': 'forces armées  centrafricaines', 'area': 'core-security-actors', 'type': 'defence'}
    )
    assert response.status_code == 400 and 'already has an actor of this name' in response.content.decode()
    assert not Actor.objects.filter(name='Anti-balaka').exists()


def test_relations_and_headcounts_are_edited_with_model_checks(editor, sector):
    faca, mdnra, misp = sector['FACA'], sector['MDNRA'], sector['MISP']
    foreign = Actor.objects.create(
        country=Country.objects.get(iso3='CMR'), name='Armée camerounaise', area='core-security-actors', type='defence'
    )
    response = editor.post(f'{MAP}relations/add/', {'from_actor': faca.pk, 'kind': 'trains', 'to_actor': faca.pk})
    assert response.status_code == 400 and 'An actor cannot be related to itself.' in response.content.decode()
    response = editor.post(f'{MAP}relations/add/', {'from_actor': foreign.pk, 'kind': 'trains', 'to_actor': faca.pk})
    assert response.status_code == 400  # not a choice: only this country's actors are offered
    response = editor.post(f'{MAP}relations/add/', {'from_actor': mdnra.pk, 'kind': 'oversees', 'to_actor': faca.pk})
    assert response.status_code == 400  # the same relation exists
    response = editor.post(f'{MAP}relations/add/', {'from_actor': misp.pk, 'kind': 'funds', 'to_actor': faca.pk})
    relation = ActorRelation.objects.get(from_actor=misp, kind='funds')
    assert response.status_code == 302 and response['Location'].endswith(f'#relation-{relation.pk}')

    assert f'value="{faca.pk}" selected' in editor.get(f'{MAP}headcounts/add/?actor={faca.pk}').content.decode()
    response = editor.post(
        f'{MAP}headcounts/add/',
        {'actor': faca.pk, 'date': '2020-12-31', 'count': '-5', 'basis': 'payroll', 'source': PAYROLL},
    )
    assert response.status_code == 400
    response = editor.post(
        f'{MAP}headcounts/add/',
        {'actor': faca.pk, 'date': '2020-12-31', 'count': '8300', 'basis': 'payroll', 'source': PAYROLL},
    )
    assert response.status_code == 302
    counts = sorted(
        h['count'] for h in editor.get(GRAPH).json()['nodes'] if h['label'] == 'FACA' for h in h['headcounts']
    )
    assert counts == [8300, 9400]

    headcount = Headcount.objects.get(count=8300)
    assert editor.post(f'{MAP}headcounts/{headcount.pk}/delete/').status_code == 302
    assert editor.post(f'{MAP}relations/{relation.pk}/delete/')['Location'].endswith('#relations')
    assert not ActorRelation.objects.filter(pk=relation.pk).exists()


def test_lost_update_is_refused(editor, sector):
    faca = sector['FACA']
    stale = '2000-01-01T00:00:00+00:00'
    response = editor.post(
        f'{MAP}{faca.pk}/edit/',
        {'name': 'FACA', 'area': 'core-security-actors', 'type': 'defence', 'last_updated': stale},
    )
    assert response.status_code == 400 and 'changed by someone else' in response.content.decode()


def test_records_of_another_country_are_404_for_an_editor(editor):
    other = Actor.objects.create(
        country=Country.objects.get(iso3='CMR'), name='Armée camerounaise', area='core-security-actors', type='defence'
    )
    assert editor.get(f'{MAP}{other.pk}/edit/').status_code == 404


# Section: downloads


def test_actor_export_csv_has_one_row_per_actor_with_latest_headcounts(viewer, sector):
    response = viewer.get(f'{MAP}export.csv')
    assert response.status_code == 200 and response['Content-Disposition'].endswith('caf-security-actors.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))
    assert list(rows[0]) == list(ACTOR_EXPORT_COLUMNS)
    assert len(rows) == 9
    faca = next(row for row in rows if row['acronym'] == 'FACA')
    assert faca['area'] == 'core-security-actors' and faca['type_label'] == 'Armed forces'
    assert faca['statutory'] == 'true' and faca['headcount_sources_disagree'] == 'true'
    assert sorted(faca['latest_headcount'].split(' | ')) == ['7800', '9400']
    police = next(row for row in rows if row['acronym'] == 'PCA')
    assert (police['latest_headcount'], police['latest_headcount_date']) == ('2000', '2019-12-31')
    assert next(row for row in rows if row['acronym'] == 'UPC')['statutory'] == 'false'


def test_relation_and_headcount_exports(viewer, sector):
    rows = list(csv.DictReader(io.StringIO(viewer.get(f'{MAP}export.csv?table=relations').content.decode('utf-8-sig'))))
    assert list(rows[0]) == list(RELATION_EXPORT_COLUMNS) and len(rows) == 7
    assert {
        'actor': 'Unité pour la paix en Centrafrique',
        'relation': 'integrates-into',
        'other_actor': 'Forces armées centrafricaines',
    }.items() <= next(row for row in rows if row['actor_acronym'] == 'UPC').items()
    data = viewer.get(f'{MAP}export.json?table=headcounts').json()
    assert len(data) == 4 and {'actor', 'date', 'count', 'basis', 'source'} <= set(data[0])


def test_json_and_xlsx_exports(viewer, sector):
    data = viewer.get(f'{MAP}export.json').json()
    faca = next(row for row in data if row['acronym'] == 'FACA')
    assert sorted(faca['latest_headcount']) == [7800, 9400] and faca['statutory'] is True
    police = next(row for row in data if row['acronym'] == 'PCA')
    assert police['latest_headcount'] == [2000] and police['latest_headcount_basis'] == ['payroll']
    response = viewer.get(f'{MAP}export.xlsx?table=actors')
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header == list(ACTOR_EXPORT_COLUMNS)
    rows = sheet.iter_rows(min_row=2, values_only=True)
    police_row = next(row for row in rows if row[header.index('acronym')] == 'PCA')
    assert police_row[header.index('latest_headcount')] == 2000  # one source: a number


def test_unknown_format_or_table_is_400(viewer, sector):
    assert viewer.get(f'{MAP}export.pdf').status_code == 400
    assert viewer.get(f'{MAP}export.csv?table=actions').status_code == 400


def test_every_import_problem_has_a_translated_message_with_the_same_placeholders():
    assert set(ISSUE_MESSAGES) == set(MESSAGES)
    for code, english in MESSAGES.items():
        wanted = set(re.findall(r'{(\w+)}', english))
        assert set(re.findall(r'%\((\w+)\)s', str(ISSUE_MESSAGES[code]))) == wanted, code
