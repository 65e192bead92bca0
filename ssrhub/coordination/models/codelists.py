"""IATI's non-embedded codelists (DAC 5-digit sectors, sector categories and vocabularies, policy markers and their
significance), in English and French, loaded by ``ssrhub setup`` from the copies in ``coordination/data/iati/``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ssrhub.core.i18n import localized
from ssrhub.core.models import ReferenceModel

__all__ = ['Codelist', 'CodelistItem']


class Codelist(models.TextChoices):
    """The IATI codelists ssrhub keeps as reference data (their IATI names)."""

    SECTOR = 'Sector', _('DAC 5-digit sector')
    SECTOR_CATEGORY = 'SectorCategory', _('DAC 3-digit sector category')
    SECTOR_VOCABULARY = 'SectorVocabulary', _('Sector vocabulary')
    POLICY_MARKER = 'PolicyMarker', _('Policy marker')
    POLICY_MARKER_VOCABULARY = 'PolicyMarkerVocabulary', _('Policy marker vocabulary')
    POLICY_SIGNIFICANCE = 'PolicySignificance', _('Policy significance')


class CodelistItem(ReferenceModel):
    """One code of an IATI codelist with its English and French names, as IATI publishes them
    (IATI/IATI-Codelists-NonEmbedded); ``category`` is the DAC 3-digit category of a 5-digit sector."""

    codelist = models.CharField(verbose_name=_('codelist'), max_length=30, choices=Codelist)
    code = models.CharField(verbose_name=_('code'), max_length=20)
    name_en = models.CharField(verbose_name=_('name (English)'), max_length=300)
    name_fr = models.CharField(verbose_name=_('name (French)'), max_length=300, blank=True)
    description_en = models.TextField(verbose_name=_('description (English)'), blank=True)
    description_fr = models.TextField(verbose_name=_('description (French)'), blank=True)
    category = models.CharField(verbose_name=_('category'), max_length=20, blank=True)
    withdrawn = models.BooleanField(verbose_name=_('withdrawn'), default=False)

    class Meta:
        ordering = ['codelist', 'code']
        verbose_name = _('IATI code')
        verbose_name_plural = _('IATI codes')
        constraints = [
            models.UniqueConstraint(
                fields=['codelist', 'code'],
                name='coordination_codelistitem_unique_code',
                violation_error_message=_('This codelist already has this code.'),
            )
        ]

    def __str__(self):
        return f'{self.code} {self.name}'

    @property
    def name(self) -> str:
        return localized(self, 'name') or self.name_en
