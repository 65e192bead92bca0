from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = 'ssrhub.countries'
    label = 'countries'
    verbose_name = _('country workspaces')

    def ready(self):
        from . import search  # noqa: F401
