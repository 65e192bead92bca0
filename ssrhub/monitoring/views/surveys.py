"""Survey pages of a country workspace (``/countries/<ISO3>/workspace/surveys/``): the list, a survey with its
versions and submissions, the XLSForm upload, publishing, the downloads for KoboToolbox and ODK, the in-app web form,
the import of answer files (preview, then a Celery task, inline in the embedded mode), the formula preview and its
result stored as an indicator's draft actual report (``survey_actuals.py``), and the survey's history.

Answers that identify a person are masked for anyone who is not an owner of the survey: on the survey page, a
submission's page, the CSV download, the formula page and the API alike (``Submission.visible_answers()``)."""

import csv
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ssrhub.core.access import can_in_country
from ssrhub.core.views.generic import (
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectView,
    CountryScopedView,
)

from .. import formula as formulas
from .. import webform
from ..forms.surveys import AnswerImportForm, FormulaForm, SurveyActualForm, SurveyForm, XLSFormUploadForm
from ..messages import feature_text, form_error_text, formula_error_text, issue_text, problem_text
from ..models import (
    MASK,
    ActualReport,
    Submission,
    SubmissionSource,
    Survey,
    SurveyImport,
    SurveyImportStatus,
    SurveyVersion,
    mask,
)
from ..store import layout_of
from ..survey_actuals import SurveyActualRefused, store_survey_actual, survey_names, survey_result
from ..survey_import import KOBO, ImportError_, open_answers
from ..tasks import import_answers_task
from ..xlsform import FormError, read_form, walk

__all__ = [
    'SubmissionCSVView',
    'SubmissionView',
    'SurveyActualView',
    'SurveyEditView',
    'SurveyFormulaView',
    'SurveyHistoryView',
    'SurveyImportStatusView',
    'SurveyImportView',
    'SurveyListView',
    'SurveyVersionFileView',
    'SurveyVersionPublishView',
    'SurveyVersionUploadView',
    'SurveyView',
    'WebFormView',
]

TAB = 'surveys'
PER_PAGE = 50
SHOWN_COLUMNS = 8
# Not answers to show as questions: structure, notes, and the metadata the collecting device fills (start, end, today;
# the CSV download keeps them).
SHOWN_APART = ('group', 'repeat', 'note', 'start', 'end', 'today')


def _language() -> str:
    return (get_language() or 'en')[:2]


class SurveyScopedMixin:
    """A page about one survey of the country (``survey`` in the URL), read through ``restrict()``."""

    tab = TAB

    def get_survey(self, request, pk) -> Survey:
        found = Survey.objects.restrict(request.user, 'view').filter(country=self.country, pk=pk).first()
        if found is None:
            raise Http404
        return found


def _question_columns(version: SurveyVersion) -> list[tuple[str, str]]:
    """(name, label) of the questions outside repeats, in the form's order."""
    columns = []
    for question, repeat in walk(version.structure.get('questions', [])):
        if not repeat and question['type'] not in SHOWN_APART:
            columns.append((question['name'], webform.text_in(question['label'], _language()) or question['name']))
    return columns


def _choice_labels(version: SurveyVersion) -> dict[str, dict[str, str]]:
    """Question name -> choice name -> its label in the page's language."""
    choices = version.structure.get('choices', {})
    labels = {}
    for question, _repeat in walk(version.structure.get('questions', [])):
        if question['list']:
            labels[question['name']] = {
                choice['name']: webform.text_in(choice['label'], _language()) or choice['name']
                for choice in choices.get(question['list'], [])
            }
    return labels


def _shown(value, labels: dict[str, str]) -> str:
    """An answer as the table shows it: a choice's label (a select_multiple's labels joined), else the answer."""
    if not labels or not isinstance(value, str) or value == MASK:
        return value
    return ', '.join(labels.get(item, item) for item in value.split())


class SurveyListView(CountryScopedView):
    """The country's surveys: their status, versions, submissions and last answer."""

    queryset = Survey.objects.all()
    tab = TAB
    template_name = 'monitoring/surveys/survey_list.html'

    def get(self, request):
        surveys = (
            self.get_queryset(request)
            .annotate(submission_count=Count('submissions', distinct=True), last_answer=Max('submissions__created'))
            .annotate(version_count=Count('versions', distinct=True))
        )
        return render(request, self.template_name, self.country_context(surveys=surveys))


