"""The Activities tab of a country workspace: the country's activities with their filters and downloads, an activity
added with the country of the page (and linked at once when added from a plan action), the suggested plan actions of
the link page, and the activities a plan's page shows under each action."""

import datetime

import pytest
from django.urls import reverse

from ssrhub.coordination.models import Activity, ActivityLink, ActivitySector, LinkKind, Organisation
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument, Pillar

from .test_views import parts

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    usa = Organisation.objects.create(name='Government of the United States', iati_ref='US-GOV-1', type='10')
    sweden = Organisation.objects.create(name='Sweden', iati_ref='SE-0', type='10')
    lbr, caf = Country.objects.get(iso3='LBR'), Country.objects.get(iso3='CAF')
    plan = NationalDocument.objects.create(
        country=lbr, title='Implementation plan', kind=DocumentKind.PLAN, status=DocumentStatus.ADOPTED,
        adopted=datetime.date(2024, 1, 1),
    )  # fmt: skip
    police = Pillar.objects.create(document=plan, title='Police')
    actions = {
        'budget': Action.objects.create(document=plan, ref='1', title='Prepare a security sector budget'),
        'police': Action.objects.create(document=plan, ref='2', title='Vet the recruits', pillar=police),
        'roads': Action.objects.create(document=plan, ref='3', title='Repair the border posts'),
    }
    linked = Activity.objects.create(
        iati_identifier='US-GOV-1-LBR-1', reporting_organisation=usa, country=lbr, title='Budget support',
        status='2', planned_start=datetime.date(2024, 1, 1), default_currency='USD', origin='iati',
    )  # fmt: skip
    linked.participants.create(organisation=usa, role='1')
    ActivitySector.objects.create(activity=linked, code='15210', percentage=100)
    ActivityLink.objects.create(activity=linked, kind=LinkKind.ACTION, action=actions['budget'])
    unlinked = Activity.objects.create(
        iati_identifier='SE-0-LBR-2', reporting_organisation=sweden, country=lbr, title='Police vetting',
        status='3', planned_start=datetime.date(2023, 1, 1), default_currency='SEK',
    )  # fmt: skip
    ActivitySector.objects.create(activity=unlinked, code='15132', percentage=100)
    elsewhere = Activity.objects.create(
        iati_identifier='SE-0-CAF-1', reporting_organisation=sweden, country=caf, title='Courts', status='2',
        planned_start=datetime.date(2023, 1, 1), default_currency='SEK',
    )  # fmt: skip
    return {'usa': usa, 'sweden': sweden, 'plan': plan, 'actions': actions, 'linked': linked,
            'unlinked': unlinked, 'elsewhere': elsewhere}  # fmt: skip


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('lbr-editor', Role.COUNTRY_EDITOR, countries=('LBR',)))
    return client


def listed(client, query=''):
    response = client.get(reverse('coordination:workspace_activity_list', args=['LBR']) + '?' + query)
    assert response.status_code == 200
    return {activity.iati_identifier for activity in response.context['table'].data}


@pytest.mark.parametrize(
    ('query', 'expected'),
    [
        ('', {'US-GOV-1-LBR-1', 'SE-0-LBR-2'}),
        ('linked=true', {'US-GOV-1-LBR-1'}),
        ('linked=false', {'SE-0-LBR-2'}),
        ('status=3', {'SE-0-LBR-2'}),
        ('sector=15210', {'US-GOV-1-LBR-1'}),
        ('origin=manual', {'SE-0-LBR-2'}),
        ('q=vetting', {'SE-0-LBR-2'}),
        ('sort=-start', {'US-GOV-1-LBR-1', 'SE-0-LBR-2'}),
    ],
)
def test_the_tab_lists_the_country_activities_with_filters(editor, records, query, expected):
    assert listed(editor, query) == expected


def test_the_partner_filter_offers_the_country_partners_and_applies_the_role(editor, records):
    response = editor.get(reverse('coordination:workspace_activity_list', args=['LBR']))
    partners = list(response.context['filter_form'].fields['partner'].queryset)
    assert partners == [records['usa'], records['sweden']]
    usa = records['usa'].pk
    assert listed(editor, f'partner={usa}') == {'US-GOV-1-LBR-1'}
    assert listed(editor, f'partner={usa}&role=1') == {'US-GOV-1-LBR-1'}
    assert listed(editor, f'partner={records["sweden"].pk}&role=1') == set()
    page = response.content.decode()
    assert 'id="activity-US-GOV-1-LBR-1"' not in page and f'id="activity-{records["linked"].pk}"' in page
    assert 'not linked' in page


def test_the_download_holds_what_the_filters_select(editor, records):
    url = reverse('coordination:workspace_activity_export', args=['LBR', 'csv'])
    text = editor.get(url + '?linked=false').content.decode()
    assert 'SE-0-LBR-2' in text and 'US-GOV-1-LBR-1' not in text and 'SE-0-CAF-1' not in text
    assert editor.get(url + '?status=99').status_code == 400


