import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ssrhub.core.datafiles import DataFileError
from ssrhub.core.loading import LoadReport
from ssrhub.framework.export import EXPORT_FORMATS, export_version
from ssrhub.framework.loading import load_all_frameworks, load_framework, load_institutions
from ssrhub.framework.models import Framework


class Command(BaseCommand):
    help = 'Load the reference framework and institution data files, or export a framework version.'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        load = actions.add_parser('load', help='Load the data files (idempotent: a second run changes nothing).')
        load.add_argument('--path', type=Path, help='Load only this framework folder instead of all of them.')
        export = actions.add_parser('export', help='Print a framework version as JSON or CSV.')
        export.add_argument('--format', choices=EXPORT_FORMATS, default='json')
        export.add_argument('--framework', default='un-ssr', help='Framework code (default: un-ssr).')
        export.add_argument('--version', dest='framework_version', help='Version number (default: the current one).')
        export.add_argument('--output', type=Path, help='Write to this file instead of standard output.')

    def handle(self, *args, action, **options):
        if action == 'load':
            self.load(options['path'], options['verbosity'])
        else:
            self.export(options)

    def load(self, path, verbosity):
        report = LoadReport()
        try:
            if path:
                load_framework(path, report)
            else:
                load_all_frameworks(report)
                load_institutions(report)
        except (DataFileError, ValidationError) as error:
            raise CommandError(f'Nothing was loaded: {error}') from error
        if verbosity:
            self.stdout.write('\n'.join(report.lines()))

    def export(self, options):
        framework = Framework.objects.filter(code=options['framework']).first()
        if framework is None:
            raise CommandError(f'No framework with code {options["framework"]!r}; run `ssrhub framework load` first.')
        if options['framework_version']:
            version = framework.versions.filter(version=options['framework_version']).first()
            if version is None:
                known = ', '.join(framework.versions.values_list('version', flat=True))
                raise CommandError(
                    f'{framework.code} has no version {options["framework_version"]!r} (known: {known}).'
                )
        else:
            version = framework.current_version
        text = export_version(version, options['format'])
        if options['output']:
            options['output'].write_text(text, encoding='utf-8')
        else:
            sys.stdout.write(text)
