"""Every page fits a phone (390 x 844, an iPhone 12-15) and a laptop (1366 x 768): nothing makes the page wider than
the window; wide tables scroll inside their own box. Key pages are saved as screenshots at 390 px, in English and
French. The brief reflows on a phone and stays one A4 page in PDF.

Every HTML page of the project is opened as admin with the objects of the demo (``PAGE_ARGUMENTS`` gives each URL's
parameters); a new URL with a parameter this file does not know fails until it is added.
"""

import re
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader

from ssrhub.core.testing.urls import url_views

from .language import switch_language
from .problems import browser_problems

pytestmark = pytest.mark.browser

PHONE = {'width': 390, 'height': 844}
LAPTOP = {'width': 1366, 'height': 768}
# Not pages: downloads, JSON, the admin and the API (their own layouts), actions that need a POST or a token.
NOT_PAGES = (
    'admin:',
    'schema',
    'logout',
    'set_language',
    'password_reset_confirm',
    'roster:my_profile',
    'monitoring:surveyversion_file',  # downloads
    'monitoring:submission_csv',
    'monitoring:framework_iati',
    'safeguards:supportrequest_step',  # a workflow step: only its role's holder opens it, never the administrator
)
NOT_PAGE_ROUTES = ('.<str:fmt>', '.json', '.pdf', '/original/')
# Pages to look at on a phone (name of the screenshot -> URL).
KEY_PAGES = {
    'home': '/',
    'actors-caf': '/countries/CAF/workspace/actors/',
    'plan-lbr': 'plan',
    'brief-civ': '/countries/CIV/workspace/brief/',
    'documents-caf': '/countries/CAF/workspace/documents/',
    'timeline-caf': '/countries/CAF/workspace/timeline/',
    'matrix-onumoz': '/mandates/missions/ONUMOZ/matrix/',
    'action-form-lbr': 'action-form',
}
# Pages saved in English at 1366 px: the browser tests of the fora, the roster, the 3W import and the funding page
# walk them in French only (their French sentences take the same code paths), so each keeps an English screenshot.
LAPTOP_SCREENSHOTS = (
    'coordination:forum_list',
    'coordination:decision',
    'coordination:decision_history',
    'coordination:threew_import',
    'coordination:threew_matrix',
    'coordination:activity_list',
    'finance:plan_funding',
    'roster:request',
    'roster:profile',
)

# The element that makes the page wide: the deepest one whose hiding makes the page narrower (an absolutely
# positioned child can escape a scrolling box, so its box alone does not tell).
WIDEST = """() => {
  const width = () => document.documentElement.scrollWidth;
  const name = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
    + [...element.classList].slice(0, 3).map((c) => '.' + c).join('');
  let found = null;
  let parent = document.body;
  for (let depth = 0; depth < 30 && parent; depth++) {
    const before = width();
    let next = null;
    for (const child of parent.children) {
      const display = child.style.display;
      child.style.display = 'none';
      const narrower = width() < before;
      child.style.display = display;
      if (narrower) { next = child; break; }
    }
    if (!next) break;
    found = next;
    parent = next;
  }
  if (!found) return 'no single element';
  return `${name(found)} (right edge ${Math.round(found.getBoundingClientRect().right)} px)`;
}"""


def on(model, country) -> dict:
    """The ISO code and primary key of the first demo record of ``model`` (``country``: the path to its country)."""
    record = model.objects.order_by('pk').values('pk', f'{country}__iso3').first()
    return {'iso3': record[f'{country}__iso3'], 'pk': record['pk']}


