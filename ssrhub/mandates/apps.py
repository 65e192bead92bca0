from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = 'ssrhub.mandates'
    label = 'mandates'
    verbose_name = _('mandates')

    def ready(self):
        from ssrhub.documents.panels import DocumentPanel, register_document
        from ssrhub.framework.sections import MissionSection, register

        from .views import mission_track_section

        register(MissionSection('mandates/includes/mission_track_link.html', mission_track_section, order=10))
        register_document(DocumentPanel(annotate=_unchanged, template='mandates/includes/document_by_reference.html'))


def _unchanged(queryset):
    return queryset
