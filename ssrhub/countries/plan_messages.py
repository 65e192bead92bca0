"""The plan checks' findings in words, in the active language: a label and one sentence per finding code
(``plans/checks.py`` gives the code and its parameters), durations in months or years, lists joined the way each
language joins them, and the six plan elements as a checklist.

Used by the plan page, the dashboard, the brief, the findings download, the API and ``ssrhub plans check``.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from .models import ActionStatus, DocumentStatus, Timeframe
from .plans import (
    CROSS_CUTTING,
    GOALS_INDICATORS,
    IMPLEMENTATION_INFORMATION,
    NEEDS_VISION_THREATS,
    PLAN_ELEMENTS,
    SECURITY_OPERATIONS,
    SSR_ACTIVITIES,
    Finding,
    FindingGroup,
)

__all__ = [
    'CHECK_LABELS',
    'CODE_LABELS',
    'DOCUMENT_CHECKS',
    'ELEMENT_LABELS',
    'KIND_LABELS',
    'SEVERITY_LABELS',
    'duration',
    'element_checklist',
    'finding_counts',
    'finding_dict',
    'finding_label',
    'finding_message',
    'group_dict',
    'join',
]

# The checks a document itself fails (shown as flags on the dashboard, the documents list and the brief).
DOCUMENT_CHECKS = ('adopted-not-implemented', 'past-due')
CHECK_LABELS = {
    'completeness': gettext_lazy('Missing plan element'),
    'alignment': gettext_lazy('Not covered'),
    'dependency-cycle': gettext_lazy('Dependency cycle'),
    'dependency-order': gettext_lazy('Depends on a later action'),
    'overdue': gettext_lazy('Overdue'),
    'stale-status': gettext_lazy('Status not updated'),
    'future-status': gettext_lazy('Status dated in the future'),
    'adopted-not-implemented': gettext_lazy('Adopted, not implemented'),
    'past-due': gettext_lazy('Past due'),
}
# Codes whose label says more than their check's.
CODE_LABELS = {
    'not-answered': gettext_lazy('Unanswered'),
    'no-action': gettext_lazy('No action'),
    'no-dependency': gettext_lazy('No sequencing'),
    'missing-information': gettext_lazy('Implementation information'),
    'no-indicator': gettext_lazy('No indicator'),
    'answered-only-by-incomplete': gettext_lazy('Covered only by incomplete actions'),
    'answered-only-by-dropped': gettext_lazy('Covered only by dropped actions'),
}
ELEMENT_LABELS = {
    NEEDS_VISION_THREATS: gettext_lazy('Needs, vision, objectives and threats'),
    SSR_ACTIVITIES: gettext_lazy('SSR activities'),
    SECURITY_OPERATIONS: gettext_lazy('Security operations'),
    CROSS_CUTTING: gettext_lazy('Cross-cutting issues'),
    GOALS_INDICATORS: gettext_lazy('Goals and indicators'),
    IMPLEMENTATION_INFORMATION: gettext_lazy('Implementation information'),
}
KIND_LABELS = {
    'document': gettext_lazy('This document'),
    'threat': gettext_lazy('Threat'),
    'objective': gettext_lazy('Objective'),
    'action': gettext_lazy('Action'),
}
SEVERITY_LABELS = {
    'error': gettext_lazy('Error'),
    'warning': gettext_lazy('Warning'),
    'info': gettext_lazy('Note'),
}


# Section: words


def join(items, conjunction: str = 'and') -> str:
    """``['a', 'b', 'c']`` -> 'a, b and c' ('a, b et c' in French); ``conjunction`` is 'and' or 'or'."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return ''.join(items)
    word = pgettext('list', 'and') if conjunction == 'and' else pgettext('list', 'or')
    return _('%(items)s %(conjunction)s %(last)s') % {
        'items': ', '.join(items[:-1]),
        'conjunction': word,
        'last': items[-1],
    }


def _quoted(title: str) -> str:
    return _('“%(title)s”') % {'title': title}


def duration(months: int) -> str:
    """A duration in whole months, as people say it: 'less than a month', '3 months', '1 year', 'about 10 years'
    (from a year on, rounded to the nearest year, 'about' when not exact)."""
    if months < 1:
        return _('less than a month')
    if months < 12:
        return ngettext('%(count)d month', '%(count)d months', months) % {'count': months}
    years = (months + 6) // 12
    if months % 12 == 0:
        return ngettext('%(count)d year', '%(count)d years', years) % {'count': years}
    return ngettext('about %(count)d year', 'about %(count)d years', years) % {'count': years}


