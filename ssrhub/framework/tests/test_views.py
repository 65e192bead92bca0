"""Server-rendered pages: framework tree and search, items, entities, missions, editing and history."""

import pytest
from django.utils import timezone

from ssrhub.core.roles import Role
from ssrhub.framework.models import Mission

pytestmark = pytest.mark.django_db

TREE = '/framework/un-ssr/2026.1/'


def test_framework_index_redirects_to_the_current_version(client):
    response = client.get('/framework/')
    assert response.status_code == 302 and response['Location'] == TREE


def test_tree_shows_every_group_with_citations(client):
    page = client.get(TREE).content.decode()
    for code in ('principle.national-ownership', 'feature.legal-framework', 'area.management-oversight', 'au-ogn'):
        assert code in page
    # The symbol links to the UN's Official Document System (the document is not stored here).
    assert 'href="https://undocs.org/S/RES/2151(2014)" rel="external">S/RES/2151 (2014)</a> ¶9' in page


def test_tree_search_keeps_matches_and_their_ancestors(client):
    response = client.get(TREE, {'q': 'ownership'})
    page = response.content.decode()
    assert 'principle.national-ownership' in page and '<mark>' in page
    assert 'area.justice' not in page
    assert response.context['match_count'] >= 2


def test_tree_search_htmx_returns_only_the_tree(client):
    response = client.get(TREE, {'q': 'gender'}, HTTP_HX_REQUEST='true')
    page = response.content.decode()
    assert '<html' not in page and 'gender.participation' in page


def test_french_interface_shows_french_labels(client):
    client.post('/i18n/setlang/', {'language': 'fr', 'next': TREE})
    page = client.get(TREE, {'q': 'appropriation'}).content.decode()
    assert '<html lang="fr">' in page
    assert 'Appropriation nationale' in page
    assert 'Rechercher' in page


def test_item_page_has_both_languages_sources_and_breadcrumb(client):
    response = client.get(f'{TREE}items/principle.national-ownership/')
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="fr"' in page and 'Ebo &amp; Hänggi' in page
    assert 'href="/framework/un-ssr/2026.1/items/principle/"' in page


def test_unknown_item_is_404(client):
    assert client.get(f'{TREE}items/principle.nothing/').status_code == 404


def test_entity_page_shows_renaming_and_members(client):
    page = client.get('/entities/DPO/').content.decode()
    assert 'DPKO' in page and '2019-01-01' in page
    page = client.get('/entities/IASSRTF/').content.decode()
    assert 'UNDP' in page and 'Co-chair' in page


def test_mission_list_filters(client):
    response = client.get('/missions/', {'type': 'pko', 'country': 'CAF'})
    acronyms = {mission.acronym for mission in response.context['table'].data}
    assert 'MINUSCA' in acronyms and 'BINUCA' not in acronyms


def test_mission_page_shows_lineage(client):
    page = client.get('/missions/MINUSCA/').content.decode()
    assert 'BINUCA' in page and 'Lineage' in page


def test_global_search_finds_items_missions_entities_and_countries(client):
    response = client.get('/search/', {'q': 'Liberia'})
    labels = {str(group['label']) for group in response.context['results'].groups}
    assert {'Countries', 'Missions'} <= labels


# Section: editing, access and audit


def _edit_data(mission, **changes):
    data = {
        'name_en': mission.name_en,
        'name_fr': mission.name_fr,
        'type': mission.type,
        'start': mission.start.isoformat(),
        'end': mission.end.isoformat() if mission.end else '',
        'established_by': mission.established_by,
        'predecessors': [p.pk for p in mission.predecessors.all()],
        'note': mission.note,
        'last_updated': timezone.now().isoformat(),
    }
    data.update(changes)
    return data


def test_country_editor_edits_only_missions_of_assigned_countries(client, make_user):
    editor = make_user('car-editor', Role.COUNTRY_EDITOR, countries=('CAF',))
    client.force_login(editor)
    minusca = Mission.objects.get(acronym='MINUSCA')
    response = client.post('/missions/MINUSCA/edit/', _edit_data(minusca, note='Checked against S/RES/2149.'))
    assert response.status_code == 302
    minusca.refresh_from_db()
    assert minusca.note == 'Checked against S/RES/2149.'
    assert client.get('/missions/UNMIL/edit/').status_code == 403


