"""What the navigation and the home page offer each user: the country workspaces they may open.

A user whose role views workspace records may open every country's workspace; the navigation lists the countries
whose workspace holds something (an engagement, a national document, an actor, an assessment or an event) and the
countries the user is assigned to, the latter first ("My countries").
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from ssrhub.core.i18n import sort_key
from ssrhub.core.kept import kept_result
from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import permission_name
from ssrhub.countries.models import Actor, Assessment, Engagement, NationalDocument, TimelineEvent

__all__ = ['may_open_workspaces', 'navigation', 'workspace_countries']


def may_open_workspaces(user) -> bool:
    return user.is_authenticated and user.has_perm(permission_name(Engagement, 'view'))


FILLING = (Engagement, NationalDocument, Actor, Assessment, TimelineEvent)


def workspace_countries(user) -> list[Country]:
    """The countries whose workspace ``user`` may open and that hold something or are assigned to the user, the
    assigned ones first, each by name in the UI language; ``country.assigned`` says which are the user's. Every page
    lists them: they are kept until a country, an assignment or what fills a workspace changes."""
    if not may_open_workspaces(user):
        return []
    sources = (*FILLING, Country, CountryAssignment)
    return kept_result('workspace-countries', user, sources, [user.pk, get_language()], lambda: _countries(user))


def _countries(user) -> list[Country]:
    filled = Q()
    for model in FILLING:
        filled |= Q(Exists(model.objects.restrict(user).filter(country=OuterRef('pk'))))
    assigned = CountryAssignment.objects.filter(user=user, country=OuterRef('pk'))
    countries = Country.objects.restrict(user).annotate(assigned=Exists(assigned)).filter(filled | Q(assigned=True))
    return sorted(countries, key=lambda country: (not country.assigned, sort_key(country.name)))


def navigation(request) -> dict:
    """Template context processor: ``nav_workspaces``, read only when a template uses it."""
    return {'nav_workspaces': SimpleLazyObject(lambda: workspace_countries(request.user))}
