import json
from collections import Counter
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ssrhub.core.models import Country
from ssrhub.countries.models import NationalDocument
from ssrhub.countries.plan_messages import KIND_LABELS, finding_label, finding_message, group_dict
from ssrhub.countries.plan_queries import country_findings, document_groups
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
            '--language',
            choices=[code for code, _name in settings.LANGUAGES],
            default='en',
            help='Language of the labels and sentences.',
        )
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
            results = [{'document': document, 'groups': document_groups(document, today, **checks)}]
        with translation.override(options['language']):
            if options['format'] == 'json':
                self._json(country, today, options['language'], results)
            else:
                self._text(country, today, results)

    def _json(self, country, today: date, language: str, results: list[dict]):
        documents = [
            {
                'id': result['document'].pk,
                'title': result['document'].title,
                'kind': result['document'].kind,
                'status': result['document'].status,
                'counts': _counts(result['groups']),
                'groups': [group_dict(group) for group in result['groups']],
            }
            for result in results
        ]
        payload = {'country': country.iso3, 'date': today.isoformat(), 'language': language, 'documents': documents}
        self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))

    def _text(self, country, today: date, results: list[dict]):
        total = sum(len(group.findings) for result in results for group in result['groups'])
        self.stdout.write(
            _('%(country)s (%(iso3)s) on %(date)s: %(documents)s, %(findings)s')
            % {
                'country': country.name_en,
                'iso3': country.iso3,
                'date': today.isoformat(),
                'documents': ngettext('%(count)d document', '%(count)d documents', len(results))
                % {'count': len(results)},
                'findings': _findings(total),
            }
        )
        for result in results:
            document, groups = result['document'], result['groups']
            counts = _counts(groups)
            self.stdout.write(
                f'\n#{document.pk} {document.title} [{document.kind}, {document.status}]: '
                f'{_findings(sum(counts.values()))}'
                + (f' ({", ".join(f"{count} {severity}" for severity, count in counts.items())})' if counts else '')
            )
            for group in groups:
                ref = f'{group.ref} ' if group.ref else ''
                listed_in = f'; {_("in %(document)s") % {"document": group.listed_in}}' if group.listed_in else ''
                self.stdout.write(
                    f'  {KIND_LABELS[group.kind]} · {ref}{group.subject} ({group.subject_key}{listed_in})'
                )
                for finding in group.findings:
                    self.stdout.write(
                        f'    {finding.severity:<7} {finding_label(finding)} — {finding_message(finding)}'
                    )


def _findings(count: int) -> str:
    return ngettext('%(count)d finding', '%(count)d findings', count) % {'count': count}


def _counts(groups) -> dict[str, int]:
    """How many findings of each severity, worst first."""
    counts = Counter(finding.severity for group in groups for finding in group.findings)
    return {severity: counts[severity] for severity in ('error', 'warning', 'info') if counts[severity]}
