"""Plan checks, the Gantt chart and assessment comparison colours in a browser, in English and in French.

Liberia's Implementation Schedule (demo): its findings grouped by record, each record once, each problem on one
line, no age in days. The Central African RCPCA (demo), whose SSR steps have a deadline only (31 December 2017),
with the dependencies the recovery plan implies (the strategy after the policy, the sector plans after the
strategy) added here: milestones, arrows, a today line, overdue steps in years; at 390 px the chart scrolls inside
its frame. The Central African assessments of the view tests: fewer principles not met reads as better, in green
and in words.
"""

import re

import pytest
from playwright.sync_api import expect

from ssrhub.countries.models import NationalDocument
from ssrhub.countries.tests.test_assessments import make_car_assessments

from .language import switch_language

pytestmark = pytest.mark.browser

THREATS = (
    'Land and property disputes',
    'Ethnic tensions',
    'Poverty and unemployment',
    'Poor management of natural resources',
)
WORDS = {
    'en': {
        'not-answered': 'No action answers this threat.',
        'missing': re.compile(r'^Not recorded: owner, timeframe \(an end date or a band\), cost and risks\.$'),
        'overdue': re.compile(r'Overdue by about \d+ years: due to end on 2017-12-31; status: Behind\.'),
        'incomplete': 'Answered only by 6 actions, which lack a cost.',
        'today': 'Today',
        'better': 'better',
        'legend': 'neither better nor worse',
    },
    'fr': {
        'not-answered': 'Aucune action ne répond à cette menace.',
        'missing': re.compile(
            r'^Non renseigné\u00a0: responsable, calendrier \(date de fin ou échéance\), coût et risques\.$'
        ),
        'overdue': re.compile(
            r'En retard depuis environ \d+ ans\u00a0: fin prévue le 2017-12-31\u00a0; statut\u00a0: En retard\.'
        ),
        'incomplete': 'Seules 6 actions y répondent, et il leur manque un coût.',
        'today': "Aujourd’hui|Aujourd'hui",
        'better': 'en progrès',
        'legend': 'ni progrès ni recul',
    },
}
# English sentences of the checks that must not appear on a French page.
ENGLISH = ('No action', 'Not recorded', 'Answered only', 'Overdue by', 'Missing', 'years ago', 'days')


