"""The plan checks' findings in words, in English and French: every code has a sentence in both languages, durations
read in months or years, lists are joined the way each language joins them, French typography holds."""

from datetime import date

import pytest
from django.utils import translation

from ssrhub.countries.plan_messages import (
    SENTENCES,
    duration,
    element_checklist,
    finding_counts,
    finding_label,
    finding_message,
    join,
)
from ssrhub.countries.plans import Finding, check_plan
from ssrhub.countries.tests.test_plans import ACTIONS, LIBERIA, TODAY, with_actions

NBSP = '\u00a0'


def finding(code: str, check: str = 'completeness', severity: str = 'error', elements=(), **params) -> Finding:
    return Finding(check, severity, code, 'a1', 'Joint border patrols', params, (), elements)


# One finding of each code, with the parameters the checks give it.
EXAMPLES = [
    finding('missing-parts', parts=['vision', 'objective', 'threat']),
    finding('no-action'),
    finding('no-action-of-kind', elements=('plan-element.cross-cutting',), kind='cross-cutting'),
    finding('no-dependency', count=4),
    finding('no-indicator'),
    finding('missing-information', missing=['owner', 'timeframe', 'cost', 'risks']),
    finding('not-answered', 'alignment', kind='threat', count=0, actions=[]),
    finding(
        'answered-only-by-incomplete',
        'alignment',
        kind='objective',
        count=2,
        actions=['A', 'B'],
        gaps=['owner', 'cost'],
    ),
    finding('answered-only-by-dropped', 'alignment', kind='threat', count=1, actions=['A']),
    finding('cycle', 'dependency-cycle', actions=['A', 'B']),
    finding(
        'before-dependency',
        'dependency-order',
        'warning',
        rule='start-end',
        own=date(2010, 3, 1),
        other=date(2010, 6, 30),
        dependency='A',
    ),
    finding('overdue', 'overdue', 'warning', end=date(2017, 12, 31), months=107, status='behind'),
    finding('stale-status', 'stale-status', 'info', as_of=date(2026, 2, 1), months=10, status='on-track'),
    finding('future-status', 'future-status', 'warning', date=date(2030, 1, 1), status='behind'),
    finding(
        'adopted-not-implemented',
        'adopted-not-implemented',
        'warning',
        status='adopted',
        adopted=date(2017, 2, 2),
        months=118,
        count=0,
    ),
    finding('past-due', 'past-due', 'warning', due=date(2019, 6, 30), months=3, status='drafting'),
]


def test_every_code_has_an_example():
    assert {example.code for example in EXAMPLES} == set(SENTENCES)


@pytest.mark.parametrize('example', EXAMPLES, ids=lambda example: example.code)
def test_every_finding_reads_in_english_and_in_french(example):
    with translation.override('en'):
        english, english_label = finding_message(example), finding_label(example)
    with translation.override('fr'):
        french, french_label = finding_message(example), finding_label(example)
    assert english.endswith('.') and french.endswith('.')
    assert french != english and french_label != english_label, (english, french)
    assert 'days' not in english and 'jours' not in french
    for mark in ':;?!':  # French typography: a no-break space before a high punctuation mark, never a plain space
        assert f' {mark}' not in french, french
    assert '“' not in french and "'" not in english.replace("n't", '')


def test_sentences_in_both_languages():
    overdue = EXAMPLES[11]
    with translation.override('en'):
        assert finding_message(overdue) == 'Overdue by about 9 years: due to end on 2017-12-31; status: Behind.'
        assert finding_message(EXAMPLES[5]) == 'Not recorded: owner, timeframe (an end date or a band), cost and risks.'
        assert finding_message(EXAMPLES[7]) == 'Answered only by 2 actions, which lack an owner or a cost.'
        assert finding_message(EXAMPLES[9]) == 'Dependency cycle: “A” → “B” → “A”.'
        assert finding_message(EXAMPLES[14]) == (
            'Adopted about 10 years ago (2017-02-02), but it has no action and no document implementing it is '
            'under way.'
        )
        assert finding_label(EXAMPLES[2]) == 'Missing: Cross-cutting issues'
    with translation.override('fr'):
        assert finding_message(overdue) == (
            f'En retard depuis environ 9 ans{NBSP}: fin prévue le 2017-12-31{NBSP}; statut{NBSP}: En retard.'
        )
        assert finding_message(EXAMPLES[7]) == (
            'Seules 2 actions y répondent, et il leur manque un responsable ou un coût.'
        )
        assert finding_message(EXAMPLES[8]) == (
            f"Seule l'action «{NBSP}A{NBSP}» y répondait, et elle a été abandonnée."
        )
        assert finding_message(EXAMPLES[14]) == (
            'Adoption il y a environ 10 ans (2017-02-02), mais ce document ne prévoit aucune action et aucun texte '
            "d'application n'est en cours."
        )
        assert finding_label(EXAMPLES[2]) == f'Élément manquant{NBSP}: Questions transversales'


@pytest.mark.parametrize(
    ('months', 'english', 'french'),
    [
        (0, 'less than a month', "moins d'un mois"),
        (1, '1 month', '1 mois'),
        (3, '3 months', '3 mois'),
        (11, '11 months', '11 mois'),
        (12, '1 year', '1 an'),
        (17, 'about 1 year', 'environ 1 an'),
        (18, 'about 2 years', 'environ 2 ans'),
        (24, '2 years', '2 ans'),
        (118, 'about 10 years', 'environ 10 ans'),
    ],
)
def test_durations_in_months_or_years(months, english, french):
    with translation.override('en'):
        assert duration(months) == english
    with translation.override('fr'):
        assert duration(months) == french


def test_lists_are_joined_per_language():
    with translation.override('en'):
        assert join(['a', 'b', 'c']) == 'a, b and c' and join(['a', 'b'], 'or') == 'a or b' and join(['a']) == 'a'
    with translation.override('fr'):
        assert join(['a', 'b', 'c']) == 'a, b et c' and join(['a', 'b'], 'or') == 'a ou b'


def test_counts_and_the_plan_elements_checklist():
    findings = check_plan(LIBERIA, 'isl', TODAY)
    with translation.override('en'):
        assert finding_counts(findings) == '12 problems: 11 errors and 1 warning'
    with translation.override('fr'):
        assert finding_counts(findings) == f'12 problèmes{NBSP}: 11 erreurs et 1 avertissement'
    checklist = {item['code']: len(item['findings']) for item in element_checklist(findings)}
    assert checklist == {
        'plan-element.needs-vision-threats': 1,
        'plan-element.ssr-activities': 0,
        'plan-element.security-operations': 0,
        'plan-element.cross-cutting': 1,
        'plan-element.goals-indicators': 1,  # no objective: the same finding
        'plan-element.implementation-information': 5,  # no sequencing, and four steps lacking information
    }
    assert all(not item['findings'] for item in element_checklist(check_plan(with_actions(*ACTIONS), 'plan', TODAY)))
