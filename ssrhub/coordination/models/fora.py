"""Coordination fora of a country and their follow-up: the bodies, their members, meetings and the decisions taken
at them, each decision with a dated status history.

Every record is country-scoped workspace data (the forum's country): country editors change the countries they are
assigned to, everyone with a role reads them. A forum has a **level** (political, strategic, technical,
operational: how high its decisions go) and, separately, a **layer** (who coordinates with whom: the four layers
the source book describes for the Central African Republic, chapter 7, lines 1708-1732, plus national bodies).
Dates may be partial ("March 2017", "2023"), as sources give them (``core/dates.py``).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ssrhub.core.dates import PartialDate, period_end
from ssrhub.core.fields import format_partial_date, precision_field, validate_not_in_future
from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel
from ssrhub.countries.models import truncate_partial_dates

from ..followup import is_overdue, latest_status

__all__ = [
    'Decision',
    'DecisionStatus',
    'DecisionStatusUpdate',
    'Forum',
    'ForumKind',
    'ForumLayer',
    'ForumLevel',
    'ForumMember',
    'Meeting',
    'MemberRole',
    'minutes_path',
]

MINUTES_DIR = 'coordination/minutes'


class ForumKind(models.TextChoices):
    """What kind of body a forum is."""

    SECURITY_COUNCIL = 'security-council', _('National security council')
    SECRETARIAT = 'secretariat', _('Secretariat of a national body')
    STRATEGIC_COMMITTEE = 'strategic-committee', _('Strategic or steering committee')
    CONSULTATIVE_GROUP = 'consultative-group', _('Consultative group')
    DONOR_GROUP = 'donor-group', _('Donor or partner coordination group')
    MISSION_WORKING_GROUP = 'mission-working-group', _("The mission's SSR working group")
    TECHNICAL_GROUP = 'technical-group', _('Technical or thematic working group')
    LOCAL_COUNCIL = 'local-council', _('Local or regional security council')
    OTHER = 'other', _('Other')


class ForumLevel(models.TextChoices):
    """How high a forum's decisions go, highest first (the order of the structure diagram)."""

    POLITICAL = 'political', _('Political')
    STRATEGIC = 'strategic', _('Strategic')
    TECHNICAL = 'technical', _('Technical')
    OPERATIONAL = 'operational', _('Operational')


class ForumLayer(models.TextChoices):
    """Who coordinates with whom: national bodies, then the four layers of international coordination the source
    book describes for the Central African Republic (chapter 7, lines 1708-1732)."""

    NATIONAL = 'national', _('National')
    UN_INTERNAL = 'un-internal', _('Within the UN mission')
    MISSION_UNCT = 'mission-unct', _('Mission and UN country team')
    BILATERAL = 'bilateral', _('Bilateral partners and the EU')
    REGIONAL = 'regional', _('Regional organisations and neighbours')


class MemberRole(models.TextChoices):
    CHAIR = 'chair', _('Chair')
    CO_CHAIR = 'co-chair', _('Co-chair')
    SECRETARIAT = 'secretariat', _('Secretariat')
    MEMBER = 'member', _('Member')
    OBSERVER = 'observer', _('Observer')


class DecisionStatus(models.TextChoices):
    OPEN = 'open', pgettext_lazy('decision status', 'Open')
    IN_PROGRESS = 'in-progress', _('In progress')
    DONE = 'done', _('Done')
    DROPPED = 'dropped', _('Dropped')


def _period_errors(start, start_precision, end, end_precision, field: str, message) -> dict:
    """``{field: message}`` when the period ends before it starts (each end read as the end of its period)."""
    if start and end and period_end(end, end_precision) < start:
        return {field: message}
    return {}


