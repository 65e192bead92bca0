"""Every page of the site in French, as the demo administrator, with the demo loaded: no sentence of the catalogue may
show in English (an English sentence in a French page is a string not marked for translation, a label built in code
or a translation not compiled). Forms are also sent empty, so that their error messages are read in French too.

A failure names the page and the English sentences found there, with the French they should have shown. A new page
joins by itself; a URL whose arguments cannot be guessed from the demo fails with the name of the URL: add it to
``ARGUMENTS`` (or to ``SKIPPED`` with the reason).
"""

import datetime
import re
from functools import reduce

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ssrhub.coding.models import CodeAssignment
from ssrhub.coordination.models import (
    Activity,
    ActivityLink,
    Forum,
    IatiImport,
    LinkKind,
    Meeting,
    Organisation,
    Transaction,
)
from ssrhub.core.models import Country
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.core.testing.urls import url_views
from ssrhub.countries.models import Action, NationalDocument, Objective, Pillar, Stage, Threat
from ssrhub.documents.models import Document, Paragraph, SymbolConflict
from ssrhub.finance.models import ExchangeRate
from ssrhub.framework.models import FrameworkVersion, UNEntity
from ssrhub.monitoring.models import FrameworkResult, Indicator, ResultsFramework
from ssrhub.roster.models import ExpertProfile, SupportRequest

from .english import english_in, sentences

pytestmark = pytest.mark.django_db

DEMO_COUNTRIES = ('CAF', 'CIV', 'LBR')
# Pages not checked, by URL name or by the start of it, with the reason.
SKIPPED = {
    'admin:': "Django's admin, translated by Django; our field names in it are in the catalogue",
    'schema': 'the OpenAPI schema: a machine-readable document, in English by design',
    'api_docs': 'Swagger UI: its own interface, in English',
    'set_language': 'POST only: redirects to the page the language was switched on',
    'logout': 'POST only: logs the client out',
    'documents:document_original': 'the stored original file, as uploaded',
    'coordination:meeting_minutes': 'the minutes of a meeting, as uploaded',
    'roster:my_profile': "a redirect to the signed-in person's own profile (profile pages are checked)",
    'safeguards:supportrequest_step': 'a workflow step: only the holder of its role in the country opens it, never the '
    "crawl's administrator (administrators do not stand in for the forum or the decision-maker)",
}
# Downloads keep English column identifiers in every language (``countries/sector.py``): their labels are checked
# on the pages that show them.
DOWNLOAD_PARAMETERS = frozenset({'fmt'})
QUERY = '?'  # a key of the arguments holding the query string of the page
PARAMETER = re.compile(r'<(?:\w+:)?(\w+)>')
# Detail pages rendered for every record of the demo countries (their content differs: findings, ratings).
EVERY_RECORD = frozenset({'countries:document', 'countries:assessment'})
POSTED = (
    '_add',
    '_edit',
    'action_status',
    'actor_import',
    'api_tokens',
    'threew_import',
    'document_upload',
    'iati_upload',
    'paragraph_review',
    'symbol_conflict_resolve',
    'password_change',
    'survey_webform',
)


@pytest.fixture(scope='module')
def demo(module_demo):
    return module_demo


@pytest.fixture(scope='module')
def catalogue():
    return sentences()


@pytest.fixture
def french(demo):
    client = Client(HTTP_ACCEPT_LANGUAGE='fr')
    client.cookies['django_language'] = 'fr'
    # Verified with a second factor: the due-diligence pages open for the administrator only so.
    verified_login(client, get_user_model().objects.get(username='admin'))
    return client


def _first(queryset):
    record = queryset.order_by('pk').first()
    assert record is not None, f'the demo has no {queryset.model.__name__}'
    return record


def _parts(iso3):
    """Each kind of part of a national document, with the document's key."""
    for part, model in (('threat', Threat), ('objective', Objective), ('pillar', Pillar), ('action', Action)):
        record = model.objects.filter(document__country__iso3=iso3).order_by('pk').first()
        if record:
            yield {'iso3': iso3, 'pk': record.document_id, 'part': part, 'part_pk': record.pk}


def _countries(make):
    return lambda: [kwargs for iso3 in DEMO_COUNTRIES for kwargs in make(iso3)]


