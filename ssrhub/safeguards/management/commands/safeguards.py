import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from ssrhub.safeguards.workflow import reopen_expired


class Command(BaseCommand):
    help = 'Human rights due diligence (docs/safeguards.md).'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        expire = actions.add_parser(
            'expire', help='Reopen every decided or suspended request whose decision has expired (run daily).'
        )
        expire.add_argument('--today', help='The day to count from (YYYY-MM-DD); today by default.')

    def handle(self, *args, action, **options):
        return getattr(self, f'handle_{action}')(**options)

    def handle_expire(self, today=None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else datetime.date.today()
        except ValueError as error:
            raise CommandError(f'--today: {error}') from error
        reopened = reopen_expired(day)
        for request in reopened:
            self.stdout.write(f'{request.country.iso3} #{request.pk}')
        self.stdout.write(
            ngettext('%(count)d request reopened.', '%(count)d requests reopened.', len(reopened))
            % {'count': len(reopened)}
        )