class SurveyEditView(CountryObjectEditView):
    """Add or change a survey; the person who adds one is its first owner."""

    queryset = Survey.objects.all()
    form = SurveyForm
    tab = TAB
    template_name = 'monitoring/surveys/survey_form.html'

    def new_object(self, request, **kwargs):
        return Survey(country=self.country)

    def save(self, form):
        adding = form.instance._state.adding
        saved = form.save()
        if adding:
            saved.owners.add(self.request.user)
        return saved


class SurveyView(CountryObjectView):
    """A survey: its versions (publish, downloads), the web form and import links, its submissions."""

    queryset = Survey.objects.prefetch_related('owners')
    tab = TAB
    template_name = 'monitoring/surveys/survey.html'

    def get_extra_context(self, request, survey) -> dict:
        owner = survey.is_owner(request.user)
        versions = list(survey.versions.select_related('uploaded_by'))
        published = survey.published_version
        submissions = Submission.objects.restrict(request.user).filter(survey=survey).select_related('version')
        page = Paginator(submissions, PER_PAGE).get_page(request.GET.get('page'))
        shown_version = published or (versions[0] if versions else None)
        columns = _question_columns(shown_version)[:SHOWN_COLUMNS] if shown_version else []
        labels = _choice_labels(shown_version) if shown_version else {}
        rows = [
            (submission, [_shown(submission.visible_answers(owner).get(name, ''), labels.get(name, {}))
                          for name, _label in columns])
            for submission in page
        ]  # fmt: skip
        return {
            'versions': [(version, [feature_text(item) for item in version.unsupported]) for version in versions],
            'published': published,
            'owner': owner,
            'columns': columns,
            'rows': rows,
            'page': page,
            'can_change_survey': self.may('change'),
            'can_collect': self.may('add', Submission),
            'can_import': self.may('add', SurveyImport),
            'can_upload': self.may('add', SurveyVersion),
            'imports': survey.imports.exclude(status=SurveyImportStatus.PREVIEWED)[:5],
        }


class SurveyHistoryView(CountryObjectHistoryView):
    """Every change of a survey (title, description, status, owners) and of its form versions and imports."""

    queryset = Survey.objects.all()
    tab = TAB


class SurveyVersionUploadView(SurveyScopedMixin, CountryScopedView):
    """Upload an XLSForm as a new version: converted and validated, or refused with pyxform's message on the row it
    names, nothing written."""

    queryset = SurveyVersion.objects.all()
    action = 'add'
    template_name = 'monitoring/surveys/version_upload.html'

    def render_page(self, survey, form, status=200, **extra):
        return render(
            self.request, self.template_name, self.country_context(survey=survey, form=form, **extra), status=status
        )

    def get(self, request, survey):
        return self.render_page(self.get_survey(request, survey), XLSFormUploadForm())

    def post(self, request, survey):
        survey = self.get_survey(request, survey)
        form = XLSFormUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(survey, form, status=400)
        upload = form.cleaned_data['file']
        data = upload.read()
        try:
            read = read_form(data)
        except FormError as error:
            return self.render_page(
                survey, form, status=400, form_error=form_error_text(error), error_row=error.params.get('row')
            )
        if survey.versions.filter(version=read.version).exists():
            form.add_error(
                'file',
                _(
                    'This survey already has a form with the version "%(version)s": change the '
                    'version on the settings sheet.'
                )
                % {'version': read.version},
            )
            return self.render_page(survey, form, status=400)
        name = Path(upload.name).name
        version = SurveyVersion(
            survey=survey,
            file_name=name[:255],
            form_id=read.form_id[:100],
            version=read.version[:100],
            title=read.title[:255],
            xform=read.xform,
            structure={'questions': read.questions, 'choices': read.choices},
            languages=read.languages,
            features=read.features,
            unsupported=read.unsupported,
            identifying=read.identifying,
            warnings=read.warnings,
            validated=read.validated,
            web_form=read.web_form,
            uploaded_by=request.user,
        )
        with transaction.atomic():
            upload.seek(0)
            version.file.save(name, upload, save=False)
            version.save()
        messages.success(request, _('Version %(version)s of the form is stored.') % {'version': version.version})
        return redirect(survey.get_absolute_url())


