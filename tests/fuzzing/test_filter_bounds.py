"""A number or a year out of range in a filter is a form error saying what to type, never a 500 (issue 15, item 5)."""

import pytest
from django.urls import reverse

from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

YEAR = {'en': 'Enter a year between 1 and 9999.', 'fr': 'Saisissez une année entre 1 et 9999.'}
NUMBER = {
    'en': 'Enter a number between -9223372036854775807 and 9223372036854775807.',
    'fr': 'Saisissez un nombre entre -9223372036854775807 et 9223372036854775807.',
}


@pytest.mark.parametrize('year', ['0', '-5', '10000', '99999999999999999999999'])
@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_year_out_of_range_is_an_error_on_the_page_and_in_the_api(client, make_user, year, language):
    client.force_login(make_user('reader', Role.VIEWER))
    headers = {'HTTP_ACCEPT_LANGUAGE': language}
    page = client.get(reverse('documents:document_list'), {'year': year}, **headers)
    assert page.status_code == 200
    assert YEAR[language] in page.content.decode()
    api = client.get(reverse('documents-api:document-list'), {'year': year}, **headers)
    assert api.status_code == 400
    assert api.json() == {'year': [YEAR[language]]}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_huge_number_is_an_error_in_the_api(client, language):
    url = reverse('coding-api:codeassignment-list')
    response = client.get(url, {'paragraph': '9223372036854775808'}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400, response.content
    assert response.json() == {'paragraph': [NUMBER[language]]}


def test_a_year_in_range_filters():
    from ssrhub.documents.filtersets import DocumentFilterSet
    from ssrhub.documents.models import Document

    filterset = DocumentFilterSet({'year': '2014'}, queryset=Document.objects.none())
    assert filterset.is_valid(), filterset.errors
