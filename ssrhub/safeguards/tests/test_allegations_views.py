"""Alleged violations' pages: search decrypting in Python (the encrypted columns never in SQL), escaping, the
record page's requests and reopenings, deletion, and who sees what: another country's officer, editors, viewers."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified, verified_login
from ssrhub.safeguards.models import Allegation, Reopening, SharedDecision

from .allegations_data import allegation, support_request

pytestmark = pytest.mark.django_db

XSS = '<script>alert(1)</script> <img src=x onerror=alert(2)>'


@pytest.fixture
def officer(make_user):
    return make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('COD',))


def test_the_search_decrypts_narratives_and_perpetrators_never_sql(client, officer):
    verified_login(client, officer)
    found = allegation(narrative='Des soldats ont tiré sur le marché.', perpetrators='Jean Dupont | J. Dupont')
    allegation(narrative='Arrests at night.', violation='arbitrary-detention')
    url = reverse('safeguards:allegation_list', args=['COD'])
    with CaptureQueriesContext(connection) as queries:
        by_narrative = client.get(url, {'q': 'tire MARCHE'})  # accents and case folded
    assert found.get_absolute_url() in by_narrative.content.decode()
    assert 'Arrests at night' not in by_narrative.content.decode()
    sql = ' '.join(query['sql'] for query in queries.captured_queries)
    assert 'marche' not in sql.lower() and 'tire' not in sql.lower()
    by_alias = client.get(url, {'q': '"J. Dupont"'}).content.decode()
    assert found.get_absolute_url() in by_alias and 'Arrests at night' not in by_alias
    # Filters on plain columns combine with it.
    assert 'Arrests at night' in client.get(url, {'violation': 'arbitrary-detention'}).content.decode()
    assert found.get_absolute_url() not in client.get(url, {'q': 'tire', 'violation': 'torture'}).content.decode()
    # The column is stored encrypted and refuses SQL lookups.
    with pytest.raises(FieldError):
        Allegation.objects.filter(narrative__icontains='marché').exists()


def test_the_raw_column_holds_no_plain_text(officer):
    record = allegation(narrative='Soldiers fired on the Bunia market.')
    with connection.cursor() as cursor:
        cursor.execute('SELECT narrative FROM safeguards_allegation WHERE id = %s', [record.pk])
        (stored,) = cursor.fetchone()
    assert 'Bunia' not in stored


def test_a_script_in_the_narrative_is_escaped_on_the_list_the_record_and_its_history(client, officer):
    verified_login(client, officer)
    record = allegation(narrative=XSS, perpetrators=XSS)
    record.narrative = XSS + ' changed'
    record.save()
    pages = [
        reverse('safeguards:allegation_list', args=['COD']),
        record.get_absolute_url(),
        reverse('safeguards:allegation_history', args=['COD', record.pk]),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert '&lt;script&gt;alert(1)&lt;/script&gt;' in body, url
        assert '<script>alert(1)' not in body and '<img src=x' not in body, url


def test_the_record_shows_victims_not_known_the_requests_and_what_it_reopened(client, officer):
    verified_login(client, officer)
    record = allegation(victims_women=0, victims_girls=3)
    case = support_request(record.recipient, officer, title='Rations to the 31st brigade')
    Reopening.objects.create(request=case, reason='new-allegation', allegation=record)
    body = client.get(record.get_absolute_url()).content.decode()
    victims = body[body.index('id="allegation-victims"') :].split('</ul>')[0]
    assert victims.count('not known') == 3  # men, boys, unknown sex or age; 0 women is shown as 0
    assert 'Women: 0' in ' '.join(victims.replace('\n', ' ').split()).replace('</span>', '')
    assert body.count('Rations to the 31st brigade') == 2  # the request, and the case it reopened
    assert 'B: usually reliable' in body  # the grades' legend


def test_an_allegation_a_case_refers_to_is_not_deleted(client, officer):
    verified_login(client, officer)
    record = allegation()
    Reopening.objects.create(request=support_request(record.recipient, officer), reason='new-allegation',
                             allegation=record)  # fmt: skip
    url = reverse('safeguards:allegation_delete', args=['COD', record.pk])
    assert client.post(url).status_code == 409
    free = allegation()
    assert client.post(reverse('safeguards:allegation_delete', args=['COD', free.pk])).status_code == 302
    assert list(Allegation.objects.all()) == [record]


def test_an_officer_of_another_country_gets_nothing_by_id(client, make_user):
    lbr = allegation('LBR')
    verified_login(client, make_user('caf-officer', Role.DUE_DILIGENCE_OFFICER, countries=('CAF',)))
    for name in ('allegation', 'allegation_edit', 'allegation_delete', 'allegation_history'):
        assert client.get(reverse(f'safeguards:{name}', args=['LBR', lbr.pk])).status_code == 403, name
        assert client.get(reverse(f'safeguards:{name}', args=['CAF', lbr.pk])).status_code == 404, name
    assert client.get(reverse('safeguards-api:allegation-detail', args=[lbr.pk])).status_code == 404
    assert client.get(reverse('safeguards-api:allegationsource-detail', args=[lbr.sources.get().pk])).status_code == 404
    assert client.get(reverse('safeguards-api:allegation-list')).json()['count'] == 0
    assert client.get(reverse('safeguards-api:overview-overview', args=['LBR'])).status_code == 403
    assert client.get(reverse('safeguards:allegation_list', args=['CAF']), {'q': 'market'}).status_code == 200


def test_outsiders_see_only_the_shared_decisions(client, make_user, officer):
    record = allegation()
    case = support_request(record.recipient, officer, title='Fuel for the 31st brigade', status='decided')
    SharedDecision.objects.create(
        request=case, country=case.country, recipient=case.recipient, kind='fuel', outcome='support',
        decided_on=datetime.date(2025, 5, 1), expires_on=datetime.date(2026, 5, 1),
    )  # fmt: skip
    editor = make_user('editor-cod', Role.COUNTRY_EDITOR, countries=('COD',))
    viewer = make_user('viewer-cod', Role.VIEWER)
    closed = [
        reverse('safeguards:overview', args=['COD']),
        reverse('safeguards:allegation_list', args=['COD']),
        reverse('safeguards:allegation_add', args=['COD']),
        record.get_absolute_url(),
        reverse('safeguards:allegation_history', args=['COD', record.pk]),
    ]
    shared = reverse('safeguards:shared_decisions', args=['COD'])
    for user in (editor, viewer):
        verified_login(client, user)  # even verified: their role reads no due-diligence record
        for url in closed:
            assert client.get(url).status_code in (403, 404), (user, url)
        body = client.get(shared).content.decode()
        assert 'Forces armées' in body and 'Fuel for the 31st brigade' not in body
        tabs = body[body.index('id="workspace-tabs"') :].split('</nav>')[0]
        assert f'href="{shared}"' in tabs
        assert f'href="{reverse("safeguards:overview", args=["COD"])}"' not in tabs
        assert f'href="{reverse("safeguards:allegation_list", args=["COD"])}"' not in tabs
    # The officer, verified, sees the three tabs; unverified, the pages send them to the second factor.
    client.force_login(officer)
    assert client.get(reverse('safeguards:overview', args=['COD'])).url.startswith(reverse('two_factor'))
    verified_login(client, officer)
    tabs = client.get(reverse('safeguards:overview', args=['COD'])).content.decode()
    for url in (reverse('safeguards:allegation_list', args=['COD']), shared):
        assert f'href="{url}"' in tabs


def test_global_search_decrypts_for_the_countrys_verified_readers_only(officer, make_user):
    from ssrhub.core.searching import global_search

    allegation(narrative='Soldiers burnt the Kanyabayonga market.')
    found = global_search(verified(officer), 'kanyabayonga')
    assert [facet['kind'] for facet in found.facets] == ['allegations']
    unverified = get_user_model().objects.get(pk=officer.pk)  # the same officer, loaded without a second factor
    assert global_search(unverified, 'kanyabayonga').facets == []
    other = verified(make_user('caf-reader', Role.HRDDP_FORUM_MEMBER, countries=('CAF',)))
    assert global_search(other, 'kanyabayonga').facets == []
