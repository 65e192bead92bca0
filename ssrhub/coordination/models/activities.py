"""Activities: what a partner funds or implements, as IATI 2.03 describes it (reporting and participating
organisations, recipient countries, sectors, policy markers, locations, budgets, transactions, results), and the
links a person makes from an activity to what it serves (plan actions, framework items, mandate tasks).

Money is kept as budgets and transactions, never as totals: the finance app computes the totals. IATI's small
embedded codelists are ``TextChoices`` with IATI's codes, so that imports and exports keep them as they are.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import CurrencyField
from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel

__all__ = [
    'Activity',
    'ActivityLink',
    'ActivityLocation',
    'ActivityPolicyMarker',
    'ActivitySector',
    'ActivityStatus',
    'Budget',
    'BudgetStatus',
    'BudgetType',
    'IndicatorMeasure',
    'LinkKind',
    'OnBudget',
    'Origin',
    'OrganisationRole',
    'ParticipatingOrganisation',
    'RecipientCountry',
    'Result',
    'ResultIndicator',
    'ResultPeriod',
    'ResultType',
    'Transaction',
    'TransactionType',
]

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


def money(verbose_name, **kwargs):
    return models.DecimalField(verbose_name=verbose_name, max_digits=18, decimal_places=2, **kwargs)


# Section: IATI's embedded codelists


class ActivityStatus(models.TextChoices):
    PIPELINE = '1', _('Pipeline or identification')
    IMPLEMENTATION = '2', _('Implementation')
    FINALISATION = '3', _('Finalisation')
    CLOSED = '4', _('Closed')
    CANCELLED = '5', _('Cancelled')
    SUSPENDED = '6', _('Suspended')


class OrganisationRole(models.TextChoices):
    FUNDING = '1', _('Funding')
    ACCOUNTABLE = '2', _('Accountable')
    EXTENDING = '3', _('Extending')
    IMPLEMENTING = '4', _('Implementing')


class TransactionType(models.TextChoices):
    INCOMING_FUNDS = '1', _('Incoming funds')
    OUTGOING_COMMITMENT = '2', _('Outgoing commitment')
    DISBURSEMENT = '3', _('Disbursement')
    EXPENDITURE = '4', _('Expenditure')
    INTEREST_PAYMENT = '5', _('Interest payment')
    LOAN_REPAYMENT = '6', _('Loan repayment')
    REIMBURSEMENT = '7', _('Reimbursement')
    PURCHASE_OF_EQUITY = '8', _('Purchase of equity')
    SALE_OF_EQUITY = '9', _('Sale of equity')
    CREDIT_GUARANTEE = '10', _('Credit guarantee')
    INCOMING_COMMITMENT = '11', _('Incoming commitment')
    OUTGOING_PLEDGE = '12', _('Outgoing pledge')
    INCOMING_PLEDGE = '13', _('Incoming pledge')


class BudgetType(models.TextChoices):
    ORIGINAL = '1', _('Original')
    REVISED = '2', _('Revised')


class BudgetStatus(models.TextChoices):
    INDICATIVE = '1', _('Indicative')
    COMMITTED = '2', _('Committed')


class ResultType(models.TextChoices):
    OUTPUT = '1', _('Output')
    OUTCOME = '2', _('Outcome')
    IMPACT = '3', _('Impact')
    OTHER = '9', _('Other')


class IndicatorMeasure(models.TextChoices):
    UNIT = '1', _('Unit')
    PERCENTAGE = '2', _('Percentage')
    NOMINAL = '3', _('Nominal')
    ORDINAL = '4', _('Ordinal')
    QUALITATIVE = '5', _('Qualitative')


class OnBudget(models.TextChoices):
    YES = 'yes', _('On budget')
    NO = 'no', _('Off budget')
    UNKNOWN = 'unknown', _('Budget status unknown')


class Origin(models.TextChoices):
    IATI = 'iati', _('IATI file')
    THREE_W = '3w', _('3W table')
    MANUAL = 'manual', _('By hand')


# Section: the activity


class Activity(ChangeLoggedModel):
    """A project or programme of a partner, as its publisher describes it in IATI (or as a 3W table or a person
    records it).

    ``country`` is the recipient country; a regional or multi-country activity has none and lists its countries
    in ``recipient_countries``: only administrators edit it. ``last_updated_datetime`` is the publisher's own
    date: a re-import replaces the activity only when the file's is newer. ``notes`` keeps what the import
    accepted with a remark (codes and parameters, shown as sentences in the UI language).
    """

    iati_identifier = models.CharField(verbose_name=_('IATI identifier'), max_length=200, unique=True)
    reporting_organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.PROTECT,
        related_name='reported_activities',
        verbose_name=_('reporting organisation'),
    )
    country = models.ForeignKey(
        to='core.Country',
        on_delete=models.PROTECT,
        related_name='activities',
        null=True,
        blank=True,
        verbose_name=_('recipient country'),
        help_text=_('Empty for a regional or multi-country activity, which only administrators edit.'),
    )
    title = models.CharField(verbose_name=_('title'), max_length=500)
    title_fr = models.CharField(verbose_name=_('French title'), max_length=500, blank=True)
    description = models.TextField(verbose_name=_('description'), blank=True)
    description_fr = models.TextField(verbose_name=_('French description'), blank=True)
    language = models.CharField(
        verbose_name=_('language of the narrative'), max_length=10, blank=True, help_text=_('As published.')
    )
    description_language = models.CharField(
        verbose_name=_('language of the description'),
        max_length=10,
        blank=True,
        help_text=_('When not the language of the title.'),
    )
    status = models.CharField(verbose_name=_('status'), max_length=2, choices=ActivityStatus, blank=True)
    planned_start = models.DateField(verbose_name=_('planned start'), null=True, blank=True)
    actual_start = models.DateField(verbose_name=_('actual start'), null=True, blank=True)
    planned_end = models.DateField(verbose_name=_('planned end'), null=True, blank=True)
    actual_end = models.DateField(verbose_name=_('actual end'), null=True, blank=True)
    humanitarian = models.BooleanField(verbose_name=_('humanitarian'), default=False)
    default_currency = CurrencyField(verbose_name=_('default currency'), blank=True)
    default_flow_type = models.CharField(verbose_name=_('default flow type'), max_length=4, blank=True)
    default_finance_type = models.CharField(verbose_name=_('default finance type'), max_length=4, blank=True)
    default_aid_type = models.CharField(verbose_name=_('default aid type'), max_length=10, blank=True)
    default_tied_status = models.CharField(verbose_name=_('default tied status'), max_length=2, blank=True)
    last_updated_datetime = models.DateTimeField(verbose_name=_('last updated by the publisher'), null=True, blank=True)
    on_budget = models.CharField(
        verbose_name=_('on budget'),
        max_length=7,
        choices=OnBudget,
        default=OnBudget.UNKNOWN,
        help_text=_(
            "Whether the support goes through the national budget (IATI's budget support aid types and "
            'country budget items mark it on import).'
        ),
    )
    origin = models.CharField(verbose_name=_('origin'), max_length=6, choices=Origin, default=Origin.MANUAL)
    source = models.CharField(
        verbose_name=_('source'),
        max_length=300,
        blank=True,
        help_text=_('The file and its line or row, or the person who recorded it.'),
    )
    notes = models.JSONField(verbose_name=_('import notes'), default=list, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'country'

    class Meta:
        ordering = ['iati_identifier']
        verbose_name = _('activity')
        verbose_name_plural = _('activities')
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(iati_identifier=''),
                name='coordination_activity_identifier_not_empty',
                violation_error_message=_('An activity needs an identifier.'),
            ),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title in the UI language (the French narrative on French pages, when published)."""
        return translated(self, 'title')

    @property
    def display_description(self) -> str:
        return translated(self, 'description')

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end

    @property
    def currency(self) -> str:
        return self.default_currency

    def get_absolute_url(self):
        return reverse('coordination:activity', args=[self.pk])


