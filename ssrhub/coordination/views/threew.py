"""The 3W (HXL) import page of a country: upload a table, read the preview (columns, counts, refused rows, the
organisations and sectors it names with their candidates), then confirm which unknown organisation is an existing
one (its spelling becomes another name of it) and which to create. ``hxl3w/`` reads and matches; nothing is
written before the confirmation, which applies every decision in one transaction."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ssrhub.core.access import can
from ssrhub.core.views.generic import CountryScopedView

from ..forms.threew import ThreeWConfirmForm, ThreeWImportForm
from ..hxl3w import matrix
from ..hxl3w.errors import HxlError
from ..hxl3w.preview import MAX_ISSUES, preview
from ..hxl3w.reading import open_table
from ..hxl3w.rows import map_columns
from ..hxl_import import add_alias, create_unknown_values, organisation_matcher, sector_matcher
from ..models import Organisation

__all__ = ['ThreeWImportView']

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
    tab = 'overview'
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
        try:
            result = self.read(form)
        except HxlError as error:
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
            {'country': self.country.pk, 'user': request.user.pk, 'file': form.filename, 'unknown': unknown},
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
            confirm_form=ThreeWConfirmForm(initial={'token': token}) if unknown else None,
            max_issues=MAX_ISSUES,
            heat=heat_table(result.rows),
        )

    def read(self, form):
        """Preview the upload, written to a temporary file that is removed at once."""
        upload = form.cleaned_data['file']
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / 'table'
            with open(path, 'wb') as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            table = open_table(
                path,
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
        if not payload or payload['country'] != self.country.pk or payload['user'] != request.user.pk:
            message = _('This preview has expired or is not valid. Upload the file again.')
            return self.render_page(ThreeWImportForm(), status=400, page_error=message)
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
                aliases.append((organisation, item['value']))
        with transaction.atomic():
            confirmed = sum(add_alias(organisation, value) for organisation, value in aliases)
            created = create_unknown_values(new, source=payload['file'])
        messages.success(
            request,
            _('%(file)s: %(aliases)s other names confirmed, %(created)s organisations created.')
            % {'file': payload['file'], 'aliases': confirmed, 'created': len(created)},
        )
        return redirect('coordination:threew_import', iso3=self.country.iso3)


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
