"""Shared base models, places, country assignments and source citations."""

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken
from simple_history import register
from simple_history.models import HistoricalRecords

from .access import RestrictedQuerySet
from .fields import HttpsURLField, UNSymbolField
from .i18n import localized
from .roles import COUNTRY_ROLES

__all__ = [
    'ApiToken',
    'ChangeLoggedModel',
    'Country',
    'CountryAssignment',
    'ReferenceModel',
    'RestrictedModel',
    'SensitiveRead',
    'SourceCitation',
]

SOURCE_BOOK = 'Ebo & Hänggi (eds.), The United Nations and Security Sector Reform: Policy and Practice, DCAF/LIT 2020'


# Section: base classes


class RestrictedModel(models.Model):
    """Base for every ssrhub record: a manager with ``restrict(user, action)`` and its access settings.

    Subclasses set ``access_kind`` ('reference', 'workspace', 'analysis' or 'sensitive'), which
    decides which roles get which permissions, and may set ``country_scope``/``scoped_actions``.
    """

    objects = RestrictedQuerySet.as_manager()

    access_kind = None
    public = False
    country_scope = None
    scoped_actions = frozenset({'add', 'change', 'delete'})

    class Meta:
        abstract = True


class ChangeLoggedModel(RestrictedModel):
    """A record people or loaders change: timestamps and an audit history of every change."""

    created = models.DateTimeField(verbose_name=_('created'), auto_now_add=True)
    last_updated = models.DateTimeField(verbose_name=_('last updated'), auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class ReferenceModel(ChangeLoggedModel):
    """Reference data: readable by anyone, including anonymous researchers; edited by administrators."""

    access_kind = 'reference'
    public = True

    class Meta:
        abstract = True


# Section: places


class Country(ReferenceModel):
    """A country or territory from ISO 3166-1 (loaded from pycountry, with French names)."""

    iso3 = models.CharField(verbose_name=_('ISO alpha-3 code'), max_length=3, unique=True)
    iso2 = models.CharField(verbose_name=_('ISO alpha-2 code'), max_length=2, unique=True)
    numeric = models.CharField(verbose_name=_('ISO numeric code'), max_length=3)
    name_en = models.CharField(verbose_name=_('name (English)'), max_length=120)
    name_fr = models.CharField(verbose_name=_('name (French)'), max_length=120)
    official_name_en = models.CharField(verbose_name=_('official name (English)'), max_length=200, blank=True)

    class Meta:
        ordering = ['name_en']
        verbose_name = _('country')
        verbose_name_plural = _('countries')

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse('country', args=[self.iso3])

    @property
    def name(self):
        return localized(self, 'name')


class CountryAssignment(models.Model):
    """A country in which a user acts in one of their roles held per country (``roles.COUNTRY_ROLES``)."""

    user = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name='country_assignments',
        verbose_name=_('user'),
    )
    country = models.ForeignKey(
        to='core.Country', on_delete=models.CASCADE, related_name='assignments', verbose_name=_('country')
    )
    role = models.CharField(
        verbose_name=_('role'), max_length=30, choices=[(role.value, role.label) for role in COUNTRY_ROLES]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _('country assignment')
        verbose_name_plural = _('country assignments')
        constraints = [
            models.UniqueConstraint(
                fields=['user', 'country', 'role'],
                name='%(app_label)s_%(class)s_unique_user_country_role',
                violation_error_message=_('This user already holds this role in this country.'),
            )
        ]

    def __str__(self):
        return f'{self.user} – {self.country} ({self.get_role_display()})'


# Section: sources


class SourceCitation(models.Model):
    """Where a fact comes from: a UN document (symbol and paragraph), the source book, or a URL."""

    content_type = models.ForeignKey(to=ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    cited_object = GenericForeignKey('content_type', 'object_id')
    order = models.PositiveSmallIntegerField(verbose_name=_('order'), default=0)
    symbol = UNSymbolField(verbose_name=_('document symbol'), blank=True)
    paragraph = models.CharField(verbose_name=_('paragraph'), max_length=40, blank=True)
    book_chapter = models.PositiveSmallIntegerField(verbose_name=_('book chapter'), null=True, blank=True)
    book_lines = models.CharField(verbose_name=_('book lines'), max_length=40, blank=True)
    url = HttpsURLField(verbose_name=_('URL'), blank=True)
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ['content_type', 'object_id', 'order']
        indexes = [models.Index(fields=['content_type', 'object_id'])]
        verbose_name = _('source citation')
        verbose_name_plural = _('source citations')

    def __str__(self):
        return self.text

    def clean(self):
        errors = {}
        if not (self.symbol or self.book_chapter or self.url):
            errors[NON_FIELD_ERRORS] = _('A citation needs a document symbol, a book chapter or a URL.')
        if self.paragraph and not self.symbol:
            errors['paragraph'] = _('A paragraph needs the symbol of its document.')
        if errors:
            raise ValidationError(errors)

    @property
    def text(self) -> str:
        """The citation as a reader would write it."""
        if self.symbol:
            return f'{self.symbol}, para. {self.paragraph}' if self.paragraph else self.symbol
        if self.book_chapter:
            return f'{SOURCE_BOOK}, ch. {self.book_chapter}, lines {self.book_lines}'
        return self.url

    def as_dict(self) -> dict:
        if self.symbol:
            return {'symbol': self.symbol, 'paragraph': self.paragraph, 'text': self.text}
        if self.book_chapter:
            return {'book': {'chapter': self.book_chapter, 'lines': self.book_lines}, 'text': self.text}
        return {'url': self.url, 'text': self.text}


# Section: reads of sensitive records


class SensitiveRead(RestrictedModel):
    """One read of a sensitive record by a user: who, when, which record, through which channel (``readlog.py``).

    Written in the request that shows the record, before the response; administrators read the log (the admin).
    """

    class Channel(models.TextChoices):
        PAGE = 'page', _('page')
        HISTORY = 'history', _('history page')
        API = 'api', _('API')
        LIST = 'list', _('list')
        SEARCH = 'search', _('search')
        EXPORT = 'export', _('export')

    user = models.ForeignKey(
        to=settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='sensitive_reads', verbose_name=_('user')
    )
    at = models.DateTimeField(verbose_name=_('read at'), auto_now_add=True, db_index=True)
    content_type = models.ForeignKey(to=ContentType, on_delete=models.PROTECT, verbose_name=_('kind of record'))
    object_id = models.PositiveBigIntegerField(verbose_name=_('record id'))
    channel = models.CharField(verbose_name=_('channel'), max_length=10, choices=Channel)

    access_kind = 'audit'

    class Meta:
        ordering = ['-at', '-pk']
        verbose_name = _('read of a sensitive record')
        verbose_name_plural = _('reads of sensitive records')
        indexes = [models.Index(fields=['content_type', 'object_id'], name='core_sensitiveread_record')]

    def __str__(self):
        return f'{self.user} {self.at:%Y-%m-%d %H:%M} {self.content_type.model} {self.object_id}'


# Section: accounts


class ApiToken(AbstractAuthToken):
    """A person's API token (django-rest-knox, ``KNOX_TOKEN_MODEL``): only a SHA-512 digest of the key is stored, with
    its expiry; the key is shown once, when it is created (``core/api/tokens.py``). Revoking deletes the row."""

    name = models.CharField(verbose_name=_('name'), max_length=100, help_text=_('What the token is for.'))
    last_used = models.DateTimeField(verbose_name=_('last used'), null=True, blank=True)

    class Meta:
        ordering = ['-created']
        verbose_name = _('API token')
        verbose_name_plural = _('API tokens')

    def __str__(self):
        return f'{self.name} ({self.user})'


# Accounts and their roles (groups) are audited like every other record; password hashes and
# login times stay out of the history.
register(User, app='ssrhub.core', m2m_fields=['groups'], excluded_fields=['password', 'last_login'])
