from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = 'ssrhub.finance'
    label = 'finance'
    verbose_name = _('financing')

    def ready(self):
        from . import search  # noqa: F401
        from .tasks import connect_refresh

        connect_refresh()
