from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import Framework, FrameworkItem, Mission, UNEntity


def _current_versions_only(queryset):
    # Old versions stay readable from their own pages; global search shows each code once.
    current = [framework.current_version for framework in Framework.objects.prefetch_related('versions')]
    return (
        queryset.filter(version__in=[version for version in current if version])
        .select_related('version__framework')
        .order_by('order')
    )


register(
    SearchIndex(
        model=FrameworkItem,
        fields=('code', 'label_en', 'label_fr', 'definition_en', 'definition_fr'),
        label=_('Framework items'),
        queryset_hook=_current_versions_only,
    )
)
register(SearchIndex(model=Mission, fields=('acronym', 'acronym_fr', 'name_en', 'name_fr'), label=_('Missions')))
register(
    SearchIndex(
        model=UNEntity,
        fields=('code', 'names__acronym', 'names__name_en', 'names__name_fr'),
        label=_('Entities'),
        queryset_hook=lambda queryset: queryset.distinct(),
    )
)
