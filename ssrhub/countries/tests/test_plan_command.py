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
from ssrhub.core.testing.two_factor import verified
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


def findings_of(document: dict) -> list[dict]:
    return [finding for group in document['groups'] for finding in group['findings']]


def test_json_lists_every_document_with_its_findings_by_record(liberia):
    _, strategy, schedule, steps = liberia
    body = json.loads(run('--country', 'lbr', '--date', '2010-01-01', '--format', 'json'))
    assert (body['country'], body['date'], body['language']) == ('LBR', '2010-01-01', 'en')
    documents = {document['id']: document for document in body['documents']}
    assert set(documents) == {strategy.pk, schedule.pk}
    plan = documents[schedule.pk]
    assert (plan['title'], plan['kind'], plan['status']) == ('Implementation Schedule', 'plan', 'adopted')
    assert plan['counts'] == {'error': 11, 'warning': 1}
    # One group per record: the schedule itself, each threat, each step; each record once.
    land = Threat.objects.get(title=THREATS[0])
    assert [group['subject_key'] for group in plan['groups']] == [
        key_of(schedule),
        *(key_of(threat) for threat in Threat.objects.order_by('pk')),
        *(key_of(steps[ref]) for ref in ('3', '4', '9', '13')),
    ]
    threat = plan['groups'][1]
    assert {key: threat[key] for key in ('kind', 'subject', 'ref', 'listed_in', 'severity')} == {
        'kind': 'threat',
        'subject': 'Land and property disputes',
        'ref': '',
        'listed_in': 'National Security Strategy of the Republic of Liberia',
        'severity': 'error',
    }
    assert threat['findings'] == [
        {
            'check': 'alignment',
            'severity': 'error',
            'code': 'not-answered',
            'subject_key': key_of(land),
            'subject': 'Land and property disputes',
            'params': {'kind': 'threat', 'count': 0, 'actions': []},
            'related_keys': [],
            'elements': [],
            'label': 'Unanswered',
            'message': 'No action answers this threat.',
        }
    ]
    step = plan['groups'][-1]
    assert [finding['message'] for finding in step['findings']] == [
        'Not recorded: owner, timeframe (an end date or a band), cost and risks.'
    ]
    document = plan['groups'][0]['findings']
    assert [finding['code'] for finding in document] == [
        'missing-parts',
        'no-action-of-kind',
        'no-dependency',
        'adopted-not-implemented',
    ]
    assert document[-1]['message'] == (
        'Adopted 2 years ago (2008-01-01), but none of its 4 actions has started and no document implementing it is '
        'under way.'
    )


def test_json_in_french(liberia):
    _, _strategy, schedule, _ = liberia
    body = json.loads(
        run(
            '--country',
            'LBR',
            '--document',
            str(schedule.pk),
            '--date',
            '2010-03-15',
            '--format',
            'json',
            '--language',
            'fr',
        )
    )
    assert body['language'] == 'fr'
    messages = [finding['message'] for finding in findings_of(body['documents'][0])]
    assert 'Aucune action ne répond à cette menace.' in messages
    assert 'Non renseigné\u00a0: responsable, calendrier (date de fin ou échéance), coût et risques.' in messages
    assert messages[3] == (
        "Adoption il y a environ 2 ans (2008-01-01), mais aucune de ses 4 actions n'a commencé et aucun texte "
        "d'application n'est en cours."
    )


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
    findings = findings_of(document)
    messages = {finding['code']: finding['message'] for finding in findings}
    assert document['id'] == schedule.pk
    assert messages['before-dependency'] == (
        'Starts on 2008-06-01, before “Prepare a security sector budget”, which it depends on, ends on 2008-12-31.'
    )
    assert messages['overdue'] == 'Overdue by 1 year: due to end on 2008-12-31; status: Not started.'
    assert messages['answered-only-by-incomplete'] == (
        'Answered only by “Deploy national security officers throughout Liberia”, which lacks a cost.'
    )
    land = next(finding for finding in findings if finding['subject'] == 'Land and property disputes')
    assert land['related_keys'] == [key_of(deploy)]
    # The budget has an end date: a deadline, so a timeframe; it is overdue, not also without a timeframe.
    budget_group = next(group for group in document['groups'] if group['subject_key'] == key_of(budget))
    assert [finding['params'].get('missing') for finding in budget_group['findings']] == [
        ['owner', 'cost', 'risks'],
        None,
    ]

    text = run('--country', 'LBR', '--document', str(schedule.pk), '--date', '2010-01-01')
    lines = text.splitlines()
    assert lines[0] == 'Liberia (LBR) on 2010-01-01: 1 document, 13 findings'
    assert f'#{schedule.pk} Implementation Schedule [plan, adopted]: 13 findings (10 error, 3 warning)' in text
    assert f'  Action · 4 Prepare a security sector budget ({key_of(budget)})' in lines
    assert '    warning Overdue — Overdue by 1 year: due to end on 2008-12-31; status: Not started.' in lines
    assert 'days' not in text