class ActivityPart(ChangeLoggedModel):
    """A part of an activity: seen, changed and logged with it."""

    access_kind = 'workspace'
    country_scope = 'activity__country'

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return self.activity.get_absolute_url()


class RecipientCountry(ActivityPart):
    """A country an activity benefits, with its share of the activity in percent."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='recipient_countries', verbose_name=_('activity')
    )
    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='recipient_of', verbose_name=_('country')
    )
    percentage = models.DecimalField(
        verbose_name=_('percentage'), max_digits=6, decimal_places=3, null=True, blank=True, validators=PERCENT
    )

    class Meta:
        ordering = ['activity', '-percentage']
        verbose_name = _('recipient country')
        verbose_name_plural = _('recipient countries')

    def __str__(self):
        return str(self.country)


class ParticipatingOrganisation(ActivityPart):
    """An organisation taking part in an activity in a role (funding, accountable, extending, implementing).

    ``organisation`` is set when the participant has an IATI identifier or a name (or alias) that matches a recorded
    organisation exactly; otherwise only ``name``, as published, is kept."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='participants', verbose_name=_('activity')
    )
    organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.PROTECT,
        related_name='participations',
        null=True,
        blank=True,
        verbose_name=_('organisation'),
    )
    name = models.CharField(verbose_name=_('name as published'), max_length=300, blank=True)
    role = models.CharField(verbose_name=_('role'), max_length=1, choices=OrganisationRole)
    type = models.CharField(verbose_name=_('type'), max_length=2, blank=True)
    activity_identifier = models.CharField(verbose_name=_("its activity's identifier"), max_length=200, blank=True)

    class Meta:
        ordering = ['activity', 'role', 'pk']
        verbose_name = _('participating organisation')
        verbose_name_plural = _('participating organisations')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(name=''),
                name='coordination_participatingorganisation_named',
                violation_error_message=_('A participant needs an organisation or a name.'),
            )
        ]

    def __str__(self):
        return str(self.organisation) if self.organisation_id else self.name


