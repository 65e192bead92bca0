from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    name = 'ssrhub.framework'
    label = 'framework'
    verbose_name = _('reference framework')

    def ready(self):
        from . import search  # noqa: F401
