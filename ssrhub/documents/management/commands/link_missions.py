from django.core.management.base import BaseCommand
from django.db import transaction

from ssrhub.documents.ingest import mentioned_missions
from ssrhub.documents.models import Document
from ssrhub.framework.models import Mission


class Command(BaseCommand):
    help = 'Link every document again to the missions its current text names (after missions were added).'

    def handle(self, *args, **options):
        missions = list(Mission.objects.all())
        changed = 0
        with transaction.atomic():
            for document in Document.objects.prefetch_related('missions'):
                version = document.current_version
                found = set(mentioned_missions(version.text, missions)) if version else set()
                if found != set(document.missions.all()):
                    document.missions.set(found)
                    changed += 1
        self.stdout.write(f'{changed} documents linked differently.')
