import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Country

__all__ = ['BaseTable', 'CountryTable']


class BaseTable(tables.Table):
    class Meta:
        attrs = {'class': 'table table-sm table-hover align-middle'}
        template_name = 'django_tables2/bootstrap5.html'


class CountryTable(BaseTable):
    name = tables.Column(verbose_name=_('Name'), linkify=True, order_by=('name_rank',), accessor='name')
    iso3 = tables.Column(verbose_name=_('ISO alpha-3'))
    iso2 = tables.Column(verbose_name=_('ISO alpha-2'))
    mission_count = tables.Column(verbose_name=_('Missions'))
    workspace = tables.Column(verbose_name=_('SSR workspace'), accessor='iso3', orderable=False, empty_values=())

    def before_render(self, request):
        # The workspace pages' own rule: a role that views workspace records (their URL names are the countries app's).
        if not request.user.has_perm('countries.view_engagement'):
            self.columns.hide('workspace')

    def render_workspace(self, value, record):
        url = reverse('countries:dashboard', args=[value])
        label = _('SSR workspace of %(country)s') % {'country': record.name}
        return format_html('<a href="{}" aria-label="{}">{}</a>', url, label, _('Open'))

    class Meta(BaseTable.Meta):
        model = Country
        fields = ('name', 'iso3', 'iso2')