def coordination_records():
    """An organisation, a Liberian activity with a transaction and a link, and an IATI import with its report (the
    demo holds none yet)."""
    from ssrhub.coordination.models import Activity, ActivityLink, IatiImport, Organisation
    from ssrhub.core.models import Country
    from ssrhub.framework.models import FrameworkItem

    partner = Organisation.objects.create(name='Phone partner', iati_ref='XM-PHONE-1', type='40')
    activity = Activity.objects.create(
        iati_identifier='XM-PHONE-1-A-LONG-IDENTIFIER-OF-A-PROJECT-0001', reporting_organisation=partner,
        country=Country.objects.get(iso3='LBR'), title='Support to the reform of the Liberia National Police',
        status='2', planned_start='2020-01-01', default_currency='USD',
    )  # fmt: skip
    activity.transactions.create(
        type='3', date='2020-02-01', value=-1250000, currency='USD', value_date='2020-02-01', note='Correction',
        provider_name='A provider with a long published name', provider_activity_identifier='XM-PHONE-1-FUND-0001',
    )  # fmt: skip
    link = ActivityLink.objects.create(
        activity=activity, kind='framework', framework_item=FrameworkItem.objects.order_by('pk').first()
    )
    report = {
        'summary': {'read': 1, 'imported': 0, 'updated': 0, 'unchanged': 0, 'refused': 1, 'errors': 1, 'notes': 0,
                    'organisations_created': 0},
        'file_error': None,
        'activities': [{
            'identifier': 'XM-PHONE-1-A-LONG-IDENTIFIER-OF-A-PROJECT-0002', 'line': 12, 'outcome': 'refused',
            'stored': '', 'notes': [],
            'errors': [{'code': 'schema', 'params': {'line': 40, 'detail': "Element 'budget-item', attribute "
                                                                          "'vocabulary': The attribute 'vocabulary' "
                                                                          'is not allowed.'}}],
        }],
    }  # fmt: skip
    upload = IatiImport.objects.create(name='phone.xml', file='iati/phone.xml', status='done', report=report)
    return partner, activity, link, upload


def threew_import():
    """A 3W import of Afghanistan with a long list of organisations left out (the demo applies its table directly)."""
    from ssrhub.coordination.models import ThreeWImport
    from ssrhub.core.models import Country

    left_out = [[f'An organisation with a long name of a national NGO number {n}', n] for n in range(1, 30)]
    report = {
        'read': 10902, 'refused': 0, 'duplicates': 0, 'created': 10000, 'updated': 2, 'unchanged': 800,
        'areas_created': 435, 'organisations_created': 0, 'aliases_added': 0, 'left_out_rows': 435,
        'left_out': left_out, 'left_out_organisations': 60, 'dry_run': False,
    }  # fmt: skip
    return ThreeWImport.objects.create(
        country=Country.objects.get(iso3='AFG'), name='afghanistan-3w-2024q1.csv', file='threew/phone.csv',
        status='done', report=report,
    )  # fmt: skip


def ingest_job():
    """An upload of the administrator refused over a limit (the demo ingests its files directly)."""
    from ssrhub.documents.models import IngestJob

    admin = get_user_model().objects.get(username='admin')
    return IngestJob.objects.create(
        user=admin, filename='a-report-with-a-long-file-name-from-the-mission-2024.docx', size=204800,
        sha256='4' * 64, status='failed', error_code='paragraphs', error_params={'limit': 20000},
    )  # fmt: skip


def allegation_pages() -> dict:
    """The alleged violations' pages on an allegation of the Central African Republic (the demo has none)."""
    from ssrhub.safeguards.tests.allegations_data import allegation

    record = allegation('CAF')
    return {
        f'safeguards:{name}': {'iso3': 'CAF', 'pk': record.pk}
        for name in ('allegation', 'allegation_edit', 'allegation_delete', 'allegation_history')
    }


