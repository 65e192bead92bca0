"""Background imports (an IATI file, a 3W table): Celery tasks with Redis in production, inline (eager) in the embedded
mode."""

from celery import shared_task

from ssrhub.core.access import can_in_country

from .iati_store import import_iati
from .models import Activity, IatiImport, ImportStatus, ThreeWImport
from .threew_store import apply_import

__all__ = ['import_iati_task', 'import_threew_task']


@shared_task(name='ssrhub.coordination.import_iati')
def import_iati_task(import_id: int) -> dict:
    """Import the file of the ``IatiImport`` ``import_id`` for the user who uploaded it: activities for countries
    where that user may not add activities are refused with a reason."""
    record = IatiImport.objects.get(pk=import_id)
    IatiImport.objects.filter(pk=import_id).update(status=ImportStatus.RUNNING)
    user = record.uploaded_by

    def may_store(country) -> bool:
        return user is None or can_in_country(user, 'add', Activity, country)

    report = import_iati(record.file.path, name=record.name, strict=record.strict, user=user, may_store=may_store)
    record.status = ImportStatus.REFUSED if report.file_error else ImportStatus.DONE
    record.progress = report.read
    record.report = report.as_dict()
    record.save(update_fields=['status', 'progress', 'report', 'last_updated'])
    return report.summary()


@shared_task(name='ssrhub.coordination.import_threew')
def import_threew_task(import_id: int) -> dict:
    """Apply the previewed 3W import ``import_id``: the person's decisions on organisations and the rows stored as
    activities of its country, in one transaction; the record follows the progress and keeps the report."""
    report = apply_import(ThreeWImport.objects.select_related('country', 'uploaded_by').get(pk=import_id))
    return report.as_dict() if report is not None else {}
