"""Fora, meetings and decisions on the demo data of the Central African Republic, Côte d'Ivoire and Liberia (book,
chapters 6-8): validation, the dated status history, the overdue flag on the dashboard, the brief (still one A4
page) and the home page, access, minutes uploads, the decisions list and its downloads, the API and the demo loader."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from pypdf import PdfReader

from ssrhub.coordination.demo import DEMO_FILE, load_fora_demo
from ssrhub.coordination.filtersets import overdue_q
from ssrhub.coordination.followup import is_overdue
from ssrhub.coordination.models import Decision, DecisionStatusUpdate, Forum, ForumMember, Meeting, Organisation
from ssrhub.core.datafiles import DataFileError
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.demo import load_country_demo

pytestmark = pytest.mark.django_db

CAF = '/countries/CAF/workspace/'
FORA = f'{CAF}fora/'
TODAY = datetime.date.today()


@pytest.fixture(scope='module')
def demo(module_transaction, django_db_blocker):
    """The demo country workspaces and their fora, once for the module."""
    with django_db_blocker.unblock():
        load_country_demo()
        load_fora_demo()


@pytest.fixture
def committee(demo):
    return Forum.objects.get(country__iso3='CAF', name__startswith='Strategic Committee')


@pytest.fixture
def police_target(demo):
    """The 10,000-strong police and gendarmerie objective for 2023, endorsed on 4 November 2016 (book, L1690-1694)."""
    return Decision.objects.get(meeting__forum__country__iso3='CAF', text__contains='10,000')


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('bangui', Role.COUNTRY_EDITOR, countries=('CAF',)))
    return client


# Section: the demo


def test_the_demo_holds_the_fora_of_the_three_countries_with_their_sources(demo):
    counts = {iso3: Forum.objects.filter(country__iso3=iso3).count() for iso3 in ('CAF', 'CIV', 'LBR')}
    assert counts == {'CAF': 9, 'CIV': 7, 'LBR': 1}
    assert not Forum.objects.filter(citations__isnull=True).exists()
    assert not Decision.objects.filter(citations__isnull=True).exists()
    consultative = Forum.objects.get(name='Consultative Group on SSR')
    assert consultative.parent.acronym == 'S-CNS' and consultative.parent.parent.acronym == 'CNS'
    assert consultative.established_precision == 'year'
    members = ForumMember.objects.filter(forum__name='UN SSR Working Group')
    assert members.count() == 8 and members.get(role='co-chair').organisation.acronym == 'UNOCI'


def test_a_second_demo_load_changes_nothing(demo):
    report = load_fora_demo()
    assert all(outcome == 'unchanged' for _model, outcome in report) and report


def test_a_bad_demo_file_is_refused_whole_naming_the_record(demo, tmp_path):
    text = DEMO_FILE.read_text(encoding='utf-8').replace("due: '2023'", "due: 'sometime'")
    bad = tmp_path / 'fora.yaml'
    bad.write_text(text.replace('name: Higher Council for National Security', 'name: Higher Council (renamed)'))
    with pytest.raises(
        DataFileError, match=r'fora.yaml: CAF forum strategic-committee meeting 1 decision 4: "sometime"'
    ):
        load_fora_demo(Path(bad))
    assert not Forum.objects.filter(name='Higher Council (renamed)').exists()


def test_the_2023_police_objective_is_overdue_and_the_endorsements_are_done(police_target):
    assert police_target.status == 'in-progress' and police_target.due_precision == 'year'
    assert police_target.overdue_on(TODAY)
    assert not police_target.overdue_on(datetime.date(2023, 12, 31))
    done = Decision.objects.filter(meeting=police_target.meeting).exclude(pk=police_target.pk)
    assert set(done.values_list('status', flat=True)) == {'done'}


# Section: validation


def test_dates_and_reporting_lines_are_checked(committee):
    forum = Forum(
        country=committee.country,
        name='Technical group',
        level='technical',
        established=datetime.date(2017, 1, 1),
        established_precision='year',
        dissolved=datetime.date(2016, 5, 1),
        dissolved_precision='month',
        parent=Forum.objects.get(country__iso3='CIV', acronym='CNS'),
    )
    with pytest.raises(ValidationError) as error:
        forum.full_clean()
    assert set(error.value.message_dict) == {'dissolved', 'parent'}
    committee.parent = Forum.objects.get(country__iso3='CAF', name='Higher Council for National Security')
    committee.save()
    higher = committee.parent
    higher.parent = committee
    with pytest.raises(ValidationError, match='reports to it'):
        higher.full_clean()


def test_a_partial_date_is_stored_as_the_first_day_of_its_period(committee):
    meeting = Meeting(forum=committee, date=datetime.date(2018, 6, 17), date_precision='month')
    meeting.full_clean()
    assert meeting.date == datetime.date(2018, 6, 1)


def test_a_decision_is_not_due_before_its_meeting_and_a_status_not_dated_before_it(police_target):
    police_target.due, police_target.due_precision = datetime.date(2016, 1, 1), 'month'
    with pytest.raises(ValidationError, match='before the meeting'):
        police_target.full_clean()
    update = DecisionStatusUpdate(decision=police_target, date=datetime.date(2016, 1, 1), status='open')
    with pytest.raises(ValidationError, match='before the meeting'):
        update.full_clean()
    update.date = TODAY + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match='in the future'):
        update.full_clean()


def test_the_database_overdue_filter_agrees_with_the_rule(committee):
    meeting = Meeting.objects.create(forum=committee, date=datetime.date(2018, 1, 1))
    today = datetime.date(2019, 4, 1)
    cases = [
        (datetime.date(2019, 3, 31), 'day', 'open'),
        (datetime.date(2019, 4, 1), 'day', 'open'),
        (datetime.date(2019, 3, 1), 'month', 'in-progress'),
        (datetime.date(2019, 4, 1), 'month', 'open'),
        (datetime.date(2019, 1, 1), 'year', 'open'),
        (datetime.date(2018, 1, 1), 'year', 'open'),
        (datetime.date(2018, 1, 1), 'year', 'done'),
    ]
    made = [
        Decision.objects.create(meeting=meeting, text=f'case {n}', due=due, due_precision=p, status=s)
        for n, (due, p, s) in enumerate(cases)
    ]
    found = set(Decision.objects.filter(overdue_q(today), meeting=meeting).values_list('pk', flat=True))
    assert found == {d.pk for d in made if is_overdue(d.due, d.due_precision, d.status, today)}
    assert len(found) == 3


# Section: status history and the flags


def test_a_status_update_in_place_takes_the_latest_date_and_clears_the_flag(editor, police_target):
    url = f'{FORA}decisions/{police_target.pk}/status/'
    panel = editor.post(url, {'date': '2019-02-01', 'status': 'done'}, HTTP_HX_REQUEST='true')
    assert panel.status_code == 200 and 'id="status-history"' in panel.content.decode()
    police_target.refresh_from_db()
    assert police_target.status == 'in-progress'  # an older report does not overwrite the March 2019 one
    page = editor.get(CAF).content.decode()
    assert 'id="overdue-decisions-table"' in page and '10,000' in page.split('id="overdue-decisions-table"')[1]
    panel = editor.post(
        url, {'date': TODAY.isoformat(), 'status': 'done', 'note': 'Force reached'}, HTTP_HX_REQUEST='true'
    )
    text = panel.content.decode()
    assert 'Force reached' in text and 'id="overdue-flag"' not in text and 'role="status"' in text
    police_target.refresh_from_db()
    assert police_target.status == 'done' and police_target.status_updates.count() == 4
    overdue = editor.get(CAF).content.decode().split('id="overdue-decisions-table"')[1].split('</table>')[0]
    assert '10,000' not in overdue and 'No forum decision is overdue.' in overdue


def test_a_refused_status_is_shown_in_place_and_nothing_is_written(editor, police_target):
    url = f'{FORA}decisions/{police_target.pk}/status/'
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    panel = editor.post(url, {'date': tomorrow, 'status': 'done'}, HTTP_HX_REQUEST='true')
    assert 'is in the future' in panel.content.decode()
    assert police_target.status_updates.count() == 2


def test_overdue_decisions_show_on_the_dashboard_the_home_page_and_the_brief(viewer, police_target):
    dashboard = viewer.get(CAF).content.decode()
    section = dashboard.split('id="overdue-decisions-table"')[1].split('</table>')[0]
    assert police_target.get_absolute_url() in section and police_target.meeting.get_absolute_url() in section
    home = viewer.get('/').content.decode()
    assert 'data-testid="home-overdue-decisions"' in home and police_target.get_absolute_url() in home
    brief = viewer.get(f'{CAF}brief/').content.decode()
    assert 'id="brief-overdue-decisions"' in brief and '10,000' in brief
    civ = viewer.get('/countries/CIV/workspace/').content.decode()
    assert 'No forum decision is overdue.' in civ


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_the_brief_with_overdue_decisions_still_holds_on_one_a4_page(viewer, police_target, language):
    meeting = police_target.meeting
    for number in range(5):  # more overdue decisions than the brief lists
        Decision.objects.create(meeting=meeting, text=f'Overdue decision {number}', due=datetime.date(2018, 1, 1))
    response = viewer.get(f'{CAF}brief.pdf', {'lang': language})
    reader = PdfReader(io.BytesIO(response.content))
    text = ' '.join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert ('Overdue forum decisions' if language == 'en' else 'Décisions d’instances en retard') in text
    assert ('4 more on the dashboard' if language == 'en' else '4 de plus au tableau de bord') in text


# Section: pages and access


def test_the_fora_page_groups_by_level_and_draws_the_structure(viewer, demo):
    page = viewer.get('/countries/CIV/workspace/fora/').content.decode()
    assert (
        page.index('id="level-political"') < page.index('id="level-strategic"') < page.index('id="level-operational"')
    )
    diagram = page.split('id="fora-structure"')[1].split('</svg>')[0]
    assert diagram.count('<rect x="110"') >= 3 and diagram.count('<path d="M') == 2  # S-CNS -> CNS, group -> S-CNS


def test_another_countrys_forum_is_not_found_and_a_viewer_cannot_edit(viewer, client, make_user, committee):
    civ_forum = Forum.objects.get(country__iso3='CIV', acronym='CNS')
    assert viewer.get(f'{FORA}{civ_forum.pk}/').status_code == 404
    assert viewer.get(f'{FORA}{committee.pk}/').status_code == 200
    assert viewer.get(f'{FORA}{committee.pk}/edit/').status_code == 403
    assert viewer.post(f'{FORA}decisions/{Decision.objects.first().pk}/status/', {}).status_code == 403
    client.force_login(make_user('monrovia', Role.COUNTRY_EDITOR, countries=('LBR',)))
    assert client.get(f'{FORA}{committee.pk}/edit/').status_code == 403
    lbr = f'/countries/LBR/workspace/fora/{committee.pk}/edit/'
    assert client.get(lbr).status_code == 404  # a CAR forum under Liberia's workspace


def test_an_editor_adds_a_meeting_with_minutes_and_a_decision_due_last_month(editor, committee):
    minutes = SimpleUploadedFile('minutes.pdf', b'%PDF-1.4 minutes of the meeting', content_type='application/pdf')
    response = editor.post(
        f'{FORA}{committee.pk}/meetings/add/',
        {'date': '2025-02', 'place': 'Bangui', 'summary': 'Review of the police plan.', 'minutes': minutes},
    )
    meeting = Meeting.objects.get(forum=committee, place='Bangui')
    assert response.status_code == 302 and meeting.date_precision == 'month'
    download = editor.get(f'{FORA}meetings/{meeting.pk}/minutes/original/')
    assert b''.join(download.streaming_content).startswith(b'%PDF') and 'minutes.pdf' in download['Content-Disposition']
    last_month = (TODAY.replace(day=1) - datetime.timedelta(days=1)).strftime('%Y-%m')
    response = editor.post(
        f'{FORA}meetings/{meeting.pk}/decisions/add/', {'text': 'Report on recruitment', 'due': last_month}
    )
    decision = Decision.objects.get(meeting=meeting)
    assert response.status_code == 302 and decision.overdue_on(TODAY)
    assert list(decision.status_updates.values_list('status', flat=True)) == ['open']


@pytest.mark.parametrize(
    ('name', 'content', 'message'),
    [
        ('minutes.exe', b'MZ...', 'must be one of'),
        ('minutes.pdf', b'MZ not a pdf', 'does not hold what its name says'),
        ('minutes.pdf', b'%PDF-' + b'0' * (10 * 1024 * 1024), 'at most 10 MB'),
    ],
)
def test_minutes_of_the_wrong_type_or_size_are_refused_naming_the_file(editor, committee, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = editor.post(f'{FORA}{committee.pk}/meetings/add/', {'date': '2025-02', 'minutes': upload})
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text and name in text
    assert not Meeting.objects.filter(forum=committee, date=datetime.date(2025, 2, 1)).exists()


def test_the_decisions_list_filters_and_downloads(viewer, police_target):
    page = viewer.get(f'{FORA}decisions/').content.decode()  # open decisions by default
    assert f'id="decision-{police_target.pk}"' in page and 'Endorse the National DDRR Strategy' not in page
    page = viewer.get(f'{FORA}decisions/', {'status': 'done', 'owner': 'Interior'}).content.decode()
    assert 'Endorse the National Capacity-Building' in page and f'id="decision-{police_target.pk}"' not in page
    csv = viewer.get(f'{FORA}decisions.csv', {'overdue': 'true'}).content.decode('utf-8-sig').splitlines()
    assert len(csv) == 2 and ',2023,in-progress,2019-03-01,true,' in csv[1]
    xlsx = viewer.get(f'{FORA}decisions.xlsx', {'overdue': 'false', 'status': 'done'})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert len(rows) == 1 + Decision.objects.filter(meeting__forum__country__iso3='CAF', status='done').count()
    assert viewer.get(f'{FORA}decisions.csv', {'date': 'soon', 'overdue': 'true'}).status_code == 400


def test_the_api_writes_a_status_and_the_decision_follows(client, make_user, police_target):
    client.force_login(make_user('api-editor', Role.COUNTRY_EDITOR, countries=('CAF',)))
    url = '/api/coordination/decision-status-updates/'
    payload = {'decision': police_target.pk, 'date': TODAY.isoformat(), 'status': 'dropped', 'note': 'Replaced'}
    assert client.post(url, payload, content_type='application/json').status_code == 201
    police_target.refresh_from_db()
    assert police_target.status == 'dropped'
    rows = client.get('/api/coordination/decisions/', {'country': 'CAF', 'overdue': 'true'}).json()['results']
    assert rows == []
    assert client.get('/api/coordination/decisions/', {'date': 'soon'}).status_code == 400


def test_organisations_of_the_demo_are_not_duplicated(demo):
    assert Organisation.objects.filter(acronym='MINUSCA').count() == 1
    assert Country.objects.get(iso3='CAF').fora.filter(chair__acronym='MINUSCA').count() == 2


def test_the_schema_documents_the_fora_endpoints_and_their_filters(viewer):
    schema = viewer.get('/api/schema/', {'format': 'json'}).json()
    for path in ('fora', 'forum-members', 'meetings', 'decisions', 'decision-status-updates'):
        assert f'/api/coordination/{path}/' in schema['paths'], path
    parameters = {p['name'] for p in schema['paths']['/api/coordination/decisions/']['get']['parameters']}
    assert {'country', 'forum', 'owner', 'status', 'overdue', 'date'} <= parameters


def test_history_pages_show_the_changes_of_a_forum_a_meeting_and_a_decision_with_their_parts(
    viewer, client, make_user, police_target
):
    meeting = police_target.meeting
    forum = meeting.forum
    pages = {
        f'{FORA}{forum.pk}/history/': ('Forum member: ', 'created'),
        f'{FORA}meetings/{meeting.pk}/history/': ('first version', 'created'),
        f'{FORA}decisions/{police_target.pk}/history/': ('Decision status update: ', 'created'),
    }
    for url, words in pages.items():
        page = viewer.get(url).content.decode()
        assert all(word in page for word in words), url
    # Each record's page links to its history.
    assert (
        f'href="{FORA}decisions/{police_target.pk}/history/"'
        in viewer.get(police_target.get_absolute_url()).content.decode()
    )
    # Another country's record is not found under this one.
    assert viewer.get(f'/countries/LBR/workspace/fora/{forum.pk}/history/').status_code == 404
    client.logout()
    assert client.get(f'{FORA}{forum.pk}/history/').status_code == 302


def test_an_organisation_that_fora_refer_to_is_not_deleted_through_the_api(client, make_user, demo):
    client.force_login(make_user('api-admin', Role.ADMINISTRATOR))
    minusca = Organisation.objects.get(acronym='MINUSCA')
    response = client.delete(f'/api/coordination/organisations/{minusca.pk}/')
    assert response.status_code == 409, response.content
    detail = response.json()['detail']
    seats = minusca.forum_seats.count()
    assert seats > 1
    assert detail == f'This record cannot be deleted while other records refer to it: {seats} forum members.'
    assert Organisation.objects.filter(pk=minusca.pk).exists()
    french = client.delete(f'/api/coordination/organisations/{minusca.pk}/', HTTP_ACCEPT_LANGUAGE='fr').json()
    assert french['detail'].startswith('Cette fiche ne peut pas être supprimée')
    schema = client.get('/api/schema/', {'format': 'json'}).json()
    assert '409' in schema['paths']['/api/coordination/organisations/{id}/']['delete']['responses']
