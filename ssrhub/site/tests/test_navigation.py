"""Every page a role may open is reached in two clicks from the home page (issue 11, item 1).

The crawl follows links and GET forms (the search box) from ``/`` for each demo role: the pages linked from the home
page are one click away, the pages they link to two. Every URL pattern of the project is classified below as a page
(a list, a dashboard or one record's page) or as something else (a form, a download, a fragment); a page is expected
of a role when the role opens its example URL (status 200).
"""

import datetime
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from ssrhub.coordination.models import Activity, Decision, Forum, IatiImport, Meeting, Organisation
from ssrhub.core.models import Country
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.core.testing.urls import url_views
from ssrhub.core.two_factor import reads_sensitive
from ssrhub.countries.models import Assessment, NationalDocument
from ssrhub.documents.models import Document
from ssrhub.finance.models import ExchangeRate
from ssrhub.framework.models import Framework
from ssrhub.monitoring.models import ActualReport, ConflictEvent, Indicator, ResultsFramework, StatisticValue, Survey
from ssrhub.monitoring.survey_demo import DEMO_TITLE
from ssrhub.roster.models import ExpertProfile, SupportRequest
from ssrhub.safeguards.models import Allegation, Individual, RiskAssessment, SharedDecision, WatchList
from ssrhub.safeguards.models import Decision as HrddDecision
from ssrhub.safeguards.models import SupportRequest as HrddRequest

pytestmark = pytest.mark.django_db

ROLES = ['admin', 'analyst', 'viewer', 'editor', 'hrdd', 'roster', None]
CLICKS = 2


def _version_kwargs() -> dict:
    version = Framework.objects.get().current_version
    return {'framework': version.framework.code, 'version': version.version}


def _item_kwargs() -> dict:
    version = Framework.objects.get().current_version
    return {**_version_kwargs(), 'code': version.items.order_by('order').first().code}


