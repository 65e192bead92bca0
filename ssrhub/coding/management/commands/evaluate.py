import csv
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.crsv import read_crsv, score_force
from ssrhub.coding.pema import evaluate_pema

SHARED_DATA = settings.BASE_DIR.parent / 'shared' / 'data'


class Command(BaseCommand):
    help = 'Score the coder against human coding: PEMA tasks (precision, recall, F1) or CRSV force classes.'

    def add_arguments(self, parser):
        targets = parser.add_subparsers(dest='target', required=True)
        pema = targets.add_parser('pema', help='Resolution- and paragraph-level P/R/F1 per PEMA task.')
        pema.add_argument('--texts', type=Path, default=SHARED_DATA / 'unsc-resolutions-1946-1994')
        pema.add_argument('--labels', type=Path, default=SHARED_DATA / 'pema' / 'pema-v4-dev.csv')
        pema.add_argument('--format', choices=('text', 'csv', 'json'), default='text')
        force = targets.add_parser('force', help='Accuracy of the force class of the opening verb.')
        force.add_argument('--crsv', type=Path, default=SHARED_DATA / 'crsv' / 'crsv-paragraphs-v2026.09.csv')

    def handle(self, *args, target, **options):
        if target == 'pema':
            self._pema(options['texts'], options['labels'], options['format'])
        else:
            self._force(options['crsv'])

    def _pema(self, texts: Path, labels: Path, fmt: str):
        if not texts.is_dir() or not labels.is_file():
            raise CommandError(f'Need a folder of texts and a PEMA csv: {texts} / {labels} not found.')
        codebook = load_codebook()
        report = evaluate_pema(texts, labels, codebook)
        if fmt == 'text':
            self.stdout.write(f'codebook {codebook.version}\n' + report.as_text('PEMA'))
        elif fmt == 'json':
            self.stdout.write(json.dumps(report.as_rows(), indent=2))
        else:
            rows = report.as_rows()
            writer = csv.DictWriter(self.stdout, fieldnames=list(rows[0]), lineterminator='\n')
            writer.writeheader()
            writer.writerows(rows)

    def _force(self, path: Path):
        if not path.is_file():
            raise CommandError(f'{path} not found.')
        self.stdout.write(score_force(read_crsv(path)).as_text())