def _documents():
    """One document of each type with missions linked and one without, and the most coded one (not all 180)."""
    chosen = {}
    for document in Document.objects.annotate(links=Count('mission_links')).order_by('pk'):
        chosen.setdefault((document.doc_type, document.links > 0), document.pk)
    coded = Document.objects.annotate(codes=Count('versions__paragraphs__codes')).order_by('-codes', 'pk')
    return [{'pk': pk} for pk in {*chosen.values(), coded.first().pk}]


def _rate() -> list[dict]:
    """The demo has no exchange rate (the book gives none): one for the rate pages."""
    rate = ExchangeRate.objects.get_or_create(
        currency='XOF',
        period=datetime.date(2024, 1, 1),
        period_precision='year',
        defaults={'rate': 606.3, 'source': 'BCEAO'},
    )[0]
    return [{'pk': rate.pk}]


def _version():
    version = _first(FrameworkVersion.objects.select_related('framework'))
    return {'framework': version.framework.code, 'version': version.version}


def _reset_token():
    user = get_user_model().objects.get(username='admin')
    return {'uidb64': urlsafe_base64_encode(force_bytes(user.pk)), 'token': default_token_generator.make_token(user)}


def _fora(iso3):
    return Forum.objects.filter(country__iso3=iso3).order_by('pk').values_list('pk', flat=True)[:1]


def _country_records(model, field='country__iso3', every=False):
    def make(iso3):
        records = model.objects.filter(**{field: iso3}).order_by('pk')
        return [{'iso3': iso3, 'pk': record.pk} for record in (records if every else records[:1])]

    return _countries(make)


def _coordination():
    """An organisation, a Liberian activity with a negative transaction, a link and import notes, and an IATI import
    whose report has a refused activity, a file error and notes (the demo has none yet)."""
    partner, _created = Organisation.objects.get_or_create(iati_ref='XM-I18N-1', defaults={'name': 'I18n partner'})
    activity, created = Activity.objects.get_or_create(
        iati_identifier='XM-I18N-1-LBR',
        defaults={
            'reporting_organisation': partner,
            'country': Country.objects.get(iso3='LBR'),
            'title': 'Police support',
            'status': '2',
            'planned_start': '2020-01-01',
            'default_currency': 'USD',
            'origin': 'iati',
            'notes': [{'code': 'sector_rounding', 'params': {'vocabulary': '1', 'total': '99.99'}}],
        },
    )
    if created:
        Transaction.objects.create(
            activity=activity, type='3', date='2019-12-01', value=-100, currency='USD', value_date='2019-12-01'
        )
        ActivityLink.objects.create(activity=activity, kind=LinkKind.ACTION, action=_first(Action.objects))
    report = {
        'summary': {
            'read': 2,
            'imported': 1,
            'updated': 0,
            'unchanged': 0,
            'refused': 1,
            'errors': 1,
            'notes': 1,
            'organisations_created': 1,
        },
        'file_error': {'code': 'strict', 'params': {'file': 'i18n.xml', 'count': 1}},
        'activities': [
            {
                'identifier': 'XM-I18N-1-X',
                'line': 3,
                'outcome': 'refused',
                'notes': [],
                'stored': '',
                'errors': [{'code': 'sector_sum', 'params': {'line': 9, 'vocabulary': '1', 'total': '80'}}],
            },
            {
                'identifier': activity.iati_identifier,
                'line': 20,
                'outcome': 'imported',
                'errors': [],
                'stored': '',
                'notes': [
                    {
                        'code': 'negative_value',
                        'params': {'line': 30, 'type': '3', 'value': '-100', 'currency': 'USD', 'date': '2019-12-01'},
                    }
                ],
            },
        ],
    }
    upload, _created = IatiImport.objects.get_or_create(
        name='i18n.xml', defaults={'file': 'iati/i18n.xml', 'status': 'refused', 'report': report}
    )
    return partner, activity, upload


