"""The progress report's sentences in its language: each sentence code of ``assemble.py`` (and of the sections
registered in ``sections.py``) written with gettext, numbers and dates localised, plurals with ngettext; the
citations numbered once per record, in order of first citation.

``written_report(report)`` works in the report's language, whatever the page's: every renderer (HTML, PDF, DOCX)
lays out what it returns.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, npgettext, pgettext

from ssrhub.coding.labels import code_label, modality_label
from ssrhub.coordination.models import DecisionStatus
from ssrhub.core.dates import DAY, PartialDate
from ssrhub.core.fields import format_partial_date
from ssrhub.countries.models import DocumentKind

from .sections import message_for
from .structure import Citation, Report, Sentence, numbered_citations

__all__ = [
    'HEADINGS',
    'WrittenReport',
    'amount',
    'citation_label',
    'day',
    'listing',
    'quoted',
    'sentence_text',
    'written_report',
]

HEADINGS = {
    'context': gettext_lazy('Context'),
    'mandated': gettext_lazy('What the Security Council mandated'),
    'country': gettext_lazy('What the country did'),
    'partners': gettext_lazy('What the partners did'),
    'changed': gettext_lazy('What changed'),
}
LANGUAGE_NAMES = {'en': gettext_lazy('English'), 'fr': gettext_lazy('French')}


# Section: pieces


def day(value, precision: str = DAY) -> str:
    """A date as precisely as known, in the active language: "5 December 2026", "1er décembre 2026", "2019"."""
    return format_partial_date(PartialDate(value, precision or DAY)) if value else ''


def quoted(text: str) -> str:
    """A title in quotation marks: “...” in English, « ... » in French."""
    return _('“%(text)s”') % {'text': text}


def listing(items) -> str:
    """ "a, b and c" in the active language."""
    items = [str(item) for item in items if item]
    if len(items) < 2:
        return ''.join(items)
    return _('%(items)s and %(last)s') % {'items': ', '.join(items[:-1]), 'last': items[-1]}


def amount(currency: str, value: Decimal) -> str:
    """USD 1,250,000 / USD 1 250 000, rounded to the unit."""
    rounded = Decimal(value).quantize(Decimal(1))
    return f'{currency}\u00a0{number_format(rounded, 0, use_l10n=True, force_grouping=True)}'


def _action(ref: str, title: str) -> str:
    return f'{ref} {quoted(title)}' if ref else quoted(title)


def _status(status: str) -> str:
    """A plan action's status as an attribute of the action (an action is feminine in French)."""
    return {
        'not-started': pgettext('plan action', 'not started'),
        'on-track': pgettext('plan action', 'on track'),
        'behind': pgettext('plan action', 'behind schedule'),
        'done': pgettext('plan action', 'done'),
        'dropped': pgettext('plan action', 'dropped'),
    }.get(status, status)


def _status_count(status: str, count: int) -> str:
    text = {
        'not-started': npgettext('plan actions', '%(count)s not started', '%(count)s not started', count),
        'on-track': npgettext('plan actions', '%(count)s on track', '%(count)s on track', count),
        'behind': npgettext('plan actions', '%(count)s behind schedule', '%(count)s behind schedule', count),
        'done': npgettext('plan actions', '%(count)s done', '%(count)s done', count),
        'dropped': npgettext('plan actions', '%(count)s dropped', '%(count)s dropped', count),
    }[status]
    return text % {'count': number_format(count, 0, use_l10n=True, force_grouping=True)}


def _n(count: int) -> str:
    return number_format(count, 0, use_l10n=True, force_grouping=True)


# Section: the sentences


def _mandate_not_readable(p):
    return _('Your role does not read the Security Council’s mandates: this section is left out.')


def _no_mission(p):
    return _('No United Nations mission held a mandate for %(country)s during the period.') % p


def _last_mission_closed(p):
    return _('The last one, %(mission)s, closed on %(date)s.') % {'mission': p['mission'], 'date': day(p['date'])}


def _engagement_basis(p):
    if p['paragraph']:
        return (
            _(
                'The United Nations’ support to security sector reform in the country rests on resolution %(symbol)s, '
                'paragraph %(paragraph)s.'
            )
            % p
        )
    return _('The United Nations’ support to security sector reform in the country rests on resolution %(symbol)s.') % p


def _mission_no_track(p):
    return _('No resolution on the track of %(mission)s is stored, so its tasks in force cannot be read.') % p


def _resolutions_adopted(p):
    return ngettext(
        'During the period, the Security Council adopted %(count)s resolution on %(mission)s: %(symbols)s.',
        'During the period, the Security Council adopted %(count)s resolutions on %(mission)s: %(symbols)s.',
        p['count'],
    ) % {'count': _n(p['count']), 'mission': p['mission'], 'symbols': listing(p['symbols'])}


def _no_tasks_in_force(p):
    values = {'date': day(p['date']), 'mission': p['mission']}
    return _('On %(date)s, %(mission)s held no coded task in force.') % values


