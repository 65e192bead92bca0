import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ssrhub.monitoring.context_loading import LoadError, load_events


class Command(BaseCommand):
    help = 'UCDP conflict events (docs/monitoring.md): load a GED CSV file of a release.'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        load = actions.add_parser('load', help='Load a UCDP GED CSV file; a file with any bad line is refused whole.')
        load.add_argument('path', help='A GED .csv file as UCDP publishes it.')
        load.add_argument('--release', required=True, help='The GED release of the file, e.g. "GED 23.1".')

    def handle(self, *args, action, path, release, **options):
        started = time.perf_counter()
        try:
            report = load_events(Path(path), release)
        except LoadError as error:
            raise CommandError(f'{error.message()}\nNothing loaded.') from error
        self.stdout.write(
            f'{report.file_name} ({release}): {report.added} added, {report.revised} revised, '
            f'{report.unchanged} unchanged in {time.perf_counter() - started:.1f} s.'
        )
