"""Results frameworks: a tree of results (impact, outcomes, outputs) for a national plan or a programme, on levels
each framework names for itself (as TolaData's tiers and IATI's result types), every result linked to what it
serves (plan objectives and actions, framework items) and to the partners' activities that deliver it.

Every record is workspace data of the framework's country (``country_scope``).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from ssrhub.coordination.models import ResultType
from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel
from ssrhub.countries.models import WorkspaceModel

__all__ = [
    'DEFAULT_LEVELS',
    'FrameworkResult',
    'FrameworkStatus',
    'ResultActivity',
    'ResultLevel',
    'ResultsFramework',
    'code_key',
]


def code_key(code: str) -> tuple:
    """Sort key of a result or indicator code as a reader expects ("1.2" before "1.10")."""
    return tuple((0, int(part), '') if part.isdigit() else (1, 0, part) for part in code.replace('-', '.').split('.'))


class FrameworkStatus(models.TextChoices):
    DRAFT = 'draft', _('Draft')
    ACTIVE = 'active', _('Active')
    CLOSED = 'closed', _('Closed')


# The levels a new framework starts with, highest first: (English name, French name, IATI result type). The names
# are stored on the level (a framework may rename them); gettext_noop only lets the catalogue carry them.
DEFAULT_LEVELS = (
    (gettext_noop('Impact'), 'Impact', ResultType.IMPACT),
    (gettext_noop('Outcome'), 'Effet', ResultType.OUTCOME),
    (gettext_noop('Output'), 'Produit', ResultType.OUTPUT),
)


class ResultsFramework(WorkspaceModel):
    """The results a national plan or a programme aims at, with their indicators, over a period.

    It serves a national plan (``plan``) or a programme, named (``programme``) and/or recorded as a partner's
    activity (``activity``). It starts with the levels Impact > Outcome > Output, which its editors may rename or
    add to.
    """

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='results_frameworks', verbose_name=_('country')
    )
    title = models.CharField(verbose_name=_('title'), max_length=300)
    title_fr = models.CharField(
        verbose_name=_('French title'),
        max_length=300,
        blank=True,
        help_text=_('The official French title, shown on French pages; leave empty when unsure.'),
    )
    plan = models.ForeignKey(
        to='countries.NationalDocument',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='results_frameworks',
        verbose_name=_('national plan'),
        help_text=_('The plan, strategy or policy whose results this framework follows.'),
    )
    programme = models.CharField(
        verbose_name=_('programme'),
        max_length=300,
        blank=True,
        help_text=_('The programme whose results this framework follows, when it is not (only) a national plan.'),
    )
    activity = models.ForeignKey(
        to='coordination.Activity',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='results_frameworks',
        verbose_name=_('programme activity'),
        help_text=_("The partner's activity that is the programme, when it is recorded."),
    )
    owner = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='results_frameworks',
        verbose_name=_('owner'),
        help_text=_('The organisation that keeps the framework (a national secretariat, a mission, a partner).'),
    )
    start = models.DateField(verbose_name=_('start'), null=True, blank=True)
    end = models.DateField(verbose_name=_('end'), null=True, blank=True)
    status = models.CharField(
        verbose_name=_('status'), max_length=10, choices=FrameworkStatus, default=FrameworkStatus.DRAFT
    )
    description = models.TextField(verbose_name=_('description'), blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    country_scope = 'country'

    class Meta:
        ordering = ['country', '-start', 'title']
        verbose_name = _('results framework')
        verbose_name_plural = _('results frameworks')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan__isnull=False) | ~models.Q(programme='') | models.Q(activity__isnull=False),
                name='monitoring_resultsframework_subject',
                violation_error_message=_('Say which national plan or programme the framework follows.'),
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F('start')),
                name='monitoring_resultsframework_period',
                violation_error_message=_('A framework cannot end before it starts.'),
            ),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title in the UI language (the official French title in French, when recorded)."""
        return translated(self, 'title')

    def get_absolute_url(self):
        return reverse('monitoring:framework', args=[self.country.iso3, self.pk])

    def clean(self):
        errors = {}
        if self.plan_id and self.country_id and self.plan.country_id != self.country_id:
            errors['plan'] = _('The plan must be of the same country as the framework.')
        if self.activity_id and self.country_id and self.activity.country_id != self.country_id:
            errors['activity'] = _('The activity must take place in the same country as the framework.')
        if self.pk and (self.start or self.end):
            outside = self.periods_outside(self.start, self.end)
            if outside:
                errors['start' if self.start else 'end'] = _(
                    'Targets already set fall outside this period (%(periods)s): move them first.'
                ) % {'periods': ', '.join(str(period) for period in outside[:3])}
        if errors:
            raise ValidationError(errors)

    def periods_outside(self, start, end) -> list:
        """The indicator periods of this framework that do not fit in ``start``-``end``."""
        from .indicators import IndicatorPeriod

        periods = IndicatorPeriod.objects.filter(indicator__result__framework=self)
        outside = models.Q()
        if start:
            outside |= models.Q(start__lt=start)
        if end:
            outside |= models.Q(end__gt=end)
        return list(periods.filter(outside).select_related('indicator'))

    def save(self, *args, **kwargs):
        adding = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding:
                self.add_default_levels()

    def add_default_levels(self) -> None:
        """Give a framework without levels the default ones: Impact > Outcome > Output."""
        if self.levels.exists():
            return
        for order, (name, name_fr, result_type) in enumerate(DEFAULT_LEVELS, start=1):
            ResultLevel.objects.create(framework=self, order=order, name=name, name_fr=name_fr, result_type=result_type)


