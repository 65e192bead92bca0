"""The roster in the global search: support requests for everyone who reads them, profiles for roster managers and
the person themself (every index is read through ``restrict()``)."""

from django.utils.text import capfirst

from ssrhub.core.searching import SearchIndex, register

from .models import ExpertProfile, SupportRequest


def _request(record) -> dict:
    return {
        'title': record.title,
        'url': record.get_absolute_url(),
        'text': record.terms_of_reference,
        'context': record.country.name,
    }


def _profile(record) -> dict:
    return {'title': record.name, 'url': record.get_absolute_url(), 'text': record.summary, 'context': ''}


register(
    SearchIndex(
        model=SupportRequest,
        kind='support-requests',
        label=capfirst(SupportRequest._meta.verbose_name_plural),
        fields=('title', 'terms_of_reference', 'requested_by'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
        describe=_request,
        priority=70,
    )
)
register(
    SearchIndex(
        model=ExpertProfile,
        kind='expert-profiles',
        label=capfirst(ExpertProfile._meta.verbose_name_plural),
        fields=('name', 'summary'),
        describe=_profile,
        priority=71,
    )
)
