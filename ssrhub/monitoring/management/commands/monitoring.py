import io
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ssrhub.core.models import Country

from ...iati_export import FrameworkExportError, export_framework
from ...models import ResultsFramework
from ...report.assemble import build_report
from ...report.render import FORMATS, render
from ...report.sentences import written_report
from ...report.structure import default_period


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f'{value!r} is not a date: write it as YYYY-MM-DD, for example 2026-06-30.') from None


class Command(BaseCommand):
    help = (
        'Monitoring and evaluation (docs/monitoring.md): the progress report of a country; a results framework as '
        'IATI results.'
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        report = actions.add_parser(
            'report', help='The progress report of a country over a period, written to standard output.'
        )
        report.add_argument('--country', required=True, help='ISO alpha-3 code, e.g. LBR.')
        report.add_argument('--format', default='html', help=f'One of {", ".join(FORMATS)} (default html).')
        report.add_argument('--lang', default='en', help='Language of the report: en or fr (default en).')
        report.add_argument('--from', dest='start', help='First day of the period, YYYY-MM-DD (default: a year ago).')
        report.add_argument('--to', dest='end', help='Last day of the period, YYYY-MM-DD (default: today).')
        iati = actions.add_parser(
            'iati-export',
            help="A results framework's results, indicators, targets and approved actuals as the <result> blocks of "
            'its IATI 2.03 activity.',
        )
        iati.add_argument('--framework', required=True, type=int, help='The framework (its number in its address).')
        iati.add_argument(
            '--activity', help="IATI identifier of the activity to write them in (default: the framework's activity)."
        )
        iati.add_argument('--output', help='File to write (default: standard output).')

    def handle(self, *args, action, **options):
        if action == 'iati-export':
            return self.iati_export(**options)
        return self.report(**options)

    def _binary_stdout(self):
        # The file is bytes: written to the binary stream under standard output, never through text.
        return getattr(self.stdout._out, 'buffer', None) or sys.stdout.buffer

    def iati_export(self, framework, activity, output, **options):
        found = ResultsFramework.objects.filter(pk=framework).first()
        if found is None:
            raise CommandError(f'No results framework {framework}.')
        content = io.BytesIO()
        try:
            record = export_framework(found, content, activity)
        except FrameworkExportError as error:
            raise CommandError(' '.join(error.messages())) from None
        if output:
            Path(output).write_bytes(content.getvalue())
            self.stderr.write(
                f'{len(record.results)} results of framework {found.pk} written to {output} in {record.identifier}.'
            )
        else:
            stream = self._binary_stdout()
            stream.write(content.getvalue())
            stream.flush()

    def report(self, **options):
        country = Country.objects.filter(iso3__iexact=options['country']).first()
        if country is None:
            raise CommandError(f'No country {options["country"]!r}: give an ISO alpha-3 code, such as LBR.')
        fmt = options['format'].lower()
        if fmt not in FORMATS:
            raise CommandError(f'Unknown format {options["format"]!r}: give one of {", ".join(FORMATS)}.')
        if options['lang'] not in ('en', 'fr'):
            raise CommandError(f'Unknown language {options["lang"]!r}: give en or fr.')
        default_start, default_end = default_period(date.today())
        start = _date(options['start']) if options['start'] else default_start
        end = _date(options['end']) if options['end'] else default_end
        if end < start:
            raise CommandError(f'The period ends ({end}) before it starts ({start}).')
        written = written_report(build_report(country, start, end, options['lang']))
        content = render(written, fmt)
        stream = self._binary_stdout()
        stream.write(content)
        stream.flush()