# URL name -> the keyword arguments of one example (a callable when they come from the demo's records).
PAGES = {
    'home': {},
    'search': {},
    'changes': {},
    'country_list': {},
    'country': {'iso3': 'CAF'},
    'framework:index': {},
    'framework:version': _version_kwargs,
    'framework:item': _item_kwargs,
    'framework:entity_list': {},
    'framework:entity': {'code': 'IASSRTF'},
    'framework:mission_list': {},
    'framework:mission': {'acronym': 'ONUMOZ'},
    'documents:document_list': {},
    'documents:document': lambda: {'pk': Document.objects.get(key='S/RES/2151 (2014)').pk},
    'documents:paragraph_search': {},
    'documents:symbol_conflicts': {},
    'documents:ingest_jobs': {},
    'coding:agreement': {},
    'coding:code_assignment_list': {},
    'coding:learned_proposal_list': {},
    'coding:paragraph_review_list': {},
    'coding:review_queue': {},
    'mandates:index': {},
    'mandates:mission_track': {'acronym': 'ONUMOZ'},
    'mandates:matrix': {'acronym': 'ONUMOZ'},
    'mandates:trends': {},
    'countries:dashboard': {'iso3': 'CAF'},
    'countries:engagement': {'iso3': 'CAF'},
    'countries:documents': {'iso3': 'CAF'},
    'countries:document': lambda: {'iso3': 'CAF', 'pk': NationalDocument.objects.filter(country__iso3='CAF')[0].pk},
    'countries:brief': {'iso3': 'CAF'},
    'countries:actors': {'iso3': 'CAF'},
    'countries:assessments': {'iso3': 'CAF'},
    'countries:assessment': lambda: {'iso3': 'CAF', 'pk': Assessment.objects.filter(country__iso3='CAF')[0].pk},
    'countries:assessment_compare': {'iso3': 'CAF'},
    'countries:timeline': {'iso3': 'CAF'},
    'coordination:forum_list': {'iso3': 'CAF'},
    'coordination:forum': lambda: {'iso3': 'CAF', 'pk': Forum.objects.filter(country__iso3='CAF')[0].pk},
    'coordination:meeting': lambda: {'iso3': 'CAF', 'pk': Meeting.objects.filter(forum__country__iso3='CAF')[0].pk},
    'coordination:decision': lambda: {
        'iso3': 'CAF',
        'pk': Decision.objects.filter(meeting__forum__country__iso3='CAF')[0].pk,
    },
    'coordination:decision_list': {'iso3': 'CAF'},
    'coordination:workspace_activity_list': {'iso3': 'CAF'},
    'roster:profile_list': {},
    'roster:profile': lambda: {'pk': ExpertProfile.objects.get(name='Demo Expert 1').pk},
    'roster:request_list': {},
    'roster:request': lambda: {'pk': SupportRequest.objects.get(country__iso3='CAF').pk},
    'roster:export_list': {},
    'coordination:activity_list': {},
    # Section: safeguards, support requests (sensitive: no demo user reaches them without a second factor; the
    # example is any id, refused before it is looked up)
    'safeguards:supportrequest_list': {'iso3': 'COD'},
    # The demo's first records of the DRC (ids differ between databases: PostgreSQL does not roll back sequences).
    'safeguards:supportrequest': lambda: {'iso3': 'COD', 'pk': _first(HrddRequest, 'country')},
    'safeguards:riskassessment': lambda: {'iso3': 'COD', 'pk': _first(RiskAssessment, 'request__country')},
    'coordination:activity': lambda: {'pk': Activity.objects.get(iati_identifier='XM-NAV-1-CAF').pk},
    'coordination:organisation_list': {},
    'coordination:organisation': lambda: {'pk': Organisation.objects.get(iati_ref='XM-NAV-1').pk},
    'coordination:iatiimport_list': {},
    'coordination:threew_matrix': {'iso3': 'CAF'},
    'coordination:threew_matrix_all': {},
    'coordination:iatiimport': lambda: {'pk': IatiImport.objects.get(name='navigation.xml').pk},
    'password_change': {},
    'api_tokens': {},
    'finance:rate_list': {},
    'monitoring:actual_review_list': {'iso3': 'CAF'},
    'monitoring:disaggregation_list': {'iso3': 'CAF'},
    'monitoring:actual_review_queue': {},
    'monitoring:report': {'iso3': 'CAF'},
    # Due diligence: the DRC demo's cases (the crawl logs in without a second factor: a 403, not expected of a role).
    'safeguards:summary': {'iso3': 'COD', 'year': 2015},
    'monitoring:survey_list': {'iso3': 'LBR'},
    'monitoring:survey': lambda: {'iso3': 'LBR', 'pk': Survey.objects.get(title=DEMO_TITLE).pk},
    # Liberia's demo actuals: the report computed from the demo survey, and its indicator.
    'monitoring:actual_report': lambda: {'iso3': 'LBR', 'pk': ActualReport.objects.get(survey__title=DEMO_TITLE).pk},
    'monitoring:indicator_actuals': lambda: {
        'iso3': 'LBR',
        'pk': ActualReport.objects.get(survey__title=DEMO_TITLE).period.indicator_id,
    },
    'finance:rate': lambda: {'pk': ExchangeRate.objects.get(currency='EUR', period=datetime.date(2024, 1, 1)).pk},
    # Monitoring: results frameworks (Liberia's demo framework), indicators, the library and SDG indicators.
    'monitoring:framework_list': {'iso3': 'LBR'},
    'monitoring:framework_all': {},
    'monitoring:framework': lambda: {'iso3': 'LBR', 'pk': ResultsFramework.objects.get(country__iso3='LBR').pk},
    'monitoring:dashboard': {'iso3': 'LBR'},
    'monitoring:indicator_list': {},
    'monitoring:indicator': lambda: {
        'iso3': 'LBR',
        'pk': Indicator.objects.filter(result__framework__country__iso3='LBR').order_by('pk')[0].pk,
    },
    'monitoring:libraryindicator_list': {},
    'monitoring:libraryindicator': {'code': 'trust-in-police'},
    'monitoring:sdgindicator_list': {},
    'monitoring:context': {'iso3': 'CAF'},
    'monitoring:iati_results': {'iso3': 'NPL'},
    'monitoring:gender': {'iso3': 'LBR'},
    'countries:women_target_list': {'iso3': 'LBR'},
    'monitoring:conflict_event_list': {'iso3': 'CAF'},
    'monitoring:conflict_event': lambda: {
        'iso3': 'CAF',
        'pk': ConflictEvent.objects.filter(country__iso3='CAF').order_by('-best', 'pk')[0].pk,
    },
    # Section: safeguards, alleged violations and the overview (no demo role's session is verified with a second
    # factor: only the shared decisions open for them)
    'safeguards:overview': {'iso3': 'COD'},
    'safeguards:allegation_list': {'iso3': 'COD'},
    'safeguards:allegation': lambda: {'iso3': 'COD', 'pk': _first(Allegation, 'country')},
    'safeguards:shared_decisions': {'iso3': 'COD'},
    'safeguards:individual_list': {'iso3': 'COD'},
    'safeguards:individual': lambda: {'iso3': 'COD', 'pk': Individual.objects.filter(country__iso3='COD')[0].pk},
    'safeguards:watchlist_list': {'iso3': 'COD'},
    'safeguards:watchlist': lambda: {'iso3': 'COD', 'pk': WatchList.objects.filter(country__iso3='COD')[0].pk},
    'monitoring:statistic_value': lambda: {
        'iso3': 'CAF',
        'pk': StatisticValue.objects.filter(country__iso3='CAF', series__code='armed_forces_personnel_total')
        .order_by('-year')[0]
        .pk,
    },
}
# What is not a page to reach by navigation, by the end of the URL name (or the whole name), with the reason.
NOT_PAGES = {
    '_add': 'a form, reached from its list',
    '_edit': 'a form, reached from its record',
    '_delete': 'a confirmation, reached from its record',
    '_import': 'a form, reached from its list',
    '_history': "a record's history tab",
    'country_history': "a record's history tab",
    '_export': 'a download',
    'document_checks': 'a download',
    'version_export': 'a download',
    'brief_pdf': 'a download (its page is the brief)',
    'document_original': 'a download',
    '_json': 'the data of a chart',
    'actor_graph': 'the data of a chart',
    'mandates:timeline': 'the data of a chart',
    'matrix_paragraphs': 'an htmx fragment of the matrix',
    'paragraph_review': 'POST only: the review panel of a paragraph',
    'action_status': 'POST only: a status update',
    'decision_status': 'POST only: a status update',
    'meeting_minutes': 'a download',
    'plan_funding': "a view of a plan, linked from the plan's page",
    'duplication_review': 'POST only: a review on the funding page',
    'document_upload': 'a form, in the Documents menu',
    'symbol_conflict_resolve': 'POST only: a form of the symbol conflicts page',
    'ingest_job': 'the progress and result of one upload, reached by sending it and from the uploads list',
    'iati_upload': 'a form, in the Coordination menu',
    'threew_import_status': 'the progress and report of one 3W import, reached by applying it',
    'login': 'linked from every page',
    'two_factor': 'the second factor: a step of the login, and in the user menu of those who read sensitive records',
    'two_factor_verify': 'the second factor: a step of the login',
    'password_reset': 'linked from the login page',
    'api_token_revoke': 'POST only: a button of the API tokens page',
    '_done': 'a step of the password forms',
    'password_reset_confirm': 'a step of the password reset, linked from its e-mail',
    'password_reset_complete': 'a step of the password reset',
    'logout': 'POST only',
    'favicon': 'a redirect to the icon file',
    'health_live': "JSON for the operator's probes",
    'health_ready': "JSON for the operator's probes",
    'metrics': 'Prometheus metrics, for the monitoring server',
    'my_profile': "a redirect to the user's own roster profile, in the user menu",
    'request_step': 'POST only: a step of a support request',
    'safeguards:supportrequest_step': 'the form of a workflow step, reached from its support request',
    'request_candidates': 'POST only: proposing or selecting a candidate',
    'libraryindicator_copy': "a form, reached from a library indicator's page",
    'framework_dashboard': "one framework's dashboard, reached from the framework's page (the Results dashboard tab "
    'covers every framework of the country)',
    'indicator_disaggregations': "POST only: an indicator's disaggregations",
    'actual_report_values': "POST only: a report's values",
    'actual_report_step': 'POST only: a review step',
    'monitoring:statistics_export': 'a download',
    'safeguards:summary_latest': "the Annual summary tab: a redirect to the latest year's summary",
    'safeguards:summary_pdf': 'a download (PDF)',
    'safeguards:aggregate_export': 'a download',
    'safeguards:named_export': "a form (the reason of an export with names), reached from a list's downloads",
    'framework_iati': "a download (IATI XML), or back to the framework's page saying why it was refused",
    'surveyversion_publish': 'POST only: publishing a form version',
    'surveyversion_file': 'a download (XLSForm or XForm)',
    'submission_csv': 'a download',
    'survey_webform': "a form, reached from its survey's page",
    'monitoring:submission': "one submission's answers, reached from its survey's table",
    'surveyimport': 'the progress and report of one import of answers, reached by applying it',
    'survey_formula': 'a form (a formula computed over the answers), reached from its survey',
    'survey_actual': "POST only: a formula's result stored as a draft actual report",
    'safeguards:screen': "POST only: screening one individual, from the individual's page",
    'safeguards:screening_batch': 'a form, reached from the individuals list',
    'safeguards:match_review': "a form, reached from a screening's match on the individual's page",
}
# URLs outside the site's own pages (the admin, the API and its docs, languages, static files).
OUTSIDE = ('admin', 'api', 'i18n', 'static', 'media')


