import json
import time

from celery import group
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ssrhub.documents.ingest import document_files, ingest_paths
from ssrhub.documents.tasks import ingest_path_task

POLL_SECONDS = 0.5


class Command(BaseCommand):
    help = 'Ingest documents (PDF, DOCX, HTML, text) from files or folders: extract, segment, code and save.'
    # The system checks import every URL module and view (0.7 s), none of which ingesting uses.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument('paths', nargs='+', help='Files or folders (searched recursively).')
        parser.add_argument('--no-code', action='store_true', help='Store paragraphs without coding them.')
        parser.add_argument('--report', choices=('summary', 'jsonl'), default='summary')

    def handle(self, *args, paths, no_code, report, verbosity, **options):
        files = document_files(paths)
        if not files:
            raise CommandError('No supported file (.pdf, .docx, .html, .txt) found in the given paths.')
        outcomes = self._run(files, code=not no_code, progress=verbosity > 0 and report == 'summary')
        if report == 'jsonl':
            for outcome in outcomes:
                self.stdout.write(json.dumps(outcome, ensure_ascii=False))
            return
        counts = {}
        for outcome in outcomes:
            counts[outcome['status']] = counts.get(outcome['status'], 0) + 1
            if outcome['status'] == 'refused':
                self.stderr.write(f'refused: {outcome["message"]}')
        summary = ', '.join(f'{count} {status}' for status, count in sorted(counts.items()))
        paragraphs = sum(outcome['paragraphs'] for outcome in outcomes)
        self.stdout.write(f'{len(files)} files: {summary}; {paragraphs} paragraphs stored.')

    def _run(self, files, code: bool, progress: bool) -> list[dict]:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            # Embedded mode: inline, one transaction per file, with a progress bar.
            outcomes = ingest_paths(tqdm(files, unit='file', disable=not progress), code=code)
            return [outcome.as_dict() for outcome in outcomes]
        result = group(ingest_path_task.s(str(path.resolve()), None, code) for path in files).apply_async()
        # Production: one task per file, shared by however many workers are running.
        with tqdm(total=len(files), unit='file', disable=not progress) as bar:
            while not result.ready():
                bar.update(result.completed_count() - bar.n)
                time.sleep(POLL_SECONDS)
            bar.update(len(files) - bar.n)
        return result.get()
