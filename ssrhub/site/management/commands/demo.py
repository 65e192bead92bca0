import argparse
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ssrhub.coordination.demo import import_demo_iati, load_activities_demo, load_fora_demo, threew_demo
from ssrhub.core.datafiles import DataFileError
from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import Role
from ssrhub.countries.demo import DemoDataError, load_country_demo, summary
from ssrhub.documents.ingest import ingest_paths
from ssrhub.monitoring.actuals_demo import load_actuals_demo
from ssrhub.monitoring.context_demo import load_context_demo
from ssrhub.monitoring.demo import load_monitoring_demo
from ssrhub.monitoring.survey_demo import load_surveys_demo
from ssrhub.roster.demo import load_roster_demo
from ssrhub.safeguards.demo import load_safeguards_demo

DATA = Path(__file__).resolve().parents[3] / 'documents' / 'data'
# The Security Council's resolutions 1-902 (1946-1994) and a few later ones (corpus/README.md), so that every
# peacekeeping operation of those years has a track; resolution 2151 (2014) and a composed (not UN) report on
# ONUMOZ for a mandated-vs-reported comparison (samples/README.md).
DEMO_CORPUS = DATA / 'corpus' / 'unsc-1946-1994'
DEMO_SAMPLES = DATA / 'samples'
CORPUS_YEAR = re.compile(r'^S_RES_\d+_(?P<year>\d{4})_')

# One demo account per role; the password is public (README), so this never runs in production.
DEMO_PASSWORD = 'ssrhub-demo-2026'
DEMO_USERS = [
    ('admin', Role.ADMINISTRATOR, []),
    ('analyst', Role.ANALYST, []),
    ('viewer', Role.VIEWER, []),
    ('editor', Role.COUNTRY_EDITOR, ['CAF', 'CIV', 'LBR']),
    ('hrdd', Role.DUE_DILIGENCE_OFFICER, ['CAF', 'COD']),
    ('taskforce', Role.HRDDP_FORUM_MEMBER, ['COD']),
    ('head', Role.HRDDP_DECISION_MAKER, ['COD']),
    ('roster', Role.ROSTER_MANAGER, []),
]


def corpus_years(value: str) -> tuple[int, int]:
    """``1991-1994`` or ``1993`` -> (first, last) year."""
    match = re.fullmatch(r'(\d{4})(?:-(\d{4}))?', value.strip())
    if not match or int(match[2] or match[1]) < int(match[1]):
        raise ValueError(f'{value!r} is not a year or a range of years such as 1991-1994.')
    return int(match[1]), int(match[2] or match[1])


def demo_documents(years: tuple[int, int] | None = None) -> list[Path]:
    """The corpus resolutions (those of ``years`` only, when given) and the samples, in a stable order."""
    corpus = sorted(DEMO_CORPUS.glob('*.txt'))
    if years:
        first, last = years
        corpus = [path for path in corpus if first <= int(CORPUS_YEAR.match(path.name)['year']) <= last]
    return corpus + sorted(DEMO_SAMPLES.glob('*.txt'))