def _day(value) -> str:
    return value.isoformat() if hasattr(value, 'isoformat') else str(value)


def _action_status(value: str) -> str:
    return str(ActionStatus(value).label) if value in ActionStatus.values else value


def _document_status(value: str) -> str:
    return str(DocumentStatus(value).label) if value in DocumentStatus.values else value


def _band(value: str) -> str:
    return str(Timeframe(value).label) if value in Timeframe.values else value


# Section: sentences


def _missing_parts(p) -> str:
    words = {
        'vision': _('a statement of needs and vision'),
        'objective': _('an objective'),
        'threat': _('a threat'),
    }
    return _('Missing from this document and the documents it implements: %(parts)s.') % {
        'parts': join([words[part] for part in p['parts']])
    }


def _no_action_of_kind(p) -> str:
    return {
        'ssr': _('No SSR activity among its actions.'),
        'operation': _('No security operation among its actions.'),
        'cross-cutting': _('No cross-cutting action (human rights, gender, child protection…) among its actions.'),
    }[p['kind']]


def _missing_information(p) -> str:
    words = {
        'owner': _('owner'),
        'timeframe': _('timeframe (an end date or a band)'),
        'cost': _('cost'),
        'risks': _('risks'),
    }
    return _('Not recorded: %(information)s.') % {'information': join([words[name] for name in p['missing']])}


def _not_answered(p) -> str:
    if p['kind'] == 'threat':
        return _('No action answers this threat.')
    return _('No action answers this objective.')


def _answered_only_by_incomplete(p) -> str:
    words = {'owner': _('an owner'), 'timeframe': _('a timeframe'), 'cost': _('a cost')}
    count = p['count']
    values = {
        'action': _quoted(p['actions'][0]),
        'count': count,
        'gaps': join([words[gap] for gap in p['gaps']], 'and' if count == 1 else 'or'),
    }
    if count == 1:
        return _('Answered only by %(action)s, which lacks %(gaps)s.') % values
    return (
        ngettext(
            'Answered only by %(count)d action, which lacks %(gaps)s.',
            'Answered only by %(count)d actions, which lack %(gaps)s.',
            count,
        )
        % values
    )


def _answered_only_by_dropped(p) -> str:
    values = {'action': _quoted(p['actions'][0]), 'count': p['count']}
    if p['count'] == 1:
        return _('Answered only by %(action)s, which was dropped.') % values
    return (
        ngettext(
            'Answered only by %(count)d action, which was dropped.',
            'Answered only by %(count)d actions, all dropped.',
            p['count'],
        )
        % values
    )


def _cycle(p) -> str:
    if len(p['actions']) == 1:
        return _('Depends on itself.')
    path = ' → '.join(_quoted(title) for title in [*p['actions'], p['actions'][0]])
    return _('Dependency cycle: %(path)s.') % {'path': path}


def _before_dependency(p) -> str:
    values = {'dependency': _quoted(p['dependency']), 'own': _day(p['own']), 'other': _day(p['other'])}
    if p['rule'] == 'band':
        values.update(own=_band(p['own']), other=_band(p['other']))
    sentences = {
        'start-end': _('Starts on %(own)s, before %(dependency)s, which it depends on, ends on %(other)s.'),
        'start-start': _('Starts on %(own)s, before %(dependency)s, which it depends on, starts on %(other)s.'),
        'end-end': _('Ends on %(own)s, before %(dependency)s, which it depends on, ends on %(other)s.'),
        'band': _('Due in an earlier band (%(own)s) than %(dependency)s, which it depends on (%(other)s).'),
    }
    return sentences[p['rule']] % values


def _overdue(p) -> str:
    return _('Overdue by %(duration)s: due to end on %(end)s; status: %(status)s.') % {
        'duration': duration(p['months']),
        'end': _day(p['end']),
        'status': _action_status(p['status']),
    }


def _stale_status(p) -> str:
    return _('Status “%(status)s” last reported %(duration)s ago (%(date)s).') % {
        'status': _action_status(p['status']),
        'duration': duration(p['months']),
        'date': _day(p['as_of']),
    }


