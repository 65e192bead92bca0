from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from ssrhub.core.exports import CSV_BOM
from ssrhub.core.views import generic

from .export import EXPORT_FORMATS, export_version
from .filtersets import FrameworkItemFilterSet, MissionFilterSet, UNEntityFilterSet
from .forms import MissionForm
from .models import Framework, FrameworkItem, FrameworkVersion, Mission, UNEntity
from .sections import mission_sections
from .tables import MissionTable, UNEntityTable
from .tree import build_tree

__all__ = [
    'FrameworkItemHistoryView',
    'FrameworkItemView',
    'FrameworkVersionExportView',
    'FrameworkVersionView',
    'MissionEditView',
    'MissionHistoryView',
    'MissionListView',
    'MissionView',
    'UNEntityHistoryView',
    'UNEntityListView',
    'UNEntityView',
    'framework_index',
]


# Section: framework


def framework_index(request):
    frameworks = Framework.objects.restrict(request.user).prefetch_related('versions')
    if len(frameworks) == 1 and frameworks[0].current_version:
        return redirect(frameworks[0].current_version.get_absolute_url())
    return render(request, 'framework/framework_list.html', {'frameworks': frameworks})


def _version(request, framework, version):
    queryset = FrameworkVersion.objects.restrict(request.user).select_related('framework')
    return get_object_or_404(queryset, framework__code=framework, version=version)


class FrameworkVersionView(View):
    """The searchable item tree of one version; htmx requests get only the tree."""

    def get(self, request, framework, version):
        version = _version(request, framework, version)
        items = version.items.restrict(request.user).prefetch_related('citations').order_by('order')
        query = request.GET.get('q', '').strip()
        matched = None
        if query:
            filterset = FrameworkItemFilterSet({'q': query}, queryset=items)
            matched = list(filterset.qs.values_list('pk', flat=True))
        context = {
            'version': version,
            'versions': version.framework.versions.restrict(request.user),
            'tree': build_tree(items, matched),
            'query': query,
            'match_count': len(matched) if matched is not None else None,
            'item_count': items.count(),
            'export_formats': EXPORT_FORMATS,
        }
        template = 'framework/htmx/tree.html' if request.htmx else 'framework/version.html'
        return render(request, template, context)


class FrameworkVersionExportView(View):
    def get(self, request, framework, version, fmt):
        if fmt not in EXPORT_FORMATS:
            raise Http404
        version = _version(request, framework, version)
        items = FrameworkItemFilterSet(request.GET, queryset=version.items.restrict(request.user)).qs
        content = export_version(version, fmt, items)
        content_type = 'application/json' if fmt == 'json' else 'text/csv'
        response = HttpResponse(
            CSV_BOM + content if fmt == 'csv' else content, content_type=f'{content_type}; charset=utf-8'
        )
        response['Content-Disposition'] = f'attachment; filename="{framework}-{version.version}.{fmt}"'
        return response


class FrameworkItemMixin:
    queryset = FrameworkItem.objects.select_related('version__framework', 'parent')

    def get_object(self, request, framework, version, code):
        return super().get_object(request, version__framework__code=framework, version__version=version, code=code)


class FrameworkItemView(FrameworkItemMixin, generic.ObjectView):
    template_name = 'framework/item.html'

    def get_extra_context(self, request, obj):
        return {
            'children': obj.children.restrict(request.user).order_by('order'),
            'ancestors': _ancestors(obj),
            'other_versions': FrameworkItem.objects.restrict(request.user)
            .filter(code=obj.code, version__framework=obj.version.framework)
            .exclude(pk=obj.pk)
            .select_related('version__framework'),
        }


class FrameworkItemHistoryView(FrameworkItemMixin, generic.ObjectHistoryView):
    pass


def _ancestors(item) -> list:
    chain = []
    while item.parent_id:
        item = item.parent
        chain.insert(0, item)
    return chain


# Section: entities


class UNEntityListView(generic.ObjectListView):
    queryset = UNEntity.objects.prefetch_related('names')
    filterset = UNEntityFilterSet
    table = UNEntityTable


class UNEntityView(generic.ObjectView):
    queryset = UNEntity.objects.prefetch_related('names', 'citations')
    template_name = 'framework/entity.html'

    def get_extra_context(self, request, obj):
        return {
            'members': obj.memberships.select_related('member').prefetch_related('member__names', 'citations'),
            'member_of': obj.member_of.select_related('group').prefetch_related('group__names', 'citations'),
        }


class UNEntityHistoryView(generic.ObjectHistoryView):
    queryset = UNEntity.objects.all()


# Section: missions


class MissionListView(generic.ObjectListView):
    queryset = Mission.objects.prefetch_related('countries')
    filterset = MissionFilterSet
    table = MissionTable


class MissionView(generic.ObjectView):
    queryset = Mission.objects.prefetch_related('countries', 'predecessors', 'successors', 'citations')
    template_name = 'framework/mission.html'

    def get_extra_context(self, request, obj):
        return {'lineage': _lineage(obj), 'sections': mission_sections(request, obj)}


class MissionEditView(generic.ObjectEditView):
    queryset = Mission.objects.all()
    form = MissionForm


class MissionHistoryView(generic.ObjectHistoryView):
    queryset = Mission.objects.all()


def _lineage(mission) -> list:
    """The chain of missions this one grew out of and into, oldest first (first predecessor path)."""
    chain, current = [mission], mission
    while (previous := current.predecessors.order_by('start').first()) and previous not in chain:
        chain.insert(0, previous)
        current = previous
    current = mission
    while (following := current.successors.order_by('start').first()) and following not in chain:
        chain.append(following)
        current = following
    return chain
