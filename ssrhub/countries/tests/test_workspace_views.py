"""Dashboard, engagement lifecycle, national documents with the Gantt view, action tracking and the brief, on
Liberia's 2008 National Security Strategy and its Implementation Schedule (book, chapter 8, lines 1899-1905)."""

import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from pypdf import PdfReader

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.countries.models import (
    Action,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    Assessment,
    AssessmentRating,
    Engagement,
    EngagementStage,
    EventDate,
    NationalDocument,
    Threat,
    TimelineEvent,
)
from ssrhub.framework.models import FrameworkItem, FrameworkVersion, Mission

pytestmark = pytest.mark.django_db

WORKSPACE = '/countries/LBR/workspace/'


@pytest.fixture
def liberia():
    country = Country.objects.get(iso3='LBR')
    engagement = Engagement.objects.create(
        country=country,
        setting='pko',
        mission=Mission.objects.filter(acronym='UNMIL').first(),
        mandate_symbol='S/RES/1509 (2003)',
        national_lead='National Security Council',
    )
    EngagementStage.objects.create(engagement=engagement, stage='strategy', status='done', start=date(2008, 1, 1))
    strategy = NationalDocument.objects.create(
        country=country,
        kind='strategy',
        title='National Security Strategy',
        status='adopted',
        adopted=date(2008, 1, 15),
    )
    schedule = NationalDocument.objects.create(
        country=country,
        kind='plan',
        title='Implementation Schedule',
        parent=strategy,
        status='adopted',
        adopted=date(2008, 1, 15),
    )
    for ref, title in [
        ('1', 'Land and property disputes'),
        ('2', 'Ethnic tensions'),
        ('3', 'Poverty and unemployment'),
    ]:
        Threat.objects.create(document=strategy, ref=ref, title=title)
    budget = Action.objects.create(
        document=schedule,
        ref='4',
        title='Prepare a security sector budget',
        start=date(2008, 3, 1),
        end=date(2008, 9, 30),
    )
    officers = Action.objects.create(
        document=schedule, ref='9', title='Deploy national security officers throughout Liberia', timeframe='medium'
    )
    officers.depends_on.add(budget)
    Action.objects.create(document=schedule, ref='13', title='Hold national security exercises')
    ministry = Actor.objects.create(
        country=country, name='Ministry of Justice', area='management-oversight', type='executive'
    )
    police = Actor.objects.create(
        country=country, name='Liberia National Police', acronym='LNP', area='core-security-actors', type='police'
    )
    ActorRelation.objects.create(from_actor=ministry, kind='oversees', to_actor=police)
    event = TimelineEvent.objects.create(country=country, kind='deployment', title='UNMIL hands over security')
    EventDate.objects.create(event=event, date=date(2016, 6, 30))
    return {'country': country, 'strategy': strategy, 'schedule': schedule, 'budget': budget, 'officers': officers}


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('ed', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return client


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('vi', Role.VIEWER))
    return client


def test_pages_need_an_account_a_role_and_for_changes_the_country(client, make_user, liberia):
    pages = ['', 'engagement/', 'documents/', f'documents/{liberia["schedule"].pk}/', 'brief/']
    assert client.get(WORKSPACE)['Location'].startswith('/accounts/login/')
    client.force_login(make_user('nobody'))
    assert client.get(WORKSPACE).status_code == 403
    client.force_login(make_user('reader', Role.VIEWER))
    for page in pages:
        assert client.get(WORKSPACE + page).status_code == 200, page
    assert client.get('/countries/XYZ/workspace/').status_code == 404
    assert client.get(f'{WORKSPACE}engagement/edit/').status_code == 403
    client.force_login(make_user('caf-editor', Role.COUNTRY_EDITOR, countries=('CAF',)))
    assert (
        client.post(
            f'{WORKSPACE}actions/{liberia["budget"].pk}/status/', {'date': '2008-06-01', 'status': 'done'}
        ).status_code
        == 403
    )
    assert not ActionStatusUpdate.objects.exists()


