from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.models import MachineReading
from ssrhub.coding.store import store_machine_coding
from ssrhub.documents.models import DocumentVersion
from ssrhub.documents.structure import segment


class Command(BaseCommand):
    help = 'Code the current version of every document with the current codebook where it is not coded yet.'

    def add_arguments(self, parser):
        parser.add_argument('--symbol', help='Only this document.')

    def handle(self, *args, symbol, verbosity, **options):
        codebook = load_codebook()
        versions = DocumentVersion.objects.filter(is_current=True).select_related('document')
        if symbol:
            versions = versions.filter(document__symbol=symbol)
        coded = MachineReading.objects.filter(codebook_version=codebook.version).values('paragraph__version')
        pending = list(versions.exclude(pk__in=coded))
        stored, skipped = 0, []
        for version in tqdm(pending, unit='document', disable=verbosity == 0):
            paragraphs = list(version.paragraphs.order_by('order'))
            structured = segment(version.text, version.document.language)
            if [p.ref for p in paragraphs] != [p.ref for p in structured.paragraphs]:
                # The segmenter changed since this version was stored: its paragraphs would not line up.
                skipped.append(str(version))
                continue
            with transaction.atomic():
                stored += store_machine_coding(paragraphs, structured, version.document.language, codebook)
        coded = len(pending) - len(skipped)
        self.stdout.write(f'{coded} documents coded with codebook {codebook.version}; {stored} codes stored.')
        if skipped:
            self.stderr.write(f'Segmented differently now, ingest again to code: {", ".join(skipped)}')
