from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodingConfig(AppConfig):
    name = 'ssrhub.coding'
    label = 'coding'
    verbose_name = _('coding')

    def ready(self):
        # coding sits above documents: it adds its step to the pipeline, its panels to the document and paragraph
        # pages, and its review decisions to the documents' history.
        from ssrhub.core import history
        from ssrhub.documents import ingest, panels, reading
        from ssrhub.documents.models import Document

        from .learned import propose_stored
        from .models import CodeAssignment, ParagraphReview
        from .paragraphs import CODES_PANEL, PROGRESS_PANEL
        from .review import describe_decision
        from .store import CODING_ANALYSIS, code_read, code_stored, warm_codebook

        reading.after_reading(CODING_ANALYSIS, code_read, warm_codebook)
        ingest.after_storing(code_stored)
        ingest.after_storing(propose_stored)
        panels.register(CODES_PANEL)
        panels.register_document(PROGRESS_PANEL)
        for model in (CodeAssignment, ParagraphReview):
            history.register_source(
                history.HistorySource(
                    owner=Document,
                    model=model,
                    lookup='paragraph__version__document',
                    describe=describe_decision,
                    select_related=('paragraph',),
                )
            )