class Forum(ChangeLoggedModel):
    """A coordination body of a country: a national security council or its secretariat, a strategic committee, a
    donor coordination group, a mission's SSR working group, a technical working group of one component.

    A technical group reports to a strategic committee through ``parent``; ``components`` are the framework
    components (and sector-wide initiatives) it covers.
    """

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='fora', verbose_name=_('country')
    )
    name = models.CharField(verbose_name=_('name'), max_length=250)
    name_fr = models.CharField(
        verbose_name=_('French name'),
        max_length=250,
        blank=True,
        help_text=_('The official French name, shown on French pages; leave empty when unsure.'),
    )
    acronym = models.CharField(verbose_name=_('acronym'), max_length=40, blank=True)
    kind = models.CharField(verbose_name=_('kind'), max_length=25, choices=ForumKind, default=ForumKind.OTHER)
    level = models.CharField(verbose_name=_('level'), max_length=12, choices=ForumLevel)
    layer = models.CharField(
        verbose_name=_('coordination layer'),
        max_length=15,
        choices=ForumLayer,
        default=ForumLayer.NATIONAL,
        help_text=_('Who coordinates with whom in this forum.'),
    )
    parent = models.ForeignKey(
        to='self',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='children',
        verbose_name=_('reports to'),
        help_text=_('The forum this one reports to, e.g. the strategic committee of a technical group.'),
    )
    chair = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='chaired_fora',
        verbose_name=_('chair'),
    )
    chair_name = models.CharField(
        verbose_name=_('chair (as written)'),
        max_length=200,
        blank=True,
        help_text=_('The office or person who chairs, e.g. “the President” or “Deputy SRSG”.'),
    )
    mandate = models.TextField(verbose_name=_('mandate or terms of reference'), blank=True)
    cadence = models.CharField(
        verbose_name=_('meets'), max_length=100, blank=True, help_text=_('How often it meets, e.g. monthly.')
    )
    established = models.DateField(verbose_name=_('established'), null=True, blank=True)
    established_precision = precision_field()
    dissolved = models.DateField(verbose_name=_('dissolved'), null=True, blank=True)
    dissolved_precision = precision_field()
    components = models.ManyToManyField(
        to='framework.FrameworkItem', related_name='fora', blank=True, verbose_name=_('framework components')
    )
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'country'

    class Meta:
        ordering = ['country', 'name']
        verbose_name = _('forum')
        verbose_name_plural = _('fora')
        constraints = [
            models.UniqueConstraint(
                'country',
                Lower('name'),
                name='coordination_forum_unique_name',
                violation_error_message=_('This country already has a forum of this name.'),
            ),
            models.CheckConstraint(
                condition=models.Q(dissolved__isnull=True)
                | models.Q(established__isnull=True)
                | models.Q(dissolved__gte=models.F('established')),
                name='coordination_forum_dissolved_after_established',
                violation_error_message=_('A forum cannot be dissolved before it is established.'),
            ),
        ]

    def __str__(self):
        return self.acronym or self.display_name

    @property
    def display_name(self) -> str:
        """The name in the UI language (the official French name in French, when recorded)."""
        return translated(self, 'name')

    def get_absolute_url(self):
        return reverse('coordination:forum', args=[self.country.iso3, self.pk])

    def clean(self):
        truncate_partial_dates(self, established='established_precision', dissolved='dissolved_precision')
        errors = _period_errors(
            self.established,
            self.established_precision,
            self.dissolved,
            self.dissolved_precision,
            'dissolved',
            _('A forum cannot be dissolved before it is established.'),
        )
        if self.parent_id:
            if self.parent_id == self.pk:
                errors['parent'] = _('A forum cannot report to itself.')
            elif self.parent.country_id != self.country_id:
                errors['parent'] = _('A forum reports to a forum of the same country.')
            elif self.pk and self.pk in self.parent.ancestor_ids():
                errors['parent'] = _('A forum cannot report to a forum that reports to it.')
        if errors:
            raise ValidationError(errors)

    def ancestor_ids(self) -> list[int]:
        """The ids of the fora this one reports to, nearest first (a cycle stops the walk)."""
        seen, forum = [], self
        while forum.parent_id and forum.parent_id not in seen and forum.parent_id != self.pk:
            seen.append(forum.parent_id)
            forum = forum.parent
        return seen


