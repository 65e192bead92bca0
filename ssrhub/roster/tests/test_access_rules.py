"""Who sees the roster's personal data: roster managers, the person themself (the owner rule), nobody else; exports
leave out contact details unless a roster manager asks, and every export is in the audit log."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from ssrhub.core.access import can, may_attempt
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.framework.models import UNEntity
from ssrhub.roster.models import Candidate, Deployment, ExpertProfile, LanguageSkill, RosterExport, SupportRequest
from ssrhub.roster.services import record_step

pytestmark = pytest.mark.django_db

SECRET = 'only-managers@example.org'


@pytest.fixture
def people(make_user):
    person = make_user('person', Role.VIEWER)
    profiles = {
        'own': ExpertProfile.objects.create(name='Own Expert', email='own@example.org', phone='+1 555', user=person),
        'other': ExpertProfile.objects.create(name='Other Expert', email=SECRET, phone='+2 555'),
    }
    LanguageSkill.objects.create(profile=profiles['own'], language='fr', proficiency=4)
    return {
        'manager': make_user('manager', Role.ROSTER_MANAGER),
        'person': person,
        'viewer': make_user('viewer', Role.VIEWER, countries=('LBR',)),
        'editor': make_user('editor', Role.COUNTRY_EDITOR, countries=('LBR',)),
        'admin': make_user('admin', Role.ADMINISTRATOR),
        **profiles,
    }


def test_restrict_gives_managers_every_profile_and_a_person_their_own(people):
    everyone = set(ExpertProfile.objects.values_list('name', flat=True))
    assert set(ExpertProfile.objects.restrict(people['manager']).values_list('name', flat=True)) == everyone
    assert list(ExpertProfile.objects.restrict(people['person'])) == [people['own']]
    assert list(ExpertProfile.objects.restrict(people['viewer'])) == []
    assert list(ExpertProfile.objects.restrict(people['editor'])) == []
    assert list(LanguageSkill.objects.restrict(people['person'], 'change')) == [people['own'].languages.get()]


def test_the_person_changes_their_profile_but_does_not_delete_it_nor_rate_themself(people):
    person, own = people['person'], people['own']
    assert can(person, 'change', own)
    assert not can(person, 'delete', own)
    assert not can(person, 'change', people['other'])
    deployment = Deployment.objects.create(
        profile=own, country=Country.objects.get(iso3='LBR'), role='Adviser', start=datetime.date(2020, 1, 1)
    )
    assert can(person, 'view', deployment) and not can(person, 'change', deployment)
    assert may_attempt(person, ExpertProfile, 'change') and not may_attempt(person, ExpertProfile, 'add')


@pytest.mark.parametrize(('username', 'status'), [('manager', 200), ('person', 200), ('viewer', 404), ('editor', 404)])
def test_a_profile_page_shows_contacts_to_managers_and_the_person_only(client, people, username, status):
    client.force_login(people[username])
    response = client.get(people['own'].get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert 'own@example.org' in response.content.decode()


def test_anonymous_users_are_sent_to_log_in_or_see_nothing(client, people):
    assert client.get(reverse('roster:profile_list'))['Location'].startswith(reverse('login'))
    assert client.get(people['own'].get_absolute_url()).status_code == 404
    assert client.get(reverse('roster-api:expertprofile-list')).status_code in (401, 403)


def test_the_person_edits_their_own_profile_but_not_the_managers_fields(client, people):
    client.force_login(people['person'])
    url = reverse('roster:profile_edit', args=[people['own'].pk])
    form = client.get(url).context['form']
    assert 'clearance' not in form.fields and 'user' not in form.fields
    data = {
        'name': 'Own Expert',
        'email': 'new@example.org',
        'phone': '',
        'nationality': '',
        'summary': 'Police reform.',
        **{
            f'{p}-{k}': 0
            for p in ('expertise', 'languages', 'regions', 'availability')
            for k in ('TOTAL_FORMS', 'INITIAL_FORMS')
        },
    }
    data.update({'languages-TOTAL_FORMS': 1, 'languages-0-language': 'ar', 'languages-0-proficiency': 2})
    response = client.post(url, data)
    assert response.status_code == 302
    people['own'].refresh_from_db()
    assert people['own'].email == 'new@example.org'
    assert set(people['own'].languages.values_list('language', flat=True)) == {'fr', 'ar'}
    assert client.post(reverse('roster:profile_edit', args=[people['other'].pk]), data).status_code == 404


def test_the_person_reaches_their_profile_from_the_user_menu(client, people):
    client.force_login(people['person'])
    home = client.get('/').content.decode()
    assert reverse('roster:my_profile') in home
    assert client.get(reverse('roster:my_profile'))['Location'] == people['own'].get_absolute_url()
    client.force_login(people['viewer'])
    assert reverse('roster:my_profile') not in client.get('/').content.decode()
    assert client.get(reverse('roster:my_profile')).status_code == 404


def test_the_api_follows_the_same_rules(client, people):
    url = reverse('roster-api:expertprofile-list')
    client.force_login(people['person'])
    assert [row['name'] for row in client.get(url).json()['results']] == ['Own Expert']
    detail = reverse('roster-api:expertprofile-detail', args=[people['own'].pk])
    response = client.patch(detail, {'summary': 'Changed', 'clearance': 'national'}, content_type='application/json')
    assert response.status_code == 200, response.content
    people['own'].refresh_from_db()
    assert (people['own'].summary, people['own'].clearance) == ('Changed', 'none')  # clearance is the manager's
    other = reverse('roster-api:expertprofile-detail', args=[people['other'].pk])
    assert client.patch(other, {'summary': 'x'}, content_type='application/json').status_code == 404
    assert client.post(url, {'name': 'New'}, content_type='application/json').status_code == 403
    client.force_login(people['manager'])
    assert len(client.get(url).json()['results']) == 2
    client.force_login(people['editor'])
    assert client.get(url).json()['results'] == []


def test_a_manager_records_a_rated_deployment_that_the_person_reads_but_cannot_rate(client, people):
    url = reverse('roster-api:deployment-list')
    client.force_login(people['manager'])
    payload = {'profile': people['own'].pk, 'mission': 'UNMIL', 'role': 'Police adviser', 'start': '2016-01-04',
               'end': '2016-12-23', 'rating': 4, 'rating_comment': 'Vetting files done on time'}  # fmt: skip
    response = client.post(url, payload, content_type='application/json')
    assert response.status_code == 201, response.content
    for bad, error in (({'rating': 9}, 'less than or equal to 5'), ({'mission': None}, 'country or the mission')):
        response = client.post(url, {**payload, **bad}, content_type='application/json')
        assert response.status_code == 400 and error in str(response.json())
    assert people['own'].deployments.count() == 1
    client.force_login(people['person'])
    [read] = client.get(url).json()['results']
    assert (read['mission'], read['rating']) == ('UNMIL', 4)
    detail = reverse('roster-api:deployment-detail', args=[read['id']])
    assert client.patch(detail, {'rating': 5}, content_type='application/json').status_code == 403
    client.force_login(people['editor'])
    assert client.get(url).json()['results'] == []


def _rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))


def test_exports_leave_out_contacts_unless_a_manager_asks_and_are_audited(client, people):
    client.force_login(people['manager'])
    plain = client.get(reverse('roster:profile_export', args=['csv']) + '?language=fr')
    rows = _rows(plain)
    assert [row['Name'] for row in rows] == ['Own Expert']
    assert 'E-mail' not in rows[0] and SECRET not in plain.content.decode()
    full = client.get(reverse('roster:profile_export', args=['csv']) + '?contacts=1')
    assert SECRET in full.content.decode()
    log = list(RosterExport.objects.order_by('created'))
    assert [(e.user, e.contacts, e.rows, e.query) for e in log] == [
        (people['manager'], False, 1, 'language=fr'),
        (people['manager'], True, 2, ''),
    ]
    client.force_login(people['person'])
    assert client.get(reverse('roster:profile_export', args=['csv']) + '?contacts=1').status_code == 403
    assert RosterExport.objects.count() == 2
    assert client.get(reverse('roster:export_list')).status_code == 403
    client.force_login(people['admin'])
    page = client.get(reverse('roster:export_list')).content.decode()
    assert page.count('id="export-') == 2


def test_candidate_names_are_for_roster_managers_only(client, people):
    request = SupportRequest.objects.create(
        country=Country.objects.get(iso3='LBR'), title='Justice adviser', requested_by='Ministry of Justice'
    )
    request.addressees.set([UNEntity.objects.get(code='GFP')])
    record_step(request, 'requested', datetime.date(2026, 1, 5))
    for profile in (people['own'], people['other']):
        Candidate.objects.create(request=request, profile=profile, proposed=datetime.date(2026, 1, 10))
    for username in ('viewer', 'editor'):
        client.force_login(people[username])
        page = client.get(request.get_absolute_url()).content.decode()
        assert '2 candidates proposed.' in page
        assert 'Other Expert' not in page and 'Own Expert' not in page
        api = client.get(reverse('roster-api:supportrequest-detail', args=[request.pk])).json()
        assert (api['candidate_count'], api['candidates']) == (2, None)
    client.force_login(people['manager'])
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'Other Expert' in page and 'Own Expert' in page


def test_the_global_search_finds_profiles_for_managers_and_the_person_only(people):
    from ssrhub.core.searching import global_search

    def names(user):
        page = global_search(user, 'Expert', kind='expert-profiles').page
        return sorted(''.join(part for part, _marked in hit['title']) for hit in page) if page else []

    assert names(people['manager']) == ['Other Expert', 'Own Expert']
    assert names(people['person']) == ['Own Expert']
    assert names(people['viewer']) == []