def _threew_import():
    """A 3W import of Afghanistan with a report that names every part of the page (left out organisations too)."""
    from ssrhub.coordination.models import ThreeWImport
    from ssrhub.core.models import Country

    report = {
        'read': 12, 'refused': 1, 'duplicates': 1, 'created': 6, 'updated': 1, 'unchanged': 1, 'areas_created': 2,
        'organisations_created': 1, 'aliases_added': 1, 'left_out_rows': 2, 'left_out': [['Unknown partner', 2]],
        'left_out_organisations': 1, 'dry_run': False,
    }  # fmt: skip
    record, _created = ThreeWImport.objects.get_or_create(
        name='i18n-3w.csv',
        defaults={'country': Country.objects.get(iso3='AFG'), 'file': 'threew/i18n-3w.csv', 'status': 'done',
                  'report': report, 'period_start': '2024-01-01', 'period_end': '2024-03-31'},
    )  # fmt: skip
    return [{'iso3': 'AFG', 'pk': record.pk}]


def _ingest_jobs():
    """The administrator's uploads: one stored, one stored with a symbol conflict, one refused over a limit."""
    from ssrhub.documents.models import Document, IngestJob

    admin = get_user_model().objects.get(username='admin')
    document = Document.objects.get(key='S/RES/2151 (2014)')
    jobs = [
        dict(filename='i18n-stored.txt', status='done', outcome='created', document=document, version=1, paragraphs=38),
        dict(filename='i18n-conflict.txt', status='done', outcome='conflict', document=document, conflict=True),
        dict(filename='i18n-refused.docx', status='failed', error_code='paragraphs', error_params={'limit': 20000}),
    ]
    defaults = {'size': 1, 'sha256': '3' * 64}
    records = [
        IngestJob.objects.get_or_create(filename=job.pop('filename'), user=admin, defaults={**job, **defaults})[0]
        for job in jobs
    ]
    return [{'pk': record.pk} for record in records]


def _surveys():
    """The demo survey of Liberia, and two imports of answers: one done, one refused (with its message)."""
    from ssrhub.monitoring.models import Survey, SurveyImport
    from ssrhub.monitoring.survey_demo import DEMO_TITLE

    survey = Survey.objects.get(title=DEMO_TITLE)
    version = survey.versions.get()
    refused = {'error': {'code': 'version-mismatch', 'table': 'x.csv', 'row': None,
                         'params': {'found': 'v9', 'expected': '2026.1'}}}  # fmt: skip
    imports = [
        SurveyImport.objects.get_or_create(
            survey=survey, name=name,
            defaults={'version': version, 'file': f'survey-answers/{name}', 'source': 'kobo', 'status': status,
                      'report': report},
        )[0]
        for name, status, report in (
            ('i18n-done.csv', 'done', {'read': 3, 'created': 2, 'existing': 1}),
            ('i18n-refused.csv', 'refused', refused),
        )
    ]  # fmt: skip
    return survey, imports


def _survey_kwargs(more=lambda survey: [{}]):
    def make():
        survey, _imports = _surveys()
        return [{'iso3': 'LBR', 'survey': survey.pk, **extra} for extra in more(survey)]

    return make


def _coordination_pk(index):
    return lambda: [{'pk': _coordination()[index].pk}]


# URL name -> a function returning the keyword arguments of each page to render.
def _actuals(page):
    """The actuals' pages that write, on a sample report (the demo's are approved)."""

    def make():
        from ssrhub.monitoring.tests.actuals_data import sample_report

        report = sample_report()
        country = report.country
        kwargs = {
            'indicator_actuals': {'pk': report.period.indicator_id},
            'indicator_disaggregations': {'pk': report.period.indicator_id},
            'actual_report_add': {'period': report.period_id},
            'disaggregation_edit': {'pk': _country_disaggregation(country).pk},
        }.get(page, {'pk': report.pk})
        return [{'iso3': country.iso3, **kwargs}]

    return make


def _demo_actuals(page):
    def make():
        from ssrhub.monitoring.models import ActualReport
        from ssrhub.monitoring.tests.actuals_data import sample_report

        reports = ActualReport.objects.filter(period__indicator__result__framework__country__iso3='LBR')
        shown = [
            reports.get(survey__isnull=False),
            reports.filter(values__category__isnull=False, survey=None).first(),
            sample_report(),
        ]
        if page == 'indicator_actuals':
            return [{'iso3': report.country.iso3, 'pk': report.period.indicator_id} for report in shown]
        return [{'iso3': report.country.iso3, 'pk': report.pk} for report in shown]

    return make


def _allegation():
    from ssrhub.safeguards.models import Allegation
    from ssrhub.safeguards.tests.allegations_data import allegation

    return Allegation.objects.filter(country__iso3='CAF').first() or allegation('CAF')


