from django_filters.rest_framework import DjangoFilterBackend

from ssrhub.core.filtersets import FilterSet

__all__ = ['FilterBackend']


class FilterBackend(DjangoFilterBackend):
    """The API's filtering: a viewset's ``filterset_fields`` are built on the project's ``FilterSet`` too, so their
    values are checked as the declared filtersets' are."""

    filterset_base = FilterSet
