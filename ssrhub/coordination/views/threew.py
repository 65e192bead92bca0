"""The 3W (HXL) import page of a country: upload a table, read the preview (columns, counts, refused rows, the
organisations and sectors it names with their candidates), then confirm which unknown organisation is an existing
one (its spelling becomes another name of it) and which to create, and apply: a Celery task (inline in the embedded
mode) applies every decision and stores the rows as activities in one transaction; the import's page follows it.
``hxl3w/`` reads and matches, ``threew_store`` writes; nothing but the uploaded file is kept before the person
applies."""

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ssrhub.core.access import can, can_in_country
from ssrhub.core.views.generic import CountryScopedView

from ..forms.threew import ThreeWConfirmForm, ThreeWImportForm
from ..hxl3w import matrix
from ..hxl3w.errors import HxlError
from ..hxl3w.preview import MAX_ISSUES, preview
from ..hxl3w.reading import open_table
from ..hxl3w.rows import map_columns
from ..hxl_import import organisation_matcher, sector_matcher
from ..models import Activity, Organisation, ThreeWImport, ThreeWStatus
from ..tasks import import_threew_task

__all__ = ['ThreeWImportStatusView', 'ThreeWImportView']

IMPORT_SALT = 'ssrhub.coordination.hxl_import'
IMPORT_TOKEN_MAX_AGE = 60 * 60
SHOWN_ISSUES = 50
MATRIX_ORGANISATIONS = 15  # the preview's heat table shows the organisations with the most rows
NEW, LATER = 'new', ''


class ThreeWImportView(CountryScopedView):
    """Upload a 3W table: a preview (nothing written), then the person's decisions on unknown organisations."""

    # The page reads organisations through restrict() below; the model decides who may use it (add organisations).
    queryset = None
    model = Organisation
    action = 'add'
    tab = '3w'
    template_name = 'coordination/hxl_import.html'

    def render_page(self, form, status=200, **extra):
        return render(self.request, self.template_name, self.country_context(form=form, **extra), status=status)

    def get(self, request):
        return self.render_page(ThreeWImportForm())

    def post(self, request):
        if 'token' in request.POST:
            return self.confirm(request)
        form = ThreeWImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form, status=400)
        record = self.keep(form)
        try:
            result = self.read(form, record)
        except HxlError as error:
            record.file.delete(save=False)
            record.delete()
            form.add_error('file', error.message(_))
            return self.render_page(form, status=400)
        unknown = [
            {
                'value': match.value,
                'rows': match.rows,
                'acronym': result.details.get(match.value, ('', ''))[0],
                'type': result.details.get(match.value, ('', ''))[1],
                'candidates': [[candidate.id, candidate.label, candidate.score] for candidate in match.candidates],
            }
            for match in result.unknown_organisations
        ]
        token = signing.dumps(
            {
                'country': self.country.pk,
                'user': request.user.pk,
                'file': form.filename,
                'import': record.pk,
                'unknown': unknown,
            },
            salt=IMPORT_SALT,
            compress=True,
        )
        return self.render_page(
            ThreeWImportForm(),
            result=result,
            filename=form.filename,
            mapping=[(column, _(field.label) if field else '') for column, field in result.mapping.rows()],
            issues=[(issue.row, issue.message(_)) for issue in result.issues[:SHOWN_ISSUES]],
            more_issues=max(result.read - result.accepted - SHOWN_ISSUES, 0),
            unknown=list(enumerate(unknown)),
            known=[match for match in result.organisations if match.known],
            confirm_form=ThreeWConfirmForm(initial={'token': token}),
            may_store=can_in_country(request.user, 'add', Activity, self.country),
            max_issues=MAX_ISSUES,
            heat=heat_table(result.rows),
        )

    def keep(self, form) -> ThreeWImport:
        """The upload kept until the person applies it (a refused file is removed at once)."""
        upload = form.cleaned_data['file']
        start, end = form.cleaned_data['period']
        record = ThreeWImport(
            country=self.country,
            name=form.filename[:255],
            uploaded_by=self.request.user,
            sheet=form.cleaned_data['sheet'],
            period_start=start,
            period_end=end,
            hashtags_from_titles=form.cleaned_data['hashtags_from_titles'],
        )
        record.file.save(form.filename, upload, save=False)
        record.save()
        return record

    def read(self, form, record: ThreeWImport):
        """Preview the kept upload."""
        table = open_table(
            record.file.path,
            name=form.filename,
            sheet=form.cleaned_data['sheet'] or None,
            hashtags_from_titles=form.cleaned_data['hashtags_from_titles'],
        )
        visible = Organisation.objects.restrict(self.request.user, 'view')
        return preview(
            table,
            map_columns(table),
            organisation_matcher(visible),
            sector_matcher(),
            default_period=form.cleaned_data['period'],
            keep_rows=True,
        )

    def confirm(self, request):
        form = ThreeWConfirmForm(request.POST)
        try:
            payload = signing.loads(form.data.get('token', ''), salt=IMPORT_SALT, max_age=IMPORT_TOKEN_MAX_AGE)
        except signing.BadSignature:
            payload = None
        record = (
            ThreeWImport.objects.filter(
                pk=payload.get('import'), country=self.country, status=ThreeWStatus.PREVIEWED
            ).first()
            if payload
            else None
        )
        if record is None or payload['country'] != self.country.pk or payload['user'] != request.user.pk:
            message = _('This preview has expired or is not valid. Upload the file again.')
            return self.render_page(ThreeWImportForm(), status=400, page_error=message)
        if not can_in_country(request.user, 'add', Activity, self.country):
            raise PermissionDenied
        changeable = Organisation.objects.restrict(request.user, 'change')
        aliases, new = [], []
        for index, item in enumerate(payload['unknown']):
            choice = request.POST.get(f'org-{index}', LATER)
            if choice == NEW:
                new.append(item)
            elif choice != LATER:
                allowed = {str(candidate[0]) for candidate in item['candidates']}
                organisation = changeable.filter(pk=choice).first() if choice in allowed else None
                if organisation is None or not can(request.user, 'change', organisation):
                    message = _('"%(value)s" cannot be matched to that organisation. Upload the file again.') % {
                        'value': item['value']
                    }
                    return self.render_page(ThreeWImportForm(), status=400, page_error=message)
                aliases.append([organisation.pk, item['value']])
        record.decisions = {
            'aliases': aliases,
            'new': [{key: item.get(key, '') for key in ('value', 'acronym', 'type')} for item in new],
        }
        record.status = ThreeWStatus.QUEUED
        with transaction.atomic():
            record.save(update_fields=['decisions', 'status', 'last_updated'])
        transaction.on_commit(lambda: import_threew_task.delay(record.pk))
        return redirect(record.get_absolute_url())


