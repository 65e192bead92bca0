"""Files uploaded in the UI (an IATI file, a 3W table): the file, who sent it, how far its import went and its
report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.models import ChangeLoggedModel

__all__ = ['IatiImport', 'ImportStatus', 'ThreeWImport', 'ThreeWStatus']


class ImportStatus(models.TextChoices):
    QUEUED = 'queued', _('Queued')
    RUNNING = 'running', _('Running')
    DONE = 'done', _('Imported')
    REFUSED = 'refused', _('Refused')


class ThreeWStatus(models.TextChoices):
    PREVIEWED = 'previewed', _('Previewed')
    QUEUED = 'queued', _('Queued')
    RUNNING = 'running', _('Running')
    DONE = 'done', _('Imported')
    REFUSED = 'refused', _('Refused')


class IatiImport(ChangeLoggedModel):
    """One IATI activity file sent through the upload page and imported in the background (Celery; inline in the
    embedded mode). ``report`` is the import's report as ``iati_store.ImportReport.as_dict()`` gives it, so the
    report page shows every refused activity with its line and errors in the reader's language."""

    file = models.FileField(verbose_name=_('file'), upload_to='iati/%Y/%m/')
    name = models.CharField(verbose_name=_('file name'), max_length=255)
    uploaded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name='iati_imports',
        null=True,
        blank=True,
        verbose_name=_('uploaded by'),
    )
    strict = models.BooleanField(
        verbose_name=_('strict'), default=False, help_text=_('Refuse the whole file if any activity is invalid.')
    )
    status = models.CharField(verbose_name=_('status'), max_length=8, choices=ImportStatus, default=ImportStatus.QUEUED)
    progress = models.PositiveIntegerField(verbose_name=_('activities read so far'), default=0)
    report = models.JSONField(verbose_name=_('report'), default=dict, blank=True)

    access_kind = 'workspace'

    class Meta:
        ordering = ['-created']
        verbose_name = _('IATI import')
        verbose_name_plural = _('IATI imports')

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse('coordination:iatiimport', args=[self.pk])


class ThreeWImport(ChangeLoggedModel):
    """One 3W table sent through a country's 3W import page: kept from the preview until it is applied, then read
    again, with the person's decisions on its organisations, and stored as activities by a Celery task (inline in
    the embedded mode). ``decisions`` holds the organisations to create and the spellings confirmed as another
    name of an organisation; ``report`` is ``threew_store.StoreReport.as_dict()``."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='threew_imports', verbose_name=_('country')
    )
    file = models.FileField(verbose_name=_('file'), upload_to='threew/%Y/%m/')
    name = models.CharField(verbose_name=_('file name'), max_length=255)
    uploaded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name='threew_imports',
        null=True,
        blank=True,
        verbose_name=_('uploaded by'),
    )
    sheet = models.CharField(verbose_name=_('sheet'), max_length=100, blank=True)
    period_start = models.CharField(verbose_name=_('start of rows without dates'), max_length=10, blank=True)
    period_end = models.CharField(verbose_name=_('end of rows without dates'), max_length=10, blank=True)
    hashtags_from_titles = models.BooleanField(verbose_name=_('hashtags from the column titles'), default=False)
    decisions = models.JSONField(verbose_name=_('decisions on organisations'), default=dict, blank=True)
    status = models.CharField(
        verbose_name=_('status'), max_length=9, choices=ThreeWStatus, default=ThreeWStatus.PREVIEWED
    )
    progress = models.PositiveIntegerField(verbose_name=_('rows written so far'), default=0)
    total = models.PositiveIntegerField(verbose_name=_('rows to write'), default=0)
    report = models.JSONField(verbose_name=_('report'), default=dict, blank=True)

    access_kind = 'workspace'
    country_scope = 'country'

    class Meta:
        ordering = ['-created']
        verbose_name = _('3W import')
        verbose_name_plural = _('3W imports')

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse('coordination:threew_import_status', args=[self.country.iso3, self.pk])

    @property
    def period(self) -> tuple[str, str]:
        return (self.period_start, self.period_end)