def _not_a_page(name: str) -> bool:
    return name.split(':')[0] in ('admin', 'schema', 'api_docs', 'set_language') or any(
        name == key or name.endswith(key) for key in NOT_PAGES
    )


def _page_names() -> set[str]:
    return {name for name, _route, _view in url_views() if not name.endswith('-api') and '-api:' not in name}


@pytest.fixture(scope='module')
def demo(module_demo, django_db_blocker):
    with django_db_blocker.unblock():
        # The demo has no assessment; one gives the assessment page an example.
        Assessment.objects.create(
            country=Country.objects.get(iso3='CAF'),
            title='Joint sector review',
            date=datetime.date(2024, 6, 30),
            framework_version=Framework.objects.get().current_version,
        )
        # Nor exchange rates (the book gives none); one gives the rate page an example.
        ExchangeRate.objects.create(
            currency='EUR', period=datetime.date(2024, 1, 1), period_precision='year', rate='0.9243', source='test'
        )
        # The demo has no activity yet: one organisation, one activity and one IATI import give their pages examples.
        partner = Organisation.objects.create(name='Navigation partner', iati_ref='XM-NAV-1', type='40')
        Activity.objects.create(
            iati_identifier='XM-NAV-1-CAF', reporting_organisation=partner, country=Country.objects.get(iso3='CAF'),
            title='Police training', status='2', planned_start=datetime.date(2024, 1, 1), default_currency='USD',
        )  # fmt: skip
        IatiImport.objects.create(name='navigation.xml', file='iati/navigation.xml', status='done')
        # Nor vetting records: a fictitious individual and a watch list give their pages examples.
        cod = Country.objects.get(iso3='COD')
        Individual.objects.create(country=cod, name='Faustin Kemitara', category='commander', fictitious=True)
        WatchList.objects.create(country=cod, title='Navigation list', organisation='Panel of experts')
        # Nor a shared decision, without which outsiders have no due-diligence tab: the forum shares one.
        decision = HrddDecision.objects.filter(request__country=cod).latest('decided_on')
        SharedDecision.objects.create(
            request=decision.request, country=cod, recipient=decision.request.recipient, kind=decision.request.kind,
            outcome=decision.outcome, decided_on=decision.decided_on, expires_on=decision.expires_on,
        )  # fmt: skip
        examples = {}
        for name, kwargs in PAGES.items():
            examples[name] = reverse(name, kwargs=kwargs() if callable(kwargs) else kwargs)
    return examples