def test_engagement_page_lists_every_stage_and_a_skipped_stage_needs_a_reason(editor, liberia):
    page = editor.get(f'{WORKSPACE}engagement/').content.decode()
    assert page.count('data-stage=') == 12
    assert 'S/RES/1509 (2003)' in page and 'National Security Council' in page
    response = editor.post(f'{WORKSPACE}engagement/stages/mapping/', {'status': 'skipped'})
    assert response.status_code == 400 and 'Say why the stage was skipped.' in response.content.decode()
    response = editor.post(
        f'{WORKSPACE}engagement/stages/mapping/',
        {'status': 'skipped', 'skip_reason': 'Sector assessed by the GC in 2006'},
    )
    assert response.status_code == 302
    assert EngagementStage.objects.get(stage='mapping').skip_reason == 'Sector assessed by the GC in 2006'
    assert editor.get(f'{WORKSPACE}engagement/stages/unknown/').status_code == 404


def test_document_page_draws_the_gantt_and_lists_actions_with_their_dependencies(viewer, liberia):
    page = viewer.get(f'{WORKSPACE}documents/{liberia["schedule"].pk}/').content.decode()
    assert 'Implements:' in page and 'National Security Strategy' in page
    assert page.count('class="gantt-bar') == 2  # dated budget, band-estimated officers
    assert 'gantt-bar status-not-started estimated' in page
    assert 'no dates or timeframe' in page  # the exercises have neither
    row = page.split(f'id="action-{liberia["officers"].pk}"')[1].split('</tr>')[0]
    assert '4 Prepare a security sector budget' in row
    assert 'status-form' not in page  # viewers cannot record a status


def test_status_updates_keep_a_dated_history_and_set_the_status(editor, liberia):
    budget = liberia['budget']
    url = f'{WORKSPACE}actions/{budget.pk}/status/'
    assert editor.post(url, {'date': '2008-05-01', 'status': 'behind', 'note': 'No budget line'}).status_code == 302
    assert editor.post(url, {'date': '2008-04-01', 'status': 'on-track'}).status_code == 302  # an older report
    budget.refresh_from_db()
    assert budget.status == 'behind'  # the latest date wins, not the latest entry
    assert list(budget.status_updates.values_list('status', flat=True)) == ['on-track', 'behind']
    editor.post(url, {'date': 'soon', 'status': 'done'})
    assert budget.status_updates.count() == 2


def test_dashboard_is_kept_until_a_record_it_shows_changes(viewer, liberia, make_user):
    viewer.get(WORKSPACE)
    with CaptureQueriesContext(connection) as kept:
        assert 'data-status="not-started">3<' in viewer.get(WORKSPACE).content.decode()
    with CaptureQueriesContext(connection) as calculated:
        _dashboard(liberia['country'], make_user('other-viewer', Role.VIEWER))
    assert len(kept) < len(calculated) - 10  # the plan was not read again
    budget = Action.objects.get(ref='4')
    budget.status = 'on-track'
    budget.save()
    assert 'data-status="not-started">2<' in viewer.get(WORKSPACE).content.decode()


def test_dashboard_of_a_sensitive_reader_is_calculated_each_time(client, make_user, liberia):
    verified_login(client, make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('LBR',)))
    client.get(WORKSPACE)
    with CaptureQueriesContext(connection) as second:
        client.get(WORKSPACE)
    with CaptureQueriesContext(connection) as third:
        client.get(WORKSPACE)
    assert len(second) == len(third) > 20 and any('countries_action' in q['sql'] for q in third)


def _dashboard(country, user):
    client = Client()
    client.force_login(user)
    return client.get(f'/countries/{country.iso3}/workspace/')


def test_dashboard_shows_status_counts_and_overdue_actions(viewer, liberia):
    page = viewer.get(WORKSPACE).content.decode()
    assert 'data-status="not-started">3<' in page
    overdue = page.split('id="overdue-table"')[1].split('</table>')[0]
    assert 'Prepare a security sector budget' in overdue and 'Hold national security exercises' not in overdue


@pytest.mark.parametrize(('language', 'heading'), [('en', 'SSR brief'), ('fr', 'note de synthèse')])
def test_brief_in_html_and_pdf_in_both_languages(viewer, liberia, language, heading):
    page = viewer.get(f'{WORKSPACE}brief/', {'lang': language}).content.decode()
    actor_map = page.split('id="brief-map"')[1].split('</svg>')[0]
    assert 'LNP' in actor_map and 'Liberia National Police' not in actor_map  # the map labels actors by acronym
    assert page.count('<rect ') == 2 and 'UNMIL hands over security' in page
    response = viewer.get(f'{WORKSPACE}brief.pdf', {'lang': language})
    assert response['Content-Type'] == 'application/pdf'
    assert f'ssrhub-brief-LBR-{language}-' in response['Content-Disposition']
    text = ''.join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert heading.lower() in text.lower()
    assert 'Implementation Schedule' in text and 'LNP' in text


