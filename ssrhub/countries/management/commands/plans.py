import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from ssrhub.core.models import Country
from ssrhub.countries.models import NationalDocument
from ssrhub.countries.plan_queries import country_findings, document_findings
from ssrhub.countries.plans import IMPLEMENTATION_DAYS, STALE_DAYS


class Command(BaseCommand):
    help = 'National security policy, strategy and plan checks (docs/countries.md, "Plan checks").'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        check = actions.add_parser('check', help="The findings of the plan checks for a country's documents.")
        check.add_argument('--country', required=True, help='ISO alpha-3 code, e.g. LBR.')
        check.add_argument('--document', type=int, help='Only this document (its id).')
        check.add_argument('--date', type=date.fromisoformat, default=date.today(), help='Check as of YYYY-MM-DD.')
        check.add_argument('--format', choices=('json', 'text'), default='text')
        check.add_argument(
            '--implementation-days',
            type=int,
            default=IMPLEMENTATION_DAYS,
            help='Days after adoption by which something must be under way.',
        )
        check.add_argument(
            '--stale-days', type=int, default=STALE_DAYS, help='Days after which an open status is stale.'
        )

    def handle(self, *args, action, **options):
        country = Country.objects.filter(iso3__iexact=options['country']).first()
        if country is None:
            raise CommandError(f'No country {options["country"]!r}: give an ISO alpha-3 code, such as LBR.')
        today = options['date']
        checks = {'implementation_days': options['implementation_days'], 'stale_days': options['stale_days']}
        if options['document'] is None:
            results = country_findings(country, today, **checks)
        else:
            document = NationalDocument.objects.filter(country=country, pk=options['document']).first()
            if document is None:
                raise CommandError(f'{country.iso3} has no national framework document {options["document"]}.')
            results = [{'document': document, 'findings': document_findings(document, today, **checks)}]
        if options['format'] == 'json':
            documents = [
                {
                    'id': result['document'].pk,
                    'title': result['document'].title,
                    'kind': result['document'].kind,
                    'status': result['document'].status,
                    'findings': [finding.as_dict() for finding in result['findings']],
                }
                for result in results
            ]
            payload = {'country': country.iso3, 'date': today.isoformat(), 'documents': documents}
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            self._text(country, today, results)

    def _text(self, country, today: date, results: list[dict]):
        count = sum(len(result['findings']) for result in results)
        self.stdout.write(
            f'{country.name_en} ({country.iso3}) on {today.isoformat()}: {len(results)} document(s), {count} finding(s)'
        )
        for result in results:
            document = result['document']
            self.stdout.write(f'\n#{document.pk} {document.title} [{document.kind}, {document.status}]')
            if not result['findings']:
                self.stdout.write('  no finding')
            for finding in result['findings']:
                self.stdout.write(
                    f'  {finding.severity:<7} {finding.check:<23} {finding.subject} ({finding.subject_key}): '
                    f'{finding.message}'
                )
