"""A person's decision on a possible duplication flagged on a plan action."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.models import ChangeLoggedModel

__all__ = ['DuplicationReview', 'ReviewDecision']


class ReviewDecision(models.TextChoices):
    CONFIRMED = 'confirmed', _('Confirmed: the activities duplicate each other')
    DISMISSED = 'dismissed', _('Dismissed: not a duplication')


class DuplicationReview(ChangeLoggedModel):
    """A person confirms or dismisses the flag that two partners' activities on ``action`` overlap in time.

    ``activities`` holds the two activities' identifiers (sorted, separated by a space) and ``fingerprint`` a digest
    of both activities as they stood when reviewed (``funding.pair_fingerprint()``): when either changes, the flag is
    shown again for a new review, whatever was decided.
    """

    action = models.ForeignKey(
        to='countries.Action', on_delete=models.CASCADE, related_name='duplication_reviews', verbose_name=_('action')
    )
    activities = models.CharField(verbose_name=_('activities'), max_length=450)  # two IATI identifiers
    fingerprint = models.CharField(verbose_name=_('state of the activities reviewed'), max_length=64)
    decision = models.CharField(verbose_name=_('decision'), max_length=10, choices=ReviewDecision)
    note = models.TextField(verbose_name=_('note'), blank=True)

    access_kind = 'workspace'
    country_scope = 'action__document__country'

    class Meta:
        ordering = ['action', 'activities']
        verbose_name = _('duplication review')
        verbose_name_plural = _('duplication reviews')
        constraints = [
            models.UniqueConstraint(
                fields=['action', 'activities'],
                name='finance_duplicationreview_unique_pair',
                violation_error_message=_('This pair of activities is already reviewed for this action.'),
            ),
        ]

    def __str__(self):
        return f'{self.action}: {self.activities}'

    def get_absolute_url(self):
        document = self.action.document
        return reverse('finance:plan_funding', args=[document.country.iso3, document.pk])