def _first(model, country: str) -> int:
    """The id of ``model``'s first DRC record."""
    return model.objects.filter(**{f'{country}__iso3': 'COD'}).order_by('pk')[0].pk


def _client(username) -> Client:
    client = Client()
    if username:
        user = get_user_model().objects.get(username=username)
        # Who reads due-diligence records has verified their session, as the login asks them to.
        verified_login(client, user) if reads_sensitive(user) else client.force_login(user)
    return client


def opens(client: Client, url: str) -> bool:
    """The page opens for the client's user: a 200, or a redirect elsewhere than to the login page."""
    response = client.get(url)
    return response.status_code == 200 or (
        response.status_code == 302 and not response['Location'].startswith(reverse('login'))
    )


def _name(url: str) -> str | None:
    path = urlsplit(url).path
    if path.strip('/').split('/')[0] in OUTSIDE:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def _targets(page_url: str, html: str) -> set[str]:
    """The internal URLs a page links to: its links and the actions of its GET forms."""
    soup = BeautifulSoup(html, 'lxml')
    hrefs = [a['href'] for a in soup.find_all('a', href=True)]
    hrefs += [form.get('action') or page_url for form in soup.find_all('form') if form.get('method', 'get') == 'get']
    urls = set()
    for href in hrefs:
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.scheme in ('', 'http') and parts.netloc in ('', 'testserver'):
            urls.add(parts._replace(scheme='', netloc='', fragment='').geturl())
    return urls