def _tasks_in_force(p):
    return ngettext(
        'On %(date)s, %(mission)s held %(count)s task in force under the Council’s resolutions:',
        'On %(date)s, %(mission)s held %(count)s tasks in force under the Council’s resolutions:',
        p['count'],
    ) % {'date': day(p['date']), 'mission': p['mission'], 'count': _n(p['count'])}


def _task(p):
    paragraphs = ngettext('paragraph %(refs)s', 'paragraphs %(refs)s', len(p['refs'])) % {'refs': listing(p['refs'])}
    return _('%(task)s (%(modality)s): resolution %(symbol)s, %(paragraphs)s.') % {
        'task': code_label(p['task']),
        'modality': modality_label(p['modality']),
        'symbol': p['symbol'],
        'paragraphs': paragraphs,
    }


def _document_adopted(p):
    values = {
        'title': quoted(p['title']),
        'kind': str(DocumentKind(p['kind']).label).lower() if p['kind'] in DocumentKind.values else p['kind'],
        'date': day(p['date'], p.get('precision', DAY)),
        'by': p['by'],
    }
    if p['by'] and p.get('precision', DAY) == DAY:
        return _('On %(date)s, %(by)s adopted %(title)s (%(kind)s).') % values
    if p['by']:
        return _('In %(date)s, %(by)s adopted %(title)s (%(kind)s).') % values
    return _('Adoption of %(title)s (%(kind)s): %(date)s.') % values


def _no_plan(p):
    return _('No national plan with actions is recorded for %(country)s.') % p


def _plan_status(p):
    return ngettext(
        'On %(date)s, %(title)s counted %(count)s action: %(statuses)s.',
        'On %(date)s, %(title)s counted %(count)s actions: %(statuses)s.',
        p['count'],
    ) % {
        'date': day(p['date']),
        'title': quoted(p['title']),
        'count': _n(p['count']),
        'statuses': listing(_status_count(status, count) for status, count in p['statuses']),
    }


def _updates_in_period(p):
    return ngettext(
        '%(count)s status update of its actions was recorded during the period:',
        '%(count)s status updates of its actions were recorded during the period:',
        p['count'],
    ) % {'count': _n(p['count'])}


def _no_updates_in_period(p):
    return _('No status update of its actions was recorded during the period.')


def _overdue_count(p):
    return ngettext(
        'On %(date)s, %(count)s action was overdue:',
        'On %(date)s, %(count)s actions were overdue:',
        p['count'],
    ) % {'date': day(p['date']), 'count': _n(p['count'])}


def _status_update(p):
    values = {'date': day(p['date']), 'action': _action(p['ref'], p['title']), 'status': _status(p['status'])}
    if p['note']:
        return _('%(date)s: %(action)s, %(status)s (%(note)s).') % {**values, 'note': p['note']}
    return _('%(date)s: %(action)s, %(status)s.') % values


def _overdue_action(p):
    values = {
        'action': _action(p['ref'], p['title']),
        'end': day(p['end'], p['precision']),
        'status': _status(p['status']),
        'months': _n(p['months']),
    }
    if not p['months']:
        return _('%(action)s, due %(end)s, less than a month late (%(status)s).') % values
    return (
        ngettext(
            '%(action)s, due %(end)s, %(months)s month late (%(status)s).',
            '%(action)s, due %(end)s, %(months)s months late (%(status)s).',
            p['months'],
        )
        % values
    )


def _no_activities(p):
    return _('No partner activity linked to the plan’s actions ran during the period.')


def _activities_linked(p):
    values = {'count': _n(p['count']), 'organisations': listing(p['organisations'])}
    if not p['organisations']:
        return (
            ngettext(
                '%(count)s partner activity linked to the plan’s actions ran during the period.',
                '%(count)s partner activities linked to the plan’s actions ran during the period.',
                p['count'],
            )
            % values
        )
    return (
        ngettext(
            '%(count)s partner activity linked to the plan’s actions ran during the period, with %(organisations)s.',
            '%(count)s partner activities linked to the plan’s actions ran during the period, with %(organisations)s.',
            p['count'],
        )
        % values
    )


def _undated_activities(p):
    return ngettext(
        '%(count)s other activity linked to the plan’s actions gives no dates and no money in the period, so it is '
        'not counted.',
        '%(count)s other activities linked to the plan’s actions give no dates and no money in the period, so they are '
        'not counted.',
        p['count'],
    ) % {'count': _n(p['count'])}


def _money(p):
    values = {
        'committed': listing(amount(currency, value) for currency, value in p['committed']) or _('nothing'),
        'disbursed': listing(amount(currency, value) for currency, value in p['disbursed']) or _('nothing'),
    }
    return (
        _(
            'Their transactions dated in the period commit %(committed)s and disburse %(disbursed)s, in the currencies '
            'they were published in (not converted).'
        )
        % values
    )


def _no_money(p):
    return _('None of their transactions committing or disbursing money is dated in the period.')


