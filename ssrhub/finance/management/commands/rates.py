from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ssrhub.finance.importing import apply_rate_plan, stored_rates
from ssrhub.finance.rate_import import MAX_BYTES, ImportFileError, plan_import


class Command(BaseCommand):
    help = 'Exchange rates (docs/finance.md): import a CSV or XLSX of date, currency, rate and source.'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        read = actions.add_parser('import', help='Import rates; a file with any error is refused whole.')
        read.add_argument('path', help='A .csv or .xlsx file.')
        read.add_argument('--dry-run', action='store_true', help='Check and report; write nothing.')

    def handle(self, *args, action, path, dry_run, **options):
        try:
            with open(path, 'rb') as file:
                data = file.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f'{path}: {error.strerror}') from error
        try:
            plan = plan_import(data, stored_rates(None), path)
        except ImportFileError as error:
            raise CommandError(f'{path}: {error}') from error
        if not plan.ok:
            lines = '\n'.join(f'{path}: {issue.message()}' for issue in plan.errors)
            raise CommandError(f'{lines}\n{path}: nothing imported ({len(plan.errors)} errors).')
        summary = f'{len(plan.create)} to add, {len(plan.update)} to change, {len(plan.unchanged)} unchanged'
        if dry_run:
            self.stdout.write(f'{path}: {summary} (dry run: nothing written).')
            return
        with transaction.atomic():
            apply_rate_plan(None, plan)
        self.stdout.write(f'{path}: {summary.replace("to add", "added").replace("to change", "changed")}.')
