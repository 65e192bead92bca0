"""Global search over the coordination fora: fora by name, acronym and mandate; meetings by agenda and summary;
decisions by their text and owner."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import Activity, Decision, Forum, Meeting, Organisation


def _forum_hits(queryset):
    return queryset.select_related('country')


def _describe_forum(forum) -> dict:
    return {
        'title': forum.display_name,
        'url': forum.get_absolute_url(),
        'text': forum.mandate,
        'context': f'{forum.country.name} · {forum.get_level_display()}',
    }


def _meeting_hits(queryset):
    return queryset.select_related('forum__country')


def _describe_meeting(meeting) -> dict:
    return {
        'title': str(meeting),
        'url': meeting.get_absolute_url(),
        'text': [meeting.summary, meeting.agenda],
        'context': meeting.forum.country.name,
    }


def _decision_hits(queryset):
    return queryset.select_related('meeting__forum__country', 'owner')


def _describe_decision(decision) -> dict:
    return {
        'title': str(decision),
        'url': decision.get_absolute_url(),
        'text': decision.text,
        'context': f'{decision.meeting.forum.country.name} · {decision.meeting} · {decision.get_status_display()}',
    }


register(
    SearchIndex(
        model=Forum,
        kind='fora',
        label=_('Coordination fora'),
        fields=('name', 'name_fr', 'acronym', 'mandate', 'chair_name'),
        queryset_hook=_forum_hits,
        describe=_describe_forum,
        priority=64,
    )
)
register(
    SearchIndex(
        model=Meeting,
        kind='forum-meetings',
        label=_('Forum meetings'),
        fields=('forum__name', 'forum__acronym', 'agenda', 'summary', 'place'),
        queryset_hook=_meeting_hits,
        describe=_describe_meeting,
        priority=65,
    )
)
register(
    SearchIndex(
        model=Decision,
        kind='forum-decisions',
        label=capfirst(_('forum decisions')),
        fields=('text', 'ref', 'owner_name', 'owner__name', 'owner__acronym'),
        queryset_hook=_decision_hits,
        describe=_describe_decision,
        priority=66,
    )
)


def _describe_organisation(record) -> dict:
    return {'title': record.display_name, 'url': record.get_absolute_url(), 'text': record.iati_ref, 'context': ''}


def _describe_activity(record) -> dict:
    return {
        'title': record.display_title,
        'url': record.get_absolute_url(),
        'text': record.iati_identifier,
        'context': record.country.name if record.country_id else '',
    }


register(
    SearchIndex(
        model=Organisation,
        kind='organisations',
        label=_('Organisations'),
        fields=('name', 'name_fr', 'acronym', 'iati_ref'),
        describe=_describe_organisation,
        priority=55,
    )
)
register(
    SearchIndex(
        model=Activity,
        kind='activities',
        label=_('Activities'),
        fields=('iati_identifier', 'title', 'title_fr'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
        describe=_describe_activity,
        priority=50,
    )
)
