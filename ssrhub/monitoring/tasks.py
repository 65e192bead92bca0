"""The background import of a survey's answers: a Celery task with Redis in production, inline in the embedded
mode."""

from celery import shared_task

from .models import SurveyImport
from .store import import_answers

__all__ = ['import_answers_task']


@shared_task(name='ssrhub.monitoring.import_answers')
def import_answers_task(import_id: int) -> dict:
    """Import the previewed answer file ``import_id`` into its survey, in one transaction."""
    return import_answers(SurveyImport.objects.select_related('survey', 'version').get(pk=import_id))
