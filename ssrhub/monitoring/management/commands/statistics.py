import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ssrhub.monitoring.context_loading import LoadError, load_statistics


class Command(BaseCommand):
    help = 'Country statistics (docs/monitoring.md): load Gapminder country-year series.'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        load = actions.add_parser(
            'load', help='Load a folder of geo,time,<indicator> files (or one file) with its countries.csv.'
        )
        load.add_argument('path', help='A folder or a series .csv file; countries.csv must be in the same folder.')

    def handle(self, *args, action, path, **options):
        started = time.perf_counter()
        try:
            reports = load_statistics(Path(path))
        except LoadError as error:
            raise CommandError(f'{error.message()}\nNothing loaded.') from error
        for report in reports:
            skipped = sum(report.skipped.values())
            self.stdout.write(
                f'{report.file_name}: {report.added} added, {report.revised} revised, {report.unchanged} unchanged'
                + (
                    f', {skipped} without an ISO3 country skipped ({", ".join(sorted(report.skipped))})'
                    if skipped
                    else ''
                )
                + '.'
            )
        self.stdout.write(f'Done in {time.perf_counter() - started:.1f} s.')
