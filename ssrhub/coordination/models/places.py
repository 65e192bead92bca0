"""Sub-national places: administrative areas of levels 1 and 2 with their P-codes (OCHA's common operational
datasets), where activities are located."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.models import ChangeLoggedModel

__all__ = ['AdminArea']


class AdminArea(ChangeLoggedModel):
    """An administrative area of a country (level 1: province, region; level 2: district), identified by its
    P-code (``AF01``, ``AF0101``); a level-2 area names its level-1 parent."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='admin_areas', verbose_name=_('country')
    )
    level = models.PositiveSmallIntegerField(
        verbose_name=_('level'), validators=[MinValueValidator(1), MaxValueValidator(2)]
    )
    pcode = models.CharField(verbose_name=_('P-code'), max_length=30, unique=True)
    name = models.CharField(verbose_name=_('name'), max_length=200)
    parent = models.ForeignKey(
        to='self',
        on_delete=models.PROTECT,
        related_name='children',
        null=True,
        blank=True,
        verbose_name=_('parent area'),
    )
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)

    access_kind = 'workspace'
    country_scope = 'country'

    class Meta:
        ordering = ['country', 'pcode']
        verbose_name = _('administrative area')
        verbose_name_plural = _('administrative areas')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=[1, 2]),
                name='coordination_adminarea_level',
                violation_error_message=_('An administrative area is of level 1 or 2.'),
            ),
            models.CheckConstraint(
                condition=models.Q(level=1, parent__isnull=True) | models.Q(level=2),
                name='coordination_adminarea_top_level_has_no_parent',
                violation_error_message=_('A level-1 area has no parent area.'),
            ),
        ]

    def __str__(self):
        return f'{self.name} ({self.pcode})'

    def get_absolute_url(self):
        return reverse('coordination:activity_list') + f'?admin_area={self.pcode}'
