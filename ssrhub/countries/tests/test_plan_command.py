"""`ssrhub plans check` and the database reading behind it (for the command, or for one user), and the plan forms'
choices, on Liberia's 2008 strategy and Implementation Schedule (book L1899-1905)."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ssrhub.core.access import SENSITIVE
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.forms import ActionForm, NationalDocumentForm
from ssrhub.countries.models import Action, ActionStatusUpdate, Actor, NationalDocument, Objective, Threat
from ssrhub.countries.plan_queries import country_findings, document_findings, key_of, read_country_plans

pytestmark = pytest.mark.django_db
THREATS = (
    'Land and property disputes',
    'Ethnic tensions',
    'Poverty and unemployment',
    'Poor natural resource management',
)


def run(*args) -> str:
    out = StringIO()
    call_command('plans', 'check', *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def liberia():
    country = Country.objects.get(iso3='LBR')
    strategy = NationalDocument.objects.create(
        country=country,
        kind='strategy',
        title='National Security Strategy of the Republic of Liberia',
        status='adopted',
        adopted=date(2008, 1, 1),  # January 2008; the day is not in the book
        adopted_by='President and National Security Council',
        vision='Security for the State and the people of Liberia.',
    )
    schedule = NationalDocument.objects.create(
        country=country, kind='plan', title='Implementation Schedule', status='adopted', adopted=date(2008, 1, 1)
    )
    schedule.parent = strategy
    schedule.save()
    for title in THREATS:
        Threat.objects.create(document=strategy, title=title)
    steps = {}
    for ref, title, kind in (
        ('3', 'Develop the NSSRL-IM', 'ssr'),
        ('4', 'Prepare a security sector budget', 'ssr'),
        ('9', 'Deploy national security officers throughout Liberia', 'operation'),
        ('13', 'Hold national security exercises', 'operation'),
    ):
        steps[ref] = Action.objects.create(document=schedule, ref=ref, title=title, kind=kind)
    return country, strategy, schedule, steps


def test_json_lists_every_document_with_its_findings(liberia):
    _, strategy, schedule, _ = liberia
    body = json.loads(run('--country', 'lbr', '--date', '2010-01-01', '--format', 'json'))
    assert (body['country'], body['date']) == ('LBR', '2010-01-01')
    documents = {document['id']: document for document in body['documents']}
    assert set(documents) == {strategy.pk, schedule.pk}
    plan = documents[schedule.pk]
    assert (plan['title'], plan['kind'], plan['status']) == ('Implementation Schedule', 'plan', 'adopted')
    uncovered = [finding for finding in plan['findings'] if finding['check'] == 'alignment']
    assert [finding['subject'] for finding in uncovered] == list(THREATS)
    assert uncovered[0] == {
        'check': 'alignment',
        'severity': 'error',
        'subject_key': f'threat:{Threat.objects.get(title=THREATS[0]).pk}',
        'subject': 'Land and property disputes',
        'message': "No action answers this threat (listed in 'National Security Strategy of the Republic of Liberia').",
        'related_keys': [],
    }
    checks = [finding['check'] for finding in plan['findings']]
    assert checks.count('completeness') == 4 and 'adopted-not-implemented' in checks


def test_one_document_and_the_text_format(liberia):
    _, strategy, schedule, steps = liberia
    budget, deploy = steps['4'], steps['9']
    deploy.owner_name, deploy.timeframe = 'Ministry of National Security', 'short'
    deploy.save()
    deploy.threats.add(Threat.objects.get(title='Land and property disputes'))
    deploy.depends_on.add(budget)
    budget.end = date(2008, 12, 31)
    budget.save()
    deploy.start = date(2008, 6, 1)
    deploy.save()

    body = json.loads(
        run('--country', 'LBR', '--document', str(schedule.pk), '--date', '2010-01-01', '--format', 'json')
    )
    [document] = body['documents']
    messages = {finding['check']: finding['message'] for finding in document['findings']}
    assert document['id'] == schedule.pk
    assert messages['dependency-order'] == (
        "Starts on 2008-06-01, before 'Prepare a security sector budget', which it depends on, ends on 2008-12-31."
    )
    assert messages['overdue'] == 'Due to end on 2008-12-31 (366 days ago); status not started.'
    land = next(finding for finding in document['findings'] if finding['subject'] == 'Land and property disputes')
    assert land['message'].startswith("Covered only by 'Deploy national security officers throughout Liberia', which")
    assert land['message'].endswith("has no cost (listed in 'National Security Strategy of the Republic of Liberia').")
    assert land['related_keys'] == [key_of(deploy)]

    text = run('--country', 'LBR', '--document', str(schedule.pk), '--date', '2010-01-01')
    assert text.splitlines()[0].startswith('Liberia (LBR) on 2010-01-01: 1 document(s),')
    assert f'#{schedule.pk} Implementation Schedule [plan, adopted]' in text
    assert 'overdue' in text and 'plan-element.cross-cutting' in text


def test_stale_status_and_the_thresholds(liberia):
    _, strategy, schedule, steps = liberia
    deploy = steps['9']
    ActionStatusUpdate.objects.create(action=deploy, date=date(2008, 3, 1), status='on-track')
    ActionStatusUpdate.objects.create(action=deploy, date=date(2009, 1, 1), status='behind')
    deploy.status = 'behind'
    deploy.save()
    findings = document_findings(schedule, date(2010, 1, 1))
    assert [finding.message for finding in findings if finding.check == 'stale-status'] == [
        'Status behind last reported on 2009-01-01 (365 days ago).'
    ]
    # An action is under way: the schedule and the strategy are implemented.
    assert not [finding for finding in findings if finding.check == 'adopted-not-implemented']
    strict = json.loads(run('--country', 'LBR', '--date', '2010-01-01', '--stale-days', '400', '--format', 'json'))
    assert all(finding['check'] != 'stale-status' for item in strict['documents'] for finding in item['findings'])


def test_unknown_country_or_document(liberia):
    with pytest.raises(CommandError, match="No country 'XYZ': give an ISO alpha-3 code, such as LBR."):
        run('--country', 'XYZ')
    other = NationalDocument.objects.create(
        country=Country.objects.get(iso3='CIV'),
        kind='strategy',
        title='Stratégie nationale de RSS',
        status='adopted',
        adopted=date(2012, 9, 1),
    )
    with pytest.raises(CommandError, match=f'LBR has no national framework document {other.pk}.'):
        run('--country', 'LBR', '--document', str(other.pk))


def test_a_country_without_documents():
    body = json.loads(run('--country', 'CIV', '--format', 'json'))
    assert body['documents'] == []
    assert (
        run('--country', 'CIV', '--date', '2012-01-01')
        == "Côte d'Ivoire (CIV) on 2012-01-01: 0 document(s), 0 finding(s)\n"
    )


def test_reading_takes_the_same_queries_whatever_the_size(liberia, django_assert_num_queries):
    country, strategy, schedule, steps = liberia
    actor = Actor.objects.create(
        country=country, name='Ministry of National Security', area='management-oversight', type='executive'
    )
    objective = Objective.objects.create(document=strategy, title='Land disputes settled', indicator='Cases settled')
    objective.threats.set(Threat.objects.filter(document=strategy))
    for index in range(20):
        action = Action.objects.create(
            document=schedule, ref=str(20 + index), title=f'Step {index}', owner=actor, cost=Decimal(1000)
        )
        action.threats.set(Threat.objects.filter(document=strategy))
        action.objectives.add(objective)
        action.depends_on.add(steps['3'])
        ActionStatusUpdate.objects.create(action=action, date=date(2009, 1, 1), status='on-track')
    with django_assert_num_queries(8):
        documents, content = read_country_plans(country)
    assert len(content.actions) == 24 and len(documents) == 2
    # Numbers in references sort as numbers: step 9 before step 13.
    assert [action.ref for action in content.actions[:4]] == ['3', '4', '9', '13']
    owned = next(action for action in content.actions if action.ref == '20')
    assert (owned.owner, owned.status_as_of, owned.depends_on) == (
        'Ministry of National Security',
        date(2009, 1, 1),
        (key_of(steps['3']),),
    )
    assert len(owned.threat_keys) == 4 and owned.objective_keys == (key_of(objective),)
    assert content.objectives[0].threat_keys == tuple(key_of(threat) for threat in strategy.threats.order_by('pk'))
    assert [item['document'] for item in country_findings(country, date(2010, 1, 1))] == documents


def test_a_user_reads_only_the_plans_they_may_view(liberia, make_user, monkeypatch, django_assert_num_queries):
    country, _strategy, _schedule, steps = liberia
    steps['9'].depends_on.add(steps['4'])
    reader = make_user('reader', Role.VIEWER, countries=('LBR',))
    everything = read_country_plans(country)
    with django_assert_num_queries(8 + 2):  # and the reader's permissions
        assert read_country_plans(country, reader) == everything
    documents, content = read_country_plans(country, make_user('nobody'))
    assert documents == [] and content.actions == ()
    # Were actions sensitive, a reader of another country would read neither them nor the links to them.
    monkeypatch.setattr(Action, 'access_kind', SENSITIVE)
    documents, content = read_country_plans(country, make_user('outsider', Role.VIEWER, countries=('CAF',)))
    assert len(documents) == 2 and len(content.threats) == 4 and content.actions == ()
    documents, content = read_country_plans(country, reader)
    assert next(a for a in content.actions if a.ref == '9').depends_on == (key_of(steps['4']),)


def test_plan_forms_offer_only_records_the_user_may_view(liberia, make_user, monkeypatch):
    country, _strategy, schedule, _steps = liberia
    Actor.objects.create(country=country, name='Liberia National Police', area='core-security-actors', type='police')
    editor = make_user('editor', Role.COUNTRY_EDITOR, countries=('LBR',))
    form = ActionForm(document=schedule, user=editor)
    assert form.fields['owner'].queryset.count() == 1 and form.fields['depends_on'].queryset.count() == 4
    assert not ActionForm(document=schedule, user=make_user('nobody')).fields['depends_on'].queryset.exists()
    monkeypatch.setattr(Actor, 'access_kind', SENSITIVE)
    outsider = make_user('outsider', Role.VIEWER, countries=('CAF',))
    assert not ActionForm(document=schedule, user=outsider).fields['owner'].queryset.exists()
    assert ActionForm(document=schedule, user=editor).fields['owner'].queryset.count() == 1
    assert list(NationalDocumentForm(instance=schedule, country=country, user=editor).fields['parent'].queryset) == [
        NationalDocument.objects.get(kind='strategy', country=country)
    ]
