"""Organisations that support security sector reform.

Organisations are shared by every country (a donor works in several): country editors add them, by hand
or through imports. Everything a country's partners do in that country is country-scoped
workspace data (``core/access.py``).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel

__all__ = ['Organisation', 'OrganisationType']


class OrganisationType(models.TextChoices):
    """IATI's OrganisationType codelist (its codes, so that imports and exports keep them as they are)."""

    GOVERNMENT = '10', _('National government')
    LOCAL_GOVERNMENT = '11', _('Local government')
    OTHER_PUBLIC = '15', _('Other public sector')
    INTERNATIONAL_NGO = '21', _('International NGO')
    NATIONAL_NGO = '22', _('National NGO')
    REGIONAL_NGO = '23', _('Regional NGO')
    PARTNER_COUNTRY_NGO = '24', _('Partner-country-based NGO')
    PUBLIC_PRIVATE = '30', _('Public-private partnership')
    MULTILATERAL = '40', _('Multilateral')
    FOUNDATION = '60', _('Foundation')
    PRIVATE_SECTOR = '70', _('Private sector')
    PRIVATE_PROVIDER_COUNTRY = '71', _('Private sector in provider country')
    PRIVATE_RECIPIENT_COUNTRY = '72', _('Private sector in aid recipient country')
    PRIVATE_THIRD_COUNTRY = '73', _('Private sector in third country')
    ACADEMIC = '80', _('Academic, training and research')
    OTHER = '90', _('Other')


class Organisation(ChangeLoggedModel):
    """An organisation that funds, implements or coordinates support: a UN entity, a bilateral donor, a regional
    organisation (AU, ECOWAS, EU), an NGO, a national body.

    ``iati_ref`` is its IATI organisation identifier (``GB-GOV-1``, ``XM-DAC-41114``) when it has one: imports
    match on it first. ``aliases`` keeps the other spellings a person confirmed as this organisation, so that
    the next import of a who-does-what-where table finds them without asking again.
    """

    name = models.CharField(verbose_name=_('name'), max_length=250)
    name_fr = models.CharField(
        verbose_name=_('French name'),
        max_length=250,
        blank=True,
        help_text=_('The official French name, shown on French pages; leave empty when unsure.'),
    )
    acronym = models.CharField(verbose_name=_('acronym'), max_length=40, blank=True)
    iati_ref = models.CharField(
        verbose_name=_('IATI organisation identifier'),
        max_length=100,
        blank=True,
        help_text=_('As registered with IATI, for example GB-GOV-1 or XM-DAC-41114.'),
    )
    type = models.CharField(verbose_name=_('type'), max_length=2, choices=OrganisationType, blank=True)
    country = models.ForeignKey(
        to='core.Country',
        on_delete=models.PROTECT,
        related_name='organisations',
        null=True,
        blank=True,
        verbose_name=_('country of origin'),
        help_text=_('Where a government, a national NGO or a bilateral donor comes from.'),
    )
    un_entity = models.ForeignKey(
        to='framework.UNEntity',
        on_delete=models.PROTECT,
        related_name='organisations',
        null=True,
        blank=True,
        verbose_name=_('UN entity'),
        help_text=_('The UN entity of the reference data this organisation is, if it is one.'),
    )
    website = models.URLField(verbose_name=_('website'), blank=True)
    aliases = models.JSONField(verbose_name=_('other names'), default=list, blank=True)
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'

    class Meta:
        ordering = ['name']
        verbose_name = _('organisation')
        verbose_name_plural = _('organisations')
        constraints = [
            models.UniqueConstraint(
                fields=['iati_ref'],
                condition=~models.Q(iati_ref=''),
                name='coordination_organisation_unique_iati_ref',
                violation_error_message=_('Another organisation has this IATI identifier.'),
            ),
            models.UniqueConstraint(
                Lower('name'),
                name='coordination_organisation_unique_name',
                violation_error_message=_('Another organisation has this name.'),
            ),
        ]

    def __str__(self):
        return self.acronym or self.display_name

    @property
    def display_name(self) -> str:
        """The name in the UI language (the official French name in French, when recorded)."""
        return translated(self, 'name')

    def get_absolute_url(self):
        return reverse('coordination:organisation', args=[self.pk])