def survey_pages() -> dict:
    """The survey pages on the demo survey of Liberia (and an import of answers, which the demo has none of)."""
    from ssrhub.monitoring.models import Survey, SurveyImport
    from ssrhub.monitoring.survey_demo import DEMO_TITLE

    survey = Survey.objects.get(title=DEMO_TITLE)
    version = survey.versions.get()
    record, _created = SurveyImport.objects.get_or_create(
        survey=survey, name='phone.zip',
        defaults={'version': version, 'file': 'survey-answers/phone.zip', 'source': 'odk', 'status': 'done',
                  'report': {'read': 3, 'created': 3, 'existing': 0}},
    )  # fmt: skip
    at = {'iso3': 'LBR', 'survey': survey.pk}
    return {
        'monitoring:survey_list': {'iso3': 'LBR'},
        'monitoring:survey': {'iso3': 'LBR', 'pk': survey.pk},
        'monitoring:survey_edit': {'iso3': 'LBR', 'pk': survey.pk},
        'monitoring:survey_history': {'iso3': 'LBR', 'pk': survey.pk},
        'monitoring:surveyversion_add': at,
        'monitoring:survey_webform': at,
        'monitoring:surveyimport_add': at,
        'monitoring:surveyimport': {**at, 'pk': record.pk},
        'monitoring:submission': {**at, 'pk': survey.submissions.filter(answers__victim='yes').first().pk},
        'monitoring:survey_formula': (at, "formula=percent(trust_police in ('2', '3')) by county"),
    }


def vetting_records():
    """A fictitious individual of the DR Congo, a watch list naming them and the match of their screening."""
    from django.contrib.auth import get_user_model

    from ssrhub.core.models import Country
    from ssrhub.safeguards.models import Individual, ListedPerson, Screening, ScreeningMatch, WatchList

    cod = Country.objects.get(iso3='COD')
    individual = Individual.objects.create(country=cod, name='Faustin Kemitara', category='commander', fictitious=True)
    watch_list = WatchList.objects.create(country=cod, title='Panel list (fictitious)', organisation='Panel')
    listed = ListedPerson.objects.create(watch_list=watch_list, name='F. Kemitara', row=2)
    screening = Screening.objects.create(
        individual=individual, screened_by=get_user_model().objects.get(username='hrdd')
    )
    match = ScreeningMatch.objects.create(screening=screening, listed_person=listed, matched_name=listed.name, score=96)
    return individual, watch_list, match


