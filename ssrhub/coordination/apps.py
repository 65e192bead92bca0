from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = 'ssrhub.coordination'
    label = 'coordination'
    verbose_name = _('coordination')

    def ready(self):
        from . import search  # noqa: F401
