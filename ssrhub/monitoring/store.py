"""Write submissions: one from the web form, or every row of an answer file in one transaction (bulk inserts in
chunks, the file read again row by row, so memory stays flat). A submission whose instance id the survey already
has is left as it is: importing the same export again adds nothing."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import Submission, SubmissionSource, SurveyImport, SurveyImportStatus
from .survey_import import KOBO, ImportError_, Issue, Layout, open_answers

__all__ = ['CHUNK', 'import_answers', 'layout_of', 'parse_time']

CHUNK = 1000


def layout_of(version) -> Layout:
    return Layout.of(version.structure.get('questions', []), version.structure.get('choices', {}))


def parse_time(text: str):
    """An export's submission time as an aware datetime (UTC when the file gives no zone), or None."""
    if not text:
        return None
    value = parse_datetime(text.replace('Z', '+00:00'))
    if value is None:
        return None
    return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)


def import_answers(record: SurveyImport) -> dict:
    """Import the file of ``record`` (previewed) into its survey: refuse everything on the first problem."""
    SurveyImport.objects.filter(pk=record.pk).update(status=SurveyImportStatus.RUNNING)
    version = record.version
    layout = layout_of(version)
    accepted = version.versions_accepted
    created = existing = read = 0
    try:
        with transaction.atomic():
            known = set(Submission.objects.filter(survey=record.survey).values_list('instance_id', flat=True))
            with open_answers(record.file.path, record.name, version.form_id) as answers:
                source = SubmissionSource.KOBO if answers.source == KOBO else SubmissionSource.ODK
                batch = []
                for submission in answers.submissions(layout):
                    read += 1
                    if submission.version and accepted and submission.version not in accepted:
                        raise ImportError_(
                            _issue(
                                'version-mismatch',
                                submission.row,
                                found=submission.version,
                                expected=', '.join(sorted(accepted)),
                            )
                        )
                    if submission.instance_id in known:
                        existing += 1
                        continue
                    known.add(submission.instance_id)
                    batch.append(
                        Submission(
                            survey_id=record.survey_id,
                            version=version,
                            instance_id=submission.instance_id,
                            submitted_at=parse_time(submission.submitted_at),
                            source=source,
                            import_record=record,
                            file_name=record.name[:255],
                            answers=submission.answers,
                        )
                    )
                    if len(batch) >= CHUNK:
                        Submission.objects.bulk_create(batch)
                        created += len(batch)
                        batch = []
                        SurveyImport.objects.filter(pk=record.pk).update(progress=read)
                Submission.objects.bulk_create(batch)
                created += len(batch)
    except ImportError_ as error:
        issue = error.issue
        record.status = SurveyImportStatus.REFUSED
        record.report = {'error': {'code': issue.code, 'table': issue.table, 'row': issue.row, 'params': issue.params}}
    else:
        record.status = SurveyImportStatus.DONE
        record.report = {'read': read, 'created': created, 'existing': existing}
    record.progress = read
    record.save(update_fields=['status', 'report', 'progress', 'last_updated'])
    return record.report


def _issue(code: str, row, **params) -> Issue:
    return Issue(code, '', row, params)