class ResultLevel(ChangeLoggedModel):
    """A level of a framework's results tree (Impact, Outcome, Output...), highest first by ``order``, with the IATI
    result type its results export as."""

    framework = models.ForeignKey(
        to=ResultsFramework, on_delete=models.CASCADE, related_name='levels', verbose_name=_('framework')
    )
    order = models.PositiveSmallIntegerField(
        verbose_name=_('order'), help_text=_('1 for the highest level; a result sits on a lower level than its parent.')
    )
    name = models.CharField(verbose_name=_('name'), max_length=100)
    name_fr = models.CharField(verbose_name=_('French name'), max_length=100, blank=True)
    result_type = models.CharField(
        verbose_name=_('IATI result type'), max_length=1, choices=ResultType, default=ResultType.OUTPUT
    )

    access_kind = 'workspace'
    country_scope = 'framework__country'

    class Meta:
        ordering = ['framework', 'order']
        verbose_name = _('result level')
        verbose_name_plural = _('result levels')
        constraints = [
            models.UniqueConstraint(
                fields=['framework', 'order'],
                name='monitoring_resultlevel_unique_order',
                violation_error_message=_('This framework already has a level in this position.'),
            ),
            models.UniqueConstraint(
                fields=['framework', 'name'],
                name='monitoring_resultlevel_unique_name',
                violation_error_message=_('This framework already has a level with this name.'),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the UI language."""
        return translated(self, 'name')

    def get_absolute_url(self):
        return self.framework.get_absolute_url()

    def clean(self):
        if not self.pk or not self.framework_id:
            return
        results = self.results.all()
        above = results.filter(parent__level__order__gte=self.order).first()
        below = results.filter(children__level__order__lte=self.order).first()
        if above or below:
            raise ValidationError(
                {
                    'order': _('This position would put result %(code)s on or above the level of its parent.')
                    % {'code': (above or below).code}
                }
            )


class FrameworkResult(ChangeLoggedModel):
    """A result of a framework (an impact, an outcome, an output), in a tree: a result sits on a lower level than its
    parent. It serves plan objectives and actions and reference framework items, and partners' activities deliver
    it (``ResultActivity``). Not to be confused with an IATI activity's own results (``coordination.Result``)."""

    framework = models.ForeignKey(
        to=ResultsFramework, on_delete=models.CASCADE, related_name='results', verbose_name=_('framework')
    )
    parent = models.ForeignKey(
        to='self',
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name='children',
        verbose_name=_('contributes to'),
    )
    # RESTRICT, not PROTECT: a framework deleted takes its levels and results together; a level alone that results sit
    # on is refused (its delete page says so).
    level = models.ForeignKey(
        to=ResultLevel, on_delete=models.RESTRICT, related_name='results', verbose_name=_('level')
    )
    code = models.CharField(verbose_name=_('code'), max_length=20, help_text=_('For example 1 or 1.2.'))
    statement = models.CharField(verbose_name=_('statement'), max_length=500)
    statement_fr = models.CharField(verbose_name=_('French statement'), max_length=500, blank=True)
    description = models.TextField(verbose_name=_('description'), blank=True)
    objectives = models.ManyToManyField(
        to='countries.Objective', related_name='framework_results', blank=True, verbose_name=_('plan objectives')
    )
    actions = models.ManyToManyField(
        to='countries.Action', related_name='framework_results', blank=True, verbose_name=_('plan actions')
    )
    framework_items = models.ManyToManyField(
        to='framework.FrameworkItem',
        related_name='framework_results',
        blank=True,
        verbose_name=_('areas, principles and guidance'),
    )
    activities = models.ManyToManyField(
        to='coordination.Activity',
        through='monitoring.ResultActivity',
        related_name='framework_results',
        blank=True,
        verbose_name=_('activities that deliver it'),
    )

    access_kind = 'workspace'
    country_scope = 'framework__country'

    class Meta:
        ordering = ['framework', 'code']
        verbose_name = _('framework result')
        verbose_name_plural = _('framework results')
        constraints = [
            models.UniqueConstraint(
                fields=['framework', 'code'],
                name='monitoring_frameworkresult_unique_code',
                violation_error_message=_('This framework already has a result with this code.'),
            ),
        ]

    def __str__(self):
        return f'{self.code} {self.display_statement}'

    @property
    def display_statement(self) -> str:
        """The statement in the UI language."""
        return translated(self, 'statement')

    def get_absolute_url(self):
        return f'{self.framework.get_absolute_url()}#result-{self.pk}'

    def clean(self):
        errors = {}
        if self.level_id and self.framework_id and self.level.framework_id != self.framework_id:
            errors['level'] = _('The level must be one of this framework.')
        if self.parent_id and self.framework_id:
            if self.parent.framework_id != self.framework_id:
                errors['parent'] = _('The result it contributes to must be of the same framework.')
            elif self.pk and any(ancestor.pk == self.pk for ancestor in self.parent.ancestors(include_self=True)):
                errors['parent'] = _('A result cannot contribute to itself, directly or through others.')
            elif self.level_id and self.parent.level.order >= self.level.order:
                errors['level'] = _(
                    'A result must sit on a lower level than the result it contributes to (%(level)s).'
                ) % {'level': self.parent.level}
        if self.pk and self.level_id and 'level' not in errors:
            child = self.children.filter(level__order__lte=self.level.order).first()
            if child:
                errors['level'] = _('Result %(code)s contributes to this one and must stay on a lower level.') % {
                    'code': child.code
                }
        if errors:
            raise ValidationError(errors)

    def ancestors(self, include_self: bool = False) -> list['FrameworkResult']:
        """The results this one contributes to, nearest first (a cycle stops the walk)."""
        found, current = [], self if include_self else self.parent
        while current is not None and current not in found:
            found.append(current)
            current = current.parent
        return found

    def link_problems(self, objectives=(), actions=(), activities=()) -> dict:
        """Which of these links (before they are saved) are of another country than the framework's: the field's
        name and a message. Plan objectives and actions must come from the framework's country; activities too."""
        country_id = self.framework.country_id
        errors = {}
        if any(objective.document.country_id != country_id for objective in objectives):
            errors['objectives'] = _("Link objectives of the framework's country only.")
        if any(action.document.country_id != country_id for action in actions):
            errors['actions'] = _("Link actions of the framework's country only.")
        if any(activity.country_id != country_id for activity in activities):
            errors['activities'] = _("Link activities in the framework's country only.")
        return errors


class ResultActivity(ChangeLoggedModel):
    """A partner's activity that delivers a result, with the share of the activity that serves it."""

    result = models.ForeignKey(
        to=FrameworkResult, on_delete=models.CASCADE, related_name='activity_links', verbose_name=_('result')
    )
    activity = models.ForeignKey(
        to='coordination.Activity',
        on_delete=models.CASCADE,
        related_name='framework_result_links',
        verbose_name=_('activity'),
    )
    share = models.DecimalField(
        verbose_name=_('share (%)'),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_('The part of the activity that serves this result, when known.'),
    )
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)

    access_kind = 'workspace'
    country_scope = 'result__framework__country'

    class Meta:
        ordering = ['result', 'activity']
        verbose_name = _('activity delivering a result')
        verbose_name_plural = _('activities delivering results')
        constraints = [
            models.UniqueConstraint(
                fields=['result', 'activity'],
                name='monitoring_resultactivity_unique_activity',
                violation_error_message=_('This activity is already linked to this result.'),
            ),
        ]

    def __str__(self):
        return f'{self.activity} → {self.result.code}'

    def get_absolute_url(self):
        return self.result.get_absolute_url()

    def clean(self):
        if self.result_id and self.activity_id and self.activity.country_id != self.result.framework.country_id:
            raise ValidationError({'activity': _("Link activities in the framework's country only.")})