class Command(BaseCommand):
    help = (
        'Create the demo accounts (one per role, password "ssrhub-demo-2026"), ingest the resolution corpus '
        '1946-1994 and the sample documents, and load the demo country workspaces.'
    )

    def add_arguments(self, parser):
        add_demo_options(parser)

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
                CountryAssignment.objects.get_or_create(user=user, country=Country.objects.get(iso3=iso3), role=role)
        files = demo_documents(options['corpus_years'])
        outcomes = ingest_paths(
            tqdm(files, unit='document', desc='Demo documents', disable=not options['verbosity']),
            user=User.objects.get(username='analyst'),
        )
        if options['verbosity']:
            self.stdout.write(
                f'Demo accounts: {", ".join(name for name, _role, _c in DEMO_USERS)} (password {DEMO_PASSWORD})'
            )
            stored = sum(outcome.status in ('created', 'new-version', 'conflict') for outcome in outcomes)
            conflicts = sum(outcome.status == 'conflict' for outcome in outcomes)
            self.stdout.write(
                f'Demo documents: {len(outcomes)} files, {stored} stored ({conflicts} with a symbol conflict), '
                f'{len(outcomes) - stored} unchanged'
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
        # Coordination fora of the same countries; their decisions name the workspaces' plan actions.
        try:
            fora = load_fora_demo(user=User.objects.get(username='editor'))
        except DataFileError as error:
            raise CommandError(f'Demo coordination fora refused: {error}') from error
        if options['verbosity']:
            self.stdout.write(f'Demo coordination fora: {summary(fora)}')
        # Partners' activities from the book.
        try:
            activities = load_activities_demo(user=User.objects.get(username='editor'))
        except DataFileError as error:
            raise CommandError(f'Demo coordination activities refused: {error}') from error
        if options['verbosity']:
            self.stdout.write(f'Demo coordination activities: {summary(activities)}')
        # Results frameworks: Liberia's plan, linked to its actions and to the partners' activities above.
        try:
            frameworks = load_monitoring_demo(user=User.objects.get(username='editor'))
        except DataFileError as error:
            raise CommandError(f'Demo results frameworks refused: {error}') from error
        if options['verbosity']:
            self.stdout.write(f'Demo results frameworks: {summary(frameworks)}')
        # Human rights due diligence in the DRC (the book's cases), written as the demo officer, forum and head
        # (before the survey and actuals, which the home page's recent changes then show first).
        try:
            safeguards = load_safeguards_demo()
        except DataFileError as error:
            raise CommandError(f'Demo due-diligence records refused: {error}') from error
        if options['verbosity']:
            self.stdout.write(f'Demo due diligence (COD): {summary(safeguards)}')
        if not options['without_volume']:
            self.import_volume(options['verbosity'])
        # The expert roster: fictitious demo experts and the support requests the book states.
        profiles, requests = load_roster_demo()
        if options['verbosity']:
            self.stdout.write(f'Demo roster: {profiles} fictitious expert profiles, {requests} support requests')
        # Context of the plans: country statistics (Gapminder) and UCDP conflict events of the demo countries.
        statistics, events = load_context_demo()
        if options['verbosity']:
            values = sum(report.added + report.revised for report in statistics)
            self.stdout.write(
                f'Demo context: {values} statistic values and {events.added + events.revised} UCDP events loaded'
            )
        # Monitoring, surveys: Liberia's public trust survey with generated answers, owned by the demo editor.
        survey, answers = load_surveys_demo(user=User.objects.get(username='editor'))
        if options['verbosity']:
            self.stdout.write(f'Demo survey: {survey.title}, {answers} generated answers')
        # Approved actuals of Liberia's framework (one computed from the survey): entered by the editor, approved by
        # the administrator (four eyes).
        try:
            actuals = load_actuals_demo(User.objects.get(username='editor'), User.objects.get(username='admin'))
        except DataFileError as error:
            raise CommandError(f'Demo actuals refused: {error}') from error
        if options['verbosity']:
            self.stdout.write(f'Demo actuals: {summary(actuals)}')

    def import_volume(self, verbosity: int) -> None:
        """Real partner data for volume: a D-Portal IATI export, and OCHA's Afghanistan 3W of 2024Q1 stored as
        activities (its unknown organisations created)."""
        iati = import_demo_iati()
        if iati.file_error:
            raise CommandError(f'Demo IATI file refused: {iati.file_error}')
        if verbosity:
            self.stdout.write(
                'Demo IATI file {file}: {read} activities read, {imported} imported, {updated} updated, {unchanged} '
                'unchanged, {refused} refused; {organisations_created} organisations created'.format(
                    file=iati.file, **iati.summary()
                )
            )
        if (threew := threew_demo()) is not None and verbosity:
            self.stdout.write(
                f'Demo 3W (Afghanistan 2024Q1): {threew.created} activities created, {threew.updated} updated, '
                f'{threew.unchanged} unchanged; {threew.organisations_created} organisations created'
            )


def add_demo_options(parser) -> None:
    """The ``--corpus-years`` and ``--without-volume`` options, shared with ``ssrhub setup --demo``."""
    parser.add_argument(
        '--corpus-years',
        type=_years_argument,
        default=None,
        metavar='FIRST-LAST',
        help='Ingest only the corpus resolutions of these years (e.g. 1991-1994); by default all of 1946-1994.',
    )
    parser.add_argument(
        '--without-volume',
        action='store_true',
        help="Leave out the real IATI and 3W files imported for volume (about 11,000 activities): the tests' demo.",
    )


def demo_options(corpus_years: tuple[int, int] | None, without_volume: bool) -> list[str]:
    """The command-line form of the demo options, for ``setup`` to pass on."""
    years = ['--corpus-years', '-'.join(map(str, corpus_years))] if corpus_years else []
    return years + (['--without-volume'] if without_volume else [])


def _years_argument(value: str) -> tuple[int, int]:
    try:
        return corpus_years(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
