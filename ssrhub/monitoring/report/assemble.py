"""The progress report's queries: what was mandated (mandates), what the country did (plan tracking), what the
partners did (coordination) and what changed (the sections registered in ``sections.py``), as the plain structure of
``structure.py``.

Given a ``user``, only what the user may view is read (``restrict()``; the mandate in force only for a role that
reads mission links); without one (the ``monitoring report`` command), everything is. Titles are read in the
report's language: call ``assemble_report`` inside ``translation.override(language)`` (``build_report`` does).
"""

import re
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ssrhub.coding.codebook import load_codebook
from ssrhub.coordination.models import (
    Activity,
    ActivityLink,
    ActivitySector,
    CodelistItem,
    Decision,
    LinkKind,
    ParticipatingOrganisation,
    Transaction,
)
from ssrhub.core.roles import permission_name
from ssrhub.core.symbols import DocType
from ssrhub.countries.models import ActionStatus, ActionStatusUpdate, Engagement
from ssrhub.countries.plan_queries import key_of, read_country_plans
from ssrhub.countries.plans import IMPLEMENTED_KINDS, check_overdue
from ssrhub.documents.models import Document, MissionLink
from ssrhub.framework.models import Mission
from ssrhub.mandates.inforce import mandate_in_force
from ssrhub.mandates.queries import mission_acts

from .sections import registered_sections
from .structure import LIST, Citation, Paragraph, Report, Section, Sentence, overlaps

__all__ = ['COMMITMENT_TYPES', 'DISBURSEMENT_TYPES', 'assemble_report', 'build_report']

# IATI transaction types counted as money committed (outgoing commitment) and disbursed (disbursement, expenditure).
COMMITMENT_TYPES = ('2',)
DISBURSEMENT_TYPES = ('3', '4')


def build_report(country, start: date, end: date, language: str, user=None, today: date | None = None) -> Report:
    """The report of ``country`` from ``start`` to ``end`` with titles in ``language``."""
    with translation.override(language):
        return assemble_report(country, start, end, language, user, today)


def assemble_report(country, start: date, end: date, language: str, user=None, today: date | None = None) -> Report:
    """The report's structure in the active language (see ``build_report``)."""
    sections = [
        Section('mandated', tuple(_mandated(country, start, end, user))),
        Section('country', tuple(_country(country, start, end, user))),
        Section('partners', tuple(_partners(country, start, end, user))),
    ]
    context = _registered('context', country, start, end, user)
    if context:
        sections.insert(0, Section('context', tuple(context)))
    changed = _registered('changed', country, start, end, user)
    if not changed:
        changed = [Paragraph((Sentence('no-indicators', {'country': country.name}),))]
    sections.append(Section('changed', tuple(changed)))
    return Report(
        iso3=country.iso3,
        country=country.name,
        start=start,
        end=end,
        generated=today or date.today(),
        language=language,
        sections=tuple(sections),
    )


def _rows(model, user):
    return model.objects.all() if user is None else model.objects.restrict(user)


def _record(kind: str, obj, title: str, url: str | None = None) -> Citation:
    return Citation(key=f'{kind}:{obj.pk}', kind='record', url=url or obj.get_absolute_url(), title=title)


def _registered(slot: str, country, start: date, end: date, user) -> list[Paragraph]:
    paragraphs = []
    for section in registered_sections(slot):
        paragraphs.extend(section.build(user, country, start, end) or [])
    return paragraphs


# Section: what was mandated


def _mandated(country, start: date, end: date, user) -> list[Paragraph]:
    if user is not None and not user.has_perm(permission_name(MissionLink, 'view')):
        return [Paragraph((Sentence('mandate-not-readable'),))]
    missions = [
        mission
        for mission in Mission.objects.filter(countries=country).order_by('start', 'acronym')
        if overlaps(mission.start, mission.end, start, end)
    ]
    paragraphs = []
    engagement = _rows(Engagement, user).filter(country=country).first()
    if not missions:
        sentences = [Sentence('no-mission', {'country': country.name})]
        closed = Mission.objects.filter(countries=country, end__lt=start).order_by('-end').first()
        if closed:
            sentences.append(
                Sentence(
                    'last-mission-closed',
                    {'mission': closed.display_acronym, 'date': closed.end},
                    (_record('mission', closed, closed.display_acronym),),
                )
            )
        paragraphs.append(Paragraph(tuple(sentences)))
    for mission in missions:
        paragraphs.extend(_mission(mission, start, end))
    year = re.search(r'\((\d{4})\)', engagement.mandate_symbol) if engagement and engagement.mandate_symbol else None
    if year and int(year[1]) <= end.year:  # a resolution adopted after the period is no basis for it
        params = {'symbol': engagement.mandate_symbol, 'paragraph': engagement.mandate_paragraph}
        url = reverse('countries:engagement', args=[country.iso3])
        citation = _record('engagement', engagement, _('UN engagement in %(country)s') % {'country': country.name}, url)
        paragraphs.append(Paragraph((Sentence('engagement-basis', params, (citation,)),)))
    return paragraphs


