from django.core.management import call_command
from django.core.management.base import BaseCommand

from ssrhub.coordination.loading import load_codelists
from ssrhub.core.loading import LoadReport, load_countries
from ssrhub.core.roles import sync_roles
from ssrhub.monitoring.loading import load_monitoring_reference

from .demo import add_demo_options, demo_options


class Command(BaseCommand):
    help = 'Load reference data (countries, frameworks, institutions) and roles; --demo adds demo accounts.'

    def add_arguments(self, parser):
        parser.add_argument('--demo', action='store_true', help='Also create the demo accounts (never in production).')
        add_demo_options(parser)

    def handle(self, *args, demo, corpus_years, without_volume, verbosity, **options):
        sync_roles()
        report = LoadReport()
        load_countries(report)
        load_codelists(report)
        if verbosity:
            self.stdout.write('\n'.join(report.lines()))
        call_command('framework', 'load', stdout=self.stdout, verbosity=verbosity)
        # The indicator library names ITGNs: after the framework.
        report = LoadReport()
        load_monitoring_reference(report)
        if verbosity:
            self.stdout.write('\n'.join(report.lines()))
        call_command('recode', stdout=self.stdout, verbosity=verbosity)
        if demo:
            call_command('demo', *demo_options(corpus_years, without_volume), stdout=self.stdout, verbosity=verbosity)