def page_arguments():
    """URL name -> the keyword arguments that open it on a demo object, or (arguments, query string)."""
    import datetime

    from django.contrib.auth import get_user_model

    from ssrhub.coding.models import CodeAssignment
    from ssrhub.coordination.models import Decision, Forum, ForumMember, Meeting
    from ssrhub.core.models import Country
    from ssrhub.countries.models import (
        Action,
        Actor,
        ActorRelation,
        Assessment,
        Headcount,
        NationalDocument,
        TimelineEvent,
        WomenShareTarget,
    )
    from ssrhub.documents.models import Document
    from ssrhub.finance.models import ExchangeRate
    from ssrhub.framework.models import Framework, FrameworkItem, UNEntity
    from ssrhub.mandates.matrix import MANDATED, TOTAL
    from ssrhub.monitoring.models import (
        ActualReport,
        ConflictEvent,
        FrameworkResult,
        Indicator,
        IndicatorPeriod,
        ResultLevel,
        ResultsFramework,
        StatisticValue,
    )
    from ssrhub.roster.models import ExpertProfile, SupportRequest
    from ssrhub.safeguards.tests.cases_data import support_request

    framework = Framework.objects.first()
    draft = support_request(get_user_model().objects.get(username='hrdd'))
    draft_measure = draft.mitigations.create(
        description='Human rights training', owner='MONUSCO', due_on=datetime.date(2026, 6, 1)
    )
    version = framework.versions.order_by('-released').first()
    item = FrameworkItem.objects.filter(version=version).order_by('order').first()
    entity = UNEntity.objects.order_by('code').first()
    document = Document.objects.filter(symbol__startswith='S/RES/2151').first() or Document.objects.first()
    paragraph = CodeAssignment.objects.order_by('pk').first().paragraph
    plan = NationalDocument.objects.filter(country__iso3='LBR', actions__isnull=False).first()
    action = Action.objects.filter(document=plan).first()
    profile = ExpertProfile.objects.order_by('name').first()
    request = SupportRequest.objects.get(country__iso3='CAF')
    # The demo holds no assessment: two, empty, for their pages and their comparison.
    caf = Country.objects.get(iso3='CAF')
    earlier, later = (
        Assessment.objects.create(country=caf, title=title, date=date, framework_version=version)
        for title, date in (('Baseline', '2019-06-01'), ('Review', '2023-06-01'))
    )
    framework_args = {'framework': framework.code, 'version': version.version}
    forum, meeting = on(Forum, 'country'), on(Meeting, 'forum__country')
    # Nor an exchange rate (the book gives none).
    rate = ExchangeRate.objects.create(
        currency='XOF', period='2024-01-01', period_precision='year', rate='606.3', source='BCEAO'
    )
    partner, activity, link, upload = coordination_records()
    from ssrhub.monitoring.tests.actuals_data import sample_report

    report = sample_report()
    computed = ActualReport.objects.get(survey__isnull=False, period__indicator__result__framework__country__iso3='LBR')
    event = ConflictEvent.objects.filter(country__iso3='CAF').order_by('pk').first()
    value = StatisticValue.objects.filter(country__iso3='CAF').order_by('pk').first()
    individual, watch_list, match = vetting_records()
    return {
        # Vetting: a fictitious commander of the DR Congo, a watch list and a match to review.
        **{
            f'safeguards:individual{page}': {'iso3': 'COD', 'pk': individual.pk}
            for page in ('', '_edit', '_delete', '_history')
        },
        'safeguards:watchlist': {'iso3': 'COD', 'pk': watch_list.pk},
        'safeguards:match_review': {'iso3': 'COD', 'pk': match.pk},
        **{
            f'monitoring:{name}': {'iso3': 'CAF', 'pk': event.pk}
            for name in ('conflict_event', 'conflict_event_history')
        },
        **{
            f'monitoring:{name}': {'iso3': 'CAF', 'pk': value.pk}
            for name in ('statistic_value', 'statistic_value_history')
        },
        # Liberia's demo report computed from the demo survey (approved), and its indicator.
        **{
            f'monitoring:{name}': {'iso3': 'LBR', 'pk': computed.pk}
            for name in ('actual_report', 'actual_report_history')
        },
        'monitoring:indicator_actuals': {'iso3': 'LBR', 'pk': computed.period.indicator_id},
        'monitoring:actual_report_add': {'iso3': 'LBR', 'period': report.period_id},
        'monitoring:disaggregation_edit': {
            'iso3': 'LBR',
            'pk': report.country.disaggregation_types.get_or_create(name='County', kind='admin-area')[0].pk,
        },
        **{
            name: {'pk': rate.pk}
            for name in ('finance:rate', 'finance:rate_edit', 'finance:rate_delete', 'finance:rate_history')
        },
        'finance:plan_funding': {'iso3': 'LBR', 'pk': plan.pk},
        'coordination:organisation': {'pk': partner.pk},
        'coordination:organisation_edit': {'pk': partner.pk},
        'coordination:organisation_history': {'pk': partner.pk},
        'coordination:activity': {'pk': activity.pk},
        'coordination:activity_edit': {'pk': activity.pk},
        'coordination:activity_delete': {'pk': activity.pk},
        'coordination:activity_history': {'pk': activity.pk},
        'coordination:activitylink_add': {'pk': activity.pk},
        'coordination:activitylink_delete': {'pk': link.pk},
        'coordination:iatiimport': {'pk': upload.pk},
        'coordination:threew_import_status': {'iso3': 'AFG', 'pk': threew_import().pk},
        'documents:ingest_job': {'pk': ingest_job().pk},
        'countries:assessment_compare': ({'iso3': 'CAF'}, f'a={earlier.pk}&b={later.pk}'),
        'mandates:matrix_paragraphs': ({'acronym': 'ONUMOZ'}, f'code={TOTAL}&side={MANDATED}'),
        'framework:version': framework_args,
        'framework:item': {**framework_args, 'code': item.code},
        'framework:item_history': {**framework_args, 'code': item.code},
        'framework:entity': {'code': entity.code},
        'framework:entity_history': {'code': entity.code},
        'documents:document': {'pk': document.pk},
        'documents:document_history': {'pk': document.pk},
        'documents:document_edit': {'pk': document.pk},
        'coding:paragraph_review': {'pk': paragraph.pk},
        'countries:stage_edit': {'iso3': 'LBR', 'stage': 'mapping'},
        'countries:document': {'iso3': 'LBR', 'pk': plan.pk},
        'countries:document_edit': {'iso3': 'LBR', 'pk': plan.pk},
        'countries:part_add': {'iso3': 'LBR', 'pk': plan.pk, 'part': 'action'},
        'countries:part_edit': {'iso3': 'LBR', 'pk': plan.pk, 'part': 'action', 'part_pk': action.pk},
        'countries:action_status': {'iso3': 'LBR', 'pk': action.pk},
        'countries:actor_edit': on(Actor, 'country'),
        'countries:actor_delete': on(Actor, 'country'),
        'countries:actor_relation_edit': on(ActorRelation, 'from_actor__country'),
        'countries:actor_relation_delete': on(ActorRelation, 'from_actor__country'),
        'countries:actor_headcount_edit': on(Headcount, 'actor__country'),
        'countries:actor_headcount_delete': on(Headcount, 'actor__country'),
        **{f'countries:women_target_{name}': on(WomenShareTarget, 'country') for name in ('edit', 'delete', 'history')},
        'countries:assessment': on(Assessment, 'country'),
        'countries:assessment_edit': on(Assessment, 'country'),
        'countries:event_edit': on(TimelineEvent, 'country'),
        'countries:event_date_add': on(TimelineEvent, 'country'),
        **{
            f'coordination:{name}': on(Forum, 'country')
            for name in ('forum', 'forum_edit', 'forum_delete', 'forum_history')
        },
        'coordination:member_add': {'iso3': forum['iso3'], 'forum_pk': forum['pk']},
        'coordination:meeting_add': {'iso3': forum['iso3'], 'forum_pk': forum['pk']},
        **{f'coordination:{name}': on(ForumMember, 'forum__country') for name in ('member_edit', 'member_delete')},
        **{
            f'coordination:{name}': on(Meeting, 'forum__country')
            for name in ('meeting', 'meeting_edit', 'meeting_delete', 'meeting_history')
        },
        'coordination:decision_add': {'iso3': meeting['iso3'], 'meeting_pk': meeting['pk']},
        **{
            f'coordination:{name}': on(Decision, 'meeting__forum__country')
            for name in ('decision', 'decision_edit', 'decision_delete', 'decision_history')
        },
        # Section: due diligence (the DRC demo)
        'safeguards:summary': {'iso3': 'COD', 'year': 2015},
        'safeguards:named_export': {'iso3': 'COD', 'records': 'allegations'},
        **survey_pages(),
        **allegation_pages(),
        **{f'roster:profile{page}': {'pk': profile.pk} for page in ('', '_edit', '_delete', '_history')},
        **{f'roster:request{page}': {'pk': request.pk} for page in ('', '_edit', '_history')},
        # Section: monitoring (results frameworks): Liberia's demo framework
        **{
            f'monitoring:{name}': on(ResultsFramework, 'country')
            for name in ('framework', 'framework_edit', 'framework_delete', 'framework_history', 'framework_dashboard')
        },
        'monitoring:dashboard': {'iso3': 'LBR'},
        **{f'monitoring:{name}': on(ResultLevel, 'framework__country') for name in ('level_edit', 'level_delete')},
        **{
            f'monitoring:{name}': on(FrameworkResult, 'framework__country')
            for name in ('result_edit', 'result_delete', 'result_history')
        },
        **{
            f'monitoring:{name}': on(Indicator, 'result__framework__country')
            for name in ('indicator', 'indicator_edit', 'indicator_delete', 'indicator_history')
        },
        **{
            f'monitoring:{name}': on(IndicatorPeriod, 'indicator__result__framework__country')
            for name in ('period_edit', 'period_delete')
        },
        **{
            f'monitoring:{name}': {'iso3': 'LBR', key: on(model, scope)['pk']}
            for name, key, model, scope in (
                ('level_add', 'framework_pk', ResultsFramework, 'country'),
                ('result_add', 'framework_pk', ResultsFramework, 'country'),
                ('indicator_add', 'result_pk', FrameworkResult, 'framework__country'),
                ('period_add', 'indicator_pk', Indicator, 'result__framework__country'),
            )
        },
        'monitoring:libraryindicator': {'code': 'trust-in-police'},
        'monitoring:iati_results': {'iso3': 'NPL'},  # the demo's IATI file has results for Nepal
        'monitoring:libraryindicator_copy': {'code': 'trust-in-police'},
        # Section: safeguards, support requests: a draft one (the demo's cases are decided), whose every page opens
        **{
            f'safeguards:{name}': {'iso3': 'COD', 'pk': draft.pk}
            for name in (
                'supportrequest',
                'supportrequest_edit',
                'supportrequest_delete',
                'supportrequest_history',
                'riskassessment_edit',
            )
        },
        'safeguards:riskassessment': {'iso3': 'COD', 'pk': draft.current_assessment.pk},
        **{
            f'safeguards:{name}': {'iso3': 'COD', 'pk': draft_measure.pk}
            for name in ('mitigation_edit', 'mitigation_delete')
        },
        'safeguards:mitigation_add': {'iso3': 'COD', 'request_pk': draft.pk},
    }