def _activity(p):
    values = {
        'title': quoted(p['title']),
        'organisations': listing(p['organisations']),
        'actions': listing(p['actions']),
    }
    if p['organisations']:
        text = _('%(title)s (%(organisations)s) serves %(actions)s.') % values
    else:
        text = _('%(title)s serves %(actions)s.') % values
    if p['start'] and p['end']:
        text += ' ' + _('It runs from %(start)s to %(end)s.') % {'start': day(p['start']), 'end': day(p['end'])}
    elif p['start']:
        text += ' ' + _('It started on %(start)s.') % {'start': day(p['start'])}
    if p['sectors']:
        text += ' ' + _('Sectors: %(sectors)s.') % {'sectors': listing(p['sectors'])}
    return text


def _no_decisions(p):
    return _('No coordination forum recorded a decision during the period.')


def _decisions_taken(p):
    return _('During the period, the coordination fora took %(decisions)s at %(meetings)s.') % {
        'decisions': ngettext('%(count)s decision', '%(count)s decisions', p['count']) % {'count': _n(p['count'])},
        'meetings': ngettext('%(count)s meeting', '%(count)s meetings', p['meetings']) % {'count': _n(p['meetings'])},
    }


def _decision(p):
    status = DecisionStatus(p['status']).label if p['status'] in DecisionStatus.values else p['status']
    details = [str(status).lower()]
    if p['owner']:
        details.append(_('owner: %(owner)s') % {'owner': p['owner']})
    if p['actions']:
        details.append(_('plan actions: %(actions)s') % {'actions': listing(p['actions'])})
    return _('%(forum)s, %(date)s: %(text)s (%(details)s).') % {
        'forum': p['forum'],
        'date': day(p['date']),
        'text': p['text'].rstrip('.'),
        'details': pgettext('between the details of a decision', '; ').join(details),
    }


def _no_indicators(p):
    return (
        _('No indicators are recorded for %(country)s: this report shows no measured change, and estimates none.') % p
    )


MESSAGES = {
    'mandate-not-readable': _mandate_not_readable,
    'no-mission': _no_mission,
    'last-mission-closed': _last_mission_closed,
    'engagement-basis': _engagement_basis,
    'mission-no-track': _mission_no_track,
    'resolutions-adopted': _resolutions_adopted,
    'no-tasks-in-force': _no_tasks_in_force,
    'tasks-in-force': _tasks_in_force,
    'task': _task,
    'document-adopted': _document_adopted,
    'no-plan': _no_plan,
    'plan-status': _plan_status,
    'updates-in-period': _updates_in_period,
    'no-updates-in-period': _no_updates_in_period,
    'overdue-count': _overdue_count,
    'status-update': _status_update,
    'overdue-action': _overdue_action,
    'no-activities': _no_activities,
    'activities-linked': _activities_linked,
    'undated-activities': _undated_activities,
    'money': _money,
    'no-money': _no_money,
    'activity': _activity,
    'no-decisions': _no_decisions,
    'decisions-taken': _decisions_taken,
    'decision': _decision,
    'no-indicators': _no_indicators,
}


def sentence_text(sentence: Sentence) -> str:
    """The sentence in the active language (a registered section's own wording for its codes)."""
    write = MESSAGES.get(sentence.code) or message_for(sentence.code)
    if write is None:
        raise KeyError(f'no wording for report sentence {sentence.code!r}')
    return write(sentence.params)


def citation_label(citation: Citation) -> str:
    """How a reference reads: "S/RES/866 (1993), paragraph 3 (c)", a symbol, or a record's title."""
    if citation.kind == 'paragraph':
        return _('%(symbol)s, paragraph %(ref)s') % {'symbol': citation.symbol, 'ref': citation.ref}
    if citation.kind == 'document':
        return citation.symbol
    return citation.title


# Section: the written report


@dataclass(frozen=True)
class WrittenReport:
    """What every renderer lays out: the title page's lines, the sections with their written sentences (each with
    its reference numbers and links) and the numbered references."""

    report: Report
    title: str
    subtitle: str
    period: str
    generated: str
    language_name: str
    sections: list
    references: list
    references_heading: str


def written_report(report: Report) -> WrittenReport:
    """The report's text in its own language."""
    with translation.override(report.language):
        numbers, ordered = numbered_citations(report)
        sections = []
        for section in report.sections:
            paragraphs = []
            for paragraph in section.paragraphs:
                sentences = [
                    {
                        'text': sentence_text(sentence),
                        'refs': [
                            {'number': numbers[c.key], 'url': c.url}
                            for c in sorted(dict.fromkeys(sentence.citations), key=lambda c: numbers[c.key])
                        ],
                    }
                    for sentence in paragraph.sentences
                ]
                paragraphs.append({'style': paragraph.style, 'sentences': sentences})
            sections.append({'key': section.key, 'heading': str(HEADINGS[section.key]), 'paragraphs': paragraphs})
        references = [
            {'number': index, 'label': citation_label(citation), 'url': citation.url}
            for index, citation in enumerate(ordered, start=1)
        ]
        return WrittenReport(
            report=report,
            title=_('Progress report on security sector reform'),
            subtitle=report.country,
            period=_('From %(start)s to %(end)s') % {'start': day(report.start), 'end': day(report.end)},
            generated=_('Prepared on %(date)s') % {'date': day(report.generated)},
            language_name=str(LANGUAGE_NAMES.get(report.language, report.language)),
            sections=sections,
            references=references,
            references_heading=_('References'),
        )
