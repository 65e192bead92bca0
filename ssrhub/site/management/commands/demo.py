from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import Role
from ssrhub.countries.demo import DemoDataError, load_country_demo, summary
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.missions import mission_names

# Resolution 2151 (2014), the ONUMOZ resolutions 782-898 (1992-1994) and a composed (not UN) report on ONUMOZ,
# so that a new installation has a mission track and a mandated-vs-reported comparison (samples/README.md).
DEMO_DOCUMENTS = Path(__file__).resolve().parents[3] / 'documents' / 'data' / 'samples'

# One demo account per role; the password is public (README), so this never runs in production.
DEMO_PASSWORD = 'ssrhub-demo'
DEMO_USERS = [
    ('admin', Role.ADMINISTRATOR, []),
    ('analyst', Role.ANALYST, []),
    ('viewer', Role.VIEWER, []),
    ('editor', Role.COUNTRY_EDITOR, ['CAF', 'CIV', 'LBR']),
    ('hrdd', Role.DUE_DILIGENCE_OFFICER, ['CAF']),
]


class Command(BaseCommand):
    help = (
        'Create the demo accounts (one per role, password "ssrhub-demo"), ingest the sample documents and load the '
        'demo country workspaces.'
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError('Demo accounts are never created in production.')
        User = get_user_model()
        for username, role, countries in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username, defaults={'email': f'{username}@example.org'})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == Role.ADMINISTRATOR
                user.is_superuser = role == Role.ADMINISTRATOR
                user.save()
            user.groups.set([Group.objects.get(name=role)])
            for iso3 in countries:
                CountryAssignment.objects.get_or_create(user=user, country=Country.objects.get(iso3=iso3))
        analyst, missions = User.objects.get(username='analyst'), mission_names()
        outcomes = [
            ingest_path(sample, user=analyst, missions=missions) for sample in sorted(DEMO_DOCUMENTS.glob('*.txt'))
        ]
        if options['verbosity']:
            self.stdout.write(
                f'Demo accounts: {", ".join(name for name, _role, _c in DEMO_USERS)} (password {DEMO_PASSWORD})'
            )
            stored = sum(outcome.status in ('created', 'new-version') for outcome in outcomes)
            self.stdout.write(
                f'Demo documents: {len(outcomes)} samples, {stored} stored, {len(outcomes) - stored} unchanged'
            )
        for outcome in outcomes:
            if outcome.status == 'refused':
                self.stderr.write(f'Demo document refused: {outcome.message}')
        # Country workspaces (CAR, Côte d'Ivoire, Liberia), written as the demo country editor.
        try:
            reports = load_country_demo(user=User.objects.get(username='editor'))
        except DemoDataError as error:
            raise CommandError(f'Demo country data refused: {error}') from error
        for iso3, report in reports.items():
            if options['verbosity']:
                self.stdout.write(f'Demo country workspace {iso3}: {summary(report)}')
            if options['verbosity'] > 1:
                self.stdout.write('\n'.join(f'  {line}' for line in report.lines()))