# Parameters whose demo value does not depend on the page.
COMMON_ARGUMENTS = {'iso3': 'CAF', 'acronym': 'ONUMOZ'}


def page_urls() -> list[tuple[str, str]]:
    """Every HTML page of the project opened on a demo object: (URL name, URL)."""
    specific = page_arguments()
    urls = []
    for name, route, view in url_views():
        if isinstance(view, type) and not hasattr(view, 'get'):
            continue  # answers POST only
        if not name or name.startswith(NOT_PAGES) or '-api:' in name or any(part in route for part in NOT_PAGE_ROUTES):
            continue
        if route.startswith('api/'):
            continue
        parameters = re.findall(r'<(?:\w+:)?(\w+)>', route)
        arguments = specific.get(name) or {key: COMMON_ARGUMENTS.get(key) for key in parameters}
        arguments, query = arguments if isinstance(arguments, tuple) else (arguments, '')
        missing = [key for key in parameters if arguments.get(key) is None]
        assert not missing, f'{name} ({route}): give a demo value for {missing} in page_arguments()'
        urls.append((name, reverse(name, kwargs=arguments) + (f'?{query}' if query else '')))
    return urls


def widest(page) -> str | None:
    """The widest element that makes the page wider than the window, or None."""
    if not page.evaluate('document.documentElement.scrollWidth > window.innerWidth'):
        return None
    widths = page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')
    return f'{widths[0]} px wide in {widths[1]} px: {page.evaluate(WIDEST)}'


