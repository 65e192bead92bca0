"""The generic views of ``core/views/generic.py`` on country workspace records: one access path for reading, adding,
changing and deleting, whoever asks and whatever id they guess.

The workspace pages are built on these views; the views declared at the end of this module (served by this module as
URLconf, next to the site's own URLs) check what no page form allows, such as a form offering another country.
"""

from datetime import date

import pytest
from django import forms
from django.urls import include, path, reverse

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.views import generic
from ssrhub.countries.filtersets import ActorFilterSet
from ssrhub.countries.models import Actor, ActorRelation, Headcount, TimelineEvent
from ssrhub.countries.tables import ActorTable

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


# Section: views and URLs under test


class ActorMoveForm(forms.ModelForm):
    class Meta:
        model = Actor
        fields = ('name', 'area', 'type', 'country')


class ActorRecordsView(generic.CountryObjectListView):
    queryset = Actor.objects.all()
    filterset = ActorFilterSet
    table = ActorTable


class ActorRecordView(generic.CountryObjectView):
    queryset = Actor.objects.all()
    template_name = 'core/object_history.html'


class ActorMoveView(generic.CountryObjectEditView):
    queryset = Actor.objects.all()
    form = ActorMoveForm

    def new_object(self, request):
        return Actor(country=self.country)


class ActorRemoveView(generic.ObjectDeleteView):
    queryset = Actor.objects.all()

    def get_success_url(self, obj):
        return reverse('home')


urlpatterns = [
    path('generic/<str:iso3>/actors/', ActorRecordsView.as_view()),
    path('generic/<str:iso3>/actors/<int:pk>/', ActorRecordView.as_view()),
    path('generic/<str:iso3>/actors/add/', ActorMoveView.as_view()),
    path('generic/<str:iso3>/actors/<int:pk>/edit/', ActorMoveView.as_view()),
    path('generic/actors/<int:pk>/delete/', ActorRemoveView.as_view()),
    path('', include('ssrhub.site.urls')),
]


# Section: fixtures


@pytest.fixture
def records():
    """One record of each kind of the map in Liberia and in the Central African Republic."""
    found = {}
    for iso3, name in [('LBR', 'Liberia National Police'), ('CAF', 'Forces armées centrafricaines')]:
        country = Country.objects.get(iso3=iso3)
        actor = Actor.objects.create(country=country, name=name, area='core-security-actors', type='police')
        ministry = Actor.objects.create(country=country, name='Ministry', area='management-oversight', type='executive')
        found[iso3] = {
            'actor': actor,
            'relation': ActorRelation.objects.create(from_actor=ministry, kind='oversees', to_actor=actor),
            'headcount': Headcount.objects.create(actor=actor, date=date(2019, 12, 31), count=4000, source='payroll'),
        }
    return found


