from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = 'ssrhub.core'
    label = 'core'
    verbose_name = _('core')

    def ready(self):
        from . import checks, metrics, search, sessions, signals  # noqa: F401
        from .api import schema  # noqa: F401  (drf-spectacular's extensions register on import)
