from django.core.management.base import BaseCommand
from django.db import transaction

from ssrhub.documents.missions import link_document, mission_names
from ssrhub.documents.models import Document


class Command(BaseCommand):
    help = (
        'Read again what every document does to the missions it names (after missions or the reader changed); '
        'links set by hand are kept.'
    )

    def handle(self, *args, **options):
        names = mission_names()
        changed = 0
        with transaction.atomic():
            documents = Document.objects.prefetch_related('mission_links', 'versions')
            for document in documents:
                version = next((v for v in document.versions.all() if v.is_current), None)
                if version and link_document(document, version, version.paragraphs.only('ref', 'kind', 'text'), names):
                    changed += 1
        self.stdout.write(f'{changed} documents linked differently.')