def _future_status(p) -> str:
    return _('A status update is dated %(date)s, in the future: it is not counted (status today: %(status)s).') % {
        'date': _day(p['date']),
        'status': _action_status(p['status']),
    }


def _adopted_not_implemented(p) -> str:
    values = {'duration': duration(p['months']), 'date': _day(p['adopted']), 'count': p['count']}
    if p['status'] == 'endorsed':
        opening = _('Endorsed %(duration)s ago (%(date)s)') % values
    else:
        opening = _('Adopted %(duration)s ago (%(date)s)') % values
    if p['count']:
        rest = (
            ngettext(
                'its action has not started and no document implementing it is under way',
                'none of its %(count)d actions has started and no document implementing it is under way',
                p['count'],
            )
            % values
        )
    else:
        rest = _('it has no action and no document implementing it is under way')
    return _('%(opening)s, but %(rest)s.') % {'opening': opening, 'rest': rest}


def _past_due(p) -> str:
    return _('Due to be adopted on %(date)s, %(duration)s ago; status: %(status)s.') % {
        'date': _day(p['due']),
        'duration': duration(p['months']),
        'status': _document_status(p['status']),
    }


SENTENCES = {
    'missing-parts': _missing_parts,
    'no-action': lambda p: _(
        'No action recorded: SSR activities, security operations, cross-cutting issues and implementation '
        'information are all missing.'
    ),
    'no-action-of-kind': _no_action_of_kind,
    'no-dependency': lambda p: _('No dependency recorded between its %(count)d actions: nothing says what comes first.')
    % {'count': p['count']},
    'no-indicator': lambda p: _('Neither the objective nor an action serving it records an indicator.'),
    'missing-information': _missing_information,
    'not-answered': _not_answered,
    'answered-only-by-incomplete': _answered_only_by_incomplete,
    'answered-only-by-dropped': _answered_only_by_dropped,
    'cycle': _cycle,
    'before-dependency': _before_dependency,
    'overdue': _overdue,
    'stale-status': _stale_status,
    'future-status': _future_status,
    'adopted-not-implemented': _adopted_not_implemented,
    'past-due': _past_due,
}


def finding_message(finding: Finding) -> str:
    """The finding as one sentence in the active language."""
    return SENTENCES[finding.code](finding.params)


def finding_label(finding: Finding) -> str:
    """The finding's short label (a badge): the plan element for a document missing one, else the code's or the
    check's label."""
    if finding.code in ('missing-parts', 'no-action-of-kind') and finding.elements:
        return _('Missing: %(element)s') % {'element': ELEMENT_LABELS[finding.elements[0]]}
    return str(CODE_LABELS.get(finding.code) or CHECK_LABELS[finding.check])


def finding_dict(finding: Finding) -> dict:
    """The finding's data with its label and sentence in the active language (JSON, API, downloads)."""
    return {**finding.as_dict(), 'label': finding_label(finding), 'message': finding_message(finding)}


def group_dict(group: FindingGroup) -> dict:
    """A group of findings with its findings in words."""
    return {**group.as_dict(), 'findings': [finding_dict(finding) for finding in group.findings]}


def finding_counts(findings: list[Finding]) -> str:
    """'11 problems: 9 errors, 2 warnings'."""
    words = {
        'error': lambda count: ngettext('%(count)d error', '%(count)d errors', count),
        'warning': lambda count: ngettext('%(count)d warning', '%(count)d warnings', count),
        'info': lambda count: ngettext('%(count)d note', '%(count)d notes', count),
    }
    parts = []
    for severity, word in words.items():
        count = sum(1 for finding in findings if finding.severity == severity)
        if count:
            parts.append(word(count) % {'count': count})
    if len(parts) == 1:
        return parts[0]
    total = ngettext('%(count)d problem', '%(count)d problems', len(findings)) % {'count': len(findings)}
    return _('%(total)s: %(parts)s') % {'total': total, 'parts': join(parts)}


def element_checklist(findings: list[Finding]) -> list[dict]:
    """The six plan elements in order, each with the findings that leave it missing or incomplete (none: the
    element is there)."""
    return [
        {
            'code': code,
            'label': ELEMENT_LABELS[code],
            'findings': [finding for finding in findings if code in finding.elements],
        }
        for code in PLAN_ELEMENTS
    ]
