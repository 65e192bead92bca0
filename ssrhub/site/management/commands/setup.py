from django.core.management import call_command
from django.core.management.base import BaseCommand

from ssrhub.core.loading import LoadReport, load_countries
from ssrhub.core.roles import sync_roles


class Command(BaseCommand):
    help = 'Load reference data (countries, frameworks, institutions) and roles; --demo adds demo accounts.'

    def add_arguments(self, parser):
        parser.add_argument('--demo', action='store_true', help='Also create the demo accounts (never in production).')

    def handle(self, *args, demo, verbosity, **options):
        sync_roles()
        report = LoadReport()
        load_countries(report)
        if verbosity:
            self.stdout.write('\n'.join(report.lines()))
        call_command('framework', 'load', stdout=self.stdout, verbosity=verbosity)
        call_command('recode', stdout=self.stdout, verbosity=verbosity)
        if demo:
            call_command('demo', stdout=self.stdout, verbosity=verbosity)
