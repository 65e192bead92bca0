"""Support-request pages: list filters and search over the encrypted description, the case page, the assessment
form with its five factors saved all or nothing, drafts only edited, XSS escaped, the tab shown only to readers."""

import pytest
from django.urls import reverse

from ssrhub.core.searching import global_search
from ssrhub.core.testing.two_factor import verified, verified_login
from ssrhub.framework.models import UNEntity
from ssrhub.safeguards import workflow
from ssrhub.safeguards.models import CaseStatus, Mitigation, RiskAssessment, SupportRequest

from .cases_data import put_in, recipient, support_request, users

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script>'


@pytest.fixture
def people(make_user):
    return users(make_user)


def _list(iso3='COD'):
    return reverse('safeguards:supportrequest_list', args=[iso3])


def test_list_search_finds_words_of_the_encrypted_description_and_filters(client, people):
    officer = people['officer']
    support_request(officer, title='Zulu airfield request', description='Diesel for the Kisangani airfield')
    other = support_request(officer, title='Yankee brigade request', description='Food for the brigade')
    put_in(other, CaseStatus.SUBMITTED)
    verified_login(client, officer)
    page = client.get(_list(), {'q': 'kisangani'}).content.decode()
    assert 'Zulu airfield request' in page and 'Yankee brigade request' not in page
    page = client.get(_list(), {'status': 'submitted'}).content.decode()
    assert 'Yankee brigade request' in page and 'Zulu airfield request' not in page
    # The encrypted column is not sortable: asking to sort on it leaves the default order, never an SQL error.
    assert client.get(_list(), {'sort': 'description'}).status_code == 200
    hits = global_search(verified(officer), 'airfield')
    assert [facet['kind'] for facet in hits.facets] == ['support-requests']
    assert not global_search(verified(people['editor']), 'airfield').facets
    assert not global_search(verified(people['caf_officer']), 'airfield').facets


def test_xss_in_a_description_and_a_mitigation_is_escaped_everywhere(client, people):
    officer = people['officer']
    request = support_request(officer, description=XSS)
    mitigation = Mitigation.objects.create(request=request, description=XSS, owner='JHRO', due_on='2026-01-01')
    mitigation.evidence = XSS
    mitigation.save()
    verified_login(client, officer)
    iso3 = request.country.iso3
    for url in (
        _list(),
        request.get_absolute_url(),
        reverse('safeguards:supportrequest_history', args=[iso3, request.pk]),
    ):
        page = client.get(url).content.decode()
        assert XSS not in page, url
        assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' in page, url


def test_case_page_shows_suggested_and_chosen_risk_versions_overdue_measures_and_the_users_steps(client, people):
    officer, head = people['officer'], people['head']
    request = support_request(officer)
    Mitigation.objects.create(request=request, description='Vet', owner='JHRO', due_on='2020-01-01')
    workflow.submit(request, officer)
    workflow.return_to_draft(request, people['forum'], 'Rate the command.')
    verified_login(client, officer)
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'Risk assessment, version 2' in page
    assert 'the matrix suggests: High' in page and 'id="overall-risk">High' in page
    assert RiskAssessment.objects.get(request=request, version=1).get_absolute_url() in page
    assert 'overdue' in page and 'Returned by the forum for more work' in page
    assert 'data-step="submit"' in page and 'data-step="review"' not in page
    verified_login(client, head)
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'data-step=' not in page and 'id="edit-assessment"' not in page
    first = RiskAssessment.objects.get(request=request, version=1)
    assert client.get(first.get_absolute_url()).status_code == 200


def test_assessment_and_factors_save_together_or_not_at_all(client, people):
    officer = people['officer']
    request = support_request(officer)
    url = reverse('safeguards:riskassessment_edit', args=['COD', request.pk])
    verified_login(client, officer)
    assert client.get(url).status_code == 200
    factors = ['command-and-control', 'accountability', 'training', 'past-conduct', 'operational-context']
    data = {
        'likelihood': 3,
        'impact': 3,
        'overall_risk': 4,
        'assessors': [officer.pk],
        'factors-TOTAL_FORMS': 5,
        'factors-INITIAL_FORMS': 5,
        'last_updated': request.current_assessment.last_updated.isoformat(),
    }
    for index, kind in enumerate(factors):
        data[f'factors-{index}-factor'] = kind
        data[f'factors-{index}-rating'] = 2
        data[f'factors-{index}-finding'] = f'Finding on {kind}'
    data['factors-4-rating'] = 9  # not a level: nothing at all is saved
    assert client.post(url, data).status_code == 400
    assessment = request.current_assessment
    assert (assessment.likelihood, assessment.factors.count()) == (2, 2)
    data['factors-4-rating'] = ''  # an unrated factor is left out
    assert client.post(url, data).status_code == 302
    assessment.refresh_from_db()
    assert (assessment.likelihood, assessment.overall_risk) == (3, 4)
    assert sorted(assessment.factors.values_list('factor', flat=True)) == sorted(factors[:4])
    workflow.submit(request, officer)  # freezes the version: no more edits, of it or of the request
    assert client.get(url).status_code == 403
    assert client.get(reverse('safeguards:supportrequest_edit', args=['COD', request.pk])).status_code == 403
    assert client.post(reverse('safeguards:supportrequest_delete', args=['COD', request.pk])).status_code == 403
    assert SupportRequest.objects.filter(pk=request.pk).exists()


def test_add_a_request_with_its_first_assessment(client, people):
    verified_login(client, people['officer'])
    actor = recipient()
    response = client.post(
        reverse('safeguards:supportrequest_add', args=['COD']),
        {
            'title': 'Training of the 31st brigade',
            'un_entity': UNEntity.objects.get(code='DPO').pk,
            'recipient': actor.pk,
            'kind': 'training',
            'description': 'Six weeks',
            'start': '2026-02-01',
            'basis': 'S/RES/2765 (2024)',
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    request = SupportRequest.objects.get(title='Training of the 31st brigade')
    assert request.status == CaseStatus.DRAFT and request.assessments.get().version == 1


def test_the_tab_shows_only_to_readers_and_refusals_are_clear(client, people):
    request = support_request(people['officer'])
    dashboard = reverse('countries:dashboard', args=['COD'])
    verified_login(client, people['forum'])
    assert f'href="{_list()}"' in client.get(dashboard).content.decode()
    verified_login(client, people['editor'])
    assert f'href="{_list()}"' not in client.get(dashboard).content.decode()
    assert client.get(_list()).status_code == 403
    client.force_login(people['officer'])  # no second factor: no sensitive record
    assert client.get(request.get_absolute_url()).status_code in {302, 403, 404}