class ForumMember(ChangeLoggedModel):
    """An organisation's seat in a forum, with its role and the period it held it (open when still a member)."""

    forum = models.ForeignKey(to=Forum, on_delete=models.CASCADE, related_name='members', verbose_name=_('forum'))
    organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.PROTECT,
        related_name='forum_seats',
        verbose_name=_('organisation'),
    )
    role = models.CharField(verbose_name=_('role'), max_length=12, choices=MemberRole, default=MemberRole.MEMBER)
    start = models.DateField(verbose_name=_('member since'), null=True, blank=True)
    start_precision = precision_field()
    end = models.DateField(verbose_name=_('member until'), null=True, blank=True)
    end_precision = precision_field()
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'forum__country'

    class Meta:
        ordering = ['forum', 'role', 'organisation__name', 'pk']
        verbose_name = _('forum member')
        verbose_name_plural = _('forum members')
        constraints = [
            models.UniqueConstraint(
                fields=['forum', 'organisation', 'role', 'start'],
                name='coordination_forummember_unique_seat',
                violation_error_message=_('This organisation already holds this role in this forum from this date.'),
            ),
        ]

    def __str__(self):
        return f'{self.organisation} ({self.get_role_display()})'

    def get_absolute_url(self):
        return f'{self.forum.get_absolute_url()}#member-{self.pk}'

    def clean(self):
        truncate_partial_dates(self, start='start_precision', end='end_precision')
        errors = _period_errors(
            self.start,
            self.start_precision,
            self.end,
            self.end_precision,
            'end',
            _('A membership cannot end before it starts.'),
        )
        if errors:
            raise ValidationError(errors)


def minutes_path(meeting, filename: str) -> str:
    """Where a meeting's minutes are stored: under the country and the forum, with the name it was uploaded under."""
    return f'{MINUTES_DIR}/{meeting.forum.country.iso3}/{meeting.forum_id}/{filename}'


class Meeting(ChangeLoggedModel):
    """A meeting of a forum: when and where, who attended (member organisations, and others by name), the agenda, a
    summary and the minutes (an uploaded file, or a stored document)."""

    forum = models.ForeignKey(to=Forum, on_delete=models.CASCADE, related_name='meetings', verbose_name=_('forum'))
    number = models.PositiveIntegerField(
        verbose_name=_('number'), null=True, blank=True, help_text=_('The meeting’s number in the forum’s series.')
    )
    date = models.DateField(verbose_name=_('date'))
    date_precision = precision_field()
    place = models.CharField(verbose_name=_('place'), max_length=200, blank=True)
    attendees = models.ManyToManyField(
        to='coordination.Organisation', related_name='meetings_attended', blank=True, verbose_name=_('attendees')
    )
    other_attendees = models.TextField(
        verbose_name=_('other attendees'), blank=True, help_text=_('People or bodies that are not members, one a line.')
    )
    agenda = models.TextField(verbose_name=_('agenda'), blank=True)
    summary = models.TextField(verbose_name=_('summary'), blank=True)
    minutes = models.FileField(verbose_name=_('minutes'), upload_to=minutes_path, max_length=255, blank=True)
    minutes_document = models.ForeignKey(
        to='documents.Document',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='meetings',
        verbose_name=_('minutes (stored document)'),
    )
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'forum__country'

    class Meta:
        ordering = ['forum', '-date', '-pk']
        verbose_name = _('meeting')
        verbose_name_plural = _('meetings')

    def __str__(self):
        when = format_partial_date(PartialDate(self.date, self.date_precision)) if self.date else ''
        return f'{self.forum}, {when}'.strip(', ')

    def get_absolute_url(self):
        return reverse('coordination:meeting', args=[self.forum.country.iso3, self.pk])

    def clean(self):
        truncate_partial_dates(self, date='date_precision')
        forum = self.forum if self.forum_id else None
        if forum and self.date and forum.established and period_end(self.date, self.date_precision) < forum.established:
            raise ValidationError({'date': _('The forum was not yet established on this date.')})


