import csv
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ssrhub.coordination.hxl3w import matrix
from ssrhub.coordination.hxl3w.errors import HxlError, RowIssue
from ssrhub.coordination.hxl3w.export import write_hxl_csv
from ssrhub.coordination.hxl3w.matrix import DIMENSIONS
from ssrhub.coordination.hxl3w.preview import preview
from ssrhub.coordination.hxl3w.reading import list_sheets, open_table
from ssrhub.coordination.hxl3w.rows import map_columns, parse_period, read_rows
from ssrhub.coordination.hxl_import import create_unknown, organisation_matcher, sector_matcher
from ssrhub.coordination.threew_store import store_rows
from ssrhub.core.models import Country

SHOWN = 25  # unknown values and refused rows printed in full; the rest are counted


class Command(BaseCommand):
    help = 'Who-does-what-where (3W) tables with HXL hashtags (docs/hxl.md).'

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        sheets = actions.add_parser('sheets', help="The sheets of a workbook and the row of each one's hashtags.")
        sheets.add_argument('path')
        read = actions.add_parser('import', help='Read a 3W table (CSV or XLSX), match its organisations and sectors.')
        read.add_argument('path')
        read.add_argument('--sheet', help='The sheet to read, when several carry hashtags.')
        read.add_argument('--dry-run', action='store_true', help='Print what would be done; write nothing.')
        read.add_argument(
            '--create-unknown', action='store_true', help='Create the organisations no existing one matches exactly.'
        )
        read.add_argument('--country', help='ISO alpha-3 code of the country the table is about, e.g. AFG.')
        read.add_argument('--period', help='Period of rows without dates: 2024Q1, 2024-03, 2024-01..2024-06.')
        read.add_argument(
            '--hashtags-from-titles',
            action='store_true',
            help='Read a table without hashtags with the hashtag row its column titles suggest.',
        )
        read.add_argument('--format', choices=('text', 'json'), default='text')
        read.add_argument('--language', choices=[code for code, _name in settings.LANGUAGES], default='en')
        read.add_argument('--export', help='Also write the accepted rows, without duplicates, as HXL CSV to this file.')
        count = actions.add_parser('matrix', help='The 3W matrix of a table: rows counted by two dimensions.')
        count.add_argument('path')
        count.add_argument('--sheet')
        count.add_argument('--period', help='Period of rows without dates, as for import.')
        count.add_argument('--hashtags-from-titles', action='store_true')
        count.add_argument('--rows', choices=sorted(DIMENSIONS), default='organisation')
        count.add_argument('--columns', choices=sorted(DIMENSIONS), default='sector')
        for name in sorted(DIMENSIONS):
            count.add_argument(
                f'--only-{name.replace("_", "-")}', dest=f'only_{name}', help=f'Only rows of this {name}.'
            )
        count.add_argument('--language', choices=[code for code, _name in settings.LANGUAGES], default='en')

    def handle(self, *args, action, **options):
        with translation.override(options.get('language') or 'en'):
            try:
                if action == 'sheets':
                    self._sheets(options['path'])
                elif action == 'matrix':
                    self._matrix(options)
                else:
                    self._import(options)
            except HxlError as error:
                raise CommandError(error.message(_)) from error

    def _sheets(self, path):
        for sheet in list_sheets(path):
            if sheet.hashtag_row:
                self.stdout.write(_('%(sheet)s: hashtag row %(row)s') % {'sheet': sheet.name, 'row': sheet.hashtag_row})
            else:
                self.stdout.write(_('%(sheet)s: no hashtag row') % {'sheet': sheet.name})

    def _import(self, options):
        country = None
        if options['country']:
            country = Country.objects.filter(iso3__iexact=options['country']).first()
            if country is None:
                raise CommandError(
                    _('No country %(code)s: give an ISO alpha-3 code, such as LBR.') % {'code': options['country']}
                )
        period = _period(options['period'])
        table = open_table(
            options['path'], sheet=options['sheet'], hashtags_from_titles=options['hashtags_from_titles']
        )
        mapping = map_columns(table)
        result = preview(
            table,
            mapping,
            organisation_matcher(),
            sector_matcher(),
            default_period=period,
            keep_rows=bool(options['export']),
        )
        if options['export']:
            with open(options['export'], 'w', encoding='utf-8', newline='') as stream:
                write_hxl_csv(result.rows, stream)
        created, stored = [], None
        if country is not None:

            def decisions(report):
                if options['create_unknown']:
                    created.extend(create_unknown(result, source=table.file))
                    report.organisations_created = len(created)

            stored = store_rows(result, country, file_name=table.file, dry_run=options['dry_run'], before=decisions)
            if options['dry_run']:
                created.clear()
        elif options['create_unknown'] and not options['dry_run']:
            created = create_unknown(result, source=table.file)
        if options['format'] == 'json':
            data = _as_json(result, created, country, options['dry_run'])
            data['stored'] = stored.as_dict() if stored else None
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self._text(result, created, country, options['dry_run'], stored)

    def _matrix(self, options):
        period = _period(options['period'])
        table = open_table(
            options['path'], sheet=options['sheet'], hashtags_from_titles=options['hashtags_from_titles']
        )
        rows = [
            item
            for item in read_rows(table, map_columns(table), default_period=period)
            if not isinstance(item, RowIssue)
        ]
        wanted = {name: options[f'only_{name}'] for name in DIMENSIONS}
        counted = matrix.build(matrix.filter_rows(rows, **wanted), options['rows'], options['columns'])
        writer = csv.writer(self.stdout, lineterminator='\n')
        writer.writerow([f'{counted.row_dimension} / {counted.column_dimension}', *counted.columns, _('Total')])
        for label in counted.rows:
            cells = [counted.count(label, column) or '' for column in counted.columns]
            writer.writerow([label, *cells, counted.row_totals[label]])
        writer.writerow([_('Total'), *(counted.column_totals[column] for column in counted.columns), counted.total])

    def _text(self, result, created, country, dry_run, stored=None):
        table = result.table
        write = self.stdout.write
        where = f'{table.file} [{table.sheet}]' if table.sheet else table.file
        write(
            _('%(file)s: hashtag row %(row)s%(titles)s')
            % {
                'file': where,
                'row': table.hashtag_row,
                'titles': _(' (from the column titles)') if table.tagged_from_titles else '',
            }
        )
        if country is not None:
            write(_('Country: %(country)s') % {'country': country.iso3})
        write('')
        write(_('Columns (column -> hashtag -> field):'))
        for column, field in result.mapping.rows():
            write(
                f'  {column.header or "-"} -> {column.hashtag or "-"} -> {_(field.label) if field else _("not read")}'
            )
        write('')
        write(
            _('Rows read: %(read)s; accepted: %(accepted)s; refused: %(refused)s; duplicates: %(duplicates)s.')
            % {
                'read': result.read,
                'accepted': result.accepted,
                'refused': result.refused,
                'duplicates': result.duplicates,
            }
        )
        periods = ', '.join(period or _('no period') for period in sorted(result.periods))
        write(_('Periods: %(periods)s') % {'periods': periods or '-'})
        self._matches(_('Organisations'), result.organisations, result.unknown_organisations)
        self._matches(_('Sectors (framework areas and components)'), result.sectors, result.unknown_sectors)
        if result.issues:
            write('')
            write(_('Rows refused or repeated:'))
            for issue in result.issues[:SHOWN]:
                write(f'  {issue.message(_)}')
            rest = result.read - result.accepted - min(len(result.issues), SHOWN)
            if rest > 0:
                write('  ' + ngettext('and %(count)s more', 'and %(count)s more', rest) % {'count': rest})
        write('')
        if created:
            write(
                ngettext('Created %(count)s organisation:', 'Created %(count)s organisations:', len(created))
                % {'count': len(created)}
            )
            for organisation in created[:SHOWN]:
                write(f'  {organisation.name} ({organisation.acronym or "-"})')
        if stored is not None:
            self._stored(stored)
        if dry_run:
            write(_('Dry run: nothing was written.'))
        elif stored is None:
            write(_('Without --country the rows are not stored as activities: only organisations were written.'))

    def _stored(self, report):
        write = self.stdout.write
        if report.dry_run:
            write(
                _(
                    'Activities that would be stored: %(created)s new, %(updated)s updated, %(unchanged)s unchanged; '
                    '%(areas)s administrative areas would be created.'
                )
                % {
                    'created': report.created,
                    'updated': report.updated,
                    'unchanged': report.unchanged,
                    'areas': report.areas_created,
                }
            )
        else:
            write(
                _(
                    'Activities stored: %(created)s created, %(updated)s updated, %(unchanged)s unchanged; '
                    '%(areas)s administrative areas created.'
                )
                % {
                    'created': report.created,
                    'updated': report.updated,
                    'unchanged': report.unchanged,
                    'areas': report.areas_created,
                }
            )
        if report.left_out:
            write(
                _(
                    'Left out: %(rows)s rows of %(count)s organisations that are not known (confirm or create them: '
                    '--create-unknown).'
                )
                % {'rows': report.left_out_rows, 'count': len(report.left_out)}
            )
            for name, rows in report.left_out.most_common(SHOWN):
                write(
                    '  '
                    + ngettext('%(name)s: %(count)s row', '%(name)s: %(count)s rows', rows)
                    % {'name': name, 'count': rows}
                )

    def _matches(self, title, matches, unknown):
        write = self.stdout.write
        write('')
        write(
            _('%(title)s: %(count)s, of which %(unknown)s unknown.')
            % {'title': title, 'count': len(matches), 'unknown': len(unknown)}
        )
        for match in unknown[:SHOWN]:
            candidates = '; '.join(f'{candidate.label} ({candidate.score:.0f})' for candidate in match.candidates)
            write(
                _('  %(value)s (%(rows)s rows): %(candidates)s')
                % {'value': match.value, 'rows': match.rows, 'candidates': candidates or _('no candidate')}
            )
        if len(unknown) > SHOWN:
            write(
                '  '
                + ngettext('and %(count)s more', 'and %(count)s more', len(unknown) - SHOWN)
                % {'count': len(unknown) - SHOWN}
            )


