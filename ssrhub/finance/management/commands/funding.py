import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ssrhub.core.fields import validate_currency
from ssrhub.core.models import Country
from ssrhub.countries.models import NationalDocument
from ssrhub.finance.funding_messages import funding_dict, money
from ssrhub.finance.queries import plan_funding


class Command(BaseCommand):
    help = 'Money against the national plans (docs/finance.md): costs, commitments, disbursements and the gap.'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        gap = actions.add_parser('gap', help="The funding of a country's plans (or of one document) in one currency.")
        gap.add_argument('--country', required=True, help='ISO alpha-3 code, e.g. LBR.')
        gap.add_argument('--document', type=int, help='Only this national document (its id).')
        gap.add_argument('--currency', default='USD', help='ISO 4217 code of the totals (default USD).')
        gap.add_argument('--format', choices=('json', 'text'), default='text')
        gap.add_argument('--language', choices=[code for code, _name in settings.LANGUAGES], default='en')

    def handle(self, *args, action, **options):
        country = Country.objects.filter(iso3__iexact=options['country']).first()
        if country is None:
            raise CommandError(f'No country {options["country"]!r}: give an ISO alpha-3 code, such as LBR.')
        currency = options['currency'].upper()
        try:
            validate_currency(currency)
        except ValidationError as error:
            raise CommandError(f'{options["currency"]!r} is not an ISO 4217 currency code, such as USD.') from error
        documents = NationalDocument.objects.filter(country=country, actions__isnull=False).distinct().order_by('pk')
        if options['document'] is not None:
            documents = NationalDocument.objects.filter(country=country, pk=options['document'])
            if not documents.exists():
                raise CommandError(f'{country.iso3} has no national framework document {options["document"]}.')
        with translation.override(options['language']):
            results = []
            for document in documents:
                result, actions = plan_funding(None, document, currency)
                results.append((document, result, actions))
            if options['format'] == 'json':
                payload = {
                    'country': country.iso3,
                    'currency': currency,
                    'documents': [
                        {'id': document.pk, 'title': document.title, **funding_dict(result, actions)}
                        for document, result, actions in results
                    ],
                }
                self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
                return
            for document, result, actions in results:
                data = funding_dict(result, actions)
                self.stdout.write(f'{document.pk} {document.title}')
                total = result.total
                self.stdout.write(
                    f'  cost {money(total.cost)} {currency}, committed {money(total.committed)}, '
                    f'disbursed {money(total.disbursed)}, spent {money(total.spent)}, gap {money(total.gap)}'
                )
                for row in data['actions']:
                    cost = f'cost {row["cost"]}' if row['costed'] else 'not costed'
                    funded = '' if row['funded'] else ' (no funded activity)'
                    self.stdout.write(
                        f'  - {row["action"]}: {cost}, committed {row["committed"]}, gap {row["gap"]}{funded}'
                    )
                for note in [data['boundary'], *data['notes']]:
                    self.stdout.write(f'  {note}')