def crawl(client: Client, clicks: int = CLICKS) -> dict[str, int]:
    """URL name -> the fewest clicks from the home page that reach it. The pages of the last click are resolved, not
    opened; the pages before it are opened once per path."""
    reached, opened = {'home': 0}, set()
    queue = deque([('/', 0)])
    while queue:
        url, depth = queue.popleft()
        path, name = urlsplit(url).path, _name(url)
        if depth == clicks or path in opened or name is None or _not_a_page(name):
            continue
        opened.add(path)
        response = client.get(url, follow=True)
        if response.status_code != 200 or not response['Content-Type'].startswith('text/html'):
            continue
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        for target in _targets(final, response.content.decode()):
            name = _name(target)
            if name and name not in reached:
                reached[name] = depth + 1
            if name:
                queue.append((target, depth + 1))
    return reached


def test_every_url_is_a_page_or_classified_as_something_else():
    unclassified = sorted(name for name in _page_names() if name not in PAGES and not _not_a_page(name))
    assert unclassified == []
    assert [name for name in PAGES if _not_a_page(name)] == []


@pytest.mark.parametrize('username', ROLES, ids=[role or 'anonymous' for role in ROLES])
def test_every_page_the_role_may_open_is_two_clicks_from_home(demo, username):
    client = _client(username)
    expected = {name for name, url in demo.items() if opens(client, url)}
    reached = crawl(client)
    missing = sorted(expected - set(reached))
    assert missing == [], missing
    # The crawl reaches only pages the role may open (a link to a 403 page would be a dead end).
    assert sorted(name for name in set(reached) & set(PAGES) if name not in expected) == []


def test_workspaces_are_reached_by_every_role_that_may_see_them(demo):
    for username in ('admin', 'analyst', 'viewer', 'editor', 'hrdd'):
        assert crawl(_client(username), clicks=1).get('countries:dashboard') == 1, username
    assert 'countries:dashboard' not in crawl(_client(None), clicks=1)


def test_workspace_linked_from_country_list_country_page_and_mission_for_who_may_see_it(demo):
    viewer, anonymous = _client('viewer'), _client(None)
    workspace = 'href="/countries/MOZ/workspace/"'
    for url in ('/countries/?q=Mozambique', '/countries/MOZ/', '/missions/ONUMOZ/'):
        assert workspace in viewer.get(url).content.decode(), url
        assert workspace not in anonymous.get(url).content.decode(), url
