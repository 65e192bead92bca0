"""The coordination pages: the activity list's filters and downloads, an activity added with its parts, links with
shares (or an equal split, said on the page), suggestions, and an IATI upload with its report."""

import datetime

import pytest
from django.urls import reverse
from lxml import etree

from ssrhub.coordination.forms.activities import PARTS
from ssrhub.coordination.iati import validate_tree
from ssrhub.coordination.models import Activity, ActivityLink, ActivitySector, IatiImport, Organisation, Transaction
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument

from .iati_samples import activity, iati_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    partner = Organisation.objects.create(name='Partner A', iati_ref='XM-A-1', type='10')
    other = Organisation.objects.create(name='Partner B', iati_ref='XM-B-1', type='40')
    lbr, caf = Country.objects.get(iso3='LBR'), Country.objects.get(iso3='CAF')
    police = Activity.objects.create(
        iati_identifier='XM-A-1-1', reporting_organisation=partner, country=lbr, title='Police reform', status='2',
        planned_start=datetime.date(2020, 1, 1), planned_end=datetime.date(2021, 12, 31), default_currency='USD',
        origin='iati',
    )  # fmt: skip
    courts = Activity.objects.create(
        iati_identifier='XM-B-1-1', reporting_organisation=other, country=caf, title='Courts', status='4',
        planned_start=datetime.date(2015, 1, 1), planned_end=datetime.date(2016, 12, 31), default_currency='EUR',
    )  # fmt: skip
    ActivitySector.objects.create(activity=police, code='15210', percentage=100)
    ActivitySector.objects.create(activity=courts, code='15130', percentage=100)
    police.participants.create(organisation=other, role='1')
    document = NationalDocument.objects.create(
        country=lbr, title='National security strategy', kind=DocumentKind.STRATEGY, status=DocumentStatus.ENDORSED,
        adopted=datetime.date(2017, 1, 1),
    )  # fmt: skip
    actions = [Action.objects.create(document=document, ref=f'A{n}', title=f'Action {n}') for n in (1, 2)]
    return {'police': police, 'courts': courts, 'actions': actions, 'partner': partner}


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('lbr-editor', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return client


def listed(client, query):
    response = client.get(reverse('coordination:activity_list') + '?' + query)
    assert response.status_code == 200
    return {a.iati_identifier for a in response.context['table'].data}


@pytest.mark.parametrize(
    ('query', 'expected'),
    [
        ('country=LBR', {'XM-A-1-1'}),
        ('sector=15130', {'XM-B-1-1'}),
        ('organisation=XM-B-1', {'XM-A-1-1', 'XM-B-1-1'}),
        ('organisation=XM-B-1&role=1', {'XM-A-1-1'}),
        ('status=4', {'XM-B-1-1'}),
        ('active_from=2019-01-01', {'XM-A-1-1'}),
        ('active_to=2016-01-01', {'XM-B-1-1'}),
        ('origin=iati', {'XM-A-1-1'}),
        ('q=courts', {'XM-B-1-1'}),
    ],
)
def test_the_activity_list_filters(editor, records, query, expected):
    assert listed(editor, query) == expected


def test_the_iati_download_of_a_filtered_list_validates(editor, records):
    response = editor.get(reverse('coordination:activity_export', args=['xml']) + '?country=LBR')
    root = etree.fromstring(response.content)
    assert validate_tree(root) == []
    assert [node.text for node in root.iter('iati-identifier')] == ['XM-A-1-1']
    csv = editor.get(reverse('coordination:activity_export', args=['csv']) + '?sector=15130').content.decode()
    assert 'XM-B-1-1' in csv and 'XM-A-1-1' not in csv


def parts(**rows):
    data = {}
    for name, *_rest in PARTS:
        forms = rows.get(name, [])
        data.update({f'{name}-TOTAL_FORMS': len(forms), f'{name}-INITIAL_FORMS': 0})
        for index, form in enumerate(forms):
            data.update({f'{name}-{index}-{key}': value for key, value in form.items()})
    return data


def test_an_editor_adds_an_activity_with_its_sectors_and_transactions(editor, records):
    base = {
        'iati_identifier': 'XM-A-1-NEW', 'reporting_organisation': records['partner'].pk,
        'country': Country.objects.get(iso3='LBR').pk, 'title': 'Justice support', 'status': '2',
        'planned_start': '2024-01-01', 'default_currency': 'USD', 'on_budget': 'no',
    }  # fmt: skip
    url = reverse('coordination:activity_add')
    sectors = [
        {'vocabulary': '1', 'code': '15130', 'percentage': '60'},
        {'vocabulary': '1', 'code': '15210', 'percentage': '30'},
    ]
    response = editor.post(url, {**base, **parts(sectors=sectors)})
    assert response.status_code == 400
    assert 'add up to 90, not 100' in response.content.decode()
    correction = {'type': '3', 'date': '2024-02-01', 'value': '-500', 'currency': 'USD'}
    sectors[1]['percentage'] = '40'
    response = editor.post(url, {**base, **parts(sectors=sectors, transactions=[correction])})
    assert response.status_code == 400
    assert 'A negative value is a correction' in response.content.decode()
    correction['note'] = 'Reverses the January disbursement'
    response = editor.post(url, {**base, **parts(sectors=sectors, transactions=[correction])})
    assert response.status_code == 302
    added = Activity.objects.get(iati_identifier='XM-A-1-NEW')
    assert (added.origin, added.sectors.count()) == ('manual', 2)
    assert Transaction.objects.get(activity=added).value_date == datetime.date(2024, 2, 1)


def test_an_editor_may_not_add_an_activity_in_another_country(editor, records):
    data = {
        'iati_identifier': 'XM-A-1-CAF', 'reporting_organisation': records['partner'].pk,
        'country': Country.objects.get(iso3='CAF').pk, 'title': 'Elsewhere', 'status': '2',
        'planned_start': '2024-01-01', 'default_currency': 'USD', 'on_budget': 'no', **parts(),
    }  # fmt: skip
    assert editor.post(reverse('coordination:activity_add'), data).status_code == 403
    assert not Activity.objects.filter(iati_identifier='XM-A-1-CAF').exists()


def test_links_to_plan_actions_with_and_without_shares(editor, records):
    police, (first, second) = records['police'], records['actions']
    url = reverse('coordination:activitylink_add', args=[police.pk])
    for action in (first, second):
        assert editor.post(url, {'kind': 'action', 'action': action.pk}).status_code == 302
    page = editor.get(police.get_absolute_url()).content.decode()
    assert 'split equally among its actions (50 % each)' in page
    ActivityLink.objects.filter(action=first).update(share=70)
    page = editor.get(police.get_absolute_url()).content.decode()
    assert 'split equally' not in page and '70 %' in page
    assert editor.post(url, {'kind': 'action', 'action': first.pk}).status_code == 400


def test_the_link_page_suggests_framework_items_from_the_sectors(editor, records):
    page = editor.get(reverse('coordination:activitylink_add', args=[records['police'].pk]))
    suggested = {item.code for item, _sectors in page.context['framework_suggestions']}
    assert {'initiative.national-ssr-strategy', 'initiative.management-oversight'} <= suggested
    chosen = page.context['framework_suggestions'][0][0]
    prefilled = editor.get(f'{page.wsgi_request.path}?kind=framework&framework_item={chosen.pk}')
    initial = prefilled.context['form'].initial
    assert (initial['kind'], initial['framework_item']) == ('framework', str(chosen.pk))


def test_an_upload_is_imported_and_its_report_lists_the_refused_activities(
    editor, records, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = iati_file(activity('XM-TEST-1-OK'), activity('XM-TEST-1-BAD', first='10'))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse('coordination:iati_upload'), {'file': SimpleUploadedFile('lbr.xml', text.encode())}
        )
    upload = IatiImport.objects.get(name='lbr.xml')
    assert response['Location'] == upload.get_absolute_url()
    page = editor.get(upload.get_absolute_url())
    assert page.context['summary']['imported'] == 1
    (refused,) = page.context['refused']
    assert refused['identifier'] == 'XM-TEST-1-BAD'
    assert 'add up to 50, not 100' in refused['errors'][0]
    assert Activity.objects.get(iati_identifier='XM-TEST-1-OK').history.first().history_user.username == 'lbr-editor'


def test_an_upload_larger_than_the_limit_is_refused(editor, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ssrhub.coordination.forms import activities

    monkeypatch.setattr(activities, 'MAX_IATI_UPLOAD_MB', 1)
    big = SimpleUploadedFile('big.xml', b'<iati-activities/>' + b' ' * 1024 * 1024)
    response = editor.post(reverse('coordination:iati_upload'), {'file': big})
    assert response.status_code == 400
    assert 'big.xml is 1.0 MB; the limit is 1 MB.' in response.content.decode()
    assert not IatiImport.objects.exists()
