from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path

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
    help = 'Create the demo accounts (one per role, password "ssrhub-demo") and ingest the sample documents.'

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
        for sample in sorted(DEMO_DOCUMENTS.glob('*.txt')):
            ingest_path(sample, user=User.objects.get(username='analyst'))
        if options['verbosity']:
            self.stdout.write(
                f'Demo accounts: {", ".join(name for name, _role, _c in DEMO_USERS)} (password {DEMO_PASSWORD})'
            )