class ThreeWImportStatusView(CountryScopedView):
    """A 3W import of the country: its progress while it runs, then what it did (activities created, updated,
    unchanged; rows left out and why)."""

    queryset = ThreeWImport.objects.select_related('uploaded_by', 'country')
    model = ThreeWImport
    action = 'view'
    tab = '3w'
    template_name = 'coordination/threew_import_status.html'

    def get(self, request, pk):
        record = get_object_or_404(self.queryset.restrict(request.user, 'view'), pk=pk, country=self.country)
        report = record.report or {}
        file_error = report.get('file_error')
        return render(
            request,
            self.template_name,
            self.country_context(
                object=record,
                report=report,
                running=record.status in (ThreeWStatus.QUEUED, ThreeWStatus.RUNNING),
                file_error=HxlError(file_error['code'], **file_error['params']).message(_) if file_error else '',
                percent=round(100 * record.progress / record.total) if record.total else 0,
            ),
        )


def heat_table(rows) -> dict:
    """The 3W matrix of the previewed rows, organisation x sector, for a heat table: the organisations with the most
    rows, each cell's count and shade (0 empty to 4 largest), with totals."""
    counted = matrix.build(rows, 'organisation', 'sector')
    shown = counted.rows[:MATRIX_ORGANISATIONS]
    return {
        'columns': counted.columns,
        'rows': [
            (
                label,
                [(counted.count(label, column), _shade(counted.heat(label, column))) for column in counted.columns],
                counted.row_totals[label],
            )
            for label in shown
        ],
        'column_totals': [counted.column_totals[column] for column in counted.columns],
        'total': counted.total,
        'hidden': len(counted.rows) - len(shown),
    }


def _shade(share: float) -> int:
    return 0 if share == 0 else min(4, 1 + int(share * 4))
