"""Plan checks on hand-made plans: Liberia's 2008 strategy and Implementation Schedule (book L1899-1905), cycles,
dependencies that run ahead, late and stale actions, documents adopted but not implemented, a complete plan; one
finding per problem and record, rules that exclude each other, findings grouped by record. The sentences are tested
in ``test_plan_messages.py``."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from ssrhub.core.datafiles import read_yaml
from ssrhub.countries.plans import (
    PLAN_ELEMENTS,
    Finding,
    PlanAction,
    PlanContent,
    PlanDocument,
    PlanObjective,
    PlanThreat,
    check_alignment,
    check_completeness,
    check_dependency_cycles,
    check_dependency_order,
    check_documents,
    check_future_status,
    check_not_implemented,
    check_overdue,
    check_past_due,
    check_plan,
    check_stale_status,
    group_findings,
    months_between,
)
from ssrhub.framework.datafiles import DATA_DIR

TODAY = date(2010, 1, 1)

# Section: Liberia, 2008


NSS = PlanDocument(
    key='nss',
    kind='strategy',
    title='National Security Strategy of the Republic of Liberia',
    status='adopted',
    adopted=date(2008, 1, 1),  # approved in January 2008 (L1899); the day is not in the book
    vision='Security for the State and the people of Liberia after fourteen years of civil war.',
)
ISL = PlanDocument(
    key='isl',
    kind='plan',
    title='Implementation Schedule',
    status='adopted',
    adopted=date(2008, 1, 1),
    parent_key='nss',
)
LIBERIA_THREATS = (
    PlanThreat('t-land', '', 'Land and property disputes', 'nss'),
    PlanThreat('t-ethnic', '', 'Ethnic tensions', 'nss'),
    PlanThreat('t-poverty', '', 'Poverty and unemployment', 'nss'),
    PlanThreat('t-resources', '', 'Poor natural resource management', 'nss'),
)
# The steps of the one-page schedule that the book quotes (L1903); it gives no owner, date or cost for them.
LIBERIA_STEPS = (
    PlanAction('s3', '3', 'Develop the NSSRL-IM', 'isl'),
    PlanAction('s4', '4', 'Prepare a security sector budget', 'isl'),
    PlanAction('s9', '9', 'Deploy national security officers throughout Liberia', 'isl', kind='operation'),
    PlanAction(
        's13',
        '13',
        'Hold national security exercises to prepare for the takeover of security responsibilities',
        'isl',
        kind='operation',
    ),
)
LIBERIA = PlanContent(documents=(NSS, ISL), threats=LIBERIA_THREATS, actions=LIBERIA_STEPS)


def by_check(findings: list[Finding], check: str) -> list[Finding]:
    return [finding for finding in findings if finding.check == check]


def test_plan_elements_are_those_of_the_framework_data():
    data = read_yaml(DATA_DIR / 'frameworks' / 'un-ssr' / '2026.1' / 'plan-elements.yaml')
    assert {item['code']: item['label']['en'] for item in data['items']} == PLAN_ELEMENTS


def test_liberia_schedule_leaves_the_strategy_threats_without_action():
    findings = check_alignment(LIBERIA, 'isl')
    assert [(finding.subject, finding.severity, finding.code) for finding in findings] == [
        ('Land and property disputes', 'error', 'not-answered'),
        ('Ethnic tensions', 'error', 'not-answered'),
        ('Poverty and unemployment', 'error', 'not-answered'),
        ('Poor natural resource management', 'error', 'not-answered'),
    ]
    assert findings[0].params == {'kind': 'threat', 'count': 0, 'actions': []}
    assert findings[0].subject_key == 't-land' and findings[0].related_keys == ()
    # The strategy itself: nothing implementing it answers its threats either.
    assert [finding.subject_key for finding in check_alignment(LIBERIA, 'nss')] == [
        't-land',
        't-ethnic',
        't-poverty',
        't-resources',
    ]


def test_liberia_schedule_lacks_most_plan_elements():
    findings = check_completeness(LIBERIA, 'isl')
    assert [(finding.subject_key, finding.code) for finding in findings] == [
        ('isl', 'missing-parts'),
        ('isl', 'no-action-of-kind'),
        ('isl', 'no-dependency'),
        ('s3', 'missing-information'),
        ('s4', 'missing-information'),
        ('s9', 'missing-information'),
        ('s13', 'missing-information'),
    ]
    # No objective: one finding, which leaves both the first element and goals and indicators missing.
    assert findings[0].params == {'parts': ['objective']}
    assert findings[0].elements == ('plan-element.needs-vision-threats', 'plan-element.goals-indicators')
    assert findings[1].params == {'kind': 'cross-cutting'} and findings[1].elements == ('plan-element.cross-cutting',)
    assert findings[2].params == {'count': 4}
    # Each step lacks everything once, under its own name: never listed once per missing piece.
    assert findings[3].params == {'missing': ['owner', 'timeframe', 'cost', 'risks']}
    assert findings[3].elements == ('plan-element.implementation-information',)
    # The strategy has no action of its own: it is not checked as a plan.
    assert check_completeness(LIBERIA, 'nss') == []


def test_liberia_strategy_adopted_but_not_implemented():
    [finding] = by_check(check_plan(LIBERIA, 'nss', TODAY), 'adopted-not-implemented')
    assert finding.params == {'status': 'adopted', 'adopted': date(2008, 1, 1), 'months': 24, 'count': 0}
    [schedule] = by_check(check_plan(LIBERIA, 'isl', TODAY), 'adopted-not-implemented')
    assert schedule.params['count'] == 4
    # Once the officers are deployed, both are under way.
    deployed = replace(LIBERIA, actions=(*LIBERIA_STEPS[:2], replace(LIBERIA_STEPS[2], status='on-track')))
    assert check_not_implemented(deployed, 'nss', TODAY) == check_not_implemented(deployed, 'isl', TODAY) == []
    # A law is in force once adopted: it is not implemented through actions, so it is never flagged.
    law = replace(LIBERIA, documents=(replace(LIBERIA.documents[0], kind='law'), *LIBERIA.documents[1:]))
    assert check_not_implemented(law, 'nss', TODAY) == []


def test_an_item_answered_only_by_actions_that_do_not_count_is_not_also_unanswered():
    # Hypothetical: the schedule's step 9 recorded against a threat, with an owner and a band but no cost.
    step9 = replace(LIBERIA_STEPS[2], owner='Ministry of National Security', timeframe='short', threat_keys=('t-land',))
    step4 = replace(LIBERIA_STEPS[1], threat_keys=('t-land',), status='dropped', cost=Decimal('0'))
    content = replace(LIBERIA, actions=(step4, step9))
    [land] = [finding for finding in check_alignment(content, 'isl') if finding.subject_key == 't-land']
    assert (land.code, land.params, land.related_keys) == (
        'answered-only-by-incomplete',
        {'gaps': ['cost'], 'kind': 'threat', 'count': 1, 'actions': [step9.title]},
        ('s9',),  # the dropped step is left out: the live one is what needs fixing
    )
    only_dropped = replace(LIBERIA, actions=(step4,))
    [land] = [finding for finding in check_alignment(only_dropped, 'isl') if finding.subject_key == 't-land']
    assert (land.code, land.related_keys) == ('answered-only-by-dropped', ('s4',))
    costed = replace(content, actions=(step4, replace(step9, cost=Decimal('250000'))))
    assert 't-land' not in [finding.subject_key for finding in check_alignment(costed, 'isl')]


# Section: a complete plan


POLICY = PlanDocument(
    'policy', 'policy', 'National Security Policy', 'adopted', date(2009, 3, 1), vision='A secure, accountable sector.'
)
STRATEGY = PlanDocument(
    'strategy', 'strategy', 'National Security Strategy', 'adopted', date(2009, 6, 1), None, '', 'policy'
)
PLAN = PlanDocument('plan', 'plan', 'National Security Plan', 'implementing', date(2009, 9, 1), parent_key='strategy')
THREATS = (
    PlanThreat('t1', '1', 'Armed groups in the north', 'policy'),
    PlanThreat('t2', '2', 'Trafficking across the borders', 'strategy'),
)
OBJECTIVES = (
    PlanObjective('o1', '1', 'Civilian oversight of the forces', 'strategy', 'Committee hearings held per year'),
    PlanObjective('o2', '2', 'State presence in the north', 'strategy', threat_keys=('t1',)),
)
READY = {
    'owner': 'Ministry of Defence',
    'start': date(2009, 10, 1),
    'end': date(2010, 6, 30),
    'cost': Decimal('120000'),
    'risks': 'Delays in the vote of the budget.',
    'status': 'on-track',
}
ACTIONS = (
    PlanAction('a1', '1', 'Set up a parliamentary defence committee', 'plan', objective_keys=('o1',), **READY),
    PlanAction(
        'a2',
        '2',
        'Secure the northern roads',
        'plan',
        kind='operation',
        objective_keys=('o2',),
        indicators='Incidents per month on the main roads',
        depends_on=('a1',),
        **{**READY, 'start': date(2010, 7, 1), 'end': date(2010, 12, 31), 'status': 'not-started'},
    ),
    PlanAction(
        'a3',
        '3',
        'Joint border patrols',
        'plan',
        kind='operation',
        threat_keys=('t2',),
        **{**READY, 'start': None, 'end': None, 'timeframe': 'short'},  # a band alone times an action
    ),
    PlanAction(
        'a4', '4', 'Train the forces in human rights and child protection', 'plan', kind='cross-cutting', **READY
    ),
)
COMPLETE = PlanContent((POLICY, STRATEGY, PLAN), THREATS, OBJECTIVES, ACTIONS)


def with_actions(*actions: PlanAction) -> PlanContent:
    return replace(COMPLETE, actions=actions)


def test_a_complete_plan_and_its_chain_have_no_finding():
    assert check_documents(COMPLETE, TODAY) == {'policy': [], 'strategy': [], 'plan': []}


def test_a_zero_cost_counts_but_a_start_alone_is_no_timeframe():
    free = replace(ACTIONS[2], cost=Decimal('0'))
    assert check_plan(with_actions(*ACTIONS[:2], free, ACTIONS[3]), 'plan', TODAY) == []
    open_ended = replace(ACTIONS[2], start=date(2009, 10, 1), timeframe='')
    findings = check_plan(with_actions(*ACTIONS[:2], open_ended, ACTIONS[3]), 'plan', TODAY)
    assert [(finding.subject_key, finding.code, finding.params.get('missing')) for finding in findings] == [
        ('a3', 'missing-information', ['timeframe']),
        ('t2', 'answered-only-by-incomplete', None),
    ]
    # An end date alone is a deadline: a timeframe.
    deadline = replace(ACTIONS[2], end=date(2010, 6, 30), timeframe='')
    assert check_plan(with_actions(*ACTIONS[:2], deadline, ACTIONS[3]), 'plan', TODAY) == []


def test_an_action_without_a_timeframe_is_never_overdue():
    undated = replace(ACTIONS[0], start=date(2009, 1, 1), end=None, status='behind')
    findings = check_plan(with_actions(undated, *ACTIONS[1:]), 'plan', date(2012, 1, 1))
    mine = [finding.code for finding in findings if finding.subject_key == 'a1']
    assert mine == ['missing-information']
    dated = replace(undated, start=None, end=date(2010, 6, 30))
    findings = check_plan(with_actions(dated, *ACTIONS[1:]), 'plan', date(2012, 1, 1))
    assert [finding.code for finding in findings if finding.subject_key == 'a1'] == ['overdue']


def test_an_action_due_in_a_month_or_a_year_is_late_only_after_it():
    for precision, inside, after in (
        ('month', date(2010, 6, 30), date(2010, 7, 1)),
        ('year', date(2010, 12, 31), date(2011, 1, 1)),
    ):
        due = replace(
            ACTIONS[0],
            start=None,
            end=date(2010, 6, 1) if precision == 'month' else date(2010, 1, 1),
            end_precision=precision,
            status='behind',
        )
        for today, late in ((inside, False), (after, True)):
            findings = check_plan(with_actions(due, *ACTIONS[1:]), 'plan', today)
            assert ('overdue' in [finding.code for finding in findings if finding.subject_key == 'a1']) is late


def test_a_threat_is_answered_through_an_objective():
    # t1 is only answered by 'Secure the northern roads', through objective o2; without its owner it no longer counts.
    ownerless = replace(ACTIONS[1], owner='')
    findings = check_alignment(with_actions(ACTIONS[0], ownerless, *ACTIONS[2:]), 'plan')
    assert [
        (finding.subject_key, finding.code, finding.params['gaps'], finding.related_keys) for finding in findings
    ] == [
        ('t1', 'answered-only-by-incomplete', ['owner'], ('a2',)),
        ('o2', 'answered-only-by-incomplete', ['owner'], ('a2',)),
    ]


def test_a_document_with_nothing_implementing_it_has_every_threat_uncovered():
    alone = PlanContent((POLICY,), THREATS[:1])
    assert [(finding.check, finding.subject_key) for finding in check_plan(alone, 'policy', date(2009, 6, 1))] == [
        ('alignment', 't1')
    ]
    empty = PlanContent((POLICY, STRATEGY, PLAN), THREATS, OBJECTIVES)
    assert [finding.subject_key for finding in check_alignment(empty, 'plan')] == ['t1', 't2', 'o1', 'o2']


def test_each_missing_element_is_one_finding_naming_its_code():
    without_cross_cutting = with_actions(*ACTIONS[:3])
    [finding] = check_completeness(without_cross_cutting, 'plan')
    assert (finding.subject_key, finding.code, finding.params, finding.elements) == (
        'plan',
        'no-action-of-kind',
        {'kind': 'cross-cutting'},
        ('plan-element.cross-cutting',),
    )
    ssr_only = with_actions(ACTIONS[0], replace(ACTIONS[3], kind='ssr'))
    assert [(finding.subject_key, finding.code) for finding in check_completeness(ssr_only, 'plan')] == [
        ('plan', 'no-action-of-kind'),  # operations
        ('plan', 'no-action-of-kind'),  # cross-cutting
        ('plan', 'no-dependency'),  # the two actions left depend on nothing
        ('o2', 'no-indicator'),  # o2 was measured by an operation's indicators
    ]
    no_vision = replace(COMPLETE, documents=(replace(POLICY, vision=' '), STRATEGY, PLAN))
    [finding] = check_completeness(no_vision, 'plan')
    assert (finding.code, finding.params, finding.elements) == (
        'missing-parts',
        {'parts': ['vision']},
        ('plan-element.needs-vision-threats',),
    )


def test_a_plan_without_actions_is_one_finding_not_one_per_missing_kind():
    finding, unmeasured = check_completeness(with_actions(), 'plan')
    assert (finding.subject_key, finding.code) == ('plan', 'no-action')
    assert (unmeasured.subject_key, unmeasured.code) == ('o2', 'no-indicator')  # no action measures it any more
    assert finding.elements == (
        'plan-element.ssr-activities',
        'plan-element.security-operations',
        'plan-element.cross-cutting',
        'plan-element.implementation-information',
    )


def test_goals_need_an_indicator_on_the_objective_or_on_an_action_serving_it():
    unmeasured = with_actions(ACTIONS[0], replace(ACTIONS[1], indicators=''), *ACTIONS[2:])
    [finding] = check_completeness(unmeasured, 'plan')
    assert (finding.subject_key, finding.subject, finding.code, finding.elements) == (
        'o2',
        'State presence in the north',
        'no-indicator',
        ('plan-element.goals-indicators',),
    )
    # A dropped action's indicators measure nothing.
    dropped = with_actions(ACTIONS[0], replace(ACTIONS[1], status='dropped'), *ACTIONS[2:])
    assert 'no-indicator' in [finding.code for finding in check_completeness(dropped, 'plan')]


def test_implementation_information_needs_timeframe_cost_risks_and_sequencing():
    loose = with_actions(
        replace(ACTIONS[0], start=None, end=None),
        replace(ACTIONS[1], cost=None, depends_on=()),
        replace(ACTIONS[2], risks=''),
        ACTIONS[3],
    )
    findings = check_completeness(loose, 'plan')
    assert [(finding.subject_key, finding.code, finding.params) for finding in findings] == [
        ('plan', 'no-dependency', {'count': 4}),
        ('a1', 'missing-information', {'missing': ['timeframe']}),
        ('a2', 'missing-information', {'missing': ['cost']}),
        ('a3', 'missing-information', {'missing': ['risks']}),
    ]


# Section: dependencies and dates


def test_each_cycle_is_reported_once_in_order():
    actions = (
        replace(ACTIONS[0], depends_on=('a3',)),
        replace(ACTIONS[1], depends_on=('a1',)),
        replace(ACTIONS[2], depends_on=('a2', 'a1')),
        replace(ACTIONS[3], depends_on=('a4',)),
    )
    findings = check_dependency_cycles(with_actions(*actions), 'plan')
    assert [finding.related_keys for finding in findings] == [('a1', 'a3', 'a2'), ('a1', 'a3'), ('a4',)]
    assert findings[0].params == {
        'actions': ['Set up a parliamentary defence committee', 'Joint border patrols', 'Secure the northern roads']
    }
    assert findings[2].params == {'actions': ['Train the forces in human rights and child protection']}
    assert {finding.severity for finding in findings} == {'error'}
    assert check_dependency_cycles(COMPLETE, 'plan') == []


def test_a_cycle_across_documents_is_reported_for_each_document_it_touches():
    other = PlanAction('b1', '1', 'Vote the defence budget', 'strategy', depends_on=('a1',))
    content = with_actions(replace(ACTIONS[0], depends_on=('b1',)), *ACTIONS[1:], other)
    assert check_dependency_cycles(content, 'plan')[0].related_keys == ('a1', 'b1')
    assert check_dependency_cycles(content, 'strategy')[0].related_keys == ('a1', 'b1')
    assert check_dependency_cycles(content, 'policy') == []


def test_an_action_that_cannot_wait_for_its_dependency():
    early = replace(ACTIONS[1], start=date(2010, 3, 1))  # a1 ends on 2010-06-30
    [finding] = check_dependency_order(with_actions(ACTIONS[0], early), 'plan')
    assert (finding.check, finding.severity, finding.subject_key, finding.related_keys) == (
        'dependency-order',
        'warning',
        'a2',
        ('a1',),
    )
    assert finding.params == {
        'rule': 'start-end',
        'own': date(2010, 3, 1),
        'other': date(2010, 6, 30),
        'dependency': 'Set up a parliamentary defence committee',
    }
    assert check_dependency_order(with_actions(ACTIONS[0], replace(early, start=date(2010, 6, 30))), 'plan') == []


def test_dependency_order_uses_the_first_comparable_dates_then_bands():
    def order(dependant: dict, dependency: dict) -> list[tuple]:
        undated = {'start': None, 'end': None, 'timeframe': ''}
        first = replace(ACTIONS[0], **{**undated, **dependency})
        second = replace(ACTIONS[1], **{**undated, **dependant})
        findings = check_dependency_order(with_actions(first, second), 'plan')
        return [(f.params['rule'], f.params['own'], f.params['other']) for f in findings]

    assert order({'start': date(2010, 1, 1)}, {'start': date(2010, 2, 1)}) == [
        ('start-start', date(2010, 1, 1), date(2010, 2, 1))
    ]
    assert order({'end': date(2010, 1, 1)}, {'end': date(2010, 2, 1)}) == [
        ('end-end', date(2010, 1, 1), date(2010, 2, 1))
    ]
    assert order({'timeframe': 'urgent'}, {'timeframe': 'medium'}) == [('band', 'urgent', 'medium')]
    assert order({'timeframe': 'long'}, {'timeframe': 'medium'}) == []
    assert order({'timeframe': 'urgent'}, {'end': date(2010, 2, 1)}) == []  # nothing comparable
    # Dates decide before bands: the dependant starts after the dependency ends.
    assert (
        order({'start': date(2011, 1, 1), 'timeframe': 'urgent'}, {'end': date(2010, 2, 1), 'timeframe': 'long'}) == []
    )
    # A dropped dependency holds nothing up.
    assert order({'start': date(2010, 1, 1)}, {'start': date(2010, 2, 1), 'status': 'dropped'}) == []


def test_overdue_actions_are_those_past_their_end_and_not_closed():
    late = replace(ACTIONS[0], end=date(2009, 12, 1), status='behind')
    closed = [replace(ACTIONS[1], end=date(2009, 12, 1), status=status) for status in ('done', 'dropped')]
    due_today = replace(ACTIONS[2], end=TODAY)
    findings = check_overdue(with_actions(late, *closed, due_today), 'plan', TODAY)
    assert [(finding.subject_key, finding.params) for finding in findings] == [
        ('a1', {'end': date(2009, 12, 1), 'months': 1, 'status': 'behind'})
    ]


def test_stale_status():
    stale = replace(ACTIONS[0], status_as_of=date(2009, 6, 1))
    fresh = replace(ACTIONS[1], status_as_of=date(2009, 12, 1))
    done = replace(ACTIONS[2], status='done', status_as_of=date(2009, 1, 1))
    findings = check_stale_status(with_actions(stale, fresh, done, ACTIONS[3]), 'plan', TODAY)
    assert [(finding.subject_key, finding.severity, finding.params) for finding in findings] == [
        ('a1', 'info', {'as_of': date(2009, 6, 1), 'months': 7, 'status': 'on-track'})
    ]
    assert check_stale_status(with_actions(stale), 'plan', TODAY, days=365) == []


def test_a_status_dated_in_the_future_is_reported_not_counted():
    ahead = replace(ACTIONS[0], future_status_on=date(2030, 1, 1))
    [finding] = check_future_status(with_actions(ahead, *ACTIONS[1:]), 'plan', TODAY)
    assert (finding.subject_key, finding.severity, finding.params) == (
        'a1',
        'warning',
        {'date': date(2030, 1, 1), 'status': 'on-track'},
    )


def test_months_between_counts_whole_months():
    assert months_between(date(2017, 12, 31), date(2018, 3, 30)) == 2
    assert months_between(date(2017, 12, 31), date(2018, 3, 31)) == 3
    assert months_between(date(2017, 2, 2), date(2026, 12, 5)) == 118
    assert months_between(date(2020, 1, 1), date(2020, 1, 31)) == 0


# Section: documents


def test_adopted_but_not_implemented():
    idle = with_actions(*(replace(action, status='not-started') for action in ACTIONS))
    late = date(2010, 9, 2)  # 366 days after the plan's adoption
    assert [
        finding.subject_key for finding in check_plan(idle, 'plan', late) if finding.check == 'adopted-not-implemented'
    ] == ['plan']
    assert check_not_implemented(idle, 'plan', date(2010, 9, 1)) == []  # 365 days: not yet
    assert check_not_implemented(idle, 'plan', late, days=400) == []
    # The strategy has no actions; its plan being 'implementing' counts even though no action has started.
    assert check_not_implemented(idle, 'strategy', late) == []
    stalled = replace(idle, documents=(POLICY, STRATEGY, replace(PLAN, status='adopted')))
    assert [finding.subject_key for finding in check_documents(stalled, late)['policy']] == ['policy']
    # A superseded plan does not carry its strategy.
    superseded = replace(idle, documents=(POLICY, STRATEGY, replace(PLAN, status='superseded')))
    assert check_not_implemented(superseded, 'strategy', late)[0].params == {
        'status': 'adopted',
        'adopted': date(2009, 6, 1),
        'months': 15,
        'count': 0,
    }


def test_a_document_not_adopted_by_its_due_date_is_past_due():
    draft = PlanDocument('draft', 'policy', 'National Security Policy', 'drafting', due=date(2009, 6, 30))
    [finding] = check_past_due(PlanContent((draft,)), 'draft', TODAY)
    assert (finding.check, finding.severity, finding.params) == (
        'past-due',
        'warning',
        {'due': date(2009, 6, 30), 'months': 6, 'status': 'drafting'},
    )
    assert check_past_due(PlanContent((draft,)), 'draft', date(2009, 6, 30)) == []
    assert check_past_due(PlanContent((replace(draft, status='adopted', adopted=TODAY),)), 'draft', TODAY) == []


def test_a_superseded_document_is_not_checked():
    old = replace(PLAN, status='superseded')
    assert check_plan(replace(COMPLETE, documents=(POLICY, STRATEGY, old), actions=()), 'plan', TODAY) == []


def test_a_parent_loop_does_not_hang_the_checks():
    looped = replace(COMPLETE, documents=(replace(POLICY, parent_key='plan'), STRATEGY, PLAN))
    assert [document.key for document in looped.chain('plan')] == ['plan', 'strategy', 'policy']
    assert isinstance(check_documents(looped, TODAY), dict)


def test_finding_as_dict():
    finding = Finding(
        'overdue', 'warning', 'overdue', 'a1', 'Patrols', {'end': date(2009, 12, 1), 'months': 1, 'status': 'behind'}
    )
    assert finding.as_dict() == {
        'check': 'overdue',
        'severity': 'warning',
        'code': 'overdue',
        'subject_key': 'a1',
        'subject': 'Patrols',
        'params': {'end': '2009-12-01', 'months': 1, 'status': 'behind'},
        'related_keys': [],
        'elements': [],
    }


# Section: grouping


def test_findings_are_grouped_by_record_worst_first_each_record_once():
    late = replace(LIBERIA_STEPS[0], end=date(2009, 6, 30))
    content = replace(LIBERIA, actions=(late, *LIBERIA_STEPS[1:]))
    findings = check_plan(content, 'isl', TODAY)
    groups = group_findings(content, 'isl', findings)
    assert [(group.kind, group.subject_key) for group in groups] == [
        ('document', 'isl'),
        ('threat', 't-land'),
        ('threat', 't-ethnic'),
        ('threat', 't-poverty'),
        ('threat', 't-resources'),
        ('action', 's3'),
        ('action', 's4'),
        ('action', 's9'),
        ('action', 's13'),
    ]
    assert len({group.subject_key for group in groups}) == len(groups)
    assert sum(len(group.findings) for group in groups) == len(findings)
    # The late step: its missing information (an error) before its lateness (a warning).
    step3 = groups[5]
    assert [finding.code for finding in step3.findings] == ['missing-information', 'overdue']
    assert step3.findings[0].params == {'missing': ['owner', 'cost', 'risks']}
    assert (step3.ref, step3.listed_in) == ('3', '')
    assert groups[1].listed_in == 'National Security Strategy of the Republic of Liberia'
    assert groups[0].listed_in == ''
    # The document's warning alone: a warning group comes after every error group.
    [adoption] = [group for group in groups if group.severity == 'warning'] or [None]
    assert adoption is None  # the adoption warning is on the document, whose group holds errors too
    assert [finding.code for finding in groups[0].findings][-1] == 'adopted-not-implemented'


def test_a_warning_only_record_comes_after_every_error():
    late = replace(ACTIONS[0], end=date(2009, 12, 1), status='behind')
    content = with_actions(late, *ACTIONS[1:])
    groups = group_findings(content, 'plan', check_plan(content, 'plan', TODAY))
    assert [(group.subject_key, group.severity) for group in groups] == [('a1', 'warning')]
    ownerless = replace(ACTIONS[3], owner='')
    content = with_actions(late, *ACTIONS[1:3], ownerless)
    groups = group_findings(content, 'plan', check_plan(content, 'plan', TODAY))
    assert [(group.subject_key, group.severity) for group in groups] == [('a4', 'error'), ('a1', 'warning')]
