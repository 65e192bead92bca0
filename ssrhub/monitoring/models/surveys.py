"""Surveys: a country's survey designed as an XLSForm, its versions (the uploaded file, the converted XForm and
what the app can do with it), its submissions (from the in-app web form or imported from KoboToolbox or ODK
Central) and the imports of answer files.

Answers that identify a person (``SurveyVersion.identifying``) are shown only to the survey's owners: every page,
download and API response masks them for anyone else (``Submission.visible_answers()``)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.models import ChangeLoggedModel, RestrictedModel

__all__ = [
    'MASK',
    'Submission',
    'SubmissionSource',
    'Survey',
    'SurveyImport',
    'SurveyImportStatus',
    'SurveyStatus',
    'SurveyVersion',
]

MASK = '●●●'


class SurveyStatus(models.TextChoices):
    DRAFT = 'draft', _('draft')
    OPEN = 'open', _('collecting answers')
    CLOSED = 'closed', _('closed')


class SubmissionSource(models.TextChoices):
    WEB = 'web', _('web form')
    KOBO = 'kobo', _('KoboToolbox import')
    ODK = 'odk', _('ODK Central import')


class SurveyImportStatus(models.TextChoices):
    PREVIEWED = 'previewed', _('previewed')
    QUEUED = 'queued', _('queued')
    RUNNING = 'running', _('running')
    DONE = 'done', _('done')
    REFUSED = 'refused', _('refused')


class Survey(ChangeLoggedModel):
    """A survey of a country's workspace (a perception survey of public trust in the security services...), designed
    as an XLSForm. Its owners see the answers that identify a person."""

    access_kind = 'workspace'
    country_scope = 'country'

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='surveys', verbose_name=_('country')
    )
    title = models.CharField(verbose_name=_('title'), max_length=200)
    description = models.TextField(verbose_name=_('description'), blank=True)
    owners = models.ManyToManyField(
        to=settings.AUTH_USER_MODEL,
        related_name='owned_surveys',
        verbose_name=_('owners'),
        blank=True,
        help_text=_('They see the answers that identify a person.'),
    )
    status = models.CharField(verbose_name=_('status'), max_length=8, choices=SurveyStatus, default=SurveyStatus.DRAFT)

    class Meta:
        ordering = ['country', 'title']
        verbose_name = _('survey')
        verbose_name_plural = _('surveys')
        constraints = [
            models.UniqueConstraint(
                fields=['country', 'title'],
                name='%(app_label)s_%(class)s_unique_country_title',
                violation_error_message=_('This country already has a survey with this title.'),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse('monitoring:survey', args=[self.country.iso3, self.pk])

    def is_owner(self, user) -> bool:
        return user.is_authenticated and self.owners.filter(pk=user.pk).exists()

    @property
    def published_version(self):
        return self.versions.exclude(published_at=None).order_by('-published_at').first()


class SurveyVersion(ChangeLoggedModel):
    """One version of a survey's XLSForm: the file as uploaded, the XForm pyxform made of it, ODK Validate's verdict,
    the features it uses and whether the in-app web form can render it. Published versions collect answers."""

    access_kind = 'workspace'
    country_scope = 'survey__country'

    survey = models.ForeignKey(
        to='monitoring.Survey', on_delete=models.CASCADE, related_name='versions', verbose_name=_('survey')
    )
    file = models.FileField(verbose_name=_('XLSForm'), upload_to='surveys/%Y/%m/')
    file_name = models.CharField(verbose_name=_('file name'), max_length=255)
    form_id = models.CharField(verbose_name=_('form id'), max_length=100)
    version = models.CharField(verbose_name=_('version'), max_length=100, blank=True)
    kobo_version = models.CharField(
        verbose_name=_('KoboToolbox version id'),
        max_length=100,
        blank=True,
        help_text=_('The id KoboToolbox writes in the __version__ column of its exports for this version.'),
    )
    title = models.CharField(verbose_name=_('form title'), max_length=255, blank=True)
    xform = models.TextField(verbose_name=_('XForm XML'))
    structure = models.JSONField(verbose_name=_('questions and choices'), default=dict)
    languages = models.JSONField(verbose_name=_('languages'), default=list)
    features = models.JSONField(verbose_name=_('features used'), default=list)
    unsupported = models.JSONField(verbose_name=_('features outside the web form'), default=list, blank=True)
    identifying = models.JSONField(verbose_name=_('identifying questions'), default=list, blank=True)
    warnings = models.JSONField(verbose_name=_('conversion warnings'), default=list, blank=True)
    validated = models.BooleanField(
        verbose_name=_('validated by ODK Validate'), null=True, help_text=_('Empty when Java was not available.')
    )
    web_form = models.BooleanField(verbose_name=_('the web form can render it'), default=False)
    published_at = models.DateTimeField(verbose_name=_('published at'), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='survey_versions',
        verbose_name=_('uploaded by'),
    )

    class Meta:
        ordering = ['survey', '-created']
        verbose_name = _('survey version')
        verbose_name_plural = _('survey versions')
        constraints = [
            models.UniqueConstraint(
                fields=['survey', 'version'],
                name='%(app_label)s_%(class)s_unique_survey_version',
                violation_error_message=_('This survey already has a form with this version.'),
            )
        ]

    def __str__(self):
        return f'{self.survey} – {self.version or self.form_id}'

    def get_absolute_url(self):
        return self.survey.get_absolute_url()

    @property
    def versions_accepted(self) -> set[str]:
        """The version strings an imported file may carry for this version."""
        return {value for value in (self.version, self.kobo_version) if value}


class Submission(RestrictedModel):
    """One answered questionnaire: answers (name -> text, a repeat's name -> list of answers) in one JSON field, so
    a large import is one insert per submission; the instance id (``_uuid``, ``instanceID``, ``KEY``) is unique per
    survey, so importing the same export again adds nothing. Not change-logged: answers may identify people, and a
    history table would keep them outside the masking; their imports are recorded as ``SurveyImport``."""

    access_kind = 'workspace'
    country_scope = 'survey__country'

    survey = models.ForeignKey(
        to='monitoring.Survey', on_delete=models.CASCADE, related_name='submissions', verbose_name=_('survey')
    )
    version = models.ForeignKey(
        to='monitoring.SurveyVersion',
        on_delete=models.PROTECT,
        related_name='submissions',
        verbose_name=_('version'),
    )
    instance_id = models.CharField(verbose_name=_('instance id'), max_length=100)
    submitted_at = models.DateTimeField(verbose_name=_('submitted at'), null=True, blank=True)
    source = models.CharField(verbose_name=_('source'), max_length=4, choices=SubmissionSource)
    import_record = models.ForeignKey(
        to='monitoring.SurveyImport',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='submissions',
        verbose_name=_('import'),
    )
    file_name = models.CharField(verbose_name=_('import file'), max_length=255, blank=True)
    answers = models.JSONField(verbose_name=_('answers'), default=dict)
    submitted_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='survey_submissions',
        verbose_name=_('submitted by'),
    )
    created = models.DateTimeField(verbose_name=_('created'), auto_now_add=True)

    class Meta:
        ordering = ['survey', '-submitted_at', '-id']
        verbose_name = _('submission')
        verbose_name_plural = _('submissions')
        constraints = [
            models.UniqueConstraint(
                fields=['survey', 'instance_id'],
                name='%(app_label)s_%(class)s_unique_survey_instance',
                violation_error_message=_('This survey already has a submission with this instance id.'),
            )
        ]

    def __str__(self):
        return self.instance_id

    def get_absolute_url(self):
        return reverse('monitoring:submission', args=[self.survey.country.iso3, self.survey_id, self.pk])

    def visible_answers(self, owner: bool) -> dict:
        """The answers, with those that identify a person masked unless ``owner``."""
        return mask(self.answers, self.version.identifying, owner)


def mask(answers: dict, identifying, owner: bool) -> dict:
    """``answers`` with the ``identifying`` names (in repeats too) replaced by ``MASK`` unless ``owner``."""
    if owner or not identifying:
        return answers
    hidden = set(identifying)
    shown = {}
    for name, value in answers.items():
        if isinstance(value, list):
            shown[name] = [{k: MASK if k in hidden and v else v for k, v in item.items()} for item in value]
        else:
            shown[name] = MASK if name in hidden and value else value
    return shown


__all__ += ['mask']


class SurveyImport(ChangeLoggedModel):
    """An answer file (KoboToolbox CSV/XLSX, ODK Central CSV/ZIP) uploaded for a survey version: kept from its preview
    until it is imported in the background (Celery; inline in the embedded mode), with its progress and report."""

    access_kind = 'workspace'
    country_scope = 'survey__country'

    survey = models.ForeignKey(
        to='monitoring.Survey', on_delete=models.CASCADE, related_name='imports', verbose_name=_('survey')
    )
    version = models.ForeignKey(
        to='monitoring.SurveyVersion', on_delete=models.CASCADE, related_name='imports', verbose_name=_('version')
    )
    file = models.FileField(verbose_name=_('file'), upload_to='survey-answers/%Y/%m/')
    name = models.CharField(verbose_name=_('file name'), max_length=255)
    source = models.CharField(verbose_name=_('source'), max_length=4, choices=SubmissionSource)
    uploaded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='survey_imports',
        verbose_name=_('uploaded by'),
    )
    status = models.CharField(
        verbose_name=_('status'), max_length=9, choices=SurveyImportStatus, default=SurveyImportStatus.PREVIEWED
    )
    progress = models.PositiveIntegerField(verbose_name=_('rows read so far'), default=0)
    total = models.PositiveIntegerField(verbose_name=_('rows to read'), default=0)
    report = models.JSONField(verbose_name=_('report'), default=dict, blank=True)

    class Meta:
        ordering = ['-created']
        verbose_name = _('survey answer import')
        verbose_name_plural = _('survey answer imports')

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse('monitoring:surveyimport', args=[self.survey.country.iso3, self.survey_id, self.pk])
