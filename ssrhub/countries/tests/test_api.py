"""API of the country workspaces (``/api/countries/``) on the demo workspaces (``countries/data/demo``):
Liberia's 2008 National Security Strategy, whose one-page Implementation Schedule answers none of its threats (book,
chapter 8, lines 1903-1905), the Central African army counted differently by the defence ministry and the payroll
(chapter 7, line 1669), and UNMIL's deployment, dated by two sources to two different days."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone, translation
from rest_framework.test import APIClient

from ssrhub.core.models import Country, SourceCitation
from ssrhub.core.roles import Role
from ssrhub.countries.demo import load_country_demo
from ssrhub.countries.models import (
    ActionStatusUpdate,
    Actor,
    Assessment,
    AssessmentRating,
    EventDate,
    Headcount,
    NationalDocument,
    TimelineEvent,
)
from ssrhub.countries.views.assessments import framework_items, latest_framework_version

pytestmark = pytest.mark.django_db

API = '/api/countries/'
LIST_ENDPOINTS = [
    'engagements/',
    'actors/',
    'actor-relations/',
    'headcounts/',
    'assessments/',
    'documents/',
    'timeline-events/',
]
# The user's permissions (2 queries, cached after the first request), the count, the page, then one query per
# prefetched relation, whatever the number of rows.
MAX_QUERIES = {
    'engagements/': 2 + 2 + 3,  # citations, stages, their citations
    'actors/': 2 + 2 + 2,  # citations, headcounts
    'actor-relations/': 2 + 2 + 1,
    'headcounts/': 2 + 2 + 1,
    'assessments/': 2 + 2 + 3,  # citations, ratings, their citations
    'documents/': 2 + 2 + 14,  # citations; threats, objectives, pillars, actions and theirs; 5 many-to-many and history
    'timeline-events/': 2 + 2 + 3,  # citations, dates, their citations
}
NSS = 'National Security Strategy of the Republic of Liberia (2008)'
ISL = 'Implementation Schedule of the National Security Strategy (ISL)'
NSS_THREATS = [
    'Land and property disputes',
    'Ethnic tensions',
    'Poverty and unemployment',
    'Poor management of natural resources',
]


def cite(obj, **fields):
    return SourceCitation.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, **fields
    )


def make_assessment(iso3, title, on, ratings, **extra):
    """An assessment with ``ratings``: code -> (score or compliance, evidence, (chapter, lines) or None)."""
    version = latest_framework_version()
    assessment = Assessment.objects.create(
        country=Country.objects.get(iso3=iso3), title=title, date=on, framework_version=version, **extra
    )
    items = {item.code: item for item in framework_items(version)}
    for code, (value, evidence, book) in ratings.items():
        rating = AssessmentRating(assessment=assessment, item=items[code], evidence=evidence)
        if isinstance(value, int):
            rating.score = value
        else:
            rating.compliance = value
        rating.full_clean()
        rating.save()
        if book:
            cite(rating, book_chapter=book[0], book_lines=book[1])
    return assessment


def load_demo():
    """The CAF, CIV and LBR demo workspaces, and for Liberia: a dependency and a status report in the schedule, a
    second and a third source dating UNMIL's deployment, UNMIL's troops (15,000 in October 2007, 8,000 in May 2010:
    book, chapter 12, line 2892), an assessment of the 2012 expenditure review; and a Central African assessment."""
    load_country_demo()
    schedule = NationalDocument.objects.get(title=ISL)
    actions = {action.ref: action for action in schedule.actions.all()}
    actions['9'].depends_on.add(actions['4'])  # the shape of test_workspace_views: officers after the budget
    ActionStatusUpdate.objects.create(
        action=actions['4'],
        date=date(2012, 7, 1),
        status='done',
        note='The 2012-2013 budget took up many recommendations of the expenditure review.',
    )
    actions['4'].status = 'done'  # the latest update's, as the status form sets it
    actions['4'].save()
    deployment = TimelineEvent.objects.get(country__iso3='LBR', title='UNMIL deployed under resolution 1509')
    adopted = EventDate.objects.create(event=deployment, date=date(2003, 9, 19), source='Resolution 1509 (2003)')
    cite(adopted, symbol='S/RES/1509 (2003)')
    EventDate.objects.create(event=deployment, date=date(2003, 10, 1), source='UNMIL took over from ECOMIL')
    unmil = Actor.objects.create(
        country=deployment.country,
        name='United Nations Mission in Liberia',
        acronym='UNMIL',
        area='core-security-actors',
        type='international',
        note='Provided security until the Government took over on 30 June 2016.',
    )
    cite(unmil, book_chapter=8, book_lines='1909')
    for on, count in [(date(2007, 10, 1), 15000), (date(2010, 5, 1), 8000)]:
        headcount = Headcount.objects.create(actor=unmil, date=on, count=count, basis='troops')
        cite(headcount, book_chapter=12, book_lines='2892')
    review = make_assessment(
        'LBR',
        'Security sector public expenditure review',
        date(2012, 6, 30),
        {
            'feature.governance-management': (
                1,
                "The Ministry of Finance set the sector's resource envelope with little input from the sector.",
                (12, '2904'),
            ),
            'principle.national-ownership': ('met', "Carried out at the Government's request.", (12, '2888')),
        },
        assessed_by='UNMIL and the World Bank',
    )
    cite(review, book_chapter=12, book_lines='2896-2900')
    make_assessment(
        'CAF',
        'SSR baseline after the National Security Policy',
        date(2017, 3, 31),
        {
            'feature.capacities': (
                0,
                'Ministry database counts 7,465 soldiers against 8,400 on the payroll.',
                (7, '1669'),
            )
        },
    )
    return {'schedule': schedule, 'actions': actions, 'deployment': deployment}


@pytest.fixture(scope='module')
def demo(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        return load_demo()


@pytest.fixture
def viewer(make_user):
    api = APIClient()
    api.force_authenticate(make_user('reader', Role.VIEWER))
    return api


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()['results']


def by(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


# Section: access


def test_reading_needs_an_account_and_a_role(make_user, demo):
    api = APIClient()
    for endpoint in LIST_ENDPOINTS:
        assert api.get(API + endpoint).status_code in (401, 403), endpoint
    api.force_authenticate(make_user('nobody'))
    for endpoint in LIST_ENDPOINTS:
        assert api.get(API + endpoint).status_code == 403, endpoint
        assert api.get(f'{API}{endpoint}1/').status_code == 403, endpoint
    api.force_authenticate(make_user('bangui', Role.COUNTRY_EDITOR, countries=('CAF',)))
    for endpoint in LIST_ENDPOINTS:  # every role reads every country
        rows = results(api.get(API + endpoint, {'country': 'LBR'}))
        assert rows and api.get(f'{API}{endpoint}{rows[0]["id"]}/').json() == rows[0], endpoint


def test_checks_need_a_role_and_writes_are_refused(make_user, demo):
    url = f'{API}documents/{demo["schedule"].pk}/checks/'
    api = APIClient()
    assert api.get(url).status_code in (401, 403)
    api.force_authenticate(make_user('nobody'))
    assert api.get(url).status_code == 403
    api.force_authenticate(make_user('reader', Role.VIEWER, countries=('LBR',)))
    assert api.post(f'{API}documents/', {'title': 'National Security Strategy (2017)'}).status_code == 403
    assert api.delete(f'{API}documents/{demo["schedule"].pk}/').status_code == 403
    api.force_authenticate(make_user('monrovia', Role.COUNTRY_EDITOR, countries=('LBR',)))
    assert api.post(f'{API}documents/', {'title': 'National Security Strategy (2017)'}).status_code == 400
    assert NationalDocument.objects.filter(title=ISL).exists()


# Section: writes


@pytest.fixture
def editor(make_user):
    api = APIClient()
    api.force_authenticate(make_user('monrovia', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return api


def test_an_editor_writes_the_records_of_their_country_with_history(editor, demo):
    payload = {
        'country': 'LBR',
        'name': 'Liberia Drug Enforcement Agency',
        'area': 'core-security-actors',
        'type': 'police',
    }
    created = editor.post(f'{API}actors/', payload, format='json')
    assert created.status_code == 201, created.content
    actor = Actor.objects.get(pk=created.json()['id'])
    assert created.json() == editor.get(f'{API}actors/{actor.pk}/').json()
    assert actor.history.latest().history_user.username == 'monrovia'
    headcount = editor.post(
        f'{API}headcounts/', {'actor': actor.pk, 'date': '2020-01-01', 'count': 1200, 'basis': 'payroll'}
    )
    assert headcount.status_code == 201, headcount.content
    assert headcount.json()['country'] == 'LBR' and headcount.json()['actor_name'] == payload['name']
    changed = editor.patch(f'{API}actors/{actor.pk}/', {'type': 'intelligence'}, format='json')
    assert changed.status_code == 200 and changed.json()['type'] == 'intelligence'
    assert editor.delete(f'{API}actors/{actor.pk}/').status_code == 204
    assert not Actor.objects.filter(pk=actor.pk).exists()
    assert actor.history.model.objects.filter(id=actor.pk, history_type='-').get().history_user.username == 'monrovia'


def test_an_editor_cannot_write_in_another_country(editor, demo):
    liberian = Actor.objects.filter(country__iso3='LBR').first()
    central_african = Actor.objects.filter(country__iso3='CAF').first()
    before = list(Actor.objects.values_list('pk', 'country__iso3', 'name').order_by('pk'))
    payload = {'country': 'CAF', 'name': 'Gendarmerie', 'area': 'core-security-actors', 'type': 'police'}
    response = editor.post(f'{API}actors/', payload, format='json')
    assert response.status_code == 403, response.content
    assert editor.patch(f'{API}actors/{liberian.pk}/', {'country': 'CAF'}, format='json').status_code == 403
    assert editor.patch(f'{API}actors/{central_african.pk}/', {'note': 'x'}, format='json').status_code == 403
    assert editor.delete(f'{API}actors/{central_african.pk}/').status_code == 403
    relation = {'from_actor': liberian.pk, 'kind': 'oversees', 'to_actor': central_african.pk}
    assert editor.post(f'{API}actor-relations/', relation, format='json').status_code == 400
    assert list(Actor.objects.values_list('pk', 'country__iso3', 'name').order_by('pk')) == before


def test_writes_are_validated_as_on_the_pages(editor, demo):
    schedule = demo['schedule']
    foreign = NationalDocument.objects.filter(country__iso3='CAF').first()
    response = editor.patch(f'{API}documents/{schedule.pk}/', {'parent': foreign.pk}, format='json')
    assert response.status_code == 400 and 'parent' in response.json()
    response = editor.patch(f'{API}engagements/{schedule.country.engagement.pk}/', {'setting': 'x'}, format='json')
    assert response.status_code == 400 and 'setting' in response.json()
    second = {'country': 'LBR', 'setting': 'pko', 'request_date': '2003-08-18'}
    response = editor.post(f'{API}engagements/', second, format='json')
    assert response.status_code == 400 and 'country' in response.json()


def test_an_assessment_created_through_the_api_rates_the_current_framework(editor, demo):
    payload = {'country': 'LBR', 'title': 'Review of 2024', 'date': '2024-06-30'}
    response = editor.post(f'{API}assessments/', payload, format='json')
    assert response.status_code == 201, response.content
    assert Assessment.objects.get(pk=response.json()['id']).framework_version == latest_framework_version()
    assert response.json()['ratings'] == []


# Section: filters and content


def test_every_list_filters_by_country(viewer, demo):
    for endpoint in LIST_ENDPOINTS:
        everything = results(viewer.get(API + endpoint, {'page_size': 1000}))
        liberia = results(viewer.get(API + endpoint, {'country': 'LBR', 'page_size': 1000}))
        assert liberia and {row['country'] for row in liberia} == {'LBR'}, endpoint
        assert len({row['country'] for row in everything}) > 1, endpoint
        assert results(viewer.get(API + endpoint, {'country': 'lbr', 'page_size': 1000})) == liberia, endpoint
        assert results(viewer.get(API + endpoint, {'country': 'XYZ'})) == [], endpoint


def test_engagement_has_its_legal_basis_and_stages_in_lifecycle_order(viewer, demo):
    engagement = results(viewer.get(f'{API}engagements/', {'country': 'LBR'}))[0]
    assert engagement['mission'] == 'UNMIL' and engagement['mandate_symbol'] == 'S/RES/1509 (2003)'
    assert engagement['setting'] == 'pko' and engagement['national_lead'] == 'National Security Council'
    assert {'symbol': 'S/RES/1509 (2003)', 'paragraph': '', 'text': 'S/RES/1509 (2003)'} in engagement['citations']
    stages = [stage['stage'] for stage in engagement['stages']]
    assert stages == [
        'request',
        'assessment',
        'dialogue',
        'mechanism',
        'strategy',
        'plans',
        'programming',
        'transition',
    ]
    transition = engagement['stages'][-1]
    assert (transition['start'], transition['end'], transition['led_by']) == ('2007-10-01', '2016-06-30', 'joint')
    assert {citation['book']['lines'] for citation in transition['citations']} == {'2892', '1909'}


def test_actors_carry_their_latest_headcounts_and_disagreeing_sources(viewer, demo):
    actors = by(results(viewer.get(f'{API}actors/', {'country': 'CAF', 'page_size': 100})), 'acronym')
    faca = actors['FACA']  # the defence ministry's database, the payroll, then the verified identities
    assert faca['headcounts_disagree'] is True
    assert [(h['date'], h['count']) for h in faca['latest_headcounts']] == [
        ('2018-02-15', 7737),
        ('2017-01-01', 8400),
        ('2017-01-01', 7465),
    ]
    assert faca['latest_headcounts'][0]['source'] == 'The book says "by mid-February 2018"'
    liberia = by(results(viewer.get(f'{API}actors/', {'country': 'LBR', 'area': 'core-security-actors'})), 'name')
    unmil = liberia['United Nations Mission in Liberia']  # one source, so only its newest count
    assert [(h['date'], h['count']) for h in unmil['latest_headcounts']] == [('2010-05-01', 8000)]
    assert unmil['headcounts_disagree'] is False
    police = liberia['Liberian National Police']
    assert police['type'] == 'police' and police['latest_headcounts'] == []
    assert [c['book'] for c in police['citations']][:2] == [
        {'chapter': 12, 'lines': '2896'},
        {'chapter': 12, 'lines': '2900'},
    ]
    assert 'Ministry of Finance' not in liberia  # the area filter


def test_headcounts_and_relations_name_their_actors(viewer, demo):
    headcounts = results(viewer.get(f'{API}headcounts/', {'country': 'CAF', 'page_size': 100}))
    payroll = next(h for h in headcounts if h['basis'] == 'on the Ministry of Finance payroll')
    assert (payroll['actor_name'], payroll['count'], payroll['date']) == (
        'Central African Armed Forces',
        8400,
        '2017-01-01',
    )
    assert [c['book'] for c in payroll['citations']] == [{'chapter': 7, 'lines': '1669'}]
    by_actor = results(viewer.get(f'{API}headcounts/', {'actor': payroll['actor']}))
    assert [h['count'] for h in by_actor] == [7737, 7465, 8400]  # newest first
    liberia = results(viewer.get(f'{API}headcounts/', {'country': 'LBR'}))
    assert [(h['date'], h['count'], h['basis']) for h in liberia] == [
        ('2010-05-01', 8000, 'troops'),
        ('2007-10-01', 15000, 'troops'),
    ]
    relation = results(viewer.get(f'{API}actor-relations/', {'country': 'LBR'}))[0]
    assert (relation['from_actor_name'], relation['kind'], relation['to_actor_name']) == (
        'Ministry of Finance',
        'funds',
        'Liberian National Police',
    )
    assert relation['note'].startswith('The 2012-2013 budget raised the police allocation')
    assert results(viewer.get(f'{API}actor-relations/', {'actor': relation['to_actor']})) == [relation]


def test_assessments_nest_their_ratings(viewer, demo):
    review = results(viewer.get(f'{API}assessments/', {'country': 'LBR'}))[0]
    assert review['title'] == 'Security sector public expenditure review' and review['framework'] == 'un-ssr'
    assert review['citations'][0]['book'] == {'chapter': 12, 'lines': '2896-2900'}
    ratings = by(review['ratings'], 'item')
    governance = ratings['feature.governance-management']
    assert (governance['score'], governance['compliance']) == (1, '')
    assert governance['evidence'].startswith('The Ministry of Finance set')
    assert governance['citations'][0]['book'] == {'chapter': 12, 'lines': '2904'}
    ownership = ratings['principle.national-ownership']
    assert (ownership['score'], ownership['compliance']) == (None, 'met')


def test_documents_nest_threats_actions_dependencies_and_status_history(viewer, demo):
    documents = by(results(viewer.get(f'{API}documents/', {'country': 'LBR'})), 'title')
    strategy, schedule = documents[NSS], documents[ISL]
    assert (strategy['kind'], strategy['status'], strategy['adopted']) == ('strategy', 'adopted', '2008-01-01')
    assert [threat['title'] for threat in strategy['threats']] == NSS_THREATS
    assert strategy['threats'][0]['citations'][0]['book'] == {'chapter': 8, 'lines': '1905'}
    assert schedule['kind'] == 'plan' and schedule['parent'] == strategy['id'] and schedule['threats'] == []
    actions = by(schedule['actions'], 'ref')
    assert actions['9']['depends_on'] == [demo['actions']['4'].pk] and actions['4']['depends_on'] == []
    assert actions['9']['kind'] == 'operation' and actions['3']['status'] == 'done' and actions['4']['status'] == 'done'
    assert actions['4']['status_history'] == [
        {
            'date': '2012-07-01',
            'status': 'done',
            'note': 'The 2012-2013 budget took up many recommendations of the expenditure review.',
        }
    ]
    assert all(action['threats'] == [] and action['objectives'] == [] for action in schedule['actions'])
    plans = results(viewer.get(f'{API}documents/', {'country': 'LBR', 'kind': 'plan'}))
    assert [document['title'] for document in plans] == [ISL]
    detail = viewer.get(f'{API}documents/{demo["schedule"].pk}/').json()
    assert detail == schedule


def test_documents_nest_pillars_and_objectives_and_actions_name_theirs(viewer, demo):
    """The Central African police and gendarmerie plan: action 4 (recruit 250 police officers and 250 gendarmes)
    sits in pillar 2 and answers objective O1 (a force 10,000 strong by 2023)."""
    plan = NationalDocument.objects.get(objectives__title='A police and gendarmerie force 10,000 strong by 2023')
    body = viewer.get(f'{API}documents/{plan.pk}/').json()
    pillars, objectives, actions = by(body['pillars'], 'ref'), by(body['objectives'], 'ref'), by(body['actions'], 'ref')
    assert list(pillars) == ['1', '2', '3', '4', '5'] and pillars['1']['title'] == 'Legal and regulatory framework'
    assert (
        objectives['O1']['indicator'].startswith('Police and gendarmerie strength')
        and objectives['O1']['threats'] == []
    )
    assert [c['book']['lines'] for c in objectives['O1']['citations']] == ['1679', '1694']
    recruit = actions['4']
    assert recruit['title'] == 'Recruit 250 police officers and 250 gendarmes' and recruit['status'] == 'done'
    assert recruit['pillar'] == pillars['2']['id'] and recruit['objectives'] == [objectives['O1']['id']]
    assert actions['1']['status'] == 'behind' and actions['2']['pillar'] is None


def test_timeline_events_keep_every_date_and_say_when_sources_disagree(viewer, demo):
    events = by(results(viewer.get(f'{API}timeline-events/', {'country': 'LBR', 'page_size': 100})), 'title')
    deployment = events['UNMIL deployed under resolution 1509']
    assert deployment['disputed'] is True
    assert [(d['date'], d['precision'], d['iso']) for d in deployment['dates']] == [
        ('2003-01-01', 'year', '2003'),
        ('2003-09-19', 'day', '2003-09-19'),
        ('2003-10-01', 'day', '2003-10-01'),
    ]
    resolution = deployment['dates'][1]
    assert resolution['source'] == 'Resolution 1509 (2003)'
    assert resolution['citations'] == [{'symbol': 'S/RES/1509 (2003)', 'paragraph': '', 'text': 'S/RES/1509 (2003)'}]
    assert deployment['dates'][0]['citations'][0]['book'] == {'chapter': 12, 'lines': '2892'}
    handover = events['Security responsibilities transferred from UNMIL to the Government']
    assert handover['disputed'] is False and handover['dates'][0]['date'] == '2016-06-30'
    titles = list(events)
    assert titles[0] == 'Civil war begins' and titles.index('Peace agreement of 1996') < titles.index(
        'Comprehensive Peace Agreement signed in Accra'
    )  # by earliest date
    agreements = results(viewer.get(f'{API}timeline-events/', {'country': 'LBR', 'kind': 'agreement'}))
    assert {event['title'] for event in agreements} == {
        'Peace agreement of 1996',
        'Comprehensive Peace Agreement signed in Accra',
    }


# Section: plan checks


def test_checks_list_the_threats_the_schedule_leaves_uncovered(viewer, demo):
    response = viewer.get(f'{API}documents/{demo["schedule"].pk}/checks/', {'date': '2009-01-15'})
    assert response.status_code == 200
    body = response.json()
    assert body['document'] == demo['schedule'].pk and body['date'] == '2009-01-15'
    alignment = [finding for finding in body['findings'] if finding['check'] == 'alignment']
    assert [finding['subject'] for finding in alignment] == NSS_THREATS
    assert all(finding['severity'] == 'error' for finding in alignment)
    assert alignment[0]['message'] == 'No action answers this threat.' and alignment[0]['label'] == 'Unanswered'
    assert alignment[0]['code'] == 'not-answered' and alignment[0]['params'] == {
        'kind': 'threat',
        'count': 0,
        'actions': [],
    }
    assert alignment[0]['subject_key'].startswith('threat:') and alignment[0]['related_keys'] == []
    french = viewer.get(
        f'{API}documents/{demo["schedule"].pk}/checks/', {'date': '2009-01-15'}, HTTP_ACCEPT_LANGUAGE='fr'
    )
    assert [f['message'] for f in french.json()['findings'] if f['check'] == 'alignment'][0] == (
        'Aucune action ne répond à cette menace.'
    )
    today = viewer.get(f'{API}documents/{demo["schedule"].pk}/checks/').json()
    assert today['date'] == date.today().isoformat()
    assert [f['subject'] for f in today['findings'] if f['check'] == 'alignment'] == NSS_THREATS


def test_checks_refuse_a_bad_date_in_the_user_language(viewer, demo):
    url = f'{API}documents/{demo["schedule"].pk}/checks/'
    with translation.override('en'):
        for value in ['2009-13-01', 'January 2009', '15/01/2009']:
            response = viewer.get(url, {'date': value})
            assert response.status_code == 400, value
            assert response.json() == {
                'date': [f'“{value}” is not a date. Enter the date as YYYY-MM-DD, for example 1993-12-31.']
            }
        french = viewer.get(url, {'date': '15/01/2009'}, HTTP_ACCEPT_LANGUAGE='fr')
    assert french.status_code == 400
    assert french.json() == {
        'date': [
            '«\u00a015/01/2009\u00a0» n’est pas une date. Saisissez la date au format AAAA-MM-JJ, '
            'par exemple 1993-12-31.'
        ]
    }


def test_checks_of_an_unknown_document_are_not_found(viewer, demo):
    assert viewer.get(f'{API}documents/999999/checks/').status_code == 404


# Section: performance and schema


def test_lists_use_a_bounded_number_of_queries(viewer, demo, django_assert_max_num_queries):
    """Every row of the three demo countries in one page: the queries do not grow with the rows."""
    for endpoint in LIST_ENDPOINTS:
        with django_assert_max_num_queries(MAX_QUERIES[endpoint]):
            assert len(results(viewer.get(API + endpoint, {'page_size': 1000}))) > 1, endpoint


def test_schema_documents_every_endpoint_and_parameter(viewer, tmp_path):
    response = viewer.get('/api/schema/', {'format': 'json'})
    assert response.status_code == 200
    schema = response.json()
    paths = schema['paths']
    for endpoint in LIST_ENDPOINTS:
        assert f'{API}{endpoint}' in paths and f'{API}{endpoint}{{id}}/' in paths
        parameters = {parameter['name'] for parameter in paths[f'{API}{endpoint}']['get']['parameters']}
        assert 'country' in parameters, endpoint
    checks = paths[f'{API}documents/{{id}}/checks/']['get']
    assert [parameter['name'] for parameter in checks['parameters'] if parameter['in'] == 'query'] == ['date']
    components = schema['components']['schemas']
    assert {'citations', 'source', 'threats', 'actions'} <= components['NationalDocument']['properties'].keys()
    assert 'depends_on' in components['Action']['properties']
    assert 'disputed' in components['TimelineEvent']['properties']
    assert components['DocumentChecks']['properties']['findings']['items'] == {'$ref': '#/components/schemas/Finding'}
    # The whole schema is valid and generates without a warning.
    call_command('spectacular', '--validate', '--fail-on-warn', '--file', str(tmp_path / 'schema.yaml'))


def test_an_editor_records_the_engagement_of_a_country_without_one(make_user, demo):
    api = APIClient()
    api.force_authenticate(make_user('freetown', Role.COUNTRY_EDITOR, countries=('SLE',)))
    payload = {'country': 'SLE', 'setting': 'pko', 'request_date': '1999-10-22', 'mission': 'UNAMSIL'}
    response = api.post(f'{API}engagements/', payload, format='json')
    assert response.status_code == 201, response.content
    assert response.json()['mission'] == 'UNAMSIL' and response.json()['stages'] == []
    engagement = Country.objects.get(iso3='SLE').engagement
    assert engagement.history.latest().history_user.username == 'freetown'
    assert api.post(f'{API}engagements/', payload, format='json').status_code == 400


def test_partial_dates_keep_their_precision_and_future_counts_are_refused(editor, demo):
    schedule = demo['schedule']
    response = editor.patch(f'{API}documents/{schedule.pk}/', {'adopted': 'March 2009', 'due': '2008'}, format='json')
    assert response.status_code == 200, response.content
    assert (response.json()['adopted'], response.json()['due']) == ('2009-03', '2008')
    schedule.refresh_from_db()
    assert (schedule.adopted, schedule.adopted_precision) == (date(2009, 3, 1), 'month')
    response = editor.patch(f'{API}documents/{schedule.pk}/', {'adopted': '2009-02-30', 'due': 'soon'}, format='json')
    assert response.status_code == 400
    assert response.json() == {
        'adopted': ['There is no such day or month: 2009-02-30.'],
        'due': ['Enter a date as 2019-03-14, 2019-03 (a month) or 2019 (a year); “March 2019” works too.'],
    }
    actor = Actor.objects.filter(country__iso3='LBR').first()
    future = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = editor.post(f'{API}headcounts/', {'actor': actor.pk, 'date': future, 'count': 10}, format='json')
    assert response.status_code == 400
    assert response.json()['date'][0].startswith(f'{future} is in the future')
