"""API errors speak the language of the request (``Accept-Language``, through ``LocaleMiddleware``): DRF's own
messages and the models' rules alike, and a French name recorded on a workspace record is served with it."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ssrhub.core.roles import Role
from ssrhub.countries.models import Actor

pytestmark = pytest.mark.django_db

ACTORS = reverse('countries-api:actor-list')
# A non-state actor marked statutory: refused by Actor.clean(); the type is missing: refused by DRF.
INVALID = {'country': 'CAF', 'name': 'Anti-Balaka', 'area': 'non-state-actors', 'statutory': True}


def _client(language, user=None):
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    ('language', 'detail'),
    [('en', 'Authentication credentials were not provided.'), ('fr', "Informations d'authentification non fournies.")],
)
def test_refusal_in_the_language_of_the_request(language, detail):
    response = _client(language).get(ACTORS)
    assert response.status_code in (401, 403)
    assert response.json() == {'detail': detail}
    assert response['Content-Language'] == language


@pytest.mark.parametrize(
    ('language', 'required', 'rule'),
    [
        ('en', 'This field is required.', 'A non-state actor is not statutory.'),
        ('fr', 'Ce champ est obligatoire.', 'Un acteur non étatique ne peut pas être statutaire.'),
    ],
)
def test_validation_errors_in_the_language_of_the_request(make_user, language, required, rule):
    editor = make_user('editor', Role.COUNTRY_EDITOR, countries=('CAF',))
    missing = _client(language, editor).post(ACTORS, INVALID, format='json')
    assert missing.status_code == 400
    assert missing.json() == {'type': [required]}
    against_a_rule = _client(language, editor).post(ACTORS, {**INVALID, 'type': 'armed-group'}, format='json')
    assert against_a_rule.status_code == 400
    assert against_a_rule.json() == {'statutory': [rule]}
    assert not Actor.objects.filter(name='Anti-Balaka').exists()


def test_french_name_is_written_and_read(make_user):
    editor = make_user('editor', Role.COUNTRY_EDITOR, countries=('CAF',))
    payload = {
        'country': 'CAF',
        'name': 'Central African Armed Forces',
        'name_fr': 'Forces armées centrafricaines',
        'acronym': 'FACA',
        'area': 'core-security-actors',
        'type': 'defence',
    }
    created = _client('en', editor).post(ACTORS, payload, format='json')
    assert created.status_code == 201, created.json()
    detail = _client('fr', editor).get(reverse('countries-api:actor-detail', args=[created.json()['id']]))
    assert (detail.json()['name'], detail.json()['name_fr']) == (payload['name'], payload['name_fr'])
