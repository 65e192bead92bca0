"""The vetting pages and API: import a watch list with a preview, screen, review matches, search, and refusals."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified, verified_login
from ssrhub.countries.models import Actor

from .. import vetting
from ..models import Individual, ListedPerson, Screening, ScreeningMatch, WatchList
from ..watchlists import read_list
from .vetting_records import allegation, individual, watch_list

DATA = Path(__file__).parent / 'data'
pytestmark = pytest.mark.django_db
JSON = 'application/json'


@pytest.fixture
def officer(make_user):
    return make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('COD',))


@pytest.fixture
def client_of(client, officer):
    verified_login(client, officer)
    return client


def url(name, *args):
    return reverse(f'safeguards:{name}', args=['COD', *args])


def upload(name='watchlist.csv', title='Panel list'):
    return {
        'title': title,
        'organisation': 'Panel of experts',
        'file': SimpleUploadedFile(name, (DATA / name).read_bytes(), content_type='text/csv'),
    }


# Section: watch lists


def test_import_previews_then_stores_on_confirmation_once(client_of):
    preview = client_of.post(url('watchlist_import'), upload())
    assert preview.status_code == 200
    assert WatchList.objects.count() == 0 and ListedPerson.objects.count() == 0
    page = preview.content.decode()
    assert '3 names read' in page
    # A formula cell is text on the page, escaped, never a live link.
    assert '=HYPERLINK(&quot;http://example.invalid&quot;,&quot;click&quot;)' in page
    assert '<a href="http://example.invalid"' not in page
    token = preview.context['token']
    done = client_of.post(url('watchlist_import'), {'token': token})
    assert done.status_code == 302
    assert ListedPerson.objects.count() == 3
    # The same file again (a new preview and confirmation): nothing is duplicated.
    again = client_of.post(url('watchlist_import'), upload())
    assert again.context['plan'].unchanged == 3
    client_of.post(url('watchlist_import'), {'token': again.context['token']})
    client_of.post(url('watchlist_import'), {'token': token})  # a replayed confirmation neither
    assert ListedPerson.objects.count() == 3 and WatchList.objects.count() == 1


def test_a_file_with_errors_shows_them_by_row_and_cannot_be_confirmed(client_of):
    response = client_of.post(url('watchlist_import'), upload('watchlist_errors.csv'))
    assert response.status_code == 400
    assert response.context['token'] is None
    assert [row for row, _message in response.context['errors']] == [3, 4]
    assert 'Row 3: The name is missing.' in response.content.decode()
    assert ListedPerson.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(client_of, monkeypatch):
    monkeypatch.setattr('ssrhub.safeguards.forms.vetting.MAX_BYTES', 100)
    response = client_of.post(url('watchlist_import'), upload())
    assert response.status_code == 400
    assert 'larger than 0 KB' in response.content.decode()


def test_a_forged_token_stores_nothing(client_of):
    response = client_of.post(url('watchlist_import'), {'token': 'not-a-token'})
    assert response.status_code == 400
    assert ListedPerson.objects.count() == 0


def test_the_download_prefixes_formula_cells(client_of, officer):
    read = read_list((DATA / 'watchlist.csv').read_bytes(), 'watchlist.csv')
    listed, _plan = vetting.apply_import(
        Country.objects.get(iso3='COD'), 'Panel list', 'Panel', 'watchlist.csv', read.rows
    )
    csv_text = client_of.get(url('watchlist_export', listed.pk, 'csv')).content.decode('utf-8-sig')
    assert '"\'=HYPERLINK(""http://example.invalid"",""click"")"' in csv_text
    assert "'=1+1" in csv_text
    assert 'F. Kemitara; Kemitara Faustin' in csv_text


# Section: screening and review


def test_screen_review_and_keep_every_screening(client_of, officer):
    person = individual('COD', 'Faustin Kemitara', 'Le Colonel')
    allegation('COD', 'Kemitara Faustin | F. Kemitara\nIssa Torodji')
    watch_list('COD', 'Faustin Kemitara', 'Mahamat Bazimbi')
    allegation('CAF', 'Faustin Kemitara')  # another country's allegation is not screened against

    response = client_of.post(url('screen', person.pk), {'threshold': 85})
    assert response.status_code == 302
    screening = Screening.objects.get()
    assert screening.result == 'pending' and screening.screened_by == officer
    matches = list(screening.matches.order_by('pk'))
    found = [(m.matched_name, m.screened_name, m.score, bool(m.allegation), bool(m.listed_person)) for m in matches]
    assert found == [
        ('Kemitara Faustin', 'Faustin Kemitara', 100, True, False),
        ('Faustin Kemitara', 'Faustin Kemitara', 100, False, True),
    ]
    page = client_of.get(url('individual', person.pk)).content.decode()
    assert 'Kemitara Faustin' in page and 'Matches to review' in page and 'resembles Faustin Kemitara' in page

    refused = client_of.post(url('match_review', matches[0].pk), {'decision': 'rejected', 'reason': ' '})
    assert refused.status_code == 400
    client_of.post(url('match_review', matches[0].pk), {'decision': 'rejected', 'reason': 'Another unit, born 1960.'})
    screening.refresh_from_db()
    assert screening.result == 'pending'
    client_of.post(url('match_review', matches[1].pk), {'decision': 'confirmed', 'reason': 'Same date of birth.'})
    screening.refresh_from_db()
    assert screening.result == 'match'
    decided = ScreeningMatch.objects.get(pk=matches[1].pk)
    assert (decided.decided_by, decided.reason) == (officer, 'Same date of birth.') and decided.decided_at

    client_of.post(url('screen', person.pk), {'threshold': 99})
    assert Screening.objects.filter(individual=person).count() == 2
    assert Screening.objects.get(pk=screening.pk).result == 'match'


def test_screen_many_of_a_category(client_of):
    individual('COD', 'Mohamed Ndakolo', category='promotion')
    individual('COD', 'Jean Lomboto', category='promotion')
    individual('COD', 'Muhammad Ndakolo', category='commander')
    allegation('COD', 'Mahamat Ndakolo')
    response = client_of.post(url('screening_batch'), {'threshold': 85, 'category': 'promotion'})
    assert response.status_code == 302
    assert sorted(Screening.objects.values_list('individual__category', 'result')) == [
        ('promotion', 'clear'),
        ('promotion', 'pending'),
    ]


def test_the_list_searches_encrypted_names_in_python_and_filters_by_result(client_of, officer):
    found = individual('COD', 'Thérèse Kossigué', position='Commandante de secteur', fictitious=True)
    other = individual('COD', 'Jean Lomboto')
    vetting.screen([other], verified(officer))
    response = client_of.get(url('individual_list'), {'q': 'kossigue secteur'})
    assert [row.record for row in response.context['table'].rows] == [found]
    assert 'fictitious' in response.content.decode()
    cleared = client_of.get(url('individual_list'), {'result': 'clear'})
    assert [row.record for row in cleared.context['table'].rows] == [other]
    never = client_of.get(url('individual_list'), {'result': 'none'})
    assert [row.record for row in never.context['table'].rows] == [found]


def test_add_an_individual(client_of):
    response = client_of.post(
        url('individual_add'), {'name': 'Aimé Wanzé', 'aliases': '', 'position': '', 'category': 'integration'}
    )
    assert response.status_code == 302
    assert Individual.objects.get().name == 'Aimé Wanzé'


# Section: API


def test_api_screens_and_records_a_decision(client_of):
    person = individual('COD', 'Faustin Kemitara')
    watch_list('COD', 'F. Kemitara')
    created = client_of.post(
        reverse('safeguards-api:screening-list'), {'individual': person.pk, 'threshold': 85}, content_type=JSON
    )
    assert created.status_code == 201, created.content
    match_id = created.json()['matches'][0]['id']
    detail = reverse('safeguards-api:screeningmatch-detail', args=[match_id])
    missing = client_of.patch(detail, {'decision': 'confirmed'}, content_type=JSON)
    assert missing.status_code == 400
    done = client_of.patch(detail, {'decision': 'confirmed', 'reason': 'Same person.'}, content_type=JSON)
    assert done.status_code == 200, done.content
    assert Screening.objects.get().result == 'match'


def test_api_records_an_individual_of_the_officers_country_only(client_of):
    unit = Actor.objects.create(country=Country.objects.get(iso3='COD'), name='31st brigade', type='defence')
    elsewhere = Actor.objects.create(country=Country.objects.get(iso3='CAF'), name='FACA', type='defence')
    person = {'country': 'COD', 'name': 'Faustin Kemitara', 'aliases': 'F. Kemitara', 'category': 'commander'}
    individuals = reverse('safeguards-api:individual-list')
    created = client_of.post(individuals, {**person, 'unit': unit.pk}, content_type=JSON)
    assert created.status_code == 201, created.content
    stored = Individual.objects.get()
    assert (stored.name, stored.aliases, stored.unit) == ('Faustin Kemitara', 'F. Kemitara', unit)
    other_unit = client_of.post(individuals, {**person, 'unit': elsewhere.pk}, content_type=JSON)
    assert other_unit.status_code == 400 and 'unit' in other_unit.json()
    other_country = client_of.post(individuals, {**person, 'country': 'CAF'}, content_type=JSON)
    assert other_country.status_code == 403
    detail = reverse('safeguards-api:individual-detail', args=[stored.pk])
    assert client_of.patch(detail, {'position': 'Brigade commander'}, content_type=JSON).status_code == 200
    assert client_of.patch(detail, {'country': 'CAF'}, content_type=JSON).status_code == 403
    stored.refresh_from_db()
    assert (Individual.objects.count(), stored.country.iso3, stored.position) == (1, 'COD', 'Brigade commander')


# Section: refusals


def test_an_officer_of_another_country_gets_nothing_by_id(client, make_user):
    person = individual('COD', 'Faustin Kemitara')
    listed = watch_list('COD', 'Faustin Kemitara')
    screening = vetting.screen([person], verified(make_user('cod', Role.DUE_DILIGENCE_OFFICER, countries=('COD',))))[0]
    match = screening.matches.get()
    verified_login(client, make_user('caf', Role.DUE_DILIGENCE_OFFICER, countries=('CAF',)))
    pages = [
        reverse('safeguards:individual', args=['CAF', person.pk]),
        reverse('safeguards:individual_edit', args=['CAF', person.pk]),
        reverse('safeguards:individual_history', args=['CAF', person.pk]),
        reverse('safeguards:watchlist', args=['CAF', listed.pk]),
        reverse('safeguards:watchlist_export', args=['CAF', listed.pk, 'csv']),
        reverse('safeguards:match_review', args=['CAF', match.pk]),
    ]
    for page in pages:
        assert client.get(page).status_code == 404, page
    for page in ['individual', 'individual_edit', 'watchlist_list']:
        args = [] if page == 'watchlist_list' else [person.pk]
        assert client.get(reverse(f'safeguards:{page}', args=['COD', *args])).status_code in (403, 404)
    for name, pk in [('individual', person.pk), ('watchlist', listed.pk), ('listedperson', listed.people.get().pk),
                     ('screening', screening.pk), ('screeningmatch', match.pk)]:  # fmt: skip
        assert client.get(reverse(f'safeguards-api:{name}-detail', args=[pk])).status_code == 404, name
    assert client.get(reverse('safeguards-api:individual-list')).json()['results'] == []
    api_run = client.post(reverse('safeguards-api:screening-list'), {'individual': person.pk}, content_type=JSON)
    assert api_run.status_code == 404
    assert Screening.objects.count() == 1


def test_a_session_without_a_second_factor_is_refused(client, officer):
    person = individual('COD', 'Faustin Kemitara')
    client.force_login(officer)
    for page in (url('individual_list'), url('individual', person.pk)):
        response = client.get(page)
        assert response.status_code == 302 and response.url.startswith(reverse('two_factor')), page
        assert 'Faustin' not in response.content.decode()
    assert client.get(reverse('safeguards-api:individual-detail', args=[person.pk])).status_code == 404


def test_the_pages_speak_french(client_of, settings):
    person = individual('COD', 'Faustin Kemitara', fictitious=True)
    client_of.cookies[settings.LANGUAGE_COOKIE_NAME] = 'fr'
    page = client_of.get(url('individual', person.pk)).content.decode()
    assert 'Vérifier maintenant' in page and 'Pas encore vérifiée.' in page and 'fictif' in page
    assert 'Screen now' not in page
    preview = client_of.post(url('watchlist_import'), upload('watchlist_errors.csv')).content.decode()
    assert 'Ligne 3\u00a0: Le nom manque.' in preview


def test_a_match_on_an_alias_says_which_alias(client_of, officer):
    person = individual('COD', 'Faustin Kemitara', 'Mzee Lokoto')
    allegation('COD', 'Lokoto Mzee')
    client_of.post(url('screen', person.pk), {'threshold': 85})
    match = Screening.objects.get().matches.get()
    assert (match.matched_name, match.screened_name) == ('Lokoto Mzee', 'Mzee Lokoto')
    review = client_of.get(url('match_review', match.pk)).content.decode()
    assert '<dd class="col-sm-9" id="screened-name">Mzee Lokoto</dd>' in review