def finding_lines(group):
    return group.locator('li.finding .finding-text')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_liberia_schedule_findings_grouped_by_record(page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    schedule = NationalDocument.objects.get(country__iso3='LBR', kind='plan')
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto(schedule.get_absolute_url())

    groups = page.locator('#findings .finding-group')
    expect(groups).to_have_count(1 + len(THREATS) + schedule.actions.count())  # the schedule, threats, steps
    subjects = groups.evaluate_all('groups => groups.map(group => group.dataset.subject)')
    assert len(subjects) == len(set(subjects)), subjects  # each record once
    assert subjects[0].startswith('document:')
    for title in THREATS:
        threat = groups.filter(has_text=title)
        expect(threat).to_have_count(1)
        expect(finding_lines(threat)).to_have_text([words['not-answered']])
    findings = page.locator('#findings')
    text = findings.inner_text()
    for action in schedule.actions.all():
        assert text.count(action.title) == 1, action.title  # named once, in its own group
        step = page.locator(f'.finding-group[data-subject="action:{action.pk}"]')
        expect(finding_lines(step)).to_have_text([words['missing']])  # every gap on one line
    expect(page.locator('#plan-elements li')).to_have_count(6)
    expect(page.locator('#plan-elements li[data-state="present"]')).to_have_count(2)  # SSR activities, operations
    assert not re.search(r'\d+ (days|jours)', text), text
    if language == 'fr':
        assert not [english for english in ENGLISH if english in text], text
    screenshot(page, f'plans-lbr-schedule-{language}', full_page=True)
    assert not axe_violations(page)


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_car_recovery_plan_gantt_milestones_arrows_today(page, log_in, screenshot, language):
    words = WORDS[language]
    rcpca = NationalDocument.objects.get(country__iso3='CAF', title__contains='RCPCA')
    steps = {action.ref: action for action in rcpca.actions.all()}
    steps['SO1.2-b'].depends_on.add(steps['SO1.2-a'])
    for ref in ('SO1.2-c', 'SO1.2-d', 'SO1.2-e'):
        steps[ref].depends_on.add(steps['SO1.2-b'])
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto(rcpca.get_absolute_url())

    gantt = page.locator('#gantt')
    expect(gantt.locator('.gantt-milestone')).to_have_count(6)  # deadlines only: diamonds, no slivers
    expect(gantt.locator('.gantt-bar')).to_have_count(0)
    expect(gantt.locator('.gantt-link')).to_have_count(4)
    expect(gantt.locator('.gantt-link.late')).to_have_count(0)
    expect(gantt.locator('.gantt-today')).to_have_count(1)
    expect(gantt.locator('.gantt-today-label')).to_have_text(re.compile(words['today']))
    expect(page.locator('#gantt-legend')).to_be_visible()

    justice = page.locator(f'.finding-group[data-subject="action:{steps["SO1.2-e"].pk}"]')
    lines = finding_lines(justice)
    expect(lines).to_have_count(2)  # its missing cost and risks, then its lateness: never "no timeframe" too
    expect(lines.nth(1)).to_have_text(words['overdue'])
    assert 'timeframe' not in lines.nth(0).inner_text() and 'calendrier' not in lines.nth(0).inner_text()
    objective = page.locator(f'.finding-group[data-subject="objective:{rcpca.objectives.get(ref="SO1.2").pk}"]')
    expect(finding_lines(objective)).to_have_text([words['incomplete']])
    expect(page.locator('#findings [data-code="no-dependency"]')).to_have_count(0)
    screenshot(page, f'plans-car-rcpca-{language}', full_page=True)

    page.set_viewport_size({'width': 390, 'height': 844})
    page.reload()
    frame = page.locator('.gantt-scroll')
    assert frame.evaluate('frame => frame.scrollWidth > frame.clientWidth')  # the chart scrolls in its frame
    assert frame.evaluate('frame => frame.getBoundingClientRect().right') <= 390
    assert gantt.evaluate('svg => svg.getBoundingClientRect().width') >= 950  # at its full size: 12 px text
    frame.scroll_into_view_if_needed()
    screenshot(page, f'plans-car-rcpca-390-{language}')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_assessment_comparison_colours_follow_the_direction_of_improvement(page, log_in, screenshot, language):
    words = WORDS[language]
    baseline, review = make_car_assessments()
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto(f'/countries/CAF/workspace/assessments/compare/?a={baseline.pk}&b={review.pk}')
    not_met = page.locator('#deltas-table tr[data-compliance="not-met"] [data-trend]')
    expect(not_met).to_have_attribute('data-trend', 'better')
    expect(not_met).to_contain_text('-2')
    expect(not_met).to_contain_text(words['better'])
    green = not_met.evaluate('cell => getComputedStyle(cell).color')
    features = page.locator('#deltas-table tr[data-group="feature"] [data-trend]')
    expect(features).to_have_attribute('data-trend', 'better')
    assert features.evaluate('cell => getComputedStyle(cell).color') == green  # a fall and a rise, both better
    worse = page.locator('#compare-standard [data-change="worse"]').first
    assert worse.evaluate('badge => getComputedStyle(badge).backgroundColor') != green
    expect(page.locator('#deltas-table tr[data-compliance="partly"] [data-trend]')).to_have_attribute(
        'data-trend', 'neutral'
    )
    expect(page.locator('#compare-legend')).to_contain_text(words['legend'])
    screenshot(page, f'plans-assessment-compare-{language}', full_page=True)
