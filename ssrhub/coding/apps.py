from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodingConfig(AppConfig):
    name = 'ssrhub.coding'
    label = 'coding'
    verbose_name = _('coding')
