from django.utils.translation import gettext_lazy as _

from ssrhub.core.i18n import localized
from ssrhub.core.searching import SearchIndex, register

from .models import Framework, FrameworkItem, Mission, UNEntity


def _current_versions_only(queryset):
    # Old versions stay readable from their own pages; global search shows each code once.
    current = [framework.current_version for framework in Framework.objects.prefetch_related('versions')]
    return (
        queryset.filter(version__in=[version for version in current if version])
        .select_related('version__framework', 'parent')
        .order_by('order')
    )


def _describe_item(item) -> dict:
    return {
        'title': f'{item.code} – {item.label}',
        'url': item.get_absolute_url(),
        'text': [item.definition, item.definition_en, item.definition_fr],
        'context': item.parent.label if item.parent else str(item.version),
    }


def _describe_mission(mission) -> dict:
    return {
        'title': f'{mission.acronym} – {localized(mission, "name")}',
        'url': mission.get_absolute_url(),
        'context': ' – '.join(f'{day:%Y}' for day in (mission.start, mission.end) if day),
    }


def _describe_entity(entity) -> dict:
    name = entity.current_name
    return {
        'title': f'{entity.code} – {localized(name, "name")}' if name else entity.code,
        'url': entity.get_absolute_url(),
        'context': entity.get_kind_display(),
    }


register(
    SearchIndex(
        model=FrameworkItem,
        kind='framework-items',
        label=_('Framework items'),
        fields=('label_en', 'label_fr', 'code', 'definition_en', 'definition_fr'),
        queryset_hook=_current_versions_only,
        describe=_describe_item,
        priority=10,
    )
)
register(
    SearchIndex(
        model=Mission,
        kind='missions',
        label=_('Missions'),
        fields=('acronym', 'acronym_fr', 'name_en', 'name_fr'),
        describe=_describe_mission,
        priority=30,
    )
)
register(
    SearchIndex(
        model=UNEntity,
        kind='entities',
        label=_('Entities'),
        fields=('code', 'names__acronym', 'names__name_en', 'names__name_fr'),
        queryset_hook=lambda queryset: queryset.prefetch_related('names'),
        describe=_describe_entity,
        priority=35,
    )
)