@pytest.fixture
def lbr_editor(client, make_user):
    client.force_login(make_user('monrovia', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return client


def map_urls(iso3, records):
    """The edit and delete pages of each record of the map (``records`` of one country)."""
    base = f'/countries/{iso3}/workspace/actors/'
    return {
        'actor': (f'{base}{records["actor"].pk}/edit/', f'{base}{records["actor"].pk}/delete/'),
        'relation': (
            f'{base}relations/{records["relation"].pk}/edit/',
            f'{base}relations/{records["relation"].pk}/delete/',
        ),
        'headcount': (
            f'{base}headcounts/{records["headcount"].pk}/edit/',
            f'{base}headcounts/{records["headcount"].pk}/delete/',
        ),
    }


# Section: the workspace pages


def test_anonymous_users_are_sent_to_log_in_for_every_edit_and_delete(client, records):
    for edit, delete in map_urls('CAF', records['CAF']).values():
        for url in (edit, delete):
            for response in (client.get(url), client.post(url)):
                assert response.status_code == 302 and response['Location'].startswith('/accounts/login/'), url
    assert Actor.objects.count() == 4 and Headcount.objects.count() == 2


def test_users_without_a_role_get_403(client, make_user, records):
    client.force_login(make_user('nobody'))
    for edit, delete in map_urls('CAF', records['CAF']).values():
        for url in (edit, delete):
            assert client.get(url).status_code == 403, url
            assert client.post(url).status_code == 403, url
    assert Actor.objects.count() == 4


def test_an_editor_of_liberia_cannot_reach_a_record_of_another_country(lbr_editor, records):
    caf = records['CAF']
    # Through the other country's pages: this user may not change anything there.
    for edit, delete in map_urls('CAF', caf).values():
        for url in (edit, delete):
            assert lbr_editor.get(url).status_code == 403, url
            assert lbr_editor.post(url, {'name': 'Armée', 'count': 1}).status_code == 403, url
    # Through Liberia's pages, guessing the ids: the record is not there.
    for edit, delete in map_urls('LBR', caf).values():
        for url in (edit, delete):
            assert lbr_editor.get(url).status_code == 404, url
            assert lbr_editor.post(url, {'name': 'Armée', 'count': 1}).status_code == 404, url
    assert Actor.objects.filter(pk=caf['actor'].pk, name='Forces armées centrafricaines').exists()
    assert ActorRelation.objects.filter(pk=caf['relation'].pk).exists()
    assert Headcount.objects.filter(pk=caf['headcount'].pk, count=4000).exists()


def test_an_editor_of_liberia_edits_and_deletes_there(lbr_editor, records):
    lbr = records['LBR']
    urls = map_urls('LBR', lbr)
    for edit, delete in urls.values():
        assert lbr_editor.get(edit).status_code == 200, edit
        assert lbr_editor.get(delete).status_code == 200, delete
    response = lbr_editor.post(urls['headcount'][1])
    assert response.status_code == 302 and response['Location'].endswith('/countries/LBR/workspace/actors/#headcounts')
    assert not Headcount.objects.filter(pk=lbr['headcount'].pk).exists()
    assert lbr_editor.post(urls['actor'][1]).status_code == 302
    assert not Actor.objects.filter(pk=lbr['actor'].pk).exists()
    assert not ActorRelation.objects.filter(pk=lbr['relation'].pk).exists()  # deleted with the actor
    assert list(Actor.objects.filter(country__iso3='CAF').order_by('name')) == [
        records['CAF']['actor'],
        Actor.objects.get(country__iso3='CAF', name='Ministry'),
    ]


def test_a_delete_is_logged(lbr_editor, records):
    event = TimelineEvent.objects.create(country=records['LBR']['actor'].country, kind='deployment', title='Handover')
    headcount = records['LBR']['headcount']
    lbr_editor.post(map_urls('LBR', records['LBR'])['headcount'][1])
    deletion = Headcount.history.filter(id=headcount.pk).latest('history_date')
    assert deletion.history_type == '-' and deletion.history_user.username == 'monrovia'
    assert TimelineEvent.objects.filter(pk=event.pk).exists()


# Section: the generic views themselves


def test_the_country_list_filters_and_answers_htmx_with_the_table_only(lbr_editor, records):
    page = lbr_editor.get('/generic/LBR/actors/', {'q': ''})
    html = page.content.decode()
    assert page.status_code == 200 and 'Liberia National Police' in html
    assert 'Forces armées centrafricaines' not in html  # another country's record, visible to this user elsewhere
    partial = lbr_editor.get('/generic/LBR/actors/', {'area': 'management-oversight'}, HTTP_HX_REQUEST='true')
    assert '<html' not in partial.content.decode() and 'Ministry' in partial.content.decode()
    assert 'Liberia National Police' not in partial.content.decode()
    assert lbr_editor.get('/generic/XYZ/actors/').status_code == 404


def test_the_country_detail_is_a_404_under_another_country(lbr_editor, records):
    caf_actor = records['CAF']['actor']
    assert lbr_editor.get(f'/generic/CAF/actors/{caf_actor.pk}/').status_code == 200  # reading is not scoped
    assert lbr_editor.get(f'/generic/LBR/actors/{caf_actor.pk}/').status_code == 404


def test_saving_a_record_into_another_country_is_refused_and_rolled_back(lbr_editor, records):
    actor = records['LBR']['actor']
    caf = Country.objects.get(iso3='CAF')
    data = {'name': 'Armed Forces of Liberia', 'area': 'core-security-actors', 'type': 'defence', 'country': caf.pk}
    response = lbr_editor.post(f'/generic/LBR/actors/{actor.pk}/edit/', data)
    assert (
        response.status_code == 403 and 'You may not save this record with these values.' in response.content.decode()
    )
    actor.refresh_from_db()
    assert actor.country.iso3 == 'LBR' and actor.name == 'Liberia National Police'
    response = lbr_editor.post('/generic/LBR/actors/add/', data)
    assert response.status_code == 403
    assert not Actor.objects.filter(name='Armed Forces of Liberia').exists()
    data['country'] = actor.country.pk
    response = lbr_editor.post('/generic/LBR/actors/add/', data)
    assert response.status_code == 302
    added = Actor.objects.get(name='Armed Forces of Liberia')
    assert added.country.iso3 == 'LBR' and response['Location'] == added.get_absolute_url()
    data['name'] = 'Armed Forces of Liberia (AFL)'
    response = lbr_editor.post(f'/generic/LBR/actors/{added.pk}/edit/', data, HTTP_HX_REQUEST='true')
    assert response.status_code == 200 and response['HX-Location'] == added.get_absolute_url()


def test_the_delete_view_asks_then_deletes_within_the_users_reach(client, make_user, records):
    caf_actor, lbr_actor = records['CAF']['actor'], records['LBR']['actor']
    url = f'/generic/actors/{caf_actor.pk}/delete/'
    assert client.get(url)['Location'].startswith('/accounts/login/')
    client.force_login(make_user('nobody'))
    assert client.post(url).status_code == 404  # nothing is visible without a role
    client.force_login(make_user('monrovia', Role.COUNTRY_EDITOR, countries=('LBR',)))
    assert client.get(url).status_code == 403  # visible, but not this user's to delete
    assert client.post(url).status_code == 403
    assert Actor.objects.filter(pk=caf_actor.pk).exists()
    mine = f'/generic/actors/{lbr_actor.pk}/delete/'
    page = client.get(mine)
    assert page.status_code == 200 and 'Delete Liberia National Police?' in page.content.decode()
    response = client.post(mine, follow=True)
    assert response.redirect_chain[-1][0] == '/'
    assert 'Deleted Liberia National Police.' in response.content.decode()
    assert not Actor.objects.filter(pk=lbr_actor.pk).exists()
