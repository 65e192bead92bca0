"""The API writes an activity's parts one by one, as the activity's page does: money in the user's countries only,
validated by the model (a period that ends before it starts, an unknown currency), and read back with the activity."""

import datetime

import pytest

from ssrhub.coordination.models import Activity, Organisation
from ssrhub.core.models import Country
from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

PARTS = '/api/coordination/'


@pytest.fixture
def activities():
    partner = Organisation.objects.create(name='Partner A', iati_ref='XM-A-1', type='10')
    made = {}
    for iso3 in ('LBR', 'CAF'):
        made[iso3] = Activity.objects.create(
            iati_identifier=f'XM-A-1-{iso3}', reporting_organisation=partner, country=Country.objects.get(iso3=iso3),
            title=f'Police reform {iso3}', status='2', planned_start=datetime.date(2020, 1, 1), default_currency='USD',
        )  # fmt: skip
    return made


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('lbr-editor', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return client


def commitment(activity, **changes):
    values = {'activity': activity.pk, 'type': '2', 'date': '2020-02-01', 'value': '250000.00', 'currency': 'USD',
              'value_date': '2020-02-01'}  # fmt: skip
    return {**values, **changes}


def test_an_editor_records_a_commitment_and_reads_it_with_the_activity(editor, activities):
    response = editor.post(f'{PARTS}transactions/', commitment(activities['LBR']), content_type='application/json')
    assert response.status_code == 201, response.content
    assert response.json()['country'] == 'LBR'
    activity = editor.get(f'{PARTS}activities/{activities["LBR"].pk}/').json()
    assert [(t['type'], t['value'], t['currency']) for t in activity['transactions']] == [('2', '250000.00', 'USD')]
    listed = editor.get(f'{PARTS}transactions/', {'country': 'CAF'}).json()['results']
    assert listed == []


def test_money_of_another_country_is_refused_and_nothing_is_written(editor, activities):
    response = editor.post(f'{PARTS}transactions/', commitment(activities['CAF']), content_type='application/json')
    assert response.status_code == 403
    assert not activities['CAF'].transactions.exists()


@pytest.mark.parametrize(
    ('path', 'payload', 'field'),
    [
        ('transactions/', {'currency': 'XYZ'}, 'currency'),
        ('transactions/', {'type': '99'}, 'type'),
        ('budgets/', {'period_start': '2021-01-01', 'period_end': '2020-01-01', 'value_date': '2020-01-01'}, None),
    ],
)
def test_bad_money_gets_a_clear_error(editor, activities, path, payload, field):
    values = commitment(activities['LBR'], **payload)
    if path == 'budgets/':
        values = {k: v for k, v in values.items() if k not in ('type', 'date')}
    response = editor.post(f'{PARTS}{path}', values, content_type='application/json')
    assert response.status_code == 400
    errors = response.json()
    assert (field in errors) if field else ('ends after it starts' in str(errors))
    assert not activities['LBR'].transactions.exists() and not activities['LBR'].budgets.exists()


def test_the_schema_documents_the_parts_endpoints(editor):
    schema = editor.get('/api/schema/', {'format': 'json'}).json()
    for path in ('activity-participants', 'activity-sectors', 'activity-policy-markers', 'activity-locations',
                 'budgets', 'transactions', 'activity-links', 'admin-areas', 'threew-imports', 'recipient-countries',
                 'results', 'result-indicators', 'result-periods'):  # fmt: skip
        assert f'/api/coordination/{path}/' in schema['paths'], path
        parameters = {p['name'] for p in schema['paths'][f'/api/coordination/{path}/']['get']['parameters']}
        assert 'country' in parameters, path


def test_imports_and_codelists_are_read_through_the_api(editor, activities):
    sector = editor.get(f'{PARTS}codelist-items/', {'codelist': 'Sector', 'code': '15210'}).json()['results']
    assert [(item['code'], bool(item['name_fr'])) for item in sector] == [('15210', True)]
    assert editor.get(f'{PARTS}iati-imports/').status_code == 200
    assert editor.get(f'{PARTS}threew-imports/', {'country': 'LBR'}).json()['results'] == []
    assert editor.post(f'{PARTS}iati-imports/', {}).status_code == 405


def test_an_editor_records_a_result_its_indicator_and_a_period_and_reads_them_with_the_activity(editor, activities):
    def post(path, payload):
        response = editor.post(f'{PARTS}{path}/', payload, content_type='application/json')
        assert response.status_code == 201, response.content
        return response.json()

    result = post('results', {'activity': activities['LBR'].pk, 'type': '2', 'title': 'Vetted police in service'})
    indicator = post('result-indicators', {'result': result['id'], 'measure': '1', 'title': 'Officers vetted',
                                           'baseline_year': 2019, 'baseline_value': '0'})  # fmt: skip
    period = post('result-periods', {'indicator': indicator['id'], 'period_start': '2020-01-01',
                                     'period_end': '2020-12-31', 'target': '1500', 'actual': '1200'})  # fmt: skip
    assert result['country'] == indicator['country'] == period['country'] == 'LBR'
    recipient = post('recipient-countries', {'activity': activities['LBR'].pk, 'recipient_country': 'LBR',
                                             'percentage': '100'})  # fmt: skip
    assert recipient['recipient_country'] == 'LBR'
    activity = editor.get(f'{PARTS}activities/{activities["LBR"].pk}/').json()
    [read] = activity['results']
    assert read['title'] == 'Vetted police in service'
    assert [(i['title'], [(p['target'], p['actual']) for p in i['periods']]) for i in read['indicators']] == [
        ('Officers vetted', [('1500', '1200')])
    ]
    assert editor.get(f'{PARTS}result-periods/', {'indicator': indicator['id']}).json()['count'] == 1
    assert editor.get(f'{PARTS}result-indicators/', {'country': 'CAF'}).json()['results'] == []


def test_an_indicator_of_another_countrys_result_is_refused_and_a_bad_period_explained(editor, activities):
    from ssrhub.coordination.models import Result, ResultIndicator

    foreign = Result.objects.create(activity=activities['CAF'], type='1', title='Barracks built')
    response = editor.post(f'{PARTS}result-indicators/', {'result': foreign.pk, 'measure': '1', 'title': 'Barracks'},
                           content_type='application/json')  # fmt: skip
    assert response.status_code == 403 and not ResultIndicator.objects.exists()
    own = Result.objects.create(activity=activities['LBR'], type='1', title='Courts built')
    response = editor.post(f'{PARTS}result-indicators/', {'result': own.pk, 'measure': '9', 'title': 'Courts'},
                           content_type='application/json')  # fmt: skip
    assert response.status_code == 400 and 'measure' in response.json()
