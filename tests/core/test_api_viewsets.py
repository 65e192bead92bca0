"""RestrictedModelViewSet, exercised on a country-scoped model through a viewset declared here."""

import pytest
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.routers import SimpleRouter
from rest_framework.test import APIClient

from ssrhub.core.api.viewsets import RestrictedModelViewSet
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
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
    client.credentials(HTTP_AUTHORIZATION=f'Token {Token.objects.create(user=user).key}')
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


def test_a_record_out_of_view_is_not_found(actors, lbr_editor, monkeypatch):
    monkeypatch.setattr(Actor, 'access_kind', 'sensitive')
    client = client_for(lbr_editor)
    car = actors['CAF']
    assert [row['name'] for row in client.get('/actors/').json()['results']] == ['Liberia National Police']
    assert client.get(f'/actors/{car.pk}/').status_code == 404
    assert client.patch(f'/actors/{car.pk}/', {'name': 'X'}, format='json').status_code == 404
    assert client.delete(f'/actors/{car.pk}/').status_code == 404
    assert Actor.objects.filter(pk=car.pk, name='Police centrafricaine').exists()