class SurveyVersionPublishView(SurveyScopedMixin, CountryScopedView):
    """Publish a version (POST): the web form and imports then use it."""

    queryset = SurveyVersion.objects.all()
    action = 'change'

    def post(self, request, survey, pk):
        survey = self.get_survey(request, survey)
        version = get_object_or_404(self.get_queryset(request), survey=survey, pk=pk)
        with transaction.atomic():
            version.published_at = timezone.now()
            version.save(update_fields=['published_at', 'last_updated'])
        messages.success(request, _('Version %(version)s is published.') % {'version': version.version})
        return redirect(survey.get_absolute_url())


class SurveyVersionFileView(SurveyScopedMixin, CountryScopedView):
    """Download a version's XLSForm (for KoboToolbox) or XForm XML (for ODK Central)."""

    queryset = SurveyVersion.objects.all()

    def get(self, request, survey, pk, kind):
        if kind not in ('xlsx', 'xml'):
            raise Http404
        survey = self.get_survey(request, survey)
        version = get_object_or_404(self.get_queryset(request), survey=survey, pk=pk)
        stem = slugify(f'{version.form_id}-{version.version}') or 'form'
        if kind == 'xml':
            response = HttpResponse(version.xform, content_type='application/xml; charset=utf-8')
            response['Content-Disposition'] = f'attachment; filename="{stem}.xml"'
            return response
        with version.file.open('rb') as handle:
            response = HttpResponse(
                handle.read(), content_type='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            )
        response['Content-Disposition'] = f'attachment; filename="{stem}.xlsx"'
        return response


class SubmissionView(SurveyScopedMixin, CountryScopedView):
    """One submission's answers (identifying answers masked for non-owners), repeats as tables."""

    queryset = Submission.objects.select_related('version', 'survey', 'submitted_by')
    template_name = 'monitoring/surveys/submission.html'

    def get(self, request, survey, pk):
        survey = self.get_survey(request, survey)
        submission = get_object_or_404(self.get_queryset(request), survey=survey, pk=pk)
        answers = submission.visible_answers(survey.is_owner(request.user))
        labels = _choice_labels(submission.version)
        rows, repeats = [], []
        for question, repeat in walk(submission.version.structure.get('questions', [])):
            label = webform.text_in(question['label'], _language()) or question['name']
            if question['type'] == 'repeat':
                items = answers.get(question['name'], [])
                names = [
                    (q['name'], webform.text_in(q['label'], _language()) or q['name'])
                    for q, r in walk(question['children'], question['name'])
                    if q['type'] not in ('group', 'repeat', 'note')
                ]
                shown = [[_shown(item.get(name, ''), labels.get(name, {})) for name, _l in names] for item in items]
                repeats.append((label, names, shown))
            elif not repeat and question['type'] not in SHOWN_APART:
                value = _shown(answers.get(question['name'], ''), labels.get(question['name'], {}))
                rows.append((label, question['name'], value))
        return render(
            request,
            self.template_name,
            self.country_context(survey=survey, object=submission, rows=rows, repeats=repeats),
        )


class _Echo:
    def write(self, value):
        return value


class SubmissionCSVView(SurveyScopedMixin, CountryScopedView):
    """The survey's answers as CSV, one row per submission (repeats as their count), identifying answers masked for
    non-owners; streamed."""

    queryset = Submission.objects.all()

    def get(self, request, survey):
        survey = self.get_survey(request, survey)
        owner = survey.is_owner(request.user)
        versions = {version.pk: version for version in survey.versions.all()}
        names: list[str] = []
        repeat_names: list[str] = []
        for version in versions.values():
            for question, repeat in walk(version.structure.get('questions', [])):
                if question['type'] == 'repeat' and question['name'] not in repeat_names:
                    repeat_names.append(question['name'])
                elif (
                    not repeat and question['type'] not in ('group', 'repeat', 'note') and question['name'] not in names
                ):
                    names.append(question['name'])
        submissions = self.get_queryset(request).filter(survey=survey).order_by('pk')
        writer = csv.writer(_Echo())

        def rows():
            yield writer.writerow(['instance_id', 'version', 'submitted_at', 'source', *names, *repeat_names])
            for submission in submissions.iterator(chunk_size=2000):
                version = versions[submission.version_id]
                answers = mask(submission.answers, version.identifying, owner)
                yield writer.writerow(
                    [
                        submission.instance_id,
                        version.version,
                        submission.submitted_at.isoformat() if submission.submitted_at else '',
                        submission.source,
                    ]
                    + [answers.get(name, '') for name in names]
                    + [len(answers.get(name, [])) for name in repeat_names]
                )

        response = StreamingHttpResponse(rows(), content_type='text/csv; charset=utf-8')
        response['Content-Disposition'] = f'attachment; filename="{slugify(survey.title) or "survey"}-answers.csv"'
        return response


class WebFormView(SurveyScopedMixin, CountryScopedView):
    """The published version as a web form (the subset of ``xlsform``): relevant, required and constraint checked on
    the server; ``Update the form`` and the repeat's add/remove buttons post the form back without saving (htmx swaps
    the form in place, and it works without JavaScript)."""

    queryset = Submission.objects.all()
    action = 'add'
    template_name = 'monitoring/surveys/webform.html'

    def version(self, survey):
        version = survey.published_version
        if version is None or not version.web_form:
            return None
        return version

    def render_form(self, survey, version, answers, counts, check, status=200):
        questions = version.structure['questions']
        items, problems = webform.layout(
            questions, version.structure['choices'], answers, counts, _language(), check,
            frozenset(webform.redraw_names(questions)),
        )  # fmt: skip
        errors = {problem.field: problem_text(problem) for problem in problems}
        _set_messages(items, errors)
        template = 'monitoring/surveys/_webform_items.html' if self.request.htmx else self.template_name
        return render(
            self.request,
            template,
            self.country_context(survey=survey, version=version, items=items, errors=errors, counts=counts),
            status=status,
        )

    def get(self, request, survey):
        survey = self.get_survey(request, survey)
        version = self.version(survey)
        if version is None:
            return render(request, self.template_name, self.country_context(survey=survey, version=None))
        counts = {q['name']: 0 for q, _r in walk(version.structure['questions']) if q['type'] == 'repeat'}
        return self.render_form(survey, version, {}, counts, check=False)

    def post(self, request, survey):
        survey = self.get_survey(request, survey)
        version = self.version(survey)
        if version is None:
            raise Http404
        counts = {}
        for question, _repeat in walk(version.structure['questions']):
            if question['type'] == 'repeat':
                try:
                    counts[question['name']] = max(0, min(50, int(request.POST.get(f'n-{question["name"]}', 0))))
                except ValueError:
                    counts[question['name']] = 0
        answers = webform.read_answers(version.structure['questions'], request.POST.getlist, counts)
        if added := request.POST.get('_add'):
            if added in counts:
                counts[added] += 1
            return self.render_form(survey, version, answers, counts, check=False)
        if removed := request.POST.get('_remove'):
            repeat, _sep, index = removed.rpartition('-')
            if repeat in counts and index.isdigit() and 1 <= int(index) <= len(answers.get(repeat, [])):
                del answers[repeat][int(index) - 1]
                counts[repeat] -= 1
            return self.render_form(survey, version, answers, counts, check=False)
        if '_refresh' in request.POST:
            return self.render_form(survey, version, answers, counts, check=False)
        _items, problems = webform.layout(
            version.structure['questions'], version.structure['choices'], answers, counts, _language(), True
        )
        if problems:
            return self.render_form(survey, version, answers, counts, check=True, status=400)
        now = timezone.now()
        answers = {
            'start': request.POST.get('started', ''),
            'end': now.isoformat(),
            'today': now.date().isoformat(),
            **answers,
        }
        answers = {name: value for name, value in answers.items() if value not in ('', [])}
        with transaction.atomic():
            submission = Submission.objects.create(
                survey=survey,
                version=version,
                instance_id=f'web-{survey.pk}-{now.strftime("%Y%m%d%H%M%S%f")}-{request.user.pk}',
                submitted_at=now,
                source=SubmissionSource.WEB,
                answers=answers,
                submitted_by=request.user,
            )
        messages.success(request, _('The answers are saved.'))
        if request.htmx:
            return HttpResponse(headers={'HX-Location': submission.get_absolute_url()})
        return redirect(submission.get_absolute_url())


def _set_messages(items, errors: dict) -> None:
    for item in items:
        item.message = errors.get(item.field, '')
        if item.kind == 'group':
            _set_messages(item.children, errors)
        elif item.kind == 'repeat':
            for _index, children in item.children:
                _set_messages(children, errors)


class SurveyImportView(SurveyScopedMixin, CountryScopedView):
    """Import answers: upload a file for a version, read its preview and checks (nothing written), then import it."""

    queryset = SurveyImport.objects.all()
    action = 'add'
    template_name = 'monitoring/surveys/import.html'

    def render_page(self, survey, form, status=200, **extra):
        return render(
            self.request, self.template_name, self.country_context(survey=survey, form=form, **extra), status=status
        )

    def versions(self, survey):
        return SurveyVersion.objects.restrict(self.request.user).filter(survey=survey)

    def get(self, request, survey):
        survey = self.get_survey(request, survey)
        published = survey.published_version
        form = AnswerImportForm(versions=self.versions(survey), initial={'version': published})
        return self.render_page(survey, form)

    def post(self, request, survey):
        survey = self.get_survey(request, survey)
        if 'import' in request.POST:
            return self.apply(request, survey)
        form = AnswerImportForm(request.POST, request.FILES, versions=self.versions(survey))
        if not form.is_valid():
            return self.render_page(survey, form, status=400)
        version = form.cleaned_data['version']
        upload = form.cleaned_data['file']
        name = Path(upload.name).name
        accepted = version.versions_accepted | ({form.cleaned_data['kobo_version']} - {''})
        try:
            with open_answers(upload.read(), name, version.form_id) as answers:
                preview = answers.preview(layout_of(version), accepted or None)
        except ImportError_ as error:
            form.add_error('file', issue_text(error.issue.code, error.issue.params))
            return self.render_page(survey, form, status=400)
        issues = [(issue.table, issue.row, issue_text(issue.code, issue.params)) for issue in preview.issues]
        record = None
        if not issues:
            record = SurveyImport(
                survey=survey,
                version=version,
                name=name[:255],
                source=SubmissionSource.KOBO if preview.source == KOBO else SubmissionSource.ODK,
                uploaded_by=request.user,
                total=preview.rows,
            )
            with transaction.atomic():
                upload.seek(0)
                record.file.save(name, upload, save=False)
                record.save()
                if form.cleaned_data['kobo_version'] and not version.kobo_version:
                    version.kobo_version = form.cleaned_data['kobo_version']
                    version.save(update_fields=['kobo_version', 'last_updated'])
        owner = survey.is_owner(request.user)
        columns = _question_columns(version)[:SHOWN_COLUMNS]
        first = [
            (
                item.row,
                item.instance_id,
                item.version,
                [mask(item.answers, version.identifying, owner).get(n, '') for n, _l in columns],
                sum(len(v) for v in item.answers.values() if isinstance(v, list)),
            )
            for item in preview.first
        ]
        return self.render_page(
            survey,
            form,
            status=400 if issues else 200,
            preview=preview,
            issues=issues,
            record=record,
            columns=columns,
            first=first,
            filename=name,
            version=version,
        )

    def apply(self, request, survey):
        record = SurveyImport.objects.filter(
            survey=survey, pk=request.POST.get('import'), status=SurveyImportStatus.PREVIEWED, uploaded_by=request.user
        ).first()
        if record is None:
            raise Http404
        if not self.may('add', Submission):
            raise PermissionDenied
        with transaction.atomic():
            record.status = SurveyImportStatus.QUEUED
            record.save(update_fields=['status', 'last_updated'])
        transaction.on_commit(lambda: import_answers_task.delay(record.pk))
        return redirect(record.get_absolute_url())


class SurveyImportStatusView(SurveyScopedMixin, CountryScopedView):
    """An import of answers: its progress while it runs, then what it did or why it refused the file."""

    queryset = SurveyImport.objects.select_related('version', 'uploaded_by')
    template_name = 'monitoring/surveys/import_status.html'

    def get(self, request, survey, pk):
        survey = self.get_survey(request, survey)
        record = get_object_or_404(self.get_queryset(request), survey=survey, pk=pk)
        error = (record.report or {}).get('error')
        return render(
            request,
            self.template_name,
            self.country_context(
                survey=survey,
                object=record,
                running=record.status in (SurveyImportStatus.QUEUED, SurveyImportStatus.RUNNING),
                percent=round(100 * record.progress / record.total) if record.total else 0,
                error=issue_text(error['code'], error['params']) if error else '',
                error_row=error.get('row') if error else None,
            ),
        )


class FormulaPageMixin(SurveyScopedMixin):
    """The formula page: a formula's value, numerator, denominator and n for all answers and by group, and (for a
    user who may report actuals in the country) the form that stores it as an indicator's draft actual report. A
    non-owner's formula reads the masked answers, so it cannot reveal an identifying answer."""

    template_name = 'monitoring/surveys/formula.html'

    def render_page(self, request, survey, form, actual_form=None, actual_error='', status=200):
        names = survey_names(survey)
        result = error = None
        if form.is_bound and form.is_valid():
            try:
                parsed = formulas.parse_formula(form.cleaned_data['formula'], names)
            except formulas.FormulaError as failure:
                error = formula_error_text(failure)
                form.add_error('formula', error)
            else:
                result, _read = survey_result(survey, request.user, parsed)
        labels = self.choice_labels(survey)
        groups = [
            (', '.join(labels.get(value, value) or _('(no answer)') for value in group.group), group)
            for group in (result.groups if result else [])
        ]
        if result and actual_form is None and can_in_country(request.user, 'add', ActualReport, self.country):
            actual_form = SurveyActualForm(initial={'formula': result.formula.text}, user=request.user, survey=survey)
        return render(
            request,
            self.template_name,
            self.country_context(
                survey=survey,
                form=form,
                result=result,
                groups=groups,
                names=sorted(names),
                actual_form=actual_form,
                actual_error=actual_error,
            ),
            status=400 if error else status,
        )

    def choice_labels(self, survey) -> dict:
        version = survey.published_version or survey.versions.first()
        if version is None:
            return {}
        labels = {}
        for choices in version.structure.get('choices', {}).values():
            for choice in choices:
                labels.setdefault(choice['name'], webform.text_in(choice['label'], _language()) or choice['name'])
        return labels


class SurveyFormulaView(FormulaPageMixin, CountryScopedView):
    """Type a formula, see its value by group (GET)."""

    queryset = Submission.objects.all()

    def get(self, request, survey):
        return self.render_page(request, self.get_survey(request, survey), FormulaForm(request.GET or None))


class SurveyActualView(FormulaPageMixin, CountryScopedView):
    """Store a formula's result as an organisation's DRAFT actual report for an indicator's period (POST only):
    created, or the same draft updated; refused with the reason on the formula page (a submitted or approved report,
    a unit the formula does not give...), nothing written. The review workflow takes it from there."""

    queryset = ActualReport.objects.all()
    action = 'add'

    def post(self, request, survey):
        survey = self.get_survey(request, survey)
        actual_form = SurveyActualForm(request.POST, user=request.user, survey=survey)
        formula_form = FormulaForm({'formula': request.POST.get('formula', '')})
        if not actual_form.is_valid():
            return self.render_page(request, survey, formula_form, actual_form, status=400)
        data = actual_form.cleaned_data
        try:
            stored = store_survey_actual(survey, request.user, data['formula'], data['period'], data['organisation'])
        except SurveyActualRefused as refusal:
            return self.render_page(request, survey, formula_form, actual_form, str(refusal), status=400)
        messages.success(
            request,
            (_('A draft report is stored: check it and submit it for review.') if stored.created
             else _('The draft report is updated: check it and submit it for review.')),
        )  # fmt: skip
        return redirect(stored.report)
