"""API tokens on the account page (issue 15, item 8): created by their owner with a bounded expiry, the key shown once
and stored only as a digest, listed, revoked by their owner or an administrator; expired or revoked tokens get 401."""

import datetime

import pytest
from django.db import connection
from django.utils import dateformat, timezone
from rest_framework.test import APIClient

from ssrhub.core.api.tokens import LIFETIMES, create_token
from ssrhub.core.models import ApiToken
from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

PAGE, REVOKE = '/accounts/tokens/', '/accounts/tokens/revoke/'
API = '/api/framework/missions/'


@pytest.fixture
def rita(make_user, client):
    user = make_user('rita', Role.ANALYST)
    client.force_login(user)
    return user


def api_status(key: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f'Token {key}')
    return client.get(API).status_code


def created_key(client, name='export script', days=90) -> str:
    page = client.post(PAGE, {'name': name, 'days': days}, follow=True)
    assert page.redirect_chain == [(PAGE, 302)]
    html = page.content.decode()
    assert 'data-testid="new-token"' in html and 'will not be shown again' in html
    return page.context['new_key']


def test_the_page_needs_an_account(client):
    assert client.get(PAGE).url.startswith('/accounts/login/')
    assert client.post(REVOKE, {'token': 'x'}).url.startswith('/accounts/login/')


def test_the_user_menu_links_to_the_page(client, rita):
    assert f'href="{PAGE}"' in client.get('/').content.decode()


def test_a_token_is_shown_once_stored_as_a_digest_and_opens_the_api(client, rita):
    key = created_key(client)
    assert len(key) == 64 and key not in client.get(PAGE).content.decode()
    token = rita.auth_token_set.get()
    assert token.name == 'export script' and token.last_used is None
    assert timezone.now() + datetime.timedelta(days=89) < token.expiry <= timezone.now() + datetime.timedelta(days=90)
    # Nowhere in the table is the key: only its SHA-512 digest and the first characters knox looks it up by.
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT * FROM {ApiToken._meta.db_table}')
        stored = [str(value) for row in cursor.fetchall() for value in row]
    assert key not in stored and token.digest != key and len(token.digest) == 128
    assert api_status(key) == 200
    token.refresh_from_db()
    assert token.last_used is not None
    assert api_status(key[:-1] + ('0' if key[-1] != '0' else '1')) == 401


def test_the_list_shows_name_created_last_used_and_expiry(client, rita):
    used = created_key(client, 'used one', 30)
    created_key(client, 'unused one', 365)
    assert api_status(used) == 200
    html = client.get(PAGE).content.decode()
    expiries = rita.auth_token_set.order_by('expiry').values_list('expiry', flat=True)
    in_a_month, in_a_year = (dateformat.format(expiry, 'j M Y') for expiry in expiries)
    assert 'used one' in html and 'unused one' in html and 'never' in html
    assert in_a_month in html and in_a_year in html
    assert html.count('name="token"') == 2
    assert client.get(PAGE, HTTP_ACCEPT_LANGUAGE='fr').status_code == 200


def test_the_lifetime_is_one_of_the_offered_ones(client, rita):
    form = client.get(PAGE).context['form']
    assert [choice for choice, _label in form.fields['days'].choices] == list(LIFETIMES)
    assert form['days'].value() == 90
    refused = client.post(PAGE, {'name': 'for ever', 'days': 100000})
    assert refused.status_code == 200 and 'aria-invalid' in refused.content.decode()
    assert not rita.auth_token_set.exists()
    with pytest.raises(ValueError):
        create_token(rita, 'for ever', 100000)


def test_an_expired_token_gets_401_and_is_deleted(rita):
    token, key = create_token(rita, 'old', 30)
    assert api_status(key) == 200
    ApiToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - datetime.timedelta(seconds=1))
    assert api_status(key) == 401
    assert not ApiToken.objects.filter(pk=token.pk).exists()


def test_the_owner_revokes_a_token_and_only_their_own(client, rita, make_user):
    kept, kept_key = create_token(rita, 'kept')
    revoked, revoked_key = create_token(rita, 'revoked')
    others, others_key = create_token(make_user('omar', Role.ANALYST), "omar's")
    page = client.post(REVOKE, {'token': revoked.digest}, follow=True)
    assert 'The token “revoked” is revoked' in page.content.decode()
    assert api_status(revoked_key) == 401 and api_status(kept_key) == 200
    assert client.post(REVOKE, {'token': others.digest}).status_code == 404
    assert client.get(REVOKE).status_code == 405
    assert api_status(others_key) == 200


def test_an_administrator_revokes_anyones_tokens_in_the_admin(client, make_user):
    omar = make_user('omar', Role.ANALYST)
    keys = [create_token(omar, name)[1] for name in ('one', 'two')]
    viewer = make_user('vera', Role.VIEWER, is_staff=True)
    client.force_login(viewer)
    assert client.get('/admin/core/apitoken/').status_code == 403
    client.force_login(make_user('ada', Role.ADMINISTRATOR, is_staff=True))
    listing = client.get('/admin/core/apitoken/', {'q': 'omar'}).content.decode()
    assert 'one' in listing and 'two' in listing and keys[0] not in listing
    digests = list(omar.auth_token_set.values_list('digest', flat=True))
    client.post('/admin/core/apitoken/', {'action': 'delete_selected', '_selected_action': digests, 'post': 'yes'})
    assert not omar.auth_token_set.exists()
    assert [api_status(key) for key in keys] == [401, 401]
    assert client.get('/admin/core/apitoken/add/').status_code == 403
