import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ssrhub.core.models import Country

from ...summary_queries import annual_summary, sections, summary_json
from ...workflow import reopen_expired


class Command(BaseCommand):
    help = (
        'Human rights due diligence (docs/safeguards.md), for operators on the server: the command reads the '
        'database as the system, with no user, so it prints only what carries no personal data by construction.'
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        summary = actions.add_parser(
            'summary',
            help="A country's annual HRDDP summary (counts, kinds and dates only: no name, no text of any record).",
        )
        summary.add_argument('--country', required=True, help='ISO alpha-3 code, e.g. COD.')
        summary.add_argument('--year', type=int, help='The year (default: the current year).')
        summary.add_argument('--format', default='text', choices=('json', 'text'), help='json or text (default text).')
        summary.add_argument('--lang', default='en', choices=('en', 'fr'), help='Language of the text (default en).')
        expire = actions.add_parser(
            'expire', help='Reopen every decided or suspended request whose decision has expired (run daily).'
        )
        expire.add_argument('--today', help='The day to count from (YYYY-MM-DD); today by default.')

    def handle(self, *args, action, **options):
        return getattr(self, f'handle_{action}')(**options)

    def handle_summary(self, country, year, format, lang, **options):
        found = Country.objects.filter(iso3__iexact=country).first()
        if found is None:
            raise CommandError(f'No country has the ISO alpha-3 code {country!r}.')
        summary = annual_summary(found, year or datetime.date.today().year)
        if format == 'json':
            self.stdout.write(json.dumps(summary_json(found, summary), indent=2))
            return
        with translation.override(lang):
            self.stdout.write(_('Annual HRDDP summary %(year)s') % {'year': summary.year})
            self.stdout.write(found.name)
            for section in sections(summary):
                self.stdout.write(f'\n{section.title}')
                for _code, label, count in section.rows:
                    self.stdout.write('  ' + _('%(label)s: %(count)s') % {'label': label, 'count': count})

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
