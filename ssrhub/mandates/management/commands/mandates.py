import csv
import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ssrhub.coding.codebook import PEMA_TASKS
from ssrhub.coding.pema import PEMA_COLUMN_MODALITIES, SSR_FAMILY_TASKS, read_labels
from ssrhub.framework.models import Mission
from ssrhub.mandates.carry_eval import evaluate_crsv_carry
from ssrhub.mandates.inforce import mandate_in_force
from ssrhub.mandates.pematable import ROW_HEADINGS, compare_with_pema, pema_columns
from ssrhub.mandates.queries import mission_acts, mission_carry, pema_table_rows, resolution_paragraphs

SHARED_DATA = settings.BASE_DIR.parent / 'shared' / 'data'
PEMA_NAMES = {'UNOMOZ': 'ONUMOZ'}  # PEMA's spelling -> ours


class Command(BaseCommand):
    help = 'Mandate analytics: the mandate in force, PEMA-shaped tables and their agreement with PEMA.'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        in_force = actions.add_parser('in-force', help='The coded tasks in force for a mission on a date.')
        in_force.add_argument('--mission', required=True, help='Mission acronym, e.g. UNTAC.')
        in_force.add_argument('--date', type=date.fromisoformat, default=date.today(), help='YYYY-MM-DD')
        in_force.add_argument('--format', choices=('json', 'csv', 'text'), default='text')
        table = actions.add_parser('pema-table', help='One row per resolution, PEMA task x modality columns.')
        table.add_argument('--mission', action='append', help='Only these missions (repeatable).')
        table.add_argument('--format', choices=('csv', 'json'), default='csv')
        carry = actions.add_parser('carry', help='Carry-forward along a mission track: shares, links, formulaic tasks.')
        carry.add_argument('--mission', required=True, help='Mission acronym, e.g. UNPROFOR.')
        carry.add_argument('--paragraphs', action='store_true', help='One row per paragraph instead of per resolution.')
        carry.add_argument('--format', choices=('csv', 'json'), default='csv')
        crsv = actions.add_parser('carry-agreement', help='Agreement of carry-forward links with the CRSV dataset.')
        crsv.add_argument('--crsv', type=Path, default=SHARED_DATA / 'crsv' / 'crsv-paragraphs-v2026.09.csv')
        agreement = actions.add_parser('agreement', help='Agreement of the mandate in force with PEMA labels.')
        agreement.add_argument('--labels', type=Path, default=SHARED_DATA / 'pema' / 'pema-v4-dev.csv')
        agreement.add_argument('--format', choices=('text', 'csv', 'json'), default='text')

    def handle(self, *args, action, **options):
        if action == 'in-force':
            self._in_force(_mission(options['mission']), options['date'], options['format'])
        elif action == 'pema-table':
            self._pema_table(options['mission'], options['format'])
        elif action == 'carry':
            resolutions, paragraphs = mission_carry(_mission(options['mission']))
            rows = paragraphs if options['paragraphs'] else resolutions
            if options['format'] == 'json':
                self.stdout.write(json.dumps(rows, indent=2))
            elif rows:
                self._write_csv(rows, list(rows[0]))
        elif action == 'carry-agreement':
            if not options['crsv'].is_file():
                raise CommandError(f'{options["crsv"]} not found.')
            self.stdout.write(evaluate_crsv_carry(options['crsv']).as_text())
        else:
            self._agreement(options['labels'], options['format'])

    def _in_force(self, mission, on: date, fmt: str):
        tasks = [task.as_dict() for task in mandate_in_force(mission_acts(mission), on, closes=mission.end)]
        if fmt == 'json':
            closed = bool(mission.end and on > mission.end)
            payload = {'mission': mission.acronym, 'date': on.isoformat(), 'closed': closed}
            self.stdout.write(json.dumps({**payload, 'tasks': tasks}, indent=2))
        elif fmt == 'csv':
            self._write_csv(tasks, ['code', 'modality', 'symbol', 'paragraphs', 'since', 'current', 'citation'])
        else:
            self.stdout.write(f'{mission.acronym} on {on.isoformat()}: {len(tasks)} tasks in force')
            for task in tasks:
                self.stdout.write(f'  {task["code"]:<32} {task["modality"]:<10} {task["citation"]}')

    def _pema_table(self, acronyms, fmt: str):
        rows = pema_table_rows(Mission.objects.filter(acronym__in=acronyms) if acronyms else Mission.objects.all())
        if fmt == 'json':
            self.stdout.write(json.dumps(rows, indent=2))
        else:
            self._write_csv(rows, [*ROW_HEADINGS, *pema_columns(sorted(PEMA_TASKS), PEMA_COLUMN_MODALITIES)])

    def _agreement(self, labels_csv: Path, fmt: str):
        if not labels_csv.is_file():
            raise CommandError(f'{labels_csv} not found.')
        labels = read_labels(labels_csv)
        mission_of = _pema_missions(labels_csv)
        missions = Mission.objects.filter(acronym__in=set(mission_of.values()))
        rows = {
            row['Signature']: row
            for row in pema_table_rows(missions)
            if mission_of.get(row['Signature']) == row['NamePKO']
        }
        report = compare_with_pema(rows, labels, SSR_FAMILY_TASKS, resolution_paragraphs())
        if fmt == 'text':
            self.stdout.write(report.as_text())
        elif fmt == 'json':
            self.stdout.write(json.dumps(report.as_rows(), indent=2))
        else:
            rows = report.as_rows()
            self._write_csv(rows, list(rows[0]))

    def _write_csv(self, rows, columns):
        writer = csv.DictWriter(self.stdout, fieldnames=columns, lineterminator='\n', extrasaction='ignore')
        writer.writeheader()
        for row in rows:
            writer.writerow({key: '; '.join(value) if isinstance(value, list) else value for key, value in row.items()})


def _mission(acronym: str) -> Mission:
    mission = Mission.objects.filter(acronym__iexact=acronym).first()
    if mission is None:
        raise CommandError(f'No mission {acronym!r}; see `ssrhub framework export` or /framework/missions/.')
    return mission


def _pema_missions(labels_csv: Path) -> dict[str, str]:
    """Resolution -> the acronym of the mission PEMA files it under (in our spelling)."""
    with labels_csv.open(encoding='utf-8', newline='') as handle:
        names = {row['Signature'].strip(): row['NamePKO'].strip() for row in csv.DictReader(handle)}
    return {signature: PEMA_NAMES.get(name, name) for signature, name in names.items()}