def test_an_activity_added_in_the_workspace_takes_its_country_and_its_money(editor, records):
    url = reverse('coordination:workspace_activity_add', args=['LBR'])
    base = {
        'iati_identifier': 'SE-0-LBR-3', 'reporting_organisation': records['sweden'].pk, 'title': 'Defence law',
        'status': '2', 'planned_start': '2025-01-01', 'default_currency': 'USD', 'on_budget': 'no',
        'country': Country.objects.get(iso3='CAF').pk,  # not a field of this form: the page's country holds
    }  # fmt: skip
    money = {
        'budgets': [{'type': '1', 'status': '2', 'period_start': '2025-12-31', 'period_end': '2025-01-01',
                     'value': '100000', 'currency': 'USD', 'value_date': '2025-01-01'}],
        'transactions': [{'type': '2', 'date': '2025-01-15', 'value': '250000', 'currency': 'XXZ'}],
    }  # fmt: skip
    response = editor.post(url, {**base, **parts(**money)})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'The end comes before the start.' in page and 'XXZ' in page
    money['budgets'][0].update(period_start='2025-01-01', period_end='2025-12-31')
    money['transactions'][0]['currency'] = 'USD'
    response = editor.post(url, {**base, **parts(**money)})
    assert response.status_code == 302
    added = Activity.objects.get(iati_identifier='SE-0-LBR-3')
    assert (added.country.iso3, added.origin, added.budgets.count()) == ('LBR', 'manual', 1)
    assert added.transactions.get().value_date == datetime.date(2025, 1, 15)
    assert not added.links.exists()


def test_an_activity_added_from_a_plan_action_is_linked_to_it(editor, records):
    action = records['actions']['roads']
    url = reverse('coordination:workspace_activity_add', args=['LBR']) + f'?action={action.pk}'
    assert 'Repair the border posts' in editor.get(url).content.decode()
    data = {
        'iati_identifier': 'US-GOV-1-LBR-9', 'reporting_organisation': records['usa'].pk, 'title': 'Border posts',
        'status': '2', 'planned_start': '2025-01-01', 'default_currency': 'USD', 'on_budget': 'no', **parts(),
    }  # fmt: skip
    assert editor.post(url, data).status_code == 302
    link = ActivityLink.objects.get(activity__iati_identifier='US-GOV-1-LBR-9')
    assert (link.kind, link.action) == (LinkKind.ACTION, action)
    other = Action.objects.create(
        document=NationalDocument.objects.create(country=Country.objects.get(iso3='CAF'), title='Plan', kind='plan'),
        title='Elsewhere',
    )
    assert (
        editor.get(reverse('coordination:workspace_activity_add', args=['LBR']) + f'?action={other.pk}').status_code
        == 404
    )


def test_an_editor_adds_activities_in_the_countries_they_edit_only(editor, records):
    assert editor.get(reverse('coordination:workspace_activity_add', args=['CAF'])).status_code == 403
    assert editor.get(reverse('coordination:workspace_activity_list', args=['CAF'])).status_code == 200
    page = editor.get(reverse('coordination:workspace_activity_list', args=['CAF'])).content.decode()
    assert 'id="add-activity"' not in page


def test_the_link_page_suggests_the_plan_actions_first(editor, records):
    response = editor.get(reverse('coordination:activitylink_add', args=[records['linked'].pk]))
    suggested = [row['action'] for row in response.context['action_suggestions']]
    assert suggested == [records['actions']['budget']]
    groups = response.context['form'].fields['action'].choices
    assert groups[1][0] == 'Suggested from the sectors' and [pk for pk, _label in groups[1][1]] == [suggested[0].pk]
    prefilled = editor.get(f'{response.wsgi_request.path}?kind=action&action={suggested[0].pk}')
    assert prefilled.context['form'].initial['action'] == str(suggested[0].pk)


def test_a_plan_page_shows_the_activities_of_each_action_with_a_link_to_add_one(editor, records):
    plan, budget = records['plan'], records['actions']['budget']
    page = editor.get(plan.get_absolute_url()).content.decode()
    assert f'id="action-activities-{budget.pk}"' in page
    assert 'Budget support' in page and 'Government of the United States' in page
    assert f'/countries/LBR/workspace/activities/add/?action={budget.pk}' in page
    assert budget.get_absolute_url() == f'{plan.get_absolute_url()}#action-{budget.pk}'


def test_the_coordination_pages_are_one_tab_of_the_workspace(editor):
    from ssrhub.countries.tabs import TabGroup, registered_tabs

    (group,) = [
        entry for entry in registered_tabs('timeline') if isinstance(entry, TabGroup) and entry.key == 'coordination'
    ]
    assert (group.key, [tab.key for tab in group.tabs]) == ('coordination', ['activities', 'fora', '3w'])
    page = editor.get('/countries/LBR/workspace/fora/').content.decode()
    assert page.count('<summary class="nav-link active">Coordination</summary>') == 1
    assert 'id="workspace-subtabs"' in page and 'aria-current="page" href="/countries/LBR/workspace/fora/"' in page
    assert 'id="workspace-subtabs"' not in editor.get('/countries/LBR/workspace/').content.decode()