class ActivitySector(ActivityPart):
    """A sector of an activity in a vocabulary (1: DAC 5-digit, 2: DAC 3-digit, 10: humanitarian clusters, 99: the
    publisher's own...), with its share in percent."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='sectors', verbose_name=_('activity')
    )
    vocabulary = models.CharField(verbose_name=_('vocabulary'), max_length=3, default='1')
    code = models.CharField(verbose_name=_('code'), max_length=100)
    name = models.CharField(verbose_name=_('name as published'), max_length=300, blank=True)
    percentage = models.DecimalField(
        verbose_name=_('percentage'), max_digits=6, decimal_places=3, null=True, blank=True, validators=PERCENT
    )

    class Meta:
        ordering = ['activity', 'vocabulary', '-percentage', 'code']
        verbose_name = _('sector')
        verbose_name_plural = _('sectors')

    def __str__(self):
        return self.code


class ActivityPolicyMarker(ActivityPart):
    """A policy marker of an activity (1: gender equality...) with its significance (0 not targeted, 1 significant
    objective, 2 principal objective...)."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='policy_markers', verbose_name=_('activity')
    )
    vocabulary = models.CharField(verbose_name=_('vocabulary'), max_length=3, default='1')
    code = models.CharField(verbose_name=_('marker'), max_length=20)
    significance = models.CharField(verbose_name=_('significance'), max_length=2, blank=True)
    name = models.CharField(verbose_name=_('name as published'), max_length=300, blank=True)

    class Meta:
        ordering = ['activity', 'vocabulary', 'code']
        verbose_name = _('policy marker')
        verbose_name_plural = _('policy markers')

    def __str__(self):
        return self.code


class ActivityLocation(ActivityPart):
    """A sub-national place where an activity works: an administrative area (by P-code) and/or a named place with
    an optional point."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='locations', verbose_name=_('activity')
    )
    admin_area = models.ForeignKey(
        to='coordination.AdminArea',
        on_delete=models.PROTECT,
        related_name='activity_locations',
        null=True,
        blank=True,
        verbose_name=_('administrative area'),
    )
    name = models.CharField(verbose_name=_('name'), max_length=300, blank=True)
    latitude = models.DecimalField(
        verbose_name=_('latitude'),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        verbose_name=_('longitude'),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        ordering = ['activity', 'pk']
        verbose_name = _('location')
        verbose_name_plural = _('locations')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(admin_area__isnull=False) | ~models.Q(name=''),
                name='coordination_activitylocation_named',
                violation_error_message=_('A location needs an administrative area or a name.'),
            )
        ]

    def __str__(self):
        return self.name or str(self.admin_area)


class Budget(ActivityPart):
    """What an activity plans to spend in a period (original or revised, indicative or committed)."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='budgets', verbose_name=_('activity')
    )
    type = models.CharField(verbose_name=_('type'), max_length=1, choices=BudgetType, default=BudgetType.ORIGINAL)
    status = models.CharField(
        verbose_name=_('status'), max_length=1, choices=BudgetStatus, default=BudgetStatus.INDICATIVE
    )
    period_start = models.DateField(verbose_name=_('period start'))
    period_end = models.DateField(verbose_name=_('period end'))
    value = money(_('value'))
    currency = CurrencyField(verbose_name=_('currency'))
    value_date = models.DateField(verbose_name=_('value date'))

    class Meta:
        ordering = ['activity', 'period_start', 'type']
        verbose_name = _('budget')
        verbose_name_plural = _('budgets')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F('period_start')),
                name='coordination_budget_period_order',
                violation_error_message=_('A budget period ends after it starts.'),
            )
        ]

    def __str__(self):
        return f'{self.period_start}–{self.period_end} {self.value} {self.currency}'


