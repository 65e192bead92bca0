import csv
import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.records import RECORD_CSV_COLUMNS, code_file, csv_row
from ssrhub.documents.extract import ExtractionError
from ssrhub.documents.ingest import document_files


class Command(BaseCommand):
    help = 'Code every paragraph of the given files and print one record per paragraph (--save also stores them).'

    def add_arguments(self, parser):
        parser.add_argument('paths', nargs='+', help='Files or folders.')
        parser.add_argument('--format', choices=('jsonl', 'csv'), default='jsonl')
        parser.add_argument('--save', action='store_true', help='Also ingest and store the documents and codes.')

    def handle(self, *args, paths, format, save, **options):
        files = document_files(paths)
        if not files:
            raise CommandError('No supported file (.pdf, .docx, .html, .txt) found in the given paths.')
        codebook = load_codebook()
        writer = None
        if format == 'csv':
            writer = csv.DictWriter(self.stdout, fieldnames=RECORD_CSV_COLUMNS, lineterminator='\n')
            writer.writeheader()
        for path in files:
            try:
                records = code_file(Path(path), codebook)
            except ExtractionError as error:
                self.stderr.write(f'refused: {error}')
                continue
            for record in records:
                if writer:
                    writer.writerow(csv_row(record))
                else:
                    self.stdout.write(json.dumps(record, ensure_ascii=False))
        if save:
            call_command('ingest', *map(str, files), verbosity=0, stdout=self.stderr)