def test_brief_summarises_the_latest_assessment(viewer, liberia):
    version = FrameworkVersion.objects.get(framework__code='un-ssr')
    older = Assessment.objects.create(
        country=liberia['country'], title='2006 review', date=date(2006, 6, 1), framework_version=version
    )
    latest = Assessment.objects.create(
        country=liberia['country'],
        title='Governance Commission assessment',
        date=date(2007, 6, 1),
        framework_version=version,
    )
    items = {item.code: item for item in FrameworkItem.objects.filter(version=version)}
    AssessmentRating.objects.create(assessment=older, item=items['feature.capacities'], score=0)
    for code, score in [('feature.legal-framework', 2), ('feature.capacities', 1), ('standard.accountability', 3)]:
        AssessmentRating.objects.create(assessment=latest, item=items[code], score=score)
    for code, compliance in [('principle.national-ownership', 'met'), ('principle.coordination', 'partly')]:
        AssessmentRating.objects.create(assessment=latest, item=items[code], compliance=compliance)
    section = viewer.get(f'{WORKSPACE}brief/').content.decode().split('id="brief-assessment"')[1].split('</section>')[0]
    assert 'Governance Commission assessment (2007-06-01)' in section
    assert '1.5/4' in section and '3.0/4' in section  # features (2 + 1) / 2, standards 3
    assert 'Met 1' in section and 'Partly met 1' in section


def test_parts_of_a_document_are_edited_by_the_countrys_editors_only(client, make_user, liberia):
    schedule = liberia['schedule']
    add_action = f'{WORKSPACE}documents/{schedule.pk}/action/add/'
    unknown = f'{WORKSPACE}documents/{schedule.pk}/budget/add/'
    for url in (add_action, unknown):
        assert client.get(url)['Location'].startswith('/accounts/login/'), url
    client.force_login(make_user('reader', Role.VIEWER))
    assert client.get(add_action).status_code == 403
    assert client.post(add_action, {'ref': '20', 'title': 'Vet the police'}).status_code == 403
    client.force_login(make_user('bangui', Role.COUNTRY_EDITOR, countries=('CAF',)))
    assert client.post(add_action, {'ref': '20', 'title': 'Vet the police'}).status_code == 403
    budget = f'{WORKSPACE}documents/{schedule.pk}/action/{liberia["budget"].pk}/'
    assert client.post(budget, {'ref': '4', 'title': 'No budget'}).status_code == 403
    client.force_login(make_user('monrovia', Role.COUNTRY_EDITOR, countries=('LBR',)))
    assert client.get(unknown).status_code == 404
    assert client.get(add_action).status_code == 200
    response = client.post(add_action, {'ref': '20', 'title': 'Vet the police', 'kind': 'ssr', 'currency': 'USD'})
    assert response.status_code == 302 and response['Location'] == schedule.get_absolute_url()
    assert schedule.actions.filter(ref='20', title='Vet the police').exists()
    assert not Action.objects.filter(title='No budget').exists()


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_document_page_groups_the_findings_by_record_and_downloads_them(viewer, liberia, language):
    # LocaleMiddleware leaves the request's language active in this thread: the override restores it after.
    with translation.override(language):
        check_grouped_findings(viewer, liberia, language)