def _draft_request():
    """A draft support request of the DRC with an assessment and a mitigation, made once."""
    import datetime

    from django.contrib.auth import get_user_model

    from ssrhub.safeguards.models import SupportRequest
    from ssrhub.safeguards.tests.cases_data import support_request

    draft = SupportRequest.objects.filter(country__iso3='COD', status='draft').exclude(assessments__frozen=True).first()
    if draft is None:
        draft = support_request(get_user_model().objects.get(username='hrdd'))
        draft.mitigations.create(description='Human rights training', owner='MONUSCO', due_on=datetime.date(2026, 6, 1))
    return draft


def _every_request():
    """The DRC's support requests: the draft of ``_draft_request()`` and the demo's cases."""
    from ssrhub.safeguards.models import SupportRequest

    _draft_request()
    return [
        {'iso3': 'COD', 'pk': pk}
        for pk in SupportRequest.objects.filter(country__iso3='COD').values_list('pk', flat=True)
    ]


def _country_disaggregation(country):
    from ssrhub.monitoring.models import DisaggregationType

    record, created = DisaggregationType.objects.get_or_create(country=country, name='County', kind='admin-area')
    if created:
        record.categories.create(order=1, code='bomi', name='Bomi')
    return record


ARGUMENTS = {
    **{
        f'monitoring:{page}': _actuals(page)
        for page in (
            'indicator_disaggregations',
            'actual_report_add',
            'actual_report_values',
            'actual_report_step',
            'disaggregation_edit',
        )
    },
    # The demo's approved reports of Liberia (one typed in with a sex breakdown, the one computed from the survey) and
    # the sample's submitted report, whose categories do not add up.
    **{
        f'monitoring:{page}': _demo_actuals(page)
        for page in ('indicator_actuals', 'actual_report', 'actual_report_history')
    },
    'monitoring:survey_actual': _survey_kwargs(),
    'monitoring:survey': lambda: [{'iso3': 'LBR', 'pk': _surveys()[0].pk}],
    'monitoring:iati_results': lambda: [{'iso3': 'NPL'}, {'iso3': 'LBR'}],  # with the demo file's results, without
    'monitoring:survey_edit': lambda: [{'iso3': 'LBR', 'pk': _surveys()[0].pk}],
    'monitoring:surveyversion_add': _survey_kwargs(),
    'monitoring:surveyversion_publish': _survey_kwargs(lambda survey: [{'pk': survey.versions.get().pk}]),
    'monitoring:surveyversion_file': _survey_kwargs(lambda survey: [{'pk': survey.versions.get().pk, 'kind': 'xml'}]),
    'monitoring:survey_webform': _survey_kwargs(),
    'monitoring:submission': _survey_kwargs(
        lambda survey: [{'pk': survey.submissions.filter(answers__victim='yes').first().pk}]
    ),
    'monitoring:submission_csv': _survey_kwargs(),
    'monitoring:surveyimport_add': _survey_kwargs(),
    'monitoring:surveyimport': _survey_kwargs(lambda survey: [{'pk': record.pk} for record in _surveys()[1]]),
    'monitoring:survey_formula': _survey_kwargs(
        lambda survey: [{QUERY: "formula=percent(trust_police in ('2', '3')) by sex"}, {QUERY: 'formula=median(x)'}]
    ),
    'coordination:organisation': _coordination_pk(0),
    'coordination:organisation_edit': _coordination_pk(0),
    'coordination:organisation_history': _coordination_pk(0),
    'coordination:activity': _coordination_pk(1),
    'coordination:activity_edit': _coordination_pk(1),
    'coordination:activity_delete': _coordination_pk(1),
    'coordination:activity_history': _coordination_pk(1),
    'coordination:activitylink_add': _coordination_pk(1),
    'coordination:activitylink_delete': lambda: [{'pk': _coordination()[1].links.first().pk}],
    'coordination:iatiimport': _coordination_pk(2),
    'coordination:threew_import_status': _threew_import,
    'documents:ingest_job': _ingest_jobs,
    'coordination:threew_matrix': lambda: [{'iso3': 'AFG'}, {'iso3': 'LBR'}],
    # The progress report of a year in which the Central African Republic adopted documents and its fora decided.
    'safeguards:summary': lambda: [{'iso3': 'COD', 'year': 2015}],
    'safeguards:summary_pdf': lambda: [{'iso3': 'COD', 'year': 2015}],
    'safeguards:named_export': lambda: [{'iso3': 'COD', 'records': 'allegations'}],
    'monitoring:report': lambda: [{'iso3': 'CAF', QUERY: 'from=2016-10-01&to=2017-09-30'}, {'iso3': 'LBR'}],
    'country': lambda: [{'iso3': iso3} for iso3 in (*DEMO_COUNTRIES, 'FRA')],
    'country_history': lambda: [{'iso3': 'CAF'}],
    'framework:version': lambda: [_version()],
    'framework:item': lambda: [{**_version(), 'code': code} for code in ('principle.national-ownership',)],
    'framework:item_history': lambda: [{**_version(), 'code': 'principle.national-ownership'}],
    'framework:entity': lambda: [{'code': _first(UNEntity.objects).code}],
    'framework:entity_history': lambda: [{'code': _first(UNEntity.objects).code}],
    'framework:mission': lambda: [{'acronym': acronym} for acronym in ('ONUMOZ', 'MINUSCA', 'UNOCI')],
    'framework:mission_edit': lambda: [{'acronym': 'MINUSCA'}],
    'framework:mission_history': lambda: [{'acronym': 'MINUSCA'}],
    'documents:document': _documents,
    'documents:document_history': lambda: [{'pk': _first(Document.objects).pk}],
    'documents:document_edit': lambda: [{'pk': _first(Document.objects).pk}],
    'documents:symbol_conflict_resolve': lambda: [{'pk': _first(SymbolConflict.objects).pk}],
    'coding:paragraph_review': lambda: [
        {'pk': _first(Paragraph.objects.filter(pk__in=CodeAssignment.objects.values('paragraph'))).pk}
    ],
    'mandates:mission_track': lambda: [{'acronym': 'ONUMOZ'}, {'acronym': 'MINUSCA'}],
    'mandates:timeline': lambda: [{'acronym': 'ONUMOZ'}],
    'mandates:matrix': lambda: [{'acronym': 'ONUMOZ'}],
    'mandates:matrix_paragraphs': lambda: [{'acronym': 'ONUMOZ', QUERY: 'code=ALL&side=mandated'}],
    'countries:stage_edit': _countries(lambda iso3: [{'iso3': iso3, 'stage': stage} for stage in (Stage.POLICY,)]),
    'countries:document_edit': _country_records(NationalDocument),
    'countries:part_add': _countries(
        lambda iso3: [{key: value for key, value in kwargs.items() if key != 'part_pk'} for kwargs in _parts(iso3)]
    ),
    'countries:part_edit': _countries(lambda iso3: list(_parts(iso3))),
    'countries:action_status': _country_records(Action, 'document__country__iso3'),
    'password_reset_confirm': lambda: [_reset_token()],
    'coordination:member_add': _countries(lambda iso3: [{'iso3': iso3, 'forum_pk': pk} for pk in _fora(iso3)]),
    'coordination:meeting_add': _countries(lambda iso3: [{'iso3': iso3, 'forum_pk': pk} for pk in _fora(iso3)]),
    'coordination:decision_add': _countries(
        lambda iso3: [
            {'iso3': iso3, 'meeting_pk': pk}
            for pk in Meeting.objects.filter(forum__country__iso3=iso3).order_by('pk').values_list('pk', flat=True)[:1]
        ]
    ),
    **{name: _rate for name in ('finance:rate', 'finance:rate_edit', 'finance:rate_delete', 'finance:rate_history')},
    **{
        f'roster:profile{page}': lambda: [{'pk': _first(ExpertProfile.objects).pk}]
        for page in ('', '_edit', '_delete', '_history')
    },
    **{
        f'roster:request{page}': lambda: [{'pk': pk} for pk in SupportRequest.objects.values_list('pk', flat=True)]
        for page in ('', '_edit', '_history', '_step', '_candidates')
    },
    # Section: safeguards, alleged violations (the demo has none: one of the Central African Republic)
    **{
        f'safeguards:{page}': lambda: [{'iso3': 'CAF', 'pk': _allegation().pk}]
        for page in ('allegation', 'allegation_edit', 'allegation_delete', 'allegation_history')
    },
    # Section: monitoring (results frameworks)
    'monitoring:level_add': lambda: [_monitoring('framework_pk', ResultsFramework)],
    'monitoring:result_add': lambda: [_monitoring('framework_pk', ResultsFramework)],
    'monitoring:indicator_add': lambda: [_monitoring('result_pk', FrameworkResult, 'framework__country')],
    'monitoring:period_add': lambda: [_monitoring('indicator_pk', Indicator, 'result__framework__country')],
    'monitoring:libraryindicator': lambda: [{'code': code} for code in ('trust-in-police', 'police-integrity-score')],
    'monitoring:libraryindicator_copy': lambda: [{'code': 'trust-in-police'}],
    # Section: safeguards, support requests: a draft never submitted (the demo's cases were), whose every page opens
    **{
        f'safeguards:{name}': lambda: [{'iso3': 'COD', 'pk': _draft_request().pk}]
        for name in (
            'supportrequest',
            'supportrequest_edit',
            'supportrequest_delete',
            'riskassessment_edit',
        )
    },
    # and the demo's cases, walked through the workflow (their history holds its steps' changes)
    'safeguards:supportrequest_history': lambda: _every_request(),
    'safeguards:riskassessment': lambda: [{'iso3': 'COD', 'pk': _draft_request().current_assessment.pk}],
    **{
        f'safeguards:{name}': lambda: [{'iso3': 'COD', 'pk': _draft_request().mitigations.get().pk}]
        for name in ('mitigation_edit', 'mitigation_delete')
    },
    'safeguards:mitigation_add': lambda: [{'iso3': 'COD', 'request_pk': _draft_request().pk}],
}