class Decision(ChangeLoggedModel):
    """A decision taken at a meeting: what was decided, who owns it, by when, and where it stands.

    ``status`` is the status of the latest dated update (``status_updates``). It is overdue when its due date (the
    end of its month or year when only those are known) has passed and it is neither done nor dropped
    (``followup.is_overdue()``).
    """

    meeting = models.ForeignKey(
        to=Meeting, on_delete=models.CASCADE, related_name='decisions', verbose_name=_('meeting')
    )
    ref = models.CharField(verbose_name=_('reference'), max_length=20, blank=True)
    text = models.TextField(verbose_name=_('decision'))
    owner = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='decisions_owned',
        verbose_name=_('owner'),
    )
    owner_name = models.CharField(
        verbose_name=_('owner (as written)'), max_length=200, blank=True, help_text=_('When no organisation fits.')
    )
    due = models.DateField(verbose_name=_('due'), null=True, blank=True)
    due_precision = precision_field()
    status = models.CharField(
        verbose_name=_('status'), max_length=12, choices=DecisionStatus, default=DecisionStatus.OPEN
    )
    actions = models.ManyToManyField(
        to='countries.Action', related_name='forum_decisions', blank=True, verbose_name=_('plan actions')
    )
    components = models.ManyToManyField(
        to='framework.FrameworkItem',
        related_name='forum_decisions',
        blank=True,
        verbose_name=_('framework components'),
    )
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'meeting__forum__country'

    class Meta:
        ordering = ['meeting', 'ref', 'pk']
        verbose_name = _('decision')
        verbose_name_plural = _('decisions')

    def __str__(self):
        text = ' '.join(self.text.split())
        short = text if len(text) <= 80 else f'{text[:79]}…'
        return f'{self.ref} {short}'.strip()

    def get_absolute_url(self):
        return reverse('coordination:decision', args=[self.meeting.forum.country.iso3, self.pk])

    @property
    def owner_label(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_name

    def overdue_on(self, today) -> bool:
        """Whether the decision is overdue on ``today`` (``followup.is_overdue()``)."""
        return is_overdue(self.due, self.due_precision, self.status, today)

    def start_history(self, user=None) -> None:
        """Open the status history of a new decision: its status as of the day of its meeting."""
        if not self.status_updates.exists():
            DecisionStatusUpdate.objects.create(
                decision=self,
                date=min(self.meeting.date, timezone.localdate()),
                status=self.status,
                recorded_by=user,
            )

    def refresh_status(self) -> None:
        """Take the status of the latest dated update (``followup.latest_status()``), saving when it changes."""
        updates = self.status_updates.values_list('date', 'pk', 'status')
        status = latest_status(updates, self.status)
        if status != self.status:
            self.status = status
            self.save(update_fields=['status', 'last_updated'])

    def clean(self):
        truncate_partial_dates(self, due='due_precision')
        meeting = self.meeting if self.meeting_id else None
        if meeting and self.due and period_end(self.due, self.due_precision) < meeting.date:
            raise ValidationError({'due': _('A decision cannot be due before the meeting that took it.')})


class DecisionStatusUpdate(ChangeLoggedModel):
    """The status of a decision as of a day (not in the future, not before the meeting); the decision's own status
    is the latest update's."""

    decision = models.ForeignKey(
        to=Decision, on_delete=models.CASCADE, related_name='status_updates', verbose_name=_('decision')
    )
    date = models.DateField(verbose_name=_('as of'), validators=[validate_not_in_future])
    status = models.CharField(verbose_name=_('status'), max_length=12, choices=DecisionStatus)
    note = models.CharField(verbose_name=_('note'), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='+',
        verbose_name=_('recorded by'),
    )
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'decision__meeting__forum__country'

    class Meta:
        ordering = ['decision', 'date', 'pk']
        verbose_name = _('decision status update')
        verbose_name_plural = _('decision status updates')

    def __str__(self):
        return f'{self.decision}: {self.get_status_display()} ({self.date})'

    def get_absolute_url(self):
        return f'{self.decision.get_absolute_url()}#update-{self.pk}'

    def clean(self):
        decision = self.decision if self.decision_id else None
        if decision and self.date and self.date < decision.meeting.date:
            raise ValidationError({'date': _('A status cannot be dated before the meeting that took the decision.')})
