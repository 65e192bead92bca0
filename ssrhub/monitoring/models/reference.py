"""Reference data of monitoring: the global SDG framework (goals, targets, indicators, in English and French, from
open-sdg/sdg-translations) and the SSR indicator library that a framework's editors copy indicators from.

Both are public reference data, loaded by ``ssrhub setup`` from ``monitoring/data/`` (``monitoring/loading.py``).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.i18n import localized
from ssrhub.core.models import ReferenceModel

from .indicators import Direction, Frequency, Unit

__all__ = ['Disaggregation', 'LibraryIndicator', 'SdgGoal', 'SdgIndicator', 'SdgTarget', 'Topic']


class SdgGoal(ReferenceModel):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(verbose_name=_('number'), unique=True)
    short_en = models.CharField(verbose_name=_('short name (English)'), max_length=100)
    short_fr = models.CharField(verbose_name=_('short name (French)'), max_length=100)
    title_en = models.CharField(verbose_name=_('title (English)'), max_length=300)
    title_fr = models.CharField(verbose_name=_('title (French)'), max_length=300)

    class Meta:
        ordering = ['number']
        verbose_name = _('SDG goal')
        verbose_name_plural = _('SDG goals')

    def __str__(self):
        return f'{self.number}. {self.short}'

    @property
    def short(self) -> str:
        return localized(self, 'short')

    @property
    def title(self) -> str:
        return localized(self, 'title')


class SdgTarget(ReferenceModel):
    """A target of a goal ('16.3')."""

    goal = models.ForeignKey(to=SdgGoal, on_delete=models.CASCADE, related_name='targets', verbose_name=_('goal'))
    number = models.CharField(verbose_name=_('number'), max_length=10, unique=True)
    order = models.PositiveIntegerField(verbose_name=_('order'))
    title_en = models.TextField(verbose_name=_('title (English)'))
    title_fr = models.TextField(verbose_name=_('title (French)'))

    class Meta:
        ordering = ['order']
        verbose_name = _('SDG target')
        verbose_name_plural = _('SDG targets')

    def __str__(self):
        return self.number

    @property
    def title(self) -> str:
        return localized(self, 'title')


class SdgIndicator(ReferenceModel):
    """A global SDG indicator ('16.3.2'), with its official English and French titles."""

    target = models.ForeignKey(
        to=SdgTarget, on_delete=models.CASCADE, related_name='indicators', verbose_name=_('target')
    )
    number = models.CharField(verbose_name=_('number'), max_length=12, unique=True)
    order = models.PositiveIntegerField(verbose_name=_('order'))
    title_en = models.TextField(verbose_name=_('title (English)'))
    title_fr = models.TextField(verbose_name=_('title (French)'))

    class Meta:
        ordering = ['order']
        verbose_name = _('SDG indicator')
        verbose_name_plural = _('SDG indicators')

    def __str__(self):
        return f'{self.number} {self.title}'

    @property
    def title(self) -> str:
        return localized(self, 'title')

    @property
    def goal_number(self) -> int:
        return int(self.number.split('.')[0])

    def get_absolute_url(self):
        return f'{reverse("monitoring:sdgindicator_list")}?goal={self.goal_number}#sdg-{self.number}'


class Topic(models.TextChoices):
    POLICE = 'police', _('Police')
    DEFENCE = 'defence', _('Defence')
    JUSTICE = 'justice', _('Justice')
    CORRECTIONS = 'corrections', _('Corrections')
    OVERSIGHT = 'oversight', _('Oversight and accountability')
    FINANCE = 'finance', _('Public finance')
    GENDER = 'gender', _('Gender')
    PERCEPTION = 'perception', _('Public perception')
    VIOLENCE = 'violence', _('Violence and safety')
    ARMS = 'arms', _('Small arms')


class Disaggregation(models.TextChoices):
    SEX = 'sex', _('Sex')
    AGE = 'age-group', _('Age group')
    AREA = 'admin-area', _('Administrative area')
    INSTITUTION = 'institution', _('Force or institution')
    RANK = 'rank', _('Rank')
    OFFENCE = 'offence', _('Type of offence or complaint')


class LibraryIndicator(ReferenceModel):
    """An SSR indicator of the library (``monitoring/data/indicator-library.yml``), in English and French, citing
    where it comes from; ``Indicator.copied_from`` keeps the copies made of it in frameworks."""

    code = models.SlugField(verbose_name=_('code'), max_length=60, unique=True)
    topic = models.CharField(verbose_name=_('topic'), max_length=12, choices=Topic)
    title_en = models.CharField(verbose_name=_('title (English)'), max_length=300)
    title_fr = models.CharField(verbose_name=_('title (French)'), max_length=300)
    definition_en = models.TextField(verbose_name=_('definition (English)'))
    definition_fr = models.TextField(verbose_name=_('definition (French)'))
    unit = models.CharField(verbose_name=_('unit'), max_length=12, choices=Unit)
    numerator_en = models.CharField(verbose_name=_('numerator (English)'), max_length=200, blank=True)
    numerator_fr = models.CharField(verbose_name=_('numerator (French)'), max_length=200, blank=True)
    denominator_en = models.CharField(verbose_name=_('denominator (English)'), max_length=200, blank=True)
    denominator_fr = models.CharField(verbose_name=_('denominator (French)'), max_length=200, blank=True)
    scale_min = models.DecimalField(
        verbose_name=_('lowest point of the scale'), max_digits=8, decimal_places=2, null=True, blank=True
    )
    scale_max = models.DecimalField(
        verbose_name=_('highest point of the scale'), max_digits=8, decimal_places=2, null=True, blank=True
    )
    scale_min_label_en = models.CharField(
        verbose_name=_('label of the lowest point (English)'), max_length=100, blank=True
    )
    scale_min_label_fr = models.CharField(
        verbose_name=_('label of the lowest point (French)'), max_length=100, blank=True
    )
    scale_max_label_en = models.CharField(
        verbose_name=_('label of the highest point (English)'), max_length=100, blank=True
    )
    scale_max_label_fr = models.CharField(
        verbose_name=_('label of the highest point (French)'), max_length=100, blank=True
    )
    direction = models.CharField(verbose_name=_('desired direction'), max_length=10, choices=Direction)
    cumulative = models.BooleanField(verbose_name=_('cumulative'), default=False)
    decimal_places = models.PositiveSmallIntegerField(verbose_name=_('decimal places'), default=0)
    frequency = models.CharField(verbose_name=_('frequency'), max_length=12, choices=Frequency)
    data_source_en = models.TextField(verbose_name=_('data source (English)'), blank=True)
    data_source_fr = models.TextField(verbose_name=_('data source (French)'), blank=True)
    disaggregations = models.JSONField(
        verbose_name=_('suggested disaggregations'), default=list, blank=True, help_text=_('Codes of Disaggregation.')
    )
    sdg_indicators = models.ManyToManyField(
        to=SdgIndicator, related_name='library_indicators', blank=True, verbose_name=_('SDG indicators')
    )
    itgn = models.ForeignKey(
        to='framework.FrameworkItem',
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='library_indicators',
        verbose_name=_('guiding ITGN'),
    )
    source_en = models.CharField(verbose_name=_('where it comes from (English)'), max_length=400)
    source_fr = models.CharField(verbose_name=_('where it comes from (French)'), max_length=400)
    citations = GenericRelation(to='core.SourceCitation')

    class Meta:
        ordering = ['topic', 'code']
        verbose_name = _('library indicator')
        verbose_name_plural = _('library indicators')

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, 'title')

    @property
    def definition(self) -> str:
        return localized(self, 'definition')

    @property
    def source(self) -> str:
        return localized(self, 'source')

    @property
    def data_source(self) -> str:
        return localized(self, 'data_source')

    def indicator_fields(self) -> dict:
        """What an indicator copied from this one takes from it, labels in the active language (both titles)."""
        return {
            'title': self.title_en,
            'title_fr': self.title_fr,
            'definition': self.definition,
            'unit': self.unit,
            'numerator_label': localized(self, 'numerator'),
            'denominator_label': localized(self, 'denominator'),
            'scale_min': self.scale_min,
            'scale_max': self.scale_max,
            'scale_min_label': localized(self, 'scale_min_label'),
            'scale_max_label': localized(self, 'scale_max_label'),
            'direction': self.direction,
            'cumulative': self.cumulative,
            'decimal_places': self.decimal_places,
            'frequency': self.frequency,
            'data_source': self.data_source,
            'itgn': self.itgn,
            'copied_from': self,
        }

    @property
    def numerator(self) -> str:
        return localized(self, 'numerator')

    @property
    def denominator(self) -> str:
        return localized(self, 'denominator')

    @property
    def scale_min_label(self) -> str:
        return localized(self, 'scale_min_label')

    @property
    def scale_max_label(self) -> str:
        return localized(self, 'scale_max_label')

    def get_absolute_url(self):
        return reverse('monitoring:libraryindicator', args=[self.code])

    def disaggregation_labels(self) -> list[str]:
        return [str(Disaggregation(code).label) for code in self.disaggregations if code in Disaggregation.values]