def too_wide(page, urls, shots: dict[str, str], screenshot) -> tuple[dict[str, str], dict[str, str]]:
    """URL -> the widest element that makes the page wider than the window (or the HTTP error), at 390 then 1366 px.

    Each page is opened once, at 390 px, and then widened to 1366 px: the style sheets' media queries apply again
    on the resize, and opening every page a second time only to read its width doubled this test's time. The pages
    of ``shots`` (URL -> name) are saved as screenshots at 1366 px."""
    phone, laptop = {}, {}
    for url in urls:
        page.set_viewport_size(PHONE)
        response = page.goto(url)
        if response.status >= 400:
            phone[url] = f'HTTP {response.status}'
            continue
        if problem := widest(page):
            phone[url] = problem
        page.set_viewport_size(LAPTOP)
        if problem := widest(page):
            laptop[url] = problem
        if url in shots:
            screenshot(page, shots[url], full_page=True)
    return phone, laptop


@pytest.fixture
def admin_page(browser, live_server, demo, log_in):
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, locale='en-GB')
    page = context.new_page()
    log_in(page, 'admin')
    yield page
    context.close()


def test_no_page_is_wider_than_a_phone_or_a_laptop(admin_page, screenshot):
    pages = page_urls()
    assert len(pages) > 50, pages
    shots = {url: f'laptop-{name.replace(":", "-")}-en' for name, url in pages if name in LAPTOP_SCREENSHOTS}
    assert len(shots) == len(LAPTOP_SCREENSHOTS), shots
    # The crawl also opens every page under the Content-Security-Policy (tests/browser/test_security_headers.py).
    problems = browser_problems(admin_page)
    phone, laptop = too_wide(admin_page, [url for _name, url in pages], shots, screenshot)
    assert not problems, '\n'.join(problems)
    assert not phone, '\n'.join(f'390 px: {url}: {problem}' for url, problem in phone.items())
    assert not laptop, '\n'.join(f'1366 px: {url}: {problem}' for url, problem in laptop.items())


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_key_pages_on_a_phone(browser, live_server, demo, log_in, screenshot, language):
    from ssrhub.countries.models import Action, NationalDocument

    plan = NationalDocument.objects.filter(country__iso3='LBR', actions__isnull=False).first()
    action = Action.objects.filter(document=plan).first()
    special = {
        'plan': reverse('countries:document', args=['LBR', plan.pk]),
        'action-form': reverse('countries:part_edit', args=['LBR', plan.pk, 'action', action.pk]),
    }
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, locale='en-GB', is_mobile=True)
    page = context.new_page()
    log_in(page, 'editor')
    if language == 'fr':
        page.goto('/')
        switch_language(page, language)
    try:
        for name, url in KEY_PAGES.items():
            page.goto(special.get(url, url))
            wide = page.evaluate('document.documentElement.scrollWidth') > PHONE['width']
            assert not wide, (name, page.evaluate(WIDEST))
            assert page.locator('html').get_attribute('lang') == language
            screenshot(page, f'phone-{name}-{language}', full_page=True)

        # The navbar folds into its toggler; opened, it lists the areas.
        page.goto('/')
        toggler = page.locator('.navbar-toggler')
        assert toggler.is_visible()
        toggler.click()
        page.locator('.navbar-collapse.show').wait_for()
        screenshot(page, f'phone-navbar-{language}')

        # The actor tables stack: one block per actor, no sideways scrolling, each value named.
        page.goto('/countries/CAF/workspace/actors/')
        widths = page.locator('table.actor-table').evaluate_all('(tables) => tables.map((t) => t.scrollWidth)')
        assert widths and max(widths) <= PHONE['width'], widths
        label = page.locator('table.actor-table td[data-label]').first.evaluate(
            "(cell) => getComputedStyle(cell, '::before').content"
        )
        assert label == ('"Sigle\u00a0: "' if language == 'fr' else '"Acronym: "'), label
    finally:
        context.close()


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_the_brief_reflows_on_a_phone_and_stays_one_a4_page(page, log_in, screenshot, language):
    log_in(page, 'editor')
    page.set_viewport_size(PHONE)
    page.goto(f'/countries/CAF/workspace/brief/?lang={language}')
    assert page.evaluate('document.documentElement.scrollWidth') <= PHONE['width'], page.evaluate(WIDEST)
    screenshot(page, f'phone-brief-caf-{language}', full_page=True)
    for iso3 in ('CAF', 'CIV', 'LBR'):
        response = page.request.get(f'/countries/{iso3}/workspace/brief.pdf?lang={language}')
        assert response.status == 200
        assert len(PdfReader(BytesIO(response.body())).pages) == 1, iso3