class Transaction(ActivityPart):
    """A flow of money of an activity (a commitment, a disbursement, an expenditure...) as IATI defines it: its
    date, value (negative for a correction) in a currency at a value date, and the provider and receiver
    organisations with their activity identifiers, which let a total count a flow between activities once."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='transactions', verbose_name=_('activity')
    )
    ref = models.CharField(verbose_name=_('reference'), max_length=200, blank=True)
    type = models.CharField(verbose_name=_('type'), max_length=2, choices=TransactionType)
    date = models.DateField(verbose_name=_('date'))
    value = money(_('value'))
    currency = CurrencyField(verbose_name=_('currency'))
    value_date = models.DateField(verbose_name=_('value date'))
    description = models.TextField(verbose_name=_('description'), blank=True)
    provider_organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.PROTECT,
        related_name='provided_transactions',
        null=True,
        blank=True,
        verbose_name=_('provider'),
    )
    provider_name = models.CharField(verbose_name=_('provider as published'), max_length=300, blank=True)
    provider_activity_identifier = models.CharField(
        verbose_name=_("provider's activity identifier"), max_length=200, blank=True
    )
    receiver_organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.PROTECT,
        related_name='received_transactions',
        null=True,
        blank=True,
        verbose_name=_('receiver'),
    )
    receiver_name = models.CharField(verbose_name=_('receiver as published'), max_length=300, blank=True)
    receiver_activity_identifier = models.CharField(
        verbose_name=_("receiver's activity identifier"), max_length=200, blank=True
    )
    note = models.CharField(
        verbose_name=_('note'), max_length=300, blank=True, help_text=_('Why a value is negative (a correction).')
    )

    class Meta:
        ordering = ['activity', 'date', 'pk']
        verbose_name = _('transaction')
        verbose_name_plural = _('transactions')

    def __str__(self):
        return f'{self.get_type_display()} {self.date} {self.value} {self.currency}'

    @property
    def provider(self) -> str:
        return str(self.provider_organisation) if self.provider_organisation_id else self.provider_name

    @property
    def receiver(self) -> str:
        return str(self.receiver_organisation) if self.receiver_organisation_id else self.receiver_name


# Section: results (kept simple; monitoring proper is issue 13's)


class Result(ActivityPart):
    """A result an activity reports (output, outcome, impact), with its indicators."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='results', verbose_name=_('activity')
    )
    type = models.CharField(verbose_name=_('type'), max_length=1, choices=ResultType)
    title = models.CharField(verbose_name=_('title'), max_length=500)
    description = models.TextField(verbose_name=_('description'), blank=True)

    class Meta:
        ordering = ['activity', 'pk']
        verbose_name = _('result')
        verbose_name_plural = _('results')

    def __str__(self):
        return self.title


class ResultIndicator(ChangeLoggedModel):
    """An indicator of a result with its baseline."""

    result = models.ForeignKey(to=Result, on_delete=models.CASCADE, related_name='indicators', verbose_name=_('result'))
    measure = models.CharField(verbose_name=_('measure'), max_length=1, choices=IndicatorMeasure)
    ascending = models.BooleanField(verbose_name=_('higher is better'), default=True)
    title = models.CharField(verbose_name=_('title'), max_length=500)
    baseline_year = models.PositiveSmallIntegerField(verbose_name=_('baseline year'), null=True, blank=True)
    baseline_value = models.CharField(verbose_name=_('baseline'), max_length=100, blank=True)
    baseline_comment = models.TextField(verbose_name=_('baseline comment'), blank=True)

    access_kind = 'workspace'
    country_scope = 'result__activity__country'

    class Meta:
        ordering = ['result', 'pk']
        verbose_name = _('indicator')
        verbose_name_plural = _('indicators')

    def __str__(self):
        return self.title