def test_viewer_cannot_edit_and_anonymous_is_sent_to_login(client, make_user):
    assert client.get('/missions/MINUSCA/edit/')['Location'].startswith('/accounts/login/')
    client.force_login(make_user('reader', Role.VIEWER))
    assert client.get('/missions/MINUSCA/edit/').status_code == 403


def test_invalid_symbol_is_refused_with_a_message(client, make_user):
    client.force_login(make_user('car-editor', Role.COUNTRY_EDITOR, countries=('CAF',)))
    minusca = Mission.objects.get(acronym='MINUSCA')
    response = client.post('/missions/MINUSCA/edit/', _edit_data(minusca, established_by='S/RES/21x9 (2014)'))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'S/RES/21x9' in page and 'aria-invalid="true"' in page
    minusca.refresh_from_db()
    assert minusca.established_by != 'S/RES/21x9 (2014)'


def test_symbol_is_stored_in_canonical_form(client, make_user):
    client.force_login(make_user('car-editor', Role.COUNTRY_EDITOR, countries=('CAF',)))
    minusca = Mission.objects.get(acronym='MINUSCA')
    client.post('/missions/MINUSCA/edit/', _edit_data(minusca, established_by='s/res/2149(2014)'))
    minusca.refresh_from_db()
    assert minusca.established_by == 'S/RES/2149 (2014)'


def test_stale_form_is_refused(client, make_user):
    client.force_login(make_user('car-editor', Role.COUNTRY_EDITOR, countries=('CAF',)))
    minusca = Mission.objects.get(acronym='MINUSCA')
    stale = _edit_data(minusca, note='mine', last_updated='2000-01-01T00:00:00+00:00')
    response = client.post('/missions/MINUSCA/edit/', stale)
    assert response.status_code == 400
    assert 'changed by someone else' in response.content.decode()


def test_history_shows_who_changed_what(client, make_user):
    editor = make_user('car-editor', Role.COUNTRY_EDITOR, countries=('CAF',))
    client.force_login(editor)
    minusca = Mission.objects.get(acronym='MINUSCA')
    old_note = minusca.note
    client.post('/missions/MINUSCA/edit/', _edit_data(minusca, note='New note for the audit test.'))
    page = client.get('/missions/MINUSCA/history/').content.decode()
    assert 'car-editor' in page and 'New note for the audit test.' in page
    record = minusca.history.first()
    assert record.history_user == editor
    assert record.diff_against(record.prev_record).changes[0].old == old_note
    changes = client.get('/changes/').content.decode()
    assert 'MINUSCA' in changes and 'car-editor' in changes


def test_anonymous_history_shows_when_and_which_fields_but_no_one_and_no_values(client, make_user):
    editor = make_user('car-editor', Role.COUNTRY_EDITOR, countries=('CAF',))
    client.force_login(editor)
    minusca = Mission.objects.get(acronym='MINUSCA')
    client.post('/missions/MINUSCA/edit/', _edit_data(minusca, note='New note for the audit test.'))
    client.logout()
    page = client.get('/missions/MINUSCA/history/').content.decode()
    assert 'car-editor' not in page and 'New note for the audit test.' not in page and '<del>' not in page
    assert 'Fields changed' in page and '<li>Note</li>' in page
    home = client.get('/').content.decode()
    assert 'car-editor' not in home and 'New note for the audit test.' not in home


def test_changes_page_needs_login(client):
    assert client.get('/changes/').status_code == 302


# Section: query counts (catch N+1 regressions: the count must not grow with the number of rows)


@pytest.mark.parametrize(
    ('url', 'most'),
    [
        ('/', 10),
        (TREE, 8),
        (f'{TREE}?q=ownership', 8),
        ('/missions/', 5),
        ('/entities/', 5),
        ('/countries/', 4),
        ('/api/framework/items/?page_size=1000', 4),
        ('/api/framework/missions/', 8),
        ('/api/framework/entities/', 8),
    ],
)
def test_pages_use_a_bounded_number_of_queries(client, django_assert_max_num_queries, url, most):
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
