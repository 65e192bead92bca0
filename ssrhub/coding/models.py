"""Machine readings and codes of paragraphs, and human review decisions, kept apart."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ssrhub.core.models import ChangeLoggedModel, RestrictedModel

from .force import Addressee, Force

__all__ = ['CodeAssignment', 'LearnedProposal', 'MachineReading', 'ParagraphReview', 'SourceChoices']

ADDRESSEE_LABELS = {
    Addressee.MISSION_OR_SG: _('mission or Secretary-General'),
    Addressee.NATIONAL_AUTHORITIES: _('national authorities'),
    Addressee.PARTIES: _('parties'),
    Addressee.MEMBER_STATES: _('Member States'),
    Addressee.UN_SYSTEM: _('UN system'),
    Addressee.REGIONAL_ORGANISATIONS: _('regional organisations'),
    Addressee.NONE: _('none'),
}
FORCE_LABELS = {
    Force.DECLARATORY: _('declaratory'),
    Force.ENCOURAGES: _('encourages'),
    Force.REQUESTS: _('requests, calls upon, urges'),
    Force.CONDEMNS: _('condemns'),
    Force.DEMANDS: _('demands'),
    Force.DECIDES: _('decides, authorizes'),
}
AddresseeChoices = [(addressee.value, ADDRESSEE_LABELS[addressee]) for addressee in Addressee]
ForceChoices = [(int(force), FORCE_LABELS[force]) for force in Force]


class SourceChoices(models.TextChoices):
    MACHINE = 'machine', _('machine')
    HUMAN = 'human', _('human')


class MachineReading(RestrictedModel):
    """The coder's reading of one paragraph's opening verb and addressee, for one codebook version."""

    paragraph = models.ForeignKey(
        to='documents.Paragraph', on_delete=models.CASCADE, related_name='readings', verbose_name=_('paragraph')
    )
    codebook_version = models.CharField(verbose_name=_('codebook version'), max_length=20)
    force = models.PositiveSmallIntegerField(verbose_name=_('force'), choices=ForceChoices)
    verb = models.CharField(verbose_name=_('verb'), max_length=80, blank=True)
    verb_start = models.PositiveIntegerField(verbose_name=_('verb start'), null=True)
    verb_end = models.PositiveIntegerField(verbose_name=_('verb end'), null=True)
    addressee = models.CharField(verbose_name=_('addressee'), max_length=30, choices=AddresseeChoices)

    access_kind = 'analysis'

    class Meta:
        verbose_name = _('machine reading')
        verbose_name_plural = _('machine readings')
        constraints = [
            models.UniqueConstraint(
                fields=['paragraph', 'codebook_version'],
                name='%(app_label)s_%(class)s_unique_paragraph_codebook',
                violation_error_message=_('This paragraph already has a reading for this codebook version.'),
            )
        ]
        indexes = [models.Index(fields=['force'])]

    def __str__(self):
        return f'{self.paragraph}: {self.get_force_display()} ({self.verb})'


class CodeAssignment(ChangeLoggedModel):
    """One code on one paragraph, by the machine or by one reviewer.

    Machine rows always have ``present=True``; a reviewer's row says whether that reviewer finds the
    code present (accepting or adding it) or absent (rejecting the machine's code).
    """

    paragraph = models.ForeignKey(
        to='documents.Paragraph', on_delete=models.CASCADE, related_name='codes', verbose_name=_('paragraph')
    )
    code = models.CharField(verbose_name=_('code'), max_length=80)
    modality = models.CharField(verbose_name=_('modality'), max_length=20, blank=True)
    explicit = models.BooleanField(verbose_name=_('explicit'), default=True)
    mission_task = models.BooleanField(
        verbose_name=_('mission task'),
        default=False,
        help_text=_('A task given or recommended to the mission or the Secretary-General in an operative paragraph.'),
    )
    source = models.CharField(verbose_name=_('source'), max_length=10, choices=SourceChoices)
    coder = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='code_assignments',
        verbose_name=_('reviewer'),
    )
    present = models.BooleanField(verbose_name=pgettext_lazy('a code is', 'present'), default=True)
    codebook_version = models.CharField(verbose_name=_('codebook version'), max_length=20)
    evidence = models.JSONField(verbose_name=_('evidence'), default=list, blank=True)
    note = models.CharField(verbose_name=_('note'), max_length=500, blank=True)

    access_kind = 'analysis'

    class Meta:
        ordering = ['paragraph', 'code']
        verbose_name = _('code assignment')
        verbose_name_plural = _('code assignments')
        constraints = [
            models.UniqueConstraint(
                fields=['paragraph', 'code', 'modality', 'codebook_version'],
                condition=models.Q(source='machine'),
                name='%(app_label)s_%(class)s_unique_machine_code',
                violation_error_message=_('The machine already coded this paragraph with this code and modality.'),
            ),
            models.UniqueConstraint(
                fields=['paragraph', 'code', 'coder', 'codebook_version'],
                condition=models.Q(source='human'),
                name='%(app_label)s_%(class)s_unique_reviewer_code',
                violation_error_message=_('This reviewer already coded this paragraph with this code.'),
            ),
            models.CheckConstraint(
                condition=models.Q(source='machine', coder__isnull=True)
                | models.Q(source='human', coder__isnull=False),
                name='%(app_label)s_%(class)s_source_matches_coder',
                violation_error_message=_('Machine codes have no reviewer; human codes need one.'),
            ),
        ]
        indexes = [models.Index(fields=['code', 'source'])]

    def __str__(self):
        return f'{self.paragraph} {self.code} ({self.source})'


class ParagraphReview(ChangeLoggedModel):
    """A reviewer has gone through all codes of a paragraph: codes they did not assert are absent."""

    paragraph = models.ForeignKey(
        to='documents.Paragraph', on_delete=models.CASCADE, related_name='reviews', verbose_name=_('paragraph')
    )
    reviewer = models.ForeignKey(
        to=settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='reviews', verbose_name=_('reviewer')
    )

    access_kind = 'analysis'

    class Meta:
        verbose_name = _('paragraph review')
        verbose_name_plural = _('paragraph reviews')
        constraints = [
            models.UniqueConstraint(
                fields=['paragraph', 'reviewer'],
                name='%(app_label)s_%(class)s_unique_paragraph_reviewer',
                violation_error_message=_('This reviewer has already reviewed this paragraph.'),
            )
        ]

    def __str__(self):
        return f'{self.paragraph} reviewed by {self.reviewer}'


class LearnedProposal(RestrictedModel):
    """A code the model learned from reviewers' decisions proposes for a paragraph, with its probability.

    Kept apart from the rule-based codes: a proposal is never in force until a reviewer accepts it, which adds it as
    the reviewer's own code (``review.record_decision``). Like a machine reading it is the machine's output, written
    again at each ``ssrhub coding propose``, so it keeps no change history.
    """

    paragraph = models.ForeignKey(
        to='documents.Paragraph',
        on_delete=models.CASCADE,
        related_name='learned_proposals',
        verbose_name=_('paragraph'),
    )
    code = models.CharField(verbose_name=_('code'), max_length=80)
    probability = models.FloatField(verbose_name=_('probability'))
    model_version = models.CharField(
        verbose_name=_('model version'),
        max_length=40,
        help_text=_('The data version (hash of the training decisions) and random seed of the model.'),
    )
    data_version = models.CharField(verbose_name=_('data version'), max_length=64)
    codebook_version = models.CharField(verbose_name=_('codebook version'), max_length=20)
    created = models.DateTimeField(verbose_name=_('created'), auto_now_add=True)

    access_kind = 'analysis'

    class Meta:
        ordering = ['paragraph', '-probability', 'code']
        verbose_name = _('learned proposal')
        verbose_name_plural = _('learned proposals')
        constraints = [
            models.UniqueConstraint(
                fields=['paragraph', 'code', 'model_version'],
                name='%(app_label)s_%(class)s_unique_paragraph_code_model',
                violation_error_message=_('This model already proposed this code for this paragraph.'),
            ),
            models.CheckConstraint(
                condition=models.Q(probability__gte=0, probability__lte=1),
                name='%(app_label)s_%(class)s_probability_range',
                violation_error_message=_('A probability lies between 0 and 1.'),
            ),
        ]
        indexes = [models.Index(fields=['code'])]

    def __str__(self):
        return f'{self.paragraph} {self.code} (learned, {self.probability:.2f})'