def _monitoring(key, model, country='country'):
    """The demo's first record of ``model`` (Liberia's framework, result or indicator) as the parent of an add page."""
    record = _first(model.objects)
    return {'iso3': reduce(getattr, [*country.split('__'), 'iso3'], record), key: record.pk}


def _generic_kwargs(name, route, view):
    """Arguments guessed from the route: the demo countries for ``iso3``, records of the view's model for ``pk``."""
    parameters = set(PARAMETER.findall(route))
    if not parameters:
        return [{}]
    model = getattr(getattr(view, 'queryset', None), 'model', None)
    if parameters == {'iso3'}:
        return [{'iso3': iso3} for iso3 in DEMO_COUNTRIES]
    if parameters == {'iso3', 'pk'} and model is not None:
        scope = getattr(model, 'country_scope', None)
        return _country_records(model, f'{scope}__iso3', every=name in EVERY_RECORD)() if scope else None
    return None


def _pages():
    for name, route, view in url_views():
        if any(name == skipped or name.startswith(skipped) for skipped in SKIPPED if skipped.endswith(':')):
            continue
        if name in SKIPPED or '-api:' in name:
            continue
        if set(PARAMETER.findall(route)) & DOWNLOAD_PARAMETERS:
            continue
        yield pytest.param(name, route, view, id=name)


