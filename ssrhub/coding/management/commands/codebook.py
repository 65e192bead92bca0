import json

import yaml
from django.core.management.base import BaseCommand

from ssrhub.coding.codebook import load_codebook


class Command(BaseCommand):
    help = 'Print the coding codebook (codes, definitions, patterns, examples, PEMA crosswalk).'

    def add_arguments(self, parser):
        parser.add_argument('--format', choices=('json', 'yaml'), default='json')
        parser.add_argument('--codebook-version', help='Codebook version (default: the latest).')

    def handle(self, *args, format, codebook_version, **options):
        data = load_codebook(codebook_version).as_dict()
        if format == 'json':
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