def _mission(mission, start: date, end: date) -> list[Paragraph]:
    acts = mission_acts(mission)
    name = mission.display_acronym
    if not acts:
        return [Paragraph((Sentence('mission-no-track', {'mission': name}, (_record('mission', mission, name),)),))]
    documents = _resolution_documents({act.symbol for act in acts})
    adopted = [act for act in acts if start <= act.date <= end]
    intro = []
    if adopted:
        intro.append(
            Sentence(
                'resolutions-adopted',
                {'mission': name, 'count': len(adopted), 'symbols': [act.symbol for act in adopted]},
                tuple(_document_citation(documents, act.symbol) for act in adopted),
            )
        )
    on = min(end, mission.end) if mission.end else end
    tasks = mandate_in_force(acts, on, closes=mission.end)
    if not tasks:
        intro.append(Sentence('no-tasks-in-force', {'mission': name, 'date': on}, (_record('mission', mission, name),)))
        return [Paragraph(tuple(intro))]
    in_force_symbols = list(dict.fromkeys(task.symbol for task in sorted(tasks, key=lambda task: task.since)))
    intro.append(
        Sentence(
            'tasks-in-force',
            {'mission': name, 'date': on, 'count': len(tasks)},
            tuple(_document_citation(documents, symbol) for symbol in in_force_symbols),
        )
    )
    codebook = load_codebook()
    items = []
    for task in sorted(tasks, key=lambda task: (task.since, task.symbol, task.refs, task.code)):
        document = documents.get(task.symbol)
        citations = tuple(_paragraph_citation(document, task.symbol, ref) for ref in task.refs)
        params = {
            'task': task.code,
            'group': codebook.codes[task.code].group if task.code in codebook.codes else '',
            'modality': task.modality,
            'symbol': task.symbol,
            'refs': list(task.refs),
            'current': task.current,
        }
        items.append(Sentence('task', params, citations))
    return [Paragraph(tuple(intro)), Paragraph(tuple(items), LIST)]


def _resolution_documents(symbols: set[str]) -> dict:
    """Symbol -> the stored resolution (the document links cite)."""
    return {
        document.symbol: document
        for document in Document.objects.filter(symbol__in=symbols, doc_type=DocType.RESOLUTION).only('pk', 'symbol')
    }


def _document_citation(documents: dict, symbol: str) -> Citation:
    document = documents.get(symbol)
    url = document.get_absolute_url() if document else ''
    return Citation(key=f'resolution:{symbol}', kind='document', url=url, symbol=symbol)


def _paragraph_citation(document, symbol: str, ref: str) -> Citation:
    url = f'{document.get_absolute_url()}#p-{slugify(ref)}' if document else ''
    return Citation(key=f'paragraph:{symbol}:{ref}', kind='paragraph', url=url, symbol=symbol, ref=ref)


# Section: what the country did