def _report(problems):
    lines = []
    for url, found in problems:
        lines.append(url)
        lines += [f'    {sentence.english!r}  ->  {sentence.french!r}' for sentence in found]
    return '\n'.join(lines)


@pytest.mark.parametrize(('name', 'route', 'view'), _pages())
def test_page_shows_no_english_sentence(french, catalogue, name, route, view):
    make = ARGUMENTS.get(name)
    every = make() if make else _generic_kwargs(name, route, view)
    assert every is not None, f'{name} ({route}): add its arguments to ARGUMENTS in {__name__}'
    problems = []
    for kwargs in every:
        query = kwargs.pop(QUERY, 'lang=fr' if name == 'countries:brief' else '')
        url = reverse(name, kwargs=kwargs) + (f'?{query}' if query else '')
        responses = [('GET', french.get(url, follow=True))]
        if name.endswith(POSTED):
            responses.append(('POST', french.post(url, {}, follow=True)))
        for method, response in responses:
            assert response.status_code in (200, 400, 405), f'{method} {url}: {response.status_code}'
            content_type = response.get('Content-Type', '')
            if response.status_code == 405 or not content_type.startswith(('text/html', 'application/json')):
                continue
            found = english_in(response.content.decode(), content_type, catalogue)
            if found:
                problems.append((f'{method} {url}', found))
    assert not problems, 'English in French pages:\n' + _report(problems)
