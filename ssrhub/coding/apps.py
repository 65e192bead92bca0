from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodingConfig(AppConfig):
    name = 'ssrhub.coding'
    label = 'coding'
    verbose_name = _('coding')

    def ready(self):
        # coding sits above documents: it adds its step to the pipeline and its panel to the paragraph pages.
        from ssrhub.documents import ingest, panels

        from .paragraphs import CODES_PANEL
        from .store import code_stored

        ingest.after_storing(code_stored)
        panels.register(CODES_PANEL)
