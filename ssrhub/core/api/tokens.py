"""API tokens (django-rest-knox with ``core.ApiToken``): created by their owner on the account page for a bounded
lifetime, hashed at rest, refused once expired or revoked (a 401), and marked when last used."""

import datetime

from django.utils import timezone
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication as KnoxTokenAuthentication

from ssrhub.core.models import ApiToken

__all__ = ['DEFAULT_LIFETIME', 'LIFETIMES', 'TokenAuthentication', 'create_token']

# Days a new token lives: a token cannot be made to live for ever, and a short one is there for a one-off script.
LIFETIMES = (30, 90, 365)
DEFAULT_LIFETIME = 90
# "Last used" is written at most once a minute per token, so that a script's burst of requests writes once.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def create_token(user, name: str, days: int = DEFAULT_LIFETIME) -> tuple[ApiToken, str]:
    """A new token of ``user`` for ``days`` days: the stored record and its key (stored nowhere, never shown again)."""
    if days not in LIFETIMES:
        raise ValueError(f'A token lives {", ".join(map(str, LIFETIMES))} days, not {days}.')
    return ApiToken.objects.create(user=user, expiry=datetime.timedelta(days=days), name=name)


class TokenAuthentication(KnoxTokenAuthentication):
    """knox's authentication (expired tokens are deleted and refused), recording when each token was last used."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        return user, token


class TokenScheme(KnoxTokenScheme):
    """The token in the OpenAPI schema (``Authorization: Token <key>``), as drf-spectacular describes knox's."""

    target_class = TokenAuthentication
    name = 'tokenAuth'