def test_stale_status_and_the_thresholds(liberia):
    _, strategy, schedule, steps = liberia
    deploy = steps['9']
    ActionStatusUpdate.objects.create(action=deploy, date=date(2008, 3, 1), status='on-track')
    ActionStatusUpdate.objects.create(action=deploy, date=date(2009, 1, 1), status='behind')
    deploy.status = 'behind'
    deploy.save()
    findings = document_findings(schedule, date(2010, 1, 1))
    assert [finding.params for finding in findings if finding.check == 'stale-status'] == [
        {'as_of': date(2009, 1, 1), 'months': 12, 'status': 'behind'}
    ]
    # An action is under way: the schedule and the strategy are implemented.
    assert not [finding for finding in findings if finding.check == 'adopted-not-implemented']
    strict = json.loads(run('--country', 'LBR', '--date', '2010-01-01', '--stale-days', '400', '--format', 'json'))
    assert all(finding['check'] != 'stale-status' for item in strict['documents'] for finding in findings_of(item))


def test_a_status_dated_later_than_the_check_date_does_not_count(liberia):
    _, _strategy, schedule, steps = liberia
    budget = steps['4']
    budget.end = date(2009, 6, 30)
    budget.save()
    ActionStatusUpdate.objects.create(action=budget, date=date(2009, 3, 1), status='behind')
    ActionStatusUpdate.objects.create(action=budget, date=date(2030, 1, 1), status='done')
    budget.status = 'done'  # what the status form leaves: the latest update's
    budget.save()
    findings = [f for f in document_findings(schedule, date(2010, 1, 1)) if f.subject_key == key_of(budget)]
    assert [(finding.code, finding.params.get('status')) for finding in findings] == [
        ('missing-information', None),
        ('overdue', 'behind'),  # still late: the 'done' of 2030 is not known in 2010
        ('stale-status', 'behind'),  # nor recent
        ('future-status', 'behind'),
    ]
    assert findings[3].params['date'] == date(2030, 1, 1)
    # In 2031 the update is in the past: the action is done, neither overdue nor reported.
    later = [f.code for f in document_findings(schedule, date(2031, 1, 1)) if f.subject_key == key_of(budget)]
    assert later == ['missing-information']


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
        == "Côte d'Ivoire (CIV) on 2012-01-01: 0 documents, 0 findings\n"
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
    # Sensitive records are read by the roles that read them in their countries, from a verified session.
    monkeypatch.setattr(Action, 'access_kind', SENSITIVE)
    outsider = verified(make_user('outsider', Role.HRDDP_FORUM_MEMBER, countries=('CAF',)))
    documents, content = read_country_plans(country, outsider)
    assert len(documents) == 2 and len(content.threats) == 4 and content.actions == ()
    documents, content = read_country_plans(country, verified(make_user('member', Role.HRDDP_FORUM_MEMBER, ('LBR',))))
    assert next(a for a in content.actions if a.ref == '9').depends_on == (key_of(steps['4']),)


def test_plan_forms_offer_only_records_the_user_may_view(liberia, make_user, monkeypatch):
    country, _strategy, schedule, _steps = liberia
    Actor.objects.create(country=country, name='Liberia National Police', area='core-security-actors', type='police')
    editor = make_user('editor', Role.COUNTRY_EDITOR, countries=('LBR',))
    form = ActionForm(document=schedule, user=editor)
    assert form.fields['owner'].queryset.count() == 1 and form.fields['depends_on'].queryset.count() == 4
    assert not ActionForm(document=schedule, user=make_user('nobody')).fields['depends_on'].queryset.exists()
    monkeypatch.setattr(Actor, 'access_kind', SENSITIVE)
    outsider = verified(make_user('outsider', Role.HRDDP_FORUM_MEMBER, countries=('CAF',)))
    assert not ActionForm(document=schedule, user=outsider).fields['owner'].queryset.exists()
    member = verified(make_user('member', Role.HRDDP_FORUM_MEMBER, countries=('LBR',)))
    assert ActionForm(document=schedule, user=member).fields['owner'].queryset.count() == 1
    assert list(NationalDocumentForm(instance=schedule, country=country, user=editor).fields['parent'].queryset) == [
        NationalDocument.objects.get(kind='strategy', country=country)
    ]
