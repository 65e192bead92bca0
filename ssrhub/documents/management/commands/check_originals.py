from django.core.management.base import BaseCommand, CommandError

from ssrhub.documents.models import DocumentVersion
from ssrhub.documents.originals import check_originals


class Command(BaseCommand):
    help = (
        "Check the documents' original files against their records: missing files, sizes or SHA-256 hashes that do "
        'not match, temporary files left by writes that did not finish. Exits with status 1 when any is found.'
    )

    def handle(self, *args, **options):
        versions = DocumentVersion.objects.exclude(original='').order_by('pk')
        problems = check_originals(versions.iterator())
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(f'{len(problems)} original file problem(s) found.')
        self.stdout.write(f'{versions.count()} versions checked: every original is whole.')
