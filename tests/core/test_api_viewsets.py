"""RestrictedModelViewSet, exercised on a country-scoped model through a viewset declared here."""

import pytest
from django.db import connection
from rest_framework import serializers
from rest_framework.routers import SimpleRouter
from rest_framework.test import APIClient

from ssrhub.core.api.tokens import create_token
from ssrhub.core.api.viewsets import RestrictedModelViewSet
from ssrhub.core.models import Country, SensitiveRead
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.countries.models import Actor, ActorType, Area

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


class ActorSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field='iso3', queryset=Country.objects.all())

    class Meta:
        model = Actor
        fields = ['id', 'country', 'name', 'area', 'type']


class ActorViewSet(RestrictedModelViewSet):
    queryset = Actor.objects.all()
    serializer_class = ActorSerializer


router = SimpleRouter()
router.register('actors', ActorViewSet)
urlpatterns = router.urls


@pytest.fixture
def actors(db):
    def make(iso3, name):
        country = Country.objects.get(iso3=iso3)
        return Actor.objects.create(country=country, name=name, area=Area.CORE, type=ActorType.POLICE)

    return {'LBR': make('LBR', 'Liberia National Police'), 'CAF': make('CAF', 'Police centrafricaine')}


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f'Token {create_token(user, "test")[1]}')
    return client


@pytest.fixture
def lbr_editor(make_user):
    return make_user('lbr-editor', Role.COUNTRY_EDITOR, countries=('LBR',))


PAYLOAD = {'country': 'LBR', 'name': 'Armed Forces of Liberia', 'area': Area.CORE, 'type': ActorType.DEFENCE}


def test_anonymous_reads_nothing_and_writes_nothing(actors):
    client = APIClient()
    assert client.get('/actors/').json()['results'] == []
    assert client.get(f'/actors/{actors["LBR"].pk}/').status_code == 404
    assert client.post('/actors/', PAYLOAD, format='json').status_code == 401
    assert client.delete(f'/actors/{actors["LBR"].pk}/').status_code == 401
    assert Actor.objects.count() == 2


def test_without_permission_writes_are_forbidden(actors, make_user):
    client = client_for(make_user('reader', Role.VIEWER, countries=('LBR',)))
    assert client.get('/actors/').json()['count'] == 2
    assert client.post('/actors/', PAYLOAD, format='json').status_code == 403
    assert client.patch(f'/actors/{actors["LBR"].pk}/', {'name': 'X'}, format='json').status_code == 403
    assert client.delete(f'/actors/{actors["LBR"].pk}/').status_code == 403
    assert set(Actor.objects.values_list('name', flat=True)) == {'Liberia National Police', 'Police centrafricaine'}


def test_editor_creates_changes_and_deletes_in_their_country_with_history(actors, lbr_editor):
    client = client_for(lbr_editor)
    response = client.post('/actors/', PAYLOAD, format='json')
    assert response.status_code == 201, response.content
    created = Actor.objects.get(pk=response.json()['id'])
    assert created.history.get().history_user == lbr_editor

    response = client.patch(f'/actors/{created.pk}/', {'name': 'AFL'}, format='json')
    assert response.status_code == 200, response.content
    latest = created.history.first()
    assert (latest.history_type, latest.name, latest.history_user) == ('~', 'AFL', lbr_editor)

    assert client.delete(f'/actors/{created.pk}/').status_code == 204
    assert not Actor.objects.filter(pk=created.pk).exists()
    assert Actor.history.filter(id=created.pk).first().history_type == '-'
    assert Actor.history.filter(id=created.pk).first().history_user == lbr_editor


def test_editor_cannot_touch_another_country(actors, lbr_editor):
    client = client_for(lbr_editor)
    car = actors['CAF']
    # Visible (workspace records are readable by every role) but not changeable: 403, and nothing changes.
    assert client.get(f'/actors/{car.pk}/').status_code == 200
    assert client.patch(f'/actors/{car.pk}/', {'name': 'X'}, format='json').status_code == 403
    assert client.put(f'/actors/{car.pk}/', {**PAYLOAD, 'country': 'CAF'}, format='json').status_code == 403
    assert client.delete(f'/actors/{car.pk}/').status_code == 403
    car.refresh_from_db()
    assert car.name == 'Police centrafricaine'
    assert car.history.count() == 1


def test_editor_cannot_create_in_or_move_to_another_country(actors, lbr_editor):
    client = client_for(lbr_editor)
    response = client.post('/actors/', {**PAYLOAD, 'country': 'CAF'}, format='json')
    assert response.status_code == 403
    assert not Actor.objects.filter(name=PAYLOAD['name']).exists()

    liberian = actors['LBR']
    assert client.patch(f'/actors/{liberian.pk}/', {'country': 'CAF'}, format='json').status_code == 403
    liberian.refresh_from_db()
    assert liberian.country.iso3 == 'LBR'
    assert liberian.history.count() == 1


def verified_client(user) -> APIClient:
    client = APIClient()
    verified_login(client, user)
    return client


def names(response) -> list[str]:
    return [row['name'] for row in response.json()['results']]


@pytest.fixture
def lbr_forum_member(make_user, monkeypatch):
    """Actor made sensitive, and a member of Liberia's HRDDP forum, who reads Liberia's sensitive records."""
    monkeypatch.setattr(Actor, 'access_kind', 'sensitive')
    return make_user('lbr-forum', Role.HRDDP_FORUM_MEMBER, countries=('LBR',))


def test_a_record_out_of_country_is_not_found_and_every_read_is_logged(actors, lbr_forum_member):
    client = verified_client(lbr_forum_member)
    lbr, car = actors['LBR'], actors['CAF']
    assert names(client.get('/actors/')) == ['Liberia National Police']
    assert client.get(f'/actors/{lbr.pk}/').status_code == 200
    logged = SensitiveRead.objects.filter(user=lbr_forum_member).values_list('channel', 'object_id')
    assert sorted(logged) == [('api', lbr.pk), ('api', lbr.pk)]
    assert client.get(f'/actors/{car.pk}/').status_code == 404
    # A reader's writes are refused before any lookup.
    assert client.patch(f'/actors/{car.pk}/', {'name': 'X'}, format='json').status_code == 403
    assert Actor.objects.filter(pk=car.pk, name='Police centrafricaine').exists()
    assert not SensitiveRead.objects.filter(object_id=car.pk).exists()


def test_an_api_token_or_an_unverified_session_reads_no_sensitive_record(actors, lbr_forum_member):
    session = APIClient()
    session.force_login(lbr_forum_member)
    for client in (client_for(lbr_forum_member), session):
        assert names(client.get('/actors/')) == []
        assert client.get(f'/actors/{actors["LBR"].pk}/').status_code == 404
    assert not SensitiveRead.objects.exists()
    # The token did authenticate its owner (an anonymous client would see nothing either): knox's token class.
    assert lbr_forum_member.auth_token_set.get().last_used is not None


def test_a_read_that_cannot_be_logged_is_refused(actors, lbr_forum_member):
    client = verified_client(lbr_forum_member)
    with connection.cursor() as cursor:  # rolled back with the test's transaction (SQLite and PostgreSQL)
        cursor.execute(f'DROP TABLE {SensitiveRead._meta.db_table}')
    for url in ('/actors/', f'/actors/{actors["LBR"].pk}/'):
        response = client.get(url)
        assert response.status_code == 403, url
        assert 'Liberia' not in response.content.decode()