class ResultPeriod(ChangeLoggedModel):
    """The target and actual of an indicator for one period (values as published: a number or a qualitative
    statement)."""

    indicator = models.ForeignKey(
        to=ResultIndicator, on_delete=models.CASCADE, related_name='periods', verbose_name=_('indicator')
    )
    period_start = models.DateField(verbose_name=_('period start'))
    period_end = models.DateField(verbose_name=_('period end'))
    target = models.CharField(verbose_name=_('target'), max_length=100, blank=True)
    actual = models.CharField(verbose_name=_('actual'), max_length=100, blank=True)
    comment = models.TextField(verbose_name=_('comment'), blank=True)

    access_kind = 'workspace'
    country_scope = 'indicator__result__activity__country'

    class Meta:
        ordering = ['indicator', 'period_start']
        verbose_name = _('indicator period')
        verbose_name_plural = _('indicator periods')

    def __str__(self):
        return f'{self.period_start}–{self.period_end}'


# Section: what an activity serves (links made by hand)


class LinkKind(models.TextChoices):
    ACTION = 'action', _('National plan action')
    FRAMEWORK = 'framework', _('Framework area or component')
    MANDATE = 'mandate', _('Mandate task')


class ActivityLink(ActivityPart):
    """What an activity serves, linked by a person: a national plan action (with the share of the activity's money
    that goes to it; without shares the money is split equally among the linked actions), an area or component of
    the reference framework, or a mission's mandate task (a codebook code, and the resolution paragraph that gives
    it where one exists)."""

    activity = models.ForeignKey(
        to=Activity, on_delete=models.CASCADE, related_name='links', verbose_name=_('activity')
    )
    kind = models.CharField(verbose_name=_('kind'), max_length=10, choices=LinkKind)
    action = models.ForeignKey(
        to='countries.Action',
        on_delete=models.CASCADE,
        related_name='activity_links',
        null=True,
        blank=True,
        verbose_name=_('plan action'),
    )
    share = models.DecimalField(
        verbose_name=_('share (%)'),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
        help_text=_("The part of the activity's money that serves this action; empty: split equally."),
    )
    framework_item = models.ForeignKey(
        to='framework.FrameworkItem',
        on_delete=models.PROTECT,
        related_name='activity_links',
        null=True,
        blank=True,
        verbose_name=_('framework item'),
    )
    mission = models.ForeignKey(
        to='framework.Mission',
        on_delete=models.PROTECT,
        related_name='activity_links',
        null=True,
        blank=True,
        verbose_name=_('mission'),
    )
    code = models.CharField(verbose_name=_('mandate task (codebook code)'), max_length=60, blank=True)
    paragraph = models.ForeignKey(
        to='documents.Paragraph',
        on_delete=models.SET_NULL,
        related_name='activity_links',
        null=True,
        blank=True,
        verbose_name=_('resolution paragraph'),
    )
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)

    class Meta:
        ordering = ['activity', 'kind', 'pk']
        verbose_name = _('activity link')
        verbose_name_plural = _('activity links')
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind='action', action__isnull=False, framework_item__isnull=True, mission__isnull=True)
                    | models.Q(
                        kind='framework',
                        framework_item__isnull=False,
                        action__isnull=True,
                        mission__isnull=True,
                        share__isnull=True,
                    )
                    | models.Q(
                        kind='mandate',
                        mission__isnull=False,
                        action__isnull=True,
                        framework_item__isnull=True,
                        share__isnull=True,
                    )
                    & ~models.Q(code='')
                ),
                name='coordination_activitylink_target',
                violation_error_message=_(
                    'A link goes to a plan action, a framework item, or a mission with a mandate task.'
                ),
            ),
            models.UniqueConstraint(
                fields=['activity', 'action'],
                condition=models.Q(kind='action'),
                name='coordination_activitylink_unique_action',
                violation_error_message=_('This activity is already linked to this action.'),
            ),
            models.UniqueConstraint(
                fields=['activity', 'framework_item'],
                condition=models.Q(kind='framework'),
                name='coordination_activitylink_unique_framework_item',
                violation_error_message=_('This activity is already linked to this framework item.'),
            ),
            models.UniqueConstraint(
                fields=['activity', 'mission', 'code'],
                condition=models.Q(kind='mandate'),
                name='coordination_activitylink_unique_task',
                violation_error_message=_('This activity is already linked to this mandate task.'),
            ),
        ]

    def __str__(self):
        if self.kind == LinkKind.ACTION:
            return str(self.action)
        if self.kind == LinkKind.FRAMEWORK:
            return str(self.framework_item)
        return f'{self.mission} – {self.code}'