def check_grouped_findings(viewer, liberia, language):
    schedule, budget = liberia['schedule'], liberia['budget']
    page = viewer.get(f'{WORKSPACE}documents/{schedule.pk}/', HTTP_ACCEPT_LANGUAGE=language).content.decode()
    findings = page.split('id="findings"')[1].split('</section>')[0]
    # The schedule, its strategy's three threats and its three actions: each record once, worst first.
    subjects = [part.split('"')[0] for part in findings.split('data-subject="')[1:]]
    assert subjects == [
        f'document:{schedule.pk}',
        *(f'threat:{threat.pk}' for threat in liberia['strategy'].threats.order_by('pk')),
        *(f'action:{action.pk}' for action in schedule.actions.order_by('pk')),
    ]
    assert page.count('data-element=') == 6
    budget_group = findings.split(f'data-subject="action:{budget.pk}"')[1].split('finding-group')[0]
    assert budget_group.count('<li class="finding') == 2  # its missing information, then its lateness
    if language == 'en':
        assert 'Not recorded: owner, cost and risks.' in budget_group and 'Overdue by about' in budget_group
        assert 'No action answers this threat.' in findings
    else:
        assert 'Non renseigné\u00a0: responsable, coût et risques.' in budget_group
        assert 'En retard depuis environ' in budget_group
        assert 'Aucune action ne répond à cette menace.' in findings and 'No action' not in findings
    assert ' days' not in findings and ' jours' not in findings

    download = viewer.get(f'{WORKSPACE}documents/{schedule.pk}/checks.csv', HTTP_ACCEPT_LANGUAGE=language)
    rows = download.content.decode('utf-8-sig').splitlines()
    assert len(rows) == 1 + findings.count('<li class="finding')
    assert (
        'No action answers this threat.' if language == 'en' else 'Aucune action ne répond à cette menace.'
    ) in download.content.decode('utf-8-sig')


def test_an_action_form_shows_every_mistake_at_once(editor, liberia):
    url = f'{WORKSPACE}documents/{liberia["schedule"].pk}/action/add/'
    data = {'ref': '20', 'title': 'Vet the police', 'kind': 'ssr', 'currency': 'zz1', 'cost': '-5'}
    response = editor.post(url, {**data, 'start': 'June 2009', 'end': '2009-01'})
    assert response.status_code == 400
    page = response.content.decode()
    summary = page[page.index('id="form-errors"') : page.index('</div>', page.index('id="form-errors"'))]
    assert 'correct these 3 errors' in summary
    for message in (
        '“ZZ1” is not an ISO 4217 currency code: give three letters such as USD, EUR or XOF.',
        'A cost cannot be negative.',
        'An action cannot end before it starts.',
    ):
        assert message in summary and page.count(message) == 2  # in the summary and next to its field
    assert not Action.objects.filter(ref='20').exists()

    response = editor.post(url, {**data, 'currency': 'xof', 'cost': '5000', 'start': 'June 2009', 'end': '2010'})
    assert response.status_code == 302
    action = Action.objects.get(ref='20')
    assert (action.currency, action.start, action.start_precision) == ('XOF', date(2009, 6, 1), 'month')
    assert (action.end, action.end_precision) == (date(2010, 1, 1), 'year')
    page = editor.get(f'{WORKSPACE}documents/{liberia["schedule"].pk}/').content.decode()
    assert 'June 2009 – 2010' in page and '5,000 XOF' in page
    edit = editor.get(f'{WORKSPACE}documents/{liberia["schedule"].pk}/action/{action.pk}/').content.decode()
    assert 'value="2009-06"' in edit and 'value="2010"' in edit  # shown back as precisely as it was given


def test_a_status_cannot_be_reported_as_of_a_future_day(editor, liberia):
    budget = liberia['budget']
    url = f'{WORKSPACE}actions/{budget.pk}/status/'
    future = timezone.localdate() + timedelta(days=1)
    page = editor.post(url, {'date': future.isoformat(), 'status': 'done'}, follow=True).content.decode()
    assert f'Status not recorded: {future.isoformat()} is in the future' in page
    assert not budget.status_updates.exists()
    assert editor.post(url, {'date': timezone.localdate().isoformat(), 'status': 'done'}).status_code == 302


def test_a_document_adopted_in_a_month_is_shown_as_that_month(editor, liberia):
    strategy = liberia['strategy']
    url = f'{WORKSPACE}documents/{strategy.pk}/edit/'
    data = {'kind': 'strategy', 'title': strategy.title, 'status': 'adopted', 'adopted': 'janvier 2008', 'due': '2007'}
    assert editor.post(url, data).status_code == 302
    strategy.refresh_from_db()
    assert (strategy.adopted, strategy.adopted_precision, strategy.due_precision) == (date(2008, 1, 1), 'month', 'year')
    page = editor.get(f'{WORKSPACE}documents/').content.decode()
    assert '<td class="text-nowrap">January 2008</td>' in page and '<td class="text-nowrap">2007</td>' in page
    with translation.override('en'):  # LocaleMiddleware leaves French active after the request
        page = editor.get(f'{WORKSPACE}documents/', HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    assert '<td class="text-nowrap">janvier 2008</td>' in page
