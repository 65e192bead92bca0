from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = 'ssrhub.documents'
    label = 'documents'
    verbose_name = _('documents')

    def ready(self):
        from ssrhub.framework.sections import MissionSection, register

        from . import search  # noqa: F401
        from .missions import mission_documents_section

        register(MissionSection('documents/includes/mission_documents.html', mission_documents_section, order=20))