def _country(country, start: date, end: date, user) -> list[Paragraph]:
    documents, content = read_country_plans(country, user, end)
    paragraphs = []
    adopted = [d for d in documents if d.adopted and start <= d.adopted <= end]
    if adopted:
        paragraphs.append(
            Paragraph(
                tuple(
                    Sentence(
                        'document-adopted',
                        {
                            'kind': d.kind,
                            'title': d.display_title,
                            'date': d.adopted,
                            'precision': d.adopted_precision,
                            'by': d.adopted_by,
                        },
                        (_record('document', d, d.display_title),),
                    )
                    for d in adopted
                )
            )
        )
    # A plan adopted after the period had no actions to track in it.
    plans = [
        d
        for d in documents
        if d.kind in IMPLEMENTED_KINDS and content.actions_of([key_of(d)]) and not (d.adopted and d.adopted > end)
    ]
    if not plans:
        paragraphs.append(Paragraph((Sentence('no-plan', {'country': country.name}),)))
        return paragraphs
    updates = _status_updates(country, start, end, user)
    for document in plans:
        key = key_of(document)
        actions = content.actions_of([key])
        counts = Counter(action.status for action in actions)
        citation = _record('document', document, document.display_title)
        sentences = [
            Sentence(
                'plan-status',
                {
                    'title': document.display_title,
                    'count': len(actions),
                    'date': end,
                    'statuses': [(value, counts[value]) for value in ActionStatus.values if counts[value]],
                },
                (citation,),
            )
        ]
        plan_updates = [update for update in updates if update.action.document_id == document.pk]
        overdue = check_overdue(content, key, end)
        if plan_updates:
            sentences.append(Sentence('updates-in-period', {'count': len(plan_updates)}, (citation,)))
        else:
            sentences.append(Sentence('no-updates-in-period', {}, (citation,)))
        if overdue:
            sentences.append(Sentence('overdue-count', {'count': len(overdue), 'date': end}, (citation,)))
        paragraphs.append(Paragraph(tuple(sentences)))
        if plan_updates:
            paragraphs.append(Paragraph(tuple(_update_sentence(update) for update in plan_updates), LIST))
        if overdue:
            by_key = {action.key: action for action in actions}
            items = []
            for finding in overdue:
                action = by_key[finding.subject_key]
                pk = int(action.key.split(':')[1])
                items.append(
                    Sentence(
                        'overdue-action',
                        {
                            'ref': action.ref,
                            'title': action.title,
                            'end': action.end,
                            'precision': action.end_precision,
                            'months': finding.params['months'],
                            'status': action.status,
                        },
                        (_action_citation(document, pk, action.ref, action.title),),
                    )
                )
            paragraphs.append(Paragraph(tuple(items), LIST))
    return paragraphs


def _status_updates(country, start: date, end: date, user) -> list:
    return list(
        _rows(ActionStatusUpdate, user)
        .filter(action__document__country=country, date__gte=start, date__lte=end)
        .select_related('action__document__country')
        .order_by('date', 'pk')
    )


def _action_citation(document, pk: int, ref: str, title: str) -> Citation:
    url = f'{document.get_absolute_url()}#action-{pk}'
    return Citation(key=f'action:{pk}', kind='record', url=url, title=f'{ref} {title}'.strip())


def _update_sentence(update) -> Sentence:
    action = update.action
    params = {'ref': action.ref, 'title': action.title, 'date': update.date, 'status': update.status}
    params['note'] = update.note
    return Sentence('status-update', params, (_action_citation(action.document, action.pk, action.ref, action.title),))


# Section: what the partners did


def _partners(country, start: date, end: date, user) -> list[Paragraph]:
    paragraphs = []
    links = (
        _rows(ActivityLink, user)
        .filter(kind=LinkKind.ACTION, action__document__country=country)
        .select_related('action')
        .order_by('action__document', 'action__ref', 'action__pk')
    )
    actions_of = defaultdict(list)
    for link in links:
        actions_of[link.activity_id].append(link.action)
    in_period_money = Q(date__gte=start, date__lte=end)
    linked = [
        activity
        for activity in _rows(Activity, user)
        .filter(pk__in=actions_of)
        .select_related('reporting_organisation')
        .prefetch_related(
            Prefetch('participants', ParticipatingOrganisation.objects.select_related('organisation')),
            Prefetch('sectors', ActivitySector.objects.order_by('-percentage', 'code')),
            Prefetch('transactions', Transaction.objects.filter(in_period_money), to_attr='period_transactions'),
        )
        .order_by('title')
    ]
    # An activity ran in the period when its dates (an open end counts as running on) or its money say so; one that
    # gives neither dates nor money in the period is counted apart, never said to have run.
    activities = [
        activity
        for activity in linked
        if activity.period_transactions
        or ((activity.start or activity.end) and overlaps(activity.start, activity.end, start, end))
    ]
    undated = [activity for activity in linked if not (activity.start or activity.end or activity.period_transactions)]
    if activities:
        paragraphs.extend(_activities(activities, actions_of))
    else:
        paragraphs.append(Paragraph((Sentence('no-activities', {}),)))
    if undated:
        citations = tuple(_record('activity', activity, activity.display_title) for activity in undated)
        paragraphs.append(Paragraph((Sentence('undated-activities', {'count': len(undated)}, citations),)))
    paragraphs.extend(_decisions(country, start, end, user))
    return paragraphs


