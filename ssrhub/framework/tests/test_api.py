"""REST API: schema, token authentication, pagination, filtering, restricted reads."""

import pytest
import yaml
from rest_framework.test import APIClient

from ssrhub.core.api.tokens import create_token
from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_openapi_schema_describes_the_endpoints(api):
    response = api.get('/api/schema/')
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    paths = schema['paths']
    for path in (
        '/api/framework/items/',
        '/api/framework/frameworks/',
        '/api/framework/versions/',
        '/api/framework/entities/',
        '/api/framework/missions/',
        '/api/core/countries/',
    ):
        assert path in paths
    token = schema['components']['securitySchemes']['tokenAuth']
    assert (token['in'], token['name']) == ('header', 'Authorization') and '"Token"' in token['description']
    item = schema['components']['schemas']['FrameworkItem']['properties']
    assert item['label']['properties'].keys() == {'en', 'fr'}


def test_items_filter_by_group_and_search(api):
    response = api.get('/api/framework/items/', {'group': 'principle', 'depth': 1})
    assert response.json()['count'] == 10
    response = api.get('/api/framework/items/', {'q': 'appropriation nationale'})
    codes = {item['code'] for item in response.json()['results']}
    assert 'principle.national-ownership' in codes


def test_pagination(api):
    response = api.get('/api/core/countries/', {'page_size': 10})
    body = response.json()
    assert body['count'] >= 249 and len(body['results']) == 10 and body['next']


def test_country_french_name(api):
    body = api.get('/api/core/countries/CIV/').json()
    assert body['name'] == {'en': "Côte d'Ivoire", 'fr': "Côte d'Ivoire"}
    assert api.get('/api/core/countries/CAF/').json()['name']['fr'] == 'République centrafricaine'


def test_entities_carry_their_names_over_time(api):
    body = api.get('/api/framework/entities/DPO/').json()
    assert [name['acronym'] for name in body['names']][-2:] == ['DPKO', 'DPO']
    assert any(membership['group'] == 'IASSRTF' for membership in body['member_of'])


def test_missions_filter_by_country_and_date(api):
    body = api.get('/api/framework/missions/', {'country': 'CAF'}).json()
    acronyms = {mission['acronym'] for mission in body['results']}
    assert {'MINUSCA', 'BINUCA'} <= acronyms
    active = api.get('/api/framework/missions/', {'country': 'CAF', 'active_on': '2015-01-01'}).json()
    assert 'MINUSCA' in {mission['acronym'] for mission in active['results']}
    assert 'BINUCA' not in {mission['acronym'] for mission in active['results']}


def test_token_authentication_and_writes_need_permission(api, make_user):
    user = make_user('tokenuser', Role.ANALYST)
    api.credentials(HTTP_AUTHORIZATION=f'Token {create_token(user, "test")[1]}')
    assert api.get('/api/framework/missions/').status_code == 200
    assert api.post('/api/framework/missions/', {'acronym': 'X'}).status_code == 403
    api.credentials(HTTP_AUTHORIZATION='Token wrong')
    assert api.get('/api/framework/missions/').status_code == 401
