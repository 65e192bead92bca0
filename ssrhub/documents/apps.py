from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = 'ssrhub.documents'
    label = 'documents'
    verbose_name = _('documents')

    def ready(self):
        from . import search  # noqa: F401
