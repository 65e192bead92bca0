"""An IATI file uploaded in the UI: the file, who sent it, how far its import went and its report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.models import ChangeLoggedModel

__all__ = ['IatiImport', 'ImportStatus']


class ImportStatus(models.TextChoices):
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
