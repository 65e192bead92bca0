"""The roster's records as matching reads them, and the one path that records a support request's steps."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ssrhub.core.roles import permission_name

from . import matching, workflow
from .models import Candidate, Deployment, ExpertProfile, RequestStep, Status, SupportRequest

__all__ = [
    'CRITERION_LABELS',
    'criterion_sentence',
    'is_roster_manager',
    'match_request',
    'profile_for_matching',
    'ranked',
    'record_step',
    'refusal_message',
]


def is_roster_manager(user) -> bool:
    """Roster managers (and administrators) read every profile; the owner rule gives others their own only."""
    return user.is_authenticated and user.has_perm(permission_name(ExpertProfile, 'view'))


def request_for_matching(request: SupportRequest) -> matching.Request:
    period = matching.Period(request.start, request.end) if request.start and request.end else None
    return matching.Request(
        skills=frozenset(item.code for item in request.skills.all()),
        languages=frozenset(request.languages or ()),
        proficiency=request.proficiency,
        period=period,
    )


def profile_for_matching(profile: ExpertProfile) -> matching.Profile:
    """What matching reads of a profile (its expertise, languages, availability and ratings prefetched)."""
    return matching.Profile(
        id=profile.pk,
        name=profile.name,
        expertise={e.item.code: e.level for e in profile.expertise.all()},
        languages={skill.language: skill.proficiency for skill in profile.languages.all()},
        availability=tuple(matching.Period(a.start, a.end) for a in profile.availability.all()),
        ratings=tuple(d.rating for d in profile.deployments.all() if d.rating),
    )


def matchable(profiles):
    return profiles.prefetch_related('expertise__item', 'languages', 'availability', 'deployments')


def ranked(request: SupportRequest, profiles) -> list[tuple[ExpertProfile, matching.Match]]:
    """The profiles (a restricted queryset) ranked for ``request``, each with its match."""
    by_id = {profile.pk: profile for profile in matchable(profiles)}
    ranking = matching.rank(request_for_matching(request), [profile_for_matching(p) for p in by_id.values()])
    return [(by_id[m.profile.id], m) for m in ranking]


def match_request(request: SupportRequest, profile: ExpertProfile) -> matching.Match:
    profile = matchable(ExpertProfile.objects.filter(pk=profile.pk)).get()
    return matching.match(request_for_matching(request), profile_for_matching(profile))


def criterion_sentence(criterion: matching.Criterion, labels: dict[str, str], languages: dict[str, str]) -> str:
    """One criterion of a match in the user's language (``labels``: framework code -> label; ``languages``: ISO
    639-1 code -> name)."""
    if criterion.code == 'skills':
        found = [labels.get(code, code) for code, _held, _level in criterion.matched]
        missing = [labels.get(code, code) for code in criterion.missing]
        parts = []
        if found:
            parts.append(_('Holds: %(items)s.') % {'items': '; '.join(found)})
        if missing:
            parts.append(_('Lacks: %(items)s.') % {'items': '; '.join(missing)})
        return ' '.join(parts)
    if criterion.code == 'languages':
        found = [languages.get(code, code) for code, _level in criterion.matched]
        missing = [languages.get(code, code) for code, _level in criterion.missing]
        parts = []
        if found:
            parts.append(_('Speaks: %(languages)s.') % {'languages': ', '.join(found)})
        if missing:
            parts.append(_('Not at the level asked: %(languages)s.') % {'languages': ', '.join(missing)})
        return ' '.join(parts)
    if criterion.code == 'availability':
        covered, missing = criterion.matched[0], criterion.missing[0]
        return _('Available %(covered)s of the %(asked)s days asked.') % {
            'covered': covered,
            'asked': covered + missing,
        }
    if not criterion.matched:
        return _('Never rated: half the points.')
    average = sum(criterion.matched) / len(criterion.matched)
    sentence = ngettext(
        'Average rating %(average)s from %(count)s deployment.',
        'Average rating %(average)s from %(count)s deployments.',
        len(criterion.matched),
    )
    return sentence % {
        'average': number_format(average, 1),
        'count': len(criterion.matched),
    }


CRITERION_LABELS = {
    'skills': gettext_lazy('Skills'),
    'languages': gettext_lazy('Languages'),
    'availability': gettext_lazy('Availability'),
    'ratings': gettext_lazy('Past ratings'),
}


def refusal_message(code: str, params: dict) -> str:
    """The sentence of a ``workflow.refusal()`` in the user's language."""
    labels = dict(Status.choices)
    named = {key: labels.get(value, value) for key, value in params.items() if isinstance(value, str)}
    if 'date' in params:
        named['date'] = date_format(params['date'])
    return {
        'first-not-requested': _('The first step of a request is “Requested”, not “%(status)s”.'),
        'after-final': _('The request is already “%(current)s”: no step may follow.'),
        'before-previous': _('A step cannot be dated before the latest step (“%(current)s” on %(date)s).'),
        'requested-again': _('The request was already made.'),
        'backwards': _('“%(status)s” cannot follow “%(current)s”.'),
        'deployed-unselected': _('Select an expert before recording the deployment.'),
    }[code] % named


def latest_step(request: SupportRequest):
    return RequestStep.objects.filter(request=request).order_by('-date', '-pk').first()


@transaction.atomic
def record_step(request: SupportRequest, status: str, date: datetime.date, note: str = '') -> RequestStep:
    """Record a step of ``request`` after checking it may follow the latest one; ``deployed`` opens a deployment
    on the selected expert's profile, ``completed`` closes it. Raises ``ValidationError`` with the reason."""
    latest = latest_step(request)
    refused = workflow.refusal(latest.status if latest else None, latest.date if latest else None, status, date)
    if refused:
        raise ValidationError(refusal_message(*refused))
    step = RequestStep.objects.create(request=request, status=status, date=date, note=note)
    request.status, request.status_date = status, date
    request.save(update_fields=['status', 'status_date', 'last_updated'])
    selected = Candidate.objects.filter(request=request, selected=True).select_related('profile').first()
    if status == workflow.DEPLOYED and selected:
        Deployment.objects.get_or_create(
            profile=selected.profile,
            request=request,
            defaults={
                'country': request.country,
                'mission': request.mission,
                'role': request.title,
                'start': date,
            },
        )
    if status == workflow.COMPLETED:
        for deployment in Deployment.objects.filter(request=request, end__isnull=True):
            deployment.end = date
            deployment.save()
    return step