def _period(text):
    if not text:
        return ('', '')
    try:
        return parse_period(text)
    except ValueError as error:
        raise CommandError(
            _('"%(period)s" is not a period: write 2024Q1, 2024-03 or 2024-01..2024-06.') % {'period': text}
        ) from error


def _as_json(result, created, country, dry_run):
    table = result.table

    def match(item):
        return {
            'value': item.value,
            'rows': item.rows,
            'known': item.exact.label if item.exact else None,
            'candidates': [{'label': c.label, 'score': c.score} for c in item.candidates],
        }

    return {
        'file': table.file,
        'sheet': table.sheet,
        'hashtag_row': table.hashtag_row,
        'hashtags_from_titles': table.tagged_from_titles,
        'country': country.iso3 if country else None,
        'columns': [
            {'column': column.header, 'hashtag': column.hashtag, 'field': field.name if field else None}
            for column, field in result.mapping.rows()
        ],
        'rows': {
            'read': result.read,
            'accepted': result.accepted,
            'refused': result.refused,
            'duplicates': result.duplicates,
        },
        'periods': dict(result.periods),
        'organisations': [match(item) for item in result.organisations],
        'sectors': [match(item) for item in result.sectors],
        'issues': [{'row': issue.row, 'code': issue.code, 'message': issue.message(_)} for issue in result.issues],
        'created': [organisation.name for organisation in created],
        'dry_run': dry_run,
    }
