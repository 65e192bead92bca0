"""The country dashboard's due-diligence panel: shown to the readers of the country's records, with links to the
cases, their assessments, the open allegations, the watch lists and the annual summaries, each logged as read;
absent for everyone else and for an unverified session."""

import datetime

import pytest
from django.urls import reverse

from ssrhub.core.models import SensitiveRead
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.safeguards.models import WatchList

from .allegations_data import actor, allegation, support_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(make_user):
    officer = make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('COD',))
    brigade = actor('COD', '31st brigade')
    case = support_request(brigade, officer, title='Rations for the <b>brigade</b>', status='decided', risk=3,
                           decision=(datetime.date(2025, 2, 1), datetime.date(2026, 2, 1)))  # fmt: skip
    alleged = allegation(recipient=brigade, reported_on=datetime.date(2025, 6, 3))
    watch_list = WatchList.objects.create(country=case.country, title='Panel list', organisation='Panel of experts')
    return officer, case, alleged, watch_list


def test_the_officer_sees_the_panel_and_its_reads_are_logged(client, records):
    officer, case, alleged, watch_list = records
    verified_login(client, officer)
    page = client.get(reverse('countries:dashboard', args=['COD'])).content.decode()
    panel = page[page.index('id="panel-due-diligence"') :].split('</section>')[0]
    assessment = case.current_assessment
    for url in (
        reverse('safeguards:supportrequest', args=['COD', case.pk]),
        reverse('safeguards:riskassessment', args=['COD', assessment.pk]),
        reverse('safeguards:allegation', args=['COD', alleged.pk]),
        reverse('safeguards:watchlist', args=['COD', watch_list.pk]),
        reverse('safeguards:summary', args=['COD', 2025]),
    ):
        assert f'href="{url}"' in panel, url
    assert 'Rations for the &lt;b&gt;brigade&lt;/b&gt;' in panel
    logged = {(read.content_type.model, read.object_id) for read in SensitiveRead.objects.filter(user=officer)}
    assert {('supportrequest', case.pk), ('riskassessment', assessment.pk), ('allegation', alleged.pk),
            ('watchlist', watch_list.pk)} <= logged  # fmt: skip


def test_outsiders_and_unverified_sessions_see_no_panel(client, records, make_user):
    officer, case, _alleged, _watch_list = records
    editor = make_user('editor-cod', Role.COUNTRY_EDITOR, countries=('COD',))
    other = make_user('officer-caf', Role.DUE_DILIGENCE_OFFICER, countries=('CAF',))
    for user, verify in ((editor, True), (other, True), (officer, False)):
        verified_login(client, user) if verify else client.force_login(user)
        page = client.get(reverse('countries:dashboard', args=['COD'])).content.decode()
        assert 'panel-due-diligence' not in page and case.title not in page, user
    assert not SensitiveRead.objects.exists()