def _organisations(activity) -> list[str]:
    """The activity's reporting, funding and implementing organisations, as named in the report's language."""
    names = [str(activity.reporting_organisation)] if activity.reporting_organisation_id else []
    for participant in activity.participants.all():
        if participant.role in ('1', '4'):
            names.append(str(participant.organisation) if participant.organisation_id else participant.name)
    return list(dict.fromkeys(name for name in names if name))


def _sector_names(activities) -> dict[str, str]:
    codes = {sector.code for activity in activities for sector in activity.sectors.all() if sector.vocabulary == '1'}
    items = CodelistItem.objects.filter(codelist='Sector', code__in=codes)
    return {item.code: str(item) for item in items}


def _activities(activities, actions_of) -> list[Paragraph]:
    organisations = {activity.pk: _organisations(activity) for activity in activities}
    every_organisation = list(dict.fromkeys(name for names in organisations.values() for name in names))
    sector_names = _sector_names(activities)
    citations = tuple(_record('activity', activity, activity.display_title) for activity in activities)
    summary = [
        Sentence(
            'activities-linked',
            {'count': len(activities), 'organisations': every_organisation},
            citations,
        )
    ]
    committed, disbursed = defaultdict(Decimal), defaultdict(Decimal)
    with_money = []
    for activity in activities:
        for transaction in activity.period_transactions:
            if transaction.type in COMMITMENT_TYPES:
                committed[transaction.currency] += transaction.value
            elif transaction.type in DISBURSEMENT_TYPES:
                disbursed[transaction.currency] += transaction.value
            else:
                continue
            with_money.append(activity)
    if with_money:
        money_citations = tuple(_record('activity', a, a.display_title) for a in dict.fromkeys(with_money))
        summary.append(
            Sentence(
                'money',
                {'committed': sorted(committed.items()), 'disbursed': sorted(disbursed.items())},
                money_citations,
            )
        )
    else:
        summary.append(Sentence('no-money', {}))
    items = []
    for activity, citation in zip(activities, citations, strict=True):
        sectors = [
            sector_names.get(sector.code) or sector.name or sector.code
            for sector in activity.sectors.all()
            if sector.vocabulary == '1' or sector.name
        ]
        params = {
            'title': activity.display_title,
            'organisations': organisations[activity.pk],
            'sectors': sectors,
            'actions': [f'{action.ref} {action.title}'.strip() for action in actions_of[activity.pk]],
            'start': activity.start,
            'end': activity.end,
        }
        items.append(Sentence('activity', params, (citation,)))
    return [Paragraph(tuple(summary)), Paragraph(tuple(items), LIST)]


def _decisions(country, start: date, end: date, user) -> list[Paragraph]:
    decisions = list(
        _rows(Decision, user)
        .filter(meeting__forum__country=country, meeting__date__gte=start, meeting__date__lte=end)
        .select_related('meeting__forum__country', 'owner')
        .prefetch_related('actions')
        .order_by('meeting__date', 'meeting__pk', 'ref', 'pk')
    )
    if not decisions:
        return [Paragraph((Sentence('no-decisions', {}),))]
    meetings = {decision.meeting_id for decision in decisions}
    summary = Sentence(
        'decisions-taken',
        {'count': len(decisions), 'meetings': len(meetings)},
        tuple(
            _record('meeting', decision.meeting, str(decision.meeting))
            for decision in {d.meeting_id: d for d in decisions}.values()
        ),
    )
    items = [
        Sentence(
            'decision',
            {
                'forum': str(decision.meeting.forum),
                'date': decision.meeting.date,
                'text': ' '.join(decision.text.split()),
                'status': decision.status,
                'owner': decision.owner_label,
                'actions': [f'{action.ref} {action.title}'.strip() for action in decision.actions.all()],
            },
            (_record('decision', decision, str(decision)),),
        )
        for decision in decisions
    ]
    return [Paragraph((summary,)), Paragraph(tuple(items), LIST)]
