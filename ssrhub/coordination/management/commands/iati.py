import sys

from django.core.management.base import BaseCommand, CommandError

from ssrhub.coordination.filtersets import ActivityFilterSet
from ssrhub.coordination.iati_export import export_activities
from ssrhub.coordination.iati_store import import_iati, write_report
from ssrhub.coordination.models import Activity


class Command(BaseCommand):
    help = 'Import IATI 2.01-2.03 activity files and export activities as IATI 2.03 (docs/coordination.md).'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        read = actions.add_parser('import', help='Validate and store an IATI activity file, in one transaction.')
        read.add_argument('path', help='The IATI XML file.')
        read.add_argument('--strict', action='store_true', help='Refuse the whole file if any activity is invalid.')
        read.add_argument('--report', help='Write the report to this file: .json, or CSV for any other name.')
        write = actions.add_parser('export', help='Write activities as IATI 2.03 XML to standard output.')
        write.add_argument('--country', help='Recipient country, ISO alpha-3 (e.g. LBR).')
        write.add_argument('--organisation', help='An organisation taking part (its IATI identifier or name).')
        write.add_argument('--role', help='With --organisation: its role (1 funding ... 4 implementing).')
        write.add_argument('--sector', help='A sector code (e.g. 15210).')
        write.add_argument('--status', help='Activity status code (1 pipeline ... 6 suspended).')
        write.add_argument('--origin', choices=('iati', '3w', 'manual'))
        write.add_argument('--active-from', help='Activities still running on or after YYYY-MM-DD.')
        write.add_argument('--active-to', help='Activities started on or before YYYY-MM-DD.')

    def handle(self, *args, action, **options):
        if action == 'import':
            self._import(options)
        else:
            self._export(options)

    def _import(self, options):
        report = import_iati(options['path'], strict=options['strict'])
        if options['report']:
            write_report(report, options['report'])
        if report.file_error:
            for line in report.refused:
                self._refused(line)
            raise CommandError(str(report.file_error))
        summary = report.summary()
        self.stdout.write(
            '{file}: {read} activities read, {imported} imported, {updated} updated, {unchanged} unchanged, '
            '{refused} refused ({errors} errors); {notes} notes; {organisations_created} organisations created.'.format(
                file=report.file, **summary
            )
        )
        for line in report.refused:
            self._refused(line)

    def _refused(self, line):
        self.stdout.write(f'refused {line.identifier or "(no identifier)"} (line {line.line}):')
        for error in line.errors:
            self.stdout.write(f'  {error}')

    def _export(self, options):
        data = {
            'country': options['country'],
            'organisation': options['organisation'],
            'role': options['role'],
            'sector': options['sector'],
            'status': options['status'],
            'origin': options['origin'],
            'active_from': options['active_from'],
            'active_to': options['active_to'],
        }
        filterset = ActivityFilterSet({k: v for k, v in data.items() if v}, queryset=Activity.objects.all())
        if not filterset.is_valid():
            raise CommandError('; '.join(f'{name}: {" ".join(errors)}' for name, errors in filterset.errors.items()))
        count = export_activities(filterset.qs, sys.stdout.buffer)
        self.stderr.write(f'{count} activities written.')
